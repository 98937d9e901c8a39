//! The back office's ready-to-paste posts, on SQLite and PostgreSQL: an
//! operator sees the new offers of their centres with a text per language
//! (short link, closing date, under 1,500 characters) and the card images;
//! an administrator every centre's; bad filters are 400, no grant is 403.

use crate::common::browser::{Browser, PASSWORD};
use crate::common::{PUBLIC_URL, TestApp};
use axum::http::StatusCode;
use chrono::Days;
use sportello_app::i18n::msg;
use sportello_domain::time::today_in_rome;
use sportello_domain::vocab::Vocabulary;
use sportello_domain::{Grant, Lang, RefCode, Role, Scope};
use sportello_testkit::on_both_backends;

on_both_backends!(using crate::common::TestApp::new =>
    operators_get_posts_for_their_new_offers,
    administrators_see_every_centre_and_bad_filters_are_refused,
);

fn unescape(s: &str) -> String {
    s.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The text of the textarea with this id.
fn textarea(body: &str, id: &str) -> Option<String> {
    let open = format!(r#"<textarea id="{id}""#);
    let start = body.find(&open)?;
    let content = start + body[start..].find('>')? + 1;
    let end = content + body[content..].find("</textarea>")?;
    Some(unescape(&body[content..end]))
}

async fn operators_get_posts_for_their_new_offers(app: TestApp) {
    let lecce = app.centre("lecce").await;
    app.add_user(
        "anna@cpi.example",
        vec![Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap()],
    )
    .await;
    let mut browser = Browser::new(&app);
    let anonymous = browser.get("/it/office/posts").await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    browser.sign_in_fully("anna@cpi.example", PASSWORD).await;

    // The oracle: Lecce's open offers of the sections an operator reads,
    // published in the last 30 days.
    let today = today_in_rome();
    let since = today - Days::new(29);
    let mut expected = Vec::new();
    for reference in app.open_references("centre=lecce&per_page=100").await {
        let offer = app
            .storage()
            .offer(&RefCode::parse(&reference).unwrap())
            .await
            .unwrap()
            .unwrap();
        if !offer.data.section.is_mirato() && offer.published_on.is_some_and(|d| d >= since) {
            expected.push(offer);
        }
    }
    assert!(!expected.is_empty(), "the demo publishes offers in Lecce every week");

    let page = browser.get("/en/office/posts?days=30").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.h1(), msg(Lang::En, "posts-title"));
    assert!(page.header("cache-control").contains("no-store"));
    assert!(
        page.body.contains(r#"href="/en/office/posts" aria-current="page""#),
        "in the office nav"
    );
    assert_eq!(page.body.matches(r#"<section class="post""#).count(), expected.len());
    for offer in &expected {
        let reference = offer.reference.to_string();
        for lang in Lang::ALL {
            let text = textarea(&page.body, &format!("post-{reference}-{lang}"))
                .unwrap_or_else(|| panic!("{reference}: a {lang} text"));
            assert!(
                text.chars().count() <= 1500,
                "{reference} {lang}: {} chars",
                text.chars().count()
            );
            let title = &offer.data.display_text(lang).unwrap().title;
            assert!(text.starts_with(title.as_str()), "{reference} {lang}: {text}");
            assert!(text.contains(&format!("{PUBLIC_URL}/o/{reference}")), "{text}");
            assert!(text.contains(&offer.data.place.town), "{text}");
            assert!(text.contains(&lecce.data.name), "{text}");
            assert!(text.contains(offer.data.contract.label(lang)), "{text}");
            let date = offer.data.valid_through.format("%d").to_string();
            assert!(text.contains(&date), "{text}");
            assert!(text.contains('#'), "hashtags: {text}");
            let card = format!("/{lang}/offers/{reference}/card.png");
            assert!(page.body.contains(&format!(r#"href="{card}""#)), "{card}");
            let label = format!(r#"<label for="post-{reference}-{lang}">"#);
            assert!(page.body.contains(&label), "every text has its label");
        }
        let card = app.get(&format!("/fr/offers/{reference}/card.png")).await;
        assert_eq!(card.status, 200);
        assert_eq!(card.header("content-type"), "image/png");
    }
    // Only Lecce's: another centre's offers are never listed, nor a centre filter for them.
    assert!(!page.body.contains("value=\"gallipoli\""));
    let other = browser.get("/en/office/posts?centre=gallipoli").await;
    assert_eq!(other.status, 400);
    // One day back lists at most the offers published today.
    let today_only = browser.get("/it/office/posts?days=1&centre=lecce").await;
    assert_eq!(today_only.status, 200);
    let published_today = expected.iter().filter(|o| o.published_on == Some(today)).count();
    assert_eq!(
        today_only.body.matches(r#"<section class="post""#).count(),
        published_today
    );
}

async fn administrators_see_every_centre_and_bad_filters_are_refused(app: TestApp) {
    let root = app
        .add_user(
            "root@cpi.example",
            vec![Grant::new(Role::Admin, Scope::Installation).unwrap()],
        )
        .await;
    app.add_user("nobody@cpi.example", vec![]).await;
    let mut admin = Browser::new(&app);
    admin.sign_in_with_second_factor(&root).await;
    let page = admin.get("/de/office/posts?days=60").await;
    assert_eq!(page.status, 200);
    let centres = app.storage().centres().await.unwrap();
    for c in &centres {
        assert!(
            page.body.contains(&format!(r#"<option value="{}""#, c.data.slug)),
            "{}",
            c.data.slug
        );
    }
    let gallipoli = admin.get("/de/office/posts?days=60&centre=gallipoli").await;
    assert_eq!(gallipoli.status, 200);
    let listed = gallipoli.body.matches(r#"<section class="post""#).count();
    assert!(listed <= page.body.matches(r#"<section class="post""#).count());
    for (query, name) in [
        ("days=0", "days"),
        ("days=61", "days"),
        ("days=abc", "days"),
        ("centre=atlantis", "centre"),
    ] {
        let bad = admin.get(&format!("/en/office/posts?{query}")).await;
        assert_eq!(bad.status, 400, "{query}");
        assert!(bad.text().contains(name), "{query}: names the filter");
    }
    let mut nobody = Browser::new(&app);
    nobody.sign_in_fully("nobody@cpi.example", PASSWORD).await;
    assert_eq!(nobody.get("/it/office/posts").await.status, 403);
}
