//! The printable poster of an open offer, `GET /{lang}/offers/{reference}/poster.pdf`
//! with `?lang=it,en,…` (the poster's languages after Italian; the page's
//! language when absent; a form's check boxes may also repeat `lang=en&lang=fr`)
//! and `large=1` (20 pt body text). Answers 404 and 410 like the offer's page,
//! 400 naming a language it does not know, and 400 saying so when the offer
//! does not fit on one page in that many languages at that text size.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use sportello_domain::time::today_in_rome;
use sportello_domain::{Lang, RefCode};

use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{Locale, PathParams};
use sportello_app::printed::{self, NoPoster, PrintOptions};

/// The query of a poster's or a board's address: `lang` (comma-separated
/// and/or repeated, joined in order), `large`, and any other parameter.
#[derive(Debug, Default)]
pub struct PrintQuery {
    pub lang: Option<String>,
    pub large: Option<String>,
    pub others: Vec<(String, String)>,
}

impl PrintQuery {
    /// Reads `raw`; `Err` with the reason when it is not a query string.
    pub fn parse(raw: Option<&str>) -> Result<PrintQuery, String> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or("")).map_err(|e| e.to_string())?;
        let mut query = PrintQuery::default();
        for (name, value) in pairs {
            match name.as_str() {
                "lang" => {
                    let list = query.lang.get_or_insert_with(String::new);
                    if !list.is_empty() {
                        list.push(',');
                    }
                    list.push_str(&value);
                }
                "large" => query.large = Some(value),
                _ => query.others.push((name, value)),
            }
        }
        Ok(query)
    }

    /// The languages asked for (`default` when none), as the list given (for
    /// messages) and parsed, and whether in large print; a 400 page in the
    /// page's language naming the bad value otherwise.
    pub fn choices(&self, default: &str, page: Lang) -> Result<(String, Vec<Lang>, bool), AppError> {
        let list = self.lang.clone().unwrap_or_else(|| default.to_owned());
        let langs = printed::parse_langs(&list).map_err(|bad| AppError::bad_parameter("lang", bad).page(page))?;
        let large = yes(self.large.as_deref())
            .ok_or_else(|| AppError::bad_parameter("large", self.large.clone().unwrap_or_default()).page(page))?;
        Ok((list, langs, large))
    }

    /// The value of the other parameter `name`, if given.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.others.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// The answer to a print that failed: a 400 saying the poster does not fit
/// (`list` is the languages as asked for), otherwise an internal error.
pub fn print_failed(e: sportello_print::PrintError, list: &str, lang: sportello_domain::Lang) -> AppError {
    match e {
        sportello_print::PrintError::DoesNotFit { languages, .. } => AppError::new(Problem::DoesNotFit {
            languages,
            value: list.to_owned(),
        })
        .page(lang),
        other => AppError::new(Problem::Internal(format!("printing: {other}"))).page(lang),
    }
}

/// Whether a `large=` value asks for large print; `None` if it is not a yes or no.
fn yes(value: Option<&str>) -> Option<bool> {
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
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let query = PrintQuery::parse(raw.as_deref()).map_err(|e| AppError::bad_parameter("query", e).page(lang))?;
    let not_found = || AppError::not_found().page(lang);
    let reference = RefCode::parse(&reference).map_err(|_| not_found())?;
    let (list, langs, large) = query.choices(lang.code(), lang)?;
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
    let pdf = state
        .renders
        .run(lang, "poster rendering", move || {
            sportello_print::render_poster(&poster)
        })
        .await?
        .map_err(|e| print_failed(e, &list, lang))?;
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
