//! What crawlers read, through the real router on SQLite and PostgreSQL:
//! `robots.txt`, and the sitemap, parsed strictly as XML. Its offers are
//! checked against a separate SQL query on the test database (not the
//! application's code), before and after an offer closes.

use std::collections::BTreeSet;

use crate::common::{PUBLIC_URL, TestApp};
use chrono::{DateTime, Duration, SubsecRound};
use quick_xml::events::Event;
use sportello_domain::time::today_in_rome;
use sportello_domain::{OfferStatus, RefCode};
use sportello_storage::{DatabaseUrl, OfferBlock};
use sportello_testkit::{on_both_backends, raw};

on_both_backends!(using crate::common::TestApp::new =>
    sitemap_lists_every_open_offer_in_every_language,
    sitemap_drops_an_offer_when_it_closes,
    sitemap_files_hold_the_pages_and_each_block_of_offers,
    keyset_pages_and_blocks_cover_the_open_offers_once,
    robots_txt_keeps_crawlers_to_the_public_board,
);

const LANGS: [&str; 4] = ["it", "en", "fr", "de"];

/// One `<url>` of a sitemap.
#[derive(Debug, Default, Clone)]
struct UrlEntry {
    loc: String,
    lastmod: Option<String>,
    /// `(hreflang, href)` of its `xhtml:link rel="alternate"`.
    alternates: Vec<(String, String)>,
}

/// An element's name and attributes.
fn element(e: &quick_xml::events::BytesStart<'_>) -> (String, Vec<(String, String)>) {
    let name = AsRef::<str>::as_ref(&e.name()).to_string();
    let attrs = e
        .attributes()
        .map(|a| {
            let a = a.expect("a well-formed attribute");
            (
                AsRef::<str>::as_ref(&a.key).to_string(),
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .expect("a valid attribute value")
                    .into_owned(),
            )
        })
        .collect();
    (name, attrs)
}

/// A parsed sitemap document: the root's name and its children's fields.
#[derive(Debug, Default)]
struct Parsed {
    root: String,
    urls: Vec<UrlEntry>,
    /// `(loc, lastmod)` of a sitemap index's `<sitemap>` elements.
    sitemaps: Vec<(String, Option<String>)>,
}

/// Reads a sitemap or sitemap index strictly: well-formed (quick-xml checks
/// end names, we check that everything closes), one root in the sitemap
/// namespace, only the protocol's elements, every `<url>` with a `<loc>`.
fn parse_sitemap(xml: &str) -> Parsed {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().trim_text(true);
    let mut stack: Vec<String> = Vec::new();
    let mut parsed = Parsed::default();
    let mut url = UrlEntry::default();
    let mut sitemap: (String, Option<String>) = Default::default();
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed XML: {e}"));
        match event {
            Event::Decl(_) => assert!(
                stack.is_empty() && parsed.root.is_empty(),
                "the declaration comes first"
            ),
            Event::Start(e) => {
                let (name, attrs) = element(&e);
                match (stack.last().map(String::as_str), name.as_str()) {
                    (None, "urlset" | "sitemapindex") => {
                        assert!(parsed.root.is_empty(), "one root element");
                        assert!(
                            attrs.contains(&("xmlns".into(), "http://www.sitemaps.org/schemas/sitemap/0.9".into())),
                            "the sitemap namespace"
                        );
                        if name == "urlset" {
                            assert!(attrs.contains(&("xmlns:xhtml".into(), "http://www.w3.org/1999/xhtml".into())));
                        }
                        parsed.root = name.clone();
                    }
                    (Some("urlset"), "url") => url = UrlEntry::default(),
                    (Some("sitemapindex"), "sitemap") => sitemap = Default::default(),
                    (Some("url" | "sitemap"), "loc" | "lastmod") => {}
                    (parent, child) => panic!("unexpected <{child}> in {parent:?}"),
                }
                stack.push(name);
            }
            Event::Empty(e) => {
                let (name, attrs) = element(&e);
                assert_eq!(stack.last().map(String::as_str), Some("url"), "<{name}/> only in <url>");
                assert_eq!(name, "xhtml:link");
                let get = |k: &str| {
                    attrs
                        .iter()
                        .find(|(n, _)| n == k)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_else(|| panic!("xhtml:link without {k}"))
                };
                assert_eq!(get("rel"), "alternate");
                url.alternates.push((get("hreflang"), get("href")));
            }
            Event::Text(t) => {
                let text = t.xml10_content().into_owned();
                let path: Vec<&str> = stack.iter().map(String::as_str).collect();
                match path.as_slice() {
                    [.., "url", "loc"] => url.loc.push_str(&text),
                    [.., "url", "lastmod"] => url.lastmod = Some(text),
                    [.., "sitemap", "loc"] => sitemap.0.push_str(&text),
                    [.., "sitemap", "lastmod"] => sitemap.1 = Some(text),
                    _ => panic!("unexpected text {text:?} in {path:?}"),
                }
            }
            Event::End(_) => match stack.pop().as_deref() {
                Some("url") => {
                    assert!(!url.loc.is_empty(), "every <url> has a <loc>");
                    parsed.urls.push(std::mem::take(&mut url));
                }
                Some("sitemap") => parsed.sitemaps.push(std::mem::take(&mut sitemap)),
                _ => {}
            },
            Event::Eof => break,
            other => panic!("unexpected XML in a sitemap: {other:?}"),
        }
    }
    assert!(stack.is_empty(), "every element is closed");
    assert!(!parsed.root.is_empty(), "a root element");
    parsed
}

