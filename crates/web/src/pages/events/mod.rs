//! Group meetings' public pages, no account needed: the upcoming events of
//! the network or of one centre with filters (`GET /{lang}/events`), an
//! event's page with its sessions, free seats and the registration form
//! (`register.rs` takes the form), and a registration's own page behind its
//! signed link (`registration.rs`), and an event's A4 poster (`poster.rs`).
//! Plain links and forms: nothing needs
//! JavaScript. The rules live in `sportello_app::events`.

pub mod poster;
pub mod register;
pub mod registration;

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::{Audience, Centre, Event, EventId, Lang, Session, SessionClosed, markdown};
use sportello_storage::EventFilter;

use super::appointments::Crumb;
use super::render_page;
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::Locale;
use sportello_app::events::{audience_id, place_text};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::view;

/// Events listed on one page at most.
pub const LIST_LIMIT: u32 = 100;

/// Why a session takes no registration, in words.
pub fn closed_text(lang: Lang, closed: SessionClosed) -> String {
    msg(
        lang,
        match closed {
            SessionClosed::Past => "event-closed-past",
            SessionClosed::Cancelled => "event-closed-cancelled",
            SessionClosed::RegistrationClosed => "event-closed-registration",
        },
    )
}

/// A session as the pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct SessionView {
    pub id: i64,
    pub when: String,
    pub times: String,
    pub place: String,
    /// "3 seats free", "Full: …", "Cancelled", "Registration closed".
    pub seats: String,
    pub open: bool,
    /// "Moved from …" or "Cancelled by the organiser", with the reason.
    pub change: Option<String>,
}

pub fn session_view(lang: Lang, s: &Session, now: DateTime<Utc>) -> SessionView {
    let seats = match s.open_at(now) {
        Ok(()) if s.free_seats() > 0 => msg_args(
            lang,
            "event-seats-free",
            &args(&[("count", i64::from(s.free_seats()).into())]),
        ),
        Ok(()) => msg(lang, "event-seats-full"),
        Err(SessionClosed::Cancelled) => msg(lang, "event-session-cancelled"),
        Err(_) => msg(lang, "event-session-closed"),
    };
    SessionView {
        id: s.id.0,
        when: view::when(lang, s.start),
        times: view::time_range(s.start, s.end),
        place: place_text(lang, s),
        seats,
        open: s.open_at(now).is_ok(),
        change: sportello_app::events::state_note(lang, s),
    }
}

/// An event as the pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    pub id: i64,
    pub url: String,
    pub title: String,
    /// The texts' language when it is not the page's (an Italian fallback).
    pub text_lang: Option<&'static str>,
    pub description_html: String,
    pub audience: String,
    pub centre: String,
    pub centre_slug: String,
    pub partners: String,
    pub series: bool,
    pub online: bool,
    pub sessions: Vec<SessionView>,
    /// Some session takes registrations.
    pub open: bool,
}

pub fn event_view(lang: Lang, event: &Event, centre: &Centre, now: DateTime<Utc>) -> EventView {
    let text = event.text(lang);
    let sessions: Vec<SessionView> = event
        .sessions
        .iter()
        .filter(|s| s.end > now || event.sessions.len() == 1)
        .map(|s| session_view(lang, s, now))
        .collect();
    EventView {
        id: event.id.0,
        url: format!("/{lang}/events/{}", event.id.0),
        title: text.map(|t| t.title.clone()).unwrap_or_default(),
        text_lang: text.map(|t| t.lang).filter(|l| *l != lang).map(Lang::code),
        description_html: text.map(|t| markdown::to_html(&t.description)).unwrap_or_default(),
        audience: msg(lang, audience_id(event.audience)),
        centre: centre.data.name.clone(),
        centre_slug: centre.data.slug.clone(),
        partners: event.partners.clone(),
        series: event.series,
        online: event.sessions.iter().any(|s| s.online),
        open: sessions.iter().any(|s| s.open),
        sessions,
    }
}

/// The crumbs of every event page: the list of events.
pub fn crumbs(lang: Lang) -> Vec<Crumb> {
    vec![Crumb {
        href: format!("/{lang}/events"),
        label: msg(lang, "events-title"),
        lang: None,
    }]
}

