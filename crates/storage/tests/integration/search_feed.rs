//! The change log the search index follows, on both backends: every kind of
//! change to an offer's searchable data writes a row for that offer in the
//! same transaction (none when it rolls back); the offers it names are read
//! back in order; published offers page by id; old rows are pruned without
//! ever reusing a number; the database keeps one identity. Also the bulk load
//! that `sportello gen` uses.

use std::collections::BTreeSet;

use chrono::{Duration, Utc};
use sportello_domain::{Actor, Lang, OfferId, OfferStatus, RefCode, TextStatus};
use sportello_storage::{ImportOffer, Storage, StorageError};
use sportello_testkit::builders::{centre, offer, text, today};
use sportello_testkit::on_both_backends;
use sportello_testkit::{Backend, TestDatabase};

/// The offers changed since change number `after`, and the newest number.
async fn changed_since(s: &dyn Storage, after: i64) -> (BTreeSet<i64>, i64) {
    let changes = s.offer_changes_after(after, 100_000).await.unwrap();
    assert!(changes.windows(2).all(|w| w[0].seq < w[1].seq), "ascending");
    let last = changes.last().map_or(after, |c| c.seq);
    (changes.into_iter().map(|c| c.offer.0).collect(), last)
}

fn import(data: sportello_domain::NewOffer, status: OfferStatus) -> ImportOffer {
    ImportOffer {
        data,
        status,
        published_on: (status != OfferStatus::Draft).then(|| today() - Duration::days(3)),
    }
}

async fn every_change_is_logged(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s: &dyn Storage = db.storage.as_ref();
    let now = Utc::now();
    let system = Actor::system();
    let bounds = s.change_log_bounds().await.unwrap();
    assert_eq!((bounds.first, bounds.last), (None, 0), "a fresh log is empty");

    let lecce = s.insert_centre(&centre("lecce", "LE")).await.unwrap();
    let it = || vec![text(Lang::It, TextStatus::Original, "Cameriere di sala")];

    // Created as a draft.
    let draft = s
        .insert_offer(&offer(lecce.id, "5131", it()), &system, now)
        .await
        .unwrap();
    let (ids, mut seen) = changed_since(s, 0).await;
    assert_eq!(ids, BTreeSet::from([draft.id.0]));
    let bounds = s.change_log_bounds().await.unwrap();
    assert_eq!(bounds.first, Some(1));
    assert_eq!(bounds.last, seen);

    // Imported.
    s.import_offers(
        &[import(offer(lecce.id, "5120", it()), OfferStatus::Published)],
        &system,
        now,
    )
    .await
    .unwrap();
    let imported = s.offer(&RefCode::parse("LE-0002").unwrap()).await.unwrap().unwrap();
    let (ids, last) = changed_since(s, seen).await;
    assert_eq!(ids, BTreeSet::from([imported.id.0]));
    seen = last;

    // Published, edited, translated, closed, extended, expired.
    s.publish_offer(&draft.reference, today(), &system, now).await.unwrap();
    let (ids, last) = changed_since(s, seen).await;
    assert_eq!(ids, BTreeSet::from([draft.id.0]), "publish");
    seen = last;

    let current = s.offer(&draft.reference).await.unwrap().unwrap();
    let mut edited = current.data.clone();
    edited.openings = 9;
    s.update_offer(&draft.reference, current.version, &edited, &system, now)
        .await
        .unwrap();
    let (ids, last) = changed_since(s, seen).await;
    assert_eq!(ids, BTreeSet::from([draft.id.0]), "update");
    seen = last;

    s.set_offer_text(
        &draft.reference,
        &text(Lang::En, TextStatus::Reviewed, "Waiter"),
        &system,
        now,
    )
    .await
    .unwrap();
    let (ids, last) = changed_since(s, seen).await;
    assert_eq!(ids, BTreeSet::from([draft.id.0]), "text");
    seen = last;

    s.close_offer(&draft.reference, OfferStatus::Filled, &system, now)
        .await
        .unwrap();
    let (ids, last) = changed_since(s, seen).await;
    assert_eq!(ids, BTreeSet::from([draft.id.0]), "close");
    seen = last;

    s.extend_offer(&imported.reference, today() + Duration::days(60), today(), &system, now)
        .await
        .unwrap();
    let (ids, last) = changed_since(s, seen).await;
    assert_eq!(ids, BTreeSet::from([imported.id.0]), "extend");
    seen = last;

    let expired = s.expire_offers(today() + Duration::days(61), now).await.unwrap();
    assert_eq!(expired, vec![imported.reference.clone()]);
    let (ids, last) = changed_since(s, seen).await;
    assert_eq!(ids, BTreeSet::from([imported.id.0]), "expire");
    seen = last;

    // A centre's new name reaches its offers; its hours alone do not.
    let mut renamed = lecce.data.clone();
    renamed.name = "Centro per l'Impiego di Lecce città".into();
    s.save_centre(Some(lecce.id), &renamed, &system, now).await.unwrap();
    let (ids, last) = changed_since(s, seen).await;
    assert_eq!(ids, BTreeSet::from([draft.id.0, imported.id.0]), "centre renamed");
    seen = last;
    renamed.hours.clear();
    s.save_centre(Some(lecce.id), &renamed, &system, now).await.unwrap();
    assert!(changed_since(s, seen).await.0.is_empty(), "same centre data");

    // Deleted, by any code path: the triggers see it.
    let pool = sqlx_pool(&db).await;
    pool.execute("DELETE FROM offers WHERE reference = 'LE-0002'").await;
    let (ids, last) = changed_since(s, seen).await;
    assert_eq!(ids, BTreeSet::from([imported.id.0]), "delete");
    assert!(s.offers_by_ids(&[imported.id]).await.unwrap().is_empty());
    seen = last;

    // A transaction that fails leaves no change behind.
    let no_italian = offer(lecce.id, "5131", vec![text(Lang::En, TextStatus::Original, "Cook")]);
    let refused = s
        .import_offers(
            &[
                import(offer(lecce.id, "5131", it()), OfferStatus::Published),
                import(no_italian, OfferStatus::Published),
            ],
            &system,
            now,
        )
        .await;
    assert!(matches!(refused, Err(StorageError::Publish(_))), "{refused:?}");
    assert!(changed_since(s, seen).await.0.is_empty(), "rolled back");
    assert_eq!(s.change_log_bounds().await.unwrap().last, seen);
    pool.rolled_back_text_change(draft.id.0).await;
    assert!(changed_since(s, seen).await.0.is_empty(), "rolled back by hand");
}

