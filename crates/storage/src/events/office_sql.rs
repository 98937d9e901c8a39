//! [`EventOffice`] for both backends, written once (compiled per backend,
//! like every feature's SQL: see `crate::sqlite`): a centre's events by the
//! time of their sessions, and attendance. Marking keeps the seat: the
//! session has started, so nobody waits for it any more.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Actor, CentreId, Event, NewAuditEntry, Registration, RegistrationStatus, SessionId};
use sqlx::{AssertSqlSafe, Row};

use super::Store;
use super::audit::write_audit;
use super::registrations::{REGISTRATION_SELECT, registration_from_row};
use crate::StorageError;
use crate::events::EventOffice;

#[async_trait]
impl EventOffice for Store {
    async fn centre_events(
        &self,
        centre: CentreId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Event>, StorageError> {
        let ids: Vec<i64> = sqlx::query(
            "SELECT e.id, MIN(s.starts_at) AS first FROM events e JOIN event_sessions s ON s.event_id = e.id \
             WHERE e.centre_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3 GROUP BY e.id ORDER BY first, e.id",
        )
        .bind(centre.0)
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|row| row.try_get("id"))
        .collect::<Result<_, _>>()?;
        self.read_events(&ids).await
    }

    #[tracing::instrument(skip_all, fields(session = session.0))]
    async fn mark_registration(
        &self,
        session: SessionId,
        registration: i64,
        status: RegistrationStatus,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Registration, StorageError> {
        let marks = [
            RegistrationStatus::Confirmed,
            RegistrationStatus::Attended,
            RegistrationStatus::NoShow,
        ];
        if !marks.contains(&status) {
            return Err(StorageError::Invalid(
                "a registration is marked attended, not shown or confirmed".into(),
            ));
        }
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE registrations SET status = $1, updated_at = $2 WHERE id = $3 AND session_id = $4 \
             AND status IN ('confirmed', 'attended', 'no_show') \
             AND EXISTS (SELECT 1 FROM event_sessions s WHERE s.id = $4 AND s.starts_at <= $2)",
        )
        .bind(status.code())
        .bind(now)
        .bind(registration)
        .bind(session.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed != 1 {
            return Err(StorageError::Stale);
        }
        let row = sqlx::query(AssertSqlSafe(format!("{REGISTRATION_SELECT} WHERE r.id = $1")))
            .bind(registration)
            .fetch_one(&mut *tx)
            .await?;
        let marked = registration_from_row(&row, self.data_keys())?;
        let centre: i64 = sqlx::query_scalar(
            "SELECT e.centre_id FROM events e JOIN event_sessions s ON s.event_id = e.id WHERE s.id = $1",
        )
        .bind(session.0)
        .fetch_one(&mut *tx)
        .await?;
        let details = serde_json::json!({ "session": session, "status": status }).to_string();
        let entry = NewAuditEntry::new("registration.mark", "registration", marked.reference.as_str())
            .centre(CentreId(centre))
            .details(details);
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(marked)
    }
}
