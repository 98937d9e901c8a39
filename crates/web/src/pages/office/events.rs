//! A centre's group meetings in the back office: `GET /{lang}/office/events`
//! lists the events with sessions from a month ago to four months ahead,
//! with seats taken and people waiting; a session's page
//! (`…/events/{event}/sessions/{session}`) is its registered list, for the
//! wall or the desk (it prints without the navigation), where the people
//! who came or did not are marked once it has started. Registrations follow
//! the bookings' need-to-know rules (`Access`): a Law 68/1999 event's list
//! only for the centre's `mirato` grants, health-related needs only for who
//! serves the session, each such read in the audit log.

use axum::extract::{Query, State};
use axum::response::Response;
use chrono::{Duration, Utc};
use minijinja::context;
use minijinja::value::Serde;
use serde::{Deserialize, Serialize};
use sportello_domain::vocab::Vocabulary;
use sportello_domain::{
    Audience, Centre, Event, EventId, Lang, NewAuditEntry, Registration, RegistrationStatus, ServiceKind, SessionId,
};
use sportello_storage::StorageError;

use super::appointments::services::{Need, centre_choices, centre_for};
use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::{render, see_other};
use crate::session::{Office, SignedIn};
use sportello_app::events::{audience_id, place_text, status_text};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::view;

/// Repeat reads of one registration by one user within this long leave one row.
const READS_COALESCED: Duration = Duration::hours(1);

/// The need-to-know kind of an event's registrations: a Law 68/1999 event's
/// are as Collocamento Mirato bookings, every other as ordinary ones.
pub(super) fn kind(event: &Event) -> ServiceKind {
    if event.audience == Audience::Mirato {
        ServiceKind::MiratoAdvice
    } else {
        ServiceKind::BasicGuidance
    }
}

fn title(lang: Lang, event: &Event) -> String {
    event.text(lang).map(|t| t.title.clone()).unwrap_or_default()
}

#[derive(Debug, Serialize)]
struct SessionItem {
    when: String,
    place: String,
    counts: String,
    cancelled: bool,
    /// "Moved from …" or "Cancelled by the organiser", with the reason.
    note: Option<String>,
    /// The registered list, for who may read it.
    url: Option<String>,
}

#[derive(Debug, Serialize)]
struct EventItem {
    title: String,
    audience: String,
    sessions: Vec<SessionItem>,
}

#[derive(Debug, Default, Deserialize)]
pub struct EventsQuery {
    centre: Option<String>,
    done: Option<String>,
}

/// `GET /{lang}/office/events?centre={slug}`.
pub async fn list(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    Query(query): Query<EventsQuery>,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let centre = centre_for(&state, &user, query.centre.as_deref(), Need::ReadAgenda, "events.read").await?;
    let now = Utc::now();
    let events = state
        .storage
        .centre_events(centre.id, now - Duration::days(30), now + Duration::days(120))
        .await
        .on_page(lang)?;
    let access = user.access();
    let items: Vec<EventItem> = events
        .iter()
        .map(|e| EventItem {
            title: title(lang, e),
            audience: msg(lang, audience_id(e.audience)),
            sessions: e
                .sessions
                .iter()
                .map(|s| SessionItem {
                    when: format!("{} ({})", view::when(lang, s.start), view::time_range(s.start, s.end)),
                    place: place_text(lang, s),
                    counts: msg_args(
                        lang,
                        "office-events-counts",
                        &args(&[
                            ("taken", i64::from(s.taken).into()),
                            ("seats", i64::from(s.seats).into()),
                            ("waiting", i64::from(s.waiting).into()),
                        ]),
                    ),
                    cancelled: s.status == sportello_domain::SessionStatus::Cancelled,
                    note: sportello_app::events::state_note(lang, s),
                    url: access
                        .can_read_bookings(centre.id, kind(e))
                        .then(|| format!("/{lang}/office/events/{}/sessions/{}", e.id.0, s.id.0)),
                })
                .collect(),
        })
        .collect();
    let title = format!("{} · {}", msg(lang, "office-events-title"), centre.data.name);
    let ctx = context! {
        centre => centre.data.slug.clone(),
        centres => centre_choices(&user, Need::ReadAgenda),
        events => Serde(&items),
    };
    render("office/events.html", lang, "/office/events", &title, Some(&user), ctx)
}

