//! An offer's page: every field in the page's language, the free text falling
//! back to Italian with a visible note, how to apply, the reference code. A
//! closed offer answers 410 Gone with similar open offers; a draft is not
//! public (404).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use minijinja::context;
use minijinja::value::Serde;
use sportello_domain::RefCode;
use sportello_domain::time::today_in_rome;

use super::render_page;
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{Locale, PathParams};
use crate::i18n::msg;
use crate::view;

/// Similar offers shown on a closed offer's page.
const SIMILAR: u32 = 5;

/// `GET /{lang}/offers/{reference}`.
#[tracing::instrument(skip_all, fields(lang = %lang, reference))]
pub async fn offer(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, reference)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let not_found = || AppError::not_found().page(lang);
    let reference = RefCode::parse(&reference).map_err(|_| not_found())?;
    let offer = state
        .storage
        .offer(&reference)
        .await
        .on_page(lang)?
        .ok_or_else(not_found)?;
    let today = today_in_rome();
    let path = format!("/offers/{reference}");
    let sections = state.sections().await.on_page(lang)?;
    if offer.has_closed(today) {
        let similar = state
            .storage
            .similar_offers(&offer, today, SIMILAR)
            .await
            .on_page(lang)?;
        let similar: Vec<_> = similar.iter().map(|o| view::card(lang, o, &sections)).collect();
        let title = msg(lang, "offer-gone-title");
        let closed = view::card(lang, &offer, &sections);
        let page = render_page(
            "offer_gone.html",
            lang,
            &path,
            &title,
            &state.public_url,
            context! { closed => Serde(closed), similar => Serde(similar) },
        )?;
        return Ok((StatusCode::GONE, page).into_response());
    }
    if !offer.is_open(today) {
        return Err(not_found());
    }
    let centres = state.storage.centres().await.on_page(lang)?;
    let centre = centres
        .iter()
        .find(|c| c.id == offer.data.centre)
        .map(|c| view::centre(lang, c));
    let detail = view::detail(lang, &offer, &sections);
    let short_url = state.public_url.join(&format!("/o/{reference}"));
    let title = detail.card.title.clone();
    Ok(render_page(
        "offer.html",
        lang,
        &path,
        &title,
        &state.public_url,
        context! { offer => Serde(detail), centre => Serde(centre), short_url },
    )?
    .into_response())
}
