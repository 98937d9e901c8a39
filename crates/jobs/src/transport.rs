//! How the outbox sends: SMTP to a relay (plain on a trusted network, STARTTLS
//! or implicit TLS with rustls and the Mozilla root certificates), or
//! `record`, which never sends (the demo). Configured by one address:
//!
//! - `smtp://HOST[:PORT]` — plain SMTP (default port 25), for a relay on
//!   the same machine or network, and for the tests;
//! - `smtp+starttls://[USER:PASS@]HOST[:PORT]` — STARTTLS required (default 587);
//! - `smtps://[USER:PASS@]HOST[:PORT]` — TLS from the start (default 465);
//! - `record` — keep every message in the database, send none.
//!
//! Each message goes over a connection of its own (no pool: simple, and
//! plenty for a local relay). User and password may be percent-encoded
//! (`%40` for `@`). Neither `Debug` nor `Display` ever shows the password.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncTransport, Message, Tokio1Executor};

/// How long one SMTP command may take before the attempt counts as failed.
pub const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error(
        "not a mail transport: {0:?} (use smtp://HOST:PORT, smtp+starttls://USER:PASS@HOST:587, \
         smtps://USER:PASS@HOST:465 or record)"
    )]
    BadUrl(String),
    #[error("not a sender address: {0:?} (use e.g. \"Sportello <noreply@example.org>\")")]
    BadFrom(String),
    #[error("cannot set up TLS for {host}: {source}")]
    Tls {
        host: String,
        source: lettre::transport::smtp::Error,
    },
}

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// No TLS: only for a relay on a trusted network.
    Plain,
    /// STARTTLS, required: the message is never sent in the clear.
    StartTls,
    /// TLS from the first byte (SMTPS).
    Tls,
}

/// A parsed SMTP server address.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpUrl {
    pub security: SmtpSecurity,
    pub host: String,
    pub port: u16,
    pub user: Option<String>,
    password: Option<String>,
}

impl SmtpUrl {
    pub fn parse(url: &str) -> Result<SmtpUrl, MailConfigError> {
        let bad = || MailConfigError::BadUrl(redact(url));
        let (scheme, rest) = url.trim().split_once("://").ok_or_else(bad)?;
        let (security, default_port) = match scheme.to_ascii_lowercase().as_str() {
            "smtp" => (SmtpSecurity::Plain, 25),
            "smtp+starttls" => (SmtpSecurity::StartTls, 587),
            "smtps" => (SmtpSecurity::Tls, 465),
            _ => return Err(bad()),
        };
        let rest = rest.strip_suffix('/').unwrap_or(rest);
        let (userinfo, hostport) = match rest.rfind('@') {
            Some(at) => (Some(&rest[..at]), &rest[at + 1..]),
            None => (None, rest),
        };
        let (host, port) = match hostport.rsplit_once(':') {
            Some((host, port)) => (host, port.parse::<u16>().map_err(|_| bad())?),
            None => (hostport, default_port),
        };
        let host_ok = |h: &str| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
        };
        if !host_ok(host) || port == 0 {
            return Err(bad());
        }
        let (user, password) = match userinfo {
            None => (None, None),
            Some(info) => {
                let (user, password) = info.split_once(':').ok_or_else(bad)?;
                let (user, password) = (
                    percent_decode(user).ok_or_else(bad)?,
                    percent_decode(password).ok_or_else(bad)?,
                );
                if user.is_empty() {
                    return Err(bad());
                }
                (Some(user), Some(password))
            }
        };
        Ok(SmtpUrl {
            security,
            host: host.to_string(),
            port,
            user,
            password,
        })
    }

    fn credentials(&self) -> Option<Credentials> {
        Some(Credentials::new(self.user.clone()?, self.password.clone()?))
    }
}

impl std::fmt::Display for SmtpUrl {
    /// The address with the password left out.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scheme = match self.security {
            SmtpSecurity::Plain => "smtp",
            SmtpSecurity::StartTls => "smtp+starttls",
            SmtpSecurity::Tls => "smtps",
        };
        match &self.user {
            Some(user) => write!(f, "{scheme}://{user}:…@{}:{}", self.host, self.port),
            None => write!(f, "{scheme}://{}:{}", self.host, self.port),
        }
    }
}

impl std::fmt::Debug for SmtpUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SmtpUrl({self})")
    }
}

/// What the user gave, without what may be a password, for error messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => format!("{}://…@{}", &url[..scheme], &url[at + 1..]),
        _ => url.to_string(),
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Parses the configured sender, e.g. `Sportello <noreply@example.org>`.
pub fn parse_mailbox(text: &str) -> Result<Mailbox, MailConfigError> {
    text.trim()
        .parse()
        .map_err(|_| MailConfigError::BadFrom(text.to_string()))
}

