//! Group meetings through the real router, on SQLite and PostgreSQL: the
//! Rimini youth series found in four languages, with filters; registering
//! by the form (answered "we have sent you a message", the mail carrying
//! the link and the `.ics`); a mobile number alone gets a text with a short
//! link; the registration's page; a seat freed by a cancellation offered to
//! the first in line, who confirms it; bad input refused in the reader's
//! language with nothing saved.

use chrono::{Duration, Utc};
use sportello_domain::{
    Actor, Audience, EventId, EventText, Lang, NewEvent, NewSession, RegistrationRef, RegistrationStatus, Room,
};
use sportello_storage::EventFilter;
use sportello_testkit::on_both_backends;

use crate::common::TestApp;
use crate::common::browser::Browser;

on_both_backends!(
    using crate::common::TestApp::new =>
    the_youth_series_in_four_languages,
    registering_by_mail_and_by_text,
    a_freed_seat_goes_to_the_first_in_line,
    bad_input_is_refused_and_nothing_saved,
);

/// The demo's series of three online meetings for young people in Rimini.
async fn youth_series(app: &TestApp) -> EventId {
    let filter = EventFilter {
        audience: Some(Audience::YoungPeople),
        ..Default::default()
    };
    let events = app.storage().upcoming_events(&filter, Utc::now(), 10).await.unwrap();
    events.iter().find(|e| e.series).expect("the youth series").id
}

/// A small event of the Lecce centre: one session in a room, `seats` seats.
async fn small_event(app: &TestApp, seats: u32, starts_in: Duration) -> EventId {
    let lecce = app.storage().centre_by_slug("lecce").await.unwrap().unwrap();
    let start = Utc::now() + starts_in;
    let event = NewEvent {
        centre: lecce.id,
        audience: Audience::Everyone,
        partners: String::new(),
        series: false,
        texts: vec![EventText {
            lang: Lang::It,
            title: "Laboratorio curriculum".into(),
            description: "Come scrivere un curriculum.".into(),
        }],
        sessions: vec![NewSession {
            start,
            end: start + Duration::hours(2),
            room: Some(Room {
                place: "Aula 1".into(),
                address: "Viale Otranto 5, Lecce".into(),
            }),
            video_url: None,
            seats,
            registration_closes: None,
        }],
    };
    app.storage()
        .create_event(&event, &Actor::system(), Utc::now())
        .await
        .unwrap()
}

/// The reference and token of the registration link in the last mail to `email`.
async fn mailed_registration(app: &TestApp, email: &str, kind: &str) -> (String, String) {
    let mails = app.storage().recent_mail(1000).await.unwrap();
    let mail = mails
        .iter()
        .find(|m| m.mail.to.as_str() == email && m.mail.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} mail to {email}"));
    let text = &mail.mail.text;
    let at = text.find("/events/registration/").expect("a registration link") + "/events/registration/".len();
    let (reference, rest) = text[at..].split_once("?t=").unwrap();
    let token: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "-_.".contains(*c))
        .collect();
    (reference.to_string(), token)
}

async fn register(browser: &mut Browser<'_>, event: EventId, fields: &[(&str, &str)]) -> crate::common::TestResponse {
    let page = browser.get(&format!("/en/events/{}", event.0)).await;
    assert_eq!(page.status, 200, "{}", page.text());
    let attempt = crate::common::browser::input_value(&page.body, "attempt").unwrap();
    // The first session, as the form ticks it (none for a series).
    let session = crate::common::browser::input_value(&page.body, "session");
    let mut all = vec![("attempt", attempt.as_str())];
    if let Some(session) = &session {
        all.push(("session", session.as_str()));
    }
    all.extend_from_slice(fields);
    browser.post(&format!("/en/events/{}", event.0), &all).await
}

