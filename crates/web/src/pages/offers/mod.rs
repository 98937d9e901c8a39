//! An offer's page: every field in the page's language, the free text falling
//! back to Italian with a visible note, how to apply, the reference code. A
//! closed offer answers 410 Gone with similar open offers; a draft is not
//! public (404). Its social card is in `card`, its printable poster in
//! `poster`.

pub mod card;
pub mod poster;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use minijinja::context;
use minijinja::value::Serde;
use sportello_domain::time::today_in_rome;
use sportello_domain::{Lang, RefCode, Section};

use super::render_page;
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{Locale, PathParams};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::markup::job_posting::{PostingPage, job_posting};
use sportello_app::markup::{self, social};
use sportello_app::view;

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
    let stored_centre = centres.iter().find(|c| c.id == offer.data.centre);
    let centre = stored_centre.map(|c| view::centre(lang, c));
    let detail = view::detail(lang, &offer, &sections);
    let short_url = state.public_url.join(&format!("/o/{reference}"));
    let title = detail.card.title.clone();
    let url = state.public_url.join(&format!("/{lang}{path}"));
    let section = &detail.card.section;
    let who_may_apply =
        (offer.data.section != Section::Ordinary).then_some((section.title.as_str(), section.who.as_str()));
    let job_posting = stored_centre.and_then(|c| {
        let centre_url = state.public_url.join(&format!("/{lang}/centres/{}", c.data.slug));
        let page = PostingPage {
            lang,
            url: &url,
            centre: c,
            centre_url: &centre_url,
            who_may_apply,
        };
        job_posting(&offer, &page).map(|p| markup::script_json(&p))
    });
    let meta = social_tags(
        &state,
        lang,
        &detail,
        stored_centre.map(|c| c.data.name.as_str()),
        &url,
        who_may_apply.map(|(title, _)| title),
    );
    Ok(render_page(
        "offer.html",
        lang,
        &path,
        &title,
        &state.public_url,
        context! {
            offer => Serde(detail),
            centre => Serde(centre),
            short_url,
            job_posting,
            meta => Serde(meta),
        },
    )?
    .into_response())
}

/// The Open Graph and Twitter card tags of an open offer's page at `url`.
fn social_tags(
    state: &AppState,
    lang: Lang,
    detail: &view::OfferDetail,
    centre: Option<&str>,
    url: &str,
    section: Option<&str>,
) -> Vec<social::MetaTag> {
    let card = &detail.card;
    let image = state
        .public_url
        .join(&format!("/{lang}/offers/{}/card.png", card.reference));
    // A section not open to everyone comes first: people must see it
    // before they click.
    let description = [
        section.unwrap_or_default(),
        card.place.as_str(),
        centre.unwrap_or_default(),
        card.contract,
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .chain([format!("{} {}", msg(lang, "valid-through"), card.valid_through.text).as_str()])
    .collect::<Vec<_>>()
    .join(" · ");
    let image_alt = card_alt(lang, detail);
    social::tags(&social::Card {
        lang,
        title: &card.title,
        description: &description,
        url,
        image: &image,
        image_alt: &image_alt,
        site_name: &msg(lang, "site-name"),
    })
}

/// The text alternative of an offer's card image.
pub fn card_alt(lang: Lang, detail: &view::OfferDetail) -> String {
    msg_args(
        lang,
        "card-image-alt",
        &args(&[
            ("reference", detail.card.reference.clone().into()),
            ("title", detail.card.title.clone().into()),
            ("place", detail.card.place.clone().into()),
        ]),
    )
}
