//! The patron-saint days of the towns a centre's outreach points visit (a
//! local holiday there: no stop, no desk hours): `GET
//! /{lang}/office/outreach/towns?centre={slug}` lists the desks' towns and
//! those of the tours' stops to come, each with its days (one `MM-DD Name`
//! line each, as the centre's own patron days); `POST` there with `town`
//! and `days` replaces one town's. For who edits the centre's services.
//! A day that would fall on a stop still planned there, or on an
//! appointment booked at a desk there, is refused with the dates to move
//! first: nothing is cancelled silently.

use std::collections::BTreeSet;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::time::{rome_date, today_in_rome};
use sportello_domain::{BookingStatus, Centre, PatronDay, PointKind};

use super::rules::parse_patron_days;
use super::services::{Need, allowed, centre_choices, centre_for};
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale};
use crate::pages::office::{render, see_other};
use crate::session::{Office, SignedIn};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::view;

/// Stops read to find the towns and the clashes.
const STOPS_READ: usize = 2000;
/// How far ahead a desk's appointments are checked against a new day.
const DESK_DAYS_AHEAD: i64 = 400;

#[derive(Debug, Default, Deserialize)]
pub struct TownsQuery {
    centre: Option<String>,
    done: Option<String>,
}

#[derive(Debug, Serialize)]
struct TownItem {
    name: String,
    lines: String,
    /// The form sent with errors: its lines' messages, or the clashes.
    errors: Vec<String>,
}

/// The towns the centre's points go to: the desks' and the stops' to come.
async fn towns(state: &AppState, lang: sportello_domain::Lang, centre: &Centre) -> Result<BTreeSet<String>, AppError> {
    let mut towns = BTreeSet::new();
    for point in state.storage.points(Some(centre.id)).await.on_page(lang)? {
        if point.data.kind == PointKind::Desk {
            towns.insert(point.data.town.clone());
        }
    }
    for (_, stop) in state
        .storage
        .upcoming_stops(Some(centre.id), Utc::now(), STOPS_READ)
        .await
        .on_page(lang)?
    {
        towns.insert(stop.data.town.clone());
    }
    Ok(towns)
}

fn lines(days: &[PatronDay]) -> String {
    days.iter()
        .map(|d| format!("{:02}-{:02} {}", d.month, d.day, d.name))
        .collect::<Vec<_>>()
        .join("\n")
}

async fn page(
    state: &AppState,
    user: &SignedIn,
    centre: &Centre,
    refused: Option<TownItem>,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let mut items = Vec::new();
    for town in towns(state, lang, centre).await? {
        match &refused {
            Some(r) if r.name == town => items.push(TownItem {
                name: r.name.clone(),
                lines: r.lines.clone(),
                errors: r.errors.clone(),
            }),
            _ => {
                let days = state.storage.town_patron_days(&town).await.on_page(lang)?;
                items.push(TownItem {
                    name: town,
                    lines: lines(&days),
                    errors: Vec::new(),
                });
            }
        }
    }
    let title = format!("{} · {}", msg(lang, "towns-title"), centre.data.name);
    let ctx = context! {
        centre => centre.data.slug.clone(),
        centres => centre_choices(user, Need::ReadServices),
        filter_action => format!("/{lang}/office/outreach/towns"),
        can_edit => allowed(user, centre, Need::EditServices),
        towns => minijinja::value::Serde(&items),
        notice,
    };
    let mut response = render("office/towns.html", lang, "/office/services", &title, Some(user), ctx)?;
    *response.status_mut() = status;
    Ok(response)
}

/// `GET /{lang}/office/outreach/towns?centre={slug}`.
pub async fn list(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    Query(query): Query<TownsQuery>,
) -> Result<Response, AppError> {
    let centre = centre_for(
        &state,
        &user,
        query.centre.as_deref(),
        Need::ReadServices,
        "outreach.read",
    )
    .await?;
    let notice = (query.done.as_deref() == Some("saved")).then(|| msg(user.lang, "towns-saved"));
    page(&state, &user, &centre, None, notice, StatusCode::OK).await
}

/// The dates to come in `town` that fall on one of `days`: stops still
/// planned there, appointments booked at a desk there.
async fn clashes(
    state: &AppState,
    lang: sportello_domain::Lang,
    town: &str,
    days: &[PatronDay],
) -> Result<Vec<NaiveDate>, AppError> {
    let feast = |date: NaiveDate| days.iter().any(|d| d.date_in(date.year()) == Some(date));
    let now = Utc::now();
    let mut dates = BTreeSet::new();
    for (_, stop) in state
        .storage
        .upcoming_stops(None, now, STOPS_READ)
        .await
        .on_page(lang)?
    {
        if stop.data.town == town && !stop.cancelled && feast(stop.data.date) {
            dates.insert(stop.data.date);
        }
    }
    for desk in state.storage.points(None).await.on_page(lang)? {
        if desk.data.kind != PointKind::Desk || desk.data.town != town {
            continue;
        }
        let until = now + Duration::days(DESK_DAYS_AHEAD);
        for b in state
            .storage
            .centre_bookings(desk.data.centre, now, until)
            .await
            .on_page(lang)?
        {
            let date = rome_date(b.start);
            if b.point == Some(desk.id) && b.status == BookingStatus::Booked && feast(date) {
                dates.insert(date);
            }
        }
    }
    Ok(dates.into_iter().filter(|d| *d >= today_in_rome()).collect())
}

/// `POST /{lang}/office/outreach/towns?centre={slug}` with `town` and `days`.
pub async fn save(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    Query(query): Query<TownsQuery>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let lang = user.lang;
    let centre = centre_for(
        &state,
        &user,
        query.centre.as_deref(),
        Need::EditServices,
        "town_patron_days.set",
    )
    .await?;
    let town = form.get("town");
    if !towns(&state, lang, &centre).await?.contains(&town) {
        return Err(AppError::bad_parameter("town", town).page(lang));
    }
    let text = form.get("days");
    let refuse = |errors: Vec<String>| TownItem {
        name: town.clone(),
        lines: text.clone(),
        errors,
    };
    let days = match parse_patron_days(lang, &text) {
        Ok(days) => days,
        Err(wrong) => {
            let errors = wrong
                .into_iter()
                .map(|(number, message)| {
                    msg_args(
                        lang,
                        "rules-line-error",
                        &args(&[("number", (number as i64).into()), ("value", message.into())]),
                    )
                })
                .collect();
            let refused = Some(refuse(errors));
            return page(&state, &user, &centre, refused, None, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let clashing = clashes(&state, lang, &town, &days).await?;
    if !clashing.is_empty() {
        let dates: Vec<String> = clashing.iter().map(|d| view::day(lang, *d)).collect();
        let error = msg_args(lang, "towns-clash", &args(&[("dates", dates.join(", ").into())]));
        return page(
            &state,
            &user,
            &centre,
            Some(refuse(vec![error])),
            None,
            StatusCode::CONFLICT,
        )
        .await;
    }
    state
        .storage
        .set_town_patron_days(&town, &days, &user.actor(), Utc::now())
        .await
        .on_page(lang)?;
    Ok(see_other(&format!(
        "/{lang}/office/outreach/towns?centre={}&done=saved",
        centre.data.slug
    )))
}
