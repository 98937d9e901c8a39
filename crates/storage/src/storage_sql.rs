//! The [`Storage`](crate::Storage) trait's own methods, for both backends
//! (compiled once per backend, like every feature's SQL: see `crate::sqlite`).

use std::path::Path;

use async_trait::async_trait;
use sqlx::migrate::{Migration, Migrator};

use super::{MIGRATOR, Store};
use crate::{MigrationStatus, PoolUse, Storage, StorageError};

#[async_trait]
impl Storage for Store {
    fn backend(&self) -> &'static str {
        Store::BACKEND
    }

    fn pool_use(&self) -> PoolUse {
        let pool = self.pool();
        PoolUse {
            size: pool.size(),
            idle: u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
        }
    }

    #[tracing::instrument(skip_all)]
    async fn ping(&self) -> Result<(), StorageError> {
        sqlx::query("SELECT 1").execute(self.pool()).await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn migration_status(&self) -> Result<MigrationStatus, StorageError> {
        let applied: Vec<i64> =
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
                .fetch_all(self.pool())
                .await?;
        let known: Vec<i64> = MIGRATOR.iter().map(|m| m.version).collect();
        Ok(MigrationStatus {
            pending: known.iter().copied().filter(|v| !applied.contains(v)).collect(),
            ahead: applied.into_iter().filter(|v| !known.contains(v)).collect(),
        })
    }

    #[tracing::instrument(skip_all)]
    async fn migrate(&self) -> Result<(), StorageError> {
        migrator(Vec::new()).run(self.pool()).await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn migrate_with_extra(&self, dir: &Path) -> Result<(), StorageError> {
        let extra = Migrator::new(dir).await?;
        migrator(extra.iter().cloned().collect()).run(self.pool()).await?;
        Ok(())
    }
}

/// The embedded migrations (and `extra` ones), run under the database's
/// migration lock (on PostgreSQL an advisory lock: nodes started at once
/// migrate one after the other, each migration once), accepting a database
/// that a newer binary has migrated further: during a rolling upgrade an
/// older node must still start (its migrations come first, and a newer
/// one's only add, by the expand/contract rule of docs/operations.md).
fn migrator(extra: Vec<Migration>) -> Migrator {
    let mut migrator = Migrator::with_migrations(MIGRATOR.iter().cloned().chain(extra).collect());
    migrator.set_ignore_missing(true).set_locking(true);
    migrator
}
