//! The delivery loop shared by the outboxes (e-mail in `outbox`, text
//! messages in `sms`): claim a batch under a lease, send each message while
//! its share of the lease is left, store each outcome only while the lease
//! still holds it, give everything back when the node shuts down. What
//! differs per channel — the queries, how a message is sent, which messages
//! are paced — is a [`Channel`].

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use sportello_storage::StorageError;

use crate::pace::Pace;
use crate::transport::SendError;

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

/// How long to wait after failed attempt number `attempts` (1 for the
/// first), or `None` when the message should be given up.
pub fn retry_delay(attempts: u32) -> Option<Duration> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let minutes = 1i64 << attempts.saturating_sub(1).min(20);
    Some(Duration::minutes(minutes).min(Duration::hours(6)))
}

/// How often a worker looks for messages, and how long its claims last.
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

/// What a transport did with a message.
pub(crate) enum Delivered {
    Sent,
    Recorded,
}

/// One outbox: its queries and its transport.
pub(crate) trait Channel: Sync {
    type Message: Send + Sync;
    /// What the logs call a message, e.g. "e-mail".
    const NOUN: &'static str;

    fn claim(
        &self,
        limit: u32,
        lease: Duration,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<Vec<Self::Message>, StorageError>> + Send;
    fn id(message: &Self::Message) -> i64;
    fn claimed_until(message: &Self::Message) -> Option<DateTime<Utc>>;
    fn attempts(message: &Self::Message) -> u32;
    fn kind(message: &Self::Message) -> &str;
    /// Whether the message waits for its turn at the sending rate.
    fn is_paced(message: &Self::Message) -> bool;
    fn send(
        &self,
        message: &Self::Message,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<Delivered, SendError>> + Send;
    fn mark_sent(
        &self,
        id: i64,
        claimed_until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
    fn mark_recorded(
        &self,
        id: i64,
        claimed_until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
    fn mark_failed(
        &self,
        id: i64,
        claimed_until: DateTime<Utc>,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<(), StorageError>> + Send;
    fn release(&self, id: i64, claimed_until: DateTime<Utc>)
    -> impl Future<Output = Result<bool, StorageError>> + Send;
}

/// Completes once `stop` says so; never without a channel, or once its
/// sender is gone without having said so.
pub(crate) async fn stopped(stop: &mut Option<Stop>) {
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

pub(crate) fn stopping(stop: &Option<Stop>) -> bool {
    stop.as_ref().is_some_and(|rx| *rx.borrow())
}

/// How far ahead a claim under `lease` takes paced messages: half the lease
/// (so none waits under a lease about to end), at most `urgent_wait`.
pub(crate) fn claim_horizon(lease: Duration, urgent_wait: StdDuration) -> StdDuration {
    (lease.to_std().unwrap_or_default() / 2).min(urgent_wait)
}

/// How long sending a message may take, at `current` under a lease ending
/// at `claimed_until`: half of `share`, or `None` when less than `share` is
/// left (the message waits for the next claim). So a send ends at least half
/// a share before the lease, with time to store its outcome.
pub(crate) fn time_to_send(
    claimed_until: DateTime<Utc>,
    current: DateTime<Utc>,
    share: Duration,
) -> Option<StdDuration> {
    if claimed_until - current < share {
        return None;
    }
    (share / 2).to_std().ok()
}

/// Claims one batch of `channel` and delivers it: see the `outbox` module
/// for the rules of leases, pace and shutdown.
pub(crate) async fn deliver_batch<C: Channel>(
    channel: &C,
    now: DateTime<Utc>,
    lease: Duration,
    pace: &mut Pace,
    horizon: StdDuration,
    stop: &mut Option<Stop>,
) -> Result<DeliveryReport, StorageError> {
    let started = tokio::time::Instant::now();
    let clock = || now + Duration::from_std(started.elapsed()).unwrap_or(Duration::MAX);
    let share = lease / BATCH as i32;
    let limit = pace.claim_size(BATCH, horizon);
    let claimed = channel.claim(limit, lease, now).await?;
    let mut report = DeliveryReport {
        claimed: claimed.len(),
        ..DeliveryReport::default()
    };
    for (n, message) in claimed.iter().enumerate() {
        let id = C::id(message);
        let Some(claimed_until) = C::claimed_until(message) else {
            // Never so: the claim sets it.
            report.skipped += 1;
            continue;
        };
        if stopping(stop) {
            report.released += release(channel, &claimed[n..]).await?;
            break;
        }
        if C::is_paced(message) {
            tokio::select! {
                () = tokio::time::sleep_until(pace.reserve(tokio::time::Instant::now())) => {}
                () = stopped(stop) => {
                    report.released += release(channel, &claimed[n..]).await?;
                    break;
                }
            }
        }
        let Some(time_to_send) = time_to_send(claimed_until, clock(), share) else {
            report.skipped += 1;
            tracing::warn!(id, "{} left for the next claim: its lease is about to end", C::NOUN);
            continue;
        };
        let sending = tokio::time::timeout(time_to_send, channel.send(message, clock()));
        let outcome = tokio::select! {
            sent = sending => match sent {
                Ok(outcome) => outcome,
                Err(_) => Err(SendError::Transient(format!(
                    "no answer within {} s",
                    time_to_send.as_secs_f64()
                ))),
            },
            // Cut off: the server may have taken it (at-least-once: another
            // node sends it again, with the same id).
            () = stopped(stop) => {
                report.released += release(channel, &claimed[n..]).await?;
                break;
            }
        };
        let done_at = clock();
        let marked = match outcome {
            Ok(Delivered::Sent) => {
                report.sent += 1;
                channel.mark_sent(id, claimed_until, done_at).await
            }
            Ok(Delivered::Recorded) => {
                report.recorded += 1;
                channel.mark_recorded(id, claimed_until, done_at).await
            }
            Err(error) => {
                let attempts = C::attempts(message);
                let retry_at = match &error {
                    SendError::Transient(_) => retry_delay(attempts).map(|d| done_at + d),
                    SendError::Permanent(_) => None,
                };
                let text = error.to_string();
                let kind = C::kind(message);
                if retry_at.is_some() {
                    report.retrying += 1;
                    tracing::warn!(id, kind, attempts, error = %text, "{} not sent; will retry", C::NOUN);
                } else {
                    report.failed += 1;
                    tracing::error!(id, kind, attempts, error = %text, "{} given up", C::NOUN);
                }
                channel.mark_failed(id, claimed_until, &text, retry_at, done_at).await
            }
        };
        match marked {
            Ok(()) => {}
            // The lease ended and another worker holds the message: its
            // outcome is that worker's to store.
            Err(StorageError::Stale) => {
                report.lease_lost += 1;
                tracing::warn!(id, "{} lease lost before its outcome was stored", C::NOUN);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(report)
}

/// Gives back `claimed` messages still held; how many.
async fn release<C: Channel>(channel: &C, claimed: &[C::Message]) -> Result<usize, StorageError> {
    let mut released = 0;
    for message in claimed {
        if let Some(claimed_until) = C::claimed_until(message)
            && channel.release(C::id(message), claimed_until).await?
        {
            released += 1;
        }
    }
    if released > 0 {
        tracing::info!(
            released,
            "shutting down: {} given back to the outbox for another node",
            C::NOUN
        );
    }
    Ok(released)
}

/// Runs [`deliver_batch`] now and then every `schedule.every`, at the pace
/// of `pace`, until `stop` says the node is shutting down (then what it
/// holds is given back at once, and the task ends); a full batch is
/// followed at once by the next.
pub(crate) async fn run<C: Channel>(
    channel: C,
    schedule: Schedule,
    mut pace: Pace,
    urgent_wait: StdDuration,
    mut stop: Option<Stop>,
) {
    let Schedule { every, lease } = schedule;
    let horizon = claim_horizon(lease, urgent_wait);
    let full = pace.claim_size(BATCH, horizon) as usize;
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = ticks.tick() => {}
            () = stopped(&mut stop) => return,
        }
        loop {
            if stopping(&stop) {
                return;
            }
            match deliver_batch(&channel, Utc::now(), lease, &mut pace, horizon, &mut stop).await {
                Ok(report) if report.claimed == full => continue,
                Ok(report) if report.claimed > 0 => tracing::info!(?report, "{} outbox delivered", C::NOUN),
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "{} outbox delivery failed", C::NOUN),
            }
            break;
        }
    }
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
}
