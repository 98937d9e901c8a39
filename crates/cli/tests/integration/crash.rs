//! Crash safety, measured: a real `serve` process takes bookings from many
//! clients while another node changes offers, and is killed with SIGKILL at
//! random moments (seeded: the seed is printed; set `SPORTELLO_CRASH_SEED`
//! to repeat a run) — 20 times on SQLite, 10 on PostgreSQL — and restarted
//! on the same database and index. After every restart: each booking that
//! was acknowledged (202: its link was sent by mail) is in the database with its seat and its confirmation in the
//! outbox; no seat is beyond its slot's capacity; SQLite's integrity check
//! says `ok`; and the node's search index catches up with the offers.
//! What it shows: an answer is sent only after its transaction committed.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::Utc;
use sportello_domain::time::today_in_rome;
use sportello_domain::{Actor, BookingRef, OfferStatus, ServiceKind};
use sportello_storage::DatabaseUrl;
use sportello_testkit::{Backend, TestDatabase, on_both_backends, raw};

use crate::common::node::Node;
use crate::common::{all_offers, db_arg};

on_both_backends!(
    #[multi_thread]
    bookings_survive_being_killed
);

/// Client threads booking at once.
const CLIENTS: usize = 6;

/// A small deterministic generator (xorshift64*), for the kill moments.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low)
    }
}

fn seed() -> u64 {
    std::env::var("SPORTELLO_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| u64::try_from(Utc::now().timestamp_micros()).unwrap_or(1) | 1)
}

/// The free starts of `service` over the next month, one entry per place.
fn free_places(node: &Node, service: i64) -> Vec<String> {
    let (status, body) = node.get(&format!("/api/v1/services/{service}/slots?days=31"));
    assert_eq!(status, 200, "{body}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    let mut places = Vec::new();
    for day in json["days"].as_array().unwrap() {
        for slot in day["slots"].as_array().unwrap() {
            for _ in 0..slot["places"].as_u64().unwrap() {
                places.push(slot["start"].as_str().unwrap().to_string());
            }
        }
    }
    places
}

/// Books the places in `places` from several clients (each request from
/// its own address and for its own person) until the node stops answering;
/// the e-mail addresses of those acknowledged ("sent": its link by mail).
fn book_until_killed(node: &Node, service: i64, places: &[String], cycle: usize) -> Vec<String> {
    let next = AtomicUsize::new(0);
    let acknowledged = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for client in 0..CLIENTS {
            let (next, acknowledged) = (&next, &acknowledged);
            scope.spawn(move || {
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let Some(start) = places.get(n) else { return };
                    let body = serde_json::json!({
                        "service": service, "modality": "in_office", "start": start, "lang": "it",
                        "name": format!("Persona {cycle}-{n}"),
                        "email": format!("crash-{cycle}-{n}@example.org"),
                    });
                    let address = format!("10.{}.{}.{}", cycle % 250, client, n % 250);
                    let (status, answer) = node.send(
                        "POST",
                        "/api/v1/bookings",
                        &[("Content-Type", "application/json"), ("X-Forwarded-For", &address)],
                        body.to_string().as_bytes(),
                    );
                    match status {
                        202 => {
                            let json: serde_json::Value = serde_json::from_str(&answer).unwrap();
                            assert_eq!(json["status"], "sent", "{answer}");
                            acknowledged
                                .lock()
                                .unwrap()
                                .push(body["email"].as_str().unwrap().to_string());
                        }
                        0 => return,    // killed
                        409 | 422 => {} // taken meanwhile
                        other => panic!("booking answered {other}: {answer}"),
                    }
                }
            });
        }
    });
    acknowledged.into_inner().unwrap()
}

/// Every acknowledged booking is stored with its seat and its confirmation.
async fn check_acknowledged(db: &TestDatabase, emails: &[String]) {
    for email in emails {
        let references = raw::texts(&db.url, "SELECT reference FROM bookings WHERE email = $1", &[email]).await;
        assert_eq!(references.len(), 1, "{email} got its 202: one booking is stored");
        let reference = &references[0];
        let booking = db
            .storage
            .booking(&BookingRef::parse(reference).unwrap())
            .await
            .unwrap()
            .unwrap();
        let id = booking.id.0.to_string();
        let seats = "SELECT CAST(COUNT(*) AS TEXT) FROM seats WHERE CAST(booking_id AS TEXT) = $1";
        assert_eq!(raw::number(&db.url, seats, &[&id]).await, 1, "{reference} has its seat");
        let email = booking.person.email.as_ref().unwrap().as_str().to_string();
        let mails = "SELECT CAST(COUNT(*) AS TEXT) FROM outbox WHERE to_address = $1 AND kind = 'booking.confirmation'";
        assert_eq!(
            raw::number(&db.url, mails, &[&email]).await,
            1,
            "{reference} has its confirmation"
        );
    }
}

fn open_offers(node: &Node) -> u64 {
    let (status, body) = node.get("/api/v1/offers?per_page=1");
    assert_eq!(status, 200, "{body}");
    serde_json::from_str::<serde_json::Value>(&body).unwrap()["total"]
        .as_u64()
        .unwrap()
}

