//! Backup and restore, on SQLite and PostgreSQL: a backup of a serving demo
//! taken while bookings are being made holds every booking acknowledged
//! before it began and none acknowledged after it ended; restored into a
//! fresh database, every row equals the source's row with the same key; a
//! node started on it rebuilds its search index; a restore into a database
//! that holds data is refused without `--force`.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use sportello_domain::time::today_in_rome;
use sportello_domain::{
    Actor, BookingRef, BookingRequest, Email, Lang, Modality, Needs, Person, ServiceKind, vocab::SpokenLanguage,
    vocab::Vocabulary,
};
use sportello_storage::{DatabaseUrl, NewBooking, Storage};
use sportello_testkit::{Backend, TestDatabase, on_both_backends, raw};

use crate::common::node::Node;
use crate::common::{db_arg, sportello};

on_both_backends!(
    #[multi_thread]
    a_backup_while_serving_restores_what_was_acknowledged
);

/// The tables compared row by row, with their key and columns.
const TABLES: [(&str, &str, &[&str]); 4] = [
    (
        "bookings",
        "id",
        &[
            "reference",
            "centre_id",
            "service_id",
            "modality",
            "starts_at",
            "ends_at",
            "status",
            "name",
            "email",
            "lang",
            "needs_sealed",
            "sequence",
            "created_at",
            "updated_at",
        ],
    ),
    (
        "offers",
        "id",
        &[
            "reference",
            "status",
            "centre_id",
            "section",
            "occupation",
            "openings",
            "valid_through",
        ],
    ),
    (
        "users",
        "id",
        &["email", "name", "totp_secret", "password_hash", "updated_at"],
    ),
    ("centres", "id", &["slug", "prefix", "name", "town", "address"]),
];

