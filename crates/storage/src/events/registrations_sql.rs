//! [`Events`]' registrations for both backends, written once (see
//! `crate::sqlite`). Every change to a session's seats or line first locks
//! the session's row (`FOR UPDATE` on PostgreSQL; SQLite has one writer at a
//! time): registrations of one session are therefore made one after the
//! other, so the order of their ids (the server's registration sequence) is
//! the order of the seats and tickets they get. The schema still refuses a
//! seat number beyond the session's seats or given twice, and a ticket
//! given twice, whatever the code does.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{
    Actor, Email, Event, EventId, Lang, NewAuditEntry, NewEvent, Notification, Person, Phone, Registration,
    RegistrationRef, RegistrationStatus, SeatOfferRules, Session, SessionId,
};
use sqlx::{AssertSqlSafe, Row};

use super::Store;
use super::Tx;
use super::audit::write_audit;
use super::bookings::{claim_key, queue};
use super::rows::{DbRow, invalid};
use crate::appointments::needs;
use crate::events::{EventFilter, Events, NewRegistration, Notices, Registered};
use crate::sealed::{self, REGISTRATION_NEEDS};
use crate::{IdempotencyKey, StorageError};
use sportello_auth::DataKeys;

/// A registration with its event and, while it waits, its place in line
/// (the tickets of the session up to its own).
pub(super) const REGISTRATION_SELECT: &str = "SELECT r.id, r.reference, r.session_id, s.event_id, r.status, r.name, r.email, \
    r.phone, r.lang, r.sms, r.needs_sealed, r.offer_expires_at, r.created_at, r.updated_at, \
    (SELECT COUNT(*) FROM waiting_places w2 WHERE w2.session_id = r.session_id AND w2.ticket <= w.ticket) AS position \
    FROM registrations r JOIN event_sessions s ON s.id = r.session_id \
    LEFT JOIN waiting_places w ON w.registration_id = r.id";

/// Statuses that hold a seat or a place in line.
pub(super) const ACTIVE: &str = "('confirmed', 'waiting', 'offered')";

