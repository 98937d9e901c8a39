//! The centre's group meetings in the back office, through the real router
//! on SQLite and PostgreSQL: the list of a centre's events, a session's
//! registered list with the needs of who registered (health-related ones
//! to who serves, each read audited), attendance marked once the session
//! has started; a Law 68/1999 event's list for the Collocamento Mirato only;
//! the centre's week with its appointments, sessions and stops.

use axum::http::StatusCode;
use chrono::{DateTime, Days, Duration, NaiveTime, Utc};
use sportello_domain::time::{from_rome_local, today_in_rome};
use sportello_domain::{
    Actor, Audience, Email, EventId, EventText, Grant, Lang, Needs, NewEvent, NewSession, Notification, Person,
    RegistrationRef, RegistrationStatus, Role, Room, Scope, ServiceKind, SessionId,
};
use sportello_storage::NewRegistration;
use sportello_testkit::on_both_backends;

use crate::common::TestApp;
use crate::office_appointments::{service_of, signed_in, stored_booking};

on_both_backends!(
    using crate::common::TestApp::new =>
    the_registered_list_and_attendance,
    a_mirato_list_is_for_the_mirato_office_only,
    the_week_shows_appointments_sessions_and_stops,
);

/// An event of Lecce with one session starting at `start`, 2 seats, and
/// three people registered the day before (the third waits); the first
/// needs a wheelchair.
pub(crate) async fn event_with_three(app: &TestApp, audience: Audience, start: DateTime<Utc>) -> (EventId, SessionId) {
    let s = app.storage();
    let lecce = app.centre("lecce").await;
    let event = NewEvent {
        centre: lecce.id,
        audience,
        partners: String::new(),
        series: false,
        texts: vec![EventText {
            lang: Lang::It,
            title: "Laboratorio curriculum".into(),
            description: String::new(),
        }],
        sessions: vec![NewSession {
            start,
            end: start + Duration::hours(2),
            room: Some(Room {
                place: "Aula 1".into(),
                address: "Viale Otranto 5, Lecce".into(),
            }),
            video_url: None,
            seats: 2,
            registration_closes: None,
        }],
    };
    let before = start - Duration::days(1);
    let id = s.create_event(&event, &Actor::system(), before).await.unwrap();
    let session = s.event(id).await.unwrap().unwrap().sessions[0].id;
    for (i, name) in ["Amina Diallo", "Luca Bianchi", "Ivan Petrov"].into_iter().enumerate() {
        let registration = NewRegistration {
            reference: RegistrationRef::from_random([i as u8, 9, 8, 7, 6, 5, 4, 3]),
            sessions: vec![session],
            person: Person {
                name: name.into(),
                email: Some(Email::parse(&format!("p{i}@example.org")).unwrap()),
                phone: None,
                codice_fiscale: None,
                lang: Lang::It,
                sms: false,
            },
            needs: Needs {
                wheelchair: i == 0,
                ..Needs::default()
            },
            one_per_person: false,
        };
        s.register(&registration, None, &|_| Notification::NONE, &Actor::system(), before)
            .await
            .unwrap();
    }
    (id, session)
}

async fn the_registered_list_and_attendance(app: TestApp) {
    let (event, session) = event_with_three(&app, Audience::Everyone, Utc::now() - Duration::hours(1)).await;
    let (later, later_session) = event_with_three(&app, Audience::Everyone, Utc::now() + Duration::days(2)).await;
    let lecce = app.centre("lecce").await;
    let grant = Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap();
    let (mut browser, _) = signed_in(&app, "op-events@example.org", grant).await;
    let list = browser.get("/it/office/events?centre=lecce").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.text().contains("Laboratorio curriculum"));
    let path = format!("/it/office/events/{}/sessions/{}", event.0, session.0);
    assert!(list.body.contains(&format!("href=\"{path}\"")));

    let page = browser.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    for name in ["Amina Diallo", "Luca Bianchi", "Ivan Petrov"] {
        assert!(text.contains(name), "{name}");
    }
    assert!(
        text.contains("sedia a rotelle"),
        "the operators serving it see the need: {text}"
    );
    assert!(text.contains("Lista d'attesa: numero 1"), "the third waits: {text}");
    let registrations = app.storage().session_registrations(session).await.unwrap();
    let reads = app.audit_actions(registrations[0].reference.as_str()).await;
    assert!(
        reads.contains(&"registration.read".to_string()),
        "the health need read is audited: {reads:?}"
    );
    let no_needs = app.audit_actions(registrations[1].reference.as_str()).await;
    assert!(!no_needs.contains(&"registration.read".to_string()), "{no_needs:?}");
    let first = registrations[0].id.to_string();
    let waiting = registrations[2].id.to_string();
    let mark = format!("{path}/attendance");
    let marked = browser
        .post(&mark, &[("registration", &first), ("status", "attended")])
        .await;
    assert_eq!(marked.status, StatusCode::SEE_OTHER);
    let after = app.storage().session_registrations(session).await.unwrap();
    assert_eq!(after[0].status, RegistrationStatus::Attended);
    browser.get(&path).await;
    let refused = browser
        .post(&mark, &[("registration", &waiting), ("status", "attended")])
        .await;
    assert!(refused.status.is_client_error(), "one in line did not hold a seat");
    let bad = browser
        .post(&mark, &[("registration", &first), ("status", "cancelled")])
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        app.storage().session_registrations(session).await.unwrap()[2].status,
        RegistrationStatus::Waiting,
        "nothing changed"
    );
    // A session still to come: no attendance yet.
    let future = format!("/it/office/events/{}/sessions/{}", later.0, later_session.0);
    let page = browser.get(&future).await;
    assert!(page.text().contains("quando la sessione è iniziata"));
    let first_later = app.storage().session_registrations(later_session).await.unwrap()[0]
        .id
        .to_string();
    let early = browser
        .post(
            &format!("{future}/attendance"),
            &[("registration", &first_later), ("status", "attended")],
        )
        .await;
    assert!(early.status.is_client_error());
    // Another centre's operator does not reach the list.
    let rimini = app.centre("rimini").await;
    let other = Grant::new(Role::Operator, Scope::Centre(rimini.id)).unwrap();
    let (mut stranger, _) = signed_in(&app, "op-rimini-events@example.org", other).await;
    assert_eq!(stranger.get(&path).await.status, StatusCode::FORBIDDEN);
}

