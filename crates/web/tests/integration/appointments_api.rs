//! The appointments API through the real router, on SQLite and PostgreSQL:
//! services, free slots (closed days with their reason, daylight-saving
//! changes), booking (answered "sent": the booking is read through the link
//! in its mail), reading, moving and cancelling with the manage token, and
//! `Idempotency-Key`. One booking per person is in `one_booking.rs`. Refusals of bad input are in
//! `appointments_refusals.rs`, the race over real HTTP in `booking_race.rs`.

use crate::common::TestApp;
use crate::common::appointments::{at, body, book_by_mail, guidance, next, post, saved, working, working_day};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde_json::{Value, json};
use sportello_domain::BookingRef;
use sportello_domain::appointments::holidays::national_holiday;
use sportello_domain::time::today_in_rome;
use sportello_testkit::on_both_backends;

on_both_backends!(using crate::common::TestApp::new =>
    lists_the_services_of_a_centre_in_each_language,
    lists_free_slots_and_why_days_are_closed,
    slots_follow_the_daylight_saving_changes,
    books_reads_moves_and_cancels,
    replays_an_idempotency_key,
    openapi_document_lists_the_appointments_api,
);

async fn lists_the_services_of_a_centre_in_each_language(app: TestApp) {
    let r = app.get("/api/v1/centres/lecce/services?lang=en").await;
    assert_eq!(r.status, 200, "{}", r.body);
    let list = r.json();
    assert_eq!(list["centre"], "lecce");
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 9, "Lecce offers every kind of service");
    let basic = items.iter().find(|s| s["kind"] == "basic_guidance").unwrap();
    assert_eq!(basic["modalities"], json!(["in_office", "phone", "video"]));
    assert_eq!(basic["capacity"], 2);
    assert_eq!(basic["duration_minutes"], 30);
    assert_eq!(basic["text_lang"], "en");
    assert!(basic["slots_url"].as_str().unwrap().ends_with("/slots"));
    let rules = list["access_rules"].as_str().unwrap();
    assert!(!rules.is_empty());

    let german = app
        .get_with(
            "/api/v1/centres/lecce/services",
            &[("accept-language", "de-DE,de;q=0.9")],
        )
        .await
        .json();
    let basic_de = german["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["kind"] == "basic_guidance")
        .unwrap()
        .clone();
    assert_eq!(basic_de["text_lang"], "de");
    assert_ne!(basic_de["name"], basic["name"]);
    assert_ne!(german["access_rules"], list["access_rules"], "the rules in German");

    let gallipoli = app.get("/api/v1/centres/gallipoli/services").await.json();
    let kinds: Vec<&str> = gallipoli["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert!(
        !kinds.contains(&"mirato_advice"),
        "Collocamento Mirato advice is in Lecce only"
    );

    assert_eq!(app.get("/api/v1/centres/atlantis/services").await.status, 404);
    let bad = app.get("/api/v1/centres/lecce/services?lang=xx").await;
    assert_eq!(bad.status, 400);
    assert_eq!(bad.json()["parameter"], "lang");
}