/// A plain connection to the test database, for changes no storage call makes.
enum Pool {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

async fn sqlx_pool(db: &TestDatabase) -> Pool {
    match &db.url {
        sportello_storage::DatabaseUrl::Sqlite(path) => {
            Pool::Sqlite(sqlx::SqlitePool::connect(&format!("sqlite://{path}")).await.unwrap())
        }
        sportello_storage::DatabaseUrl::Postgres(url) => Pool::Postgres(sqlx::PgPool::connect(url).await.unwrap()),
    }
}

impl Pool {
    async fn execute(&self, sql: &'static str) {
        match self {
            Pool::Sqlite(p) => sqlx::query(sql).execute(p).await.map(drop).unwrap(),
            Pool::Postgres(p) => sqlx::query(sql).execute(p).await.map(drop).unwrap(),
        }
    }

    /// Changes a text in a transaction that is rolled back.
    async fn rolled_back_text_change(&self, offer: i64) {
        let sql = "UPDATE offer_texts SET title = 'Altro' WHERE offer_id = $1 AND lang = 'it'";
        match self {
            Pool::Sqlite(p) => {
                let mut tx = p.begin().await.unwrap();
                let n = sqlx::query(sql).bind(offer).execute(&mut *tx).await.unwrap();
                assert_eq!(n.rows_affected(), 1);
                tx.rollback().await.unwrap();
            }
            Pool::Postgres(p) => {
                let mut tx = p.begin().await.unwrap();
                let n = sqlx::query(sql).bind(offer).execute(&mut *tx).await.unwrap();
                assert_eq!(n.rows_affected(), 1);
                tx.rollback().await.unwrap();
            }
        }
    }
}

async fn offers_pages_and_pruning(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s: &dyn Storage = db.storage.as_ref();
    let now = Utc::now();
    let system = Actor::system();
    let lecce = s.insert_centre(&centre("lecce", "LE")).await.unwrap();
    let it = || vec![text(Lang::It, TextStatus::Original, "Cuoco")];
    let statuses = [
        OfferStatus::Published,
        OfferStatus::Draft,
        OfferStatus::Published,
        OfferStatus::Expired,
        OfferStatus::Published,
        OfferStatus::Withdrawn,
        OfferStatus::Published,
    ];
    let batch: Vec<ImportOffer> = statuses
        .iter()
        .map(|&status| import(offer(lecce.id, "5120", it()), status))
        .collect();
    let references = s.bulk_import_offers(&batch, &system, now).await.unwrap();
    let mut offers = Vec::new();
    for r in &references {
        offers.push(s.offer(r).await.unwrap().unwrap());
    }

    // By ids, in the order asked, whatever the status; unknown ids left out.
    let ask = [offers[3].id, OfferId(999_999), offers[0].id, offers[1].id];
    let got: Vec<OfferId> = s.offers_by_ids(&ask).await.unwrap().iter().map(|o| o.id).collect();
    assert_eq!(got, [offers[3].id, offers[0].id, offers[1].id]);
    let whole = s.offers_by_ids(&[offers[2].id]).await.unwrap().remove(0);
    assert_eq!(whole.data, batch[2].data, "texts and languages come along");

    // Published ones page by id.
    let published: Vec<OfferId> = offers
        .iter()
        .filter(|o| o.status == OfferStatus::Published)
        .map(|o| o.id)
        .collect();
    let mut paged = Vec::new();
    let mut after = OfferId(0);
    loop {
        let page = s.published_offers_after(after, 3).await.unwrap();
        assert!(page.len() <= 3);
        let Some(last) = page.last() else { break };
        after = last.id;
        assert!(
            page.iter()
                .all(|o| o.status == OfferStatus::Published && !o.data.texts.is_empty())
        );
        paged.extend(page.iter().map(|o| o.id));
    }
    assert_eq!(paged, published);

    // Pruning old rows keeps the numbers: the next change comes after them.
    let before = s.change_log_bounds().await.unwrap();
    assert!(before.first.is_some() && before.last >= statuses.len() as i64);
    assert_eq!(s.prune_offer_changes(now - Duration::hours(1)).await.unwrap(), 0);
    let kept = s.offer_changes_after(0, 1000).await.unwrap().len() as u64;
    assert_eq!(
        s.prune_offer_changes(Utc::now() + Duration::minutes(1)).await.unwrap(),
        kept
    );
    let pruned = s.change_log_bounds().await.unwrap();
    assert_eq!(pruned.first, None);
    assert!(pruned.last >= before.last, "{pruned:?} {before:?}");
    s.close_offer(&references[0], OfferStatus::Filled, &system, now)
        .await
        .unwrap();
    let next = s.offer_changes_after(pruned.last, 10).await.unwrap();
    assert!(!next.is_empty() && next.iter().all(|c| c.seq > pruned.last && c.offer == offers[0].id));
    assert_eq!(
        s.offer_changes_after(0, 10).await.unwrap(),
        next,
        "nothing older came back"
    );
    assert_eq!(s.change_log_bounds().await.unwrap().first, Some(next[0].seq));
}

async fn database_identity(backend: Backend) {
    let one = TestDatabase::new(backend).await;
    let two = TestDatabase::new(backend).await;
    let id = one.storage.database_id().await.unwrap();
    assert!(id.len() >= 16, "{id}");
    assert_ne!(id, two.storage.database_id().await.unwrap());
    one.storage.migrate().await.unwrap();
    let reopened = sportello_storage::open(&one.url).await.unwrap();
    assert_eq!(reopened.database_id().await.unwrap(), id);
}

async fn bulk_import(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s: &dyn Storage = db.storage.as_ref();
    let now = Utc::now();
    let system = Actor::system();
    let lecce = s.insert_centre(&centre("lecce", "LE")).await.unwrap();
    let tricase = s.insert_centre(&centre("tricase", "TR")).await.unwrap();
    // Numbers continue after those given one by one.
    s.insert_offer(&offer(lecce.id, "5131", vec![]), &system, now)
        .await
        .unwrap();
    let before = s.change_log_bounds().await.unwrap().last;
    let mut texts = vec![text(Lang::It, TextStatus::Original, "Cameriere")];
    texts.push(text(Lang::En, TextStatus::Reviewed, "Waiter"));
    let batch: Vec<ImportOffer> = (0..2_500)
        .map(|i| {
            let centre = if i % 3 == 0 { tricase.id } else { lecce.id };
            import(offer(centre, "5131", texts.clone()), OfferStatus::Published)
        })
        .collect();
    let references = s.bulk_import_offers(&batch, &system, now).await.unwrap();
    assert_eq!(references.len(), 2_500);
    assert_eq!(references[0].to_string(), "TR-0001");
    assert_eq!(references[1].to_string(), "LE-0002");
    let unique: BTreeSet<String> = references.iter().map(|r| r.to_string()).collect();
    assert_eq!(unique.len(), 2_500);
    let last = s.offer(&references[2_499]).await.unwrap().unwrap();
    assert_eq!(last.data, batch[2_499].data);
    assert_eq!(last.status, OfferStatus::Published);
    // Every offer is in the change log, once.
    let (ids, _) = changed_since(s, before).await;
    assert_eq!(ids.len(), 2_500);
    assert_eq!(s.offer_changes_after(before, 10_000).await.unwrap().len(), 2_500);
    // An offer after the load gets the next number.
    let next = s
        .insert_offer(&offer(lecce.id, "5131", vec![]), &system, now)
        .await
        .unwrap();
    assert_eq!(next.reference.to_string(), format!("LE-{:04}", 2 + 2_500 - 834));
    // A batch with an offer that cannot be published writes nothing.
    let mut bad = batch[..3].to_vec();
    bad[1].data.texts.retain(|t| t.lang != Lang::It);
    assert!(s.bulk_import_offers(&bad, &system, now).await.is_err());
    bad[1].data = offer(lecce.id, "0000", vec![]);
    bad[1].status = OfferStatus::Draft;
    assert!(s.bulk_import_offers(&bad, &system, now).await.is_err());
    assert_eq!(
        s.offer(&RefCode::parse("TR-0835").unwrap())
            .await
            .unwrap()
            .map(|o| o.id),
        None
    );
}

on_both_backends!(
    every_change_is_logged,
    offers_pages_and_pruning,
    database_identity,
    bulk_import,
);
