//! The "done when", end to end through the real router on SQLite and
//! PostgreSQL: an offer published today shows up with valid `JobPosting`
//! markup, in the sitemap, in the network's, its centre's and its section's
//! feeds (Atom and JSON) and in the next digest; once it closes it is gone
//! from all of them, and its page answers 410 without markup.

use crate::common::newsletter::{mails, publish, state, subscribe};
use crate::common::{PUBLIC_URL, TestApp};
use chrono::Duration;
use sportello_app::newsletter::digest::queue_digests;
use sportello_domain::time::{from_rome_local, today_in_rome};
use sportello_domain::{Frequency, Lang, OfferStatus, Section};
use sportello_testkit::on_both_backends;

on_both_backends!(using crate::common::TestApp::new =>
    a_published_offer_reaches_every_virtual_board_and_leaves_when_it_closes,
);

/// The `JobPosting` objects of a page's JSON-LD scripts.
fn job_postings(html: &str) -> Vec<serde_json::Value> {
    let open = "<script type=\"application/ld+json\">";
    html.match_indices(open)
        .map(|(i, _)| {
            let start = i + open.len();
            let end = start + html[start..].find("</script>").expect("a closed script");
            serde_json::from_str::<serde_json::Value>(&html[start..end]).expect("JSON-LD parses")
        })
        .filter(|v| v["@type"] == "JobPosting")
        .collect()
}

/// The references of the offers a feed lists, from its entries' links.
async fn in_feed(app: &TestApp, path: &str) -> Vec<String> {
    let r = app.get(path).await;
    assert_eq!(r.status, 200, "{path}");
    let feed = feed_rs::parser::parse(r.body.as_bytes()).unwrap_or_else(|e| panic!("{path}: {e}"));
    feed.entries
        .iter()
        .filter_map(|e| e.links.first())
        .filter_map(|l| l.href.rsplit('/').next().map(str::to_string))
        .collect()
}

/// How many sitemap addresses name the offer `reference`.
async fn in_sitemap(app: &TestApp, reference: &str) -> usize {
    let r = app.get("/sitemap.xml").await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("<urlset"), "the demo's offers fit in one sitemap file");
    r.body.matches(&format!("/offers/{reference}</loc>")).count()
}

/// The references a digest lists.
fn in_digest(text: &str) -> Vec<String> {
    let marker = format!("{PUBLIC_URL}/en/offers/");
    text.match_indices(&marker)
        .filter_map(|(i, _)| text[i + marker.len()..].split_whitespace().next())
        .map(str::to_string)
        .collect()
}

async fn a_published_offer_reaches_every_virtual_board_and_leaves_when_it_closes(app: TestApp) {
    let lecce = app.centre("lecce").await;
    subscribe(
        &app,
        "first@example.org",
        Lang::En,
        Frequency::Daily,
        vec![lecce.id],
        vec![Section::Ordinary],
    )
    .await;
    let closing = publish(&app, lecce.id, Section::Ordinary, "Cameriere ai piani").await;
    let staying = publish(&app, lecce.id, Section::Ordinary, "Receptionist").await;
    let feeds = [
        "/en/feeds/offers.atom".to_string(),
        "/en/feeds/offers.json".to_string(),
        "/en/centres/lecce/feed.atom".to_string(),
        "/en/centres/lecce/feed.json".to_string(),
        "/en/feeds/sections/ordinary.atom".to_string(),
        "/en/feeds/sections/ordinary.json".to_string(),
    ];

    // Published: valid markup on its page, in the page's language.
    let page = app.get(&format!("/en/offers/{closing}")).await;
    assert_eq!(page.status, 200);
    let postings = job_postings(&page.body);
    assert_eq!(postings.len(), 1, "one JobPosting on the offer's page");
    let posting = &postings[0];
    assert_eq!(posting["title"], "Cameriere ai piani");
    assert_eq!(posting["identifier"]["value"], closing.as_str());
    assert_eq!(posting["datePosted"], today_in_rome().to_string());
    assert_eq!(posting["jobLocation"]["address"]["addressLocality"], "Gallipoli");
    assert_eq!(posting["url"], format!("{PUBLIC_URL}/en/offers/{closing}"));
    // In the sitemap, once per language.
    assert_eq!(in_sitemap(&app, &closing).await, 4);
    // In every feed that should carry it, newest first.
    for feed in &feeds {
        let listed = in_feed(&app, feed).await;
        assert!(listed.contains(&closing), "{feed}: {listed:?}");
        assert!(listed.contains(&staying), "{feed}: {listed:?}");
    }
    assert!(!in_feed(&app, "/en/feeds/sections/eures.atom").await.contains(&closing));
    assert!(!in_feed(&app, "/en/centres/nardo/feed.atom").await.contains(&closing));
    // In the next morning's digest.
    let tomorrow = today_in_rome() + Duration::days(1);
    let morning = from_rome_local(tomorrow.and_hms_opt(9, 0, 0).unwrap());
    queue_digests(&state(&app).await.app, morning).await.unwrap();
    let digests = mails(&app, "newsletter.digest").await;
    let first = digests
        .iter()
        .find(|m| m.mail.to.as_str() == "first@example.org")
        .expect("the subscriber's digest");
    let listed = in_digest(&first.mail.text);
    assert!(listed.contains(&closing) && listed.contains(&staying), "{listed:?}");

    // Closed: gone from all of them.
    app.close(&closing, OfferStatus::Withdrawn).await;
    let gone = app.get(&format!("/en/offers/{closing}")).await;
    assert_eq!(gone.status, 410);
    assert!(
        !gone.body.contains("application/ld+json"),
        "no markup on a closed offer"
    );
    assert!(!gone.body.contains("og:image"), "no social card for a closed offer");
    assert_eq!(in_sitemap(&app, &closing).await, 0);
    assert_eq!(in_sitemap(&app, &staying).await, 4);
    for feed in &feeds {
        let listed = in_feed(&app, feed).await;
        assert!(!listed.contains(&closing), "{feed}: {listed:?}");
        assert!(listed.contains(&staying), "{feed}: {listed:?}");
    }
    // A subscriber who joins now gets the offer that stays, not the closed one.
    subscribe(
        &app,
        "second@example.org",
        Lang::En,
        Frequency::Daily,
        vec![lecce.id],
        vec![Section::Ordinary],
    )
    .await;
    queue_digests(&state(&app).await.app, morning + Duration::minutes(30))
        .await
        .unwrap();
    let digests = mails(&app, "newsletter.digest").await;
    let second = digests
        .iter()
        .find(|m| m.mail.to.as_str() == "second@example.org")
        .expect("the new subscriber's digest");
    let listed = in_digest(&second.mail.text);
    assert!(listed.contains(&staying) && !listed.contains(&closing), "{listed:?}");
    assert_eq!(
        digests
            .iter()
            .filter(|m| m.mail.to.as_str() == "first@example.org")
            .count(),
        1,
        "one digest per period for the first subscriber"
    );
}
