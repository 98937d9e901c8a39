//! The first booking steps: the list of centres, a centre's services with its
//! access rules, then for one service the way to meet, the open days and a
//! day's free times. Every step is a link or a GET form.

use axum::extract::{Query, State};
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::Modality;
use sportello_domain::time::today_in_rome;

use super::DayRange;
use super::{
    ServiceView, chosen_day, crumbs, load_centre, load_service, modality_view, open_days, query, rules_html,
    service_view,
};
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{Locale, PathParams};
use crate::pages::render_page;
use sportello_app::i18n::{args, msg, msg_args};

#[derive(Debug, Serialize)]
struct CentreItem {
    name: String,
    address: String,
    town: String,
    area: String,
    href: String,
}

/// `GET /{lang}/appointments`: the centres that take appointments.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn centres(State(state): State<AppState>, Locale(lang): Locale) -> Result<Html<String>, AppError> {
    let mut items = Vec::new();
    for centre in state.storage.centres().await.on_page(lang)? {
        let services = state.storage.services(centre.id).await.on_page(lang)?;
        if !services.iter().any(|s| s.data.active) {
            continue;
        }
        let d = &centre.data;
        items.push(CentreItem {
            name: d.name.clone(),
            address: d.address.clone(),
            town: format!("{} {} ({})", d.postcode, d.town, d.province),
            area: d.area.name.clone(),
            href: format!("/{lang}/appointments/{}", d.slug),
        });
    }
    let title = msg(lang, "booking-title");
    let ctx = context! { centres => minijinja::value::Serde(&items) };
    render_page(
        "appointments/centres.html",
        lang,
        "/appointments",
        &title,
        &state.public_url,
        ctx,
    )
}

/// `GET /{lang}/appointments/{centre}`: the centre's rules and services.
#[tracing::instrument(skip_all, fields(lang = %lang, slug))]
pub async fn centre(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, slug)): PathParams<(String, String)>,
) -> Result<Html<String>, AppError> {
    let calendar = load_centre(&state, lang, &slug).await?;
    let services: Vec<ServiceView> = state
        .storage
        .services(calendar.centre.id)
        .await
        .on_page(lang)?
        .iter()
        .filter(|s| calendar.serves(s))
        .map(|s| service_view(lang, &calendar, s))
        .collect();
    let name = calendar.place_name(lang);
    let title = msg_args(lang, "booking-centre-title", &args(&[("centre", name.as_str().into())]));
    let ctx = context! {
        crumbs => minijinja::value::Serde(crumbs(lang, None)),
        centre => minijinja::value::Serde(sportello_app::view::centre(lang, &calendar.centre)),
        access_rules => rules_html(&calendar, lang),
        services => minijinja::value::Serde(&services),
    };
    render_page(
        "appointments/centre.html",
        lang,
        &format!("/appointments/{slug}"),
        &title,
        &state.public_url,
        ctx,
    )
}

#[derive(Debug, Default, Deserialize)]
pub struct ServiceQuery {
    modality: Option<String>,
    from: Option<String>,
    day: Option<String>,
}

/// `GET /{lang}/appointments/{centre}/{service}`: how to meet, then the open
/// days, then a day's free times (a GET form to the details form).
#[tracing::instrument(skip_all, fields(lang = %lang, slug, service))]
pub async fn service(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, slug, service)): PathParams<(String, String, String)>,
    Query(q): Query<ServiceQuery>,
) -> Result<Response, AppError> {
    let calendar = load_centre(&state, lang, &slug).await?;
    let service = load_service(&state, lang, &calendar, &service).await?;
    let view = service_view(lang, &calendar, &service);
    let offered = &calendar.modalities(&service.data.modalities);
    let modality = match q.modality.as_deref().and_then(Modality::parse) {
        Some(m) if offered.contains(&m) => Some(m),
        _ if offered.len() == 1 => offered.first().copied(),
        _ => None,
    };
    let trail = crumbs(lang, Some(&calendar));
    let title = msg_args(
        lang,
        "booking-service-title",
        &args(&[
            ("service", view.name.as_str().into()),
            ("centre", calendar.place_name(lang).into()),
        ]),
    );
    let Some(modality) = modality else {
        let ctx = context! {
            crumbs => minijinja::value::Serde(&trail),
            service => minijinja::value::Serde(&view),
            title_lang => view.text_lang,
            choose_modality => true,
        };
        let path = format!("/appointments/{slug}/{}", service.id.0);
        return Ok(
            render_page("appointments/service.html", lang, &path, &title, &state.public_url, ctx)?.into_response(),
        );
    };
    let now = Utc::now();
    let parse_day = |name: &'static str, value: &Option<String>| match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| AppError::bad_parameter(name, v).page(lang)),
    };
    let from = parse_day("from", &q.from)?.unwrap_or_else(today_in_rome);
    let day = parse_day("day", &q.day)?;
    let base = format!("{}?{}", view.url, query(&[("modality", modality.code())]));
    let (days, later) = open_days(
        &state,
        lang,
        &calendar,
        &service,
        DayRange {
            from,
            chosen: day,
            base: &base,
        },
        now,
    )
    .await?;
    let chosen = match day {
        Some(date) => Some(chosen_day(&state, lang, &calendar, &service, date, now).await?),
        None => None,
    };
    let mut pairs = vec![("modality", modality.code().to_string())];
    if let Some(from) = q.from.as_deref().filter(|f| !f.trim().is_empty()) {
        pairs.push(("from", from.to_string()));
    }
    if let Some(day) = day {
        pairs.push(("day", day.to_string()));
    }
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let path = format!("/appointments/{slug}/{}?{}", service.id.0, query(&pairs));
    let ctx = context! {
        crumbs => minijinja::value::Serde(&trail),
        service => minijinja::value::Serde(&view),
        title_lang => view.text_lang,
        modality => minijinja::value::Serde(modality_view(lang, modality)),
        several_modalities => offered.len() > 1,
        days => minijinja::value::Serde(&days),
        later,
        first_days => (from > today_in_rome()).then(|| base.clone()),
        chosen => minijinja::value::Serde(&chosen),
        form_action => format!("{}/book", view.url),
        access_rules => rules_html(&calendar, lang),
    };
    Ok(render_page("appointments/service.html", lang, &path, &title, &state.public_url, ctx)?.into_response())
}
