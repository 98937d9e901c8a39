//! The metrics endpoint: `GET /metrics` in the Prometheus text format, on
//! a listener of its own (`--metrics-addr`), never on the public router:
//! the address is meant for the monitoring network only. What it says is
//! `sportello_app::metrics::exposition` of the node's application.

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use tokio::net::TcpListener;

use crate::AppState;

/// The text format's media type.
const TEXT_FORMAT: &str = "text/plain; version=0.0.4; charset=utf-8";

/// The router of the metrics listener: `/metrics` and nothing else.
pub fn router(state: AppState) -> Router {
    Router::new().route("/metrics", get(metrics)).with_state(state)
}

async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let text = sportello_app::metrics::exposition(&state.app).await;
    (
        [(header::CONTENT_TYPE, TEXT_FORMAT), (header::CACHE_CONTROL, "no-store")],
        text,
    )
}

/// Serves `/metrics` of `state` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}
