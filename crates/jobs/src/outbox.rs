//! The outbox worker: claims due messages from the database, sends them and
//! marks the outcome. Every node may run it; the claim's lease keeps two
//! workers from sending the same message at once.
//!
//! **Delivery is at-least-once.** A worker that crashes (or loses the
//! database) after the SMTP server accepted a message but before
//! `mail_sent` was committed leaves the message pending; when its lease ends
//! another worker sends it again. The repeat carries the same `Message-ID`
//! (made from the stored token), so receiving systems and people can tell
//! it is the same message. Nothing is ever sent at-most-once by guessing.
//!
//! **A lease must not run out during a send**, or another worker could claim
//! and send the message too. A batch's lease is shared out: a message is
//! sent only while at least its share ([`LEASE`] / [`BATCH`]) of the lease is
//! left (else it is left for the next claim), its send is cut off after half
//! that share, and its outcome is stored only if the lease still holds it
//! (else the worker logs it and goes on).
//!
//! **A sending rate** ([`Pace`], `--mail-rate`) spaces the starts of bulk
//! mail (newsletter digests and news issues) evenly, across batches; other
//! mail (bookings, confirmations) is never paced, and the claim takes it
//! before any bulk mail. With a rate, a claim takes only what starts within
//! [`URGENT_WAIT`] (at least one message), so mail enqueued while newsletters
//! go out waits at most that long, or one gap of the rate if longer.
//!
//! Outcomes: accepted → `sent`; the record transport → `recorded`; refused
//! for good (SMTP 5xx, a message that cannot be built) → `failed`; anything
//! else (4xx, no connection, timeout) → tried again after 1, 2, 4 … minutes,
//! at most 6 hours apart, and `failed` after [`MAX_ATTEMPTS`] attempts.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use sportello_storage::{ClaimedMail, Outbox, StorageError};

use crate::message::build_message;
use crate::pace::Pace;
use crate::transport::{MailTransport, SendError};
use crate::worker::{self, Channel, Delivered, claim_horizon};
pub use crate::worker::{BATCH, DeliveryReport, EVERY, LEASE, MAX_ATTEMPTS, Schedule, Stop, URGENT_WAIT, retry_delay};

/// Claims one batch of due messages and delivers each through `transport`.
/// Errors are those of the database; a message that cannot be sent is marked,
/// not reported as an error.
pub async fn deliver_once(
    storage: &dyn Outbox,
    transport: &MailTransport,
    now: DateTime<Utc>,
) -> Result<DeliveryReport, StorageError> {
    deliver_batch(storage, transport, now, LEASE).await
}

/// [`deliver_once`] with a lease of `lease` (tests use short ones). The time
/// of each step is `now` plus what a monotonic clock says has passed since,
/// so it is the current time when `now` is.
pub async fn deliver_batch(
    storage: &dyn Outbox,
    transport: &MailTransport,
    now: DateTime<Utc>,
    lease: Duration,
) -> Result<DeliveryReport, StorageError> {
    deliver_paced(storage, transport, now, lease, &mut Pace::unlimited()).await
}

/// [`deliver_batch`] at the pace of `pace`: each bulk message starts at its slot.
pub async fn deliver_paced(
    storage: &dyn Outbox,
    transport: &MailTransport,
    now: DateTime<Utc>,
    lease: Duration,
    pace: &mut Pace,
) -> Result<DeliveryReport, StorageError> {
    deliver_until(storage, transport, now, lease, pace, &mut None).await
}

/// [`deliver_paced`] until `stop` says the node is shutting down: then the
/// send in progress is cut off and every message of the batch not sent is
/// given back at once ([`Outbox::release_mail`]) for another node to claim.
pub async fn deliver_until(
    storage: &dyn Outbox,
    transport: &MailTransport,
    now: DateTime<Utc>,
    lease: Duration,
    pace: &mut Pace,
    stop: &mut Option<Stop>,
) -> Result<DeliveryReport, StorageError> {
    let channel = MailChannel { storage, transport };
    worker::deliver_batch(&channel, now, lease, pace, claim_horizon(lease, URGENT_WAIT), stop).await
}

