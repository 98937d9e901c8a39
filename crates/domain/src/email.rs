//! Email addresses of citizens, employers and operators. Deliberately stricter
//! than RFC 5322: the addresses people actually type, in a form that is safe to
//! put in a mail header or a link. The whole address is kept in lower case, so
//! two spellings of the same address compare equal.
//!
//! Accepted: a local part of at most 64 characters made of ASCII letters, digits
//! and ``! # $ % & ' * + / = ? ^ _ ` { | } ~ -``, with single dots between them;
//! an `@`; a domain of at least two dot-separated labels of letters, digits and
//! inner hyphens (at most 63 characters each, the last not all digits); at most
//! 254 characters in all. Quoted local parts, IP-address domains and non-ASCII
//! addresses are refused (an internationalised domain can be written in its
//! `xn--` form).

use serde::Serialize;

/// The longest address that fits in an SMTP path (RFC 5321 §4.5.3.1.3).
const MAX_LEN: usize = 254;
const MAX_LOCAL_LEN: usize = 64;
const MAX_LABEL_LEN: usize = 63;

/// A parsed, lower-cased email address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Email(String);

/// Why a text is not an email address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("the email address is empty")]
    Empty,
    #[error("an email address has at most 254 characters")]
    TooLong,
    #[error("this is not a valid email address; it should look like name@example.it")]
    Invalid,
}

impl Email {
    /// Parses user input such as ` Mario.Rossi@Example.IT `, which becomes
    /// `mario.rossi@example.it`.
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        if trimmed.chars().count() > MAX_LEN {
            return Err(EmailError::TooLong);
        }
        let address = trimmed.to_ascii_lowercase();
        let (local, domain) = address.split_once('@').ok_or(EmailError::Invalid)?;
        if valid_local_part(local) && valid_domain(domain) {
            Ok(Email(address))
        } else {
            Err(EmailError::Invalid)
        }
    }

    /// The whole address, in lower case.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What comes before the `@`.
    pub fn local_part(&self) -> &str {
        self.0.split_once('@').map_or("", |(local, _)| local)
    }

    /// What comes after the `@`.
    pub fn domain(&self) -> &str {
        self.0.split_once('@').map_or("", |(_, domain)| domain)
    }
}

fn valid_local_part(local: &str) -> bool {
    local.len() <= MAX_LOCAL_LEN
        && local.split('.').all(|atom| {
            !atom.is_empty()
                && atom
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&b))
        })
}

fn valid_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            (1..=MAX_LABEL_LEN).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| !tld.bytes().all(|b| b.is_ascii_digit()))
}

impl std::str::FromStr for Email {
    type Err = EmailError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Email::parse(s)
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses() {
        for (input, expected) in [
            (
                "impiego.rimini@regione.emilia-romagna.it",
                "impiego.rimini@regione.emilia-romagna.it",
            ),
            ("  Mario.Rossi@Example.IT\n", "mario.rossi@example.it"),
            ("anna+offerte@posta.example.com", "anna+offerte@posta.example.com"),
            ("o'brien@example.ie", "o'brien@example.ie"),
            ("x@a.b", "x@a.b"),
            ("user_1-2@sub-1.example123.org", "user_1-2@sub-1.example123.org"),
            ("info@xn--nard-5qa.it", "info@xn--nard-5qa.it"),
        ] {
            let email = Email::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(email.as_str(), expected);
        }
    }

    #[test]
    fn splits_local_part_and_domain() {
        let email = Email::parse("Impiego.Riccione@Regione.Emilia-Romagna.it").unwrap();
        assert_eq!(email.local_part(), "impiego.riccione");
        assert_eq!(email.domain(), "regione.emilia-romagna.it");
        assert_eq!(email.to_string(), "impiego.riccione@regione.emilia-romagna.it");
    }

    #[test]
    fn spellings_differing_in_case_are_equal() {
        assert_eq!(Email::parse("A@B.IT").unwrap(), Email::parse("a@b.it").unwrap());
    }

    #[test]
    fn refuses_empty_input() {
        assert_eq!(Email::parse(""), Err(EmailError::Empty));
        assert_eq!(Email::parse(" \t\n"), Err(EmailError::Empty));
    }

    #[test]
    fn refuses_long_addresses() {
        let local = "a".repeat(64);
        let label = "b".repeat(63);
        let longest = format!("{local}@{label}.{label}.{}.it", "c".repeat(58));
        assert_eq!(longest.len(), 254);
        assert!(Email::parse(&longest).is_ok());
        let too_long = format!("{local}@{label}.{label}.{}.it", "c".repeat(59));
        assert_eq!(Email::parse(&too_long), Err(EmailError::TooLong));
        assert_eq!(
            Email::parse(&format!("{}@example.it", "a".repeat(65))),
            Err(EmailError::Invalid)
        );
        assert_eq!(
            Email::parse(&format!("a@{}.it", "b".repeat(64))),
            Err(EmailError::Invalid)
        );
    }

    #[test]
    fn refuses_malformed_addresses() {
        for bad in [
            "plainaddress",
            "@example.it",
            "mario@",
            "mario@@example.it",
            "mario@rossi@example.it",
            "mario@localhost",
            "mario@example",
            "mario@example.",
            "mario@.example.it",
            "mario@example..it",
            "mario@-example.it",
            "mario@example-.it",
            "mario@exa_mple.it",
            "mario@192.168.0.1",
            "mario@[192.168.0.1]",
            ".mario@example.it",
            "mario.@example.it",
            "ma..rio@example.it",
            "ma rio@example.it",
            "mario@exa mple.it",
            "ma\trio@example.it",
            "mario\u{0}@example.it",
            "\"mario\"@example.it",
            "mario<script>@example.it",
            "mario@example.it>",
            "mario,anna@example.it",
            "mario@example.it\r\nBcc: x@y.it",
            "màrio@example.it",
            "mario@nardò.it",
        ] {
            assert_eq!(Email::parse(bad), Err(EmailError::Invalid), "{bad:?} should be refused");
        }
    }

    #[test]
    fn serializes_as_a_plain_string() {
        let email: Email = "Anna@Example.it".parse().unwrap();
        assert_eq!(serde_json::to_string(&email).unwrap(), "\"anna@example.it\"");
    }
}

#[cfg(test)]
#[path = "email_props.rs"]
mod props;
