//! Background work of every node: expiring offers whose valid-through day
//! has passed, and removing ended sessions. Both are single idempotent
//! statements, safe when several nodes run them at once.

use std::time::Duration;

use chrono::Utc;
use sportello_domain::time::today_in_rome;

use crate::AppState;
use crate::session::{ABSOLUTE_TIMEOUT, IDLE_TIMEOUT};

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
