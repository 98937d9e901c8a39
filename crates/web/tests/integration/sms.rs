//! Text messages through the real router, on SQLite and PostgreSQL: a
//! booking with only a mobile number queues its confirmation text in the
//! person's language (with a short link that leads to the booking's page),
//! an e-mail and a phone get texts only when asked, moves and cancellations
//! text too; the caps per network, per number and per country let the
//! booking through without its text, and the page says so; the opt-out
//! link on the booking's page and STOP from the gateway stop every text but
//! the one confirming it; delivery reports are stored on their message.
//! The real gateway (Kannel) is in the CLI's tests.

use crate::common::TestApp;
use crate::common::appointments::{at, body, book_and_read, guidance, post, working_day, working_day_after};
use crate::common::browser::Browser;
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use serde_json::json;
use sportello_app::sms::{CountryCaps, Settings};
use sportello_domain::limits::Limit;
use sportello_domain::{Lang, SmsEncoding, SmsText};
use sportello_storage::{Delivery, StoredSms};
use sportello_testkit::on_both_backends;
use sportello_web::AppState;
use std::sync::Arc;

on_both_backends!(using crate::common::TestApp::new =>
    a_mobile_alone_gets_a_confirmation_text_with_a_short_link,
    an_email_and_a_phone_get_texts_only_when_asked,
    moves_and_cancellations_are_texted,
    the_opt_out_link_stops_every_text_but_its_confirmation,
    delivery_reports_are_stored_on_their_message,
);

/// With the gateway's secret and reminders by text a day before.
mod gateway {
    use super::*;
    on_both_backends!(using crate::sms::with_gateway =>
        stop_from_the_gateway_needs_the_secret_and_opts_out,
        reminders_are_texted_at_their_own_delays,
    );
}

/// With small caps.
mod caps {
    use super::*;
    on_both_backends!(using crate::sms::with_small_caps =>
        caps_let_the_booking_through_without_its_text,
    );
}

const SECRET: &str = "gateway-secret-of-the-tests";

pub(crate) async fn with_gateway(backend: sportello_testkit::Backend) -> TestApp {
    TestApp::with_state(backend, |state: &mut AppState| {
        state.app.sms = Arc::new(Settings {
            inbound_secret: Some(SECRET.into()),
            // Texts remind a day before; e-mail keeps its 48 and 2 hours.
            reminders: vec![24 * 60],
            ..Settings::default()
        });
    })
    .await
}

/// Two texts per network an hour, and one an hour to German numbers.
pub(crate) async fn with_small_caps(backend: sportello_testkit::Backend) -> TestApp {
    TestApp::with_state(backend, |state: &mut AppState| {
        let mut limits = sportello_app::limiter::Limits::clone(&state.limits);
        limits.sms_per_net = Limit::new("sms-net", 2, Duration::hours(1));
        state.app.limits = Arc::new(limits);
        state.app.sms = Arc::new(Settings {
            country_caps: CountryCaps::parse("49=1").unwrap(),
            ..Settings::default()
        });
        state.behind_proxy = true;
    })
    .await
}

/// Texts queued so far, oldest first.
async fn texts(app: &TestApp) -> Vec<StoredSms> {
    let mut all = app.storage().recent_sms(500).await.unwrap();
    all.reverse();
    all
}

/// Books a place at `time` on the first working day through the API; the
/// booking as the API reads it (through the link in its message, when one
/// reaches the person).
async fn book(app: &TestApp, time: &str, extra: serde_json::Value) -> serde_json::Value {
    let service = guidance(app, "lecce").await;
    let start = at(working_day(), time);
    book_and_read(app, &[], body(&service, &start, extra)).await
}

