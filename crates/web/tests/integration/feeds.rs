//! The Atom and JSON feeds through the real router, on SQLite and
//! PostgreSQL, read by a real feed parser (`feed-rs`): the entries are the
//! storage search's newest open offers in order, in the feed's language; a
//! withdrawn offer leaves them; centre and section feeds hold only their
//! offers; pages announce the feeds in their `<head>`.

use crate::common::{PUBLIC_URL, TestApp, TestResponse};
use chrono::{DateTime, SubsecRound};
use feed_rs::model::{Feed, FeedType};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_domain::time::today_in_rome;
use sportello_domain::{Lang, Offer, OfferFilter, OfferQuery, OfferStatus, RefCode, Section, SortOrder, markdown};
use sportello_testkit::on_both_backends;

on_both_backends!(using crate::common::TestApp::new =>
    network_feeds_list_the_newest_open_offers_in_each_language,
    centre_and_section_feeds_hold_only_their_offers,
    a_withdrawn_offer_leaves_the_feeds,
    feeds_are_cached_and_revalidated,
    unknown_centres_sections_and_formats_are_404_pages,
    pages_announce_their_feeds_in_the_head,
);

const FORMATS: [(&str, &str, FeedType); 2] = [
    ("atom", "application/atom+xml", FeedType::Atom),
    ("json", "application/feed+json", FeedType::JSON),
];

/// The feed at `path`, checked for its content type and parsed by feed-rs.
async fn fetch(app: &TestApp, path: &str) -> (TestResponse, Feed) {
    let r = app.get_with(path, &[("host", "evil.example")]).await;
    assert_eq!(r.status, 200, "{path}: {}", r.body);
    let (_, content_type, kind) = FORMATS
        .iter()
        .find(|(ext, _, _)| path.ends_with(&format!(".{ext}")))
        .expect("a feed address");
    assert!(r.header("content-type").starts_with(content_type), "{path}");
    assert!(!r.body.contains("evil.example"), "links come from the public URL");
    let feed = feed_rs::parser::parse(r.body.as_bytes()).unwrap_or_else(|e| panic!("{path} does not parse: {e}"));
    assert_eq!(feed.feed_type, *kind, "{path}");
    (r, feed)
}

/// What the storage search gives for `filter`: the newest 50 open offers.
async fn newest(app: &TestApp, filter: OfferFilter) -> Vec<Offer> {
    let query = OfferQuery {
        filter,
        sort: SortOrder::Date,
        per_page: 50,
        with_facets: false,
        ..OfferQuery::default()
    };
    app.storage()
        .search_offers(&query, today_in_rome())
        .await
        .unwrap()
        .items
}

/// The reference of an entry, from its id (the offer's page).
fn reference_of(id: &str, lang: &str) -> String {
    id.strip_prefix(&format!("{PUBLIC_URL}/{lang}/offers/"))
        .unwrap_or_else(|| panic!("{id} is the offer's page in {lang}"))
        .to_string()
}

fn references(feed: &Feed, lang: &str) -> Vec<String> {
    feed.entries.iter().map(|e| reference_of(&e.id, lang)).collect()
}

/// Checks every entry of `feed` against `offers` (same order).
async fn check_entries(app: &TestApp, feed: &Feed, lang: Lang, offers: &[Offer]) {
    let code = lang.code();
    assert_eq!(
        references(feed, code),
        offers.iter().map(|o| o.reference.to_string()).collect::<Vec<_>>(),
        "the storage search's offers, newest first"
    );
    let centres = app.storage().centres().await.unwrap();
    for (e, o) in feed.entries.iter().zip(offers) {
        let url = format!("{PUBLIC_URL}/{code}/offers/{}", o.reference);
        let text = o.data.display_text(lang).expect("a public text");
        assert_eq!(e.title.as_ref().unwrap().content, text.title, "{url}: title in {code}");
        assert!(e.links.iter().any(|l| l.href == url), "{url}: links to the page");
        assert_eq!(e.updated, Some(o.updated_at.trunc_subsecs(0)), "{url}");
        let published = e.published.expect("published");
        assert_eq!(
            sportello_domain::time::rome_date(published),
            o.published_on.unwrap(),
            "{url}: published that day in Rome"
        );
        let centre = centres.iter().find(|c| c.id == o.data.centre).unwrap();
        assert_eq!(
            e.authors[0].name.as_deref(),
            Some(centre.data.name.as_str()),
            "{url}: the centre is the author"
        );
        let summary = &e.summary.as_ref().expect("a summary").content;
        assert!(summary.contains(&o.data.place.town), "{url}: {summary}");
        assert!(summary.contains(&centre.data.name), "{url}: {summary}");
        let content = e.content.as_ref().and_then(|c| c.body.as_deref()).expect("content");
        assert_eq!(
            content.trim(),
            markdown::to_html(&text.description).trim(),
            "{url}: the description"
        );
    }
}

