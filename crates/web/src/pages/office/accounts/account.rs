//! The user's own account: the second factor (TOTP, set up with a QR code,
//! with ten one-time recovery codes shown once) and API tokens (shown once,
//! stored hashed, each with its expiry, revocable). Turning the second
//! factor on and making a token ask for the password again
//! ([`super::confirm`]); every change of the password or of the second
//! factor revokes the user's tokens (storage does it in the same
//! transaction).

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, Utc};
use minijinja::context;
use sportello_auth::tokens::{hash_token, random_token, recovery_codes};
use sportello_auth::{TotpSecret, hash_recovery_code, qr_svg};
use sportello_domain::TokenLifetime;

use super::confirm::{Confirmation, confirm_password};
use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem, retry_after};
use crate::extract::{FormFields, Locale};
use crate::pages::office::{argon2, render, see_other};
use crate::session::{Office, SignedIn};
use sportello_app::i18n::{args, msg, msg_args};

/// How long a second-factor set-up form stays valid.
const ENROL_MINUTES: i64 = 15;
/// Recovery codes given with a second factor.
const RECOVERY_CODES: usize = 10;
const ISSUER: &str = "Sportello";
/// The longest name of a token, in characters.
const TOKEN_NAME_MAX: usize = 100;

/// The form that makes a token, as typed, with its errors by field id
/// (`token-name`, `token-days`, `token-password`).
struct TokenForm {
    name: String,
    days: String,
    errors: BTreeMap<&'static str, String>,
}

impl Default for TokenForm {
    fn default() -> TokenForm {
        TokenForm {
            name: String::new(),
            days: TokenLifetime::DEFAULT.days().to_string(),
            errors: BTreeMap::new(),
        }
    }
}

/// `GET /{lang}/office/account`.
pub async fn page(State(state): State<AppState>, Locale(_): Locale, user: Office) -> Result<Response, AppError> {
    account_page(&state, &user, None, &TokenForm::default(), StatusCode::OK).await
}

async fn account_page(
    state: &AppState,
    user: &SignedIn,
    new_token: Option<(String, DateTime<Utc>)>,
    form: &TokenForm,
    status: StatusCode,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let now = Utc::now();
    let tokens: Vec<minijinja::Value> = state
        .storage
        .api_tokens(user.user.id)
        .await
        .on_page(lang)?
        .into_iter()
        .map(|t| {
            context! {
                id => t.id,
                name => t.name,
                created => t.created_at.date_naive().to_string(),
                last_used => t.last_used_at.map(|d| d.date_naive().to_string()),
                expires => t.expires_at.date_naive().to_string(),
                revoked => t.revoked_at.is_some(),
                expired => t.expires_at <= now,
            }
        })
        .collect();
    let codes = state.storage.unused_recovery_codes(user.user.id).await.on_page(lang)?;
    let title = msg(lang, "office-account-title");
    let (new_token, new_token_expires) = match new_token {
        Some((token, expires)) => (Some(token), Some(expires.date_naive().to_string())),
        None => (None, None),
    };
    let ctx = context! {
        user => minijinja::value::Serde(&user.user),
        tokens,
        recovery_codes_left => codes,
        new_token,
        new_token_expires,
        token_name => form.name.clone(),
        token_days => form.days.clone(),
        min_days => TokenLifetime::MIN_DAYS,
        max_days => TokenLifetime::MAX_DAYS,
        errors => form.errors.clone(),
    };
    let mut response = render("office/account.html", lang, "/office/account", &title, Some(user), ctx)?;
    *response.status_mut() = status;
    Ok(response)
}

