//! The search page: free text and every filter of the board, with counts per
//! value, sorting, pagination. Bad filter values answer 400 naming the filter.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Html;
use minijinja::context;
use minijinja::value::Serde;
use serde::Serialize;
use sportello_domain::offers::query::MAX_QUERY_CHARS;
use sportello_domain::time::today_in_rome;
use sportello_domain::vocab::{ContractType, SpokenLanguage, WorkingTime};
use sportello_domain::{OfferQuery, RawOfferQuery, SortOrder};

use super::render_page;
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::Locale;
use sportello_app::feeds::{self, Scope};
use sportello_app::i18n::msg;
use sportello_app::view::{self, Choice};

#[derive(Serialize)]
struct PageLink {
    number: u32,
    href: String,
    current: bool,
}

/// Turns an unreadable query string into a 400 page.
pub fn raw_query(query: Result<Query<RawOfferQuery>, QueryRejection>) -> Result<RawOfferQuery, AppError> {
    query
        .map(|Query(q)| q)
        .map_err(|e| AppError::bad_parameter("query", e.body_text()))
}

/// Checks the centre filter against the centres that exist.
pub async fn check_centre(state: &AppState, query: &OfferQuery) -> Result<(), AppError> {
    if let Some(slug) = &query.filter.centre
        && state.storage.centre_by_slug(slug).await?.is_none()
    {
        return Err(AppError::bad_parameter("centre", slug.clone()));
    }
    Ok(())
}

/// `GET /{lang}/search`.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn search(
    State(state): State<AppState>,
    Locale(lang): Locale,
    query: Result<Query<RawOfferQuery>, QueryRejection>,
) -> Result<Html<String>, AppError> {
    let raw = raw_query(query).on_page(lang)?;
    let query = raw.parse().on_page(lang)?;
    check_centre(&state, &query).await.on_page(lang)?;
    let results = state
        .search
        .search_offers(&query, today_in_rome())
        .await
        .on_page(lang)?;
    let centres = state.storage.centres().await.on_page(lang)?;
    let f = &query.filter;
    let facets = &results.facets;
    let filters: Vec<(&str, String, Vec<Choice>)> = vec![
        (
            "centre",
            msg(lang, "filter-centre"),
            view::centre_choices(&centres, &facets.centre, f.centre.as_deref()),
        ),
        (
            "section",
            msg(lang, "filter-section"),
            view::section_choices(lang, &facets.section, f.section),
        ),
        (
            "group",
            msg(lang, "filter-group"),
            view::group_choices(lang, &facets.group, f.group),
        ),
        (
            "contract",
            msg(lang, "filter-contract"),
            view::choices_for::<ContractType>(lang, &facets.contract, f.contract),
        ),
        (
            "working_time",
            msg(lang, "filter-working-time"),
            view::choices_for::<WorkingTime>(lang, &facets.working_time, f.working_time),
        ),
        (
            "language",
            msg(lang, "filter-language"),
            view::choices_for::<SpokenLanguage>(lang, &facets.language, f.language),
        ),
    ];
    let pages = results.total.div_ceil(u64::from(query.per_page)).max(1);
    let link = |number: u32| {
        let mut params = form_params(&raw);
        params.push(("page", number.to_string()));
        format!("/{lang}/search?{}", encode(&params))
    };
    let page_links: Vec<PageLink> = page_window(query.page, pages)
        .into_iter()
        .map(|number| PageLink {
            href: link(number),
            number,
            current: number == query.page,
        })
        .collect();
    let sections = state.sections().await.on_page(lang)?;
    let items: Vec<_> = results.items.iter().map(|o| view::card(lang, o, &sections)).collect();
    let title = msg(lang, "search-title");
    // A section's offers have their own feeds.
    let feeds = f
        .section
        .map(|s| feeds::head_links(lang, &state.public_url, &Scope::Section(s), &sections))
        .unwrap_or_default();
    let ctx = context! {
        feeds => Serde(feeds),
        q => f.text.clone().unwrap_or_default(),
        since => f.since.map(|d| d.to_string()).unwrap_or_default(),
        sort_relevance => query.sort == SortOrder::Relevance,
        filters => Serde(filters),
        items => Serde(items),
        total => results.total,
        page => query.page,
        pages,
        page_links => Serde(page_links),
        prev => (query.page > 1).then(|| link(query.page - 1)),
        next => (u64::from(query.page) < pages).then(|| link(query.page + 1)),
        truncated => query.text_truncated,
        active_filters => active_filters(f),
        max_chars => MAX_QUERY_CHARS,
    };
    render_page("search.html", lang, "/search", &title, &state.public_url, ctx)
}

/// How many filters (besides the text) are set: the filter panel opens when any is.
fn active_filters(f: &sportello_domain::OfferFilter) -> usize {
    [
        f.centre.is_some(),
        f.section.is_some(),
        f.group.is_some(),
        f.contract.is_some(),
        f.working_time.is_some(),
        f.language.is_some(),
        f.since.is_some(),
    ]
    .into_iter()
    .filter(|set| *set)
    .count()
}

/// The form's current values, to keep them in page links.
fn form_params(raw: &RawOfferQuery) -> Vec<(&'static str, String)> {
    [
        ("q", &raw.q),
        ("centre", &raw.centre),
        ("section", &raw.section),
        ("group", &raw.group),
        ("contract", &raw.contract),
        ("working_time", &raw.working_time),
        ("language", &raw.language),
        ("since", &raw.since),
        ("sort", &raw.sort),
        ("per_page", &raw.per_page),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.as_ref().filter(|v| !v.trim().is_empty()).map(|v| (k, v.clone())))
    .collect()
}

fn encode(params: &[(&str, String)]) -> String {
    params
        .iter()
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Percent-encodes a query value (RFC 3986 unreserved characters kept).
fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Page numbers to link: the first, the last and two around the current one.
fn page_window(current: u32, pages: u64) -> Vec<u32> {
    let last = u32::try_from(pages).unwrap_or(u32::MAX);
    let mut numbers: Vec<u32> = vec![1, last];
    numbers.extend(current.saturating_sub(2).max(1)..=current.saturating_add(2).min(last));
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_around_the_current_one() {
        assert_eq!(page_window(1, 1), vec![1]);
        assert_eq!(page_window(1, 10), vec![1, 2, 3, 10]);
        assert_eq!(page_window(6, 10), vec![1, 4, 5, 6, 7, 8, 10]);
        assert_eq!(page_window(10, 10), vec![1, 8, 9, 10]);
    }

    #[test]
    fn encodes_query_values() {
        assert_eq!(percent_encode("cameriere di sala"), "cameriere%20di%20sala");
        assert_eq!(percent_encode("Nardò&x=1"), "Nard%C3%B2%26x%3D1");
    }
}
