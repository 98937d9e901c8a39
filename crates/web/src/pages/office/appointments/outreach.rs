//! A centre's outreach points in the back office: each point with its
//! hours or its stops to come, a form to add a stop to a tour (checked
//! against the calendar and the tour's other stops: see
//! `sportello_domain::outreach::stops`) and a button to cancel a stop,
//! refused while appointments are booked at it (they are moved first from
//! the agenda: nothing is cancelled silently). Reading needs what the
//! services catalogue needs; changing, what changing it needs.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use minijinja::value::Serde;
use serde::{Deserialize, Serialize};
use sportello_domain::time::today_in_rome;
use sportello_domain::{Centre, OutreachPointId, PointKind, RawStop, StopId};
use sportello_storage::StopCancel;

use super::services::{Need, allowed, centre_choices, centre_for};
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::offers::form::field_message;
use crate::pages::office::{render, see_other};
use crate::session::{Office, SignedIn};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::outreach::{self, StopView};

/// Stops listed per tour.
const STOPS_SHOWN: usize = 40;

#[derive(Debug, Serialize)]
struct PointItem {
    id: i64,
    name: String,
    url: String,
    tour: bool,
    address: String,
    hours: Vec<String>,
    stops: Vec<StopView>,
}

#[derive(Debug, Default, Deserialize)]
pub struct OutreachQuery {
    centre: Option<String>,
    done: Option<String>,
}

/// What the page says on top after a change or a refusal.
struct Outcome {
    /// The point whose form was sent with errors, its values and errors.
    form: Option<(i64, RawStop, BTreeMap<String, String>)>,
    notice: Option<String>,
    status: StatusCode,
}

async fn page(state: &AppState, user: &SignedIn, centre: &Centre, outcome: Outcome) -> Result<Response, AppError> {
    let lang = user.lang;
    let now = Utc::now();
    let mut items = Vec::new();
    for point in state.storage.points(Some(centre.id)).await.on_page(lang)? {
        let stops = state
            .storage
            .stops(point.id, today_in_rome(), STOPS_SHOWN)
            .await
            .on_page(lang)?;
        items.push(PointItem {
            id: point.id.0,
            name: point.data.name(lang).to_string(),
            url: outreach::point_path(lang, &point),
            tour: point.data.kind == PointKind::Tour,
            address: outreach::point_address(&point),
            hours: outreach::hours_lines(lang, &point),
            stops: stops
                .iter()
                .filter(|s| s.data.end() > now)
                .map(|s| outreach::stop_view(lang, &point, s))
                .collect(),
        });
    }
    let (form_point, values, errors) = match outcome.form {
        Some((point, values, errors)) => (Some(point), values, errors),
        None => (None, RawStop::default(), BTreeMap::new()),
    };
    let title = format!("{} · {}", msg(lang, "office-outreach-title"), centre.data.name);
    let ctx = context! {
        centre => centre.data.slug.clone(),
        centres => centre_choices(user, Need::ReadServices),
        can_edit => allowed(user, centre, Need::EditServices),
        points => Serde(&items),
        form_point,
        values => Serde(&RawValues::from(&values)),
        errors,
        notice => outcome.notice,
    };
    let mut response = render(
        "office/outreach.html",
        lang,
        "/office/services",
        &title,
        Some(user),
        ctx,
    )?;
    *response.status_mut() = outcome.status;
    Ok(response)
}

/// The stop form's values for the template.
#[derive(Debug, Serialize)]
struct RawValues {
    date: String,
    opens: String,
    closes: String,
    town: String,
    place: String,
    address: String,
}

impl From<&RawStop> for RawValues {
    fn from(r: &RawStop) -> Self {
        RawValues {
            date: r.date.clone(),
            opens: r.opens.clone(),
            closes: r.closes.clone(),
            town: r.town.clone(),
            place: r.place.clone(),
            address: r.address.clone(),
        }
    }
}

