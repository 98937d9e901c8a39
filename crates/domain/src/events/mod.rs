//! Group meetings (`Event`, glossary: *incontro di gruppo*, *giornata del
//! lavoro*): an event of a centre, translated, for an audience, with one or
//! more sessions, each in the room (a place with seats), online (one shared
//! meeting room on the Jitsi server) or both. People register without an
//! account, one registration per session; when the seats are taken they
//! wait in line, and a seat freed is offered to the first in line for a
//! while (`waiting`). The registration form is the booking form's
//! ([`crate::RawBooking`]): the same person fields and needs.

pub mod changes;
pub mod waiting;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::appointments::bookings::{parse_reference, random_reference};
use crate::{CentreId, Lang, Needs, Person};

/// Database identifier of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct EventId(pub i64);

/// Database identifier of an event's session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct SessionId(pub i64);

/// A registration's reference, e.g. `E-7K3M-9QXA`, shared by the sessions
/// one request registered for (a series). It names the registration but
/// grants nothing; changes need the signed link.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct RegistrationRef(String);

impl RegistrationRef {
    /// A reference made from random bytes (one per character).
    pub fn from_random(bytes: [u8; 8]) -> RegistrationRef {
        RegistrationRef(random_reference('E', bytes))
    }

    /// Reads a reference as typed: case and spaces do not matter.
    pub fn parse(input: &str) -> Option<RegistrationRef> {
        parse_reference('E', input).map(RegistrationRef)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for RegistrationRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Declares a vocabulary enum with its stored codes.
macro_rules! codes {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.code() == code)
            }
        }
    };
}

codes! {
    /// Whom an event is for. Registrations to events for people on the Law
    /// 68/1999 lists are read by `mirato` grants only (DESIGN.md, "People's data").
    Audience {
        Everyone => "everyone",
        YoungPeople => "young_people",
        ForeignResidents => "foreign_residents",
        Mirato => "mirato",
    }
}

codes! {
    /// Whether a session takes place.
    SessionStatus {
        Scheduled => "scheduled",
        Cancelled => "cancelled",
    }
}

codes! {
    /// Where a registration stands: with a seat (`Confirmed`), in line
    /// (`Waiting`), offered a freed seat that is held for it (`Offered`,
    /// until its deadline), or done: the offer let go (`Lapsed`),
    /// `Cancelled`, `Attended`, `NoShow`.
    RegistrationStatus {
        Confirmed => "confirmed",
        Waiting => "waiting",
        Offered => "offered",
        Lapsed => "lapsed",
        Cancelled => "cancelled",
        Attended => "attended",
        NoShow => "no_show",
    }
}

impl RegistrationStatus {
    /// Whether the registration holds one of the session's seats.
    pub fn holds_seat(self) -> bool {
        matches!(self, RegistrationStatus::Confirmed | RegistrationStatus::Offered)
    }

    /// Whether the person still counts as registered (seat, offer or line).
    pub fn is_active(self) -> bool {
        self.holds_seat() || self == RegistrationStatus::Waiting
    }
}

/// The room of a session held in person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Room {
    /// The place's name, e.g. "Sala consiliare".
    pub place: String,
    /// Street, number and town.
    pub address: String,
}

/// An event's title and description in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventText {
    pub lang: Lang,
    pub title: String,
    pub description: String,
}

/// One meeting of an event, with its seats as they are now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Session {
    pub id: SessionId,
    pub event: EventId,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Held in this room (with `online`, both).
    pub room: Option<Room>,
    /// Held online too, in one meeting room for all.
    pub online: bool,
    /// The meeting room's address: for registered people only, never on a
    /// public page, feed or API answer.
    #[serde(skip)]
    pub video_url: Option<String>,
    pub seats: u32,
    pub status: SessionStatus,
    /// Registration closes then (by default, at the start).
    pub registration_closes: DateTime<Utc>,
    /// Seats held by confirmed registrations and seat offers.
    pub taken: u32,
    /// People in line.
    pub waiting: u32,
    /// Moves and cancellation by the organiser.
    pub changes: changes::SessionChanges,
}

/// Why a session takes no registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionClosed {
    /// It has started or ended.
    Past,
    Cancelled,
    /// Its registration has closed.
    RegistrationClosed,
}

impl Session {
    /// Seats nobody holds, with nobody in line for them.
    pub fn free_seats(&self) -> u32 {
        if self.waiting > 0 {
            0
        } else {
            self.seats.saturating_sub(self.taken)
        }
    }

    /// Whether a registration is taken now (a seat or a place in line).
    pub fn open_at(&self, now: DateTime<Utc>) -> Result<(), SessionClosed> {
        if self.status == SessionStatus::Cancelled {
            Err(SessionClosed::Cancelled)
        } else if self.start <= now {
            Err(SessionClosed::Past)
        } else if self.registration_closes <= now {
            Err(SessionClosed::RegistrationClosed)
        } else {
            Ok(())
        }
    }
}

/// A group meeting with its texts and sessions (by start).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub id: EventId,
    pub centre: CentreId,
    pub audience: Audience,
    /// Who organises it with the centre, e.g. "Comune di Santarcangelo".
    pub partners: String,
    /// One registration is for every session (a series), not for one.
    pub series: bool,
    pub texts: Vec<EventText>,
    pub sessions: Vec<Session>,
    pub created_at: DateTime<Utc>,
}