async fn the_youth_series_in_four_languages(app: TestApp) {
    let series = youth_series(&app).await;
    for (lang, title) in [
        ("it", "Giovani e lavoro: tre incontri online"),
        ("en", "Young people and work: three online meetings"),
        ("fr", "Les jeunes et le travail : trois rencontres en ligne"),
        ("de", "Jugend und Arbeit: drei Online-Treffen"),
    ] {
        let list = app
            .get(&format!("/{lang}/events?audience=young_people&where=online"))
            .await;
        assert_eq!(list.status, 200, "{lang}");
        assert!(list.text().contains(title), "{lang}: {}", list.text());
        let page = app.get(&format!("/{lang}/events/{}", series.0)).await;
        assert_eq!(page.status, 200);
        assert_eq!(page.h1(), title);
        // Three sessions, 40 seats each; the meeting room is not shown.
        assert_eq!(page.text().matches("meet.jit.si").count(), 0);
    }
    let page = app.get(&format!("/en/events/{}", series.0)).await;
    assert!(page.text().contains("40 seats free"), "{}", page.text());
    // schema.org markup: one Event per session, online, free.
    assert_eq!(page.body.matches("\"@type\":\"Event\"").count(), 3);
    assert!(page.text().contains("https://schema.org/OnlineEventAttendanceMode"));
    assert!(
        page.text()
            .contains("One registration is for every session of the series.")
    );
    // The filters: the Lecce job day is in a room, not online; Rimini's only.
    let room = app.get("/en/events?where=room").await.text();
    assert!(room.contains("Job day: tourism and catering") && !room.contains("Young people and work"));
    let rimini = app.get("/en/events?centre=rimini").await.body;
    assert!(rimini.contains("Young people and work") && !rimini.contains("Job day"));
    // The home page and the centre's board lead to the events.
    let home = app.get("/en/").await.body;
    assert!(home.contains("href=\"/en/events\"") && home.contains("Next group meetings"));
    let board = app.get("/en/centres/rimini").await.body;
    assert!(board.contains("href=\"/en/events?centre=rimini\""));
    assert!(
        board.contains("Young people and work: three online meetings"),
        "the board lists its meetings"
    );
    // The centre's calendar to subscribe to: the three sessions, no meeting room.
    assert!(rimini.contains("href=\"/en/centres/rimini/events.ics\""));
    // The poster for the wall: one page in four languages, one QR code to
    // the event's short address, which leads to its page.
    assert!(page.body.contains(&format!("/en/events/{}/poster.pdf", series.0)));
    let r = app
        .get(&format!("/en/events/{}/poster.pdf?lang=en,fr,de", series.0))
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), "application/pdf");
    let pdf = sportello_testkit::pdf::PdfFile::new(&r.bytes);
    assert_eq!(pdf.pages(), 1);
    let text = pdf.flat_text();
    for needle in [
        "Giovani e lavoro",
        "Young people and work",
        "Les jeunes et le travail",
        "Jugend und Arbeit",
    ] {
        assert!(text.contains(needle), "{needle}: {text}");
    }
    assert!(!text.contains("meet.jit.si"), "no meeting room on the wall");
    let short = format!("{}/e/{}", crate::common::PUBLIC_URL, series.0);
    assert_eq!(pdf.qr_codes(), vec![short.clone()]);
    let r = app
        .get_with(&format!("/e/{}", series.0), &[("accept-language", "fr")])
        .await;
    assert_eq!(r.header("location"), format!("/fr/events/{}", series.0));
    assert_eq!(app.get("/e/nine").await.status, 404);
    // Search engines: the events in the sitemap, the registrations not crawled.
    let sitemap = app.get("/sitemap.xml").await.body;
    assert!(sitemap.contains(&format!("/en/events/{}</loc>", series.0)), "{sitemap}");
    assert!(
        app.get("/robots.txt")
            .await
            .body
            .contains("Disallow: /en/events/registration/")
    );
    let ics = app.get("/en/centres/rimini/events.ics").await;
    assert_eq!(ics.status, 200);
    assert!(ics.header("content-type").starts_with("text/calendar"));
    assert_eq!(ics.text().matches("BEGIN:VEVENT").count(), 3);
    assert!(!ics.text().contains("meet.jit.si"));
}

