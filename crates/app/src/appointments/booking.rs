//! Booking appointments, the same way for the public pages, the back office
//! and the API: which slots of a service are free, taking one (checked
//! against the centre's calendar, then by the database's seats), moving and
//! cancelling. The e-mail and the text message about each change are
//! queued in the same transaction as the change (see `mails.rs`,
//! `texts.rs`). Anonymous requests go through the limiter first (per
//! network, per recipient, and moves per booking), and their texts through
//! the SMS caps (`crate::sms`); operators acting for someone do not.
//!
//! A person booking for themselves holds one future booking of a service
//! at a time (same e-mail, phone or codice fiscale). Since anyone can type
//! someone else's details (a codice fiscale can be computed), a request
//! for a person who holds one gets the same answer as a new booking — "we
//! have sent you a message" ([`answered_by_message`]) — and the link of
//! the booking held goes again to the contacts on file, not to the
//! request's. Where no message can reach the person (a landline only, or
//! the text refused by the caps), the booking's page is the only way to it:
//! the rule cannot hold there without showing the booking held, so it does
//! not apply.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sportello_auth::{hash_token, hex, random_bytes};
use sportello_domain::appointments::slots::{DayClosed, Slot, SlotProblem};
use sportello_domain::{
    Actor, Booking, BookingRef, BookingRequest, BookingStatus, FieldError, Lang, Modality, Notification, RawBooking,
    Service,
};
use sportello_storage::{Booked, IdempotencyKey, NewBooking, StorageError};

use super::calendar::CentreCalendar;
use super::mails;
use super::texts::{self, TextKind, TextSubject};
use crate::App;
use crate::limiter::{LimitKey, Limited};
use crate::metrics::Refusal;
use crate::sms::SmsVerdict;
use sportello_domain::limits::Limit;

/// How long an `Idempotency-Key` is remembered.
pub const IDEMPOTENCY_WINDOW: Duration = Duration::hours(24);
/// How many free slots a refusal proposes instead.
pub const ALTERNATIVES: usize = 5;

/// Why a booking, move or cancellation was refused.
#[derive(Debug)]
pub enum BookingError {
    /// The person's fields.
    Fields(Vec<FieldError>),
    /// The start time cannot be booked (past, closed day, not a slot…).
    Slot(SlotProblem),
    /// The service is not bookable now, or not in this modality.
    Unavailable,
    /// Every place of the slot is taken: the next free slots instead.
    Full(Vec<Slot>),
    /// A booking can no longer be changed: it has started, or it is
    /// cancelled or closed.
    TooLate,
    /// The idempotency key came with a different request.
    KeyReused,
    /// Too many requests from this network or for this recipient (or moves
    /// of this booking): nothing was done.
    Limited(Limited),
    Storage(StorageError),
}

impl From<StorageError> for BookingError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::KeyReused => BookingError::KeyReused,
            StorageError::Stale => BookingError::TooLate,
            other => BookingError::Storage(other),
        }
    }
}

/// A slot and how many places it has left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FreeSlot {
    pub slot: Slot,
    pub places: u32,
}