impl Event {
    /// The text in `lang`, else in Italian, else the first there is.
    pub fn text(&self, lang: Lang) -> Option<&EventText> {
        self.texts
            .iter()
            .find(|t| t.lang == lang)
            .or_else(|| self.texts.iter().find(|t| t.lang == Lang::It))
            .or_else(|| self.texts.first())
    }

    pub fn session(&self, id: SessionId) -> Option<&Session> {
        self.sessions.iter().find(|s| s.id == id)
    }

    /// The sessions still to come that are not cancelled.
    pub fn upcoming(&self, now: DateTime<Utc>) -> impl Iterator<Item = &Session> {
        self.sessions
            .iter()
            .filter(move |s| s.start > now && s.status == SessionStatus::Scheduled)
    }
}

/// A session to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub room: Option<Room>,
    /// The meeting room of a session held online (`None` otherwise).
    pub video_url: Option<String>,
    pub seats: u32,
    /// `None`: at the start.
    pub registration_closes: Option<DateTime<Utc>>,
}

/// An event to create, with its sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub centre: CentreId,
    pub audience: Audience,
    pub partners: String,
    pub series: bool,
    pub texts: Vec<EventText>,
    pub sessions: Vec<NewSession>,
}

/// What is wrong with a [`NewEvent`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventProblem {
    NoItalianTitle,
    EmptyTitle,
    NoSession,
    /// A session ends before it starts, or closes registration after it starts.
    SessionTimes,
    /// A session neither in a room nor online.
    NowhereToMeet,
    NoSeats,
}

impl NewEvent {
    /// Checks what the schema cannot say well: an Italian title, sessions
    /// that are somewhere, with seats and times in order.
    pub fn check(&self) -> Result<(), EventProblem> {
        if self.texts.iter().any(|t| t.title.trim().is_empty()) {
            return Err(EventProblem::EmptyTitle);
        }
        if !self.texts.iter().any(|t| t.lang == Lang::It) {
            return Err(EventProblem::NoItalianTitle);
        }
        if self.sessions.is_empty() {
            return Err(EventProblem::NoSession);
        }
        for s in &self.sessions {
            if s.end <= s.start || s.registration_closes.is_some_and(|c| c > s.start) {
                return Err(EventProblem::SessionTimes);
            }
            if s.room.is_none() && s.video_url.is_none() {
                return Err(EventProblem::NowhereToMeet);
            }
            if s.seats == 0 {
                return Err(EventProblem::NoSeats);
            }
        }
        Ok(())
    }
}

/// One person's registration for one session, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Registration {
    /// The server's registration sequence: a later registration has a
    /// larger id.
    pub id: i64,
    pub reference: RegistrationRef,
    pub event: EventId,
    pub session: SessionId,
    pub status: RegistrationStatus,
    /// Place in line, from 1, while waiting.
    pub position: Option<u32>,
    /// Until when an offered seat is held.
    pub offer_expires: Option<DateTime<Utc>>,
    pub person: Person,
    pub needs: Needs,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn references_read_back_and_differ_from_bookings() {
        let r = RegistrationRef::from_random([7, 200, 3, 90, 11, 12, 13, 255]);
        assert!(r.as_str().starts_with("E-"));
        assert_eq!(RegistrationRef::parse(&r.as_str().to_lowercase()), Some(r.clone()));
        assert_eq!(RegistrationRef::parse(&r.as_str().replacen('E', "P", 1)), None);
        assert_eq!(crate::BookingRef::parse(r.as_str()), None);
        assert_eq!(RegistrationRef::parse("E-0000-0000"), None);
    }

    #[test]
    fn codes_round_trip() {
        for s in RegistrationStatus::ALL {
            assert_eq!(RegistrationStatus::parse(s.code()), Some(*s));
        }
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.code()), Some(*a));
        }
        assert!(RegistrationStatus::Offered.holds_seat());
        assert!(!RegistrationStatus::Waiting.holds_seat());
        assert!(RegistrationStatus::Waiting.is_active());
        assert!(!RegistrationStatus::Lapsed.is_active());
    }

    fn session(seats: u32, taken: u32, waiting: u32) -> Session {
        let start = Utc.with_ymd_and_hms(2026, 12, 10, 9, 0, 0).unwrap();
        Session {
            id: SessionId(1),
            event: EventId(1),
            start,
            end: start + Duration::hours(2),
            room: None,
            online: true,
            video_url: Some("https://meet.example.org/x".into()),
            seats,
            status: SessionStatus::Scheduled,
            registration_closes: start - Duration::hours(1),
            taken,
            waiting,
            changes: Default::default(),
        }
    }

    #[test]
    fn free_seats_are_none_while_people_wait() {
        assert_eq!(session(5, 3, 0).free_seats(), 2);
        assert_eq!(session(5, 4, 2).free_seats(), 0);
        assert_eq!(session(5, 5, 0).free_seats(), 0);
    }

    #[test]
    fn registration_closes_before_the_start() {
        let s = session(5, 0, 0);
        assert_eq!(s.open_at(s.start - Duration::hours(2)), Ok(()));
        assert_eq!(
            s.open_at(s.start - Duration::minutes(30)),
            Err(SessionClosed::RegistrationClosed)
        );
        assert_eq!(s.open_at(s.start), Err(SessionClosed::Past));
        let cancelled = Session {
            status: SessionStatus::Cancelled,
            ..s.clone()
        };
        assert_eq!(
            cancelled.open_at(s.start - Duration::days(1)),
            Err(SessionClosed::Cancelled)
        );
    }
}
