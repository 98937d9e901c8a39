//! The [`Storage`](crate::Storage) trait's own methods, for both backends
//! (compiled once per backend, like every feature's SQL: see `crate::sqlite`).

use async_trait::async_trait;

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
        MIGRATOR.run(self.pool()).await?;
        Ok(())
    }
}
