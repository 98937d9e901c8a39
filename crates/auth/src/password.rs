//! Passwords: the policy a new password must meet, and Argon2id hashing.
//!
//! Hashes are PHC strings (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) with a
//! fresh random salt each. Verification reads the parameters from the stored
//! string, so old hashes keep working when the defaults change;
//! [`needs_rehash`] tells when to store a new hash after a successful login.

use std::collections::HashSet;
use std::sync::OnceLock;

use argon2::{Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier};

/// The fewest characters a password may have (counted as `char`s).
pub const MIN_LEN: usize = 12;
/// The most characters a password may have (counted as `char`s).
pub const MAX_LEN: usize = 256;

/// The local part of an e-mail address shorter than this is not looked for
/// inside the password (too many false alarms: "ann", "bo").
const MIN_ACCOUNT_NAME_LEN: usize = 4;

/// The bundled list of common passwords (see `data/README.md`).
const COMMON_PASSWORDS: &str = include_str!("../data/common-passwords.txt");

/// Why a password was refused by [`check_policy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    /// Fewer than [`MIN_LEN`] characters.
    #[error("the password is shorter than {MIN_LEN} characters")]
    TooShort,
    /// More than [`MAX_LEN`] characters.
    #[error("the password is longer than {MAX_LEN} characters")]
    TooLong,
    /// In the list of common passwords, perhaps with digits or punctuation added.
    #[error("the password is too common")]
    Common,
    /// Contains the local part of the account's e-mail address.
    #[error("the password contains the account name")]
    ContainsAccountName,
}

impl PasswordProblem {
    /// A stable identifier, e.g. for choosing a translated message.
    pub fn code(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "too-short",
            PasswordProblem::TooLong => "too-long",
            PasswordProblem::Common => "common",
            PasswordProblem::ContainsAccountName => "contains-account-name",
        }
    }
}

/// Checks the policy: at least [`MIN_LEN`] characters, at most [`MAX_LEN`],
/// not in the bundled list of common passwords (compared case-insensitively,
/// also after stripping trailing digits/punctuation, so "Password1234!" is
/// common), and not containing the local part of the account's e-mail (if
/// that local part is at least 4 characters).
pub fn check_policy(password: &str, email: &str) -> Result<(), PasswordProblem> {
    let len = password.chars().count();
    if len < MIN_LEN {
        return Err(PasswordProblem::TooShort);
    }
    if len > MAX_LEN {
        return Err(PasswordProblem::TooLong);
    }
    let lower = password.to_lowercase();
    if is_common(&lower) {
        return Err(PasswordProblem::Common);
    }
    let local = email
        .rsplit_once('@')
        .map_or(email, |(local, _)| local)
        .trim()
        .to_lowercase();
    if local.chars().count() >= MIN_ACCOUNT_NAME_LEN && lower.contains(&local) {
        return Err(PasswordProblem::ContainsAccountName);
    }
    Ok(())
}

/// Whether the lower-cased `password` is common: as is, or once any number of
/// the digits, punctuation and spaces at its end are taken away (so
/// "password1234!" and "1234567890!!" are both common).
fn is_common(lower: &str) -> bool {
    let list = common_passwords();
    if list.contains(lower) {
        return true;
    }
    for (at, c) in lower.char_indices().rev() {
        if !(c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_whitespace()) {
            break;
        }
        if at > 0 && list.contains(&lower[..at]) {
            return true;
        }
    }
    false
}

/// The bundled common passwords, parsed once.
fn common_passwords() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        COMMON_PASSWORDS
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect()
    })
}

/// Hashes `password` with Argon2id (default parameters m=19456 KiB, t=2,
/// p=1) and a random salt, as a PHC string.
pub fn hash_password(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .expect("Argon2id with default parameters and OS randomness cannot fail")
        .to_string()
}

/// Verifies `password` against a PHC string in constant time; `false` on any
/// malformed or unsupported hash.
pub fn verify_password(hash: &str, password: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok()
}

/// Whether `hash` was made with other parameters than [`hash_password`] uses
/// now (or cannot be read), so it should be replaced after the next
/// successful login.
pub fn needs_rehash(hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return true;
    };
    let Ok(params) = Params::try_from(&parsed) else {
        return true;
    };
    let current = Params::default();
    parsed.algorithm != argon2::ARGON2ID_IDENT
        || parsed.version != Some(argon2::Version::default().into())
        || params.m_cost() != current.m_cost()
        || params.t_cost() != current.t_cost()
        || params.p_cost() != current.p_cost()
}

/// Argon2id parameters of recovery codes (m=8 MiB, t=1, p=1): a code has
/// about 59 random bits, so a lighter hash than a password's still makes a
/// stolen table useless, and checking the ten codes of an account stays
/// quick.
fn recovery_hasher() -> Argon2<'static> {
    let params = Params::new(8192, 1, 1, None).expect("valid Argon2 parameters");
    Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
}

/// A salted Argon2id hash (PHC string) of a recovery code, already
/// normalised ([`crate::normalize_recovery_code`]).
pub fn hash_recovery_code(code: &str) -> String {
    recovery_hasher()
        .hash_password(code.as_bytes())
        .expect("Argon2id with fixed parameters and OS randomness cannot fail")
        .to_string()
}

