//! The pages a one-time challenge leads to: the link mailed
//! (`/{lang}/account/link/{token}`: a page with a button, since mail
//! scanners open links but do not press buttons) and the page where a
//! texted code is typed (`/{lang}/account/code/{token}`). Both end the same
//! way ([`complete`]): a new account made and signed in, a person signed in
//! without a password, a new password set, or a new contact confirmed. A
//! code page of a challenge that can never succeed (the answer given for a
//! contact that is, or is not, known) behaves exactly like a real one whose
//! code is wrong.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use sportello_app::i18n::msg;
use sportello_app::limiter::LimitKey;
use sportello_app::people::{self, PendingAccount, messages};
use sportello_auth::hash_password;
use sportello_auth::tokens::hash_token;
use sportello_domain::people::{CODE_ATTEMPTS, normalize_code};
use sportello_domain::{Actor, ChallengePurpose, Lang, Notification, PersonAccount};
use sportello_storage::{Challenge, SessionStage, StorageError};

use super::sign_up::password_problem;
use super::{Errors, message, page, too_many, with_wait};
use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::{argon2, see_other};
use crate::person_session;
use crate::session::{ClientAddress, FormGuard};

/// The title of a challenge's page.
fn title_id(purpose: ChallengePurpose) -> &'static str {
    match purpose {
        ChallengePurpose::SignUp => "person-confirm-sign-up-title",
        ChallengePurpose::SignIn => "person-confirm-sign-in-title",
        ChallengePurpose::Reset => "person-confirm-reset-title",
        ChallengePurpose::ChangeEmail | ChallengePurpose::ChangePhone => "person-confirm-contact-title",
    }
}

/// The page of a link or code that cannot be used.
fn bad_link(state: &AppState, lang: Lang) -> Result<Response, AppError> {
    let paragraphs = [msg(lang, "person-bad-link"), msg(lang, "person-bad-link-again")];
    let link = Some((format!("/{lang}/account/sign-in"), msg(lang, "person-sign-in-title")));
    message(
        state,
        lang,
        "person-bad-link-title",
        &paragraphs,
        link,
        StatusCode::BAD_REQUEST,
    )
}

async fn find(state: &AppState, lang: Lang, token: &str) -> Result<(String, Option<Challenge>), AppError> {
    let hash = hash_token(token);
    let challenge = state.storage.challenge(&hash).await.on_page(lang)?;
    Ok((hash, challenge))
}

#[allow(clippy::too_many_arguments)]
fn challenge_page(
    state: &AppState,
    lang: Lang,
    guard: &FormGuard,
    purpose: ChallengePurpose,
    action: &str,
    with_code: bool,
    errors: &Errors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let ctx = context! {
        form_csrf => guard.csrf.clone(),
        action,
        with_code,
        new_password => purpose == ChallengePurpose::Reset,
        button => msg(lang, title_id(purpose)),
        form_error => errors.get("form"),
        errors => errors,
    };
    let response = page(
        state,
        lang,
        "account/challenge.html",
        "/account",
        title_id(purpose),
        ctx,
        status,
    )?;
    Ok(guard.attach(response))
}

/// The page of a link (`with_code` false) or of a typed code: the form,
/// or the page of a link that cannot be used. A code page of a challenge
/// that can never succeed shows the same form as a live one.
async fn shown(
    state: &AppState,
    lang: Lang,
    guard: &FormGuard,
    token: &str,
    with_code: bool,
) -> Result<Response, AppError> {
    let (_, challenge) = find(state, lang, token).await?;
    let now = Utc::now();
    let open = |c: &Challenge| match with_code {
        false => c.usable(now) && c.code_hash.is_none(),
        true => c.code_hash.is_some() && c.used_at.is_none() && c.expires_at > now,
    };
    match challenge.filter(open) {
        Some(c) => {
            let kind = if with_code { "code" } else { "link" };
            let action = format!("/{lang}/account/{kind}/{token}");
            challenge_page(
                state,
                lang,
                guard,
                c.purpose,
                &action,
                with_code,
                &Errors::new(),
                StatusCode::OK,
            )
        }
        None => bad_link(state, lang),
    }
}

