//! PostgreSQL backend, for installations with several nodes.

use std::time::Duration;

use sqlx::postgres::PgPoolOptions;
use sqlx::{Pool, Postgres};

use crate::write_tx::WriteTx;

use crate::StorageError;

type Db = Postgres;

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
#[path = "bulk_rows_unnest.rs"]
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

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// Storage in a PostgreSQL database.
#[derive(Debug, Clone)]
pub struct PostgresStore {
    /// What this node keeps in memory; shared by the store's clones.
    cache: std::sync::Arc<crate::cache::NodeCache>,
    pool: Pool<Postgres>,
}

type Store = PostgresStore;

impl PostgresStore {
    /// Connects to the database at `url`.
    pub async fn open(url: &str) -> Result<PostgresStore, StorageError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        Ok(PostgresStore {
            pool,
            cache: Default::default(),
        })
    }

    fn pool(&self) -> &Pool<Postgres> {
        &self.pool
    }

    /// A write transaction: PostgreSQL queues writers by row locks itself.
    async fn begin_write(&self) -> Result<WriteTx<Postgres>, StorageError> {
        Ok(WriteTx::new(self.pool.begin().await?, None))
    }

    const BACKEND: &'static str = "postgres";
}
