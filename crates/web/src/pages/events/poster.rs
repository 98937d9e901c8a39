//! A group meeting's printable poster, `GET /{lang}/events/{id}/poster.pdf`
//! with `?lang=it,en,…` (the poster's languages after Italian; the page's
//! language when absent) and `large=1` (20 pt body text), as for offers: 404
//! for an unknown event, 400 naming a language it does not know or saying
//! the poster does not fit on one page in that many languages at that size.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use crate::AppState;
use crate::error::AppError;
use crate::extract::{Locale, PathParams};
use crate::pages::offers::poster::{PrintQuery, print_failed};

/// `GET /{lang}/events/{id}/poster.pdf`.
#[tracing::instrument(skip_all, fields(lang = %lang, id))]
pub async fn poster(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, id)): PathParams<(String, String)>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let query = PrintQuery::parse(raw.as_deref()).map_err(|e| AppError::bad_parameter("query", e).page(lang))?;
    let (event, centre) = super::load_event(&state, lang, &id).await?;
    let (list, langs, large) = query.choices(lang.code(), lang)?;
    let poster =
        sportello_app::events::poster::event_poster(&event, &centre, &langs, large, &state.public_url, Utc::now());
    let pdf = state
        .renders
        .run(lang, "poster rendering", move || {
            sportello_print::render_poster(&poster)
        })
        .await?
        .map_err(|e| print_failed(e, &list, lang))?;
    let disposition = format!("inline; filename=\"event-{}.pdf\"", event.id.0);
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("application/pdf")),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).expect("a number is ASCII"),
            ),
        ],
        pdf,
    )
        .into_response())
}
