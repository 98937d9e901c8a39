//! `sportello gen offers` through the real binary, on SQLite and on
//! PostgreSQL: exactly N offers are written (with the demo centres when the
//! database has none), the same seed gives the same offers, another seed
//! others, nothing is drawn on a standard error that is not a terminal, and
//! bad input ends with exit status 2 before anything is written.

use crate::common::{all_offers, db_arg, sportello};
use sportello_domain::Lang;
use sportello_testkit::on_both_backends;
use sportello_testkit::{Backend, TestDatabase};

/// References and Italian titles of every offer, in reference order.
async fn references_and_titles(db: &TestDatabase) -> Vec<(String, String)> {
    let mut offers: Vec<(String, String)> = all_offers(db.storage.as_ref())
        .await
        .into_iter()
        .map(|o| {
            let title = o.data.text(Lang::It).map(|t| t.title.clone()).unwrap_or_default();
            (o.reference.to_string(), title)
        })
        .collect();
    offers.sort();
    offers
}

async fn generates(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let run = sportello(
        &[
            "gen",
            "offers",
            "--count",
            "250",
            "--seed",
            "7",
            "--batch",
            "100",
            "--db",
            &db_arg(&db),
        ],
        None,
    );
    assert!(run.ok, "{}", run.text());
    assert!(run.stdout.contains("Wrote 250 offers"), "{}", run.text());
    assert!(
        !run.stderr.contains("generating"),
        "no progress bar off a terminal: {}",
        run.stderr
    );
    assert_eq!(
        db.storage.count_centres().await.unwrap(),
        12,
        "the demo centres came first"
    );
    let first = references_and_titles(&db).await;
    assert_eq!(first.len(), 250);
    assert!(first.iter().all(|(_, title)| !title.is_empty()), "Italian text always");

    // The same seed again, on another database: the same offers.
    let same = TestDatabase::new(backend).await;
    let run = sportello(
        &["gen", "offers", "--count", "250", "--seed", "7", "--db", &db_arg(&same)],
        None,
    );
    assert!(run.ok, "{}", run.text());
    assert_eq!(references_and_titles(&same).await, first);

    // Another seed, more offers on the first database: numbers go on.
    let run = sportello(
        &["gen", "offers", "--count", "50", "--seed", "8", "--db", &db_arg(&db)],
        None,
    );
    assert!(run.ok, "{}", run.text());
    let after = references_and_titles(&db).await;
    assert_eq!(after.len(), 300);
    let added: Vec<&(String, String)> = after.iter().filter(|o| !first.contains(o)).collect();
    assert_eq!(added.len(), 50, "new references, none reused");
    let other = TestDatabase::new(backend).await;
    let run = sportello(
        &[
            "gen",
            "offers",
            "--count",
            "250",
            "--seed",
            "8",
            "--db",
            &db_arg(&other),
        ],
        None,
    );
    assert!(run.ok, "{}", run.text());
    assert_ne!(references_and_titles(&other).await, first, "another seed, other offers");
}

on_both_backends!(generates,);

#[tokio::test]
async fn refuses_bad_input() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let url = db_arg(&db);
    for (args, expected) in [
        (vec!["--count", "0", "--db", &url], "--count must be at least 1"),
        (vec!["--count", "ten", "--db", &url], "--count"),
        (vec!["--count", "-5", "--db", &url], "--count"),
        (vec!["--count", "10", "--batch", "0", "--db", &url], "--batch"),
        (vec!["--count", "10", "--db", "mysql://host/db"], "mysql://host/db"),
        (
            vec!["--count", "10", "--db", "postgres://nobody@127.0.0.1:9/none"],
            "cannot open the database",
        ),
        (vec!["--count", "10"], "no database given"),
    ] {
        let mut all = vec!["gen", "offers"];
        all.extend(args.iter().copied());
        let run = sportello(&all, None);
        assert_eq!(run.code, Some(2), "{all:?}: {}", run.text());
        assert!(run.stderr.contains(expected), "{all:?}: {}", run.stderr);
    }
    assert_eq!(db.storage.count_centres().await.unwrap(), 0, "nothing written");
}
