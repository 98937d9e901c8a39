//! The appointments API: a centre's services, the free slots of a service,
//! booking (with `Idempotency-Key`), reading, moving and cancelling a booking
//! with its manage token. A booking whose link reaches the person by e-mail
//! or text is answered only with "sent" (202), whether it is new or one the
//! person already held. The rules are the booking pages' own: everything
//! goes through `sportello_app::appointments`, and the database has the last word on
//! capacity. Refusals are problem documents in the request's language
//! (`lang`, else `Accept-Language`).

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{Days, NaiveDate, Utc};
use sportello_domain::appointments::slots::{DayClosed, Slot, SlotProblem};
use sportello_domain::time::{to_rome, today_in_rome};
use sportello_domain::vocab::Vocabulary;
use sportello_domain::{Actor, Booking, BookingRef, BookingStatus, Lang, Modality, RawBooking, Service, ServiceId};

use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem, Refusal};
use crate::extract::{ApiBody, ApiQuery, PathParams, Preferred};
use crate::session::ClientAddress;
use sportello_app::appointments::{self, BookingError, CentreCalendar, closed_message, slot_message};
use sportello_app::i18n::msg;
use sportello_app::sms::SmsVerdict;

mod schema;
pub use schema::*;

/// Most days one slots request may cover.
pub const MAX_DAYS: u32 = 31;
/// Days covered when `days` is not given.
const DEFAULT_DAYS: u32 = 7;
/// Longest accepted `Idempotency-Key`.
const MAX_KEY_LEN: usize = 255;

/// The answer's language: the `lang` given (a bad one is a 400), else the
/// reader's `Accept-Language`.
pub(super) fn request_lang(given: Option<&str>, preferred: Lang) -> Result<Lang, AppError> {
    match given.map(str::trim).filter(|l| !l.is_empty()) {
        None => Ok(preferred),
        Some(code) => Lang::parse(code).ok_or_else(|| AppError::bad_parameter("lang", code).api(preferred)),
    }
}

pub(super) fn rfc3339(instant: chrono::DateTime<Utc>) -> String {
    to_rome(instant).to_rfc3339()
}

pub(super) fn refused(status: StatusCode, title: String, detail: String, reason: &str) -> Refusal {
    let mut members = serde_json::Map::new();
    members.insert("reason".into(), reason.into());
    Refusal {
        status,
        title,
        detail,
        members,
    }
}

pub(super) fn refusal_error(refusal: Refusal, lang: Lang) -> AppError {
    AppError::new(Problem::Refused(Box::new(refusal))).api(lang)
}

fn closed_json(lang: Lang, closed: &DayClosed) -> ClosedJson {
    let value = serde_json::to_value(closed).unwrap_or_default();
    ClosedJson {
        kind: value["kind"].as_str().unwrap_or_default().to_string(),
        detail: value["detail"].as_str().map(str::to_string),
        message: closed_message(lang, closed),
    }
}

/// The problem document of a refused booking, move or cancellation.
fn booking_error(lang: Lang, error: BookingError) -> AppError {
    let refusal = match error {
        BookingError::Fields(errors) => return super::operator::invalid(lang, &errors),
        BookingError::Storage(e) => return AppError::from(e).api(lang),
        BookingError::Limited(limited) => return AppError::new(Problem::TooMany(limited)).api(lang),
        BookingError::Slot(problem) => {
            let value = serde_json::to_value(&problem).unwrap_or_default();
            let reason = value["kind"].as_str().unwrap_or_default().to_string();
            let mut refusal = refused(
                StatusCode::UNPROCESSABLE_ENTITY,
                msg(lang, "slot-problem-title"),
                slot_message(lang, &problem),
                &reason,
            );
            if let SlotProblem::Closed(closed) = &problem {
                let closed = serde_json::to_value(closed_json(lang, closed)).unwrap_or_default();
                refusal.members.insert("closed".into(), closed);
            }
            refusal
        }
        BookingError::Unavailable => refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            msg(lang, "api-unavailable-title"),
            msg(lang, "api-unavailable-text"),
            "unavailable",
        ),
        BookingError::Full(next) => {
            let mut refusal = refused(
                StatusCode::CONFLICT,
                msg(lang, "api-full-title"),
                msg(lang, "api-full-text"),
                "full",
            );
            let next: Vec<NextSlotJson> = next.iter().map(next_slot).collect();
            refusal
                .members
                .insert("next_slots".into(), serde_json::to_value(next).unwrap_or_default());
            refusal
        }
        BookingError::TooLate => refused(
            StatusCode::CONFLICT,
            msg(lang, "api-too-late-title"),
            msg(lang, "api-too-late-text"),
            "too_late",
        ),
        BookingError::KeyReused => refused(
            StatusCode::UNPROCESSABLE_ENTITY,
            msg(lang, "api-key-reused-title"),
            msg(lang, "api-key-reused-text"),
            "key_reused",
        ),
    };
    refusal_error(refusal, lang)
}

