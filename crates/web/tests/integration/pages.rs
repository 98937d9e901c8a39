//! Public pages through the real router, on SQLite and PostgreSQL.

use crate::common::{PUBLIC_URL, TestApp};
use chrono::Utc;
use sportello_app::i18n::{args, message_ids, msg, msg_args};
use sportello_domain::{Lang, OfferStatus};
use sportello_testkit::on_both_backends;

on_both_backends!(using crate::common::TestApp::new =>
    root_and_short_addresses_follow_the_browser_language,
    every_page_in_every_language,
    links_come_from_the_public_url_never_the_host_header,
    board_shows_sections_with_counts_and_contacts,
    missing_translation_falls_back_to_italian_with_a_note,
    closed_offers_are_410_with_similar_offers,
    drafts_and_unknown_things_are_404_in_the_page_language,
    bad_filters_are_400_pages_naming_the_filter,
    search_page_filters_counts_and_pages,
    hostile_search_input_is_handled,
    health_check_answers,
);

const LANGS: [&str; 4] = ["it", "en", "fr", "de"];

async fn root_and_short_addresses_follow_the_browser_language(app: TestApp) {
    for (accept, lang) in [
        ("de-DE,de;q=0.9,en;q=0.8", "de"),
        ("fr", "fr"),
        ("es, en;q=0.5", "en"),
        ("", "it"),
    ] {
        let r = app.get_with("/", &[("accept-language", accept)]).await;
        assert!(r.status.is_redirection(), "{accept}");
        assert_eq!(r.header("location"), format!("/{lang}/"));
        assert_eq!(r.header("vary"), "Accept-Language");
    }
    let reference = app.open_references("").await.remove(0);
    let r = app
        .get_with(
            &format!("/o/{}", reference.to_lowercase()),
            &[("accept-language", "en-GB")],
        )
        .await;
    assert!(r.status.is_redirection());
    assert_eq!(r.header("location"), format!("/en/offers/{reference}"));
    let bad = app.get_with("/o/nonsense", &[("accept-language", "fr")]).await;
    assert_eq!(bad.status, 404);
    assert_eq!(bad.h1(), msg(Lang::Fr, "not-found-title"));
    assert_eq!(app.get("/de").await.header("location"), "/de/");
}

async fn every_page_in_every_language(app: TestApp) {
    let reference = app.open_references("centre=lecce").await.remove(0);
    let all_ids = message_ids(Lang::It);
    for code in LANGS {
        let lang = Lang::parse(code).unwrap();
        for path in [
            format!("/{code}/"),
            format!("/{code}/centres/lecce"),
            format!("/{code}/offers/{reference}"),
            format!("/{code}/search?q=cameriere"),
            format!("/{code}/accessibility"),
            format!("/{code}/privacy"),
        ] {
            let r = app.get(&path).await;
            assert_eq!(r.status, 200, "{path}");
            assert!(r.body.starts_with("<!doctype html>"), "{path}");
            assert!(r.body.contains(&format!("<html lang=\"{code}\">")), "{path}");
            assert!(!r.h1().is_empty(), "{path}");
            let text = r.text();
            for id in all_ids.iter().filter(|id| id.contains('-')) {
                assert!(
                    !text.split(' ').any(|word| word == id),
                    "{path} shows the raw message id {id}"
                );
            }
            for footer in ["accessibility-title", "privacy-title"] {
                assert!(text.contains(&msg(lang, footer)), "{path} links the {footer} page");
            }
        }
        let home = app.get(&format!("/{code}/")).await;
        assert_eq!(home.h1(), msg(lang, "home-title"));
        assert!(home.body.contains("name=\"q\""), "home has a search box");
        for centre in [
            "Campi Salentina",
            "Casarano",
            "Galatina",
            "Gallipoli",
            "Maglie",
            "Martano",
            "Nardò",
            "Poggiardo",
            "Tricase",
            "Rimini",
            "Riccione",
        ] {
            assert!(home.text().contains(centre), "home lists {centre}");
        }
    }
}

