//! The social card of an open offer, `GET /{lang}/offers/{reference}/card.png`:
//! a 1200×630 PNG in the page's language (title, place, centre, reference,
//! section band), what the offer page's `og:image` names. Answers 404 and 410
//! like the page; cached publicly, with an ETag from the offer's version, the
//! language, the card's design revision and a digest of its texts.

use std::hash::{DefaultHasher, Hash, Hasher};

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sportello_domain::time::today_in_rome;
use sportello_domain::{Lang, Offer, RefCode, Section};
use sportello_print::{Banner, OfferCard, render_offer_card};

use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{Locale, PathParams};
use sportello_app::i18n::msg;
use sportello_app::view;

/// Raised when the card's design changes, so that caches fetch it again.
const DESIGN: u32 = 1;

/// `GET /{lang}/offers/{reference}/card.png`.
#[tracing::instrument(skip_all, fields(lang = %lang, reference))]
pub async fn card(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, reference)): PathParams<(String, String)>,
    headers: HeaderMap,
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
    if offer.has_closed(today) {
        return Err(AppError::new(Problem::Gone).page(lang));
    }
    if !offer.is_open(today) {
        return Err(not_found());
    }
    let centres = state.storage.centres().await.on_page(lang)?;
    let centre = centres
        .iter()
        .find(|c| c.id == offer.data.centre)
        .map(|c| c.data.name.clone())
        .unwrap_or_default();
    let sections = state.sections().await.on_page(lang)?;
    let card = offer_card(lang, &offer, centre, &sections);
    // The offer's version and language, and a digest of every text on the
    // card: a renamed centre or a rewritten section text changes it too.
    let mut digest = DefaultHasher::new();
    card.hash(&mut digest);
    let etag = format!(
        "\"card-{DESIGN}-{}-{}-{lang}-{:016x}\"",
        offer.reference,
        offer.version,
        digest.finish()
    );
    let cache = [
        (header::ETAG, HeaderValue::from_str(&etag).expect("ASCII")),
        (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
    ];
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if matches {
        return Ok((StatusCode::NOT_MODIFIED, cache).into_response());
    }
    let png = state
        .renders
        .run(lang, "card rendering", move || render_offer_card(&card))
        .await?;
    Ok((
        [(header::CONTENT_TYPE, HeaderValue::from_static("image/png"))],
        cache,
        png,
    )
        .into_response())
}

/// What the card of `offer` says in `lang`.
pub fn offer_card(lang: Lang, offer: &Offer, centre: String, sections: &view::Sections) -> OfferCard {
    let card = view::card(lang, offer, sections);
    let banner = match offer.data.section {
        Section::Ordinary => None,
        Section::Eures => Some(Banner::Eures(card.section.title.clone())),
        Section::MiratoArt1 | Section::MiratoArt18 => Some(Banner::Mirato(card.section.title.clone())),
    };
    OfferCard {
        title: card.title,
        place: card.place,
        centre,
        reference: format!("{} {}", msg(lang, "reference"), card.reference),
        banner,
        site_name: msg(lang, "site-name"),
    }
}