/// `POST /{lang}/office/account/tokens`: revokes one (`revoke`), or makes
/// one with a `name`, its lifetime in `days` (empty: the default) and the
/// user's `password` given again.
pub async fn tokens(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let now = Utc::now();
    if let Ok(id) = form.get("revoke").parse::<i64>() {
        state
            .storage
            .revoke_api_token(user.user.id, id, &user.actor(), now)
            .await
            .on_page(lang)?;
        return Ok(see_other(&format!("/{lang}/office/account")));
    }
    let mut entered = TokenForm {
        name: form.get("name").trim().to_string(),
        days: form.get("days").trim().to_string(),
        errors: BTreeMap::new(),
    };
    if entered.name.is_empty() {
        entered.errors.insert("token-name", msg(lang, "field-required"));
    } else if entered.name.chars().count() > TOKEN_NAME_MAX {
        let max = args(&[("max", (TOKEN_NAME_MAX as i64).into())]);
        entered
            .errors
            .insert("token-name", msg_args(lang, "field-too-long", &max));
    }
    let lifetime = if entered.days.is_empty() {
        Ok(TokenLifetime::DEFAULT)
    } else {
        TokenLifetime::parse(&entered.days)
    };
    if lifetime.is_err() {
        let range = args(&[
            ("min", i64::from(TokenLifetime::MIN_DAYS).into()),
            ("max", i64::from(TokenLifetime::MAX_DAYS).into()),
        ]);
        entered
            .errors
            .insert("token-days", msg_args(lang, "tokens-days-invalid", &range));
    }
    match confirm_password(&state, &user, form.get("password"), now).await? {
        Confirmation::Right => {}
        Confirmation::Wrong(message) => {
            entered.errors.insert("token-password", message);
        }
        Confirmation::Blocked(limited, message) => {
            entered.errors.insert("token-password", message);
            let page = account_page(&state, &user, None, &entered, StatusCode::TOO_MANY_REQUESTS).await?;
            return Ok(retry_after(page, &limited));
        }
    }
    let lifetime = match lifetime {
        Ok(lifetime) if entered.errors.is_empty() => lifetime,
        _ => return account_page(&state, &user, None, &entered, StatusCode::UNPROCESSABLE_ENTITY).await,
    };
    let token = format!("spt_{}", random_token());
    let expires_at = lifetime.expires_at(now);
    state
        .storage
        .insert_api_token(
            user.user.id,
            &entered.name,
            &hash_token(&token),
            expires_at,
            &user.actor(),
            now,
        )
        .await
        .on_page(lang)?;
    account_page(
        &state,
        &user,
        Some((token, expires_at)),
        &TokenForm::default(),
        StatusCode::OK,
    )
    .await
}

fn enrol_page(
    state: &AppState,
    user: &SignedIn,
    secret: &TotpSecret,
    errors: BTreeMap<&'static str, String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let expires = Utc::now().timestamp() + ENROL_MINUTES * 60;
    let sealed = state.keys.seal(
        "totp-enrol",
        &format!("{}:{}", user.user.id.0, secret.to_base32()),
        expires,
    );
    let uri = secret.otpauth_uri(ISSUER, &user.user.email);
    let title = msg(lang, "second-factor-setup-title");
    let ctx = context! {
        enabled => false,
        required => user.user.must_enrol_second_factor(),
        qr => minijinja::Value::from_safe_string(qr_svg(&uri, &msg(lang, "second-factor-qr"))),
        secret => secret.to_base32(),
        sealed,
        errors,
    };
    let mut response = render(
        "office/second_factor_setup.html",
        lang,
        "/office/account/second-factor",
        &title,
        Some(user),
        ctx,
    )?;
    *response.status_mut() = status;
    Ok(response)
}

/// `GET /{lang}/office/account/second-factor`: the set-up form, or the
/// state of the second factor when it is on.
pub async fn second_factor(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: SignedIn,
) -> Result<Response, AppError> {
    if user.user.must_change_password {
        return Ok(see_other(&format!("/{lang}/office/password")));
    }
    if !user.user.totp_enabled {
        return enrol_page(&state, &user, &TotpSecret::generate(), BTreeMap::new(), StatusCode::OK);
    }
    let left = state.storage.unused_recovery_codes(user.user.id).await.on_page(lang)?;
    let title = msg(lang, "second-factor-setup-title");
    let ctx = context! {
        enabled => true,
        can_disable => !user.user.requires_second_factor(),
        recovery_codes_left => left,
    };
    render(
        "office/second_factor_setup.html",
        lang,
        "/office/account/second-factor",
        &title,
        Some(&user),
        ctx,
    )
}

