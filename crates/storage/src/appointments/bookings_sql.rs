//! [`Bookings`] for both backends, written once (compiled per backend,
//! like every feature's SQL: see `crate::sqlite`); the services themselves are
//! in `services_sql.rs`, the places of slots in `seats_sql.rs`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::vocab::{SpokenLanguage, Vocabulary};
use sportello_domain::{
    Actor, Booking, BookingId, BookingRef, BookingStatus, CentreId, CodiceFiscale, Email, Lang, Modality, Needs,
    NewAuditEntry, Notification, OutreachPointId, Person, Phone, ServiceId, UserId,
};
use sqlx::{AssertSqlSafe, Row};

use super::Store;
use super::Tx;
use super::audit::write_audit;
use super::holders::{held_booking, lock_holder};
use super::outbox::enqueue_mail;
use super::rows::{DbRow, invalid};
use super::seats::{free_seat, service_capacity, take_seat};
use super::sms::enqueue_sms;
use crate::appointments::needs;
use crate::sealed::{self, BOOKING_NEEDS};
use crate::{Booked, Bookings, IdempotencyKey, NewBooking, StorageError, TakenSeats};
use sportello_auth::DataKeys;

const BOOKING_SELECT: &str = "SELECT id, reference, centre_id, service_id, point_id, modality, starts_at, ends_at, \
    status, name, \
    email, phone, codice_fiscale, lang, sms, interpreter, wheelchair, sign_language, other_needs, needs_sealed, \
    video_url, sequence, booked_by, created_at, updated_at FROM bookings";

