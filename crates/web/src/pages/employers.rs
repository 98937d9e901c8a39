//! Pages for employers, no account needed: the Law 68/1999 quota
//! calculator, and the vacancy request form. A request becomes a draft
//! offer in the chosen centre's queue; the employer's contacts stay with the
//! request and never reach a public board. The employer keeps a signed link
//! to follow the request (received, published or declined).

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::offers::form::MAX_LANGUAGES;
use sportello_domain::time::today_in_rome;
use sportello_domain::vocab::{Cefr, ContractType, EducationLevel, Licence, SpokenLanguage, WorkingTime};
use sportello_domain::{
    Actor, Email, EmployerContact, EmployerRequest, FieldError, Lang, PartitaIva, RawLanguage, RawOffer, RequestStatus,
    Section, TextStatus, required_hires,
};

use super::office::offers::form::{Opt, field_message, occupation_options, options, raw_from_form};
use super::render_page;
use crate::AppState;
use crate::error::{AnswerAs, AppError, retry_after};
use crate::extract::{FormFields, Locale, PathParams};
use crate::session::{ClientAddress, FormGuard};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::limiter::LimitKey;

/// How long the employer's link to the request works.
const LINK_DAYS: i64 = 400;

#[derive(Debug, Default, Deserialize)]
pub struct QuotaQuery {
    employees: Option<String>,
}

/// `GET /{lang}/employers`: the quota calculator and the way to send a vacancy.
pub async fn employers(
    State(state): State<AppState>,
    Locale(lang): Locale,
    Query(query): Query<QuotaQuery>,
) -> Result<Html<String>, AppError> {
    let typed = query.employees.as_deref().map(str::trim).filter(|v| !v.is_empty());
    let (quota, error) = match typed {
        None => (None, None),
        Some(text) => match text.parse::<u32>() {
            Ok(n) if n <= 1_000_000 => (Some((n, required_hires(n))), None),
            _ => (None, Some(msg(lang, "quota-invalid"))),
        },
    };
    let title = msg(lang, "employers-title");
    let ctx = context! {
        employees => typed,
        quota => quota.map(|(n, q)| context! { employees => n, art1 => q.art1, art18 => q.art18 }),
        error,
    };
    render_page("employers.html", lang, "/employers", &title, &state.public_url, ctx)
}

/// What the employer typed, to show again with the errors.
#[derive(Debug, Default, Serialize)]
struct Typed {
    company: String,
    vat_number: String,
    contact_name: String,
    email: String,
    phone: String,
    placement: String,
    show_name: bool,
    offer: RawOffer,
}

fn typed_from(form: &FormFields) -> Typed {
    Typed {
        company: form.get("company"),
        vat_number: form.get("vat_number"),
        contact_name: form.get("contact_name"),
        email: form.get("email"),
        phone: form.get("phone"),
        placement: form.get("placement"),
        show_name: form.checked("show_name"),
        offer: RawOffer {
            section: String::new(),
            country: String::new(),
            employer_name: form.get("company"),
            employer_hidden: !form.checked("show_name"),
            ..raw_from_form(form)
        },
    }
}

