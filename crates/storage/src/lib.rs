//! Storage of Sportello: one trait per feature, each implemented for SQLite
//! (the default, embedded) and PostgreSQL (for several nodes), and the
//! [`Storage`] trait that unites them. Each feature has a folder with its
//! trait, its types and its SQL (`*_sql.rs`, written once with `$N`
//! placeholders and compiled for each backend: see `sqlite.rs` and
//! `postgres.rs`, which open the pools and embed each backend's
//! migrations). `rows.rs`, `write_tx.rs` and `cache.rs` are what every
//! feature's SQL shares; `backup.rs` is what the backup and restore
//! commands ask of a database itself.

mod accounts;
mod activity;
mod appointments;
mod audit;
pub mod backup;
mod cache;
mod centres;
mod employers;
mod error;
mod events;
mod limiter;
mod newsletter;
mod offers;
mod outbox;
mod outreach;
mod people;
mod postgres;
mod reports;
mod sealed;
mod search_feed;
mod sitemaps;
mod sms;
mod sqlite;
mod write_tx;

use std::sync::Arc;

use async_trait::async_trait;
use sportello_auth::DataKeys;

pub use accounts::{Accounts, ApiToken, Credentials, GrantProposal, NewUser, SessionRecord, SessionStage, Sessions};
pub use activity::Activity;
pub use appointments::{Booked, Bookings, IdempotencyKey, NewBooking, PartClosures, Services, TakenSeats};
pub use audit::{AuditFilter, AuditLog, with_request_id};
pub use cache::CENTRES_TTL;
pub use centres::Centres;
pub use employers::EmployerRequests;
pub use error::StorageError;
pub use events::{EventFilter, EventOffice, Events, NewRegistration, Notices, Registered};
pub use limiter::{Limiter, WindowCounts};
pub use newsletter::{NEWS_BATCH, Newsletter};
pub use offers::{
    ImportOffer, OfferEdits, Offers, OfficeFilter, OfficePage, SectionCounts, SectionText, TranslationTask,
};
pub use outbox::{ClaimedMail, MailCounts, MailStatus, Outbox, StoredMail};
pub use outreach::{OutreachPoints, StopCancel};
pub use people::{
    Challenge, ConsentRecord, Cvs, Erased, Erasure, MessageRecord, NewChallenge, NewPerson, People, PersonChallenges,
    PersonCredentials, PersonSession, StoredCv,
};
pub use postgres::PostgresStore;
pub use reports::{Reports, StoredReport};
pub use sealed::{SealedCounts, SealedData};
pub use search_feed::{ChangeLogBounds, OfferChange, SearchFeed};
pub use sitemaps::{OfferBlock, OfferStamp, Sitemaps};
pub use sms::{Delivery, SmsCounts, SmsOutbox, SmsStatus, StoredSms};
pub use sqlite::SqliteStore;

/// Everything the application asks of its database, one trait per feature:
/// users and how they sign in ([`Accounts`], [`Sessions`]), the
/// [`AuditLog`], [`Centres`], [`Offers`] and the back office's
/// [`OfferEdits`], employers' requests ([`EmployerRequests`]), the
/// appointments' [`Services`], their [`PartClosures`] and [`Bookings`],
/// group meetings' [`Events`]
/// and what operators do with them ([`EventOffice`]),
/// [`OutreachPoints`] and their stops, the centres' [`Activity`] counted for
/// the figures page, the [`Limiter`]'s counts, e-mail waiting to be sent
/// ([`Outbox`]), what sitemaps list ([`Sitemaps`]), subscribers and news
/// issues ([`Newsletter`]), weekly [`Reports`], encrypted personal data
/// ([`SealedData`]), text messages ([`SmsOutbox`]) and what the search index follows ([`SearchFeed`]). Code that needs one feature asks for its
/// trait (`&dyn Outbox`, `Arc<dyn SearchFeed>`…), which any `dyn Storage`
/// gives.
#[async_trait]
pub trait Storage:
    Accounts
    + Activity
    + AuditLog
    + Bookings
    + Centres
    + Cvs
    + Erasure
    + EmployerRequests
    + EventOffice
    + Events
    + Limiter
    + Newsletter
    + OfferEdits
    + Offers
    + Outbox
    + OutreachPoints
    + PartClosures
    + People
    + PersonChallenges
    + Reports
    + SealedData
    + SearchFeed
    + Services
    + SmsOutbox
    + Sessions
    + Sitemaps
    + Send
    + Sync
    + 'static
{
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;

    /// The connections of this node's pool, now (for the metrics).
    fn pool_use(&self) -> PoolUse;

    /// Answers when the database is reachable.
    async fn ping(&self) -> Result<(), StorageError>;

    /// Applies the embedded migrations that have not run yet (under a lock:
    /// see docs/operations.md, "Upgrades").
    async fn migrate(&self) -> Result<(), StorageError>;

    /// [`Storage::migrate`] with the migrations of `dir` too (`VERSION_NAME.sql`
    /// files): the tests' way to play a newer binary. `serve` offers it
    /// only in debug builds.
    async fn migrate_with_extra(&self, dir: &std::path::Path) -> Result<(), StorageError>;

    /// Which of this binary's migrations the database lacks, and which it
    /// has that this binary does not know (a newer node migrated it).
    async fn migration_status(&self) -> Result<MigrationStatus, StorageError>;
}

/// The connections of a pool: open, and idle among them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PoolUse {
    pub size: u32,
    pub idle: u32,
}

/// How a database's migrations compare with this binary's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MigrationStatus {
    /// This binary's migrations not applied yet (versions).
    pub pending: Vec<i64>,
    /// Applied migrations this binary does not know (versions).
    pub ahead: Vec<i64>,
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
/// the migrations, without data keys: encrypted personal data can be
/// neither written nor read ([`StorageError::NoDataKey`]).
pub async fn open(url: &DatabaseUrl) -> Result<Arc<dyn Storage>, StorageError> {
    open_with_keys(url, None).await
}

/// [`open`] with the data keys of the key file, which seal and open the
/// encrypted personal data (see `sealed`).
pub async fn open_with_keys(
    url: &DatabaseUrl,
    data_keys: Option<Arc<DataKeys>>,
) -> Result<Arc<dyn Storage>, StorageError> {
    let storage: Arc<dyn Storage> = match url {
        DatabaseUrl::Sqlite(path) => Arc::new(SqliteStore::open(path).await?.with_data_keys(data_keys)),
        DatabaseUrl::Postgres(url) => Arc::new(PostgresStore::open(url).await?.with_data_keys(data_keys)),
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
