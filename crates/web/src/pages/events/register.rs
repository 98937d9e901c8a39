//! An event's page — texts, sessions with their free seats, the
//! registration form — and the form's submission: a registration made
//! (answered "we have sent you a message" when one reaches the person, the
//! same whether they were registered already or not; otherwise the
//! registration's page), or the reason it was not, with nothing saved.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use minijinja::context;
use serde::Serialize;
use sportello_domain::vocab::SpokenLanguage;
use sportello_domain::{Actor, Centre, Event, Lang, SessionId};

use super::{EventView, closed_text, crumbs, event_view, load_event};
use crate::AppState;
use crate::error::AppError;
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::appointments::person::{TypedPerson, attempt_for, attempt_key};
use crate::pages::appointments::{Message, message_page, private};
use crate::pages::office::offers::form::{field_message, options};
use crate::pages::render_page;
use crate::session::{ClientAddress, FormGuard};
use sportello_app::events::{self, RegistrationError, RegistrationInput, links};
use sportello_app::i18n::msg;
use sportello_app::sms::SmsVerdict;
use sportello_app::view;

/// What the person typed, shown again with the errors.
#[derive(Debug, Default, Serialize)]
struct Typed {
    /// The registration's idempotency key (see [`attempt_key`]).
    attempt: String,
    session: String,
    #[serde(flatten)]
    person: TypedPerson,
}

impl Typed {
    fn from_form(form: &FormFields) -> Typed {
        let mut person = TypedPerson::from_form(form);
        // Registrations ask for no codice fiscale.
        person.codice_fiscale.clear();
        Typed {
            attempt: form.get("attempt"),
            session: form.get("session"),
            person,
        }
    }
}

/// What the event page shows, beside what the person typed.
struct Shown<'a> {
    event: &'a Event,
    centre: &'a Centre,
    view: EventView,
}

#[allow(clippy::too_many_arguments)]
fn event_page(
    state: &AppState,
    lang: Lang,
    guard: &FormGuard,
    shown: &Shown,
    typed: &Typed,
    errors: &[(String, String)],
    form_error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let errors: BTreeMap<String, String> = errors.iter().cloned().collect();
    let error_fields: Vec<(&str, String)> = [
        ("session", "event-register-session"),
        ("name", "booking-name"),
        ("email", "booking-email"),
        ("phone", "booking-phone"),
        ("interpreter", "booking-interpreter"),
        ("other_needs", "booking-other-needs"),
    ]
    .into_iter()
    .map(|(field, id)| (field, msg(lang, id)))
    .collect();
    let attempt = attempt_for(&typed.attempt);
    let path = format!("/events/{}", shown.event.id.0);
    let markup = sportello_app::markup::event::events(
        shown.event,
        shown.centre,
        lang,
        &state.public_url.join(&format!("/{lang}{path}")),
        &state
            .public_url
            .join(&format!("/{lang}/centres/{}", shown.centre.data.slug)),
        Utc::now(),
    );
    let ctx = context! {
        attempt,
        event_markup => sportello_app::markup::script_json(&markup),
        crumbs => minijinja::value::Serde(crumbs(lang)),
        event => minijinja::value::Serde(&shown.view),
        title_lang => shown.view.text_lang,
        contact => minijinja::value::Serde(view::centre(lang, shown.centre)),
        action => format!("/{lang}{path}"),
        form_csrf => guard.csrf.clone(),
        values => minijinja::value::Serde(typed),
        errors,
        error_fields,
        form_error,
        spoken_languages => minijinja::value::Serde(options::<SpokenLanguage>(lang)),
    };
    let page = render_page(
        "events/event.html",
        lang,
        &path,
        &shown.view.title,
        &state.public_url,
        ctx,
    )?;
    let mut response = page.into_response();
    *response.status_mut() = status;
    Ok(guard.attach(response))
}

