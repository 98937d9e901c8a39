//! Citizen accounts' pages (`/{lang}/account/…`), no JavaScript needed:
//! signing up with an e-mail address or a mobile number (`sign_up.rs`), the
//! link and code pages that confirm a contact, sign in or set a new password
//! (`challenge.rs`), signing in and out (`sign_in.rs`), "My page"
//! (`my_page.rs`), the account's settings (`settings.rs`), its optional
//! second factor (`second_factor.rs`), the person's CV (`cv.rs`), and their
//! data to download or erase (`data.rs`). Every form
//! of these pages goes through the limiter; none of their answers tells
//! whether a contact has an account. Their answers hold personal data or
//! one-time tokens: never stored by a cache, never indexed.

pub mod challenge;
pub mod cv;
pub mod data;
pub mod my_page;
pub mod second_factor;
pub mod settings;
pub mod sign_in;
pub mod sign_up;

use std::collections::BTreeMap;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use minijinja::Value;
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::limiter::LimitKey;
use sportello_app::limiter::Limited;
use sportello_app::people::ChallengeError;
use sportello_app::sms::SmsVerdict;
use sportello_auth::{dummy_hash, verify_password};
use sportello_domain::{Contact, FieldError, Lang};

use super::render_page;
use crate::AppState;
use crate::error::{AnswerAs, AppError, retry_after};
use crate::pages::office::argon2;
use crate::pages::office::offers::form::field_message;
use crate::person_session::Citizen;

/// Errors of a form: field name → message (`form` for the whole form).
pub type Errors = BTreeMap<String, String>;

/// Never kept by a cache or indexed.
pub fn private(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("x-robots-tag", HeaderValue::from_static("noindex, nofollow"));
    response
}

/// A page of the account pages with `status`, private.
pub fn page(
    state: &AppState,
    lang: Lang,
    template: &str,
    path: &str,
    title_id: &str,
    ctx: Value,
    status: StatusCode,
) -> Result<Response, AppError> {
    let title = msg(lang, title_id);
    let html = render_page(template, lang, path, &title, &state.public_url, ctx)?;
    let mut response = html.into_response();
    *response.status_mut() = status;
    Ok(private(response))
}

/// A page with a title and paragraphs, and perhaps a link onwards.
pub fn message(
    state: &AppState,
    lang: Lang,
    title_id: &str,
    paragraphs: &[String],
    link: Option<(String, String)>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let ctx = minijinja::context! {
        paragraphs => paragraphs.to_vec(),
        link => link.map(|(href, label)| minijinja::context! { href, label }),
    };
    page(state, lang, "account/message.html", "/account", title_id, ctx, status)
}

/// The messages of field errors in `lang`.
pub fn field_errors(lang: Lang, errors: &[FieldError]) -> Errors {
    let mut out = Errors::new();
    for e in errors {
        out.entry(e.field.clone()).or_insert_with(|| field_message(lang, e));
    }
    out
}

/// The whole form's error when the limiter refused it.
pub fn too_many(lang: Lang, limited: &Limited) -> Errors {
    let text = msg_args(lang, "person-too-many", &args(&[("minutes", limited.minutes().into())]));
    Errors::from([("form".to_string(), text)])
}

/// The form's error of a request for a link or code that went no further,
/// with its status; or the error page.
pub fn challenge_refusal(lang: Lang, error: ChallengeError, field: &str) -> Result<(Errors, StatusCode), AppError> {
    Ok(match error {
        ChallengeError::NoText(verdict) => {
            let id = match verdict {
                SmsVerdict::OptedOut => "person-sms-opted-out",
                SmsVerdict::Landline => "field-not-mobile",
                _ => "person-sms-capped",
            };
            let errors = Errors::from([(field.to_string(), msg(lang, id))]);
            (errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        ChallengeError::Storage(e) => return Err(AppError::from(e).page(lang)),
    })
}

/// `response` with `Retry-After` when the limiter refused.
pub fn with_wait(response: Response, limited: Option<&Limited>) -> Response {
    match limited {
        Some(l) => retry_after(response, l),
        None => response,
    }
}

/// The limiter's key of an account's sign-in attempts: the password, the
/// second factor and the password asked again all count under it.
pub fn sign_in_key(contact: &Contact) -> String {
    format!("person:{}", contact.as_str())
}

/// What the current password, asked again, turned out to be.
pub enum PasswordCheck {
    Right,
    Wrong,
    /// Too many attempts on the account: not checked.
    Blocked(Limited),
}

/// Checks `typed` against the signed-in person's password, counted under
/// the account's sign-in limit before it is checked and hashed in the
/// capped Argon2 slots, so that an open session is no way to guess it.
pub async fn check_password(
    state: &AppState,
    citizen: &Citizen,
    typed: String,
    now: DateTime<Utc>,
) -> Result<PasswordCheck, AppError> {
    let lang = citizen.lang;
    let key = sign_in_key(&citizen.person.contact());
    let limit = [(state.limits.sign_in_per_account, LimitKey::Named(&key))];
    if let Some(limited) = state.limit(&limit, now).await.on_page(lang)? {
        return Ok(PasswordCheck::Blocked(limited));
    }
    let stored = state
        .storage
        .person_credentials(citizen.person.id)
        .await
        .on_page(lang)?
        .and_then(|c| c.password_hash);
    let hash = stored.unwrap_or_else(|| dummy_hash().to_string());
    Ok(if argon2(state, lang, move || verify_password(&hash, &typed)).await? {
        PasswordCheck::Right
    } else {
        PasswordCheck::Wrong
    })
}
