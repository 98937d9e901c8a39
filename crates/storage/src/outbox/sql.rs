//! [`Outbox`] for both backends, written once (compiled per backend, like
//! every feature's SQL: see `crate::sqlite`). The claim differs in one clause: PostgreSQL locks the rows
//! it picks and skips those another worker holds; SQLite has one writer at a
//! time, and the claim runs in a `BEGIN IMMEDIATE` transaction.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{BULK_MAIL_KINDS, Email, Lang, MailAttachment, OutgoingMail};
use sqlx::Row;

use super::Store;
use super::Tx;
use super::rows::{DbRow, invalid};
use crate::outbox::{ClaimedMail, MailCounts, MailStatus, StoredMail};
use crate::{Outbox, StorageError};

const MAIL_COLUMNS: &str = "id, message_token, dedupe_key, kind, to_address, to_name, lang, subject, text_body, \
    html_body, attachments, list_unsubscribe, status, attempts, next_attempt_at, claimed_until, last_error, \
    created_at, sent_at";

/// Stores `mail`, due at `now`, in the caller's transaction: it is committed
/// or rolled back with what caused it. `None` when its dedupe key exists.
pub(super) async fn enqueue_mail(
    tx: &mut Tx,
    mail: &OutgoingMail,
    now: DateTime<Utc>,
) -> Result<Option<i64>, StorageError> {
    let attachments =
        serde_json::to_string(&mail.attachments).map_err(|e| StorageError::Invalid(format!("attachments: {e}")))?;
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO outbox (dedupe_key, kind, to_address, to_name, lang, subject, text_body, html_body, \
         attachments, list_unsubscribe, status, attempts, next_attempt_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', 0, $11, $11) \
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
    )
    .bind(&mail.dedupe_key)
    .bind(&mail.kind)
    .bind(mail.to.as_str())
    .bind(&mail.to_name)
    .bind(mail.lang.code())
    .bind(&mail.subject)
    .bind(&mail.text)
    .bind(&mail.html)
    .bind(attachments)
    .bind(&mail.list_unsubscribe)
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(id)
}

fn mail_from_row(row: &DbRow) -> Result<StoredMail, StorageError> {
    let address: String = row.try_get("to_address")?;
    let lang: String = row.try_get("lang")?;
    let status: String = row.try_get("status")?;
    let attachments: String = row.try_get("attachments")?;
    let attachments: Vec<MailAttachment> =
        serde_json::from_str(&attachments).map_err(|_| invalid("attachments", &attachments))?;
    let attempts: i32 = row.try_get("attempts")?;
    Ok(StoredMail {
        id: row.try_get("id")?,
        message_token: row.try_get("message_token")?,
        mail: OutgoingMail {
            to: Email::parse(&address).map_err(|_| invalid("to_address", &address))?,
            to_name: row.try_get("to_name")?,
            lang: Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?,
            subject: row.try_get("subject")?,
            text: row.try_get("text_body")?,
            html: row.try_get("html_body")?,
            attachments,
            kind: row.try_get("kind")?,
            dedupe_key: row.try_get("dedupe_key")?,
            list_unsubscribe: row.try_get("list_unsubscribe")?,
        },
        status: MailStatus::parse(&status).ok_or_else(|| invalid("status", &status))?,
        attempts: u32::try_from(attempts).map_err(|_| invalid("attempts", &attempts.to_string()))?,
        next_attempt_at: row.try_get("next_attempt_at")?,
        claimed_until: row.try_get("claimed_until")?,
        last_error: row.try_get("last_error")?,
        created_at: row.try_get("created_at")?,
        sent_at: row.try_get("sent_at")?,
    })
}

/// The claim's order: every other message before bulk mail, then oldest
/// first. The kinds are constants of the code, not input.
fn claim_order() -> String {
    let bulk = BULK_MAIL_KINDS.map(|k| format!("'{k}'")).join(", ");
    format!("CASE WHEN kind IN ({bulk}) THEN 1 ELSE 0 END, id")
}

/// How the claim keeps two workers apart on this backend (the SMS outbox's
/// claim too).
pub(super) fn claim_lock() -> &'static str {
    if Store::BACKEND == "postgres" {
        " FOR UPDATE SKIP LOCKED"
    } else {
        // SQLite: the whole claim is one statement in a `BEGIN IMMEDIATE`
        // transaction, which holds the database's write lock.
        ""
    }
}