/// `GET /{lang}/events/{id}`.
#[tracing::instrument(skip_all, fields(lang = %lang, id))]
pub async fn page(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    PathParams((_, id)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let (event, centre) = load_event(&state, lang, &id).await?;
    let shown = Shown {
        view: event_view(lang, &event, &centre, Utc::now()),
        event: &event,
        centre: &centre,
    };
    event_page(
        &state,
        lang,
        &guard,
        &shown,
        &Typed::default(),
        &[],
        None,
        StatusCode::OK,
    )
}

/// "We have sent you a message", naming only what the person typed.
fn sent_page(
    state: &AppState,
    lang: Lang,
    shown: &Shown,
    typed: &Typed,
    sms: SmsVerdict,
) -> Result<Response, AppError> {
    let (email, phone) = sportello_app::appointments::contacts_given(&typed.person.email, &typed.person.phone);
    let texted = sms == SmsVerdict::Queued && phone.is_some();
    let contacts = [email.as_deref(), phone.as_deref().filter(|_| texted)]
        .into_iter()
        .flatten()
        .collect::<Vec<&str>>()
        .join(", ");
    let no_text = phone.filter(|_| !texted && sms != SmsVerdict::NotWanted);
    let mut trail = crumbs(lang);
    trail.push(super::Crumb {
        href: shown.view.url.clone(),
        label: shown.view.title.clone(),
        lang: shown.view.text_lang,
    });
    let ctx = context! {
        crumbs => minijinja::value::Serde(trail),
        contacts,
        no_text,
        contact => minijinja::value::Serde(view::centre(lang, shown.centre)),
        demo_mailbox => state.demo_mailbox.then(|| format!("/{lang}/demo/mailbox")),
        registering => true,
    };
    let title = msg(lang, "event-sent-title");
    let path = format!("/events/{}", shown.event.id.0);
    let page = render_page("appointments/sent.html", lang, &path, &title, &state.public_url, ctx)?;
    Ok(private(page.into_response()))
}

/// `POST /{lang}/events/{id}`: registers for the session chosen (every open
/// session of a series).
#[tracing::instrument(skip_all, fields(lang = %lang, id))]
pub async fn submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    ClientAddress(address): ClientAddress,
    PathParams((_, id)): PathParams<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (event, centre) = load_event(&state, lang, &id).await?;
    let now = Utc::now();
    let shown = Shown {
        view: event_view(lang, &event, &centre, now),
        event: &event,
        centre: &centre,
    };
    let typed = Typed::from_form(&form);
    let show = |typed: &Typed, errors: &[(String, String)], error: Option<String>, status| {
        event_page(&state, lang, &guard, &shown, typed, errors, error, status)
    };
    if !guard.accepts(&form.get("csrf")) {
        return show(&typed, &[], Some(msg(lang, "form-expired-text")), StatusCode::FORBIDDEN);
    }
    let raw = typed.person.raw();
    let input = RegistrationInput {
        event: &event,
        centre: &centre,
        session: typed.session.trim().parse::<i64>().ok().map(SessionId),
        form: &raw,
        lang,
    };
    let key = attempt_key(&typed.attempt).map(|a| format!("page:{a}"));
    let actor = Actor::anonymous(&address);
    match events::register(&state, &input, key.as_deref(), &actor, now).await {
        Ok((registered, sms)) if events::answered_by_message(&registered, sms, &actor) => {
            sent_page(&state, lang, &shown, &typed, sms)
        }
        // No message reaches the person: the registration's page is the way to it.
        Ok((registered, _)) => {
            let Some(first) = registered.registrations().first() else {
                return Err(AppError::not_found().page(lang));
            };
            Ok(Redirect::to(&links::manage_path(&state, lang, &first.reference)).into_response())
        }
        Err(RegistrationError::Fields(errors)) => {
            let mut errors: Vec<(String, String)> = errors
                .iter()
                .map(|e| (e.field.clone(), field_message(lang, e)))
                .collect();
            errors.dedup_by(|a, b| a.0 == b.0);
            show(&typed, &errors, None, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(RegistrationError::NoSession) => {
            let errors = [("session".to_string(), msg(lang, "event-no-session"))];
            show(&typed, &errors, None, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(RegistrationError::Closed(closed)) => {
            let message = Message {
                title: msg(lang, "event-closed-title"),
                text: closed_text(lang, closed),
                links: vec![(shown.view.url.clone(), msg(lang, "event-back"))],
                ..Message::default()
            };
            let path = format!("/events/{}", event.id.0);
            message_page(&state, lang, &path, StatusCode::CONFLICT, crumbs(lang), message)
        }
        Err(RegistrationError::Limited(limited)) => {
            let text = Some(crate::error::too_many_text(lang, &limited));
            let page = show(&typed, &[], text, StatusCode::TOO_MANY_REQUESTS)?;
            Ok(crate::error::retry_after(page, &limited))
        }
        Err(RegistrationError::KeyReused) => {
            let typed = Typed {
                attempt: String::new(),
                ..typed
            };
            show(
                &typed,
                &[],
                Some(msg(lang, "booking-already-sent")),
                StatusCode::CONFLICT,
            )
        }
        Err(RegistrationError::Storage(e)) => Err(AppError::from(e).page(lang)),
        Err(RegistrationError::TooLate | RegistrationError::OfferLapsed) => Err(AppError::new(
            crate::error::Problem::Internal("a new registration was refused as too late".into()),
        )
        .page(lang)),
    }
}
