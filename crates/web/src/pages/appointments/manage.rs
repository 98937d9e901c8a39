//! A booking's own page, for whoever holds its signed link: the reference,
//! when and where, the person's needs, the access rules, the `.ics` download,
//! and moving or cancelling (each after a page of its own, no JavaScript).
//! A link whose token is not the booking's as it is now (a wrong one, or
//! one from before a move) gets a 403 page; an expired one a 410 page.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::vocab::Vocabulary;
use sportello_domain::{Booking, BookingRef, BookingStatus, Lang, Modality, Service};

use super::DayRange;
use super::book::taken_alternatives;
use super::{
    Crumb, Message, MoveForm, chosen_day, crumbs, message_page, modality_view, open_days, private, query, rome_day,
    rules_html, service_view,
};
use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::render_page;
use crate::session::{ClientAddress, FormGuard};
use sportello_app::appointments::{
    self, BookingError, CentreCalendar, link_expired, manage_token, parse_start, slot_message, token_is_valid,
};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::sms::SmsVerdict;
use sportello_app::view;

#[derive(Debug, Default, Deserialize)]
pub struct LinkQuery {
    t: Option<String>,
    from: Option<String>,
    day: Option<String>,
    /// What became of the text after a booking or an opt-out: a hint for
    /// the note the page shows (see `sms_note`).
    sms: Option<String>,
}

/// The note about texts that `code` asks for, naming the booking's number.
fn sms_note(lang: Lang, booking: &Booking, code: Option<&str>) -> Option<String> {
    let phone = booking.person.phone.as_ref()?;
    let id = match code? {
        "stopped" => "sms-opt-out-done",
        other => SmsVerdict::parse(other)?.note_id()?,
    };
    Some(msg_args(lang, id, &args(&[("phone", phone.as_str().into())])))
}

/// A booking reached through a valid link.
struct Held {
    booking: Booking,
    calendar: CentreCalendar,
    service: Service,
    token: String,
}

impl Held {
    /// The booking page's address after the language, with its token.
    fn path(&self, tail: &str) -> String {
        format!(
            "/appointments/booking/{}{tail}?{}",
            self.booking.reference,
            query(&[("t", &self.token)])
        )
    }

    fn can_change(&self) -> bool {
        self.booking.status == BookingStatus::Booked && self.booking.start > Utc::now()
    }

    fn trail(&self, lang: Lang, with_page: bool) -> Vec<Crumb> {
        let mut trail = crumbs(lang, Some(&self.calendar));
        if with_page {
            trail.push(Crumb {
                href: format!("/{lang}{}", self.path("")),
                label: msg_args(
                    lang,
                    "booking-page-title",
                    &args(&[("reference", self.booking.reference.as_str().into())]),
                ),
                lang: None,
            });
        }
        trail
    }
}

/// The booking of `reference` when `token` is its signed token; otherwise the
/// 403 page saying the link does not work.
async fn held(
    state: &AppState,
    lang: Lang,
    reference: &str,
    token: Option<&str>,
) -> Result<Result<Held, Response>, AppError> {
    let token = token.unwrap_or_default();
    let booking = match BookingRef::parse(reference) {
        Some(reference) if !token.is_empty() => state.storage.booking(&reference).await.on_page(lang)?,
        _ => None,
    };
    // A wrong token and an unknown reference get the same answer.
    let Some(booking) = booking.filter(|b| token_is_valid(state, b, token)) else {
        let message = Message {
            title: msg(lang, "booking-token-title"),
            text: msg(lang, "booking-token-text"),
            links: vec![(format!("/{lang}/appointments"), msg(lang, "booking-book-again"))],
            ..Message::default()
        };
        let path = "/appointments";
        return Ok(Err(message_page(
            state,
            lang,
            path,
            StatusCode::FORBIDDEN,
            crumbs(lang, None),
            message,
        )?));
    };
    if link_expired(&booking, Utc::now()) {
        let message = Message {
            title: msg(lang, "booking-link-expired-title"),
            text: msg(lang, "booking-link-expired-text"),
            links: vec![(format!("/{lang}/appointments"), msg(lang, "booking-book-again"))],
            ..Message::default()
        };
        let page = message_page(
            state,
            lang,
            "/appointments",
            StatusCode::GONE,
            crumbs(lang, None),
            message,
        )?;
        return Ok(Err(page));
    }
    let centre = state
        .storage
        .centres()
        .await
        .on_page(lang)?
        .into_iter()
        .find(|c| c.id == booking.centre)
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let calendar = CentreCalendar::at(state, centre, booking.point).await.on_page(lang)?;
    let service = state
        .storage
        .service(booking.service)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    Ok(Ok(Held {
        booking,
        calendar,
        service,
        token: token.to_string(),
    }))
}