/// Whether the normalised `code` matches a stored recovery-code hash: a
/// salted Argon2id PHC string, or (codes made before hashes were salted) the
/// hex SHA-256 of [`crate::hash_token`], compared in constant time.
pub fn verify_recovery_code(stored: &str, code: &str) -> bool {
    if stored.starts_with("$argon2") {
        return PasswordHash::new(stored)
            .is_ok_and(|parsed| recovery_hasher().verify_password(code.as_bytes(), &parsed).is_ok());
    }
    crate::constant_time_eq(crate::hash_token(code).as_bytes(), stored.as_bytes())
}

/// A hash of a random password, to verify against when the account does not
/// exist, so the time taken does not tell whether it exists. Computed once.
pub fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_password(&crate::tokens::random_token()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_limits() {
        assert_eq!(check_policy("short", "a@b.it"), Err(PasswordProblem::TooShort));
        // 11 characters but more than 12 bytes: characters count, not bytes.
        assert_eq!(check_policy("àèìòùàèìòùà", "a@b.it"), Err(PasswordProblem::TooShort));
        assert_eq!(check_policy("àèìòùàèìòùàè", "a@b.it"), Ok(()));
        let long = "x7Q".repeat(86);
        assert_eq!(check_policy(&long[..MAX_LEN], "a@b.it"), Ok(()));
        assert_eq!(check_policy(&long, "a@b.it"), Err(PasswordProblem::TooLong));
    }

    #[test]
    fn common_passwords_are_refused() {
        assert!(common_passwords().len() >= 10_000);
        for pw in [
            "123456654321",
            "1234567890!!",
            "qwerty123456789",
            "qwertyuiop12",
            "Password1234!",
            "PASSWORD12345678",
            "sunshine2024!!",
            "iloveyou123456",
            "Football 2024!",
        ] {
            assert_eq!(
                check_policy(pw, "mario@example.it"),
                Err(PasswordProblem::Common),
                "{pw}"
            );
        }
    }

    #[test]
    fn good_passwords_pass() {
        for pw in [
            "correct horse battery staple",
            "Trulli-di-Alberobello-1996",
            "zq8!vK2#mW4p",
        ] {
            assert_eq!(check_policy(pw, "mario.rossi@example.it"), Ok(()), "{pw}");
        }
    }

    #[test]
    fn account_name_is_refused() {
        assert_eq!(
            check_policy("MarioRossi-Lecce-77", "mariorossi@example.it"),
            Err(PasswordProblem::ContainsAccountName)
        );
        // Short local parts are not looked for.
        assert_eq!(check_policy("bob-runs-the-desk", "bob@example.it"), Ok(()));
        assert_eq!(check_policy("bob-runs-the-desk", "not-an-address"), Ok(()));
    }

    #[test]
    fn problem_codes_and_messages() {
        assert_eq!(PasswordProblem::Common.code(), "common");
        assert!(PasswordProblem::TooShort.to_string().contains("12"));
    }

    #[test]
    fn hash_and_verify() {
        let hash = hash_password("correct horse battery staple");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(verify_password(&hash, "correct horse battery staple"));
        assert!(!verify_password(&hash, "correct horse battery stapler"));
        assert!(!needs_rehash(&hash));
        // Salts are random.
        assert_ne!(hash, hash_password("correct horse battery staple"));
    }

    #[test]
    fn malformed_hashes_are_refused() {
        for bad in [
            "",
            "plain",
            "$argon2id$v=19$",
            "$2b$12$abcdefghijklmnopqrstuv",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$",
        ] {
            assert!(!verify_password(bad, "anything"), "{bad}");
            assert!(needs_rehash(bad), "{bad}");
        }
    }

    #[test]
    fn old_parameters_need_rehash() {
        let weak = Argon2::new(
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            Params::new(8192, 1, 1, None).unwrap(),
        );
        let hash = weak.hash_password(b"secret words here").unwrap().to_string();
        assert!(verify_password(&hash, "secret words here"));
        assert!(needs_rehash(&hash));
    }

    #[test]
    fn recovery_codes_are_salted_and_still_usable() {
        let code = "k7m2-p9qx-4hzt";
        let a = hash_recovery_code(code);
        let b = hash_recovery_code(code);
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert_ne!(a, b, "a salt each");
        assert!(verify_recovery_code(&a, code) && verify_recovery_code(&b, code));
        assert!(!verify_recovery_code(&a, "k7m2-p9qx-4hzu"));
        assert!(!a.contains(code) && !a.contains("k7m2p9qx4hzt"));
        // A code stored before salting: its SHA-256.
        let legacy = crate::hash_token(code);
        assert!(verify_recovery_code(&legacy, code));
        assert!(!verify_recovery_code(&legacy, "k7m2-p9qx-4hzu"));
        assert!(!verify_recovery_code("$argon2id$broken", code));
    }

    #[test]
    fn dummy_hash_is_stable_and_matches_nothing_typed() {
        assert_eq!(dummy_hash(), dummy_hash());
        assert!(dummy_hash().starts_with("$argon2id$"));
        assert!(!verify_password(dummy_hash(), "correct horse battery staple"));
    }
}
