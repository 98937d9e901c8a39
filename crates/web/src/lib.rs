//! HTTP layer of Sportello: the public pages (server-rendered HTML, no
//! JavaScript needed) under `/{lang}/…` with their Atom and JSON feeds, the
//! JSON API under `/api/v1` with its OpenAPI document, `robots.txt` and the
//! sitemaps, and `/healthz`. The library builds the application from a
//! listener, so tests bind port 0; `server` serves it under the node's
//! `server_limits`.

pub mod access_log;
pub mod api;
pub mod error;
pub mod extract;
pub mod feeds;
pub mod hashing;
pub mod metrics;
pub mod pages;
pub mod person_session;
mod probes;
pub mod renders;
mod router;
mod server;
pub mod server_limits;
pub mod session;
pub mod sitemaps;
pub mod sms_gateway;

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use sportello_app::App;
use sportello_domain::PublicUrl;
use sportello_storage::Storage;
use tokio::net::TcpListener;

pub use renders::Renders;
pub use router::{reading_routes, router, writing_routes};
pub use server::{serve_until, shutdown_signal};
pub use server_limits::ServerLimits;

/// What every handler shares: the application, and what only HTTP needs.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    /// Take the client's address from `X-Forwarded-For` (set by the load
    /// balancer) instead of the connection.
    pub behind_proxy: bool,
    /// Show the e-mails that were recorded instead of sent at
    /// `/{lang}/demo/mailbox` (`sportello demo` only: they hold personal data).
    pub demo_mailbox: bool,
    /// Timeouts and caps of this node's server (see
    /// [`AppState::with_server_limits`]); the limits of anonymous requests
    /// are the application's (`app.limits`).
    pub server: ServerLimits,
    /// The render slots, `server.max_renders` of them.
    pub renders: Renders,
    /// The Argon2 slots, `server.max_hashing` of them.
    pub hashing: hashing::Hashing,
}

impl AppState {
    /// The state of `app`, not behind a proxy, without the demo's mailbox,
    /// with the default [`ServerLimits`].
    pub fn new(app: App) -> AppState {
        let server = ServerLimits::default();
        AppState {
            behind_proxy: false,
            demo_mailbox: false,
            renders: Renders::new(server.max_renders, app.metrics.clone()),
            hashing: hashing::Hashing::new(server.max_hashing),
            server,
            app,
        }
    }

    /// The same state under `server` limits, with render slots to match.
    pub fn with_server_limits(mut self, server: ServerLimits) -> AppState {
        self.renders = Renders::new(server.max_renders, self.app.metrics.clone());
        self.hashing = hashing::Hashing::new(server.max_hashing);
        self.server = server;
        self
    }

    /// The state over `storage` (see [`App::new`]).
    pub async fn open(
        storage: Arc<dyn Storage>,
        public_url: PublicUrl,
        secret: Option<&str>,
    ) -> Result<AppState, String> {
        Ok(AppState::new(App::new(storage, public_url, secret).await?))
    }

    /// Whether cookies must be `Secure` (the public address is HTTPS).
    pub fn secure_cookies(&self) -> bool {
        self.public_url.is_https()
    }
}

/// Handlers reach the application's parts (`state.storage`, `state.keys`…)
/// and pass `&state` wherever a use case asks for the [`App`].
impl Deref for AppState {
    type Target = App;

    fn deref(&self) -> &App {
        &self.app
    }
}

impl DerefMut for AppState {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

/// Serves the application on `listener`, with its periodic jobs, until
/// Ctrl-C or SIGTERM; then finishes the requests in progress.
pub async fn serve(listener: TcpListener, state: AppState) -> std::io::Result<()> {
    serve_with_shutdown(listener, state, server::shutdown_signal()).await
}

/// [`serve`] until `shutdown` completes (the caller's signal, which may
/// also stop its own workers): the periodic jobs stop at once, new
/// connections are refused, and the requests in progress finish within the
/// request timeout and a few seconds.
pub async fn serve_with_shutdown(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let jobs = sportello_app::periodic::spawn(state.app.clone());
    let jobs_abort = jobs.abort_handle();
    let shutdown = async move {
        shutdown.await;
        // Background loops stop with the signal, not after the drain.
        jobs_abort.abort();
    };
    serve_until(listener, state, shutdown).await
}
