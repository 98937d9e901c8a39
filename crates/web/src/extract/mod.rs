//! Extractors: the page's language from the address, the reader's preferred
//! language from `Accept-Language`, and request bodies read within the
//! route's [`BodyLimit`] (413) and the body timeout (408).

use axum::extract::FromRequestParts;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use sportello_domain::Lang;

use crate::error::{AppError, Form, Problem};
use crate::server_limits::{BodyLimit, SMALL_BODY};

/// The reader's best language by `Accept-Language` (Italian by default).
#[derive(Debug, Clone, Copy)]
pub struct Preferred(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for Preferred {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Preferred(preferred(parts)))
    }
}

fn preferred(parts: &Parts) -> Lang {
    preferred_in(&parts.headers)
}

fn preferred_in(headers: &HeaderMap) -> Lang {
    Lang::negotiate(headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()))
}

/// The body of `request`, whole, if it is within the route's [`BodyLimit`]
/// (refused at once when `Content-Length` says it is not) and arrives
/// within the body timeout; the error is answered as `form`.
async fn read_body(request: axum::extract::Request, form: Form) -> Result<axum::body::Bytes, AppError> {
    let limit = request.extensions().get::<BodyLimit>().map_or(SMALL_BODY, |l| l.0);
    let fail = |problem| AppError { problem, form };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(fail(Problem::TooLarge { limit }));
    }
    axum::body::to_bytes(request.into_body(), limit).await.map_err(|e| {
        let e = e.into_inner();
        if caused_by::<http_body_util::LengthLimitError>(e.as_ref()) {
            fail(Problem::TooLarge { limit })
        } else if caused_by::<tower_http::timeout::TimeoutError>(e.as_ref()) {
            fail(Problem::SlowBody)
        } else {
            fail(Problem::BadParameter {
                name: "body",
                value: e.to_string(),
            })
        }
    })
}

/// Whether `error` or one of its sources is a `T`.
fn caused_by<T: std::error::Error + 'static>(error: &(dyn std::error::Error + Send + Sync + 'static)) -> bool {
    let mut next: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = next {
        if e.is::<T>() {
            return true;
        }
        next = e.source();
    }
    false
}

/// The body of an API call (JSON), read within the route's limits; too
/// large (413), too slow (408) or broken, a problem document in the
/// reader's preferred language.
#[derive(Debug, Clone)]
pub struct ApiBody(pub axum::body::Bytes);

impl<S: Send + Sync> axum::extract::FromRequest<S> for ApiBody {
    type Rejection = AppError;

    async fn from_request(req: axum::extract::Request, _: &S) -> Result<Self, Self::Rejection> {
        let form = Form::Api(preferred_in(req.headers()));
        read_body(req, form).await.map(ApiBody)
    }
}

/// The language of a page, from the first segment of its address (`/fr/…`).
/// An unknown language is answered with a "not found" page in the reader's
/// preferred language, linking to the four languages.
#[derive(Debug, Clone, Copy)]
pub struct Locale(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for Locale {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let segment = parts.uri.path().trim_start_matches('/').split('/').next().unwrap_or("");
        Lang::parse(segment)
            .map(Locale)
            .ok_or_else(|| AppError::new(Problem::UnknownLanguage).page(preferred(parts)))
    }
}

/// Query parameters of an API call; an unreadable query string is answered
/// with problem+json, like every other API error.
#[derive(Debug, Clone)]
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| ApiQuery(q.0))
            .map_err(|e| AppError::bad_parameter("query", e.body_text()).api(preferred(parts)))
    }
}

/// Segments of the address (`axum::extract::Path`), where one that cannot be
/// read (say, bytes that are not UTF-8) means "no such page": a 404 in the
/// page's language, or a problem document under `/api/`.
#[derive(Debug, Clone)]
pub struct PathParams<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned + Send> FromRequestParts<S> for PathParams<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(path) => Ok(PathParams(path.0)),
            Err(_) => {
                let path = parts.uri.path();
                let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
                Err(if path.starts_with("/api/") {
                    AppError::not_found().api(preferred(parts))
                } else {
                    AppError::not_found().page(Lang::parse(first).unwrap_or_else(|| preferred(parts)))
                })
            }
        }
    }
}

/// The fields of a submitted HTML form (`application/x-www-form-urlencoded`)
/// as name–value pairs, in order; a name may repeat (check boxes).
#[derive(Debug, Clone, Default)]
pub struct FormFields(pub Vec<(String, String)>);

impl FormFields {
    /// The first value of `name`, or an empty string.
    pub fn get(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Every value of `name`.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// Whether a check box `name` was ticked.
    pub fn checked(&self, name: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && !v.is_empty())
    }
}

impl<S: Send + Sync> axum::extract::FromRequest<S> for FormFields {
    type Rejection = AppError;

    async fn from_request(req: axum::extract::Request, _: &S) -> Result<Self, Self::Rejection> {
        let first = req.uri().path().trim_start_matches('/').split('/').next().unwrap_or("");
        let lang = Lang::parse(first).unwrap_or(Lang::It);
        let bytes = read_body(req, Form::Page(lang)).await?;
        serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
            .map(FormFields)
            .map_err(|e| AppError::bad_parameter("form", e.to_string()).page(lang))
    }
}
