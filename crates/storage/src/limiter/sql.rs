//! The queries of [`crate::Limiter`], for both backends (compiled once per
//! backend, like every feature's SQL: see `crate::sqlite`).

use async_trait::async_trait;

use super::Store;
use crate::{Limiter, StorageError, WindowCounts};

#[async_trait]
impl Limiter for Store {
    #[tracing::instrument(skip_all)]
    async fn count_request(&self, bucket: &str, window_start: i64, window: i64) -> Result<WindowCounts, StorageError> {
        let mut tx = self.begin_write().await?;
        // One statement: the count and its reading cannot be split by
        // another node's request.
        let (current, previous): (i64, i64) = sqlx::query_as(
            "INSERT INTO limiter_counts (bucket, window_start, hits, forget_after) VALUES ($1, $2, 1, $3) \
             ON CONFLICT (bucket, window_start) DO UPDATE SET hits = limiter_counts.hits + 1 \
             RETURNING CAST(hits AS BIGINT), CAST(COALESCE((SELECT p.hits FROM limiter_counts p \
               WHERE p.bucket = $1 AND p.window_start = $4), 0) AS BIGINT)",
        )
        .bind(bucket)
        .bind(window_start)
        .bind(window_start + 2 * window)
        .bind(window_start - window)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        let clamp = |n: i64| u32::try_from(n.max(0)).unwrap_or(u32::MAX);
        Ok(WindowCounts {
            current: clamp(current),
            previous: clamp(previous),
        })
    }

    async fn forget_requests(&self, bucket: &str) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM limiter_counts WHERE bucket = $1")
            .bind(bucket)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn purge_request_counts(&self, now: i64) -> Result<u64, StorageError> {
        let mut tx = self.begin_write().await?;
        let removed = sqlx::query("DELETE FROM limiter_counts WHERE forget_after <= $1")
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(removed)
    }
}
