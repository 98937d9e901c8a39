//! [`Appointments`] for both backends, written once (compiled per backend
//! like `shared.rs`). Taking a place: the slot's row is created on first use
//! with the service's capacity, then the lowest free seat number is inserted
//! with `ON CONFLICT DO NOTHING`, trying the next number when another
//! transaction took it first; the schema refuses any number beyond the slot's
//! capacity, so two bookings can never share a place.

use std::collections::BTreeMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::holidays::PatronDay;
use sportello_domain::vocab::{SpokenLanguage, Vocabulary};
use sportello_domain::{
    Actor, Booking, BookingId, BookingRef, BookingStatus, CentreId, CodiceFiscale, Email, Lang, Modality, Needs,
    NewAuditEntry, NewService, OutgoingMail, Person, Phone, Service, ServiceId, ServiceKind, ServiceText, UserId,
};
use sqlx::{AssertSqlSafe, Row};

use super::audit_sql::write_audit;
use super::outbox_sql::enqueue_mail;
use super::rows::{DbRow, invalid};
use super::shared::Tx;
use super::{Db, Store};
use crate::{Appointments, Booked, IdempotencyKey, NewBooking, StorageError, TakenSeats};

const SERVICE_SELECT: &str = "SELECT id, centre_id, kind, duration_minutes, in_office, by_phone, by_video, capacity, \
    min_notice_minutes, max_days_ahead, active, version FROM services";

const BOOKING_SELECT: &str = "SELECT id, reference, centre_id, service_id, modality, starts_at, ends_at, status, name, \
    email, phone, codice_fiscale, lang, interpreter, wheelchair, sign_language, other_needs, video_url, sequence, \
    booked_by, created_at, updated_at FROM bookings";

fn service_from_row(row: &DbRow, texts: Vec<ServiceText>) -> Result<Service, StorageError> {
    let kind: String = row.try_get("kind")?;
    let number = |c: &str| -> Result<u32, StorageError> {
        let n: i32 = row.try_get(c)?;
        u32::try_from(n).map_err(|_| invalid(c, &n.to_string()))
    };
    let modalities = [
        ("in_office", Modality::InOffice),
        ("by_phone", Modality::Phone),
        ("by_video", Modality::Video),
    ]
    .into_iter()
    .filter_map(|(column, m)| match row.try_get::<bool, _>(column) {
        Ok(true) => Some(Ok(m)),
        Ok(false) => None,
        Err(e) => Some(Err(e)),
    })
    .collect::<Result<Vec<_>, _>>()?;
    Ok(Service {
        id: ServiceId(row.try_get("id")?),
        data: NewService {
            centre: CentreId(row.try_get("centre_id")?),
            kind: ServiceKind::parse(&kind).ok_or_else(|| invalid("kind", &kind))?,
            duration_minutes: number("duration_minutes")?,
            modalities,
            capacity: number("capacity")?,
            min_notice_minutes: number("min_notice_minutes")?,
            max_days_ahead: number("max_days_ahead")?,
            active: row.try_get("active")?,
            texts,
        },
        version: row.try_get("version")?,
    })
}

