//! Outreach points in the database, on SQLite and PostgreSQL: a point is
//! stored with its texts, hours and services (only its own centre's); a
//! stop in the past, on a holiday or a patron day of its town, or at the
//! time of another stop writes nothing; stops come back in order, the
//! cancelled ones marked; a stop with bookings is not cancelled; and one
//! service has its own places at the office and at each point (slots are
//! keyed by service and place).

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use sportello_domain::{
    Actor, FieldProblem, Lang, NewOutreachPoint, NewStop, Notification, OpeningHours, OutreachPoint, PatronDay,
    PointKind, PointText,
};
use sportello_storage::{Booked, StopCancel, Storage, StorageError};
use sportello_testkit::builders::centre;
use sportello_testkit::{Backend, TestDatabase, on_both_backends};

use crate::appointments::{booking, lecce_with_service};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap()
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn stop(day: &str, opens: NaiveTime, closes: NaiveTime, town: &str) -> NewStop {
    NewStop {
        date: day.parse::<NaiveDate>().unwrap(),
        opens,
        closes,
        town: town.into(),
        place: "Piazza del Popolo".into(),
        address: String::new(),
    }
}

fn point(centre: sportello_domain::CentreId, slug: &str, kind: PointKind) -> NewOutreachPoint {
    NewOutreachPoint {
        centre,
        slug: slug.into(),
        kind,
        town: "Nardò".into(),
        address: if kind == PointKind::Desk {
            "Masseria Boncuri".into()
        } else {
            String::new()
        },
        hours: if kind == PointKind::Desk {
            vec![OpeningHours {
                weekday: 2,
                opens: time(17, 0),
                closes: time(20, 0),
                by_appointment: false,
            }]
        } else {
            Vec::new()
        },
        services: Vec::new(),
        texts: vec![PointText {
            lang: Lang::It,
            name: "Camper del lavoro".into(),
            description: "Servizi nei comuni.".into(),
        }],
    }
}

async fn camper(s: &dyn Storage) -> (OutreachPoint, sportello_domain::Service) {
    let (lecce, service) = lecce_with_service(s, 1).await;
    let mut new = point(lecce.id, "camper", PointKind::Tour);
    new.services = vec![service.id];
    (s.insert_point(&new).await.unwrap(), service)
}

async fn points_are_stored_with_their_parts(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let (camper, service) = camper(s).await;
    assert_eq!(s.point(camper.id).await.unwrap().unwrap(), camper);
    assert_eq!(camper.data.services, vec![service.id]);
    let nardo = s.insert_centre(&centre("nardo", "NA")).await.unwrap();
    let desk = s
        .insert_point(&point(nardo.id, "boncuri", PointKind::Desk))
        .await
        .unwrap();
    assert_eq!(s.point_by_slug("boncuri").await.unwrap().unwrap(), desk);
    assert_eq!(s.points(None).await.unwrap().len(), 2);
    assert_eq!(s.points(Some(nardo.id)).await.unwrap(), vec![desk]);
    assert_eq!(s.point_by_slug("nowhere").await.unwrap(), None);
    // Not a slug at all (a NUL byte PostgreSQL refuses in text): no point, no error.
    assert_eq!(s.point_by_slug("bon\0curi").await.unwrap(), None);
    assert_eq!(s.point_by_slug("").await.unwrap(), None);
    // Another centre's service cannot be booked at a point: nothing written.
    let mut foreign = point(nardo.id, "foreign", PointKind::Tour);
    foreign.services = vec![service.id];
    assert!(matches!(s.insert_point(&foreign).await, Err(StorageError::NotFound)));
    assert_eq!(s.point_by_slug("foreign").await.unwrap(), None);
    // Two points with one slug.
    assert!(
        s.insert_point(&point(nardo.id, "camper", PointKind::Tour))
            .await
            .is_err()
    );
}