async fn registering_by_mail_and_by_text(app: TestApp) {
    let series = youth_series(&app).await;
    let mut browser = Browser::new(&app);
    let sent = register(
        &mut browser,
        series,
        &[
            ("name", "Giulia Neri"),
            ("email", "giulia@example.org"),
            ("interpreter", ""),
            ("other_needs", ""),
        ],
    )
    .await;
    assert_eq!(sent.status, 200, "{}", sent.text());
    assert_eq!(sent.h1(), "Check your messages");
    assert!(sent.text().contains("giulia@example.org"));
    let (reference, token) = mailed_registration(&app, "giulia@example.org", "registration.confirmation").await;
    let mails = app.storage().recent_mail(1000).await.unwrap();
    let mail = mails
        .iter()
        .find(|m| m.mail.to.as_str() == "giulia@example.org")
        .unwrap();
    // One calendar with the three sessions, each with the meeting room.
    let ics = &mail.mail.attachments[0].content;
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
    assert!(mail.mail.text.contains("meet.jit.si"), "{}", mail.mail.text);
    // The registration's page: three confirmed seats, the room, an .ics each.
    let page = app.get(&format!("/en/events/registration/{reference}?t={token}")).await;
    assert_eq!(page.status, 200, "{}", page.text());
    assert_eq!(page.header("cache-control"), "no-store");
    assert_eq!(page.text().matches("Seat confirmed").count(), 3);
    let rows = app
        .storage()
        .registrations(&RegistrationRef::parse(&reference).unwrap())
        .await
        .unwrap();
    let ics = app
        .get(&format!(
            "/en/events/registration/{reference}/calendar/{}?t={token}",
            rows[0].session.0
        ))
        .await;
    assert_eq!(ics.status, 200);
    assert!(ics.text().starts_with("BEGIN:VCALENDAR"));
    // The same person again: the same answer, nothing new, the mail again.
    let again = register(
        &mut browser,
        series,
        &[("name", "G. Neri"), ("email", "Giulia@Example.org")],
    )
    .await;
    assert_eq!(again.status, 200);
    assert_eq!(again.h1(), "Check your messages");
    mailed_registration(&app, "giulia@example.org", "registration.existing").await;
    assert_eq!(
        app.storage()
            .session_registrations(rows[0].session)
            .await
            .unwrap()
            .len(),
        1
    );
    // A mobile number alone: a text with a short link to the page.
    let texted = register(
        &mut browser,
        series,
        &[("name", "Karim Haddad"), ("phone", "+39 347 555 0101")],
    )
    .await;
    assert_eq!(texted.status, 200, "{}", texted.text());
    let texts = app.storage().recent_sms(100).await.unwrap();
    let text = texts
        .iter()
        .find(|t| t.sms.kind == "registration.confirmation")
        .expect("a text");
    let at = text.sms.text.find("/r/").expect("a short link");
    let short = text.sms.text[at..].split_whitespace().next().unwrap();
    let r = app.get(short).await;
    assert_eq!(r.status, 303, "{short}");
    let page = app.get(r.header("location")).await;
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Karim Haddad"));
    // Two days before the first session, a reminder to each, once.
    let event = app.storage().event(series).await.unwrap().unwrap();
    let before = event.sessions[0].start - Duration::hours(47);
    let queued = sportello_app::events::queue_registration_reminders(&app.state, before)
        .await
        .unwrap();
    assert_eq!(queued, 2, "Giulia's mail and Karim's text");
    mailed_registration(&app, "giulia@example.org", "registration.reminder").await;
    let texts = app.storage().recent_sms(100).await.unwrap();
    assert!(texts.iter().any(|t| t.sms.kind == "registration.reminder"));
    assert_eq!(
        sportello_app::events::queue_registration_reminders(&app.state, before)
            .await
            .unwrap(),
        0
    );
}

