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

// The same queries serve both backends: see the top of `shared.rs`.
#[allow(clippy::duplicate_mod)]
#[path = "accounts_sql.rs"]
mod accounts_sql;
#[allow(clippy::duplicate_mod)]
#[path = "appointments_sql.rs"]
mod appointments_sql;
#[allow(clippy::duplicate_mod)]
#[path = "audit_sql.rs"]
mod audit_sql;
// Bulk loading writes rows its own way on each backend.
#[path = "bulk_rows_values.rs"]
mod bulk_rows;
#[allow(clippy::duplicate_mod)]
#[path = "bulk_sql.rs"]
mod bulk_sql;
#[allow(clippy::duplicate_mod)]
#[path = "catalogue_sql.rs"]
mod catalogue_sql;
#[allow(clippy::duplicate_mod)]
#[path = "crawl_sql.rs"]
mod crawl_sql;
#[allow(clippy::duplicate_mod)]
#[path = "newsletter_sql.rs"]
mod newsletter_sql;
#[allow(clippy::duplicate_mod)]
#[path = "office_sql.rs"]
mod office_sql;
#[allow(clippy::duplicate_mod)]
#[path = "outbox_sql.rs"]
mod outbox_sql;
#[allow(clippy::duplicate_mod)]
#[path = "reports_sql.rs"]
mod reports_sql;
#[allow(clippy::duplicate_mod)]
#[path = "requests_sql.rs"]
mod requests_sql;
#[allow(clippy::duplicate_mod)]
#[path = "rows.rs"]
mod rows;
#[allow(clippy::duplicate_mod)]
#[path = "search_feed_sql.rs"]
mod search_feed_sql;
#[allow(clippy::duplicate_mod)]
#[path = "search_sql.rs"]
mod search_sql;
#[allow(clippy::duplicate_mod)]
#[path = "shared.rs"]
mod shared;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");

/// Storage in an SQLite file.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    /// What this node keeps in memory; shared by the store's clones.
    cache: std::sync::Arc<crate::cache::NodeCache>,
    pool: Pool<Sqlite>,
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
            write_turn: Default::default(),
        })
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