async fn network_feeds_list_the_newest_open_offers_in_each_language(app: TestApp) {
    let offers = newest(&app, OfferFilter::default()).await;
    assert_eq!(offers.len(), 50, "the demo has more than 50 open offers");
    let mut translated = 0;
    for lang in Lang::ALL {
        let code = lang.code();
        for (ext, _, kind) in FORMATS {
            let path = format!("/{code}/feeds/offers.{ext}");
            let (_, feed) = fetch(&app, &path).await;
            check_entries(&app, &feed, lang, &offers).await;
            assert_eq!(feed.title.as_ref().unwrap().content, msg(lang, "feed-network-title"));
            assert_eq!(feed.language.as_deref(), Some(code), "{path}");
            let newest_change = offers.iter().map(|o| o.updated_at).max().unwrap();
            // Atom's feed-level `updated` is the newest entry's change; JSON Feed has none.
            let updated = (kind == FeedType::Atom).then(|| newest_change.trunc_subsecs(0));
            assert_eq!(feed.updated, updated, "{path}");
            let links: Vec<(&str, &str)> = feed
                .links
                .iter()
                .map(|l| (l.rel.as_deref().unwrap_or(""), l.href.as_str()))
                .collect();
            match kind {
                FeedType::Atom => {
                    assert_eq!(feed.id, format!("{PUBLIC_URL}{path}"));
                    assert!(
                        links.contains(&("self", format!("{PUBLIC_URL}{path}").as_str())),
                        "{links:?}"
                    );
                    assert!(
                        links.contains(&("alternate", format!("{PUBLIC_URL}/{code}/").as_str())),
                        "{links:?}"
                    );
                    // The entry's language: the feed's, or Italian where the offer has no text in it.
                    for (e, o) in feed.entries.iter().zip(&offers) {
                        let text_lang = o.data.display_text(lang).unwrap().lang;
                        assert_eq!(e.language.as_deref(), Some(text_lang.code()));
                        if lang != Lang::It && text_lang == lang {
                            translated += 1;
                        }
                    }
                }
                _ => {
                    let doc: serde_json::Value = serde_json::from_str(&app.get(&path).await.body).unwrap();
                    assert_eq!(doc["version"], "https://jsonfeed.org/version/1.1");
                    assert_eq!(doc["feed_url"], format!("{PUBLIC_URL}{path}"));
                    assert_eq!(doc["home_page_url"], format!("{PUBLIC_URL}/{code}/"));
                    for (item, o) in doc["items"].as_array().unwrap().iter().zip(&offers) {
                        let text_lang = o.data.display_text(lang).unwrap().lang;
                        let expected = (text_lang != lang).then_some(text_lang.code());
                        assert_eq!(item["language"].as_str(), expected);
                    }
                }
            }
        }
    }
    assert!(
        translated > 10,
        "titles in the reader's language where translated ({translated})"
    );
}

