//! A registration's own page, for whoever holds its signed link: each
//! session with its state (a seat, a place in line, a seat offered until a
//! deadline), the online room's address once the seat is confirmed, an
//! `.ics` per session, and confirming an offered seat or cancelling (forms,
//! no JavaScript). A link whose token is not the registration's gets a 403
//! page; one of an event long over a 410 page. Texts carry a short form of
//! the link (`/r/{reference}/{tag}`), which leads here.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::{
    Centre, Event, Lang, Registration, RegistrationRef, RegistrationStatus, SentMessage, SessionId,
};

use super::{EventView, crumbs, event_view};
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::appointments::{Message, message_page, private, query};
use crate::pages::render_page;
use crate::session::{ClientAddress, FormGuard};
use sportello_app::events::{self, EventContext, RegistrationError, links, place_text, status_text};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::view;

#[derive(Debug, Default, Deserialize)]
pub struct LinkQuery {
    t: Option<String>,
    /// What was just done: `cancelled` or `confirmed`.
    done: Option<String>,
}

/// A registration reached through a valid link.
struct Held {
    rows: Vec<Registration>,
    event: Event,
    centre: Centre,
    reference: RegistrationRef,
    token: String,
}

impl Held {
    fn path(&self, tail: &str) -> String {
        format!("/events/registration/{}{tail}", self.reference)
    }

    fn ctx(&self) -> EventContext<'_> {
        EventContext {
            event: &self.event,
            centre: &self.centre,
        }
    }

    fn row(&self, session: &str) -> Option<&Registration> {
        let id = SessionId(session.trim().parse().ok()?);
        self.rows.iter().find(|r| r.session == id)
    }
}

/// The registration of `reference` when `token` is its link's token;
/// otherwise the 403 page (the same for an unknown reference), or the 410
/// page once the event is long over.
async fn held(state: &AppState, lang: Lang, reference: &str, token: &str) -> Result<Result<Held, Response>, AppError> {
    let reference =
        RegistrationRef::parse(reference).filter(|r| !token.is_empty() && links::token_is_valid(state, r, token));
    let rows = match &reference {
        Some(reference) => state.storage.registrations(reference).await.on_page(lang)?,
        None => Vec::new(),
    };
    let (Some(reference), Some(first)) = (reference, rows.first()) else {
        return Ok(Err(link_refused(state, lang, StatusCode::FORBIDDEN)?));
    };
    let (event, centre) = super::load_event(state, lang, &first.event.0.to_string()).await?;
    if links::link_expired(&event, Utc::now()) {
        return Ok(Err(link_refused(state, lang, StatusCode::GONE)?));
    }
    Ok(Ok(Held {
        rows,
        event,
        centre,
        reference,
        token: token.to_string(),
    }))
}

/// The page of a link that does not open a registration: 403 for a wrong
/// token or reference (the same answer for both), 410 once the meeting is
/// long over.
fn link_refused(state: &AppState, lang: Lang, status: StatusCode) -> Result<Response, AppError> {
    let (title, text) = if status == StatusCode::GONE {
        ("event-link-expired-title", "event-link-expired-text")
    } else {
        ("event-token-title", "event-token-text")
    };
    let message = Message {
        title: msg(lang, title),
        text: msg(lang, text),
        links: vec![(format!("/{lang}/events"), msg(lang, "event-back"))],
        ..Message::default()
    };
    message_page(state, lang, "/events", status, crumbs(lang), message)
}

macro_rules! held_or_refuse {
    ($state:expr, $lang:expr, $reference:expr, $token:expr) => {
        match held($state, $lang, $reference, $token).await? {
            Ok(held) => held,
            Err(refusal) => return Ok(refusal),
        }
    };
}

/// One session of the registration as its page shows it.
#[derive(Debug, Serialize)]
struct RowView {
    session: i64,
    when: String,
    times: String,
    place: String,
    status: String,
    status_code: &'static str,
    /// The online room, once the seat is the person's.
    video_url: Option<String>,
    ics_href: String,
    can_confirm: bool,
    can_cancel: bool,
    /// "Moved from …" or "Cancelled by the organiser", with the reason.
    change: Option<String>,
    messages: Vec<MessageView>,
}