async fn bookings_survive_being_killed(backend: Backend) {
    let kills = match backend {
        Backend::Sqlite => 20,
        Backend::Postgres => 10,
    };
    let seed = seed();
    eprintln!("{backend:?}: crash test seed {seed} (SPORTELLO_CRASH_SEED={seed} repeats it)");
    let mut rng = Rng(seed);
    let db = TestDatabase::new(backend).await;
    sportello_demo::load(db.storage.as_ref(), 60, sportello_demo::DEMO_SEED, today_in_rome())
        .await
        .unwrap();
    // Each cycle books a guidance service of another centre, so that
    // places never run out.
    let mut services = Vec::new();
    for centre in db.storage.centres().await.unwrap() {
        let found = db.storage.services(centre.id).await.unwrap();
        services.extend(
            found
                .into_iter()
                .filter(|s| s.data.kind == ServiceKind::BasicGuidance)
                .map(|s| s.id.0),
        );
    }
    assert!(services.len() >= 10, "a guidance service in most centres");
    let url = db_arg(&db);
    let dir = std::env::temp_dir().join(format!("sportello-crash-{backend:?}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let index = dir.join("index");
    let flags = ["--behind-proxy".to_string()];
    let mut node = Node::start(&url, &index, &flags);
    let today = today_in_rome();
    let mut published: Vec<_> = all_offers(db.storage.as_ref())
        .await
        .into_iter()
        .filter(|o| o.status == OfferStatus::Published && o.data.valid_through >= today)
        .map(|o| o.reference)
        .collect();
    node.wait_ready(Duration::from_secs(30));
    assert_eq!(open_offers(&node), published.len() as u64, "the index starts right");
    let (mut acknowledged, mut killed_at) = (0usize, Vec::new());
    let started = Instant::now();
    for cycle in 0..kills {
        let service = services[cycle % services.len()];
        let places = free_places(&node, service);
        assert!(places.len() > 50, "free places left for the next cycle");
        let delay = Duration::from_millis(rng.between(50, 600));
        let acked = std::thread::scope(|scope| {
            let booking = scope.spawn(|| book_until_killed(&node, service, &places, cycle));
            std::thread::sleep(delay);
            // While the clients are booking.
            let pid = node.pid().to_string();
            std::process::Command::new("kill")
                .args(["-KILL", &pid])
                .status()
                .unwrap();
            booking.join().unwrap()
        });
        node.kill();
        killed_at.push(delay.as_millis());
        // Another node changes offers while this one is down.
        if let Some(reference) = published.pop() {
            db.storage
                .close_offer(&reference, OfferStatus::Withdrawn, &Actor::system(), Utc::now())
                .await
                .unwrap();
        }
        check_acknowledged(&db, &acked).await;
        acknowledged += acked.len();
        node = Node::start(&url, &index, &flags);
    }
    // No seat beyond its slot's capacity; the file is sound.
    let beyond = "SELECT CAST(COUNT(*) AS TEXT) FROM seats s JOIN slots l ON l.id = s.slot_id \
                  WHERE s.seat_no > l.capacity OR s.seat_no < 1";
    assert_eq!(raw::texts(&db.url, beyond, &[]).await, ["0"]);
    if let DatabaseUrl::Sqlite(_) = db.url {
        assert_eq!(raw::texts(&db.url, "PRAGMA integrity_check", &[]).await, ["ok"]);
    }
    // The restarted node's index catches up with every change.
    let want = published.len() as u64;
    let caught_up = Instant::now();
    while open_offers(&node) != want {
        assert!(
            caught_up.elapsed() < Duration::from_secs(30),
            "the index never caught up"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    eprintln!(
        "{backend:?}: {kills} kills at {killed_at:?} ms into a cycle; {acknowledged} bookings acknowledged, \
         all stored with seat and confirmation; {:.1} s",
        started.elapsed().as_secs_f64()
    );
    drop(node);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Two nodes on one PostgreSQL: one, whose mail server hangs, holds the
/// outbox's messages when it is killed; the other keeps serving and, once
/// the claims run out (`--mail-lease`), sends them itself.
#[tokio::test(flavor = "multi_thread")]
async fn the_other_node_serves_on_and_takes_over_the_mail() {
    let db = crate::common::database_with_centres(Backend::Postgres).await;
    for n in 0..4 {
        let mail = sportello_domain::OutgoingMail::new(
            sportello_domain::Email::parse(&format!("p{n}@example.org")).unwrap(),
            sportello_domain::Lang::It,
            "booking.confirmation",
            "Prenotazione",
            "Testo",
        );
        db.storage.enqueue_mail(&mail, Utc::now()).await.unwrap();
    }
    let (stalled, _held) = crate::common::stalled_mail_server();
    let dir = std::env::temp_dir().join(format!("sportello-takeover-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let url = db_arg(&db);
    let lease = |smtp: &str| vec!["--mail-lease".into(), "10".into(), "--smtp-url".into(), smtp.into()];
    let mut a = Node::start(
        &url,
        &dir.join("index-a"),
        &lease(&format!("smtp://127.0.0.1:{stalled}")),
    );
    let claimed = "SELECT CAST(COUNT(*) AS TEXT) FROM outbox WHERE claimed_until IS NOT NULL";
    let started = Instant::now();
    while raw::texts(&db.url, claimed, &[]).await != ["4"] {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "node A never claimed the mail"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // B records what it sends (the demo's transport), so it cannot hang.
    let b = Node::start(&url, &dir.join("index-b"), &lease("record"));
    a.kill();
    let killed = Instant::now();
    let done = "SELECT CAST(COUNT(*) AS TEXT) FROM outbox WHERE status = 'recorded'";
    while raw::texts(&db.url, done, &[]).await != ["4"] {
        assert_eq!(b.get("/healthz").0, 200, "node B keeps serving");
        assert!(
            killed.elapsed() < Duration::from_secs(30),
            "node B never took over A's mail"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    eprintln!(
        "node B sent node A's 4 messages {:.1} s after A was killed (lease 10 s)",
        killed.elapsed().as_secs_f64()
    );
    drop(b);
    let _ = std::fs::remove_dir_all(&dir);
}
