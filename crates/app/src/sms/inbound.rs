//! What comes back from the SMS gateway: texts people send to our number
//! (Kannel's `sms-service` passes them on) — STOP opts the number out, START
//! takes it back in, each confirmed by a text in the language of the last
//! one sent to that number — and delivery reports, stored on the message
//! they are about.

use chrono::{DateTime, Utc};
use sportello_domain::{Lang, Phone};
use sportello_storage::{Delivery, StorageError};

use crate::App;
use crate::i18n::msg;

/// What a text sent to us asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyword {
    Stop,
    Start,
    /// Anything else: not read by anyone (the texts say replies are not read).
    Other,
}

/// The keyword of an incoming text: its first word, in any case, with the
/// words people use in our languages.
pub fn keyword(text: &str) -> Keyword {
    let word: String = text
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_uppercase();
    match word.as_str() {
        "STOP" | "STOPP" | "STOPALL" | "ARRET" | "ARRÊT" | "BASTA" | "UNSUBSCRIBE" | "CANCEL" | "END" | "QUIT" => {
            Keyword::Stop
        }
        "START" | "UNSTOP" | "AVVIA" | "ATTIVA" => Keyword::Start,
        _ => Keyword::Other,
    }
}

/// What an incoming text did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Received {
    OptedOut,
    AlreadyOptedOut,
    OptedIn,
    /// START from a number that had not opted out.
    NotOptedOut,
    /// No keyword: nothing done.
    Ignored,
}

/// Why an incoming text was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InboundError {
    #[error("the sender is not a phone number: {0:?}")]
    BadSender(String),
    #[error("{0}")]
    Storage(String),
}

impl From<StorageError> for InboundError {
    fn from(e: StorageError) -> Self {
        InboundError::Storage(e.to_string())
    }
}

/// Acts on a text `from` a number (as the gateway gives it: `+39…`,
/// `0039…` or `39…`).
pub async fn receive(app: &App, from: &str, text: &str, now: DateTime<Utc>) -> Result<Received, InboundError> {
    let from = from.trim();
    // Gateways often give the international number without its `+`.
    let international = if from.starts_with('+') || from.starts_with("00") {
        from.to_string()
    } else {
        format!("+{from}")
    };
    let phone = Phone::parse(&international).map_err(|_| InboundError::BadSender(from.chars().take(20).collect()))?;
    let key = app.number_key(&phone);
    let lang = app.storage.last_sms_lang(&key).await?.unwrap_or(Lang::It);
    let received = match keyword(text) {
        Keyword::Stop => {
            if app.opt_out_sms(&phone, lang, now).await? {
                Received::OptedOut
            } else {
                Received::AlreadyOptedOut
            }
        }
        Keyword::Start => {
            if app.storage.opt_in_number(&key).await? {
                if let Some(sms) = app.outgoing_sms(&phone, lang, "sms.opted_in", msg(lang, "sms-opted-in")) {
                    app.storage.enqueue_sms(&sms, now).await?;
                }
                Received::OptedIn
            } else {
                Received::NotOptedOut
            }
        }
        Keyword::Other => Received::Ignored,
    };
    tracing::info!(?received, "incoming text message");
    Ok(received)
}

/// The report of Kannel's type (`%d` in its `dlr-url`): 1 delivered,
/// 2 undelivered, 4 buffered at the SMS centre, 8 submitted to it,
/// 16 rejected by it.
pub fn kannel_delivery(kind: u32) -> Option<Delivery> {
    match kind {
        1 => Some(Delivery::Delivered),
        2 => Some(Delivery::Undelivered),
        4 => Some(Delivery::Buffered),
        8 => Some(Delivery::Submitted),
        16 => Some(Delivery::Rejected),
        _ => None,
    }
}

/// Whether `given` is the configured secret of incoming calls (compared in
/// constant time); never without one configured.
pub fn secret_matches(app: &App, given: &str) -> bool {
    let Some(secret) = app.sms.inbound_secret.as_deref() else {
        return false;
    };
    let (a, b) = (secret.as_bytes(), given.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_and_start_are_read_in_any_case_and_language() {
        for stop in ["STOP", "stop", " Stop. ", "stop please", "Arrêt", "BASTA", "Stopp"] {
            assert_eq!(keyword(stop), Keyword::Stop, "{stop}");
        }
        for start in ["START", "start", "Avvia"] {
            assert_eq!(keyword(start), Keyword::Start, "{start}");
        }
        for other in ["", "ok grazie", "non stop", "STOPPING"] {
            assert_eq!(keyword(other), Keyword::Other, "{other}");
        }
    }

    #[test]
    fn kannel_report_types_are_read() {
        assert_eq!(kannel_delivery(1), Some(Delivery::Delivered));
        assert_eq!(kannel_delivery(2), Some(Delivery::Undelivered));
        assert_eq!(kannel_delivery(16), Some(Delivery::Rejected));
        assert_eq!(kannel_delivery(3), None);
    }
}
