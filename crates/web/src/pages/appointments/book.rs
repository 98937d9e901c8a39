//! The details form of a booking (name, how to be reached, needs) and its
//! submission: a booking made, or the reason it was not, with nothing saved.
//! When a message with the booking's link reaches the person, the answer
//! says only that (see `appointments::answered_by_message`): the same page
//! whether the booking is new or one they already held.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::appointments::slots::{Slot, SlotProblem};
use sportello_domain::vocab::SpokenLanguage;
use sportello_domain::{Actor, Lang, Modality, Service};

use super::person::{TypedPerson, attempt_for, attempt_key};
use super::{
    AlternativeView, Crumb, Message, ServiceView, crumbs, load_centre, load_service, message_page, modality_view,
    private, query, rome_day, rules_html, service_view,
};
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::offers::form::{field_message, options};
use crate::pages::render_page;
use crate::session::{ClientAddress, FormGuard};
use sportello_app::appointments::{
    self, BookingError, BookingInput, CentreCalendar, manage_token, parse_start, slot_message, start_param,
};
use sportello_app::i18n::msg;
use sportello_app::sms::SmsVerdict;
use sportello_app::view;

#[derive(Debug, Default, Deserialize)]
pub struct SlotQuery {
    modality: Option<String>,
    start: Option<String>,
}

/// The service, way to meet and time a booking address names.
struct Chosen {
    calendar: CentreCalendar,
    service: Service,
    view: ServiceView,
    modality: Modality,
    start: DateTime<Utc>,
    /// The `?modality=…&start=…` of the form's address.
    query: String,
}

impl Chosen {
    fn day_choice(&self) -> String {
        format!(
            "{}?{}#slots",
            self.view.url,
            query(&[
                ("modality", self.modality.code()),
                ("day", &rome_day(self.start).to_string())
            ])
        )
    }

    fn path(&self) -> String {
        format!(
            "/appointments/{}/{}/book?{}",
            self.calendar.slug(),
            self.service.id.0,
            self.query
        )
    }

    fn trail(&self, lang: Lang) -> Vec<Crumb> {
        let mut trail = crumbs(lang, Some(&self.calendar));
        trail.push(Crumb {
            href: self.view.url.clone(),
            label: self.view.name.clone(),
            lang: self.view.text_lang,
        });
        trail
    }
}

/// Reads the address of the form; a refusal page when it cannot be booked.
async fn chosen(
    state: &AppState,
    lang: Lang,
    slug: &str,
    service: &str,
    q: &SlotQuery,
) -> Result<Result<Chosen, Response>, AppError> {
    let calendar = load_centre(state, lang, slug).await?;
    let service = load_service(state, lang, &calendar, service).await?;
    let view = service_view(lang, &calendar, &service);
    let modality = q.modality.as_deref().and_then(Modality::parse);
    let Some(modality) = modality.filter(|m| calendar.offers(&service, *m)) else {
        let message = unavailable(lang, &view);
        let path = format!("/appointments/{slug}/{}", service.id.0);
        return Ok(Err(message_page(
            state,
            lang,
            &path,
            StatusCode::UNPROCESSABLE_ENTITY,
            crumbs(lang, Some(&calendar)),
            message,
        )?));
    };
    let raw_start = q.start.as_deref().unwrap_or_default();
    let start = parse_start(raw_start).ok_or_else(|| AppError::bad_parameter("start", raw_start).page(lang))?;
    let query = query(&[("modality", modality.code()), ("start", raw_start.trim())]);
    Ok(Ok(Chosen {
        calendar,
        service,
        view,
        modality,
        start,
        query,
    }))
}

fn unavailable(lang: Lang, view: &ServiceView) -> Message {
    Message {
        title: msg(lang, "booking-unavailable-title"),
        text: msg(lang, "booking-unavailable-text"),
        links: vec![(view.url.clone(), msg(lang, "booking-choose-again"))],
        ..Message::default()
    }
}

/// The page saying why this time cannot be booked.
fn slot_refused(state: &AppState, lang: Lang, chosen: &Chosen, problem: &SlotProblem) -> Result<Response, AppError> {
    let message = Message {
        title: msg(lang, "slot-problem-title"),
        text: slot_message(lang, problem),
        links: vec![(chosen.day_choice(), msg(lang, "booking-choose-again"))],
        ..Message::default()
    };
    message_page(
        state,
        lang,
        &chosen.path(),
        StatusCode::UNPROCESSABLE_ENTITY,
        chosen.trail(lang),
        message,
    )
}

/// The page saying the last place was just taken, with the next free times.
pub fn taken_alternatives(lang: Lang, next: &[Slot], href: impl Fn(&str) -> String) -> Vec<AlternativeView> {
    next.iter()
        .map(|slot| {
            let start = start_param(slot);
            AlternativeView {
                label: view::when(lang, slot.start),
                href: href(&start),
                start,
            }
        })
        .collect()
}

