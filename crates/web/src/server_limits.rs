//! What keeps one node standing under slow or greedy clients: its limits
//! (timeouts, requests in flight, connections, renders), the body size each
//! route accepts, and the middleware that refuses what is beyond them with a
//! page or problem document in the reader's language.
//!
//! Beyond the in-flight limit a request is answered at once with 503 and
//! `Retry-After`, never queued; connections beyond `max_connections` wait in
//! the kernel's accept queue (see `server`).

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;

use crate::error::{AppError, Busy, Form, Problem};

/// The body of a form or a JSON document, unless its route says otherwise.
pub const SMALL_BODY: usize = 64 * 1024;

/// Forms and documents with long texts: an offer (title, 5,000-character
/// description, 2,000 for how to apply…), a translation, opening rules in
/// four languages. Each route's limit is at least the largest body its
/// validation accepts, counting every character at its longest encoding
/// (12 bytes: a 4-byte character percent-encoded, or two `\u` escapes).
pub const TEXT_BODY: usize = 256 * 1024;

/// A newsletter issue: a subject and a 20,000-character body in each of
/// four languages.
pub const NEWSLETTER_BODY: usize = 1024 * 1024;

/// The body size a route accepts, set on the route as a layer
/// (`.layer(Extension(BodyLimit(TEXT_BODY)))`) and read by the extractors
/// that read bodies; [`SMALL_BODY`] where a route sets none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimit(pub usize);

/// What an operator tunes of one node's HTTP server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerLimits {
    /// Time a client has to send a request's headers, counted from when the
    /// connection opens or the previous answer was sent: so also how long
    /// an idle keep-alive connection stays open.
    pub header_timeout: Duration,
    /// Time a client has to send a request's whole body (408 after it).
    pub body_timeout: Duration,
    /// Time a request may take from its headers to its answer, body
    /// included (503 after it).
    pub request_timeout: Duration,
    /// Connections open at once; more wait to be accepted.
    pub max_connections: usize,
    /// Requests being handled at once; more are answered 503.
    pub max_in_flight: usize,
    /// Posters, boards, report PDFs and PNG cards rendered at once; more
    /// are answered 503 (0: none is rendered).
    pub max_renders: usize,
    /// Passwords checked or hashed (Argon2) at once; more are answered 503
    /// (at least one).
    pub max_hashing: usize,
}

impl Default for ServerLimits {
    fn default() -> ServerLimits {
        ServerLimits {
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            request_timeout: Duration::from_secs(60),
            max_connections: 1024,
            max_in_flight: 256,
            max_renders: default_renders(),
            max_hashing: default_renders(),
        }
    }
}

/// One render (or one Argon2 computation) at a time per core: each is CPU
/// work from start to end.
pub fn default_renders() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get)
}

/// Middleware: answers 503 with `Retry-After` when `slots` (the in-flight
/// limit) are all taken. `/healthz` is never refused, so that a busy node
/// is not taken out of the load balancer for being busy.
pub async fn in_flight(State(slots): State<Arc<Semaphore>>, request: Request, next: Next) -> Response {
    if request.uri().path() == "/healthz" {
        return next.run(request).await;
    }
    let Ok(permit) = slots.try_acquire() else {
        let form = Form::for_request(request.uri(), request.headers());
        return AppError {
            problem: Problem::Busy(Busy::Requests),
            form,
        }
        .into_response();
    };
    let response = next.run(request).await;
    drop(permit);
    response
}

/// Middleware: answers 503 with `Retry-After` when the request is not
/// answered within `limit`. The work already handed to other threads (a
/// render) goes on and keeps its render slot until it ends.
pub async fn time_limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    let form = Form::for_request(request.uri(), request.headers());
    let path = request.uri().path().to_owned();
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(path, seconds = limit.as_secs_f64(), "request timed out");
            AppError {
                problem: Problem::Busy(Busy::TooSlow),
                form,
            }
            .into_response()
        }
    }
}
