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
//! Outcomes: accepted → `sent`; the record transport → `recorded`; refused
//! for good (SMTP 5xx, a message that cannot be built) → `failed`; anything
//! else (4xx, no connection, timeout) → tried again after 1, 2, 4 … minutes,
//! at most 6 hours apart, and `failed` after [`MAX_ATTEMPTS`] attempts.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use sportello_storage::{ClaimedMail, Storage, StorageError};

use crate::message::build_message;
use crate::transport::{MailTransport, SendError};

/// Messages claimed at a time by one worker.
pub const BATCH: u32 = 10;
/// How long a claim holds: longer than a batch can take with every SMTP
/// command timing out.
pub const LEASE: Duration = Duration::minutes(15);
/// Attempts after which a message that keeps failing is given up.
pub const MAX_ATTEMPTS: u32 = 10;
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
    storage: &dyn Storage,
    transport: &MailTransport,
    now: DateTime<Utc>,
) -> Result<DeliveryReport, StorageError> {
    let claimed = storage.claim_mail(BATCH, LEASE, now).await?;
    let mut report = DeliveryReport {
        claimed: claimed.len(),
        ..DeliveryReport::default()
    };
    for mail in &claimed {
        let outcome = deliver(transport, mail, now).await;
        let marked = match outcome {
            Ok(Delivered::Sent) => {
                report.sent += 1;
                storage.mail_sent(mail.id, now).await
            }
            Ok(Delivered::Recorded) => {
                report.recorded += 1;
                storage.mail_recorded(mail.id, now).await
            }
            Err(error) => {
                let retry_at = match &error {
                    SendError::Transient(_) => retry_delay(mail.attempts).map(|d| now + d),
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
                storage.mail_failed(mail.id, &text, retry_at, now).await
            }
        };
        match marked {
            Ok(()) => {}
            // The lease ended and another worker finished it: nothing to undo.
            Err(StorageError::NotFound) => tracing::warn!(id = mail.id, "e-mail finished by another worker"),
            Err(e) => return Err(e),
        }
    }
    Ok(report)
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

/// Runs [`deliver_once`] now and then every `every`, until the process ends;
/// a full batch is followed at once by the next.
pub fn spawn_outbox_worker(
    storage: Arc<dyn Storage>,
    transport: MailTransport,
    every: StdDuration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            loop {
                match deliver_once(storage.as_ref(), &transport, Utc::now()).await {
                    Ok(report) if report.claimed == BATCH as usize => continue,
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
}
