//! Group meetings in the database, on SQLite and PostgreSQL: no seat given
//! twice and no one skipped. 200 registrations at once on a session of 5
//! seats leave 5 confirmed and 195 in line at places 1…195, in the order of
//! the registrations' ids; 20 cancellations at once make exactly 20 seat
//! offers, to the first 20 in line; an offer that lapses passes its seat to
//! the next; 100 replays of one idempotency key make one registration; a
//! session closed, past or asked twice by one person writes nothing.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, Duration, TimeZone, Utc};
use sportello_domain::{
    Actor, Audience, Email, EventId, EventText, Lang, Needs, NewEvent, NewSession, Notification, Person, Registration,
    RegistrationRef, RegistrationStatus, Room, SeatOfferRules, SessionId,
};
use sportello_storage::{IdempotencyKey, NewRegistration, Registered, Storage, StorageError};
use sportello_testkit::builders::centre;
use sportello_testkit::{Backend, TestDatabase, on_both_backends};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap()
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 15, 9, 0, 0).unwrap()
}

/// An event of the first centre with one session per start, `seats` each.
async fn event_with(s: &dyn Storage, seats: u32, starts: &[DateTime<Utc>], series: bool) -> (EventId, Vec<SessionId>) {
    let centre = match s.centres().await.unwrap().first() {
        Some(c) => c.id,
        None => s.insert_centre(&centre("rimini", "RN")).await.unwrap().id,
    };
    let event = NewEvent {
        centre,
        audience: Audience::YoungPeople,
        partners: "Comune di Santarcangelo di Romagna".into(),
        series,
        texts: vec![EventText {
            lang: Lang::It,
            title: "Giovani e lavoro".into(),
            description: "Servizi, ricerca di lavoro, opportunità in Italia e all'estero.".into(),
        }],
        sessions: starts
            .iter()
            .map(|&start| NewSession {
                start,
                end: start + Duration::hours(2),
                room: Some(Room {
                    place: "Sala Consiliare".into(),
                    address: "Piazza Ganganelli 1, Santarcangelo di Romagna".into(),
                }),
                video_url: Some("https://meet.example.org/Sportello-test".into()),
                seats,
                registration_closes: None,
            })
            .collect(),
    };
    let id = s.create_event(&event, &Actor::system(), now()).await.unwrap();
    let stored = s.event(id).await.unwrap().unwrap();
    (id, stored.sessions.iter().map(|s| s.id).collect())
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

fn reference() -> RegistrationRef {
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let b = (n as u32).to_be_bytes();
    RegistrationRef::from_random([b[0], b[1], b[2] / 31, b[2] % 31, b[3] / 31, b[3] % 31, 3, 5])
}

fn person(i: usize) -> Person {
    Person {
        name: format!("Persona {i}"),
        email: Some(Email::parse(&format!("persona{i}@example.org")).unwrap()),
        phone: None,
        codice_fiscale: None,
        lang: Lang::It,
        sms: false,
    }
}

fn registration(sessions: &[SessionId], i: usize) -> NewRegistration {
    NewRegistration {
        reference: reference(),
        sessions: sessions.to_vec(),
        person: person(i),
        needs: Needs::default(),
        one_per_person: true,
    }
}

fn quiet(_: &[Registration]) -> Notification {
    Notification::NONE
}

async fn register(s: &dyn Storage, r: &NewRegistration) -> Result<Registered, StorageError> {
    s.register(r, None, &quiet, &Actor::anonymous("192.0.2.1"), now()).await
}

/// The session's registrations with the given status.
fn with_status(all: &[Registration], status: RegistrationStatus) -> Vec<&Registration> {
    all.iter().filter(|r| r.status == status).collect()
}

async fn two_hundred_at_once_on_five_seats(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let storage: Arc<dyn Storage> = db.storage.clone();
    let (_, sessions) = event_with(storage.as_ref(), 5, &[start()], false).await;
    let told = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = (0..200)
        .map(|i| {
            let (storage, sessions, told) = (storage.clone(), sessions.clone(), told.clone());
            tokio::spawn(async move {
                let notices = move |rows: &[Registration]| {
                    told.fetch_add(rows.len(), Ordering::SeqCst);
                    Notification::NONE
                };
                storage
                    .register(
                        &registration(&sessions, i),
                        None,
                        &notices,
                        &Actor::anonymous("192.0.2.1"),
                        now(),
                    )
                    .await
            })
        })
        .collect();
    for task in tasks {
        assert!(matches!(task.await.unwrap(), Ok(Registered::New(_))));
    }
    assert_eq!(told.load(Ordering::SeqCst), 200, "each registration told once");
    let all = storage.session_registrations(sessions[0]).await.unwrap();
    assert_eq!(all.len(), 200);
    assert_eq!(with_status(&all, RegistrationStatus::Confirmed).len(), 5);
    // In the server's registration sequence (ids), the first five have the
    // seats and the others wait at places 1…195, no gap, no duplicate.
    let mut by_id = all.clone();
    by_id.sort_by_key(|r| r.id);
    assert!(by_id[..5].iter().all(|r| r.status == RegistrationStatus::Confirmed));
    let places: Vec<u32> = by_id[5..].iter().map(|r| r.position.unwrap()).collect();
    assert_eq!(places, (1..=195).collect::<Vec<u32>>());
    let event = storage.event(all[0].event).await.unwrap().unwrap();
    let session = &event.sessions[0];
    assert_eq!((session.taken, session.waiting, session.free_seats()), (5, 195, 0));
}

async fn twenty_cancellations_make_twenty_offers_in_order(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let storage: Arc<dyn Storage> = db.storage.clone();
    let (_, sessions) = event_with(storage.as_ref(), 20, &[start()], false).await;
    for i in 0..60 {
        register(storage.as_ref(), &registration(&sessions, i)).await.unwrap();
    }
    let before = storage.session_registrations(sessions[0]).await.unwrap();
    let confirmed: Vec<Registration> = with_status(&before, RegistrationStatus::Confirmed)
        .into_iter()
        .cloned()
        .collect();
    let first_twenty: Vec<i64> = before
        .iter()
        .filter(|r| r.position.is_some_and(|p| p <= 20))
        .map(|r| r.id)
        .collect();
    assert_eq!((confirmed.len(), first_twenty.len()), (20, 20));
    let offers = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = confirmed
        .into_iter()
        .map(|r| {
            let (storage, offers) = (storage.clone(), offers.clone());
            tokio::spawn(async move {
                let notices = move |rows: &[Registration]| {
                    if rows[0].status == RegistrationStatus::Offered {
                        offers.fetch_add(1, Ordering::SeqCst);
                    }
                    Notification::NONE
                };
                storage
                    .cancel_registration(
                        &r.reference,
                        r.session,
                        SeatOfferRules::default(),
                        &notices,
                        &Actor::anonymous("192.0.2.1"),
                        now(),
                    )
                    .await
            })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap().unwrap().status, RegistrationStatus::Cancelled);
    }
    assert_eq!(offers.load(Ordering::SeqCst), 20, "each offer told once");
    let after = storage.session_registrations(sessions[0]).await.unwrap();
    let mut offered: Vec<i64> = with_status(&after, RegistrationStatus::Offered)
        .iter()
        .map(|r| r.id)
        .collect();
    offered.sort();
    assert_eq!(offered, first_twenty, "the seats went to places 1…20");
    let deadline = SeatOfferRules::default().deadline(start(), now());
    assert!(
        with_status(&after, RegistrationStatus::Offered)
            .iter()
            .all(|r| r.offer_expires == Some(deadline))
    );
    // The line moved up: places 1…20 again, no gap.
    let mut places: Vec<u32> = after.iter().filter_map(|r| r.position).collect();
    places.sort();
    assert_eq!(places, (1..=20).collect::<Vec<u32>>());
    // A cancelled registration cannot be cancelled again.
    let cancelled = with_status(&after, RegistrationStatus::Cancelled)[0];
    let again = storage
        .cancel_registration(
            &cancelled.reference,
            cancelled.session,
            SeatOfferRules::default(),
            &quiet,
            &Actor::system(),
            now(),
        )
        .await;
    assert!(matches!(again, Err(StorageError::Stale)));
}

async fn offers_lapse_and_pass_on_in_order(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let (_, sessions) = event_with(s, 1, &[start()], false).await;
    let mut made = Vec::new();
    for i in 0..4 {
        let Registered::New(rows) = register(s, &registration(&sessions, i)).await.unwrap() else {
            panic!("a new registration")
        };
        made.push(rows[0].clone());
    }
    let rules = SeatOfferRules::default();
    // The seat holder cancels: the first in line is offered the seat.
    s.cancel_registration(&made[0].reference, sessions[0], rules, &quiet, &Actor::system(), now())
        .await
        .unwrap();
    let offered = &s.registrations(&made[1].reference).await.unwrap()[0];
    assert_eq!(offered.status, RegistrationStatus::Offered);
    let deadline = offered.offer_expires.unwrap();
    assert_eq!(deadline, now() + Duration::hours(24));
    // Nothing is due before the deadline.
    assert!(
        s.due_lapses(deadline - Duration::minutes(1), 10)
            .await
            .unwrap()
            .is_empty()
    );
    let late = deadline + Duration::minutes(1);
    let due = s.due_lapses(late, 10).await.unwrap();
    assert_eq!(due.len(), 1);
    let lapsed = s
        .lapse_offer(&due[0].reference, due[0].session, rules, &quiet, late)
        .await
        .unwrap();
    assert_eq!(lapsed.status, RegistrationStatus::Lapsed);
    // A second node finds nothing to do, and the lapsed offer cannot be taken.
    assert!(matches!(
        s.lapse_offer(&due[0].reference, due[0].session, rules, &quiet, late)
            .await,
        Err(StorageError::Stale)
    ));
    assert!(matches!(
        s.confirm_offer(&made[1].reference, sessions[0], &quiet, &Actor::system(), late)
            .await,
        Err(StorageError::Stale)
    ));
    // The seat went to the next: offered, then confirmed before its deadline.
    let next = &s.registrations(&made[2].reference).await.unwrap()[0];
    assert_eq!(next.status, RegistrationStatus::Offered);
    let confirmed = s
        .confirm_offer(&made[2].reference, sessions[0], &quiet, &Actor::system(), late)
        .await
        .unwrap();
    assert_eq!(confirmed.status, RegistrationStatus::Confirmed);
    // The last one waits at place 1; cancelling it leaves an empty line.
    let last = &s.registrations(&made[3].reference).await.unwrap()[0];
    assert_eq!((last.status, last.position), (RegistrationStatus::Waiting, Some(1)));
    s.cancel_registration(&made[3].reference, sessions[0], rules, &quiet, &Actor::system(), late)
        .await
        .unwrap();
    let event = s.event(made[0].event).await.unwrap().unwrap();
    assert_eq!((event.sessions[0].taken, event.sessions[0].waiting), (1, 0));
}

async fn one_key_makes_one_registration(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let storage: Arc<dyn Storage> = db.storage.clone();
    let (_, sessions) = event_with(storage.as_ref(), 3, &[start(), start() + Duration::days(7)], true).await;
    let key = IdempotencyKey {
        key: "retry-7c1f".into(),
        request_hash: "hash-a".into(),
        not_before: now() - Duration::hours(24),
    };
    let tasks: Vec<_> = (0..100)
        .map(|_| {
            let (storage, sessions, key) = (storage.clone(), sessions.clone(), key.clone());
            tokio::spawn(async move {
                let mut r = registration(&sessions, 7);
                r.one_per_person = false;
                storage
                    .register(&r, Some(&key), &quiet, &Actor::anonymous("192.0.2.1"), now())
                    .await
            })
        })
        .collect();
    let mut new = 0;
    let mut references = Vec::new();
    for task in tasks {
        match task.await.unwrap().unwrap() {
            Registered::New(rows) => {
                new += 1;
                references.push(rows[0].reference.clone());
            }
            Registered::Replayed(rows) => references.push(rows[0].reference.clone()),
            Registered::Existing(_) => panic!("no one-per-person rule here"),
        }
    }
    assert_eq!(new, 1);
    references.dedup();
    assert_eq!(references.len(), 1, "every replay names the one registration");
    // A series: one registration per session, each with its own seat.
    let rows = storage.registrations(&references[0]).await.unwrap();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.status == RegistrationStatus::Confirmed));
    for session in &sessions {
        assert_eq!(storage.session_registrations(*session).await.unwrap().len(), 1);
    }
    // The key with another request is refused.
    let other = IdempotencyKey {
        request_hash: "hash-b".into(),
        ..key
    };
    let refused = storage
        .register(
            &registration(&sessions, 8),
            Some(&other),
            &quiet,
            &Actor::system(),
            now(),
        )
        .await;
    assert!(matches!(refused, Err(StorageError::KeyReused)));
}

