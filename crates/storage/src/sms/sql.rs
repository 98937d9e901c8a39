//! [`SmsOutbox`] for both backends, written once (compiled per backend, like
//! every feature's SQL: see `crate::sqlite`). The claim is the e-mail
//! outbox's (`outbox/sql.rs`), without bulk mail.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Lang, OPT_OUT_EXEMPT_KINDS, OutgoingSms, Phone};
use sqlx::Row;

use super::Store;
use super::Tx;
use super::outbox::{claim_lock, give_up_unreadable};
use super::rows::{DbRow, invalid};
use crate::sms::{Delivery, SmsCounts, SmsOutbox, SmsStatus, StoredSms};
use crate::{MailStatus, StorageError};

const SMS_COLUMNS: &str = "id, message_token, dedupe_key, kind, to_number, number_key, lang, body, status, attempts, \
    next_attempt_at, claimed_until, last_error, created_at, sent_at, delivery, delivery_detail, delivery_at";

/// Stores `sms`, due at `now`, in the caller's transaction: it is committed
/// or rolled back with what caused it. `None` when its dedupe key exists or
/// its number opted out (and the message is not one that ignores it).
pub(super) async fn enqueue_sms(
    tx: &mut Tx,
    sms: &OutgoingSms,
    now: DateTime<Utc>,
) -> Result<Option<i64>, StorageError> {
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO sms_outbox (dedupe_key, kind, to_number, number_key, lang, body, status, attempts, \
         next_attempt_at, created_at) \
         SELECT $1, $2, $3, $4, $5, $6, 'pending', 0, $7, $7 \
         WHERE $8 OR NOT EXISTS (SELECT 1 FROM sms_opt_outs WHERE number_key = $4) \
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
    )
    .bind(&sms.dedupe_key)
    .bind(&sms.kind)
    .bind(sms.to.as_str())
    .bind(&sms.number_key)
    .bind(sms.lang.code())
    .bind(&sms.text)
    .bind(now)
    .bind(sms.ignores_opt_out())
    .fetch_optional(&mut **tx)
    .await?;
    Ok(id)
}

fn sms_from_row(row: &DbRow) -> Result<StoredSms, StorageError> {
    let number: String = row.try_get("to_number")?;
    let lang: String = row.try_get("lang")?;
    let status: String = row.try_get("status")?;
    let attempts: i32 = row.try_get("attempts")?;
    let delivery: Option<String> = row.try_get("delivery")?;
    let delivery_at: Option<DateTime<Utc>> = row.try_get("delivery_at")?;
    let delivery = match (delivery, delivery_at) {
        (Some(code), Some(at)) => Some((
            Delivery::parse(&code).ok_or_else(|| invalid("delivery", &code))?,
            row.try_get("delivery_detail")?,
            at,
        )),
        _ => None,
    };
    Ok(StoredSms {
        id: row.try_get("id")?,
        message_token: row.try_get("message_token")?,
        sms: OutgoingSms {
            to: Phone::parse(&number).map_err(|_| invalid("to_number", &number))?,
            number_key: row.try_get("number_key")?,
            lang: Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?,
            kind: row.try_get("kind")?,
            text: row.try_get("body")?,
            dedupe_key: row.try_get("dedupe_key")?,
        },
        status: SmsStatus::parse(&status).ok_or_else(|| invalid("status", &status))?,
        attempts: u32::try_from(attempts).map_err(|_| invalid("attempts", &attempts.to_string()))?,
        next_attempt_at: row.try_get("next_attempt_at")?,
        claimed_until: row.try_get("claimed_until")?,
        last_error: row.try_get("last_error")?,
        created_at: row.try_get("created_at")?,
        sent_at: row.try_get("sent_at")?,
        delivery,
    })
}

/// The exempt kinds as an SQL list; constants of the code, not input.
fn exempt_kinds() -> String {
    OPT_OUT_EXEMPT_KINDS.map(|k| format!("'{k}'")).join(", ")
}

