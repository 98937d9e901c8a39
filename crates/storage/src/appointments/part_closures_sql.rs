//! [`PartClosures`] for both backends, written once (compiled per backend,
//! like every feature's SQL: see `crate::sqlite`). Each change writes its
//! audit row in its transaction.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Actor, CentreId, NewAuditEntry, NewPartClosure, PartClosure, PartClosureId, ServiceId};
use sqlx::Row;

use super::Store;
use super::audit::write_audit;
use super::rows::DbRow;
use crate::{PartClosures, StorageError};

const SELECT: &str = "SELECT id, centre_id, service_id, starts_at, ends_at, reason FROM part_closures";

fn closure_from_row(row: &DbRow) -> Result<PartClosure, StorageError> {
    Ok(PartClosure {
        id: PartClosureId(row.try_get("id")?),
        data: NewPartClosure {
            centre: CentreId(row.try_get("centre_id")?),
            service: row.try_get::<Option<i64>, _>("service_id")?.map(ServiceId),
            start: row.try_get("starts_at")?,
            end: row.try_get("ends_at")?,
            reason: row.try_get("reason")?,
        },
    })
}

fn audit_entry(action: &str, closure: &PartClosure) -> NewAuditEntry {
    let details = serde_json::json!({
        "service": closure.data.service, "start": closure.data.start, "end": closure.data.end,
        "reason": closure.data.reason,
    });
    NewAuditEntry::new(action, "part_closure", &closure.id.0.to_string())
        .centre(closure.data.centre)
        .details(details.to_string())
}

#[async_trait]
impl PartClosures for Store {
    #[tracing::instrument(skip_all, fields(centre = closure.centre.0))]
    async fn add_part_closure(
        &self,
        closure: &NewPartClosure,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<PartClosure, StorageError> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO part_closures (centre_id, service_id, starts_at, ends_at, reason, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(closure.centre.0)
        .bind(closure.service.map(|s| s.0))
        .bind(closure.start)
        .bind(closure.end)
        .bind(&closure.reason)
        .bind(actor.user.map(|u| u.0))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let stored = PartClosure {
            id: PartClosureId(id),
            data: closure.clone(),
        };
        write_audit(&mut tx, actor, &audit_entry("part_closure.create", &stored), now).await?;
        tx.commit().await?;
        Ok(stored)
    }

    async fn part_closures(
        &self,
        centre: CentreId,
        from: DateTime<Utc>,
        to: Option<DateTime<Utc>>,
    ) -> Result<Vec<PartClosure>, StorageError> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "{SELECT} WHERE centre_id = $1 AND ends_at > $2 AND ($3 IS NULL OR starts_at < $3) \
             ORDER BY starts_at, id"
        )))
        .bind(centre.0)
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(closure_from_row)
        .collect()
    }

    async fn part_closure(&self, id: PartClosureId) -> Result<Option<PartClosure>, StorageError> {
        sqlx::query(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
            .bind(id.0)
            .fetch_optional(self.pool())
            .await?
            .as_ref()
            .map(closure_from_row)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(closure = id.0))]
    async fn remove_part_closure(
        &self,
        id: PartClosureId,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let Some(row) = sqlx::query(sqlx::AssertSqlSafe(format!("{SELECT} WHERE id = $1")))
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Ok(false);
        };
        let closure = closure_from_row(&row)?;
        sqlx::query("DELETE FROM part_closures WHERE id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        write_audit(&mut tx, actor, &audit_entry("part_closure.remove", &closure), now).await?;
        tx.commit().await?;
        Ok(true)
    }
}
