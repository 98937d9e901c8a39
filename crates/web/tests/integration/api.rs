//! The JSON API through the real router, on SQLite and PostgreSQL.

use crate::common::TestApp;
use sportello_domain::OfferStatus;
use sportello_domain::time::today_in_rome;
use sportello_testkit::on_both_backends;

on_both_backends!(using crate::common::TestApp::new =>
    lists_the_twelve_centres,
    counts_every_open_offer,
    filters_restrict_the_results,
    pages_through_results,
    answers_one_offer_in_each_language,
    closed_and_unknown_offers,
    bad_filters_are_400_naming_the_filter,
    hostile_queries_never_fail,
    openapi_document_describes_the_api,
);

/// The OpenAPI document, as clients see it, stays what
/// `tests/snapshots/openapi.json` holds: a change to the API shows here first
/// (the comparison is of JSON values, so the order of keys does not matter).
/// After an intended change, write the new document with
/// `SPORTELLO_WRITE_SNAPSHOT=1 cargo nextest run -p sportello-web openapi_document_matches` and
/// review its diff.
#[test]
fn openapi_document_matches_its_snapshot() {
    use utoipa::OpenApi;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/openapi.json");
    let now = serde_json::to_value(sportello_web::api::ApiDoc::openapi()).unwrap();
    if std::env::var_os("SPORTELLO_WRITE_SNAPSHOT").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&now).unwrap() + "\n").unwrap();
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let snapshot: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(
        now == snapshot,
        "/api/openapi.json differs from {}: {}",
        path.display(),
        first_difference(&snapshot, &now, "")
    );
}

/// Where two JSON values first differ, as a JSON pointer and both sides.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, at: &str) -> String {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for key in x.keys().chain(y.keys()) {
                let (l, r) = (x.get(key).unwrap_or(&Value::Null), y.get(key).unwrap_or(&Value::Null));
                if l != r {
                    return first_difference(l, r, &format!("{at}/{key}"));
                }
            }
            String::new()
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (l, r)) in x.iter().zip(y).enumerate() {
                if l != r {
                    return first_difference(l, r, &format!("{at}/{i}"));
                }
            }
            String::new()
        }
        _ => format!("at {at}: snapshot {a}, now {b}"),
    }
}

