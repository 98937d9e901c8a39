//! No double booking, ever, over real HTTP: the real server on a loopback
//! port (storage pool of 16 connections on both backends), and requests
//! released together, each on its own TCP connection.
//!
//! - 200 requests for the last free place of a slot: exactly one 201, every
//!   other answer a 409 whose `next_slots` proposes other slots, and the
//!   database holds exactly as many seats as the slot has places.
//! - 100 concurrent replays of one `Idempotency-Key` with the same body:
//!   one booking, and 100 identical answers (status and body).
//! - 12 concurrent requests of one person (one e-mail address), each for
//!   another free place: one booking, 12 identical answers ("sent"), and
//!   the link of that booking in every other mail.
//!
//! That the schema itself refuses a seat beyond capacity (a direct SQL
//! INSERT) is tested in `crates/storage/tests/appointments.rs`
//! (`the_schema_refuses_overbooking`).

use std::net::SocketAddr;
use std::sync::Arc;

use crate::common::TestApp;
use crate::common::appointments::{at, body, guidance, saved, state, working_day};
use chrono::{Duration, Utc};
use serde_json::{Value, json};
use sportello_app::limiter::Limits;
use sportello_domain::limits::Limit;
use sportello_testkit::Backend;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Barrier;

const RACERS: usize = 200;
const REPLAYS: usize = 100;

/// The real server for `app`'s database on 127.0.0.1, port chosen by the system.
async fn serve(app: &TestApp) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    // This test is about seats, not the limiter: its hundreds of requests
    // from one address and for one phone number are let through.
    let mut state = state(app).await;
    let lenient = |limit: Limit| Limit { max: 100_000, ..limit };
    let limits = Limits {
        appointments_per_net: lenient(state.limits.appointments_per_net),
        appointment_mails_per_recipient: lenient(state.limits.appointment_mails_per_recipient),
        ..Limits::clone(&state.limits)
    };
    state.limits = Arc::new(limits);
    let router = sportello_web::router(state);
    tokio::spawn(async move {
        axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
            .await
            .unwrap();
    });
    address
}

/// One HTTP/1.1 answer: status and body.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Answer {
    status: u16,
    body: String,
}

/// Connects, waits for every other client at `barrier`, then sends one
/// request and reads the answer to the end of the connection.
async fn post_together(address: SocketAddr, barrier: Arc<Barrier>, body: Vec<u8>, key: Option<String>) -> Answer {
    let mut stream = TcpStream::connect(address).await.unwrap();
    let mut request = format!(
        "POST /api/v1/bookings HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(key) = key {
        request.push_str(&format!("Idempotency-Key: {key}\r\n"));
    }
    request.push_str("\r\n");
    let mut bytes = request.into_bytes();
    bytes.extend_from_slice(&body);
    barrier.wait().await;
    stream.write_all(&bytes).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    parse_answer(&raw)
}

fn parse_answer(raw: &[u8]) -> Answer {
    let text = String::from_utf8_lossy(raw);
    let (head, rest) = text.split_once("\r\n\r\n").expect("a complete HTTP answer");
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    let chunked = head
        .lines()
        .any(|l| l.to_ascii_lowercase().starts_with("transfer-encoding:") && l.contains("chunked"));
    let body = if chunked { dechunk(rest) } else { rest.to_string() };
    Answer { status, body }
}

fn dechunk(mut rest: &str) -> String {
    let mut body = String::new();
    loop {
        let (size, after) = rest.split_once("\r\n").unwrap();
        let size = usize::from_str_radix(size.trim(), 16).unwrap();
        if size == 0 {
            return body;
        }
        body.push_str(&after[..size]);
        rest = &after[size + 2..];
    }
}