/// `key|col|col…` of every row of `table`, in key order.
async fn rows(url: &DatabaseUrl, table: &str, key: &str, columns: &[&str]) -> Vec<String> {
    let cells: Vec<String> = std::iter::once(key)
        .chain(columns.iter().copied())
        .map(|c| format!("COALESCE(CAST({c} AS TEXT), '∅')"))
        .collect();
    let sql = format!("SELECT {} FROM {table} ORDER BY {key}", cells.join(" || '|' || "));
    raw::texts(url, &sql, &[]).await
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sportello-backup-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A unique reference for the `n`th booking of this test.
fn reference(n: u32) -> BookingRef {
    let b = n.to_be_bytes();
    BookingRef::from_random([b[0], b[1], b[2] / 31, b[2] % 31, b[3] / 31, b[3] % 31, 3, 5])
}

/// Books one seat after another (each its own start) until `stop`;
/// every booking acknowledged, with when.
async fn keep_booking(storage: Arc<dyn Storage>, stop: Arc<Mutex<bool>>) -> Vec<(BookingRef, Instant)> {
    let centre = storage.centre_by_slug("lecce").await.unwrap().unwrap();
    let service = storage
        .services(centre.id)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.data.kind == ServiceKind::BasicGuidance)
        .expect("the demo's guidance service");
    let first = Utc.with_ymd_and_hms(2030, 1, 7, 8, 0, 0).unwrap();
    let mut acknowledged = Vec::new();
    let mut n = 0u32;
    while !*stop.lock().unwrap() {
        let start = first + chrono::Duration::minutes(i64::from(n) * 30);
        let booking = NewBooking {
            request: BookingRequest {
                service: service.id,
                modality: Modality::InOffice,
                start,
                person: Person {
                    name: format!("Persona {n}"),
                    email: Some(Email::parse(&format!("p{n}@example.org")).unwrap()),
                    phone: None,
                    codice_fiscale: None,
                    lang: Lang::It,
                    sms: false,
                },
                needs: Needs {
                    interpreter: SpokenLanguage::parse("ar"),
                    wheelchair: n.is_multiple_of(2),
                    ..Needs::default()
                },
            },
            reference: reference(n),
            end: start + chrono::Duration::minutes(30),
            point: None,
            video_url: None,
            one_per_person: false,
        };
        storage
            .book(
                &booking,
                None,
                &sportello_domain::Notification::NONE,
                &Actor::system(),
                Utc::now(),
            )
            .await
            .expect("booked");
        acknowledged.push((booking.reference, Instant::now()));
        n += 1;
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    acknowledged
}

fn open_offers(node: &Node) -> u64 {
    let (status, body) = node.get("/api/v1/offers?per_page=1");
    assert_eq!(status, 200, "{body}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    json["total"].as_u64().expect("a total")
}

async fn a_backup_while_serving_restores_what_was_acknowledged(backend: Backend) {
    let source = TestDatabase::new(backend).await;
    sportello_demo::load(source.storage.as_ref(), 60, sportello_demo::DEMO_SEED, today_in_rome())
        .await
        .unwrap();
    let url = db_arg(&source);
    let dir = scratch(&format!("{backend:?}"));
    let serving = Node::start(&url, &dir.join("index-source"), &[]);

    // Bookings go on while the backup runs.
    let stop = Arc::new(Mutex::new(false));
    let booking = tokio::spawn(keep_booking(source.storage.clone(), stop.clone()));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let out = dir.join("backup.file");
    let began = Instant::now();
    let out_arg = out.display().to_string();
    let (db_url, backup_out) = (url.clone(), out_arg.clone());
    let run = tokio::task::spawn_blocking(move || sportello(&["backup", "--db", &db_url, "--out", &backup_out], None))
        .await
        .unwrap();
    let ended = Instant::now();
    assert!(run.ok, "{}", run.text());
    assert!(run.stdout.contains("data key file is not in it"), "{}", run.text());
    tokio::time::sleep(Duration::from_millis(300)).await;
    *stop.lock().unwrap() = true;
    let acknowledged = booking.await.unwrap();
    let before: Vec<_> = acknowledged.iter().filter(|(_, at)| *at < began).collect();
    let after: Vec<_> = acknowledged.iter().filter(|(_, at)| *at > ended).collect();
    assert!(
        !before.is_empty() && !after.is_empty(),
        "bookings on both sides of the backup"
    );
    eprintln!(
        "{backend:?}: {} bookings acknowledged before the backup began, {} during it, {} after it ended",
        before.len(),
        acknowledged.len() - before.len() - after.len(),
        after.len()
    );
    let again = sportello(&["backup", "--db", &url, "--out", &out_arg], None);
    assert_eq!(
        again.code,
        Some(2),
        "an existing file is never replaced: {}",
        again.text()
    );

    // Into a fresh database.
    let fresh = TestDatabase::new(backend).await;
    let target = match backend {
        Backend::Sqlite => DatabaseUrl::Sqlite(dir.join("restored.sqlite").display().to_string()),
        Backend::Postgres => fresh.url.clone(),
    };
    let target_arg = match &target {
        DatabaseUrl::Sqlite(path) => format!("sqlite://{path}"),
        DatabaseUrl::Postgres(url) => url.clone(),
    };
    let run = sportello(&["restore", "--db", &target_arg, &out_arg], None);
    assert!(run.ok, "{}", run.text());
    let restored = sportello_storage::open_with_keys(&target, Some(sportello_testkit::data_keys()))
        .await
        .unwrap();
    for (reference, _) in &before {
        assert!(
            restored.booking(reference).await.unwrap().is_some(),
            "{reference} was acknowledged before"
        );
    }
    for (reference, _) in &after {
        assert!(
            restored.booking(reference).await.unwrap().is_none(),
            "{reference} came after"
        );
    }
    for (table, key, columns) in TABLES {
        let copied = rows(&target, table, key, columns).await;
        let original = rows(&source.url, table, key, columns).await;
        assert!(!copied.is_empty(), "{table} restored");
        for row in &copied {
            assert!(original.contains(row), "{table}: {row} differs from the source");
        }
    }
    // A refusal, then the same with --force.
    let refused = sportello(&["restore", "--db", &target_arg, &out_arg], None);
    assert_eq!(refused.code, Some(2), "{}", refused.text());
    assert!(refused.stderr.contains("--force"), "{}", refused.text());
    let forced = sportello(&["restore", "--db", &target_arg, "--force", &out_arg], None);
    assert!(forced.ok, "{}", forced.text());

    // A node on the restored database builds its index from it.
    let node = Node::start(&target_arg, &dir.join("index-restored"), &[]);
    let want = open_offers(&serving);
    let started = Instant::now();
    while open_offers(&node) != want {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the restored node's index never caught up"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    drop((node, serving));
    let _ = std::fs::remove_dir_all(&dir);
}
