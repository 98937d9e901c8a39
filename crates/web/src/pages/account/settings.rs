//! The account's settings (`/{lang}/account/settings`): name and language;
//! a new e-mail address or mobile number, confirmed by a link to the new
//! address or a code to the new number before it replaces the old one (the
//! old address is told); the password, set, changed or removed (the current
//! one asked first, counted like a sign-in). Every change is audited by
//! the storage, naming the person by id.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_app::i18n::msg;
use sportello_app::limiter::LimitKey;
use sportello_app::people::{self, Request};
use sportello_auth::hash_password;
use sportello_domain::people::sign_up::{NAME_MAX, contact_problem};
use sportello_domain::{ChallengePurpose, Contact, FieldError, FieldProblem, Lang};

use super::sign_up::{password_problem, sent};
use super::{Errors, PasswordCheck, challenge_refusal, check_password, field_errors, page, too_many, with_wait};
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale};
use crate::pages::office::{argon2, see_other};
use crate::person_session::Citizen;

#[derive(Debug, Default, Deserialize)]
pub struct SettingsQuery {
    changed: Option<String>,
}

#[derive(Debug, Serialize)]
struct Choice {
    value: &'static str,
    label: &'static str,
    checked: bool,
}

fn settings_page(
    state: &AppState,
    citizen: &Citizen,
    changed: Option<&str>,
    errors: &Errors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let lang = citizen.lang;
    let person = &citizen.person;
    let languages: Vec<Choice> = Lang::ALL
        .iter()
        .map(|l| Choice {
            value: l.code(),
            label: l.native_name(),
            checked: *l == person.lang,
        })
        .collect();
    let changed = match changed {
        Some("profile") => Some(msg(lang, "person-changed-profile")),
        Some("contact") => Some(msg(lang, "person-changed-contact")),
        Some("password") => Some(msg(lang, "person-changed-password")),
        _ => None,
    };
    let ctx = context! {
        csrf => citizen.csrf.clone(),
        name => &person.name,
        email => person.email.as_ref().map(|e| e.as_str()),
        phone => person.phone.as_ref().map(|p| p.as_str()),
        has_password => person.has_password,
        second_factor => person.second_factor,
        reader_languages => minijinja::value::Serde(&languages),
        changed,
        form_error => errors.get("form"),
        errors => errors,
    };
    page(
        state,
        lang,
        "account/settings.html",
        "/account/settings",
        "person-settings-title",
        ctx,
        status,
    )
}

/// `GET /{lang}/account/settings`.
pub async fn show(
    State(state): State<AppState>,
    citizen: Citizen,
    Query(query): Query<SettingsQuery>,
) -> Result<Response, AppError> {
    settings_page(
        &state,
        &citizen,
        query.changed.as_deref(),
        &Errors::new(),
        StatusCode::OK,
    )
}

