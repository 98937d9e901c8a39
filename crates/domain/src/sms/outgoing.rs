//! A text message to send: what the rest of the application hands to the SMS
//! outbox (see the storage's `SmsOutbox` and `sportello-jobs`). The text is
//! already in the recipient's language and fits the part limit (the caller
//! checks it with [`super::SmsText`]); the outbox only stores, claims and
//! delivers.

use serde::Serialize;

use crate::{Lang, Phone};

/// The kinds that reach a number that has opted out: the answers confirming
/// the opt-out and the opt-in themselves.
pub const OPT_OUT_EXEMPT_KINDS: [&str; 2] = ["sms.opted_out", "sms.opted_in"];

/// One text message for one number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutgoingSms {
    pub to: Phone,
    /// A keyed hash of the number (made by the application with the
    /// installation's secret): how opt-outs are matched without a list of
    /// numbers.
    pub number_key: String,
    /// The language of the text.
    pub lang: Lang,
    /// What the message is for, e.g. `booking.confirmation`.
    pub kind: String,
    pub text: String,
    /// At most one message is ever stored per key; enqueuing it again does
    /// nothing.
    pub dedupe_key: Option<String>,
}

impl OutgoingSms {
    /// Whether this message reaches a number that opted out
    /// ([`OPT_OUT_EXEMPT_KINDS`]).
    pub fn ignores_opt_out(&self) -> bool {
        OPT_OUT_EXEMPT_KINDS.contains(&self.kind.as_str())
    }
}
