//! The home page: search box, the centres of each area with their open
//! offers, and the network-wide sections.

use axum::extract::State;
use axum::response::Html;
use minijinja::context;
use minijinja::value::Serde;
use serde::Serialize;
use sportello_domain::time::today_in_rome;
use sportello_domain::{OfferQuery, Section};

use super::render_page;
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::Locale;
use sportello_app::i18n::msg;
use sportello_app::view::{self, CentreView, SectionView};

#[derive(Serialize)]
struct AreaView {
    name: String,
    centres: Vec<(CentreView, u64)>,
}

/// Group meetings the home page lists.
const NEXT_EVENTS: u32 = 3;

/// `GET /{lang}/`.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn home(State(state): State<AppState>, Locale(lang): Locale) -> Result<Html<String>, AppError> {
    let centres = state.storage.centres().await.on_page(lang)?;
    let query = OfferQuery {
        per_page: 1,
        ..OfferQuery::default()
    };
    let all = state
        .search
        .search_offers(&query, today_in_rome())
        .await
        .on_page(lang)?;
    let mut areas: Vec<AreaView> = Vec::new();
    for c in &centres {
        let count = all.facets.centre.get(&c.data.slug).copied().unwrap_or(0);
        let entry = (view::centre(lang, c), count);
        match areas.iter_mut().find(|a| a.name == c.data.area.name) {
            Some(area) => area.centres.push(entry),
            None => areas.push(AreaView {
                name: c.data.area.name.clone(),
                centres: vec![entry],
            }),
        }
    }
    let texts = state.sections().await.on_page(lang)?;
    let sections: Vec<(SectionView, u64)> = Section::ALL
        .iter()
        .map(|s| {
            (
                texts.get(lang, *s),
                all.facets.section.get(s.code()).copied().unwrap_or(0),
            )
        })
        .collect();
    let events = super::events::next_events(&state, lang, None, NEXT_EVENTS).await?;
    let stops = super::outreach::next_stops(&state, lang, None, super::outreach::NEXT_STOPS).await?;
    let title = msg(lang, "home-title");
    render_page(
        "home.html",
        lang,
        "/",
        &title,
        &state.public_url,
        context! { areas => Serde(areas), sections => Serde(sections), total => all.total, events => Serde(events), stops => Serde(stops) },
    )
}
