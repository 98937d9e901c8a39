//! The coordinators' figures page through the real router, on SQLite and
//! PostgreSQL: a week's appointments of Lecce counted by outcome (kept,
//! attended, not shown, cancelled) and its group-meeting session with seats
//! taken and people waiting, in the table, the chart and the CSV; an
//! operator of another centre and an anonymous visitor kept out; bad
//! filters refused in the reader's language.

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use sportello_app::activity::{week_end, week_start};
use sportello_domain::reports::IsoWeek;
use sportello_domain::time::today_in_rome;
use sportello_domain::{
    Actor, Audience, BookingStatus, Email, EventText, Grant, Lang, NewEvent, NewSession, Notification, Person, Role,
    Room, Scope, ServiceKind,
};
use sportello_storage::NewRegistration;
use sportello_testkit::on_both_backends;

use crate::common::TestApp;
use crate::office_appointments::{service_of, signed_in, stored_booking};

on_both_backends!(
    using crate::common::TestApp::new =>
    a_week_of_lecce_counted,
    only_who_may_count_sees_the_figures,
);

/// Last week: over, so every outcome can be marked.
fn last_week() -> IsoWeek {
    IsoWeek::containing(today_in_rome()).previous()
}

async fn a_week_of_lecce_counted(app: TestApp) {
    let week = last_week();
    let tuesday = week_start(week) + Duration::days(1) + Duration::hours(8);
    let service = service_of(&app, "lecce", ServiceKind::BasicGuidance).await;
    let s = app.storage();
    let actor = Actor::system();
    let now = Utc::now();
    let mut made = Vec::new();
    for i in 0..6 {
        let start = tuesday + Duration::minutes(30 * i);
        made.push(stored_booking(&app, &service, start, start - Duration::days(3)).await);
    }
    for (b, status) in made.iter().zip([
        BookingStatus::Attended,
        BookingStatus::Attended,
        BookingStatus::Attended,
        BookingStatus::NoShow,
    ]) {
        s.mark_booking(&b.reference, status, &actor, now).await.unwrap();
    }
    // One cancelled (before its time: stored as it would be).
    sportello_testkit::raw::execute(
        &app.db.url,
        &format!(
            "UPDATE bookings SET status = 'cancelled' WHERE reference = '{}'",
            made[5].reference
        ),
    )
    .await;
    // A session of 2 seats with 3 registered: 2 seats taken, 1 waiting.
    let lecce = app.centre("lecce").await;
    let start = tuesday + Duration::hours(6);
    let event = NewEvent {
        centre: lecce.id,
        audience: Audience::Everyone,
        partners: String::new(),
        series: false,
        texts: vec![EventText {
            lang: Lang::It,
            title: "Laboratorio".into(),
            description: String::new(),
        }],
        sessions: vec![NewSession {
            start,
            end: start + Duration::hours(1),
            room: Some(Room {
                place: "Aula 1".into(),
                address: "Viale Otranto 5, Lecce".into(),
            }),
            video_url: None,
            seats: 2,
            registration_closes: None,
        }],
    };
    let created = start - Duration::days(5);
    let id = s.create_event(&event, &actor, created).await.unwrap();
    let session = s.event(id).await.unwrap().unwrap().sessions[0].id;
    for i in 0..3u8 {
        let registration = NewRegistration {
            reference: sportello_domain::RegistrationRef::from_random([i, 1, 2, 3, 4, 5, 6, 7]),
            sessions: vec![session],
            person: Person {
                name: format!("Persona {i}"),
                email: Some(Email::parse(&format!("p{i}@example.org")).unwrap()),
                phone: None,
                codice_fiscale: None,
                lang: Lang::It,
                sms: false,
            },
            needs: Default::default(),
            one_per_person: false,
        };
        s.register(&registration, None, &|_| Notification::NONE, &actor, created)
            .await
            .unwrap();
    }
    let counted = s.activity(week_start(week), week_end(week)).await.unwrap();
    let (_, c) = counted.iter().find(|(id, _)| *id == lecce.id).expect("Lecce counted");
    assert_eq!((c.booked, c.attended, c.no_show, c.cancelled), (1, 3, 1, 1));
    assert_eq!((c.sessions, c.seats, c.seats_taken, c.waiting), (1, 2, 2, 1));

    let area = Grant::new(Role::Coordinator, Scope::Area(lecce.data.area.slug.clone())).unwrap();
    let (mut browser, _) = signed_in(&app, "coord@example.org", area).await;
    let page = browser
        .get(&format!("/en/office/figures?centre=lecce&weeks=2&until={week}"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let text = page.text();
    // Week, appointments, attended, did not come, share, cancelled,
    // sessions, seats, fill rate, waiting.
    let row = format!("{week} 5 3 1 25% 1 1 2 / 2 100% 1");
    assert!(text.contains(&row), "{row} in {text}");
    assert!(page.body.contains("<svg class=\"chart\" role=\"img\""));
    assert!(page.body.contains("class=\"bar-attended\""));
    assert!(text.contains("5 appointments in 2 weeks"), "{text}");
    let everyone = browser.get(&format!("/en/office/figures?weeks=1&until={week}")).await;
    assert!(
        everyone.text().contains("All centres shown"),
        "every centre of the area, and their sum"
    );
    assert!(
        !everyone.text().contains("Centro per l'Impiego di Rimini"),
        "another area's centre"
    );

    let csv = browser
        .get(&format!("/en/office/figures.csv?centre=lecce&weeks=2&until={week}"))
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert!(
        csv.body
            .starts_with("centre,week,appointments,attended,no_shows,cancelled,")
    );
    assert!(
        csv.body.contains(&format!("lecce,{week},5,3,1,1,25,1,2,2,100,1\r\n")),
        "{}",
        csv.body
    );
    assert_eq!(csv.body.lines().count(), 3, "a header and two weeks");
}

async fn only_who_may_count_sees_the_figures(app: TestApp) {
    let week = last_week();
    assert_eq!(
        app.get("/it/office/figures").await.status,
        StatusCode::SEE_OTHER,
        "signed-in users only"
    );
    let rimini = app.centre("rimini").await;
    let grant = Grant::new(Role::Operator, Scope::Centre(rimini.id)).unwrap();
    let (mut browser, _) = signed_in(&app, "op-rimini@example.org", grant).await;
    let own = browser.get("/it/office/figures").await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.text().contains("Centro per l'Impiego di Rimini"));
    assert!(!own.text().contains("Centro per l'Impiego di Lecce"));
    assert_eq!(
        browser.get("/it/office/figures?centre=lecce").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        browser.get("/it/office/figures.csv?centre=lecce").await.status,
        StatusCode::FORBIDDEN
    );
    for (query, word) in [
        ("weeks=0", "weeks"),
        ("weeks=27", "weeks"),
        ("until=last-week", "until"),
        ("until=2026-W60", "until"),
        ("centre=nowhere", "centre"),
    ] {
        let refused = browser.get(&format!("/it/office/figures?{query}")).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(refused.text().contains(word), "{query}: {}", refused.text());
    }
    let fine = browser.get(&format!("/it/office/figures?weeks=26&until={week}")).await;
    assert_eq!(fine.status, StatusCode::OK);
}