/// The sitemap at `path`, checked to be served as XML and parsed.
async fn sitemap(app: &TestApp, path: &str) -> Parsed {
    // The Host header never makes it into an address.
    let r = app.get_with(path, &[("host", "evil.example")]).await;
    assert_eq!(r.status, 200, "{path}");
    assert!(r.header("content-type").starts_with("application/xml"), "{path}");
    assert!(!r.body.contains("evil.example"));
    parse_sitemap(&r.body)
}

/// The offer entries of a sitemap.
fn offer_entries(parsed: &Parsed) -> Vec<&UrlEntry> {
    parsed.urls.iter().filter(|u| u.loc.contains("/offers/")).collect()
}

/// The open offers by SQL of its own: published, and the valid-through day
/// not over in Rome (dates compare as ISO text on SQLite, as dates on
/// PostgreSQL), whatever the expiry job did.
const OPEN_SQL_SQLITE: &str =
    "SELECT reference FROM offers WHERE status = 'published' AND valid_through >= $1 ORDER BY id";
const OPEN_SQL_POSTGRES: &str =
    "SELECT reference FROM offers WHERE status = 'published' AND valid_through >= CAST($1 AS DATE) ORDER BY id";

async fn open_by_sql(app: &TestApp) -> Vec<String> {
    let sql = match app.db.url {
        DatabaseUrl::Sqlite(_) => OPEN_SQL_SQLITE,
        DatabaseUrl::Postgres(_) => OPEN_SQL_POSTGRES,
    };
    raw::texts(&app.db.url, sql, &[&today_in_rome().to_string()]).await
}

/// The number of open offers by `SELECT COUNT(*)`.
async fn count_open_by_sql(app: &TestApp) -> usize {
    let sql = match app.db.url {
        DatabaseUrl::Sqlite(_) => {
            "SELECT CAST(COUNT(*) AS TEXT) FROM offers WHERE status = 'published' AND valid_through >= $1"
        }
        DatabaseUrl::Postgres(_) => {
            "SELECT CAST(COUNT(*) AS TEXT) FROM offers WHERE status = 'published' AND valid_through >= CAST($1 AS DATE)"
        }
    };
    let rows = raw::texts(&app.db.url, sql, &[&today_in_rome().to_string()]).await;
    rows[0].parse().unwrap()
}

/// The path of an entry after the public URL and the language.
fn split_loc(loc: &str) -> (&str, &str) {
    let rest = loc
        .strip_prefix(PUBLIC_URL)
        .unwrap_or_else(|| panic!("{loc} is not under the public URL"));
    let rest = rest.strip_prefix('/').expect("an absolute path");
    let (lang, path) = rest.split_at(2);
    assert!(LANGS.contains(&lang), "{loc} starts with a language");
    (lang, path)
}