/// Where the outbox's messages go.
#[derive(Clone)]
pub enum MailTransport {
    /// An SMTP server; `from` is the sender of every message.
    Smtp {
        url: SmtpUrl,
        from: Mailbox,
        client: Box<AsyncSmtpTransport<Tokio1Executor>>,
    },
    /// Nothing is sent: messages are marked recorded and stay in the database.
    Record,
}

impl MailTransport {
    /// The transport for a configured address (see the top of this file).
    pub fn parse(config: &str, from: Mailbox) -> Result<MailTransport, MailConfigError> {
        if config.trim().eq_ignore_ascii_case("record") {
            return Ok(MailTransport::Record);
        }
        MailTransport::smtp(SmtpUrl::parse(config)?, from)
    }

    pub fn smtp(url: SmtpUrl, from: Mailbox) -> Result<MailTransport, MailConfigError> {
        let tls_error = |source| MailConfigError::Tls {
            host: url.host.clone(),
            source,
        };
        let builder = match url.security {
            SmtpSecurity::Plain => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(url.host.as_str()),
            SmtpSecurity::StartTls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&url.host).map_err(tls_error)?
            }
            SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&url.host).map_err(tls_error)?,
        };
        let mut builder = builder
            .port(url.port)
            .timeout(Some(SMTP_TIMEOUT))
            .hello_name(ClientId::Domain(from.email.domain().to_string()));
        if let Some(credentials) = url.credentials() {
            builder = builder.credentials(credentials);
        }
        Ok(MailTransport::Smtp {
            client: Box::new(builder.build()),
            url,
            from,
        })
    }

    /// Sends one message through SMTP.
    pub(crate) async fn send(&self, message: Message) -> Result<(), SendError> {
        match self {
            MailTransport::Smtp { client, .. } => match client.send(message).await {
                Ok(_) => Ok(()),
                Err(e) if e.is_permanent() => Err(SendError::Permanent(e.to_string())),
                Err(e) => Err(SendError::Transient(e.to_string())),
            },
            MailTransport::Record => Err(SendError::Permanent("the record transport sends nothing".into())),
        }
    }
}

impl std::fmt::Debug for MailTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MailTransport::Smtp { url, from, .. } => write!(f, "MailTransport::Smtp({url}, from {from})"),
            MailTransport::Record => f.write_str("MailTransport::Record"),
        }
    }
}

/// Why an attempt to send failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum SendError {
    /// Refused for good (SMTP 5xx, or a message that cannot be built).
    #[error("{0}")]
    Permanent(String),
    /// Worth another try (SMTP 4xx, no connection, timeout).
    #[error("{0}")]
    Transient(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from() -> Mailbox {
        parse_mailbox("Sportello <noreply@lavoro.example.it>").unwrap()
    }

    #[test]
    fn parses_the_four_kinds_of_address() {
        let plain = SmtpUrl::parse("smtp://127.0.0.1:2525").unwrap();
        assert_eq!(
            (plain.security, plain.host.as_str(), plain.port),
            (SmtpSecurity::Plain, "127.0.0.1", 2525)
        );
        assert_eq!(plain.user, None);
        assert_eq!(SmtpUrl::parse("smtp://relay.local").unwrap().port, 25);
        let starttls = SmtpUrl::parse("smtp+starttls://cpi%40example.it:p%3Ass@mail.example.it").unwrap();
        assert_eq!((starttls.security, starttls.port), (SmtpSecurity::StartTls, 587));
        assert_eq!(starttls.user.as_deref(), Some("cpi@example.it"));
        assert_eq!(starttls.password.as_deref(), Some("p:ss"));
        let tls = SmtpUrl::parse("smtps://user:secret@mail.example.it:1465/").unwrap();
        assert_eq!((tls.security, tls.port), (SmtpSecurity::Tls, 1465));
        assert!(matches!(
            MailTransport::parse(" Record ", from()).unwrap(),
            MailTransport::Record
        ));
        assert!(matches!(
            MailTransport::parse("smtps://u:p@mail.example.it", from()).unwrap(),
            MailTransport::Smtp { .. }
        ));
        for bad in [
            "",
            "mail.example.it",
            "http://x",
            "smtp://",
            "smtp://host:0",
            "smtp://host:x",
            "smtp://a b",
            "smtp://user@host",
            "smtp://u:%zz@host",
        ] {
            assert!(SmtpUrl::parse(bad).is_err(), "{bad:?}");
        }
        assert!(parse_mailbox("not an address").is_err());
    }

    #[test]
    fn never_shows_the_password() {
        let url = "smtps://user:s3cret@mail.example.it";
        let transport = MailTransport::parse(url, from()).unwrap();
        for shown in [format!("{transport:?}"), SmtpUrl::parse(url).unwrap().to_string()] {
            assert!(
                !shown.contains("s3cret") && shown.contains("mail.example.it"),
                "{shown}"
            );
        }
        let error = SmtpUrl::parse("smtpx://user:s3cret@mail.example.it")
            .unwrap_err()
            .to_string();
        assert!(!error.contains("s3cret"), "{error}");
    }
}
