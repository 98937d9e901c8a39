//! What the organiser changes in a session from its page, each told to
//! everyone registered: `POST …/sessions/{session}/move` (a new date and
//! times, and an optional reason), `…/cancel` (the reason, required) and
//! `…/message` (a subject and a text). For who handles the event's
//! registrations (a Law 68/1999 event's: the centre's `mirato` grants);
//! a refused change shows the page again with the form's values and a
//! 422 (409 once the session has started or was called off), nothing
//! written.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{NaiveDate, NaiveTime, Utc};
use sportello_domain::ChangeProblem;
use sportello_domain::time::from_rome_local;

use super::events::{SessionOutcome, load, session_page};
use crate::AppState;
use crate::error::AppError;
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::see_other;
use crate::session::Office;
use sportello_app::events::{self, ChangeError};
use sportello_app::i18n::msg;

/// Which change a form asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Move,
    Cancel,
    Message,
}

impl Change {
    fn form(self) -> &'static str {
        match self {
            Change::Move => "move",
            Change::Cancel => "cancel",
            Change::Message => "message",
        }
    }

    fn audit_action(self) -> &'static str {
        match self {
            Change::Move => "session.move",
            Change::Cancel => "session.cancel",
            Change::Message => "session.message",
        }
    }

    fn done(self) -> &'static str {
        match self {
            Change::Move => "moved",
            Change::Cancel => "cancelled",
            Change::Message => "sent",
        }
    }

    /// The fields the form sends back, to show again when refused.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Change::Move => &["date", "start", "end", "move_reason"],
            Change::Cancel => &["cancel_reason"],
            Change::Message => &["subject", "body"],
        }
    }
}

/// The date and times of the move form in Rome time; `None` when one is
/// not a date or a time.
fn new_times(form: &FormFields) -> Option<(chrono::DateTime<Utc>, chrono::DateTime<Utc>)> {
    let date = NaiveDate::parse_from_str(form.get("date").trim(), "%Y-%m-%d").ok()?;
    let time = |name: &str| NaiveTime::parse_from_str(form.get(name).trim(), "%H:%M").ok();
    let (start, end) = (time("start")?, time("end")?);
    Some((
        from_rome_local(date.and_time(start)),
        from_rome_local(date.and_time(end)),
    ))
}

async fn change(
    state: AppState,
    user: Office,
    (event, session): (String, String),
    form: FormFields,
    what: Change,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let lang = user.lang;
    let (event, session, centre) = load(&state, &user, &event, &session).await?;
    if !user
        .access()
        .can_handle_bookings(centre.id, super::events::kind(&event))
    {
        return Err(user
            .deny(&state, what.audit_action(), "session", &session.0.to_string())
            .await);
    }
    let (actor, now) = (user.actor(), Utc::now());
    let app = &state.app;
    let done = match what {
        Change::Move => match new_times(&form) {
            Some(times) => {
                let asked = (times.0, times.1, form.get("move_reason"));
                events::move_session(app, &event, &centre, session, (asked.0, asked.1, &asked.2), &actor, now)
                    .await
                    .map(|_| ())
            }
            None => Err(ChangeError::Refused(ChangeProblem::Times)),
        },
        Change::Cancel => {
            events::cancel_session(app, &event, &centre, session, &form.get("cancel_reason"), &actor, now)
                .await
                .map(|_| ())
        }
        Change::Message => {
            let (subject, body) = (form.get("subject"), form.get("body"));
            events::message_session(app, &event, &centre, session, (&subject, &body), &actor, now)
                .await
                .map(|_| ())
        }
    };
    let problem = match done {
        Ok(()) => {
            return Ok(see_other(&format!(
                "/{lang}/office/events/{}/sessions/{}?done={}",
                event.id.0,
                session.0,
                what.done()
            )));
        }
        Err(ChangeError::Refused(problem)) => problem,
        Err(ChangeError::Storage(e)) => return Err(AppError::from(e).page(lang)),
    };
    let status = match problem {
        ChangeProblem::Started | ChangeProblem::Cancelled => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    // The page as it is now: the session may have changed meanwhile.
    let (event, session, centre) = load(&state, &user, &event.id.0.to_string(), &session.0.to_string()).await?;
    let outcome = SessionOutcome {
        notice: None,
        error: Some((what.form(), msg(lang, problem.message_id()))),
        values: what.fields().iter().map(|f| (*f, form.get(f))).collect(),
        status: Some(status),
    };
    session_page(&state, &user, &event, session, &centre, outcome).await
}

/// `POST /{lang}/office/events/{event}/sessions/{session}/move`.
pub async fn move_session(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    PathParams((_, event, session)): PathParams<(String, String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    change(state, user, (event, session), form, Change::Move).await
}

/// `POST /{lang}/office/events/{event}/sessions/{session}/cancel`.
pub async fn cancel_session(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    PathParams((_, event, session)): PathParams<(String, String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    change(state, user, (event, session), form, Change::Cancel).await
}

/// `POST /{lang}/office/events/{event}/sessions/{session}/message`.
pub async fn message_session(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    PathParams((_, event, session)): PathParams<(String, String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    change(state, user, (event, session), form, Change::Message).await
}
