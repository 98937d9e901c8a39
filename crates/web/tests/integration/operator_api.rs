//! The operator API through the real router, on SQLite and PostgreSQL:
//! tokens, the same permission rules as the back office, field errors,
//! stale versions, and the lifecycle seen from the public API.

use crate::common::{TestApp, TestResponse};
use axum::http::StatusCode;
use chrono::Utc;
use sportello_auth::hash_token;
use sportello_domain::{Actor, Grant, Role, Scope};
use sportello_storage::AuditFilter;
use sportello_testkit::on_both_backends;

const TOKEN: &str = "spt_test-token-of-the-lecce-operator";

async fn operator_with_token(app: &TestApp) -> sportello_domain::User {
    let lecce = app.centre("lecce").await;
    let user = app
        .add_user(
            "api@cpi.example",
            vec![Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap()],
        )
        .await;
    app.storage()
        .insert_api_token(
            user.id,
            "script",
            &hash_token(TOKEN),
            Utc::now() + chrono::Duration::days(90),
            &Actor::system(),
            Utc::now(),
        )
        .await
        .unwrap();
    user
}

async fn call(app: &TestApp, method: &str, path: &str, body: serde_json::Value) -> TestResponse {
    let auth = format!("Bearer {TOKEN}");
    app.request(
        method,
        path,
        &[("authorization", &auth), ("content-type", "application/json")],
        body.to_string().into_bytes(),
    )
    .await
}

fn offer_body(centre: &str) -> serde_json::Value {
    let valid = (sportello_domain::time::today_in_rome() + chrono::Duration::days(30)).to_string();
    serde_json::json!({
        "centre": centre, "section": "ordinary", "occupation": "7112",
        "title": "Muratore", "description": "Cantiere a Lecce.", "how_to_apply": "CV al centro.",
        "employer_name": "Edilizia Salentina", "town": "Lecce", "region": "LE",
        "contract": "fixed_term", "working_time": "full_time", "openings": 3,
        "education": "none", "valid_through": valid,
        "languages": [{ "language": "it", "level": "B1" }]
    })
}

