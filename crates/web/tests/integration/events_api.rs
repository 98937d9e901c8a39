//! The group meetings API through the real router, on SQLite and
//! PostgreSQL: the event list and one event with free seats (never the
//! meeting room), registering with an `Idempotency-Key` (replays answer the
//! one registration), reading and cancelling it with its token, and the
//! refusals as problem documents in the request's language.

use serde_json::{Value, json};
use sportello_testkit::on_both_backends;

use crate::common::{TestApp, TestResponse};

on_both_backends!(
    using crate::common::TestApp::new =>
    events_are_listed_with_free_seats,
    registering_reading_and_cancelling,
    a_replay_after_the_start_gets_the_registration,
);

async fn post(app: &TestApp, path: &str, headers: &[(&str, &str)], body: Value) -> TestResponse {
    let mut all = vec![("content-type", "application/json")];
    all.extend_from_slice(headers);
    app.request("POST", path, &all, body.to_string().into_bytes()).await
}

async fn job_day(app: &TestApp) -> Value {
    let list = app.get("/api/v1/events?centre=lecce&lang=en").await;
    assert_eq!(list.status, 200, "{}", list.text());
    list.json()["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["title"] == "Job day: tourism and catering")
        .cloned()
        .expect("the Lecce job day")
}

async fn events_are_listed_with_free_seats(app: TestApp) {
    let all = app.get("/api/v1/events?lang=de").await;
    assert_eq!(all.status, 200);
    let events = all.json()["events"].as_array().unwrap().clone();
    assert!(events.len() >= 3);
    assert!(!all.text().contains("meet.jit.si"), "no meeting room in public answers");
    let series = events.iter().find(|e| e["series"] == true).unwrap();
    assert_eq!(series["title"], "Jugend und Arbeit: drei Online-Treffen");
    assert_eq!(series["sessions"].as_array().unwrap().len(), 3);
    assert_eq!(series["sessions"][0]["free_seats"], 40);
    assert_eq!(series["sessions"][0]["registration_open"], true);
    let one = app.get(&format!("/api/v1/events/{}?lang=fr", series["id"])).await;
    assert_eq!(one.status, 200);
    assert_eq!(
        one.json()["title"],
        "Les jeunes et le travail : trois rencontres en ligne"
    );
    // Filters, and bad ones.
    let online = app.get("/api/v1/events?where=online").await.json();
    assert!(
        online["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["title"] != "Giornata del lavoro: turismo e ristorazione")
    );
    let bad = app.get("/api/v1/events?audience=aliens&lang=it").await;
    assert_eq!(bad.status, 400);
    assert_eq!(bad.header("content-type"), "application/problem+json");
    assert_eq!(app.get("/api/v1/events/999999").await.status, 404);
}

async fn registering_reading_and_cancelling(app: TestApp) {
    let event = job_day(&app).await;
    let id = event["id"].as_i64().unwrap();
    let session = event["sessions"][0]["id"].as_i64().unwrap();
    let path = format!("/api/v1/events/{id}/registrations");
    // A landline only: no message can reach the person, the answer is the registration.
    let body = json!({ "session": session, "lang": "en", "name": "Rosa Greco", "phone": "0832 123456" });
    let key = [("idempotency-key", "job-day-rosa-1")];
    let first = post(&app, &path, &key, body.clone()).await;
    assert_eq!(first.status, 201, "{}", first.text());
    let made = first.json();
    assert_eq!(made["sessions"][0]["status"], "confirmed");
    for _ in 0..5 {
        let again = post(&app, &path, &key, body.clone()).await;
        assert_eq!(again.status, 201);
        assert_eq!(again.json()["reference"], made["reference"]);
    }
    let other = post(
        &app,
        &path,
        &key,
        json!({ "session": session, "name": "Someone", "phone": "0832 654321" }),
    )
    .await;
    assert_eq!(other.status, 422, "{}", other.text());
    let reference = made["reference"].as_str().unwrap();
    let token = made["token"].as_str().unwrap();
    let read = app
        .get(&format!("/api/v1/registrations/{reference}?token={token}"))
        .await;
    assert_eq!(read.status, 200);
    assert_eq!(read.json()["sessions"][0]["status"], "confirmed");
    let forged = app
        .get(&format!("/api/v1/registrations/{reference}?token=x{token}"))
        .await;
    assert_eq!(forged.status, 403);
    // With an e-mail address: only "sent".
    let sent = post(
        &app,
        &path,
        &[],
        json!({ "session": session, "lang": "it", "name": "Luca Romano", "email": "luca@example.org" }),
    )
    .await;
    assert_eq!(sent.status, 202, "{}", sent.text());
    assert_eq!(sent.json()["sent_to"], json!(["luca@example.org"]));
    // Cancelling, once.
    let cancel = format!("/api/v1/registrations/{reference}/cancel");
    let done = post(&app, &cancel, &[], json!({ "token": token, "session": session })).await;
    assert_eq!(done.status, 200, "{}", done.text());
    assert_eq!(done.json()["sessions"][0]["status"], "cancelled");
    let twice = post(
        &app,
        &cancel,
        &[],
        json!({ "token": token, "session": session, "lang": "de" }),
    )
    .await;
    assert_eq!(twice.status, 409);
    assert_eq!(twice.json()["reason"], "too_late");
    // Bad input: no contact, unknown fields, no session.
    let none = post(&app, &path, &[], json!({ "session": session, "name": "N" })).await;
    assert_eq!(none.status, 422);
    let unknown = post(&app, &path, &[], json!({ "seat": 3 })).await;
    assert_eq!(unknown.status, 400);
    let no_session = post(&app, &path, &[], json!({ "name": "N", "email": "n@example.org" })).await;
    assert_eq!(no_session.status, 422);
    assert_eq!(no_session.json()["reason"], "no_session");
}

/// A client retrying with its key after a session has started (within the
/// key's 24 hours) gets the registration it made, not a refusal.
async fn a_replay_after_the_start_gets_the_registration(app: TestApp) {
    use chrono::{Duration, Utc};
    use sportello_app::events::{self, RegistrationInput};
    use sportello_domain::{Actor, Audience, EventText, Lang, NewEvent, NewSession, RawBooking};
    let now = Utc::now();
    let centre = app.storage().centre_by_slug("rimini").await.unwrap().unwrap();
    let session = |start| NewSession {
        start,
        end: start + Duration::hours(1),
        room: None,
        video_url: Some("https://meet.example.org/Sportello-replay".into()),
        seats: 10,
        registration_closes: None,
    };
    let new = NewEvent {
        centre: centre.id,
        audience: Audience::YoungPeople,
        partners: String::new(),
        series: true,
        texts: vec![EventText {
            lang: Lang::It,
            title: "Due incontri".into(),
            description: String::new(),
        }],
        sessions: vec![session(now + Duration::hours(2)), session(now + Duration::days(3))],
    };
    let id = app.storage().create_event(&new, &Actor::system(), now).await.unwrap();
    let series = app.storage().event(id).await.unwrap().unwrap();
    let form = RawBooking {
        name: "Rita Conti".into(),
        phone: "0541 123456".into(),
        ..Default::default()
    };
    let input = RegistrationInput {
        event: &series,
        centre: &centre,
        session: None,
        form: &form,
        lang: Lang::It,
    };
    let actor = Actor::anonymous("192.0.2.9");
    let (first, _) = events::register(&app.state, &input, Some("api:rita-1"), &actor, now)
        .await
        .unwrap();
    assert_eq!(first.registrations().len(), 2);
    let later = now + Duration::hours(2) + Duration::minutes(5);
    let (again, _) = events::register(&app.state, &input, Some("api:rita-1"), &actor, later)
        .await
        .unwrap();
    assert!(matches!(again, sportello_storage::Registered::Replayed(_)));
    assert_eq!(again.registrations()[0].reference, first.registrations()[0].reference);
    // Without the key, a new request then registers for the last session only.
    let other = RawBooking {
        phone: "0541 654321".into(),
        ..form.clone()
    };
    let input = RegistrationInput { form: &other, ..input };
    let (late, _) = events::register(&app.state, &input, None, &actor, later).await.unwrap();
    assert_eq!(late.registrations().len(), 1, "only the open session");
}