/// `GET /{lang}/account/link/{token}`.
pub async fn link_page(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    PathParams((_, token)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    shown(&state, lang, &guard, &token, false).await
}

/// `GET /{lang}/account/code/{token}`.
pub async fn code_page(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    PathParams((_, token)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    shown(&state, lang, &guard, &token, true).await
}

/// What both posts share: the limiter, the form token, the challenge.
struct Posted {
    hash: String,
    challenge: Challenge,
    form: FormFields,
}

#[allow(clippy::too_many_arguments)]
async fn posted(
    state: &AppState,
    lang: Lang,
    guard: &FormGuard,
    address: &str,
    token: &str,
    form: Result<FormFields, AppError>,
    action: &str,
    with_code: bool,
) -> Result<Result<Posted, Response>, AppError> {
    let now = Utc::now();
    let net = [(state.limits.accounts_per_net, LimitKey::Net(address))];
    let refused = state.limit(&net, now).await.on_page(lang)?;
    let form = form?;
    if !guard.accepts(&form.get("csrf")) {
        return Err(AppError::new(Problem::FormExpired).page(lang));
    }
    let (hash, challenge) = find(state, lang, token).await?;
    let Some(challenge) = challenge.filter(|c| c.used_at.is_none() && c.expires_at > now) else {
        return Ok(Err(bad_link(state, lang)?));
    };
    let purpose = challenge.purpose;
    if let Some(limited) = refused {
        let page = challenge_page(
            state,
            lang,
            guard,
            purpose,
            action,
            with_code,
            &too_many(lang, &limited),
            StatusCode::TOO_MANY_REQUESTS,
        )?;
        return Ok(Err(with_wait(page, Some(&limited))));
    }
    Ok(Ok(Posted { hash, challenge, form }))
}

/// `POST /{lang}/account/link/{token}`.
#[allow(clippy::too_many_arguments)]
pub async fn link_submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    PathParams((_, token)): PathParams<(String, String)>,
    form: Result<FormFields, AppError>,
) -> Result<Response, AppError> {
    let action = format!("/{lang}/account/link/{token}");
    let posted = match posted(&state, lang, &guard, &address, &token, form, &action, false).await? {
        Ok(p) => p,
        Err(response) => return Ok(response),
    };
    if !posted.challenge.usable(Utc::now()) || posted.challenge.code_hash.is_some() {
        return bad_link(&state, lang);
    }
    complete(&state, lang, &guard, &headers, &address, &posted, &action, false).await
}

/// `POST /{lang}/account/code/{token}`: the code, and for a new password
/// the password too.
#[allow(clippy::too_many_arguments)]
pub async fn code_submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    PathParams((_, token)): PathParams<(String, String)>,
    form: Result<FormFields, AppError>,
) -> Result<Response, AppError> {
    let action = format!("/{lang}/account/code/{token}");
    let posted = match posted(&state, lang, &guard, &address, &token, form, &action, true).await? {
        Ok(p) => p,
        Err(response) => return Ok(response),
    };
    let challenge = &posted.challenge;
    let typed = normalize_code(&posted.form.get("code"));
    let right = typed.is_some_and(|code| {
        challenge.attempts < CODE_ATTEMPTS
            && challenge.live
            && people::code_matches(&state, &posted.hash, challenge.code_hash.as_deref(), &code)
    });
    if !right {
        let attempts = state.storage.count_wrong_code(&posted.hash).await.on_page(lang)?;
        let id = if attempts >= CODE_ATTEMPTS {
            "person-code-no-more"
        } else {
            "person-code-wrong"
        };
        let errors = Errors::from([("code".to_string(), msg(lang, id))]);
        return challenge_page(
            &state,
            lang,
            &guard,
            challenge.purpose,
            &action,
            true,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    complete(&state, lang, &guard, &headers, &address, &posted, &action, true).await
}

/// Signs `person` in from this browser (the second factor next, when on)
/// and goes to `target`.
async fn sign_in_and_go(
    state: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    address: &str,
    person: &PersonAccount,
    target: &str,
) -> Result<Response, AppError> {
    let stage = if person.second_factor {
        SessionStage::SecondFactor
    } else {
        SessionStage::Full
    };
    let cookie = person_session::start(state, headers, person, stage, address)
        .await
        .on_page(lang)?;
    let target = if person.second_factor {
        format!("/{lang}/account/sign-in/second-factor")
    } else {
        target.to_string()
    };
    let mut response = see_other(&target);
    response.headers_mut().append(header::SET_COOKIE, cookie);
    Ok(response)
}

/// Does what the challenge is for, once its link or code was right.
#[allow(clippy::too_many_arguments)]
async fn complete(
    state: &AppState,
    lang: Lang,
    guard: &FormGuard,
    headers: &HeaderMap,
    address: &str,
    posted: &Posted,
    action: &str,
    with_code: bool,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let challenge = &posted.challenge;
    let actor = match challenge.person {
        Some(id) => Actor::person(id, address),
        None => Actor::anonymous(address),
    };
    let result = match challenge.purpose {
        ChallengePurpose::SignUp => {
            let person = PendingAccount::from_json(&challenge.details)
                .and_then(|p| p.into_person(&challenge.contact))
                .on_page(lang)?;
            state
                .storage
                .complete_sign_up(&posted.hash, &person, address, now)
                .await
        }
        ChallengePurpose::SignIn => state.storage.use_challenge(&posted.hash, None, &actor, now).await,
        ChallengePurpose::Reset => {
            let password = posted.form.get("password");
            if let Some(problem) = password_problem(lang, &password, &challenge.contact) {
                let errors = Errors::from([("password".to_string(), problem)]);
                return challenge_page(
                    state,
                    lang,
                    guard,
                    challenge.purpose,
                    action,
                    with_code,
                    &errors,
                    StatusCode::UNPROCESSABLE_ENTITY,
                );
            }
            let hash = argon2(state, lang, move || hash_password(&password)).await?;
            state
                .storage
                .use_challenge(&posted.hash, Some(&hash), &actor, now)
                .await
        }
        ChallengePurpose::ChangeEmail | ChallengePurpose::ChangePhone => {
            let Some(id) = challenge.person else {
                return bad_link(state, lang);
            };
            let before = state.storage.person(id).await.on_page(lang)?;
            let notice = Notification::mail(before.as_ref().and_then(|p| messages::contact_changed(state, p)));
            state.storage.confirm_contact(&posted.hash, &notice, &actor, now).await
        }
    };
    match result {
        Ok(person) => {
            let target = match challenge.purpose {
                ChallengePurpose::SignUp => format!("/{lang}/account?welcome=1"),
                ChallengePurpose::ChangeEmail | ChallengePurpose::ChangePhone => {
                    format!("/{lang}/account/settings?changed=contact")
                }
                _ => format!("/{lang}/account"),
            };
            sign_in_and_go(state, lang, headers, address, &person, &target).await
        }
        // The contact was taken meanwhile by another account.
        Err(StorageError::Conflict(_)) => {
            let paragraphs = [msg(lang, "person-contact-taken")];
            let link = Some((format!("/{lang}/account/sign-in"), msg(lang, "person-sign-in-title")));
            message(
                state,
                lang,
                "person-bad-link-title",
                &paragraphs,
                link,
                StatusCode::CONFLICT,
            )
        }
        Err(StorageError::Stale) => bad_link(state, lang),
        Err(e) => Err(AppError::from(e).page(lang)),
    }
}
