//! Booking on someone's behalf during a phone call: the operator picks the
//! place (the office or one of the centre's outreach points), the service,
//! the modality, the day and a free slot (plain links and forms, no
//! JavaScript), then types the person's details; the booking is made by the
//! same code as the public pages ([`appointments::book`]) with the operator as the
//! actor, so it records who booked and the person gets the confirmation
//! e-mail in their language when they gave an address.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{NaiveDate, Utc};
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::appointments::slots::Slot;
use sportello_domain::vocab::SpokenLanguage;
use sportello_domain::{Centre, FieldError, Lang, Modality, RawBooking, Service, ServiceId};
use sportello_storage::Booked;

use super::services::{Need, centre_for, service_name};
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale};
use crate::pages::office::offers::form::{Opt, field_message, options};
use crate::pages::office::{render, see_other};
use crate::session::{Office, SignedIn};
use sportello_app::appointments::mails::modality_id;
use sportello_app::appointments::{self, BookingError, BookingInput, CentreCalendar, parse_start, start_param};
use sportello_app::i18n::msg;

/// Open days offered as links.
const DAYS_SHOWN: usize = 10;

#[derive(Debug, Default, Deserialize)]
pub struct StepQuery {
    centre: Option<String>,
    service: Option<String>,
    modality: Option<String>,
    day: Option<String>,
    start: Option<String>,
    /// An outreach point's slug: booking there instead of at the office.
    point: Option<String>,
}

/// A free slot as a link.
#[derive(Debug, Serialize)]
struct SlotLink {
    start: String,
    label: String,
}

/// What has been chosen so far.
struct Choice<'a> {
    centre: Centre,
    /// The place's calendar: the office's, or the chosen point's.
    calendar: CentreCalendar,
    services: Vec<Service>,
    service: Option<&'a Service>,
    modality: Option<Modality>,
}

/// The calendar of the place asked: the centre's office, or its outreach
/// point `slug` (a 400 naming `point` for a slug that is not one of them).
async fn place_calendar(
    state: &AppState,
    lang: Lang,
    centre: &Centre,
    slug: Option<&str>,
) -> Result<CentreCalendar, AppError> {
    let Some(slug) = slug.map(str::trim).filter(|s| !s.is_empty()) else {
        return CentreCalendar::load(state, centre.clone()).await.on_page(lang);
    };
    let point = state
        .storage
        .point_by_slug(slug)
        .await
        .on_page(lang)?
        .filter(|p| p.data.centre == centre.id)
        .ok_or_else(|| AppError::bad_parameter("point", slug).page(lang))?;
    CentreCalendar::of_point(state, centre.clone(), point)
        .await
        .on_page(lang)
}

/// Everything the page shows besides the choices.
#[derive(Default)]
struct Extra {
    day: Option<NaiveDate>,
    start: Option<chrono::DateTime<Utc>>,
    values: RawBooking,
    person_lang: Option<Lang>,
    errors: Vec<(String, String)>,
    problem: Option<String>,
    /// Free slots proposed after a refusal.
    next: Vec<Slot>,
}

fn chosen_service<'a>(services: &'a [Service], value: Option<&str>) -> Option<&'a Service> {
    let id = value?.trim().parse::<i64>().ok()?;
    services.iter().find(|s| s.id == ServiceId(id) && s.data.active)
}

/// The centre's services whose bookings `user` may make (Collocamento Mirato
/// advice needs the mirato grant); a logged 403 when `asked` names another.
async fn handled_services(
    state: &AppState,
    user: &SignedIn,
    centre: &Centre,
    asked: Option<&str>,
) -> Result<Vec<Service>, AppError> {
    let all = state.storage.services(centre.id).await.on_page(user.lang)?;
    let access = user.access();
    let (handled, others): (Vec<Service>, Vec<Service>) = all
        .into_iter()
        .partition(|s| access.can_handle_bookings(centre.id, s.data.kind));
    if let Some(forbidden) = chosen_service(&others, asked) {
        return Err(user
            .deny(state, "booking.create", "service", &forbidden.id.0.to_string())
            .await);
    }
    Ok(handled)
}

/// The modality asked, if the service offers it at the place (none for one
/// it does not); when none is asked, the only one there is, if so.
fn chosen_modality(calendar: &CentreCalendar, service: Option<&Service>, value: Option<&str>) -> Option<Modality> {
    let service = service?;
    let offered = calendar.modalities(&service.data.modalities);
    match value.and_then(Modality::parse) {
        Some(m) => offered.contains(&m).then_some(m),
        None if offered.len() == 1 => Some(offered[0]),
        None => None,
    }
}