async fn form_page(
    state: &AppState,
    lang: Lang,
    guard: &FormGuard,
    mut typed: Typed,
    errors: &[(String, String)],
    status: StatusCode,
) -> Result<Response, AppError> {
    typed.offer.languages.resize(MAX_LANGUAGES, RawLanguage::default());
    let centres: Vec<Opt> = state
        .storage
        .centres()
        .await
        .on_page(lang)?
        .iter()
        .map(|c| Opt {
            value: c.data.slug.clone(),
            label: c.data.name.clone(),
        })
        .collect();
    let placements: Vec<Opt> = [
        ("", "placement-none"),
        ("mirato_art1", "placement-art1"),
        ("mirato_art18", "placement-art18"),
    ]
    .iter()
    .map(|(v, id)| Opt {
        value: (*v).into(),
        label: msg(lang, id),
    })
    .collect();
    // Errors of the whole form (expired, too many) are not about a field.
    let form_error = errors.iter().find(|(f, _)| f == "form").map(|(_, m)| m.clone());
    let errors: std::collections::BTreeMap<String, String> =
        errors.iter().filter(|(f, _)| f != "form").cloned().collect();
    let title = msg(lang, "request-title");
    let ctx = context! {
        picker => true,
        form_error,
        form_csrf => guard.csrf.clone(),
        values => minijinja::value::Serde(&typed),
        errors,
        centres => minijinja::value::Serde(&centres),
        placements => minijinja::value::Serde(&placements),
        occupations => minijinja::value::Serde(occupation_options(lang)),
        contracts => minijinja::value::Serde(options::<ContractType>(lang)),
        working_times => minijinja::value::Serde(options::<WorkingTime>(lang)),
        educations => minijinja::value::Serde(options::<EducationLevel>(lang)),
        licences => minijinja::value::Serde(options::<Licence>(lang)),
        spoken_languages => minijinja::value::Serde(options::<SpokenLanguage>(lang)),
        levels => minijinja::value::Serde(options::<Cefr>(lang)),
    };
    let page = render_page(
        "employer_request.html",
        lang,
        "/employers/request",
        &title,
        &state.public_url,
        ctx,
    )?;
    let mut response = page.into_response();
    *response.status_mut() = status;
    Ok(guard.attach(response))
}

/// `GET /{lang}/employers/request`.
pub async fn request_form(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
) -> Result<Response, AppError> {
    let typed = Typed {
        offer: RawOffer {
            openings: "1".into(),
            ..RawOffer::default()
        },
        ..Typed::default()
    };
    form_page(&state, lang, &guard, typed, &[], StatusCode::OK).await
}

/// Checks the employer's own fields.
fn check_contact(lang: Lang, typed: &Typed, errors: &mut Vec<(String, String)>) -> Option<EmployerContact> {
    let mut fail = |field: &str, id: &str| errors.push((field.to_string(), msg(lang, id)));
    let company = typed.company.trim();
    if company.is_empty() || company.chars().count() > 200 {
        fail("company", "field-required");
    }
    let vat = match PartitaIva::parse(&typed.vat_number) {
        Ok(vat) => Some(vat),
        Err(_) => {
            fail("vat_number", "request-vat-invalid");
            None
        }
    };
    let contact_name = typed.contact_name.trim();
    if contact_name.is_empty() || contact_name.chars().count() > 200 {
        fail("contact_name", "field-required");
    }
    let email = match Email::parse(&typed.email) {
        Ok(e) => Some(e),
        Err(_) => {
            fail("email", "request-email-invalid");
            None
        }
    };
    let phone = typed.phone.trim();
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let phone_ok = (6..=15).contains(&digits) && phone.chars().all(|c| c.is_ascii_digit() || " +-./()".contains(c));
    if !phone_ok {
        fail("phone", "request-phone-invalid");
    }
    if !["", "mirato_art1", "mirato_art18"].contains(&typed.placement.as_str()) {
        fail("placement", "field-unknown");
    }
    Some(EmployerContact {
        company: company.to_string(),
        vat_number: vat?,
        contact_name: contact_name.to_string(),
        email: email?.as_str().to_string(),
        phone: phone.to_string(),
        lang,
    })
    .filter(|_| phone_ok && !company.is_empty() && !contact_name.is_empty())
}

