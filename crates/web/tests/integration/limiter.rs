//! The limiter through the real router, on SQLite and PostgreSQL, with the
//! default limits: the 61st booking from one network within the hour is
//! refused (429, `Retry-After`, the page in its language) and leaves no
//! booking and no outbox row (how networks are told apart is in
//! `domain::limits`' unit tests); the 4th move of one booking is refused;
//! an operator booking for people at the desk is not limited.

use crate::common::TestApp;
use crate::common::appointments::{at, body, book_by_mail, guidance, post, saved, working};
use crate::common::browser::Browser;
use axum::http::StatusCode;
use chrono::{Days, NaiveDate};
use serde_json::json;
use sportello_domain::Service;
use sportello_domain::time::today_in_rome;
use sportello_testkit::on_both_backends;

on_both_backends!(using crate::common::TestApp::new =>
    the_61st_booking_from_one_network_is_refused,
    the_4th_move_of_a_booking_is_refused,
    operators_booking_for_people_are_not_limited,
);

/// Free starts of `service` (two places each), working days from three
/// days on: `count` of them, each once.
fn starts(count: usize) -> Vec<String> {
    let mut found = Vec::new();
    let mut day: NaiveDate = today_in_rome() + Days::new(3);
    while found.len() < count {
        if working(day) {
            for time in ["08:30", "09:00", "09:30", "10:00", "10:30", "11:00"] {
                found.push(at(day, time));
            }
        }
        day = day + Days::new(1);
    }
    found.truncate(count);
    found
}

/// Books `start` through the API from `network` (none: the test's own).
async fn book_from(app: &TestApp, service: &Service, start: &str, n: usize, network: Option<&str>) -> u16 {
    let extra = json!({ "name": format!("Person {n}"), "email": format!("person{n}@example.org"), "phone": "" });
    let headers: Vec<(&str, &str)> = network.map(|n| vec![("x-forwarded-for", n)]).unwrap_or_default();
    let r = post(app, "/api/v1/bookings", &headers, body(service, start, extra)).await;
    r.status.as_u16()
}

async fn the_61st_booking_from_one_network_is_refused(app: TestApp) {
    let service = guidance(&app, "lecce").await;
    let starts = starts(32);
    // 60 bookings from this network, a place each, each person their own.
    for n in 0..60 {
        assert_eq!(
            book_from(&app, &service, &starts[n / 2], n, None).await,
            202,
            "booking {n}"
        );
    }
    let before = saved(&app, &service).await;

    // The 61st, through the booking page in Italian: refused, nothing kept
    // or sent.
    let mut citizen = Browser::new(&app);
    let path = format!(
        "/it/appointments/lecce/{}/book?modality=in_office&start={}",
        service.id.0,
        urlencoding(&starts[31])
    );
    let form = citizen.get(&path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.text());
    let fields = [
        ("name", "Persona 61"),
        ("email", "persona61@example.org"),
        ("phone", ""),
        ("codice_fiscale", ""),
        ("interpreter", ""),
        ("other_needs", ""),
    ];
    let refused = citizen.post(&path, &fields).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS, "{}", refused.text());
    let wait: i64 = refused.header("retry-after").parse().expect("Retry-After in seconds");
    // Until the estimate of the last hour drops below the limit: at most the
    // rest of this hour's window plus the part of the next one in which
    // these 61 still weigh more than 59 (2/61 of an hour, 119 s).
    assert!((1..=3600 + 119).contains(&wait), "{wait}");
    assert!(
        refused.text().contains("Sono arrivate troppe richieste"),
        "{}",
        refused.text()
    );
    assert_eq!(
        saved(&app, &service).await,
        before,
        "no booking, no seat, no outbox row"
    );

    // The API says the same in the request's language, as a problem.
    let again = post(
        &app,
        "/api/v1/bookings",
        &[("accept-language", "de")],
        body(
            &service,
            &starts[31],
            json!({ "lang": "de", "email": "x@example.org", "phone": "" }),
        ),
    )
    .await;
    assert_eq!(again.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(again.header("content-type").starts_with("application/problem+json"));
    assert_eq!(again.json()["title"], "Zu viele Anfragen");
    assert!(again.header("retry-after").parse::<i64>().unwrap() >= 1);
    assert_eq!(saved(&app, &service).await, before);
}

async fn the_4th_move_of_a_booking_is_refused(app: TestApp) {
    let service = guidance(&app, "lecce").await;
    let starts = starts(5);
    let booking = book_by_mail(&app, &[], body(&service, &starts[0], json!({}))).await;
    let reference = booking["reference"].as_str().unwrap().to_string();
    let mut token = booking["manage_token"].as_str().unwrap().to_string();
    let path = format!("/api/v1/bookings/{reference}/move");
    for (n, start) in starts.iter().enumerate().take(4).skip(1) {
        let change = json!({ "token": token, "start": start }).to_string().into_bytes();
        let moved = post(&app, &path, &[], change).await;
        assert_eq!(moved.status, 200, "move {n}: {}", moved.body);
        // Each move gives a new link.
        token = moved.json()["manage_token"].as_str().unwrap().to_string();
    }
    let (_, _, mails) = saved(&app, &service).await;
    let change = json!({ "token": token, "start": starts[4] }).to_string().into_bytes();
    let fourth = post(&app, &path, &[], change).await;
    assert_eq!(fourth.status, StatusCode::TOO_MANY_REQUESTS, "{}", fourth.body);
    assert!(fourth.header("retry-after").parse::<i64>().unwrap() >= 1);
    let read = app
        .get(&format!("/api/v1/bookings/{reference}?token={token}"))
        .await
        .json();
    assert_eq!(read["start"], starts[3].as_str(), "still where the 3rd move put it");
    assert_eq!(saved(&app, &service).await.2, mails, "no mail about the refused move");
}

/// An operator at the desk books 70 people in a row, all for the same
/// phone line's network and the centre's own e-mail address: none refused.
async fn operators_booking_for_people_are_not_limited(app: TestApp) {
    use sportello_app::appointments::{BookingInput, CentreCalendar, book};
    use sportello_domain::{Actor, Grant, Lang, Modality, RawBooking, Role, Scope};

    let service = guidance(&app, "lecce").await;
    let lecce = app.centre("lecce").await;
    let operator = app
        .add_user(
            "desk@example.org",
            vec![Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap()],
        )
        .await;
    let state = crate::common::appointments::state(&app).await;
    let calendar = CentreCalendar::load(&state, lecce).await.unwrap();
    let actor = Actor::user(&operator, "192.0.2.10");
    for (n, start) in starts(35).iter().flat_map(|s| [s, s]).enumerate() {
        let form = RawBooking {
            name: format!("Persona {n}"),
            email: "sportello.lecce@example.org".into(),
            ..RawBooking::default()
        };
        let input = BookingInput {
            calendar: &calendar,
            service: &service,
            modality: Modality::InOffice,
            start: chrono::DateTime::parse_from_rfc3339(start).unwrap().to_utc(),
            form: &form,
            lang: Lang::It,
        };
        let booked = book(&state, &input, None, &actor, chrono::Utc::now()).await;
        assert!(booked.is_ok(), "booking {n}: {:?}", booked.err());
    }
}

fn urlencoding(value: &str) -> String {
    serde_urlencoded::to_string([("v", value)]).unwrap()[2..].to_string()
}
