//! The periodic jobs of every node, run every minute: expiring offers whose
//! valid-through day has passed, removing ended sessions (back office and
//! citizens) and expired one-time links and codes, blanking the recipients
//! and bodies of messages sent longer ago than the retention, warning and
//! then erasing accounts left unused, forgetting old
//! idempotency keys and the limiter's old counts, queueing appointment
//! and group meeting reminders, letting unconfirmed seat offers of group meetings lapse (the
//! seat passing to the next in line) and the newsletter's digests. Each is
//! safe when several nodes
//! run it at once: a reminder or a digest is recorded
//! with its mail in one transaction, and a second node's record of the same
//! one is refused by its key.

use std::time::Duration;

use chrono::Utc;
use sportello_domain::accounts::sign_in::{ABSOLUTE_TIMEOUT, IDLE_TIMEOUT};
use sportello_domain::time::today_in_rome;

use crate::App;
use crate::appointments::{IDEMPOTENCY_WINDOW, queue_reminders};

/// How often the jobs run.
pub const EVERY: Duration = Duration::from_secs(60);

/// Runs the jobs once.
pub async fn run_once(app: &App) {
    let now = Utc::now();
    match app.storage.expire_offers(today_in_rome(), now).await {
        Ok(expired) if !expired.is_empty() => tracing::info!(count = expired.len(), "offers expired"),
        Ok(_) => {}
        Err(e) => tracing::error!(error = %e, "expiring offers failed"),
    }
    if let Err(e) = app
        .storage
        .purge_sessions(now - IDLE_TIMEOUT, now - ABSOLUTE_TIMEOUT)
        .await
    {
        tracing::error!(error = %e, "removing ended sessions failed");
    }
    if let Err(e) = app
        .storage
        .purge_person_sessions(now - IDLE_TIMEOUT, now - ABSOLUTE_TIMEOUT)
        .await
    {
        tracing::error!(error = %e, "removing ended sessions of citizens failed");
    }
    // A used or expired challenge holds nothing anyone needs: a sign-up's
    // details (its password hash among them) go with it.
    match app.storage.purge_challenges(now).await {
        Ok(0) => {}
        Ok(count) => tracing::debug!(count, "expired sign-in links and codes removed"),
        Err(e) => tracing::error!(error = %e, "removing expired sign-in links and codes failed"),
    }
    match app.storage.purge_message_bodies(now - app.message_retention).await {
        Ok(0) => {}
        Ok(count) => tracing::info!(count, "old messages' recipients and bodies blanked"),
        Err(e) => tracing::error!(error = %e, "blanking old messages failed"),
    }
    match crate::people::retention::run(app, now).await {
        Ok(run) if run.warned + run.erased > 0 => {
            tracing::info!(
                warned = run.warned,
                erased = run.erased,
                "unused accounts warned and erased"
            );
        }
        Ok(_) => {}
        Err(e) => tracing::error!(error = %e, "warning or erasing unused accounts failed"),
    }
    if let Err(e) = app.storage.purge_idempotency_keys(now - IDEMPOTENCY_WINDOW).await {
        tracing::error!(error = %e, "forgetting old idempotency keys failed");
    }
    match app.storage.purge_request_counts(now.timestamp()).await {
        Ok(0) => {}
        Ok(count) => tracing::debug!(count, "old limiter counts removed"),
        Err(e) => tracing::error!(error = %e, "removing old limiter counts failed"),
    }
    match queue_reminders(app, now).await {
        Ok(0) => {}
        Ok(count) => tracing::info!(count, "appointment reminders queued"),
        Err(e) => tracing::error!(error = %e, "queueing appointment reminders failed"),
    }
    match crate::events::queue_registration_reminders(app, now).await {
        Ok(0) => {}
        Ok(count) => tracing::info!(count, "group meeting reminders queued"),
        Err(e) => tracing::error!(error = %e, "queueing group meeting reminders failed"),
    }
    match crate::events::lapse_due(app, now).await {
        Ok(0) => {}
        Ok(count) => tracing::info!(count, "seat offers lapsed and passed on"),
        Err(e) => tracing::error!(error = %e, "letting seat offers lapse failed"),
    }
    if let Err(e) = app
        .storage
        .purge_registration_keys(now - crate::events::IDEMPOTENCY_WINDOW)
        .await
    {
        tracing::error!(error = %e, "forgetting old registration keys failed");
    }
    match crate::newsletter::digest::queue_digests(app, now).await {
        Ok(0) => {}
        Ok(count) => tracing::info!(count, "newsletter digests queued"),
        Err(e) => tracing::error!(error = %e, "queueing newsletter digests failed"),
    }
}

/// Runs the jobs now and then every [`EVERY`], until the process ends.
pub fn spawn(app: App) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            run_once(&app).await;
        }
    })
}
