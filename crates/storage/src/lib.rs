//! Storage of Sportello: one [`Storage`] interface, implemented for SQLite
//! (the default, embedded) and PostgreSQL (for several nodes). Each backend
//! has its own migrations, embedded in the binary; the queries are written
//! once in `shared.rs` and compiled for each backend.

mod accounts;
mod appointments;
mod cache;
mod catalogue;
mod crawl;
mod error;
mod newsletter;
mod office;
mod outbox;
mod postgres;
mod reports;
mod requests;
mod search;
mod search_feed;
mod sqlite;
mod write_tx;

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::{Actor, Centre, NewCentre, NewOffer, Offer, OfferQuery, OfferStatus, RefCode, SearchPage};

pub use accounts::{Accounts, ApiToken, AuditFilter, AuditLog, Credentials, NewUser, SessionRecord, SessionStage};
pub use appointments::{Appointments, Booked, IdempotencyKey, NewBooking, TakenSeats};
pub use cache::CENTRES_TTL;
pub use catalogue::Catalogue;
pub use crawl::{Crawl, OfferBlock, OfferStamp};
pub use error::StorageError;
pub use newsletter::{NEWS_BATCH, Newsletter};
pub use office::{Backoffice, OfficeFilter, OfficePage, SectionText, TranslationTask};
pub use outbox::{ClaimedMail, MailCounts, MailStatus, Outbox, StoredMail};
pub use postgres::PostgresStore;
pub use reports::{Reports, StoredReport};
pub use requests::EmployerRequests;
pub use search_feed::{ChangeLogBounds, OfferChange, SearchFeed};
pub use sqlite::SqliteStore;

/// An offer with its lifecycle state, for bulk loading (demo data, imports).
#[derive(Debug, Clone)]
pub struct ImportOffer {
    pub data: NewOffer,
    pub status: OfferStatus,
    pub published_on: Option<NaiveDate>,
}

/// Counts of offers by section for one centre's board.
pub type SectionCounts = std::collections::BTreeMap<String, u64>;

