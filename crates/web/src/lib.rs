//! HTTP layer of Sportello: the public pages (server-rendered HTML, no
//! JavaScript needed) under `/{lang}/…` with their Atom and JSON feeds, the
//! JSON API under `/api/v1` with its OpenAPI document, `robots.txt` and the
//! sitemaps, and `/healthz`. The library builds the application from a
//! listener, so tests bind port 0.

pub mod api;
pub mod booking;
pub mod crawl;
pub mod error;
pub mod extract;
pub mod feeds;
pub mod i18n;
pub mod jobs;
pub mod mails;
pub mod markup;
pub mod newsletter;
pub mod pages;
pub mod printed;
pub mod reports;
mod router;
pub mod session;
pub mod templates;
pub mod translator;
pub mod view;
pub mod xml;

use std::sync::Arc;

use sportello_auth::Keys;
use sportello_storage::Storage;
use tokio::net::TcpListener;

pub use router::router;

/// The configured public base address (`--public-url`), the only source of
/// absolute links: never the request's `Host` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl PublicUrl {
    /// Parses an `http://` or `https://` address, without a trailing slash.
    pub fn parse(url: &str) -> Result<PublicUrl, String> {
        let url = url.trim().trim_end_matches('/');
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| format!("the public URL must start with http:// or https://: {url:?}"))?;
        if rest.is_empty() || rest.contains(['?', '#', ' ']) {
            return Err(format!("not a usable public URL: {url:?}"));
        }
        Ok(PublicUrl(url.to_string()))
    }

    /// The absolute address of `path` (which starts with `/`).
    pub fn join(&self, path: &str) -> String {
        format!("{}{}", self.0, path)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub storage: Arc<dyn Storage>,
    pub public_url: PublicUrl,
    /// Keys for CSRF tokens and signed links, derived from one secret that
    /// every node shares.
    pub keys: Arc<Keys>,
    /// Take the client's address from `X-Forwarded-For` (set by the load
    /// balancer) instead of the connection.
    pub behind_proxy: bool,
    /// The machine-translation provider, when one is configured.
    pub translator: Option<Arc<translator::Translator>>,
    /// Video-meeting server and reminders of the appointments.
    pub appointments: Arc<booking::Settings>,
    /// Show the e-mails that were recorded instead of sent at
    /// `/{lang}/demo/mailbox` (`sportello demo` only: they hold personal data).
    pub demo_mailbox: bool,
    /// This node's offer search: its own index, following the database.
    pub search: Arc<sportello_search::OfferSearch>,
}

impl AppState {
    /// The state for `storage`, with keys from the configured `secret` (at
    /// least 32 bytes) or, when there is none, from the random key stored in
    /// the database on first start.
    pub async fn new(
        storage: Arc<dyn Storage>,
        public_url: PublicUrl,
        secret: Option<&str>,
    ) -> Result<AppState, String> {
        let secret = match secret {
            Some(s) => s.to_string(),
            None => storage
                .installation_key(&Keys::generate_secret)
                .await
                .map_err(|e| format!("cannot read the installation key: {e}"))?,
        };
        let keys = Keys::from_secret(secret.as_bytes())
            .map_err(|_| "the secret must be at least 32 bytes long".to_string())?;
        // An index in memory that catches up before every search: what tests
        // and one-off commands need. `serve` replaces it with one on disk.
        let index =
            sportello_search::SearchIndex::in_memory().map_err(|e| format!("cannot make the search index: {e}"))?;
        let search = sportello_search::OfferSearch::new(index, storage.clone(), sportello_search::Consistency::Strict);
        Ok(AppState {
            search: Arc::new(search),
            storage,
            public_url,
            keys: Arc::new(keys),
            behind_proxy: false,
            translator: None,
            appointments: Arc::new(booking::Settings::default()),
            demo_mailbox: false,
        })
    }

    /// The board sections' texts: the administrators' ones where written
    /// (each node keeps them for a few seconds), the built-in ones otherwise.
    pub async fn sections(&self) -> Result<view::Sections, sportello_storage::StorageError> {
        Ok(view::Sections(self.storage.section_texts().await?))
    }

    /// Whether cookies must be `Secure` (the public address is HTTPS).
    pub fn secure_cookies(&self) -> bool {
        self.public_url.as_str().starts_with("https://")
    }
}

/// Serves the application on `listener` until Ctrl-C or SIGTERM.
pub async fn serve(listener: TcpListener, state: AppState) -> std::io::Result<()> {
    let jobs = jobs::spawn(state.clone());
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    jobs.abort();
    Ok(())
}

async fn shutdown_signal() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_url_is_checked_and_joined() {
        let url = PublicUrl::parse("https://lavoro.example.it/").unwrap();
        assert_eq!(url.join("/o/LE-0427"), "https://lavoro.example.it/o/LE-0427");
        assert!(PublicUrl::parse("lavoro.example.it").is_err());
        assert!(PublicUrl::parse("http://").is_err());
        assert!(PublicUrl::parse("ftp://x").is_err());
    }
}
