//! Signing in to a citizen account (`/{lang}/account/sign-in`): with the
//! e-mail address or mobile number and the password, or without a password
//! by a one-time link or code (`/sign-in/once`); setting a new password
//! from a link or code (`/reset`); the second factor when the person turned
//! it on; signing out. Attempts count under the limiter per network and per
//! account before the password is checked, and a wrong contact, a wrong
//! password and an account without a password get the same answer.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use serde::Deserialize;
use sportello_app::i18n::msg;
use sportello_app::limiter::LimitKey;
use sportello_app::people::{self, Request};
use sportello_auth::tokens::{hash_token, normalize_recovery_code};
use sportello_auth::{TotpSecret, dummy_hash, verify_password, verify_recovery_code};
use sportello_domain::people::sign_up::contact_problem;
use sportello_domain::{Actor, ChallengePurpose, Contact, FieldError, Lang, NewAuditEntry};
use sportello_storage::SessionStage;

use super::sign_up::sent;
use super::{Errors, challenge_refusal, field_errors, page, sign_in_key, too_many, with_wait};
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale};
use crate::pages::office::{argon2, see_other};
use crate::person_session::{self, Citizen, PERSON_COOKIE, PendingCitizen, safe_next};
use crate::session::{ClientAddress, FormGuard, clear_cookie, cookie};

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

#[allow(clippy::too_many_arguments)]
fn sign_in_page(
    state: &AppState,
    lang: Lang,
    guard: &FormGuard,
    contact: &str,
    next: &str,
    errors: &Errors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let ctx = context! {
        form_csrf => guard.csrf.clone(),
        contact,
        next,
        form_error => errors.get("form"),
        errors => errors,
    };
    let response = page(
        state,
        lang,
        "account/sign_in.html",
        "/account/sign-in",
        "person-sign-in-title",
        ctx,
        status,
    )?;
    Ok(guard.attach(response))
}

/// `GET /{lang}/account/sign-in`.
pub async fn form(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    Query(query): Query<NextQuery>,
) -> Result<Response, AppError> {
    let next = safe_next(lang, query.next.as_deref());
    sign_in_page(&state, lang, &guard, "", &next, &Errors::new(), StatusCode::OK)
}

