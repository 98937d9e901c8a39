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
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use sportello_storage::{ClaimedMail, Outbox, StorageError};

use crate::message::build_message;
use crate::pace::Pace;
use crate::transport::{MailTransport, SendError};

/// Messages claimed at a time by one worker.
pub const BATCH: u32 = 10;
/// How long a claim holds.
pub const LEASE: Duration = Duration::minutes(15);
/// Attempts after which a message that keeps failing is given up.
pub const MAX_ATTEMPTS: u32 = 10;
/// With a sending rate, how far ahead a claim takes paced bulk mail: the
/// longest other mail waits behind a batch of newsletters.
pub const URGENT_WAIT: StdDuration = StdDuration::from_secs(30);
/// How often the worker looks for due messages in production.
pub const EVERY: StdDuration = StdDuration::from_secs(5);

/// What one round of the worker did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub claimed: usize,
    pub sent: usize,
    pub recorded: usize,
    /// Failed this time, to be tried again.
    pub retrying: usize,
    /// Given up for good.
    pub failed: usize,
    /// Left for the next claim: too little of the lease was left to send.
    pub skipped: usize,
    /// Sent or not, but another worker holds the message now (the lease ran
    /// out): its outcome was not stored.
    pub lease_lost: usize,
    /// Given back unsent because the node is shutting down.
    pub released: usize,
}

/// Tells a worker the node is shutting down (`true` sent on the channel).
pub type Stop = tokio::sync::watch::Receiver<bool>;

/// Completes once `stop` says so; never without a channel, or once its
/// sender is gone without having said so.
async fn stopped(stop: &mut Option<Stop>) {
    let Some(rx) = stop else {
        return std::future::pending().await;
    };
    loop {
        if *rx.borrow_and_update() {
            return;
        }
        if rx.changed().await.is_err() {
            return std::future::pending().await;
        }
    }
}

fn stopping(stop: &Option<Stop>) -> bool {
    stop.as_ref().is_some_and(|rx| *rx.borrow())
}

/// How long to wait after failed attempt number `attempts` (1 for the
/// first), or `None` when the message should be given up.
pub fn retry_delay(attempts: u32) -> Option<Duration> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let minutes = 1i64 << attempts.saturating_sub(1).min(20);
    Some(Duration::minutes(minutes).min(Duration::hours(6)))
}

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

/// [`deliver_batch`] at the pace of `pace`: each message starts at its slot.
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
    let started = tokio::time::Instant::now();
    let clock = || now + Duration::from_std(started.elapsed()).unwrap_or(Duration::MAX);
    let share = lease / BATCH as i32;
    let limit = pace.claim_size(BATCH, claim_horizon(lease));
    let claimed = storage.claim_mail(limit, lease, now).await?;
    let mut report = DeliveryReport {
        claimed: claimed.len(),
        ..DeliveryReport::default()
    };
    for (n, mail) in claimed.iter().enumerate() {
        let Some(claimed_until) = mail.claimed_until else {
            // Never so: the claim sets it.
            report.skipped += 1;
            continue;
        };
        if stopping(stop) {
            report.released += release(storage, &claimed[n..]).await?;
            break;
        }
        if mail.mail.is_bulk() {
            tokio::select! {
                () = tokio::time::sleep_until(pace.reserve(tokio::time::Instant::now())) => {}
                () = stopped(stop) => {
                    report.released += release(storage, &claimed[n..]).await?;
                    break;
                }
            }
        }
        let Some(time_to_send) = time_to_send(claimed_until, clock(), share) else {
            report.skipped += 1;
            tracing::warn!(
                id = mail.id,
                "e-mail left for the next claim: its lease is about to end"
            );
            continue;
        };
        let sending = tokio::time::timeout(time_to_send, deliver(transport, mail, clock()));
        let outcome = tokio::select! {
            sent = sending => match sent {
                Ok(outcome) => outcome,
                Err(_) => Err(SendError::Transient(format!(
                    "no answer within {} s",
                    time_to_send.as_secs_f64()
                ))),
            },
            // Cut off: the mail server may have taken it (at-least-once:
            // another node sends it again, with the same Message-ID).
            () = stopped(stop) => {
                report.released += release(storage, &claimed[n..]).await?;
                break;
            }
        };
        let done_at = clock();
        let marked = match outcome {
            Ok(Delivered::Sent) => {
                report.sent += 1;
                storage.mail_sent(mail.id, claimed_until, done_at).await
            }
            Ok(Delivered::Recorded) => {
                report.recorded += 1;
                storage.mail_recorded(mail.id, claimed_until, done_at).await
            }
            Err(error) => {
                let retry_at = match &error {
                    SendError::Transient(_) => retry_delay(mail.attempts).map(|d| done_at + d),
                    SendError::Permanent(_) => None,
                };
                let text = error.to_string();
                if retry_at.is_some() {
                    report.retrying += 1;
                    tracing::warn!(id = mail.id, kind = %mail.mail.kind, attempts = mail.attempts, error = %text, "e-mail not sent; will retry");
                } else {
                    report.failed += 1;
                    tracing::error!(id = mail.id, kind = %mail.mail.kind, attempts = mail.attempts, error = %text, "e-mail given up");
                }
                storage
                    .mail_failed(mail.id, claimed_until, &text, retry_at, done_at)
                    .await
            }
        };
        match marked {
            Ok(()) => {}
            // The lease ended and another worker holds the message: its
            // outcome is that worker's to store.
            Err(StorageError::Stale) => {
                report.lease_lost += 1;
                tracing::warn!(id = mail.id, "e-mail lease lost before its outcome was stored");
            }
            Err(e) => return Err(e),
        }
    }
    Ok(report)
}

