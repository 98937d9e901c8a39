//! [`Events`]' events and sessions for both backends, written once (compiled
//! per backend, like every feature's SQL: see `crate::sqlite`); the
//! registrations are in `registrations_sql.rs`. A session is read with the
//! seats held and the people in line, counted from the schema's own tables.

use chrono::{DateTime, Utc};
use sportello_domain::{
    Actor, Audience, CentreId, Event, EventId, EventText, Lang, NewAuditEntry, NewEvent, Room, Session, SessionChanges,
    SessionId, SessionStatus,
};
use sqlx::{AssertSqlSafe, Row};

use super::Store;
use super::audit::write_audit;
use super::rows::{DbRow, invalid};
use crate::StorageError;
use crate::events::EventFilter;

const SESSION_SELECT: &str = "SELECT s.id, s.event_id, s.starts_at, s.ends_at, s.registration_closes_at, s.place, \
    s.address, s.online, s.video_url, s.seats, s.status, s.revision, s.previous_starts_at, s.change_reason, \
    (SELECT COUNT(*) FROM event_seats t WHERE t.session_id = s.id) AS taken, \
    (SELECT COUNT(*) FROM waiting_places w WHERE w.session_id = s.id) AS waiting \
    FROM event_sessions s";

fn session_from_row(row: &DbRow) -> Result<Session, StorageError> {
    let status: String = row.try_get("status")?;
    let place: Option<String> = row.try_get("place")?;
    let address: Option<String> = row.try_get("address")?;
    let count = |c: &str| -> Result<u32, StorageError> { Ok(u32::try_from(row.try_get::<i64, _>(c)?).unwrap_or(0)) };
    let seats: i32 = row.try_get("seats")?;
    Ok(Session {
        id: SessionId(row.try_get("id")?),
        event: EventId(row.try_get("event_id")?),
        start: row.try_get("starts_at")?,
        end: row.try_get("ends_at")?,
        room: place.zip(address).map(|(place, address)| Room { place, address }),
        online: row.try_get("online")?,
        video_url: row.try_get("video_url")?,
        seats: u32::try_from(seats).unwrap_or(0),
        status: SessionStatus::parse(&status).ok_or_else(|| invalid("status", &status))?,
        registration_closes: row.try_get("registration_closes_at")?,
        taken: count("taken")?,
        waiting: count("waiting")?,
        changes: SessionChanges {
            revision: u32::try_from(row.try_get::<i32, _>("revision")?).unwrap_or(0),
            previous_start: row.try_get("previous_starts_at")?,
            reason: row.try_get("change_reason")?,
        },
    })
}

impl Store {
    /// One session as it is now (inside a transaction or not).
    pub(super) async fn session_in<'e, E>(&self, executor: E, id: SessionId) -> Result<Session, StorageError>
    where
        E: sqlx::Executor<'e, Database = super::Db>,
    {
        let row = sqlx::query(AssertSqlSafe(format!("{SESSION_SELECT} WHERE s.id = $1")))
            .bind(id.0)
            .fetch_optional(executor)
            .await?
            .ok_or(StorageError::NotFound)?;
        session_from_row(&row)
    }

