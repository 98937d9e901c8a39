//! The application layer of Sportello: the use cases and everything that
//! pages, e-mails and the command line share. One module per feature —
//! `appointments`, `events` (group meetings and their registrations),
//! `newsletter`, `reports` (weekly), `printed` (posters and
//! boards), `feeds`, `sitemaps`, `markup` (JSON-LD and social tags),
//! `translator` (machine drafts of translations), `limiter` (the one limit
//! of anonymous requests), `data_keys` (the key file of personal data at
//! rest), `metrics` (this node's Prometheus series) — with the view models (`view`), the templates (`templates`, files in `templates/`) and the
//! translations (`i18n`, Fluent files in `locales/`), all compiled in. It
//! serves no HTTP and has no SQL (its one HTTP client is the translator's):
//! the web layer (`sportello-web`) and the `sportello` command both call it.

pub mod activity;
pub mod appointments;
pub mod data_keys;
pub mod events;
pub mod feeds;
pub mod i18n;
pub mod limiter;
pub mod markup;
pub mod metrics;
pub mod newsletter;
pub mod outreach;
pub mod people;
pub mod periodic;
pub mod printed;
pub mod reports;
pub mod sitemaps;
pub mod sms;
pub mod templates;
pub mod translator;
pub mod view;
pub mod xml;

use std::sync::Arc;

use sportello_auth::Keys;
use sportello_domain::PublicUrl;
use sportello_search::{Consistency, OfferSearch, SearchIndex};
use sportello_storage::{Storage, StorageError};

/// What every use case shares: the database, the public address, the keys,
/// this node's search and the optional services.
#[derive(Clone)]
pub struct App {
    pub storage: Arc<dyn Storage>,
    pub public_url: PublicUrl,
    /// Keys for CSRF tokens and signed links, derived from one secret that
    /// every node shares.
    pub keys: Arc<Keys>,
    /// The machine-translation provider, when one is configured.
    pub translator: Option<Arc<translator::Translator>>,
    /// Video-meeting server and reminders of the appointments.
    pub appointments: Arc<appointments::Settings>,
    /// This node's offer search: its own index, following the database.
    pub search: Arc<OfferSearch>,
    /// The limits of anonymous requests (see `limiter`).
    pub limits: Arc<limiter::Limits>,
    /// Who gets text messages, their caps and reminders (see `sms`).
    pub sms: Arc<sms::Settings>,
    /// This application's counters and histograms (see `metrics`).
    pub metrics: Arc<metrics::Metrics>,
    /// How long the recipient, subject and body of a message sent are kept
    /// (the periodic job blanks them after; see `people::erase`).
    pub message_retention: chrono::Duration,
    /// How long an account may go unused before it is erased, after two
    /// warnings (see `people::retention`).
    pub inactive_accounts: chrono::Duration,
}

/// The default of [`App::message_retention`].
pub const MESSAGE_RETENTION: chrono::Duration = chrono::Duration::days(90);

impl App {
    /// The application over `storage`, with keys from the configured
    /// `secret` (at least 32 bytes) or, when there is none, from the random
    /// key stored in the database on first start.
    pub async fn new(storage: Arc<dyn Storage>, public_url: PublicUrl, secret: Option<&str>) -> Result<App, String> {
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
        let index = SearchIndex::in_memory().map_err(|e| format!("cannot make the search index: {e}"))?;
        let search = OfferSearch::new(index, storage.clone(), storage.clone(), Consistency::Strict);
        Ok(App {
            search: Arc::new(search),
            storage,
            public_url,
            keys: Arc::new(keys),
            translator: None,
            appointments: Arc::new(appointments::Settings::default()),
            limits: Arc::new(limiter::Limits::default()),
            sms: Arc::new(sms::Settings::default()),
            metrics: Arc::new(metrics::Metrics::default()),
            message_retention: MESSAGE_RETENTION,
            inactive_accounts: people::retention::INACTIVE_ACCOUNTS,
        })
    }

    /// The board sections' texts: the administrators' ones where written
    /// (each node keeps them for a few seconds), the built-in ones otherwise.
    pub async fn sections(&self) -> Result<view::Sections, StorageError> {
        Ok(view::Sections(self.storage.section_texts().await?))
    }
}