/// The event and session of the address, with the event's centre, if the
/// user may read its registrations.
pub(super) async fn load(
    state: &AppState,
    user: &SignedIn,
    event: &str,
    session: &str,
) -> Result<(Event, SessionId, Centre), AppError> {
    let lang = user.lang;
    let not_found = || AppError::not_found().page(lang);
    let event = event.parse::<i64>().map_err(|_| not_found())?;
    let session = SessionId(session.parse::<i64>().map_err(|_| not_found())?);
    let event = state
        .storage
        .event(EventId(event))
        .await
        .on_page(lang)?
        .filter(|e| e.sessions.iter().any(|s| s.id == session))
        .ok_or_else(not_found)?;
    let centre = user
        .centres
        .iter()
        .find(|c| c.id == event.centre)
        .cloned()
        .ok_or_else(not_found)?;
    if !user.access().can_read_bookings(centre.id, kind(&event)) {
        return Err(user
            .deny(state, "registrations.read", "session", &session.0.to_string())
            .await);
    }
    Ok((event, session, centre))
}

fn has_health_needs(r: &Registration) -> bool {
    r.needs.wheelchair || r.needs.sign_language || !r.needs.other.is_empty()
}

#[derive(Debug, Serialize)]
struct Row {
    id: i64,
    name: String,
    email: String,
    phone: String,
    status: String,
    status_code: &'static str,
    needs: Vec<String>,
    can_mark: bool,
}

/// `GET /{lang}/office/events/{event}/sessions/{session}`: the registered list.
pub async fn session(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    PathParams((_, event, session)): PathParams<(String, String, String)>,
    Query(query): Query<EventsQuery>,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let (event, session, centre) = load(&state, &user, &event, &session).await?;
    let notice = match query.done.as_deref() {
        Some("marked") => Some(msg(lang, "office-session-marked")),
        Some("moved") => Some(msg(lang, "office-session-moved")),
        Some("cancelled") => Some(msg(lang, "office-session-called-off")),
        Some("sent") => Some(msg(lang, "office-session-sent")),
        _ => None,
    };
    let outcome = SessionOutcome {
        notice,
        ..SessionOutcome::default()
    };
    session_page(&state, &user, &event, session, &centre, outcome).await
}

