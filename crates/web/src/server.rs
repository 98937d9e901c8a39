//! The HTTP server of a node: accepts connections on a listener and serves
//! the router over HTTP/1.1 with hyper, under the node's [`Limits`]: a
//! client must send its headers within `header_timeout` (hyper's header
//! read timer, which also closes keep-alive connections left idle that
//! long), at most `max_connections` are served at once (the rest wait in
//! the kernel's accept queue), and on shutdown the server stops accepting,
//! lets the requests in progress finish and closes idle connections.
//! `axum::serve` cannot set the header timeout, hence this loop.
//!
//! Each request carries the peer's address as `ConnectInfo<SocketAddr>`.
//!
//! A body the application answered without reading (a redirect to sign in,
//! a refused link) is read to its end and dropped before the answer goes
//! out, within the largest body any route takes and the body timeout:
//! otherwise the connection would be closed under a client still sending,
//! and a reverse proxy (nginx) would lose the answer and reply 502 instead,
//! counting it as a failure of the node.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::ConnectInfo;
use http_body_util::BodyExt as _;
use hyper::body::{Body, Frame, Incoming, SizeHint};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use crate::AppState;
use crate::server_limits::{NEWSLETTER_BODY, ServerLimits};

/// How long, beyond the request timeout, shutdown waits for the answers in
/// progress to be sent.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Serves the application on `listener` until `shutdown` completes, then
/// finishes the requests in progress (for at most the request timeout and
/// a few seconds). What `serve` runs, without the periodic jobs.
pub async fn serve_until(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let limits: ServerLimits = state.server.clone();
    let router = crate::router(state);
    let connections = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = connections.clone().acquire_owned() => slot.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let body_timeout = limits.body_timeout;
        let service = service_fn(move |request: hyper::Request<Incoming>| {
            let router = router.clone();
            async move {
                let (mut parts, body) = request.into_parts();
                parts.extensions.insert(ConnectInfo(peer));
                // A client waiting for `100 Continue` sends nothing unasked.
                let waits = parts.headers.get(hyper::header::EXPECT).is_some();
                let unread = Arc::new(Mutex::new(None));
                let body = Unread {
                    body: Some(body),
                    polled: false,
                    unread: unread.clone(),
                };
                let answer = router.oneshot(hyper::Request::from_parts(parts, body)).await;
                let left = unread.lock().ok().and_then(|mut left| left.take());
                if let Some(left) = left.filter(|_| !waits) {
                    drain(left, body_timeout).await;
                }
                answer
            }
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(%peer, error = %e, "connection ended with an error");
            }
            drop(slot);
        });
    }
    drop(listener);
    tracing::info!(
        connections = graceful.count(),
        "shutting down: finishing the requests in progress"
    );
    let grace = limits.request_timeout + SHUTDOWN_GRACE;
    if tokio::time::timeout(grace, graceful.shutdown()).await.is_err() {
        tracing::warn!(
            seconds = grace.as_secs(),
            "connections still open after the grace time: closed"
        );
    }
    Ok(())
}

/// A request's body as the router gets it: dropped without ever being
/// read, it is put in `unread` for the server to drain.
struct Unread {
    body: Option<Incoming>,
    polled: bool,
    unread: Arc<Mutex<Option<Incoming>>>,
}

impl Body for Unread {
    type Data = Bytes;
    type Error = hyper::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, hyper::Error>>> {
        self.polled = true;
        match self.body.as_mut() {
            Some(body) => Pin::new(body).poll_frame(cx),
            None => Poll::Ready(None),
        }
    }

    fn is_end_stream(&self) -> bool {
        self.body.as_ref().is_none_or(Body::is_end_stream)
    }

    fn size_hint(&self) -> SizeHint {
        self.body
            .as_ref()
            .map_or_else(|| SizeHint::with_exact(0), Body::size_hint)
    }
}

impl Drop for Unread {
    fn drop(&mut self) {
        if let Some(body) = self.body.take().filter(|b| !self.polled && !b.is_end_stream())
            && let Ok(mut unread) = self.unread.lock()
        {
            *unread = Some(body);
        }
    }
}

/// Reads `body` to its end and drops it, unless it is larger than any
/// route takes or slower than `timeout` (the connection is then closed).
async fn drain(mut body: Incoming, timeout: Duration) {
    if body.size_hint().lower() > NEWSLETTER_BODY as u64 {
        return;
    }
    let read = async {
        let mut bytes = 0;
        while let Some(Ok(frame)) = body.frame().await {
            bytes += frame.data_ref().map_or(0, Bytes::len);
            if bytes > NEWSLETTER_BODY {
                return;
            }
        }
    };
    let _ = tokio::time::timeout(timeout, read).await;
}

/// After a failed `accept`: a connection the client dropped is nothing;
/// anything else (say, out of file descriptors) is logged and the loop
/// waits a second instead of spinning.
async fn accept_failed(e: std::io::Error) {
    use std::io::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::ConnectionRefused | ErrorKind::ConnectionAborted | ErrorKind::ConnectionReset
    ) {
        return;
    }
    tracing::error!(error = %e, "cannot accept a connection");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
