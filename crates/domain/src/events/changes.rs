//! What an organiser may change in a session once people have registered:
//! move it (postpone it or bring it forward), call it off, or write to
//! everyone registered. Each is for a session still to come and not called
//! off; a move keeps the session's length of registration (registration
//! closes as long before the new start as before the old one) and counts
//! as a revision, as a cancellation does, so that calendar files replace
//! what people saved. Pure rules; storage applies them under the session's
//! lock.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::{Session, SessionStatus};
use crate::text::clean_line;

/// Longest reason for a move or a cancellation, in characters.
pub const MAX_REASON: usize = 300;
/// Longest subject of a message to the registered, in characters.
pub const MAX_SUBJECT: usize = 150;
/// Longest text of a message to the registered, in characters.
pub const MAX_MESSAGE: usize = 2000;
/// Longest a moved session may last: as a day.
const MAX_LENGTH: Duration = Duration::hours(24);

/// What the organiser changed in a session after publishing it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SessionChanges {
    /// How many times it was moved or called off: the calendar files'
    /// `SEQUENCE`.
    pub revision: u32,
    /// Its start before the latest move.
    pub previous_start: Option<DateTime<Utc>>,
    /// The organiser's public reason for the latest change ("" if none).
    pub reason: String,
}

/// Why a session cannot be changed as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeProblem {
    /// It has started (or ended).
    Started,
    /// It was called off already.
    Cancelled,
    /// The new start has passed.
    InPast,
    /// The new end is not after the new start, or a day later.
    Times,
    /// The new times are the session's own.
    Unchanged,
    /// A cancellation needs its reason.
    NoReason,
    /// A reason, subject or text over its length, or a message without
    /// subject or text.
    Length,
}

impl ChangeProblem {
    /// The identifier of the translated message for this problem.
    pub fn message_id(self) -> &'static str {
        match self {
            ChangeProblem::Started => "session-change-started",
            ChangeProblem::Cancelled => "session-change-cancelled",
            ChangeProblem::InPast => "session-change-in-past",
            ChangeProblem::Times => "session-change-times",
            ChangeProblem::Unchanged => "session-change-unchanged",
            ChangeProblem::NoReason => "session-change-no-reason",
            ChangeProblem::Length => "session-change-length",
        }
    }
}

/// A move, checked: the new times and when registration closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionMove {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub registration_closes: DateTime<Utc>,
    pub reason: String,
}

/// A message to everyone registered, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionMessage {
    pub subject: String,
    pub body: String,
}

/// A reason cleaned to one line, within [`MAX_REASON`].
fn reason(text: &str) -> Result<String, ChangeProblem> {
    let text = clean_line(text);
    if text.chars().count() > MAX_REASON {
        return Err(ChangeProblem::Length);
    }
    Ok(text)
}

impl Session {
    /// Whether the organiser may still change the session at `now`.
    pub fn changeable_at(&self, now: DateTime<Utc>) -> Result<(), ChangeProblem> {
        if self.status == SessionStatus::Cancelled {
            Err(ChangeProblem::Cancelled)
        } else if self.start <= now {
            Err(ChangeProblem::Started)
        } else {
            Ok(())
        }
    }

    /// Checks a move to `start`–`end` asked at `now`.
    pub fn check_move(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        why: &str,
        now: DateTime<Utc>,
    ) -> Result<SessionMove, ChangeProblem> {
        self.changeable_at(now)?;
        if start <= now {
            return Err(ChangeProblem::InPast);
        }
        if end <= start || end - start > MAX_LENGTH {
            return Err(ChangeProblem::Times);
        }
        if start == self.start && end == self.end {
            return Err(ChangeProblem::Unchanged);
        }
        let ahead = self.start - self.registration_closes;
        let closes = (start - ahead).max(now).min(start);
        Ok(SessionMove {
            start,
            end,
            registration_closes: closes,
            reason: reason(why)?,
        })
    }

    /// Checks a cancellation asked at `now`: its reason is required.
    pub fn check_cancel(&self, why: &str, now: DateTime<Utc>) -> Result<String, ChangeProblem> {
        self.changeable_at(now)?;
        let why = reason(why)?;
        if why.is_empty() {
            return Err(ChangeProblem::NoReason);
        }
        Ok(why)
    }