/// A message of the organiser as the page shows it.
#[derive(Debug, Serialize)]
struct MessageView {
    subject: String,
    body: String,
    sent: String,
}

fn row_view(lang: Lang, held: &Held, r: &Registration, messages: &[(SessionId, Vec<SentMessage>)]) -> Option<RowView> {
    let session = held.event.session(r.session)?;
    let now = Utc::now();
    let upcoming = session.start > now;
    Some(RowView {
        session: session.id.0,
        when: view::when(lang, session.start),
        times: view::time_range(session.start, session.end),
        place: place_text(lang, session),
        status: status_text(lang, r),
        status_code: r.status.code(),
        video_url: session
            .video_url
            .clone()
            .filter(|_| r.status == RegistrationStatus::Confirmed && session.end > now),
        ics_href: format!(
            "/{lang}{}?{}",
            held.path(&format!("/calendar/{}", session.id.0)),
            query(&[("t", &held.token)])
        ),
        can_confirm: r.status == RegistrationStatus::Offered && r.offer_expires.is_some_and(|d| d > now),
        can_cancel: r.status.is_active() && upcoming,
        change: events::state_note(lang, session),
        messages: messages
            .iter()
            .filter(|(s, _)| *s == session.id)
            .flat_map(|(_, m)| m)
            .map(|m| MessageView {
                subject: m.subject.clone(),
                body: m.body.clone(),
                sent: view::when(lang, m.sent_at),
            })
            .collect(),
    })
}

/// The registration's page, with the organiser's messages to each of its
/// sessions (read only here, where they are shown).
async fn registration_page(
    state: &AppState,
    lang: Lang,
    guard: &FormGuard,
    held: &Held,
    done: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let mut messages = Vec::with_capacity(held.rows.len());
    for r in &held.rows {
        messages.push((
            r.session,
            state.storage.session_messages(r.session).await.on_page(lang)?,
        ));
    }
    let rows: Vec<RowView> = held
        .rows
        .iter()
        .filter_map(|r| row_view(lang, held, r, &messages))
        .collect();
    let event: EventView = event_view(lang, &held.event, &held.centre, Utc::now());
    let title = msg_args(
        lang,
        "event-page-title",
        &args(&[("reference", held.reference.as_str().into())]),
    );
    let mut trail = crumbs(lang);
    trail.push(super::Crumb {
        href: event.url.clone(),
        label: event.title.clone(),
        lang: event.text_lang,
    });
    let ctx = context! {
        crumbs => minijinja::value::Serde(trail),
        event => minijinja::value::Serde(&event),
        rows => minijinja::value::Serde(&rows),
        reference => held.reference.as_str(),
        name => held.rows.first().map(|r| r.person.name.clone()),
        token => &held.token,
        form_csrf => guard.csrf.clone(),
        confirm_action => format!("/{lang}{}", held.path("/confirm")),
        cancel_action => format!("/{lang}{}", held.path("/cancel")),
        contact => minijinja::value::Serde(view::centre(lang, &held.centre)),
        done,
        error,
    };
    let page = render_page(
        "events/registration.html",
        lang,
        &held.path(""),
        &title,
        &state.public_url,
        ctx,
    )?;
    let mut response = private(page.into_response());
    *response.status_mut() = status;
    Ok(guard.attach(response))
}

/// `GET /{lang}/events/registration/{reference}?t=…`.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn page(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    PathParams((_, reference)): PathParams<(String, String)>,
    Query(q): Query<LinkQuery>,
) -> Result<Response, AppError> {
    let held = held_or_refuse!(&state, lang, &reference, q.t.as_deref().unwrap_or_default());
    let done = match q.done.as_deref() {
        Some("cancelled") => Some(msg(lang, "event-cancelled-done")),
        Some("confirmed") => Some(msg(lang, "event-confirmed-done")),
        _ => None,
    };
    registration_page(&state, lang, &guard, &held, done, None, StatusCode::OK).await
}