#[async_trait]
impl SmsOutbox for Store {
    #[tracing::instrument(skip_all, fields(kind = %sms.kind))]
    async fn enqueue_sms(&self, sms: &OutgoingSms, now: DateTime<Utc>) -> Result<Option<i64>, StorageError> {
        let mut tx = self.begin_write().await?;
        let id = enqueue_sms(&mut tx, sms, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    #[tracing::instrument(skip_all, fields(limit))]
    async fn claim_sms(
        &self,
        limit: u32,
        lease: chrono::Duration,
        now: DateTime<Utc>,
    ) -> Result<Vec<StoredSms>, StorageError> {
        let sql = format!(
            "UPDATE sms_outbox SET claimed_until = $1, attempts = attempts + 1 WHERE id IN (\
             SELECT id FROM sms_outbox WHERE status = 'pending' AND next_attempt_at <= $2 \
             AND (claimed_until IS NULL OR claimed_until < $2) ORDER BY id LIMIT $3{}) \
             RETURNING {SMS_COLUMNS}",
            claim_lock()
        );
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(now + lease)
            .bind(now)
            .bind(i64::from(limit))
            .fetch_all(&mut *tx)
            .await?;
        let mut claimed = Vec::with_capacity(rows.len());
        for row in &rows {
            match sms_from_row(row) {
                Ok(sms) => claimed.push(sms),
                Err(error) => give_up_unreadable(&mut tx, "sms_outbox", row, &error).await?,
            }
        }
        tx.commit().await?;
        claimed.sort_by_key(|m| m.id);
        Ok(claimed)
    }

    #[tracing::instrument(skip_all, fields(id))]
    async fn sms_sent(&self, id: i64, claimed_until: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), StorageError> {
        self.finish_attempt("sms_outbox", id, claimed_until, MailStatus::Sent, None, None, now)
            .await
    }

    #[tracing::instrument(skip_all, fields(id))]
    async fn sms_recorded(
        &self,
        id: i64,
        claimed_until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        self.finish_attempt("sms_outbox", id, claimed_until, MailStatus::Recorded, None, None, now)
            .await
    }

    #[tracing::instrument(skip_all, fields(id))]
    async fn sms_failed(
        &self,
        id: i64,
        claimed_until: DateTime<Utc>,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        self.fail_attempt("sms_outbox", id, claimed_until, error, retry_at, now)
            .await
    }

    #[tracing::instrument(skip_all, fields(id))]
    async fn release_sms(&self, id: i64, claimed_until: DateTime<Utc>) -> Result<bool, StorageError> {
        self.release_claim("sms_outbox", id, claimed_until).await
    }

    #[tracing::instrument(skip_all)]
    async fn sms_delivery(
        &self,
        message_token: &str,
        delivery: Delivery,
        detail: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError> {
        let finals = Delivery::ALL
            .into_iter()
            .filter(|d| d.is_final())
            .map(|d| format!("'{}'", d.code()))
            .collect::<Vec<_>>()
            .join(", ");
        let mut tx = self.begin_write().await?;
        let known = sqlx::query("SELECT id FROM sms_outbox WHERE message_token = $1")
            .bind(message_token)
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        if known {
            // A report that is not final never replaces a final one (reports
            // may come out of order).
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE sms_outbox SET delivery = $1, delivery_detail = $2, delivery_at = $3 \
                 WHERE message_token = $4 AND ($5 OR delivery IS NULL OR delivery NOT IN ({finals}))"
            )))
            .bind(delivery.code())
            .bind(detail)
            .bind(now)
            .bind(message_token)
            .bind(delivery.is_final())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(known)
    }

    #[tracing::instrument(skip_all, fields(limit))]
    async fn recent_sms(&self, limit: u32) -> Result<Vec<StoredSms>, StorageError> {
        let sql = format!("SELECT {SMS_COLUMNS} FROM sms_outbox ORDER BY id DESC LIMIT $1");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(i64::from(limit))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(sms_from_row).collect()
    }

    #[tracing::instrument(skip_all)]
    async fn sms_counts(&self) -> Result<SmsCounts, StorageError> {
        let rows: Vec<(String, i64)> = sqlx::query_as("SELECT status, COUNT(*) FROM sms_outbox GROUP BY status")
            .fetch_all(self.pool())
            .await?;
        let mut counts = SmsCounts::default();
        for (status, n) in rows {
            let slot = match SmsStatus::parse(&status).ok_or_else(|| invalid("status", &status))? {
                MailStatus::Pending => &mut counts.pending,
                MailStatus::Sent => &mut counts.sent,
                MailStatus::Recorded => &mut counts.recorded,
                MailStatus::Failed => &mut counts.failed,
            };
            *slot = n as u64;
        }
        Ok(counts)
    }

    #[tracing::instrument(skip_all)]
    async fn last_sms_lang(&self, number_key: &str) -> Result<Option<Lang>, StorageError> {
        let lang: Option<String> =
            sqlx::query_scalar("SELECT lang FROM sms_outbox WHERE number_key = $1 ORDER BY id DESC LIMIT 1")
                .bind(number_key)
                .fetch_optional(self.pool())
                .await?;
        Ok(lang.as_deref().and_then(Lang::parse))
    }

    #[tracing::instrument(skip_all)]
    async fn opt_out_number(&self, number_key: &str, now: DateTime<Utc>) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let added = sqlx::query(
            "INSERT INTO sms_opt_outs (number_key, created_at) VALUES ($1, $2) ON CONFLICT (number_key) DO NOTHING",
        )
        .bind(number_key)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        // What still waits for this number is given up (the lease of a
        // worker sending one right now still holds: that one goes out).
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE sms_outbox SET status = 'failed', last_error = 'the number opted out', claimed_until = NULL \
             WHERE number_key = $1 AND status = 'pending' AND kind NOT IN ({}) \
             AND (claimed_until IS NULL OR claimed_until < $2)",
            exempt_kinds()
        )))
        .bind(number_key)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(added)
    }

    #[tracing::instrument(skip_all)]
    async fn opt_in_number(&self, number_key: &str) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let removed = sqlx::query("DELETE FROM sms_opt_outs WHERE number_key = $1")
            .bind(number_key)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        tx.commit().await?;
        Ok(removed)
    }

    #[tracing::instrument(skip_all)]
    async fn is_opted_out(&self, number_key: &str) -> Result<bool, StorageError> {
        Ok(sqlx::query("SELECT 1 FROM sms_opt_outs WHERE number_key = $1")
            .bind(number_key)
            .fetch_optional(self.pool())
            .await?
            .is_some())
    }
}