fn booking_from_row(row: &DbRow) -> Result<Booking, StorageError> {
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
    let interpreter = optional("interpreter")?
        .map(|c| SpokenLanguage::parse(&c).ok_or_else(|| invalid("interpreter", &c)))
        .transpose()?;
    let sequence: i32 = row.try_get("sequence")?;
    Ok(Booking {
        id: BookingId(row.try_get("id")?),
        reference: BookingRef::parse(&reference).ok_or_else(|| invalid("reference", &reference))?,
        centre: CentreId(row.try_get("centre_id")?),
        service: ServiceId(row.try_get("service_id")?),
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
        },
        needs: Needs {
            interpreter,
            wheelchair: row.try_get("wheelchair")?,
            sign_language: row.try_get("sign_language")?,
            other: text("other_needs")?,
        },
        video_url: optional("video_url")?,
        sequence: u32::try_from(sequence).unwrap_or_default(),
        booked_by: row.try_get::<Option<i64>, _>("booked_by")?.map(UserId),
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// Appends an audit row for changes made by operators; citizens' own
/// bookings are not logged (they are in the bookings table already).
async fn audit(
    tx: &mut Tx,
    actor: &Actor,
    action: &str,
    booking: &Booking,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    if actor.user.is_none() {
        return Ok(());
    }
    let details = serde_json::json!({ "start": booking.start, "service": booking.service }).to_string();
    let entry = NewAuditEntry::new(action, "booking", booking.reference.as_str())
        .centre(booking.centre)
        .details(details);
    write_audit(tx, actor, &entry, now).await
}

/// Takes the lowest free place of the slot of `service` starting at `start`
/// for `booking`; `false` when the slot is full.
async fn take_seat(
    tx: &mut Tx,
    service: ServiceId,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    booking: i64,
) -> Result<bool, StorageError> {
    let capacity: i32 = sqlx::query_scalar("SELECT capacity FROM services WHERE id = $1")
        .bind(service.0)
        .fetch_one(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO slots (service_id, starts_at, ends_at, capacity) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (service_id, starts_at) DO NOTHING",
    )
    .bind(service.0)
    .bind(start)
    .bind(end)
    .bind(capacity)
    .execute(&mut **tx)
    .await?;
    let slot = sqlx::query("SELECT id, capacity FROM slots WHERE service_id = $1 AND starts_at = $2")
        .bind(service.0)
        .bind(start)
        .fetch_one(&mut **tx)
        .await?;
    let (slot, capacity): (i64, i32) = (slot.try_get("id")?, slot.try_get("capacity")?);
    let taken: Vec<i32> = sqlx::query_scalar("SELECT seat_no FROM seats WHERE slot_id = $1")
        .bind(slot)
        .fetch_all(&mut **tx)
        .await?;
    for seat in (1..=capacity).filter(|n| !taken.contains(n)) {
        let inserted = sqlx::query(
            "INSERT INTO seats (slot_id, capacity, seat_no, booking_id) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (slot_id, seat_no) DO NOTHING",
        )
        .bind(slot)
        .bind(capacity)
        .bind(seat)
        .bind(booking)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(true);
        }
    }
    Ok(false)
}

async fn queue(tx: &mut Tx, mail: Option<&OutgoingMail>, now: DateTime<Utc>) -> Result<(), StorageError> {
    if let Some(mail) = mail {
        enqueue_mail(tx, mail, now).await?;
    }
    Ok(())
}

impl Store {
    async fn service_texts(&self, ids: &[i64]) -> Result<BTreeMap<i64, Vec<ServiceText>>, StorageError> {
        let mut texts: BTreeMap<i64, Vec<ServiceText>> = BTreeMap::new();
        if ids.is_empty() {
            return Ok(texts);
        }
        let mut q = sqlx::QueryBuilder::<Db>::new(
            "SELECT service_id, lang, name, description FROM service_texts WHERE service_id IN (",
        );
        let mut list = q.separated(", ");
        for id in ids {
            list.push_bind(*id);
        }
        q.push(")");
        for row in q.build().fetch_all(self.pool()).await? {
            let lang: String = row.try_get("lang")?;
            let lang = Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?;
            texts.entry(row.try_get("service_id")?).or_default().push(ServiceText {
                lang,
                name: row.try_get("name")?,
                description: row.try_get("description")?,
            });
        }
        for list in texts.values_mut() {
            list.sort_by_key(|t| t.lang.index());
        }
        Ok(texts)
    }

    async fn services_where(&self, column: &str, id: i64) -> Result<Vec<Service>, StorageError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{SERVICE_SELECT} WHERE {column} = $1 ORDER BY id"
        )))
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        let ids: Vec<i64> = rows.iter().map(|r| r.try_get("id")).collect::<Result<_, _>>()?;
        let mut texts = self.service_texts(&ids).await?;
        rows.iter()
            .map(|row| {
                let id: i64 = row.try_get("id")?;
                service_from_row(row, texts.remove(&id).unwrap_or_default())
            })
            .collect()
    }

    async fn booking_in(tx: &mut Tx, reference: &BookingRef) -> Result<Booking, StorageError> {
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
        booking_from_row(&row)
    }

    async fn booking_by_id(tx: &mut Tx, id: i64) -> Result<Booking, StorageError> {
        let row = sqlx::query(AssertSqlSafe(format!("{BOOKING_SELECT} WHERE id = $1")))
            .bind(id)
            .fetch_one(&mut **tx)
            .await?;
        booking_from_row(&row)
    }
}