    pub(super) async fn read_event(&self, id: EventId) -> Result<Option<Event>, StorageError> {
        let Some(row) =
            sqlx::query("SELECT id, centre_id, audience, partners, series, created_at FROM events WHERE id = $1")
                .bind(id.0)
                .fetch_optional(self.pool())
                .await?
        else {
            return Ok(None);
        };
        let audience: String = row.try_get("audience")?;
        let texts = sqlx::query("SELECT lang, title, description FROM event_texts WHERE event_id = $1 ORDER BY lang")
            .bind(id.0)
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|t| {
                let lang: String = t.try_get("lang")?;
                Ok(EventText {
                    lang: Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?,
                    title: t.try_get("title")?,
                    description: t.try_get("description")?,
                })
            })
            .collect::<Result<Vec<_>, StorageError>>()?;
        let sessions = sqlx::query(AssertSqlSafe(format!(
            "{SESSION_SELECT} WHERE s.event_id = $1 ORDER BY s.starts_at, s.id"
        )))
        .bind(id.0)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(session_from_row)
        .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(Event {
            id,
            centre: CentreId(row.try_get("centre_id")?),
            audience: Audience::parse(&audience).ok_or_else(|| invalid("audience", &audience))?,
            partners: row.try_get("partners")?,
            series: row.try_get("series")?,
            texts,
            sessions,
            created_at: row.try_get("created_at")?,
        }))
    }

    pub(super) async fn insert_event(
        &self,
        event: &NewEvent,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<EventId, StorageError> {
        event
            .check()
            .map_err(|problem| StorageError::Invalid(format!("event: {problem:?}")))?;
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO events (centre_id, audience, partners, series, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        )
        .bind(event.centre.0)
        .bind(event.audience.code())
        .bind(event.partners.trim())
        .bind(event.series)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        for text in &event.texts {
            sqlx::query("INSERT INTO event_texts (event_id, lang, title, description) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(text.lang.code())
                .bind(text.title.trim())
                .bind(text.description.trim())
                .execute(&mut *tx)
                .await?;
        }
        for s in &event.sessions {
            sqlx::query(
                "INSERT INTO event_sessions (event_id, starts_at, ends_at, registration_closes_at, place, address, \
                 online, video_url, seats, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'scheduled')",
            )
            .bind(id)
            .bind(s.start)
            .bind(s.end)
            .bind(s.registration_closes.unwrap_or(s.start))
            .bind(s.room.as_ref().map(|r| r.place.trim()))
            .bind(s.room.as_ref().map(|r| r.address.trim()))
            .bind(s.video_url.is_some())
            .bind(s.video_url.as_deref())
            .bind(i32::try_from(s.seats).map_err(|_| StorageError::Invalid("seats".into()))?)
            .execute(&mut *tx)
            .await?;
        }
        let entry = NewAuditEntry::new("event.create", "event", &id.to_string()).centre(event.centre);
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(EventId(id))
    }

    pub(super) async fn list_upcoming(
        &self,
        filter: &EventFilter,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Event>, StorageError> {
        let mut conditions = vec!["s.ends_at > $1"];
        if !filter.cancelled_too {
            conditions.push("s.status = 'scheduled'");
        }
        if filter.centre.is_some() {
            conditions.push("e.centre_id = $2");
        }
        if filter.audience.is_some() {
            conditions.push("e.audience = $3");
        }
        match filter.online {
            Some(true) => conditions.push("s.online"),
            Some(false) => conditions.push("s.place IS NOT NULL"),
            None => {}
        }
        // Placeholders not in the text are still bound: both backends
        // accept unused trailing parameters only when numbered, so every
        // condition above is written with its own number and the ones left
        // out are matched by a condition that is always true.
        if filter.centre.is_none() {
            conditions.push("$2 IS NULL");
        }
        if filter.audience.is_none() {
            conditions.push("$3 IS NULL");
        }
        let sql = format!(
            "SELECT e.id, MIN(s.starts_at) AS next FROM events e JOIN event_sessions s ON s.event_id = e.id \
             WHERE {} GROUP BY e.id ORDER BY next, e.id LIMIT $4",
            conditions.join(" AND ")
        );
        let ids: Vec<i64> = sqlx::query(AssertSqlSafe(sql))
            .bind(now)
            .bind(filter.centre.map(|c| c.0))
            .bind(filter.audience.map(|a| a.code()))
            .bind(i64::from(limit))
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|row| row.try_get("id"))
            .collect::<Result<_, _>>()?;
        self.read_events(&ids).await
    }
}

impl Store {
    /// The events of `ids` that exist, in that order.
    pub(super) async fn read_events(&self, ids: &[i64]) -> Result<Vec<Event>, StorageError> {
        let mut events = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(event) = self.read_event(EventId(*id)).await? {
                events.push(event);
            }
        }
        Ok(events)
    }
}
