//! The booking layer that the pages, the back office and the API share
//! (`crates/app/src/appointments/booking.rs`), on SQLite and PostgreSQL, where a test
//! needs to set the clock: the confirmation e-mail queued with the booking in
//! the person's language, with a signed link and an `.ics` in Europe/Rome
//! time; reminders queued once each, never for a booking made after their
//! time; an `Idempotency-Key` replayed after the appointment's start; the
//! demo's mailbox page.

use crate::common::{PUBLIC_URL, TestApp};
use chrono::{Duration, Utc};
use sportello_app::appointments::queue_reminders;
use sportello_app::appointments::{self, BookingInput, CentreCalendar, FreeSlot};
use sportello_domain::PublicUrl;
use sportello_domain::time::to_rome;
use sportello_domain::{Actor, Centre, Lang, Modality, RawBooking, Service, ServiceKind};
use sportello_storage::Storage;
use sportello_testkit::Backend;
use sportello_testkit::on_both_backends;
use sportello_web::AppState;

async fn state(app: &TestApp, demo_mailbox: bool) -> AppState {
    let mut state = AppState::open(app.db.storage.clone(), PublicUrl::parse(PUBLIC_URL).unwrap(), None)
        .await
        .unwrap();
    state.demo_mailbox = demo_mailbox;
    state
}

async fn lecce(storage: &dyn Storage, kind: ServiceKind) -> (Centre, Service) {
    let centre = storage.centre_by_slug("lecce").await.unwrap().unwrap();
    let service = storage
        .services(centre.id)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.data.kind == kind)
        .unwrap();
    (centre, service)
}

/// A free slot at least three days ahead.
async fn free_slot(state: &AppState, calendar: &CentreCalendar, service: &Service) -> FreeSlot {
    let from = sportello_domain::time::today_in_rome() + Duration::days(3);
    let days = appointments::open_days(state, calendar, service, from, Utc::now(), 1)
        .await
        .unwrap();
    days[0].1[0]
}

fn form(name: &str) -> RawBooking {
    RawBooking {
        name: name.into(),
        email: "amina.diallo@example.org".into(),
        phone: "+39 333 1234567".into(),
        interpreter: "fr".into(),
        ..RawBooking::default()
    }
}

async fn confirmations_in_each_language(backend: Backend) {
    let app = TestApp::new(backend).await;
    let state = state(&app, false).await;
    let (centre, service) = lecce(app.storage(), ServiceKind::BasicGuidance).await;
    let calendar = CentreCalendar::load(&state, centre).await.unwrap();
    for (i, lang) in Lang::ALL.into_iter().enumerate() {
        let slot = free_slot(&state, &calendar, &service).await;
        let modality = if i % 2 == 0 {
            Modality::InOffice
        } else {
            Modality::Video
        };
        let input = BookingInput {
            calendar: &calendar,
            service: &service,
            modality,
            start: slot.slot.start,
            form: &form("Amina <Diallo>"),
            lang,
        };
        let booked = appointments::book(&state, &input, None, &Actor::system(), Utc::now())
            .await
            .map(|(booked, _)| booked)
            .unwrap();
        let booking = booked.booking();
        let mail = app.storage().recent_mail(1).await.unwrap().remove(0).mail;
        assert_eq!(mail.lang, lang);
        assert_eq!(mail.kind, "booking.confirmation");
        let name = &service.data.text(lang).unwrap().name;
        assert!(mail.subject.contains(name.as_str()), "{lang}: {}", mail.subject);
        assert!(mail.text.contains(booking.reference.as_str()));
        let link = format!(
            "{PUBLIC_URL}/{}/appointments/booking/{}?t=",
            lang.code(),
            booking.reference
        );
        assert!(mail.text.contains(&link), "{lang}: the signed link is in the text");
        let token = mail
            .text
            .split(&link)
            .nth(1)
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap();
        assert!(appointments::token_is_valid(&state, booking, token));
        let last = if token.ends_with('A') { "B" } else { "A" };
        let tampered = format!("{}{last}", &token[..token.len() - 1]);
        assert!(!appointments::token_is_valid(&state, booking, &tampered));
        let html = mail.html.as_deref().unwrap();
        assert!(html.contains(&format!("<html lang=\"{}\">", lang.code())));
        assert!(
            html.contains("Amina &lt;Diallo&gt;") && !html.contains("<Diallo>"),
            "names are escaped"
        );
        let ics = &mail.attachments[0];
        assert_eq!(ics.content_type, "text/calendar; method=REQUEST; charset=UTF-8");
        let local = to_rome(booking.start).format("%Y%m%dT%H%M%S").to_string();
        let unfolded = ics.content.replace("\r\n ", "");
        assert!(
            unfolded.contains(&format!("DTSTART;TZID=Europe/Rome:{local}")),
            "{unfolded}"
        );
        assert!(unfolded.contains("BEGIN:VTIMEZONE") && unfolded.contains("TZID:Europe/Rome"));
        assert!(unfolded.contains(&format!("UID:{}@lavoro.example.test", booking.reference)));
        if modality == Modality::Video {
            let video = booking.video_url.as_deref().unwrap();
            assert!(video.starts_with("https://meet.jit.si/Sportello-"));
            assert!(mail.text.contains(video) && html.contains(video) && unfolded.contains(video));
        } else {
            assert!(booking.video_url.is_none());
            assert!(mail.text.contains("Via"), "the centre's address");
        }
    }
}