fn booking_from_row(row: &DbRow, keys: Option<&DataKeys>) -> Result<Booking, StorageError> {
    let text = |c: &str| -> Result<String, StorageError> { Ok(row.try_get::<String, _>(c)?) };
    let optional = |c: &str| -> Result<Option<String>, StorageError> { Ok(row.try_get::<Option<String>, _>(c)?) };
    let reference = text("reference")?;
    let modality = text("modality")?;
    let status = text("status")?;
    let lang = text("lang")?;
    let email = optional("email")?
        .map(|e| Email::parse(&e).map_err(|_| invalid("email", &e)))
        .transpose()?;
    let phone = optional("phone")?
        .map(|p| Phone::parse(&p).map_err(|_| invalid("phone", &p)))
        .transpose()?;
    let codice_fiscale = optional("codice_fiscale")?
        .map(|c| CodiceFiscale::parse(&c).map_err(|_| invalid("codice_fiscale", &c)))
        .transpose()?;
    let needs = match optional("needs_sealed")? {
        Some(stored) => needs::from_json(&sealed::open(keys, BOOKING_NEEDS, stored)?)?,
        // Stored before encryption (`serve` seals these when it starts).
        None => Needs {
            interpreter: optional("interpreter")?
                .map(|c| SpokenLanguage::parse(&c).ok_or_else(|| invalid("interpreter", &c)))
                .transpose()?,
            wheelchair: row.try_get("wheelchair")?,
            sign_language: row.try_get("sign_language")?,
            other: text("other_needs")?,
        },
    };
    let sequence: i32 = row.try_get("sequence")?;
    Ok(Booking {
        id: BookingId(row.try_get("id")?),
        reference: BookingRef::parse(&reference).ok_or_else(|| invalid("reference", &reference))?,
        centre: CentreId(row.try_get("centre_id")?),
        service: ServiceId(row.try_get("service_id")?),
        point: row.try_get::<Option<i64>, _>("point_id")?.map(OutreachPointId),
        modality: Modality::parse(&modality).ok_or_else(|| invalid("modality", &modality))?,
        start: row.try_get("starts_at")?,
        end: row.try_get("ends_at")?,
        status: BookingStatus::parse(&status).ok_or_else(|| invalid("status", &status))?,
        person: Person {
            name: text("name")?,
            email,
            phone,
            codice_fiscale,
            lang: Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?,
            sms: row.try_get("sms")?,
        },
        needs,
        video_url: optional("video_url")?,
        sequence: u32::try_from(sequence).unwrap_or_default(),
        booked_by: row.try_get::<Option<i64>, _>("booked_by")?.map(UserId),
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// Appends an audit row for changes made by operators, and for citizens'
/// moves and cancellations (made with a link someone may have forwarded);
/// citizens' own new bookings are not logged (they are in the bookings
/// table already).
async fn audit(
    tx: &mut Tx,
    actor: &Actor,
    action: &str,
    booking: &Booking,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    if actor.user.is_none() && action == "booking.create" {
        return Ok(());
    }
    let details = serde_json::json!({ "start": booking.start, "service": booking.service }).to_string();
    let entry = NewAuditEntry::new(action, "booking", booking.reference.as_str())
        .centre(booking.centre)
        .details(details);
    write_audit(tx, actor, &entry, now).await
}

/// Claims an idempotency key in `table` (`key`, `request_hash`,
/// `created_at` and the `made` column naming what the key made), first
/// forgetting it if older than its window: `None` when the key is new (its
/// row is now this transaction's), `Some(made)` when it came before with the
/// same request (`made` still `None` if that request made nothing), and
/// [`StorageError::KeyReused`] when it came with another. A concurrent
/// request with the same key waits on PostgreSQL until the first commits
/// (then finds its row) or rolls back.
pub(super) async fn claim_key<T>(
    tx: &mut Tx,
    table: &str,
    made: &str,
    key: &IdempotencyKey,
    now: DateTime<Utc>,
) -> Result<Option<Option<T>>, StorageError>
where
    T: for<'r> sqlx::Decode<'r, super::Db> + sqlx::Type<super::Db> + Send + Unpin,
{
    sqlx::query(AssertSqlSafe(format!(
        "DELETE FROM {table} WHERE key = $1 AND created_at < $2"
    )))
    .bind(&key.key)
    .bind(key.not_before)
    .execute(&mut **tx)
    .await?;
    let fresh = sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO {table} (key, request_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING"
    )))
    .bind(&key.key)
    .bind(&key.request_hash)
    .bind(now)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if fresh == 1 {
        return Ok(None);
    }
    let row = sqlx::query(AssertSqlSafe(format!(
        "SELECT request_hash, {made} FROM {table} WHERE key = $1"
    )))
    .bind(&key.key)
    .fetch_one(&mut **tx)
    .await?;
    let hash: String = row.try_get("request_hash")?;
    if hash != key.request_hash {
        return Err(StorageError::KeyReused);
    }
    Ok(Some(row.try_get::<Option<T>, _>(made)?))
}

/// Records in `table` (a reminders table keyed by `owner` and
/// `minutes_before`) that the reminder `minutes_before` of `id` is sent,
/// and queues `notice` with it; `false`, and nothing queued, when a node
/// recorded it already.
pub(super) async fn record_once(
    tx: &mut Tx,
    (table, owner): (&str, &str),
    id: i64,
    minutes_before: u32,
    notice: &Notification,
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    let recorded = sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO {table} ({owner}, minutes_before, sent_at) VALUES ($1, $2, $3) \
         ON CONFLICT ({owner}, minutes_before) DO NOTHING"
    )))
    .bind(id)
    .bind(i32::try_from(minutes_before).unwrap_or(i32::MAX))
    .bind(now)
    .execute(&mut **tx)
    .await?
    .rows_affected()
        == 1;
    if recorded {
        queue(tx, notice, now).await?;
    }
    Ok(recorded)
}

pub(super) async fn queue(tx: &mut Tx, notice: &Notification, now: DateTime<Utc>) -> Result<(), StorageError> {
    if let Some(mail) = &notice.mail {
        enqueue_mail(tx, mail, now).await?;
    }
    if let Some(sms) = &notice.sms {
        enqueue_sms(tx, sms, now).await?;
    }
    Ok(())
}

