//! The organiser's changes to a session, told to everyone concerned: a
//! move (postponed or brought forward), a cancellation with its reason,
//! and a message to everyone registered. Each is checked by the domain's
//! rules, then storage applies it under the session's lock and queues each
//! person's e-mail and text, in their language, in the same transaction.
//! The event's page, its markup (`EventRescheduled`, `EventCancelled`) and
//! the calendar feeds follow from the session's new state.

use chrono::{DateTime, Utc};
use sportello_domain::{
    Actor, Centre, ChangeProblem, Event, Lang, Registration, Session, SessionId, SessionMessage, SessionMove,
    SessionStatus,
};
use sportello_storage::StorageError;

use super::mails::{EventContext, NoticeKind, message_notice, notice};
use crate::i18n::{args, msg, msg_args};
use crate::{App, view};

/// Why a change was not made.
#[derive(Debug)]
pub enum ChangeError {
    /// The session may not be changed so (message id in
    /// [`ChangeProblem::message_id`]).
    Refused(ChangeProblem),
    Storage(StorageError),
}

impl From<StorageError> for ChangeError {
    fn from(e: StorageError) -> Self {
        match e {
            // Started or called off between the check and the lock.
            StorageError::Stale => ChangeError::Refused(ChangeProblem::Started),
            other => ChangeError::Storage(other),
        }
    }
}

impl From<ChangeProblem> for ChangeError {
    fn from(p: ChangeProblem) -> Self {
        ChangeError::Refused(p)
    }
}

/// The event as it is once `session` is changed by `apply`: what the
/// messages describe.
fn changed(event: &Event, session: SessionId, apply: impl FnOnce(&mut sportello_domain::Session)) -> Event {
    let mut event = event.clone();
    if let Some(s) = event.sessions.iter_mut().find(|s| s.id == session) {
        apply(s);
    }
    event
}

/// Moves `session` of `event` to the times the operator gave (`start`,
/// `end`, with an optional reason); every person still registered is
/// told the new time. The registrations told.
pub async fn move_session(
    app: &App,
    event: &Event,
    centre: &Centre,
    session: SessionId,
    (start, end, reason): (DateTime<Utc>, DateTime<Utc>, &str),
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<Registration>, ChangeError> {
    let current = event.session(session).ok_or(StorageError::NotFound)?;
    let to: SessionMove = current.check_move(start, end, reason, now)?;
    let after = changed(event, session, |s| {
        s.changes.previous_start = Some(s.start);
        s.changes.revision += 1;
        s.changes.reason = to.reason.clone();
        s.start = to.start;
        s.end = to.end;
        s.registration_closes = to.registration_closes;
    });
    let ctx = EventContext { event: &after, centre };
    let notices = |rows: &[Registration]| notice(app, &ctx, NoticeKind::SessionMoved, rows, now);
    Ok(app.storage.move_session(session, &to, &notices, actor, now).await?)
}

/// Calls `session` of `event` off for `reason`; every registration still
/// active is cancelled and its person told why. The registrations
/// cancelled.
pub async fn cancel_session(
    app: &App,
    event: &Event,
    centre: &Centre,
    session: SessionId,
    reason: &str,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<Registration>, ChangeError> {
    let current = event.session(session).ok_or(StorageError::NotFound)?;
    let reason = current.check_cancel(reason, now)?;
    let after = changed(event, session, |s| {
        s.status = SessionStatus::Cancelled;
        s.changes.revision += 1;
        s.changes.reason = reason.clone();
    });
    let ctx = EventContext { event: &after, centre };
    let notices = |rows: &[Registration]| notice(app, &ctx, NoticeKind::SessionCancelled, rows, now);
    Ok(app
        .storage
        .cancel_session(session, &reason, &notices, actor, now)
        .await?)
}

/// Sends the operator's message (`subject`, `body`) to everyone registered
/// to `session` (seat, offer or line), by e-mail and text as each asked,
/// and keeps it for their registration's page. How many it went to.
pub async fn message_session(
    app: &App,
    event: &Event,
    centre: &Centre,
    session: SessionId,
    (subject, body): (&str, &str),
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<u32, ChangeError> {
    let current = event.session(session).ok_or(StorageError::NotFound)?;
    let message: SessionMessage = current.check_message(subject, body, now)?;
    let ctx = EventContext { event, centre };
    let notices = |rows: &[Registration]| message_notice(app, &ctx, rows, &message, now);
    Ok(app
        .storage
        .message_session(session, &message, &notices, actor, now)
        .await?)
}

/// A line on what the organiser changed: "Cancelled by the organiser — …"
/// or "Moved from … — …", with the reason when one was given.
pub fn state_note(lang: Lang, s: &Session) -> Option<String> {
    let note = if s.status == SessionStatus::Cancelled {
        msg(lang, "event-called-off")
    } else {
        let previous = s.changes.previous_start?;
        msg_args(
            lang,
            "event-moved-from",
            &args(&[("when", view::when(lang, previous).into())]),
        )
    };
    Some(match s.changes.reason.as_str() {
        "" => note,
        reason => format!("{note} — {reason}"),
    })
}
