//! Part-day closures through the real router on SQLite and PostgreSQL: a
//! closure of one service takes its slots off the booking pages and the
//! API (other services keep theirs), the appointment already inside it
//! stays booked and is listed for operators to move (and moved from the
//! office: the person is told), with the Collocamento
//! Mirato's counted for who may not read them; bad input is refused in the
//! operator's language with nothing saved; removing it frees the slots.

use axum::http::StatusCode;
use chrono::Duration;
use sportello_domain::time::{rome_date, to_rome};
use sportello_domain::{BookingStatus, Grant, Role, Scope, Service, ServiceKind};
use sportello_testkit::on_both_backends;

use crate::appointments_pages::radio_values;
use crate::common::TestApp;
use crate::office_appointments::{service_of, signed_in, stored_booking, working_morning};

on_both_backends!(
    using crate::common::TestApp::new =>
    a_closure_takes_slots_and_lists_the_appointments_to_move,
    bad_closures_are_refused_and_others_may_not_close,
);

/// The local start times (`HH:MM`) the API offers for `service` on the day
/// of `day`.
async fn free_times(app: &TestApp, service: &Service, day: chrono::NaiveDate) -> Vec<String> {
    let answer = app
        .get(&format!("/api/v1/services/{}/slots?from={day}&days=1", service.id.0))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    answer.json()["days"][0]["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start"].as_str().unwrap()[11..16].to_string())
        .collect()
}

