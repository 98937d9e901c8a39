//! One future booking per person and service, in the database, on SQLite
//! and PostgreSQL: with `one_per_person`, a booked appointment still to
//! come of the same service with the same e-mail, phone or codice fiscale
//! is named (`Booked::Existing`) and nothing is written — no booking, seat,
//! mail or idempotency key. A cancelled or past booking does not count, nor
//! another service's; a booking made without the rule (an operator's for
//! the person) is never refused, and is one held for the person's next
//! request. Re-sending the link of the
//! booking held queues its message and an audit row, and refuses once it
//! was cancelled.

use chrono::{DateTime, Duration, Utc};
use sportello_domain::{Actor, CodiceFiscale, Email, Notification, Phone};
use sportello_storage::{Booked, IdempotencyKey, NewBooking, StorageError};
use sportello_testkit::{Backend, TestDatabase, on_both_backends};

use crate::appointments::{booking, lecce_with_service, now, start};

/// A booking of `service` at `at` for a person with these details, held to
/// one per person.
fn held_to_one(
    service: sportello_domain::ServiceId,
    at: DateTime<Utc>,
    email: Option<&str>,
    phone: Option<&str>,
    cf: Option<&str>,
) -> NewBooking {
    let mut b = booking(service, at, "Mario Rossi");
    b.request.person.email = email.map(|e| Email::parse(e).unwrap());
    b.request.person.phone = phone.map(|p| Phone::parse(p).unwrap());
    b.request.person.codice_fiscale = cf.map(|c| CodiceFiscale::parse(c).unwrap());
    b.one_per_person = true;
    b
}

async fn counts(db: &TestDatabase) -> (usize, u64, u64) {
    let s = &db.storage;
    let (from, to) = (now() - Duration::days(30), now() + Duration::days(60));
    let centre = s.centres().await.unwrap()[0].id;
    let bookings = s.centre_bookings(centre, from, to).await.unwrap().len();
    let mail = s.mail_counts().await.unwrap();
    let keys =
        sportello_testkit::raw::number(&db.url, "SELECT CAST(COUNT(*) AS TEXT) FROM idempotency_keys", &[]).await;
    (bookings, mail.pending, keys)
}

async fn one_future_booking_per_person_and_service(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = &db.storage;
    let (centre, service) = lecce_with_service(s.as_ref(), 2).await;
    let actor = Actor::anonymous("192.0.2.1");
    let cf = "RSSMRA85T10A562S";
    let first = held_to_one(
        service.id,
        start(),
        Some("mario@example.org"),
        Some("+39 333 1234567"),
        Some(cf),
    );
    let Booked::New(held) = s.book(&first, None, &Notification::NONE, &actor, now()).await.unwrap() else {
        panic!("a new booking");
    };
    let before = counts(&db).await;

    // Each detail alone names the booking held; nothing is written, the
    // idempotency key neither.
    let later = start() + Duration::hours(1);
    for (email, phone, code) in [
        (Some("MARIO@example.org"), None, None),
        (None, Some("333 123 4567"), None),
        (Some("someone@example.org"), None, Some(cf)),
    ] {
        let again = held_to_one(service.id, later, email, phone, code);
        let key = IdempotencyKey {
            key: format!("k-{email:?}-{phone:?}"),
            request_hash: "h".into(),
            not_before: now() - Duration::hours(24),
        };
        let answer = s
            .book(&again, Some(&key), &Notification::NONE, &actor, now())
            .await
            .unwrap();
        assert_eq!(answer, Booked::Existing(held.clone()), "{email:?} {phone:?} {code:?}");
        assert_eq!(counts(&db).await, before);
    }

    // Other details, another service, or no rule (an operator): new ones.
    let stranger = held_to_one(service.id, later, Some("luca@example.org"), None, None);
    assert!(matches!(
        s.book(&stranger, None, &Notification::NONE, &actor, now())
            .await
            .unwrap(),
        Booked::New(_)
    ));
    let mut assessment = crate::appointments::service(centre.id, 2);
    assessment.kind = sportello_domain::ServiceKind::SkillsAssessment;
    let second_service = s.insert_service(&assessment, &Actor::system(), now()).await.unwrap();
    let elsewhere = held_to_one(second_service.id, later, Some("mario@example.org"), None, None);
    assert!(matches!(
        s.book(&elsewhere, None, &Notification::NONE, &actor, now())
            .await
            .unwrap(),
        Booked::New(_)
    ));
    let mut desk = held_to_one(service.id, later, Some("mario@example.org"), None, None);
    desk.one_per_person = false;
    let Booked::New(desk) = s
        .book(&desk, None, &Notification::NONE, &Actor::system(), now())
        .await
        .unwrap()
    else {
        panic!("an operator's booking is never held to one");
    };

    // The link of the booking held, sent again: its message and an audit
    // row; once cancelled, refused, and a new booking goes through.
    let notice = Notification {
        mail: Some(crate::appointments::mail("Votre rendez-vous")),
        sms: None,
    };
    let pending = s.mail_counts().await.unwrap().pending;
    s.resend_link(&held.reference, &notice, &actor, now()).await.unwrap();
    assert_eq!(s.mail_counts().await.unwrap().pending, pending + 1);
    let audit = sportello_testkit::raw::number(
        &db.url,
        "SELECT CAST(COUNT(*) AS TEXT) FROM audit_log WHERE action = 'booking.link_resent' AND object_id = $1",
        &[held.reference.as_str()],
    )
    .await;
    assert_eq!(audit, 1);
    s.cancel_booking(&held.reference, &Notification::NONE, &actor, now())
        .await
        .unwrap();
    assert!(matches!(
        s.resend_link(&held.reference, &notice, &actor, now()).await,
        Err(StorageError::Stale)
    ));
    // The desk's booking for the same person is one held too.
    let blocked = held_to_one(
        service.id,
        start() + Duration::hours(2),
        Some("mario@example.org"),
        None,
        None,
    );
    let answer = s
        .book(&blocked, None, &Notification::NONE, &actor, now())
        .await
        .unwrap();
    assert_eq!(answer, Booked::Existing(desk.clone()));
    s.cancel_booking(&desk.reference, &Notification::NONE, &actor, now())
        .await
        .unwrap();
    let after_cancel = held_to_one(
        service.id,
        start() + Duration::hours(2),
        Some("mario@example.org"),
        None,
        None,
    );
    assert!(matches!(
        s.book(&after_cancel, None, &Notification::NONE, &actor, now())
            .await
            .unwrap(),
        Booked::New(_)
    ));

    // A booking whose time has passed does not count either.
    let past_now = later + Duration::hours(3);
    let next_week = held_to_one(
        service.id,
        start() + Duration::days(7),
        Some("luca@example.org"),
        None,
        None,
    );
    assert!(matches!(
        s.book(&next_week, None, &Notification::NONE, &actor, past_now)
            .await
            .unwrap(),
        Booked::New(_)
    ));
}

on_both_backends!(
    #[multi_thread]
    one_future_booking_per_person_and_service,
);
