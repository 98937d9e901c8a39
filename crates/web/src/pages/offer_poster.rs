//! The printable poster of an open offer, `GET /{lang}/offers/{reference}/poster.pdf`
//! with `?lang=it,en,…` (the poster's languages after Italian; the page's
//! language when absent) and `large=1` (20 pt body text). Answers 404 and 410
//! like the offer's page, and 400 naming a language it does not know.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sportello_domain::RefCode;
use sportello_domain::time::today_in_rome;

use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{Locale, PathParams};
use crate::printed::{self, NoPoster, PrintOptions};

/// The query of a poster's address.
#[derive(Debug, Default, Deserialize)]
pub struct PosterQuery {
    lang: Option<String>,
    large: Option<String>,
}

/// Whether a `large=` value asks for large print; `None` if it is not a yes or no.
pub fn yes(value: Option<&str>) -> Option<bool> {
    match value.map(str::trim) {
        None | Some("" | "0" | "false" | "no") => Some(false),
        Some("1" | "true" | "yes" | "on") => Some(true),
        Some(_) => None,
    }
}

/// `GET /{lang}/offers/{reference}/poster.pdf`.
#[tracing::instrument(skip_all, fields(lang = %lang, reference))]
pub async fn poster(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, reference)): PathParams<(String, String)>,
    query: Result<Query<PosterQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, AppError> {
    let Query(query) = query.map_err(|e| AppError::bad_parameter("query", e.body_text()).page(lang))?;
    let not_found = || AppError::not_found().page(lang);
    let reference = RefCode::parse(&reference).map_err(|_| not_found())?;
    let list = query.lang.clone().unwrap_or_else(|| lang.code().to_owned());
    let langs = printed::parse_langs(&list).map_err(|bad| AppError::bad_parameter("lang", bad).page(lang))?;
    let large = yes(query.large.as_deref())
        .ok_or_else(|| AppError::bad_parameter("large", query.large.clone().unwrap_or_default()).page(lang))?;
    let options = PrintOptions {
        langs: &langs,
        large,
        public_url: &state.public_url,
        today: today_in_rome(),
    };
    let poster = match printed::load_poster(state.storage.as_ref(), &reference, &options)
        .await
        .on_page(lang)?
    {
        Ok(poster) => poster,
        Err(NoPoster::Unknown) => return Err(not_found()),
        Err(NoPoster::Closed) => return Err(AppError::new(Problem::Gone).page(lang)),
    };
    let pdf = tokio::task::spawn_blocking(move || sportello_print::render_poster(&poster))
        .await
        .map_err(|e| AppError::new(Problem::Internal(format!("poster rendering: {e}"))).page(lang))?
        .map_err(|e| match e {
            // Too many languages to fit one page at this text size.
            sportello_print::PrintError::Data(_) => AppError::bad_parameter("lang", list.clone()).page(lang),
            other => AppError::new(Problem::Internal(format!("poster rendering: {other}"))).page(lang),
        })?;
    let disposition = format!("inline; filename=\"{reference}.pdf\"");
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("application/pdf")),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).expect("a reference is ASCII"),
            ),
        ],
        pdf,
    )
        .into_response())
}
