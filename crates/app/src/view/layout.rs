//! What the layout of every page needs (`templates/base.html`): its
//! language, title and translations, and for pages with translations of
//! their own, their canonical and alternate addresses and the network's
//! feeds.

use minijinja::{Value, context};
use serde::Serialize;
use sportello_domain::{Lang, PublicUrl};

use crate::feeds::{Scope, head_links};
use crate::view::Sections;

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

/// The context of a page whose translations live at `/{lang}{path}`, with
/// its canonical and alternate addresses built from the public URL, and the
/// network's feeds announced in its `<head>` (a page adds its own as
/// `feeds`, a list of [`crate::feeds::FeedLink`]), merged with the page's
/// own `ctx`.
pub fn page_context(lang: Lang, path: &str, title: &str, public_url: &PublicUrl, ctx: Value) -> Value {
    let alternates: Vec<(&str, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code(), public_url.join(&format!("/{}{path}", l.code()))))
        .collect();
    let network_feeds = head_links(lang, public_url, &Scope::Network, &Sections::default());
    let links = context! {
        canonical => public_url.join(&format!("/{lang}{path}")),
        alternates,
        x_default => public_url.join(&format!("/it{path}")),
        network_feeds => minijinja::value::Serde(network_feeds),
    };
    minijinja::value::merge_maps([links, ctx, base_context(lang, Some(path), title)])
}
