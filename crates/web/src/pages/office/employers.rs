//! Employers' vacancy requests in the back office: the list of the user's
//! centres and sections, and declining a request with a reason for the
//! employer (publishing goes through the offer, like any draft).

use axum::extract::State;
use axum::response::Response;
use chrono::{Duration, Utc};
use minijinja::context;
use serde::Serialize;
use sportello_domain::{EmployerRequest, NewAuditEntry};

use super::{render, see_other};
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale, PathParams};
use crate::session::{Office, SignedIn};
use sportello_app::i18n::msg;

/// A request as the back office shows it (contacts included: never public).
#[derive(Debug, Serialize)]
pub struct RequestView {
    id: i64,
    reference: String,
    title: String,
    company: String,
    vat_number: String,
    contact_name: String,
    email: String,
    phone: String,
    lang: &'static str,
    status: &'static str,
    reason: String,
    received: String,
    has_offer: bool,
}

pub fn view(r: &EmployerRequest) -> RequestView {
    RequestView {
        id: r.id,
        reference: r.reference.to_string(),
        title: r.title.clone(),
        company: r.contact.company.clone(),
        vat_number: r.contact.vat_number.to_string(),
        contact_name: r.contact.contact_name.clone(),
        email: r.contact.email.clone(),
        phone: r.contact.phone.clone(),
        lang: r.contact.lang.native_name(),
        status: r.status.code(),
        reason: r.reason.clone(),
        received: sportello_domain::time::to_rome(r.created_at)
            .format("%d/%m/%Y %H:%M")
            .to_string(),
        has_offer: r.offer.is_some(),
    }
}

/// Logs the reads of Collocamento Mirato requests' contacts (an employer
/// hiring under Law 68/1999), one row per request and user an hour.
pub async fn log_reads(
    state: &AppState,
    user: &SignedIn,
    requests: &[EmployerRequest],
) -> Result<u64, sportello_storage::StorageError> {
    let reads: Vec<NewAuditEntry> = requests
        .iter()
        .filter(|r| r.section.is_mirato())
        .map(|r| NewAuditEntry::new("request.read", "employer_request", &r.id.to_string()).centre(r.centre))
        .collect();
    let now = Utc::now();
    state
        .storage
        .audit_reads(&user.actor(), &reads, now - Duration::hours(1), now)
        .await
}

/// `GET /{lang}/office/requests`: the requests of the sections the user
/// edits (`Access::can_read_request_contacts`); the contacts are on each
/// offer's page.
pub async fn list(State(state): State<AppState>, Locale(lang): Locale, user: Office) -> Result<Response, AppError> {
    let access = user.access();
    let mut requests = state
        .storage
        .employer_requests(&access.editable(), None, 200)
        .await
        .on_page(lang)?;
    requests.retain(|r| access.can_read_request_contacts(r.centre, r.section));
    let title = msg(lang, "office-requests-title");
    let ctx = context! { requests => minijinja::value::Serde(requests.iter().map(view).collect::<Vec<_>>()) };
    render(
        "office/requests.html",
        lang,
        "/office/requests",
        &title,
        Some(&user),
        ctx,
    )
}

/// `POST /{lang}/office/requests/{id}/decline` with the `reason` the employer will read.
pub async fn decline(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, id)): PathParams<(String, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let request = state
        .storage
        .employer_request(id)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    if !user.access().can_edit_offers(request.centre, request.section) {
        return Err(user
            .deny(&state, "request.decline", "offer", &request.reference.to_string())
            .await);
    }
    let reason = form.get("reason").trim().to_string();
    if reason.is_empty() || reason.chars().count() > 1000 {
        return Err(AppError::bad_parameter("reason", reason).page(lang));
    }
    state
        .storage
        .decline_employer_request(id, &reason, &user.actor(), Utc::now())
        .await
        .on_page(lang)?;
    Ok(see_other(&format!("/{lang}/office/requests")))
}
