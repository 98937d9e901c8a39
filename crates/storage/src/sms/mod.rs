//! The text-message (SMS) outbox, beside the e-mail one (`outbox`): a
//! message is stored in the same transaction as what caused it (other
//! storage code calls `sms/sql.rs`'s `enqueue_sms` with its own transaction),
//! claimed by workers on any node under a lease, and marked with its outcome
//! and, later, the gateway's delivery report. Numbers that opted out get
//! nothing but the answer confirming it: a message for such a number is not
//! stored, and opting out gives up the ones still waiting.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::OutgoingSms;

use crate::{MailCounts, MailStatus, StorageError};

/// Where a stored text message stands: the states of e-mail.
pub type SmsStatus = MailStatus;
/// How many text messages are in each state.
pub type SmsCounts = MailCounts;

/// What the gateway's delivery report says (Kannel's `%d` types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Delivery {
    /// Delivered to the phone.
    Delivered,
    /// Not delivered, for good.
    Undelivered,
    /// Waiting at the SMS centre (the phone is off, say).
    Buffered,
    /// Handed to the SMS centre.
    Submitted,
    /// Refused by the SMS centre.
    Rejected,
}

impl Delivery {
    pub const ALL: [Delivery; 5] = [
        Delivery::Delivered,
        Delivery::Undelivered,
        Delivery::Buffered,
        Delivery::Submitted,
        Delivery::Rejected,
    ];

    /// The value of the `delivery` column.
    pub fn code(self) -> &'static str {
        match self {
            Delivery::Delivered => "delivered",
            Delivery::Undelivered => "undelivered",
            Delivery::Buffered => "buffered",
            Delivery::Submitted => "submitted",
            Delivery::Rejected => "rejected",
        }
    }

    pub fn parse(code: &str) -> Option<Delivery> {
        Delivery::ALL.into_iter().find(|d| d.code() == code)
    }

    /// Whether the report is the last word: a later report that is not
    /// final (an SMS centre's "buffered" arriving late) does not replace it.
    pub fn is_final(self) -> bool {
        matches!(self, Delivery::Delivered | Delivery::Undelivered | Delivery::Rejected)
    }
}

/// A text message as the outbox keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredSms {
    pub id: i64,
    /// Random and unique: the message's id towards the gateway.
    pub message_token: String,
    pub sms: OutgoingSms,
    pub status: SmsStatus,
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub claimed_until: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    /// The last delivery report, its details and when it came.
    pub delivery: Option<(Delivery, Option<String>, DateTime<Utc>)>,
}

#[async_trait]
pub trait SmsOutbox: Send + Sync {
    /// Stores a message due now, in a transaction of its own; `None` when
    /// nothing was stored: its dedupe key exists, or the number opted out
    /// (unless the message is one that ignores opt-outs).
    async fn enqueue_sms(&self, sms: &OutgoingSms, now: DateTime<Utc>) -> Result<Option<i64>, StorageError>;

    /// Claims up to `limit` due messages, oldest first, for `lease`, as
    /// [`crate::Outbox::claim_mail`] does for e-mail.
    async fn claim_sms(
        &self,
        limit: u32,
        lease: chrono::Duration,
        now: DateTime<Utc>,
    ) -> Result<Vec<StoredSms>, StorageError>;

    /// The gateway accepted the message; `claimed_until` is that of the
    /// caller's claim ([`StorageError::Stale`] when the lease was lost).
    async fn sms_sent(&self, id: i64, claimed_until: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), StorageError>;

    /// Recorded instead of sent (the demo's transport).
    async fn sms_recorded(&self, id: i64, claimed_until: DateTime<Utc>, now: DateTime<Utc>)
    -> Result<(), StorageError>;

    /// An attempt failed: tried again at `retry_at`, or never again.
    async fn sms_failed(
        &self,
        id: i64,
        claimed_until: DateTime<Utc>,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;

    /// Gives back a claimed message unsent (the node is shutting down).
    async fn release_sms(&self, id: i64, claimed_until: DateTime<Utc>) -> Result<bool, StorageError>;

    /// Stores a delivery report for the message with this token, unless a
    /// final report is already there and this one is not; `false` when no
    /// message has the token.
    async fn sms_delivery(
        &self,
        message_token: &str,
        delivery: Delivery,
        detail: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError>;

    /// The last `limit` messages stored, newest first.
    async fn recent_sms(&self, limit: u32) -> Result<Vec<StoredSms>, StorageError>;

    async fn sms_counts(&self) -> Result<SmsCounts, StorageError>;

    /// The language of the last message sent to this number, if any: the
    /// one to answer it in.
    async fn last_sms_lang(&self, number_key: &str) -> Result<Option<sportello_domain::Lang>, StorageError>;

    /// Opts a number out of every text but the answers confirming it, and
    /// gives up its messages still waiting; `false` if it already was.
    async fn opt_out_number(&self, number_key: &str, now: DateTime<Utc>) -> Result<bool, StorageError>;

    /// Takes a number back in; `false` if it was not opted out.
    async fn opt_in_number(&self, number_key: &str) -> Result<bool, StorageError>;

    async fn is_opted_out(&self, number_key: &str) -> Result<bool, StorageError>;
}
