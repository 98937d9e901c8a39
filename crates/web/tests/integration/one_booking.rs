//! One future booking per person and service, on SQLite and PostgreSQL,
//! through the real router. A person booking for themselves whom a message
//! reaches is answered only "we have sent you a message" (page 200, API
//! 202); a second request with the same e-mail, phone or codice fiscale
//! gets exactly the same answer — since anyone can type someone else's
//! details — books nothing, and the link of the booking held goes again to
//! the contacts on file (by e-mail, and by text when the booking has texts),
//! never to the request's. A cancelled booking no longer counts; operators
//! booking for someone, and people no message reaches (a landline only),
//! are not held to one. Concurrent requests for one person are in
//! `booking_race.rs`.

use crate::common::TestApp;
use crate::common::appointments::{
    at, body, book_by_mail, guidance, link_in, mailed_link, post, read_booking, state, working_day,
};
use crate::common::browser::Browser;
use axum::http::StatusCode;
use chrono::Utc;
use serde_json::{Value, json};
use sportello_app::appointments::{self, BookingInput, CentreCalendar};
use sportello_domain::{Actor, Grant, Lang, Modality, RawBooking, Role, Scope, Service};
use sportello_storage::Booked;
use sportello_testkit::on_both_backends;

on_both_backends!(using crate::common::TestApp::new =>
    a_second_booking_for_the_same_person_gets_the_same_page,
    the_api_answers_the_same_and_texts_the_link_to_the_number_on_file,
    a_cancelled_booking_no_longer_counts,
    operators_and_people_no_message_reaches_are_not_held_to_one,
);

const CF: &str = "RSSMRA85T10A562S";

/// The booking form's fields.
fn fields<'a>(email: &'a str, phone: &'a str, cf: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", "Mario Rossi"),
        ("email", email),
        ("phone", phone),
        ("codice_fiscale", cf),
        ("interpreter", ""),
        ("other_needs", ""),
    ]
}

/// Fills in and sends the booking form of `start`, as a new visitor.
async fn book_on_page(app: &TestApp, service: &Service, start: &str, fields: &[(&str, &str)]) -> (StatusCode, String) {
    let mut citizen = Browser::new(app);
    let path = format!(
        "/it/appointments/lecce/{}/book?modality=in_office&start={}",
        service.id.0,
        start.replace(':', "%3A").replace('+', "%2B")
    );
    let form = citizen.get(&path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.text());
    let answer = citizen.post(&path, fields).await;
    (answer.status, answer.body)
}

/// The `<main>` of a page.
fn main_of(page: &str) -> &str {
    let from = page.find("<main").expect("a <main>");
    let to = page.find("</main>").expect("a </main>");
    &page[from..to]
}

/// Mails about bookings, oldest first: (kind, recipient, text).
async fn booking_mails(app: &TestApp) -> Vec<(String, String, String)> {
    let mut all = app.storage().recent_mail(1000).await.unwrap();
    all.reverse();
    all.into_iter()
        .filter(|m| m.mail.kind.starts_with("booking."))
        .map(|m| (m.mail.kind, m.mail.to.as_str().to_string(), m.mail.text))
        .collect()
}

/// Booked appointments still to come of the centre of `service`.
async fn booked(app: &TestApp, service: &Service) -> Vec<sportello_domain::Booking> {
    let now = Utc::now();
    let mut all = app
        .storage()
        .centre_bookings(service.data.centre, now, now + chrono::Duration::days(200))
        .await
        .unwrap();
    all.retain(|b| b.status == sportello_domain::BookingStatus::Booked);
    all
}

