//! The outreach points API: the points of the network or of a centre with
//! their stops to come, and one point. A desk has weekly hours, a tour
//! dated stops; both name the services booked there (book them with
//! `/api/v1/services/{id}/slots` and the booking pages of the point).

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::{Deserialize, Serialize};
use sportello_domain::time::today_in_rome;
use sportello_domain::{Centre, Lang, OutreachPoint, Stop};
use utoipa::{IntoParams, ToSchema};

use super::appointments::{request_lang, rfc3339};
use super::events::LangParams;
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{ApiQuery, PathParams, Preferred};
use crate::pages::outreach::PAGE_STOPS;
use sportello_app::outreach::point_path;

/// Filters of the point list, and the answer's language.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(default, deny_unknown_fields)]
pub struct PointParams {
    /// A centre's `slug`.
    pub centre: Option<String>,
    /// it, en, fr, de (else `Accept-Language`).
    pub lang: Option<String>,
}

/// A stop of a tour.
#[derive(Serialize, ToSchema)]
pub struct StopJson {
    pub id: i64,
    pub start: String,
    pub end: String,
    pub town: String,
    /// Where in the town (a square, a hall).
    pub place: String,
    pub address: String,
    pub cancelled: bool,
}

/// A desk's opening period.
#[derive(Serialize, ToSchema)]
pub struct PointHoursJson {
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    pub opens: String,
    pub closes: String,
}

#[derive(Serialize, ToSchema)]
pub struct PointJson {
    pub slug: String,
    /// The point's page in the answer's language.
    pub url: String,
    /// `desk` (weekly hours) or `tour` (dated stops).
    pub kind: String,
    /// The language of `name` and `description` (Italian when the point has
    /// no text in the language asked).
    pub text_lang: String,
    pub name: String,
    pub description: String,
    /// The centre's `slug`.
    pub centre: String,
    pub town: String,
    /// A desk's place and street (empty for a tour).
    pub address: String,
    pub hours: Vec<PointHoursJson>,
    /// The services booked there (ids of `/api/v1/centres/{slug}/services`).
    pub services: Vec<i64>,
    /// A tour's stops still to come, by time.
    pub stops: Vec<StopJson>,
}

#[derive(Serialize, ToSchema)]
pub struct PointList {
    pub points: Vec<PointJson>,
}

fn point_json(state: &AppState, lang: Lang, point: &OutreachPoint, centre: &Centre, stops: &[Stop]) -> PointJson {
    let p = &point.data;
    let text = p.text(lang);
    PointJson {
        slug: p.slug.clone(),
        url: state.public_url.join(&point_path(lang, point)),
        kind: p.kind.code().into(),
        text_lang: text.map_or(Lang::It, |t| t.lang).code().into(),
        name: p.name(lang).to_string(),
        description: text.map(|t| t.description.clone()).unwrap_or_default(),
        centre: centre.data.slug.clone(),
        town: p.town.clone(),
        address: p.address.clone(),
        hours: p
            .hours
            .iter()
            .map(|h| PointHoursJson {
                weekday: h.weekday,
                opens: h.opens.format("%H:%M").to_string(),
                closes: h.closes.format("%H:%M").to_string(),
            })
            .collect(),
        services: p.services.iter().map(|s| s.0).collect(),
        stops: stops
            .iter()
            .map(|s| StopJson {
                id: s.id.0,
                start: rfc3339(s.data.start()),
                end: rfc3339(s.data.end()),
                town: s.data.town.clone(),
                place: s.data.place.clone(),
                address: s.data.address.clone(),
                cancelled: s.cancelled,
            })
            .collect(),
    }
}

/// A point's stops still to come, cancelled ones too.
async fn stops_of(state: &AppState, lang: Lang, point: &OutreachPoint) -> Result<Vec<Stop>, AppError> {
    let now = Utc::now();
    Ok(state
        .storage
        .stops(point.id, today_in_rome(), PAGE_STOPS)
        .await
        .on_api(lang)?
        .into_iter()
        .filter(|s| s.data.end() > now)
        .collect())
}

/// `GET /api/v1/outreach-points`.
#[utoipa::path(get, path = "/api/v1/outreach-points", tag = "outreach", params(PointParams),
    responses((status = 200, body = PointList),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub async fn list_points(
    State(state): State<AppState>,
    Preferred(preferred): Preferred,
    ApiQuery(params): ApiQuery<PointParams>,
) -> Result<Response, AppError> {
    let lang = request_lang(params.lang.as_deref(), preferred)?;
    let centres = state.storage.centres().await.on_api(lang)?;
    let centre = super::centres::centre_filter(&centres, params.centre.as_deref(), lang)?;
    let mut points = Vec::new();
    for point in state.storage.points(centre).await.on_api(lang)? {
        let Some(centre) = centres.iter().find(|c| c.id == point.data.centre) else {
            continue;
        };
        let stops = stops_of(&state, lang, &point).await?;
        points.push(point_json(&state, lang, &point, centre, &stops));
    }
    Ok(axum::Json(PointList { points }).into_response())
}

/// `GET /api/v1/outreach-points/{slug}`.
#[utoipa::path(get, path = "/api/v1/outreach-points/{slug}", tag = "outreach",
    params(("slug" = String, Path, description = "The point's `slug`"), LangParams),
    responses((status = 200, body = PointJson),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub async fn get_point(
    State(state): State<AppState>,
    Preferred(preferred): Preferred,
    PathParams(slug): PathParams<String>,
    ApiQuery(params): ApiQuery<LangParams>,
) -> Result<Response, AppError> {
    let lang = request_lang(params.lang.as_deref(), preferred)?;
    let point = state
        .storage
        .point_by_slug(&slug)
        .await
        .on_api(lang)?
        .ok_or_else(|| AppError::not_found().api(lang))?;
    let centres = state.storage.centres().await.on_api(lang)?;
    let centre = centres
        .iter()
        .find(|c| c.id == point.data.centre)
        .ok_or_else(|| AppError::not_found().api(lang))?;
    let stops = stops_of(&state, lang, &point).await?;
    Ok(axum::Json(point_json(&state, lang, &point, centre, &stops)).into_response())
}