    /// Checks a message to the registered asked at `now`.
    pub fn check_message(
        &self,
        subject: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<SessionMessage, ChangeProblem> {
        self.changeable_at(now)?;
        let subject = clean_line(subject);
        let body = body.trim().replace("\r\n", "\n");
        if subject.is_empty()
            || body.is_empty()
            || subject.chars().count() > MAX_SUBJECT
            || body.chars().count() > MAX_MESSAGE
        {
            return Err(ChangeProblem::Length);
        }
        Ok(SessionMessage { subject, body })
    }
}

/// A message sent to a session's registered people, as kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentMessage {
    pub subject: String,
    pub body: String,
    pub sent_at: DateTime<Utc>,
    /// How many registrations it went to.
    pub recipients: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{EventId, SessionId};
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0).unwrap()
    }

    fn session() -> Session {
        Session {
            id: SessionId(1),
            event: EventId(1),
            start: at(20, 9),
            end: at(20, 11),
            room: None,
            online: true,
            video_url: Some("https://meet.example.org/x".into()),
            seats: 10,
            status: SessionStatus::Scheduled,
            registration_closes: at(20, 7),
            taken: 3,
            waiting: 0,
            changes: SessionChanges::default(),
        }
    }

    #[test]
    fn a_move_keeps_how_long_before_the_start_registration_closes() {
        let moved = session()
            .check_move(at(27, 9), at(27, 11), "  room  taken ", at(10, 9))
            .unwrap();
        assert_eq!(moved.registration_closes, at(27, 7));
        assert_eq!(moved.reason, "room taken");
        // Brought forward so close that the closing would have passed: now.
        let soon = session().check_move(at(10, 10), at(10, 12), "", at(10, 9)).unwrap();
        assert_eq!(soon.registration_closes, at(10, 9));
    }

    #[test]
    fn a_move_is_refused_when_it_cannot_be() {
        let s = session();
        assert_eq!(
            s.check_move(at(9, 9), at(9, 11), "", at(10, 9)),
            Err(ChangeProblem::InPast)
        );
        assert_eq!(
            s.check_move(at(27, 11), at(27, 9), "", at(10, 9)),
            Err(ChangeProblem::Times)
        );
        assert_eq!(
            s.check_move(at(27, 9), at(28, 10), "", at(10, 9)),
            Err(ChangeProblem::Times)
        );
        assert_eq!(
            s.check_move(s.start, s.end, "", at(10, 9)),
            Err(ChangeProblem::Unchanged)
        );
        assert_eq!(
            s.check_move(at(27, 9), at(27, 11), "", at(20, 9)),
            Err(ChangeProblem::Started)
        );
        let long = "x".repeat(MAX_REASON + 1);
        assert_eq!(
            s.check_move(at(27, 9), at(27, 11), &long, at(10, 9)),
            Err(ChangeProblem::Length)
        );
        let off = Session {
            status: SessionStatus::Cancelled,
            ..s
        };
        assert_eq!(
            off.check_move(at(27, 9), at(27, 11), "", at(10, 9)),
            Err(ChangeProblem::Cancelled)
        );
    }

    #[test]
    fn a_cancellation_needs_its_reason() {
        let s = session();
        assert_eq!(s.check_cancel("  ", at(10, 9)), Err(ChangeProblem::NoReason));
        assert_eq!(s.check_cancel("Speaker ill", at(10, 9)), Ok("Speaker ill".into()));
        assert_eq!(s.check_cancel("Speaker ill", at(20, 10)), Err(ChangeProblem::Started));
    }

    #[test]
    fn a_message_has_a_subject_and_a_text_within_bounds() {
        let s = session();
        let m = s
            .check_message(" Bring\tyour CV ", "Line one\r\nLine two\n", at(10, 9))
            .unwrap();
        assert_eq!(m.subject, "Bring your CV");
        assert_eq!(m.body, "Line one\nLine two");
        assert_eq!(s.check_message("", "text", at(10, 9)), Err(ChangeProblem::Length));
        assert_eq!(s.check_message("s", " ", at(10, 9)), Err(ChangeProblem::Length));
        let long = "x".repeat(MAX_MESSAGE + 1);
        assert_eq!(s.check_message("s", &long, at(10, 9)), Err(ChangeProblem::Length));
    }
}