async fn a_mobile_alone_gets_a_confirmation_text_with_a_short_link(app: TestApp) {
    let service = guidance(&app, "lecce").await;
    let start = at(working_day(), "09:00");
    let mut citizen = Browser::new(&app);
    let path = format!(
        "/fr/appointments/lecce/{}/book?modality=in_office&start={}",
        service.id.0,
        start.replace(':', "%3A").replace('+', "%2B")
    );
    let form = citizen.get(&path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.text());
    let fields = [
        ("name", "Amadou Diallo"),
        ("email", ""),
        ("phone", "333 765 4321"),
        ("codice_fiscale", ""),
        ("interpreter", ""),
        ("other_needs", ""),
    ];
    let booked = citizen.post(&path, &fields).await;
    assert_eq!(booked.status, StatusCode::OK, "{}", booked.text());
    assert!(
        booked
            .text()
            .contains("Nous avons envoyé le lien de votre réservation à +393337654321"),
        "{}",
        booked.text()
    );

    let sent = texts(&app).await;
    assert_eq!(sent.len(), 1, "one text: the confirmation");
    let text = &sent[0];
    assert_eq!(
        (text.sms.kind.as_str(), text.sms.lang),
        ("booking.confirmation", Lang::Fr)
    );
    assert_eq!(text.sms.to.as_str(), "+393337654321");
    assert!(text.sms.text.contains("rendez-vous"), "{}", text.sms.text);
    let checked = SmsText::parse(&text.sms.text).unwrap();
    assert_eq!(checked.encoding(), SmsEncoding::Gsm7, "{}", text.sms.text);
    assert!(checked.parts() <= 2, "{} parts: {}", checked.parts(), text.sms.text);
    let bookings = app
        .storage()
        .centre_bookings(service.data.centre, Utc::now(), Utc::now() + Duration::days(60))
        .await
        .unwrap();
    let booking = bookings.iter().find(|b| b.person.name == "Amadou Diallo").unwrap();
    assert!(booking.person.sms);
    assert!(text.sms.text.contains(booking.reference.as_str()));

    // The short link leads to the booking's page, in French.
    let link = text.sms.text.split_whitespace().find(|w| w.contains("/b/")).unwrap();
    let short = link.split_once("/b/").map(|(_, rest)| format!("/b/{rest}")).unwrap();
    let followed = app.get(&short).await;
    assert_eq!(followed.status, StatusCode::SEE_OTHER, "{}", followed.body);
    let target = followed.header("location").to_string();
    assert!(
        target.starts_with(&format!("/fr/appointments/booking/{}?t=", booking.reference)),
        "{target}"
    );
    assert_eq!(app.get(&target).await.status, StatusCode::OK);
    // A forged tag leads nowhere.
    let forged = format!("/b/{}/AAAAAAAAAAAAAAAA", booking.reference);
    let refused = app.get(&forged).await;
    let refused_page = app.get(refused.header("location")).await;
    assert_eq!(refused_page.status, StatusCode::FORBIDDEN);
}

async fn an_email_and_a_phone_get_texts_only_when_asked(app: TestApp) {
    let both = book(&app, "09:00", json!({ "lang": "de" })).await;
    assert_eq!(both["sms"], false);
    assert!(
        texts(&app).await.is_empty(),
        "an e-mail was given and no text asked for"
    );
    // Another person (one booking per person and service).
    let asked = book(
        &app,
        "09:30",
        json!({ "lang": "de", "sms": true, "email": "asked@example.org", "phone": "+39 333 222 3333" }),
    )
    .await;
    assert_eq!(asked["sms"], true);
    let sent = texts(&app).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].sms.lang, Lang::De);
    assert!(sent[0].sms.text.contains("Termin"), "{}", sent[0].sms.text);
    // A landline gets none, asked or not.
    let landline = book(
        &app,
        "10:00",
        json!({ "email": "", "phone": "0832 123456", "sms": true }),
    )
    .await;
    assert_eq!(landline["sms"], false);
    assert_eq!(texts(&app).await.len(), 1);
}

async fn moves_and_cancellations_are_texted(app: TestApp) {
    let booking = book(&app, "09:00", json!({ "email": "", "lang": "it" })).await;
    let reference = booking["reference"].as_str().unwrap();
    let token = booking["manage_token"].as_str().unwrap();
    let later = at(working_day(), "10:30");
    let change = json!({ "token": token, "start": later }).to_string().into_bytes();
    let moved = post(&app, &format!("/api/v1/bookings/{reference}/move"), &[], change).await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    let token = moved.json()["manage_token"].as_str().unwrap().to_string();
    let cancel = json!({ "token": token }).to_string().into_bytes();
    let cancelled = post(&app, &format!("/api/v1/bookings/{reference}/cancel"), &[], cancel).await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    let kinds: Vec<String> = texts(&app).await.into_iter().map(|t| t.sms.kind).collect();
    assert_eq!(kinds, ["booking.confirmation", "booking.moved", "booking.cancelled"]);
    let last = texts(&app).await.pop().unwrap();
    assert!(last.sms.text.contains("annullato"), "{}", last.sms.text);
    assert!(last.sms.text.contains("10:30"), "{}", last.sms.text);
}

