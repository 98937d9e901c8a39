//! Information pages linked from every footer: the accessibility statement
//! (with a way to report barriers) and the privacy notice (GDPR art. 13).

use axum::extract::State;
use axum::response::Html;
use minijinja::context;

use super::render_page;
use crate::AppState;
use crate::error::AppError;
use crate::extract::Locale;
use sportello_app::i18n::msg;

/// `GET /{lang}/accessibility`.
pub async fn accessibility(State(state): State<AppState>, Locale(lang): Locale) -> Result<Html<String>, AppError> {
    let title = msg(lang, "accessibility-title");
    render_page(
        "info.html",
        lang,
        "/accessibility",
        &title,
        &state.public_url,
        context! { page => "accessibility" },
    )
}

/// `GET /{lang}/privacy`.
pub async fn privacy(State(state): State<AppState>, Locale(lang): Locale) -> Result<Html<String>, AppError> {
    let title = msg(lang, "privacy-title");
    render_page(
        "info.html",
        lang,
        "/privacy",
        &title,
        &state.public_url,
        context! { page => "privacy" },
    )
}
