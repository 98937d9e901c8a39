//! [`People`] for both backends, written once (compiled per backend, like
//! every feature's SQL: see `crate::sqlite`): accounts, their second
//! factor and their sessions.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Actor, Contact, Email, Lang, NewAuditEntry, PersonAccount, PersonId, Phone};
use sqlx::{AssertSqlSafe, Row};

use super::Store;
use super::Tx;
use super::audit::write_audit;
use super::rows::{DbRow, invalid};
use crate::people::{NewPerson, People, PersonCredentials, PersonSession};
use crate::sealed::{self, PERSON_TOTP_SECRETS};
use crate::{SessionStage, StorageError};
use sportello_auth::DataKeys;

pub(super) const PERSON_SELECT: &str = "SELECT id, name, email, phone, birth_date, lang, password_hash, totp_secret, \
    created_at, last_active_at FROM people";

pub(super) fn credentials_from_row(row: &DbRow, keys: Option<&DataKeys>) -> Result<PersonCredentials, StorageError> {
    let email: Option<String> = row.try_get("email")?;
    let phone: Option<String> = row.try_get("phone")?;
    let lang: String = row.try_get("lang")?;
    let password_hash: Option<String> = row.try_get("password_hash")?;
    let totp_secret = row
        .try_get::<Option<String>, _>("totp_secret")?
        .map(|s| sealed::open(keys, PERSON_TOTP_SECRETS, s))
        .transpose()?;
    let account = PersonAccount {
        id: PersonId(row.try_get("id")?),
        name: row.try_get("name")?,
        email: email
            .map(|e| Email::parse(&e).map_err(|_| invalid("email", &e)))
            .transpose()?,
        phone: phone
            .map(|p| Phone::parse(&p).map_err(|_| invalid("phone", &p)))
            .transpose()?,
        birth_date: row.try_get("birth_date")?,
        lang: Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?,
        has_password: password_hash.is_some(),
        second_factor: totp_secret.is_some(),
        created_at: row.try_get("created_at")?,
        last_active_at: row.try_get("last_active_at")?,
    };
    Ok(PersonCredentials {
        account,
        password_hash,
        totp_secret,
    })
}

/// The account `id` read in `tx`, or `NotFound`.
pub(super) async fn person_in(
    tx: &mut Tx,
    id: PersonId,
    keys: Option<&DataKeys>,
) -> Result<PersonAccount, StorageError> {
    let row = sqlx::query(AssertSqlSafe(format!("{PERSON_SELECT} WHERE id = $1")))
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StorageError::NotFound)?;
    Ok(credentials_from_row(&row, keys)?.account)
}

/// Ends every session of `person` but `keep` (a session's id hash, or "").
pub(super) async fn end_sessions(tx: &mut Tx, person: PersonId, keep: &str) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM person_sessions WHERE person_id = $1 AND id_hash <> $2")
        .bind(person.0)
        .bind(keep)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Inserts `person` in `tx`: its id.
pub(super) async fn insert_in(tx: &mut Tx, person: &NewPerson, now: DateTime<Utc>) -> Result<PersonId, StorageError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO people (name, email, phone, birth_date, lang, password_hash, created_at, updated_at, \
         last_active_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7) RETURNING id",
    )
    .bind(&person.name)
    .bind(person.email.as_ref().map(|e| e.as_str()))
    .bind(person.phone.as_ref().map(|p| p.as_str()))
    .bind(person.birth_date)
    .bind(person.lang.code())
    .bind(&person.password_hash)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?;
    Ok(PersonId(id))
}

/// The audit row of a change to account `id`.
pub(super) fn entry(action: &str, id: PersonId) -> NewAuditEntry {
    NewAuditEntry::new(action, "person", &id.0.to_string())
}

