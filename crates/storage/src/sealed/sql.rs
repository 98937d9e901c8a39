//! The queries of [`crate::SealedData`], for both backends (compiled once
//! per backend, like every feature's SQL: see `crate::sqlite`).

use async_trait::async_trait;
use sportello_auth::data_keys::{self, SEALED_PREFIX};
use sportello_domain::Needs;
use sportello_domain::vocab::{SpokenLanguage, Vocabulary};
use sqlx::{AssertSqlSafe, Row};

use super::Store;
use crate::appointments::needs;
use crate::sealed::{self, BOOKING_NEEDS, SEALED_COLUMNS, TOTP_SECRETS};
use crate::{SealedCounts, SealedData, StorageError};

/// Bookings whose needs were stored in plaintext, before encryption.
const PLAINTEXT_NEEDS: &str = "needs_sealed IS NULL AND \
    (interpreter IS NOT NULL OR wheelchair OR sign_language OR other_needs <> '')";

#[async_trait]
impl SealedData for Store {
    #[tracing::instrument(skip_all)]
    async fn sealed_counts(&self) -> Result<SealedCounts, StorageError> {
        let mut counts = SealedCounts::default();
        for column in SEALED_COLUMNS {
            // The prefix is enough to read the key id.
            let sql = format!(
                "SELECT substr({c}, 1, 48) FROM {t} WHERE {c} IS NOT NULL",
                c = column.column,
                t = column.table
            );
            let heads: Vec<String> = sqlx::query_scalar(AssertSqlSafe(sql)).fetch_all(self.pool()).await?;
            for head in heads {
                match data_keys::key_id(&head) {
                    Some(id) => *counts.by_key.entry(id.to_string()).or_default() += 1,
                    None => counts.plaintext += 1,
                }
            }
        }
        let sql = format!("SELECT COUNT(*) FROM bookings WHERE {PLAINTEXT_NEEDS}");
        let plain_needs: i64 = sqlx::query_scalar(AssertSqlSafe(sql)).fetch_one(self.pool()).await?;
        counts.plaintext += u64::try_from(plain_needs).unwrap_or(0);
        Ok(counts)
    }

    #[tracing::instrument(skip_all)]
    async fn seal_plaintext(&self) -> Result<u64, StorageError> {
        let keys = self.data_keys();
        let mut tx = self.begin_write().await?;
        let mut sealed_now = 0u64;
        let rows =
            sqlx::query("SELECT id, totp_secret FROM users WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE $1")
                .bind(format!("{SEALED_PREFIX}%"))
                .fetch_all(&mut *tx)
                .await?;
        for row in rows {
            let (id, plain): (i64, String) = (row.try_get(0)?, row.try_get(1)?);
            let value = sealed::seal(keys, TOTP_SECRETS, &plain)?;
            sealed_now += sqlx::query("UPDATE users SET totp_secret = $1 WHERE id = $2 AND totp_secret = $3")
                .bind(value)
                .bind(id)
                .bind(plain)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        let sql = format!(
            "SELECT id, interpreter, wheelchair, sign_language, other_needs FROM bookings WHERE {PLAINTEXT_NEEDS}"
        );
        let rows = sqlx::query(AssertSqlSafe(sql)).fetch_all(&mut *tx).await?;
        for row in rows {
            let interpreter: Option<String> = row.try_get("interpreter")?;
            let plain = Needs {
                interpreter: interpreter.as_deref().and_then(SpokenLanguage::parse),
                wheelchair: row.try_get("wheelchair")?,
                sign_language: row.try_get("sign_language")?,
                other: row.try_get("other_needs")?,
            };
            let value = sealed::seal(keys, BOOKING_NEEDS, &needs::to_json(&plain))?;
            sealed_now += sqlx::query(
                "UPDATE bookings SET needs_sealed = $1, interpreter = NULL, wheelchair = FALSE, \
                 sign_language = FALSE, other_needs = '' WHERE id = $2 AND needs_sealed IS NULL",
            )
            .bind(value)
            .bind(row.try_get::<i64, _>("id")?)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok(sealed_now)
    }

    #[tracing::instrument(skip_all, fields(limit))]
    async fn reseal(&self, limit: u32) -> Result<u64, StorageError> {
        let keys = self.data_keys().ok_or(StorageError::NoDataKey)?;
        let current = format!("{SEALED_PREFIX}{}.%", keys.current_id());
        let mut done = 0u64;
        for column in SEALED_COLUMNS {
            let left = i64::from(limit) - i64::try_from(done).unwrap_or(i64::MAX);
            if left <= 0 {
                break;
            }
            let (t, c) = (column.table, column.column);
            let select =
                format!("SELECT id, {c} FROM {t} WHERE {c} IS NOT NULL AND {c} NOT LIKE $1 ORDER BY id LIMIT $2");
            let rows = sqlx::query(AssertSqlSafe(select))
                .bind(&current)
                .bind(left)
                .fetch_all(self.pool())
                .await?;
            if rows.is_empty() {
                continue;
            }
            let mut tx = self.begin_write().await?;
            let update = format!("UPDATE {t} SET {c} = $1 WHERE id = $2 AND {c} = $3");
            for row in rows {
                let (id, old): (i64, String) = (row.try_get(0)?, row.try_get(1)?);
                let plain = sealed::open(Some(keys), column, old.clone())?;
                let new = keys.seal(column.purpose, plain.as_bytes());
                // Changed meanwhile: the next call finds it again if needed.
                sqlx::query(AssertSqlSafe(update.clone()))
                    .bind(new)
                    .bind(id)
                    .bind(old)
                    .execute(&mut *tx)
                    .await?;
                done += 1;
            }
            tx.commit().await?;
        }
        Ok(done)
    }
}