async fn a_freed_seat_goes_to_the_first_in_line(app: TestApp) {
    let event = small_event(&app, 1, Duration::days(3)).await;
    let mut browser = Browser::new(&app);
    for (name, email) in [
        ("Anna Bianchi", "anna@example.org"),
        ("Bruno Verdi", "bruno@example.org"),
    ] {
        let r = register(&mut browser, event, &[("name", name), ("email", email)]).await;
        assert_eq!(r.status, 200, "{}", r.text());
    }
    let page = app.get(&format!("/en/events/{}", event.0)).await;
    assert!(page.text().contains("Full: you can join the waiting list"));
    let (bruno, bruno_token) = mailed_registration(&app, "bruno@example.org", "registration.confirmation").await;
    let waiting = app
        .get(&format!("/en/events/registration/{bruno}?t={bruno_token}"))
        .await;
    assert!(waiting.text().contains("Waiting list: number 1"), "{}", waiting.text());
    // Anna cancels: the seat is offered to Bruno at once, by mail.
    let (anna, anna_token) = mailed_registration(&app, "anna@example.org", "registration.confirmation").await;
    let anna_page = browser
        .get(&format!("/en/events/registration/{anna}?t={anna_token}"))
        .await;
    let session = crate::common::browser::input_value(&anna_page.body, "session").unwrap();
    let cancelled = browser
        .post(
            &format!("/en/events/registration/{anna}/cancel"),
            &[("t", anna_token.as_str()), ("session", session.as_str())],
        )
        .await;
    assert_eq!(cancelled.status, 303, "{}", cancelled.text());
    mailed_registration(&app, "bruno@example.org", "registration.offer").await;
    let offered = browser
        .get(&format!("/en/events/registration/{bruno}?t={bruno_token}"))
        .await;
    assert!(offered.text().contains("Seat held for you until"), "{}", offered.text());
    let confirmed = browser
        .post(
            &format!("/en/events/registration/{bruno}/confirm"),
            &[("t", bruno_token.as_str()), ("session", session.as_str())],
        )
        .await;
    assert_eq!(confirmed.status, 303, "{}", confirmed.text());
    let rows = app
        .storage()
        .registrations(&RegistrationRef::parse(&bruno).unwrap())
        .await
        .unwrap();
    assert_eq!(rows[0].status, RegistrationStatus::Confirmed);
    // Cancelling twice is refused, in the reader's language.
    let again = browser
        .post(
            &format!("/it/events/registration/{anna}/cancel"),
            &[("t", anna_token.as_str()), ("session", session.as_str())],
        )
        .await;
    assert_eq!(again.status, 409);
    assert!(again.text().contains("È stata annullata"), "{}", again.text());
}

async fn bad_input_is_refused_and_nothing_saved(app: TestApp) {
    let event = small_event(&app, 5, Duration::days(3)).await;
    let mut browser = Browser::new(&app);
    let count = || async { app.storage().event(event).await.unwrap().unwrap().sessions[0].taken };
    // No way to be reached, in French.
    let page = browser.get(&format!("/fr/events/{}", event.0)).await;
    let attempt = crate::common::browser::input_value(&page.body, "attempt").unwrap();
    let r = browser
        .post(
            &format!("/fr/events/{}", event.0),
            &[("attempt", attempt.as_str()), ("name", "X")],
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(
        r.text().contains("Veuillez corriger les champs ci-dessous"),
        "{}",
        r.text()
    );
    // A phone number that is none: no text asked of a number we cannot read.
    let r = register(&mut browser, event, &[("name", "Y"), ("phone", "call me")]).await;
    assert_eq!(r.status, 422);
    // A forged form token.
    let r = browser
        .post(
            &format!("/en/events/{}", event.0),
            &[("csrf", "forged"), ("name", "Z"), ("email", "z@example.org")],
        )
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(count().await, 0);
    // A session that has started.
    let past = small_event(&app, 5, Duration::minutes(-30)).await;
    let session = app.storage().event(past).await.unwrap().unwrap().sessions[0]
        .id
        .0
        .to_string();
    let r = browser
        .post(
            &format!("/en/events/{}", past.0),
            &[
                ("name", "Late"),
                ("email", "late@example.org"),
                ("session", session.as_str()),
            ],
        )
        .await;
    assert_eq!(r.status, 409, "{}", r.text());
    assert!(r.text().contains("This session has already started or ended."));
    // A tampered link: 403, the same as an unknown reference.
    let ok = register(&mut browser, event, &[("name", "Real"), ("email", "real@example.org")]).await;
    assert_eq!(ok.status, 200);
    let (reference, token) = mailed_registration(&app, "real@example.org", "registration.confirmation").await;
    let mut forged = token.clone();
    forged.replace_range(0..1, if token.starts_with('A') { "B" } else { "A" });
    for path in [
        format!("/en/events/registration/{reference}?t={forged}"),
        format!("/en/events/registration/E-2345-6789?t={token}"),
        format!("/en/events/registration/{reference}"),
    ] {
        let r = app.get(&path).await;
        assert_eq!(r.status, 403, "{path}");
        assert_eq!(r.h1(), "This link does not work");
    }
    // Unknown filters and events.
    assert_eq!(app.get("/en/events?where=moon").await.status, 400);
    assert_eq!(app.get("/en/events?audience=everyone-else").await.status, 400);
    assert_eq!(app.get("/en/events/999999").await.status, 404);
}