async fn lists_free_slots_and_why_days_are_closed(app: TestApp) {
    let service = guidance(&app, "lecce").await;
    let saturday = next(Weekday::Sat, 3);
    let url = format!("/api/v1/services/{}/slots?from={saturday}&days=2&lang=en", service.id.0);
    let r = app.get(&url).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let days = r.json()["days"].as_array().unwrap().clone();
    assert_eq!(days.len(), 2);
    for closed in &days {
        assert_eq!(closed["open"], false);
        assert_eq!(closed["closed"]["kind"], "weekday");
        assert_eq!(
            closed["closed"]["message"],
            "The centre takes no appointments on this day of the week."
        );
        assert!(closed["slots"].as_array().unwrap().is_empty());
    }
    let date = working_day();
    let r = app
        .get(&format!("/api/v1/services/{}/slots?from={date}&days=1", service.id.0))
        .await
        .json();
    assert_eq!(r["days"][0]["open"], true);
    let slots = r["days"][0]["slots"].as_array().unwrap();
    assert_eq!(slots[0]["start"], at(date, "08:30"));
    assert_eq!(slots[0]["end"], at(date, "09:00"));
    assert_eq!(slots[0]["places"], 2);
    // Lecce's centres also open on Tuesday and Thursday afternoons, until 16:30.
    let last = match date.weekday() {
        Weekday::Tue | Weekday::Thu => "16:00",
        _ => "11:00",
    };
    assert_eq!(
        slots.last().unwrap()["start"],
        at(date, last),
        "the last slot ends at closing time"
    );

    // The first national holiday in the window, in the reader's language.
    let holiday = (3..170)
        .map(|d| today_in_rome() + Days::new(d))
        .find(|d| national_holiday(*d).is_some())
        .unwrap();
    let r = app
        .get_with(
            &format!("/api/v1/services/{}/slots?from={holiday}&days=1", service.id.0),
            &[("accept-language", "it")],
        )
        .await
        .json();
    let closed = &r["days"][0]["closed"];
    assert_eq!(closed["kind"], "holiday");
    let code = national_holiday(holiday).unwrap().code();
    assert_eq!(closed["detail"], code);
    assert!(
        closed["message"]
            .as_str()
            .unwrap()
            .starts_with("In questo giorno il centro è chiuso: "),
        "{closed}"
    );

    let past = today_in_rome() - Days::new(3);
    let r = app
        .get(&format!(
            "/api/v1/services/{}/slots?from={past}&days=1&lang=fr",
            service.id.0
        ))
        .await
        .json();
    assert_eq!(r["days"][0]["closed"]["kind"], "past");
    assert_eq!(r["days"][0]["closed"]["message"], "Ce jour est déjà passé.");

    for (query, parameter) in [
        ("from=2026-13-01", "from"),
        ("from=tomorrow", "from"),
        ("days=0", "days"),
        ("days=32", "days"),
        ("days=many", "days"),
        ("modality=carrier-pigeon", "modality"),
        ("lang=klingon", "lang"),
    ] {
        let r = app
            .get(&format!("/api/v1/services/{}/slots?{query}", service.id.0))
            .await;
        assert_eq!(r.status, 400, "{query}");
        assert_eq!(r.header("content-type"), "application/problem+json");
        assert_eq!(r.json()["parameter"], parameter, "{query}");
    }
    let r = app
        .get(&format!("/api/v1/services/{}/slots?days=31", service.id.0))
        .await;
    assert_eq!(r.json()["days"].as_array().unwrap().len(), 31);
    assert_eq!(app.get("/api/v1/services/999999/slots").await.status, 404);
    assert_eq!(app.get("/api/v1/services/nine/slots").await.status, 404);
}

/// The next last Sunday of March or October (a change of the clocks).
fn next_clock_change() -> NaiveDate {
    let mut date = today_in_rome() + Days::new(3);
    loop {
        let last_sunday = date.weekday() == Weekday::Sun && (date + Days::new(7)).month() != date.month();
        if last_sunday && matches!(date.month(), 3 | 10) {
            return date;
        }
        date = date + Days::new(1);
    }
}

async fn slots_follow_the_daylight_saving_changes(app: TestApp) {
    let service = guidance(&app, "lecce").await;
    let change = next_clock_change();
    // From late April the next change (October) is beyond the 180-day window.
    if change > today_in_rome() + Days::new(178) {
        eprintln!("the next clock change ({change}) cannot be booked yet");
        return;
    }
    // The last working day before the change and the first after it (in
    // 2027 the spring change is on Easter Sunday, so Monday is closed too).
    let before_day = (1..7).map(|d| change - Days::new(d)).find(|d| working(*d)).unwrap();
    let after_day = (1..7).map(|d| change + Days::new(d)).find(|d| working(*d)).unwrap();
    let (before, after) = if change.month() == 3 {
        ("+01:00", "+02:00")
    } else {
        ("+02:00", "+01:00")
    };
    let r = app
        .get(&format!(
            "/api/v1/services/{}/slots?from={before_day}&days=8",
            service.id.0
        ))
        .await
        .json();
    let days = r["days"].as_array().unwrap();
    let on = |date: NaiveDate| days.iter().find(|d| d["date"] == date.to_string()).unwrap().clone();
    let nine = |day: &Value| {
        day["slots"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["start"].as_str().unwrap().to_string())
            .find(|s| s.contains("T09:00:00"))
            .unwrap()
    };
    assert_eq!(nine(&on(before_day)), format!("{before_day}T09:00:00{before}"));
    assert_eq!(on(change)["open"], false, "a Sunday");
    assert_eq!(nine(&on(after_day)), format!("{after_day}T09:00:00{after}"));

    // Booked at 09:00 in Rome after the change: 07:00 or 08:00 UTC in the database.
    let booking = book_by_mail(&app, &[], body(&service, &nine(&on(after_day)), json!({}))).await;
    let reference = BookingRef::parse(booking["reference"].as_str().unwrap()).unwrap();
    let stored = app.storage().booking(&reference).await.unwrap().unwrap();
    let utc_hour = if change.month() == 3 { 7 } else { 8 };
    assert_eq!(
        stored.start.to_rfc3339(),
        format!("{after_day}T0{utc_hour}:00:00+00:00")
    );
    assert_eq!(booking["end"], format!("{after_day}T09:30:00{after}"));
}

