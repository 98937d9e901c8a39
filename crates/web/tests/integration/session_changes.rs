//! What the organiser changes in a session, through the real router on
//! SQLite and PostgreSQL: a move tells everyone registered the new time
//! (mail with a calendar update, text), keeps their seats and lines, and
//! marks the event `EventRescheduled`; a cancellation needs its reason,
//! cancels every registration, frees the seats and tells everyone why,
//! with `EventCancelled` on the page; a message goes to everyone
//! registered and shows on their registration's page. Refused changes
//! write nothing.

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use sportello_domain::{
    Actor, Audience, EventId, Grant, Lang, Needs, Notification, Person, Phone, RegistrationRef, RegistrationStatus,
    Role, Scope, SessionId, SessionStatus,
};
use sportello_storage::NewRegistration;
use sportello_testkit::on_both_backends;

use crate::common::TestApp;
use crate::common::newsletter::mails;
use crate::markup::json_ld;
use crate::office_appointments::signed_in;
use crate::office_events::event_with_three;

on_both_backends!(
    using crate::common::TestApp::new =>
    moving_a_session_tells_everyone_and_marks_it_rescheduled,
    cancelling_a_session_cancels_every_registration_and_says_why,
    a_message_reaches_everyone_registered_and_their_page,
    only_who_handles_the_registrations_changes_a_session,
);

/// The event of [`event_with_three`] in two days, with a fourth person
/// who gave only a mobile number and wants texts (second in line).
async fn event_with_four(app: &TestApp) -> (EventId, SessionId) {
    let (event, session) = event_with_three(app, Audience::Everyone, Utc::now() + Duration::days(2)).await;
    let registration = NewRegistration {
        reference: RegistrationRef::from_random([40, 41, 42, 43, 44, 45, 46, 47]),
        sessions: vec![session],
        person: Person {
            name: "Sara Neri".into(),
            email: None,
            phone: Some(Phone::parse("+39 333 123 4567").unwrap()),
            codice_fiscale: None,
            lang: Lang::It,
            sms: true,
        },
        needs: Needs::default(),
        one_per_person: false,
    };
    app.storage()
        .register(
            &registration,
            None,
            &|_| Notification::NONE,
            &Actor::system(),
            Utc::now(),
        )
        .await
        .unwrap();
    (event, session)
}

async fn operator<'a>(app: &'a TestApp, email: &str) -> crate::common::browser::Browser<'a> {
    let lecce = app.centre("lecce").await;
    let grant = Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap();
    signed_in(app, email, grant).await.0
}

async fn texts(app: &TestApp, kind: &str) -> Vec<String> {
    let all = app.storage().recent_sms(1000).await.unwrap();
    all.into_iter()
        .filter(|t| t.sms.kind == kind)
        .map(|t| t.sms.text)
        .collect()
}

/// The `Event` markup of the event's public page, one per session.
async fn markup(app: &TestApp, event: EventId) -> Vec<serde_json::Value> {
    let page = app.get(&format!("/it/events/{}", event.0)).await;
    assert_eq!(page.status, StatusCode::OK);
    json_ld(&page.body)
        .into_iter()
        .flat_map(|v| match v {
            serde_json::Value::Array(all) => all,
            one => vec![one],
        })
        .filter(|v| v["@type"] == "Event")
        .collect()
}

