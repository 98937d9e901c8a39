//! The person's own data (`/{lang}/account/data`): everything the system
//! holds about them, to download as JSON or PDF (GDPR art. 15 and 20), and
//! the erasure of the account (art. 17), confirmed by a tick and, when the
//! account has one, the password (counted like a sign-in). Each download
//! and the erasure leave an audit row naming the person by id.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use minijinja::context;
use sportello_app::i18n::msg;
use sportello_app::people::erase;
use sportello_auth::tokens::hash_token;
use sportello_domain::{Lang, NewAuditEntry};
use sportello_print::{CvDocument, CvEntry, CvPdfSection, render_cv};

use super::{Errors, PasswordCheck, check_password, message, page, too_many, with_wait};
use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{FormFields, Locale};
use crate::person_session::{Citizen, PERSON_COOKIE};
use crate::session::{clear_cookie, cookie};

fn data_page(state: &AppState, citizen: &Citizen, errors: &Errors, status: StatusCode) -> Result<Response, AppError> {
    let ctx = context! {
        csrf => citizen.csrf.clone(),
        has_password => citizen.person.has_password,
        form_error => errors.get("form"),
        errors => errors,
    };
    page(
        state,
        citizen.lang,
        "account/data.html",
        "/account/data",
        "person-data-title",
        ctx,
        status,
    )
}

/// `GET /{lang}/account/data`.
pub async fn show(State(state): State<AppState>, citizen: Citizen) -> Result<Response, AppError> {
    data_page(&state, &citizen, &Errors::new(), StatusCode::OK)
}

async fn exported(state: &AppState, citizen: &Citizen, what: &str) -> Result<serde_json::Value, AppError> {
    let lang = citizen.lang;
    let now = Utc::now();
    let value = erase::export(state, &citizen.person, now).await.on_page(lang)?;
    let entry = NewAuditEntry::new(what, "person", &citizen.person.id.0.to_string());
    state.storage.audit(&citizen.actor(), entry, now).await.on_page(lang)?;
    Ok(value)
}

/// `GET /{lang}/account/data.json`.
pub async fn json(State(state): State<AppState>, citizen: Citizen) -> Result<Response, AppError> {
    let value = exported(&state, &citizen, "person.data_export").await?;
    let body = serde_json::to_string_pretty(&value)
        .map_err(|e| AppError::new(Problem::Internal(e.to_string())).page(citizen.lang))?;
    Ok(super::private(
        (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_static("attachment; filename=\"my-data.json\""),
                ),
            ],
            body,
        )
            .into_response(),
    ))
}

/// The export as a readable document: one section per part, one entry per
/// item, each field as `name: value`.
fn document(lang: Lang, name: &str, value: &serde_json::Value) -> CvDocument {
    fn lines(value: &serde_json::Value) -> Vec<String> {
        match value {
            serde_json::Value::Object(map) => map
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| match v {
                    serde_json::Value::String(s) => format!("{k}: {s}"),
                    other => format!("{k}: {other}"),
                })
                .collect(),
            other => vec![other.to_string()],
        }
    }
    let mut sections = Vec::new();
    for (key, title_id) in [
        ("account", "person-data-account"),
        ("cv", "person-cv-link"),
        ("appointments", "person-appointments"),
        ("group_meetings", "person-meetings"),
        ("messages", "person-data-messages"),
        ("account_log", "person-data-log"),
    ] {
        let entries = match &value[key] {
            serde_json::Value::Array(items) => items
                .iter()
                .map(|i| CvEntry {
                    text: lines(i),
                    ..CvEntry::default()
                })
                .collect(),
            serde_json::Value::Null => Vec::new(),
            other => vec![CvEntry {
                text: lines(other),
                ..CvEntry::default()
            }],
        };
        if !entries.is_empty() {
            sections.push(CvPdfSection {
                title: msg(lang, title_id),
                entries,
            });
        }
    }
    CvDocument {
        name: name.to_string(),
        lang: lang.code().into(),
        contacts: vec![msg(lang, "person-data-title")],
        summary: String::new(),
        sections,
        footer: value["exported_at"].as_str().unwrap_or_default().to_string(),
    }
}

/// `GET /{lang}/account/data.pdf`.
pub async fn pdf(State(state): State<AppState>, citizen: Citizen) -> Result<Response, AppError> {
    let lang = citizen.lang;
    let value = exported(&state, &citizen, "person.data_export").await?;
    let doc = document(lang, &citizen.person.name, &value);
    let pdf = state
        .renders
        .run(lang, "data PDF", move || render_cv(&doc))
        .await?
        .map_err(|e| AppError::new(Problem::Internal(format!("data PDF: {e}"))).page(lang))?;
    Ok(super::private(
        (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("application/pdf")),
                (
                    header::CONTENT_DISPOSITION,
                    HeaderValue::from_static("attachment; filename=\"my-data.pdf\""),
                ),
            ],
            pdf,
        )
            .into_response(),
    ))
}

/// `POST /{lang}/account/delete`: erases the account, then signs out.
pub async fn delete(
    State(state): State<AppState>,
    Locale(lang): Locale,
    citizen: Citizen,
    headers: HeaderMap,
    form: FormFields,
) -> Result<Response, AppError> {
    citizen.check_csrf(&form.get("csrf"))?;
    let now = Utc::now();
    let mut errors = Errors::new();
    if !form.checked("confirm") {
        errors.insert("confirm".into(), msg(lang, "person-delete-confirm-needed"));
    }
    if citizen.person.has_password {
        match check_password(&state, &citizen, form.get("password"), now).await? {
            PasswordCheck::Right => {}
            PasswordCheck::Wrong => {
                errors.insert("password".into(), msg(lang, "password-current-wrong"));
            }
            PasswordCheck::Blocked(limited) => {
                let page = data_page(
                    &state,
                    &citizen,
                    &too_many(lang, &limited),
                    StatusCode::TOO_MANY_REQUESTS,
                )?;
                return Ok(with_wait(page, Some(&limited)));
            }
        }
    }
    if !errors.is_empty() {
        return data_page(&state, &citizen, &errors, StatusCode::UNPROCESSABLE_ENTITY);
    }
    erase::erase(&state, &citizen.person, &citizen.actor(), now)
        .await
        .on_page(lang)?;
    if let Some(token) = cookie(&headers, PERSON_COOKIE) {
        state
            .storage
            .delete_person_session(&hash_token(&token))
            .await
            .on_page(lang)?;
    }
    let paragraphs = [msg(lang, "person-deleted"), msg(lang, "person-deleted-kept")];
    let mut response = message(&state, lang, "person-deleted-title", &paragraphs, None, StatusCode::OK)?;
    response
        .headers_mut()
        .append(header::SET_COOKIE, clear_cookie(&state, PERSON_COOKIE));
    Ok(response)
}