/// `POST /{lang}/office/account/second-factor`: `enable` with the sealed
/// secret, a code from the app and the user's `password` given again, or
/// `disable` with a current code (refused to whoever must keep one).
pub async fn second_factor_submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    if user.user.must_change_password {
        // A one-time password is replaced before anything else.
        return Ok(see_other(&format!("/{lang}/office/password")));
    }
    let now = Utc::now();
    let code = form.get("code");
    if form.get("action") == "disable" {
        if user.user.requires_second_factor() {
            return Err(user
                .deny(&state, "second_factor_off", "user", &user.user.id.0.to_string())
                .await);
        }
        let credentials = state
            .storage
            .credentials_by_id(user.user.id)
            .await
            .on_page(lang)?
            .ok_or_else(|| AppError::not_found().page(lang))?;
        let secret = credentials.totp_secret.as_deref().and_then(TotpSecret::from_base32);
        let step = secret.and_then(|s| s.verify(&code, now.timestamp(), None));
        let fresh = match step {
            Some(step) => state.storage.use_totp_step(user.user.id, step).await.on_page(lang)?,
            None => false,
        };
        if !fresh {
            return Err(AppError::bad_parameter("code", msg(lang, "second-factor-wrong")).page(lang));
        }
        state
            .storage
            .set_totp(user.user.id, None, &[], &user.actor(), now)
            .await
            .on_page(lang)?;
        return Ok(see_other(&format!("/{lang}/office/account")));
    }
    let opened = state.keys.open("totp-enrol", &form.get("sealed"), now.timestamp());
    let secret = opened
        .as_deref()
        .and_then(|p| p.split_once(':'))
        .filter(|(id, _)| *id == user.user.id.0.to_string())
        .and_then(|(_, s)| TotpSecret::from_base32(s));
    let Some(secret) = secret else {
        return Err(AppError::new(Problem::FormExpired).page(lang));
    };
    let mut errors = BTreeMap::new();
    let blocked = match confirm_password(&state, &user, form.get("password"), now).await? {
        Confirmation::Right => None,
        Confirmation::Wrong(message) => {
            errors.insert("password", message);
            None
        }
        Confirmation::Blocked(limited, message) => {
            errors.insert("password", message);
            Some(limited)
        }
    };
    let step = secret.verify(&code, now.timestamp(), None);
    if step.is_none() {
        errors.insert("code", msg(lang, "second-factor-wrong"));
    }
    if let Some(limited) = blocked {
        let page = enrol_page(&state, &user, &secret, errors, StatusCode::TOO_MANY_REQUESTS)?;
        return Ok(retry_after(page, &limited));
    }
    let step = match step {
        Some(step) if errors.is_empty() => step,
        _ => return enrol_page(&state, &user, &secret, errors, StatusCode::UNPROCESSABLE_ENTITY),
    };
    let codes = recovery_codes(RECOVERY_CODES);
    let plain = codes.clone();
    let hashes: Vec<String> = argon2(&state, lang, move || {
        plain.iter().map(|c| hash_recovery_code(c)).collect()
    })
    .await?;
    state
        .storage
        .set_totp(user.user.id, Some(&secret.to_base32()), &hashes, &user.actor(), now)
        .await
        .on_page(lang)?;
    state.storage.use_totp_step(user.user.id, step).await.on_page(lang)?;
    let title = msg(lang, "recovery-codes-title");
    render(
        "office/recovery_codes.html",
        lang,
        "/office/account/second-factor",
        &title,
        Some(&user),
        context! { codes },
    )
}