fn next_slot(slot: &Slot) -> NextSlotJson {
    NextSlotJson {
        start: rfc3339(slot.start),
        end: rfc3339(slot.end),
    }
}

pub(super) fn bad_token(lang: Lang) -> AppError {
    refusal_error(
        refused(
            StatusCode::FORBIDDEN,
            msg(lang, "api-bad-token-title"),
            msg(lang, "api-bad-token-text"),
            "bad_token",
        ),
        lang,
    )
}

/// The outreach point of `slug` (`None` for none given); a 404 for a slug
/// that names no point.
async fn point_named(
    state: &AppState,
    slug: Option<&str>,
    lang: Lang,
) -> Result<Option<sportello_domain::OutreachPointId>, AppError> {
    let Some(slug) = slug.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    let point = state.storage.point_by_slug(slug).await.on_api(lang)?;
    point.map(|p| Some(p.id)).ok_or_else(|| AppError::not_found().api(lang))
}

/// A service by its id, with the calendar of the place: its centre's
/// office, or `point`, one of that centre's outreach points that offers the
/// service (a 404 otherwise).
async fn service_and_calendar(
    state: &AppState,
    id: i64,
    point: Option<sportello_domain::OutreachPointId>,
    lang: Lang,
) -> Result<(Service, CentreCalendar), AppError> {
    let service = state
        .storage
        .service(ServiceId(id))
        .await
        .on_api(lang)?
        .ok_or_else(|| AppError::not_found().api(lang))?;
    let centre = state
        .storage
        .centres()
        .await
        .on_api(lang)?
        .into_iter()
        .find(|c| c.id == service.data.centre)
        .ok_or_else(|| AppError::not_found().api(lang))?;
    let calendar = match CentreCalendar::at(state, centre, point).await {
        Err(sportello_storage::StorageError::NotFound) => return Err(AppError::not_found().api(lang)),
        other => other.on_api(lang)?,
    };
    if calendar.point.is_some() && !calendar.serves(&service) {
        return Err(AppError::not_found().api(lang));
    }
    Ok((service, calendar))
}

/// `GET /api/v1/centres/{slug}/services`.
#[utoipa::path(get, path = "/api/v1/centres/{slug}/services", tag = "appointments",
    params(("slug" = String, Path, description = "Centre slug, e.g. lecce"), LangParams),
    responses((status = 200, body = ServiceList),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all, fields(slug))]
pub async fn services(
    State(state): State<AppState>,
    Preferred(preferred): Preferred,
    PathParams(slug): PathParams<String>,
    ApiQuery(params): ApiQuery<LangParams>,
) -> Result<Response, AppError> {
    let lang = request_lang(params.lang.as_deref(), preferred)?;
    let centre = state
        .storage
        .centre_by_slug(&slug)
        .await
        .on_api(lang)?
        .ok_or_else(|| AppError::not_found().api(lang))?;
    let services = state.storage.services(centre.id).await.on_api(lang)?;
    let calendar = CentreCalendar::load(&state, centre).await.on_api(lang)?;
    let items = services
        .iter()
        .filter(|s| s.data.active)
        .map(|s| {
            let text = s.data.text(lang);
            ServiceJson {
                id: s.id.0,
                kind: s.data.kind.code().into(),
                name: text.map(|t| t.name.clone()).unwrap_or_default(),
                description: text.map(|t| t.description.clone()).unwrap_or_default(),
                text_lang: text.map_or(Lang::It, |t| t.lang).code().into(),
                duration_minutes: s.data.duration_minutes,
                modalities: s.data.modalities.iter().map(|m| m.code().to_string()).collect(),
                capacity: s.data.capacity,
                min_notice_minutes: s.data.min_notice_minutes,
                max_days_ahead: s.data.max_days_ahead,
                slots_url: state.public_url.join(&format!("/api/v1/services/{}/slots", s.id.0)),
            }
        })
        .collect();
    let list = ServiceList {
        centre: calendar.centre.data.slug.clone(),
        centre_name: calendar.centre.data.name.clone(),
        access_rules: calendar.access_rules(lang).map(str::to_string),
        items,
    };
    Ok(axum::Json(list).into_response())
}

