//! The [`Storage`](crate::Storage) trait's own methods, for both backends
//! (compiled once per backend, like every feature's SQL: see `crate::sqlite`).

use async_trait::async_trait;

use super::{MIGRATOR, Store};
use crate::{Storage, StorageError};

#[async_trait]
impl Storage for Store {
    fn backend(&self) -> &'static str {
        Store::BACKEND
    }

    #[tracing::instrument(skip_all)]
    async fn ping(&self) -> Result<(), StorageError> {
        sqlx::query("SELECT 1").execute(self.pool()).await?;
        Ok(())
    }

    #[tracing::instrument(skip_all)]
    async fn migrate(&self) -> Result<(), StorageError> {
        MIGRATOR.run(self.pool()).await?;
        Ok(())
    }
}