/// What the session's page shows after a change: a notice, or the form
/// that was refused with its values and error, and the answer's status.
#[derive(Debug, Default)]
pub(super) struct SessionOutcome {
    pub notice: Option<String>,
    /// The form (`move`, `cancel` or `message`) and its error.
    pub error: Option<(&'static str, String)>,
    pub values: std::collections::BTreeMap<&'static str, String>,
    pub status: Option<axum::http::StatusCode>,
}

/// The session's page: what it is, the registered list, and for who handles
/// it the forms that move it, call it off or write to everyone registered.
pub(super) async fn session_page(
    state: &AppState,
    user: &SignedIn,
    event: &Event,
    session: SessionId,
    centre: &Centre,
    outcome: SessionOutcome,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let s = event
        .sessions
        .iter()
        .find(|s| s.id == session)
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let access = user.access();
    let serves = access.can_read_needs(centre.id, kind(event));
    let handles = access.can_handle_bookings(centre.id, kind(event));
    let now = Utc::now();
    let started = s.start <= now;
    let all = state.storage.session_registrations(session).await.on_page(lang)?;
    let gone = |r: &Registration| matches!(r.status, RegistrationStatus::Cancelled | RegistrationStatus::Lapsed);
    let listed: Vec<&Registration> = all.iter().filter(|r| !gone(r)).collect();
    // Each read of art. 9 data leaves an audit row: every registration of
    // a Law 68/1999 event, and the health-related needs shown.
    let reads: Vec<NewAuditEntry> = listed
        .iter()
        .filter(|r| event.audience == Audience::Mirato || (serves && has_health_needs(r)))
        .map(|r| NewAuditEntry::new("registration.read", "registration", r.reference.as_str()).centre(centre.id))
        .collect();
    state
        .storage
        .audit_reads(&user.actor(), &reads, now - READS_COALESCED, now)
        .await
        .on_page(lang)?;
    let rows: Vec<Row> = listed
        .iter()
        .map(|r| {
            let mut needs = Vec::new();
            if let Some(language) = r.needs.interpreter {
                needs.push(msg_args(
                    lang,
                    "agenda-need-interpreter",
                    &args(&[("language", language.label(lang).into())]),
                ));
            }
            if serves {
                if r.needs.wheelchair {
                    needs.push(msg(lang, "agenda-need-wheelchair"));
                }
                if r.needs.sign_language {
                    needs.push(msg(lang, "agenda-need-sign-language"));
                }
                if !r.needs.other.is_empty() {
                    needs.push(r.needs.other.clone());
                }
            }
            Row {
                id: r.id,
                name: r.person.name.clone(),
                email: r.person.email_text(),
                phone: r.person.phone_text(),
                status: status_text(lang, r),
                status_code: r.status.code(),
                needs,
                can_mark: handles
                    && started
                    && matches!(
                        r.status,
                        RegistrationStatus::Confirmed | RegistrationStatus::Attended | RegistrationStatus::NoShow
                    ),
            }
        })
        .collect();
    let heading = msg_args(
        lang,
        "office-session-title",
        &args(&[
            ("title", title(lang, event).into()),
            ("when", view::when(lang, s.start).into()),
        ]),
    );
    let messages: Vec<_> = state
        .storage
        .session_messages(session)
        .await
        .on_page(lang)?
        .into_iter()
        .map(|m| {
            context! {
                subject => m.subject,
                body => m.body,
                sent => view::when(lang, m.sent_at),
                recipients => m.recipients,
            }
        })
        .collect();
    let local = sportello_domain::time::to_rome(s.start);
    let mut values = outcome.values;
    values
        .entry("date")
        .or_insert_with(|| local.format("%Y-%m-%d").to_string());
    values
        .entry("start")
        .or_insert_with(|| local.format("%H:%M").to_string());
    values
        .entry("end")
        .or_insert_with(|| sportello_domain::time::to_rome(s.end).format("%H:%M").to_string());
    let base = format!("/{lang}/office/events/{}/sessions/{}", event.id.0, session.0);
    let ctx = context! {
        centre => centre.data.slug.clone(),
        state_note => sportello_app::events::state_note(lang, s),
        changeable => handles && s.changeable_at(now).is_ok(),
        told => s.taken + s.waiting,
        base => &base,
        notice => outcome.notice,
        error_form => outcome.error.as_ref().map(|e| e.0),
        error => outcome.error.as_ref().map(|e| e.1.clone()),
        values => values,
        messages => messages,
        place => place_text(lang, s),
        counts => msg_args(
            lang,
            "office-events-counts",
            &args(&[
                ("taken", i64::from(s.taken).into()),
                ("seats", i64::from(s.seats).into()),
                ("waiting", i64::from(s.waiting).into()),
            ]),
        ),
        rows => Serde(&rows),
        gone => all.len() - listed.len(),
        started,
        handles,
        action => format!("{base}/attendance"),
    };
    let mut response = render(
        "office/event_session.html",
        lang,
        "/office/events",
        &heading,
        Some(user),
        ctx,
    )?;
    if let Some(status) = outcome.status {
        *response.status_mut() = status;
    }
    Ok(response)
}

/// `POST /{lang}/office/events/{event}/sessions/{session}/attendance` with
/// `registration` and `status` (`attended`, `no_show` or `confirmed`).
pub async fn attendance(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    PathParams((_, event, session)): PathParams<(String, String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let lang = user.lang;
    let (event, session, centre) = load(&state, &user, &event, &session).await?;
    if !user.access().can_handle_bookings(centre.id, kind(&event)) {
        return Err(user
            .deny(&state, "registration.mark", "session", &session.0.to_string())
            .await);
    }
    let status_value = form.get("status");
    let status = RegistrationStatus::parse(&status_value)
        .filter(|s| {
            matches!(
                s,
                RegistrationStatus::Attended | RegistrationStatus::NoShow | RegistrationStatus::Confirmed
            )
        })
        .ok_or_else(|| AppError::bad_parameter("status", status_value.clone()).page(lang))?;
    let registration_value = form.get("registration");
    let registration = registration_value
        .parse::<i64>()
        .map_err(|_| AppError::bad_parameter("registration", registration_value.clone()).page(lang))?;
    match state
        .storage
        .mark_registration(session, registration, status, &user.actor(), Utc::now())
        .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/{lang}/office/events/{}/sessions/{}?done=marked",
            event.id.0, session.0
        ))),
        Err(StorageError::Stale) => Err(AppError::new(Problem::NotPossible("mark".into())).page(lang)),
        Err(e) => Err(AppError::from(e).page(lang)),
    }
}
