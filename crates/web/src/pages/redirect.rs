//! Addresses that send the reader on: `/` to the home page in the best
//! language, `/o/{REF}`, the permanent short address printed in QR codes,
//! to the offer's page, and `/e/{ID}`, the one on a group meeting's poster,
//! to the event's page.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use sportello_domain::RefCode;

use crate::error::AppError;
use crate::extract::{PathParams, Preferred};

fn vary_on_language(target: String) -> Response {
    let mut response = Redirect::to(&target).into_response();
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    response
}

/// `GET /`.
pub async fn root(Preferred(lang): Preferred) -> Response {
    vary_on_language(format!("/{lang}/"))
}

/// `GET /{lang}`: the same page with its trailing slash.
pub async fn lang_home(
    PathParams(lang): PathParams<String>,
    Preferred(preferred): Preferred,
) -> Result<Response, AppError> {
    match sportello_domain::Lang::parse(&lang) {
        Some(lang) => Ok(Redirect::permanent(&format!("/{lang}/")).into_response()),
        None => Err(AppError::new(crate::error::Problem::UnknownLanguage).page(preferred)),
    }
}

/// `GET /o/{REF}`: case-insensitive; sends to the offer in the reader's language.
pub async fn short_offer(
    PathParams(reference): PathParams<String>,
    Preferred(lang): Preferred,
) -> Result<Response, AppError> {
    let reference = RefCode::parse(&reference).map_err(|_| AppError::not_found().page(lang))?;
    Ok(vary_on_language(format!("/{lang}/offers/{reference}")))
}

/// `GET /p/{slug}`: an outreach point's page (the stop-list poster's QR
/// code) in the reader's language.
pub async fn short_point(
    PathParams(slug): PathParams<String>,
    Preferred(lang): Preferred,
) -> Result<Response, AppError> {
    let slug = slug.trim();
    if slug.is_empty()
        || !slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(AppError::not_found().page(lang));
    }
    Ok(vary_on_language(format!("/{lang}/outreach/{slug}")))
}

/// `GET /e/{ID}`: sends to the group meeting's page in the reader's language.
pub async fn short_event(PathParams(id): PathParams<String>, Preferred(lang): Preferred) -> Result<Response, AppError> {
    let id = id.trim().parse::<u64>().map_err(|_| AppError::not_found().page(lang))?;
    Ok(vary_on_language(format!("/{lang}/events/{id}")))
}
