//! Citizens' booking pages, no account needed: choose a centre, a service,
//! how to meet, a day and a free time (`choose.rs`), leave a name and a way to
//! be reached (`book.rs`, with `person.rs`, shared with the group meetings'
//! registration form), then see, download, move or cancel the booking
//! through its signed link (`manage.rs`). Every step is a plain link or form:
//! nothing needs JavaScript. The rules (calendar, seats, e-mails) live in
//! `sportello_app::appointments`; this module only shows them.

pub mod book;
pub mod choose;
pub mod manage;
pub mod person;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, Utc};
use minijinja::{Value, context};
use serde::Serialize;
use sportello_domain::time::to_rome;
use sportello_domain::{Lang, Modality, Service, markdown};

use super::render_page;
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use sportello_app::appointments::mails::modality_id;
use sportello_app::appointments::{CentreCalendar, FreeSlot, closed_message, start_param};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::view;

/// Open days shown at once on the day choice.
pub const DAYS_PER_PAGE: usize = 10;

/// A link of the breadcrumb trail; the last one is the page itself.
#[derive(Debug, Clone, Serialize)]
pub struct Crumb {
    pub href: String,
    pub label: String,
    /// The label's language when it is not the page's (an Italian fallback).
    pub lang: Option<&'static str>,
}

/// The first crumbs of every booking page: the centre list, then the centre.
pub fn crumbs(lang: Lang, calendar: Option<&CentreCalendar>) -> Vec<Crumb> {
    let mut crumbs = vec![Crumb {
        href: format!("/{lang}/appointments"),
        label: msg(lang, "booking-title"),
        lang: None,
    }];
    if let Some(calendar) = calendar {
        crumbs.push(Crumb {
            href: format!("/{lang}/appointments/{}", calendar.slug()),
            label: calendar.place_name(lang),
            lang: calendar
                .point
                .as_ref()
                .and_then(|p| sportello_app::outreach::text_lang(lang, &p.point)),
        });
    }
    crumbs
}

/// A query string from name–value pairs, values encoded.
pub fn query(pairs: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// The centre or the outreach point with this slug and its calendar, or
/// "not found".
pub async fn load_centre(state: &AppState, lang: Lang, slug: &str) -> Result<CentreCalendar, AppError> {
    if let Some(centre) = state.storage.centre_by_slug(slug).await.on_page(lang)? {
        return CentreCalendar::load(state, centre).await.on_page(lang);
    }
    let point = state
        .storage
        .point_by_slug(slug)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let centres = state.storage.centres().await.on_page(lang)?;
    let centre = centres
        .into_iter()
        .find(|c| c.id == point.data.centre)
        .ok_or_else(|| AppError::not_found().page(lang))?;
    CentreCalendar::of_point(state, centre, point).await.on_page(lang)
}

/// An active service of the centre, by its number in the address.
pub async fn load_service(
    state: &AppState,
    lang: Lang,
    calendar: &CentreCalendar,
    id: &str,
) -> Result<Service, AppError> {
    let id = id.parse::<i64>().map_err(|_| AppError::not_found().page(lang))?;
    state
        .storage
        .service(sportello_domain::ServiceId(id))
        .await
        .on_page(lang)?
        .filter(|s| calendar.serves(s))
        .ok_or_else(|| AppError::not_found().page(lang))
}

/// A service as the pages show it.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceView {
    pub id: i64,
    /// The language of the name and description when it is not the page's
    /// (a service with no text in the reader's language shows the Italian).
    pub text_lang: Option<&'static str>,
    pub name: String,
    pub description: String,
    pub minutes: u32,
    pub modalities: Vec<ModalityView>,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ModalityView {
    pub code: &'static str,
    pub label: String,
}

pub fn modality_view(lang: Lang, modality: Modality) -> ModalityView {
    ModalityView {
        code: modality.code(),
        label: msg(lang, modality_id(modality)),
    }
}

pub fn service_view(lang: Lang, calendar: &CentreCalendar, service: &Service) -> ServiceView {
    let text = service.data.text(lang);
    ServiceView {
        id: service.id.0,
        text_lang: text.map(|t| t.lang).filter(|l| *l != lang).map(Lang::code),
        name: text.map(|t| t.name.clone()).unwrap_or_default(),
        description: text.map(|t| t.description.clone()).unwrap_or_default(),
        minutes: service.data.duration_minutes,
        modalities: calendar
            .modalities(&service.data.modalities)
            .into_iter()
            .map(|m| modality_view(lang, m))
            .collect(),
        url: format!("/{lang}/appointments/{}/{}", calendar.slug(), service.id.0),
    }
}

/// The centre's access rules as HTML, in the reader's language or else in
/// Italian marked with `lang="it"`.
pub fn rules_html(calendar: &CentreCalendar, lang: Lang) -> Option<String> {
    calendar.access_rules_in(lang).map(|(used, text)| {
        let html = markdown::to_html(text);
        if used == lang {
            html
        } else {
            format!("<div lang=\"{}\">{html}</div>", used.code())
        }
    })
}

/// One open day in the day choice.
#[derive(Debug, Clone, Serialize)]
pub struct DayView {
    pub iso: String,
    pub label: String,
    pub free: usize,
    pub href: String,
    pub current: bool,
}

/// One free time in a radio group.
#[derive(Debug, Clone, Serialize)]
pub struct SlotView {
    pub start: String,
    pub label: String,
}

pub fn slot_view(lang: Lang, free: &FreeSlot) -> SlotView {
    SlotView {
        start: start_param(&free.slot),
        label: msg_args(
            lang,
            "booking-slot",
            &args(&[
                ("time", view::time_range(free.slot.start, free.slot.end).into()),
                ("count", i64::from(free.places).into()),
            ]),
        ),
    }
}

/// A slot offered after a refusal, with the address that takes it.
#[derive(Debug, Clone, Serialize)]
pub struct AlternativeView {
    pub start: String,
    pub label: String,
    pub href: String,
}

/// The day of the week, time and date of `start` in Rome.
pub fn rome_day(start: DateTime<Utc>) -> NaiveDate {
    to_rome(start).date_naive()
}

/// A day's free times, or why there are none, for the day choice.
#[derive(Debug, Clone, Serialize)]
pub struct ChosenDay {
    pub iso: String,
    pub label: String,
    pub slots: Vec<SlotView>,
    /// Why the day cannot be booked (closed, full).
    pub problem: Option<String>,
}

/// The free times of `date`, for the day choice.
pub async fn chosen_day(
    state: &AppState,
    lang: Lang,
    calendar: &CentreCalendar,
    service: &Service,
    date: NaiveDate,
    now: DateTime<Utc>,
) -> Result<ChosenDay, AppError> {
    let free = sportello_app::appointments::free_slots(state, calendar, service, date, now)
        .await
        .on_page(lang)?;
    let (slots, problem) = match free {
        Ok(free) if free.is_empty() => (Vec::new(), Some(msg(lang, "booking-day-full"))),
        Ok(free) => (free.iter().map(|f| slot_view(lang, f)).collect(), None),
        Err(closed) => (Vec::new(), Some(closed_message(lang, &closed))),
    };
    Ok(ChosenDay {
        iso: date.to_string(),
        label: view::day(lang, date),
        slots,
        problem,
    })
}

/// Which open days a day choice shows.
pub struct DayRange<'a> {
    /// The first day looked at.
    pub from: NaiveDate,
    /// The day whose times are shown, if any.
    pub chosen: Option<NaiveDate>,
    /// The address of the choice, with its query, to which `&day=` is added.
    pub base: &'a str,
}

