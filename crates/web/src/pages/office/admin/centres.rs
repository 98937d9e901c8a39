//! Administration of the centres (name, address, contacts, reference-code
//! prefix, opening hours, closures) and of the board sections' texts.
//! Administrators only; every change is in the audit log.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use sportello_domain::centres::form::PERIODS;
use sportello_domain::{FieldError, Lang, RawCentre, RawClosure, RawPeriod, Section};
use sportello_storage::SectionText;

use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::offers::form::field_message;
use crate::pages::office::{render, see_other};
use crate::session::{Office, SignedIn};
use sportello_app::i18n::msg;
use sportello_app::view;

/// Empty closure rows offered for new closures.
const NEW_CLOSURES: usize = 3;

/// `GET /{lang}/office/admin/centres`.
pub async fn list(State(state): State<AppState>, Locale(lang): Locale, user: Office) -> Result<Response, AppError> {
    user.admin_only(&state, "centre.list").await?;
    let centres: Vec<_> = user
        .centres
        .iter()
        .map(|c| context! { slug => c.data.slug.clone(), name => c.data.name.clone(), prefix => c.data.prefix.clone(), area => c.data.area.name.clone() })
        .collect();
    let title = msg(lang, "office-centres-title");
    render(
        "office/centres.html",
        lang,
        "/office/admin/centres",
        &title,
        Some(&user),
        context! { centres },
    )
}

fn raw_from_form(form: &FormFields) -> RawCentre {
    let closures = form
        .all("closure_first")
        .into_iter()
        .zip(form.all("closure_last"))
        .zip(form.all("closure_reason"))
        .map(|((first_day, last_day), reason)| RawClosure {
            first_day,
            last_day,
            reason,
        })
        .collect();
    RawCentre {
        slug: form.get("slug"),
        prefix: form.get("prefix"),
        name: form.get("name"),
        town: form.get("town"),
        address: form.get("address"),
        postcode: form.get("postcode"),
        province: form.get("province"),
        region: form.get("region"),
        phone: form.get("phone"),
        email: form.get("email"),
        area_slug: form.get("area_slug"),
        area_name: form.get("area_name"),
        hours: (0..7)
            .map(|d| {
                (0..PERIODS)
                    .map(|p| RawPeriod {
                        opens: form.get(&format!("hours.{d}.{p}.opens")),
                        closes: form.get(&format!("hours.{d}.{p}.closes")),
                        by_appointment: form.checked(&format!("hours.{d}.{p}.by_appointment")),
                    })
                    .collect()
            })
            .collect(),
        closures,
    }
}

fn form_page(
    user: &SignedIn,
    action: &str,
    mut raw: RawCentre,
    errors: &[FieldError],
    status: StatusCode,
) -> Result<Response, AppError> {
    let lang = user.lang;
    raw.hours.resize(7, Vec::new());
    for day in &mut raw.hours {
        day.resize(PERIODS.max(day.len()), RawPeriod::default());
    }
    raw.closures
        .extend(std::iter::repeat_with(RawClosure::default).take(NEW_CLOSURES));
    let errors: std::collections::BTreeMap<String, String> = errors
        .iter()
        .map(|e| (e.field.clone(), field_message(lang, e)))
        .collect();
    let weekdays: Vec<String> = (1..=7).map(|d| msg(lang, view::weekday_id(d))).collect();
    let title = msg(
        lang,
        if raw.slug.is_empty() {
            "centre-new-title"
        } else {
            "centre-edit-title"
        },
    );
    let ctx = context! {
        values => minijinja::value::Serde(&raw),
        errors,
        action,
        weekdays,
    };
    let path = action.trim_start_matches(&format!("/{lang}")).to_string();
    let mut response = render("office/centre_form.html", lang, &path, &title, Some(user), ctx)?;
    *response.status_mut() = status;
    Ok(response)
}

/// `GET /{lang}/office/admin/centres/new`.
pub async fn new_form(State(state): State<AppState>, Locale(lang): Locale, user: Office) -> Result<Response, AppError> {
    user.admin_only(&state, "centre.create").await?;
    let action = format!("/{lang}/office/admin/centres/new");
    form_page(&user, &action, RawCentre::default(), &[], StatusCode::OK)
}