async fn closed_sessions_and_second_registrations_write_nothing(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let (_, sessions) = event_with(s, 5, &[start()], false).await;
    let first = registration(&sessions, 1);
    register(s, &first).await.unwrap();
    // The same person (same e-mail, other name) again: the one held, nothing new.
    let mut again = registration(&sessions, 1);
    again.person.name = "Someone Else".into();
    let Registered::Existing(held) = register(s, &again).await.unwrap() else {
        panic!("the registration held")
    };
    assert_eq!(held[0].reference, first.reference);
    assert!(s.registrations(&again.reference).await.unwrap().is_empty());
    // At the start, and once registration has closed, nothing is written.
    for when in [start(), start() + Duration::hours(1)] {
        let late = s
            .register(&registration(&sessions, 2), None, &quiet, &Actor::system(), when)
            .await;
        assert!(matches!(late, Err(StorageError::Stale)), "{when}");
    }
    assert_eq!(s.session_registrations(sessions[0]).await.unwrap().len(), 1);
    // Needs are sealed: the raw column shows none of them.
    let mut needy = registration(&sessions, 3);
    needy.needs = Needs {
        interpreter: None,
        wheelchair: true,
        sign_language: true,
        other: "una rampa per favore".into(),
    };
    register(s, &needy).await.unwrap();
    let raw = sportello_testkit::raw::texts(
        &db.url,
        "SELECT needs_sealed FROM registrations WHERE needs_sealed IS NOT NULL",
        &[],
    )
    .await;
    assert_eq!(raw.len(), 1);
    assert!(!raw[0].contains("rampa") && !raw[0].contains("wheelchair"));
    assert_eq!(s.registrations(&needy.reference).await.unwrap()[0].needs, needy.needs);
}

on_both_backends!(
    #[multi_thread]
    two_hundred_at_once_on_five_seats,
    #[multi_thread]
    twenty_cancellations_make_twenty_offers_in_order,
    offers_lapse_and_pass_on_in_order,
    #[multi_thread]
    one_key_makes_one_registration,
    closed_sessions_and_second_registrations_write_nothing,
);