/// Unwraps [`held`], or answers with its refusal.
macro_rules! held_or_refuse {
    ($state:expr, $lang:expr, $reference:expr, $token:expr) => {
        match held($state, $lang, $reference, $token).await? {
            Ok(held) => held,
            Err(refusal) => return Ok(refusal),
        }
    };
}

/// The page saying a booking can no longer be changed.
fn too_late(state: &AppState, lang: Lang, held: &Held, tail: &str) -> Result<Response, AppError> {
    let message = Message {
        title: msg(lang, "booking-too-late-title"),
        text: msg(lang, "booking-too-late-text"),
        links: vec![(
            format!("/{lang}{}", held.path("")),
            msg(lang, "booking-back-to-booking"),
        )],
        ..Message::default()
    };
    message_page(
        state,
        lang,
        &held.path(tail),
        StatusCode::CONFLICT,
        held.trail(lang, true),
        message,
    )
}

fn to_booking_page(lang: Lang, held: &Held) -> Response {
    Redirect::to(&format!("/{lang}{}", held.path(""))).into_response()
}

/// The page of `booking` after a move, with the new link (the old one no
/// longer opens it).
fn to_moved_booking_page(state: &AppState, lang: Lang, booking: &Booking) -> Response {
    let token = manage_token(state, &booking.reference, booking.start);
    let path = format!(
        "/{lang}/appointments/booking/{}?{}",
        booking.reference,
        query(&[("t", &token)])
    );
    Redirect::to(&path).into_response()
}

#[derive(Debug, Serialize)]
struct NeedsView {
    lines: Vec<String>,
    other: String,
}

fn needs_view(lang: Lang, booking: &Booking) -> NeedsView {
    let needs = &booking.needs;
    let mut lines = Vec::new();
    if let Some(language) = needs.interpreter {
        lines.push(msg_args(
            lang,
            "booking-interpreter-for",
            &args(&[("language", language.label(lang).into())]),
        ));
    }
    if needs.wheelchair {
        lines.push(msg(lang, "booking-wheelchair"));
    }
    if needs.sign_language {
        lines.push(msg(lang, "booking-sign-language"));
    }
    NeedsView {
        lines,
        other: needs.other.clone(),
    }
}

/// `GET /{lang}/appointments/booking/{reference}?t=…`.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn page(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    PathParams((_, reference)): PathParams<(String, String)>,
    Query(q): Query<LinkQuery>,
) -> Result<Response, AppError> {
    let held = held_or_refuse!(&state, lang, &reference, q.t.as_deref());
    let b = &held.booking;
    // Texts can be stopped from here while the number still gets them.
    let texted = match b.person.phone.as_ref().filter(|_| b.person.sms) {
        Some(phone) => !state
            .storage
            .is_opted_out(&state.number_key(phone))
            .await
            .on_page(lang)?,
        None => false,
    };
    let view = service_view(lang, &held.calendar, &held.service);
    let title = msg_args(
        lang,
        "booking-page-title",
        &args(&[("reference", b.reference.as_str().into())]),
    );
    let ctx = context! {
        crumbs => minijinja::value::Serde(held.trail(lang, false)),
        reference => b.reference.as_str(),
        status => b.status.code(),
        service => minijinja::value::Serde(&view),
        when => view::when(lang, b.start),
        modality => minijinja::value::Serde(modality_view(lang, b.modality)),
        place => held.calendar.where_text(lang, b.modality, b.start),
        video_url => b.video_url.clone().filter(|_| b.modality == Modality::Video),
        name => b.person.name.clone(),
        email => b.person.email.as_ref().map(|e| e.as_str().to_string()),
        needs => minijinja::value::Serde(needs_view(lang, b)),
        contact => minijinja::value::Serde(sportello_app::view::centre(lang, &held.calendar.centre)),
        access_rules => rules_html(&held.calendar, lang),
        can_change => held.can_change(),
        ics_href => format!("/{lang}{}", held.path("/calendar.ics")),
        cancel_href => format!("/{lang}{}", held.path("/cancel")),
        move_href => format!("/{lang}{}", held.path("/move")),
        sms_note => sms_note(lang, b, q.sms.as_deref()),
        no_texts_action => texted.then(|| format!("/{lang}/appointments/booking/{}/no-texts", b.reference)),
        token => &held.token,
        form_csrf => &guard.csrf,
    };
    let page = render_page(
        "appointments/booking.html",
        lang,
        &held.path(""),
        &title,
        &state.public_url,
        ctx,
    )?;
    Ok(guard.attach(private(page.into_response())))
}

