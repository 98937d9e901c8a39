//! Outreach points through the real router, on SQLite and PostgreSQL: the
//! demo's job camper on the Lecce board, the home page, its page in four
//! languages with its markup, in the calendar feeds, on a poster whose QR
//! code leads to its page, in the sitemap and the API; the Boncuri desk
//! with its weekly hours; booking at the camper through the pages (in
//! person only, the stop's square in the mail) and through the API (its
//! slots, booked, moved to the next stop and cancelled against the camper's
//! calendar) and by an operator on someone's behalf; operators adding and
//! cancelling stops, with bad input refused in their language and nothing
//! saved, and a booked stop never cancelled silently.

use axum::http::StatusCode;
use chrono::{Datelike, Days, Utc};
use sportello_domain::appointments::holidays::national_holiday;
use sportello_domain::time::today_in_rome;
use sportello_domain::{Grant, Modality, OutreachPoint, Role, Scope, ServiceKind};
use sportello_testkit::on_both_backends;
use sportello_testkit::pdf::PdfFile;

use crate::appointments_pages::{book, first_free_start};
use crate::common::TestApp;
use crate::common::appointments::{body, book_by_mail, post};
use crate::common::browser::Browser;
use crate::office_appointments::{service_of, signed_in};

on_both_backends!(
    using crate::common::TestApp::new =>
    the_camper_on_the_board_in_feeds_and_on_a_poster,
    booking_at_the_camper,
    booking_at_the_camper_through_the_api,
    an_operator_books_at_the_camper,
    operators_add_and_cancel_stops,
);

/// Stops listed on a page at most (the demo has fewer).
const PAGE_LIMIT: usize = 60;

async fn point(app: &TestApp, slug: &str) -> OutreachPoint {
    app.storage().point_by_slug(slug).await.unwrap().expect("a demo point")
}

