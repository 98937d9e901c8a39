//! `GET /api/v1/offers` (the same filters as the search page, paginated, with
//! facet counts) and `GET /api/v1/offers/{reference}`.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use sportello_domain::time::today_in_rome;
use sportello_domain::vocab::{Vocabulary, occupation};
use sportello_domain::{Lang, Offer, RawOfferQuery, RefCode, TextStatus};
use utoipa::{IntoParams, ToSchema};

use super::api_lang;
use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{ApiQuery, PathParams};
use crate::pages::search::check_centre;
use sportello_app::view;

/// A coded value with its label in the requested language.
#[derive(Serialize, ToSchema)]
pub struct CodeLabel {
    pub code: String,
    pub label: String,
}

fn code_label<V: Vocabulary>(v: V, lang: Lang) -> CodeLabel {
    CodeLabel {
        code: v.code().to_string(),
        label: v.label(lang).to_string(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct PlaceJson {
    pub town: String,
    pub postcode: String,
    /// Province code in Italy, region abroad.
    pub region: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Work from home for people living in `country`; `town` is where the
    /// employer is based.
    pub remote: bool,
    /// As shown on the boards, in the requested language.
    pub label: String,
}

#[derive(Serialize, ToSchema)]
pub struct LanguageJson {
    pub code: String,
    pub label: String,
    /// CEFR level, A1 to C2.
    pub level: String,
}

#[derive(Serialize, ToSchema)]
pub struct RequirementsJson {
    pub education: CodeLabel,
    pub languages: Vec<LanguageJson>,
    pub licence: Option<CodeLabel>,
    pub experience_months: u16,
}

/// Gross monthly pay in euros.
#[derive(Serialize, ToSchema)]
pub struct SalaryJson {
    pub min: u32,
    pub max: u32,
    #[schema(example = "EUR")]
    pub currency: &'static str,
    #[schema(example = "MONTH")]
    pub unit: &'static str,
}

/// An open offer, every field in the requested language.
#[derive(Serialize, ToSchema)]
pub struct OfferJson {
    #[schema(example = "LE-0427")]
    pub reference: String,
    /// The offer's page in the requested language.
    pub url: String,
    /// Permanent short address, as printed in QR codes.
    pub short_url: String,
    /// Title shown to a reader of the requested language.
    pub title: String,
    pub description: String,
    pub how_to_apply: String,
    /// Language of the free text: the requested one, or `it` when that is missing.
    pub text_lang: String,
    /// Status of the text in each language: original, reviewed, draft, missing.
    pub translations: BTreeMap<String, String>,
    pub centre: String,
    #[schema(example = "mirato_art1")]
    pub section: String,
    pub section_label: String,
    /// ISCO-08 unit group.
    pub occupation: CodeLabel,
    /// Absent when the employer asked not to be named.
    pub employer: Option<String>,
    pub place: PlaceJson,
    pub contract: CodeLabel,
    pub working_time: CodeLabel,
    pub hours_per_week: Option<u8>,
    pub openings: u32,
    pub requirements: RequirementsJson,
    pub salary: Option<SalaryJson>,
    #[schema(value_type = Option<String>, format = Date)]
    pub published_on: Option<chrono::NaiveDate>,
    /// Open until 23:59:59 Europe/Rome on this day.
    #[schema(value_type = String, format = Date)]
    pub valid_through: chrono::NaiveDate,
}

#[derive(Serialize, ToSchema)]
pub struct FacetsJson {
    pub centre: BTreeMap<String, u64>,
    pub section: BTreeMap<String, u64>,
    pub group: BTreeMap<String, u64>,
    pub contract: BTreeMap<String, u64>,
    pub working_time: BTreeMap<String, u64>,
    pub language: BTreeMap<String, u64>,
}

#[derive(Serialize, ToSchema)]
pub struct OfferList {
    pub items: Vec<OfferJson>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    /// Number of open offers per filter value, with the other filters
    /// applied; only when asked for with `facets=true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<FacetsJson>,
    /// True when the text query was longer than 200 characters and was cut.
    pub query_truncated: bool,
}

/// What the offer list answers with, besides the filters (which are
/// [`RawOfferQuery`]'s, as on the search page).
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Language of the answer: it (default), en, fr, de.
    pub lang: Option<String>,
    /// `true` to add the number of offers per filter value (default `false`).
    pub facets: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OfferParams {
    /// Language of the answer: it (default), en, fr, de.
    pub lang: Option<String>,
}

fn offer_json(state: &AppState, lang: Lang, o: &Offer, centre_slug: String, sections: &view::Sections) -> OfferJson {
    let text = o.data.display_text(lang);
    let req = &o.data.requirements;
    OfferJson {
        reference: o.reference.to_string(),
        url: state.public_url.join(&format!("/{lang}/offers/{}", o.reference)),
        short_url: state.public_url.join(&format!("/o/{}", o.reference)),
        title: text.map(|t| t.title.clone()).unwrap_or_default(),
        description: text.map(|t| t.description.clone()).unwrap_or_default(),
        how_to_apply: text.map(|t| t.how_to_apply.clone()).unwrap_or_default(),
        text_lang: text.map_or(Lang::It, |t| t.lang).code().to_string(),
        translations: Lang::ALL
            .iter()
            .map(|l| {
                let status = o.data.text_status(*l);
                // Unreviewed drafts are not public: the API says "missing".
                let shown = if status == TextStatus::Draft {
                    TextStatus::Missing
                } else {
                    status
                };
                (l.code().to_string(), shown.code().to_string())
            })
            .collect(),
        centre: centre_slug,
        section: o.data.section.code().to_string(),
        section_label: sections.get(lang, o.data.section).title,
        occupation: CodeLabel {
            code: o.data.occupation.clone(),
            label: occupation(&o.data.occupation)
                .map(|oc| oc.label(lang))
                .unwrap_or_default()
                .to_string(),
        },
        employer: o.data.employer.public_name().map(str::to_string),
        place: PlaceJson {
            town: o.data.place.town.clone(),
            postcode: o.data.place.postcode.clone(),
            region: o.data.place.region.clone(),
            country: o.data.place.country.clone(),
            remote: o.data.place.remote,
            label: view::place(lang, o),
        },
        contract: code_label(o.data.contract, lang),
        working_time: code_label(o.data.working_time, lang),
        hours_per_week: o.data.hours_per_week,
        openings: o.data.openings,
        requirements: RequirementsJson {
            education: code_label(req.education, lang),
            languages: req
                .languages
                .iter()
                .map(|l| LanguageJson {
                    code: l.language.code().to_string(),
                    label: l.language.label(lang).to_string(),
                    level: l.level.code().to_string(),
                })
                .collect(),
            licence: req.licence.map(|l| code_label(l, lang)),
            experience_months: req.experience_months,
        },
        salary: o.data.salary.map(|s| SalaryJson {
            min: s.min,
            max: s.max,
            currency: "EUR",
            unit: "MONTH",
        }),
        published_on: o.published_on,
        valid_through: o.data.valid_through,
    }
}

/// Open offers, filtered and paginated, with counts per filter value.
#[utoipa::path(get, path = "/api/v1/offers", tag = "offers", params(RawOfferQuery, ListParams),
    responses((status = 200, body = OfferList), (status = 400, body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all)]
pub async fn list_offers(
    State(state): State<AppState>,
    ApiQuery(raw): ApiQuery<RawOfferQuery>,
    ApiQuery(params): ApiQuery<ListParams>,
) -> Result<Json<OfferList>, AppError> {
    let lang = api_lang(params.lang.as_deref())?;
    let mut query = raw.parse().on_api(lang)?;
    query.with_facets = match params.facets.as_deref().map(str::trim) {
        None | Some("") | Some("false") => false,
        Some("true") => true,
        Some(other) => return Err(AppError::bad_parameter("facets", other).api(lang)),
    };
    check_centre(&state, &query).await.on_api(lang)?;
    let results = state.search.search_offers(&query, today_in_rome()).await.on_api(lang)?;
    let centres = state.storage.centres().await.on_api(lang)?;
    let slug = |o: &Offer| {
        centres
            .iter()
            .find(|c| c.id == o.data.centre)
            .map(|c| c.data.slug.clone())
            .unwrap_or_default()
    };
    let sections = state.sections().await.on_api(lang)?;
    let f = results.facets;
    Ok(Json(OfferList {
        items: results
            .items
            .iter()
            .map(|o| offer_json(&state, lang, o, slug(o), &sections))
            .collect(),
        total: results.total,
        page: query.page,
        per_page: query.per_page,
        facets: query.with_facets.then_some(FacetsJson {
            centre: f.centre,
            section: f.section,
            group: f.group,
            contract: f.contract,
            working_time: f.working_time,
            language: f.language,
        }),
        query_truncated: query.text_truncated,
    }))
}

/// One open offer by its reference code (case-insensitive). A closed offer
/// answers 410 Gone.
#[utoipa::path(get, path = "/api/v1/offers/{reference}", tag = "offers",
    params(("reference" = String, Path, description = "Reference code, e.g. LE-0427"), OfferParams),
    responses((status = 200, body = OfferJson),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 410, body = super::ProblemJson, content_type = "application/problem+json")))]
#[tracing::instrument(skip_all, fields(reference))]
pub async fn get_offer(
    State(state): State<AppState>,
    PathParams(reference): PathParams<String>,
    ApiQuery(params): ApiQuery<OfferParams>,
) -> Result<Json<OfferJson>, AppError> {
    let lang = api_lang(params.lang.as_deref())?;
    let reference = RefCode::parse(&reference).map_err(|_| AppError::not_found().api(lang))?;
    let offer = state
        .storage
        .offer(&reference)
        .await
        .on_api(lang)?
        .ok_or_else(|| AppError::not_found().api(lang))?;
    let today = today_in_rome();
    if offer.has_closed(today) {
        return Err(AppError::new(Problem::Gone).api(lang));
    }
    if !offer.is_open(today) {
        return Err(AppError::not_found().api(lang));
    }
    let centres = state.storage.centres().await.on_api(lang)?;
    let slug = centres
        .iter()
        .find(|c| c.id == offer.data.centre)
        .map(|c| c.data.slug.clone())
        .unwrap_or_default();
    let sections = state.sections().await.on_api(lang)?;
    Ok(Json(offer_json(&state, lang, &offer, slug, &sections)))
}
