//! The optional second factor of a citizen account
//! (`/{lang}/account/settings/second-factor`): a TOTP app set up with a QR
//! code (the secret travels in the form sealed and short-lived, and is
//! stored sealed with the data keys once a code from the app matches), ten
//! recovery codes shown once; turned off with a current code. Signing in
//! then asks for a code after the password or the one-time link
//! (`sign_in.rs`).

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use sportello_app::i18n::msg;
use sportello_app::limiter::LimitKey;
use sportello_auth::tokens::recovery_codes;
use sportello_auth::{TotpSecret, dummy_hash, hash_recovery_code, qr_svg, verify_password};

use super::{page, sign_in_key, too_many, with_wait};
use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::FormFields;
use crate::pages::office::{argon2, see_other};
use crate::person_session::Citizen;

/// How long a set-up form stays valid.
const ENROL_MINUTES: i64 = 15;
/// Recovery codes given with a second factor.
const RECOVERY_CODES: usize = 10;
const ISSUER: &str = "Sportello";

fn enrol_page(
    state: &AppState,
    citizen: &Citizen,
    secret: &TotpSecret,
    errors: BTreeMap<String, String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let lang = citizen.lang;
    let expires = Utc::now().timestamp() + ENROL_MINUTES * 60;
    let sealed = state.keys.seal(
        "person-totp-enrol",
        &format!("{}:{}", citizen.person.id.0, secret.to_base32()),
        expires,
    );
    let uri = secret.otpauth_uri(ISSUER, citizen.person.contact().as_str());
    let ctx = context! {
        csrf => citizen.csrf.clone(),
        enabled => false,
        has_password => citizen.person.has_password,
        qr => minijinja::Value::from_safe_string(qr_svg(&uri, &msg(lang, "second-factor-qr"))),
        secret => secret.to_base32(),
        sealed,
        errors,
    };
    page(
        state,
        lang,
        "account/second_factor_setup.html",
        "/account/settings/second-factor",
        "second-factor-setup-title",
        ctx,
        status,
    )
}

/// `GET /{lang}/account/settings/second-factor`.
pub async fn show(State(state): State<AppState>, citizen: Citizen) -> Result<Response, AppError> {
    let lang = citizen.lang;
    if !citizen.person.second_factor {
        return enrol_page(
            &state,
            &citizen,
            &TotpSecret::generate(),
            BTreeMap::new(),
            StatusCode::OK,
        );
    }
    let left = state
        .storage
        .unused_person_recovery_code_hashes(citizen.person.id)
        .await
        .on_page(lang)?
        .len();
    let ctx = context! { csrf => citizen.csrf.clone(), enabled => true, recovery_codes_left => left };
    page(
        &state,
        lang,
        "account/second_factor_setup.html",
        "/account/settings/second-factor",
        "second-factor-setup-title",
        ctx,
        StatusCode::OK,
    )
}

/// `POST /{lang}/account/settings/second-factor`: `enable` with the sealed
/// secret, a code from the app and the password (if the account has one),
/// or `disable` with a current code. Counted like a sign-in.
pub async fn submit(State(state): State<AppState>, citizen: Citizen, form: FormFields) -> Result<Response, AppError> {
    citizen.check_csrf(&form.get("csrf"))?;
    let lang = citizen.lang;
    let now = Utc::now();
    let id = citizen.person.id;
    let account_key = sign_in_key(&citizen.person.contact());
    let limit = [(state.limits.sign_in_per_account, LimitKey::Named(&account_key))];
    let refused = state.limit(&limit, now).await.on_page(lang)?;
    let code = form.get("code");
    let credentials = state
        .storage
        .person_credentials(id)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    if form.get("action") == "disable" {
        if refused.is_some() {
            return Err(AppError::bad_parameter("code", msg(lang, "second-factor-wrong")).page(lang));
        }
        let secret = credentials.totp_secret.as_deref().and_then(TotpSecret::from_base32);
        let fresh = match secret.and_then(|s| s.verify(&code, now.timestamp(), None)) {
            Some(step) => state.storage.use_person_totp_step(id, step).await.on_page(lang)?,
            None => false,
        };
        if !fresh {
            return Err(AppError::bad_parameter("code", msg(lang, "second-factor-wrong")).page(lang));
        }
        state
            .storage
            .set_person_totp(id, None, &[], &citizen.actor(), now)
            .await
            .on_page(lang)?;
        return Ok(see_other(&format!("/{lang}/account/settings")));
    }
    let opened = state
        .keys
        .open("person-totp-enrol", &form.get("sealed"), now.timestamp());
    let secret = opened
        .as_deref()
        .and_then(|p| p.split_once(':'))
        .filter(|(owner, _)| *owner == id.0.to_string())
        .and_then(|(_, s)| TotpSecret::from_base32(s));
    let Some(secret) = secret else {
        return Err(AppError::new(Problem::FormExpired).page(lang));
    };
    if let Some(limited) = refused {
        let page = enrol_page(
            &state,
            &citizen,
            &secret,
            too_many(lang, &limited),
            StatusCode::TOO_MANY_REQUESTS,
        )?;
        return Ok(with_wait(page, Some(&limited)));
    }
    let mut errors = BTreeMap::new();
    if let Some(hash) = credentials.password_hash.clone() {
        let typed = form.get("password");
        let hash = if hash.is_empty() {
            dummy_hash().to_string()
        } else {
            hash
        };
        if !argon2(&state, lang, move || verify_password(&hash, &typed)).await? {
            errors.insert("password".to_string(), msg(lang, "password-current-wrong"));
        }
    }
    let step = secret.verify(&code, now.timestamp(), None);
    if step.is_none() {
        errors.insert("code".to_string(), msg(lang, "second-factor-wrong"));
    }
    let step = match step {
        Some(step) if errors.is_empty() => step,
        _ => return enrol_page(&state, &citizen, &secret, errors, StatusCode::UNPROCESSABLE_ENTITY),
    };
    let codes = recovery_codes(RECOVERY_CODES);
    let plain = codes.clone();
    let hashes: Vec<String> = argon2(&state, lang, move || {
        plain.iter().map(|c| hash_recovery_code(c)).collect()
    })
    .await?;
    state
        .storage
        .set_person_totp(id, Some(&secret.to_base32()), &hashes, &citizen.actor(), now)
        .await
        .on_page(lang)?;
    state.storage.use_person_totp_step(id, step).await.on_page(lang)?;
    page(
        &state,
        lang,
        "account/recovery_codes.html",
        "/account/settings/second-factor",
        "recovery-codes-title",
        context! { codes },
        StatusCode::OK,
    )
}
