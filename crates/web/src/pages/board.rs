//! A centre's board: its sections as headings with counts (ordinary offers,
//! EURES, Collocamento Mirato art. 1 and art. 18, each saying who may apply),
//! the newest offers of each, contacts and opening hours, the centre as a
//! schema.org `GovernmentOffice` for search engines; the centre's feeds are
//! announced in the page's head.

use axum::extract::State;
use axum::response::Html;
use minijinja::context;
use minijinja::value::Serde;
use serde::Serialize;
use sportello_domain::offers::query::MAX_PER_PAGE;
use sportello_domain::time::today_in_rome;
use sportello_domain::{OfferFilter, OfferQuery, Section};

use super::render_page;
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{Locale, PathParams};
use sportello_app::feeds::{self, Scope};
use sportello_app::markup::{self, government_office::government_office};
use sportello_app::view::{self, OfferCard, SectionView};

/// Offers listed per section before the "see all" link.
const PER_SECTION: usize = 25;
/// Group meetings a board lists.
const NEXT_EVENTS: u32 = 3;

#[derive(Serialize)]
struct BoardSection {
    section: SectionView,
    count: u64,
    offers: Vec<OfferCard>,
    more: bool,
    search_url: String,
}

/// `GET /{lang}/centres/{slug}`.
#[tracing::instrument(skip_all, fields(lang = %lang, slug))]
pub async fn board(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, slug)): PathParams<(String, String)>,
) -> Result<Html<String>, AppError> {
    let centre = state
        .storage
        .centre_by_slug(&slug)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let query = OfferQuery {
        filter: OfferFilter {
            centre: Some(slug.clone()),
            ..OfferFilter::default()
        },
        per_page: MAX_PER_PAGE,
        ..OfferQuery::default()
    };
    let results = state
        .search
        .search_offers(&query, today_in_rome())
        .await
        .on_page(lang)?;
    let texts = state.sections().await.on_page(lang)?;
    let sections: Vec<BoardSection> = Section::ALL
        .iter()
        .map(|s| {
            let count = results.facets.section.get(s.code()).copied().unwrap_or(0);
            let offers: Vec<OfferCard> = results
                .items
                .iter()
                .filter(|o| o.data.section == *s)
                .take(PER_SECTION)
                .map(|o| view::card(lang, o, &texts))
                .collect();
            BoardSection {
                section: texts.get(lang, *s),
                more: count > offers.len() as u64,
                count,
                offers,
                search_url: format!("/{lang}/search?centre={slug}&section={}", s.code()),
            }
        })
        .collect();
    let feeds = feeds::head_links(lang, &state.public_url, &Scope::Centre(&centre), &texts);
    let path = format!("/centres/{slug}");
    let office = government_office(
        &centre,
        &state.public_url.join(&format!("/{lang}{path}")),
        today_in_rome(),
    );
    let office = markup::script_json(&office);
    let events = super::events::next_events(&state, lang, Some(centre.id), NEXT_EVENTS).await?;
    let stops = super::outreach::next_stops(&state, lang, Some(centre.id), super::outreach::NEXT_STOPS).await?;
    let centre = view::centre(lang, &centre);
    render_page(
        "board.html",
        lang,
        &path,
        &centre.name.clone(),
        &state.public_url,
        context! { centre => Serde(centre), sections => Serde(sections), feeds => Serde(feeds), government_office => office, events => Serde(events), stops => Serde(stops) },
    )
}