impl Store {
    async fn booking_in(&self, tx: &mut Tx, reference: &BookingRef) -> Result<Booking, StorageError> {
        let lock = if Store::BACKEND == "postgres" {
            " FOR UPDATE"
        } else {
            ""
        };
        let row = sqlx::query(AssertSqlSafe(format!("{BOOKING_SELECT} WHERE reference = $1{lock}")))
            .bind(reference.as_str())
            .fetch_optional(&mut **tx)
            .await?
            .ok_or(StorageError::NotFound)?;
        booking_from_row(&row, self.data_keys())
    }

    async fn booking_by_id(&self, tx: &mut Tx, id: i64) -> Result<Booking, StorageError> {
        let row = sqlx::query(AssertSqlSafe(format!("{BOOKING_SELECT} WHERE id = $1")))
            .bind(id)
            .fetch_one(&mut **tx)
            .await?;
        booking_from_row(&row, self.data_keys())
    }
}

#[async_trait]
impl Bookings for Store {
    async fn taken_seats(
        &self,
        service: ServiceId,
        point: Option<OutreachPointId>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<TakenSeats, StorageError> {
        self.seats_taken(service, point, from, to).await
    }

    #[tracing::instrument(skip_all, fields(service = booking.request.service.0))]
    async fn book(
        &self,
        booking: &NewBooking,
        key: Option<&IdempotencyKey>,
        notice: &Notification,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Booked, StorageError> {
        let mut tx = self.begin_write().await?;
        if let Some(key) = key
            && let Some(made) = claim_key::<i64>(&mut tx, "idempotency_keys", "booking_id", key, now).await?
        {
            let previous = self.booking_by_id(&mut tx, made.ok_or(StorageError::Stale)?).await?;
            tx.commit().await?;
            return Ok(Booked::Replayed(previous));
        }
        let request = &booking.request;
        if booking.one_per_person {
            lock_holder(&mut tx, request.service, &request.person).await?;
            if let Some(id) = held_booking(&mut tx, request.service, &request.person, now).await? {
                // Nothing written, the idempotency key neither.
                let held = self.booking_by_id(&mut tx, id).await?;
                tx.rollback().await?;
                return Ok(Booked::Existing(held));
            }
        }
        // Health-related needs (art. 9) are sealed; none means no value.
        let sealed_needs = needs::seal(self.data_keys(), BOOKING_NEEDS, &request.needs)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO bookings (reference, centre_id, service_id, modality, starts_at, ends_at, status, name, \
             email, phone, codice_fiscale, lang, sms, needs_sealed, video_url, booked_by, created_at, updated_at, \
             point_id) \
             SELECT $1, centre_id, id, $2, $3, $4, 'booked', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $16 \
             FROM services WHERE id = $15 RETURNING id",
        )
        .bind(booking.reference.as_str())
        .bind(request.modality.code())
        .bind(request.start)
        .bind(booking.end)
        .bind(&request.person.name)
        .bind(request.person.email.as_ref().map(|e| e.as_str().to_string()))
        .bind(request.person.phone.as_ref().map(|p| p.as_str().to_string()))
        .bind(request.person.codice_fiscale.as_ref().map(|c| c.as_str().to_string()))
        .bind(request.person.lang.code())
        .bind(request.person.sms)
        .bind(sealed_needs)
        .bind(booking.video_url.as_deref())
        .bind(actor.user.map(|u| u.0))
        .bind(now)
        .bind(request.service.0)
        .bind(booking.point.map(|p| p.0))
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StorageError::NotFound)?;
        if !take_seat(&mut tx, request.service, booking.point, request.start, booking.end, id).await? {
            return Err(StorageError::Full);
        }
        if let Some(key) = key {
            sqlx::query("UPDATE idempotency_keys SET booking_id = $1 WHERE key = $2")
                .bind(id)
                .bind(&key.key)
                .execute(&mut *tx)
                .await?;
        }
        queue(&mut tx, notice, now).await?;
        let stored = self.booking_by_id(&mut tx, id).await?;
        audit(&mut tx, actor, "booking.create", &stored, now).await?;
        tx.commit().await?;
        Ok(Booked::New(stored))
    }

