//! The newsletter's public pages, no account needed: the subscription form
//! (double opt-in: nothing is stored until the link in the mail is used),
//! the confirmation page, and unsubscribing. The form answers the same
//! whether or not the address is subscribed, so nobody can learn who is.
//! Confirming and unsubscribing show a page with a button first (link
//! scanners open links, they do not press buttons); the unsubscribe address
//! also takes the one-click POST of mail programs (RFC 8058), which carries
//! no CSRF token and no session: the signed address is the authority.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::time::today_in_rome;
use sportello_domain::{Centre, Email, Frequency, Lang, Section, Subscription};

use super::render_page;
use crate::AppState;
use crate::error::{AnswerAs, AppError, retry_after};
use crate::extract::{FormFields, Locale, PathParams};
use crate::session::{ClientAddress, FormGuard};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::limiter::LimitKey;
use sportello_app::newsletter::{self, mails};
use sportello_app::view::Sections;

#[derive(Debug, Default, Deserialize)]
pub struct FormQuery {
    email: Option<String>,
}

/// What the person typed, to show again with the errors.
#[derive(Debug, Default, Serialize)]
struct Typed {
    email: String,
    lang: String,
    frequency: String,
    centres: Vec<String>,
    sections: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Choice {
    value: String,
    label: String,
    checked: bool,
}

async fn form_page(
    state: &AppState,
    lang: Lang,
    guard: &FormGuard,
    typed: &Typed,
    errors: &BTreeMap<String, String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let centres = state.storage.centres().await.on_page(lang)?;
    let sections = state.sections().await.on_page(lang)?;
    // The plain form is public (it is in the sitemap); a form that shows an
    // address, from a mail's link or typed in, is not.
    let personal = !typed.email.is_empty();
    let centre_choices: Vec<Choice> = centres
        .iter()
        .map(|c| Choice {
            value: c.data.slug.clone(),
            label: c.data.name.clone(),
            checked: typed.centres.contains(&c.data.slug),
        })
        .collect();
    let section_choices: Vec<Choice> = Section::ALL
        .iter()
        .map(|s| Choice {
            value: s.code().into(),
            label: sections.get(lang, *s).title,
            checked: typed.sections.iter().any(|t| t == s.code()),
        })
        .collect();
    let languages: Vec<Choice> = Lang::ALL
        .iter()
        .map(|l| Choice {
            value: l.code().into(),
            label: l.native_name().into(),
            checked: typed.lang == l.code(),
        })
        .collect();
    let frequencies: Vec<Choice> = Frequency::ALL
        .iter()
        .map(|f| Choice {
            value: f.code().into(),
            label: msg(lang, mails::frequency_id(*f)),
            checked: typed.frequency == f.code(),
        })
        .collect();
    let form_error = errors.get("form").cloned();
    let field_errors: BTreeMap<String, String> = errors
        .iter()
        .filter(|(f, _)| *f != "form")
        .map(|(f, m)| (f.clone(), m.clone()))
        .collect();
    let title = msg(lang, "newsletter-title");
    let ctx = context! {
        form_error,
        form_csrf => guard.csrf.clone(),
        email => &typed.email,
        errors => field_errors,
        centres => minijinja::value::Serde(&centre_choices),
        sections => minijinja::value::Serde(&section_choices),
        reader_languages => minijinja::value::Serde(&languages),
        frequencies => minijinja::value::Serde(&frequencies),
    };
    let page = render_page("newsletter.html", lang, "/newsletter", &title, &state.public_url, ctx)?;
    let mut response = page.into_response();
    *response.status_mut() = status;
    let response = if personal {
        private(response)
    } else {
        not_stored(response)
    };
    Ok(guard.attach(response))
}

/// Never kept by a cache: the form carries the visitor's own CSRF token.
fn not_stored(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Answers that hold personal data or signed links: never cached or indexed.
fn private(response: Response) -> Response {
    let mut response = not_stored(response);
    response
        .headers_mut()
        .insert("x-robots-tag", HeaderValue::from_static("noindex, nofollow"));
    response
}

/// `GET /{lang}/newsletter`: every centre and section ticked, weekly, in the
/// page's language; `?email=` fills the address (the link in every mail).
pub async fn form(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    Query(query): Query<FormQuery>,
) -> Result<Response, AppError> {
    let centres = state.storage.centres().await.on_page(lang)?;
    let typed = Typed {
        email: query.email.unwrap_or_default(),
        lang: lang.code().into(),
        frequency: Frequency::Weekly.code().into(),
        centres: centres.iter().map(|c| c.data.slug.clone()).collect(),
        sections: Section::ALL.iter().map(|s| s.code().to_string()).collect(),
    };
    form_page(&state, lang, &guard, &typed, &BTreeMap::new(), StatusCode::OK).await
}

/// Checks the form: a subscription, or each field's error in `lang`.
fn check(lang: Lang, typed: &Typed, centres: &[Centre]) -> Result<Subscription, BTreeMap<String, String>> {
    let mut errors = BTreeMap::new();
    let mut fail = |field: &str, id: &str| {
        errors.entry(field.to_string()).or_insert_with(|| msg(lang, id));
    };
    let email = Email::parse(&typed.email)
        .map_err(|_| fail("email", "newsletter-email-invalid"))
        .ok();
    let reader = Lang::parse(&typed.lang);
    if reader.is_none() {
        fail("lang", "field-unknown");
    }
    let frequency = Frequency::parse(&typed.frequency);
    if frequency.is_none() {
        fail("frequency", "field-unknown");
    }
    let mut chosen = Vec::new();
    for slug in &typed.centres {
        match centres.iter().find(|c| &c.data.slug == slug) {
            Some(c) if !chosen.contains(&c.id) => chosen.push(c.id),
            Some(_) => {}
            None => fail("centres", "newsletter-centre-unknown"),
        }
    }
    if typed.centres.is_empty() {
        fail("centres", "newsletter-centre-required");
    }
    let mut sections = Vec::new();
    for code in &typed.sections {
        match Section::parse(code) {
            Some(s) if !sections.contains(&s) => sections.push(s),
            Some(_) => {}
            None => fail("sections", "newsletter-section-unknown"),
        }
    }
    if typed.sections.is_empty() {
        fail("sections", "newsletter-section-required");
    }
    match (email, reader, frequency) {
        (Some(email), Some(reader), Some(frequency)) if errors.is_empty() => {
            sections.sort_by_key(|s| Section::ALL.iter().position(|x| x == s));
            // Every centre ticked means every centre, those added later too.
            let all = centres.iter().all(|c| chosen.contains(&c.id));
            Ok(Subscription {
                email,
                lang: reader,
                frequency,
                centres: if all { Vec::new() } else { chosen },
                sections,
            })
        }
        _ => Err(errors),
    }
}

/// `POST /{lang}/newsletter`: checks the form and mails the confirmation
/// link; the answer is the same whether or not the address is subscribed.
pub async fn submit(
    State(state): State<AppState>,
    Locale(lang): Locale,
    guard: FormGuard,
    ClientAddress(address): ClientAddress,
    form: FormFields,
) -> Result<Response, AppError> {
    let typed = Typed {
        email: form.get("email"),
        lang: form.get("lang"),
        frequency: form.get("frequency"),
        centres: form.all("centres"),
        sections: form.all("sections"),
    };
    if !guard.accepts(&form.get("csrf")) {
        let errors = BTreeMap::from([("form".to_string(), msg(lang, "form-expired-text"))]);
        return form_page(&state, lang, &guard, &typed, &errors, StatusCode::FORBIDDEN).await;
    }
    let now = Utc::now();
    let net = [(state.limits.newsletter_per_net, LimitKey::Net(&address))];
    if let Some(limited) = state.limit(&net, now).await.on_page(lang)? {
        let seconds = limited.seconds();
        let errors = BTreeMap::from([(
            "form".to_string(),
            msg_args(lang, "newsletter-too-many", &args(&[("seconds", seconds.into())])),
        )]);
        let page = form_page(&state, lang, &guard, &typed, &errors, StatusCode::TOO_MANY_REQUESTS).await?;
        return Ok(retry_after(page, &limited));
    }
    let centres = state.storage.centres().await.on_page(lang)?;
    let subscription = match check(lang, &typed, &centres) {
        Ok(s) => s,
        Err(errors) => {
            return form_page(&state, lang, &guard, &typed, &errors, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    // An address that was sent several links lately gets no more for a
    // while; the answer does not say so (it would tell who asked).
    let recipient = [(
        state.limits.newsletter_mails_per_recipient,
        LimitKey::Recipient(subscription.email.as_str()),
    )];
    let quiet = state.limit(&recipient, now).await.on_page(lang)?.is_some();
    if !quiet {
        let existing = state
            .storage
            .subscriber_by_email(&subscription.email)
            .await
            .on_page(lang)?
            .filter(|s| s.active());
        let token = newsletter::confirm_token(&state.keys, &subscription, now);
        let url = newsletter::confirm_url(&state, subscription.lang, &token);
        let sections = state.sections().await.on_page(lang)?;
        let mail = mails::confirmation(&state, &subscription, existing.as_ref(), &url, &centres, &sections);
        state.storage.enqueue_mail(&mail, now).await.on_page(lang)?;
    }
    let body = vec![
        msg_args(
            lang,
            "newsletter-check-mailbox",
            &args(&[("email", subscription.email.as_str().into())]),
        ),
        msg(lang, "newsletter-check-mailbox-hint"),
    ];
    let page = message(&state, lang, "newsletter-sent-title", &body, None, StatusCode::OK)?;
    Ok(guard.attach(page))
}

/// A page of the newsletter with a title, paragraphs and perhaps a form
/// with one button (`(action, button label)`).
fn message(
    state: &AppState,
    lang: Lang,
    title_id: &str,
    paragraphs: &[String],
    button: Option<(String, String)>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let title = msg(lang, title_id);
    let ctx = context! {
        paragraphs => paragraphs.to_vec(),
        button => button.map(|(action, label)| context! { action, label }),
    };
    let page = render_page(
        "newsletter_message.html",
        lang,
        "/newsletter",
        &title,
        &state.public_url,
        ctx,
    )?;
    let mut response = page.into_response();
    *response.status_mut() = status;
    Ok(private(response))
}

/// The page of a link that cannot be used: tampered with or expired.
fn bad_link(state: &AppState, lang: Lang, text_id: &str) -> Result<Response, AppError> {
    let body = [msg(lang, text_id), msg(lang, "newsletter-bad-link-again")];
    message(
        state,
        lang,
        "newsletter-bad-link-title",
        &body,
        None,
        StatusCode::BAD_REQUEST,
    )
}

/// The subscription a confirmation link asks for, or the page that refuses
/// it: tampered with, expired, or issued before the address's latest
/// confirmation or unsubscription (an old link followed again).
async fn asked(
    state: &AppState,
    lang: Lang,
    token: &str,
    now: chrono::DateTime<Utc>,
) -> Result<Result<Subscription, Response>, AppError> {
    let Some(subscription) = newsletter::open_confirm_token(&state.keys, token, now) else {
        return Ok(Err(bad_link(state, lang, "newsletter-confirm-bad")?));
    };
    let existing = state
        .storage
        .subscriber_by_email(&subscription.email)
        .await
        .on_page(lang)?;
    let issued = newsletter::confirm_token_issued_at(token);
    if issued.is_none_or(|at| newsletter::superseded(existing.as_ref(), at)) {
        return Ok(Err(bad_link(state, lang, "newsletter-confirm-stale")?));
    }
    Ok(Ok(subscription))
}

/// `GET /{lang}/newsletter/confirm/{token}`: what will be stored, and a button.
pub async fn confirm_page(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, token)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let subscription = match asked(&state, lang, &token, Utc::now()).await? {
        Ok(subscription) => subscription,
        Err(refused) => return Ok(refused),
    };
    let centres = state.storage.centres().await.on_page(lang)?;
    let sections: Sections = state.sections().await.on_page(lang)?;
    let mut body = vec![msg_args(
        lang,
        "newsletter-confirm-for",
        &args(&[("email", subscription.email.as_str().into())]),
    )];
    body.extend(mails::choices(lang, &subscription, &centres, &sections));
    let button = (
        format!("/{lang}/newsletter/confirm/{token}"),
        msg(lang, "newsletter-confirm-action"),
    );
    message(
        &state,
        lang,
        "newsletter-confirm-title",
        &body,
        Some(button),
        StatusCode::OK,
    )
}

/// `POST /{lang}/newsletter/confirm/{token}`: stores the subscription (or
/// the new choices of a subscribed address).
pub async fn confirm(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, token)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let now = Utc::now();
    let subscription = match asked(&state, lang, &token, now).await? {
        Ok(subscription) => subscription,
        Err(refused) => return Ok(refused),
    };
    match state
        .storage
        .confirm_subscription(&subscription, today_in_rome(), now)
        .await
    {
        Ok(_) => {}
        // A centre chosen then has been removed since.
        Err(sportello_storage::StorageError::Conflict(_)) => {
            return bad_link(&state, lang, "newsletter-confirm-bad");
        }
        Err(e) => return Err(AppError::from(e).page(lang)),
    }
    let body = [msg_args(
        lang,
        "newsletter-confirmed-text",
        &args(&[("email", subscription.email.as_str().into())]),
    )];
    message(&state, lang, "newsletter-confirmed-title", &body, None, StatusCode::OK)
}

/// `GET /{lang}/newsletter/unsubscribe/{token}`: a button to unsubscribe.
pub async fn unsubscribe_page(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, token)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let Some(id) = newsletter::open_unsubscribe_token(&state.keys, &token) else {
        return bad_link(&state, lang, "newsletter-unsubscribe-bad");
    };
    let subscriber = state
        .storage
        .subscriber(id)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    if !subscriber.active() {
        let body = [msg(lang, "newsletter-unsubscribed-text")];
        return message(
            &state,
            lang,
            "newsletter-unsubscribed-title",
            &body,
            None,
            StatusCode::OK,
        );
    }
    let body = [msg_args(
        lang,
        "newsletter-unsubscribe-for",
        &args(&[("email", subscriber.subscription.email.as_str().into())]),
    )];
    let button = (
        format!("/{lang}/newsletter/unsubscribe/{token}"),
        msg(lang, "newsletter-unsubscribe-action"),
    );
    message(
        &state,
        lang,
        "newsletter-unsubscribe-title",
        &body,
        Some(button),
        StatusCode::OK,
    )
}

/// `POST /{lang}/newsletter/unsubscribe/{token}`: the page's button, or a
/// mail program's one-click `List-Unsubscribe=One-Click` (RFC 8058, as a
/// form or as multipart: the body is not needed).
pub async fn unsubscribe(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, token)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let Some(id) = newsletter::open_unsubscribe_token(&state.keys, &token) else {
        return bad_link(&state, lang, "newsletter-unsubscribe-bad");
    };
    if state.storage.subscriber(id).await.on_page(lang)?.is_none() {
        return Err(AppError::not_found().page(lang));
    }
    state.storage.unsubscribe(id, Utc::now()).await.on_page(lang)?;
    let body = [msg(lang, "newsletter-unsubscribed-text")];
    message(
        &state,
        lang,
        "newsletter-unsubscribed-title",
        &body,
        None,
        StatusCode::OK,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_centre_ticked_means_all_centres() {
        use sportello_testkit::builders::stored_centre;
        let centres = [stored_centre(1, "lecce", "LE"), stored_centre(2, "nardo", "NA")];
        let typed = |c: &[&str]| Typed {
            email: "anna@example.org".into(),
            lang: "en".into(),
            frequency: "daily".into(),
            centres: c.iter().map(|s| s.to_string()).collect(),
            sections: vec!["eures".into()],
        };
        assert!(
            check(Lang::En, &typed(&["lecce", "nardo"]), &centres)
                .unwrap()
                .centres
                .is_empty()
        );
        assert_eq!(
            check(Lang::En, &typed(&["nardo"]), &centres).unwrap().centres,
            [sportello_domain::CentreId(2)]
        );
        let errors = check(Lang::En, &typed(&["roma"]), &centres).unwrap_err();
        assert!(errors.contains_key("centres"));
        let errors = check(Lang::En, &typed(&[]), &centres).unwrap_err();
        assert!(errors.contains_key("centres"));
    }
}
