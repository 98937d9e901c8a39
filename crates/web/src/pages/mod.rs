//! Public pages, server-rendered, under `/{lang}/…`. Every page works without
//! JavaScript, names its language and links its translations (`hreflang`).

pub mod appointments;
pub mod board;
pub mod employers;
pub mod home;
pub mod info;
pub mod mailbox;
pub mod newsletter;
pub mod offer;
pub mod offer_card;
pub mod offer_poster;
pub mod office;
pub mod redirect;
pub mod reports;
pub mod search;

use axum::response::Html;
use minijinja::{Value, context};
use serde::Serialize;
use sportello_domain::Lang;

use crate::PublicUrl;
use crate::error::AppError;
use crate::templates;

#[derive(Serialize)]
struct LanguageLink {
    code: &'static str,
    name: &'static str,
    href: String,
    current: bool,
}

/// The context every page's layout needs. `path` is the address after the
/// language segment (e.g. `/centres/lecce`); `None` for pages that have no
/// translations of their own (errors), whose language links go to each
/// language's home page.
pub fn base_context(lang: Lang, path: Option<&str>, title: &str) -> Value {
    let languages: Vec<LanguageLink> = Lang::ALL
        .iter()
        .map(|l| LanguageLink {
            code: l.code(),
            name: l.native_name(),
            href: format!("/{}{}", l.code(), path.unwrap_or("/")),
            current: *l == lang,
        })
        .collect();
    context! {
        lang => lang.code(),
        page_title => title,
        path,
        languages => minijinja::value::Serde(languages),
    }
}

/// Renders a page whose translations live at `/{lang}{path}`, with its
/// canonical and alternate addresses built from the public URL, and the
/// network's feeds announced in its `<head>` (a page adds its own as
/// `feeds`, a list of [`crate::feeds::FeedLink`]).
pub fn render_page(
    template: &str,
    lang: Lang,
    path: &str,
    title: &str,
    public_url: &PublicUrl,
    ctx: Value,
) -> Result<Html<String>, AppError> {
    let alternates: Vec<(&str, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code(), public_url.join(&format!("/{}{path}", l.code()))))
        .collect();
    let network_feeds = crate::feeds::head_links(
        lang,
        public_url,
        &crate::feeds::Scope::Network,
        &crate::view::Sections::default(),
    );
    let links = context! {
        canonical => public_url.join(&format!("/{lang}{path}")),
        alternates,
        x_default => public_url.join(&format!("/it{path}")),
        network_feeds => minijinja::value::Serde(network_feeds),
    };
    let ctx = minijinja::value::merge_maps([links, ctx, base_context(lang, Some(path), title)]);
    Ok(Html(
        templates::render(template, ctx).map_err(|e| AppError::from(e).page(lang))?,
    ))
}
