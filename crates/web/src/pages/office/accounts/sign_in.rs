//! Signing in and out: password (Argon2id), then the second factor (TOTP or
//! a one-time recovery code) when the account has one; the session id is
//! new after each step. Attempts go through the limiter (per account since
//! its last sign-in, and per network), counted in the database before the
//! password or code is checked, so that every node and every parallel
//! attempt counts.

use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use minijinja::context;
use serde::Deserialize;
use sportello_auth::tokens::{hash_token, normalize_recovery_code, random_token};
use sportello_auth::{TotpSecret, check_policy, dummy_hash, hash_password, verify_password, verify_recovery_code};
use sportello_domain::{Actor, Email, Lang, NewAuditEntry, User};
use sportello_storage::SessionStage;

use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem, retry_after};
use crate::extract::{FormFields, Locale};
use crate::pages::office::accounts::confirm::{Confirmation, confirm_password};
use crate::pages::office::{argon2, no_store, render, see_other};
use crate::session::{
    ClientAddress, FormGuard, PendingSignIn, SESSION_COOKIE, SignedIn, clear_cookie, cookie, safe_next, set_cookie,
};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::limiter::{LimitKey, Limited};

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

fn sign_in_page(
    lang: Lang,
    guard: &FormGuard,
    email: &str,
    next: &str,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let title = msg(lang, "sign-in-title");
    let ctx = context! { form_csrf => guard.csrf.clone(), email, next, error };
    let mut response = render("office/sign_in.html", lang, "/office/sign-in", &title, None, ctx)?;
    *response.status_mut() = status;
    Ok(guard.attach(response))
}

/// `GET /{lang}/office/sign-in`.
pub async fn form(
    Locale(lang): Locale,
    guard: FormGuard,
    Query(query): Query<NextQuery>,
) -> Result<Response, AppError> {
    let next = safe_next(lang, query.next.as_deref());
    sign_in_page(lang, &guard, "", &next, None, StatusCode::OK)
}

/// Starts a session for `user` at `stage`, ending the browser's previous
/// one: the id changes at each step of signing in.
async fn start_session(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    user: &User,
    stage: SessionStage,
    address: &str,
) -> Result<axum::http::HeaderValue, AppError> {
    if let Some(old) = cookie(headers, SESSION_COOKIE) {
        state.storage.delete_session(&hash_token(&old)).await?;
    }
    let token = random_token();
    state
        .storage
        .create_session(&hash_token(&token), user.id, stage, address, Utc::now())
        .await?;
    Ok(set_cookie(state, SESSION_COOKIE, &token))
}

fn blocked_message(lang: Lang, limited: &Limited) -> String {
    let seconds = limited.seconds();
    msg_args(lang, "sign-in-blocked", &args(&[("seconds", seconds.into())]))
}

