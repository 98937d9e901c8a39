//! The appointments API refuses bad input through the real router, on SQLite
//! and PostgreSQL: a slot in the past, on a closed day, not aligned, too far,
//! full (409 with the next free slots); wrong e-mail, phone or codice fiscale;
//! unknown parameters; a tampered manage token; cancelling or moving after the
//! start. Each answer is in the request's language and nothing is saved.

use crate::common::TestApp;
use crate::common::appointments::{at, body, book_by_mail, guidance, next, post, saved, state, working_day};
use chrono::{Days, Duration, Utc, Weekday};
use serde_json::json;
use sportello_domain::time::today_in_rome;
use sportello_domain::{Actor, BookingRef, BookingRequest, Email, Lang, Modality, Needs, Person, ServiceKind};
use sportello_storage::NewBooking;
use sportello_testkit::on_both_backends;

on_both_backends!(using crate::common::TestApp::new =>
    refuses_bad_input_and_saves_nothing,
);

async fn refuses_bad_input_and_saves_nothing(app: TestApp) {
    let service = guidance(&app, "lecce").await;
    let day = working_day();
    let before = saved(&app, &service).await;
    let refused = |r: &crate::common::TestResponse, status: u16, reason: &str| {
        assert_eq!(r.status.as_u16(), status, "{}", r.body);
        assert_eq!(r.header("content-type"), "application/problem+json");
        assert_eq!(r.json()["reason"], reason, "{}", r.body);
    };

    let yesterday = at(today_in_rome() - Days::new(1), "09:00");
    let r = post(&app, "/api/v1/bookings", &[], body(&service, &yesterday, json!({}))).await;
    refused(&r, 422, "in_past");
    assert_eq!(r.json()["detail"], "This time has already passed.");

    let sunday = at(next(Weekday::Sun, 3), "09:00");
    let r = post(
        &app,
        "/api/v1/bookings",
        &[],
        body(&service, &sunday, json!({"lang": "de"})),
    )
    .await;
    refused(&r, 422, "closed");
    assert_eq!(r.json()["closed"]["kind"], "weekday");
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .starts_with("An diesem Tag empfängt das Zentrum keine Termine.")
    );

    let r = post(
        &app,
        "/api/v1/bookings",
        &[],
        body(&service, &at(day, "09:10"), json!({})),
    )
    .await;
    refused(&r, 422, "not_aligned");
    let far = at(today_in_rome() + Days::new(200), "09:00");
    let r = post(&app, "/api/v1/bookings", &[], body(&service, &far, json!({}))).await;
    refused(&r, 422, "too_far");
    let r = post(
        &app,
        "/api/v1/bookings",
        &[],
        body(
            &service,
            &at(day, "09:00"),
            json!({"modality": "phone", "service": 999999}),
        ),
    )
    .await;
    assert_eq!(r.status, 404);

    let bad_fields = body(
        &service,
        &at(day, "09:00"),
        json!({"email": "amina@", "phone": "call me", "codice_fiscale": "RSSMRA85T10A562X", "lang": "fr"}),
    );
    let r = post(&app, "/api/v1/bookings", &[], bad_fields).await;
    assert_eq!(r.status, 422, "{}", r.body);
    let errors = r.json()["errors"].as_array().unwrap().clone();
    let fields: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["problem"].as_str().unwrap()))
        .collect();
    assert_eq!(
        fields,
        [
            ("email", "bad_email"),
            ("phone", "bad_phone"),
            ("codice_fiscale", "bad_codice_fiscale")
        ]
    );
    assert!(errors.iter().all(|e| !e["message"].as_str().unwrap().is_empty()));
    assert_ne!(
        errors[0]["message"], "This is not a valid e-mail address; it should look like name@example.org.",
        "in French"
    );
    let r = post(
        &app,
        "/api/v1/bookings",
        &[],
        body(&service, &at(day, "09:00"), json!({"email": "", "phone": ""})),
    )
    .await;
    assert_eq!(r.json()["errors"][0]["problem"], "contact_needed");

    for (extra, parameter) in [
        (json!({"modality": "carrier_pigeon"}), "modality"),
        (json!({"start": "next Tuesday"}), "start"),
        (json!({"lang": "tlh"}), "lang"),
        (json!({"favourite_colour": "blue"}), "body"),
        (json!({"service": null}), "body"),
        (json!({"service": 0}), "service"),
    ] {
        let r = post(
            &app,
            "/api/v1/bookings",
            &[],
            body(&service, &at(day, "09:00"), extra.clone()),
        )
        .await;
        assert_eq!(r.status, 400, "{extra}");
        assert_eq!(r.json()["parameter"], parameter, "{extra}");
    }
    let r = post(
        &app,
        "/api/v1/bookings",
        &[],
        body(&service, &at(day, "09:00"), json!({"modality": "video"})),
    )
    .await;
    assert_eq!(r.status, 202, "video is offered");
    let other = app.storage().services(service.data.centre).await.unwrap();
    let office_only = other
        .iter()
        .find(|s| s.data.kind == ServiceKind::TakingInCharge)
        .unwrap();
    let r = post(
        &app,
        "/api/v1/bookings",
        &[],
        body(office_only, &at(day, "09:00"), json!({"modality": "video"})),
    )
    .await;
    refused(&r, 422, "unavailable");
    let counts = saved(&app, &service).await;
    assert_eq!(
        counts,
        (before.0 + 1, before.1 + 1, before.2 + 1),
        "only the video booking was saved"
    );

    // Full: the second place goes (to another person: one booking per
    // person and service), then a 409 with the next free slots.
    let second = book_by_mail(
        &app,
        &[],
        body(
            &service,
            &at(day, "09:00"),
            json!({"email": "second.person@example.org", "phone": ""}),
        ),
    )
    .await;
    let counts = saved(&app, &service).await;
    let full = post(
        &app,
        "/api/v1/bookings",
        &[],
        body(
            &service,
            &at(day, "09:00"),
            json!({"lang": "it", "email": "third.person@example.org", "phone": ""}),
        ),
    )
    .await;
    refused(&full, 409, "full");
    assert_eq!(full.json()["title"], "Orario al completo");
    let next_slots = full.json()["next_slots"].as_array().unwrap().clone();
    assert!(!next_slots.is_empty());
    assert_eq!(next_slots[0]["start"], at(day, "09:30"));
    assert_eq!(saved(&app, &service).await, counts);

    // A tampered manage token, on reading, moving and cancelling.
    let reference = second["reference"].as_str().unwrap().to_string();
    let token = second["manage_token"].as_str().unwrap().to_string();
    let mut tampered = token.clone();
    let last = if tampered.ends_with('0') { '1' } else { '0' };
    tampered.pop();
    tampered.push(last);
    let r = app.get(&format!("/api/v1/bookings/{reference}?token={tampered}")).await;
    refused(&r, 403, "bad_token");
    for action in ["move", "cancel"] {
        let change = json!({"token": tampered, "start": at(day, "11:00")})
            .to_string()
            .into_bytes();
        let r = post(&app, &format!("/api/v1/bookings/{reference}/{action}"), &[], change).await;
        refused(&r, 403, "bad_token");
    }
    let r = post(
        &app,
        &format!("/api/v1/bookings/{reference}/move"),
        &[],
        json!({"token": token, "start": at(day, "09:10")})
            .to_string()
            .into_bytes(),
    )
    .await;
    refused(&r, 422, "not_aligned");
    assert_eq!(saved(&app, &service).await, counts);
    assert_eq!(
        app.get(&format!("/api/v1/bookings/{reference}?token={token}"))
            .await
            .json()["start"],
        at(day, "09:00")
    );

    // Cancelling or moving after the start.
    let now = Utc::now();
    let started = NewBooking {
        request: BookingRequest {
            service: service.id,
            modality: Modality::InOffice,
            start: now - Duration::minutes(10),
            person: Person {
                name: "Marco Rossi".into(),
                email: Some(Email::parse("marco.rossi@example.org").unwrap()),
                phone: None,
                codice_fiscale: None,
                lang: Lang::It,
                sms: false,
            },
            needs: Needs::default(),
        },
        reference: BookingRef::from_random([7, 7, 7, 7, 8, 8, 8, 8]),
        end: now + Duration::minutes(20),
        point: None,
        video_url: None,
        one_per_person: false,
    };
    app.storage()
        .book(
            &started,
            None,
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            now,
        )
        .await
        .unwrap();
    let counts = saved(&app, &service).await;
    let start = started.request.start;
    let token = sportello_app::appointments::manage_token(&state(&app).await.app, &started.reference, start);
    let path = format!("/api/v1/bookings/{}/cancel", started.reference);
    let r = post(
        &app,
        &path,
        &[("accept-language", "en")],
        json!({"token": token}).to_string().into_bytes(),
    )
    .await;
    refused(&r, 409, "too_late");
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .starts_with("The appointment has already started")
    );
    let path = format!("/api/v1/bookings/{}/move", started.reference);
    let r = post(
        &app,
        &path,
        &[],
        json!({"token": token, "start": at(day, "11:00")})
            .to_string()
            .into_bytes(),
    )
    .await;
    refused(&r, 409, "too_late");
    assert_eq!(saved(&app, &service).await, counts);
    let stored = app.storage().booking(&started.reference).await.unwrap().unwrap();
    assert_eq!(stored.status.code(), "booked");
}
