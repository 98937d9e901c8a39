//! Outreach points' public pages, no account needed: a point's page
//! (`GET /{lang}/outreach/{slug}`) with a desk's weekly hours or a tour's
//! stops to come, the services booked there (the booking pages take the
//! point's slug as they take a centre's), the stops as a calendar to
//! subscribe to (`stops.ics`) and the stop-list poster (`poster.pdf`).
//! The next stops of the network and of a centre are on the home page and
//! the boards (`next_stops`).

use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use minijinja::context;
use minijinja::value::Serde;
use sportello_domain::time::today_in_rome;
use sportello_domain::{Centre, CentreId, Lang, OutreachPoint, PointKind, Stop, markdown};

use super::appointments::{Crumb, service_view};
use super::render_page;
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{Locale, PathParams};
use crate::pages::offers::poster::{PrintQuery, print_failed};
use sportello_app::appointments::CentreCalendar;
use sportello_app::outreach::{self, StopView};
use sportello_app::view;

/// Stops shown on the home page and a board.
pub const NEXT_STOPS: usize = 5;
/// Stops listed on a point's page and in its calendar.
pub const PAGE_STOPS: usize = 60;

/// The next stops of `centre`'s points (or of every centre's).
pub async fn next_stops(
    state: &AppState,
    lang: Lang,
    centre: Option<CentreId>,
    limit: usize,
) -> Result<Vec<StopView>, AppError> {
    outreach::next_stops(state, lang, centre, Utc::now(), limit)
        .await
        .on_page(lang)
}

/// The point with this slug, its centre and its stops from today on
/// (cancelled ones too), or "not found".
async fn load_point(state: &AppState, lang: Lang, slug: &str) -> Result<(OutreachPoint, Centre, Vec<Stop>), AppError> {
    let point = state
        .storage
        .point_by_slug(slug)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let centre = state
        .storage
        .centres()
        .await
        .on_page(lang)?
        .into_iter()
        .find(|c| c.id == point.data.centre)
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let now = Utc::now();
    let stops = state
        .storage
        .stops(point.id, today_in_rome(), PAGE_STOPS)
        .await
        .on_page(lang)?
        .into_iter()
        .filter(|s| s.data.end() > now)
        .collect();
    Ok((point, centre, stops))
}

/// `GET /{lang}/outreach/{slug}`: the point's page.
#[tracing::instrument(skip_all, fields(lang = %lang, slug))]
pub async fn point(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, slug)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let (point, centre, stops) = load_point(&state, lang, &slug).await?;
    let calendar = CentreCalendar::of_point(&state, centre.clone(), point.clone())
        .await
        .on_page(lang)?;
    let services: Vec<_> = state
        .storage
        .services(centre.id)
        .await
        .on_page(lang)?
        .iter()
        .filter(|s| calendar.serves(s))
        .map(|s| service_view(lang, &calendar, s))
        .collect();
    let text = point.data.text(lang);
    let path = format!("/outreach/{slug}");
    let url = state.public_url.join(&format!("/{lang}{path}"));
    let markup = sportello_app::markup::outreach::outreach_point(lang, &point, &centre, &stops, &url);
    let stop_views: Vec<StopView> = stops.iter().map(|s| outreach::stop_view(lang, &point, s)).collect();
    let crumbs = vec![Crumb {
        href: format!("/{lang}/centres/{}", centre.data.slug),
        label: centre.data.name.clone(),
        lang: None,
    }];
    let ctx = context! {
        crumbs => Serde(&crumbs),
        markup => sportello_app::markup::script_json(&markup),
        text_lang => outreach::text_lang(lang, &point),
        description_html => text.map(|t| markdown::to_html(&t.description)),
        desk => point.data.kind == PointKind::Desk,
        address => outreach::point_address(&point),
        hours => outreach::hours_lines(lang, &point),
        stops => Serde(&stop_views),
        services => Serde(&services),
        book_url => (!services.is_empty()).then(|| format!("/{lang}/appointments/{slug}")),
        centre => Serde(view::centre(lang, &centre)),
        calendar_url => format!("/{lang}{path}/stops.ics"),
        poster_url => format!("/{lang}{path}/poster.pdf"),
    };
    let title = point.data.name(lang).to_string();
    Ok(render_page("outreach/point.html", lang, &path, &title, &state.public_url, ctx)?.into_response())
}

/// `GET /{lang}/outreach/{slug}/stops.ics`: the point's stops to come.
#[tracing::instrument(skip_all, fields(lang = %lang, slug))]
pub async fn calendar(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, slug)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let (point, centre, stops) = load_point(&state, lang, &slug).await?;
    let stops: Vec<(OutreachPoint, Stop)> = stops.into_iter().map(|s| (point.clone(), s)).collect();
    Ok(ics_response(outreach::stops_calendar(
        &state,
        lang,
        &[centre],
        &stops,
        Utc::now(),
    )))
}

/// A calendar file's answer.
pub fn ics_response(text: String) -> Response {
    let mut response = text.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
    response
}

/// `GET /{lang}/outreach/{slug}/poster.pdf` with `?lang=…&large=1` as for
/// offers' posters: the point's next stops (or hours) for the wall.
#[tracing::instrument(skip_all, fields(lang = %lang, slug))]
pub async fn poster(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, slug)): PathParams<(String, String)>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let query = PrintQuery::parse(raw.as_deref()).map_err(|e| AppError::bad_parameter("query", e).page(lang))?;
    let (point, centre, stops) = load_point(&state, lang, &slug).await?;
    let (list, langs, large) = query.choices(lang.code(), lang)?;
    let poster = outreach::poster::stops_poster(&point, &centre, &stops, &langs, large, &state.public_url);
    let pdf = state
        .renders
        .run(lang, "poster rendering", move || {
            sportello_print::render_poster(&poster)
        })
        .await?
        .map_err(|e| print_failed(e, &list, lang))?;
    let disposition = format!("inline; filename=\"stops-{slug}.pdf\"");
    let disposition = HeaderValue::from_str(&disposition)
        .unwrap_or_else(|_| HeaderValue::from_static("inline; filename=\"stops.pdf\""));
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("application/pdf")),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        pdf,
    )
        .into_response())
}