async fn moving_a_session_tells_everyone_and_marks_it_rescheduled(app: TestApp) {
    let (event, session) = event_with_four(&app).await;
    let before = app.storage().event(event).await.unwrap().unwrap().sessions[0].clone();
    let mut browser = operator(&app, "op-move@example.org").await;
    let path = format!("/it/office/events/{}/sessions/{}", event.0, session.0);
    let page = browser.get(&path).await;
    assert!(page.text().contains("Sposta questo incontro"), "{}", page.text());
    let day = (sportello_domain::time::today_in_rome() + Duration::days(9))
        .format("%Y-%m-%d")
        .to_string();

    // Bad input first: nothing moves, nobody is told.
    for (fields, expected) in [
        (
            vec![("date", "2020-01-10"), ("start", "10:00"), ("end", "12:00")],
            "sono passate",
        ),
        (
            vec![("date", day.as_str()), ("start", "12:00"), ("end", "10:00")],
            "fine dopo l'inizio",
        ),
        (
            vec![("date", "31/02/2027"), ("start", "10:00"), ("end", "12:00")],
            "fine dopo l'inizio",
        ),
    ] {
        let refused = browser.post(&format!("{path}/move"), &fields).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        assert!(refused.text().contains(expected), "{fields:?}: {}", refused.text());
    }
    assert_eq!(app.storage().event(event).await.unwrap().unwrap().sessions[0], before);
    assert!(mails(&app, "registration.session_moved").await.is_empty());

    let moved = browser
        .post(
            &format!("{path}/move"),
            &[
                ("date", day.as_str()),
                ("start", "10:00"),
                ("end", "12:00"),
                ("move_reason", "Aula occupata"),
            ],
        )
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER);
    let after = app.storage().event(event).await.unwrap().unwrap().sessions[0].clone();
    assert_eq!(after.changes.revision, 1);
    assert_eq!(after.changes.previous_start, Some(before.start));
    assert_eq!(after.changes.reason, "Aula occupata");
    assert_eq!(
        sportello_domain::time::to_rome(after.start)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        format!("{day} 10:00")
    );
    assert_eq!(
        after.start - after.registration_closes,
        before.start - before.registration_closes
    );
    assert_eq!((after.taken, after.waiting), (2, 2), "seats and line kept");
    // Every person told: three mails, one text.
    let told = mails(&app, "registration.session_moved").await;
    assert_eq!(told.len(), 3);
    for m in &told {
        assert!(m.mail.text.contains("Aula occupata"), "{}", m.mail.text);
        assert!(m.mail.text.contains("In precedenza"), "{}", m.mail.text);
    }
    let with_seat: Vec<_> = told.iter().filter(|m| !m.mail.attachments.is_empty()).collect();
    assert_eq!(with_seat.len(), 2, "the two with a seat get the calendar update");
    for m in with_seat {
        let ics = &m.mail.attachments[0].content;
        assert!(ics.contains("SEQUENCE:1"), "{ics}");
        assert!(ics.contains("METHOD:REQUEST"), "{ics}");
    }
    let sms = texts(&app, "registration.session_moved").await;
    assert_eq!(sms.len(), 1);
    assert!(sms[0].contains("spostato"), "{}", sms[0]);
    assert!(
        app.audit_actions(&session.0.to_string())
            .await
            .contains(&"session.move".to_string())
    );
    // The public page and its markup.
    let public = app.get(&format!("/it/events/{}", event.0)).await;
    assert!(public.text().contains("Spostato dal"), "{}", public.text());
    let listed = browser.get("/it/office/events?centre=lecce").await;
    assert!(listed.text().contains("Spostato dal"), "{}", listed.text());
    let events = markup(&app, event).await;
    assert_eq!(events[0]["eventStatus"], "https://schema.org/EventRescheduled");
    assert!(events[0]["previousStartDate"].is_string());
    let api = app.get(&format!("/api/v1/events/{}", event.0)).await.json();
    assert_eq!(api["sessions"][0]["change_reason"], "Aula occupata");
    assert!(api["sessions"][0]["previous_start"].is_string(), "{api}");
    // The same times again: nothing to move.
    let again = browser
        .post(
            &format!("{path}/move"),
            &[("date", day.as_str()), ("start", "10:00"), ("end", "12:00")],
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.storage().event(event).await.unwrap().unwrap().sessions[0]
            .changes
            .revision,
        1
    );
}

async fn cancelling_a_session_cancels_every_registration_and_says_why(app: TestApp) {
    let (event, session) = event_with_four(&app).await;
    let mut browser = operator(&app, "op-cancel@example.org").await;
    let path = format!("/it/office/events/{}/sessions/{}", event.0, session.0);
    browser.get(&path).await;
    let no_reason = browser
        .post(&format!("{path}/cancel"), &[("cancel_reason", "  ")])
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_reason.text().contains("motivo dell'annullamento"),
        "{}",
        no_reason.text()
    );
    let long = "x".repeat(301);
    let too_long = browser
        .post(&format!("{path}/cancel"), &[("cancel_reason", &long)])
        .await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.storage().event(event).await.unwrap().unwrap().sessions[0].status,
        SessionStatus::Scheduled
    );

    let cancelled = browser
        .post(&format!("{path}/cancel"), &[("cancel_reason", "Relatore malato")])
        .await;
    assert_eq!(cancelled.status, StatusCode::SEE_OTHER);
    let s = app.storage().event(event).await.unwrap().unwrap().sessions[0].clone();
    assert_eq!(s.status, SessionStatus::Cancelled);
    assert_eq!((s.taken, s.waiting), (0, 0), "every seat and place in line let go");
    let all = app.storage().session_registrations(session).await.unwrap();
    assert_eq!(all.len(), 4);
    assert!(all.iter().all(|r| r.status == RegistrationStatus::Cancelled));
    let told = mails(&app, "registration.session_cancelled").await;
    assert_eq!(told.len(), 3);
    for m in &told {
        assert!(m.mail.text.contains("Relatore malato"), "{}", m.mail.text);
        assert!(m.mail.subject.starts_with("Incontro annullato"), "{}", m.mail.subject);
        let ics = &m.mail.attachments[0].content;
        assert!(
            ics.contains("METHOD:CANCEL") && ics.contains("STATUS:CANCELLED"),
            "{ics}"
        );
    }
    let sms = texts(&app, "registration.session_cancelled").await;
    assert_eq!(sms.len(), 1);
    assert!(sms[0].contains("annullato"), "{}", sms[0]);
    let events = markup(&app, event).await;
    assert_eq!(events[0]["eventStatus"], "https://schema.org/EventCancelled");
    let public = app.get(&format!("/it/events/{}", event.0)).await;
    assert!(public.text().contains("Relatore malato"), "{}", public.text());
    // The centre's calendar feed keeps it, marked cancelled, a revision on.
    let feed = app.get("/it/centres/lecce/events.ics").await.body;
    let uid = format!("UID:event-{}-{}@", event.0, session.0);
    let at = feed.find(&uid).unwrap_or_else(|| panic!("{uid} in {feed}"));
    let entry = &feed[at..at + feed[at..].find("END:VEVENT").unwrap()];
    assert!(
        entry.contains("STATUS:CANCELLED") && entry.contains("SEQUENCE:1"),
        "{entry}"
    );
    // Done once: a second cancellation, a move or a message is refused.
    let twice = browser
        .post(&format!("{path}/cancel"), &[("cancel_reason", "Di nuovo")])
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    let message = browser
        .post(&format!("{path}/message"), &[("subject", "Ciao"), ("body", "Testo")])
        .await;
    assert_eq!(message.status, StatusCode::CONFLICT);
    assert_eq!(
        mails(&app, "registration.session_cancelled").await.len(),
        3,
        "nobody told twice"
    );
    assert!(
        app.audit_actions(&session.0.to_string())
            .await
            .contains(&"session.cancel".to_string())
    );
}

