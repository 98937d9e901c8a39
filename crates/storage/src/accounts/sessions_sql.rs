//! Sessions and API tokens, for both backends (compiled
//! once per backend, like every feature's SQL: see `crate::sqlite`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Actor, NewAuditEntry, User, UserId};
use sqlx::Row;

use super::audit::write_audit;
use super::rows::invalid;
use super::{Store, Tx};
use crate::{Accounts, ApiToken, SessionRecord, SessionStage, Sessions, StorageError};

/// Revokes every API token of `user` not revoked yet, in `tx`, with one
/// audit row naming them and `because` (the change that kills them) when
/// there was any.
pub(super) async fn revoke_all_api_tokens(
    tx: &mut Tx,
    user: UserId,
    because: &str,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let mut revoked: Vec<i64> = sqlx::query_scalar(
        "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL RETURNING id",
    )
    .bind(now)
    .bind(user.0)
    .fetch_all(&mut **tx)
    .await?;
    if revoked.is_empty() {
        return Ok(());
    }
    revoked.sort_unstable();
    let details = serde_json::json!({ "tokens": revoked, "because": because });
    write_audit(
        tx,
        actor,
        &NewAuditEntry::new("token.revoke_all", "user", &user.0.to_string()).details(details.to_string()),
        now,
    )
    .await
}

#[async_trait]
impl Sessions for Store {
    async fn create_session(
        &self,
        id_hash: &str,
        user: UserId,
        stage: SessionStage,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, stage, created_at, last_seen_at, address) \
             VALUES ($1, $2, $3, $4, $4, $5)",
        )
        .bind(id_hash)
        .bind(user.0)
        .bind(stage.code())
        .bind(now)
        .bind(address)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    async fn session(&self, id_hash: &str) -> Result<Option<SessionRecord>, StorageError> {
        let row = sqlx::query("SELECT user_id, stage, created_at, last_seen_at FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else { return Ok(None) };
        let stage: String = row.try_get("stage")?;
        Ok(Some(SessionRecord {
            user: UserId(row.try_get("user_id")?),
            stage: SessionStage::parse(&stage).ok_or_else(|| invalid("stage", &stage))?,
            created_at: row.try_get("created_at")?,
            last_seen_at: row.try_get("last_seen_at")?,
        }))
    }

    async fn touch_session(&self, id_hash: &str, now: DateTime<Utc>) -> Result<(), StorageError> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
            .bind(now)
            .bind(id_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn delete_session(&self, id_hash: &str) -> Result<(), StorageError> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn purge_sessions(
        &self,
        idle_before: DateTime<Utc>,
        created_before: DateTime<Utc>,
    ) -> Result<u64, StorageError> {
        Ok(
            sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
                .bind(idle_before)
                .bind(created_before)
                .execute(self.pool())
                .await?
                .rows_affected(),
        )
    }

    async fn insert_api_token(
        &self,
        user: UserId,
        name: &str,
        token_hash: &str,
        expires_at: DateTime<Utc>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<ApiToken, StorageError> {
        let owner = self.user_by_id(user).await?;
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(user.0)
        .bind(name)
        .bind(token_hash)
        .bind(now)
        .bind(expires_at)
        .fetch_one(&mut *tx)
        .await?;
        let details = serde_json::json!({ "token": id, "name": name, "expires_at": expires_at.to_rfc3339() });
        write_audit(
            &mut tx,
            actor,
            &NewAuditEntry::new("token.create", "user", &owner.id.0.to_string()).details(details.to_string()),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(ApiToken {
            id,
            name: name.into(),
            created_at: now,
            last_used_at: None,
            revoked_at: None,
            expires_at,
        })
    }

    async fn api_tokens(&self, user: UserId) -> Result<Vec<ApiToken>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, name, created_at, last_used_at, revoked_at, expires_at FROM api_tokens \
             WHERE user_id = $1 ORDER BY id",
        )
        .bind(user.0)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ApiToken {
                    id: row.try_get("id")?,
                    name: row.try_get("name")?,
                    created_at: row.try_get("created_at")?,
                    last_used_at: row.try_get("last_used_at")?,
                    revoked_at: row.try_get("revoked_at")?,
                    expires_at: row.try_get("expires_at")?,
                })
            })
            .collect()
    }

    async fn revoke_api_token(
        &self,
        user: UserId,
        token: i64,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let owner = self.user_by_id(user).await?;
        let mut tx = self.begin_write().await?;
        let changed =
            sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
                .bind(now)
                .bind(token)
                .bind(user.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if changed != 1 {
            return Err(StorageError::NotFound);
        }
        let details = serde_json::json!({ "token": token });
        write_audit(
            &mut tx,
            actor,
            &NewAuditEntry::new("token.revoke", "user", &owner.id.0.to_string()).details(details.to_string()),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn user_by_api_token(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<User>, StorageError> {
        let row = sqlx::query(
            "SELECT t.user_id, t.expires_at FROM api_tokens t JOIN users u ON u.id = t.user_id \
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active",
        )
        .bind(token_hash)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        // Compared here, not in SQL: SQLite keeps times as text.
        let expires_at: DateTime<Utc> = row.try_get("expires_at")?;
        if expires_at <= now {
            return Ok(None);
        }
        let id: i64 = row.try_get("user_id")?;
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(self.pool())
            .await?;
        self.user(UserId(id)).await
    }
}