async fn page(
    state: &AppState,
    user: &SignedIn,
    choice: &Choice<'_>,
    extra: Extra,
    status: StatusCode,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let centre = &choice.centre;
    let now = Utc::now();
    let calendar = &choice.calendar;
    let services: Vec<Opt> = choice
        .services
        .iter()
        .filter(|s| s.data.active && calendar.serves(s))
        .map(|s| Opt {
            value: s.id.0.to_string(),
            label: service_name(lang, s),
        })
        .collect();
    let mut step = "service";
    let mut modalities = Vec::new();
    let mut days = Vec::new();
    let mut slots = Vec::new();
    let mut closed = false;
    let mut day = extra.day;
    if let Some(service) = choice.service {
        step = "modality";
        modalities = calendar
            .modalities(&service.data.modalities)
            .iter()
            .map(|m| Opt {
                value: m.code().into(),
                label: msg(lang, modality_id(*m)),
            })
            .collect();
        if choice.modality.is_some() {
            step = if extra.start.is_some() { "details" } else { "slot" };
            let today = sportello_domain::time::today_in_rome();
            let open = appointments::open_days(state, calendar, service, today, now, DAYS_SHOWN)
                .await
                .on_page(lang)?;
            let day_value = day.or_else(|| open.first().map(|(d, _)| *d)).unwrap_or(today);
            day = Some(day_value);
            days = open
                .iter()
                .map(|(d, _)| (d.to_string(), sportello_app::view::day(lang, *d), *d == day_value))
                .collect::<Vec<_>>();
            if step == "slot" {
                match appointments::free_slots(state, calendar, service, day_value, now)
                    .await
                    .on_page(lang)?
                {
                    Ok(free) => {
                        slots = free
                            .iter()
                            .map(|f| SlotLink {
                                start: start_param(&f.slot),
                                label: format!(
                                    "{} ({})",
                                    f.slot.local_start().format("%H:%M"),
                                    sportello_app::i18n::msg_args(
                                        lang,
                                        "agenda-places",
                                        &sportello_app::i18n::args(&[("count", i64::from(f.places).into())])
                                    )
                                ),
                            })
                            .collect();
                        closed = slots.is_empty();
                    }
                    Err(_) => closed = true,
                }
            }
        }
    }
    let next: Vec<SlotLink> = extra
        .next
        .iter()
        .map(|s| SlotLink {
            start: start_param(s),
            label: sportello_app::view::when(lang, s.start),
        })
        .collect();
    let errors: std::collections::BTreeMap<String, String> = extra.errors.iter().cloned().collect();
    let title = format!("{} · {}", msg(lang, "agenda-book-title"), centre.data.name);
    let point = calendar.point.as_ref().map(|p| p.point.data.slug.clone());
    // The office, then each outreach point of the centre: where to book.
    let office = format!("/{lang}/office/agenda/new?centre={}", centre.data.slug);
    let mut places = Vec::new();
    let points = state.storage.points(Some(centre.id)).await.on_page(lang)?;
    if !points.is_empty() {
        places.push((office.clone(), msg(lang, "agenda-place-office"), point.is_none()));
        for p in &points {
            let current = point.as_deref() == Some(p.data.slug.as_str());
            places.push((
                format!("{office}&point={}", p.data.slug),
                p.data.name(lang).to_string(),
                current,
            ));
        }
    }
    let ctx = context! {
        step,
        centre => centre.data.slug.clone(),
        point,
        place => calendar.point.as_ref().map(|p| p.point.data.name(lang).to_string()),
        places,
        services => minijinja::value::Serde(&services),
        service => choice.service.map(|s| (s.id.0, service_name(lang, s))),
        modalities => minijinja::value::Serde(&modalities),
        modality => choice.modality.map(|m| (m.code(), msg(lang, modality_id(m)))),
        days,
        day => day.map(|d| d.to_string()),
        day_label => day.map(|d| sportello_app::view::day(lang, d)),
        slots => minijinja::value::Serde(&slots),
        closed,
        start => extra.start.map(|s| sportello_domain::time::to_rome(s).format("%Y-%m-%dT%H:%M").to_string()),
        when => extra.start.map(|s| sportello_app::view::when(lang, s)),
        next => minijinja::value::Serde(&next),
        problem => extra.problem,
        values => minijinja::value::Serde(&extra.values),
        errors,
        person_lang => extra.person_lang.unwrap_or(lang).code(),
        langs => Lang::ALL.iter().map(|l| (l.code(), l.native_name())).collect::<Vec<_>>(),
        interpreters => minijinja::value::Serde(options::<SpokenLanguage>(lang)),
        key => sportello_auth::hex(&sportello_auth::random_bytes::<16>()),
    };
    let mut response = render(
        "office/agenda_book.html",
        lang,
        "/office/agenda",
        &title,
        Some(user),
        ctx,
    )?;
    *response.status_mut() = status;
    Ok(response)
}

/// `GET /{lang}/office/agenda/new?centre=…[&service=…&modality=…&day=…&start=…]`.
pub async fn steps(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    Query(query): Query<StepQuery>,
) -> Result<Response, AppError> {
    let centre = centre_for(
        &state,
        &user,
        query.centre.as_deref(),
        Need::EditAgenda,
        "booking.create",
    )
    .await?;
    let services = handled_services(&state, &user, &centre, query.service.as_deref()).await?;
    let calendar = place_calendar(&state, lang, &centre, query.point.as_deref()).await?;
    let service = chosen_service(&services, query.service.as_deref()).filter(|s| calendar.serves(s));
    let modality = chosen_modality(&calendar, service, query.modality.as_deref());
    let day = match query.day.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => {
            Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| AppError::bad_parameter("day", d).page(lang))?)
        }
        None => None,
    };
    let start = query.start.as_deref().and_then(parse_start);
    let extra = Extra {
        day: start.map(sportello_domain::time::rome_date).or(day),
        start: start.filter(|_| modality.is_some()),
        ..Extra::default()
    };
    let choice = Choice {
        services: services.clone(),
        centre,
        calendar,
        service,
        modality,
    };
    page(&state, &user, &choice, extra, StatusCode::OK).await
}