/// The lease columns both outboxes share (`outbox` for e-mail, `sms_outbox`
/// for texts): what ends an attempt, gives a claim back or gives up a row,
/// written once for both. `table` is one of those two names, a constant of
/// the code, never input.
impl Store {
    /// Ends an attempt: sets `status` (and `sent_at` for sent or recorded
    /// messages) of a message that is still pending under the caller's lease,
    /// `claimed_until`; `Stale` when the lease is lost.
    #[allow(clippy::too_many_arguments)]
    pub(super) async fn finish_attempt(
        &self,
        table: &'static str,
        id: i64,
        claimed_until: DateTime<Utc>,
        status: MailStatus,
        error: Option<&str>,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let done = matches!(status, MailStatus::Sent | MailStatus::Recorded);
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE {table} SET status = $1, sent_at = $2, last_error = $3, \
             next_attempt_at = COALESCE($4, next_attempt_at), claimed_until = NULL \
             WHERE id = $5 AND status = 'pending' AND claimed_until = $6"
        )))
        .bind(status.code())
        .bind(done.then_some(now))
        .bind(error)
        .bind(retry_at)
        .bind(id)
        .bind(claimed_until)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        if changed == 1 {
            Ok(())
        } else {
            // The lease ended: another worker claimed or finished it.
            Err(StorageError::Stale)
        }
    }

    /// A failed attempt: tried again at `retry_at`, or given up without one.
    pub(super) async fn fail_attempt(
        &self,
        table: &'static str,
        id: i64,
        claimed_until: DateTime<Utc>,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let status = if retry_at.is_some() {
            MailStatus::Pending
        } else {
            MailStatus::Failed
        };
        self.finish_attempt(table, id, claimed_until, status, Some(error), retry_at, now)
            .await
    }

    /// Gives back a claimed message unsent, its attempt not counted; `false`
    /// when the caller's lease no longer holds it.
    pub(super) async fn release_claim(
        &self,
        table: &'static str,
        id: i64,
        claimed_until: DateTime<Utc>,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE {table} SET claimed_until = NULL, attempts = attempts - 1 \
             WHERE id = $1 AND status = 'pending' AND claimed_until = $2 AND attempts > 0"
        )))
        .bind(id)
        .bind(claimed_until)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(changed == 1)
    }
}

/// Gives up a claimed row of `table` that cannot be read back (one bad row
/// must not hold up its batch), in the claim's transaction.
pub(super) async fn give_up_unreadable(
    tx: &mut Tx,
    table: &'static str,
    row: &DbRow,
    error: &StorageError,
) -> Result<(), StorageError> {
    let id: i64 = row.try_get("id")?;
    tracing::error!(table, id, %error, "a message cannot be read back; given up");
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "UPDATE {table} SET status = 'failed', last_error = $1, claimed_until = NULL WHERE id = $2"
    )))
    .bind(error.to_string())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[async_trait]
impl Outbox for Store {
    #[tracing::instrument(skip_all, fields(id))]
    async fn release_mail(&self, id: i64, claimed_until: DateTime<Utc>) -> Result<bool, StorageError> {
        self.release_claim("outbox", id, claimed_until).await
    }

