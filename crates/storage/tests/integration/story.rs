//! One story, run unchanged against SQLite and PostgreSQL: centres and offers
//! go in, reference codes are handed out once and never again, only open
//! offers are found, constraints refuse bad data.

use chrono::{Duration, Utc};
use sportello_domain::{Actor, Lang, OfferQuery, OfferStatus, PublishError, RawOfferQuery, RefCode, TextStatus};
use sportello_storage::{ImportOffer, StorageError};
use sportello_testkit::builders::{centre, offer, search, text, today};
use sportello_testkit::on_both_backends;
use sportello_testkit::{Backend, TestDatabase};

async fn story(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let now = Utc::now();

    // Migrations run again without harm.
    s.migrate().await.unwrap();
    s.ping().await.unwrap();
    assert_eq!(s.count_centres().await.unwrap(), 0);

    let lecce = s.insert_centre(&centre("lecce", "le")).await.unwrap();
    assert_eq!(lecce.data.prefix, "LE", "prefixes are stored upper-case");
    let tricase = s.insert_centre(&centre("tricase", "TR")).await.unwrap();
    assert!(matches!(
        s.insert_centre(&centre("lecce", "LX")).await,
        Err(StorageError::Conflict(_))
    ));
    assert!(matches!(
        s.insert_centre(&centre("other", "LE")).await,
        Err(StorageError::Conflict(_))
    ));
    assert_eq!(s.centres().await.unwrap().len(), 2);
    assert_eq!(s.centre_by_slug("tricase").await.unwrap().unwrap().id, tricase.id);

    // Reference codes: a counter per prefix, four digits at least.
    let waiter = offer(
        lecce.id,
        "5131",
        vec![text(Lang::It, TextStatus::Original, "Cameriere di sala")],
    );
    let first = s.insert_offer(&waiter, &Actor::system(), now).await.unwrap();
    assert_eq!(first.reference.to_string(), "LE-0001");
    assert_eq!(first.status, OfferStatus::Draft);
    let second = s.insert_offer(&waiter, &Actor::system(), now).await.unwrap();
    assert_eq!(second.reference.to_string(), "LE-0002");
    let other = s
        .insert_offer(&offer(tricase.id, "5131", waiter.texts.clone()), &Actor::system(), now)
        .await
        .unwrap();
    assert_eq!(other.reference.to_string(), "TR-0001");
    // Round trip of every field.
    assert_eq!(first.data, waiter);
    let found = s.offer(&RefCode::parse("le-0001").unwrap()).await.unwrap().unwrap();
    assert_eq!(found.id, first.id);

    // Drafts are not found; published ones are, until they close.
    assert_eq!(s.search_offers(&search("cameriere"), today()).await.unwrap().total, 0);
    s.publish_offer(&first.reference, today(), &Actor::system(), now)
        .await
        .unwrap();
    let hits = s.search_offers(&search("cameriere"), today()).await.unwrap();
    assert_eq!(hits.total, 1);
    assert_eq!(hits.items[0].reference, first.reference);
    assert_eq!(hits.facets.centre.get("lecce"), Some(&1));
    assert_eq!(hits.facets.language.get("en"), Some(&1));
    // Occupation labels in other languages find it too; a reference finds it exactly.
    for q in ["waiter", "Kellner", "serveurs", "LE-0001", "le-0001"] {
        assert_eq!(s.search_offers(&search(q), today()).await.unwrap().total, 1, "{q}");
    }
    assert_eq!(s.search_offers(&search("cuoco"), today()).await.unwrap().total, 0);
    // Publishing twice is refused; so is publishing without public Italian text.
    assert!(matches!(
        s.publish_offer(&first.reference, today(), &Actor::system(), now).await,
        Err(StorageError::Publish(PublishError::NotADraft))
    ));
    let english_only = s
        .insert_offer(
            &offer(lecce.id, "5120", vec![text(Lang::En, TextStatus::Original, "Cook")]),
            &Actor::system(),
            now,
        )
        .await
        .unwrap();
    assert!(matches!(
        s.publish_offer(&english_only.reference, today(), &Actor::system(), now)
            .await,
        Err(StorageError::Publish(PublishError::NoItalianText))
    ));
    // Expiry is checked at query time: the day after valid-through it is gone.
    let after = first.data.valid_through + Duration::days(1);
    assert_eq!(s.search_offers(&search("cameriere"), after).await.unwrap().total, 0);
    // Withdrawn offers disappear and similar offers are suggested.
    s.publish_offer(&second.reference, today(), &Actor::system(), now)
        .await
        .unwrap();
    let closed = s
        .close_offer(&first.reference, OfferStatus::Withdrawn, &Actor::system(), now)
        .await
        .unwrap();
    assert_eq!(closed.status, OfferStatus::Withdrawn);
    assert!(closed.has_closed(today()));
    let hits = s.search_offers(&search("cameriere"), today()).await.unwrap();
    assert_eq!(
        hits.items.iter().map(|o| o.reference.to_string()).collect::<Vec<_>>(),
        vec!["LE-0002"]
    );
    let similar = s.similar_offers(&closed, today(), 5).await.unwrap();
    assert_eq!(similar.len(), 1);
    assert!(matches!(
        s.close_offer(&first.reference, OfferStatus::Filled, &Actor::system(), now)
            .await,
        Err(StorageError::NotFound)
    ));
    assert!(matches!(
        s.close_offer(&second.reference, OfferStatus::Draft, &Actor::system(), now)
            .await,
        Err(StorageError::Invalid(_))
    ));

    // Bulk import in one transaction; a bad offer leaves nothing behind.
    let good = ImportOffer {
        data: waiter.clone(),
        status: OfferStatus::Published,
        published_on: Some(today()),
    };
    let bad = ImportOffer {
        data: offer(lecce.id, "5131", vec![text(Lang::It, TextStatus::Draft, "Bozza")]),
        status: OfferStatus::Published,
        published_on: Some(today()),
    };
    assert!(
        s.import_offers(&[good.clone(), bad], &Actor::system(), now)
            .await
            .is_err()
    );
    assert_eq!(s.search_offers(&OfferQuery::default(), today()).await.unwrap().total, 1);
    assert_eq!(
        s.import_offers(&[good.clone(), good], &Actor::system(), now)
            .await
            .unwrap(),
        2
    );
    assert_eq!(s.search_offers(&OfferQuery::default(), today()).await.unwrap().total, 3);
    // The failed import rolled its numbers back with it: the counter moves
    // only with committed offers, and no committed number is given twice.
    let next = s.insert_offer(&waiter, &Actor::system(), now).await.unwrap();
    assert_eq!(next.reference.to_string(), "LE-0006");

    // Constraints guard what code might forget.
    let mut zero = waiter.clone();
    zero.openings = 0;
    assert!(matches!(
        s.insert_offer(&zero, &Actor::system(), now).await,
        Err(StorageError::Invalid(_))
    ));
    let mut unknown = waiter.clone();
    unknown.occupation = "0000".into();
    assert!(matches!(
        s.insert_offer(&unknown, &Actor::system(), now).await,
        Err(StorageError::Invalid(_))
    ));

    // Facets count with the other filters applied, not their own.
    let raw = RawOfferQuery {
        section: Some("eures".into()),
        ..RawOfferQuery::default()
    };
    let eures = s.search_offers(&raw.parse().unwrap(), today()).await.unwrap();
    assert_eq!(eures.total, 0);
    assert_eq!(eures.facets.section.get("ordinary"), Some(&3));
}

