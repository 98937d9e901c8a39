//! Booking appointments, the same way for the public pages, the back office
//! and the API: which slots of a service are free, taking one (checked
//! against the centre's calendar, then by the database's seats), moving and
//! cancelling, and the signed links that let a citizen without an account
//! manage their booking. The e-mail about each change is queued in the same
//! transaction as the change (see `mails.rs`).

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sportello_auth::{hash_token, hex, random_bytes};
use sportello_domain::holidays::PatronDay;
use sportello_domain::schedule::{Calendar, DayClosed, Slot, SlotProblem};
use sportello_domain::time::{from_rome_local, today_in_rome};
use sportello_domain::{
    Actor, Booking, BookingRef, BookingRequest, BookingStatus, Centre, FieldError, Lang, Modality, RawBooking, Service,
};
use sportello_storage::{Booked, IdempotencyKey, NewBooking, StorageError};

use crate::i18n::{args, msg, msg_args};
use crate::{AppState, mails};

/// How long an `Idempotency-Key` is remembered.
pub const IDEMPOTENCY_WINDOW: Duration = Duration::hours(24);
/// How many free slots a refusal proposes instead.
pub const ALTERNATIVES: usize = 5;

/// What the appointments need from the configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Base address of the Jitsi Meet server, without a trailing slash.
    pub jitsi_url: String,
    /// Reminders, in minutes before the start (e.g. 2880 and 120).
    pub reminders: Vec<u32>,
}

impl Settings {
    /// Reads the configured Jitsi Meet address (`https://…`) and reminders
    /// (`48h,2h`; `m`, `h` or `d` after each number; `none` for none).
    pub fn parse(jitsi_url: &str, reminders: &str) -> Result<Settings, String> {
        let jitsi_url = jitsi_url.trim().trim_end_matches('/');
        let host = jitsi_url
            .strip_prefix("https://")
            .or_else(|| jitsi_url.strip_prefix("http://"))
            .unwrap_or_default();
        if host.is_empty() || host.contains(['?', '#', ' ']) {
            return Err(format!(
                "not a Jitsi Meet address: {jitsi_url:?} (use https://HOST, e.g. https://meet.jit.si)"
            ));
        }
        let mut minutes = Vec::new();
        let reminders = reminders.trim();
        if reminders != "none" && !reminders.is_empty() {
            for item in reminders.split(',').map(str::trim) {
                let (number, unit) = item.split_at(item.len().saturating_sub(1));
                let factor = match unit {
                    "m" => 1,
                    "h" => 60,
                    "d" => 24 * 60,
                    _ => 0,
                };
                match number.parse::<u32>() {
                    Ok(n) if factor > 0 && n > 0 && n * factor <= 14 * 24 * 60 => minutes.push(n * factor),
                    _ => {
                        return Err(format!(
                            "not a reminder delay: {item:?} (use e.g. 48h, 90m or 2d, at most 14 days, separated by commas)"
                        ));
                    }
                }
            }
        }
        minutes.sort_unstable_by(|a, b| b.cmp(a));
        minutes.dedup();
        Ok(Settings {
            jitsi_url: jitsi_url.to_string(),
            reminders: minutes,
        })
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            jitsi_url: "https://meet.jit.si".into(),
            reminders: vec![48 * 60, 2 * 60],
        }
    }
}

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

/// A centre's calendar as stored: its weekly hours, closures and patron
/// days, and the access rules shown before and after booking.
pub struct CentreCalendar {
    pub centre: Centre,
    pub patron_days: Vec<PatronDay>,
    pub access_rules: BTreeMap<Lang, String>,
}

impl CentreCalendar {
    pub async fn load(state: &AppState, centre: Centre) -> Result<CentreCalendar, StorageError> {
        let patron_days = state.storage.patron_days(centre.id).await?;
        let access_rules = state.storage.access_rules(centre.id).await?;
        Ok(CentreCalendar {
            centre,
            patron_days,
            access_rules,
        })
    }

    /// The centre's name and full address on one line.
    pub fn address_line(&self) -> String {
        let c = &self.centre.data;
        format!("{}, {}, {} {}", c.name, c.address, c.postcode, c.town)
    }

    /// Where an appointment held in `modality` takes place, in words.
    pub fn where_text(&self, lang: Lang, modality: Modality) -> String {
        match modality {
            Modality::InOffice => self.address_line(),
            Modality::Phone => crate::i18n::msg(lang, "appointment-phone-note"),
            Modality::Video => crate::i18n::msg(lang, "appointment-video-note"),
        }
    }

