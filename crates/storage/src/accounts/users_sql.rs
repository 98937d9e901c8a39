//! [`Accounts`] for both backends, written once (compiled per backend, like
//! every feature's SQL: see `crate::sqlite`). Audit rows of a change are written in its transaction by
//! `audit/sql.rs`'s `write_audit`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Actor, CentreId, Grant, Lang, NewAuditEntry, Role, Scope, User, UserId};
use sqlx::{QueryBuilder, Row};

use super::audit::write_audit;
use super::rows::{DbRow, invalid};
use super::sessions::revoke_all_api_tokens;
use crate::sealed::{self, TOTP_SECRETS};

use super::{Db, Store, Tx};
use crate::{Accounts, Credentials, GrantProposal, NewUser, StorageError};

const USER_SELECT: &str = "SELECT id, email, name, lang, active, must_change_password, totp_secret, created_at, \
    password_hash FROM users";

fn user_from_row(row: &DbRow) -> Result<User, StorageError> {
    let lang: String = row.try_get("lang")?;
    Ok(User {
        id: UserId(row.try_get("id")?),
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        lang: Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?,
        active: row.try_get("active")?,
        must_change_password: row.try_get("must_change_password")?,
        totp_enabled: row.try_get::<Option<String>, _>("totp_secret")?.is_some(),
        grants: Vec::new(),
        created_at: row.try_get("created_at")?,
    })
}

fn grant_from_row(row: &DbRow) -> Result<Grant, StorageError> {
    let role: String = row.try_get("role")?;
    let role = Role::parse(&role).ok_or_else(|| invalid("role", &role))?;
    let scope = match (
        row.try_get::<Option<i64>, _>("centre_id")?,
        row.try_get::<Option<String>, _>("area_slug")?,
    ) {
        (Some(centre), None) => Scope::Centre(CentreId(centre)),
        (None, Some(area)) => Scope::Area(area),
        _ => Scope::Installation,
    };
    Grant::new(role, scope).map_err(|e| StorageError::Invalid(e.to_string()))
}

fn grants_json(grants: &[Grant]) -> serde_json::Value {
    grants
        .iter()
        .map(|g| {
            let scope = match &g.scope {
                Scope::Installation => "installation".to_string(),
                Scope::Area(a) => format!("area:{a}"),
                Scope::Centre(c) => format!("centre:{}", c.0),
            };
            serde_json::Value::String(format!("{} {scope}", g.role.code()))
        })
        .collect()
}