async fn lists_the_twelve_centres(app: TestApp) {
    let r = app.get("/api/v1/centres?lang=en").await;
    assert_eq!(r.status, 200);
    let items = r.json()["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 12);
    let rimini = items.iter().find(|c| c["slug"] == "rimini").unwrap();
    assert_eq!(rimini["prefix"], "RN");
    assert_eq!(rimini["email"], "impiego.rimini@regione.emilia-romagna.it");
    assert_eq!(
        rimini["url"],
        format!("{}/en/centres/rimini", crate::common::PUBLIC_URL)
    );
    assert!(!rimini["opening_hours"].as_array().unwrap().is_empty());
}

async fn counts_every_open_offer(app: TestApp) {
    let today = today_in_rome();
    let expected = app
        .generated()
        .await
        .iter()
        .filter(|o| o.status == OfferStatus::Published && o.data.valid_through >= today)
        .count();
    let list = app.get("/api/v1/offers?facets=true").await.json();
    assert_eq!(list["total"], expected as u64);
    assert_eq!(list["items"].as_array().unwrap().len(), 20, "default page size");
    let by_centre: u64 = list["facets"]["centre"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(
        by_centre, expected as u64,
        "every open offer is counted under its centre"
    );
}

async fn filters_restrict_the_results(app: TestApp) {
    let all = app.get("/api/v1/offers?per_page=100").await.json();
    let total = all["total"].as_u64().unwrap();
    for (filter, value, field) in [
        ("section", "eures", "section"),
        ("centre", "lecce", "centre"),
        ("contract", "seasonal", "contract"),
        ("working_time", "full_time", "working_time"),
    ] {
        let r = app
            .get(&format!("/api/v1/offers?per_page=100&facets=true&{filter}={value}"))
            .await
            .json();
        let n = r["total"].as_u64().unwrap();
        assert!(n > 0 && n < total, "{filter}={value} gives {n} of {total}");
        assert_eq!(
            r["facets"][filter][value], n,
            "the facet count matches the filtered total"
        );
        for item in r["items"].as_array().unwrap() {
            let got = if item[field].is_object() {
                &item[field]["code"]
            } else {
                &item[field]
            };
            assert_eq!(got, value, "{filter}");
        }
    }
    let english = app.get("/api/v1/offers?per_page=100&language=en").await.json();
    for item in english["items"].as_array().unwrap() {
        let codes: Vec<_> = item["requirements"]["languages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| &l["code"])
            .collect();
        assert!(codes.iter().any(|c| *c == "en"));
    }
    let group = app.get("/api/v1/offers?per_page=100&group=5").await.json();
    for item in group["items"].as_array().unwrap() {
        assert!(item["occupation"]["code"].as_str().unwrap().starts_with('5'));
    }
    let since = today_in_rome() - chrono::Duration::days(3);
    let recent = app
        .get(&format!("/api/v1/offers?per_page=100&since={since}"))
        .await
        .json();
    for item in recent["items"].as_array().unwrap() {
        assert!(item["published_on"].as_str().unwrap() >= since.to_string().as_str());
    }
    let waiters = app.get("/api/v1/offers?q=waiter&lang=en").await.json();
    assert!(waiters["total"].as_u64().unwrap() > 0);
    let kellner = app.get("/api/v1/offers?q=Kellner").await.json();
    assert_eq!(
        kellner["total"], waiters["total"],
        "occupation names in any language find the same offers"
    );
}

async fn pages_through_results(app: TestApp) {
    let first = app.open_references("per_page=7&page=1&sort=date").await;
    let second = app.open_references("per_page=7&page=2&sort=date").await;
    assert_eq!(first.len(), 7);
    assert_eq!(second.len(), 7);
    assert!(first.iter().all(|r| !second.contains(r)), "pages do not overlap");
    let far = app.get("/api/v1/offers?page=9999").await;
    assert_eq!(far.status, 200);
    assert!(far.json()["items"].as_array().unwrap().is_empty());
}

async fn answers_one_offer_in_each_language(app: TestApp) {
    let reference = app.open_references("centre=lecce").await.remove(0);
    for lang in ["it", "en", "fr", "de"] {
        let r = app
            .get(&format!("/api/v1/offers/{}?lang={lang}", reference.to_lowercase()))
            .await;
        assert_eq!(r.status, 200, "{lang}");
        let o = r.json();
        assert_eq!(o["reference"], reference.as_str());
        assert_eq!(
            o["url"],
            format!("{}/{lang}/offers/{reference}", crate::common::PUBLIC_URL)
        );
        assert_eq!(o["short_url"], format!("{}/o/{reference}", crate::common::PUBLIC_URL));
        let text_lang = o["text_lang"].as_str().unwrap();
        assert!(text_lang == lang || text_lang == "it");
        assert_eq!(o["translations"]["it"], "original");
        assert!(!o["title"].as_str().unwrap().is_empty());
    }
    let fr = app.get(&format!("/api/v1/offers/{reference}?lang=fr")).await.json();
    let it = app.get(&format!("/api/v1/offers/{reference}?lang=it")).await.json();
    assert_ne!(
        fr["contract"]["label"], it["contract"]["label"],
        "labels follow the language"
    );
    let bad = app.get(&format!("/api/v1/offers/{reference}?lang=xx")).await;
    assert_eq!(bad.status, 400);
    assert_eq!(bad.json()["parameter"], "lang");
}

async fn closed_and_unknown_offers(app: TestApp) {
    let reference = app.open_references("").await.remove(0);
    app.close(&reference, OfferStatus::Filled).await;
    let gone = app.get(&format!("/api/v1/offers/{reference}")).await;
    assert_eq!(gone.status, 410);
    assert_eq!(gone.header("content-type"), "application/problem+json");
    assert_eq!(gone.json()["status"], 410);
    assert!(
        !app.open_references("").await.contains(&reference),
        "closed offers leave the list"
    );
    for missing in ["/api/v1/offers/LE-9999", "/api/v1/offers/not-a-code", "/api/v1/nothing"] {
        let r = app.get(missing).await;
        assert_eq!(r.status, 404, "{missing}");
        assert_eq!(r.header("content-type"), "application/problem+json");
    }
}

async fn bad_filters_are_400_naming_the_filter(app: TestApp) {
    for (filter, value) in [
        ("section", "vip"),
        ("centre", "atlantis"),
        ("group", "77"),
        ("contract", "forever"),
        ("working_time", "always"),
        ("language", "tlh"),
        ("since", "31-12-2026"),
        ("sort", "random"),
        ("page", "0"),
        ("per_page", "5000"),
    ] {
        let r = app
            .get_with(
                &format!("/api/v1/offers?{filter}={value}"),
                &[("accept-language", "de")],
            )
            .await;
        assert_eq!(r.status, 400, "{filter}={value}");
        assert_eq!(r.header("content-type"), "application/problem+json");
        let p = r.json();
        assert_eq!(p["parameter"], filter);
        assert_eq!(p["value"], value);
        assert!(
            p["detail"].as_str().unwrap().contains(filter),
            "the message names the filter"
        );
    }
    let french = app.get("/api/v1/offers?section=vip&lang=fr").await.json();
    let expected = sportello_app::i18n::msg(sportello_domain::Lang::Fr, "bad-request-title");
    assert_eq!(
        french["title"],
        expected.as_str(),
        "problems speak the requested language"
    );
}

async fn hostile_queries_never_fail(app: TestApp) {
    let long = "cameriere ".repeat(1100);
    let queries = [
        "\"cameriere di sala\"",
        "title:cuoco",
        "(cameriere OR cuoco)",
        "cameriere~2",
        "camer*",
        "-cuoco",
        "🍝👩‍🍳",
        "עבודה عمل",
        "%_%",
        "'; DROP TABLE offers; --",
        long.as_str(),
    ];
    for q in queries {
        let encoded: String = q.bytes().map(|b| format!("%{b:02X}")).collect();
        let r = app.get(&format!("/api/v1/offers?q={encoded}")).await;
        assert_eq!(r.status, 200, "{q:.40}");
        assert_eq!(r.json()["query_truncated"], q.chars().count() > 200);
    }
    assert!(
        app.get("/api/v1/offers").await.json()["total"].as_u64().unwrap() > 0,
        "the table is still there"
    );
}

async fn openapi_document_describes_the_api(app: TestApp) {
    let doc = app.get("/api/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in ["/api/v1/centres", "/api/v1/offers", "/api/v1/offers/{reference}"] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} is documented");
    }
    let params: Vec<_> = doc["paths"]["/api/v1/offers"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].clone())
        .collect();
    for name in [
        "q",
        "centre",
        "section",
        "group",
        "contract",
        "working_time",
        "language",
        "since",
        "sort",
        "page",
        "per_page",
        "facets",
    ] {
        assert!(params.iter().any(|p| p == name), "parameter {name} is documented");
    }
    assert!(doc["components"]["schemas"]["OfferJson"].is_object());
}
