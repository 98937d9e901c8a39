//! [`Activity`] for both backends, written once (compiled per backend,
//! like every feature's SQL: see `crate::sqlite`): two grouped counts per
//! span, on the indexes of bookings by centre and day and of sessions by
//! start.

use std::collections::BTreeMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{ActivityCounts, CentreId};
use sqlx::Row;

use super::Store;
use super::rows::DbRow;
use crate::StorageError;
use crate::activity::Activity;

fn count(row: &DbRow, column: &str) -> Result<u32, StorageError> {
    let n: Option<i64> = row.try_get(column)?;
    Ok(u32::try_from(n.unwrap_or(0)).unwrap_or(u32::MAX))
}

#[async_trait]
impl Activity for Store {
    #[tracing::instrument(skip_all)]
    async fn activity(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(CentreId, ActivityCounts)>, StorageError> {
        let mut by_centre: BTreeMap<CentreId, ActivityCounts> = BTreeMap::new();
        let bookings = sqlx::query(
            "SELECT centre_id, status, CAST(COUNT(*) AS BIGINT) AS n FROM bookings \
             WHERE starts_at >= $1 AND starts_at < $2 GROUP BY centre_id, status",
        )
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?;
        for row in &bookings {
            let counts = by_centre.entry(CentreId(row.try_get("centre_id")?)).or_default();
            let n = count(row, "n")?;
            match row.try_get::<String, _>("status")?.as_str() {
                "booked" => counts.booked += n,
                "attended" => counts.attended += n,
                "no_show" => counts.no_show += n,
                _ => counts.cancelled += n,
            }
        }
        let sessions = sqlx::query(
            "SELECT e.centre_id, CAST(COUNT(*) AS BIGINT) AS sessions, CAST(SUM(x.seats) AS BIGINT) AS seats, \
             CAST(SUM(x.taken) AS BIGINT) AS taken, CAST(SUM(x.waiting) AS BIGINT) AS waiting \
             FROM (SELECT s.event_id, s.seats, \
                   (SELECT COUNT(*) FROM event_seats t WHERE t.session_id = s.id) AS taken, \
                   (SELECT COUNT(*) FROM waiting_places w WHERE w.session_id = s.id) AS waiting \
                   FROM event_sessions s \
                   WHERE s.status = 'scheduled' AND s.starts_at >= $1 AND s.starts_at < $2) x \
             JOIN events e ON e.id = x.event_id GROUP BY e.centre_id",
        )
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?;
        for row in &sessions {
            let counts = by_centre.entry(CentreId(row.try_get("centre_id")?)).or_default();
            counts.sessions += count(row, "sessions")?;
            counts.seats += count(row, "seats")?;
            counts.seats_taken += count(row, "taken")?;
            counts.waiting += count(row, "waiting")?;
        }
        Ok(by_centre.into_iter().collect())
    }
}