async fn a_message_reaches_everyone_registered_and_their_page(app: TestApp) {
    let (event, session) = event_with_four(&app).await;
    let mut browser = operator(&app, "op-message@example.org").await;
    let path = format!("/it/office/events/{}/sessions/{}", event.0, session.0);
    browser.get(&path).await;
    let empty = browser
        .post(
            &format!("{path}/message"),
            &[("subject", "Portate il CV"), ("body", " ")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(app.storage().session_messages(session).await.unwrap().is_empty());
    let body = "Portate il curriculum stampato.\nL'aula è al primo piano.";
    let sent = browser
        .post(
            &format!("{path}/message"),
            &[("subject", "Portate il CV"), ("body", body)],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let kept = app.storage().session_messages(session).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].recipients, 4);
    let told = mails(&app, "registration.message").await;
    assert_eq!(told.len(), 3);
    for m in &told {
        assert!(m.mail.text.contains("primo piano"), "{}", m.mail.text);
        assert!(m.mail.subject.contains("Portate il CV"), "{}", m.mail.subject);
        assert!(m.mail.attachments.is_empty(), "a message changes no calendar");
    }
    let sms = texts(&app, "registration.message").await;
    assert_eq!(sms.len(), 1);
    assert!(sms[0].contains("Portate il CV"), "{}", sms[0]);
    // The office page lists it, and so does each person's page.
    let page = browser.get(&format!("{path}?done=sent")).await;
    assert!(page.text().contains("a 4 persone"), "{}", page.text());
    let mail = &told[0].mail.text;
    let at = mail.find("/events/registration/").unwrap() + "/events/registration/".len();
    let (reference, rest) = mail[at..].split_once("?t=").unwrap();
    let token: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "-_.".contains(*c))
        .collect();
    let own = app.get(&format!("/it/events/registration/{reference}?t={token}")).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.text().contains("L'aula è al primo piano."), "{}", own.text());
    assert!(own.text().contains("Messaggi dell'organizzatore"));
    // A person's text is escaped, never markup.
    let html = browser
        .post(
            &format!("{path}/message"),
            &[("subject", "<b>x</b>"), ("body", "<script>alert(1)</script>")],
        )
        .await;
    assert_eq!(html.status, StatusCode::SEE_OTHER);
    let page = browser.get(&path).await;
    assert!(!page.body.contains("<script>alert(1)"));
    assert!(page.body.contains("&lt;script&gt;"));
}

async fn only_who_handles_the_registrations_changes_a_session(app: TestApp) {
    let (event, session) = event_with_three(&app, Audience::Mirato, Utc::now() + Duration::days(3)).await;
    let path = format!("/it/office/events/{}/sessions/{}", event.0, session.0);
    let mut ordinary = operator(&app, "op-not-mirato@example.org").await;
    ordinary.get("/it/office/events?centre=lecce").await;
    let refused = ordinary
        .post(&format!("{path}/cancel"), &[("cancel_reason", "Prova")])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let rimini = app.centre("rimini").await;
    let other = Grant::new(Role::Operator, Scope::Centre(rimini.id)).unwrap();
    let (mut stranger, _) = signed_in(&app, "op-rimini-change@example.org", other).await;
    stranger.get("/it/office/events?centre=rimini").await;
    let refused = stranger
        .post(&format!("{path}/message"), &[("subject", "Ciao"), ("body", "Testo")])
        .await;
    assert!(refused.status == StatusCode::FORBIDDEN || refused.status == StatusCode::NOT_FOUND);
    let s = app.storage().event(event).await.unwrap().unwrap().sessions[0].clone();
    assert_eq!(s.status, SessionStatus::Scheduled);
    assert!(app.storage().session_messages(session).await.unwrap().is_empty());
    // The Collocamento Mirato of the centre may.
    let lecce = app.centre("lecce").await;
    let mirato = Grant::new(Role::Mirato, Scope::Centre(lecce.id)).unwrap();
    let (mut office, _) = signed_in(&app, "mirato-change@example.org", mirato).await;
    office.get(&path).await;
    let done = office
        .post(&format!("{path}/cancel"), &[("cancel_reason", "Sede chiusa")])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
}
