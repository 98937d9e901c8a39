//! `GET /api/v1/centres`.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::api_lang;
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::ApiQuery;

#[derive(Serialize, ToSchema)]
pub struct HoursJson {
    /// ISO weekday, 1 = Monday.
    pub weekday: u8,
    #[schema(example = "08:30")]
    pub opens: String,
    #[schema(example = "11:30")]
    pub closes: String,
    pub by_appointment: bool,
}

#[derive(Serialize, ToSchema)]
pub struct CentreJson {
    #[schema(example = "lecce")]
    pub slug: String,
    /// Prefix of the centre's reference codes.
    #[schema(example = "LE")]
    pub prefix: String,
    pub name: String,
    pub town: String,
    pub address: String,
    pub postcode: String,
    pub province: String,
    pub region: String,
    pub phone: String,
    pub email: String,
    pub area: String,
    pub area_name: String,
    /// The centre's board, in the requested language.
    pub url: String,
    pub opening_hours: Vec<HoursJson>,
}

#[derive(Serialize, ToSchema)]
pub struct CentreList {
    pub items: Vec<CentreJson>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CentresParams {
    /// Language of the links: it (default), en, fr, de.
    pub lang: Option<String>,
}

/// Every centre with its contacts and opening hours.
#[utoipa::path(get, path = "/api/v1/centres", tag = "centres", params(CentresParams),
    responses((status = 200, body = CentreList), (status = 400, body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub async fn list_centres(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<CentresParams>,
) -> Result<Json<CentreList>, AppError> {
    let lang = api_lang(params.lang.as_deref())?;
    let centres = state.storage.centres().await.on_api(lang)?;
    let items = centres
        .into_iter()
        .map(|c| {
            let d = c.data;
            CentreJson {
                url: state.public_url.join(&format!("/{lang}/centres/{}", d.slug)),
                slug: d.slug,
                prefix: d.prefix,
                name: d.name,
                town: d.town,
                address: d.address,
                postcode: d.postcode,
                province: d.province,
                region: d.region,
                phone: d.phone,
                email: d.email,
                area: d.area.slug,
                area_name: d.area.name,
                opening_hours: d
                    .hours
                    .into_iter()
                    .map(|h| HoursJson {
                        weekday: h.weekday,
                        opens: h.opens.format("%H:%M").to_string(),
                        closes: h.closes.format("%H:%M").to_string(),
                        by_appointment: h.by_appointment,
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(Json(CentreList { items }))
}

/// The centre a list is filtered by (`?centre=SLUG`): none when not given,
/// 400 naming the parameter when no centre has that slug.
pub(super) fn centre_filter(
    centres: &[sportello_domain::Centre],
    given: Option<&str>,
    lang: sportello_domain::Lang,
) -> Result<Option<sportello_domain::CentreId>, AppError> {
    match given.filter(|c| !c.is_empty()) {
        Some(slug) => centres
            .iter()
            .find(|c| c.data.slug == slug)
            .map(|c| Some(c.id))
            .ok_or_else(|| AppError::bad_parameter("centre", slug).api(lang)),
        None => Ok(None),
    }
}