async fn links_come_from_the_public_url_never_the_host_header(app: TestApp) {
    let r = app
        .get_with(
            "/en/centres/gallipoli",
            &[("host", "evil.example"), ("x-forwarded-host", "evil.example")],
        )
        .await;
    assert!(!r.body.contains("evil.example"));
    assert!(r.body.contains(&format!(
        "<link rel=\"canonical\" href=\"{PUBLIC_URL}/en/centres/gallipoli\">"
    )));
    for code in LANGS {
        assert!(r.body.contains(&format!(
            "hreflang=\"{code}\" href=\"{PUBLIC_URL}/{code}/centres/gallipoli\""
        )));
    }
    assert!(r.body.contains(&format!(
        "hreflang=\"x-default\" href=\"{PUBLIC_URL}/it/centres/gallipoli\""
    )));
    let reference = app.open_references("").await.remove(0);
    let offer = app
        .get_with(&format!("/it/offers/{reference}"), &[("host", "evil.example")])
        .await;
    assert!(
        offer.body.contains(&format!("{PUBLIC_URL}/o/{reference}")),
        "the short address uses the public URL"
    );
}

async fn board_shows_sections_with_counts_and_contacts(app: TestApp) {
    let facets = app.get("/api/v1/offers?centre=lecce&facets=true").await.json()["facets"]["section"].clone();
    for code in LANGS {
        let lang = Lang::parse(code).unwrap();
        let r = app.get(&format!("/{code}/centres/lecce")).await;
        assert_eq!(r.h1(), "Centro per l'Impiego di Lecce");
        let text = r.text();
        for (section, title, who) in [
            ("ordinary", "section-ordinary", "section-ordinary-who"),
            ("eures", "section-eures", "section-eures-who"),
            ("mirato_art1", "section-mirato-art1", "section-mirato-art1-who"),
            ("mirato_art18", "section-mirato-art18", "section-mirato-art18-who"),
        ] {
            assert!(
                r.body.contains(&format!("id=\"{section}\"")),
                "{code}: section {section}"
            );
            assert!(text.contains(&msg(lang, title)), "{code}: {title}");
            assert!(text.contains(&msg(lang, who)), "{code}: {who}");
            let count = facets[section].as_u64().unwrap_or(0);
            assert!(
                text.contains(&format!("{} ({count})", msg(lang, title))),
                "{code}: {section} has {count}"
            );
        }
        assert!(text.contains(&msg(lang, "weekday-2")), "opening hours by weekday");
        assert!(r.body.contains("tel:+39"));
        assert!(r.body.contains("mailto:"));
    }
    let rimini = app.get("/it/centres/rimini").await;
    assert!(rimini.text().contains("impiego.rimini@regione.emilia-romagna.it"));
    assert!(rimini.text().contains("0541 446209"));
}

async fn missing_translation_falls_back_to_italian_with_a_note(app: TestApp) {
    let list = app.get("/api/v1/offers?per_page=100").await.json();
    let items = list["items"].as_array().unwrap();
    let without_german = items
        .iter()
        .find(|o| o["translations"]["de"] == "missing")
        .expect("some offers lack German");
    let with_german = items
        .iter()
        .find(|o| o["translations"]["de"] == "reviewed")
        .expect("some offers have German");
    let note = msg(Lang::De, "text-fallback-note");

    let reference = without_german["reference"].as_str().unwrap();
    let r = app.get(&format!("/de/offers/{reference}")).await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains(&note), "the fallback is said in German");
    assert!(
        r.body.contains("class=\"free-text\" lang=\"it\""),
        "the Italian text is marked as Italian"
    );
    let italian = app.get(&format!("/api/v1/offers/{reference}?lang=it")).await.json();
    assert_eq!(r.h1(), italian["title"].as_str().unwrap());
    assert!(
        r.text().contains(&msg(Lang::De, "field-contract")),
        "structured fields stay in German"
    );

    let reference = with_german["reference"].as_str().unwrap();
    let r = app.get(&format!("/de/offers/{reference}")).await;
    assert!(!r.text().contains(&note));
    let german = app.get(&format!("/api/v1/offers/{reference}?lang=de")).await.json();
    assert_eq!(r.h1(), german["title"].as_str().unwrap());
    assert!(
        r.text()
            .contains(&format!("{} {reference}", msg(Lang::De, "reference")))
    );
}

