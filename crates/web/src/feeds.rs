//! The feeds' answers (see `sportello_app::feeds` for what they hold): a
//! weak `ETag` (a hash of the body) honouring `If-None-Match`, and
//! `Last-Modified` as the newest entry's change (the feed's `updated`); it
//! is not used to answer 304, because an offer that closes changes the feed
//! without changing any remaining entry.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sportello_app::feeds::{Format, Scope, atom, json, load};
use sportello_domain::{Lang, Section};

use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{Locale, PathParams};

/// How long readers and caches may keep a feed.
const CACHE: &str = "public, max-age=300";

/// The feed of `scope` as `format`, with its caching headers, or 304 when
/// the reader's copy (`If-None-Match`) is current.
async fn answer(
    state: &AppState,
    lang: Lang,
    scope: Scope<'_>,
    format: Format,
    request: &HeaderMap,
) -> Result<Response, AppError> {
    let feed = load(state, lang, &scope).await.on_page(lang)?;
    let body = match format {
        Format::Atom => atom::render(&feed),
        Format::Json => json::render(&feed),
    };
    let etag = format!("W/\"{}\"", &sportello_auth::hash_token(&body)[..32]);
    let last_modified = feed.updated.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    let fresh = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|list| {
            list.split(',')
                .map(|t| t.trim().trim_start_matches("W/"))
                .any(|t| t == "*" || t == etag.trim_start_matches("W/"))
        });
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        body.into_response()
    };
    let headers = response.headers_mut();
    if !fresh {
        let content_type = format!("{}; charset=utf-8", format.content_type());
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_str(&content_type).expect("a valid header value"),
        );
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE));
    for (name, value) in [(header::ETAG, etag), (header::LAST_MODIFIED, last_modified)] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
    Ok(response)
}

/// `GET /{lang}/feeds/{file}`: `offers.atom`, `offers.json` or `stops.ics`.
#[tracing::instrument(skip_all, fields(lang = %lang, file))]
pub async fn network(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, file)): PathParams<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if file == "stops.ics" {
        return stops_calendar(&state, lang, None).await;
    }
    match Format::split(&file) {
        Some(("offers", format)) => answer(&state, lang, Scope::Network, format, &headers).await,
        _ => Err(AppError::not_found().page(lang)),
    }
}

/// `GET /{lang}/feeds/sections/{file}`: e.g. `eures.atom`, `mirato_art1.json`.
#[tracing::instrument(skip_all, fields(lang = %lang, file))]
pub async fn section(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, file)): PathParams<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (code, format) = Format::split(&file).ok_or_else(|| AppError::not_found().page(lang))?;
    let section = Section::parse(code).ok_or_else(|| AppError::not_found().page(lang))?;
    answer(&state, lang, Scope::Section(section), format, &headers).await
}

/// `GET /{lang}/centres/{slug}/{file}`: `feed.atom`, `feed.json`, `events.ics`
/// or `stops.ics`.
#[tracing::instrument(skip_all, fields(lang = %lang, slug, file))]
pub async fn centre(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, slug, file)): PathParams<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let centre = state
        .storage
        .centre_by_slug(&slug)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    if file == "events.ics" {
        return events_calendar(&state, lang, &centre).await;
    }
    if file == "stops.ics" {
        return stops_calendar(&state, lang, Some(centre.id)).await;
    }
    let format = match Format::split(&file) {
        Some(("feed", format)) => format,
        _ => return Err(AppError::not_found().page(lang)),
    };
    answer(&state, lang, Scope::Centre(&centre), format, &headers).await
}

/// `GET /{lang}/feeds/stops.ics` and `/{lang}/centres/{slug}/stops.ics`: the
/// stops to come of the outreach points of the network or of a centre, a
/// cancelled one marked so.
async fn stops_calendar(
    state: &AppState,
    lang: Lang,
    centre: Option<sportello_domain::CentreId>,
) -> Result<Response, AppError> {
    let now = chrono::Utc::now();
    let stops = sportello_app::outreach::feed_stops(state, centre, now, crate::pages::outreach::PAGE_STOPS)
        .await
        .on_page(lang)?;
    let centres = state.storage.centres().await.on_page(lang)?;
    let text = sportello_app::outreach::stops_calendar(state, lang, &centres, &stops, now);
    Ok(crate::pages::outreach::ics_response(text))
}

/// `GET /{lang}/centres/{slug}/events.ics`: the centre's group meetings to
/// subscribe to in a calendar; a session called off stays in it, marked
/// cancelled.
async fn events_calendar(
    state: &AppState,
    lang: Lang,
    centre: &sportello_domain::Centre,
) -> Result<Response, AppError> {
    let now = chrono::Utc::now();
    let filter = sportello_storage::EventFilter {
        centre: Some(centre.id),
        cancelled_too: true,
        ..Default::default()
    };
    let events = state
        .storage
        .upcoming_events(&filter, now, crate::pages::events::LIST_LIMIT)
        .await
        .on_page(lang)?;
    let text = sportello_app::events::centre_calendar(state, lang, centre, &events, now);
    let mut response = text.into_response();
    let headers = response.headers_mut();
    headers.insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    headers.insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("public, max-age=300"),
    );
    Ok(response)
}
