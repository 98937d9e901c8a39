//! Machine translation against a small LibreTranslate-compatible server
//! of this test on loopback, on SQLite and PostgreSQL: it fills drafts
//! (never public until reviewed), never touches a reviewed text, and a
//! server that does not answer changes nothing.

use std::sync::{Arc, Mutex};

use crate::common::TestApp;
use crate::common::browser::{Browser, PASSWORD};
use axum::Json;
use axum::http::StatusCode;
use axum::routing::post;
use sportello_app::translator::Translator;
use sportello_domain::{Grant, Lang, OfferStatus, RefCode, Role, Scope, Section, TextStatus};
use sportello_testkit::Backend;

/// What the fake server received: `(source, target, api_key, texts)`.
type Calls = Arc<Mutex<Vec<(String, String, String, Vec<String>)>>>;

/// Starts the fake server; it answers `[TARGET] text` for each text.
async fn libretranslate() -> (String, Calls) {
    let calls: Calls = Arc::default();
    let seen = calls.clone();
    let app = axum::Router::new().route(
        "/translate",
        post(move |Json(body): Json<serde_json::Value>| {
            let seen = seen.clone();
            async move {
                let texts: Vec<String> = serde_json::from_value(body["q"].clone()).unwrap_or_default();
                let target = body["target"].as_str().unwrap_or_default().to_string();
                seen.lock().unwrap().push((
                    body["source"].as_str().unwrap_or_default().into(),
                    target.clone(),
                    body["api_key"].as_str().unwrap_or_default().into(),
                    texts.clone(),
                ));
                let out: Vec<String> = texts
                    .iter()
                    .map(|t| format!("[{}] {t}", target.to_uppercase()))
                    .collect();
                Json(serde_json::json!({ "translatedText": out }))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{address}"), calls)
}

async fn app_with(backend: Backend, url: &str) -> TestApp {
    let translator = Arc::new(Translator::new(url, Some("secret-key".into())).unwrap());
    TestApp::with_state(backend, move |state| state.translator = Some(translator)).await
}

/// An open offer of Lecce without a German text.
async fn untranslated(app: &TestApp) -> RefCode {
    let lecce = app.centre("lecce").await;
    let page = app
        .storage()
        .translation_queue(
            &[(lecce.id, Section::Ordinary)],
            Some(Lang::De),
            sportello_domain::time::today_in_rome(),
            50,
        )
        .await
        .unwrap();
    page.iter()
        .find(|t| t.offer.data.text_status(Lang::De) == TextStatus::Missing && t.offer.status == OfferStatus::Published)
        .expect("an offer without German")
        .offer
        .reference
        .clone()
}

async fn signed_in_operator(app: &TestApp) -> Browser<'_> {
    let lecce = app.centre("lecce").await;
    app.add_user(
        "op@cpi.example",
        vec![Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap()],
    )
    .await;
    let mut op = Browser::new(app);
    op.sign_in_fully("op@cpi.example", PASSWORD).await;
    op
}

async fn fills_drafts_only(backend: Backend) {
    let (url, calls) = libretranslate().await;
    let app = app_with(backend, &url).await;
    let reference = untranslated(&app).await;
    let italian = app
        .storage()
        .offer(&reference)
        .await
        .unwrap()
        .unwrap()
        .data
        .text(Lang::It)
        .unwrap()
        .clone();
    let mut op = signed_in_operator(&app).await;
    let editor = op.get(&format!("/en/office/translations/{reference}/de")).await;
    assert!(editor.body.contains("value=\"machine\""), "the button is there");
    let filled = op
        .post(
            &format!("/en/office/translations/{reference}/de"),
            &[("action", "machine")],
        )
        .await;
    assert_eq!(filled.status, StatusCode::SEE_OTHER, "{}", filled.text());
    let offer = app.storage().offer(&reference).await.unwrap().unwrap();
    let german = offer.data.text(Lang::De).unwrap();
    assert_eq!((german.status, german.machine), (TextStatus::Draft, true));
    assert_eq!(german.title, format!("[DE] {}", italian.title));
    assert_eq!(
        calls.lock().unwrap()[0],
        (
            "it".to_string(),
            "de".to_string(),
            "secret-key".to_string(),
            vec![
                italian.title.clone(),
                italian.description.clone(),
                italian.how_to_apply.clone()
            ]
        )
    );
    let public = app.get(&format!("/de/offers/{reference}")).await.text();
    assert!(!public.contains("[DE]"), "a machine draft is not public");

    // Reviewed by a person: public, and never machine-translated again.
    op.get(&format!("/en/office/translations/{reference}/de")).await;
    let reviewed = op
        .post(
            &format!("/en/office/translations/{reference}/de"),
            &[
                ("action", "review"),
                ("title", &format!("[DE] {}", italian.title)),
                ("description", "Geprüfte Beschreibung."),
                ("how_to_apply", "Lebenslauf an das Zentrum senden."),
            ],
        )
        .await;
    assert_eq!(reviewed.status, StatusCode::SEE_OTHER);
    let offer = app.storage().offer(&reference).await.unwrap().unwrap();
    assert!(!offer.data.text(Lang::De).unwrap().machine, "reviewed by a person");
    assert!(
        app.get(&format!("/de/offers/{reference}"))
            .await
            .text()
            .contains("Geprüfte Beschreibung.")
    );
    op.get(&format!("/en/office/translations/{reference}/de")).await;
    let again = op
        .post(
            &format!("/en/office/translations/{reference}/de"),
            &[("action", "machine")],
        )
        .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert_eq!(calls.lock().unwrap().len(), 1);

    // The queue's button fills the offers that have no text at all.
    let lecce = app.centre("lecce").await;
    let allowed = [(lecce.id, Section::Ordinary), (lecce.id, Section::Eures)];
    let missing_before = missing_german(&app, &allowed).await;
    op.get("/en/office/translations?lang=de").await;
    let batch = op.post("/en/office/translations/machine", &[("target", "de")]).await;
    assert_eq!(batch.status, StatusCode::SEE_OTHER);
    let missing_after = missing_german(&app, &allowed).await;
    assert_eq!(missing_after, missing_before.saturating_sub(20));
}

async fn missing_german(app: &TestApp, allowed: &[(sportello_domain::CentreId, Section)]) -> usize {
    app.storage()
        .translation_queue(allowed, Some(Lang::De), sportello_domain::time::today_in_rome(), 500)
        .await
        .unwrap()
        .iter()
        .filter(|t| t.offer.data.text_status(Lang::De) == TextStatus::Missing)
        .count()
}

async fn a_silent_server_changes_nothing(backend: Backend) {
    // A port nobody listens on.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let app = app_with(backend, &url).await;
    let reference = untranslated(&app).await;
    let before = app.storage().offer(&reference).await.unwrap().unwrap();
    let mut op = signed_in_operator(&app).await;
    op.get(&format!("/it/office/translations/{reference}/de")).await;
    let failed = op
        .post(
            &format!("/it/office/translations/{reference}/de"),
            &[("action", "machine")],
        )
        .await;
    assert_eq!(failed.status, StatusCode::BAD_GATEWAY);
    assert!(
        failed
            .text()
            .contains("Il servizio di traduzione automatica non ha risposto.")
    );
    let after = app.storage().offer(&reference).await.unwrap().unwrap();
    assert_eq!(after.version, before.version, "nothing changed");
}

mod sqlite {
    #[tokio::test]
    async fn fills_drafts_only() {
        super::fills_drafts_only(super::Backend::Sqlite).await;
    }
    #[tokio::test]
    async fn a_silent_server_changes_nothing() {
        super::a_silent_server_changes_nothing(super::Backend::Sqlite).await;
    }
}

mod postgres {
    #[tokio::test]
    async fn fills_drafts_only() {
        super::fills_drafts_only(super::Backend::Postgres).await;
    }
    #[tokio::test]
    async fn a_silent_server_changes_nothing() {
        super::a_silent_server_changes_nothing(super::Backend::Postgres).await;
    }
}