/// Twenty offers created at once get twenty different, consecutive numbers.
async fn concurrent_references(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let c = db.storage.insert_centre(&centre("nardo", "NA")).await.unwrap();
    let draft = offer(
        c.id,
        "9211",
        vec![text(Lang::It, TextStatus::Original, "Bracciante agricolo")],
    );
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let storage = db.storage.clone();
            let draft = draft.clone();
            tokio::spawn(async move {
                storage
                    .insert_offer(&draft, &Actor::system(), Utc::now())
                    .await
                    .unwrap()
                    .reference
                    .number()
            })
        })
        .collect();
    let mut numbers = Vec::new();
    for t in tasks {
        numbers.push(t.await.unwrap());
    }
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=20).collect::<Vec<u64>>());
}

/// Two nodes on one database: what one changes, the other sees at once,
/// whatever either has kept in memory.
async fn two_nodes(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let a = db.storage.clone();
    let b = sportello_storage::open(&db.url).await.unwrap();
    let c = a.insert_centre(&centre("casarano", "CA")).await.unwrap();
    let draft = offer(c.id, "8153", vec![text(Lang::It, TextStatus::Original, "Cucitrice")]);
    let created = a.insert_offer(&draft, &Actor::system(), Utc::now()).await.unwrap();
    // Both nodes read (and keep) the draft.
    assert_eq!(
        a.offer(&created.reference).await.unwrap().unwrap().status,
        OfferStatus::Draft
    );
    assert_eq!(
        b.offer(&created.reference).await.unwrap().unwrap().status,
        OfferStatus::Draft
    );
    b.publish_offer(&created.reference, today(), &Actor::system(), Utc::now())
        .await
        .unwrap();
    assert_eq!(
        a.offer(&created.reference).await.unwrap().unwrap().status,
        OfferStatus::Published
    );
    let hits = a.search_offers(&search("cucitrice"), today()).await.unwrap();
    assert_eq!(hits.items[0].status, OfferStatus::Published);
    a.close_offer(&created.reference, OfferStatus::Filled, &Actor::system(), Utc::now())
        .await
        .unwrap();
    assert_eq!(
        b.offer(&created.reference).await.unwrap().unwrap().status,
        OfferStatus::Filled
    );
    assert_eq!(b.search_offers(&search("cucitrice"), today()).await.unwrap().total, 0);
}

on_both_backends!(
    two_nodes,
    story,
    #[multi_thread]
    concurrent_references,
);
