//! The group meetings API: upcoming events with their sessions and free
//! seats, one event, registering (with `Idempotency-Key`), reading and
//! cancelling a registration with its link's token. A registration whose
//! message reaches the person is answered only with "sent" (202), whether it
//! is new or one the person already held. The rules are the pages' own
//! (`sportello_app::events`); the database has the last word on seats.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use sportello_domain::{
    Actor, Audience, Centre, Event, EventId, Lang, RawBooking, Registration, RegistrationRef, Session, SessionId,
};
use sportello_storage::EventFilter;
use utoipa::{IntoParams, ToSchema};

use super::appointments::{
    SentJson, bad_token, idempotency_key, parse_body, refusal_error, refused, request_lang, rfc3339,
};
use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{ApiBody, ApiQuery, PathParams, Preferred};
use crate::session::ClientAddress;
use sportello_app::events::{self, EventContext, RegistrationError, RegistrationInput, links};
use sportello_app::i18n::msg;
use sportello_app::sms::SmsVerdict;

/// Filters of the event list, and the answer's language.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
pub struct EventParams {
    /// A centre's `slug`.
    pub centre: Option<String>,
    /// `everyone`, `young_people`, `foreign_residents` or `mirato`.
    pub audience: Option<String>,
    /// `online` or `room`.
    pub r#where: Option<String>,
    /// it, en, fr, de (else `Accept-Language`).
    pub lang: Option<String>,
}

/// A session with its seats now. The online room's address is given only
/// to registered people, never here.
#[derive(Serialize, ToSchema)]
pub struct SessionJson {
    pub id: i64,
    pub start: String,
    pub end: String,
    /// The room's name and address, for a session held in person.
    pub place: Option<String>,
    pub address: Option<String>,
    pub online: bool,
    pub seats: u32,
    /// Seats nobody holds with nobody waiting for them.
    pub free_seats: u32,
    /// People on the waiting list.
    pub waiting: u32,
    /// `scheduled` or `cancelled`.
    pub status: String,
    /// The start before the organiser last moved the session, if moved.
    pub previous_start: Option<String>,
    /// The organiser's reason for moving or cancelling it ("" if none).
    pub change_reason: String,
    /// Whether a registration is taken now (a seat or a place in line).
    pub registration_open: bool,
    pub registration_closes: String,
}

#[derive(Serialize, ToSchema)]
pub struct EventJson {
    pub id: i64,
    /// The event's page in the answer's language.
    pub url: String,
    /// The language of `title` and `description` (Italian when the event has
    /// no text in the language asked).
    pub text_lang: String,
    pub title: String,
    pub description: String,
    pub audience: String,
    /// The organising centre's `slug`.
    pub centre: String,
    pub partners: String,
    /// One registration is for every open session.
    pub series: bool,
    pub sessions: Vec<SessionJson>,
}

#[derive(Serialize, ToSchema)]
pub struct EventList {
    pub events: Vec<EventJson>,
}

fn session_json(s: &Session, now: chrono::DateTime<Utc>) -> SessionJson {
    SessionJson {
        id: s.id.0,
        start: rfc3339(s.start),
        end: rfc3339(s.end),
        place: s.room.as_ref().map(|r| r.place.clone()),
        address: s.room.as_ref().map(|r| r.address.clone()),
        online: s.online,
        seats: s.seats,
        free_seats: s.free_seats(),
        waiting: s.waiting,
        status: s.status.code().into(),
        previous_start: s.changes.previous_start.map(rfc3339),
        change_reason: s.changes.reason.clone(),
        registration_open: s.open_at(now).is_ok(),
        registration_closes: rfc3339(s.registration_closes),
    }
}

fn event_json(state: &AppState, lang: Lang, e: &Event, centre: &Centre) -> EventJson {
    let now = Utc::now();
    let text = e.text(lang);
    EventJson {
        id: e.id.0,
        url: state.public_url.join(&format!("/{lang}/events/{}", e.id.0)),
        text_lang: text.map_or(Lang::It, |t| t.lang).code().into(),
        title: text.map(|t| t.title.clone()).unwrap_or_default(),
        description: text.map(|t| t.description.clone()).unwrap_or_default(),
        audience: e.audience.code().into(),
        centre: centre.data.slug.clone(),
        partners: e.partners.clone(),
        series: e.series,
        sessions: e.sessions.iter().map(|s| session_json(s, now)).collect(),
    }
}

