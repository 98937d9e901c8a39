//! Signing up (`/{lang}/account/sign-up`): a name, an e-mail address or a
//! mobile number, the birth date (16 or older) and, if the person wants
//! one, a password (Argon2id, refused when common). Nothing is stored but
//! the challenge: the account is made when the link mailed is used or the
//! code texted is typed (`challenge.rs`). The answer is the same whether
//! or not the contact already has an account.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use sportello_app::i18n::msg;
use sportello_app::limiter::LimitKey;
use sportello_app::people::{self, Answer, Request};
use sportello_auth::{check_policy, hash_password};
use sportello_domain::time::today_in_rome;
use sportello_domain::{Actor, ChallengePurpose, Contact, Lang, RawSignUp};

use super::{Errors, challenge_refusal, field_errors, page, too_many, with_wait};
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale};
use crate::pages::office::{argon2, see_other};
use crate::session::{ClientAddress, FormGuard};

fn form_page(
    state: &AppState,
    lang: Lang,
    guard: &FormGuard,
    typed: &RawSignUp,
    errors: &Errors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let ctx = context! {
        form_csrf => guard.csrf.clone(),
        name => &typed.name,
        contact => &typed.contact,
        birth_date => &typed.birth_date,
        form_error => errors.get("form"),
        errors => errors,
    };
    let response = page(
        state,
        lang,
        "account/sign_up.html",
        "/account/sign-up",
        "person-sign-up-title",
        ctx,
        status,
    )?;
    Ok(guard.attach(response))
}

/// `GET /{lang}/account/sign-up`.
pub async fn form(State(state): State<AppState>, Locale(lang): Locale, guard: FormGuard) -> Result<Response, AppError> {
    form_page(
        &state,
        lang,
        &guard,
        &RawSignUp::default(),
        &Errors::new(),
        StatusCode::OK,
    )
}

/// The message of a password the policy refuses.
pub fn password_problem(lang: Lang, password: &str, contact: &str) -> Option<String> {
    let email = if contact.contains('@') { contact } else { "" };
    check_policy(password, email)
        .err()
        .map(|p| crate::pages::office::accounts::sign_in::password_message(lang, p))
}

/// `POST /{lang}/account/sign-up`.
pub async fn submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    ClientAddress(address): ClientAddress,
    form: Result<FormFields, AppError>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let net = [(state.limits.accounts_per_net, LimitKey::Net(&address))];
    let refused = state.limit(&net, now).await.on_page(lang)?;
    let form = form?;
    let typed = RawSignUp {
        name: form.get("name"),
        contact: form.get("contact"),
        birth_date: form.get("birth_date"),
        password: form.get("password"),
    };
    if let Some(limited) = refused {
        let page = form_page(
            &state,
            lang,
            &guard,
            &typed,
            &too_many(lang, &limited),
            StatusCode::TOO_MANY_REQUESTS,
        )?;
        return Ok(with_wait(page, Some(&limited)));
    }
    if !guard.accepts(&form.get("csrf")) {
        let errors = Errors::from([("form".to_string(), msg(lang, "form-expired-text"))]);
        return form_page(&state, lang, &guard, &typed, &errors, StatusCode::FORBIDDEN);
    }
    let mut errors = Errors::new();
    let checked = typed
        .parse(lang, today_in_rome())
        .map_err(|e| errors = field_errors(lang, &e))
        .ok();
    if !typed.password.is_empty()
        && !errors.contains_key("password")
        && let Some(problem) = password_problem(lang, &typed.password, &typed.contact)
    {
        errors.insert("password".into(), problem);
    }
    let Some(sign_up) = checked.filter(|_| errors.is_empty()) else {
        return form_page(&state, lang, &guard, &typed, &errors, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let password_hash = match sign_up.password.clone() {
        Some(p) => Some(argon2(&state, lang, move || hash_password(&p)).await?),
        None => None,
    };
    let pending = people::pending(&sign_up, password_hash);
    let actor = Actor::anonymous(&address);
    let request = Request {
        purpose: ChallengePurpose::SignUp,
        contact: &sign_up.contact,
        account: None,
        pending: Some(&pending),
        lang,
        actor: &actor,
    };
    match people::request(&state, request, now).await {
        Ok(answer) => sent(&state, lang, &sign_up.contact, answer),
        Err(e) => {
            let (errors, status) = challenge_refusal(lang, e, "contact")?;
            form_page(&state, lang, &guard, &typed, &errors, status)
        }
    }
}

/// The answer once a link or code was asked for: the mailbox page, or the
/// page where the code is typed.
pub fn sent(state: &AppState, lang: Lang, contact: &Contact, answer: Answer) -> Result<Response, AppError> {
    match answer {
        Answer::CodePage { token } => Ok(see_other(&format!("/{lang}/account/code/{token}"))),
        Answer::Mailbox => {
            let paragraphs = [
                sportello_app::i18n::msg_args(
                    lang,
                    "person-check-mailbox",
                    &sportello_app::i18n::args(&[("email", contact.as_str().to_string().into())]),
                ),
                msg(lang, "person-check-mailbox-hint"),
            ];
            super::message(state, lang, "person-sent-title", &paragraphs, None, StatusCode::OK)
        }
    }
}