async fn centre_and_section_feeds_hold_only_their_offers(app: TestApp) {
    let centres = app.storage().centres().await.unwrap();
    for slug in ["lecce", "rimini"] {
        let centre = centres.iter().find(|c| c.data.slug == slug).unwrap();
        let offers = newest(
            &app,
            OfferFilter {
                centre: Some(slug.into()),
                ..OfferFilter::default()
            },
        )
        .await;
        assert!(!offers.is_empty(), "{slug} has open offers");
        for (ext, _, _) in FORMATS {
            let (_, feed) = fetch(&app, &format!("/de/centres/{slug}/feed.{ext}")).await;
            check_entries(&app, &feed, Lang::De, &offers).await;
            assert!(offers.iter().all(|o| o.data.centre == centre.id));
            let title = msg_args(
                Lang::De,
                "feed-centre-title",
                &args(&[("centre", centre.data.name.as_str().into())]),
            );
            assert_eq!(feed.title.as_ref().unwrap().content, title);
        }
    }
    for section in Section::ALL {
        let offers = newest(
            &app,
            OfferFilter {
                section: Some(section),
                ..OfferFilter::default()
            },
        )
        .await;
        assert!(offers.iter().all(|o| o.data.section == section));
        for (ext, _, _) in FORMATS {
            let path = format!("/fr/feeds/sections/{}.{ext}", section.code());
            let (_, feed) = fetch(&app, &path).await;
            check_entries(&app, &feed, Lang::Fr, &offers).await;
            if section == Section::Eures {
                assert!(!feed.entries.is_empty(), "the demo has EURES offers");
            }
        }
    }
}

async fn a_withdrawn_offer_leaves_the_feeds(app: TestApp) {
    let (_, feed) = fetch(&app, "/en/feeds/offers.atom").await;
    let reference = references(&feed, "en").remove(0);
    let offer = app
        .storage()
        .offer(&RefCode::parse(&reference).unwrap())
        .await
        .unwrap()
        .unwrap();
    let centre = app
        .storage()
        .centres()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.id == offer.data.centre)
        .unwrap();
    let scopes = [
        "/en/feeds/offers".to_string(),
        format!("/en/centres/{}/feed", centre.data.slug),
        format!("/en/feeds/sections/{}", offer.data.section.code()),
    ];
    let mut etags = Vec::new();
    for scope in &scopes {
        for (ext, _, _) in FORMATS {
            let (r, feed) = fetch(&app, &format!("{scope}.{ext}")).await;
            assert!(references(&feed, "en").contains(&reference), "{scope}.{ext}");
            etags.push(r.header("etag").to_string());
        }
    }
    app.close(&reference, OfferStatus::Withdrawn).await;
    let mut i = 0;
    for scope in &scopes {
        for (ext, _, _) in FORMATS {
            let path = format!("{scope}.{ext}");
            let (r, feed) = fetch(&app, &path).await;
            assert!(!references(&feed, "en").contains(&reference), "{path}: withdrawn");
            assert_ne!(r.header("etag"), etags[i], "{path}: a new ETag");
            i += 1;
        }
    }
    let network = newest(&app, OfferFilter::default()).await;
    let (_, feed) = fetch(&app, "/en/feeds/offers.json").await;
    check_entries(&app, &feed, Lang::En, &network).await;
}

async fn feeds_are_cached_and_revalidated(app: TestApp) {
    for path in ["/it/feeds/offers.atom", "/en/centres/lecce/feed.json"] {
        let (r, _) = fetch(&app, path).await;
        let etag = r.header("etag").to_string();
        assert!(etag.starts_with("W/\"") && etag.len() > 10, "{path}: {etag}");
        assert!(r.header("cache-control").contains("max-age="), "{path}");
        let last_modified = r.header("last-modified");
        DateTime::parse_from_rfc2822(last_modified).unwrap_or_else(|e| panic!("{last_modified}: {e}"));
        assert_eq!(app.get(path).await.header("etag"), etag, "the same body, the same ETag");
        let again = app.get_with(path, &[("if-none-match", &etag)]).await;
        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty());
        assert_eq!(again.header("etag"), etag);
        let other = app.get_with(path, &[("if-none-match", "W/\"something-else\"")]).await;
        assert_eq!(other.status, 200);
    }
}

