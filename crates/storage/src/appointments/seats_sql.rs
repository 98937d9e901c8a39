//! The places of appointment slots for both backends, written once
//! (compiled per backend, like every feature's SQL: see `crate::sqlite`).
//! Slots are keyed by service and place: the centre's office has `slots`
//! and `seats`, its outreach points `point_slots` and `point_seats` (the
//! same shape with the point in the key), so each place has its own seats.
//! A slot's row is created on first use with the service's capacity, then
//! the lowest free seat number is inserted with `ON CONFLICT DO NOTHING`,
//! trying the next number when another transaction took it first; the
//! schema refuses any number beyond the slot's capacity, so two bookings can
//! never share a place.

use chrono::{DateTime, Utc};
use sportello_domain::{OutreachPointId, ServiceId};
use sqlx::{AssertSqlSafe, Row};

use super::Store;
use super::Tx;
use crate::{StorageError, TakenSeats};

/// The tables of a place's slots and seats, and the SQL that finds a slot
/// (`$1` the service, `$2` the start, `$3` the point when there is one).
struct Place {
    slots: &'static str,
    seats: &'static str,
    point: Option<i64>,
}

impl Place {
    fn of(point: Option<OutreachPointId>) -> Place {
        match point {
            None => Place {
                slots: "slots",
                seats: "seats",
                point: None,
            },
            Some(p) => Place {
                slots: "point_slots",
                seats: "point_seats",
                point: Some(p.0),
            },
        }
    }

    /// The slot's key after the service and start, as in its UNIQUE
    /// constraint: `, point_id` at a point.
    fn key(&self) -> &'static str {
        if self.point.is_some() { ", point_id" } else { "" }
    }

    /// The condition on the point of a slot `s`, after `$1`…`$n`.
    fn condition(&self, n: usize) -> String {
        match self.point {
            Some(_) => format!(" AND s.point_id = ${n}"),
            None => String::new(),
        }
    }
}

/// Takes the lowest free place of the slot of `service` at `point` (none:
/// the office) starting at `start` for `booking`; `false` when the slot is
/// full.
pub(super) async fn take_seat(
    tx: &mut Tx,
    service: ServiceId,
    point: Option<OutreachPointId>,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    booking: i64,
) -> Result<bool, StorageError> {
    let capacity = service_capacity(tx, service).await?;
    let place = Place::of(point);
    let (slots, seats, key) = (place.slots, place.seats, place.key());
    let value = if place.point.is_some() { ", $5" } else { "" };
    let mut insert = sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO {slots} (service_id, starts_at, ends_at, capacity{key}) VALUES ($1, $2, $3, $4{value}) \
         ON CONFLICT (service_id, starts_at{key}) DO NOTHING"
    )))
    .bind(service.0)
    .bind(start)
    .bind(end)
    .bind(capacity);
    if let Some(p) = place.point {
        insert = insert.bind(p);
    }
    insert.execute(&mut **tx).await?;
    let mut find = sqlx::query(AssertSqlSafe(format!(
        "SELECT s.id, s.capacity FROM {slots} s WHERE s.service_id = $1 AND s.starts_at = $2{}",
        place.condition(3)
    )))
    .bind(service.0)
    .bind(start);
    if let Some(p) = place.point {
        find = find.bind(p);
    }
    let slot = find.fetch_one(&mut **tx).await?;
    let (slot, capacity): (i64, i32) = (slot.try_get("id")?, slot.try_get("capacity")?);
    let taken: Vec<i32> = sqlx::query_scalar(AssertSqlSafe(format!("SELECT seat_no FROM {seats} WHERE slot_id = $1")))
        .bind(slot)
        .fetch_all(&mut **tx)
        .await?;
    for seat in (1..=capacity).filter(|n| !taken.contains(n)) {
        let inserted = sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO {seats} (slot_id, capacity, seat_no, booking_id) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (slot_id, seat_no) DO NOTHING"
        )))
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

/// Gives back the place `booking` holds, at the office or at a point.
pub(super) async fn free_seat(tx: &mut Tx, booking: i64) -> Result<(), StorageError> {
    for seats in ["seats", "point_seats"] {
        sqlx::query(AssertSqlSafe(format!("DELETE FROM {seats} WHERE booking_id = $1")))
            .bind(booking)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The service's capacity, read under a share lock on PostgreSQL: a
/// concurrent capacity change (which updates the row) waits for this
/// booking, or this booking waits for it and reads the new value; either
/// way the slot created here gets the capacity in force.
pub(super) async fn service_capacity(tx: &mut Tx, service: ServiceId) -> Result<i32, StorageError> {
    let lock = if Store::BACKEND == "postgres" { " FOR SHARE" } else { "" };
    let capacity = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT capacity FROM services WHERE id = $1{lock}"
    )))
    .bind(service.0)
    .fetch_one(&mut **tx)
    .await?;
    Ok(capacity)
}

impl Store {
    /// Places taken in the slots of `service` at `point` (none: the office)
    /// starting in `[from, to)`.
    pub(super) async fn seats_taken(
        &self,
        service: ServiceId,
        point: Option<OutreachPointId>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<TakenSeats, StorageError> {
        let place = Place::of(point);
        let (slots, seats) = (place.slots, place.seats);
        let mut query = sqlx::query(AssertSqlSafe(format!(
            "SELECT s.starts_at, COUNT(*) AS taken FROM {slots} s JOIN {seats} t ON t.slot_id = s.id \
             WHERE s.service_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3{} GROUP BY s.starts_at",
            place.condition(4)
        )))
        .bind(service.0)
        .bind(from)
        .bind(to);
        if let Some(p) = place.point {
            query = query.bind(p);
        }
        query
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|row| {
                let taken: i64 = row.try_get("taken")?;
                Ok((row.try_get("starts_at")?, u32::try_from(taken).unwrap_or(u32::MAX)))
            })
            .collect()
    }
}
