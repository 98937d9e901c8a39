//! Loading the demo: a fresh database gets everything; a database made by an
//! earlier version (centres but no services catalogue) gets its catalogue
//! once, and loading again changes nothing.

use sportello_domain::time::today_in_rome;
use sportello_testkit::{Backend, TestDatabase};

#[tokio::test]
async fn an_older_demo_database_gets_its_services_once() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let storage = db.storage.as_ref();
    for centre in sportello_demo::centres::centres() {
        storage.insert_centre(&centre).await.unwrap();
    }
    let lecce = storage.centre_by_slug("lecce").await.unwrap().unwrap();
    assert!(storage.services(lecce.id).await.unwrap().is_empty());

    let loaded = sportello_demo::load(storage, 10, 1, today_in_rome()).await.unwrap();
    assert_eq!(loaded, sportello_demo::Loaded::AlreadyThere);
    let services = storage.services(lecce.id).await.unwrap();
    assert_eq!(services.len(), sportello_demo::appointments::services(&lecce).len());
    assert!(!storage.access_rules(lecce.id).await.unwrap().is_empty());
    assert_eq!(storage.patron_days(lecce.id).await.unwrap().len(), 1);

    sportello_demo::load(storage, 10, 1, today_in_rome()).await.unwrap();
    assert_eq!(
        storage.services(lecce.id).await.unwrap(),
        services,
        "nothing added twice"
    );
}

#[tokio::test]
async fn the_demo_subscribers_are_added_once_with_a_week_of_offers_to_come() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let storage = db.storage.as_ref();
    let today = today_in_rome();
    sportello_demo::load(storage, 10, 1, today).await.unwrap();
    sportello_demo::subscribers::create(storage, today).await.unwrap();
    let mut ids = Vec::new();
    for address in sportello_demo::subscribers::ADDRESSES {
        let email = sportello_domain::Email::parse(address).unwrap();
        let s = storage.subscriber_by_email(&email).await.unwrap().unwrap();
        assert!(s.active());
        assert_eq!(s.digest_from, today - chrono::Duration::days(7));
        ids.push(s.id);
    }
    sportello_demo::subscribers::create(storage, today + chrono::Duration::days(1))
        .await
        .unwrap();
    for (address, id) in sportello_demo::subscribers::ADDRESSES.iter().zip(ids) {
        let email = sportello_domain::Email::parse(address).unwrap();
        let s = storage.subscriber_by_email(&email).await.unwrap().unwrap();
        assert_eq!(
            (s.id, s.digest_from),
            (id, today - chrono::Duration::days(7)),
            "left as it was"
        );
    }
}
