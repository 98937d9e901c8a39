//! A person's data downloaded, then erased, through the real router, on
//! SQLite and PostgreSQL. The person signs up, adds a mobile number, books
//! an appointment and a place at a group meeting (with needs), writes a CV
//! with a marker word and subscribes to the newsletter; downloads all their
//! data (it is there); deletes the account (a wrong password and no tick
//! first); the sent messages' retention is set to nothing and purged. Then
//! every row of every table, all columns as text, holds none of their
//! e-mail address, number, *codice fiscale*, name or marker word. (No table
//! is kept by law yet: the DID and the records of services come with the
//! casework.)

use crate::common::TestApp;
use crate::common::appointments::{at, body, guidance, post, working_day};
use crate::common::browser::{Browser, PASSWORD};
use crate::common::people::sign_up;
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use serde_json::json;
use sportello_testkit::on_both_backends;
use sportello_testkit::raw;

const EMAIL: &str = "marta.verdi@example.org";
const PHONE: &str = "+393471234567";
const CODICE_FISCALE: &str = "RSSMRA85T10A562S";
const MARKER: &str = "Zanzibarite";

async fn everything_goes(app: TestApp) {
    let mut marta = Browser::new(&app);
    sign_up(&app, &mut marta, EMAIL, PASSWORD).await;
    marta.get("/en/account/settings").await;
    marta
        .post(
            "/en/account/settings/profile",
            &[("name", "Marta Verdi"), ("lang", "en")],
        )
        .await;
    // A mobile number, confirmed by its code.
    marta.get("/en/account/settings").await;
    let r = marta
        .post("/en/account/settings/contact", &[("contact", "347 123 4567")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let code_page = r.header("location").to_string();
    let texts = app.storage().recent_sms(50).await.unwrap();
    let sms = texts
        .iter()
        .find(|t| t.sms.kind == "person.change_phone")
        .expect("a code");
    let code: String = sms.sms.text.chars().filter(char::is_ascii_digit).take(6).collect();
    marta.get(&code_page).await;
    let r = marta.post(&code_page, &[("code", &code)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());

    // An appointment with needs, a place at the job day, a CV, the newsletter.
    let service = guidance(&app, "lecce").await;
    let start = at(working_day(), "10:30");
    let booking = json!({
        "name": "Marta Verdi", "email": EMAIL, "phone": PHONE, "codice_fiscale": CODICE_FISCALE,
        "other_needs": format!("{MARKER} chair"),
    });
    let r = post(&app, "/api/v1/bookings", &[], body(&service, &start, booking)).await;
    assert_eq!(r.status, 202, "{}", r.text());
    let events = app.get("/api/v1/events?centre=lecce&lang=en").await.json();
    let event = &events["events"][0];
    let path = format!("/api/v1/events/{}/registrations", event["id"]);
    let registration = json!({
        "session": event["sessions"][0]["id"], "lang": "en", "name": "Marta Verdi", "email": EMAIL,
        "phone": PHONE,
    });
    let r = app
        .request(
            "POST",
            &path,
            &[("content-type", "application/json")],
            registration.to_string().into_bytes(),
        )
        .await;
    assert!(r.status.is_success(), "{}", r.text());
    marta.get("/en/account/cv").await;
    let r = marta
        .post(
            "/en/account/cv",
            &[("summary", &format!("{MARKER} expert")), ("domicile", "Lecce")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let mut news = Browser::new(&app);
    news.get("/en/newsletter").await;
    news.post(
        "/en/newsletter",
        &[
            ("email", EMAIL),
            ("lang", "en"),
            ("frequency", "weekly"),
            ("centres", "lecce"),
            ("sections", "ordinary"),
        ],
    )
    .await;

    // Everything is in the download.
    let page = marta.get("/en/account/data").await;
    assert_eq!(page.status, StatusCode::OK);
    let data = marta.get("/en/account/data.json").await;
    assert_eq!(data.status, StatusCode::OK);
    let value = data.json();
    assert_eq!(value["account"]["phone"], PHONE);
    assert_eq!(value["appointments"][0]["codice_fiscale"], CODICE_FISCALE);
    assert!(
        value["appointments"][0]["needs"]["other"]
            .as_str()
            .unwrap()
            .contains(MARKER)
    );
    assert_eq!(value["group_meetings"].as_array().unwrap().len(), 1);
    assert!(value["cv"]["cv"]["summary"].as_str().unwrap().contains(MARKER));
    assert!(!value["messages"].as_array().unwrap().is_empty());
    let pdf = marta.get("/en/account/data.pdf").await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.header("content-type"), "application/pdf");

    // The dump finds each of them while the account exists.
    let before = raw::dump(&app.db.url).await;
    for needle in [EMAIL, PHONE, CODICE_FISCALE, "Marta Verdi", MARKER] {
        assert!(before.iter().any(|r| r.contains(needle)), "{needle} is found before");
    }

    // Deleting: a tick and the password.
    let r = marta.post("/en/account/delete", &[("password", PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = marta
        .post("/en/account/delete", &[("confirm", "1"), ("password", "not the one")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = marta
        .post("/en/account/delete", &[("confirm", "1"), ("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.h1(), "Your account is deleted");
    assert_eq!(
        marta.get("/en/account").await.status,
        StatusCode::SEE_OTHER,
        "signed out"
    );

    // Sent messages kept for no time at all, then purged.
    app.storage()
        .purge_message_bodies(Utc::now() + Duration::seconds(1))
        .await
        .unwrap();
    let rows = raw::dump(&app.db.url).await;
    assert!(rows.len() > 100, "the dump reads the tables: {} rows", rows.len());
    let national = &PHONE[3..];
    for needle in [EMAIL, PHONE, national, CODICE_FISCALE, "Marta Verdi", "Verdi", MARKER] {
        let found: Vec<&String> = rows.iter().filter(|r| r.contains(needle)).collect();
        assert!(found.is_empty(), "{needle} is still in: {found:#?}");
    }
    // The appointment still counts, without the person.
    let left = raw::number(
        &app.db.url,
        "SELECT CAST(COUNT(*) AS TEXT) FROM bookings WHERE email LIKE 'erased-%@invalid' AND status = 'cancelled'",
        &[],
    )
    .await;
    assert_eq!(left, 1);
}

async fn unused_accounts_are_warned_then_erased(app: TestApp) {
    let state = crate::common::appointments::state(&app).await;
    // Only this test's people: the demo's citizen is left out.
    raw::execute(&app.db.url, "DELETE FROM people").await;
    let mut idle = Browser::new(&app);
    sign_up(&app, &mut idle, "idle@example.org", PASSWORD).await;
    let mut back = Browser::new(&app);
    sign_up(&app, &mut back, "back@example.org", PASSWORD).await;
    let now = Utc::now();
    let run = |days: i64| sportello_app::people::retention::run(&state, now + Duration::days(days));
    let warnings = |email: &'static str| {
        let url = app.db.url.clone();
        async move {
            raw::number(
                &url,
                "SELECT CAST(inactivity_warnings AS TEXT) FROM people WHERE email = $1",
                &[email],
            )
            .await
        }
    };
    // Nothing before the first warning is due (730 days, 30 before).
    assert_eq!(run(699).await.unwrap().warned, 0);
    let first = run(701).await.unwrap();
    assert_eq!((first.warned, first.erased), (2, 0));
    assert_eq!(run(701).await.unwrap().warned, 0, "once");
    let mails = app.storage().recent_mail(100).await.unwrap();
    let warning = mails
        .iter()
        .find(|m| m.mail.to.as_str() == "idle@example.org" && m.mail.kind == "person.inactive")
        .expect("a warning");
    assert_eq!(warning.mail.subject, "Your account will be deleted");
    // Signing in starts over.
    back.get("/en/account/sign-in").await;
    let r = back
        .post(
            "/en/account/sign-in",
            &[("contact", "back@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(warnings("back@example.org").await, 0);
    assert_eq!(warnings("idle@example.org").await, 1);
    // In this test's clock the one who came back goes idle again: their
    // first warning comes anew; the other's second one comes at least 14
    // days after the first, 7 days before the erasure.
    assert_eq!(run(710).await.unwrap().warned, 1);
    assert_eq!(warnings("back@example.org").await, 1);
    let second = run(724).await.unwrap();
    assert_eq!((second.warned, second.erased), (1, 0));
    assert_eq!(warnings("idle@example.org").await, 2);
    // The erasure at least 7 days after the second warning.
    let at_730 = run(730).await.unwrap();
    assert_eq!(at_730.erased, 0);
    assert_eq!(warnings("back@example.org").await, 2, "their second warning");
    assert_eq!(run(732).await.unwrap().erased, 1);
    let left = raw::number(
        &app.db.url,
        "SELECT CAST(COUNT(*) AS TEXT) FROM people WHERE email = 'idle@example.org'",
        &[],
    )
    .await;
    assert_eq!(left, 0);
    assert_eq!(warnings("back@example.org").await, 2, "kept: warned only 2 days ago");
}

on_both_backends!(using crate::common::TestApp::new =>
    everything_goes,
    unused_accounts_are_warned_then_erased,
);