/// `POST /{lang}/account/settings/profile`: name and language.
pub async fn profile(
    State(state): State<AppState>,
    Locale(lang): Locale,
    citizen: Citizen,
    form: FormFields,
) -> Result<Response, AppError> {
    citizen.check_csrf(&form.get("csrf"))?;
    let name = form.get("name").trim().to_string();
    let mut errors = Vec::new();
    if name.is_empty() {
        errors.push(FieldError {
            field: "name".into(),
            problem: FieldProblem::Required,
        });
    } else if name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
        errors.push(FieldError {
            field: "name".into(),
            problem: FieldProblem::TooLong { max: NAME_MAX },
        });
    }
    let reader = Lang::parse(&form.get("lang"));
    if reader.is_none() {
        errors.push(FieldError {
            field: "lang".into(),
            problem: FieldProblem::Unknown,
        });
    }
    let Some(reader) = reader.filter(|_| errors.is_empty()) else {
        return settings_page(
            &state,
            &citizen,
            None,
            &field_errors(lang, &errors),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    state
        .storage
        .update_person(citizen.person.id, &name, reader, &citizen.actor(), Utc::now())
        .await
        .on_page(lang)?;
    Ok(see_other(&format!("/{reader}/account/settings?changed=profile")))
}

/// `POST /{lang}/account/settings/contact`: a new e-mail address or mobile
/// number, confirmed before it is used.
pub async fn contact(
    State(state): State<AppState>,
    Locale(lang): Locale,
    citizen: Citizen,
    form: FormFields,
) -> Result<Response, AppError> {
    citizen.check_csrf(&form.get("csrf"))?;
    let now = Utc::now();
    let net = [(state.limits.accounts_per_net, LimitKey::Net(&citizen.address))];
    if let Some(limited) = state.limit(&net, now).await.on_page(lang)? {
        let page = settings_page(
            &state,
            &citizen,
            None,
            &too_many(lang, &limited),
            StatusCode::TOO_MANY_REQUESTS,
        )?;
        return Ok(with_wait(page, Some(&limited)));
    }
    let contact = match Contact::parse(&form.get("contact")) {
        Ok(c) => c,
        Err(e) => {
            let error = FieldError {
                field: "contact".into(),
                problem: contact_problem(e),
            };
            return settings_page(
                &state,
                &citizen,
                None,
                &field_errors(lang, &[error]),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let same = match &contact {
        Contact::Email(e) => citizen.person.email.as_ref() == Some(e),
        Contact::Phone(p) => citizen.person.phone.as_ref() == Some(p),
    };
    if same {
        let errors = Errors::from([("contact".to_string(), msg(lang, "person-contact-same"))]);
        return settings_page(&state, &citizen, None, &errors, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let purpose = if contact.is_phone() {
        ChallengePurpose::ChangePhone
    } else {
        ChallengePurpose::ChangeEmail
    };
    let credentials = state
        .storage
        .person_credentials(citizen.person.id)
        .await
        .on_page(lang)?;
    let actor = citizen.actor();
    let request = Request {
        purpose,
        contact: &contact,
        account: credentials.as_ref(),
        pending: None,
        lang,
        actor: &actor,
    };
    match people::request(&state, request, now).await {
        Ok(answer) => sent(&state, lang, &contact, answer),
        Err(e) => {
            let (errors, status) = challenge_refusal(lang, e, "contact")?;
            settings_page(&state, &citizen, None, &errors, status)
        }
    }
}

/// `POST /{lang}/account/settings/password`: sets, changes or (with
/// `remove`) removes the password; the current one first, if there is one.
pub async fn password(
    State(state): State<AppState>,
    Locale(lang): Locale,
    citizen: Citizen,
    form: FormFields,
) -> Result<Response, AppError> {
    citizen.check_csrf(&form.get("csrf"))?;
    let now = Utc::now();
    let id = citizen.person.id;
    if citizen.person.has_password {
        match check_password(&state, &citizen, form.get("current"), now).await? {
            PasswordCheck::Right => {}
            PasswordCheck::Wrong => {
                let errors = Errors::from([("current".to_string(), msg(lang, "password-current-wrong"))]);
                return settings_page(&state, &citizen, None, &errors, StatusCode::UNPROCESSABLE_ENTITY);
            }
            PasswordCheck::Blocked(limited) => {
                let errors = too_many(lang, &limited);
                let page = settings_page(&state, &citizen, None, &errors, StatusCode::TOO_MANY_REQUESTS)?;
                return Ok(with_wait(page, Some(&limited)));
            }
        }
    }
    let new_hash = if form.checked("remove") {
        None
    } else {
        let new = form.get("new");
        if let Some(problem) = password_problem(lang, &new, citizen.person.contact().as_str()) {
            let errors = Errors::from([("new".to_string(), problem)]);
            return settings_page(&state, &citizen, None, &errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
        Some(argon2(&state, lang, move || hash_password(&new)).await?)
    };
    state
        .storage
        .set_person_password(id, new_hash.as_deref(), &citizen.session, &citizen.actor(), now)
        .await
        .on_page(lang)?;
    Ok(see_other(&format!("/{lang}/account/settings?changed=password")))
}