    async fn idempotent_booking(&self, key: &IdempotencyKey) -> Result<Option<Booking>, StorageError> {
        let row =
            sqlx::query("SELECT request_hash, booking_id FROM idempotency_keys WHERE key = $1 AND created_at >= $2")
                .bind(&key.key)
                .bind(key.not_before)
                .fetch_optional(self.pool())
                .await?;
        let Some(row) = row else { return Ok(None) };
        let hash: String = row.try_get("request_hash")?;
        if hash != key.request_hash {
            return Err(StorageError::KeyReused);
        }
        let Some(id) = row.try_get::<Option<i64>, _>("booking_id")? else {
            return Ok(None);
        };
        let row = sqlx::query(AssertSqlSafe(format!("{BOOKING_SELECT} WHERE id = $1")))
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(|r| booking_from_row(r, self.data_keys())).transpose()
    }

    async fn booking(&self, reference: &BookingRef) -> Result<Option<Booking>, StorageError> {
        let row = sqlx::query(AssertSqlSafe(format!("{BOOKING_SELECT} WHERE reference = $1")))
            .bind(reference.as_str())
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(|r| booking_from_row(r, self.data_keys())).transpose()
    }

    async fn bookings_of(
        &self,
        email: Option<&Email>,
        phone: Option<&Phone>,
        limit: u32,
    ) -> Result<Vec<Booking>, StorageError> {
        if email.is_none() && phone.is_none() {
            return Ok(Vec::new());
        }
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{BOOKING_SELECT} WHERE email = $1 OR phone = $2 ORDER BY starts_at DESC, id DESC LIMIT $3"
        )))
        .bind(email.map(Email::as_str))
        .bind(phone.map(Phone::as_str))
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(|r| booking_from_row(r, self.data_keys())).collect()
    }

    #[tracing::instrument(skip_all)]
    async fn move_booking(
        &self,
        reference: &BookingRef,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        notice: &Notification,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Booking, StorageError> {
        let mut tx = self.begin_write().await?;
        let current = self.booking_in(&mut tx, reference).await?;
        if current.status != BookingStatus::Booked || current.start <= now {
            return Err(StorageError::Stale);
        }
        // The service first, as a new booking does: no lock-order deadlock
        // with a capacity change.
        service_capacity(&mut tx, current.service).await?;
        free_seat(&mut tx, current.id.0).await?;
        // Reminders start again for the new time.
        sqlx::query("DELETE FROM booking_reminders WHERE booking_id = $1")
            .bind(current.id.0)
            .execute(&mut *tx)
            .await?;
        if !take_seat(&mut tx, current.service, current.point, start, end, current.id.0).await? {
            return Err(StorageError::Full);
        }
        sqlx::query(
            "UPDATE bookings SET starts_at = $1, ends_at = $2, sequence = sequence + 1, updated_at = $3 WHERE id = $4",
        )
        .bind(start)
        .bind(end)
        .bind(now)
        .bind(current.id.0)
        .execute(&mut *tx)
        .await?;
        queue(&mut tx, notice, now).await?;
        let moved = self.booking_by_id(&mut tx, current.id.0).await?;
        audit(&mut tx, actor, "booking.move", &moved, now).await?;
        tx.commit().await?;
        Ok(moved)
    }

    #[tracing::instrument(skip_all)]
    async fn resend_link(
        &self,
        reference: &BookingRef,
        notice: &Notification,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Booking, StorageError> {
        let mut tx = self.begin_write().await?;
        let current = self.booking_in(&mut tx, reference).await?;
        if current.status != BookingStatus::Booked || current.start <= now {
            return Err(StorageError::Stale);
        }
        queue(&mut tx, notice, now).await?;
        audit(&mut tx, actor, "booking.link_resent", &current, now).await?;
        tx.commit().await?;
        Ok(current)
    }

    #[tracing::instrument(skip_all)]
    async fn cancel_booking(
        &self,
        reference: &BookingRef,
        notice: &Notification,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Booking, StorageError> {
        let mut tx = self.begin_write().await?;
        let current = self.booking_in(&mut tx, reference).await?;
        if current.status != BookingStatus::Booked || current.start <= now {
            return Err(StorageError::Stale);
        }
        free_seat(&mut tx, current.id.0).await?;
        sqlx::query("UPDATE bookings SET status = 'cancelled', sequence = sequence + 1, updated_at = $1 WHERE id = $2")
            .bind(now)
            .bind(current.id.0)
            .execute(&mut *tx)
            .await?;
        queue(&mut tx, notice, now).await?;
        let cancelled = self.booking_by_id(&mut tx, current.id.0).await?;
        audit(&mut tx, actor, "booking.cancel", &cancelled, now).await?;
        tx.commit().await?;
        Ok(cancelled)
    }

    #[tracing::instrument(skip_all)]
    async fn mark_booking(
        &self,
        reference: &BookingRef,
        status: BookingStatus,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Booking, StorageError> {
        if !matches!(
            status,
            BookingStatus::Attended | BookingStatus::NoShow | BookingStatus::Booked
        ) {
            return Err(StorageError::Invalid(
                "a booking is marked attended or not shown".into(),
            ));
        }
        let mut tx = self.begin_write().await?;
        let current = self.booking_in(&mut tx, reference).await?;
        if current.status == BookingStatus::Cancelled || current.start > now {
            return Err(StorageError::Stale);
        }
        sqlx::query("UPDATE bookings SET status = $1, updated_at = $2 WHERE id = $3")
            .bind(status.code())
            .bind(now)
            .bind(current.id.0)
            .execute(&mut *tx)
            .await?;
        let marked = self.booking_by_id(&mut tx, current.id.0).await?;
        audit(&mut tx, actor, &format!("booking.{}", status.code()), &marked, now).await?;
        tx.commit().await?;
        Ok(marked)
    }

    async fn centre_bookings(
        &self,
        centre: CentreId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Booking>, StorageError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{BOOKING_SELECT} WHERE centre_id = $1 AND starts_at >= $2 AND starts_at < $3 ORDER BY starts_at, id"
        )))
        .bind(centre.0)
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(|r| booking_from_row(r, self.data_keys())).collect()
    }

    async fn due_reminders(
        &self,
        minutes_before: u32,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Booking>, StorageError> {
        let horizon = now + chrono::Duration::minutes(i64::from(minutes_before));
        // A reminder closer to the start (sent or skipped) makes this one moot.
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{BOOKING_SELECT} WHERE status = 'booked' AND (email IS NOT NULL OR sms) AND starts_at > $1 AND starts_at <= $2 \
             AND NOT EXISTS (SELECT 1 FROM booking_reminders r WHERE r.booking_id = bookings.id \
             AND r.minutes_before <= $3) ORDER BY starts_at LIMIT $4"
        )))
        .bind(now)
        .bind(horizon)
        .bind(minutes_before as i32)
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(|r| booking_from_row(r, self.data_keys())).collect()
    }

    async fn record_reminder(
        &self,
        booking: &Booking,
        minutes_before: u32,
        notice: &Notification,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        // Still booked at the time the reminder was written for (not cancelled
        // or moved since it was read)?
        let lock = if Store::BACKEND == "postgres" { " FOR SHARE" } else { "" };
        let unchanged = sqlx::query(AssertSqlSafe(format!(
            "SELECT id FROM bookings WHERE id = $1 AND status = 'booked' AND starts_at = $2{lock}"
        )))
        .bind(booking.id.0)
        .bind(booking.start)
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
        if !unchanged {
            return Ok(false);
        }
        let recorded = record_once(
            &mut tx,
            ("booking_reminders", "booking_id"),
            booking.id.0,
            minutes_before,
            notice,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(recorded)
    }

    async fn purge_idempotency_keys(&self, before: DateTime<Utc>) -> Result<u64, StorageError> {
        let mut tx = self.begin_write().await?;
        let purged = sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
            .bind(before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(purged)
    }
}
