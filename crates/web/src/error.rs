//! The one error type of the HTTP layer. A failed page answers with an HTML
//! page in the reader's language; a failed API call with
//! `application/problem+json` (RFC 9457). Internal errors are logged with a
//! reference that the reader sees, never with details.

use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use minijinja::context;
use sportello_domain::{Lang, QueryError};
use sportello_storage::StorageError;

use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::limiter::Limited;
use sportello_app::templates;
use sportello_app::view::layout::base_context;

/// What went wrong.
#[derive(Debug)]
pub enum Problem {
    /// No such page, centre or offer.
    NotFound,
    /// The first segment of the address is not a supported language.
    UnknownLanguage,
    /// The offer has closed (API only: pages show similar offers instead).
    Gone,
    /// A filter or parameter has a value that cannot be used.
    BadParameter { name: &'static str, value: String },
    /// A printed poster does not fit on one page in this many languages at
    /// the text size asked for (`value`: the languages as asked for).
    DoesNotFit { languages: usize, value: String },
    /// The user may not do this (logged in the audit log by the caller).
    Forbidden,
    /// A form's CSRF token is missing or not this session's.
    FormExpired,
    /// Someone else changed the record since the form was shown.
    Stale,
    /// The change is not possible in the record's current state.
    NotPossible(String),
    /// No valid credentials (API: a missing, revoked or unknown token).
    Unauthorized,
    /// A service we depend on (e.g. machine translation) failed.
    Unavailable(String),
    /// Fields that cannot be used: `(field, problem code, message)`.
    Invalid(Vec<(String, String, String)>),
    /// A fault of ours.
    Internal(String),
    /// An appointment cannot be booked, moved or cancelled as asked (API).
    Refused(Box<Refusal>),
    /// A booking's link has expired (some time after the appointment).
    LinkExpired,
    /// The limiter refused the request: too many from this network or for
    /// this recipient. Answered with `Retry-After`.
    TooMany(Limited),
    /// The request's body is larger than its address accepts (`limit` bytes).
    TooLarge { limit: usize },
    /// The request's body did not arrive within the time allowed.
    SlowBody,
    /// The node cannot answer now: 503 with `Retry-After`.
    Busy(Busy),
    /// Personal data must be encrypted or opened and the node has no data
    /// key file (or lacks the key): 503, logged as an error.
    NoDataKey(String),
}

/// Why a node cannot answer now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    /// Every in-flight slot is taken.
    Requests,
    /// Every render slot is taken.
    Renders,
    /// Every Argon2 slot is taken.
    Hashing,
    /// The answer took longer than the request timeout.
    TooSlow,
}

impl Busy {
    /// Seconds the client is asked to wait before trying again.
    pub fn retry_after(self) -> u32 {
        match self {
            Busy::Requests => 5,
            Busy::Renders => 10,
            Busy::Hashing => 2,
            Busy::TooSlow => 30,
        }
    }
}

/// Why an appointment request was refused: the answer's status, its title
/// and detail already in the reader's language, and the members added to the
/// problem document (`reason`, `next_slots`…).
#[derive(Debug)]
pub struct Refusal {
    pub status: StatusCode,
    pub title: String,
    pub detail: String,
    pub members: serde_json::Map<String, serde_json::Value>,
}

/// How an error is answered, and in which language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// An HTML page.
    Page(Lang),
    /// `application/problem+json`.
    Api(Lang),
}

impl Form {
    /// How an error about a request to `uri` is answered when no handler
    /// chose: problem+json under `/api/`, otherwise a page in the address's
    /// language (the reader's preferred one when the address has none).
    pub fn for_request(uri: &Uri, headers: &HeaderMap) -> Form {
        let preferred = || Lang::negotiate(headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()));
        let path = uri.path();
        if path.starts_with("/api/") {
            return Form::Api(preferred());
        }
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        Form::Page(Lang::parse(first).unwrap_or_else(preferred))
    }
}

/// An error with the form of its answer.
#[derive(Debug)]
pub struct AppError {
    pub problem: Problem,
    pub form: Form,
}

impl AppError {
    pub fn new(problem: Problem) -> AppError {
        AppError {
            problem,
            form: Form::Api(Lang::En),
        }
    }

    pub fn not_found() -> AppError {
        AppError::new(Problem::NotFound)
    }

    pub fn bad_parameter(name: &'static str, value: impl Into<String>) -> AppError {
        AppError::new(Problem::BadParameter {
            name,
            value: value.into(),
        })
    }

    /// Answer as an HTML page in `lang`.
    pub fn page(mut self, lang: Lang) -> AppError {
        self.form = Form::Page(lang);
        self
    }

    /// Answer as problem+json in `lang`.
    pub fn api(mut self, lang: Lang) -> AppError {
        self.form = Form::Api(lang);
        self
    }
}

