//! Background work of every node: expiring offers whose valid-through day
//! has passed, removing ended sessions, forgetting old idempotency keys,
//! queueing appointment reminders and the newsletter's digests. Each is safe
//! when several nodes run it at once: a reminder or a digest is recorded
//! with its mail in one transaction, and a second node's record of the same
//! one is refused by its key.

use std::time::Duration;

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sportello_domain::time::today_in_rome;
use sportello_domain::{CentreId, Service, ServiceId};
use sportello_storage::StorageError;

use crate::AppState;
use crate::booking::{CentreCalendar, IDEMPOTENCY_WINDOW};
use crate::mails;
use crate::session::{ABSOLUTE_TIMEOUT, IDLE_TIMEOUT};

/// Most reminders of one delay queued per run.
const REMINDER_BATCH: u32 = 500;

/// How often the jobs run.
pub const EVERY: Duration = Duration::from_secs(60);

/// Runs the jobs once.
pub async fn run_once(state: &AppState) {
    let now = Utc::now();
    match state.storage.expire_offers(today_in_rome(), now).await {
        Ok(expired) if !expired.is_empty() => tracing::info!(count = expired.len(), "offers expired"),
        Ok(_) => {}
        Err(e) => tracing::error!(error = %e, "expiring offers failed"),
    }
    if let Err(e) = state
        .storage
        .purge_sessions(now - IDLE_TIMEOUT, now - ABSOLUTE_TIMEOUT)
        .await
    {
        tracing::error!(error = %e, "removing ended sessions failed");
    }
    if let Err(e) = state.storage.purge_idempotency_keys(now - IDEMPOTENCY_WINDOW).await {
        tracing::error!(error = %e, "forgetting old idempotency keys failed");
    }
    match queue_reminders(state, now).await {
        Ok(0) => {}
        Ok(count) => tracing::info!(count, "appointment reminders queued"),
        Err(e) => tracing::error!(error = %e, "queueing appointment reminders failed"),
    }
    match crate::newsletter::digest::queue_digests(state, now).await {
        Ok(0) => {}
        Ok(count) => tracing::info!(count, "newsletter digests queued"),
        Err(e) => tracing::error!(error = %e, "queueing newsletter digests failed"),
    }
}

/// Queues the reminders that are due, closest delay first: a reminder that
/// comes due together with a closer one (the node was down) is not sent.
/// A booking made after a reminder's time gets no such reminder.
pub async fn queue_reminders(state: &AppState, now: DateTime<Utc>) -> Result<usize, StorageError> {
    let mut delays = state.appointments.reminders.clone();
    delays.sort_unstable();
    let mut calendars: HashMap<CentreId, CentreCalendar> = HashMap::new();
    let mut services: HashMap<ServiceId, Service> = HashMap::new();
    let mut queued = 0;
    for minutes in delays {
        for booking in state.storage.due_reminders(minutes, now, REMINDER_BATCH).await? {
            let too_late = booking.created_at > booking.start - chrono::Duration::minutes(i64::from(minutes));
            if let std::collections::hash_map::Entry::Vacant(slot) = calendars.entry(booking.centre) {
                let centres = state.storage.centres().await?;
                let Some(centre) = centres.into_iter().find(|c| c.id == booking.centre) else {
                    continue;
                };
                slot.insert(CentreCalendar::load(state, centre).await?);
            }
            if let std::collections::hash_map::Entry::Vacant(slot) = services.entry(booking.service) {
                let Some(service) = state.storage.service(booking.service).await? else {
                    continue;
                };
                slot.insert(service);
            }
            let mail = if too_late {
                None
            } else {
                mails::reminder(
                    state,
                    &calendars[&booking.centre],
                    &services[&booking.service],
                    &booking,
                    minutes,
                    now,
                )
            };
            if state
                .storage
                .record_reminder(&booking, minutes, mail.as_ref(), now)
                .await?
                && mail.is_some()
            {
                queued += 1;
            }
        }
    }
    Ok(queued)
}

/// Runs the jobs now and then every [`EVERY`], until the process ends.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            run_once(&state).await;
        }
    })
}