async fn a_second_booking_for_the_same_person_gets_the_same_page(app: TestApp) {
    let service = guidance(&app, "lecce").await;
    let day = working_day();
    let email = "mario.rossi@example.org";

    let (status, first) = book_on_page(&app, &service, &at(day, "09:00"), &fields(email, "", CF)).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert!(
        first.contains("Abbiamo inviato il link della vostra prenotazione a mario.rossi@example.org"),
        "{first}"
    );
    assert!(!first.contains("P-"), "no reference on the answer: {first}");
    let held = booked(&app, &service).await;
    assert_eq!(held.len(), 1);
    let mails = booking_mails(&app).await;
    assert_eq!(mails.len(), 1);
    assert_eq!(
        (mails[0].0.as_str(), mails[0].1.as_str()),
        ("booking.confirmation", email)
    );

    // The same details for the same time (a second place is free): the
    // same status and the same page, and nothing booked.
    let (status, again) = book_on_page(&app, &service, &at(day, "09:00"), &fields(email, "", CF)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again, first, "the same page, byte for byte");
    assert_eq!(booked(&app, &service).await, held, "nothing booked");
    // The link of the booking held went again to its address.
    let mails = booking_mails(&app).await;
    assert_eq!(mails.len(), 2);
    assert_eq!((mails[1].0.as_str(), mails[1].1.as_str()), ("booking.existing", email));
    assert!(mails[1].2.contains("Avete già un appuntamento"), "{}", mails[1].2);
    let (reference, token) = mailed_link(&app, email).await;
    assert_eq!(reference, held[0].reference.as_str());
    assert_eq!(read_booking(&app, &reference, &token).await["status"], "booked");

    // Another time, and only the codice fiscale in common: the page is the
    // one a new booking with that address gets; the link goes to the
    // address on file, nothing to the one typed.
    let other = "someone.else@example.org";
    let (status, by_cf) = book_on_page(&app, &service, &at(day, "10:00"), &fields(other, "", CF)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(main_of(&by_cf), main_of(&first).replace(email, other));
    let mails = booking_mails(&app).await;
    assert_eq!(mails.len(), 3);
    assert_eq!((mails[2].0.as_str(), mails[2].1.as_str()), ("booking.existing", email));
    assert!(mails.iter().all(|m| m.1 != other), "nothing to the address typed");
    assert_eq!(booked(&app, &service).await, held);

    // Another service of the centre is another booking.
    let other_service = app
        .storage()
        .services(service.data.centre)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.id != service.id && s.data.active && s.data.offers(Modality::InOffice))
        .expect("another service");
    let free = first_free(&app, &other_service).await;
    let (status, _) = book_on_page(&app, &other_service, &free, &fields(email, "", CF)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(booking_mails(&app).await.last().unwrap().0, "booking.confirmation");
}

/// The first free in-office start of `service`, as the API writes it.
async fn first_free(app: &TestApp, service: &Service) -> String {
    let from = working_day();
    let r = app
        .request(
            "GET",
            &format!(
                "/api/v1/services/{}/slots?from={from}&days=14&modality=in_office",
                service.id.0
            ),
            &[],
            Vec::new(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let days = r.json();
    days["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["slots"].as_array().cloned().unwrap_or_default())
        .map(|s| s["start"].as_str().unwrap().to_string())
        .next()
        .expect("a free slot")
}

async fn the_api_answers_the_same_and_texts_the_link_to_the_number_on_file(app: TestApp) {
    let service = guidance(&app, "lecce").await;
    let day = working_day();
    let phone_only = json!({ "email": "", "phone": "+39 333 765 4321", "codice_fiscale": CF });

    let first = post(
        &app,
        "/api/v1/bookings",
        &[],
        body(&service, &at(day, "09:00"), phone_only.clone()),
    )
    .await;
    assert_eq!(first.status, 202, "{}", first.text());
    assert_eq!(
        first.json(),
        json!({ "status": "sent", "sent_to": ["+393337654321"], "sms": "queued" })
    );
    assert_eq!(first.header("cache-control"), "no-store");
    let again = post(
        &app,
        "/api/v1/bookings",
        &[],
        body(&service, &at(day, "10:00"), phone_only),
    )
    .await;
    assert_eq!((again.status, again.text()), (first.status, first.text()));
    assert_eq!(booked(&app, &service).await.len(), 1);

    let mut texts = app.storage().recent_sms(100).await.unwrap();
    texts.reverse();
    let kinds: Vec<&str> = texts.iter().map(|t| t.sms.kind.as_str()).collect();
    assert_eq!(kinds, ["booking.confirmation", "booking.existing"]);
    assert!(texts.iter().all(|t| t.sms.to.as_str() == "+393337654321"));
    let short = |text: &str| {
        text[text.find("/b/").expect("a short link")..]
            .split_whitespace()
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(short(&texts[1].sms.text), short(&texts[0].sms.text), "the same link");
    assert!(texts[1].sms.text.contains("you already have"), "{}", texts[1].sms.text);

    // The codice fiscale alone, with an e-mail address: the API's answer
    // names what was typed, the text goes to the number on file.
    let by_cf = json!({ "email": "Other.Person@example.org", "phone": "", "codice_fiscale": CF });
    let r = post(&app, "/api/v1/bookings", &[], body(&service, &at(day, "11:00"), by_cf)).await;
    assert_eq!(r.status, 202);
    assert_eq!(
        r.json(),
        json!({ "status": "sent", "sent_to": ["other.person@example.org"], "sms": "none" })
    );
    assert_eq!(app.storage().recent_sms(100).await.unwrap().len(), 3);
    assert!(
        booking_mails(&app).await.is_empty(),
        "no mail: the booking held has no address"
    );
}

async fn a_cancelled_booking_no_longer_counts(app: TestApp) {
    let service = guidance(&app, "lecce").await;
    let day = working_day();
    let extra = json!({ "email": "giulia@example.org", "phone": "" });
    let first = book_by_mail(&app, &[], body(&service, &at(day, "09:00"), extra.clone())).await;
    let token = first["manage_token"].as_str().unwrap();
    let reference = first["reference"].as_str().unwrap();
    let cancel = post(
        &app,
        &format!("/api/v1/bookings/{reference}/cancel"),
        &[],
        json!({ "token": token }).to_string().into_bytes(),
    )
    .await;
    assert_eq!(cancel.status, 200, "{}", cancel.text());
    let second = book_by_mail(&app, &[], body(&service, &at(day, "09:30"), extra)).await;
    assert_ne!(second["reference"], first["reference"]);
    assert_eq!(booking_mails(&app).await.last().unwrap().0, "booking.confirmation");
    assert_eq!(booked(&app, &service).await.len(), 1);
}

async fn operators_and_people_no_message_reaches_are_not_held_to_one(app: TestApp) {
    let service = guidance(&app, "lecce").await;
    let day = working_day();

    // A landline only: the answer is the booking itself, and each request
    // books (nothing could carry the link of one held).
    let landline = json!({ "email": "", "phone": "0832 123456", "codice_fiscale": CF });
    for time in ["09:00", "09:30"] {
        let r = post(
            &app,
            "/api/v1/bookings",
            &[],
            body(&service, &at(day, time), landline.clone()),
        )
        .await;
        assert_eq!(r.status, 201, "{}", r.text());
        let booking: Value = r.json();
        assert!(booking["manage_token"].is_string());
    }
    assert_eq!(booked(&app, &service).await.len(), 2);

    // An operator books twice for the same person at the desk.
    let centre = app.centre("lecce").await;
    let operator = app
        .add_user(
            "operator.lecce@example.org",
            vec![Grant::new(Role::Operator, Scope::Centre(centre.id)).unwrap()],
        )
        .await;
    let state = state(&app).await;
    let calendar = CentreCalendar::load(&state, centre).await.unwrap();
    let form = RawBooking {
        name: "Mario Rossi".into(),
        email: "mario.rossi@example.org".into(),
        codice_fiscale: CF.into(),
        ..RawBooking::default()
    };
    for time in ["10:00", "10:30"] {
        let start = chrono::DateTime::parse_from_rfc3339(&at(day, time))
            .unwrap()
            .with_timezone(&Utc);
        let input = BookingInput {
            calendar: &calendar,
            service: &service,
            modality: Modality::InOffice,
            start,
            form: &form,
            lang: Lang::It,
        };
        let actor = Actor::user(&operator, "10.0.0.7");
        let (made, sms) = appointments::book(&state, &input, None, &actor, Utc::now())
            .await
            .unwrap();
        assert!(matches!(made, Booked::New(_)), "{made:?}");
        assert!(!appointments::answered_by_message(&made, sms, &actor));
    }
    assert_eq!(booked(&app, &service).await.len(), 4);
    let confirmations = booking_mails(&app).await;
    assert_eq!(confirmations.len(), 2, "one confirmation each: {confirmations:?}");
    for (kind, to, text) in &confirmations {
        assert_eq!(
            (kind.as_str(), to.as_str()),
            ("booking.confirmation", "mario.rossi@example.org")
        );
        assert!(link_in(text).is_some(), "{text}");
    }
}
