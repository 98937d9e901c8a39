//! A centre's part-day closures in the back office: `GET
//! /{lang}/office/closures?centre={slug}` lists those still to come, each
//! with the appointments inside it that operators must move (their
//! contacts, a link to each in the agenda; nothing is cancelled); `POST`
//! there adds one (a day, from and to, the whole centre or one service, a
//! reason), `POST …/closures/{id}/remove` takes one away. Changes are for
//! who edits the centre's services; the bookings listed follow the
//! agenda's need-to-know rules (`agenda::readable_bookings`), the
//! Collocamento Mirato's counted for who may not read them.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use minijinja::value::Serde;
use serde::{Deserialize, Serialize};
use sportello_domain::{BookingStatus, Centre, PartClosure, PartClosureId, RawPartClosure, Service};

use super::agenda::readable_bookings;
use super::services::{Need, allowed, centre_choices, centre_for, service_name};
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::offers::form::field_message;
use crate::pages::office::{render, see_other};
use crate::session::{Office, SignedIn};
use sportello_app::i18n::msg;
use sportello_app::view;

#[derive(Debug, Default, Deserialize)]
pub struct ClosuresQuery {
    centre: Option<String>,
    done: Option<String>,
}

/// An appointment inside a closure, to be moved.
#[derive(Debug, Serialize)]
struct ToMove {
    time: String,
    service: String,
    name: String,
    phone: String,
    email: String,
    url: String,
    /// Moving it to another time, for who handles it.
    move_url: Option<String>,
}

#[derive(Debug, Serialize)]
struct ClosureItem {
    id: i64,
    when: String,
    what: String,
    reason: String,
    to_move: Vec<ToMove>,
    /// Collocamento Mirato appointments inside, for who may not read them.
    hidden: usize,
}

/// What the page shows besides the list: a refused form or a notice.
#[derive(Debug)]
struct Outcome {
    form: Option<(RawPartClosure, BTreeMap<String, String>)>,
    notice: Option<String>,
    status: StatusCode,
}

fn covered_by(c: &PartClosure) -> impl Fn(&sportello_domain::Booking) -> bool + '_ {
    move |b| b.status == BookingStatus::Booked && b.point.is_none() && c.data.covers(Some(b.service), b.start, b.end)
}

async fn page(state: &AppState, user: &SignedIn, centre: &Centre, outcome: Outcome) -> Result<Response, AppError> {
    let lang = user.lang;
    let now = Utc::now();
    let services = state.storage.services(centre.id).await.on_page(lang)?;
    let name_of = |id| {
        services
            .iter()
            .find(|s: &&Service| s.id == id)
            .map(|s| service_name(lang, s))
            .unwrap_or_default()
    };
    let access = user.access();
    let handles = |b: &sportello_domain::Booking| {
        services
            .iter()
            .find(|s| s.id == b.service)
            .is_some_and(|s| access.can_handle_bookings(centre.id, s.data.kind))
    };
    let mut items = Vec::new();
    for c in state.storage.part_closures(centre.id, now, None).await.on_page(lang)? {
        let (bookings, _, hidden) =
            readable_bookings(state, user, centre, (c.data.start, c.data.end), None, false).await?;
        let to_move = bookings
            .iter()
            .filter(|b| covered_by(&c)(b))
            .map(|b| ToMove {
                time: view::time_range(b.start, b.end),
                service: name_of(b.service),
                name: b.person.name.clone(),
                phone: b.person.phone_text(),
                email: b.person.email_text(),
                url: format!("/{lang}/office/agenda/{}", b.reference),
                move_url: handles(b).then(|| format!("/{lang}/office/agenda/{}/move", b.reference)),
            })
            .collect();
        items.push(ClosureItem {
            id: c.id.0,
            when: format!(
                "{} ({})",
                view::day(lang, sportello_domain::time::rome_date(c.data.start)),
                view::time_range(c.data.start, c.data.end)
            ),
            what: match c.data.service {
                Some(id) => name_of(id),
                None => msg(lang, "part-closures-whole-centre"),
            },
            reason: c.data.reason.clone(),
            to_move,
            hidden: hidden.iter().filter(|b| covered_by(&c)(b)).count(),
        });
    }
    let (values, errors) = match outcome.form {
        Some((values, errors)) => (values, errors),
        None => (RawPartClosure::default(), BTreeMap::new()),
    };
    let choices: Vec<(String, String)> = services
        .iter()
        .filter(|s| s.data.active)
        .map(|s| (s.id.0.to_string(), service_name(lang, s)))
        .collect();
    let title = format!("{} · {}", msg(lang, "part-closures-title"), centre.data.name);
    let ctx = context! {
        centre => centre.data.slug.clone(),
        centres => centre_choices(user, Need::ReadAgenda),
        filter_action => format!("/{lang}/office/closures"),
        can_edit => allowed(user, centre, Need::EditServices),
        closures => Serde(&items),
        services => choices,
        values => context! {
            date => values.date, from => values.from, to => values.to,
            service => values.service, reason => values.reason,
        },
        errors,
        error_fields => [
            ("date", msg(lang, "office-session-date")),
            ("from", msg(lang, "part-closures-from")),
            ("to", msg(lang, "part-closures-to")),
            ("service", msg(lang, "part-closures-service")),
            ("reason", msg(lang, "part-closures-reason")),
        ],
        notice => outcome.notice,
    };
    let mut response = render("office/closures.html", lang, "/office/agenda", &title, Some(user), ctx)?;
    *response.status_mut() = outcome.status;
    Ok(response)
}

