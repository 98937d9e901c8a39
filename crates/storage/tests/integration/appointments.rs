//! Appointments in the database, run unchanged against SQLite and
//! PostgreSQL: the services catalogue, access rules and patron days; places
//! taken and given back; capacity enforced by the schema even against a
//! direct INSERT; concurrent bookings for the last places; idempotency keys;
//! reminders recorded once; mails queued only with what caused them.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use sportello_domain::appointments::holidays::PatronDay;
use sportello_domain::{
    Actor, BookingRef, BookingRequest, BookingStatus, Centre, CentreId, Email, Lang, MailAttachment, Modality, Needs,
    NewService, OutgoingMail, Person, Service, ServiceId, ServiceKind, ServiceText,
};
use sportello_storage::{Booked, DatabaseUrl, IdempotencyKey, NewBooking, Storage, StorageError};
use sportello_testkit::builders::centre;
use sportello_testkit::on_both_backends;
use sportello_testkit::{Backend, TestDatabase};

pub(crate) fn service(centre: CentreId, capacity: u32) -> NewService {
    NewService {
        centre,
        kind: ServiceKind::BasicGuidance,
        duration_minutes: 30,
        modalities: vec![Modality::InOffice, Modality::Video],
        capacity,
        min_notice_minutes: 60,
        max_days_ahead: 30,
        active: true,
        texts: vec![
            ServiceText {
                lang: Lang::It,
                name: "Colloquio di orientamento".into(),
                description: "Un primo colloquio.".into(),
            },
            ServiceText {
                lang: Lang::En,
                name: "Guidance interview".into(),
                description: String::new(),
            },
        ],
    }
}

/// A fresh database's Lecce centre and its guidance service of `capacity`.
pub(crate) async fn lecce_with_service(s: &dyn Storage, capacity: u32) -> (Centre, Service) {
    let lecce = s.insert_centre(&centre("lecce", "LE")).await.unwrap();
    let service = s
        .insert_service(&service(lecce.id, capacity), &Actor::system(), now())
        .await
        .unwrap();
    (lecce, service)
}

pub(crate) fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 8, 30, 0).unwrap()
}

pub(crate) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 10, 0, 0).unwrap()
}

static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

fn reference() -> BookingRef {
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let b = n.to_be_bytes();
    BookingRef::from_random([b[0], b[1], b[2] / 31, b[2] % 31, b[3] / 31, b[3] % 31, 7, 9])
}

pub(crate) fn booking(service: ServiceId, start: DateTime<Utc>, name: &str) -> NewBooking {
    NewBooking {
        request: BookingRequest {
            service,
            modality: Modality::InOffice,
            start,
            person: Person {
                name: name.into(),
                email: Some(Email::parse("amina@example.org").unwrap()),
                phone: None,
                codice_fiscale: None,
                lang: Lang::Fr,
                sms: false,
            },
            needs: Needs {
                wheelchair: true,
                ..Needs::default()
            },
        },
        reference: reference(),
        end: start + Duration::minutes(30),
        point: None,
        video_url: None,
        one_per_person: false,
    }
}

pub(crate) fn mail(subject: &str) -> OutgoingMail {
    OutgoingMail {
        to: Email::parse("amina@example.org").unwrap(),
        to_name: Some("Amina".into()),
        lang: Lang::Fr,
        subject: subject.into(),
        text: "Bonjour".into(),
        html: None,
        attachments: vec![MailAttachment {
            filename: "appointment.ics".into(),
            content_type: "text/calendar; method=REQUEST; charset=UTF-8".into(),
            content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".into(),
        }],
        kind: "booking.confirmation".into(),
        dedupe_key: None,
        list_unsubscribe: None,
    }
}

