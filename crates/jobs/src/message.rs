//! A stored message as an RFC 5322 message: `Message-ID` made from its stored
//! token (the same on every attempt), `Content-Language` of the recipient,
//! `Auto-Submitted: auto-generated`, one-click unsubscribe (RFC 8058) when
//! the message has an address for it; the body is `multipart/mixed` with the
//! text (and its HTML alternative) first, then the attachments, each with its
//! full content type (an invitation keeps `method=REQUEST`).

use chrono::{DateTime, Utc};
use lettre::Message;
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use sportello_storage::ClaimedMail;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Headers lettre has no type for: a name and a plain ASCII value.
macro_rules! text_header {
    ($name:ident, $header:literal) => {
        #[derive(Debug, Clone)]
        struct $name(String);

        impl Header for $name {
            fn name() -> HeaderName {
                HeaderName::new_from_ascii_str($header)
            }

            fn parse(s: &str) -> Result<Self, BoxError> {
                Ok($name(s.to_string()))
            }

            fn display(&self) -> HeaderValue {
                HeaderValue::new(Self::name(), self.0.clone())
            }
        }
    };
}

text_header!(ContentLanguage, "Content-Language");
text_header!(AutoSubmitted, "Auto-Submitted");
text_header!(ListUnsubscribe, "List-Unsubscribe");
text_header!(ListUnsubscribePost, "List-Unsubscribe-Post");

/// Why a stored message cannot become an e-mail: trying again will not help.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the recipient address {0:?} is not usable")]
    Recipient(String),
    #[error("the unsubscribe address {0:?} is not a plain URL")]
    Unsubscribe(String),
    #[error("attachment {filename:?} has a bad content type {content_type:?}")]
    ContentType { filename: String, content_type: String },
    #[error("cannot build the message: {0}")]
    Message(#[from] lettre::error::Error),
}

/// The `Message-ID` of a stored message: its token at the sender's domain.
pub fn message_id(token: &str, from: &Mailbox) -> String {
    format!("<{token}@{}>", from.email.domain())
}

/// Builds the e-mail of `stored`, dated `now`, from `from`.
pub fn build_message(stored: &ClaimedMail, from: &Mailbox, now: DateTime<Utc>) -> Result<Message, BuildError> {
    let mail = &stored.mail;
    let address = mail
        .to
        .as_str()
        .parse()
        .map_err(|_| BuildError::Recipient(mail.to.to_string()))?;
    let to = Mailbox::new(mail.to_name.clone().filter(|n| !n.trim().is_empty()), address);
    let mut builder = Message::builder()
        .message_id(Some(message_id(&stored.message_token, from)))
        .date(now.into())
        .from(from.clone())
        .to(to)
        .subject(mail.subject.as_str())
        .header(ContentLanguage(mail.lang.code().to_string()))
        .header(AutoSubmitted("auto-generated".into()));
    if let Some(url) = &mail.list_unsubscribe {
        let plain = !url.is_empty() && url.bytes().all(|b| b.is_ascii_graphic() && b != b'<' && b != b'>');
        if !plain {
            return Err(BuildError::Unsubscribe(url.clone()));
        }
        builder = builder
            .header(ListUnsubscribe(format!("<{url}>")))
            .header(ListUnsubscribePost("List-Unsubscribe=One-Click".into()));
    }
    let text = SinglePart::plain(mail.text.clone());
    let mut body = match &mail.html {
        Some(html) => MultiPart::mixed().multipart(
            MultiPart::alternative()
                .singlepart(text)
                .singlepart(SinglePart::html(html.clone())),
        ),
        None => MultiPart::mixed().singlepart(text),
    };
    for a in &mail.attachments {
        let content_type = ContentType::parse(&a.content_type).map_err(|_| BuildError::ContentType {
            filename: a.filename.clone(),
            content_type: a.content_type.clone(),
        })?;
        body = body.singlepart(Attachment::new(a.filename.clone()).body(a.content.clone(), content_type));
    }
    Ok(builder.multipart(body)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportello_domain::{Email, Lang, MailAttachment, OutgoingMail};
    use sportello_storage::MailStatus;

    fn stored(mail: OutgoingMail) -> ClaimedMail {
        ClaimedMail {
            id: 1,
            message_token: "0123abcd".into(),
            mail,
            status: MailStatus::Pending,
            attempts: 1,
            next_attempt_at: Utc::now(),
            claimed_until: None,
            last_error: None,
            created_at: Utc::now(),
            sent_at: None,
        }
    }

    fn from() -> Mailbox {
        "Sportello <noreply@lavoro.example.it>".parse().unwrap()
    }

    #[test]
    fn headers_and_parts() {
        let mut mail = OutgoingMail::new(
            Email::parse("anna@example.it").unwrap(),
            Lang::It,
            "test",
            "Conferma\r\nBcc: x@y.it",
            "Testo",
        );
        mail.html = Some("<p>Testo</p>".into());
        mail.list_unsubscribe = Some("https://lavoro.example.it/u/1".into());
        mail.attachments.push(MailAttachment {
            filename: "invito.ics".into(),
            content_type: "text/calendar; method=REQUEST; charset=UTF-8".into(),
            content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".into(),
        });
        let raw = String::from_utf8(
            build_message(&stored(mail.clone()), &from(), Utc::now())
                .unwrap()
                .formatted(),
        )
        .unwrap();
        for expected in [
            "Message-ID: <0123abcd@lavoro.example.it>",
            "Content-Language: it",
            "Auto-Submitted: auto-generated",
            "List-Unsubscribe: <https://lavoro.example.it/u/1>",
            "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
            "multipart/mixed",
            "multipart/alternative",
            "method=REQUEST",
        ] {
            assert!(raw.contains(expected), "{expected:?} missing in:\n{raw}");
        }
        assert!(
            !raw.contains("\r\nBcc:"),
            "no header injection through the subject:\n{raw}"
        );

        mail.list_unsubscribe = Some("https://x.it/a b".into());
        assert!(matches!(
            build_message(&stored(mail.clone()), &from(), Utc::now()),
            Err(BuildError::Unsubscribe(_))
        ));
        mail.list_unsubscribe = None;
        mail.attachments[0].content_type = "not a type".into();
        assert!(matches!(
            build_message(&stored(mail), &from(), Utc::now()),
            Err(BuildError::ContentType { .. })
        ));
    }
}