#[async_trait]
impl People for Store {
    #[tracing::instrument(skip_all)]
    async fn insert_person(
        &self,
        person: &NewPerson,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<PersonAccount, StorageError> {
        let mut tx = self.begin_write().await?;
        let id = insert_in(&mut tx, person, now).await?;
        write_audit(&mut tx, actor, &entry("person.created", id), now).await?;
        let account = person_in(&mut tx, id, self.data_keys()).await?;
        tx.commit().await?;
        Ok(account)
    }

    async fn person(&self, id: PersonId) -> Result<Option<PersonAccount>, StorageError> {
        Ok(self.person_credentials(id).await?.map(|c| c.account))
    }

    async fn person_credentials(&self, id: PersonId) -> Result<Option<PersonCredentials>, StorageError> {
        let row = sqlx::query(AssertSqlSafe(format!("{PERSON_SELECT} WHERE id = $1")))
            .bind(id.0)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref()
            .map(|r| credentials_from_row(r, self.data_keys()))
            .transpose()
    }

    async fn person_by_contact(&self, contact: &Contact) -> Result<Option<PersonCredentials>, StorageError> {
        let column = if contact.is_phone() { "phone" } else { "email" };
        let row = sqlx::query(AssertSqlSafe(format!("{PERSON_SELECT} WHERE {column} = $1")))
            .bind(contact.as_str())
            .fetch_optional(self.pool())
            .await?;
        row.as_ref()
            .map(|r| credentials_from_row(r, self.data_keys()))
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(person = id.0))]
    async fn update_person(
        &self,
        id: PersonId,
        name: &str,
        lang: Lang,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<PersonAccount, StorageError> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query("UPDATE people SET name = $1, lang = $2, updated_at = $3 WHERE id = $4")
            .bind(name)
            .bind(lang.code())
            .bind(now)
            .bind(id.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed == 0 {
            return Err(StorageError::NotFound);
        }
        write_audit(&mut tx, actor, &entry("person.updated", id), now).await?;
        let account = person_in(&mut tx, id, self.data_keys()).await?;
        tx.commit().await?;
        Ok(account)
    }

    #[tracing::instrument(skip_all, fields(person = id.0))]
    async fn set_person_password(
        &self,
        id: PersonId,
        password_hash: Option<&str>,
        keep_session: &str,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query("UPDATE people SET password_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(password_hash)
            .bind(now)
            .bind(id.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed == 0 {
            return Err(StorageError::NotFound);
        }
        end_sessions(&mut tx, id, keep_session).await?;
        let action = if password_hash.is_some() {
            "person.password_set"
        } else {
            "person.password_removed"
        };
        write_audit(&mut tx, actor, &entry(action, id), now).await?;
        tx.commit().await?;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(person = id.0))]
    async fn set_person_totp(
        &self,
        id: PersonId,
        secret: Option<&str>,
        recovery_code_hashes: &[String],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let sealed_secret = secret
            .map(|s| sealed::seal(self.data_keys(), PERSON_TOTP_SECRETS, s))
            .transpose()?;
        let mut tx = self.begin_write().await?;
        let changed =
            sqlx::query("UPDATE people SET totp_secret = $1, totp_last_step = NULL, updated_at = $2 WHERE id = $3")
                .bind(sealed_secret)
                .bind(now)
                .bind(id.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if changed == 0 {
            return Err(StorageError::NotFound);
        }
        sqlx::query("DELETE FROM person_recovery_codes WHERE person_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        if secret.is_some() {
            for hash in recovery_code_hashes {
                sqlx::query("INSERT INTO person_recovery_codes (person_id, code_hash) VALUES ($1, $2)")
                    .bind(id.0)
                    .bind(hash)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        let action = if secret.is_some() {
            "person.second_factor_on"
        } else {
            "person.second_factor_off"
        };
        write_audit(&mut tx, actor, &entry(action, id), now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn use_person_totp_step(&self, id: PersonId, step: i64) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE people SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step)
        .bind(id.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(changed == 1)
    }

    async fn unused_person_recovery_code_hashes(&self, id: PersonId) -> Result<Vec<String>, StorageError> {
        Ok(
            sqlx::query_scalar("SELECT code_hash FROM person_recovery_codes WHERE person_id = $1 AND used_at IS NULL")
                .bind(id.0)
                .fetch_all(self.pool())
                .await?,
        )
    }

    async fn use_person_recovery_code(
        &self,
        id: PersonId,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE person_recovery_codes SET used_at = $1 \
             WHERE person_id = $2 AND code_hash = $3 AND used_at IS NULL",
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

    async fn create_person_session(
        &self,
        id_hash: &str,
        person: PersonId,
        stage: SessionStage,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO person_sessions (id_hash, person_id, stage, created_at, last_seen_at, address) \
             VALUES ($1, $2, $3, $4, $4, $5)",
        )
        .bind(id_hash)
        .bind(person.0)
        .bind(stage.code())
        .bind(now)
        .bind(address)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE people SET last_active_at = $1, inactivity_warnings = 0, warned_at = NULL WHERE id = $2")
            .bind(now)
            .bind(person.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn person_session(&self, id_hash: &str) -> Result<Option<PersonSession>, StorageError> {
        let row =
            sqlx::query("SELECT person_id, stage, created_at, last_seen_at FROM person_sessions WHERE id_hash = $1")
                .bind(id_hash)
                .fetch_optional(self.pool())
                .await?;
        let Some(row) = row else { return Ok(None) };
        let stage: String = row.try_get("stage")?;
        Ok(Some(PersonSession {
            person: PersonId(row.try_get("person_id")?),
            stage: SessionStage::parse(&stage).ok_or_else(|| invalid("stage", &stage))?,
            created_at: row.try_get("created_at")?,
            last_seen_at: row.try_get("last_seen_at")?,
        }))
    }

    async fn touch_person_session(&self, id_hash: &str, now: DateTime<Utc>) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let person: Option<i64> =
            sqlx::query_scalar("UPDATE person_sessions SET last_seen_at = $1 WHERE id_hash = $2 RETURNING person_id")
                .bind(now)
                .bind(id_hash)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(person) = person {
            sqlx::query(
                "UPDATE people SET last_active_at = $1, inactivity_warnings = 0, warned_at = NULL WHERE id = $2",
            )
            .bind(now)
            .bind(person)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn delete_person_session(&self, id_hash: &str) -> Result<(), StorageError> {
        sqlx::query("DELETE FROM person_sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    async fn purge_person_sessions(
        &self,
        idle_before: DateTime<Utc>,
        created_before: DateTime<Utc>,
    ) -> Result<u64, StorageError> {
        Ok(
            sqlx::query("DELETE FROM person_sessions WHERE last_seen_at < $1 OR created_at < $2")
                .bind(idle_before)
                .bind(created_before)
                .execute(self.pool())
                .await?
                .rows_affected(),
        )
    }
}