async fn reminders_are_queued_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    let state = state(&app, false).await;
    let (centre, service) = lecce(app.storage(), ServiceKind::BasicGuidance).await;
    let calendar = CentreCalendar::load(&state, centre).await.unwrap();
    let slot = free_slot(&state, &calendar, &service).await.slot;
    let input = BookingInput {
        calendar: &calendar,
        service: &service,
        modality: Modality::Phone,
        start: slot.start,
        form: &form("Jonas Weber"),
        lang: Lang::De,
    };
    let early = appointments::book(&state, &input, None, &Actor::system(), Utc::now())
        .await
        .map(|(booked, _)| booked)
        .unwrap();
    // Booked three hours before its start: too late for the 48-hour
    // reminder, in time for the 2-hour one.
    let day = to_rome(slot.start).date_naive();
    let late_slot = appointments::open_days(&state, &calendar, &service, day, Utc::now(), 1)
        .await
        .unwrap()[0]
        .1
        .iter()
        .find(|f| f.slot.start > slot.start)
        .unwrap()
        .slot;
    let late_form = form("Late Booker");
    let late = BookingInput {
        start: late_slot.start,
        form: &late_form,
        ..input
    };
    let late = appointments::book(
        &state,
        &late,
        None,
        &Actor::system(),
        late_slot.start - Duration::hours(3),
    )
    .await
    .map(|(booked, _)| booked)
    .unwrap();

    assert_eq!(
        queue_reminders(&state, slot.start - Duration::hours(72)).await.unwrap(),
        0
    );
    assert_eq!(
        queue_reminders(&state, slot.start - Duration::hours(47)).await.unwrap(),
        1
    );
    assert_eq!(
        queue_reminders(&state, slot.start - Duration::hours(46)).await.unwrap(),
        0,
        "once"
    );
    for before in [Duration::minutes(90), Duration::minutes(30)] {
        queue_reminders(&state, slot.start - before).await.unwrap();
        queue_reminders(&state, late_slot.start - before).await.unwrap();
    }
    let reminders = app.storage().recent_mail(100).await.unwrap();
    let reminders_of = |reference: &str| {
        reminders
            .iter()
            .filter(|m| m.mail.kind == "booking.reminder" && m.mail.text.contains(reference))
            .count()
    };
    assert_eq!(
        reminders_of(early.booking().reference.as_str()),
        2,
        "48 h and 2 h before"
    );
    assert_eq!(
        reminders_of(late.booking().reference.as_str()),
        1,
        "only the 2-hour one"
    );
    let reminder = reminders.iter().find(|m| m.mail.kind == "booking.reminder").unwrap();
    assert_eq!(reminder.mail.lang, Lang::De);
    assert!(
        reminder.mail.subject.starts_with("Erinnerung"),
        "{}",
        reminder.mail.subject
    );
}