async fn sitemap_lists_every_open_offer_in_every_language(app: TestApp) {
    let parsed = sitemap(&app, "/sitemap.xml").await;
    assert_eq!(parsed.root, "urlset", "120 offers fit in one file");
    let count = count_open_by_sql(&app).await;
    assert!(count > 50, "the demo has open offers ({count})");
    let offers = offer_entries(&parsed);
    assert_eq!(offers.len(), 4 * count, "four entries per open offer");

    // The same offers as the SQL query, each once per language.
    let expected: BTreeSet<String> = open_by_sql(&app)
        .await
        .iter()
        .flat_map(|r| LANGS.map(|l| format!("{PUBLIC_URL}/{l}/offers/{r}")))
        .collect();
    let listed: BTreeSet<String> = offers.iter().map(|u| u.loc.clone()).collect();
    assert_eq!(listed, expected);

    for u in &parsed.urls {
        let (lang, path) = split_loc(&u.loc);
        // Alternates: the four languages and x-default (Italian), this one included.
        let mut want: Vec<(String, String)> = LANGS
            .iter()
            .map(|l| (l.to_string(), format!("{PUBLIC_URL}/{l}{path}")))
            .collect();
        want.push(("x-default".into(), format!("{PUBLIC_URL}/it{path}")));
        assert_eq!(u.alternates, want, "{}", u.loc);
        assert!(u.alternates.contains(&(lang.to_string(), u.loc.clone())));
    }

    // lastmod: a valid W3C date-time, the offer's last change.
    for u in &offers {
        let lastmod = u
            .lastmod
            .as_deref()
            .unwrap_or_else(|| panic!("{} has a lastmod", u.loc));
        let when = DateTime::parse_from_rfc3339(lastmod).unwrap_or_else(|e| panic!("{lastmod}: {e}"));
        let reference = RefCode::parse(u.loc.rsplit('/').next().unwrap()).unwrap();
        let offer = app.storage().offer(&reference).await.unwrap().unwrap();
        assert_eq!(when, offer.updated_at.trunc_subsecs(0), "{}", u.loc);
    }

    // The public pages, in every language.
    let locs: BTreeSet<&str> = parsed.urls.iter().map(|u| u.loc.as_str()).collect();
    let centres = app.storage().centres().await.unwrap();
    for l in LANGS {
        for path in [
            "/",
            "/search",
            "/employers",
            "/appointments",
            "/events",
            "/newsletter",
            "/reports",
            "/accessibility",
            "/privacy",
        ] {
            assert!(locs.contains(format!("{PUBLIC_URL}/{l}{path}").as_str()), "/{l}{path}");
        }
        for c in &centres {
            let board = format!("{PUBLIC_URL}/{l}/centres/{}", c.data.slug);
            assert!(locs.contains(board.as_str()), "{board}");
        }
    }
    // And each group meeting to come.
    let events = app
        .storage()
        .upcoming_events(&Default::default(), chrono::Utc::now(), 100)
        .await
        .unwrap();
    for e in &events {
        let page = format!("{PUBLIC_URL}/it/events/{}", e.id.0);
        assert!(locs.contains(page.as_str()), "{page}");
    }
    // And each outreach point.
    let points = app.storage().points(None).await.unwrap();
    assert_eq!(points.len(), 2, "the camper and the Boncuri desk");
    for p in &points {
        let page = format!("{PUBLIC_URL}/de/outreach/{}", p.data.slug);
        assert!(locs.contains(page.as_str()), "{page}");
    }
    assert_eq!(
        parsed.urls.len(),
        offers.len() + 4 * (10 + centres.len() + events.len() + points.len()),
        "nothing else is listed"
    );
}

async fn sitemap_drops_an_offer_when_it_closes(app: TestApp) {
    let before = offer_entries(&sitemap(&app, "/sitemap.xml").await).len();
    let count_before = count_open_by_sql(&app).await;
    assert_eq!(before, 4 * count_before);
    let open = open_by_sql(&app).await;

    // Withdrawn.
    let withdrawn = &open[0];
    app.close(withdrawn, OfferStatus::Withdrawn).await;
    let parsed = sitemap(&app, "/sitemap.xml").await;
    let after = offer_entries(&parsed);
    assert_eq!(count_open_by_sql(&app).await, count_before - 1);
    assert_eq!(after.len(), before - 4, "exactly four entries fewer");
    assert_eq!(after.len(), 4 * (count_before - 1));
    assert!(!after.iter().any(|u| u.loc.ends_with(&format!("/offers/{withdrawn}"))));

    // Past its valid-through day: gone at once, before any expiry job runs.
    let lapsed = &open[1];
    let yesterday = (today_in_rome() - Duration::days(1)).to_string();
    let update = match app.db.url {
        DatabaseUrl::Sqlite(_) => {
            "UPDATE offers SET valid_through = $1, version = version + 1 WHERE reference = $2 RETURNING status"
        }
        DatabaseUrl::Postgres(_) => {
            "UPDATE offers SET valid_through = CAST($1 AS DATE), version = version + 1 WHERE reference = $2 \
             RETURNING status"
        }
    };
    let status = raw::texts(&app.db.url, update, &[&yesterday, lapsed]).await;
    assert_eq!(status, vec!["published".to_string()], "still published in the database");
    let lapsed_entries = offer_entries(&sitemap(&app, "/sitemap.xml").await).len();
    assert_eq!(lapsed_entries, before - 8);
    assert_eq!(lapsed_entries, 4 * count_open_by_sql(&app).await);
}

