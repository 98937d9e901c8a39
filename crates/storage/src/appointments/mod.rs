//! What the database keeps of appointments: each centre's services, access
//! rules and patron-saint days ([`Services`], in `services.rs`), and the
//! bookings ([`Bookings`]); their SQL in `services_sql.rs` and
//! `bookings_sql.rs`. Capacity is the schema's
//! job: a booking holds one numbered seat of its slot, and the seats table
//! refuses a number above the slot's capacity or taken twice (see migration
//! 0008). E-mails and texts about a booking are written to their outboxes in
//! the same transaction as the booking itself. A person booking without an
//! account holds at most one future booking of a service (`holders_sql.rs`).

pub(crate) mod needs;
pub mod services;

use std::collections::BTreeMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{
    Actor, Booking, BookingRef, BookingRequest, BookingStatus, CentreId, Email, Notification, OutreachPointId, Phone,
    ServiceId,
};

pub use services::{PartClosures, Services};

use crate::StorageError;

/// A booking ready to be stored: the checked request and what the
/// application added to it.
#[derive(Debug, Clone)]
pub struct NewBooking {
    pub request: BookingRequest,
    pub reference: BookingRef,
    pub end: DateTime<Utc>,
    /// The outreach point where it is held (in person); none: the centre's
    /// own office. Each place has its own slots and seats.
    pub point: Option<OutreachPointId>,
    /// The meeting address, for video interviews only.
    pub video_url: Option<String>,
    /// The person may hold only one future booking of the service (people
    /// booking for themselves; operators booking for someone may make more):
    /// when a booked appointment still to come has the same e-mail, phone or
    /// codice fiscale, nothing is written and [`Booked::Existing`] names it.
    pub one_per_person: bool,
}

/// An `Idempotency-Key` with the hash of the request that came with it.
#[derive(Debug, Clone)]
pub struct IdempotencyKey {
    pub key: String,
    pub request_hash: String,
    /// Keys older than this are forgotten (24 hours before now).
    pub not_before: DateTime<Utc>,
}

/// What [`Appointments::book`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Booked {
    /// A new booking.
    New(Booking),
    /// The key was used before with the same request: the booking it made,
    /// as it is now.
    Replayed(Booking),
    /// Nothing was written: the person already holds this future booking of
    /// the service ([`NewBooking::one_per_person`]). Not for the person who
    /// asked, who may be someone else with their details.
    Existing(Booking),
}

impl Booked {
    pub fn booking(&self) -> &Booking {
        match self {
            Booked::New(b) | Booked::Replayed(b) | Booked::Existing(b) => b,
        }
    }
}

/// Places already taken, by slot start, for one service.
pub type TakenSeats = BTreeMap<DateTime<Utc>, u32>;

#[async_trait]
pub trait Bookings: Send + Sync {
    /// Places taken in the slots of `service` at `point` (none: the
    /// centre's office) starting in `[from, to)`.
    async fn taken_seats(
        &self,
        service: ServiceId,
        point: Option<OutreachPointId>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<TakenSeats, StorageError>;

    /// Takes a place in the booking's slot, stores the booking and queues
    /// `notice`, all in one transaction. [`StorageError::Full`] when no place
    /// is left; with a key, [`StorageError::KeyReused`] when the key came
    /// with a different request.
    async fn book(
        &self,
        booking: &NewBooking,
        key: Option<&IdempotencyKey>,
        notice: &Notification,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Booked, StorageError>;
    /// The booking an idempotency key made, if the key was used (and not
    /// forgotten) with the same request; [`StorageError::KeyReused`] if it came
    /// with another one. [`Appointments::book`] checks again in its
    /// transaction: this is for answering a replay before anything else.
    async fn idempotent_booking(&self, key: &IdempotencyKey) -> Result<Option<Booking>, StorageError>;
    async fn booking(&self, reference: &BookingRef) -> Result<Option<Booking>, StorageError>;
    /// Moves a booking still to come to another slot of its service (and
    /// modality), releasing its place; [`StorageError::Full`] when the new
    /// slot has no place. Raises the booking's sequence.
    async fn move_booking(
        &self,
        reference: &BookingRef,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        notice: &Notification,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Booking, StorageError>;
    /// Cancels a booking that has not started; its place is free again.
    async fn cancel_booking(
        &self,
        reference: &BookingRef,
        notice: &Notification,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Booking, StorageError>;
    /// Marks a booking attended or not shown (operators, once it started).
    async fn mark_booking(
        &self,
        reference: &BookingRef,
        status: BookingStatus,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Booking, StorageError>;
    /// A centre's bookings starting in `[from, to)`, by start time.
    async fn centre_bookings(
        &self,
        centre: CentreId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<Booking>, StorageError>;

    /// Booked appointments with an e-mail address or texts wanted, due a reminder: starting
    /// within `minutes_before` of `now` (and not yet started), for which that
    /// reminder was not recorded.
    async fn due_reminders(
        &self,
        minutes_before: u32,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Booking>, StorageError>;
    /// Records a reminder and queues its messages in one transaction; `false`
    /// (and nothing queued) when another node recorded it first, or when the
    /// booking was cancelled or moved since it was read. Without a message the
    /// reminder is recorded as skipped (booked too late for it). Moving a
    /// booking forgets its reminders, so they come again for the new time.
    async fn record_reminder(
        &self,
        booking: &Booking,
        minutes_before: u32,
        notice: &Notification,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError>;
    /// Queues `notice` about a booked appointment still to come (its link
    /// sent again) and records who asked; [`StorageError::Stale`] when it
    /// was cancelled, closed or has started since it was read.
    async fn resend_link(
        &self,
        reference: &BookingRef,
        notice: &Notification,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Booking, StorageError>;
    /// Forgets idempotency keys created before `before`.
    async fn purge_idempotency_keys(&self, before: DateTime<Utc>) -> Result<u64, StorageError>;
    /// The bookings made with this e-mail address or this number (a
    /// person's confirmed contacts), latest start first, at most `limit`.
    async fn bookings_of(
        &self,
        email: Option<&Email>,
        phone: Option<&Phone>,
        limit: u32,
    ) -> Result<Vec<Booking>, StorageError>;
}
