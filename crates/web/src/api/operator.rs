//! The operator API: create, update, publish, withdraw and fill offers with
//! a personal API token (`Authorization: Bearer spt_…`, made on the
//! account page, stored hashed, valid for the days chosen then, revocable,
//! revoked with every change of its owner's password or second factor). The same permission rules as the
//! back office apply to every offer; refusals are logged.

use axum::Json;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Serialize;
use sportello_auth::tokens::hash_token;
use sportello_domain::time::today_in_rome;
use sportello_domain::{
    Access, Actor, Centre, FieldError, Lang, NewAuditEntry, Offer, OfferStatus, RawOffer, RefCode, User,
};
use utoipa::ToSchema;
use utoipa::openapi::{RefOr, Schema};

use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{ApiBody, PathParams};
use crate::pages::office::offers::form::field_message;

/// The user of a valid API token.
pub struct ApiUser {
    pub user: User,
    pub centres: Vec<Centre>,
    pub address: String,
}

impl ApiUser {
    fn access(&self) -> Access<'_> {
        Access::new(&self.user.grants, &self.centres)
    }

    fn actor(&self) -> Actor {
        Actor::user(&self.user, &self.address)
    }

    fn lang(&self) -> Lang {
        self.user.lang
    }

    async fn deny(&self, state: &AppState, action: &str, reference: &str) -> AppError {
        let entry = NewAuditEntry::new("permission_denied", "offer", reference)
            .details(serde_json::json!({ "action": action, "via": "api" }).to_string());
        if let Err(e) = state.storage.audit(&self.actor(), entry, Utc::now()).await {
            tracing::error!(error = %e, "could not log a permission denial");
        }
        AppError::new(Problem::Forbidden).api(self.lang())
    }
}

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let unauthorized = || AppError::new(Problem::Unauthorized).api(Lang::En);
        let token = token.ok_or_else(unauthorized)?;
        // A token of someone who has not set up the second factor their
        // grants need (one made before it was required) opens nothing:
        // tokens are made on the account page, which needs it first.
        let user = state
            .storage
            .user_by_api_token(&hash_token(token), Utc::now())
            .await
            .on_api(Lang::En)?
            .filter(|u| !u.must_enrol_second_factor())
            .ok_or_else(unauthorized)?;
        let centres = state.storage.centres().await.on_api(user.lang)?;
        let address = crate::session::ClientAddress::from_request_parts(parts, state)
            .await
            .map(|a| a.0)
            .unwrap_or_default();
        Ok(ApiUser { user, centres, address })
    }
}

/// An offer as written by an operator. Codes come from the vocabularies
/// (see the public offer list's labels); numbers may be given as numbers or
/// as text; empty optional fields mean "none".
pub struct OfferInput {
    /// Needed to update: the `version` the offer had when read.
    pub version: Option<i64>,
    /// The offer's fields: the domain's one list of them ([`RawOffer`]).
    pub offer: RawOffer,
}

/// The version, as `OfferInput`'s schema shows it.
#[derive(ToSchema)]
#[allow(dead_code)]
struct Version {
    /// Needed to update: the `version` the offer had when read.
    #[schema(default = json!(null))]
    version: Option<i64>,
}

impl utoipa::PartialSchema for OfferInput {
    /// [`RawOffer`]'s schema with the version added.
    fn schema() -> RefOr<Schema> {
        let (RefOr::T(Schema::Object(mut offer)), RefOr::T(Schema::Object(version))) = (
            <RawOffer as utoipa::PartialSchema>::schema(),
            <Version as utoipa::PartialSchema>::schema(),
        ) else {
            unreachable!("both are derived object schemas")
        };
        offer.description = Some(
            "An offer as written by an operator. Codes come from the vocabularies\n(see the public offer list's \
             labels); numbers may be given as numbers or\nas text; empty optional fields mean \"none\"."
                .into(),
        );
        offer.properties.extend(version.properties);
        RefOr::T(Schema::Object(offer))
    }
}

