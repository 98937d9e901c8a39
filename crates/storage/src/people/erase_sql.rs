//! [`Erasure`] for both backends, written once (compiled per backend, like
//! every feature's SQL: see `crate::sqlite`). A booking or registration of
//! an erased person stays for the counts with a placeholder instead of its
//! contacts (`erased-{id}@invalid`: the schema wants one contact, and
//! `.invalid` is reserved, RFC 6761); a purged message keeps its kind,
//! status and dates.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Actor, Email, Notification, PersonAccount, PersonId, Phone};
use sqlx::{AssertSqlSafe, Row};

use super::Store;
use super::audit::write_audit;
use super::bookings::queue;
use super::people_accounts::{PERSON_SELECT, credentials_from_row, entry, person_in};
use crate::StorageError;
use crate::people::{Erased, Erasure, MessageRecord};

/// The address a purged message keeps.
const PURGED: &str = "purged@invalid";

#[async_trait]
impl Erasure for Store {
    #[tracing::instrument(skip_all, fields(person = id.0))]
    async fn erase_person(&self, id: PersonId, actor: &Actor, now: DateTime<Utc>) -> Result<Erased, StorageError> {
        let mut tx = self.begin_write().await?;
        let account = person_in(&mut tx, id, self.data_keys()).await?;
        let email = account.email.as_ref().map(|e| e.as_str().to_string());
        let phone = account.phone.as_ref().map(|p| p.as_str().to_string());
        let bookings = sqlx::query(
            "UPDATE bookings SET name = '-', email = 'erased-' || CAST(id AS TEXT) || '@invalid', phone = NULL, \
             codice_fiscale = NULL, interpreter = NULL, wheelchair = FALSE, sign_language = FALSE, \
             other_needs = '', needs_sealed = NULL, updated_at = $3 WHERE email = $1 OR phone = $2",
        )
        .bind(&email)
        .bind(&phone)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let registrations = sqlx::query(
            "UPDATE registrations SET name = '-', email = 'erased-' || CAST(id AS TEXT) || '@invalid', \
             phone = NULL, needs_sealed = NULL, updated_at = $3 WHERE email = $1 OR phone = $2",
        )
        .bind(&email)
        .bind(&phone)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let unsent_messages =
            sqlx::query("DELETE FROM outbox WHERE to_address = $1 AND status IN ('pending', 'failed')")
                .bind(&email)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                + sqlx::query("DELETE FROM sms_outbox WHERE to_number = $1 AND status IN ('pending', 'failed')")
                    .bind(&phone)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
        let subscriptions = sqlx::query("DELETE FROM subscribers WHERE email = $1")
            .bind(&email)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let erased = Erased {
            bookings,
            registrations,
            unsent_messages,
            subscriptions,
        };
        sqlx::query("DELETE FROM person_challenges WHERE contact = $1 OR contact = $2 OR person_id = $3")
            .bind(&email)
            .bind(&phone)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        let details = serde_json::to_string(&erased).map_err(|e| StorageError::Invalid(e.to_string()))?;
        write_audit(&mut tx, actor, &entry("person.erased", id).details(details), now).await?;
        sqlx::query("DELETE FROM people WHERE id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(erased)
    }

    #[tracing::instrument(skip_all)]
    async fn purge_message_bodies(&self, before: DateTime<Utc>) -> Result<u64, StorageError> {
        let mut tx = self.begin_write().await?;
        let mails = sqlx::query(
            "UPDATE outbox SET to_address = $2, to_name = NULL, subject = '', text_body = '', html_body = NULL, \
             attachments = '[]', list_unsubscribe = NULL, dedupe_key = NULL, last_error = NULL \
             WHERE to_address <> $2 AND ((status IN ('sent', 'recorded') AND sent_at < $1) \
             OR (status = 'failed' AND created_at < $1))",
        )
        .bind(before)
        .bind(PURGED)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let texts = sqlx::query(
            "UPDATE sms_outbox SET to_number = '+0', number_key = 'purged', body = '-', dedupe_key = NULL, \
             last_error = NULL, delivery_detail = NULL \
             WHERE to_number <> '+0' AND ((status IN ('sent', 'recorded') AND sent_at < $1) \
             OR (status = 'failed' AND created_at < $1))",
        )
        .bind(before)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(mails + texts)
    }

    async fn inactive_people(
        &self,
        inactive_before: DateTime<Utc>,
        warnings: u32,
        warned_before: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<PersonAccount>, StorageError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{PERSON_SELECT} WHERE last_active_at < $1 AND inactivity_warnings = $2 \
             AND (warned_at IS NULL OR warned_at < $3) ORDER BY last_active_at, id LIMIT $4"
        )))
        .bind(inactive_before)
        .bind(warnings as i32)
        .bind(warned_before)
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| Ok(credentials_from_row(r, self.data_keys())?.account))
            .collect()
    }

    #[tracing::instrument(skip_all, fields(person = id.0))]
    async fn warn_inactive(
        &self,
        id: PersonId,
        warnings: u32,
        inactive_before: DateTime<Utc>,
        notice: &Notification,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE people SET inactivity_warnings = $1, warned_at = $2 \
             WHERE id = $3 AND inactivity_warnings = $4 AND last_active_at < $5",
        )
        .bind(warnings as i32)
        .bind(now)
        .bind(id.0)
        .bind(warnings.saturating_sub(1) as i32)
        .bind(inactive_before)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Ok(false);
        }
        queue(&mut tx, notice, now).await?;
        write_audit(&mut tx, &Actor::system(), &entry("person.inactivity_warning", id), now).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn messages_to(
        &self,
        email: Option<&Email>,
        phone: Option<&Phone>,
        limit: u32,
    ) -> Result<Vec<MessageRecord>, StorageError> {
        let mut out = Vec::new();
        if let Some(email) = email {
            let rows = sqlx::query(
                "SELECT kind, subject, status, created_at FROM outbox WHERE to_address = $1 ORDER BY id DESC LIMIT $2",
            )
            .bind(email.as_str())
            .bind(i64::from(limit))
            .fetch_all(self.pool())
            .await?;
            for r in rows {
                out.push(MessageRecord {
                    channel: "mail",
                    kind: r.try_get("kind")?,
                    summary: r.try_get("subject")?,
                    status: r.try_get("status")?,
                    created_at: r.try_get("created_at")?,
                });
            }
        }
        if let Some(phone) = phone {
            let rows = sqlx::query(
                "SELECT kind, body, status, created_at FROM sms_outbox WHERE to_number = $1 ORDER BY id DESC LIMIT $2",
            )
            .bind(phone.as_str())
            .bind(i64::from(limit))
            .fetch_all(self.pool())
            .await?;
            for r in rows {
                out.push(MessageRecord {
                    channel: "sms",
                    kind: r.try_get("kind")?,
                    summary: r.try_get("body")?,
                    status: r.try_get("status")?,
                    created_at: r.try_get("created_at")?,
                });
            }
        }
        out.sort_by_key(|m| std::cmp::Reverse(m.created_at));
        out.truncate(limit as usize);
        Ok(out)
    }
}