async fn catalogue(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let (lecce, created) = lecce_with_service(s, 2).await;
    assert_eq!(created.data, service(lecce.id, 2));
    assert_eq!(s.services(lecce.id).await.unwrap(), vec![created.clone()]);
    let twice = s.insert_service(&service(lecce.id, 1), &Actor::system(), now()).await;
    assert!(
        matches!(twice, Err(StorageError::Conflict(_))),
        "one service of each kind per centre"
    );

    let mut changed = service(lecce.id, 3);
    changed.texts.truncate(1);
    let updated = s
        .update_service(created.id, created.version, &changed, &Actor::system(), now())
        .await
        .unwrap();
    assert_eq!(updated.data.capacity, 3);
    assert_eq!(updated.data.texts.len(), 1);
    let stale = s
        .update_service(created.id, created.version, &changed, &Actor::system(), now())
        .await;
    assert!(matches!(stale, Err(StorageError::Stale)));

    let rules = BTreeMap::from([
        (Lang::It, "Mascherina obbligatoria.".to_string()),
        (Lang::En, "Masks required.".to_string()),
        (Lang::De, "  ".to_string()),
    ]);
    s.set_access_rules(lecce.id, &rules, &Actor::system(), now())
        .await
        .unwrap();
    let stored = s.access_rules(lecce.id).await.unwrap();
    assert_eq!(stored.len(), 2, "an empty text removes its language");
    assert_eq!(stored[&Lang::En], "Masks required.");

    let days = vec![PatronDay::parse("08-26", "Sant'Oronzo").unwrap()];
    s.set_patron_days(lecce.id, &days, &Actor::system(), now())
        .await
        .unwrap();
    assert_eq!(s.patron_days(lecce.id).await.unwrap(), days);
}