async fn closed_offers_are_410_with_similar_offers(app: TestApp) {
    let reference = app.open_references("centre=rimini").await.remove(0);
    app.close(&reference, OfferStatus::Withdrawn).await;
    for code in LANGS {
        let lang = Lang::parse(code).unwrap();
        let r = app.get(&format!("/{code}/offers/{reference}")).await;
        assert_eq!(r.status, 410);
        assert_eq!(r.h1(), msg(lang, "offer-gone-title"));
        assert!(
            r.body.contains("class=\"offer-link\""),
            "{code}: similar open offers are linked"
        );
        assert!(
            !r.body
                .contains(&format!("class=\"offer-link\" href=\"/{code}/offers/{reference}\"")),
            "not itself"
        );
    }
}

async fn drafts_and_unknown_things_are_404_in_the_page_language(app: TestApp) {
    let centre = app.storage().centre_by_slug("maglie").await.unwrap().unwrap();
    let mut draft = app.generated().await.remove(0).data;
    draft.centre = centre.id;
    let draft = app
        .storage()
        .insert_offer(&draft, &sportello_domain::Actor::system(), Utc::now())
        .await
        .unwrap();
    for path in [
        format!("/fr/offers/{}", draft.reference),
        "/fr/offers/MA-99999".into(),
        "/fr/centres/atlantis".into(),
        "/fr/nowhere".into(),
    ] {
        let r = app.get(&path).await;
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.h1(), msg(Lang::Fr, "not-found-title"));
        assert!(r.body.contains("<html lang=\"fr\">"));
    }
    assert_eq!(
        app.get(&format!("/api/v1/offers/{}", draft.reference)).await.status,
        404
    );
    let r = app.get_with("/xx/centres/lecce", &[("accept-language", "de")]).await;
    assert_eq!(r.status, 404);
    assert!(r.body.contains("<html lang=\"de\">"));
    assert!(r.text().contains(&msg(Lang::De, "unknown-language-text")));
    for code in LANGS {
        assert!(r.body.contains(&format!("href=\"/{code}/\"")), "links to /{code}/");
    }
}

async fn bad_filters_are_400_pages_naming_the_filter(app: TestApp) {
    for (filter, value) in [
        ("section", "vip"),
        ("centre", "atlantis"),
        ("group", "x"),
        ("contract", "forever"),
        ("since", "ieri"),
        ("page", "-3"),
    ] {
        let r = app.get(&format!("/it/search?{filter}={value}")).await;
        assert_eq!(r.status, 400, "{filter}");
        assert_eq!(r.h1(), msg(Lang::It, "bad-request-title"));
        assert!(
            r.text().contains(&format!("«{filter}»")),
            "{filter} is named: {}",
            r.text()
        );
    }
}

async fn search_page_filters_counts_and_pages(app: TestApp) {
    let r = app.get("/en/search?section=eures&per_page=5").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.h1(), msg(Lang::En, "search-title"));
    let total = app.get("/api/v1/offers?section=eures").await.json()["total"]
        .as_u64()
        .unwrap();
    assert!(r.text().contains(&format!("{total} offers found")), "{}", r.text());
    assert_eq!(r.body.matches("class=\"offer-link\"").count(), 5.min(total as usize));
    assert!(
        r.body.contains("<option value=\"eures\" selected>"),
        "the chosen filter stays selected"
    );
    if total > 5 {
        assert!(r.body.contains("rel=\"next\""));
        assert!(r.body.contains("section=eures"), "page links keep the filters");
    }
    let waiter = app.get("/de/search?q=Kellner").await;
    assert!(
        waiter.body.contains("class=\"offer-link\""),
        "German occupation names find Italian offers"
    );
}

async fn hostile_search_input_is_handled(app: TestApp) {
    let long: String = "x".repeat(10 * 1024);
    for q in [
        "%22cameriere%22",
        "a%3Ab",
        "(x)",
        "~",
        "*",
        "-",
        "%F0%9F%99%82",
        "%D7%A2%D7%91%D7%95%D7%93%D7%94",
        long.as_str(),
    ] {
        let r = app.get(&format!("/it/search?q={q}")).await;
        assert_eq!(r.status, 200, "{q:.20}");
    }
    let r = app.get(&format!("/en/search?q={long}")).await;
    let note = msg_args(Lang::En, "query-truncated", &args(&[("max", 200.into())]));
    assert!(r.text().contains(&note), "the reader is told the search was cut");
    assert!(r.body.contains("role=\"note\""), "the cut is visible");
}

async fn health_check_answers(app: TestApp) {
    let r = app.get("/healthz").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body, "ok");
}
