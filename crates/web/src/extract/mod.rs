//! Extractors: the page's language from the address, the reader's preferred
//! language from `Accept-Language`.

use axum::extract::FromRequestParts;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use sportello_domain::Lang;

use crate::error::{AppError, Problem};

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
    Lang::negotiate(parts.headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()))
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

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let first = req.uri().path().trim_start_matches('/').split('/').next().unwrap_or("");
        let lang = Lang::parse(first).unwrap_or(Lang::It);
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|e| AppError::bad_parameter("form", e.body_text()).page(lang))?;
        serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
            .map(FormFields)
            .map_err(|e| AppError::bad_parameter("form", e.to_string()).page(lang))
    }
}