impl From<StorageError> for AppError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::NotFound => AppError::not_found(),
            StorageError::Stale => AppError::new(Problem::Stale),
            StorageError::Publish(e) => AppError::new(Problem::NotPossible(e.to_string())),
            StorageError::Invalid(e) | StorageError::Conflict(e) => AppError::new(Problem::NotPossible(e)),
            e @ (StorageError::NoDataKey | StorageError::DataKey(_)) => {
                AppError::new(Problem::NoDataKey(e.to_string()))
            }
            other => AppError::new(Problem::Internal(other.to_string())),
        }
    }
}

impl From<sportello_search::SearchFailure> for AppError {
    fn from(e: sportello_search::SearchFailure) -> Self {
        match e {
            sportello_search::SearchFailure::BadFilter(e) => e.into(),
            sportello_search::SearchFailure::Storage(e) => e.into(),
            sportello_search::SearchFailure::Index(e) => AppError::new(Problem::Internal(e.to_string())),
        }
    }
}

impl From<QueryError> for AppError {
    fn from(e: QueryError) -> Self {
        AppError::bad_parameter(e.filter, e.value)
    }
}

impl From<minijinja::Error> for AppError {
    fn from(e: minijinja::Error) -> Self {
        AppError::new(Problem::Internal(format!("template: {e:#}")))
    }
}

/// Sets the answer's form on any error of a `Result`.
pub trait AnswerAs<T> {
    fn on_page(self, lang: Lang) -> Result<T, AppError>;
    fn on_api(self, lang: Lang) -> Result<T, AppError>;
}

impl<T, E: Into<AppError>> AnswerAs<T> for Result<T, E> {
    fn on_page(self, lang: Lang) -> Result<T, AppError> {
        self.map_err(|e| e.into().page(lang))
    }

    fn on_api(self, lang: Lang) -> Result<T, AppError> {
        self.map_err(|e| e.into().api(lang))
    }
}

impl AppError {
    /// The error's explanation in `lang`, for pages that list several outcomes.
    pub fn message(&self, lang: Lang) -> String {
        self.problem.texts(lang, "").1
    }
}