/// `POST /{lang}/appointments/booking/{reference}/no-texts` (`t`, `csrf`):
/// no more texts to the booking's number, confirmed by one last text.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn no_texts(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    PathParams((_, reference)): PathParams<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let token = form.get("t");
    let held = held_or_refuse!(&state, lang, &reference, Some(&token));
    if !guard.accepts(&form.get("csrf")) {
        return Err(AppError::new(Problem::FormExpired).page(lang));
    }
    if let Some(phone) = &held.booking.person.phone {
        state
            .opt_out_sms(phone, held.booking.person.lang, Utc::now())
            .await
            .on_page(lang)?;
    }
    let to = format!(
        "/{lang}/appointments/booking/{}?{}",
        held.booking.reference,
        query(&[("t", &held.token), ("sms", "stopped")])
    );
    Ok(Redirect::to(&to).into_response())
}

/// `GET /{lang}/appointments/booking/{reference}/calendar.ics?t=…`.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn calendar(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, reference)): PathParams<(String, String)>,
    Query(q): Query<LinkQuery>,
) -> Result<Response, AppError> {
    let held = held_or_refuse!(&state, lang, &reference, q.t.as_deref());
    let text = sportello_app::appointments::mails::booking_ics(
        &state,
        &held.calendar,
        &held.service,
        &held.booking,
        Utc::now(),
    );
    let disposition = format!("attachment; filename=\"appointment-{}.ics\"", held.booking.reference);
    let mut response = private(text.into_response());
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// `GET /{lang}/appointments/booking/{reference}/cancel?t=…`: are you sure?
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn cancel_form(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    PathParams((_, reference)): PathParams<(String, String)>,
    Query(q): Query<LinkQuery>,
) -> Result<Response, AppError> {
    let held = held_or_refuse!(&state, lang, &reference, q.t.as_deref());
    if !held.can_change() {
        return too_late(&state, lang, &held, "/cancel");
    }
    let view = service_view(lang, &held.calendar, &held.service);
    let when = view::when(lang, held.booking.start);
    let ctx = context! {
        crumbs => minijinja::value::Serde(held.trail(lang, true)),
        service => minijinja::value::Serde(&view),
        text => msg_args(lang, "booking-cancel-text", &args(&[("when", when.as_str().into())])),
        action => format!("/{lang}/appointments/booking/{}/cancel", held.booking.reference),
        token => &held.token,
        form_csrf => &guard.csrf,
        back_href => format!("/{lang}{}", held.path("")),
    };
    let page = render_page(
        "appointments/cancel.html",
        lang,
        &held.path("/cancel"),
        &msg(lang, "booking-cancel-title"),
        &state.public_url,
        ctx,
    )?;
    Ok(guard.attach(private(page.into_response())))
}

/// `POST /{lang}/appointments/booking/{reference}/cancel`.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn cancel(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    ClientAddress(address): ClientAddress,
    PathParams((_, reference)): PathParams<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let token = form.get("t");
    let held = held_or_refuse!(&state, lang, &reference, Some(&token));
    if !guard.accepts(&form.get("csrf")) {
        return Err(AppError::new(Problem::FormExpired).page(lang));
    }
    let actor = sportello_domain::Actor::anonymous(&address);
    let now = Utc::now();
    match appointments::cancel(&state, &held.calendar, &held.service, &held.booking, &actor, now).await {
        Ok(_) => Ok(to_booking_page(lang, &held)),
        Err(BookingError::TooLate) => too_late(&state, lang, &held, "/cancel"),
        Err(BookingError::Limited(limited)) => Err(AppError::new(Problem::TooMany(limited)).page(lang)),
        Err(BookingError::Storage(e)) => Err(AppError::from(e).page(lang)),
        Err(other) => Err(AppError::new(Problem::Internal(format!("cancelling: {other:?}"))).page(lang)),
    }
}