async fn tokens_and_rules(app: TestApp) {
    let user = operator_with_token(&app).await;

    // No token, or a wrong one: 401 with a challenge.
    let none = app
        .request(
            "POST",
            "/api/v1/offers",
            &[("content-type", "application/json")],
            b"{}".to_vec(),
        )
        .await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert!(none.header("www-authenticate").starts_with("Bearer"));
    assert_eq!(none.header("content-type"), "application/problem+json");
    let wrong = app
        .request(
            "POST",
            "/api/v1/offers",
            &[("authorization", "Bearer spt_nope")],
            Vec::new(),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);

    // Field errors, all at once, in the user's language.
    let mut bad = offer_body("lecce");
    bad["openings"] = serde_json::json!("many");
    bad["occupation"] = serde_json::json!("0000");
    let refused = call(&app, "POST", "/api/v1/offers", bad).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    let errors = refused.json()["errors"].as_array().unwrap().clone();
    let fields: Vec<&str> = errors.iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["occupation", "openings"]);
    assert_eq!(errors[1]["problem"], "not_a_number");
    assert_eq!(errors[1]["message"], "Scrivi un numero intero.");
    let unknown = call(&app, "POST", "/api/v1/offers", serde_json::json!({ "salary": 5 })).await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert!(unknown.json()["value"].as_str().unwrap().contains("salary"));

    // Another centre: refused and logged.
    let elsewhere = call(&app, "POST", "/api/v1/offers", offer_body("tricase")).await;
    assert_eq!(elsewhere.status, StatusCode::FORBIDDEN);

    // Create, update with the version read, publish, withdraw.
    let created = call(&app, "POST", "/api/v1/offers", offer_body("lecce")).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let json = created.json();
    let reference = json["reference"].as_str().unwrap().to_string();
    assert_eq!(created.header("location"), format!("/api/v1/offers/{reference}"));
    assert_eq!(json["status"], "draft");
    assert_eq!(json["fields"]["openings"], "3");
    assert_eq!(
        app.get(&format!("/api/v1/offers/{reference}")).await.status,
        StatusCode::NOT_FOUND,
        "drafts are not public"
    );
    let mut changed = offer_body("lecce");
    changed["openings"] = serde_json::json!(5);
    let no_version = call(&app, "PUT", &format!("/api/v1/offers/{reference}"), changed.clone()).await;
    assert_eq!(no_version.status, StatusCode::BAD_REQUEST);
    changed["version"] = json["version"].clone();
    let updated = call(&app, "PUT", &format!("/api/v1/offers/{reference}"), changed.clone()).await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.body);
    assert_eq!(updated.json()["fields"]["openings"], "5");
    let stale = call(&app, "PUT", &format!("/api/v1/offers/{reference}"), changed).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);

    let published = call(
        &app,
        "POST",
        &format!("/api/v1/offers/{reference}/publish"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(published.status, StatusCode::OK);
    assert_eq!(published.json()["status"], "published");
    let public = app.get(&format!("/api/v1/offers/{reference}")).await;
    assert_eq!(public.status, StatusCode::OK);
    assert_eq!(public.json()["openings"], 5);
    let again = call(
        &app,
        "POST",
        &format!("/api/v1/offers/{reference}/publish"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "only a draft can be published");
    let withdrawn = call(
        &app,
        "POST",
        &format!("/api/v1/offers/{reference}/withdraw"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(withdrawn.json()["status"], "withdrawn");
    assert_eq!(
        app.get(&format!("/api/v1/offers/{reference}")).await.status,
        StatusCode::GONE
    );

    // Someone else's offer cannot be published through the API either.
    let tricase_open = app.open_references("centre=tricase").await;
    let theirs = &tricase_open[0];
    let refused = call(
        &app,
        "POST",
        &format!("/api/v1/offers/{theirs}/withdraw"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(app.open_references("centre=tricase").await.contains(theirs));
    let denials = app
        .storage()
        .audit_entries(&AuditFilter {
            action: Some("permission_denied".into()),
            actor: Some("api@cpi.example".into()),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(denials.len(), 2);

    // A revoked token stops working at once.
    let token = app.storage().api_tokens(user.id).await.unwrap()[0].id;
    app.storage()
        .revoke_api_token(user.id, token, &Actor::system(), Utc::now())
        .await
        .unwrap();
    let revoked = call(&app, "POST", "/api/v1/offers", offer_body("lecce")).await;
    assert_eq!(revoked.status, StatusCode::UNAUTHORIZED);
}

async fn the_document_describes_the_operator_api(app: TestApp) {
    let doc = app.get("/api/openapi.json").await.json();
    assert!(doc["paths"]["/api/v1/offers"]["post"].is_object());
    assert!(doc["paths"]["/api/v1/offers/{reference}"]["put"].is_object());
    assert!(doc["paths"]["/api/v1/offers/{reference}/{action}"]["post"].is_object());
    assert_eq!(doc["components"]["securitySchemes"]["token"]["scheme"], "bearer");
    assert!(doc["components"]["schemas"]["OfferInput"]["properties"]["valid_through"].is_object());
}

/// Work from home: stored, changed with a recorded diff, and said on the
/// public page and in the public API in the reader's language.
async fn remote_work_is_stored_and_shown(app: TestApp) {
    operator_with_token(&app).await;
    let mut body = offer_body("lecce");
    body["remote"] = serde_json::json!(true);
    body["occupation"] = serde_json::json!("2512");
    let created = call(&app, "POST", "/api/v1/offers", body.clone()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let reference = created.json()["reference"].as_str().unwrap().to_string();
    assert_eq!(created.json()["fields"]["remote"], true);
    let published = call(
        &app,
        "POST",
        &format!("/api/v1/offers/{reference}/publish"),
        serde_json::json!({}),
    )
    .await;
    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    let public = app.get(&format!("/api/v1/offers/{reference}?lang=en")).await.json();
    assert_eq!(public["place"]["remote"], true);
    assert_eq!(public["place"]["town"], "Lecce");
    assert_eq!(
        public["place"]["label"],
        "Remote, for people living in Italy (based in Lecce (LE))"
    );
    let page = app.get(&format!("/de/offers/{reference}")).await;
    assert!(
        page.text()
            .contains("Homeoffice, für Personen mit Wohnsitz in Italien (Sitz: Lecce (LE))"),
        "{}",
        page.text()
    );

    // Back to on site: the change is recorded field by field.
    body["remote"] = serde_json::json!(false);
    body["version"] = published.json()["version"].clone();
    let updated = call(&app, "PUT", &format!("/api/v1/offers/{reference}"), body).await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.body);
    let public = app.get(&format!("/api/v1/offers/{reference}?lang=en")).await.json();
    assert_eq!(public["place"]["remote"], false);
    assert_eq!(public["place"]["label"], "Lecce (LE)");
    let changes = app
        .storage()
        .audit_entries(&AuditFilter {
            action: Some("offer.update".into()),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert!(
        changes.iter().any(|e| format!("{e:?}").contains("remote")),
        "{changes:?}"
    );
}

on_both_backends!(using crate::common::TestApp::new =>
    tokens_and_rules,
    the_document_describes_the_operator_api,
    remote_work_is_stored_and_shown,
);