async fn write_service_texts(tx: &mut Tx, id: i64, service: &NewService) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM service_texts WHERE service_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    for text in &service.texts {
        sqlx::query("INSERT INTO service_texts (service_id, lang, name, description) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(text.lang.code())
            .bind(&text.name)
            .bind(&text.description)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

fn service_audit(action: &str, id: i64, service: &NewService) -> NewAuditEntry {
    let details = serde_json::json!({
        "kind": service.kind.code(),
        "duration_minutes": service.duration_minutes,
        "capacity": service.capacity,
        "active": service.active,
    })
    .to_string();
    NewAuditEntry::new(action, "service", &id.to_string())
        .centre(service.centre)
        .details(details)
}

#[async_trait]
impl Appointments for Store {
    async fn services(&self, centre: CentreId) -> Result<Vec<Service>, StorageError> {
        self.services_where("centre_id", centre.0).await
    }

    async fn service(&self, id: ServiceId) -> Result<Option<Service>, StorageError> {
        Ok(self.services_where("id", id.0).await?.pop())
    }

    #[tracing::instrument(skip_all)]
    async fn insert_service(
        &self,
        service: &NewService,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Service, StorageError> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO services (centre_id, kind, duration_minutes, in_office, by_phone, by_video, capacity, \
             min_notice_minutes, max_days_ahead, active) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(service.centre.0)
        .bind(service.kind.code())
        .bind(service.duration_minutes as i32)
        .bind(service.offers(Modality::InOffice))
        .bind(service.offers(Modality::Phone))
        .bind(service.offers(Modality::Video))
        .bind(service.capacity as i32)
        .bind(service.min_notice_minutes as i32)
        .bind(service.max_days_ahead as i32)
        .bind(service.active)
        .fetch_one(&mut *tx)
        .await?;
        write_service_texts(&mut tx, id, service).await?;
        write_audit(&mut tx, actor, &service_audit("service.create", id, service), now).await?;
        tx.commit().await?;
        self.service(ServiceId(id)).await?.ok_or(StorageError::NotFound)
    }

    #[tracing::instrument(skip_all, fields(id = id.0))]
    async fn update_service(
        &self,
        id: ServiceId,
        version: i64,
        service: &NewService,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Service, StorageError> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE services SET kind = $1, duration_minutes = $2, in_office = $3, by_phone = $4, by_video = $5, \
             capacity = $6, min_notice_minutes = $7, max_days_ahead = $8, active = $9, version = version + 1 \
             WHERE id = $10 AND version = $11 AND centre_id = $12",
        )
        .bind(service.kind.code())
        .bind(service.duration_minutes as i32)
        .bind(service.offers(Modality::InOffice))
        .bind(service.offers(Modality::Phone))
        .bind(service.offers(Modality::Video))
        .bind(service.capacity as i32)
        .bind(service.min_notice_minutes as i32)
        .bind(service.max_days_ahead as i32)
        .bind(service.active)
        .bind(id.0)
        .bind(version)
        .bind(service.centre.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed != 1 {
            return Err(StorageError::Stale);
        }
        // Future slots take the new capacity; the seats follow through their
        // foreign key, and their check refuses a capacity below a taken seat.
        sqlx::query("UPDATE slots SET capacity = $1 WHERE service_id = $2 AND starts_at > $3")
            .bind(service.capacity as i32)
            .bind(id.0)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(|e| match StorageError::from(e) {
                StorageError::Invalid(_) | StorageError::Conflict(_) => StorageError::Full,
                other => other,
            })?;
        write_service_texts(&mut tx, id.0, service).await?;
        write_audit(&mut tx, actor, &service_audit("service.update", id.0, service), now).await?;
        tx.commit().await?;
        self.service(id).await?.ok_or(StorageError::NotFound)
    }

    async fn access_rules(&self, centre: CentreId) -> Result<BTreeMap<Lang, String>, StorageError> {
        let rows = sqlx::query("SELECT lang, body FROM centre_access_rules WHERE centre_id = $1")
            .bind(centre.0)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| {
                let lang: String = row.try_get("lang")?;
                let lang = Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?;
                Ok((lang, row.try_get("body")?))
            })
            .collect()
    }

    #[tracing::instrument(skip_all, fields(centre = centre.0))]
    async fn set_access_rules(
        &self,
        centre: CentreId,
        rules: &BTreeMap<Lang, String>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM centre_access_rules WHERE centre_id = $1")
            .bind(centre.0)
            .execute(&mut *tx)
            .await?;
        for (lang, body) in rules.iter().filter(|(_, body)| !body.trim().is_empty()) {
            sqlx::query("INSERT INTO centre_access_rules (centre_id, lang, body) VALUES ($1, $2, $3)")
                .bind(centre.0)
                .bind(lang.code())
                .bind(body.trim())
                .execute(&mut *tx)
                .await?;
        }
        let entry = NewAuditEntry::new("centre.access_rules", "centre", &centre.0.to_string()).centre(centre);
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn patron_days(&self, centre: CentreId) -> Result<Vec<PatronDay>, StorageError> {
        let rows =
            sqlx::query("SELECT month, day, name FROM centre_patron_days WHERE centre_id = $1 ORDER BY month, day")
                .bind(centre.0)
                .fetch_all(self.pool())
                .await?;
        rows.iter()
            .map(|row| {
                let (month, day): (i32, i32) = (row.try_get("month")?, row.try_get("day")?);
                Ok(PatronDay {
                    month: month as u32,
                    day: day as u32,
                    name: row.try_get("name")?,
                })
            })
            .collect()
    }

    #[tracing::instrument(skip_all, fields(centre = centre.0))]
    async fn set_patron_days(
        &self,
        centre: CentreId,
        days: &[PatronDay],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM centre_patron_days WHERE centre_id = $1")
            .bind(centre.0)
            .execute(&mut *tx)
            .await?;
        for day in days {
            sqlx::query("INSERT INTO centre_patron_days (centre_id, month, day, name) VALUES ($1, $2, $3, $4)")
                .bind(centre.0)
                .bind(day.month as i32)
                .bind(day.day as i32)
                .bind(&day.name)
                .execute(&mut *tx)
                .await?;
        }
        let details = serde_json::json!({ "days": days.len() }).to_string();
        let entry = NewAuditEntry::new("centre.patron_days", "centre", &centre.0.to_string())
            .centre(centre)
            .details(details);
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn taken_seats(
        &self,
        service: ServiceId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<TakenSeats, StorageError> {
        let rows = sqlx::query(
            "SELECT s.starts_at, COUNT(*) AS taken FROM slots s JOIN seats t ON t.slot_id = s.id \
             WHERE s.service_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3 GROUP BY s.starts_at",
        )
        .bind(service.0)
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let taken: i64 = row.try_get("taken")?;
                Ok((row.try_get("starts_at")?, taken as u32))
            })
            .collect()
    }

    #[tracing::instrument(skip_all, fields(service = booking.request.service.0))]
    async fn book(
        &self,
        booking: &NewBooking,
        key: Option<&IdempotencyKey>,
        mail: Option<&OutgoingMail>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Booked, StorageError> {
        let mut tx = self.begin_write().await?;
        if let Some(key) = key {
            sqlx::query("DELETE FROM idempotency_keys WHERE key = $1 AND created_at < $2")
                .bind(&key.key)
                .bind(key.not_before)
                .execute(&mut *tx)
                .await?;
            // A concurrent request with the same key waits here on PostgreSQL
            // until the first one commits (then finds its row) or rolls back.
            let fresh = sqlx::query(
                "INSERT INTO idempotency_keys (key, request_hash, created_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (key) DO NOTHING",
            )
            .bind(&key.key)
            .bind(&key.request_hash)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if fresh == 0 {
                let row = sqlx::query("SELECT request_hash, booking_id FROM idempotency_keys WHERE key = $1")
                    .bind(&key.key)
                    .fetch_one(&mut *tx)
                    .await?;
                let hash: String = row.try_get("request_hash")?;
                if hash != key.request_hash {
                    return Err(StorageError::KeyReused);
                }
                let id: Option<i64> = row.try_get("booking_id")?;
                let id = id.ok_or(StorageError::Stale)?;
                let previous = Store::booking_by_id(&mut tx, id).await?;
                tx.commit().await?;
                return Ok(Booked::Replayed(previous));
            }
        }
        let request = &booking.request;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO bookings (reference, centre_id, service_id, modality, starts_at, ends_at, status, name, \
             email, phone, codice_fiscale, lang, interpreter, wheelchair, sign_language, other_needs, video_url, \
             booked_by, created_at, updated_at) \
             SELECT $1, centre_id, id, $2, $3, $4, 'booked', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16 \
             FROM services WHERE id = $17 RETURNING id",
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
        .bind(request.needs.interpreter.map(|l| l.code().to_string()))
        .bind(request.needs.wheelchair)
        .bind(request.needs.sign_language)
        .bind(&request.needs.other)
        .bind(booking.video_url.as_deref())
        .bind(actor.user.map(|u| u.0))
        .bind(now)
        .bind(request.service.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StorageError::NotFound)?;
        if !take_seat(&mut tx, request.service, request.start, booking.end, id).await? {
            return Err(StorageError::Full);
        }
        if let Some(key) = key {
            sqlx::query("UPDATE idempotency_keys SET booking_id = $1 WHERE key = $2")
                .bind(id)
                .bind(&key.key)
                .execute(&mut *tx)
                .await?;
        }
        queue(&mut tx, mail, now).await?;
        let stored = Store::booking_by_id(&mut tx, id).await?;
        audit(&mut tx, actor, "booking.create", &stored, now).await?;
        tx.commit().await?;
        Ok(Booked::New(stored))
    }

    async fn booking(&self, reference: &BookingRef) -> Result<Option<Booking>, StorageError> {
        let row = sqlx::query(AssertSqlSafe(format!("{BOOKING_SELECT} WHERE reference = $1")))
            .bind(reference.as_str())
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(booking_from_row).transpose()
    }

    #[tracing::instrument(skip_all)]
    async fn move_booking(
        &self,
        reference: &BookingRef,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        mail: Option<&OutgoingMail>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Booking, StorageError> {
        let mut tx = self.begin_write().await?;
        let current = Store::booking_in(&mut tx, reference).await?;
        if current.status != BookingStatus::Booked || current.start <= now {
            return Err(StorageError::Stale);
        }
        sqlx::query("DELETE FROM seats WHERE booking_id = $1")
            .bind(current.id.0)
            .execute(&mut *tx)
            .await?;
        if !take_seat(&mut tx, current.service, start, end, current.id.0).await? {
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
        queue(&mut tx, mail, now).await?;
        let moved = Store::booking_by_id(&mut tx, current.id.0).await?;
        audit(&mut tx, actor, "booking.move", &moved, now).await?;
        tx.commit().await?;
        Ok(moved)
    }

    #[tracing::instrument(skip_all)]
    async fn cancel_booking(
        &self,
        reference: &BookingRef,
        mail: Option<&OutgoingMail>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Booking, StorageError> {
        let mut tx = self.begin_write().await?;
        let current = Store::booking_in(&mut tx, reference).await?;
        if current.status != BookingStatus::Booked || current.start <= now {
            return Err(StorageError::Stale);
        }
        sqlx::query("DELETE FROM seats WHERE booking_id = $1")
            .bind(current.id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE bookings SET status = 'cancelled', sequence = sequence + 1, updated_at = $1 WHERE id = $2")
            .bind(now)
            .bind(current.id.0)
            .execute(&mut *tx)
            .await?;
        queue(&mut tx, mail, now).await?;
        let cancelled = Store::booking_by_id(&mut tx, current.id.0).await?;
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
        let current = Store::booking_in(&mut tx, reference).await?;
        if current.status == BookingStatus::Cancelled || current.start > now {
            return Err(StorageError::Stale);
        }
        sqlx::query("UPDATE bookings SET status = $1, updated_at = $2 WHERE id = $3")
            .bind(status.code())
            .bind(now)
            .bind(current.id.0)
            .execute(&mut *tx)
            .await?;
        let marked = Store::booking_by_id(&mut tx, current.id.0).await?;
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
        rows.iter().map(booking_from_row).collect()
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
            "{BOOKING_SELECT} WHERE status = 'booked' AND email IS NOT NULL AND starts_at > $1 AND starts_at <= $2 \
             AND NOT EXISTS (SELECT 1 FROM booking_reminders r WHERE r.booking_id = bookings.id \
             AND r.minutes_before <= $3) ORDER BY starts_at LIMIT $4"
        )))
        .bind(now)
        .bind(horizon)
        .bind(minutes_before as i32)
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(booking_from_row).collect()
    }

    async fn record_reminder(
        &self,
        booking: BookingId,
        minutes_before: u32,
        mail: Option<&OutgoingMail>,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let recorded = sqlx::query(
            "INSERT INTO booking_reminders (booking_id, minutes_before, sent_at) VALUES ($1, $2, $3) \
             ON CONFLICT (booking_id, minutes_before) DO NOTHING",
        )
        .bind(booking.0)
        .bind(minutes_before as i32)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if recorded {
            queue(&mut tx, mail, now).await?;
        }
        tx.commit().await?;
        Ok(recorded)
    }

    async fn purge_idempotency_keys(&self, before: DateTime<Utc>) -> Result<u64, StorageError> {
        Ok(sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1")
            .bind(before)
            .execute(self.pool())
            .await?
            .rows_affected())
    }
}