async fn the_opt_out_link_stops_every_text_but_its_confirmation(app: TestApp) {
    let booking = book(&app, "09:00", json!({ "email": "", "lang": "en" })).await;
    let reference = booking["reference"].as_str().unwrap();
    let token = booking["manage_token"].as_str().unwrap();
    let page_path = format!("/en/appointments/booking/{reference}?t={token}");
    let mut citizen = Browser::new(&app);
    let page = citizen.get(&page_path).await;
    assert!(
        page.text().contains("Send no more texts to this number"),
        "{}",
        page.text()
    );
    let stopped = citizen
        .post(
            &format!("/en/appointments/booking/{reference}/no-texts"),
            &[("t", token)],
        )
        .await;
    assert_eq!(stopped.status, StatusCode::SEE_OTHER, "{}", stopped.text());
    let after = citizen.get(stopped.header("location")).await;
    assert!(
        after.text().contains("We will send no more texts to +393331234567"),
        "{}",
        after.text()
    );
    assert!(!after.text().contains("Send no more texts"), "the button is gone");

    let kinds: Vec<String> = texts(&app).await.into_iter().map(|t| t.sms.kind).collect();
    assert_eq!(kinds, ["booking.confirmation", "sms.opted_out"]);
    // A new booking for the same number: no text, and the page says why.
    let again = book(&app, "09:30", json!({ "email": "", "lang": "en" })).await;
    assert_eq!(again["sms"], false);
    assert_eq!(texts(&app).await.len(), 2, "nothing more");
}

pub(crate) async fn stop_from_the_gateway_needs_the_secret_and_opts_out(app: TestApp) {
    book(&app, "09:00", json!({ "email": "", "lang": "de" })).await;
    let call = |secret: &str, from: &str, text: &str| {
        format!(
            "/sms/inbound?{}",
            serde_urlencoded::to_string([("secret", secret), ("from", from), ("text", text)]).unwrap()
        )
    };
    assert_eq!(app.get(&call("wrong", "+393331234567", "STOP")).await.status, 403);
    assert_eq!(app.get("/sms/inbound?from=%2B393331234567&text=STOP").await.status, 403);
    assert_eq!(app.get(&call(SECRET, "not a number", "STOP")).await.status, 400);
    assert_eq!(texts(&app).await.len(), 1, "nothing done yet");
    let done = app.get(&call(SECRET, "393331234567", " stop ")).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(
        done.body.is_empty(),
        "no text in the answer: the gateway would send it back"
    );
    let sent = texts(&app).await;
    assert_eq!(sent.len(), 2);
    assert_eq!(
        (sent[1].sms.kind.as_str(), sent[1].sms.lang),
        ("sms.opted_out", Lang::De)
    );
    assert!(sent[1].sms.text.contains("START"), "{}", sent[1].sms.text);
    // Another STOP changes nothing; START takes the number back, in German.
    assert_eq!(app.get(&call(SECRET, "+393331234567", "STOP")).await.status, 200);
    assert_eq!(texts(&app).await.len(), 2);
    assert_eq!(app.get(&call(SECRET, "+393331234567", "start")).await.status, 200);
    let sent = texts(&app).await;
    assert_eq!(sent.len(), 3);
    assert_eq!(
        (sent[2].sms.kind.as_str(), sent[2].sms.lang),
        ("sms.opted_in", Lang::De)
    );
    // Texts again after START: the one that gives the link of the booking
    // held (one per person and service).
    let service = guidance(&app, "lecce").await;
    let extra = json!({ "email": "", "lang": "de" });
    let again = post(
        &app,
        "/api/v1/bookings",
        &[],
        body(&service, &at(working_day(), "09:30"), extra),
    )
    .await;
    assert_eq!(again.status, 202, "{}", again.body);
    assert_eq!(again.json()["sms"], "queued", "texts again after START");
    assert_eq!(texts(&app).await.last().unwrap().sms.kind, "booking.existing");
}

async fn delivery_reports_are_stored_on_their_message(app: TestApp) {
    book(&app, "09:00", json!({ "email": "" })).await;
    let token = texts(&app).await[0].message_token.clone();
    let report = |kind: &str, detail: &str| {
        format!(
            "/sms/dlr?{}",
            serde_urlencoded::to_string([("token", token.as_str()), ("type", kind), ("detail", detail)]).unwrap()
        )
    };
    assert_eq!(app.get(&report("8", "ACK/")).await.status, 200);
    assert_eq!(
        texts(&app).await[0].delivery.as_ref().map(|d| d.0),
        Some(Delivery::Submitted)
    );
    assert_eq!(
        app.get(&report("2", "NACK/0x0000000b/Invalid Destination Address"))
            .await
            .status,
        200
    );
    let (delivery, detail, _) = texts(&app).await[0].delivery.clone().unwrap();
    assert_eq!(delivery, Delivery::Undelivered);
    assert_eq!(detail.as_deref(), Some("NACK/0x0000000b/Invalid Destination Address"));
    // A late "buffered" does not replace the final report.
    assert_eq!(app.get(&report("4", "")).await.status, 200);
    assert_eq!(
        texts(&app).await[0].delivery.as_ref().map(|d| d.0),
        Some(Delivery::Undelivered)
    );
    assert_eq!(app.get(&report("3", "")).await.status, 400);
    assert_eq!(app.get("/sms/dlr?token=unknown&type=1").await.status, 404);
}