/// What the person typed, shown again with the errors.
#[derive(Debug, Default, Serialize)]
struct Typed {
    /// The booking's idempotency key (see [`attempt_key`]).
    attempt: String,
    #[serde(flatten)]
    person: TypedPerson,
}

impl Typed {
    fn from_form(form: &FormFields) -> Typed {
        Typed {
            attempt: form.get("attempt"),
            person: TypedPerson::from_form(form),
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn form_page(
    state: &AppState,
    lang: Lang,
    guard: &FormGuard,
    chosen: &Chosen,
    typed: &Typed,
    errors: &[(String, String)],
    form_error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let errors: BTreeMap<String, String> = errors.iter().cloned().collect();
    let error_fields: Vec<(&str, String)> = [
        ("name", "booking-name"),
        ("email", "booking-email"),
        ("phone", "booking-phone"),
        ("codice_fiscale", "booking-codice-fiscale"),
        ("interpreter", "booking-interpreter"),
        ("other_needs", "booking-other-needs"),
    ]
    .into_iter()
    .map(|(field, id)| (field, msg(lang, id)))
    .collect();
    let title = msg(lang, "booking-form-title");
    let attempt = attempt_for(&typed.attempt);
    let ctx = context! {
        attempt,
        crumbs => minijinja::value::Serde(chosen.trail(lang)),
        service => minijinja::value::Serde(&chosen.view),
        modality => minijinja::value::Serde(modality_view(lang, chosen.modality)),
        when => view::when(lang, chosen.start),
        place => chosen.calendar.where_text(lang, chosen.modality, chosen.start),
        change_href => chosen.day_choice(),
        action => format!("/{lang}{}", chosen.path()),
        form_csrf => guard.csrf.clone(),
        values => minijinja::value::Serde(typed),
        errors,
        error_fields,
        form_error,
        spoken_languages => minijinja::value::Serde(options::<SpokenLanguage>(lang)),
        access_rules => rules_html(&chosen.calendar, lang),
    };
    let page = render_page(
        "appointments/form.html",
        lang,
        &chosen.path(),
        &title,
        &state.public_url,
        ctx,
    )?;
    let mut response = private(page.into_response());
    *response.status_mut() = status;
    Ok(guard.attach(response))
}

/// The page saying the chosen time was just taken, with the next free ones.
fn taken(state: &AppState, lang: Lang, chosen: &Chosen, next: &[Slot]) -> Result<Response, AppError> {
    let url = format!("{}/book", chosen.view.url);
    let modality = chosen.modality.code();
    let message = Message {
        title: msg(lang, "booking-taken-title"),
        text: msg(lang, "booking-taken-text"),
        alternatives: taken_alternatives(lang, next, |start| {
            format!("{url}?{}", query(&[("modality", modality), ("start", start)]))
        }),
        none_text: next.is_empty().then(|| msg(lang, "booking-taken-none")),
        links: vec![(chosen.day_choice(), msg(lang, "booking-choose-again"))],
        ..Message::default()
    };
    message_page(
        state,
        lang,
        &chosen.path(),
        StatusCode::CONFLICT,
        chosen.trail(lang),
        message,
    )
}

/// "We have sent you a message": the answer to a booking whose link went
/// to the person by e-mail or text. It names only what they typed, so it is
/// the same for a new booking and for one they already held.
fn sent_page(
    state: &AppState,
    lang: Lang,
    chosen: &Chosen,
    typed: &Typed,
    sms: SmsVerdict,
) -> Result<Response, AppError> {
    let (email, phone) = appointments::contacts_given(&typed.person.email, &typed.person.phone);
    let texted = sms == SmsVerdict::Queued && phone.is_some();
    let contacts = [email.as_deref(), phone.as_deref().filter(|_| texted)]
        .into_iter()
        .flatten()
        .collect::<Vec<&str>>()
        .join(", ");
    let no_text = phone.filter(|_| !texted && sms != SmsVerdict::NotWanted);
    let ctx = context! {
        crumbs => minijinja::value::Serde(chosen.trail(lang)),
        contacts,
        no_text,
        contact => minijinja::value::Serde(view::centre(lang, &chosen.calendar.centre)),
        demo_mailbox => state.demo_mailbox.then(|| format!("/{lang}/demo/mailbox")),
    };
    let title = msg(lang, "booking-sent-title");
    let page = render_page(
        "appointments/sent.html",
        lang,
        &chosen.path(),
        &title,
        &state.public_url,
        ctx,
    )?;
    Ok(private(page.into_response()))
}

/// `GET /{lang}/appointments/{centre}/{service}/book?modality=…&start=…`.
#[tracing::instrument(skip_all, fields(lang = %lang, slug, service))]
pub async fn form(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    PathParams((_, slug, service)): PathParams<(String, String, String)>,
    Query(q): Query<SlotQuery>,
) -> Result<Response, AppError> {
    let chosen = match chosen(&state, lang, &slug, &service, &q).await? {
        Ok(chosen) => chosen,
        Err(refusal) => return Ok(refusal),
    };
    let rules = chosen.service.data.rules();
    let now = Utc::now();
    if let Err(problem) = chosen
        .calendar
        .calendar_for(chosen.service.id)
        .check_slot(chosen.start, &rules, now)
    {
        return slot_refused(&state, lang, &chosen, &problem);
    }
    // A time taken since the day's list was shown: say so before the form.
    let day = sportello_domain::time::rome_date(chosen.start);
    let free = appointments::free_slots(&state, &chosen.calendar, &chosen.service, day, now)
        .await
        .on_page(lang)?;
    if !free.is_ok_and(|free| free.iter().any(|f| f.slot.start == chosen.start)) {
        let next = appointments::next_free(&state, &chosen.calendar, &chosen.service, chosen.start, now)
            .await
            .on_page(lang)?;
        return taken(&state, lang, &chosen, &next);
    }
    form_page(
        &state,
        lang,
        &guard,
        &chosen,
        &Typed::default(),
        &[],
        None,
        StatusCode::OK,
    )
}

/// `POST /{lang}/appointments/{centre}/{service}/book?modality=…&start=…`.
#[tracing::instrument(skip_all, fields(lang = %lang, slug, service))]
pub async fn submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    ClientAddress(address): ClientAddress,
    PathParams((_, slug, service)): PathParams<(String, String, String)>,
    Query(q): Query<SlotQuery>,
    form: FormFields,
) -> Result<Response, AppError> {
    let chosen = match chosen(&state, lang, &slug, &service, &q).await? {
        Ok(chosen) => chosen,
        Err(refusal) => return Ok(refusal),
    };
    let typed = Typed::from_form(&form);
    if !guard.accepts(&form.get("csrf")) {
        let expired = Some(msg(lang, "form-expired-text"));
        return form_page(
            &state,
            lang,
            &guard,
            &chosen,
            &typed,
            &[],
            expired,
            StatusCode::FORBIDDEN,
        );
    }
    let raw = typed.person.raw();
    let input = BookingInput {
        calendar: &chosen.calendar,
        service: &chosen.service,
        modality: chosen.modality,
        start: chosen.start,
        form: &raw,
        lang,
    };
    let now = Utc::now();
    let key = attempt_key(&typed.attempt).map(|a| format!("page:{a}"));
    let actor = Actor::anonymous(&address);
    match appointments::book(&state, &input, key.as_deref(), &actor, now).await {
        Ok((booked, sms)) if appointments::answered_by_message(&booked, sms, &actor) => {
            sent_page(&state, lang, &chosen, &typed, sms)
        }
        // No message reaches the person: the booking's page is the way to it.
        Ok((booked, sms)) => {
            let reference = &booked.booking().reference;
            let token = manage_token(&state, reference, booked.booking().start);
            // The page says what became of the text, if one was asked for
            // (a hint only: it shows no data); the token stays last.
            let to = match sms {
                SmsVerdict::NotWanted => {
                    format!("/{lang}/appointments/booking/{reference}?{}", query(&[("t", &token)]))
                }
                _ => format!(
                    "/{lang}/appointments/booking/{reference}?{}",
                    query(&[("sms", sms.code()), ("t", &token)])
                ),
            };
            Ok(Redirect::to(&to).into_response())
        }
        Err(BookingError::Fields(errors)) => {
            let mut errors: Vec<(String, String)> = errors
                .iter()
                .map(|e| (e.field.clone(), field_message(lang, e)))
                .collect();
            errors.dedup_by(|a, b| a.0 == b.0);
            form_page(
                &state,
                lang,
                &guard,
                &chosen,
                &typed,
                &errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(BookingError::Slot(problem)) => slot_refused(&state, lang, &chosen, &problem),
        Err(BookingError::Full(next)) => taken(&state, lang, &chosen, &next),
        Err(BookingError::Unavailable) => message_page(
            &state,
            lang,
            &chosen.path(),
            StatusCode::UNPROCESSABLE_ENTITY,
            chosen.trail(lang),
            unavailable(lang, &chosen.view),
        ),
        Err(BookingError::Storage(e)) => Err(AppError::from(e).page(lang)),
        // Nothing booked and nothing sent: the form again, saying when to
        // come back.
        Err(BookingError::Limited(limited)) => {
            let text = Some(crate::error::too_many_text(lang, &limited));
            let page = form_page(
                &state,
                lang,
                &guard,
                &chosen,
                &typed,
                &[],
                text,
                StatusCode::TOO_MANY_REQUESTS,
            )?;
            Ok(crate::error::retry_after(page, &limited))
        }
        // The same form sent again with other details after it booked:
        // show the form again, with a new attempt, saying so.
        Err(BookingError::KeyReused) => {
            let typed = Typed {
                attempt: String::new(),
                ..typed
            };
            let text = Some(msg(lang, "booking-already-sent"));
            form_page(&state, lang, &guard, &chosen, &typed, &[], text, StatusCode::CONFLICT)
        }
        Err(BookingError::TooLate) => Err(AppError::new(crate::error::Problem::Internal(
            "a new booking was refused as too late".into(),
        ))
        .page(lang)),
    }
}