async fn the_camper_on_the_board_in_feeds_and_on_a_poster(app: TestApp) {
    let camper = point(&app, "camper").await;
    let stops = app
        .storage()
        .upcoming_stops(Some(camper.data.centre), Utc::now(), 50)
        .await
        .unwrap();
    let first = &stops.first().expect("the demo camper has stops").1;
    let board = app.get("/it/centres/lecce").await;
    assert_eq!(board.status, StatusCode::OK);
    let text = board.text();
    assert!(
        text.contains("Prossime tappe") && text.contains("Camper del lavoro"),
        "{text}"
    );
    assert!(text.contains(&first.data.town), "{text}");
    assert!(board.body.contains("href=\"/it/outreach/camper\""));
    let home = app.get("/en/").await;
    assert!(home.text().contains("Next stops") && home.text().contains("Job camper"));
    // Another centre's board does not list the camper.
    assert!(!app.get("/it/centres/rimini").await.text().contains("Camper del lavoro"));

    for (lang, name, heading) in [
        ("it", "Camper del lavoro", "Prossime tappe"),
        ("en", "Job camper", "Next stops"),
        ("fr", "Camping-car de l'emploi", "Prochaines étapes"),
        ("de", "Job-Camper", "Nächste Halte"),
    ] {
        let page = app.get(&format!("/{lang}/outreach/camper")).await;
        assert_eq!(page.status, StatusCode::OK, "{lang}");
        assert_eq!(page.h1(), name);
        assert!(page.text().contains(heading), "{lang}");
        assert!(page.text().contains(&first.data.place), "{lang}");
    }
    let page = app.get("/it/outreach/camper").await;
    let json = page.body.split("application/ld+json\">").nth(1).unwrap();
    let markup: serde_json::Value = serde_json::from_str(json.split("</script>").next().unwrap()).unwrap();
    assert_eq!(markup["@type"], "GovernmentOffice");
    assert_eq!(markup["parentOrganization"]["name"], "Centro per l'Impiego di Lecce");
    let places = markup["containsPlace"].as_array().unwrap();
    assert_eq!(places.len(), stops.len().min(PAGE_LIMIT));
    assert_eq!(places[0]["@type"], "Place");
    assert_eq!(
        places[0]["openingHoursSpecification"]["validFrom"],
        first.data.date.to_string()
    );
    assert_eq!(places[0]["address"]["addressLocality"], first.data.town.as_str());

    let desk = app.get("/de/outreach/boncuri").await;
    assert_eq!(desk.status, StatusCode::OK);
    assert!(desk.text().contains("Dienstag: 17:00–20:00"), "{}", desk.text());
    assert!(desk.body.contains("openingHoursSpecification") && desk.body.contains("Masseria Boncuri"));
    assert_eq!(app.get("/it/outreach/nowhere").await.status, StatusCode::NOT_FOUND);

    for path in [
        "/it/centres/lecce/stops.ics",
        "/it/feeds/stops.ics",
        "/it/outreach/camper/stops.ics",
    ] {
        let ics = app.get(path).await;
        assert_eq!(ics.status, StatusCode::OK, "{path}");
        assert!(ics.header("content-type").starts_with("text/calendar"), "{path}");
        assert_eq!(ics.body.matches("BEGIN:VEVENT").count(), stops.len(), "{path}");
        assert!(ics.body.contains(&format!("UID:stop-{}@", first.id.0)), "{path}");
        assert!(
            ics.body.contains("SUMMARY;LANGUAGE=it:Camper del lavoro – "),
            "{path}: {}",
            ics.body
        );
    }
    let rimini = app.get("/it/centres/rimini/stops.ics").await;
    assert_eq!(rimini.body.matches("BEGIN:VEVENT").count(), 0);

    let poster = app
        .request("GET", "/it/outreach/camper/poster.pdf", &[], Vec::new())
        .await;
    assert_eq!(poster.status, StatusCode::OK);
    assert_eq!(poster.header("content-type"), "application/pdf");
    let pdf = PdfFile::new(&poster.bytes);
    let words = pdf.text();
    assert!(
        words.contains("Camper del lavoro") && words.contains(&first.data.town),
        "{words}"
    );
    let codes = pdf.qr_codes();
    assert_eq!(codes.len(), 1, "one QR code");
    assert!(codes[0].ends_with("/p/camper"), "{codes:?}");
    let short = app.get_with("/p/camper", &[("accept-language", "fr")]).await;
    assert_eq!(short.header("location"), "/fr/outreach/camper");
    assert_eq!(app.get("/p/..%2Fetc").await.status, StatusCode::NOT_FOUND);

    let sitemap = app.get("/sitemaps/pages.xml").await;
    assert!(sitemap.body.contains("/it/outreach/camper") && sitemap.body.contains("/en/outreach/boncuri"));

    let list = app.get("/api/v1/outreach-points?lang=en").await.json();
    let points = list["points"].as_array().unwrap();
    assert_eq!(points.len(), 2);
    let one = app.get("/api/v1/outreach-points/camper?lang=fr").await.json();
    assert_eq!(one["name"], "Camping-car de l'emploi");
    assert_eq!(one["kind"], "tour");
    assert_eq!(one["stops"].as_array().unwrap().len(), stops.len().min(PAGE_LIMIT));
    assert_eq!(one["stops"][0]["town"], first.data.town.as_str());
    assert_eq!(
        app.get("/api/v1/outreach-points/nowhere").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/api/v1/outreach-points?centre=nowhere").await.status,
        StatusCode::BAD_REQUEST
    );
}

