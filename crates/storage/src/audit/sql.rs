//! [`AuditLog`] for both backends, written once (compiled per backend, like
//! every feature's SQL: see `crate::sqlite`), and [`write_audit`], which every change uses to append
//! its row inside its own transaction.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Actor, AuditEntry, CentreId, NewAuditEntry, UserId};
use sqlx::{QueryBuilder, Row};

use super::Tx;
use super::rows::DbRow;
use super::{Db, Store};
use crate::{AuditFilter, AuditLog, StorageError};

/// Appends an audit row inside `tx`.
pub(super) async fn write_audit(
    tx: &mut Tx,
    actor: &Actor,
    entry: &NewAuditEntry,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, actor, address, action, object_kind, object_id, centre_id, details, \
         request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(now)
    .bind(actor.user.map(|u| u.0))
    .bind(&actor.label)
    .bind(&actor.address)
    .bind(&entry.action)
    .bind(&entry.object_kind)
    .bind(&entry.object_id)
    .bind(entry.centre.map(|c| c.0))
    .bind(&entry.details)
    .bind(crate::audit::current_request_id())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[async_trait]
impl AuditLog for Store {
    async fn audit(&self, actor: &Actor, entry: NewAuditEntry, now: DateTime<Utc>) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn audit_reads(
        &self,
        actor: &Actor,
        entries: &[NewAuditEntry],
        since: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<u64, StorageError> {
        if entries.is_empty() {
            return Ok(0);
        }
        let mut tx = self.begin_write().await?;
        let mut written = 0;
        for entry in entries {
            written += sqlx::query(
                "INSERT INTO audit_log (at, actor_id, actor, address, action, object_kind, object_id, centre_id, details, \
                 request_id) SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $11 WHERE NOT EXISTS (SELECT 1 FROM audit_log \
                   WHERE object_kind = $6 AND object_id = $7 AND action = $5 AND actor = $3 AND at >= $10)",
            )
            .bind(now)
            .bind(actor.user.map(|u| u.0))
            .bind(&actor.label)
            .bind(&actor.address)
            .bind(&entry.action)
            .bind(&entry.object_kind)
            .bind(&entry.object_id)
            .bind(entry.centre.map(|c| c.0))
            .bind(&entry.details)
            .bind(since)
            .bind(crate::audit::current_request_id())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok(written)
    }

    async fn audit_entries(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StorageError> {
        let mut q = QueryBuilder::<Db>::new(
            "SELECT id, at, actor_id, actor, address, action, object_kind, object_id, centre_id, details, request_id \
             FROM audit_log WHERE 1 = 1",
        );
        if let Some(actor) = &filter.actor {
            q.push(" AND lower(actor) LIKE ")
                .push_bind(format!("%{}%", escape_like(&actor.to_lowercase())))
                .push(" ESCAPE '\\'");
        }
        if let Some(action) = &filter.action {
            if action.ends_with('.') {
                q.push(" AND action LIKE ")
                    .push_bind(format!("{}%", escape_like(action)))
                    .push(" ESCAPE '\\'");
            } else {
                q.push(" AND action = ").push_bind(action.clone());
            }
        }
        if let Some(kind) = &filter.object_kind {
            q.push(" AND object_kind = ").push_bind(kind.clone());
        }
        if let Some(id) = &filter.object_id {
            q.push(" AND object_id = ").push_bind(id.clone());
        }
        if let Some(centre) = filter.centre {
            q.push(" AND centre_id = ").push_bind(centre.0);
        }
        if let Some(from) = filter.from {
            q.push(" AND at >= ").push_bind(from);
        }
        if let Some(until) = filter.until {
            q.push(" AND at < ").push_bind(until);
        }
        q.push(" ORDER BY id DESC LIMIT ")
            .push_bind(i64::from(filter.limit.max(1)))
            .push(" OFFSET ")
            .push_bind(i64::from(filter.offset));
        let rows = q.build().fetch_all(self.pool()).await?;
        rows.iter().map(audit_from_row).collect()
    }
}

pub(super) fn audit_from_row(row: &DbRow) -> Result<AuditEntry, StorageError> {
    Ok(AuditEntry {
        id: row.try_get("id")?,
        at: row.try_get("at")?,
        actor_id: row.try_get::<Option<i64>, _>("actor_id")?.map(UserId),
        actor: row.try_get("actor")?,
        address: row.try_get("address")?,
        action: row.try_get("action")?,
        object_kind: row.try_get("object_kind")?,
        object_id: row.try_get("object_id")?,
        centre: row.try_get::<Option<i64>, _>("centre_id")?.map(CentreId),
        details: row.try_get("details")?,
        request_id: row.try_get("request_id")?,
    })
}

/// Escapes `%`, `_` and `\` for a `LIKE … ESCAPE '\'` pattern.
pub(super) fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
