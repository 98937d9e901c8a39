//! SQLite backend: one file, WAL journal, `synchronous=FULL`, foreign keys on,
//! a busy timeout; writes in `BEGIN IMMEDIATE` transactions so that two
//! writers queue instead of failing.

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Pool, Sqlite};

use crate::write_tx::{WriteTurn, WriteTx};

use crate::StorageError;

type Db = Sqlite;
/// A write transaction of this backend.
type Tx = WriteTx<Sqlite>;

// Every feature's SQL, written once for both backends (`sql.rs` or `*_sql.rs` in the
// feature's folder), compiled here against this backend's `Db`, `Tx` and
// `Store`.
#[allow(clippy::duplicate_mod)]
#[path = "activity/sql.rs"]
mod activity;
#[allow(clippy::duplicate_mod)]
#[path = "audit/sql.rs"]
mod audit;
#[allow(clippy::duplicate_mod)]
#[path = "appointments/bookings_sql.rs"]
mod bookings;
#[allow(clippy::duplicate_mod)]
#[path = "offers/bulk_sql.rs"]
mod bulk;
#[allow(clippy::duplicate_mod)]
#[path = "offers/bulk_types.rs"]
mod bulk_types;
#[allow(clippy::duplicate_mod)]
#[path = "centres/sql.rs"]
mod centres;
#[allow(clippy::duplicate_mod)]
#[path = "employers/sql.rs"]
mod employers;
#[allow(clippy::duplicate_mod)]
#[path = "events/office_sql.rs"]
mod event_office;
#[allow(clippy::duplicate_mod)]
#[path = "events/reminders_sql.rs"]
mod event_reminders;
#[allow(clippy::duplicate_mod)]
#[path = "events/events_sql.rs"]
mod events;
#[allow(clippy::duplicate_mod)]
#[path = "appointments/holders_sql.rs"]
mod holders;
#[allow(clippy::duplicate_mod)]
#[path = "limiter/sql.rs"]
mod limiter;
#[allow(clippy::duplicate_mod)]
#[path = "newsletter/sql.rs"]
mod newsletter;
#[allow(clippy::duplicate_mod)]
#[path = "offers/office_sql.rs"]
mod offer_edits;
#[allow(clippy::duplicate_mod)]
#[path = "offers/search_sql.rs"]
mod offer_search;
#[allow(clippy::duplicate_mod)]
#[path = "offers/sql.rs"]
mod offers;
#[allow(clippy::duplicate_mod)]
#[path = "outbox/sql.rs"]
mod outbox;
#[allow(clippy::duplicate_mod)]
#[path = "outreach/sql.rs"]
mod outreach;
#[allow(clippy::duplicate_mod)]
#[path = "appointments/part_closures_sql.rs"]
mod part_closures;
#[allow(clippy::duplicate_mod)]
#[path = "people/accounts_sql.rs"]
mod people_accounts;
#[allow(clippy::duplicate_mod)]
#[path = "people/challenges_sql.rs"]
mod people_challenges;
#[allow(clippy::duplicate_mod)]
#[path = "people/cvs_sql.rs"]
mod people_cvs;
#[allow(clippy::duplicate_mod)]
#[path = "people/erase_sql.rs"]
mod people_erase;
#[allow(clippy::duplicate_mod)]
#[path = "accounts/proposals_sql.rs"]
mod proposals;
#[allow(clippy::duplicate_mod)]
#[path = "events/registrations_sql.rs"]
mod registrations;
#[allow(clippy::duplicate_mod)]
#[path = "reports/sql.rs"]
mod reports;
#[allow(clippy::duplicate_mod)]
#[path = "rows.rs"]
mod rows;
#[allow(clippy::duplicate_mod)]
#[path = "sealed/sql.rs"]
mod sealed_data;
#[allow(clippy::duplicate_mod)]
#[path = "search_feed/sql.rs"]
mod search_feed;
#[allow(clippy::duplicate_mod)]
#[path = "appointments/seats_sql.rs"]
mod seats;
#[allow(clippy::duplicate_mod)]
#[path = "appointments/services_sql.rs"]
mod services;
#[allow(clippy::duplicate_mod)]
#[path = "accounts/sessions_sql.rs"]
mod sessions;
#[allow(clippy::duplicate_mod)]
#[path = "sitemaps/sql.rs"]
mod sitemaps;
#[allow(clippy::duplicate_mod)]
#[path = "sms/sql.rs"]
mod sms;
#[allow(clippy::duplicate_mod)]
#[path = "storage_sql.rs"]
mod storage;
#[allow(clippy::duplicate_mod)]
#[path = "accounts/users_sql.rs"]
mod users;
// Bulk loading writes rows its own way on each backend.
#[path = "offers/bulk_rows_values.rs"]
mod bulk_rows;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");

/// Storage in an SQLite file.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    /// What this node keeps in memory; shared by the store's clones.
    cache: std::sync::Arc<crate::cache::NodeCache>,
    pool: Pool<Sqlite>,
    /// The keys of encrypted personal data (`sealed`), from the key file.
    data_keys: Option<std::sync::Arc<sportello_auth::DataKeys>>,
    /// This process's queue of writers.
    write_turn: WriteTurn,
}

type Store = SqliteStore;

impl SqliteStore {
    /// Opens (and creates if missing) the database file at `path`.
    pub async fn open(path: &str) -> Result<SqliteStore, StorageError> {
        let options = SqliteConnectOptions::from_str(&format!("sqlite://{path}"))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(16)
            .connect_with(options)
            .await?;
        Ok(SqliteStore {
            pool,
            cache: Default::default(),
            data_keys: None,
            write_turn: Default::default(),
        })
    }

    /// This store with the keys that seal and open encrypted personal data.
    pub fn with_data_keys(mut self, data_keys: Option<std::sync::Arc<sportello_auth::DataKeys>>) -> Self {
        self.data_keys = data_keys;
        self
    }

    fn data_keys(&self) -> Option<&sportello_auth::DataKeys> {
        self.data_keys.as_deref()
    }

    fn pool(&self) -> &Pool<Sqlite> {
        &self.pool
    }

    /// A write transaction, once this process's earlier writers are done
    /// (see `write_tx.rs`).
    async fn begin_write(&self) -> Result<WriteTx<Sqlite>, StorageError> {
        let turn = self.write_turn.clone().lock_owned().await;
        let tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        Ok(WriteTx::new(tx, Some(turn)))
    }

    const BACKEND: &'static str = "sqlite";
}