/// `POST /{lang}/office/sign-in`.
pub async fn submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    ClientAddress(address): ClientAddress,
    headers: axum::http::HeaderMap,
    form: Result<FormFields, AppError>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    // Every request counts for its network, those refused for their size
    // or their e-mail address too.
    let net = [(state.limits.sign_in_per_net, LimitKey::Net(&address))];
    let net_refusal = state.limit(&net, now).await.on_page(lang)?;
    let form = form?;
    let email = form.get("email").trim().to_lowercase();
    let next = safe_next(lang, Some(&form.get("next")));
    if !guard.accepts(&form.get("csrf")) {
        return sign_in_page(
            lang,
            &guard,
            &email,
            &next,
            Some(msg(lang, "form-expired-text")),
            StatusCode::FORBIDDEN,
        );
    }
    // An address that cannot be one (at most 254 characters) names no
    // account: refused before it reaches a counter or the audit log.
    let Ok(valid) = Email::parse(&email) else {
        let error = msg(lang, "request-email-invalid");
        return sign_in_page(lang, &guard, "", &next, Some(error), StatusCode::UNPROCESSABLE_ENTITY);
    };
    let email = valid.as_str().to_string();
    // Every attempt counts for its account before the password is checked:
    // parallel attempts cannot slip between a check and its record.
    let account = LimitKey::Named(&email);
    let account_refusal = state
        .limit(&[(state.limits.sign_in_per_account, account)], now)
        .await
        .on_page(lang)?;
    let credentials = state.storage.credentials(&email).await.on_page(lang)?;
    // Audit rows name the account by its id, never by the address typed.
    let object = credentials
        .as_ref()
        .map(|c| c.user.id.0.to_string())
        .unwrap_or_default();
    if let Some(limited) = [net_refusal, account_refusal]
        .into_iter()
        .flatten()
        .max_by_key(|l| l.retry_after)
    {
        // One row per account (or unknown address) and window, however many tries.
        state.metrics.sign_in_failed("blocked");
        let entry = NewAuditEntry::new("sign_in_blocked", "user", &object);
        let since = now - state.limits.sign_in_per_account.window;
        state
            .storage
            .audit_reads(&Actor::anonymous(&address), &[entry], since, now)
            .await
            .on_page(lang)?;
        let error = blocked_message(lang, &limited);
        let page = sign_in_page(lang, &guard, &email, &next, Some(error), StatusCode::TOO_MANY_REQUESTS)?;
        return Ok(retry_after(page, &limited));
    }
    let password = form.get("password");
    let hash = credentials
        .as_ref()
        .map(|c| c.password_hash.clone())
        .unwrap_or_else(|| dummy_hash().to_string());
    let matches = argon2(&state, lang, move || verify_password(&hash, &password)).await?;
    let user = credentials.filter(|c| matches && c.user.active);
    let Some(credentials) = user else {
        state.metrics.sign_in_failed("password");
        let entry = NewAuditEntry::new("sign_in_failed", "user", &object);
        state
            .storage
            .audit(&Actor::anonymous(&address), entry, now)
            .await
            .on_page(lang)?;
        let error = msg(lang, "sign-in-wrong");
        return sign_in_page(lang, &guard, &email, &next, Some(error), StatusCode::UNAUTHORIZED);
    };
    let user = credentials.user;
    let second_factor = credentials.totp_secret.is_some();
    let stage = if second_factor {
        SessionStage::SecondFactor
    } else {
        SessionStage::Full
    };
    let cookie = start_session(&state, &headers, &user, stage, &address)
        .await
        .on_page(lang)?;
    let action = if second_factor { "sign_in_password" } else { "sign_in" };
    let actor = Actor::user(&user, &address);
    state
        .storage
        .audit(&actor, NewAuditEntry::new(action, "user", &object), now)
        .await
        .on_page(lang)?;
    let target = if second_factor {
        let query = serde_urlencoded::to_string([("next", next.as_str())]).unwrap_or_default();
        format!("/{lang}/office/sign-in/second-factor?{query}")
    } else {
        let limit = state.limits.sign_in_per_account;
        state.forget_limit(&limit, account).await.on_page(lang)?;
        next
    };
    let mut response = see_other(&target);
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

fn second_factor_page(
    lang: Lang,
    pending: &PendingSignIn,
    next: &str,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let title = msg(lang, "second-factor-title");
    let ctx = context! { form_csrf => pending.csrf.clone(), next, error };
    let mut response = render(
        "office/second_factor.html",
        lang,
        "/office/sign-in/second-factor",
        &title,
        None,
        ctx,
    )?;
    *response.status_mut() = status;
    Ok(response)
}

/// `GET /{lang}/office/sign-in/second-factor`.
pub async fn second_factor_form(
    Locale(lang): Locale,
    pending: PendingSignIn,
    Query(query): Query<NextQuery>,
) -> Result<Response, AppError> {
    let next = safe_next(lang, query.next.as_deref());
    second_factor_page(lang, &pending, &next, None, StatusCode::OK)
}

/// `POST /{lang}/office/sign-in/second-factor`: a TOTP code or a recovery code.
pub async fn second_factor_submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    pending: PendingSignIn,
    headers: axum::http::HeaderMap,
    form: FormFields,
) -> Result<Response, AppError> {
    let next = safe_next(lang, Some(&form.get("next")));
    if !sportello_auth::constant_time_eq(form.get("csrf").as_bytes(), pending.csrf.as_bytes()) {
        return Err(AppError::new(Problem::FormExpired).page(lang));
    }
    let now = Utc::now();
    let limit = state.limits.sign_in_per_account;
    let account = LimitKey::Named(&pending.user.email);
    if let Some(limited) = state.limit(&[(limit, account)], now).await.on_page(lang)? {
        state.metrics.sign_in_failed("blocked");
        let error = blocked_message(lang, &limited);
        let page = second_factor_page(lang, &pending, &next, Some(error), StatusCode::TOO_MANY_REQUESTS)?;
        return Ok(retry_after(page, &limited));
    }
    let credentials = state
        .storage
        .credentials_by_id(pending.user.id)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let code = form.get("code");
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let method = if digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
        let secret = credentials.totp_secret.as_deref().and_then(TotpSecret::from_base32);
        let step = secret.and_then(|s| s.verify(&digits, now.timestamp(), None));
        match step {
            Some(step) if state.storage.use_totp_step(pending.user.id, step).await.on_page(lang)? => Some("totp"),
            _ => None,
        }
    } else {
        // Recovery codes are stored as salted hashes: the typed code is
        // checked against each unused one.
        let typed = normalize_recovery_code(&code);
        let stored = state
            .storage
            .unused_recovery_code_hashes(pending.user.id)
            .await
            .on_page(lang)?;
        let matched = argon2(&state, lang, move || {
            stored.into_iter().find(|hash| verify_recovery_code(hash, &typed))
        })
        .await?;
        match matched {
            Some(hash) => state
                .storage
                .use_recovery_code(pending.user.id, &hash, now)
                .await
                .on_page(lang)?
                .then_some("recovery_code"),
            None => None,
        }
    };
    let actor = Actor::user(&pending.user, &pending.address);
    let Some(method) = method else {
        state.metrics.sign_in_failed("second_factor");
        let entry = NewAuditEntry::new("sign_in_failed", "user", &pending.user.id.0.to_string())
            .details(serde_json::json!({ "step": "second_factor" }).to_string());
        state.storage.audit(&actor, entry, now).await.on_page(lang)?;
        let error = msg(lang, "second-factor-wrong");
        return second_factor_page(lang, &pending, &next, Some(error), StatusCode::UNAUTHORIZED);
    };
    state.forget_limit(&limit, account).await.on_page(lang)?;
    let cookie = start_session(&state, &headers, &pending.user, SessionStage::Full, &pending.address)
        .await
        .on_page(lang)?;
    let entry = NewAuditEntry::new("sign_in", "user", &pending.user.id.0.to_string())
        .details(serde_json::json!({ "second_factor": method }).to_string());
    state.storage.audit(&actor, entry, now).await.on_page(lang)?;
    let mut response = see_other(&next);
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

