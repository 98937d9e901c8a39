//! [`EventOffice`] for both backends, written once (compiled per backend,
//! like every feature's SQL: see `crate::sqlite`): a centre's events by the
//! time of their sessions, attendance, and a session moved, called off or
//! written about. Marking keeps the seat: the session has started, so
//! nobody waits for it any more.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{
    Actor, CentreId, Event, NewAuditEntry, Registration, RegistrationStatus, SentMessage, Session, SessionId,
    SessionMessage, SessionMove,
};
use sqlx::{AssertSqlSafe, Row};

use super::Store;
use super::Tx;
use super::audit::write_audit;
use super::bookings::queue;
use super::registrations::{ACTIVE, REGISTRATION_SELECT, lock_session, registration_from_row, release, set_status};
use crate::StorageError;
use crate::events::{EventOffice, Notices};

impl Store {
    /// Locks a session that may still be changed at `now`, with its
    /// centre; [`StorageError::Stale`] once started or called off.
    async fn changeable(
        &self,
        tx: &mut Tx,
        session: SessionId,
        now: DateTime<Utc>,
    ) -> Result<(Session, CentreId), StorageError> {
        let current = lock_session(self, tx, session).await?;
        current.changeable_at(now).map_err(|_| StorageError::Stale)?;
        let centre: i64 = sqlx::query_scalar("SELECT centre_id FROM events WHERE id = $1")
            .bind(current.event.0)
            .fetch_one(&mut **tx)
            .await?;
        Ok((current, CentreId(centre)))
    }

    /// The session's registrations that hold a seat or a place in line, in
    /// the order they were made.
    async fn active_registrations(&self, tx: &mut Tx, session: SessionId) -> Result<Vec<Registration>, StorageError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{REGISTRATION_SELECT} WHERE r.session_id = $1 AND r.status IN {ACTIVE} ORDER BY r.id"
        )))
        .bind(session.0)
        .fetch_all(&mut **tx)
        .await?;
        rows.iter()
            .map(|r| registration_from_row(r, self.data_keys()))
            .collect()
    }
}

/// Queues what `notices` says to each registration, one person at a time.
async fn tell_each(
    tx: &mut Tx,
    notices: Notices<'_>,
    registrations: &[Registration],
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    for r in registrations {
        queue(tx, &notices(std::slice::from_ref(r)), now).await?;
    }
    Ok(())
}

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
        let marked = self.registration_by_id(&mut tx, registration).await?;
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

    #[tracing::instrument(skip_all, fields(session = session.0))]
    async fn move_session(
        &self,
        session: SessionId,
        to: &SessionMove,
        notices: Notices<'_>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Vec<Registration>, StorageError> {
        let mut tx = self.begin_write().await?;
        let (current, centre) = self.changeable(&mut tx, session, now).await?;
        sqlx::query(
            "UPDATE event_sessions SET starts_at = $1, ends_at = $2, registration_closes_at = $3, \
             revision = revision + 1, previous_starts_at = $4, change_reason = $5 WHERE id = $6",
        )
        .bind(to.start)
        .bind(to.end)
        .bind(to.registration_closes)
        .bind(current.start)
        .bind(&to.reason)
        .bind(session.0)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "UPDATE registrations SET offer_expires_at = $1, updated_at = $2 \
             WHERE session_id = $3 AND status = 'offered' AND offer_expires_at > $1",
        )
        .bind(to.start)
        .bind(now)
        .bind(session.0)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "DELETE FROM registration_reminders WHERE registration_id IN \
             (SELECT id FROM registrations WHERE session_id = $1)",
        )
        .bind(session.0)
        .execute(&mut *tx)
        .await?;
        let active = self.active_registrations(&mut tx, session).await?;
        tell_each(&mut tx, notices, &active, now).await?;
        let details = serde_json::json!({
            "from": current.start, "to": to.start, "reason": to.reason, "told": active.len(),
        });
        let entry = NewAuditEntry::new("session.move", "session", &session.0.to_string())
            .centre(centre)
            .details(details.to_string());
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(active)
    }

    #[tracing::instrument(skip_all, fields(session = session.0))]
    async fn cancel_session(
        &self,
        session: SessionId,
        reason: &str,
        notices: Notices<'_>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Vec<Registration>, StorageError> {
        let mut tx = self.begin_write().await?;
        let (_, centre) = self.changeable(&mut tx, session, now).await?;
        sqlx::query(
            "UPDATE event_sessions SET status = 'cancelled', revision = revision + 1, change_reason = $1 \
             WHERE id = $2",
        )
        .bind(reason)
        .bind(session.0)
        .execute(&mut *tx)
        .await?;
        let mut cancelled = Vec::new();
        for active in self.active_registrations(&mut tx, session).await? {
            release(&mut tx, active.id).await?;
            set_status(&mut tx, active.id, RegistrationStatus::Cancelled, None, now).await?;
            cancelled.push(self.registration_by_id(&mut tx, active.id).await?);
        }
        tell_each(&mut tx, notices, &cancelled, now).await?;
        let details = serde_json::json!({ "reason": reason, "told": cancelled.len() });
        let entry = NewAuditEntry::new("session.cancel", "session", &session.0.to_string())
            .centre(centre)
            .details(details.to_string());
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(cancelled)
    }

    #[tracing::instrument(skip_all, fields(session = session.0))]
    async fn message_session(
        &self,
        session: SessionId,
        message: &SessionMessage,
        notices: Notices<'_>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<u32, StorageError> {
        let mut tx = self.begin_write().await?;
        let (_, centre) = self.changeable(&mut tx, session, now).await?;
        let active = self.active_registrations(&mut tx, session).await?;
        let recipients = u32::try_from(active.len()).unwrap_or(u32::MAX);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO session_messages (session_id, subject, body, sent_by, sent_at, recipients) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(session.0)
        .bind(&message.subject)
        .bind(&message.body)
        .bind(actor.user.map(|u| u.0))
        .bind(now)
        .bind(i32::try_from(recipients).unwrap_or(i32::MAX))
        .fetch_one(&mut *tx)
        .await?;
        tell_each(&mut tx, notices, &active, now).await?;
        let details = serde_json::json!({ "message": id, "told": recipients });
        let entry = NewAuditEntry::new("session.message", "session", &session.0.to_string())
            .centre(centre)
            .details(details.to_string());
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(recipients)
    }

    async fn session_messages(&self, session: SessionId) -> Result<Vec<SentMessage>, StorageError> {
        sqlx::query(
            "SELECT subject, body, sent_at, recipients FROM session_messages WHERE session_id = $1 \
             ORDER BY sent_at, id",
        )
        .bind(session.0)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|row| {
            Ok(SentMessage {
                subject: row.try_get("subject")?,
                body: row.try_get("body")?,
                sent_at: row.try_get("sent_at")?,
                recipients: u32::try_from(row.try_get::<i32, _>("recipients")?).unwrap_or(0),
            })
        })
        .collect()
    }
}