async fn sitemap_files_hold_the_pages_and_each_block_of_offers(app: TestApp) {
    let single = sitemap(&app, "/sitemap.xml").await;
    let pages = sitemap(&app, "/sitemaps/pages.xml").await;
    assert!(offer_entries(&pages).is_empty());
    assert_eq!(pages.urls.len(), single.urls.len() - offer_entries(&single).len());
    // The test's offers all fall in the first block of ids.
    let first = sitemap(&app, "/sitemaps/offers-1.xml").await;
    assert_eq!(first.urls.len(), offer_entries(&first).len());
    let a: BTreeSet<&str> = offer_entries(&first).iter().map(|u| u.loc.as_str()).collect();
    let b: BTreeSet<&str> = offer_entries(&single).iter().map(|u| u.loc.as_str()).collect();
    assert_eq!(a, b);
    for missing in [
        "/sitemaps/offers-2.xml",
        "/sitemaps/offers-0.xml",
        "/sitemaps/other.xml",
    ] {
        let r = app.get(missing).await;
        assert_eq!(r.status, 404, "{missing}");
    }
}

async fn keyset_pages_and_blocks_cover_the_open_offers_once(app: TestApp) {
    let today = today_in_rome();
    let expected = open_by_sql(&app).await;
    // Blocks of ten ids: counts add up, each block at most ten.
    let blocks = app.storage().open_offer_blocks(today, 10).await.unwrap();
    assert!(blocks.len() > 3);
    assert_eq!(blocks.iter().map(|b| b.count as usize).sum::<usize>(), expected.len());
    assert!(blocks.iter().all(|b| (1..=10).contains(&b.count)));
    assert!(blocks.windows(2).all(|w| w[0].number < w[1].number));
    // Each block read three offers at a time, by keyset: every open offer
    // once, in id order.
    let mut read = Vec::new();
    for b in &blocks {
        let (mut after, until) = OfferBlock::id_range(b.number, 10);
        let mut in_block = 0;
        loop {
            let page = app.storage().open_offer_stamps(today, after, until, 3).await.unwrap();
            in_block += page.len();
            read.extend(page.iter().map(|s| s.reference.to_string()));
            match page.last() {
                Some(last) if page.len() == 3 => after = last.id.0,
                _ => break,
            }
        }
        assert_eq!(in_block as u64, b.count);
        let newest = app
            .storage()
            .open_offer_stamps(today, OfferBlock::id_range(b.number, 10).0, until, 10)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.updated_at)
            .max()
            .unwrap();
        assert_eq!(newest.trunc_subsecs(0), b.last_update.trunc_subsecs(0));
    }
    assert_eq!(read, expected);
}

async fn robots_txt_keeps_crawlers_to_the_public_board(app: TestApp) {
    let r = app.get_with("/robots.txt", &[("host", "evil.example")]).await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").starts_with("text/plain"));
    let lines: Vec<&str> = r.body.lines().collect();
    assert_eq!(lines[0], "User-agent: *");
    assert!(lines.contains(&"Allow: /"));
    assert!(lines.contains(&"Disallow: /api/"));
    for l in LANGS {
        for path in [
            "office/",
            "appointments/booking/",
            "events/registration/",
            "employers/requests/",
            "newsletter/confirm/",
            "newsletter/unsubscribe/",
            "demo/",
            "search?",
        ] {
            let line = format!("Disallow: /{l}/{path}");
            assert!(lines.contains(&line.as_str()), "{line}");
        }
        // The board, offers and centres stay open to crawlers.
        for open in [
            format!("/{l}/"),
            format!("/{l}/offers/"),
            format!("/{l}/centres/"),
            format!("/{l}/newsletter"),
        ] {
            assert!(
                !lines
                    .iter()
                    .filter_map(|x| x.strip_prefix("Disallow: "))
                    .any(|d| open.starts_with(d) && d != "/"),
                "{open} is allowed"
            );
        }
    }
    assert_eq!(
        lines.last().copied(),
        Some(format!("Sitemap: {PUBLIC_URL}/sitemap.xml").as_str())
    );
    assert!(!r.body.contains("evil.example"));
}
