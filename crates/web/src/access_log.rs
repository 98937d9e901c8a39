//! One access-log line per request, at `info`: method, the route's template
//! (`/{lang}/appointments/booking/{reference}`, never the address as sent,
//! so no booking reference, link token or e-mail in a path reaches the
//! log), the query with its personal or secret values redacted, status,
//! time taken and a request id. The id comes from a well-formed incoming
//! `X-Request-Id` when the node is behind a proxy (`--behind-proxy`: the
//! load balancer's), or is made here; it is sent back in `X-Request-Id`,
//! every log line written while answering carries it, and so does every
//! audit row the request writes (`sportello_storage::with_request_id`).
//! The request is counted in the metrics by route template and status.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument as _;

use crate::AppState;

pub const REQUEST_ID: &str = "x-request-id";

/// Query parameters whose values never reach the log.
const SECRET_PARAMETERS: [&str; 13] = [
    "t",
    "token",
    "email",
    "phone",
    "name",
    "codice_fiscale",
    "code",
    "password",
    "csrf",
    // The SMS gateway's calls: its secret, the sender, the text, the SMS
    // centre's answer.
    "secret",
    "from",
    "text",
    "detail",
];

/// The incoming id, when `trusted` (behind a proxy) and 1 to 64 letters,
/// digits, `-`, `_` or `.`; otherwise a new random one.
fn request_id(request: &Request, trusted: bool) -> String {
    request
        .headers()
        .get(REQUEST_ID)
        .filter(|_| trusted)
        .and_then(|v| v.to_str().ok())
        .filter(|v| (1..=64).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)))
        .map_or_else(
            || sportello_auth::hex(&sportello_auth::random_bytes::<8>()),
            str::to_string,
        )
}

/// `query` with the values of [`SECRET_PARAMETERS`] replaced.
pub fn redacted_query(query: &str) -> String {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, _) = pair.split_once('=').unwrap_or((pair, ""));
            let decoded = key.to_ascii_lowercase();
            if SECRET_PARAMETERS.contains(&decoded.as_str()) {
                format!("{key}=REDACTED")
            } else {
                pair.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Middleware: logs the request once answered, counts it, and sends its
/// id back.
pub async fn access_log(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = request_id(&request, state.behind_proxy);
    let method = request.method().clone();
    // The template, not the path as sent: paths carry references and tokens.
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(no route)".to_string(), |p| p.as_str().to_string());
    let query = request.uri().query().map(redacted_query).unwrap_or_default();
    let span = tracing::info_span!("request", id = %id);
    let answer = next.run(request).instrument(span);
    let mut response = sportello_storage::with_request_id(id.clone(), answer).await;
    let status = response.status().as_u16();
    let took = started.elapsed();
    state.metrics.request(&route, status, took);
    let ms = took.as_millis();
    if status >= 500 && status != 503 {
        tracing::warn!(target: "access", id = %id, %method, route, query, status, ms, "request");
    } else {
        tracing::info!(target: "access", id = %id, %method, route, query, status, ms, "request");
    }
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_values_are_redacted() {
        assert_eq!(
            redacted_query("t=abc.def&lang=it&email=a%40b.it&q=cuoco&TOKEN=x"),
            "t=REDACTED&lang=it&email=REDACTED&q=cuoco&TOKEN=REDACTED"
        );
        assert_eq!(redacted_query(""), "");
        assert_eq!(redacted_query("next=/it/office/"), "next=/it/office/");
    }

    #[test]
    fn an_incoming_id_is_taken_only_behind_a_proxy_and_only_when_safe() {
        let with = |id: &str| {
            Request::builder()
                .header(REQUEST_ID, id)
                .body(axum::body::Body::empty())
                .unwrap()
        };
        assert_eq!(request_id(&with("lb-42.a_b"), true), "lb-42.a_b");
        let own = request_id(&with("lb-42.a_b"), false);
        assert_ne!(own, "lb-42.a_b", "not from any client");
        assert_eq!(own.len(), 16, "8 random bytes in hex: {own}");
        assert_ne!(request_id(&with("a b"), true), "a b");
        assert_eq!(request_id(&with(&"x".repeat(65)), true).len(), 16, "too long");
    }
}