async fn unknown_centres_sections_and_formats_are_404_pages(app: TestApp) {
    for (path, lang) in [
        ("/fr/centres/nowhere/feed.atom", Lang::Fr),
        ("/de/feeds/sections/vip.json", Lang::De),
        ("/en/feeds/sections/eures.rss", Lang::En),
        ("/en/feeds/offers.rss", Lang::En),
        ("/it/feeds/other.atom", Lang::It),
        ("/it/centres/lecce/other.atom", Lang::It),
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status, 404, "{path}");
        assert!(r.header("content-type").starts_with("text/html"), "{path}");
        assert!(r.body.contains(&format!("<html lang=\"{}\">", lang.code())), "{path}");
        assert_eq!(r.h1(), msg(lang, "not-found-title"), "{path}");
    }
}

/// The `<link rel="alternate">` of a feed type in the page's head: (title, href).
fn head_feeds(page: &TestResponse, content_type: &str) -> Vec<(String, String)> {
    let head = &page.body[..page.body.find("</head>").expect("a head")];
    head.match_indices("<link rel=\"alternate\" type=\"")
        .filter_map(|(i, _)| {
            let tag = &head[i..i + head[i..].find('>').unwrap()];
            if !tag.contains(&format!("type=\"{content_type}\"")) {
                return None;
            }
            let attr = |name: &str| {
                let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                tag[start..start + tag[start..].find('"').unwrap()]
                    .replace("&#39;", "'")
                    .replace("&#x27;", "'")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&")
            };
            Some((attr("title"), attr("href")))
        })
        .collect()
}

async fn pages_announce_their_feeds_in_the_head(app: TestApp) {
    let reference = app.open_references("").await.remove(0);
    for lang in Lang::ALL {
        let code = lang.code();
        let network = msg(lang, "feed-network-title");
        let atom = |title: &str| msg_args(lang, "feed-link-atom", &args(&[("title", title.into())]));
        let json = |title: &str| msg_args(lang, "feed-link-json", &args(&[("title", title.into())]));
        for path in [
            format!("/{code}/"),
            format!("/{code}/offers/{reference}"),
            format!("/{code}/search"),
            format!("/{code}/employers"),
            format!("/{code}/accessibility"),
        ] {
            let page = app.get(&path).await;
            assert_eq!(page.status, 200, "{path}");
            assert_eq!(
                head_feeds(&page, "application/atom+xml"),
                vec![(atom(&network), format!("{PUBLIC_URL}/{code}/feeds/offers.atom"))],
                "{path}"
            );
            assert_eq!(
                head_feeds(&page, "application/feed+json"),
                vec![(json(&network), format!("{PUBLIC_URL}/{code}/feeds/offers.json"))],
                "{path}"
            );
        }
        // A centre's board: the network's feed and the centre's.
        let board = app.get(&format!("/{code}/centres/lecce")).await;
        let centre = app.storage().centre_by_slug("lecce").await.unwrap().unwrap();
        let title = msg_args(
            lang,
            "feed-centre-title",
            &args(&[("centre", centre.data.name.as_str().into())]),
        );
        let atoms = head_feeds(&board, "application/atom+xml");
        assert_eq!(atoms.len(), 2);
        assert_eq!(
            atoms[1],
            (atom(&title), format!("{PUBLIC_URL}/{code}/centres/lecce/feed.atom"))
        );
        assert_eq!(
            head_feeds(&board, "application/feed+json")[1].1,
            format!("{PUBLIC_URL}/{code}/centres/lecce/feed.json")
        );
        // A section shown alone in the search: its feed.
        let search = app.get(&format!("/{code}/search?section=eures")).await;
        let atoms = head_feeds(&search, "application/atom+xml");
        assert_eq!(atoms.len(), 2);
        assert_eq!(atoms[1].1, format!("{PUBLIC_URL}/{code}/feeds/sections/eures.atom"));
        // Every announced feed answers.
        for (_, href) in atoms.iter().chain(&head_feeds(&board, "application/feed+json")) {
            let path = href.strip_prefix(PUBLIC_URL).unwrap();
            fetch(&app, path).await;
        }
    }
}