async fn places_are_taken_and_given_back(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let (lecce, svc) = lecce_with_service(s, 2).await;
    let first = s
        .book(
            &booking(svc.id, start(), "Amina Diallo"),
            None,
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            now(),
        )
        .await
        .unwrap();
    let Booked::New(first) = first else {
        panic!("a new booking")
    };
    assert_eq!(first.status, BookingStatus::Booked);
    assert!(first.needs.wheelchair);
    s.book(
        &booking(svc.id, start(), "Jonas Weber"),
        None,
        &sportello_domain::Notification::NONE,
        &Actor::system(),
        now(),
    )
    .await
    .unwrap();
    let full = s
        .book(
            &booking(svc.id, start(), "Third"),
            None,
            &sportello_domain::Notification::mail(Some(mail("late"))),
            &Actor::system(),
            now(),
        )
        .await;
    assert!(matches!(full, Err(StorageError::Full)), "{full:?}");
    assert!(
        s.recent_mail(10).await.unwrap().is_empty(),
        "a refused booking queues no mail"
    );
    let taken = s
        .taken_seats(svc.id, None, start(), start() + Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(taken.get(&start()), Some(&2));

    // Cancelling gives the place back; the mail is queued with the change.
    let cancelled = s
        .cancel_booking(
            &first.reference,
            &sportello_domain::Notification::mail(Some(mail("annulé"))),
            &Actor::system(),
            now(),
        )
        .await
        .unwrap();
    assert_eq!(cancelled.status, BookingStatus::Cancelled);
    assert_eq!(cancelled.sequence, 1);
    assert_eq!(s.recent_mail(10).await.unwrap().len(), 1);
    let again = s
        .book(
            &booking(svc.id, start(), "Third"),
            None,
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            now(),
        )
        .await
        .unwrap();

    // Moving takes a place in the new slot and frees the old one.
    let later = start() + Duration::minutes(30);
    let moved = s
        .move_booking(
            &again.booking().reference,
            later,
            later + Duration::minutes(30),
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            now(),
        )
        .await
        .unwrap();
    assert_eq!(moved.start, later);
    let taken = s
        .taken_seats(svc.id, None, start(), start() + Duration::hours(2))
        .await
        .unwrap();
    assert_eq!((taken.get(&start()), taken.get(&later)), (Some(&1), Some(&1)));

    // Once started, a booking cannot be cancelled or moved, only marked.
    let after_start = later + Duration::minutes(5);
    let too_late = s
        .cancel_booking(
            &moved.reference,
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            after_start,
        )
        .await;
    assert!(matches!(too_late, Err(StorageError::Stale)));
    let early_mark = s
        .mark_booking(&moved.reference, BookingStatus::Attended, &Actor::system(), now())
        .await;
    assert!(matches!(early_mark, Err(StorageError::Stale)), "not before it starts");
    let marked = s
        .mark_booking(&moved.reference, BookingStatus::NoShow, &Actor::system(), after_start)
        .await
        .unwrap();
    assert_eq!(marked.status, BookingStatus::NoShow);
    let day = s
        .centre_bookings(lecce.id, start() - Duration::hours(2), start() + Duration::hours(8))
        .await
        .unwrap();
    assert_eq!(day.len(), 3, "cancelled bookings are listed too");

    // A capacity below the places booked in a future slot is refused: the
    // first slot still holds Jonas Weber on seat 2.
    let shrink = s
        .update_service(
            svc.id,
            svc.version,
            &service(lecce.id, 1),
            &Actor::system(),
            start() - Duration::hours(1),
        )
        .await;
    assert!(matches!(shrink, Err(StorageError::Full)), "{shrink:?}");
    assert_eq!(
        s.service(svc.id).await.unwrap().unwrap().data.capacity,
        2,
        "nothing saved"
    );
}

/// The schema itself refuses a seat beyond the slot's capacity, whatever
/// capacity the INSERT claims, and the same seat twice.
async fn the_schema_refuses_overbooking(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let (_, svc) = lecce_with_service(s, 1).await;
    let b1 = s
        .book(
            &booking(svc.id, start(), "Amina"),
            None,
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            now(),
        )
        .await
        .unwrap();
    let b2 = s
        .book(
            &booking(svc.id, start() + Duration::minutes(30), "Jonas"),
            None,
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            now(),
        )
        .await
        .unwrap();
    let slot_id = "(SELECT id FROM slots WHERE service_id = $1 ORDER BY starts_at LIMIT 1)";
    let attempts = [
        // seat 2 of a slot of capacity 1
        format!("INSERT INTO seats (slot_id, capacity, seat_no, booking_id) VALUES ({slot_id}, 1, 2, $2)"),
        // claiming a larger capacity than the slot's
        format!("INSERT INTO seats (slot_id, capacity, seat_no, booking_id) VALUES ({slot_id}, 5, 2, $2)"),
        // the taken seat again
        format!("INSERT INTO seats (slot_id, capacity, seat_no, booking_id) VALUES ({slot_id}, 1, 1, $2)"),
    ];
    for sql in attempts {
        let result = raw_execute(&db.url, &sql, svc.id.0, b2.booking().id.0).await;
        assert!(result.is_err(), "the database accepted {sql}");
    }
    let taken = s
        .taken_seats(svc.id, None, start(), start() + Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(taken.get(&start()), Some(&1));
    assert_eq!(b1.booking().start, start());
}

async fn raw_execute(url: &DatabaseUrl, sql: &str, a: i64, b: i64) -> Result<u64, sqlx::Error> {
    use sqlx::Connection;
    let sql = sqlx::AssertSqlSafe(sql.to_string());
    match url {
        DatabaseUrl::Sqlite(path) => {
            let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{path}")).await?;
            sqlx::query("PRAGMA foreign_keys = ON").execute(&mut conn).await?;
            Ok(sqlx::query(sql)
                .bind(a)
                .bind(b)
                .execute(&mut conn)
                .await?
                .rows_affected())
        }
        DatabaseUrl::Postgres(url) => {
            let mut conn = sqlx::PgConnection::connect(url).await?;
            Ok(sqlx::query(sql)
                .bind(a)
                .bind(b)
                .execute(&mut conn)
                .await?
                .rows_affected())
        }
    }
}

/// Many people ask for the last places at once: exactly as many get one.
async fn concurrent_bookings_fill_exactly(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let storage: Arc<dyn Storage> = db.storage.clone();
    let (_, svc) = lecce_with_service(storage.as_ref(), 3).await;
    let tasks: Vec<_> = (0..40)
        .map(|i| {
            let storage = storage.clone();
            tokio::spawn(async move {
                storage
                    .book(
                        &booking(svc.id, start(), &format!("Person {i}")),
                        None,
                        &sportello_domain::Notification::NONE,
                        &Actor::system(),
                        now(),
                    )
                    .await
            })
        })
        .collect();
    let mut booked = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => booked += 1,
            Err(StorageError::Full) => {}
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
    assert_eq!(booked, 3);
}

async fn idempotency_keys(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let storage: Arc<dyn Storage> = db.storage.clone();
    let (_, svc) = lecce_with_service(storage.as_ref(), 5).await;
    let key = IdempotencyKey {
        key: "3f1c-retry".into(),
        request_hash: "hash-a".into(),
        not_before: now() - Duration::hours(24),
    };
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let (storage, key) = (storage.clone(), key.clone());
            tokio::spawn(async move {
                storage
                    .book(
                        &booking(svc.id, start(), "Amina"),
                        Some(&key),
                        &sportello_domain::Notification::NONE,
                        &Actor::system(),
                        now(),
                    )
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.unwrap());
    }
    assert_eq!(answers.iter().filter(|a| matches!(a, Booked::New(_))).count(), 1);
    assert!(answers.iter().all(|a| a.booking() == answers[0].booking()));
    let taken = storage
        .taken_seats(svc.id, None, start(), start() + Duration::minutes(1))
        .await
        .unwrap();
    assert_eq!(taken.get(&start()), Some(&1), "one booking for one key");

    let other = IdempotencyKey {
        request_hash: "hash-b".into(),
        ..key.clone()
    };
    let reused = storage
        .book(
            &booking(svc.id, start(), "Amina"),
            Some(&other),
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            now(),
        )
        .await;
    assert!(matches!(reused, Err(StorageError::KeyReused)));

    // After 24 hours the key is forgotten.
    let tomorrow = IdempotencyKey {
        not_before: now() + Duration::hours(1),
        ..other
    };
    let fresh = storage
        .book(
            &booking(svc.id, start(), "Amina"),
            Some(&tomorrow),
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            now() + Duration::hours(25),
        )
        .await
        .unwrap();
    assert!(matches!(fresh, Booked::New(_)));
    assert_eq!(
        storage
            .purge_idempotency_keys(now() + Duration::hours(50))
            .await
            .unwrap(),
        1
    );
}

async fn reminders_are_recorded_once(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let (_, svc) = lecce_with_service(s, 2).await;
    let b = s
        .book(
            &booking(svc.id, start(), "Amina"),
            None,
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            now(),
        )
        .await
        .unwrap();
    let two_days_before = start() - Duration::hours(47);
    assert!(s.due_reminders(120, two_days_before, 10).await.unwrap().is_empty());
    let due = s.due_reminders(2880, two_days_before, 10).await.unwrap();
    assert_eq!(due.len(), 1);
    assert!(
        s.record_reminder(
            &due[0],
            2880,
            &sportello_domain::Notification::mail(Some(mail("rappel"))),
            two_days_before
        )
        .await
        .unwrap()
    );
    assert!(
        !s.record_reminder(
            &due[0],
            2880,
            &sportello_domain::Notification::mail(Some(mail("rappel"))),
            two_days_before
        )
        .await
        .unwrap()
    );
    assert_eq!(s.recent_mail(10).await.unwrap().len(), 1, "one mail for one reminder");
    assert!(s.due_reminders(2880, two_days_before, 10).await.unwrap().is_empty());

    // Two hours before: the close reminder is due, and once recorded the
    // far one is never due again.
    let close = start() - Duration::minutes(90);
    assert_eq!(s.due_reminders(120, close, 10).await.unwrap().len(), 1);
    assert!(
        s.record_reminder(b.booking(), 120, &sportello_domain::Notification::NONE, close)
            .await
            .unwrap()
    );
    assert!(s.due_reminders(2880, close, 10).await.unwrap().is_empty());
    assert!(s.due_reminders(120, close, 10).await.unwrap().is_empty());

    // Moved to a week later: its reminders come again for the new time; a
    // reminder read before the move is not recorded after it.
    let stale = b.booking().clone();
    let later = start() + Duration::days(7);
    let moved = s
        .move_booking(
            &stale.reference,
            later,
            later + Duration::minutes(30),
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            close,
        )
        .await
        .unwrap();
    assert!(
        !s.record_reminder(&stale, 120, &sportello_domain::Notification::NONE, close)
            .await
            .unwrap(),
        "read before the move"
    );
    let due = s.due_reminders(2880, later - Duration::hours(47), 10).await.unwrap();
    assert_eq!(due.iter().map(|d| &d.reference).collect::<Vec<_>>(), [&moved.reference]);

    // Cancelled after being read: no reminder, no mail.
    let cancelled = s
        .cancel_booking(
            &moved.reference,
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            later - Duration::hours(48),
        )
        .await
        .unwrap();
    assert_eq!(cancelled.status, sportello_domain::BookingStatus::Cancelled);
    let mails_before = s.recent_mail(100).await.unwrap().len();
    assert!(
        !s.record_reminder(
            &due[0],
            2880,
            &sportello_domain::Notification::mail(Some(mail("rappel"))),
            later - Duration::hours(47)
        )
        .await
        .unwrap()
    );
    assert_eq!(s.recent_mail(100).await.unwrap().len(), mails_before);
}

on_both_backends!(
    #[multi_thread]
    catalogue,
    #[multi_thread]
    places_are_taken_and_given_back,
    #[multi_thread]
    the_schema_refuses_overbooking,
    #[multi_thread]
    concurrent_bookings_fill_exactly,
    #[multi_thread]
    idempotency_keys,
    #[multi_thread]
    reminders_are_recorded_once,
);