async fn stops_are_checked_before_they_are_saved(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let (camper, _) = camper(s).await;
    let patron = PatronDay::parse("12-10", "Madonna di Loreto").unwrap();
    s.set_town_patron_days(
        "Porto Cesareo",
        std::slice::from_ref(&patron),
        &Actor::system(),
        Utc::now(),
    )
    .await
    .unwrap();
    assert_eq!(s.town_patron_days("Porto Cesareo").await.unwrap(), vec![patron]);
    let actor = &Actor::system();
    let id = camper.id;
    let add = |stop: NewStop| async move { s.add_stop(id, &stop, actor, now()).await.unwrap() };
    let problem = |result: Result<_, Vec<sportello_domain::FieldError>>| result.unwrap_err()[0].problem;
    let morning = add(stop("2026-12-09", time(9, 0), time(12, 0), "Copertino"))
        .await
        .unwrap();
    assert_eq!(
        problem(add(stop("2026-12-04", time(9, 0), time(12, 0), "Copertino")).await),
        FieldProblem::DateInPast
    );
    assert_eq!(
        problem(add(stop("2026-12-08", time(9, 0), time(12, 0), "Copertino")).await),
        FieldProblem::ClosedDay,
        "the Immaculate Conception"
    );
    assert_eq!(
        problem(add(stop("2026-12-10", time(9, 0), time(12, 0), "Porto Cesareo")).await),
        FieldProblem::ClosedDay,
        "the town's patron day"
    );
    assert_eq!(
        problem(add(stop("2026-12-09", time(11, 0), time(13, 0), "Leverano")).await),
        FieldProblem::Overlap
    );
    let afternoon = add(stop("2026-12-09", time(15, 0), time(17, 0), "Leverano"))
        .await
        .unwrap();
    let listed = s.stops(camper.id, "2026-12-01".parse().unwrap(), 10).await.unwrap();
    assert_eq!(
        listed,
        vec![morning.clone(), afternoon.clone()],
        "refused stops wrote nothing"
    );
    // A desk takes no stops.
    let desk = s
        .insert_point(&point(camper.data.centre, "desk", PointKind::Desk))
        .await
        .unwrap();
    let refused = s
        .add_stop(
            desk.id,
            &stop("2026-12-11", time(9, 0), time(12, 0), "Nardò"),
            actor,
            now(),
        )
        .await;
    assert!(matches!(refused, Err(StorageError::NotFound)));
    // Cancelled: listed, marked, not upcoming; its time is free again.
    let StopCancel::Cancelled(gone) = s.cancel_stop(afternoon.id, actor, now()).await.unwrap() else {
        panic!("no booking holds the stop");
    };
    assert!(gone.cancelled);
    let upcoming = s.upcoming_stops(None, now(), 10).await.unwrap();
    assert_eq!(upcoming.iter().map(|(_, s)| s.id).collect::<Vec<_>>(), [morning.id]);
    assert_eq!(upcoming[0].0.id, camper.id);
    assert!(
        add(stop("2026-12-09", time(15, 30), time(16, 30), "Veglie"))
            .await
            .is_ok()
    );
    // Over by the end of its day.
    let evening = Utc.with_ymd_and_hms(2026, 12, 9, 12, 0, 0).unwrap();
    let later = s.upcoming_stops(None, evening, 10).await.unwrap();
    assert!(
        later.iter().all(|(_, s)| s.id != morning.id),
        "a stop that has ended is not upcoming"
    );
}

async fn each_place_has_its_own_seats(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let (camper, service) = camper(s).await;
    let actor = Actor::system();
    let day = stop("2026-12-09", time(9, 0), time(12, 0), "Copertino");
    let stop = s.add_stop(camper.id, &day, &actor, now()).await.unwrap().unwrap();
    let start = day.start();
    // Capacity 1: one at the office and one at the camper, at the same time.
    let office = booking(service.id, start, "Amina Diallo");
    let mut at_camper = booking(service.id, start, "Mario Rossi");
    at_camper.point = Some(camper.id);
    for b in [&office, &at_camper] {
        let booked = s.book(b, None, &Notification::NONE, &actor, now()).await.unwrap();
        assert!(matches!(booked, Booked::New(_)));
    }
    let mut second = booking(service.id, start, "Ivan Petrov");
    second.point = Some(camper.id);
    assert!(matches!(
        s.book(&second, None, &Notification::NONE, &actor, now()).await,
        Err(StorageError::Full)
    ));
    let stored = s.booking(&at_camper.reference).await.unwrap().unwrap();
    assert_eq!(stored.point, Some(camper.id));
    let until = start + chrono::Duration::hours(1);
    assert_eq!(s.taken_seats(service.id, None, start, until).await.unwrap()[&start], 1);
    assert_eq!(
        s.taken_seats(service.id, Some(camper.id), start, until).await.unwrap()[&start],
        1
    );
    // The booked stop cannot be cancelled until its bookings are moved.
    assert_eq!(
        s.cancel_stop(stop.id, &actor, now()).await.unwrap(),
        StopCancel::HasBookings(1)
    );
    assert!(!s.stop(stop.id).await.unwrap().unwrap().cancelled);
    // A capacity change reaches the point's slots: 2 places, one free.
    let mut wider = service.data.clone();
    wider.capacity = 2;
    let service = s
        .update_service(service.id, service.version, &wider, &actor, now())
        .await
        .unwrap();
    assert!(matches!(
        s.book(&second, None, &Notification::NONE, &actor, now()).await,
        Ok(Booked::New(_))
    ));
    // Back to one place: refused while two are taken there, whatever the
    // office holds.
    let mut narrow = service.data.clone();
    narrow.capacity = 1;
    assert!(matches!(
        s.update_service(service.id, service.version, &narrow, &actor, now())
            .await,
        Err(StorageError::Full)
    ));
    // A cancellation gives the place back at the camper.
    s.cancel_booking(&at_camper.reference, &Notification::NONE, &actor, now())
        .await
        .unwrap();
    assert_eq!(
        s.taken_seats(service.id, Some(camper.id), start, until).await.unwrap()[&start],
        1
    );
}

on_both_backends!(
    points_are_stored_with_their_parts,
    stops_are_checked_before_they_are_saved,
    each_place_has_its_own_seats,
);