    #[tracing::instrument(skip_all, fields(kind = %mail.kind))]
    async fn enqueue_mail(&self, mail: &OutgoingMail, now: DateTime<Utc>) -> Result<Option<i64>, StorageError> {
        let mut tx = self.begin_write().await?;
        let id = enqueue_mail(&mut tx, mail, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    #[tracing::instrument(skip_all, fields(limit))]
    async fn claim_mail(
        &self,
        limit: u32,
        lease: chrono::Duration,
        now: DateTime<Utc>,
    ) -> Result<Vec<ClaimedMail>, StorageError> {
        let sql = format!(
            "UPDATE outbox SET claimed_until = $1, attempts = attempts + 1 WHERE id IN (\
             SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $2 \
             AND (claimed_until IS NULL OR claimed_until < $2) ORDER BY {} LIMIT $3{}) \
             RETURNING {MAIL_COLUMNS}",
            claim_order(),
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
            match mail_from_row(row) {
                Ok(mail) => claimed.push(mail),
                Err(error) => give_up_unreadable(&mut tx, "outbox", row, &error).await?,
            }
        }
        tx.commit().await?;
        claimed.sort_by_key(|m| (m.mail.is_bulk(), m.id));
        Ok(claimed)
    }

    #[tracing::instrument(skip_all, fields(id))]
    async fn mail_sent(&self, id: i64, claimed_until: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), StorageError> {
        self.finish_attempt("outbox", id, claimed_until, MailStatus::Sent, None, None, now)
            .await
    }

    #[tracing::instrument(skip_all, fields(id))]
    async fn mail_recorded(
        &self,
        id: i64,
        claimed_until: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        self.finish_attempt("outbox", id, claimed_until, MailStatus::Recorded, None, None, now)
            .await
    }

    #[tracing::instrument(skip_all, fields(id))]
    async fn mail_failed(
        &self,
        id: i64,
        claimed_until: DateTime<Utc>,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        self.fail_attempt("outbox", id, claimed_until, error, retry_at, now)
            .await
    }

    #[tracing::instrument(skip_all, fields(limit))]
    async fn recent_mail(&self, limit: u32) -> Result<Vec<StoredMail>, StorageError> {
        let sql = format!("SELECT {MAIL_COLUMNS} FROM outbox ORDER BY id DESC LIMIT $1");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(i64::from(limit))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(mail_from_row).collect()
    }

    #[tracing::instrument(skip_all)]
    async fn mail_counts(&self) -> Result<MailCounts, StorageError> {
        let rows: Vec<(String, i64)> = sqlx::query_as("SELECT status, COUNT(*) FROM outbox GROUP BY status")
            .fetch_all(self.pool())
            .await?;
        let mut counts = MailCounts::default();
        for (status, n) in rows {
            let slot = match MailStatus::parse(&status).ok_or_else(|| invalid("status", &status))? {
                MailStatus::Pending => &mut counts.pending,
                MailStatus::Sent => &mut counts.sent,
                MailStatus::Recorded => &mut counts.recorded,
                MailStatus::Failed => &mut counts.failed,
            };
            *slot = n as u64;
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    //! What only code inside the storage can show: a message enqueued in a
    //! transaction lives and dies with it.

    use chrono::Utc;
    use sportello_domain::{Email, Lang, OutgoingMail};

    use super::{Store, enqueue_mail};
    use crate::Outbox;

    /// A fresh database of this backend, dropped with the guard. (The test
    /// kit's `TestDatabase` cannot serve here: inside this crate it would
    /// hand out a second copy of its types.)
    struct Fresh {
        path: Option<std::path::PathBuf>,
        admin: String,
        name: String,
    }

    impl Drop for Fresh {
        fn drop(&mut self) {
            if let Some(path) = &self.path {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
        }
    }

    async fn store() -> (Fresh, Store) {
        use sqlx::Connection;
        let name = format!(
            "sportello_unit_{}_{}",
            std::process::id(),
            Utc::now().timestamp_nanos_opt().unwrap_or(0)
        );
        let admin = std::env::var("SPORTELLO_TEST_POSTGRES")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        let (url, fresh) = if Store::BACKEND == "postgres" {
            let mut conn = sqlx::postgres::PgConnection::connect(&admin)
                .await
                .unwrap_or_else(|e| panic!("PostgreSQL tests need a server at {admin}: {e}"));
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
                .execute(&mut conn)
                .await
                .unwrap();
            let base = admin.rsplit_once('/').map_or(admin.as_str(), |(base, _)| base);
            let fresh = Fresh {
                path: None,
                admin: admin.clone(),
                name: name.clone(),
            };
            (format!("{base}/{name}"), fresh)
        } else {
            let path = std::env::temp_dir().join(format!("{name}.sqlite"));
            (
                path.display().to_string(),
                Fresh {
                    path: Some(path),
                    admin,
                    name,
                },
            )
        };
        let store = Store::open(&url).await.unwrap();
        crate::Storage::migrate(&store).await.unwrap();
        (fresh, store)
    }

    /// Drops a PostgreSQL test database once the store's pool is closed.
    async fn drop_database(fresh: &Fresh, store: Store) {
        use sqlx::Connection;
        store.pool().close().await;
        if fresh.path.is_none()
            && let Ok(mut conn) = sqlx::postgres::PgConnection::connect(&fresh.admin).await
        {
            let sql = format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", fresh.name);
            let _ = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut conn).await;
        }
    }

    #[tokio::test]
    async fn a_message_is_committed_or_rolled_back_with_its_cause() {
        let (fresh, store) = store().await;
        let now = Utc::now();
        let mail = OutgoingMail::new(
            Email::parse("anna@example.it").unwrap(),
            Lang::It,
            "test",
            "Oggetto",
            "Testo",
        );
        let mut tx = store.begin_write().await.unwrap();
        assert!(enqueue_mail(&mut tx, &mail, now).await.unwrap().is_some());
        tx.rollback().await.unwrap();
        assert_eq!(
            store.mail_counts().await.unwrap().pending,
            0,
            "rolled back with its cause"
        );
        assert!(store.recent_mail(10).await.unwrap().is_empty());

        let mut tx = store.begin_write().await.unwrap();
        let id = enqueue_mail(&mut tx, &mail, now).await.unwrap().unwrap();
        tx.commit().await.unwrap();
        let stored = store.recent_mail(10).await.unwrap();
        assert_eq!(stored.len(), 1);
        assert_eq!((stored[0].id, &stored[0].mail), (id, &mail));
        drop_database(&fresh, store).await;
    }
}
