//! The user's own account: the second factor (TOTP, set up with a QR code,
//! with ten one-time recovery codes shown once) and API tokens (shown once,
//! stored hashed, revocable).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use sportello_auth::tokens::{hash_token, random_token, recovery_codes};
use sportello_auth::{TotpSecret, qr_svg};
use sportello_domain::TokenLifetime;

use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{FormFields, Locale};
use crate::pages::office::{render, see_other};
use crate::session::{Office, SignedIn};
use sportello_app::i18n::{args, msg, msg_args};

/// How long a second-factor set-up form stays valid.
const ENROL_MINUTES: i64 = 15;
/// Recovery codes given with a second factor.
const RECOVERY_CODES: usize = 10;
const ISSUER: &str = "Sportello";

/// `GET /{lang}/office/account`.
pub async fn page(State(state): State<AppState>, Locale(_): Locale, user: Office) -> Result<Response, AppError> {
    account_page(&state, &user, None, None).await
}

async fn account_page(
    state: &AppState,
    user: &SignedIn,
    new_token: Option<String>,
    token_error: Option<String>,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let tokens = state.storage.api_tokens(user.user.id).await.on_page(lang)?;
    let codes = state.storage.unused_recovery_codes(user.user.id).await.on_page(lang)?;
    let title = msg(lang, "office-account-title");
    let ctx = context! {
        user => minijinja::value::Serde(&user.user),
        tokens => minijinja::value::Serde(&tokens),
        recovery_codes_left => codes,
        new_token,
        errors => token_error.map(|e| std::collections::BTreeMap::from([("token-name".to_string(), e)])),
    };
    render("office/account.html", lang, "/office/account", &title, Some(user), ctx)
}

/// `POST /{lang}/office/account/tokens`: creates (`name`) or revokes (`revoke`) an API token.
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
    let name = form.get("name").trim().to_string();
    let problem = if name.is_empty() {
        Some(msg(lang, "field-required"))
    } else if name.chars().count() > 100 {
        Some(msg_args(lang, "field-too-long", &args(&[("max", 100.into())])))
    } else {
        None
    };
    if problem.is_some() {
        let mut response = account_page(&state, &user, None, problem).await?;
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    }
    let token = format!("spt_{}", random_token());
    state
        .storage
        .insert_api_token(
            user.user.id,
            &name,
            &hash_token(&token),
            TokenLifetime::DEFAULT.expires_at(now),
            &user.actor(),
            now,
        )
        .await
        .on_page(lang)?;
    account_page(&state, &user, Some(token), None).await
}

fn enrol_page(
    state: &AppState,
    user: &SignedIn,
    secret: &TotpSecret,
    error: Option<String>,
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
        error,
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
        return enrol_page(&state, &user, &TotpSecret::generate(), None, StatusCode::OK);
    }
    let left = state.storage.unused_recovery_codes(user.user.id).await.on_page(lang)?;
    let title = msg(lang, "second-factor-setup-title");
    let ctx = context! {
        enabled => true,
        can_disable => !user.user.grants.iter().any(|g| g.role.requires_second_factor()),
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
/// secret and a code from the app, or `disable` with a current code.
pub async fn second_factor_submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: SignedIn,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let now = Utc::now();
    let code = form.get("code");
    if form.get("action") == "disable" {
        if user.user.grants.iter().any(|g| g.role.requires_second_factor()) {
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
    let Some(step) = secret.verify(&code, now.timestamp(), None) else {
        let error = msg(lang, "second-factor-wrong");
        return enrol_page(&state, &user, &secret, Some(error), StatusCode::UNPROCESSABLE_ENTITY);
    };
    let codes = recovery_codes(RECOVERY_CODES);
    let hashes: Vec<String> = codes.iter().map(|c| hash_token(c)).collect();
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