pub(crate) async fn caps_let_the_booking_through_without_its_text(app: TestApp) {
    // Two texts from this network; the third booking goes ahead without one.
    for (n, time) in ["08:30", "09:00", "09:30"].into_iter().enumerate() {
        let phone = format!("+39 333 000 00{n:02}");
        let booked = book(&app, time, json!({ "email": "", "phone": phone })).await;
        assert_eq!(booked["sms"], n < 2, "booking {n}");
    }
    assert_eq!(texts(&app).await.len(), 2);
    // Through the page, the note says the text was not sent.
    let service = guidance(&app, "lecce").await;
    let start = at(working_day(), "10:00");
    let mut citizen = Browser::new(&app);
    let path = format!(
        "/it/appointments/lecce/{}/book?modality=in_office&start={}",
        service.id.0,
        start.replace(':', "%3A").replace('+', "%2B")
    );
    citizen.get(&path).await;
    let fields = [
        ("name", "Persona"),
        ("email", ""),
        ("phone", "333 000 0099"),
        ("codice_fiscale", ""),
        ("interpreter", ""),
        ("other_needs", ""),
    ];
    let booked = citizen.post(&path, &fields).await;
    assert_eq!(booked.status, StatusCode::SEE_OTHER, "{}", booked.text());
    let page = citizen.get(booked.header("location")).await;
    assert!(
        page.text()
            .contains("Non abbiamo potuto inviare un SMS al numero +393330000099"),
        "{}",
        page.text()
    );
    assert_eq!(texts(&app).await.len(), 2);

    // One text an hour to German numbers, whatever the network.
    let from = |network: &'static str, time: &'static str, phone: &'static str| {
        let service = service.clone();
        let app = &app;
        async move {
            let start = at(working_day_after(working_day()), time);
            let extra = json!({ "email": "", "phone": phone });
            let r = post(
                app,
                "/api/v1/bookings",
                &[("x-forwarded-for", network)],
                body(&service, &start, extra),
            )
            .await;
            // A text went: the answer is "sent"; none: the booking itself.
            match r.status.as_u16() {
                202 => r.json()["sms"] == "queued",
                201 => r.json()["sms"].as_bool().unwrap(),
                other => panic!("{other}: {}", r.body),
            }
        }
    };
    assert!(from("203.0.113.9", "08:30", "+49 151 2345678").await);
    assert!(
        !from("198.51.100.7", "09:00", "+49 151 8765432").await,
        "the German cap holds"
    );
    assert!(
        from("198.51.100.7", "09:30", "+39 333 111 2222").await,
        "Italian numbers are not held by it"
    );
    assert_eq!(texts(&app).await.len(), 4);
}

pub(crate) async fn reminders_are_texted_at_their_own_delays(app: TestApp) {
    use sportello_app::appointments::queue_reminders;
    let booking = book(&app, "09:00", json!({ "email": "", "lang": "fr" })).await;
    let start = chrono::DateTime::parse_from_rfc3339(booking["start"].as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc);
    let queued = |hours: i64| queue_reminders(&app.state, start - Duration::hours(hours));
    assert_eq!(queued(47).await.unwrap(), 0, "the 48-hour reminder is by e-mail only");
    assert_eq!(queued(23).await.unwrap(), 1, "the day-before text");
    assert_eq!(queued(22).await.unwrap(), 0, "once");
    assert_eq!(queued(1).await.unwrap(), 0, "the 2-hour reminder is by e-mail only");
    let sent = texts(&app).await;
    let kinds: Vec<&str> = sent.iter().map(|t| t.sms.kind.as_str()).collect();
    assert_eq!(kinds, ["booking.confirmation", "booking.reminder"]);
    let reminder = &sent[1];
    assert_eq!(reminder.sms.lang, Lang::Fr);
    assert!(reminder.sms.text.contains("rappel"), "{}", reminder.sms.text);
    assert!(reminder.sms.dedupe_key.as_deref().unwrap().starts_with("reminder:"));
    assert_eq!(
        app.storage().mail_counts().await.unwrap().pending,
        0,
        "no e-mail address, no mail"
    );
}
