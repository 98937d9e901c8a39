//! The person's CV through the real router, on SQLite and PostgreSQL: the
//! form refuses each bad field and saves nothing; a CV written in French
//! is kept with its domicile (and the competent centre shown), printed as a
//! PDF in French and exported as JSON; consents are recorded one by one
//! with the privacy notice's version.

use crate::common::TestApp;
use crate::common::browser::Browser;
use crate::common::people::sign_up;
use axum::http::StatusCode;
use sportello_app::people::cv::NOTICE_VERSION;
use sportello_domain::{Contact, Email, PersonId};
use sportello_testkit::on_both_backends;
use sportello_testkit::pdf::PdfFile;

async fn person(app: &TestApp, email: &str) -> PersonId {
    let contact = Contact::Email(Email::parse(email).unwrap());
    app.storage()
        .person_by_contact(&contact)
        .await
        .unwrap()
        .unwrap()
        .account
        .id
}

fn french_cv() -> Vec<(&'static str, &'static str)> {
    vec![
        ("cv_lang", "fr"),
        ("summary", "Cuisinière, dix ans de saison."),
        ("domicile", "nardo"),
        ("occupations.0", "5120 — Cooks"),
        ("experience.0.title", "Cuisinière"),
        ("experience.0.employer", "Hôtel du Port"),
        ("experience.0.occupation", "5120"),
        ("experience.0.from", "2019-05"),
        ("experience.0.to", "2019-09"),
        ("experience.0.tasks", "Cuisine chaude"),
        ("education.0.title", "CAP Cuisine"),
        ("education.0.level", "3"),
        ("education.0.year", "2012"),
        ("languages.0.language", "fr"),
        ("languages.0.level", "C2"),
        ("languages.1.language", "it"),
        ("languages.1.level", "B1"),
        ("licences", "B"),
        ("certificates", "HACCP"),
        ("full_time", "1"),
        ("km", "30"),
    ]
}

async fn the_cv_is_checked_kept_printed_and_exported(app: TestApp) {
    let mut browser = Browser::new(&app);
    assert_eq!(
        browser.get("/en/account/cv").await.status,
        StatusCode::SEE_OTHER,
        "signed in only"
    );
    sign_up(&app, &mut browser, "amina@example.org", "").await;
    let id = person(&app, "amina@example.org").await;
    let page = browser.get("/en/account/cv").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.h1(), "My CV");

    // Bad fields: each named, nothing saved.
    let mut bad = french_cv();
    bad.retain(|(k, _)| !k.starts_with("languages.1") && !["domicile", "experience.0.from", "km"].contains(k));
    bad.extend([
        ("domicile", "Castro"),
        ("experience.0.from", "2019-13"),
        ("languages.1.language", "fr"),
        ("languages.1.level", "B1"),
        ("km", "lots"),
    ]);
    let r = browser.post("/en/account/cv", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = r.text();
    for expected in ["add the province", "year-month", "already listed", "whole number"] {
        assert!(
            text.to_lowercase().contains(&expected.to_lowercase()),
            "{expected}: {text}"
        );
    }
    assert!(
        r.body.contains("value=\"Hôtel du Port\""),
        "what was typed is shown again"
    );
    assert!(app.storage().cv(id).await.unwrap().is_none());

    let r = browser.post("/en/account/cv", &french_cv()).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let stored = app.storage().cv(id).await.unwrap().unwrap();
    assert_eq!(stored.cv.domicile.unwrap().as_str(), "075052");
    assert_eq!(stored.cv.occupations, ["5120"]);
    assert_eq!(stored.cv.experience[0].occupation.as_deref(), Some("5120"));
    let page = browser.get("/en/account/cv?saved=1").await;
    assert!(page.text().contains("Nardò"), "{}", page.text());
    assert!(page.body.contains("value=\"5120 — Cooks\""));

    let pdf = browser.get("/en/account/cv.pdf").await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.header("content-type"), "application/pdf");
    assert_eq!(pdf.header("cache-control"), "no-store");
    let text = PdfFile::new(&pdf.bytes).flat_text();
    for part in [
        "Test Person",
        "Hôtel du Port",
        "Cuisinière",
        "Nardò (LE)",
        "HACCP",
        "amina@example.org",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }

    // Consents: each change recorded with the notice's version.
    browser.get("/en/account/cv").await;
    let r = browser
        .post(
            "/en/account/cv/consents",
            &[("proposable", "1"), ("shared", "experience"), ("shared", "languages")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    browser.get("/en/account/cv").await;
    let r = browser
        .post("/en/account/cv/consents", &[("shared", "languages")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let records = app.storage().consent_records(id).await.unwrap();
    let seen: Vec<(String, bool)> = records.iter().map(|r| (r.consent.clone(), r.granted)).collect();
    assert_eq!(
        seen,
        [
            ("cv_proposable".to_string(), true),
            ("cv_share:experience".to_string(), true),
            ("cv_share:languages".to_string(), true),
            ("cv_proposable".to_string(), false),
            ("cv_share:experience".to_string(), false),
        ]
    );
    assert!(records.iter().all(|r| r.notice_version == NOTICE_VERSION));
    browser.get("/en/account/cv").await;
    let r = browser.post("/en/account/cv/consents", &[("shared", "health")]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "an unknown section");

    let json = browser.get("/en/account/cv.json").await;
    assert_eq!(json.status, StatusCode::OK);
    let value = json.json();
    assert_eq!(value["cv"]["domicile"], "075052");
    assert_eq!(value["consents"]["history"].as_array().unwrap().len(), 5);
    assert_eq!(value["consents"]["shared_sections"], serde_json::json!(["languages"]));
}

on_both_backends!(using crate::common::TestApp::new =>
    the_cv_is_checked_kept_printed_and_exported,
);