/// The e-mail outbox as a [`Channel`].
struct MailChannel<'a> {
    storage: &'a dyn Outbox,
    transport: &'a MailTransport,
}

impl Channel for MailChannel<'_> {
    type Message = ClaimedMail;
    const NOUN: &'static str = "e-mail";

    async fn claim(&self, limit: u32, lease: Duration, now: DateTime<Utc>) -> Result<Vec<ClaimedMail>, StorageError> {
        self.storage.claim_mail(limit, lease, now).await
    }
    fn id(message: &ClaimedMail) -> i64 {
        message.id
    }
    fn claimed_until(message: &ClaimedMail) -> Option<DateTime<Utc>> {
        message.claimed_until
    }
    fn attempts(message: &ClaimedMail) -> u32 {
        message.attempts
    }
    fn kind(message: &ClaimedMail) -> &str {
        &message.mail.kind
    }
    /// Only bulk mail (newsletters) waits for the rate.
    fn is_paced(message: &ClaimedMail) -> bool {
        message.mail.is_bulk()
    }
    async fn send(&self, mail: &ClaimedMail, now: DateTime<Utc>) -> Result<Delivered, SendError> {
        match self.transport {
            MailTransport::Record => Ok(Delivered::Recorded),
            transport @ MailTransport::Smtp { from, .. } => {
                let message = build_message(mail, from, now).map_err(|e| SendError::Permanent(e.to_string()))?;
                transport.send(message).await.map(|()| Delivered::Sent)
            }
        }
    }
    async fn mark_sent(&self, id: i64, claimed_until: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), StorageError> {
        self.storage.mail_sent(id, claimed_until, now).await
    }
    async fn mark_recorded(
        &self,
        id: i64,
        claimed_until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        self.storage.mail_recorded(id, claimed_until, now).await
    }
    async fn mark_failed(
        &self,
        id: i64,
        claimed_until: DateTime<Utc>,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        self.storage.mail_failed(id, claimed_until, error, retry_at, now).await
    }
    async fn release(&self, id: i64, claimed_until: DateTime<Utc>) -> Result<bool, StorageError> {
        self.storage.release_mail(id, claimed_until).await
    }
}

/// Runs [`deliver_once`] now and then every `every`, at the pace of `pace`,
/// until `stop` says the node is shutting down (then what it holds is given
/// back at once, and the task ends); a full batch is followed at once by
/// the next.
pub fn spawn_outbox_worker(
    storage: Arc<dyn Outbox>,
    transport: MailTransport,
    schedule: Schedule,
    pace: Pace,
    stop: Option<Stop>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let channel = MailChannel {
            storage: storage.as_ref(),
            transport: &transport,
        };
        worker::run(channel, schedule, pace, URGENT_WAIT, stop).await
    })
}

#[cfg(test)]
mod tests {
    use std::time::Duration as StdDuration;

    use super::*;

    #[test]
    fn a_message_is_sent_only_with_its_share_of_the_lease_left() {
        use crate::worker::time_to_send;
        let share = LEASE / BATCH as i32;
        assert_eq!(share, Duration::seconds(90));
        let t = Utc::now();
        let until = t + LEASE;
        assert_eq!(time_to_send(until, t, share), Some(StdDuration::from_secs(45)));
        assert_eq!(
            time_to_send(until, until - share, share),
            Some(StdDuration::from_secs(45)),
            "a whole share left"
        );
        assert_eq!(
            time_to_send(until, until - share + Duration::milliseconds(1), share),
            None
        );
        assert_eq!(time_to_send(until, until, share), None);
        assert_eq!(
            time_to_send(until, until + Duration::minutes(1), share),
            None,
            "lease over"
        );
    }
}