pub(super) fn registration_from_row(row: &DbRow, keys: Option<&DataKeys>) -> Result<Registration, StorageError> {
    let text = |c: &str| -> Result<String, StorageError> { Ok(row.try_get::<String, _>(c)?) };
    let optional = |c: &str| -> Result<Option<String>, StorageError> { Ok(row.try_get::<Option<String>, _>(c)?) };
    let (reference, status, lang) = (text("reference")?, text("status")?, text("lang")?);
    let status = RegistrationStatus::parse(&status).ok_or_else(|| invalid("status", &status))?;
    let needs = match optional("needs_sealed")? {
        Some(stored) => needs::from_json(&sealed::open(keys, REGISTRATION_NEEDS, stored)?)?,
        None => Default::default(),
    };
    let position: i64 = row.try_get("position")?;
    Ok(Registration {
        id: row.try_get("id")?,
        reference: RegistrationRef::parse(&reference).ok_or_else(|| invalid("reference", &reference))?,
        event: EventId(row.try_get("event_id")?),
        session: SessionId(row.try_get("session_id")?),
        status,
        position: (status == RegistrationStatus::Waiting).then(|| u32::try_from(position).unwrap_or(0)),
        offer_expires: row.try_get("offer_expires_at")?,
        person: Person {
            name: text("name")?,
            email: optional("email")?
                .map(|e| Email::parse(&e).map_err(|_| invalid("email", &e)))
                .transpose()?,
            phone: optional("phone")?
                .map(|p| Phone::parse(&p).map_err(|_| invalid("phone", &p)))
                .transpose()?,
            codice_fiscale: None,
            lang: Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?,
            sms: row.try_get("sms")?,
        },
        needs,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// Locks a session's row until the end of the transaction (PostgreSQL;
/// SQLite's write transaction holds the whole file) and reads it.
pub(super) async fn lock_session(store: &Store, tx: &mut Tx, id: SessionId) -> Result<Session, StorageError> {
    if Store::BACKEND == "postgres" {
        sqlx::query("SELECT id FROM event_sessions WHERE id = $1 FOR UPDATE")
            .bind(id.0)
            .fetch_optional(&mut **tx)
            .await?
            .ok_or(StorageError::NotFound)?;
    }
    store.session_in(&mut **tx, id).await
}

/// Gives `registration` the lowest free seat of the session; `false` when
/// every seat is held.
async fn take_seat(tx: &mut Tx, session: &Session, registration: i64) -> Result<bool, StorageError> {
    let taken: Vec<i32> = sqlx::query_scalar("SELECT seat_no FROM event_seats WHERE session_id = $1")
        .bind(session.id.0)
        .fetch_all(&mut **tx)
        .await?;
    let seats = i32::try_from(session.seats).unwrap_or(i32::MAX);
    for seat in (1..=seats).filter(|n| !taken.contains(n)) {
        let inserted = sqlx::query(
            "INSERT INTO event_seats (session_id, seats, seat_no, registration_id) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (session_id, seat_no) DO NOTHING",
        )
        .bind(session.id.0)
        .bind(seats)
        .bind(seat)
        .bind(registration)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Puts `registration` at the end of the session's line.
async fn join_line(tx: &mut Tx, session: SessionId, registration: i64) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO waiting_places (session_id, ticket, registration_id) \
         SELECT $1, COALESCE(MAX(ticket), 0) + 1, $2 FROM waiting_places WHERE session_id = $1",
    )
    .bind(session.0)
    .bind(registration)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(super) async fn set_status(
    tx: &mut Tx,
    id: i64,
    status: RegistrationStatus,
    offer_expires: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query("UPDATE registrations SET status = $1, offer_expires_at = $2, updated_at = $3 WHERE id = $4")
        .bind(status.code())
        .bind(offer_expires)
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Lets go of whatever the registration holds: its seat or its place in line.
pub(super) async fn release(tx: &mut Tx, id: i64) -> Result<(), StorageError> {
    for table in ["event_seats", "waiting_places"] {
        sqlx::query(AssertSqlSafe(format!("DELETE FROM {table} WHERE registration_id = $1")))
            .bind(id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn audit(
    tx: &mut Tx,
    actor: &Actor,
    action: &str,
    registration: &Registration,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let details = serde_json::json!({ "session": registration.session, "status": registration.status }).to_string();
    let entry = NewAuditEntry::new(action, "registration", registration.reference.as_str()).details(details);
    write_audit(tx, actor, &entry, now).await
}

impl Store {
    async fn registration_in(
        &self,
        tx: &mut Tx,
        reference: &RegistrationRef,
        session: SessionId,
    ) -> Result<Registration, StorageError> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "{REGISTRATION_SELECT} WHERE r.reference = $1 AND r.session_id = $2"
        )))
        .bind(reference.as_str())
        .bind(session.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StorageError::NotFound)?;
        registration_from_row(&row, self.data_keys())
    }

    pub(super) async fn registration_by_id(&self, tx: &mut Tx, id: i64) -> Result<Registration, StorageError> {
        let row = sqlx::query(AssertSqlSafe(format!("{REGISTRATION_SELECT} WHERE r.id = $1")))
            .bind(id)
            .fetch_one(&mut **tx)
            .await?;
        registration_from_row(&row, self.data_keys())
    }

    /// The registrations of one reference, by session start, inside a
    /// transaction or not.
    async fn reference_in<'e, E>(&self, executor: E, reference: &str) -> Result<Vec<Registration>, StorageError>
    where
        E: sqlx::Executor<'e, Database = super::Db>,
    {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{REGISTRATION_SELECT} WHERE r.reference = $1 ORDER BY s.starts_at, r.id"
        )))
        .bind(reference)
        .fetch_all(executor)
        .await?;
        rows.iter()
            .map(|r| registration_from_row(r, self.data_keys()))
            .collect()
    }

    /// Offers the seats nobody holds to the first in line, one by one, each
    /// held until the deadline of `rules`; none once the session started.
    /// The registrations offered a seat, in line order.
    async fn pass_seats(
        &self,
        tx: &mut Tx,
        session: SessionId,
        rules: SeatOfferRules,
        now: DateTime<Utc>,
    ) -> Result<Vec<Registration>, StorageError> {
        let mut offered = Vec::new();
        loop {
            let current = self.session_in(&mut **tx, session).await?;
            if current.start <= now || current.taken >= current.seats || current.waiting == 0 {
                return Ok(offered);
            }
            let first: i64 = sqlx::query_scalar(
                "SELECT registration_id FROM waiting_places WHERE session_id = $1 ORDER BY ticket LIMIT 1",
            )
            .bind(session.0)
            .fetch_one(&mut **tx)
            .await?;
            release(tx, first).await?;
            set_status(
                tx,
                first,
                RegistrationStatus::Offered,
                Some(rules.deadline(current.start, now)),
                now,
            )
            .await?;
            if !take_seat(tx, &current, first).await? {
                return Err(StorageError::Full);
            }
            offered.push(self.registration_by_id(tx, first).await?);
        }
    }

    /// Queues what `notices` says about `changed`, then about each offer.
    async fn tell(
        tx: &mut Tx,
        notices: Notices<'_>,
        changed: &Registration,
        offered: &[Registration],
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        queue(tx, &notices(std::slice::from_ref(changed)), now).await?;
        for offer in offered {
            queue(tx, &notices(std::slice::from_ref(offer)), now).await?;
        }
        Ok(())
    }
}

#[async_trait]
impl Events for Store {
    #[tracing::instrument(skip_all)]
    async fn create_event(&self, event: &NewEvent, actor: &Actor, now: DateTime<Utc>) -> Result<EventId, StorageError> {
        self.insert_event(event, actor, now).await
    }

    async fn event(&self, id: EventId) -> Result<Option<Event>, StorageError> {
        self.read_event(id).await
    }

    async fn upcoming_events(
        &self,
        filter: &EventFilter,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Event>, StorageError> {
        self.list_upcoming(filter, now, limit).await
    }

    #[tracing::instrument(skip_all, fields(sessions = registration.sessions.len()))]
    async fn register(
        &self,
        registration: &NewRegistration,
        key: Option<&IdempotencyKey>,
        notices: Notices<'_>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Registered, StorageError> {
        let mut tx = self.begin_write().await?;
        if let Some(key) = key
            && let Some(made) = claim_key::<String>(&mut tx, "registration_keys", "reference", key, now).await?
        {
            let previous = self.reference_in(&mut *tx, &made.ok_or(StorageError::Stale)?).await?;
            tx.commit().await?;
            return Ok(Registered::Replayed(previous));
        }
        // Sessions in one order, so that two series registrations cannot
        // each hold a lock the other waits for.
        let mut ids = registration.sessions.clone();
        ids.sort();
        ids.dedup();
        let mut sessions = Vec::with_capacity(ids.len());
        for id in ids {
            let session = lock_session(self, &mut tx, id).await?;
            session.open_at(now).map_err(|_| StorageError::Stale)?;
            sessions.push(session);
        }
        let person = &registration.person;
        let email = person.email.as_ref().map(|e| e.as_str().to_string());
        let phone = person.phone.as_ref().map(|p| p.as_str().to_string());
        if registration.one_per_person {
            for session in &sessions {
                let held: Option<String> = sqlx::query_scalar(AssertSqlSafe(format!(
                    "SELECT reference FROM registrations WHERE session_id = $1 AND status IN {ACTIVE} \
                     AND (email = $2 OR phone = $3) ORDER BY id LIMIT 1"
                )))
                .bind(session.id.0)
                .bind(&email)
                .bind(&phone)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some(held) = held {
                    // Nothing written, the idempotency key neither.
                    let existing = self.reference_in(&mut *tx, &held).await?;
                    tx.rollback().await?;
                    return Ok(Registered::Existing(existing));
                }
            }
        }
        // Health-related needs (art. 9) are sealed; none means no value.
        let sealed_needs = needs::seal(self.data_keys(), REGISTRATION_NEEDS, &registration.needs)?;
        for session in &sessions {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO registrations (reference, session_id, status, name, email, phone, lang, sms, \
                 needs_sealed, registered_by, created_at, updated_at) \
                 VALUES ($1, $2, 'waiting', $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
            )
            .bind(registration.reference.as_str())
            .bind(session.id.0)
            .bind(&person.name)
            .bind(&email)
            .bind(&phone)
            .bind(person.lang.code())
            .bind(person.sms)
            .bind(&sealed_needs)
            .bind(actor.user.map(|u| u.0))
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            // Nobody in line and a seat free: it is this person's.
            if session.waiting == 0 && take_seat(&mut tx, session, id).await? {
                set_status(&mut tx, id, RegistrationStatus::Confirmed, None, now).await?;
            } else {
                join_line(&mut tx, session.id, id).await?;
            }
        }
        if let Some(key) = key {
            sqlx::query("UPDATE registration_keys SET reference = $1 WHERE key = $2")
                .bind(registration.reference.as_str())
                .bind(&key.key)
                .execute(&mut *tx)
                .await?;
        }
        let made = self.reference_in(&mut *tx, registration.reference.as_str()).await?;
        queue(&mut tx, &notices(&made), now).await?;
        // People's own registrations are in their table already; what
        // operators do for others is logged.
        if actor.user.is_some() {
            for r in &made {
                audit(&mut tx, actor, "registration.create", r, now).await?;
            }
        }
        tx.commit().await?;
        Ok(Registered::New(made))
    }

    async fn idempotent_registration(&self, key: &IdempotencyKey) -> Result<Option<Vec<Registration>>, StorageError> {
        let row =
            sqlx::query("SELECT request_hash, reference FROM registration_keys WHERE key = $1 AND created_at >= $2")
                .bind(&key.key)
                .bind(key.not_before)
                .fetch_optional(self.pool())
                .await?;
        let Some(row) = row else { return Ok(None) };
        let hash: String = row.try_get("request_hash")?;
        if hash != key.request_hash {
            return Err(StorageError::KeyReused);
        }
        let Some(reference) = row.try_get::<Option<String>, _>("reference")? else {
            return Ok(None);
        };
        let Some(reference) = RegistrationRef::parse(&reference) else {
            return Ok(None);
        };
        Ok(Some(self.registrations(&reference).await?))
    }

    async fn registrations(&self, reference: &RegistrationRef) -> Result<Vec<Registration>, StorageError> {
        self.reference_in(self.pool(), reference.as_str()).await
    }

    async fn registrations_of(
        &self,
        email: Option<&Email>,
        phone: Option<&Phone>,
        limit: u32,
    ) -> Result<Vec<Registration>, StorageError> {
        if email.is_none() && phone.is_none() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{REGISTRATION_SELECT} WHERE r.email = $1 OR r.phone = $2 ORDER BY r.id DESC LIMIT $3"
        )))
        .bind(email.map(Email::as_str))
        .bind(phone.map(Phone::as_str))
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| registration_from_row(r, self.data_keys()))
            .collect()
    }

    async fn session_registrations(&self, session: SessionId) -> Result<Vec<Registration>, StorageError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{REGISTRATION_SELECT} WHERE r.session_id = $1 ORDER BY r.id"
        )))
        .bind(session.0)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| registration_from_row(r, self.data_keys()))
            .collect()
    }

    #[tracing::instrument(skip_all)]
    async fn cancel_registration(
        &self,
        reference: &RegistrationRef,
        session: SessionId,
        rules: SeatOfferRules,
        notices: Notices<'_>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Registration, StorageError> {
        let mut tx = self.begin_write().await?;
        let current = lock_session(self, &mut tx, session).await?;
        let registration = self.registration_in(&mut tx, reference, session).await?;
        if !registration.status.is_active() || current.start <= now {
            return Err(StorageError::Stale);
        }
        release(&mut tx, registration.id).await?;
        set_status(&mut tx, registration.id, RegistrationStatus::Cancelled, None, now).await?;
        let offered = self.pass_seats(&mut tx, session, rules, now).await?;
        let cancelled = self.registration_by_id(&mut tx, registration.id).await?;
        Store::tell(&mut tx, notices, &cancelled, &offered, now).await?;
        audit(&mut tx, actor, "registration.cancel", &cancelled, now).await?;
        tx.commit().await?;
        Ok(cancelled)
    }

    #[tracing::instrument(skip_all)]
    async fn confirm_offer(
        &self,
        reference: &RegistrationRef,
        session: SessionId,
        notices: Notices<'_>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Registration, StorageError> {
        let mut tx = self.begin_write().await?;
        lock_session(self, &mut tx, session).await?;
        let registration = self.registration_in(&mut tx, reference, session).await?;
        if registration.status != RegistrationStatus::Offered || registration.offer_expires.is_none_or(|d| d <= now) {
            return Err(StorageError::Stale);
        }
        set_status(&mut tx, registration.id, RegistrationStatus::Confirmed, None, now).await?;
        let confirmed = self.registration_by_id(&mut tx, registration.id).await?;
        Store::tell(&mut tx, notices, &confirmed, &[], now).await?;
        if actor.user.is_some() {
            audit(&mut tx, actor, "registration.confirm", &confirmed, now).await?;
        }
        tx.commit().await?;
        Ok(confirmed)
    }

    async fn due_lapses(&self, now: DateTime<Utc>, limit: u32) -> Result<Vec<Registration>, StorageError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{REGISTRATION_SELECT} WHERE r.status = 'offered' AND r.offer_expires_at <= $1 \
             ORDER BY r.offer_expires_at, r.id LIMIT $2"
        )))
        .bind(now)
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| registration_from_row(r, self.data_keys()))
            .collect()
    }

    #[tracing::instrument(skip_all)]
    async fn lapse_offer(
        &self,
        reference: &RegistrationRef,
        session: SessionId,
        rules: SeatOfferRules,
        notices: Notices<'_>,
        now: DateTime<Utc>,
    ) -> Result<Registration, StorageError> {
        let mut tx = self.begin_write().await?;
        lock_session(self, &mut tx, session).await?;
        let registration = self.registration_in(&mut tx, reference, session).await?;
        if registration.status != RegistrationStatus::Offered || registration.offer_expires.is_none_or(|d| d > now) {
            return Err(StorageError::Stale);
        }
        release(&mut tx, registration.id).await?;
        set_status(&mut tx, registration.id, RegistrationStatus::Lapsed, None, now).await?;
        let offered = self.pass_seats(&mut tx, session, rules, now).await?;
        let lapsed = self.registration_by_id(&mut tx, registration.id).await?;
        Store::tell(&mut tx, notices, &lapsed, &offered, now).await?;
        tx.commit().await?;
        Ok(lapsed)
    }

    async fn due_registration_reminders(
        &self,
        minutes_before: u32,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Registration>, StorageError> {
        self.due_reminders_of_registrations(minutes_before, now, limit).await
    }

    async fn record_registration_reminder(
        &self,
        registration: &Registration,
        minutes_before: u32,
        notice: &Notification,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError> {
        self.record_reminder_of_registration(registration, minutes_before, notice, now)
            .await
    }

    async fn purge_registration_keys(&self, before: DateTime<Utc>) -> Result<u64, StorageError> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query("DELETE FROM registration_keys WHERE created_at < $1")
            .bind(before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(done)
    }
}