/// `POST /{lang}/office/sign-out`.
pub async fn sign_out(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    state.storage.delete_session(&user.session).await.on_page(lang)?;
    let entry = NewAuditEntry::new("sign_out", "user", &user.user.id.0.to_string());
    state
        .storage
        .audit(&user.actor(), entry, Utc::now())
        .await
        .on_page(lang)?;
    let mut response = see_other(&format!("/{lang}/office/sign-in"));
    response
        .headers_mut()
        .append(header::SET_COOKIE, clear_cookie(&state, SESSION_COOKIE));
    Ok(response)
}

fn password_page(
    lang: Lang,
    user: &SignedIn,
    errors: Vec<(&str, String)>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let title = msg(lang, "password-title");
    let errors: std::collections::BTreeMap<&str, String> = errors.into_iter().collect();
    let ctx = context! {
        forced => user.user.must_change_password,
        errors,
        min => sportello_auth::password::MIN_LEN,
    };
    let mut response = render(
        "office/password.html",
        lang,
        "/office/password",
        &title,
        Some(user),
        ctx,
    )?;
    *response.status_mut() = status;
    Ok(response)
}

/// `GET /{lang}/office/password`.
pub async fn password_form(Locale(lang): Locale, user: SignedIn) -> Result<Response, AppError> {
    password_page(lang, &user, Vec::new(), StatusCode::OK)
}

/// `POST /{lang}/office/password`: the current password, then the new one twice.
pub async fn password_submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let new = form.get("new");
    // Checked like a sign-in (the account's limit, the capped Argon2 slots):
    // an open session must not become a way to guess the password.
    let mut errors = Vec::new();
    let mut blocked = None;
    match confirm_password(&state, &user, form.get("current"), Utc::now()).await? {
        Confirmation::Right => {}
        Confirmation::Wrong(_) => errors.push(("current", msg(lang, "password-current-wrong"))),
        Confirmation::Blocked(limited, message) => {
            errors.push(("current", message));
            blocked = Some(limited);
        }
    }
    if let Err(problem) = check_policy(&new, &user.user.email) {
        errors.push(("new", password_message(lang, problem)));
    } else if new != form.get("repeat") {
        errors.push(("repeat", msg(lang, "password-repeat-differs")));
    }
    if let Some(limited) = blocked {
        let page = password_page(lang, &user, errors, StatusCode::TOO_MANY_REQUESTS)?;
        return Ok(retry_after(page, &limited));
    }
    if !errors.is_empty() {
        return password_page(lang, &user, errors, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let hash = argon2(&state, lang, move || hash_password(&new)).await?;
    state
        .storage
        .set_password(
            user.user.id,
            &hash,
            false,
            Some(&user.session),
            &user.actor(),
            Utc::now(),
        )
        .await
        .on_page(lang)?;
    Ok(no_store(
        see_other(&format!("/{lang}/office/?changed=password")).into_response(),
    ))
}

/// What is wrong with a new password, in `lang` (operators' and citizens'
/// alike).
pub fn password_message(lang: Lang, problem: sportello_auth::PasswordProblem) -> String {
    let id = match problem {
        sportello_auth::PasswordProblem::TooShort => "password-too-short",
        sportello_auth::PasswordProblem::TooLong => "password-too-long",
        sportello_auth::PasswordProblem::Common => "password-common",
        sportello_auth::PasswordProblem::ContainsAccountName => "password-contains-name",
    };
    let max = sportello_auth::password::MAX_LEN as i64;
    let min = sportello_auth::password::MIN_LEN as i64;
    msg_args(lang, id, &args(&[("min", min.into()), ("max", max.into())]))
}