/// The open days of `range`, each linking to its base with `&day=`, and the
/// address of the next page of days.
pub async fn open_days(
    state: &AppState,
    lang: Lang,
    calendar: &CentreCalendar,
    service: &Service,
    range: DayRange<'_>,
    now: DateTime<Utc>,
) -> Result<(Vec<DayView>, Option<String>), AppError> {
    let DayRange { from, chosen, base } = range;
    let days = sportello_app::appointments::open_days(state, calendar, service, from, now, DAYS_PER_PAGE)
        .await
        .on_page(lang)?;
    let later = (days.len() == DAYS_PER_PAGE)
        .then(|| days.last().and_then(|(d, _)| d.succ_opt()))
        .flatten()
        .map(|next| format!("{base}&{}", query(&[("from", &next.to_string())])));
    let views = days
        .iter()
        .map(|(date, free)| DayView {
            iso: date.to_string(),
            label: view::day(lang, *date),
            free: free.len(),
            href: format!(
                "{base}&{}#slots",
                query(&[("from", &from.to_string()), ("day", &date.to_string())])
            ),
            current: chosen == Some(*date),
        })
        .collect();
    Ok((views, later))
}

/// Adds the headers of a page that carries a booking's signed link: never
/// cached, never indexed.
pub fn private(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("x-robots-tag", HeaderValue::from_static("noindex, nofollow"));
    response
}

/// What a page that explains a refusal shows.
#[derive(Debug, Default, Serialize)]
pub struct Message {
    pub title: String,
    pub text: String,
    /// Free times to choose instead (label, address).
    pub alternatives: Vec<AlternativeView>,
    /// A form that takes one of the alternatives directly (moving a booking).
    pub move_form: Option<MoveForm>,
    /// A line said when there are no alternatives.
    pub none_text: Option<String>,
    /// Links onwards (address, label).
    pub links: Vec<(String, String)>,
}

/// The form of the alternatives offered when moving a booking.
#[derive(Debug, Serialize)]
pub struct MoveForm {
    pub action: String,
    pub token: String,
    pub csrf: String,
}

/// A page explaining why something was refused, with `status`.
pub fn message_page(
    state: &AppState,
    lang: Lang,
    path: &str,
    status: StatusCode,
    crumbs: Vec<Crumb>,
    message: Message,
) -> Result<Response, AppError> {
    let ctx: Value = context! {
        message => minijinja::value::Serde(&message),
        crumbs => minijinja::value::Serde(&crumbs),
    };
    let page = render_page(
        "appointments/message.html",
        lang,
        path,
        &message.title,
        &state.public_url,
        ctx,
    )?;
    let mut response = private(page.into_response());
    *response.status_mut() = status;
    Ok(response)
}