/// `GET /api/v1/events`.
#[utoipa::path(get, path = "/api/v1/events", tag = "events", params(EventParams),
    responses((status = 200, body = EventList),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub async fn list_events(
    State(state): State<AppState>,
    Preferred(preferred): Preferred,
    ApiQuery(params): ApiQuery<EventParams>,
) -> Result<Response, AppError> {
    let lang = request_lang(params.lang.as_deref(), preferred)?;
    let centres = state.storage.centres().await.on_api(lang)?;
    let centre = super::centres::centre_filter(&centres, params.centre.as_deref(), lang)?;
    let audience = match params.audience.as_deref().filter(|a| !a.is_empty()) {
        Some(code) => Some(Audience::parse(code).ok_or_else(|| AppError::bad_parameter("audience", code).api(lang))?),
        None => None,
    };
    let online = match params.r#where.as_deref().unwrap_or_default() {
        "" => None,
        "online" => Some(true),
        "room" => Some(false),
        other => return Err(AppError::bad_parameter("where", other).api(lang)),
    };
    let filter = EventFilter {
        centre,
        audience,
        online,
        cancelled_too: false,
    };
    let found = state
        .storage
        .upcoming_events(&filter, Utc::now(), super::super::pages::events::LIST_LIMIT)
        .await
        .on_api(lang)?;
    let events = found
        .iter()
        .filter_map(|e| Some(event_json(&state, lang, e, centres.iter().find(|c| c.id == e.centre)?)))
        .collect();
    Ok(axum::Json(EventList { events }).into_response())
}

async fn load(state: &AppState, id: i64, lang: Lang) -> Result<(Event, Centre), AppError> {
    events::event_with_centre(state, EventId(id))
        .await
        .on_api(lang)?
        .ok_or_else(|| AppError::not_found().api(lang))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
pub struct LangParams {
    /// it, en, fr, de (else `Accept-Language`).
    pub lang: Option<String>,
}

/// `GET /api/v1/events/{id}`.
#[utoipa::path(get, path = "/api/v1/events/{id}", tag = "events",
    params(("id" = i64, Path, description = "The event's `id`"), LangParams),
    responses((status = 200, body = EventJson),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub async fn get_event(
    State(state): State<AppState>,
    Preferred(preferred): Preferred,
    PathParams(id): PathParams<i64>,
    ApiQuery(params): ApiQuery<LangParams>,
) -> Result<Response, AppError> {
    let lang = request_lang(params.lang.as_deref(), preferred)?;
    let (event, centre) = load(&state, id, lang).await?;
    Ok(axum::Json(event_json(&state, lang, &event, &centre)).into_response())
}

/// A registration request: the session (none for a series: every open
/// session), and the booking form's person fields.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RegistrationInputJson {
    /// A session's `id`; ignored for a series.
    pub session: Option<i64>,
    /// The person's language (messages, e-mails): it, en, fr, de.
    pub lang: Option<String>,
    pub name: String,
    /// An e-mail address or a phone number, or both.
    pub email: String,
    /// Mobile phone, with the country code for foreign numbers.
    pub phone: String,
    /// Language code of an interpreter, empty for none.
    pub interpreter: String,
    pub wheelchair: bool,
    /// Italian Sign Language (LIS).
    pub sign_language: bool,
    pub other_needs: String,
    /// Texts (SMS) as well as e-mail when both are given.
    pub sms: bool,
}

/// One session of a registration.
#[derive(Serialize, ToSchema)]
pub struct RegistrationRowJson {
    pub session: i64,
    pub start: String,
    /// `confirmed`, `waiting`, `offered`, `lapsed`, `cancelled`, `attended`, `no_show`.
    pub status: String,
    /// Place on the waiting list, from 1, while waiting.
    pub position: Option<u32>,
    /// Until when an offered seat is held.
    pub offer_expires: Option<String>,
    /// The online room, once the seat is confirmed.
    pub video_url: Option<String>,
}

/// A registration, with the token of its link.
#[derive(Serialize, ToSchema)]
pub struct RegistrationJson {
    pub reference: String,
    pub event: i64,
    pub token: String,
    /// The registration's page.
    pub url: String,
    pub sessions: Vec<RegistrationRowJson>,
}

fn registration_json(state: &AppState, lang: Lang, event: &Event, rows: &[Registration]) -> RegistrationJson {
    let reference = rows.first().map(|r| r.reference.clone());
    let reference_text = reference.as_ref().map(|r| r.to_string()).unwrap_or_default();
    RegistrationJson {
        event: event.id.0,
        token: reference.as_ref().map(|r| links::token(state, r)).unwrap_or_default(),
        url: reference
            .as_ref()
            .map(|r| links::manage_url(state, lang, r))
            .unwrap_or_default(),
        reference: reference_text,
        sessions: rows
            .iter()
            .filter_map(|r| {
                let s = event.session(r.session)?;
                Some(RegistrationRowJson {
                    session: s.id.0,
                    start: rfc3339(s.start),
                    status: r.status.code().into(),
                    position: r.position,
                    offer_expires: r.offer_expires.map(rfc3339),
                    video_url: s
                        .video_url
                        .clone()
                        .filter(|_| r.status == sportello_domain::RegistrationStatus::Confirmed),
                })
            })
            .collect(),
    }
}

fn registration_error(lang: Lang, error: RegistrationError) -> AppError {
    let refusal = match error {
        RegistrationError::Fields(errors) => return super::operator::invalid(lang, &errors),
        RegistrationError::Storage(e) => return AppError::from(e).api(lang),
        RegistrationError::Limited(limited) => return AppError::new(Problem::TooMany(limited)).api(lang),
        RegistrationError::NoSession => refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            msg(lang, "event-closed-title"),
            msg(lang, "event-no-session"),
            "no_session",
        ),
        RegistrationError::Closed(closed) => refused(
            StatusCode::CONFLICT,
            msg(lang, "event-closed-title"),
            crate::pages::events::closed_text(lang, closed),
            "closed",
        ),
        RegistrationError::TooLate => refused(
            StatusCode::CONFLICT,
            msg(lang, "event-too-late-title"),
            msg(lang, "event-too-late-text"),
            "too_late",
        ),
        RegistrationError::OfferLapsed => refused(
            StatusCode::CONFLICT,
            msg(lang, "event-too-late-title"),
            msg(lang, "event-offer-lapsed-text"),
            "offer_lapsed",
        ),
        RegistrationError::KeyReused => refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            msg(lang, "api-key-reused-title"),
            msg(lang, "api-key-reused-text"),
            "key_reused",
        ),
    };
    refusal_error(refusal, lang)
}

fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `POST /api/v1/events/{id}/registrations`.
#[utoipa::path(post, path = "/api/v1/events/{id}/registrations", tag = "events",
    request_body = RegistrationInputJson,
    params(("id" = i64, Path, description = "The event's `id`"),
        ("Idempotency-Key" = Option<String>, Header,
        description = "1 to 255 visible ASCII characters. Kept 24 hours with the request: the same key with \
                       the same request gets its registration again (as it is now); with another request, a 422.")),
    responses(
        (status = 202, body = SentJson, description = "A message with the registration went to the person: the \
            same answer whether it is new or one the person already held, which then went to its own contacts"),
        (status = 201, body = RegistrationJson, description = "The registration, when no message can reach the person"),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 409, description = "The session has started, closed its registration or been cancelled",
            body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 422, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network or for this contact",
            body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub async fn register(
    State(state): State<AppState>,
    Preferred(preferred): Preferred,
    ClientAddress(address): ClientAddress,
    PathParams(id): PathParams<i64>,
    headers: HeaderMap,
    ApiBody(body): ApiBody,
) -> Result<Response, AppError> {
    let input: RegistrationInputJson = parse_body(&body, preferred)?;
    let lang = request_lang(input.lang.as_deref(), preferred)?;
    let key = idempotency_key(&headers, lang)?;
    let (event, centre) = load(&state, id, lang).await?;
    let (email, phone) = sportello_app::appointments::contacts_given(&input.email, &input.phone);
    let form = RawBooking {
        name: input.name,
        email: input.email,
        phone: input.phone,
        codice_fiscale: String::new(),
        interpreter: input.interpreter,
        wheelchair: input.wheelchair,
        sign_language: input.sign_language,
        other_needs: input.other_needs,
        sms: input.sms,
    };
    let request = RegistrationInput {
        event: &event,
        centre: &centre,
        session: input.session.map(SessionId),
        form: &form,
        lang,
    };
    let actor = Actor::anonymous(&address);
    let key = key.map(|k| format!("api:{k}"));
    let (registered, sms) = events::register(&state, &request, key.as_deref(), &actor, Utc::now())
        .await
        .map_err(|e| registration_error(lang, e))?;
    if events::answered_by_message(&registered, sms, &actor) {
        let texted = sms == SmsVerdict::Queued;
        let body = SentJson {
            status: "sent".into(),
            sent_to: [email, phone.filter(|_| texted)].into_iter().flatten().collect(),
            sms: sms.code().into(),
        };
        return Ok(no_store((StatusCode::ACCEPTED, axum::Json(body)).into_response()));
    }
    let body = registration_json(&state, lang, &event, registered.registrations());
    Ok(no_store((StatusCode::CREATED, axum::Json(body)).into_response()))
}

/// The registration's token and language.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
pub struct RegistrationParams {
    /// The token of the registration's link.
    pub token: Option<String>,
    pub lang: Option<String>,
}

/// The registration named in the address, once its token is checked: 403
/// for a wrong token, 410 once the event is long over.
async fn managed(
    state: &AppState,
    reference: &str,
    token: &str,
    lang: Lang,
) -> Result<(Event, Centre, Vec<Registration>), AppError> {
    let reference = RegistrationRef::parse(reference).ok_or_else(|| AppError::not_found().api(lang))?;
    if token.trim().is_empty() {
        return Err(AppError::bad_parameter("token", "").api(lang));
    }
    if !links::token_is_valid(state, &reference, token.trim()) {
        return Err(bad_token(lang));
    }
    let rows = state.storage.registrations(&reference).await.on_api(lang)?;
    let first = rows.first().ok_or_else(|| bad_token(lang))?;
    let (event, centre) = load(state, first.event.0, lang).await?;
    if links::link_expired(&event, Utc::now()) {
        return Err(AppError::new(Problem::LinkExpired).api(lang));
    }
    Ok((event, centre, rows))
}

/// `GET /api/v1/registrations/{reference}`.
#[utoipa::path(get, path = "/api/v1/registrations/{reference}", tag = "events",
    params(("reference" = String, Path, description = "Registration reference, e.g. E-7K3M-9QXA"), RegistrationParams),
    responses((status = 200, body = RegistrationJson),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 403, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 410, body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub async fn get_registration(
    State(state): State<AppState>,
    Preferred(preferred): Preferred,
    PathParams(reference): PathParams<String>,
    ApiQuery(params): ApiQuery<RegistrationParams>,
) -> Result<Response, AppError> {
    let lang = request_lang(params.lang.as_deref(), preferred)?;
    let (event, _, rows) = managed(&state, &reference, params.token.as_deref().unwrap_or_default(), lang).await?;
    Ok(no_store(
        axum::Json(registration_json(&state, lang, &event, &rows)).into_response(),
    ))
}

/// Cancelling one session of a registration, with its token.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct CancelInput {
    #[schema(required = true)]
    pub token: String,
    /// The session's `id`.
    #[schema(required = true)]
    pub session: i64,
    pub lang: Option<String>,
}

/// `POST /api/v1/registrations/{reference}/cancel`.
#[utoipa::path(post, path = "/api/v1/registrations/{reference}/cancel", tag = "events",
    request_body = CancelInput,
    params(("reference" = String, Path, description = "Registration reference")),
    responses((status = 200, body = RegistrationJson, description = "The registration after the cancellation; \
            a seat freed went to the first on the waiting list"),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 403, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 409, description = "Cancelled already, lapsed, or the session has started",
            body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 410, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 429, body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub async fn cancel_registration(
    State(state): State<AppState>,
    Preferred(preferred): Preferred,
    ClientAddress(address): ClientAddress,
    PathParams(reference): PathParams<String>,
    ApiBody(body): ApiBody,
) -> Result<Response, AppError> {
    let input: CancelInput = parse_body(&body, preferred)?;
    let lang = request_lang(input.lang.as_deref(), preferred)?;
    let (event, centre, rows) = managed(&state, &reference, &input.token, lang).await?;
    let row = rows
        .iter()
        .find(|r| r.session == SessionId(input.session))
        .ok_or_else(|| AppError::bad_parameter("session", input.session.to_string()).api(lang))?;
    let ctx = EventContext {
        event: &event,
        centre: &centre,
    };
    let actor = Actor::anonymous(&address);
    events::cancel(&state, &ctx, row, &actor, Utc::now())
        .await
        .map_err(|e| registration_error(lang, e))?;
    let rows = state.storage.registrations(&row.reference).await.on_api(lang)?;
    Ok(no_store(
        axum::Json(registration_json(&state, lang, &event, &rows)).into_response(),
    ))
}
