//! Ready-to-paste posts for the centres' pages on social networks and
//! business profiles: the offers published in the last days, each with a
//! short text in every language (title, place, centre, contract, closing
//! date, short link, hashtags; under 1,500 characters) and its card image.
//! Operators see their centres' offers, administrators every centre's.

use axum::extract::{Query, State};
use axum::response::Response;
use chrono::Days;
use minijinja::context;
use minijinja::value::Serde;
use serde::{Deserialize, Serialize};
use sportello_domain::time::today_in_rome;
use sportello_domain::vocab::Vocabulary;
use sportello_domain::{Centre, Lang, Offer, Section};
use sportello_storage::OfficeFilter;

use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::Locale;
use crate::pages::office::render;
use crate::session::Office;
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::view;

/// Days looked back when the form does not say.
const DEFAULT_DAYS: u32 = 7;
/// The longest look back.
const MAX_DAYS: u32 = 60;
/// Offers listed at most.
const LIMIT: u32 = 100;
/// Facebook and Google Business posts stay under this many characters.
pub const MAX_POST_CHARS: usize = 1500;
/// Titles are cut (after a whole word, with "…") beyond this many characters.
const MAX_TITLE_CHARS: usize = 300;

#[derive(Debug, Default, Deserialize)]
pub struct PostsQuery {
    centre: Option<String>,
    days: Option<String>,
}

#[derive(Debug, Serialize)]
struct PostText {
    lang: &'static str,
    language: &'static str,
    text: String,
    card_url: String,
}

#[derive(Debug, Serialize)]
struct PostView {
    reference: String,
    title: String,
    centre: String,
    published_on: view::DateView,
    texts: Vec<PostText>,
}

/// `GET /{lang}/office/posts`.
pub async fn posts(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    Query(query): Query<PostsQuery>,
) -> Result<Response, AppError> {
    let access = user.access();
    let allowed: Vec<_> = if access.administers() {
        user.centres
            .iter()
            .flat_map(|c| Section::ALL.into_iter().map(move |s| (c.id, s)))
            .collect()
    } else {
        access.readable()
    };
    if allowed.is_empty() {
        return Err(user.deny(&state, "posts.read", "posts", "").await);
    }
    let visible: Vec<&Centre> = user
        .centres
        .iter()
        .filter(|c| allowed.iter().any(|(id, _)| *id == c.id))
        .collect();
    let some = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(String::from);
    let centre = match some(&query.centre) {
        Some(slug) => Some(
            visible
                .iter()
                .find(|c| c.data.slug == slug)
                .map(|c| c.id)
                .ok_or_else(|| AppError::bad_parameter("centre", slug).page(lang))?,
        ),
        None => None,
    };
    let days = match some(&query.days) {
        Some(d) => d
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=MAX_DAYS).contains(d))
            .ok_or_else(|| AppError::bad_parameter("days", d).page(lang))?,
        None => DEFAULT_DAYS,
    };
    let sections = state.sections().await.on_page(lang)?;
    let today = today_in_rome();
    let since = today.checked_sub_days(Days::new(u64::from(days - 1))).unwrap_or(today);
    let found = state
        .storage
        .office_offers(&OfficeFilter {
            allowed,
            centre,
            published_since: Some(since),
            open_on: Some(today),
            limit: LIMIT,
            ..OfficeFilter::default()
        })
        .await
        .on_page(lang)?;
    let offers: Vec<PostView> = found
        .items
        .iter()
        .filter(|o| o.is_open(today))
        .map(|o| post_view(&state, lang, o, &user.centres, &sections))
        .collect();
    let title = msg(lang, "posts-title");
    let ctx = context! {
        posts => Serde(offers),
        total => found.total,
        centres => visible.iter().map(|c| (c.data.slug.clone(), c.data.name.clone())).collect::<Vec<_>>(),
        centre => some(&query.centre),
        days,
        max_days => MAX_DAYS,
    };
    render("office/posts.html", lang, "/office/posts", &title, Some(&user), ctx)
}

fn post_view(state: &AppState, lang: Lang, offer: &Offer, centres: &[Centre], sections: &view::Sections) -> PostView {
    let centre = centres
        .iter()
        .find(|c| c.id == offer.data.centre)
        .map(|c| c.data.name.clone())
        .unwrap_or_default();
    let short_url = state.public_url.join(&format!("/o/{}", offer.reference));
    PostView {
        reference: offer.reference.to_string(),
        title: offer
            .data
            .display_text(lang)
            .map(|t| t.title.clone())
            .unwrap_or_default(),
        published_on: view::date(lang, offer.published_on.unwrap_or(offer.data.valid_through)),
        texts: Lang::ALL
            .iter()
            .map(|l| PostText {
                lang: l.code(),
                language: l.native_name(),
                text: post_text(*l, offer, &centre, &short_url, sections),
                card_url: format!("/{l}/offers/{}/card.png", offer.reference),
            })
            .collect(),
        centre,
    }
}

/// The post announcing `offer` in `lang`, under [`MAX_POST_CHARS`].
/// An offer of a section not open to everyone (EURES, Collocamento Mirato)
/// says who may apply under its title.
pub fn post_text(lang: Lang, offer: &Offer, centre: &str, short_url: &str, sections: &view::Sections) -> String {
    let d = &offer.data;
    let who = (d.section != Section::Ordinary).then(|| {
        let s = sections.get(lang, d.section);
        format!("{}. {}", s.title, s.who)
    });
    let title = d.display_text(lang).map(|t| t.title.as_str()).unwrap_or_default();
    let contract = format!("{}, {}", d.contract.label(lang), d.working_time.label(lang));
    let openings = msg_args(lang, "post-openings", &args(&[("count", d.openings.into())]));
    let apply_by = msg_args(
        lang,
        "post-apply-by",
        &args(&[("date", view::date(lang, d.valid_through).text.into())]),
    );
    let details = msg_args(lang, "post-details", &args(&[("link", short_url.to_string().into())]));
    let town_tag: String = d.place.town.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut hashtags = msg(lang, "post-hashtags");
    if !town_tag.is_empty() {
        hashtags.push_str(&format!(" #{town_tag}"));
    }
    let text = [
        Some(shorten(title, MAX_TITLE_CHARS)),
        who,
        Some(format!("{} · {centre}", view::place(lang, offer))),
        Some(format!("{contract} · {openings}")),
        Some(apply_by),
        Some(details),
        Some(String::new()),
        Some(hashtags),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("\n");
    if text.chars().count() <= MAX_POST_CHARS {
        text
    } else {
        shorten(&text, MAX_POST_CHARS)
    }
}

/// `text` cut after a whole word so that it has at most `max` characters,
/// "…" included.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let head: String = text.chars().take(max - 1).collect();
    let cut = head.rfind(char::is_whitespace).map_or(head.as_str(), |i| &head[..i]);
    format!("{}…", cut.trim_end())
}