/// `POST /{lang}/office/admin/centres/new`.
pub async fn create(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    user.admin_only(&state, "centre.create").await?;
    let raw = raw_from_form(&form);
    let action = format!("/{lang}/office/admin/centres/new");
    let centre = match raw.validate(&user.centres, None) {
        Ok(c) => c,
        Err(errors) => return form_page(&user, &action, raw, &errors, StatusCode::UNPROCESSABLE_ENTITY),
    };
    state
        .storage
        .save_centre(None, &centre, &user.actor(), Utc::now())
        .await
        .on_page(lang)?;
    Ok(see_other(&format!("/{lang}/office/admin/centres")))
}

/// `GET /{lang}/office/admin/centres/{slug}`.
pub async fn edit_form(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, slug)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    user.admin_only(&state, "centre.update").await?;
    let centre = user
        .centres
        .iter()
        .find(|c| c.data.slug == slug)
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let action = format!("/{lang}/office/admin/centres/{slug}");
    form_page(
        &user,
        &action,
        RawCentre::from_centre(&centre.data),
        &[],
        StatusCode::OK,
    )
}

/// `POST /{lang}/office/admin/centres/{slug}`.
pub async fn update(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, slug)): PathParams<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    user.admin_only(&state, "centre.update").await?;
    let existing = user
        .centres
        .iter()
        .find(|c| c.data.slug == slug)
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let raw = raw_from_form(&form);
    let action = format!("/{lang}/office/admin/centres/{slug}");
    let centre = match raw.validate(&user.centres, Some(existing.id)) {
        Ok(c) => c,
        Err(errors) => return form_page(&user, &action, raw, &errors, StatusCode::UNPROCESSABLE_ENTITY),
    };
    state
        .storage
        .save_centre(Some(existing.id), &centre, &user.actor(), Utc::now())
        .await
        .on_page(lang)?;
    Ok(see_other(&format!("/{lang}/office/admin/centres")))
}

/// `GET /{lang}/office/admin/sections`: each section's texts in the four languages.
pub async fn sections(State(state): State<AppState>, Locale(lang): Locale, user: Office) -> Result<Response, AppError> {
    user.admin_only(&state, "section_text.list").await?;
    let custom = state.storage.section_texts().await.on_page(lang)?;
    let defaults = view::Sections::default();
    let rows: Vec<_> = Section::ALL
        .iter()
        .map(|s| {
            let languages: Vec<_> = Lang::ALL
                .iter()
                .map(|l| {
                    let mine = custom.iter().find(|t| t.section == *s && t.lang == *l);
                    let built_in = defaults.get(*l, *s);
                    context! {
                        code => l.code(),
                        name => l.native_name(),
                        title => mine.map(|t| t.title.clone()).unwrap_or_default(),
                        who => mine.map(|t| t.who.clone()).unwrap_or_default(),
                        default_title => built_in.title,
                        default_who => built_in.who,
                    }
                })
                .collect();
            context! { code => s.code(), title => msg(lang, view::section_title_id(*s)), languages }
        })
        .collect();
    let title = msg(lang, "office-sections-title");
    render(
        "office/sections.html",
        lang,
        "/office/admin/sections",
        &title,
        Some(&user),
        context! { rows },
    )
}

/// `POST /{lang}/office/admin/sections`: one section's text in one language;
/// empty fields bring back the built-in text.
pub async fn set_section(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    user.admin_only(&state, "section_text.update").await?;
    let section = Section::parse(&form.get("section"))
        .ok_or_else(|| AppError::bad_parameter("section", form.get("section")).page(lang))?;
    let text_lang = Lang::parse(&form.get("text_lang"))
        .ok_or_else(|| AppError::bad_parameter("text_lang", form.get("text_lang")).page(lang))?;
    let title = form.get("title").trim().to_string();
    let who = form.get("who").trim().to_string();
    if title.is_empty() != who.is_empty() {
        return Err(AppError::bad_parameter(if title.is_empty() { "title" } else { "who" }, "").page(lang));
    }
    if title.chars().count() > 200 || who.chars().count() > 1000 {
        return Err(AppError::bad_parameter("title", title).page(lang));
    }
    let text = SectionText {
        section,
        lang: text_lang,
        title,
        who,
    };
    state
        .storage
        .set_section_text(&text, &user.actor(), Utc::now())
        .await
        .on_page(lang)?;
    Ok(see_other(&format!(
        "/{lang}/office/admin/sections#section-{}",
        section.code()
    )))
}