async fn a_closure_takes_slots_and_lists_the_appointments_to_move(app: TestApp) {
    let start = working_morning(5);
    let day = rome_date(start);
    let guidance = service_of(&app, "lecce", ServiceKind::BasicGuidance).await;
    let mirato = service_of(&app, "lecce", ServiceKind::MiratoAdvice).await;
    let booked = stored_booking(&app, &guidance, start, chrono::Utc::now()).await;
    let hidden = stored_booking(&app, &mirato, start, chrono::Utc::now()).await;
    let before = free_times(&app, &guidance, day).await;
    assert!(before.contains(&"09:30".to_string()), "{before:?}");
    let other_before = free_times(&app, &mirato, day).await;

    let lecce = app.centre("lecce").await;
    let grant = Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap();
    let (mut browser, _) = signed_in(&app, "op-closures@example.org", grant).await;
    browser.get("/it/office/closures?centre=lecce").await;
    let added = browser
        .post(
            "/it/office/closures?centre=lecce",
            &[
                ("date", &day.to_string()),
                ("from", "08:30"),
                ("to", "10:00"),
                ("service", &guidance.id.0.to_string()),
                ("reason", "Sala colloqui occupata"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.text());
    // The slots it touches are gone for that service, not for the others.
    let after = free_times(&app, &guidance, day).await;
    for gone in ["08:30", "09:00", "09:30"] {
        assert!(!after.contains(&gone.to_string()), "{gone} in {after:?}");
    }
    assert!(after.len() < before.len() && !after.is_empty(), "{after:?}");
    assert_eq!(free_times(&app, &mirato, day).await, other_before);
    // Nothing cancelled: the booking inside is listed to move.
    let stored = app.storage().booking(&booked.reference).await.unwrap().unwrap();
    assert_eq!(stored.status, BookingStatus::Booked);
    let page = browser.get("/it/office/closures?centre=lecce&done=added").await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    assert!(text.contains("Sala colloqui occupata"), "{text}");
    assert!(text.contains("Un appuntamento in questa fascia da spostare"), "{text}");
    assert!(
        text.contains("Giulia Rizzo") && text.contains("+393337654321"),
        "{text}"
    );
    assert!(page.body.contains(&format!("/it/office/agenda/{}", booked.reference)));
    assert!(
        !page.body.contains(hidden.reference.as_str()),
        "the Mirato booking is not the closure's"
    );
    // Moved from the office: the person is told the new time.
    let move_path = format!("/it/office/agenda/{}/move", booked.reference);
    assert!(page.body.contains(&move_path));
    let form = browser.get(&move_path).await;
    assert_eq!(form.status, StatusCode::OK);
    let times = radio_values(&form.body, "start");
    assert!(!times.is_empty(), "{}", form.text());
    assert!(
        !times.iter().any(|t| t.starts_with(&format!("{day}T09:"))),
        "no time inside the closure: {times:?}"
    );
    let bad = browser.post(&move_path, &[("start", "domani")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let moved = browser.post(&move_path, &[("start", &times[0])]).await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.text());
    let now_at = app.storage().booking(&booked.reference).await.unwrap().unwrap();
    assert_ne!(now_at.start, booked.start);
    assert_eq!(now_at.status, BookingStatus::Booked);
    let mails = app.storage().recent_mail(100).await.unwrap();
    assert!(
        mails
            .iter()
            .any(|m| m.mail.kind == "booking.moved" && m.mail.to.as_str() == "giulia@example.org")
    );
    let page = browser.get("/it/office/closures?centre=lecce").await;
    assert!(
        page.text().contains("Nessun appuntamento in questa fascia"),
        "{}",
        page.text()
    );
    // The week shows it.
    let week = browser.get(&format!("/it/office/week?centre=lecce&week={day}")).await;
    assert!(week.text().contains("Chiusura per parte del giorno"), "{}", week.text());
    let first = app
        .storage()
        .part_closures(lecce.id, start - Duration::days(1), None)
        .await
        .unwrap()[0]
        .id;
    assert!(
        app.audit_actions(&first.0.to_string())
            .await
            .contains(&"part_closure.create".to_string())
    );

    // A whole-centre closure: the Mirato booking inside is counted, not shown.
    let whole = browser
        .post(
            "/it/office/closures?centre=lecce",
            &[
                ("date", &day.to_string()),
                ("from", "08:30"),
                ("to", "09:30"),
                ("service", ""),
                ("reason", "Assemblea"),
            ],
        )
        .await;
    assert_eq!(whole.status, StatusCode::SEE_OTHER);
    let page = browser.get("/it/office/closures?centre=lecce").await;
    assert!(!page.body.contains(hidden.reference.as_str()));
    assert!(free_times(&app, &mirato, day).await.len() < other_before.len());

    // Removed: the slots come back.
    let closures = app
        .storage()
        .part_closures(lecce.id, start - Duration::days(1), None)
        .await
        .unwrap();
    assert_eq!(closures.len(), 2);
    for c in &closures {
        let removed = browser
            .post(&format!("/it/office/closures/{}/remove", c.id.0), &[])
            .await;
        assert_eq!(removed.status, StatusCode::SEE_OTHER);
    }
    assert_eq!(free_times(&app, &guidance, day).await, before);
    assert_eq!(to_rome(start).format("%H:%M").to_string(), "09:00");
}

async fn bad_closures_are_refused_and_others_may_not_close(app: TestApp) {
    let lecce = app.centre("lecce").await;
    let day = rome_date(working_morning(5)).to_string();
    let grant = Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap();
    let (mut browser, _) = signed_in(&app, "op-bad-closures@example.org", grant).await;
    browser.get("/en/office/closures?centre=lecce").await;
    for (fields, expected) in [
        (
            vec![
                ("date", "2020-01-07"),
                ("from", "09:00"),
                ("to", "10:00"),
                ("reason", "x"),
            ],
            "past",
        ),
        (
            vec![
                ("date", day.as_str()),
                ("from", "11:00"),
                ("to", "10:00"),
                ("reason", "x"),
            ],
            "after",
        ),
        (
            vec![("date", day.as_str()), ("from", "9h"), ("to", "10:00"), ("reason", "x")],
            "time",
        ),
        (
            vec![
                ("date", day.as_str()),
                ("from", "09:00"),
                ("to", "10:00"),
                ("reason", ""),
            ],
            "fill in",
        ),
        (
            vec![
                ("date", day.as_str()),
                ("from", "09:00"),
                ("to", "10:00"),
                ("service", "999999"),
                ("reason", "x"),
            ],
            "",
        ),
    ] {
        let refused = browser.post("/en/office/closures?centre=lecce", &fields).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        assert!(refused.body.contains("aria-invalid=\"true\""), "{fields:?}");
        assert!(
            refused.text().to_lowercase().contains(expected),
            "{fields:?}: {}",
            refused.text()
        );
    }
    let none = app
        .storage()
        .part_closures(lecce.id, chrono::Utc::now(), None)
        .await
        .unwrap();
    assert!(none.is_empty(), "nothing saved");
    // Another centre's operator may not close Lecce.
    let rimini = app.centre("rimini").await;
    let other = Grant::new(Role::Operator, Scope::Centre(rimini.id)).unwrap();
    let (mut stranger, _) = signed_in(&app, "op-rimini-closures@example.org", other).await;
    stranger.get("/it/office/closures?centre=rimini").await;
    let refused = stranger
        .post(
            "/it/office/closures?centre=lecce",
            &[("date", &day), ("from", "09:00"), ("to", "10:00"), ("reason", "x")],
        )
        .await;
    assert!(refused.status.is_client_error());
    assert!(
        app.storage()
            .part_closures(lecce.id, chrono::Utc::now(), None)
            .await
            .unwrap()
            .is_empty()
    );
}
