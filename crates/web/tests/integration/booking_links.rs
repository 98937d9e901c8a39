//! A booking's signed link, through the real router on SQLite and
//! PostgreSQL: the link from before a move dies (403) and the new one works;
//! a link expires seven days after the appointment (410, page and API);
//! answers with a person's data are never cached; a citizen's move and
//! cancellation leave an audit row.

use crate::common::TestApp;
use crate::common::appointments::{at, body, guidance, mailed_link, post, working_day};
use chrono::{Duration, Utc};
use serde_json::json;
use sportello_app::appointments::manage_token;
use sportello_domain::{Actor, BookingRef, BookingRequest, Email, Lang, Modality, Needs, Person};
use sportello_storage::{AuditFilter, NewBooking};
use sportello_testkit::on_both_backends;

on_both_backends!(using crate::common::TestApp::new =>
    the_link_from_before_a_move_dies,
    links_expire_after_the_appointment,
);

async fn audit_rows(app: &TestApp, action: &str, reference: &str) -> Vec<sportello_domain::AuditEntry> {
    app.storage()
        .audit_entries(&AuditFilter {
            action: Some(action.into()),
            object_id: Some(reference.into()),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap()
}

async fn the_link_from_before_a_move_dies(app: TestApp) {
    let service = guidance(&app, "lecce").await;
    let day = working_day();
    let r = post(
        &app,
        "/api/v1/bookings",
        &[],
        body(&service, &at(day, "09:00"), json!({})),
    )
    .await;
    assert_eq!(r.status, 202, "{}", r.body);
    assert_eq!(r.header("cache-control"), "no-store");
    let (reference, old) = mailed_link(&app, "amina.diallo@example.org").await;
    let page = app.get(&format!("/en/appointments/booking/{reference}?t={old}")).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("cache-control"), "no-store");
    let ics = app
        .get(&format!("/en/appointments/booking/{reference}/calendar.ics?t={old}"))
        .await;
    assert_eq!(ics.status, 200);
    assert_eq!(ics.header("cache-control"), "no-store");

    let change = json!({ "token": old, "start": at(day, "10:00") })
        .to_string()
        .into_bytes();
    let moved = post(&app, &format!("/api/v1/bookings/{reference}/move"), &[], change).await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    let new = moved.json()["manage_token"].as_str().unwrap().to_string();
    assert_ne!(new, old);
    let moves = audit_rows(&app, "booking.move", &reference).await;
    assert_eq!(moves.len(), 1, "a citizen's move is logged");
    assert_eq!(moves[0].actor, "anonymous");

    // The old link: refused on the page and in the API; the new one works.
    let stale = app.get(&format!("/en/appointments/booking/{reference}?t={old}")).await;
    assert_eq!(stale.status, 403);
    assert!(!stale.text().contains("Amina Diallo"));
    let stale = app.get(&format!("/api/v1/bookings/{reference}?token={old}")).await;
    assert_eq!(stale.status, 403);
    let fresh = app.get(&format!("/en/appointments/booking/{reference}?t={new}")).await;
    assert_eq!(fresh.status, 200);
    assert!(fresh.text().contains("Amina Diallo"));

    let cancel = json!({ "token": new }).to_string().into_bytes();
    let cancelled = post(&app, &format!("/api/v1/bookings/{reference}/cancel"), &[], cancel).await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    assert_eq!(audit_rows(&app, "booking.cancel", &reference).await.len(), 1);
    // A cancellation keeps the start: the link still shows the cancelled booking.
    let after = app.get(&format!("/api/v1/bookings/{reference}?token={new}")).await;
    assert_eq!(after.json()["status"], "cancelled");
}

async fn links_expire_after_the_appointment(app: TestApp) {
    let service = guidance(&app, "lecce").await;
    let now = Utc::now();
    let booked_at = now - Duration::days(20);
    let reference = |n: u8| BookingRef::from_random([n, 1, 2, 3, 4, 5, 6, 7]);
    // One ended eight days ago (expired), one six days ago (still open).
    for (n, ended_days_ago) in [(1, 8), (2, 6)] {
        let start = now - Duration::days(ended_days_ago) - Duration::minutes(30);
        let booking = NewBooking {
            request: BookingRequest {
                service: service.id,
                modality: Modality::Phone,
                start,
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
            reference: reference(n),
            end: start + Duration::minutes(30),
            point: None,
            video_url: None,
            one_per_person: false,
        };
        app.storage()
            .book(
                &booking,
                None,
                &sportello_domain::Notification::NONE,
                &Actor::system(),
                booked_at,
            )
            .await
            .unwrap();
    }
    let state = crate::common::appointments::state(&app).await;
    let link = |n: u8, start_days: i64| {
        let start = now - Duration::days(start_days) - Duration::minutes(30);
        (reference(n), manage_token(&state, &reference(n), start))
    };
    let (expired, token) = link(1, 8);
    let page = app.get(&format!("/it/appointments/booking/{expired}?t={token}")).await;
    assert_eq!(page.status, 410);
    assert!(page.text().contains("Questo link è scaduto"), "{}", page.text());
    assert!(!page.text().contains("Marco Rossi"));
    let api = app.get(&format!("/api/v1/bookings/{expired}?token={token}")).await;
    assert_eq!(api.status, 410);

    let (open, token) = link(2, 6);
    let page = app.get(&format!("/it/appointments/booking/{open}?t={token}")).await;
    assert_eq!(page.status, 200, "{}", page.text());
}