async fn a_mirato_list_is_for_the_mirato_office_only(app: TestApp) {
    let (event, session) = event_with_three(&app, Audience::Mirato, Utc::now() + Duration::days(3)).await;
    let lecce = app.centre("lecce").await;
    let path = format!("/it/office/events/{}/sessions/{}", event.0, session.0);
    let grant = Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap();
    let (mut operator, _) = signed_in(&app, "op-ordinary@example.org", grant).await;
    let list = operator.get("/it/office/events?centre=lecce").await;
    assert!(!list.body.contains(&path), "no link for an ordinary operator");
    assert!(list.text().contains("solo al Collocamento Mirato"));
    assert_eq!(operator.get(&path).await.status, StatusCode::FORBIDDEN);
    let mirato = Grant::new(Role::Mirato, Scope::Centre(lecce.id)).unwrap();
    let (mut office, _) = signed_in(&app, "mirato@example.org", mirato).await;
    let page = office.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("Luca Bianchi"));
    for r in app.storage().session_registrations(session).await.unwrap() {
        let reads = app.audit_actions(r.reference.as_str()).await;
        assert!(
            reads.contains(&"registration.read".to_string()),
            "every registration of a Law 68/1999 event read is audited: {reads:?}"
        );
    }
}

async fn the_week_shows_appointments_sessions_and_stops(app: TestApp) {
    // The week of the camper's next stop, in a future week with work days.
    let camper = app.storage().point_by_slug("camper").await.unwrap().unwrap();
    let stops = app
        .storage()
        .stops(camper.id, today_in_rome() + Days::new(7), 5)
        .await
        .unwrap();
    let stop = stops.first().expect("the demo camper has stops a week ahead").clone();
    let day = stop.data.date;
    let at = |hour: u32| from_rome_local(day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap()));
    event_with_three(&app, Audience::Everyone, at(16)).await;
    let ordinary = service_of(&app, "lecce", ServiceKind::BasicGuidance).await;
    let mirato = service_of(&app, "lecce", ServiceKind::MiratoAdvice).await;
    stored_booking(&app, &ordinary, at(9), Utc::now()).await;
    let hidden = stored_booking(&app, &mirato, at(10), Utc::now()).await;
    let lecce = app.centre("lecce").await;
    let grant = Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap();
    let (mut browser, _) = signed_in(&app, "op-week@example.org", grant).await;
    let path = format!("/it/office/week?centre=lecce&week={day}");
    let page = browser.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    for expected in [
        "Settimana di",
        "Appuntamento",
        "Giulia Rizzo",
        "Incontro di gruppo",
        "Laboratorio curriculum",
        "2 posti occupati su 2",
        "Tappa del camper",
        "Camper del lavoro",
        stop.data.town.as_str(),
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    assert_eq!(
        text.matches("Giulia Rizzo").count(),
        1,
        "the Collocamento Mirato booking is not shown"
    );
    assert!(!page.body.contains(hidden.reference.as_str()));
    // The Collocamento Mirato office sees its booking, and the read is logged.
    let grant = Grant::new(Role::Mirato, Scope::Centre(lecce.id)).unwrap();
    let (mut office, _) = signed_in(&app, "mirato-week@example.org", grant).await;
    let page = office.get(&path).await;
    assert!(page.body.contains(hidden.reference.as_str()), "{}", page.text());
    assert!(
        app.audit_actions(hidden.reference.as_str())
            .await
            .contains(&"booking.read".to_string())
    );
    // The Boncuri desk's hours are on its weekdays, on Nardò's week.
    let nardo = app.centre("nardo").await;
    let grant = Grant::new(Role::Operator, Scope::Centre(nardo.id)).unwrap();
    let (mut nardo_office, _) = signed_in(&app, "op-nardo-week@example.org", grant).await;
    let desk_week = nardo_office
        .get(&format!("/en/office/week?centre=nardo&week={day}"))
        .await;
    assert_eq!(desk_week.status, StatusCode::OK);
    assert!(desk_week.text().contains("Outreach desk"), "{}", desk_week.text());
    assert_eq!(
        browser.get("/it/office/week?centre=lecce&week=2026-13-40").await.status,
        StatusCode::BAD_REQUEST
    );
}
