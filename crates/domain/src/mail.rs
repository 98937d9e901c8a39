//! An e-mail to send: what the rest of the application hands to the outbox
//! (see the storage's `Outbox` and the `sportello-jobs` crate). The texts are
//! already in the recipient's language; the outbox only stores, claims and
//! delivers. Serializable with serde: attachments are stored as JSON.

use serde::{Deserialize, Deserializer, Serialize};

use crate::{Email, Lang};

/// One message for one recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingMail {
    #[serde(deserialize_with = "email_from_text")]
    pub to: Email,
    /// The recipient's name, shown in the `To` header.
    pub to_name: Option<String>,
    /// The language of the texts (`Content-Language`).
    pub lang: Lang,
    pub subject: String,
    /// The plain-text body, always present.
    pub text: String,
    /// The HTML alternative of the same text, when there is one.
    pub html: Option<String>,
    pub attachments: Vec<MailAttachment>,
    /// What the message is for, e.g. `booking.confirmation`.
    pub kind: String,
    /// At most one message is ever stored per key (e.g.
    /// `newsletter:2026-48:anna@example.it`); enqueuing it again does nothing.
    pub dedupe_key: Option<String>,
    /// A one-click unsubscribe address: sent as `List-Unsubscribe` with
    /// `List-Unsubscribe-Post` (RFC 8058).
    pub list_unsubscribe: Option<String>,
}

/// The kinds of bulk mail (newsletter digests and news issues): claimed
/// after every other due message and sent at the configured rate, so they
/// never hold up a booking confirmation or a password reset.
pub const BULK_MAIL_KINDS: [&str; 2] = ["newsletter.digest", "newsletter.news"];

/// Whether a message of `kind` is bulk mail ([`BULK_MAIL_KINDS`]).
pub fn is_bulk_kind(kind: &str) -> bool {
    BULK_MAIL_KINDS.contains(&kind)
}

/// A file sent with a message, e.g. an `.ics` invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailAttachment {
    pub filename: String,
    /// The whole content type with its parameters, e.g.
    /// `text/calendar; method=REQUEST; charset=UTF-8`.
    pub content_type: String,
    pub content: String,
}

impl OutgoingMail {
    /// A plain-text message of `kind` with no name, HTML, attachment,
    /// dedupe key or unsubscribe address; set the fields to add them.
    pub fn new(to: Email, lang: Lang, kind: &str, subject: &str, text: &str) -> OutgoingMail {
        OutgoingMail {
            to,
            to_name: None,
            lang,
            subject: subject.into(),
            text: text.into(),
            html: None,
            attachments: Vec::new(),
            kind: kind.into(),
            dedupe_key: None,
            list_unsubscribe: None,
        }
    }

    /// Whether this is bulk mail ([`BULK_MAIL_KINDS`]).
    pub fn is_bulk(&self) -> bool {
        is_bulk_kind(&self.kind)
    }
}

/// `Email` is serialized as a plain string; reading it back parses it again.
fn email_from_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Email, D::Error> {
    let text = String::deserialize(deserializer)?;
    Email::parse(&text).map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_json() {
        let mut mail = OutgoingMail::new(
            Email::parse("anna@example.it").unwrap(),
            Lang::De,
            "booking.confirmation",
            "Ihr Termin",
            "Guten Tag",
        );
        mail.attachments.push(MailAttachment {
            filename: "termin.ics".into(),
            content_type: "text/calendar; method=REQUEST; charset=UTF-8".into(),
            content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".into(),
        });
        let json = serde_json::to_string(&mail).unwrap();
        assert!(json.contains("\"to\":\"anna@example.it\""), "{json}");
        assert_eq!(serde_json::from_str::<OutgoingMail>(&json).unwrap(), mail);
        let bad = json.replace("anna@example.it", "not an address");
        assert!(serde_json::from_str::<OutgoingMail>(&bad).is_err());
    }
}