/// `GET /{lang}/office/outreach?centre={slug}`.
pub async fn list(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    Query(query): Query<OutreachQuery>,
) -> Result<Response, AppError> {
    let centre = centre_for(
        &state,
        &user,
        query.centre.as_deref(),
        Need::ReadServices,
        "outreach.read",
    )
    .await?;
    let lang = user.lang;
    let notice = match query.done.as_deref() {
        Some("added") => Some(msg(lang, "office-outreach-added")),
        Some("cancelled") => Some(msg(lang, "office-outreach-cancelled")),
        _ => None,
    };
    let outcome = Outcome {
        form: None,
        notice,
        status: StatusCode::OK,
    };
    page(&state, &user, &centre, outcome).await
}

/// The point `point` and its centre, if `user` may change it.
async fn editable_point(
    state: &AppState,
    user: &SignedIn,
    point: OutreachPointId,
    action: &str,
) -> Result<(Centre, sportello_domain::OutreachPoint), AppError> {
    let lang = user.lang;
    let point = state
        .storage
        .point(point)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let centre = user
        .centres
        .iter()
        .find(|c| c.id == point.data.centre)
        .cloned()
        .ok_or_else(|| AppError::not_found().page(lang))?;
    if !allowed(user, &centre, Need::EditServices) {
        return Err(user.deny(state, action, "outreach_point", &point.data.slug).await);
    }
    Ok((centre, point))
}

fn id_param(lang: sportello_domain::Lang, value: &str) -> Result<i64, AppError> {
    value.parse::<i64>().map_err(|_| AppError::not_found().page(lang))
}

/// `POST /{lang}/office/outreach/{point}/stops`: adds a stop to a tour.
pub async fn add_stop(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, point)): PathParams<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let id = OutreachPointId(id_param(lang, &point)?);
    let (centre, point) = editable_point(&state, &user, id, "stop.create").await?;
    if point.data.kind != PointKind::Tour {
        return Err(AppError::not_found().page(lang));
    }
    let raw = RawStop {
        date: form.get("date"),
        opens: form.get("opens"),
        closes: form.get("closes"),
        town: form.get("town"),
        place: form.get("place"),
        address: form.get("address"),
    };
    let checked = match raw.parse() {
        Ok(stop) => state
            .storage
            .add_stop(point.id, &stop, &user.actor(), Utc::now())
            .await
            .on_page(lang)?
            .map(|_| ()),
        Err(errors) => Err(errors),
    };
    match checked {
        Ok(()) => Ok(see_other(&format!(
            "/{lang}/office/outreach?centre={}&done=added",
            centre.data.slug
        ))),
        Err(errors) => {
            let errors = errors
                .iter()
                .map(|e| (e.field.clone(), field_message(lang, e)))
                .collect();
            let outcome = Outcome {
                form: Some((point.id.0, raw, errors)),
                notice: None,
                status: StatusCode::UNPROCESSABLE_ENTITY,
            };
            page(&state, &user, &centre, outcome).await
        }
    }
}

/// `POST /{lang}/office/outreach/stops/{stop}/cancel`: cancels a stop
/// where no appointment is booked.
pub async fn cancel_stop(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, stop)): PathParams<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let id = StopId(id_param(lang, &stop)?);
    let stop = state
        .storage
        .stop(id)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let (centre, _) = editable_point(&state, &user, stop.point, "stop.cancel").await?;
    match state
        .storage
        .cancel_stop(id, &user.actor(), Utc::now())
        .await
        .on_page(lang)?
    {
        StopCancel::Cancelled(_) => Ok(see_other(&format!(
            "/{lang}/office/outreach?centre={}&done=cancelled",
            centre.data.slug
        ))),
        StopCancel::HasBookings(count) => {
            let notice = msg_args(
                lang,
                "office-outreach-has-bookings",
                &args(&[("count", i64::from(count).into())]),
            );
            let outcome = Outcome {
                form: None,
                notice: Some(notice),
                status: StatusCode::CONFLICT,
            };
            page(&state, &user, &centre, outcome).await
        }
    }
}