/// The event with this number in the address, with its centre.
pub async fn load_event(state: &AppState, lang: Lang, id: &str) -> Result<(Event, Centre), AppError> {
    let id = id.parse::<i64>().map_err(|_| AppError::not_found().page(lang))?;
    sportello_app::events::event_with_centre(state, EventId(id))
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))
}

/// The next `count` events of a centre or of the network, as the home page
/// and a centre's board show them.
pub async fn next_events(
    state: &AppState,
    lang: Lang,
    centre: Option<sportello_domain::CentreId>,
    count: u32,
) -> Result<Vec<EventView>, AppError> {
    let now = Utc::now();
    let filter = EventFilter {
        centre,
        ..Default::default()
    };
    let events = state.storage.upcoming_events(&filter, now, count).await.on_page(lang)?;
    let centres = state.storage.centres().await.on_page(lang)?;
    Ok(events
        .iter()
        .filter_map(|e| Some(event_view(lang, e, centres.iter().find(|c| c.id == e.centre)?, now)))
        .collect())
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    centre: Option<String>,
    audience: Option<String>,
    /// `online` or `room`.
    r#where: Option<String>,
}

#[derive(Debug, Serialize)]
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// `GET /{lang}/events?centre=…&audience=…&where=…`: upcoming events, by
/// their next session.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn list(
    State(state): State<AppState>,
    Locale(lang): Locale,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let centres = state.storage.centres().await.on_page(lang)?;
    let chosen_centre = q
        .centre
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(|slug| {
            centres
                .iter()
                .find(|c| c.data.slug == slug)
                .ok_or_else(|| AppError::bad_parameter("centre", slug).page(lang))
        })
        .transpose()?;
    let audience = match q.audience.as_deref().filter(|a| !a.is_empty()) {
        Some(code) => Some(Audience::parse(code).ok_or_else(|| AppError::bad_parameter("audience", code).page(lang))?),
        None => None,
    };
    let online = match q.r#where.as_deref().unwrap_or_default() {
        "" => None,
        "online" => Some(true),
        "room" => Some(false),
        other => return Err(AppError::bad_parameter("where", other).page(lang)),
    };
    let filter = EventFilter {
        centre: chosen_centre.map(|c| c.id),
        audience,
        online,
        cancelled_too: false,
    };
    let events = state
        .storage
        .upcoming_events(&filter, now, LIST_LIMIT)
        .await
        .on_page(lang)?;
    let views: Vec<EventView> = events
        .iter()
        .filter_map(|e| Some(event_view(lang, e, centres.iter().find(|c| c.id == e.centre)?, now)))
        .collect();
    let centre_choices: Vec<Choice> = centres
        .iter()
        .map(|c| Choice {
            value: c.data.slug.clone(),
            label: c.data.name.clone(),
            selected: chosen_centre.is_some_and(|chosen| chosen.id == c.id),
        })
        .collect();
    let audience_choices: Vec<Choice> = Audience::ALL
        .iter()
        .filter(|a| **a != Audience::Everyone)
        .map(|a| Choice {
            value: a.code().to_string(),
            label: msg(lang, audience_id(*a)),
            selected: audience == Some(*a),
        })
        .collect();
    let where_choices: Vec<Choice> = [
        ("online", "events-filter-where-online"),
        ("room", "events-filter-where-room"),
    ]
    .into_iter()
    .map(|(value, id)| Choice {
        value: value.into(),
        label: msg(lang, id),
        selected: q.r#where.as_deref() == Some(value),
    })
    .collect();
    let title = match chosen_centre {
        Some(c) => format!("{} – {}", msg(lang, "events-title"), c.data.name),
        None => msg(lang, "events-title"),
    };
    let ctx = context! {
        events => minijinja::value::Serde(&views),
        count => views.len(),
        centres => minijinja::value::Serde(&centre_choices),
        audiences => minijinja::value::Serde(&audience_choices),
        places => minijinja::value::Serde(&where_choices),
        calendar_href => chosen_centre.map(|c| format!("/{lang}/centres/{}/events.ics", c.data.slug)),
    };
    let page = render_page("events/list.html", lang, "/events", &title, &state.public_url, ctx)?;
    Ok(page.into_response())
}