/// `GET /{lang}/appointments/booking/{reference}/move?t=…&day=…`: the open
/// days and a day's free times of the same service and way to meet.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn move_form(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    PathParams((_, reference)): PathParams<(String, String)>,
    Query(q): Query<LinkQuery>,
) -> Result<Response, AppError> {
    let held = held_or_refuse!(&state, lang, &reference, q.t.as_deref());
    if !held.can_change() {
        return too_late(&state, lang, &held, "/move");
    }
    let parse_day = |name: &'static str, value: &Option<String>| match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| AppError::bad_parameter(name, v).page(lang)),
    };
    let today = sportello_domain::time::today_in_rome();
    let from = parse_day("from", &q.from)?.unwrap_or(today);
    let day = parse_day("day", &q.day)?;
    let now = Utc::now();
    let base = format!("/{lang}{}", held.path("/move"));
    let (days, later) = open_days(
        &state,
        lang,
        &held.calendar,
        &held.service,
        DayRange {
            from,
            chosen: day,
            base: &base,
        },
        now,
    )
    .await?;
    let chosen = match day {
        Some(date) => Some(chosen_day(&state, lang, &held.calendar, &held.service, date, now).await?),
        None => None,
    };
    let mut path = held.path("/move");
    if let Some(from) = q.from.as_deref().filter(|f| !f.trim().is_empty()) {
        path.push_str(&format!("&{}", query(&[("from", from)])));
    }
    if let Some(day) = day {
        path.push_str(&format!("&{}", query(&[("day", &day.to_string())])));
    }
    let view = service_view(lang, &held.calendar, &held.service);
    let ctx = context! {
        crumbs => minijinja::value::Serde(held.trail(lang, true)),
        service => minijinja::value::Serde(&view),
        modality => minijinja::value::Serde(modality_view(lang, held.booking.modality)),
        intro => msg_args(lang, "booking-move-intro", &args(&[("when", view::when(lang, held.booking.start).into())])),
        current_day => rome_day(held.booking.start).to_string(),
        days => minijinja::value::Serde(&days),
        later,
        first_days => (from > today).then(|| base.clone()),
        chosen => minijinja::value::Serde(&chosen),
        action => format!("/{lang}/appointments/booking/{}/move", held.booking.reference),
        token => &held.token,
        form_csrf => &guard.csrf,
        back_href => format!("/{lang}{}", held.path("")),
    };
    let page = render_page(
        "appointments/move.html",
        lang,
        &path,
        &msg(lang, "booking-move-title"),
        &state.public_url,
        ctx,
    )?;
    Ok(guard.attach(private(page.into_response())))
}

/// `POST /{lang}/appointments/booking/{reference}/move`.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn move_submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    ClientAddress(address): ClientAddress,
    PathParams((_, reference)): PathParams<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let token = form.get("t");
    let held = held_or_refuse!(&state, lang, &reference, Some(&token));
    if !guard.accepts(&form.get("csrf")) {
        return Err(AppError::new(Problem::FormExpired).page(lang));
    }
    let raw_start = form.get("start");
    let Some(start) = parse_start(&raw_start) else {
        return Err(AppError::bad_parameter("start", raw_start).page(lang));
    };
    let actor = sportello_domain::Actor::anonymous(&address);
    let now = Utc::now();
    let result =
        appointments::move_booking(&state, &held.calendar, &held.service, &held.booking, start, &actor, now).await;
    let move_page = |day: Option<chrono::NaiveDate>| {
        let day = day.map(|d| format!("&{}#slots", query(&[("day", &d.to_string())])));
        format!("/{lang}{}{}", held.path("/move"), day.unwrap_or_default())
    };
    match result {
        Ok(moved) => Ok(to_moved_booking_page(&state, lang, &moved)),
        Err(BookingError::TooLate) => too_late(&state, lang, &held, "/move"),
        Err(BookingError::Slot(problem)) => {
            let message = Message {
                title: msg(lang, "slot-problem-title"),
                text: slot_message(lang, &problem),
                links: vec![(move_page(Some(rome_day(start))), msg(lang, "booking-choose-again"))],
                ..Message::default()
            };
            let trail = held.trail(lang, true);
            message_page(
                &state,
                lang,
                &held.path("/move"),
                StatusCode::UNPROCESSABLE_ENTITY,
                trail,
                message,
            )
        }
        Err(BookingError::Full(next)) => {
            let message = Message {
                title: msg(lang, "booking-taken-title"),
                text: msg(lang, "booking-taken-text"),
                alternatives: taken_alternatives(lang, &next, |_| String::new()),
                move_form: Some(MoveForm {
                    action: format!("/{lang}/appointments/booking/{}/move", held.booking.reference),
                    token: held.token.clone(),
                    csrf: guard.csrf.clone(),
                }),
                none_text: next.is_empty().then(|| msg(lang, "booking-taken-none")),
                links: vec![(move_page(Some(rome_day(start))), msg(lang, "booking-choose-again"))],
            };
            let trail = held.trail(lang, true);
            message_page(&state, lang, &held.path("/move"), StatusCode::CONFLICT, trail, message)
        }
        Err(BookingError::Unavailable) => {
            let message = Message {
                title: msg(lang, "booking-unavailable-title"),
                text: msg(lang, "booking-unavailable-text"),
                ..Message::default()
            };
            let trail = held.trail(lang, true);
            message_page(
                &state,
                lang,
                &held.path("/move"),
                StatusCode::UNPROCESSABLE_ENTITY,
                trail,
                message,
            )
        }
        Err(BookingError::Limited(limited)) => Err(AppError::new(Problem::TooMany(limited)).page(lang)),
        Err(BookingError::Storage(e)) => Err(AppError::from(e).page(lang)),
        Err(other) => Err(AppError::new(Problem::Internal(format!("moving: {other:?}"))).page(lang)),
    }
}
