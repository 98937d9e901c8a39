//! The back office's print page, `GET /{lang}/office/print`: a form (plain
//! GET, no script) to choose a centre the user works for, a section or all
//! of them, the languages (Italian always first) and large print; submitted,
//! the same address answers with the centre's board as a PDF to download,
//! `board-<centre>-<section>.pdf`. The board shows only open, public offers,
//! so any section of a centre the user may read offers of can be printed.
//!
//! Bad input answers a page in the reader's language: 404 for a centre that
//! does not exist, 400 naming an unknown section, language or `large` value,
//! 403 (logged) for a centre the user has no grant on.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use minijinja::context;
use serde::Serialize;
use sportello_domain::time::today_in_rome;
use sportello_domain::{Centre, Lang, Section};

use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::Locale;
use crate::pages::offers::poster::{PrintQuery, print_failed};
use crate::pages::office::{no_store, render};
use crate::session::Office;
use sportello_app::i18n::msg;
use sportello_app::printed::{self, PrintOptions};

/// A language check box of the form.
#[derive(Debug, Serialize)]
pub struct LangChoice {
    pub code: &'static str,
    pub name: &'static str,
    /// Italian: always printed, shown checked and not changeable.
    pub always: bool,
}

/// The check boxes of the printable languages, Italian first.
pub fn lang_choices() -> Vec<LangChoice> {
    Lang::ALL
        .iter()
        .map(|l| LangChoice {
            code: l.code(),
            name: l.native_name(),
            always: *l == Lang::It,
        })
        .collect()
}

/// The centres whose boards `user` may print: every centre for an
/// administrator, otherwise those with a section whose offers they read.
fn printable(user: &Office) -> Vec<&Centre> {
    let access = user.access();
    let readable = access.readable();
    user.centres
        .iter()
        .filter(|c| access.administers() || readable.iter().any(|(id, _)| *id == c.id))
        .collect()
}

/// `GET /{lang}/office/print`: the form, or the board when a centre is given.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn print(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let query = PrintQuery::parse(raw.as_deref()).map_err(|e| AppError::bad_parameter("query", e).page(lang))?;
    let centres = printable(&user);
    if centres.is_empty() {
        return Err(user.deny(&state, "board.print", "board", "").await);
    }
    let Some(slug) = query.get("centre").map(str::trim) else {
        return form(&state, lang, &user, &centres).await;
    };
    if !user.centres.iter().any(|c| c.data.slug == slug) {
        return Err(AppError::not_found().page(lang));
    }
    if !centres.iter().any(|c| c.data.slug == slug) {
        return Err(user.deny(&state, "board.print", "centre", slug).await);
    }
    let section = match query.get("section").map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(Section::parse(s).ok_or_else(|| AppError::bad_parameter("section", s).page(lang))?),
        None => None,
    };
    let (list, langs, large) = query.choices("", lang)?;
    let options = PrintOptions {
        langs: &langs,
        large,
        public_url: &state.public_url,
        today: today_in_rome(),
    };
    let board = printed::load_board(state.storage.as_ref(), slug, section, &options)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let pdf = state
        .renders
        .run(lang, "board rendering", move || sportello_print::render_board(&board))
        .await?
        .map_err(|e| print_failed(e, &list, lang))?;
    let disposition = format!(
        "attachment; filename=\"board-{slug}-{}.pdf\"",
        section.map_or("all", Section::code)
    );
    let disposition =
        HeaderValue::from_str(&disposition).map_err(|_| AppError::bad_parameter("centre", slug).page(lang))?;
    Ok(no_store(
        (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("application/pdf")),
                (header::CONTENT_DISPOSITION, disposition),
            ],
            pdf,
        )
            .into_response(),
    ))
}

async fn form(state: &AppState, lang: Lang, user: &Office, centres: &[&Centre]) -> Result<Response, AppError> {
    let sections = state.sections().await.on_page(lang)?;
    let title = msg(lang, "print-office-title");
    let ctx = context! {
        centres => centres.iter().map(|c| (c.data.slug.clone(), c.data.name.clone())).collect::<Vec<_>>(),
        sections => Section::ALL.iter().map(|s| (s.code(), sections.get(lang, *s).title)).collect::<Vec<_>>(),
        langs => minijinja::value::Serde(lang_choices()),
    };
    render("office/print.html", lang, "/office/print", &title, Some(user), ctx)
}