/// The person's details as posted.
fn raw_from_form(form: &FormFields) -> RawBooking {
    RawBooking {
        name: form.get("name"),
        email: form.get("email"),
        phone: form.get("phone"),
        codice_fiscale: form.get("codice_fiscale"),
        interpreter: form.get("interpreter"),
        wheelchair: form.checked("wheelchair"),
        sign_language: form.checked("sign_language"),
        other_needs: form.get("other_needs"),
        sms: form.checked("sms"),
    }
}

fn messages(lang: Lang, errors: &[FieldError]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| (e.field.clone(), field_message(lang, e)))
        .collect()
}

/// `POST /{lang}/office/agenda/new?centre=…`: books the chosen slot.
pub async fn book(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    Query(query): Query<StepQuery>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let centre = centre_for(
        &state,
        &user,
        query.centre.as_deref(),
        Need::EditAgenda,
        "booking.create",
    )
    .await?;
    let service_value = form.get("service");
    let services = handled_services(&state, &user, &centre, Some(&service_value)).await?;
    let calendar = place_calendar(&state, lang, &centre, query.point.as_deref()).await?;
    let service = chosen_service(&services, Some(&service_value))
        .filter(|s| calendar.serves(s))
        .ok_or_else(|| AppError::bad_parameter("service", service_value.clone()).page(lang))?;
    let modality_value = form.get("modality");
    let modality = chosen_modality(&calendar, Some(service), Some(&modality_value))
        .ok_or_else(|| AppError::bad_parameter("modality", modality_value.clone()).page(lang))?;
    let start_value = form.get("start");
    let start = parse_start(&start_value).ok_or_else(|| AppError::bad_parameter("start", start_value).page(lang))?;
    let person_lang = Lang::parse(&form.get("person_lang")).unwrap_or(lang);
    let raw = raw_from_form(&form);
    let input = BookingInput {
        calendar: &calendar,
        service,
        modality,
        start,
        form: &raw,
        lang: person_lang,
    };
    let key = form.get("key");
    let key = Some(key.trim())
        .filter(|k| !k.is_empty() && k.len() <= 64)
        .map(|k| format!("office:{k}"));
    let outcome = appointments::book(&state, &input, key.as_deref(), &user.actor(), Utc::now()).await;
    let choice = Choice {
        services: services.clone(),
        centre: centre.clone(),
        calendar,
        service: Some(service),
        modality: Some(modality),
    };
    let mut extra = Extra {
        day: Some(sportello_domain::time::rome_date(start)),
        values: raw.clone(),
        person_lang: Some(person_lang),
        ..Extra::default()
    };
    let (status, extra) = match outcome {
        Ok((Booked::New(b) | Booked::Replayed(b), _)) => {
            let day = sportello_domain::time::rome_date(b.start);
            let mailed = if b.person.email.is_some() { "&mailed=1" } else { "" };
            return Ok(see_other(&format!(
                "/{lang}/office/agenda?centre={}&day={day}&booked={}{mailed}",
                centre.data.slug, b.reference
            )));
        }
        Err(BookingError::Fields(errors)) => {
            extra.start = Some(start);
            extra.errors = messages(lang, &errors);
            (StatusCode::UNPROCESSABLE_ENTITY, extra)
        }
        Err(BookingError::Slot(problem)) => {
            extra.problem = Some(appointments::slot_message(lang, &problem));
            (StatusCode::CONFLICT, extra)
        }
        Err(BookingError::Full(next)) => {
            extra.problem = Some(msg(lang, "agenda-slot-full"));
            extra.next = next;
            (StatusCode::CONFLICT, extra)
        }
        Err(BookingError::Unavailable) => {
            extra.problem = Some(msg(lang, "agenda-service-unavailable"));
            (StatusCode::CONFLICT, extra)
        }
        Err(BookingError::TooLate | BookingError::KeyReused) => {
            extra.start = Some(start);
            extra.problem = Some(msg(lang, "agenda-book-again"));
            (StatusCode::CONFLICT, extra)
        }
        Err(BookingError::Storage(e)) => return Err(AppError::from(e).page(lang)),
        // Operators may book several times for one person.
        Ok((Booked::Existing(_), _)) => {
            return Err(AppError::new(crate::error::Problem::Internal(
                "an operator's booking was held to one per person".into(),
            ))
            .page(lang));
        }
        // Operators are not limited; should it ever happen, say so.
        Err(BookingError::Limited(limited)) => {
            return Err(AppError::new(crate::error::Problem::TooMany(limited)).page(lang));
        }
    };
    page(&state, &user, &choice, extra, status).await
}
