//! The SMS outbox worker: claims due text messages and hands them to the
//! gateway ([`SmsTransport`]), with the e-mail outbox's rules (see
//! `outbox`): leases, at-least-once delivery with a stable id (the
//! message's token, which the gateway's delivery reports bring back),
//! retries with backoff, and release at shutdown. Every text message is
//! paced (`--sms-rate`): gateways and providers take so many a second.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use sportello_domain::sms::SmsText;
use sportello_storage::{SmsOutbox, StorageError, StoredSms};

use crate::kannel::SmsTransport;
use crate::pace::Pace;
use crate::transport::SendError;
use crate::worker::{self, Channel, Delivered, DeliveryReport, Schedule, Stop, URGENT_WAIT, claim_horizon};

/// Claims one batch of due text messages and delivers each through
/// `transport`, at the pace of `pace`, until `stop` says the node is
/// shutting down.
pub async fn deliver_sms_until(
    storage: &dyn SmsOutbox,
    transport: &SmsTransport,
    now: DateTime<Utc>,
    lease: Duration,
    pace: &mut Pace,
    stop: &mut Option<Stop>,
) -> Result<DeliveryReport, StorageError> {
    let channel = SmsChannel { storage, transport };
    worker::deliver_batch(&channel, now, lease, pace, claim_horizon(lease, URGENT_WAIT), stop).await
}

/// The SMS outbox as a [`Channel`].
struct SmsChannel<'a> {
    storage: &'a dyn SmsOutbox,
    transport: &'a SmsTransport,
}

impl Channel for SmsChannel<'_> {
    type Message = StoredSms;
    const NOUN: &'static str = "text message";

    async fn claim(&self, limit: u32, lease: Duration, now: DateTime<Utc>) -> Result<Vec<StoredSms>, StorageError> {
        self.storage.claim_sms(limit, lease, now).await
    }
    fn id(message: &StoredSms) -> i64 {
        message.id
    }
    fn claimed_until(message: &StoredSms) -> Option<DateTime<Utc>> {
        message.claimed_until
    }
    fn attempts(message: &StoredSms) -> u32 {
        message.attempts
    }
    fn kind(message: &StoredSms) -> &str {
        &message.sms.kind
    }
    fn is_paced(_: &StoredSms) -> bool {
        true
    }
    async fn send(&self, message: &StoredSms, _now: DateTime<Utc>) -> Result<Delivered, SendError> {
        // Checked when it was queued; a text that no longer fits is never sent.
        let text = SmsText::parse(&message.sms.text).map_err(|e| SendError::Permanent(e.to_string()))?;
        match self.transport {
            SmsTransport::Record => Ok(Delivered::Recorded),
            SmsTransport::Kannel(kannel) => kannel
                .send(
                    message.sms.to.as_str(),
                    text.as_str(),
                    text.encoding().kannel_coding(),
                    &message.message_token,
                )
                .await
                .map(|()| Delivered::Sent),
        }
    }
    async fn mark_sent(&self, id: i64, claimed_until: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), StorageError> {
        self.storage.sms_sent(id, claimed_until, now).await
    }
    async fn mark_recorded(
        &self,
        id: i64,
        claimed_until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        self.storage.sms_recorded(id, claimed_until, now).await
    }
    async fn mark_failed(
        &self,
        id: i64,
        claimed_until: DateTime<Utc>,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        self.storage.sms_failed(id, claimed_until, error, retry_at, now).await
    }
    async fn release(&self, id: i64, claimed_until: DateTime<Utc>) -> Result<bool, StorageError> {
        self.storage.release_sms(id, claimed_until).await
    }
}

/// Runs the SMS outbox now and then every `schedule.every`, at the pace of
/// `pace`, until `stop` says the node is shutting down.
pub fn spawn_sms_worker(
    storage: Arc<dyn SmsOutbox>,
    transport: SmsTransport,
    schedule: Schedule,
    pace: Pace,
    stop: Option<Stop>,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let channel = SmsChannel {
            storage: storage.as_ref(),
            transport: &transport,
        };
        worker::run(channel, schedule, pace, URGENT_WAIT, stop).await
    })
}