async fn booking_at_the_camper(app: TestApp) {
    let camper = point(&app, "camper").await;
    let mut browser = Browser::new(&app);
    let choose = browser.get("/it/appointments/camper").await;
    assert_eq!(choose.status, StatusCode::OK);
    assert!(choose.h1().contains("Camper del lavoro"), "{}", choose.h1());
    let lecce = app.centre("lecce").await;
    let did = service_of(&app, "lecce", ServiceKind::Did).await;
    let taking = service_of(&app, "lecce", ServiceKind::TakingInCharge).await;
    let service_url = format!("/it/appointments/camper/{}", did.id.0);
    assert!(choose.body.contains(&format!("href=\"{service_url}\"")));
    // Only the services the camper offers, and only in person.
    assert!(!choose.body.contains(&format!("/camper/{}\"", taking.id.0)));
    assert_eq!(
        browser
            .get(&format!("/it/appointments/camper/{}", taking.id.0))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let phone = browser
        .get(&format!("{service_url}/book?modality=phone&start=2030-01-02T09:00"))
        .await;
    assert!(phone.status.is_client_error(), "{}", phone.status);

    let start = first_free_start(&mut browser, &service_url, Modality::InOffice).await;
    let stops = app
        .storage()
        .upcoming_stops(Some(lecce.id), Utc::now(), 50)
        .await
        .unwrap();
    let day = &start[..10];
    let stop = &stops
        .iter()
        .find(|(_, s)| s.data.date.to_string() == day)
        .expect("a free time on a stop's day")
        .1;
    let answer = book(
        &mut browser,
        &service_url,
        Modality::InOffice,
        &start,
        &[("name", "Kwame Mensah"), ("email", "kwame@example.org"), ("phone", "")],
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text());
    let mails = app.storage().recent_mail(50).await.unwrap();
    let mail = mails
        .iter()
        .find(|m| m.mail.to.as_str() == "kwame@example.org")
        .expect("the confirmation");
    assert!(mail.mail.text.contains(&stop.data.place), "{}", mail.mail.text);
    assert!(mail.mail.text.contains("Camper del lavoro"), "{}", mail.mail.text);
    let booked = app
        .storage()
        .centre_bookings(lecce.id, Utc::now(), Utc::now() + chrono::Duration::days(90))
        .await
        .unwrap();
    let booking = booked.iter().find(|b| b.person.name == "Kwame Mensah").unwrap();
    assert_eq!(booking.point, Some(camper.id));
    assert_eq!(booking.modality, Modality::InOffice);
    // The centre's agenda says where the operator meets the person.
    let grant = Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap();
    let (mut office, _) = signed_in(&app, "op-agenda@example.org", grant).await;
    let agenda = office.get(&format!("/it/office/agenda?centre=lecce&day={day}")).await;
    assert_eq!(agenda.status, StatusCode::OK);
    let row = agenda.text();
    assert!(
        row.contains("Kwame Mensah") && row.contains("In sede · Camper del lavoro"),
        "{row}"
    );
}

/// The start times the API offers for `service` at the camper on `day`.
async fn camper_slots(app: &TestApp, service: i64, day: &str) -> Vec<String> {
    let r = app
        .get(&format!(
            "/api/v1/services/{service}/slots?point=camper&from={day}&days=1"
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    r.json()["days"][0]["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["start"].as_str().unwrap().to_string())
        .collect()
}

async fn booking_at_the_camper_through_the_api(app: TestApp) {
    let camper = point(&app, "camper").await;
    let did = service_of(&app, "lecce", ServiceKind::Did).await;
    let taking = service_of(&app, "lecce", ServiceKind::TakingInCharge).await;
    let stops = app
        .storage()
        .stops(camper.id, today_in_rome() + Days::new(2), 5)
        .await
        .unwrap();
    let (first, second) = (stops[0].data.date.to_string(), stops[1].data.date.to_string());
    let slots = camper_slots(&app, did.id.0, &first).await;
    assert!(!slots.is_empty(), "the camper's stop has slots");
    // The office's slots that day are other ones (or none): keyed by place.
    let office = app
        .get(&format!("/api/v1/services/{}/slots?from={first}&days=1", did.id.0))
        .await
        .json();
    assert_ne!(office["days"][0]["slots"], serde_json::json!(slots));
    // A point that does not offer the service, or that does not exist: 404.
    for (service, point) in [
        (taking.id.0, "camper"),
        (did.id.0, "no-such-point"),
        (did.id.0, "%00%19Xb"),
    ] {
        let r = app
            .get(&format!(
                "/api/v1/services/{service}/slots?point={point}&from={first}&days=1"
            ))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{point}");
    }
    let booking = book_by_mail(
        &app,
        &[],
        body(
            &did,
            &slots[0],
            serde_json::json!({ "point": "camper", "email": "ama@example.org" }),
        ),
    )
    .await;
    let reference = booking["reference"].as_str().unwrap().to_string();
    let token = booking["manage_token"].as_str().unwrap().to_string();
    let stored = app
        .storage()
        .booking(&sportello_domain::BookingRef::parse(&reference).unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.point, Some(camper.id));
    // Moved to the next stop through the API: checked against the camper's
    // calendar, not the office's.
    let next = camper_slots(&app, did.id.0, &second).await;
    let moved = post(
        &app,
        &format!("/api/v1/bookings/{reference}/move"),
        &[],
        serde_json::json!({ "token": token, "start": next[0] })
            .to_string()
            .into_bytes(),
    )
    .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text());
    assert_eq!(moved.json()["start"], next[0]);
    // A move gives the booking a new link.
    let token = moved.json()["manage_token"].as_str().unwrap().to_string();
    let cancelled = post(
        &app,
        &format!("/api/v1/bookings/{reference}/cancel"),
        &[],
        serde_json::json!({ "token": token }).to_string().into_bytes(),
    )
    .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.text());
    let mails = app.storage().recent_mail(50).await.unwrap();
    let mail = mails
        .iter()
        .find(|m| m.mail.kind == "booking.cancelled" && m.mail.to.as_str() == "ama@example.org")
        .expect("the cancellation");
    assert!(mail.mail.text.contains(&stops[1].data.place), "{}", mail.mail.text);
}

async fn an_operator_books_at_the_camper(app: TestApp) {
    let camper = point(&app, "camper").await;
    let lecce = app.centre("lecce").await;
    let did = service_of(&app, "lecce", ServiceKind::Did).await;
    let taking = service_of(&app, "lecce", ServiceKind::TakingInCharge).await;
    let grant = Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap();
    let (mut office, _) = signed_in(&app, "op-camper@example.org", grant).await;
    let first = office.get("/it/office/agenda/new?centre=lecce").await;
    assert!(first.body.contains("point=camper"), "the places to book at");
    let at_camper = office.get("/it/office/agenda/new?centre=lecce&point=camper").await;
    assert_eq!(at_camper.status, StatusCode::OK);
    assert!(at_camper.body.contains(&format!("service={}", did.id.0)));
    assert!(
        !at_camper.body.contains(&format!("service={}\"", taking.id.0)),
        "only the services the camper offers"
    );
    // In person only: the one modality is chosen, the slots are the stops'.
    let base = format!("/it/office/agenda/new?centre=lecce&point=camper&service={}", did.id.0);
    let slots = office.get(&base).await;
    assert_eq!(slots.status, StatusCode::OK);
    let at = slots.body.find("start=").expect("a free time at the camper") + "start=".len();
    let start = slots.body[at..at + 16].to_string();
    let stops = app.storage().stops(camper.id, today_in_rome(), 50).await.unwrap();
    assert!(stops.iter().any(|s| s.data.date.to_string() == start[..10]), "{start}");
    let details = office.get(&format!("{base}&modality=in_office&start={start}")).await;
    let key = crate::common::browser::input_value(&details.body, "key").unwrap();
    let service = did.id.0.to_string();
    let fields = [
        ("service", service.as_str()),
        ("modality", "in_office"),
        ("start", start.as_str()),
        ("name", "Kofi Boateng"),
        ("phone", "+39 333 765 1111"),
        ("email", ""),
        ("person_lang", "en"),
        ("key", key.as_str()),
    ];
    let booked = office
        .post("/it/office/agenda/new?centre=lecce&point=camper", &fields)
        .await;
    assert_eq!(booked.status, StatusCode::SEE_OTHER, "{}", booked.text());
    let all = app
        .storage()
        .centre_bookings(lecce.id, Utc::now(), Utc::now() + chrono::Duration::days(90))
        .await
        .unwrap();
    let booking = all.iter().find(|b| b.person.name == "Kofi Boateng").unwrap();
    assert_eq!(booking.point, Some(camper.id));
    // By phone at the camper, or at a point of another centre: refused.
    let phone = office
        .post(
            "/it/office/agenda/new?centre=lecce&point=camper",
            &[
                ("service", service.as_str()),
                ("modality", "phone"),
                ("start", start.as_str()),
            ],
        )
        .await;
    assert_eq!(phone.status, StatusCode::BAD_REQUEST);
    let elsewhere = office.get("/it/office/agenda/new?centre=lecce&point=boncuri").await;
    assert_eq!(elsewhere.status, StatusCode::BAD_REQUEST);
}

/// A working day at least `after` days ahead with no demo stop.
fn free_day(after: u64) -> chrono::NaiveDate {
    let mut date = today_in_rome() + Days::new(after);
    while date.weekday().number_from_monday() > 5 || national_holiday(date).is_some() {
        date = date + Days::new(1);
    }
    date
}

async fn operators_add_and_cancel_stops(app: TestApp) {
    let camper = point(&app, "camper").await;
    let lecce = app.centre("lecce").await;
    let grant = Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap();
    let (mut browser, _) = signed_in(&app, "op-camper@example.org", grant).await;
    let page = browser.get("/it/office/outreach?centre=lecce").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("Camper del lavoro"));
    let add = format!("/it/office/outreach/{}/stops", camper.id.0);
    let storage = app.storage();
    let id = camper.id;
    let count = || async move { storage.stops(id, today_in_rome(), 500).await.unwrap().len() };
    let before = count().await;
    let yesterday = (today_in_rome() - Days::new(1)).to_string();
    let christmas = {
        let year = today_in_rome().year() + i32::from(today_in_rome().month() == 12 && today_in_rome().day() >= 25);
        format!("{year}-12-25")
    };
    let day = free_day(70).to_string();
    for (date, opens, closes, message) in [
        (
            yesterday.as_str(),
            "09:00",
            "12:00",
            "La data non può essere nel passato.",
        ),
        (christmas.as_str(), "09:00", "12:00", "Quel giorno è festivo"),
        (day.as_str(), "9", "12:00", "Scrivete l'ora come HH:MM"),
        (day.as_str(), "12:00", "09:00", "L'ora di chiusura deve venire dopo"),
    ] {
        let fields = [
            ("date", date),
            ("opens", opens),
            ("closes", closes),
            ("town", "Veglie"),
            ("place", "Piazza Umberto I"),
        ];
        let refused = browser.post(&add, &fields).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{date} {opens}");
        assert!(refused.text().contains(message), "{}", refused.text());
        assert!(
            refused.body.contains("value=\"Piazza Umberto I\""),
            "what was typed stays"
        );
    }
    assert_eq!(count().await, before, "nothing saved");
    let fields = [
        ("date", day.as_str()),
        ("opens", "09:00"),
        ("closes", "12:00"),
        ("town", "Veglie"),
        ("place", "Piazza Umberto I"),
    ];
    let added = browser.post(&add, &fields).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.text());
    assert_eq!(count().await, before + 1);
    let again = browser.post(&add, &fields).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.text().contains("già prevista un'altra tappa"), "{}", again.text());
    let stops = app.storage().stops(camper.id, today_in_rome(), 500).await.unwrap();
    let new = stops.iter().find(|s| s.data.date.to_string() == day).unwrap();
    assert!(app.get("/it/outreach/camper").await.text().contains("Piazza Umberto I"));

    // An operator of another centre may not change the camper.
    let nardo = app.centre("nardo").await;
    let other = Grant::new(Role::Operator, Scope::Centre(nardo.id)).unwrap();
    let (mut stranger, _) = signed_in(&app, "op-nardo@example.org", other).await;
    stranger.get("/it/office/outreach?centre=nardo").await;
    let denied = stranger
        .post(&format!("/it/office/outreach/stops/{}/cancel", new.id.0), &[])
        .await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);

    browser.get("/it/office/outreach?centre=lecce").await;
    let cancelled = browser
        .post(&format!("/it/office/outreach/stops/{}/cancel", new.id.0), &[])
        .await;
    assert_eq!(cancelled.status, StatusCode::SEE_OTHER);
    assert!(app.storage().stop(new.id).await.unwrap().unwrap().cancelled);
    let page = app.get("/it/outreach/camper").await;
    assert!(
        page.text().contains("Annullata"),
        "a cancelled stop stays listed, marked"
    );
    // Calendars that subscribed to the stops see it cancelled, not gone.
    let feed = app.get("/it/centres/lecce/stops.ics").await.body;
    let entry = feed
        .split("BEGIN:VEVENT")
        .find(|e| e.contains(&format!("UID:stop-{}@", new.id.0)));
    assert!(
        entry
            .expect("the cancelled stop is in the feed")
            .contains("STATUS:CANCELLED"),
        "{feed}"
    );

    // A stop with a booking is not cancelled.
    let (first_stop_point, booked_stop) = app
        .storage()
        .upcoming_stops(Some(lecce.id), Utc::now(), 1)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(first_stop_point.id, camper.id);
    let did = app
        .storage()
        .services(lecce.id)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.data.kind == ServiceKind::Did)
        .unwrap();
    let mut person = Browser::new(&app);
    let service_url = format!("/it/appointments/camper/{}", did.id.0);
    let start = first_free_start(&mut person, &service_url, Modality::InOffice).await;
    assert!(start.starts_with(&booked_stop.data.date.to_string()), "{start}");
    let answer = book(
        &mut person,
        &service_url,
        Modality::InOffice,
        &start,
        &[("name", "Ana Popescu"), ("email", "ana@example.org"), ("phone", "")],
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    browser.get("/it/office/outreach?centre=lecce").await;
    let refused = browser
        .post(&format!("/it/office/outreach/stops/{}/cancel", booked_stop.id.0), &[])
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(
        refused.text().contains("prenotati a questa tappa: 1"),
        "{}",
        refused.text()
    );
    assert!(!app.storage().stop(booked_stop.id).await.unwrap().unwrap().cancelled);
}