    /// The access rules in `lang`, else in Italian.
    pub fn access_rules(&self, lang: Lang) -> Option<&str> {
        self.access_rules_in(lang).map(|(_, text)| text)
    }

    /// The access rules in `lang`, else in Italian, with the language they
    /// are in (pages mark an Italian fallback with its `lang`).
    pub fn access_rules_in(&self, lang: Lang) -> Option<(Lang, &str)> {
        [lang, Lang::It]
            .into_iter()
            .find_map(|l| self.access_rules.get(&l).map(|text| (l, text.as_str())))
    }

    pub fn calendar(&self) -> Calendar<'_> {
        Calendar {
            hours: &self.centre.data.hours,
            closures: &self.centre.data.closures,
            patron_days: &self.patron_days,
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
    state: &AppState,
    calendar: &CentreCalendar,
    service: &Service,
    date: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Result<Vec<FreeSlot>, DayClosed>, StorageError> {
    let slots = match calendar.calendar().bookable_slots(date, &service.data.rules(), now) {
        Ok(slots) => slots,
        Err(closed) => return Ok(Err(closed)),
    };
    let (Some(first), Some(last)) = (slots.first(), slots.last()) else {
        return Ok(Ok(Vec::new()));
    };
    let taken = state
        .storage
        .taken_seats(service.id, first.start, last.start + Duration::seconds(1))
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
    state: &AppState,
    calendar: &CentreCalendar,
    service: &Service,
    from: NaiveDate,
    now: DateTime<Utc>,
    max: usize,
) -> Result<Vec<(NaiveDate, Vec<FreeSlot>)>, StorageError> {
    let mut days = Vec::new();
    let candidates = calendar
        .calendar()
        .next_open_days(from, &service.data.rules(), now, usize::MAX);
    for date in candidates {
        if days.len() >= max {
            break;
        }
        if let Ok(free) = free_slots(state, calendar, service, date, now).await?
            && !free.is_empty()
        {
            days.push((date, free));
        }
    }
    Ok(days)
}

/// The next free slots after `after` (for a refusal), at most [`ALTERNATIVES`].
pub async fn next_free(
    state: &AppState,
    calendar: &CentreCalendar,
    service: &Service,
    after: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<Slot>, StorageError> {
    let from = sportello_domain::time::rome_date(after.max(now));
    let mut found = Vec::new();
    for (_, free) in open_days(state, calendar, service, from, now, ALTERNATIVES).await? {
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

/// Checks and stores a booking, queueing its confirmation e-mail.
pub async fn book(
    state: &AppState,
    input: &BookingInput<'_>,
    key: Option<&str>,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Booked, BookingError> {
    let service = input.service;
    let (person, needs) = input.form.validate(input.lang).map_err(BookingError::Fields)?;
    let request = BookingRequest {
        service: service.id,
        modality: input.modality,
        start: input.start,
        person,
        needs,
    };
    let key = key.map(|key| IdempotencyKey {
        key: key.to_string(),
        request_hash: request_hash(&request),
        not_before: now - IDEMPOTENCY_WINDOW,
    });
    // A repeated request gets the answer of the first, even once its time
    // has passed or its slot is full.
    if let Some(key) = &key
        && let Some(previous) = state.storage.idempotent_booking(key).await?
    {
        return Ok(Booked::Replayed(previous));
    }
    if !service.data.active || !service.data.offers(input.modality) {
        return Err(BookingError::Unavailable);
    }
    let slot = input
        .calendar
        .calendar()
        .check_slot(input.start, &service.data.rules(), now)
        .map_err(BookingError::Slot)?;
    // A new reference on the rare clash with an existing one.
    for _ in 0..3 {
        let booking = NewBooking {
            request: request.clone(),
            reference: new_reference(),
            end: slot.end,
            video_url: (input.modality == Modality::Video).then(|| meeting_url(&state.appointments.jitsi_url)),
        };
        let mail = mails::confirmation(state, input.calendar, service, &booking, now);
        match state
            .storage
            .book(&booking, key.as_ref(), mail.as_ref(), actor, now)
            .await
        {
            Err(StorageError::Conflict(c)) if c.contains("reference") => continue,
            Err(StorageError::Full) => {
                let next = next_free(state, input.calendar, service, slot.start, now).await?;
                return Err(BookingError::Full(next));
            }
            other => return Ok(other?),
        }
    }
    Err(BookingError::Storage(StorageError::Conflict(
        "bookings_reference_key".into(),
    )))
}

/// Moves a booking to another slot of its service and modality.
pub async fn move_booking(
    state: &AppState,
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
    if start == booking.start {
        // Already there: nothing to move, no e-mail.
        return Ok(booking.clone());
    }
    if !service.data.active || !service.data.offers(booking.modality) {
        return Err(BookingError::Unavailable);
    }
    let slot = calendar
        .calendar()
        .check_slot(start, &service.data.rules(), now)
        .map_err(BookingError::Slot)?;
    let mut moved = booking.clone();
    moved.start = slot.start;
    moved.end = slot.end;
    moved.sequence += 1;
    let mail = mails::moved(state, calendar, service, &moved, now);
    match state
        .storage
        .move_booking(&booking.reference, slot.start, slot.end, mail.as_ref(), actor, now)
        .await
    {
        Err(StorageError::Full) => {
            let next = next_free(state, calendar, service, slot.start, now).await?;
            Err(BookingError::Full(next))
        }
        other => Ok(other?),
    }
}

/// Cancels a booking that has not started.
pub async fn cancel(
    state: &AppState,
    calendar: &CentreCalendar,
    service: &Service,
    booking: &Booking,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Booking, BookingError> {
    if booking.status != BookingStatus::Booked || booking.start <= now {
        return Err(BookingError::TooLate);
    }
    let mut cancelled = booking.clone();
    cancelled.status = BookingStatus::Cancelled;
    cancelled.sequence += 1;
    let mail = mails::cancelled(state, calendar, service, &cancelled, now);
    Ok(state
        .storage
        .cancel_booking(&booking.reference, mail.as_ref(), actor, now)
        .await?)
}

/// The token of a booking's manage link: an HMAC of its reference.
pub fn manage_token(state: &AppState, reference: &BookingRef) -> String {
    state.keys.sign("booking-link", reference.as_str())
}

/// Whether `token` is the manage token of `reference`.
pub fn token_is_valid(state: &AppState, reference: &BookingRef, token: &str) -> bool {
    state.keys.verify("booking-link", reference.as_str(), token)
}

/// The absolute address of a booking's page, with its token.
pub fn manage_url(state: &AppState, lang: Lang, reference: &BookingRef) -> String {
    state.public_url.join(&format!(
        "/{}/appointments/booking/{}?t={}",
        lang.code(),
        reference,
        manage_token(state, reference)
    ))
}

/// A start time given as Rome wall-clock `YYYY-MM-DDTHH:MM` (pages) or as
/// RFC 3339 with an offset (API).
pub fn parse_start(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    // Years far outside any booking window are refused before any date
    // arithmetic (which would overflow at chrono's limits).
    let plausible = |year: i32| (2000..=2200).contains(&year);
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        return plausible(chrono::Datelike::year(&t)).then(|| t.with_timezone(&Utc));
    }
    chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .ok()
        .filter(|t| plausible(chrono::Datelike::year(t)))
        .map(from_rome_local)
}

/// A slot's start as pages write it: Rome wall-clock `YYYY-MM-DDTHH:MM`.
pub fn start_param(slot: &Slot) -> String {
    slot.local_start().format("%Y-%m-%dT%H:%M").to_string()
}

/// Today in Rome, or the given day when it is a date.
pub fn day_or_today(value: Option<&str>) -> Option<NaiveDate> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Some(today_in_rome()),
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d").ok(),
    }
}

/// Why a day cannot be booked, in words.
pub fn closed_message(lang: Lang, closed: &DayClosed) -> String {
    let name = match closed {
        DayClosed::Holiday(holiday) => msg(lang, &format!("holiday-{}", holiday.code())),
        DayClosed::Patron(name) | DayClosed::Closure(name) => name.clone(),
        DayClosed::Weekday | DayClosed::Past | DayClosed::TooFar => String::new(),
    };
    msg_args(lang, closed.message_id(), &args(&[("name", name.into())]))
}

/// Why a start time cannot be booked, in words.
pub fn slot_message(lang: Lang, problem: &SlotProblem) -> String {
    match problem {
        SlotProblem::Closed(closed) => format!("{} {}", msg(lang, problem.message_id()), closed_message(lang, closed)),
        other => msg(lang, other.message_id()),
    }
}

fn new_reference() -> BookingRef {
    BookingRef::from_random(random_bytes::<8>())
}

/// An unguessable meeting room: 128 random bits.
fn meeting_url(base: &str) -> String {
    let room = hex(&random_bytes::<16>());
    format!("{}/Sportello-{room}", base.trim_end_matches('/'))
}

/// A stable hash of what a booking request asks for, for idempotency keys.
fn request_hash(request: &BookingRequest) -> String {
    // The language only chooses the words of pages and e-mails: a retry sent
    // with another `Accept-Language` is the same request.
    let mut request = request.clone();
    request.person.lang = sportello_domain::Lang::It;
    hash_token(&serde_json::to_string(&request).expect("a booking request serialises"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_of_a_day_or_time_has_its_words_in_four_languages() {
        use sportello_domain::Holiday;
        let closed = [
            DayClosed::Weekday,
            DayClosed::Holiday(Holiday::EasterMonday),
            DayClosed::Patron("Sant'Oronzo".into()),
            DayClosed::Closure("Lavori".into()),
            DayClosed::Past,
            DayClosed::TooFar,
        ];
        let problems = [
            SlotProblem::InPast,
            SlotProblem::TooSoon,
            SlotProblem::TooFar,
            SlotProblem::Closed(DayClosed::Weekday),
            SlotProblem::NotAligned,
        ];
        for lang in Lang::ALL {
            for c in &closed {
                assert!(
                    crate::i18n::has_message(lang, c.message_id()),
                    "{lang}: {}",
                    c.message_id()
                );
                assert!(!closed_message(lang, c).is_empty());
            }
            for p in &problems {
                assert!(
                    crate::i18n::has_message(lang, p.message_id()),
                    "{lang}: {}",
                    p.message_id()
                );
            }
            for h in Holiday::ALL {
                assert!(
                    crate::i18n::has_message(lang, &format!("holiday-{}", h.code())),
                    "{lang}: {}",
                    h.code()
                );
            }
        }
        assert!(closed_message(Lang::En, &closed[1]).contains("Easter Monday"));
        assert!(
            slot_message(Lang::It, &SlotProblem::Closed(DayClosed::Patron("Sant'Oronzo".into())))
                .contains("Sant'Oronzo")
        );
    }

    #[test]
    fn settings_are_read_from_configuration() {
        let s = Settings::parse("https://meet.example.org/", "2h, 48h,90m").unwrap();
        assert_eq!(s.jitsi_url, "https://meet.example.org");
        assert_eq!(s.reminders, [2880, 120, 90]);
        assert!(
            Settings::parse("https://meet.jit.si", "none")
                .unwrap()
                .reminders
                .is_empty()
        );
        assert!(Settings::parse("meet.jit.si", "48h").unwrap_err().contains("Jitsi"));
        assert!(
            Settings::parse("https://meet.jit.si", "48 hours")
                .unwrap_err()
                .contains("48 hours")
        );
        assert!(Settings::parse("https://meet.jit.si", "0h").is_err());
        assert!(Settings::parse("https://meet.jit.si", "15d").is_err());
    }

    #[test]
    fn meeting_rooms_are_long_and_different() {
        let a = meeting_url("https://meet.example.org/");
        let b = meeting_url("https://meet.example.org");
        assert!(a.starts_with("https://meet.example.org/Sportello-"));
        assert_eq!(a.len(), "https://meet.example.org/Sportello-".len() + 32);
        assert_ne!(a, b);
    }

    #[test]
    fn start_times_are_read_in_rome_or_with_an_offset() {
        let winter = parse_start("2026-12-01T09:00").unwrap();
        assert_eq!(winter.to_rfc3339(), "2026-12-01T08:00:00+00:00");
        let summer = parse_start("2026-07-01T09:00").unwrap();
        assert_eq!(summer.to_rfc3339(), "2026-07-01T07:00:00+00:00");
        assert_eq!(parse_start("2026-07-01T09:00:00+02:00"), Some(summer));
        assert_eq!(parse_start("tomorrow"), None);
        assert_eq!(
            parse_start("-262143-01-01T00:00"),
            None,
            "no overflow at chrono's limits"
        );
        assert_eq!(parse_start("+262142-12-31T23:59:59+00:00"), None);
    }
}