async fn last_place_goes_to_exactly_one_of_200(backend: Backend) {
    let app = TestApp::new(backend).await;
    let service = guidance(&app, "lecce").await;
    assert_eq!(service.data.capacity, 2);
    let address = serve(&app).await;
    let day = working_day();
    let start = at(day, "09:00");
    let first = crate::common::appointments::post(
        &app,
        "/api/v1/bookings",
        &[],
        body(&service, &start, json!({ "phone": "" })),
    )
    .await;
    assert_eq!(first.status, 202, "the first of two places: {}", first.body);
    let (bookings, seats, _) = saved(&app, &service).await;

    let barrier = Arc::new(Barrier::new(RACERS));
    let racers: Vec<_> = (0..RACERS)
        .map(|i| {
            let email = format!("person{i}@example.org");
            let request = body(
                &service,
                &start,
                json!({ "name": format!("Person {i}"), "email": email, "phone": "" }),
            );
            tokio::spawn(post_together(address, barrier.clone(), request, None))
        })
        .collect();
    let mut answers = Vec::new();
    for racer in racers {
        answers.push(racer.await.unwrap());
    }
    let booked: Vec<&Answer> = answers.iter().filter(|a| a.status == 202).collect();
    let full: Vec<&Answer> = answers.iter().filter(|a| a.status == 409).collect();
    assert_eq!(booked.len(), 1, "exactly one success for the last place");
    assert_eq!(
        full.len(),
        RACERS - 1,
        "every other answer is a 409: {:?}",
        answers.iter().find(|a| a.status != 202 && a.status != 409)
    );
    for refused in &full {
        let problem: Value = serde_json::from_str(&refused.body).unwrap();
        assert_eq!(problem["reason"], "full");
        let next = problem["next_slots"].as_array().unwrap();
        assert!(!next.is_empty(), "a 409 offers the next free slots");
        assert!(next.iter().all(|s| s["start"] != start.as_str()));
    }

    assert_eq!(saved(&app, &service).await.0, bookings + 1);
    assert_eq!(saved(&app, &service).await.1, seats + 1);
    let slot = chrono::DateTime::parse_from_rfc3339(&start)
        .unwrap()
        .with_timezone(&Utc);
    let taken = app
        .storage()
        .taken_seats(service.id, None, slot, slot + Duration::seconds(1))
        .await
        .unwrap();
    assert_eq!(taken.get(&slot), Some(&2), "the slot holds exactly its two places");
}

async fn replays_of_one_key_make_one_booking(backend: Backend) {
    let app = TestApp::new(backend).await;
    let service = guidance(&app, "lecce").await;
    let address = serve(&app).await;
    let request = body(&service, &at(working_day(), "10:00"), json!({}));
    let (bookings, seats, mails) = saved(&app, &service).await;

    let barrier = Arc::new(Barrier::new(REPLAYS));
    let replays: Vec<_> = (0..REPLAYS)
        .map(|_| {
            let key = Some("race-key-0b1e7c".to_string());
            tokio::spawn(post_together(address, barrier.clone(), request.clone(), key))
        })
        .collect();
    let mut answers = Vec::new();
    for replay in replays {
        answers.push(replay.await.unwrap());
    }
    assert_eq!(answers[0].status, 202, "{}", answers[0].body);
    assert!(answers.iter().all(|a| *a == answers[0]), "100 identical answers");
    assert_eq!(
        saved(&app, &service).await,
        (bookings + 1, seats + 1, mails + 1),
        "one booking"
    );
}

async fn one_person_racing_for_many_places_books_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    let service = guidance(&app, "lecce").await;
    let address = serve(&app).await;
    let day = working_day();
    // Six times of two places each: twelve places for twelve requests.
    let starts: Vec<String> = ["08:30", "09:00", "09:30", "10:00", "10:30", "11:00"]
        .iter()
        .map(|t| at(day, t))
        .collect();
    let (bookings, seats, mails) = saved(&app, &service).await;
    let barrier = Arc::new(Barrier::new(12));
    let racers: Vec<_> = (0..12)
        .map(|i| {
            let request = body(&service, &starts[i % 6], json!({ "phone": "" }));
            tokio::spawn(post_together(address, barrier.clone(), request, None))
        })
        .collect();
    let mut answers = Vec::new();
    for racer in racers {
        answers.push(racer.await.unwrap());
    }
    assert_eq!(answers[0].status, 202, "{}", answers[0].body);
    assert!(answers.iter().all(|a| *a == answers[0]), "12 identical answers");
    assert_eq!(
        saved(&app, &service).await,
        (bookings + 1, seats + 1, mails + 12),
        "one booking; its confirmation, and its link again in 11 mails"
    );
    let mut kinds: Vec<String> = app
        .storage()
        .recent_mail(100)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.mail.kind)
        .collect();
    kinds.sort();
    kinds.dedup_by(|a, b| a == b);
    assert_eq!(kinds, ["booking.confirmation", "booking.existing"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_one_person_racing_for_many_places_books_once() {
    one_person_racing_for_many_places_books_once(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_one_person_racing_for_many_places_books_once() {
    one_person_racing_for_many_places_books_once(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_last_place_goes_to_exactly_one_of_200() {
    last_place_goes_to_exactly_one_of_200(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_last_place_goes_to_exactly_one_of_200() {
    last_place_goes_to_exactly_one_of_200(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_replays_of_one_key_make_one_booking() {
    replays_of_one_key_make_one_booking(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_replays_of_one_key_make_one_booking() {
    replays_of_one_key_make_one_booking(Backend::Postgres).await;
}