/// The slots of `service` on `date` that still have a place, or why the day
/// cannot be booked.
pub async fn free_slots(
    app: &App,
    calendar: &CentreCalendar,
    service: &Service,
    date: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Result<Vec<FreeSlot>, DayClosed>, StorageError> {
    let slots = match calendar
        .calendar_for(service.id)
        .bookable_slots(date, &service.data.rules(), now)
    {
        Ok(slots) => slots,
        Err(closed) => return Ok(Err(closed)),
    };
    let (Some(first), Some(last)) = (slots.first(), slots.last()) else {
        return Ok(Ok(Vec::new()));
    };
    let taken = app
        .storage
        .taken_seats(
            service.id,
            calendar.point_id(),
            first.start,
            last.start + Duration::seconds(1),
        )
        .await?;
    Ok(Ok(slots
        .into_iter()
        .filter_map(|slot| {
            let used = taken.get(&slot.start).copied().unwrap_or(0);
            let places = service.data.capacity.saturating_sub(used);
            (places > 0).then_some(FreeSlot { slot, places })
        })
        .collect()))
}

/// Days from `from` on with at least one free slot, at most `max` of them,
/// each with its free slots.
pub async fn open_days(
    app: &App,
    calendar: &CentreCalendar,
    service: &Service,
    from: NaiveDate,
    now: DateTime<Utc>,
    max: usize,
) -> Result<Vec<(NaiveDate, Vec<FreeSlot>)>, StorageError> {
    let mut days = Vec::new();
    let candidates = calendar
        .calendar_for(service.id)
        .next_open_days(from, &service.data.rules(), now, usize::MAX);
    for date in candidates {
        if days.len() >= max {
            break;
        }
        if let Ok(free) = free_slots(app, calendar, service, date, now).await?
            && !free.is_empty()
        {
            days.push((date, free));
        }
    }
    Ok(days)
}

/// The next free slots after `after` (for a refusal), at most [`ALTERNATIVES`].
pub async fn next_free(
    app: &App,
    calendar: &CentreCalendar,
    service: &Service,
    after: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<Slot>, StorageError> {
    let from = sportello_domain::time::rome_date(after.max(now));
    let mut found = Vec::new();
    for (_, free) in open_days(app, calendar, service, from, now, ALTERNATIVES).await? {
        found.extend(free.into_iter().map(|f| f.slot).filter(|s| s.start > after));
        if found.len() >= ALTERNATIVES {
            break;
        }
    }
    found.truncate(ALTERNATIVES);
    Ok(found)
}

/// A booking to make, as the pages and the API receive it.
pub struct BookingInput<'a> {
    pub calendar: &'a CentreCalendar,
    pub service: &'a Service,
    pub modality: Modality,
    pub start: DateTime<Utc>,
    pub form: &'a RawBooking,
    /// The person's language: pages, e-mails, reminders.
    pub lang: Lang,
}

/// Checks and stores a booking, queueing its confirmation e-mail and text;
/// says what became of the text. Counted in the metrics: a new booking, or
/// a refusal by reason (a replay and a failure of the database are neither).
pub async fn book(
    app: &App,
    input: &BookingInput<'_>,
    key: Option<&str>,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<(Booked, SmsVerdict), BookingError> {
    let booked = book_uncounted(app, input, key, actor, now).await;
    let refusal = match &booked {
        Ok((Booked::New(_), _)) => {
            app.metrics.booking_made();
            None
        }
        Ok((Booked::Replayed(_), _)) | Err(BookingError::Storage(_)) => None,
        Err(BookingError::Fields(_)) => Some(Refusal::Invalid),
        Err(BookingError::Slot(_)) => Some(Refusal::Slot),
        Err(BookingError::Unavailable) => Some(Refusal::Unavailable),
        Err(BookingError::Full(_)) => Some(Refusal::Full),
        Err(BookingError::TooLate) => Some(Refusal::TooLate),
        Err(BookingError::KeyReused) => Some(Refusal::KeyReused),
        Err(BookingError::Limited(_)) => Some(Refusal::Limited),
        Ok((Booked::Existing(_), _)) => Some(Refusal::AlreadyBooked),
    };
    if let Some(refusal) = refusal {
        app.metrics.booking_refused(refusal);
    }
    booked
}

async fn book_uncounted(
    app: &App,
    input: &BookingInput<'_>,
    key: Option<&str>,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<(Booked, SmsVerdict), BookingError> {
    let service = input.service;
    limit_anonymous(app, actor, &[], now).await?;
    let (mut person, needs) = input.form.validate(input.lang).map_err(BookingError::Fields)?;
    let sms = app.request_sms(&person, actor, now).await?;
    // No texts about this booking (reminders neither) when its first one
    // could not be queued.
    person.sms = sms == SmsVerdict::Queued;
    let one_per_person = by_message(actor, person.email.is_some(), sms);
    let request = BookingRequest {
        service: service.id,
        modality: input.modality,
        start: input.start,
        person,
        needs,
    };
    let key = key.map(|key| IdempotencyKey {
        key: key.to_string(),
        request_hash: request_hash(&request, input.calendar.point_id()),
        not_before: now - IDEMPOTENCY_WINDOW,
    });
    // A repeated request gets the answer of the first, even once its time
    // has passed or its slot is full.
    if let Some(key) = &key
        && let Some(previous) = app.storage.idempotent_booking(key).await?
    {
        // Its text went out with the first, if it was queued then.
        let sms = if previous.person.sms {
            SmsVerdict::Queued
        } else {
            SmsVerdict::NotWanted
        };
        return Ok((Booked::Replayed(previous), sms));
    }
    // A replay sends nothing: only a new booking counts for its recipients.
    let per_recipient = app.limits.appointment_mails_per_recipient;
    if let Some(limited) = app.limit_recipients(per_recipient, &request.person, actor, now).await? {
        return Err(BookingError::Limited(limited));
    }
    if !service.data.active || !input.calendar.offers(service, input.modality) {
        return Err(BookingError::Unavailable);
    }
    let slot = input
        .calendar
        .calendar_for(service.id)
        .check_slot(input.start, &service.data.rules(), now)
        .map_err(BookingError::Slot)?;
    // A new reference on the rare clash with an existing one.
    for _ in 0..3 {
        let booking = NewBooking {
            request: request.clone(),
            reference: new_reference(),
            end: slot.end,
            point: input.calendar.point_id(),
            video_url: (input.modality == Modality::Video).then(|| meeting_url(&app.appointments.jitsi_url)),
            one_per_person,
        };
        let text = request
            .person
            .phone
            .as_ref()
            .filter(|_| request.person.sms)
            .and_then(|phone| {
                let subject = TextSubject {
                    reference: &booking.reference,
                    modality: input.modality,
                    start: input.start,
                    lang: request.person.lang,
                };
                texts::sms_for(app, TextKind::Confirmation, input.calendar, phone, &subject)
            });
        let notice = Notification {
            mail: mails::confirmation(app, input.calendar, service, &booking, now),
            sms: text,
        };
        match app.storage.book(&booking, key.as_ref(), &notice, actor, now).await {
            Err(StorageError::Conflict(c)) if c.contains("reference") => continue,
            Err(StorageError::Full) => {
                let next = next_free(app, input.calendar, service, slot.start, now).await?;
                return Err(BookingError::Full(next));
            }
            Ok(Booked::Existing(held)) => {
                resend_link(app, input.calendar, service, &held, &request.person, sms, actor, now).await?;
                return Ok((Booked::Existing(held), sms));
            }
            other => return Ok((other?, sms)),
        }
    }
    Err(BookingError::Storage(StorageError::Conflict(
        "bookings_reference_key".into(),
    )))
}

/// Whether the answer to `actor` about a booking is only "we have sent you
/// a message with its link" (page and API): for people booking for
/// themselves whom a message reaches (an e-mail address, or a text queued),
/// whether the booking is new, a replay or one they already held. Otherwise
/// the answer is the booking itself.
pub fn answered_by_message(booked: &Booked, sms: SmsVerdict, actor: &Actor) -> bool {
    match booked {
        Booked::Existing(_) => true,
        Booked::New(b) | Booked::Replayed(b) => by_message(actor, b.person.email.is_some(), sms),
    }
}

/// The e-mail address and phone number of a booking request as the answer
/// "sent" names them: as stored (lower-case address, E.164 number), which
/// depends on what was typed alone. `None` for one not given (the request
/// was answered only if both are valid).
pub fn contacts_given(email: &str, phone: &str) -> (Option<String>, Option<String>) {
    let email = sportello_domain::Email::parse(email)
        .ok()
        .map(|e| e.as_str().to_string());
    let phone = sportello_domain::Phone::parse(phone)
        .ok()
        .map(|p| p.as_str().to_string());
    (email, phone)
}

fn by_message(actor: &Actor, email: bool, sms: SmsVerdict) -> bool {
    actor.is_public() && (email || sms == SmsVerdict::Queued)
}

/// Sends the link of the booking a person already holds again, to its
/// contacts on file (not the request's, which may be anyone's). A contact
/// of the held booking that the request did not name is counted under the
/// per-recipient limit here; its number goes through the SMS gate unless
/// the gate has just judged it for the request (its verdict stands). Over
/// a limit, that message does not go: the answer is the same either way.
#[allow(clippy::too_many_arguments)]
async fn resend_link(
    app: &App,
    calendar: &CentreCalendar,
    service: &Service,
    held: &Booking,
    asked: &sportello_domain::Person,
    sms: SmsVerdict,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<(), BookingError> {
    let per_recipient = app.limits.appointment_mails_per_recipient;
    let mut mail = None;
    if let Some(email) = &held.person.email {
        let counted = asked.email.as_ref() == Some(email);
        if counted
            || app
                .limit(&[(per_recipient, LimitKey::Recipient(email.as_str()))], now)
                .await?
                .is_none()
        {
            mail = mails::existing(app, calendar, service, held, now);
        }
    }
    let mut text = None;
    if let Some(phone) = held.person.phone.as_ref().filter(|_| held.person.sms) {
        let same = asked.phone.as_ref() == Some(phone);
        text = match sms {
            // The gate let a text to this number through just now.
            SmsVerdict::Queued if same => texts::booking_text(app, TextKind::Existing, calendar, held),
            // The request asked for none to it: counted, not yet gated.
            SmsVerdict::NotWanted if same => {
                text_if_allowed(app, TextKind::Existing, calendar, held, actor, now).await?
            }
            // The gate refused this number just now: asking again changes nothing.
            _ if same => None,
            _ if app
                .limit(&[(per_recipient, LimitKey::Recipient(phone.as_str()))], now)
                .await?
                .is_none() =>
            {
                text_if_allowed(app, TextKind::Existing, calendar, held, actor, now).await?
            }
            _ => None,
        };
    }
    if mail.is_none() && text.is_none() {
        return Ok(());
    }
    let notice = Notification { mail, sms: text };
    match app.storage.resend_link(&held.reference, &notice, actor, now).await {
        // Cancelled or started in the meantime: nothing to send.
        Ok(_) | Err(StorageError::Stale) => Ok(()),
        Err(e) => Err(BookingError::Storage(e)),
    }
}

/// Moves a booking to another slot of its service and modality.
pub async fn move_booking(
    app: &App,
    calendar: &CentreCalendar,
    service: &Service,
    booking: &Booking,
    start: DateTime<Utc>,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Booking, BookingError> {
    if booking.status != BookingStatus::Booked || booking.start <= now {
        return Err(BookingError::TooLate);
    }
    let reference = booking.reference.to_string();
    let per_booking = [(app.limits.moves_per_booking, LimitKey::Named(&reference))];
    limit_anonymous(app, actor, &per_booking, now).await?;
    if start == booking.start {
        // Already there: nothing to move, no e-mail.
        return Ok(booking.clone());
    }
    if !service.data.active || !service.data.offers(booking.modality) {
        return Err(BookingError::Unavailable);
    }
    let slot = calendar
        .calendar_for(service.id)
        .check_slot(start, &service.data.rules(), now)
        .map_err(BookingError::Slot)?;
    let mut moved = booking.clone();
    moved.start = slot.start;
    moved.end = slot.end;
    moved.sequence += 1;
    let notice = Notification {
        mail: mails::moved(app, calendar, service, &moved, now),
        sms: text_if_allowed(app, TextKind::Moved, calendar, &moved, actor, now).await?,
    };
    match app
        .storage
        .move_booking(&booking.reference, slot.start, slot.end, &notice, actor, now)
        .await
    {
        Err(StorageError::Full) => {
            let next = next_free(app, calendar, service, slot.start, now).await?;
            Err(BookingError::Full(next))
        }
        other => Ok(other?),
    }
}

/// Cancels a booking that has not started.
pub async fn cancel(
    app: &App,
    calendar: &CentreCalendar,
    service: &Service,
    booking: &Booking,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Booking, BookingError> {
    if booking.status != BookingStatus::Booked || booking.start <= now {
        return Err(BookingError::TooLate);
    }
    limit_anonymous(app, actor, &[], now).await?;
    let mut cancelled = booking.clone();
    cancelled.status = BookingStatus::Cancelled;
    cancelled.sequence += 1;
    let notice = Notification {
        mail: mails::cancelled(app, calendar, service, &cancelled, now),
        sms: text_if_allowed(app, TextKind::Cancelled, calendar, &cancelled, actor, now).await?,
    };
    Ok(app
        .storage
        .cancel_booking(&booking.reference, &notice, actor, now)
        .await?)
}

/// The text of `kind` about `booking`, when the person asked for texts and
/// the number may get one now (see [`App::sms_gate`]).
async fn text_if_allowed(
    app: &App,
    kind: TextKind,
    calendar: &CentreCalendar,
    booking: &Booking,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Option<sportello_domain::OutgoingSms>, StorageError> {
    let Some(phone) = booking.person.phone.as_ref().filter(|_| booking.person.sms) else {
        return Ok(None);
    };
    if app.sms_gate(phone, actor, now).await? != SmsVerdict::Queued {
        return Ok(None);
    }
    Ok(texts::booking_text(app, kind, calendar, booking))
}

/// Counts an anonymous request under its network and `more` keys, refused
/// when any is over its limit; operators acting for someone are not counted.
async fn limit_anonymous(
    app: &App,
    actor: &Actor,
    more: &[(Limit, LimitKey<'_>)],
    now: DateTime<Utc>,
) -> Result<(), BookingError> {
    if !actor.is_public() {
        return Ok(());
    }
    let mut keys = vec![(app.limits.appointments_per_net, LimitKey::Net(&actor.address))];
    keys.extend_from_slice(more);
    match app.limit(&keys, now).await? {
        Some(limited) => Err(BookingError::Limited(limited)),
        None => Ok(()),
    }
}

fn new_reference() -> BookingRef {
    BookingRef::from_random(random_bytes::<8>())
}

/// An unguessable meeting room: 128 random bits.
pub(crate) fn meeting_url(base: &str) -> String {
    let room = hex(&random_bytes::<16>());
    format!("{}/Sportello-{room}", base.trim_end_matches('/'))
}

/// A stable hash of what a booking request asks for, for idempotency keys.
fn request_hash(request: &BookingRequest, point: Option<sportello_domain::OutreachPointId>) -> String {
    // The language only chooses the words of pages and e-mails: a retry sent
    // with another `Accept-Language` is the same request.
    let mut request = request.clone();
    request.person.lang = sportello_domain::Lang::It;
    let request = serde_json::to_string(&request).expect("a booking request serialises");
    match point {
        // Office bookings hash as they always did: keys stored before
        // outreach points existed still match.
        None => hash_token(&request),
        Some(point) => hash_token(&format!("{request}@point:{}", point.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_rooms_are_long_and_different() {
        let a = meeting_url("https://meet.example.org/");
        let b = meeting_url("https://meet.example.org");
        assert!(a.starts_with("https://meet.example.org/Sportello-"));
        assert_eq!(a.len(), "https://meet.example.org/Sportello-".len() + 32);
        assert_ne!(a, b);
    }
}
