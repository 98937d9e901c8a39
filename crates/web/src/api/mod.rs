//! The JSON API under `/api/v1`, and its OpenAPI 3.1 document at
//! `/api/openapi.json`, generated from the handlers and types below.

pub mod appointments;
pub mod centres;
pub mod events;
pub mod offers;
pub mod operator;
pub mod outreach;

use axum::Json;
use sportello_domain::Lang;
use utoipa::OpenApi;

use crate::error::AppError;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Sportello API",
        description = "Public job offers of the employment centres (Centri per l'Impiego), and appointments \
                       with them. Errors are application/problem+json (RFC 9457).",
        license(name = "EUPL-1.2")
    ),
    paths(
        centres::list_centres, offers::list_offers, offers::get_offer,
        operator::create, operator::update, operator::lifecycle,
        appointments::services, appointments::slots, appointments::book, appointments::get_booking,
        appointments::move_booking, appointments::cancel,
        events::list_events, events::get_event, events::register, events::get_registration,
        events::cancel_registration,
        outreach::list_points, outreach::get_point
    ),
    components(schemas(
        centres::CentreList, centres::CentreJson, centres::HoursJson,
        offers::OfferList, offers::OfferJson, offers::CodeLabel, offers::PlaceJson, offers::RequirementsJson,
        offers::LanguageJson, offers::SalaryJson, offers::FacetsJson, ProblemJson,
        operator::OfferInput, sportello_domain::RawLanguage, operator::OperatorOfferJson, operator::FieldErrorJson,
        appointments::ServiceList, appointments::ServiceJson, appointments::SlotList, appointments::DayJson,
        appointments::ClosedJson, appointments::SlotJson, appointments::NextSlotJson, appointments::BookingInput,
        appointments::ChangeInput, appointments::BookingJson, appointments::NeedsJson, appointments::SentJson,
        events::EventList, events::EventJson, events::SessionJson, events::RegistrationInputJson,
        events::RegistrationRowJson, events::RegistrationJson, events::CancelInput,
        outreach::PointList, outreach::PointJson, outreach::PointHoursJson, outreach::StopJson
    )),
    modifiers(&TokenAuth, &NodeLimits),
    tags(
        (name = "offers", description = "Job offers"),
        (name = "centres", description = "Employment centres"),
        (name = "appointments", description = "Services of a centre, free slots, booking, moving and cancelling \
                                               (the same rules as the booking pages)"),
        (name = "events", description = "Group meetings: upcoming events and their free seats, registering \
                                         (a seat, or a place on the waiting list), reading and cancelling a \
                                         registration (the same rules as the event pages)"),
        (name = "outreach", description = "Outreach points of the centres: desks with weekly hours and tours \
                                           (the job camper) with dated stops, and the services booked there"),
        (name = "operator", description = "Writing offers with a personal API token (made on the back office's \
                                           account page, by a user with a second factor, after giving the \
                                           password again; valid for 1 to 365 days, 90 by default; revoked at \
                                           once when its owner's password or second factor changes); the back \
                                           office's permission rules apply")
    )
)]
pub struct ApiDoc;

/// The bearer token scheme of the operator API.
struct TokenAuth;

impl utoipa::Modify for TokenAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut bearer = Http::new(HttpAuthScheme::Bearer);
        bearer.description = Some(
            "A personal API token, `spt_…`, made on the back office's account page. It expires after the days \
             chosen when it was made (1 to 365, 90 by default) and is revoked when its owner's password or second \
             factor changes; an expired or revoked token is answered with 401."
                .into(),
        );
        components.add_security_scheme("token", SecurityScheme::Http(bearer));
    }
}

/// The answers any call may get from the node's limits (see
/// `crate::server_limits`): 503 with `Retry-After` when it is busy or the answer
/// takes too long; 408 and 413 where a body is sent.
struct NodeLimits;

impl utoipa::Modify for NodeLimits {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::schema::{Object, Type};
        use utoipa::openapi::{ContentBuilder, HeaderBuilder, Ref, ResponseBuilder};
        let problem = |description: &str| {
            ResponseBuilder::new().description(description).content(
                "application/problem+json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ProblemJson")))
                    .build(),
            )
        };
        let retry_after = HeaderBuilder::new()
            .schema(Some(Object::with_type(Type::Integer)))
            .description(Some("Seconds to wait before trying again"))
            .build();
        let busy = problem("The node is busy or the answer took too long")
            .header("Retry-After", retry_after)
            .build();
        let slow = problem("The body did not arrive in time").build();
        let large = problem("The body is larger than this call accepts (`limit`, in bytes)").build();
        for item in openapi.paths.paths.values_mut() {
            let operations = [&mut item.get, &mut item.put, &mut item.post, &mut item.delete];
            for operation in operations.into_iter().flatten() {
                let responses = &mut operation.responses.responses;
                if operation.request_body.is_some() {
                    responses.entry("408".into()).or_insert_with(|| slow.clone().into());
                    responses.entry("413".into()).or_insert_with(|| large.clone().into());
                }
                responses.entry("503".into()).or_insert_with(|| busy.clone().into());
            }
        }
    }
}

/// An error (RFC 9457).
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ProblemJson {
    #[schema(example = "about:blank")]
    pub r#type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// The parameter whose value was refused, for 400 answers.
    pub parameter: Option<String>,
    pub value: Option<String>,
    /// The wrong fields, for 422 answers.
    pub errors: Option<Vec<operator::FieldErrorJson>>,
    /// Why an appointment request was refused: `full`, `in_past`, `too_soon`, `too_far`, `closed`,
    /// `not_aligned`, `unavailable`, `too_late`, `key_reused`, `bad_token`.
    pub reason: Option<String>,
    /// For `full`: the next free slots of the same service.
    pub next_slots: Option<Vec<appointments::NextSlotJson>>,
    /// For `closed`: why the day is closed.
    pub closed: Option<appointments::ClosedJson>,
    /// For 413 answers: the largest body the call accepts, in bytes.
    pub limit: Option<u64>,
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// The language of an API answer: `?lang=` or Italian; a bad value is a 400.
pub fn api_lang(lang: Option<&str>) -> Result<Lang, AppError> {
    match lang.map(str::trim).filter(|l| !l.is_empty()) {
        None => Ok(Lang::It),
        Some(code) => Lang::parse(code).ok_or_else(|| AppError::bad_parameter("lang", code)),
    }
}
