//! What search engines read: `/robots.txt`, and `/sitemap.xml` with every
//! open offer and the public pages (group meetings to come among them) in
//! every language — an index of
//! `/sitemaps/pages.xml` and `/sitemaps/offers-N.xml` when they do not fit in
//! one file. Everything is built from the configured public URL. Offers are
//! read a page of ids at a time (keyset pagination), and one file never
//! holds more than one block of ids, so a million offers never sit in memory
//! at once.

pub mod sitemap;

use chrono::NaiveDate;
use sportello_domain::time::today_in_rome;
use sportello_domain::{Centre, Event, Lang, OutreachPoint, PublicUrl};
use sportello_storage::{OfferBlock, StorageError};

use crate::App;
use sitemap::{Limits, Page, Plan, SitemapFile, UrlSet};

/// Group meetings listed at most (those to come soonest).
const LISTED_EVENTS: u32 = 500;

/// Offers read from the database per query while writing a file.
const READ_PAGE: u32 = 2_000;

/// Addresses under each language that crawlers are asked to leave alone:
/// the back office, personal pages reached by signed links, the demo's
/// mailbox, and the search with filters (endless combinations of the same
/// offers, which the boards and the sitemap already list).
pub const DISALLOWED: [&str; 8] = [
    "/office/",
    "/appointments/booking/",
    "/events/registration/",
    "/employers/requests/",
    "/newsletter/confirm/",
    "/newsletter/unsubscribe/",
    "/demo/",
    "/search?",
];

/// The text of `/robots.txt`.
pub fn robots_txt(public: &PublicUrl) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\nDisallow: /api/\n");
    for lang in Lang::ALL {
        for path in DISALLOWED {
            out.push_str(&format!("Disallow: /{lang}{path}\n"));
        }
    }
    out.push_str(&format!("\nSitemap: {}\n", public.join("/sitemap.xml")));
    out
}

/// The public pages listed besides the offers, as paths after the language:
/// the fixed ones, each centre's board, each group meeting to come and each
/// outreach point's page.
pub fn public_pages(centres: &[Centre], events: &[Event], points: &[OutreachPoint]) -> Vec<Page> {
    let fixed = [
        "/",
        "/search",
        "/employers",
        "/employers/request",
        "/appointments",
        "/events",
        "/newsletter",
        "/reports",
        "/accessibility",
        "/privacy",
    ];
    fixed
        .iter()
        .map(|p| p.to_string())
        .chain(centres.iter().map(|c| format!("/centres/{}", c.data.slug)))
        .map(|path| Page { path, lastmod: None })
        .chain(events.iter().map(|e| Page {
            path: format!("/events/{}", e.id.0),
            lastmod: Some(e.created_at),
        }))
        .chain(points.iter().map(|p| Page {
            path: format!("/outreach/{}", p.data.slug),
            lastmod: None,
        }))
        .collect()
}

/// The public pages besides the offers, with the group meetings to come
/// and the outreach points.
async fn listed_pages(app: &App, centres: &[Centre]) -> Result<Vec<Page>, StorageError> {
    let filter = sportello_storage::EventFilter::default();
    let events = app
        .storage
        .upcoming_events(&filter, chrono::Utc::now(), LISTED_EVENTS)
        .await?;
    let points = app.storage.points(None).await?;
    Ok(public_pages(centres, &events, &points))
}

/// Offers in one file, for the configured public URL.
fn per_file(app: &App) -> usize {
    sitemap::pages_per_file(&app.public_url, Limits::PROTOCOL)
}

/// Adds to `set` the open offers with `after < id <= until`, at most `max`,
/// reading them [`READ_PAGE`] at a time; returns how many were added.
async fn push_offers(
    app: &App,
    set: &mut UrlSet<'_>,
    today: NaiveDate,
    (mut after, until): (i64, i64),
    max: usize,
) -> Result<usize, StorageError> {
    let mut added = 0;
    while added < max {
        let limit = READ_PAGE.min(u32::try_from(max - added).unwrap_or(u32::MAX));
        let stamps = app.storage.open_offer_stamps(today, after, until, limit).await?;
        for s in &stamps {
            set.push(&Page {
                path: format!("/offers/{}", s.reference),
                lastmod: Some(s.updated_at),
            });
        }
        added += stamps.len();
        match stamps.last() {
            Some(last) if stamps.len() == limit as usize => after = last.id.0,
            _ => break,
        }
    }
    Ok(added)
}

/// `/sitemap.xml`: every public page and open offer in one file, or the
/// index of the files that hold them.
pub async fn sitemap_xml(app: &App) -> Result<String, StorageError> {
    let today = today_in_rome();
    let per_file = per_file(app);
    let centres = app.storage.centres().await?;
    let pages = listed_pages(app, &centres).await?;
    let blocks = app.storage.open_offer_blocks(today, per_file as u64).await?;
    match sitemap::plan(pages.len(), &blocks, per_file) {
        Plan::Single => {
            let mut set = UrlSet::new(&app.public_url);
            for p in &pages {
                set.push(p);
            }
            // Offers published since the count still fit: the count had room.
            let room = per_file.saturating_sub(pages.len());
            push_offers(app, &mut set, today, (0, i64::MAX), room).await?;
            Ok(set.finish())
        }
        Plan::Index(files) => Ok(sitemap::index(&app.public_url, &files)),
    }
}

/// `/sitemaps/{file}`: the public pages, or the open offers of one block of
/// ids; `None` for a file that is not one of them, or a block with no open
/// offer.
pub async fn sitemap_file(app: &App, file: &str) -> Result<Option<String>, StorageError> {
    let Some(file) = SitemapFile::parse(file) else {
        return Ok(None);
    };
    let mut set = UrlSet::new(&app.public_url);
    match file {
        SitemapFile::Pages => {
            let centres = app.storage.centres().await?;
            for p in &listed_pages(app, &centres).await? {
                set.push(p);
            }
        }
        SitemapFile::Offers(block) => {
            let per_file = per_file(app);
            let range = OfferBlock::id_range(block, per_file as u64);
            if push_offers(app, &mut set, today_in_rome(), range, per_file).await? == 0 {
                return Ok(None);
            }
        }
    }
    Ok(Some(set.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn robots_keeps_crawlers_out_of_private_and_endless_pages() {
        let robots = robots_txt(&PublicUrl::parse("https://lavoro.example.it/").unwrap());
        assert!(robots.starts_with("User-agent: *\nAllow: /\n"));
        for line in [
            "Disallow: /api/",
            "Disallow: /it/office/",
            "Disallow: /de/appointments/booking/",
            "Disallow: /fr/employers/requests/",
            "Disallow: /en/demo/",
            "Disallow: /it/search?",
        ] {
            assert!(robots.lines().any(|l| l == line), "{line}");
        }
        assert!(robots.ends_with("Sitemap: https://lavoro.example.it/sitemap.xml\n"));
    }
}