impl ToSchema for OfferInput {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        <RawOffer as ToSchema>::schemas(schemas);
    }
}

/// Reads the JSON body: numbers are accepted where text is expected;
/// unknown fields and bad JSON are a 400 naming the problem.
fn parse_input(body: &[u8], lang: Lang) -> Result<OfferInput, AppError> {
    let bad = |e: serde_json::Error| AppError::bad_parameter("body", e.to_string()).api(lang);
    let mut value: serde_json::Value = serde_json::from_slice(body).map_err(bad)?;
    let mut version = None;
    if let Some(map) = value.as_object_mut() {
        version = map.remove("version");
        for v in map.values_mut() {
            if v.is_number() {
                *v = serde_json::Value::String(v.to_string());
            }
        }
    }
    let version = match version {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => Some(serde_json::from_value::<i64>(v).map_err(bad)?),
    };
    Ok(OfferInput {
        version,
        offer: serde_json::from_value(value).map_err(bad)?,
    })
}

/// One wrong field.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldErrorJson {
    pub field: String,
    /// `required`, `too_long`, `unknown`, `not_a_number`, `out_of_range`, …
    pub problem: String,
    pub message: String,
}

/// The problem document of wrong fields, each message in `lang`.
pub(crate) fn invalid(lang: Lang, errors: &[FieldError]) -> AppError {
    let list = errors
        .iter()
        .map(|e| {
            let problem = serde_json::to_value(e.problem)
                .ok()
                .and_then(|v| v.get("problem").and_then(|p| p.as_str()).map(String::from))
                .unwrap_or_default();
            (e.field.clone(), problem, field_message(lang, e))
        })
        .collect();
    AppError::new(Problem::Invalid(list)).api(lang)
}

/// An offer as the operator API returns it: any status, with its version.
#[derive(Debug, Serialize, ToSchema)]
pub struct OperatorOfferJson {
    #[schema(example = "LE-0427")]
    pub reference: String,
    /// `draft`, `published`, `filled`, `withdrawn`, `expired`.
    pub status: String,
    /// Send it back to update.
    pub version: i64,
    /// The public page (answers only while the offer is open).
    pub url: String,
    /// Status of the text in each language.
    pub translations: std::collections::BTreeMap<String, String>,
    /// The fields as they are stored, in the form of the input.
    #[schema(value_type = Object)]
    pub fields: serde_json::Value,
}

fn answer(state: &AppState, offer: &Offer, centres: &[Centre], status: StatusCode) -> Response {
    let raw = RawOffer::from_offer(&offer.data, centres);
    let body = OperatorOfferJson {
        reference: offer.reference.to_string(),
        status: offer.status.code().into(),
        version: offer.version,
        url: state.public_url.join(&format!("/it/offers/{}", offer.reference)),
        translations: Lang::ALL
            .iter()
            .map(|l| (l.code().to_string(), offer.data.text_status(*l).code().to_string()))
            .collect(),
        fields: serde_json::to_value(raw).unwrap_or_default(),
    };
    let mut response = (status, Json(body)).into_response();
    if status == StatusCode::CREATED
        && let Ok(location) = format!("/api/v1/offers/{}", offer.reference).parse()
    {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// `POST /api/v1/offers`: a new draft.
#[utoipa::path(post, path = "/api/v1/offers", tag = "operator", request_body = OfferInput,
    security(("token" = [])),
    responses((status = 201, body = OperatorOfferJson),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 401, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 403, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 422, body = super::ProblemJson, content_type = "application/problem+json")))]
pub async fn create(
    State(state): State<AppState>,
    user: ApiUser,
    ApiBody(body): ApiBody,
) -> Result<Response, AppError> {
    let lang = user.lang();
    let raw = parse_input(&body, lang)?.offer;
    let offer = raw
        .validate(&user.centres, today_in_rome())
        .map_err(|errors| invalid(lang, &errors))?;
    if !user.access().can_edit_offers(offer.centre, offer.section) {
        return Err(user.deny(&state, "offer.create", "").await);
    }
    let created = state
        .storage
        .insert_offer(&offer, &user.actor(), Utc::now())
        .await
        .on_api(lang)?;
    Ok(answer(&state, &created, &user.centres, StatusCode::CREATED))
}