/// `GET /api/v1/services/{id}/slots`.
#[utoipa::path(get, path = "/api/v1/services/{id}/slots", tag = "appointments",
    params(("id" = i64, Path, description = "The service's id"), SlotsParams),
    responses((status = 200, body = SlotList),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 422, body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all, fields(id))]
pub async fn slots(
    State(state): State<AppState>,
    Preferred(preferred): Preferred,
    PathParams(id): PathParams<i64>,
    ApiQuery(params): ApiQuery<SlotsParams>,
) -> Result<Response, AppError> {
    let lang = request_lang(params.lang.as_deref(), preferred)?;
    let from = match params.from.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => today_in_rome(),
        Some(v) => {
            NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| AppError::bad_parameter("from", v).api(lang))?
        }
    };
    let days = match params.days.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => DEFAULT_DAYS,
        Some(v) => v
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=MAX_DAYS).contains(d))
            .ok_or_else(|| AppError::bad_parameter("days", v).api(lang))?,
    };
    let modality = match params.modality.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => None,
        Some(v) => Some(Modality::parse(v).ok_or_else(|| AppError::bad_parameter("modality", v).api(lang))?),
    };
    let point = point_named(&state, params.point.as_deref(), lang).await?;
    let (service, calendar) = service_and_calendar(&state, id, point, lang).await?;
    if !service.data.active || modality.is_some_and(|m| !service.data.offers(m)) {
        return Err(booking_error(lang, BookingError::Unavailable));
    }
    let now = Utc::now();
    let mut list = Vec::new();
    for offset in 0..days {
        let Some(date) = from.checked_add_days(Days::new(u64::from(offset))) else {
            break;
        };
        let day = match appointments::free_slots(&state, &calendar, &service, date, now)
            .await
            .on_api(lang)?
        {
            Ok(free) => DayJson {
                date,
                open: true,
                closed: None,
                slots: free
                    .iter()
                    .map(|f| SlotJson {
                        start: rfc3339(f.slot.start),
                        end: rfc3339(f.slot.end),
                        places: f.places,
                    })
                    .collect(),
            },
            Err(closed) => DayJson {
                date,
                open: false,
                closed: Some(closed_json(lang, &closed)),
                slots: Vec::new(),
            },
        };
        list.push(day);
    }
    let body = SlotList {
        service: service.id.0,
        modality: modality.map(|m| m.code().to_string()),
        days: list,
    };
    Ok(axum::Json(body).into_response())
}