/// `POST /{lang}/employers/request`.
pub async fn request_submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    ClientAddress(address): ClientAddress,
    form: FormFields,
) -> Result<Response, AppError> {
    let typed = typed_from(&form);
    if !guard.accepts(&form.get("csrf")) {
        let errors = [("form".to_string(), msg(lang, "form-expired-text"))];
        return form_page(&state, lang, &guard, typed, &errors, StatusCode::FORBIDDEN).await;
    }
    let now = Utc::now();
    let net = [(state.limits.employer_requests_per_net, LimitKey::Net(&address))];
    if let Some(limited) = state.limit(&net, now).await.on_page(lang)? {
        let seconds = limited.seconds();
        let errors = [(
            "form".to_string(),
            msg_args(lang, "request-too-many", &args(&[("seconds", seconds.into())])),
        )];
        let page = form_page(&state, lang, &guard, typed, &errors, StatusCode::TOO_MANY_REQUESTS).await?;
        return Ok(retry_after(page, &limited));
    }
    let mut errors = Vec::new();
    let contact = check_contact(lang, &typed, &mut errors);
    let mut raw = typed.offer.clone();
    raw.section = match typed.placement.as_str() {
        "" => Section::Ordinary.code().into(),
        other => other.into(),
    };
    let centres = state.storage.centres().await.on_page(lang)?;
    let offer = match raw.validate(&centres, today_in_rome()) {
        Ok(offer) => Some(offer),
        Err(field_errors) => {
            errors.extend(field_errors.iter().map(|e: &FieldError| {
                let field = if e.field == "employer_name" {
                    "company".to_string()
                } else {
                    e.field.clone()
                };
                (field, field_message(lang, e))
            }));
            None
        }
    };
    let (Some(contact), Some(mut offer)) = (contact, offer) else {
        errors.dedup_by(|a, b| a.0 == b.0);
        return form_page(&state, lang, &guard, typed, &errors, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    // The text is in the language the employer wrote in; the centre adds
    // the Italian one before publishing when it is another.
    if lang != Lang::It {
        for text in &mut offer.texts {
            text.lang = lang;
            text.status = TextStatus::Original;
        }
    }
    let request = state
        .storage
        .insert_employer_request(&offer, &contact, &Actor::anonymous(&address), now)
        .await
        .on_page(lang)?;
    let link = status_link(&state, lang, &request);
    let mut response = status_page(&state, lang, &request, Some(link)).await?;
    *response.status_mut() = StatusCode::CREATED;
    Ok(guard.attach(response))
}

fn status_link(state: &AppState, lang: Lang, request: &EmployerRequest) -> String {
    let expires = (Utc::now() + chrono::Duration::days(LINK_DAYS)).timestamp();
    let sealed = state.keys.seal("employer-request", &request.id.to_string(), expires);
    state.public_url.join(&format!("/{lang}/employers/requests/{sealed}"))
}

async fn status_page(
    state: &AppState,
    lang: Lang,
    request: &EmployerRequest,
    new_link: Option<String>,
) -> Result<Response, AppError> {
    let centre = state
        .storage
        .centres()
        .await
        .on_page(lang)?
        .into_iter()
        .find(|c| c.id == request.centre);
    let title = msg_args(
        lang,
        "request-status-title",
        &args(&[("reference", request.reference.to_string().into())]),
    );
    let status_id = match request.status {
        RequestStatus::Received => "request-received",
        RequestStatus::Published => "request-published",
        RequestStatus::Declined => "request-declined",
    };
    let ctx = context! {
        reference => request.reference.to_string(),
        request_title => request.title.clone(),
        status => request.status.code(),
        status_text => msg(lang, status_id),
        reason => request.reason.clone(),
        centre => centre.map(|c| context! { name => c.data.name, phone => c.data.phone, email => c.data.email }),
        new_link,
        offer_url => (request.status == RequestStatus::Published).then(|| format!("/{lang}/offers/{}", request.reference)),
    };
    let path = "/employers/request";
    let page = render_page(
        "employer_request_status.html",
        lang,
        path,
        &title,
        &state.public_url,
        ctx,
    )?;
    let mut response = page.into_response();
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    response.headers_mut().insert(
        "x-robots-tag",
        axum::http::HeaderValue::from_static("noindex, nofollow"),
    );
    Ok(response)
}

/// `GET /{lang}/employers/requests/{token}`: the state of a request, for
/// whoever holds the link given when it was sent.
pub async fn request_status(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, token)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let id = state
        .keys
        .open("employer-request", &token, Utc::now().timestamp())
        .and_then(|id| id.parse::<i64>().ok())
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let request = state
        .storage
        .employer_request(id)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    status_page(&state, lang, &request, None).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportello_domain::FieldProblem;

    #[test]
    fn a_field_error_has_a_message() {
        let error = FieldError {
            field: "openings".into(),
            problem: FieldProblem::NotANumber,
        };
        assert!(!field_message(Lang::De, &error).is_empty());
    }
}