async fn editable(state: &AppState, user: &ApiUser, reference: &str, action: &str) -> Result<Offer, AppError> {
    let lang = user.lang();
    let code = RefCode::parse(reference).map_err(|_| AppError::not_found().api(lang))?;
    let offer = state
        .storage
        .offer(&code)
        .await
        .on_api(lang)?
        .ok_or_else(|| AppError::not_found().api(lang))?;
    if !user.access().can_edit_offers(offer.data.centre, offer.data.section) {
        return Err(user.deny(state, action, reference).await);
    }
    Ok(offer)
}

/// `PUT /api/v1/offers/{reference}`: replaces the fields and the Italian
/// text of a draft or published offer; `version` must be the one read.
#[utoipa::path(put, path = "/api/v1/offers/{reference}", tag = "operator", request_body = OfferInput,
    security(("token" = [])),
    params(("reference" = String, Path, description = "Reference code, e.g. LE-0427")),
    responses((status = 200, body = OperatorOfferJson),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 401, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 403, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 409, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 422, body = super::ProblemJson, content_type = "application/problem+json")))]
pub async fn update(
    State(state): State<AppState>,
    user: ApiUser,
    PathParams(reference): PathParams<String>,
    ApiBody(body): ApiBody,
) -> Result<Response, AppError> {
    let lang = user.lang();
    let offer = editable(&state, &user, &reference, "offer.update").await?;
    let input = parse_input(&body, lang)?;
    let version = input
        .version
        .ok_or_else(|| AppError::bad_parameter("version", "").api(lang))?;
    let edited = input
        .offer
        .validate(&user.centres, today_in_rome())
        .map_err(|errors| invalid(lang, &errors))?;
    if !user.access().can_edit_offers(edited.centre, edited.section) {
        return Err(user.deny(&state, "offer.update", &reference).await);
    }
    let edited = crate::pages::office::offers::form::merge_edit(&offer.data, edited);
    let updated = state
        .storage
        .update_offer(&offer.reference, version, &edited, &user.actor(), Utc::now())
        .await
        .on_api(lang)?;
    Ok(answer(&state, &updated, &user.centres, StatusCode::OK))
}

/// `POST /api/v1/offers/{reference}/{action}`: `publish`, `withdraw` or `fill`.
#[utoipa::path(post, path = "/api/v1/offers/{reference}/{action}", tag = "operator",
    security(("token" = [])),
    params(("reference" = String, Path, description = "Reference code, e.g. LE-0427"),
        ("action" = String, Path, description = "publish, withdraw or fill")),
    responses((status = 200, body = OperatorOfferJson),
        (status = 400, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 401, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 403, body = super::ProblemJson, content_type = "application/problem+json"),
        (status = 404, body = super::ProblemJson, content_type = "application/problem+json")))]
pub async fn lifecycle(
    State(state): State<AppState>,
    user: ApiUser,
    PathParams((reference, action)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let lang = user.lang();
    if !matches!(action.as_str(), "publish" | "withdraw" | "fill") {
        return Err(AppError::not_found().api(lang));
    }
    let offer = editable(&state, &user, &reference, &format!("offer.{action}")).await?;
    let now = Utc::now();
    let actor = user.actor();
    let s = &state.storage;
    let changed = match action.as_str() {
        "publish" => s.publish_offer(&offer.reference, today_in_rome(), &actor, now).await,
        "withdraw" => {
            s.close_offer(&offer.reference, OfferStatus::Withdrawn, &actor, now)
                .await
        }
        _ => s.close_offer(&offer.reference, OfferStatus::Filled, &actor, now).await,
    }
    .on_api(lang)?;
    Ok(answer(&state, &changed, &user.centres, StatusCode::OK))
}