/// The booking as JSON, with its `Location` when it was just made.
fn booking_answer(state: &AppState, booking: &Booking, status: StatusCode) -> Response {
    let token = appointments::manage_token(state, &booking.reference, booking.start);
    let body = BookingJson {
        reference: booking.reference.to_string(),
        service: booking.service.0,
        status: booking.status.code().into(),
        modality: booking.modality.code().into(),
        start: rfc3339(booking.start),
        end: rfc3339(booking.end),
        name: booking.person.name.clone(),
        email: booking.person.email.as_ref().map(|e| e.as_str().to_string()),
        phone: booking.person.phone.as_ref().map(|p| p.as_str().to_string()),
        sms: booking.person.sms,
        lang: booking.person.lang.code().into(),
        needs: NeedsJson {
            interpreter: booking.needs.interpreter.map(|l| l.code().to_string()),
            wheelchair: booking.needs.wheelchair,
            sign_language: booking.needs.sign_language,
            other: booking.needs.other.clone(),
        },
        video_url: booking.video_url.clone(),
        manage_url: appointments::manage_url(state, booking.person.lang, &booking.reference, booking.start),
        manage_token: token.clone(),
    };
    let mut response = (status, axum::Json(body)).into_response();
    // A person's data: never kept by a cache.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if status == StatusCode::CREATED
        && let Ok(location) = HeaderValue::from_str(&format!("/api/v1/bookings/{}?token={token}", booking.reference))
    {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// Reads a JSON body; bad JSON or unknown fields are a 400.
pub(super) fn parse_body<T: serde::de::DeserializeOwned>(body: &[u8], lang: Lang) -> Result<T, AppError> {
    serde_json::from_slice(body).map_err(|e| AppError::bad_parameter("body", e.to_string()).api(lang))
}

/// The `Idempotency-Key` header: 1 to 255 visible ASCII characters.
pub(super) fn idempotency_key(headers: &HeaderMap, lang: Lang) -> Result<Option<String>, AppError> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    let bytes = value.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_KEY_LEN || !bytes.iter().all(|b| b.is_ascii_graphic()) {
        let shown = String::from_utf8_lossy(bytes).chars().take(40).collect::<String>();
        return Err(AppError::bad_parameter("Idempotency-Key", shown).api(lang));
    }
    Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
}

/// `POST /api/v1/bookings`.
#[utoipa::path(post, path = "/api/v1/bookings", tag = "appointments", request_body = BookingInput,
    params(("Idempotency-Key" = Option<String>, Header,
        description = "1 to 255 visible ASCII characters. Kept 24 hours with the request: the same key with \
                       the same request gets its booking again (as it is now, even after its start or once \
                       the slot is full); with another request, a 422. The language is not part of the request.")),
    responses(
        (status = 202, body = SentJson, description = "A message with the booking's link went to the person \
            (an e-mail address was given, or a text was queued): the same answer whether the booking is new or \
            one the person already held for this service, whose link then went to its own contacts"),
        (status = 201, body = BookingJson, description = "The booking, when no message can reach the person \
            (a landline only, or the text refused by the caps)"),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 409, description = "The slot is full: `next_slots` proposes others",
            body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 422, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network or for this contact (or moves of this booking): `Retry-After` says when to try again",
            body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub async fn book(
    State(state): State<AppState>,
    Preferred(preferred): Preferred,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    ApiBody(body): ApiBody,
) -> Result<Response, AppError> {
    let input: BookingInput = parse_body(&body, preferred)?;
    let lang = request_lang(input.lang.as_deref(), preferred)?;
    let key = idempotency_key(&headers, lang)?;
    if input.service <= 0 {
        return Err(AppError::bad_parameter("service", input.service.to_string()).api(lang));
    }
    let modality = Modality::parse(input.modality.trim())
        .ok_or_else(|| AppError::bad_parameter("modality", input.modality.as_str()).api(lang))?;
    let start = appointments::parse_start(&input.start)
        .ok_or_else(|| AppError::bad_parameter("start", input.start.as_str()).api(lang))?;
    let point = point_named(&state, input.point.as_deref(), lang).await?;
    let (service, calendar) = service_and_calendar(&state, input.service, point, lang).await?;
    let (email, phone) = appointments::contacts_given(&input.email, &input.phone);
    let form = RawBooking {
        name: input.name,
        email: input.email,
        phone: input.phone,
        codice_fiscale: input.codice_fiscale,
        interpreter: input.interpreter,
        wheelchair: input.wheelchair,
        sign_language: input.sign_language,
        other_needs: input.other_needs,
        sms: input.sms,
    };
    let request = appointments::BookingInput {
        calendar: &calendar,
        service: &service,
        modality,
        start,
        form: &form,
        lang,
    };
    let actor = Actor::anonymous(&address);
    let (booked, sms) = appointments::book(&state, &request, key.as_deref(), &actor, Utc::now())
        .await
        .map_err(|e| booking_error(lang, e))?;
    if appointments::answered_by_message(&booked, sms, &actor) {
        let texted = sms == SmsVerdict::Queued;
        let sent_to = [email, phone.filter(|_| texted)].into_iter().flatten().collect();
        let body = SentJson {
            status: "sent".into(),
            sent_to,
            sms: sms.code().into(),
        };
        let mut response = (StatusCode::ACCEPTED, axum::Json(body)).into_response();
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return Ok(response);
    }
    Ok(booking_answer(&state, booked.booking(), StatusCode::CREATED))
}

/// The booking named in the address, once its token is checked: 403 for a
/// token that is not the booking's as it is now (a link from before a
/// move), 410 once the link has expired.
async fn managed(state: &AppState, reference: &str, token: &str, lang: Lang) -> Result<Booking, AppError> {
    let reference = BookingRef::parse(reference).ok_or_else(|| AppError::not_found().api(lang))?;
    if token.trim().is_empty() {
        return Err(AppError::bad_parameter("token", "").api(lang));
    }
    let booking = state.storage.booking(&reference).await.on_api(lang)?;
    let Some(booking) = booking.filter(|b| appointments::token_is_valid(state, b, token.trim())) else {
        return Err(bad_token(lang));
    };
    if appointments::link_expired(&booking, Utc::now()) {
        return Err(AppError::new(Problem::LinkExpired).api(lang));
    }
    Ok(booking)
}

/// `GET /api/v1/bookings/{reference}`.
#[utoipa::path(get, path = "/api/v1/bookings/{reference}", tag = "appointments",
    params(("reference" = String, Path, description = "Booking reference, e.g. P-7K3M-9QXA"), TokenParams),
    responses((status = 200, body = BookingJson),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 403, description = "The token is not the booking's as it is now (a link from before a move)",
            body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 410, description = "The link has expired (a week after the appointment)",
            body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub async fn get_booking(
    State(state): State<AppState>,
    Preferred(preferred): Preferred,
    PathParams(reference): PathParams<String>,
    ApiQuery(params): ApiQuery<TokenParams>,
) -> Result<Response, AppError> {
    let lang = request_lang(params.lang.as_deref(), preferred)?;
    let booking = managed(&state, &reference, params.token.as_deref().unwrap_or_default(), lang).await?;
    Ok(booking_answer(&state, &booking, StatusCode::OK))
}

/// `POST /api/v1/bookings/{reference}/move`.
#[utoipa::path(post, path = "/api/v1/bookings/{reference}/move", tag = "appointments", request_body = ChangeInput,
    params(("reference" = String, Path, description = "Booking reference, e.g. P-7K3M-9QXA")),
    responses((status = 200, body = BookingJson),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 403, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 409, description = "Full (with `next_slots`), or the appointment has started or was cancelled",
            body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 410, description = "The link has expired (a week after the appointment)",
            body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 422, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network or for this contact (or moves of this booking): `Retry-After` says when to try again",
            body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub async fn move_booking(
    State(state): State<AppState>,
    Preferred(preferred): Preferred,
    ClientAddress(address): ClientAddress,
    PathParams(reference): PathParams<String>,
    ApiBody(body): ApiBody,
) -> Result<Response, AppError> {
    let input: ChangeInput = parse_body(&body, preferred)?;
    let lang = request_lang(input.lang.as_deref(), preferred)?;
    let current = managed(&state, &reference, &input.token, lang).await?;
    let given = input.start.unwrap_or_default();
    let start =
        appointments::parse_start(&given).ok_or_else(|| AppError::bad_parameter("start", given.as_str()).api(lang))?;
    let (service, calendar) = service_and_calendar(&state, current.service.0, current.point, lang).await?;
    let actor = Actor::anonymous(&address);
    let moved = appointments::move_booking(&state, &calendar, &service, &current, start, &actor, Utc::now())
        .await
        .map_err(|e| booking_error(lang, e))?;
    Ok(booking_answer(&state, &moved, StatusCode::OK))
}

/// `POST /api/v1/bookings/{reference}/cancel`.
#[utoipa::path(post, path = "/api/v1/bookings/{reference}/cancel", tag = "appointments", request_body = ChangeInput,
    params(("reference" = String, Path, description = "Booking reference, e.g. P-7K3M-9QXA")),
    responses((status = 200, body = BookingJson),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 403, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 409, description = "The appointment has started or was cancelled",
            body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 410, description = "The link has expired (a week after the appointment)",
            body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this network: `Retry-After` says when to try again",
            body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub async fn cancel(
    State(state): State<AppState>,
    Preferred(preferred): Preferred,
    ClientAddress(address): ClientAddress,
    PathParams(reference): PathParams<String>,
    ApiBody(body): ApiBody,
) -> Result<Response, AppError> {
    let input: ChangeInput = parse_body(&body, preferred)?;
    let lang = request_lang(input.lang.as_deref(), preferred)?;
    let current = managed(&state, &reference, &input.token, lang).await?;
    if current.status == BookingStatus::Cancelled {
        // Already cancelled (a retry after a lost answer): the same answer.
        return Ok(booking_answer(&state, &current, StatusCode::OK));
    }
    let (service, calendar) = service_and_calendar(&state, current.service.0, current.point, lang).await?;
    let actor = Actor::anonymous(&address);
    let cancelled = appointments::cancel(&state, &calendar, &service, &current, &actor, Utc::now())
        .await
        .map_err(|e| booking_error(lang, e))?;
    Ok(booking_answer(&state, &cancelled, StatusCode::OK))
}
