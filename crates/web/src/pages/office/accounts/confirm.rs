//! The password asked again before a change that an open session alone must
//! not make: turning on a second factor and making an API token. It is
//! checked like a sign-in's: counted first under the account's sign-in limit
//! (the same counter, so neither door adds guesses to the other, and
//! parallel attempts cannot slip past it), then through the node's capped
//! Argon2 slots; a wrong one is written to the audit log.

use chrono::{DateTime, Utc};
use sportello_auth::verify_password;
use sportello_domain::NewAuditEntry;

use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::pages::office::argon2;
use crate::session::SignedIn;
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::limiter::{LimitKey, Limited};

/// What the password given again says.
#[derive(Debug)]
pub enum Confirmation {
    /// The user's password: go on.
    Right,
    /// Empty or wrong: the message for the password field.
    Wrong(String),
    /// Too many attempts on the account: refused before it was checked,
    /// with the message for the field.
    Blocked(Limited, String),
}

/// Checks `password` against the signed-in user's own, at `now`.
pub async fn confirm_password(
    state: &AppState,
    user: &SignedIn,
    password: String,
    now: DateTime<Utc>,
) -> Result<Confirmation, AppError> {
    let lang = user.lang;
    if password.is_empty() {
        return Ok(Confirmation::Wrong(msg(lang, "field-required")));
    }
    let limit = state.limits.sign_in_per_account;
    let account = LimitKey::Named(&user.user.email);
    if let Some(limited) = state.limit(&[(limit, account)], now).await.on_page(lang)? {
        let message = msg_args(lang, "sign-in-blocked", &args(&[("seconds", limited.seconds().into())]));
        return Ok(Confirmation::Blocked(limited, message));
    }
    let credentials = state
        .storage
        .credentials_by_id(user.user.id)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let hash = credentials.password_hash;
    if argon2(state, lang, move || verify_password(&hash, &password)).await? {
        state.forget_limit(&limit, account).await.on_page(lang)?;
        return Ok(Confirmation::Right);
    }
    let entry = NewAuditEntry::new("password_confirm_failed", "user", &user.user.id.0.to_string());
    state.storage.audit(&user.actor(), entry, now).await.on_page(lang)?;
    Ok(Confirmation::Wrong(msg(lang, "password-confirm-wrong")))
}