/// Gives back `claimed` messages still held; how many.
async fn release(storage: &dyn Outbox, claimed: &[ClaimedMail]) -> Result<usize, StorageError> {
    let mut released = 0;
    for mail in claimed {
        if let Some(claimed_until) = mail.claimed_until
            && storage.release_mail(mail.id, claimed_until).await?
        {
            released += 1;
        }
    }
    if released > 0 {
        tracing::info!(
            released,
            "shutting down: e-mail given back to the outbox for another node"
        );
    }
    Ok(released)
}

/// How far ahead a claim under `lease` takes paced messages: half the lease
/// (so none waits under a lease about to end), at most [`URGENT_WAIT`].
fn claim_horizon(lease: Duration) -> StdDuration {
    (lease.to_std().unwrap_or_default() / 2).min(URGENT_WAIT)
}

/// How long sending a message may take, at `current` under a lease ending
/// at `claimed_until`: half of `share`, or `None` when less than `share` is
/// left (the message waits for the next claim). So a send ends at least half
/// a share before the lease, with time to store its outcome.
fn time_to_send(claimed_until: DateTime<Utc>, current: DateTime<Utc>, share: Duration) -> Option<StdDuration> {
    if claimed_until - current < share {
        return None;
    }
    (share / 2).to_std().ok()
}

enum Delivered {
    Sent,
    Recorded,
}

async fn deliver(transport: &MailTransport, mail: &ClaimedMail, now: DateTime<Utc>) -> Result<Delivered, SendError> {
    match transport {
        MailTransport::Record => Ok(Delivered::Recorded),
        MailTransport::Smtp { from, .. } => {
            let message = build_message(mail, from, now).map_err(|e| SendError::Permanent(e.to_string()))?;
            transport.send(message).await.map(|()| Delivered::Sent)
        }
    }
}

/// How often a worker looks for mail, and how long its claims last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub every: StdDuration,
    /// After a node dies, another sends what it had claimed once this ends.
    pub lease: Duration,
}

impl Default for Schedule {
    fn default() -> Schedule {
        Schedule {
            every: EVERY,
            lease: LEASE,
        }
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
    mut pace: Pace,
    stop: Option<Stop>,
) -> tokio::task::JoinHandle<()> {
    let Schedule { every, lease } = schedule;
    tokio::spawn(async move {
        let mut stop = stop;
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let full = pace.claim_size(BATCH, claim_horizon(lease)) as usize;
        loop {
            tokio::select! {
                _ = ticks.tick() => {}
                () = stopped(&mut stop) => return,
            }
            loop {
                if stopping(&stop) {
                    return;
                }
                match deliver_until(storage.as_ref(), &transport, Utc::now(), lease, &mut pace, &mut stop).await {
                    Ok(report) if report.claimed == full => continue,
                    Ok(report) if report.claimed > 0 => tracing::info!(?report, "outbox delivered"),
                    Ok(_) => {}
                    Err(e) => tracing::error!(error = %e, "outbox delivery failed"),
                }
                break;
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backs_off_exponentially_up_to_six_hours_then_gives_up() {
        let delays: Vec<Option<i64>> = (1..=MAX_ATTEMPTS)
            .map(|n| retry_delay(n).map(|d| d.num_minutes()))
            .collect();
        assert_eq!(
            delays,
            [
                Some(1),
                Some(2),
                Some(4),
                Some(8),
                Some(16),
                Some(32),
                Some(64),
                Some(128),
                Some(256),
                None
            ]
        );
        assert_eq!(retry_delay(0), Some(Duration::minutes(1)));
        assert_eq!(retry_delay(u32::MAX), None);
    }

    #[test]
    fn a_message_is_sent_only_with_its_share_of_the_lease_left() {
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