/// `GET /{lang}/events/registration/{reference}/calendar/{session}?t=…`.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn calendar(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, reference, session)): PathParams<(String, String, String)>,
    Query(q): Query<LinkQuery>,
) -> Result<Response, AppError> {
    let held = held_or_refuse!(&state, lang, &reference, q.t.as_deref().unwrap_or_default());
    let row = held.row(&session).ok_or_else(|| AppError::not_found().page(lang))?;
    let text =
        events::session_ics(&state, &held.ctx(), row, Utc::now()).ok_or_else(|| AppError::not_found().page(lang))?;
    let mut response = private(text.into_response());
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    let disposition = format!(
        "attachment; filename=\"event-{}-{}.ics\"",
        held.reference, row.session.0
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// What confirming or cancelling does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Change {
    Confirm,
    Cancel,
}

async fn change(
    state: AppState,
    lang: Lang,
    guard: FormGuard,
    address: String,
    reference: String,
    form: FormFields,
    what: Change,
) -> Result<Response, AppError> {
    let held = held_or_refuse!(&state, lang, &reference, &form.get("t"));
    if !guard.accepts(&form.get("csrf")) {
        let error = Some(msg(lang, "form-expired-text"));
        return registration_page(&state, lang, &guard, &held, None, error, StatusCode::FORBIDDEN).await;
    }
    let Some(row) = held.row(&form.get("session")) else {
        let error = Some(msg(lang, "event-no-session"));
        return registration_page(
            &state,
            lang,
            &guard,
            &held,
            None,
            error,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let actor = sportello_domain::Actor::anonymous(&address);
    let now = Utc::now();
    let result = match what {
        Change::Confirm => events::confirm(&state, &held.ctx(), row, &actor, now).await,
        Change::Cancel => events::cancel(&state, &held.ctx(), row, &actor, now).await,
    };
    let refused = |id: &str, status| {
        let error = Some(msg(lang, id));
        registration_page(&state, lang, &guard, &held, None, error, status)
    };
    match result {
        Ok(_) => {
            let done = if what == Change::Confirm {
                "confirmed"
            } else {
                "cancelled"
            };
            let to = format!(
                "/{lang}{}?{}",
                held.path(""),
                query(&[("done", done), ("t", &held.token)])
            );
            Ok(Redirect::to(&to).into_response())
        }
        Err(RegistrationError::TooLate) => refused("event-too-late-text", StatusCode::CONFLICT).await,
        Err(RegistrationError::OfferLapsed) => refused("event-offer-lapsed-text", StatusCode::CONFLICT).await,
        Err(RegistrationError::Limited(limited)) => {
            let error = Some(crate::error::too_many_text(lang, &limited));
            let page =
                registration_page(&state, lang, &guard, &held, None, error, StatusCode::TOO_MANY_REQUESTS).await?;
            Ok(crate::error::retry_after(page, &limited))
        }
        Err(RegistrationError::Storage(e)) => Err(AppError::from(e).page(lang)),
        Err(other) => Err(AppError::new(crate::error::Problem::Internal(format!(
            "unexpected refusal of a registration change: {other:?}"
        )))
        .page(lang)),
    }
}

/// `POST /{lang}/events/registration/{reference}/confirm`: takes the seat offered.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn confirm(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    ClientAddress(address): ClientAddress,
    PathParams((_, reference)): PathParams<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    change(state, lang, guard, address, reference, form, Change::Confirm).await
}

/// `POST /{lang}/events/registration/{reference}/cancel`: cancels one session.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn cancel(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    ClientAddress(address): ClientAddress,
    PathParams((_, reference)): PathParams<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    change(state, lang, guard, address, reference, form, Change::Cancel).await
}

/// `GET /r/{reference}/{tag}`: a text's short link, to the registration's
/// page in the person's language (a 403 page when the tag is wrong).
#[tracing::instrument(skip_all)]
pub async fn short_link(
    State(state): State<AppState>,
    PathParams((reference, tag)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let lang = Lang::It;
    let valid = RegistrationRef::parse(&reference).filter(|r| links::token_is_valid(&state, r, &tag));
    let Some(reference) = valid else {
        return link_refused(&state, lang, StatusCode::FORBIDDEN);
    };
    let person_lang = state
        .storage
        .registrations(&reference)
        .await
        .on_page(lang)?
        .first()
        .map_or(lang, |r| r.person.lang);
    let mut response = Redirect::to(&links::manage_path(&state, person_lang, &reference)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
