//! The e-mail outbox. A message is stored in the same transaction as what
//! caused it (other storage code calls `outbox/sql.rs`'s `enqueue_mail` with
//! its own transaction), so nobody is told of something that was rolled back and
//! nothing committed goes unannounced. Workers on any node claim due messages
//! under a lease: `FOR UPDATE SKIP LOCKED` on PostgreSQL, an immediate
//! (write-locked) transaction on SQLite. A message whose worker died comes
//! back when its lease ends, so delivery is at-least-once; the stored
//! `message_token` keeps its Message-ID the same on every attempt.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::OutgoingMail;

use crate::StorageError;

/// Where a stored message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MailStatus {
    /// Waiting for its first or next attempt (perhaps claimed by a worker).
    Pending,
    /// Accepted by the SMTP server.
    Sent,
    /// Not sent on purpose (the demo's transport): kept to be looked at.
    Recorded,
    /// Given up: refused for good, or too many failed attempts.
    Failed,
}

impl MailStatus {
    pub const ALL: [MailStatus; 4] = [
        MailStatus::Pending,
        MailStatus::Sent,
        MailStatus::Recorded,
        MailStatus::Failed,
    ];

    /// The value of the `status` column.
    pub fn code(self) -> &'static str {
        match self {
            MailStatus::Pending => "pending",
            MailStatus::Sent => "sent",
            MailStatus::Recorded => "recorded",
            MailStatus::Failed => "failed",
        }
    }

    pub fn parse(code: &str) -> Option<MailStatus> {
        MailStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A message as the outbox keeps it: every column, with the message decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredMail {
    pub id: i64,
    /// Random and unique: the left part of the `Message-ID`.
    pub message_token: String,
    pub mail: OutgoingMail,
    pub status: MailStatus,
    /// Attempts so far, counting the one of a fresh claim.
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    /// End of the lease of the worker that last claimed it.
    pub claimed_until: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    /// When it was sent or recorded.
    pub sent_at: Option<DateTime<Utc>>,
}

/// A message a worker has claimed: it holds the lease until `claimed_until`.
pub type ClaimedMail = StoredMail;

/// How many messages are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MailCounts {
    pub pending: u64,
    pub sent: u64,
    pub recorded: u64,
    pub failed: u64,
}

#[async_trait]
pub trait Outbox: Send + Sync {
    /// Stores a message due now, in a transaction of its own; `None` when a
    /// message with the same dedupe key already exists (nothing is stored).
    async fn enqueue_mail(&self, mail: &OutgoingMail, now: DateTime<Utc>) -> Result<Option<i64>, StorageError>;

    /// Claims up to `limit` due messages, bulk mail (newsletters) after all
    /// the others, then oldest first, for `lease`: until
    /// then no other worker gets them. Each claim counts as an attempt. A
    /// message that cannot be read back (e.g. an address no longer valid) is
    /// marked `failed` with the reason, in the same transaction, and not
    /// returned: it must not hold up the others.
    async fn claim_mail(
        &self,
        limit: u32,
        lease: chrono::Duration,
        now: DateTime<Utc>,
    ) -> Result<Vec<ClaimedMail>, StorageError>;

    /// The SMTP server accepted the message. `claimed_until` is that of the
    /// caller's claim: the outcome is stored only while that lease still
    /// holds the message; [`StorageError::Stale`] when it does not (it
    /// ended and another worker claimed or finished the message), and then
    /// nothing changes.
    async fn mail_sent(&self, id: i64, claimed_until: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), StorageError>;

    /// The message was recorded instead of sent (the demo's transport);
    /// `claimed_until` as for [`Outbox::mail_sent`].
    async fn mail_recorded(
        &self,
        id: i64,
        claimed_until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;

    /// An attempt failed with `error`: the message is tried again at
    /// `retry_at`, or never again when that is `None`; `claimed_until` as for
    /// [`Outbox::mail_sent`].
    async fn mail_failed(
        &self,
        id: i64,
        claimed_until: DateTime<Utc>,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;

    /// Gives back a message claimed under `claimed_until` and not sent (the
    /// node is shutting down): another worker may claim it at once, and the
    /// claim does not count as an attempt. False when the lease no longer
    /// holds it.
    async fn release_mail(&self, id: i64, claimed_until: DateTime<Utc>) -> Result<bool, StorageError>;

    /// The last `limit` messages stored, newest first.
    async fn recent_mail(&self, limit: u32) -> Result<Vec<StoredMail>, StorageError>;

    async fn mail_counts(&self) -> Result<MailCounts, StorageError>;
}