async fn a_key_is_replayed_even_after_the_start(backend: Backend) {
    let app = TestApp::new(backend).await;
    let state = state(&app, false).await;
    let (centre, service) = lecce(app.storage(), ServiceKind::BasicGuidance).await;
    let calendar = CentreCalendar::load(&state, centre).await.unwrap();
    let slot = free_slot(&state, &calendar, &service).await.slot;
    let form = form("Amina Diallo");
    let input = BookingInput {
        calendar: &calendar,
        service: &service,
        modality: Modality::Phone,
        start: slot.start,
        form: &form,
        lang: Lang::It,
    };
    // Booked three hours before; retried (the answer was lost) after the start.
    let first = appointments::book(
        &state,
        &input,
        Some("retry-1"),
        &Actor::system(),
        slot.start - Duration::hours(3),
    )
    .await
    .map(|(booked, _)| booked)
    .unwrap();
    let later = slot.start + Duration::minutes(5);
    let replay = appointments::book(&state, &input, Some("retry-1"), &Actor::system(), later)
        .await
        .map(|(booked, _)| booked)
        .unwrap();
    assert!(matches!(replay, sportello_storage::Booked::Replayed(_)));
    assert_eq!(replay.booking(), first.booking());
    let other_form = RawBooking {
        name: "Someone Else".into(),
        ..form.clone()
    };
    let other = BookingInput {
        form: &other_form,
        ..input
    };
    let reused = appointments::book(&state, &other, Some("retry-1"), &Actor::system(), later).await;
    assert!(
        matches!(reused, Err(appointments::BookingError::KeyReused)),
        "{reused:?}"
    );
    // Without the key, the same request after the start is refused.
    let late = appointments::book(&state, &input, None, &Actor::system(), later).await;
    assert!(matches!(late, Err(appointments::BookingError::Slot(_))), "{late:?}");
}

async fn the_demo_mailbox(backend: Backend) {
    let app = TestApp::new(backend).await;
    let closed = app.get("/en/demo/mailbox").await;
    assert_eq!(closed.status, 404, "only in the demo");
    let state = state(&app, true).await;
    let (centre, service) = lecce(app.storage(), ServiceKind::Did).await;
    let calendar = CentreCalendar::load(&state, centre).await.unwrap();
    let slot = free_slot(&state, &calendar, &service).await.slot;
    let input = BookingInput {
        calendar: &calendar,
        service: &service,
        modality: Modality::InOffice,
        start: slot.start,
        form: &form("Amina Diallo"),
        lang: Lang::It,
    };
    let booked = appointments::book(&state, &input, None, &Actor::system(), Utc::now())
        .await
        .map(|(booked, _)| booked)
        .unwrap();
    let demo = TestApp::with_state(backend, |s| s.demo_mailbox = true).await;
    let page = demo.get("/en/demo/mailbox").await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("No messages yet"), "a fresh demo has none");
    // The first app's database has one: render it through a router on it.
    let router = sportello_web::router(state);
    let response = tower::ServiceExt::oneshot(
        router.clone(),
        axum::http::Request::get("/fr/demo/mailbox")
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(response.status(), 200);
    let body = axum::body::to_bytes(response.into_body(), 1 << 20).await.unwrap();
    let body = String::from_utf8(body.to_vec()).unwrap();
    assert!(body.contains(booked.booking().reference.as_str()));
    assert!(body.contains(&format!(
        "{PUBLIC_URL}/it/appointments/booking/{}",
        booked.booking().reference
    )));
    let id = app.storage().recent_mail(1).await.unwrap()[0].id;
    let ics = tower::ServiceExt::oneshot(
        router,
        axum::http::Request::get(format!("/fr/demo/mailbox/{id}/0"))
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(ics.status(), 200);
    assert!(
        ics.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
}

on_both_backends!(
    confirmations_in_each_language,
    reminders_are_queued_once,
    a_key_is_replayed_even_after_the_start,
    the_demo_mailbox,
);
