//! "My page" (`/{lang}/account`): the person's appointments and
//! registrations to group meetings — those made with their account's
//! confirmed e-mail address or number, including those made before they
//! had an account — each with the link to its own page.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_app::appointments::links as booking_links;
use sportello_app::events::links as registration_links;
use sportello_app::events::mails::status_text;
use sportello_app::i18n::msg;
use sportello_app::view;
use sportello_domain::ServiceId;

use super::page;
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::Locale;
use crate::pages::office::appointments::agenda::status_id;
use crate::person_session::Citizen;

/// How many of each the page lists.
const LISTED: u32 = 100;

#[derive(Debug, Default, Deserialize)]
pub struct MyQuery {
    welcome: Option<String>,
}

/// One line of a list.
#[derive(Debug, Serialize)]
struct Item {
    title: String,
    place: String,
    when: String,
    status: String,
    href: String,
    upcoming: bool,
}

/// `GET /{lang}/account`.
pub async fn show(
    State(state): State<AppState>,
    Locale(lang): Locale,
    citizen: Citizen,
    Query(query): Query<MyQuery>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let person = &citizen.person;
    let (email, phone) = (person.email.as_ref(), person.phone.as_ref());
    let centres: HashMap<_, _> = state
        .storage
        .centres()
        .await
        .on_page(lang)?
        .into_iter()
        .map(|c| (c.id, c.data.name))
        .collect();
    let bookings = state.storage.bookings_of(email, phone, LISTED).await.on_page(lang)?;
    let mut services: HashMap<ServiceId, String> = HashMap::new();
    let mut appointments = Vec::new();
    for b in &bookings {
        if let std::collections::hash_map::Entry::Vacant(slot) = services.entry(b.service) {
            let service = state.storage.service(b.service).await.on_page(lang)?;
            slot.insert(
                service
                    .as_ref()
                    .and_then(|s| s.data.text(lang))
                    .map(|t| t.name.clone())
                    .unwrap_or_default(),
            );
        }
        appointments.push(Item {
            title: services[&b.service].clone(),
            place: centres.get(&b.centre).cloned().unwrap_or_default(),
            when: view::when(lang, b.start),
            status: msg(lang, status_id(b.status)),
            href: booking_links::manage_path(&state, lang, &b.reference, b.start),
            upcoming: b.end > now,
        });
    }
    let registrations = state
        .storage
        .registrations_of(email, phone, LISTED)
        .await
        .on_page(lang)?;
    let mut events = HashMap::new();
    let mut meetings = Vec::new();
    for r in &registrations {
        if let std::collections::hash_map::Entry::Vacant(slot) = events.entry(r.event) {
            slot.insert(state.storage.event(r.event).await.on_page(lang)?);
        }
        let Some(event) = events.get(&r.event).and_then(Option::as_ref) else {
            continue;
        };
        let Some(session) = event.session(r.session) else {
            continue;
        };
        meetings.push(Item {
            title: event.text(lang).map(|t| t.title.clone()).unwrap_or_default(),
            place: centres.get(&event.centre).cloned().unwrap_or_default(),
            when: view::when(lang, session.start),
            status: status_text(lang, r),
            href: registration_links::manage_path(&state, lang, &r.reference),
            upcoming: session.end > now,
        });
    }
    let ctx = context! {
        csrf => citizen.csrf.clone(),
        name => &person.name,
        welcome => query.welcome.is_some(),
        appointments => minijinja::value::Serde(&appointments),
        meetings => minijinja::value::Serde(&meetings),
    };
    page(
        &state,
        lang,
        "account/my_page.html",
        "/account",
        "person-my-page-title",
        ctx,
        StatusCode::OK,
    )
}