impl Problem {
    fn status(&self) -> StatusCode {
        match self {
            Problem::NotFound | Problem::UnknownLanguage => StatusCode::NOT_FOUND,
            Problem::Gone => StatusCode::GONE,
            Problem::BadParameter { .. } | Problem::DoesNotFit { .. } | Problem::NotPossible(_) => {
                StatusCode::BAD_REQUEST
            }
            Problem::Forbidden | Problem::FormExpired => StatusCode::FORBIDDEN,
            Problem::Unauthorized => StatusCode::UNAUTHORIZED,
            Problem::Unavailable(_) => StatusCode::BAD_GATEWAY,
            Problem::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Problem::Stale => StatusCode::CONFLICT,
            Problem::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            Problem::Refused(refusal) => refusal.status,
            Problem::TooMany(_) => StatusCode::TOO_MANY_REQUESTS,
            Problem::LinkExpired => StatusCode::GONE,
            Problem::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Problem::SlowBody => StatusCode::REQUEST_TIMEOUT,
            Problem::Busy(_) | Problem::NoDataKey(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// Title and detail in `lang`.
    fn texts(&self, lang: Lang, reference: &str) -> (String, String) {
        match self {
            Problem::NotFound => (msg(lang, "not-found-title"), msg(lang, "not-found-text")),
            Problem::UnknownLanguage => (msg(lang, "not-found-title"), msg(lang, "unknown-language-text")),
            Problem::Gone => (msg(lang, "offer-gone-title"), msg(lang, "offer-gone-text")),
            Problem::BadParameter { name, value } => (
                msg(lang, "bad-request-title"),
                msg_args(
                    lang,
                    "bad-parameter",
                    &args(&[("name", (*name).into()), ("value", value.as_str().into())]),
                ),
            ),
            Problem::DoesNotFit { languages, .. } => (
                msg(lang, "poster-does-not-fit-title"),
                msg_args(lang, "poster-does-not-fit", &args(&[("count", (*languages).into())])),
            ),
            Problem::Forbidden => (msg(lang, "forbidden-title"), msg(lang, "forbidden-text")),
            Problem::FormExpired => (msg(lang, "form-expired-title"), msg(lang, "form-expired-text")),
            Problem::Stale => (msg(lang, "stale-title"), msg(lang, "stale-text")),
            Problem::NotPossible(_) => (msg(lang, "not-possible-title"), msg(lang, "not-possible-text")),
            Problem::Unauthorized => (msg(lang, "unauthorized-title"), msg(lang, "unauthorized-text")),
            Problem::Unavailable(_) => (msg(lang, "unavailable-title"), msg(lang, "unavailable-text")),
            Problem::Invalid(_) => (msg(lang, "form-has-errors"), msg(lang, "invalid-text")),
            Problem::Internal(_) => (
                msg(lang, "internal-error-title"),
                msg_args(lang, "internal-error-text", &args(&[("reference", reference.into())])),
            ),
            Problem::Refused(refusal) => (refusal.title.clone(), refusal.detail.clone()),
            Problem::TooMany(limited) => (msg(lang, "too-many-title"), too_many_text(lang, limited)),
            Problem::LinkExpired => (
                msg(lang, "booking-link-expired-title"),
                msg(lang, "booking-link-expired-text"),
            ),
            Problem::TooLarge { limit } => (
                msg(lang, "too-large-title"),
                msg_args(lang, "too-large-text", &args(&[("size", limit.div_ceil(1024).into())])),
            ),
            Problem::SlowBody => (msg(lang, "slow-body-title"), msg(lang, "slow-body-text")),
            Problem::NoDataKey(_) => (msg(lang, "no-data-key-title"), msg(lang, "no-data-key-text")),
            Problem::Busy(busy) => (
                msg(lang, "busy-title"),
                msg(
                    lang,
                    match busy {
                        Busy::Requests | Busy::Hashing => "busy-text",
                        Busy::Renders => "busy-renders-text",
                        Busy::TooSlow => "busy-slow-text",
                    },
                ),
            ),
        }
    }
}

/// Why a request was refused by the limiter, and when to come back.
pub fn too_many_text(lang: Lang, limited: &Limited) -> String {
    msg_args(lang, "too-many-text", &args(&[("minutes", limited.minutes().into())]))
}

/// Adds `Retry-After` (whole seconds) to an answer the limiter refused.
pub fn retry_after(response: Response, limited: &Limited) -> Response {
    with_retry_after(response, limited.seconds())
}

fn with_retry_after(mut response: Response, seconds: i64) -> Response {
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    response
}

/// A short reference for an internal error, shown to the reader and logged.
fn error_reference() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    format!("E{:x}-{:x}", now.as_secs(), COUNTER.fetch_add(1, Ordering::Relaxed))
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.problem.status();
        let reference = error_reference();
        match &self.problem {
            Problem::Internal(detail) => tracing::error!(reference, detail, "internal error"),
            Problem::NoDataKey(detail) => tracing::error!(reference, detail, "personal data without its key"),
            Problem::Unavailable(detail) => tracing::warn!(reference, detail, "a service did not answer"),
            Problem::Busy(busy) => tracing::warn!(?busy, "too busy to answer"),
            _ => {}
        }
        let response = match self.form {
            Form::Page(lang) => page(&self.problem, status, lang, &reference),
            Form::Api(lang) => problem_json(&self.problem, status, lang, &reference),
        };
        // Refusals that pass say when to come back.
        let wait = match &self.problem {
            Problem::Busy(busy) => Some(i64::from(busy.retry_after())),
            Problem::TooMany(limited) => Some(limited.seconds()),
            _ => None,
        };
        match wait {
            Some(seconds) => with_retry_after(response, seconds),
            None => response,
        }
    }
}

/// The HTML page of `problem` in `lang`.
fn page(problem: &Problem, status: StatusCode, lang: Lang, reference: &str) -> Response {
    let (title, detail) = problem.texts(lang, reference);
    let all_languages = matches!(problem, Problem::UnknownLanguage | Problem::NotFound);
    let ctx = context! {
        title => title.clone(),
        detail => detail.clone(),
        status => status.as_u16(),
        all_languages,
        bad_parameter => matches!(problem, Problem::BadParameter { .. }),
        ..base_context(lang, None, &title),
    };
    match templates::render("error.html", ctx) {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(reference, error = %e, "error page did not render");
            (status, detail).into_response()
        }
    }
}

/// The problem document (RFC 9457) of `problem` in `lang`.
fn problem_json(problem: &Problem, status: StatusCode, lang: Lang, reference: &str) -> Response {
    let (title, detail) = problem.texts(lang, reference);
    let mut body = serde_json::json!({
        "type": "about:blank",
        "title": title,
        "status": status.as_u16(),
        "detail": detail,
    });
    match problem {
        Problem::BadParameter { name, value } => {
            body["parameter"] = (*name).into();
            body["value"] = value.as_str().into();
        }
        Problem::DoesNotFit { value, .. } => {
            body["parameter"] = "lang".into();
            body["value"] = value.as_str().into();
        }
        Problem::Invalid(errors) => {
            body["errors"] = errors
                .iter()
                .map(|(field, problem, message)| {
                    serde_json::json!({ "field": field, "problem": problem, "message": message })
                })
                .collect();
        }
        Problem::NotPossible(reason) => body["reason"] = reason.as_str().into(),
        Problem::Refused(refusal) => {
            for (name, value) in &refusal.members {
                body[name.as_str()] = value.clone();
            }
        }
        Problem::TooLarge { limit } => body["limit"] = (*limit).into(),
        _ => {}
    }
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    if matches!(problem, Problem::Unauthorized) {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"sportello\""),
        );
    }
    response
}
