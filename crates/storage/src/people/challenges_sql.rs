//! [`PersonChallenges`] for both backends, written once (compiled per
//! backend, like every feature's SQL: see `crate::sqlite`). A challenge is
//! used by one `UPDATE … WHERE used_at IS NULL` that also checks that it is
//! live, unexpired and not out of attempts, in the transaction of the
//! change it allows: two uses of one link or code cannot both succeed.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::people::CODE_ATTEMPTS;
use sportello_domain::{Actor, ChallengePurpose, Notification, PersonAccount, PersonId};
use sqlx::Row;

use super::Store;
use super::Tx;
use super::audit::write_audit;
use super::bookings::queue;
use super::people_accounts::{end_sessions, entry, insert_in, person_in};
use super::rows::{DbRow, invalid};
use crate::StorageError;
use crate::people::{Challenge, NewChallenge, NewPerson, PersonChallenges};

fn challenge_from_row(row: &DbRow) -> Result<Challenge, StorageError> {
    let purpose: String = row.try_get("purpose")?;
    let attempts: i32 = row.try_get("attempts")?;
    Ok(Challenge {
        id: row.try_get("id")?,
        purpose: ChallengePurpose::parse(&purpose).ok_or_else(|| invalid("purpose", &purpose))?,
        code_hash: row.try_get("code_hash")?,
        person: row.try_get::<Option<i64>, _>("person_id")?.map(PersonId),
        contact: row.try_get("contact")?,
        details: row.try_get("details")?,
        live: row.try_get("live")?,
        attempts: attempts.max(0) as u32,
        expires_at: row.try_get("expires_at")?,
        used_at: row.try_get("used_at")?,
    })
}

/// Uses the challenge `token_hash` if it is one of `purposes` and still
/// usable at `now`: its row as it was, or `Stale`.
async fn take(
    tx: &mut Tx,
    token_hash: &str,
    purposes: &[ChallengePurpose],
    now: DateTime<Utc>,
) -> Result<Challenge, StorageError> {
    let row = sqlx::query(
        "UPDATE person_challenges SET used_at = $1 \
         WHERE token_hash = $2 AND used_at IS NULL AND live AND expires_at > $1 AND attempts < $3 \
         RETURNING id, purpose, code_hash, person_id, contact, details, live, attempts, expires_at, used_at",
    )
    .bind(now)
    .bind(token_hash)
    .bind(CODE_ATTEMPTS as i32)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(StorageError::Stale)?;
    let challenge = challenge_from_row(&row)?;
    if !purposes.contains(&challenge.purpose) {
        return Err(StorageError::Stale);
    }
    Ok(challenge)
}

#[async_trait]
impl PersonChallenges for Store {
    #[tracing::instrument(skip_all, fields(purpose = challenge.purpose.code()))]
    async fn create_challenge(
        &self,
        challenge: &NewChallenge,
        message: &Notification,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO person_challenges (purpose, token_hash, code_hash, person_id, contact, details, live, \
             created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(challenge.purpose.code())
        .bind(&challenge.token_hash)
        .bind(&challenge.code_hash)
        .bind(challenge.person.map(|p| p.0))
        .bind(challenge.contact.as_str())
        .bind(&challenge.details)
        .bind(challenge.live)
        .bind(now)
        .bind(challenge.expires_at)
        .execute(&mut *tx)
        .await?;
        queue(&mut tx, message, now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn challenge(&self, token_hash: &str) -> Result<Option<Challenge>, StorageError> {
        let row = sqlx::query(
            "SELECT id, purpose, code_hash, person_id, contact, details, live, attempts, expires_at, used_at \
             FROM person_challenges WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(challenge_from_row).transpose()
    }

    async fn count_wrong_code(&self, token_hash: &str) -> Result<u32, StorageError> {
        let mut tx = self.begin_write().await?;
        let attempts: Option<i32> = sqlx::query_scalar(
            "UPDATE person_challenges SET attempts = attempts + 1 WHERE token_hash = $1 RETURNING attempts",
        )
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(attempts.unwrap_or(CODE_ATTEMPTS as i32).max(0) as u32)
    }

    #[tracing::instrument(skip_all)]
    async fn complete_sign_up(
        &self,
        token_hash: &str,
        person: &NewPerson,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<PersonAccount, StorageError> {
        let mut tx = self.begin_write().await?;
        let challenge = take(&mut tx, token_hash, &[ChallengePurpose::SignUp], now).await?;
        if challenge.person.is_some() {
            return Err(StorageError::Stale);
        }
        let id = insert_in(&mut tx, person, now).await?;
        let actor = Actor::person(id, address);
        write_audit(&mut tx, &actor, &entry("person.signed_up", id), now).await?;
        let account = person_in(&mut tx, id, self.data_keys()).await?;
        tx.commit().await?;
        Ok(account)
    }

    #[tracing::instrument(skip_all)]
    async fn use_challenge(
        &self,
        token_hash: &str,
        new_password_hash: Option<&str>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<PersonAccount, StorageError> {
        let mut tx = self.begin_write().await?;
        let purposes: &[ChallengePurpose] = if new_password_hash.is_some() {
            &[ChallengePurpose::Reset]
        } else {
            &[ChallengePurpose::SignIn]
        };
        let challenge = take(&mut tx, token_hash, purposes, now).await?;
        let id = challenge.person.ok_or(StorageError::Stale)?;
        let action = match new_password_hash {
            Some(hash) => {
                sqlx::query("UPDATE people SET password_hash = $1, updated_at = $2 WHERE id = $3")
                    .bind(hash)
                    .bind(now)
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await?;
                end_sessions(&mut tx, id, "").await?;
                "person.password_reset"
            }
            None => "person.one_time_sign_in",
        };
        write_audit(&mut tx, actor, &entry(action, id), now).await?;
        let account = person_in(&mut tx, id, self.data_keys()).await?;
        tx.commit().await?;
        Ok(account)
    }

    #[tracing::instrument(skip_all)]
    async fn confirm_contact(
        &self,
        token_hash: &str,
        notice: &Notification,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<PersonAccount, StorageError> {
        let mut tx = self.begin_write().await?;
        let purposes = [ChallengePurpose::ChangeEmail, ChallengePurpose::ChangePhone];
        let challenge = take(&mut tx, token_hash, &purposes, now).await?;
        let id = challenge.person.ok_or(StorageError::Stale)?;
        let (sql, action) = if challenge.purpose == ChallengePurpose::ChangeEmail {
            (
                "UPDATE people SET email = $1, updated_at = $2 WHERE id = $3",
                "person.email_changed",
            )
        } else {
            (
                "UPDATE people SET phone = $1, updated_at = $2 WHERE id = $3",
                "person.phone_changed",
            )
        };
        sqlx::query(sql)
            .bind(&challenge.contact)
            .bind(now)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        queue(&mut tx, notice, now).await?;
        write_audit(&mut tx, actor, &entry(action, id), now).await?;
        let account = person_in(&mut tx, id, self.data_keys()).await?;
        tx.commit().await?;
        Ok(account)
    }

    async fn purge_challenges(&self, before: DateTime<Utc>) -> Result<u64, StorageError> {
        Ok(
            sqlx::query("DELETE FROM person_challenges WHERE expires_at < $1 OR used_at IS NOT NULL")
                .bind(before)
                .execute(self.pool())
                .await?
                .rows_affected(),
        )
    }
}