async fn books_reads_moves_and_cancels(app: TestApp) {
    let service = guidance(&app, "lecce").await;
    let day = working_day();
    let (bookings, seats, mails) = saved(&app, &service).await;
    let booking = book_by_mail(
        &app,
        &[],
        body(
            &service,
            &at(day, "09:00"),
            json!({"modality": "video", "interpreter": "fr", "wheelchair": true, "codice_fiscale": "RSSMRA85T10A562S"}),
        ),
    )
    .await;
    let reference = booking["reference"].as_str().unwrap().to_string();
    let token = booking["manage_token"].as_str().unwrap().to_string();
    assert_eq!(booking["status"], "booked");
    assert_eq!(booking["modality"], "video");
    assert_eq!(booking["start"], at(day, "09:00"));
    assert_eq!(booking["end"], at(day, "09:30"));
    assert_eq!(booking["lang"], "en");
    assert_eq!(booking["needs"]["interpreter"], "fr");
    assert_eq!(booking["needs"]["wheelchair"], true);
    assert!(
        booking["video_url"]
            .as_str()
            .unwrap()
            .starts_with("https://meet.jit.si/Sportello-")
    );
    assert_eq!(
        booking["manage_url"],
        format!(
            "{}/en/appointments/booking/{reference}?t={token}",
            crate::common::PUBLIC_URL
        )
    );
    assert_eq!(saved(&app, &service).await, (bookings + 1, seats + 1, mails + 1));

    let slots = app
        .get(&format!("/api/v1/services/{}/slots?from={day}&days=1", service.id.0))
        .await
        .json();
    let nine = slots["days"][0]["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["start"] == at(day, "09:00"))
        .unwrap()
        .clone();
    assert_eq!(nine["places"], 1, "one of two places is taken");

    let read = app.get(&format!("/api/v1/bookings/{reference}?token={token}")).await;
    assert_eq!(read.status, 200);
    assert_eq!(read.json(), booking);
    assert_eq!(
        app.get(&format!("/api/v1/bookings/{}?token={token}", reference.to_lowercase()))
            .await
            .status,
        200
    );
    assert_eq!(
        app.get(&format!("/api/v1/bookings/{reference}")).await.json()["parameter"],
        "token"
    );

    let path = format!("/api/v1/bookings/{reference}/move");
    let moved = post(
        &app,
        &path,
        &[],
        json!({"token": token, "start": at(day, "10:30")})
            .to_string()
            .into_bytes(),
    )
    .await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    assert_eq!(moved.json()["start"], at(day, "10:30"));
    // The link from before the move no longer works: the answer has the new one.
    let old = token;
    let token = moved.json()["manage_token"].as_str().unwrap().to_string();
    assert_ne!(token, old);
    assert_eq!(moved.json()["reference"], reference.as_str());
    assert_eq!(
        saved(&app, &service).await,
        (bookings + 1, seats + 1, mails + 2),
        "the seat moved"
    );
    // Moving again to the same time (a retry) changes nothing and sends nothing.
    let same = post(
        &app,
        &path,
        &[],
        json!({"token": token, "start": at(day, "10:30")})
            .to_string()
            .into_bytes(),
    )
    .await;
    assert_eq!((same.status.as_u16(), &same.body), (200, &moved.body));
    assert_eq!(saved(&app, &service).await, (bookings + 1, seats + 1, mails + 2));

    let path = format!("/api/v1/bookings/{reference}/cancel");
    let cancelled = post(&app, &path, &[], json!({"token": token}).to_string().into_bytes()).await;
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    assert_eq!(cancelled.json()["status"], "cancelled");
    assert_eq!(
        saved(&app, &service).await,
        (bookings + 1, seats, mails + 3),
        "the seat is free again"
    );

    // A retry of the cancellation (its answer was lost) gets the same answer
    // and changes nothing; moving a cancelled booking is refused.
    let again = post(&app, &path, &[], json!({"token": token}).to_string().into_bytes()).await;
    assert_eq!((again.status.as_u16(), &again.body), (200, &cancelled.body));
    let move_path = format!("/api/v1/bookings/{reference}/move");
    let refused = post(
        &app,
        &move_path,
        &[("accept-language", "fr")],
        json!({"token": token, "start": at(day, "11:00")})
            .to_string()
            .into_bytes(),
    )
    .await;
    assert_eq!(refused.status, 409);
    assert_eq!(refused.json()["reason"], "too_late");
    assert_eq!(refused.json()["title"], "Ce rendez-vous ne peut plus être modifié");
    assert_eq!(saved(&app, &service).await, (bookings + 1, seats, mails + 3));
}

async fn replays_an_idempotency_key(app: TestApp) {
    let service = guidance(&app, "lecce").await;
    let day = working_day();
    let request = body(&service, &at(day, "10:00"), json!({}));
    let key = [("idempotency-key", "booking-7f3a-0001")];
    let first = post(&app, "/api/v1/bookings", &key, request.clone()).await;
    assert_eq!(first.status, 202, "{}", first.body);
    let counts = saved(&app, &service).await;
    // Another language in the header does not change the stored answer.
    let replay = post(
        &app,
        "/api/v1/bookings",
        &[key[0], ("accept-language", "de")],
        request.clone(),
    )
    .await;
    assert_eq!(replay.status, 202);
    assert_eq!(replay.body, first.body, "byte for byte");
    assert_eq!(saved(&app, &service).await, counts, "no second booking, seat or e-mail");

    let other = body(&service, &at(day, "10:30"), json!({"lang": "de"}));
    let reused = post(&app, "/api/v1/bookings", &[key[0], ("accept-language", "de")], other).await;
    assert_eq!(reused.status, 422);
    assert_eq!(reused.json()["reason"], "key_reused");
    assert_eq!(reused.json()["title"], "Idempotenzschlüssel schon verwendet");
    assert_eq!(saved(&app, &service).await, counts);

    let too_long = "k".repeat(256);
    for bad in ["", "has space", "ünïcode", too_long.as_str()] {
        let r = post(&app, "/api/v1/bookings", &[("idempotency-key", bad)], request.clone()).await;
        assert_eq!(r.status, 400, "{bad:?}");
        assert_eq!(r.json()["parameter"], "Idempotency-Key");
    }
    let longest = "k".repeat(255);
    let r = post(
        &app,
        "/api/v1/bookings",
        &[("idempotency-key", &longest)],
        body(&service, &at(day, "10:30"), json!({})),
    )
    .await;
    assert_eq!(r.status, 202, "{}", r.body);
}

async fn openapi_document_lists_the_appointments_api(app: TestApp) {
    let doc = app.get("/api/openapi.json").await.json();
    for (path, method) in [
        ("/api/v1/centres/{slug}/services", "get"),
        ("/api/v1/services/{id}/slots", "get"),
        ("/api/v1/bookings", "post"),
        ("/api/v1/bookings/{reference}", "get"),
        ("/api/v1/bookings/{reference}/move", "post"),
        ("/api/v1/bookings/{reference}/cancel", "post"),
    ] {
        assert!(doc["paths"][path][method].is_object(), "{method} {path}");
    }
    let book = &doc["paths"]["/api/v1/bookings"]["post"];
    assert!(book["responses"]["409"].is_object());
    assert!(book["responses"]["202"].is_object(), "the answer by message");
    assert!(
        book["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "Idempotency-Key")
    );
    for schema in ["BookingJson", "SentJson", "SlotList", "ServiceList", "NextSlotJson"] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
    assert!(doc["components"]["schemas"]["ProblemJson"]["properties"]["next_slots"].is_object());
}