/// `POST /{lang}/account/sign-in`.
pub async fn submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    form: Result<FormFields, AppError>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let net = [(state.limits.sign_in_per_net, LimitKey::Net(&address))];
    let net_refusal = state.limit(&net, now).await.on_page(lang)?;
    let form = form?;
    let typed = form.get("contact");
    let next = safe_next(lang, Some(&form.get("next")));
    let fail = |errors: Errors, status| sign_in_page(&state, lang, &guard, &typed, &next, &errors, status);
    if !guard.accepts(&form.get("csrf")) {
        return fail(
            Errors::from([("form".into(), msg(lang, "form-expired-text"))]),
            StatusCode::FORBIDDEN,
        );
    }
    let contact = match Contact::parse(&typed) {
        Ok(c) => c,
        Err(e) => {
            let error = FieldError {
                field: "contact".into(),
                problem: contact_problem(e),
            };
            return fail(field_errors(lang, &[error]), StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let account_key = sign_in_key(&contact);
    let account_limit = [(state.limits.sign_in_per_account, LimitKey::Named(&account_key))];
    let account_refusal = state.limit(&account_limit, now).await.on_page(lang)?;
    if let Some(limited) = [net_refusal, account_refusal]
        .into_iter()
        .flatten()
        .max_by_key(|l| l.retry_after)
    {
        let page = fail(too_many(lang, &limited), StatusCode::TOO_MANY_REQUESTS)?;
        return Ok(with_wait(page, Some(&limited)));
    }
    let credentials = state.storage.person_by_contact(&contact).await.on_page(lang)?;
    let password = form.get("password");
    let hash = credentials
        .as_ref()
        .and_then(|c| c.password_hash.clone())
        .unwrap_or_else(|| dummy_hash().to_string());
    let matches = argon2(&state, lang, move || verify_password(&hash, &password)).await?;
    let known = credentials.as_ref().map(|c| c.account.id);
    let Some(credentials) = credentials.filter(|c| matches && c.password_hash.is_some()) else {
        if let Some(id) = known {
            let entry = NewAuditEntry::new("person.sign_in_failed", "person", &id.0.to_string());
            state
                .storage
                .audit(&Actor::anonymous(&address), entry, now)
                .await
                .on_page(lang)?;
        }
        return fail(
            Errors::from([("form".into(), msg(lang, "person-sign-in-wrong"))]),
            StatusCode::UNAUTHORIZED,
        );
    };
    let person = credentials.account;
    let stage = if person.second_factor {
        SessionStage::SecondFactor
    } else {
        SessionStage::Full
    };
    let cookie = person_session::start(&state, &headers, &person, stage, &address)
        .await
        .on_page(lang)?;
    let action = if person.second_factor {
        "person.sign_in_password"
    } else {
        "person.sign_in"
    };
    let entry = NewAuditEntry::new(action, "person", &person.id.0.to_string());
    state
        .storage
        .audit(&Actor::person(person.id, &address), entry, now)
        .await
        .on_page(lang)?;
    let target = if person.second_factor {
        let query = serde_urlencoded::to_string([("next", next.as_str())]).unwrap_or_default();
        format!("/{lang}/account/sign-in/second-factor?{query}")
    } else {
        state
            .forget_limit(&state.limits.sign_in_per_account, LimitKey::Named(&account_key))
            .await
            .on_page(lang)?;
        next.clone()
    };
    let mut response = see_other(&target);
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

/// Which one-time form: a sign-in link or code, or a new password.
fn once_purpose(path: &str) -> ChallengePurpose {
    if path.ends_with("/reset") {
        ChallengePurpose::Reset
    } else {
        ChallengePurpose::SignIn
    }
}

fn once_page(
    state: &AppState,
    lang: Lang,
    guard: &FormGuard,
    purpose: ChallengePurpose,
    contact: &str,
    errors: &Errors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let (path, title, intro) = match purpose {
        ChallengePurpose::Reset => ("/account/reset", "person-reset-title", "person-reset-intro"),
        _ => ("/account/sign-in/once", "person-once-title", "person-once-intro"),
    };
    let ctx = context! {
        form_csrf => guard.csrf.clone(),
        action => format!("/{lang}{path}"),
        intro => msg(lang, intro),
        contact,
        form_error => errors.get("form"),
        errors => errors,
    };
    let response = page(state, lang, "account/once.html", path, title, ctx, status)?;
    Ok(guard.attach(response))
}

/// `GET /{lang}/account/sign-in/once` and `GET /{lang}/account/reset`.
pub async fn once_form(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    uri: axum::http::Uri,
) -> Result<Response, AppError> {
    once_page(
        &state,
        lang,
        &guard,
        once_purpose(uri.path()),
        "",
        &Errors::new(),
        StatusCode::OK,
    )
}

/// `POST /{lang}/account/sign-in/once` and `POST /{lang}/account/reset`:
/// the same answer whether or not the contact has an account.
pub async fn once_submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    ClientAddress(address): ClientAddress,
    uri: axum::http::Uri,
    form: Result<FormFields, AppError>,
) -> Result<Response, AppError> {
    let purpose = once_purpose(uri.path());
    let now = Utc::now();
    let net = [(state.limits.accounts_per_net, LimitKey::Net(&address))];
    let refused = state.limit(&net, now).await.on_page(lang)?;
    let form = form?;
    let typed = form.get("contact");
    let fail = |errors: &Errors, status| once_page(&state, lang, &guard, purpose, &typed, errors, status);
    if let Some(limited) = refused {
        return Ok(with_wait(
            fail(&too_many(lang, &limited), StatusCode::TOO_MANY_REQUESTS)?,
            Some(&limited),
        ));
    }
    if !guard.accepts(&form.get("csrf")) {
        return fail(
            &Errors::from([("form".into(), msg(lang, "form-expired-text"))]),
            StatusCode::FORBIDDEN,
        );
    }
    let contact = match Contact::parse(&typed) {
        Ok(c) => c,
        Err(e) => {
            let error = FieldError {
                field: "contact".into(),
                problem: contact_problem(e),
            };
            return fail(&field_errors(lang, &[error]), StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let actor = Actor::anonymous(&address);
    let request = Request {
        purpose,
        contact: &contact,
        account: None,
        pending: None,
        lang,
        actor: &actor,
    };
    match people::request(&state, request, now).await {
        Ok(answer) => sent(&state, lang, &contact, answer),
        Err(e) => {
            let (errors, status) = challenge_refusal(lang, e, "contact")?;
            fail(&errors, status)
        }
    }
}

fn second_factor_page(
    state: &AppState,
    lang: Lang,
    pending: &Citizen,
    next: &str,
    errors: &Errors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let ctx = context! {
        csrf => pending.csrf.clone(),
        next,
        form_error => errors.get("form"),
        errors => errors,
    };
    page(
        state,
        lang,
        "account/second_factor.html",
        "/account/sign-in/second-factor",
        "person-second-factor-title",
        ctx,
        status,
    )
}

/// `GET /{lang}/account/sign-in/second-factor`.
pub async fn second_factor_form(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PendingCitizen(pending): PendingCitizen,
    Query(query): Query<NextQuery>,
) -> Result<Response, AppError> {
    let next = safe_next(lang, query.next.as_deref());
    second_factor_page(&state, lang, &pending, &next, &Errors::new(), StatusCode::OK)
}

/// `POST /{lang}/account/sign-in/second-factor`: a TOTP code or a recovery
/// code; counted with the password's attempts.
pub async fn second_factor_submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PendingCitizen(pending): PendingCitizen,
    headers: HeaderMap,
    form: FormFields,
) -> Result<Response, AppError> {
    pending.check_csrf(&form.get("csrf"))?;
    let now = Utc::now();
    let next = safe_next(lang, Some(&form.get("next")));
    let id = pending.person.id;
    let account_key = sign_in_key(&pending.person.contact());
    let limit = [(state.limits.sign_in_per_account, LimitKey::Named(&account_key))];
    if let Some(limited) = state.limit(&limit, now).await.on_page(lang)? {
        let page = second_factor_page(
            &state,
            lang,
            &pending,
            &next,
            &too_many(lang, &limited),
            StatusCode::TOO_MANY_REQUESTS,
        )?;
        return Ok(with_wait(page, Some(&limited)));
    }
    let code = form.get("code");
    let credentials = state.storage.person_credentials(id).await.on_page(lang)?;
    let secret = credentials
        .and_then(|c| c.totp_secret)
        .and_then(|s| TotpSecret::from_base32(&s));
    let mut right = false;
    if let Some(step) = secret.and_then(|s| s.verify(&code, now.timestamp(), None)) {
        right = state.storage.use_person_totp_step(id, step).await.on_page(lang)?;
    }
    if !right {
        let typed = normalize_recovery_code(&code);
        let stored = state
            .storage
            .unused_person_recovery_code_hashes(id)
            .await
            .on_page(lang)?;
        let found = argon2(&state, lang, move || {
            stored.into_iter().find(|h| verify_recovery_code(h, &typed))
        })
        .await?;
        if let Some(hash) = found {
            right = state
                .storage
                .use_person_recovery_code(id, &hash, now)
                .await
                .on_page(lang)?;
        }
    }
    let actor = pending.actor();
    if !right {
        let entry = NewAuditEntry::new("person.second_factor_failed", "person", &id.0.to_string());
        state.storage.audit(&actor, entry, now).await.on_page(lang)?;
        let errors = Errors::from([("code".into(), msg(lang, "second-factor-wrong"))]);
        return second_factor_page(&state, lang, &pending, &next, &errors, StatusCode::UNAUTHORIZED);
    }
    let cookie = person_session::start(&state, &headers, &pending.person, SessionStage::Full, &pending.address)
        .await
        .on_page(lang)?;
    let entry = NewAuditEntry::new("person.sign_in", "person", &id.0.to_string());
    state.storage.audit(&actor, entry, now).await.on_page(lang)?;
    state
        .forget_limit(&state.limits.sign_in_per_account, LimitKey::Named(&account_key))
        .await
        .on_page(lang)?;
    let mut response = see_other(&next);
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

/// `POST /{lang}/account/sign-out`: ends this browser's session.
pub async fn sign_out(
    State(state): State<AppState>,
    Locale(lang): Locale,
    citizen: Citizen,
    headers: HeaderMap,
    form: FormFields,
) -> Result<Response, AppError> {
    citizen.check_csrf(&form.get("csrf"))?;
    if let Some(token) = cookie(&headers, PERSON_COOKIE) {
        state
            .storage
            .delete_person_session(&hash_token(&token))
            .await
            .on_page(lang)?;
    }
    let entry = NewAuditEntry::new("person.sign_out", "person", &citizen.person.id.0.to_string());
    state
        .storage
        .audit(&citizen.actor(), entry, Utc::now())
        .await
        .on_page(lang)?;
    let mut response = see_other(&format!("/{lang}/account/sign-in"));
    response
        .headers_mut()
        .append(header::SET_COOKIE, clear_cookie(&state, PERSON_COOKIE));
    Ok(response)
}