/// Everything the application asks of its database: the public side here,
/// the back office in [`Accounts`], [`AuditLog`], [`Backoffice`] and
/// [`EmployerRequests`]; services in [`Catalogue`] and bookings in
/// [`Appointments`]; e-mail waiting
/// to be sent in [`Outbox`]; what sitemaps list in [`Crawl`]; subscribers
/// and news issues in [`Newsletter`]; weekly reports in [`Reports`]; what
/// the search index follows in [`SearchFeed`].
#[async_trait]
pub trait Storage:
    Accounts
    + Appointments
    + AuditLog
    + Backoffice
    + Catalogue
    + Crawl
    + EmployerRequests
    + Newsletter
    + Outbox
    + Reports
    + SearchFeed
    + Send
    + Sync
    + 'static
{
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;

    /// Answers when the database is reachable.
    async fn ping(&self) -> Result<(), StorageError>;

    /// Applies the embedded migrations that have not run yet.
    async fn migrate(&self) -> Result<(), StorageError>;

    async fn insert_centre(&self, centre: &NewCentre) -> Result<Centre, StorageError>;
    async fn centres(&self) -> Result<Vec<Centre>, StorageError>;
    async fn centre_by_slug(&self, slug: &str) -> Result<Option<Centre>, StorageError>;

    /// Stores a draft offer and gives it the next reference code of its centre.
    async fn insert_offer(&self, offer: &NewOffer, actor: &Actor, now: DateTime<Utc>) -> Result<Offer, StorageError>;

    /// Stores many offers in one transaction, each with its state.
    async fn import_offers(
        &self,
        offers: &[ImportOffer],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<u64, StorageError>;

    /// Stores many offers in one transaction, each with its state, with
    /// multi-row `INSERT`s: for loads of thousands of offers at a time.
    /// Returns their reference codes, in the order of `offers`.
    async fn bulk_import_offers(
        &self,
        offers: &[ImportOffer],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Vec<RefCode>, StorageError>;

    /// Refreshes the query planner's statistics of the offer tables
    /// (`ANALYZE`), after a bulk load: a PostgreSQL server with autovacuum
    /// off would otherwise plan every later read on the statistics of the
    /// empty tables (sequential scans for lookups by id).
    async fn analyze_offers(&self) -> Result<(), StorageError>;

    /// The offer with this reference code, whatever its status.
    async fn offer(&self, reference: &RefCode) -> Result<Option<Offer>, StorageError>;

    /// Publishes a draft offer (see [`Offer::check_publishable`]).
    async fn publish_offer(
        &self,
        reference: &RefCode,
        today: NaiveDate,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Offer, StorageError>;

    /// Closes a published offer as filled, withdrawn or expired.
    async fn close_offer(
        &self,
        reference: &RefCode,
        status: OfferStatus,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Offer, StorageError>;

    /// Open offers matching `query` on `today` (Rome), with facet counts.
    async fn search_offers(&self, query: &OfferQuery, today: NaiveDate) -> Result<SearchPage, StorageError>;

    /// Open offers like `offer` (same occupation, then same centre), newest first.
    async fn similar_offers(&self, offer: &Offer, today: NaiveDate, limit: u32) -> Result<Vec<Offer>, StorageError>;

    /// Number of centres: zero on a fresh database.
    async fn count_centres(&self) -> Result<u64, StorageError>;
}

/// A database address as given on the command line or in configuration.
/// `Debug` and `Display` never show a password.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// `sqlite://PATH`, `sqlite:PATH` or a bare path.
    Sqlite(String),
    /// `postgres://…` or `postgresql://…`.
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<DatabaseUrl, StorageError> {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(url.to_string()));
        }
        let path = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
            .unwrap_or(url);
        if path.is_empty() || path.contains("://") {
            return Err(StorageError::BadUrl(url.to_string()));
        }
        Ok(DatabaseUrl::Sqlite(path.to_string()))
    }
}

impl std::fmt::Display for DatabaseUrl {
    /// Shows the address without any password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DatabaseUrl::Sqlite(path) => write!(f, "sqlite://{path}"),
            DatabaseUrl::Postgres(url) => match (url.find("://"), url.rfind('@')) {
                (Some(scheme), Some(at)) if at > scheme => write!(f, "{}://…@{}", &url[..scheme], &url[at + 1..]),
                _ => f.write_str(url),
            },
        }
    }
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
}

/// Opens the database at `url` (creating an SQLite file if needed) and runs
/// the migrations.
pub async fn open(url: &DatabaseUrl) -> Result<Arc<dyn Storage>, StorageError> {
    let storage: Arc<dyn Storage> = match url {
        DatabaseUrl::Sqlite(path) => Arc::new(SqliteStore::open(path).await?),
        DatabaseUrl::Postgres(url) => Arc::new(PostgresStore::open(url).await?),
    };
    storage.migrate().await?;
    Ok(storage)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_database_urls() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/x.db").unwrap(),
            DatabaseUrl::Sqlite("data/x.db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:x.db").unwrap(),
            DatabaseUrl::Sqlite("x.db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("/var/lib/s.sqlite").unwrap(),
            DatabaseUrl::Sqlite("/var/lib/s.sqlite".into())
        );
        assert!(matches!(
            DatabaseUrl::parse("postgres://u:p@h/db").unwrap(),
            DatabaseUrl::Postgres(_)
        ));
        assert!(matches!(
            DatabaseUrl::parse("postgresql://h/db").unwrap(),
            DatabaseUrl::Postgres(_)
        ));
        assert!(DatabaseUrl::parse("").is_err());
        assert!(DatabaseUrl::parse("mysql://h/db").is_err());
    }

    #[test]
    fn never_shows_passwords() {
        let url = DatabaseUrl::parse("postgres://user:secret@db.example/sportello").unwrap();
        assert_eq!(url.to_string(), "postgres://…@db.example/sportello");
        assert!(!format!("{url:?}").contains("secret"));
    }
}
