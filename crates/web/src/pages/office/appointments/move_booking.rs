//! Moving a booking from the back office, e.g. out of a part-day closure:
//! `GET /{lang}/office/agenda/{reference}/move` shows the service's next
//! free times (at the same place, in the same modality), `POST` there with
//! `start` moves it; the person gets the same e-mail and text as when they
//! move it themselves, with the new time and calendar update. For who
//! handles the booking (`agenda::editable_booking`); a time taken meanwhile
//! or no longer bookable is refused with the page shown again.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use serde::Serialize;
use sportello_domain::time::{rome_date, today_in_rome};
use sportello_domain::{Booking, BookingStatus, Centre, Service};

use super::agenda::{editable_booking, refusal};
use super::services::service_name;
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::{render, see_other};
use crate::session::{Office, SignedIn};
use sportello_app::appointments::{self, BookingError, CentreCalendar, parse_start, slot_message, start_param};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::view;

/// Days with free times offered at most.
const DAYS_SHOWN: usize = 6;

#[derive(Debug, Serialize)]
struct TimeChoice {
    value: String,
    label: String,
}

#[derive(Debug, Serialize)]
struct DayChoice {
    day: String,
    times: Vec<TimeChoice>,
}

struct Held {
    centre: Centre,
    booking: Booking,
    service: Service,
    calendar: CentreCalendar,
}

async fn held(state: &AppState, user: &SignedIn, reference: &str) -> Result<Held, AppError> {
    let lang = user.lang;
    let (centre, booking) = editable_booking(state, user, reference, "booking.move").await?;
    let service = state
        .storage
        .service(booking.service)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let calendar = CentreCalendar::at(state, centre.clone(), booking.point)
        .await
        .on_page(lang)?;
    Ok(Held {
        centre,
        booking,
        service,
        calendar,
    })
}

async fn page(state: &AppState, user: &SignedIn, held: &Held, error: Option<String>) -> Result<Response, AppError> {
    let lang = user.lang;
    let now = Utc::now();
    let days = appointments::open_days(state, &held.calendar, &held.service, today_in_rome(), now, DAYS_SHOWN)
        .await
        .on_page(lang)?;
    let choices: Vec<DayChoice> = days
        .iter()
        .map(|(day, free)| DayChoice {
            day: view::day(lang, *day),
            times: free
                .iter()
                .filter(|f| f.slot.start != held.booking.start)
                .map(|f| TimeChoice {
                    value: start_param(&f.slot),
                    label: view::time_range(f.slot.start, f.slot.end),
                })
                .collect(),
        })
        .filter(|d| !d.times.is_empty())
        .collect();
    let b = &held.booking;
    let title = msg_args(
        lang,
        "agenda-move-title",
        &args(&[("reference", b.reference.to_string().into())]),
    );
    let ctx = context! {
        name => b.person.name.clone(),
        service => service_name(lang, &held.service),
        when => view::when(lang, b.start),
        place => held.calendar.where_text(lang, b.modality, b.start),
        days => minijinja::value::Serde(&choices),
        action => format!("/{lang}/office/agenda/{}/move", b.reference),
        back => format!("/{lang}/office/agenda?centre={}&day={}", held.centre.data.slug, rome_date(b.start)),
        error,
        tells => b.person.email.is_some() || (b.person.phone.is_some() && b.person.sms),
    };
    render(
        "office/agenda_move.html",
        lang,
        "/office/agenda",
        &title,
        Some(user),
        ctx,
    )
}

/// `GET /{lang}/office/agenda/{reference}/move`.
pub async fn form(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    PathParams((_, reference)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let held = held(&state, &user, &reference).await?;
    let b = &held.booking;
    if b.status != BookingStatus::Booked || b.start <= Utc::now() {
        return refusal(
            &user,
            &held.centre,
            rome_date(b.start),
            &msg(user.lang, "agenda-too-late"),
        );
    }
    page(&state, &user, &held, None).await
}

/// `POST /{lang}/office/agenda/{reference}/move` with `start`.
pub async fn submit(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    PathParams((_, reference)): PathParams<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let lang = user.lang;
    let held = held(&state, &user, &reference).await?;
    let day = rome_date(held.booking.start);
    let Some(start) = parse_start(&form.get("start")) else {
        let mut response = page(&state, &user, &held, Some(msg(lang, "agenda-move-choose"))).await?;
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    };
    let now = Utc::now();
    let problem = match appointments::move_booking(
        &state,
        &held.calendar,
        &held.service,
        &held.booking,
        start,
        &user.actor(),
        now,
    )
    .await
    {
        Ok(moved) => {
            return Ok(see_other(&format!(
                "/{lang}/office/agenda?centre={}&day={}&done=moved&reference={}",
                held.centre.data.slug,
                rome_date(moved.start),
                moved.reference
            )));
        }
        Err(BookingError::TooLate) => return refusal(&user, &held.centre, day, &msg(lang, "agenda-too-late")),
        Err(BookingError::Storage(e)) => return Err(AppError::from(e).page(lang)),
        Err(BookingError::Slot(problem)) => slot_message(lang, &problem),
        Err(BookingError::Full(_)) => msg(lang, "agenda-move-taken"),
        Err(_) => msg(lang, "agenda-move-choose"),
    };
    let mut response = page(&state, &user, &held, Some(problem)).await?;
    *response.status_mut() = StatusCode::CONFLICT;
    Ok(response)
}