async fn insert_grants(tx: &mut Tx, user: UserId, grants: &[Grant]) -> Result<(), StorageError> {
    for g in grants {
        let (centre, area) = match &g.scope {
            Scope::Installation => (None, None),
            Scope::Area(a) => (None, Some(a.clone())),
            Scope::Centre(c) => (Some(c.0), None),
        };
        sqlx::query("INSERT INTO grants (user_id, role, centre_id, area_slug) VALUES ($1, $2, $3, $4)")
            .bind(user.0)
            .bind(g.role.code())
            .bind(centre)
            .bind(area)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

impl Store {
    /// Every user, or the one with id `only`, with their grants.
    async fn load_users(&self, only: Option<UserId>) -> Result<Vec<(User, DbRow)>, StorageError> {
        let mut q = QueryBuilder::<Db>::new(USER_SELECT);
        if let Some(id) = only {
            q.push(" WHERE id = ").push_bind(id.0);
        }
        q.push(" ORDER BY email");
        let rows = q.build().fetch_all(self.pool()).await?;
        let mut users = Vec::with_capacity(rows.len());
        for row in rows {
            users.push((user_from_row(&row)?, row));
        }
        if users.is_empty() {
            return Ok(users);
        }
        let mut grants = QueryBuilder::<Db>::new("SELECT user_id, role, centre_id, area_slug FROM grants");
        let ids: Vec<i64> = users.iter().map(|(u, _)| u.id.0).collect();
        super::offer_search::push_id_list(&mut grants, "user_id", &ids);
        for row in grants.build().fetch_all(self.pool()).await? {
            let id: i64 = row.try_get("user_id")?;
            if let Some((u, _)) = users.iter_mut().find(|(u, _)| u.id.0 == id) {
                u.grants.push(grant_from_row(&row)?);
            }
        }
        for (u, _) in &mut users {
            u.grants.sort();
        }
        Ok(users)
    }

    async fn credentials_of(&self, id: UserId) -> Result<Option<Credentials>, StorageError> {
        let Some((user, row)) = self.load_users(Some(id)).await?.into_iter().next() else {
            return Ok(None);
        };
        Ok(Some(Credentials {
            password_hash: row.try_get("password_hash")?,
            totp_secret: row
                .try_get::<Option<String>, _>("totp_secret")?
                .map(|stored| sealed::open(self.data_keys(), TOTP_SECRETS, stored))
                .transpose()?,
            user,
        }))
    }

    pub(super) async fn user_by_id(&self, id: UserId) -> Result<User, StorageError> {
        self.user(id).await?.ok_or(StorageError::NotFound)
    }
}

#[async_trait]
impl Accounts for Store {
    async fn installation_key(&self, generate: &(dyn Fn() -> String + Send + Sync)) -> Result<String, StorageError> {
        let existing: Option<String> = sqlx::query_scalar("SELECT value FROM installation_keys WHERE name = 'main'")
            .fetch_optional(self.pool())
            .await?;
        if let Some(key) = existing {
            return Ok(key);
        }
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO installation_keys (name, value, created_at) VALUES ('main', $1, $2) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(generate())
        .bind(Utc::now())
        .execute(&mut *tx)
        .await?;
        let key: String = sqlx::query_scalar("SELECT value FROM installation_keys WHERE name = 'main'")
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(key)
    }

    async fn count_users(&self) -> Result<u64, StorageError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(self.pool())
            .await?;
        Ok(n as u64)
    }

    #[tracing::instrument(skip_all, fields(email = %user.email))]
    async fn insert_user(&self, user: &NewUser, actor: &Actor, now: DateTime<Utc>) -> Result<User, StorageError> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (email, name, lang, password_hash, must_change_password, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        )
        .bind(&user.email)
        .bind(&user.name)
        .bind(user.lang.code())
        .bind(&user.password_hash)
        .bind(user.must_change_password)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        insert_grants(&mut tx, UserId(id), &user.grants).await?;
        let details = serde_json::json!({ "grants": grants_json(&user.grants) });
        write_audit(
            &mut tx,
            actor,
            &NewAuditEntry::new("user.create", "user", &id.to_string()).details(details.to_string()),
            now,
        )
        .await?;
        tx.commit().await?;
        self.user_by_id(UserId(id)).await
    }

    async fn users(&self) -> Result<Vec<User>, StorageError> {
        Ok(self.load_users(None).await?.into_iter().map(|(u, _)| u).collect())
    }

    async fn user(&self, id: UserId) -> Result<Option<User>, StorageError> {
        Ok(self.load_users(Some(id)).await?.into_iter().next().map(|(u, _)| u))
    }

    async fn credentials(&self, email: &str) -> Result<Option<Credentials>, StorageError> {
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
            .bind(email.trim().to_lowercase())
            .fetch_optional(self.pool())
            .await?;
        match id {
            Some(id) => self.credentials_of(UserId(id)).await,
            None => Ok(None),
        }
    }

    async fn credentials_by_id(&self, id: UserId) -> Result<Option<Credentials>, StorageError> {
        self.credentials_of(id).await
    }

    #[tracing::instrument(skip_all, fields(user = id.0))]
    async fn update_user(
        &self,
        id: UserId,
        name: &str,
        lang: Lang,
        active: bool,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<User, StorageError> {
        let before = self.user_by_id(id).await?;
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET name = $1, lang = $2, active = $3, updated_at = $4 WHERE id = $5")
            .bind(name)
            .bind(lang.code())
            .bind(active)
            .bind(now)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if !active {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
        }
        let mut changes = serde_json::Map::new();
        // The audit log names people by their id: that the name changed, not to what.
        if before.name != name {
            changes.insert("name".into(), serde_json::json!("changed"));
        }
        if before.lang != lang {
            changes.insert("lang".into(), serde_json::json!([before.lang.code(), lang.code()]));
        }
        if before.active != active {
            changes.insert("active".into(), serde_json::json!([before.active, active]));
        }
        let action = match (before.active, active) {
            (true, false) => "user.deactivate",
            (false, true) => "user.activate",
            _ => "user.update",
        };
        write_audit(
            &mut tx,
            actor,
            &NewAuditEntry::new(action, "user", &before.id.0.to_string())
                .details(serde_json::Value::Object(changes).to_string()),
            now,
        )
        .await?;
        tx.commit().await?;
        self.user_by_id(id).await
    }

    #[tracing::instrument(skip_all, fields(user = id.0))]
    async fn set_grants(
        &self,
        id: UserId,
        grants: &[Grant],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<User, StorageError> {
        let before = self.user_by_id(id).await?;
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM grants WHERE user_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        let mut unique = grants.to_vec();
        unique.sort();
        unique.dedup();
        insert_grants(&mut tx, id, &unique).await?;
        sqlx::query("UPDATE users SET updated_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        let details = serde_json::json!({ "grants": [grants_json(&before.grants), grants_json(&unique)] });
        write_audit(
            &mut tx,
            actor,
            &NewAuditEntry::new("grant.update", "user", &before.id.0.to_string()).details(details.to_string()),
            now,
        )
        .await?;
        tx.commit().await?;
        self.user_by_id(id).await
    }

    async fn propose_mirato_grant(
        &self,
        user: UserId,
        centre: CentreId,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        self.insert_mirato_proposal(user, centre, actor, now).await
    }

    async fn mirato_grant_proposals(&self) -> Result<Vec<GrantProposal>, StorageError> {
        self.select_mirato_proposals().await
    }

    async fn decide_mirato_grant(
        &self,
        id: i64,
        approve: bool,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        self.decide_mirato_proposal(id, approve, actor, now).await
    }

    #[tracing::instrument(skip_all, fields(user = id.0))]
    async fn set_password(
        &self,
        id: UserId,
        password_hash: &str,
        must_change: bool,
        keep_session: Option<&str>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let user = self.user_by_id(id).await?;
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET password_hash = $1, must_change_password = $2, updated_at = $3 WHERE id = $4")
            .bind(password_hash)
            .bind(must_change)
            .bind(now)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
            .bind(id.0)
            .bind(keep_session.unwrap_or(""))
            .execute(&mut *tx)
            .await?;
        let action = if must_change {
            "user.password_reset"
        } else {
            "user.password_change"
        };
        revoke_all_api_tokens(&mut tx, id, action, actor, now).await?;
        write_audit(
            &mut tx,
            actor,
            &NewAuditEntry::new(action, "user", &user.id.0.to_string()),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(user = id.0))]
    async fn set_totp(
        &self,
        id: UserId,
        secret: Option<&str>,
        recovery_code_hashes: &[String],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let user = self.user_by_id(id).await?;
        let sealed_secret = secret
            .map(|s| sealed::seal(self.data_keys(), TOTP_SECRETS, s))
            .transpose()?;
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE users SET totp_secret = $1, totp_last_step = NULL, updated_at = $2 WHERE id = $3")
            .bind(sealed_secret)
            .bind(now)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if secret.is_some() {
            for hash in recovery_code_hashes {
                sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                    .bind(id.0)
                    .bind(hash)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        let action = if secret.is_some() {
            "user.second_factor_on"
        } else {
            "user.second_factor_off"
        };
        revoke_all_api_tokens(&mut tx, id, action, actor, now).await?;
        write_audit(
            &mut tx,
            actor,
            &NewAuditEntry::new(action, "user", &user.id.0.to_string()),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn use_totp_step(&self, id: UserId, step: i64) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE users SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step)
        .bind(id.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(changed == 1)
    }

    async fn use_recovery_code(&self, id: UserId, code_hash: &str, now: DateTime<Utc>) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1 WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(now)
        .bind(id.0)
        .bind(code_hash)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(changed == 1)
    }

    async fn unused_recovery_code_hashes(&self, id: UserId) -> Result<Vec<String>, StorageError> {
        Ok(
            sqlx::query_scalar("SELECT code_hash FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL")
                .bind(id.0)
                .fetch_all(self.pool())
                .await?,
        )
    }

    async fn unused_recovery_codes(&self, id: UserId) -> Result<u64, StorageError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL")
            .bind(id.0)
            .fetch_one(self.pool())
            .await?;
        Ok(n as u64)
    }
}
