//! What the router serves that is not a page or an API call: the health
//! probes of load balancers and orchestrators (`/healthz`, `/readyz`) and
//! the two static files (the stylesheet and the filter box's script),
//! compiled in.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;

use crate::AppState;

/// `GET /healthz`: 200 when the database answers, 503 otherwise.
pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match state.storage.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
    }
}

/// `GET /readyz`: 200 when this node can serve traffic: the database
/// answers, none of this binary's migrations is pending (a database ahead of
/// the binary, migrated by a newer node, is accepted and logged) and the
/// search index has caught up with the database within the last
/// [`READY_LAG`]; otherwise 503. The body says each check's state (JSON).
pub async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let database = state.storage.ping().await.is_ok();
    let migrations = if database {
        state.storage.migration_status().await.ok()
    } else {
        None
    };
    if let Some(ahead) = migrations.as_ref().map(|m| &m.ahead).filter(|a| !a.is_empty()) {
        // Once per new set of versions, not at every probe of the balancer.
        static WARNED: std::sync::Mutex<Vec<i64>> = std::sync::Mutex::new(Vec::new());
        let mut warned = WARNED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if *warned != *ahead {
            tracing::warn!(
                ?ahead,
                "the database has migrations this binary does not know (a newer node ran them)"
            );
            warned.clone_from(ahead);
        }
    }
    let pending = migrations.as_ref().map(|m| m.pending.len());
    let search = state.search.caught_up_within(READY_LAG);
    let ready = database && pending == Some(0) && search;
    let body = serde_json::json!({
        "ready": ready,
        "database": if database { "ok" } else { "unreachable" },
        "migrations_pending": pending,
        "migrations_ahead": migrations.as_ref().map(|m| m.ahead.len()),
        "search": if search { "caught up" } else { "behind" },
    });
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body.to_string(),
    )
}

/// How recently the search index must have caught up for `/readyz`.
const READY_LAG: std::time::Duration = std::time::Duration::from_secs(10);

pub async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/style.css"),
    )
}

/// The filter box of long lists, for browsers with JavaScript.
pub async fn picker_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/picker.js"),
    )
}