/// `GET /{lang}/office/closures?centre={slug}`.
pub async fn list(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    Query(query): Query<ClosuresQuery>,
) -> Result<Response, AppError> {
    let centre = centre_for(&state, &user, query.centre.as_deref(), Need::ReadAgenda, "agenda.read").await?;
    let lang = user.lang;
    let notice = match query.done.as_deref() {
        Some("added") => Some(msg(lang, "part-closures-added")),
        Some("removed") => Some(msg(lang, "part-closures-removed")),
        _ => None,
    };
    let outcome = Outcome {
        form: None,
        notice,
        status: StatusCode::OK,
    };
    page(&state, &user, &centre, outcome).await
}

/// `POST /{lang}/office/closures?centre={slug}`: adds a part-day closure.
pub async fn add(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    Query(query): Query<ClosuresQuery>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let lang = user.lang;
    let centre = centre_for(
        &state,
        &user,
        query.centre.as_deref(),
        Need::EditServices,
        "part_closure.create",
    )
    .await?;
    let raw = RawPartClosure {
        date: form.get("date"),
        from: form.get("from"),
        to: form.get("to"),
        service: form.get("service"),
        reason: form.get("reason"),
    };
    let services: Vec<_> = state
        .storage
        .services(centre.id)
        .await
        .on_page(lang)?
        .iter()
        .map(|s| s.id)
        .collect();
    let now = Utc::now();
    match raw.parse(centre.id, &services, now) {
        Ok(closure) => {
            state
                .storage
                .add_part_closure(&closure, &user.actor(), now)
                .await
                .on_page(lang)?;
            Ok(see_other(&format!(
                "/{lang}/office/closures?centre={}&done=added",
                centre.data.slug
            )))
        }
        Err(errors) => {
            let errors = errors
                .iter()
                .map(|e| (e.field.clone(), field_message(lang, e)))
                .collect();
            let outcome = Outcome {
                form: Some((raw, errors)),
                notice: None,
                status: StatusCode::UNPROCESSABLE_ENTITY,
            };
            page(&state, &user, &centre, outcome).await
        }
    }
}

/// `POST /{lang}/office/closures/{id}/remove`: the closure's slots are
/// free again.
pub async fn remove(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    PathParams((_, id)): PathParams<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let lang = user.lang;
    let not_found = || AppError::not_found().page(lang);
    let id = PartClosureId(id.parse::<i64>().map_err(|_| not_found())?);
    let closure = state
        .storage
        .part_closure(id)
        .await
        .on_page(lang)?
        .ok_or_else(not_found)?;
    let centre = user
        .centres
        .iter()
        .find(|c| c.id == closure.data.centre)
        .cloned()
        .ok_or_else(not_found)?;
    if !allowed(&user, &centre, Need::EditServices) {
        return Err(user
            .deny(&state, "part_closure.remove", "part_closure", &id.0.to_string())
            .await);
    }
    state
        .storage
        .remove_part_closure(id, &user.actor(), Utc::now())
        .await
        .on_page(lang)?;
    Ok(see_other(&format!(
        "/{lang}/office/closures?centre={}&done=removed",
        centre.data.slug
    )))
}
