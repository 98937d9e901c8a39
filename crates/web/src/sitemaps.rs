//! What search engines read (built by `sportello_app::sitemaps`):
//! `/robots.txt`, `/sitemap.xml` and the files of its index.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use sportello_app::sitemaps;

use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{PathParams, Preferred};

/// How long crawlers and caches may keep a sitemap.
const CACHE: &str = "public, max-age=600";

/// `GET /robots.txt`.
pub async fn robots(State(state): State<AppState>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        sitemaps::robots_txt(&state.public_url),
    )
        .into_response()
}

fn xml(body: String) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/xml; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static(CACHE)),
        ],
        body,
    )
        .into_response()
}

/// `GET /sitemap.xml`: every public page and open offer in one file, or the
/// index of the files that hold them.
#[tracing::instrument(skip_all)]
pub async fn sitemap_xml(State(state): State<AppState>, Preferred(lang): Preferred) -> Result<Response, AppError> {
    Ok(xml(sitemaps::sitemap_xml(&state).await.on_page(lang)?))
}

/// `GET /sitemaps/{file}`: the public pages, or the open offers of one block
/// of ids (404 when it has none).
#[tracing::instrument(skip_all, fields(file))]
pub async fn sitemap_file(
    State(state): State<AppState>,
    Preferred(lang): Preferred,
    PathParams(file): PathParams<String>,
) -> Result<Response, AppError> {
    match sitemaps::sitemap_file(&state, &file).await.on_page(lang)? {
        Some(body) => Ok(xml(body)),
        None => Err(AppError::not_found().page(lang)),
    }
}
