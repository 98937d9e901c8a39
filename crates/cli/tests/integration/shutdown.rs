//! Readiness and shutdown of a real `serve` process, on SQLite and
//! PostgreSQL: `/readyz` says ready once the database is migrated and the
//! search index has caught up; on SIGTERM the mail the outbox worker holds
//! (its mail server stalled) is given back at once for another node, new
//! connections are refused, a request in flight still gets its whole
//! answer, and the process ends by itself.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use chrono::Utc;
use sportello_domain::{Email, Lang, OutgoingMail};
use sportello_testkit::{Backend, on_both_backends, raw};

use crate::common::node::Node;
use crate::common::{database_with_centres, db_arg, stalled_mail_server};

on_both_backends!(
    #[multi_thread]
    sigterm_gives_back_the_mail_and_finishes_what_is_in_flight
);

async fn sigterm_gives_back_the_mail_and_finishes_what_is_in_flight(backend: Backend) {
    let db = database_with_centres(backend).await;
    for n in 0..3 {
        let mail = OutgoingMail::new(
            Email::parse(&format!("p{n}@example.org")).unwrap(),
            Lang::It,
            "booking.confirmation",
            "Prenotazione",
            "Testo",
        );
        db.storage.enqueue_mail(&mail, Utc::now()).await.unwrap();
    }
    let (smtp, _held) = stalled_mail_server();
    let dir = std::env::temp_dir().join(format!("sportello-shutdown-{backend:?}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut node = Node::start(
        &db_arg(&db),
        &dir.join("index"),
        &["--smtp-url".to_string(), format!("smtp://127.0.0.1:{smtp}")],
    );

    // Ready once the index has caught up (at once: no offers).
    let started = Instant::now();
    loop {
        let (status, body) = node.get("/readyz");
        if status == 200 {
            assert!(
                body.contains("\"migrations_pending\":0") && body.contains("caught up"),
                "{body}"
            );
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "never ready: {body}");
        std::thread::sleep(Duration::from_millis(100));
    }

    // The worker holds the three messages, stuck on the first.
    let claimed = "SELECT CAST(COUNT(*) AS TEXT) FROM outbox WHERE claimed_until IS NOT NULL";
    let started = Instant::now();
    while raw::number(&db.url, claimed, &[]).await < 3 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the worker never claimed the mail"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // A request in flight: its headers and half its body sent.
    let body = "email=amina%40example.org&lang=it&csrf=x";
    let mut in_flight = TcpStream::connect(("127.0.0.1", node.port)).unwrap();
    write!(
        in_flight,
        "POST /it/newsletter HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{}",
        body.len(),
        &body[..10]
    )
    .unwrap();
    in_flight.flush().unwrap();
    std::thread::sleep(Duration::from_millis(200));

    node.terminate();
    let signalled = Instant::now();
    while raw::number(&db.url, claimed, &[]).await > 0 {
        assert!(
            signalled.elapsed() < Duration::from_secs(3),
            "the leases were not given back at once"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let released_after = signalled.elapsed();
    let attempts = "SELECT CAST(COALESCE(SUM(attempts), 0) AS TEXT) FROM outbox WHERE status = 'pending'";
    assert_eq!(
        raw::number(&db.url, attempts, &[]).await,
        0,
        "a given-back claim is not an attempt"
    );
    // New connections are refused (the listener is closed)…
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        TcpStream::connect(("127.0.0.1", node.port)).is_err(),
        "no new connection after SIGTERM"
    );
    // …while the request in flight gets its whole answer.
    in_flight.write_all(&body.as_bytes()[10..]).unwrap();
    let mut answer = String::new();
    in_flight.read_to_string(&mut answer).unwrap();
    let status: u16 = answer.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    assert!(
        (200..500).contains(&status) && answer.contains("</html>"),
        "a whole answer, not a reset: {answer}"
    );
    let exit = node
        .wait_exit(Duration::from_secs(20))
        .expect("the node ends by itself");
    assert!(exit.success(), "{exit:?}");
    eprintln!(
        "{backend:?}: leases given back {released_after:?} after SIGTERM; the request in flight answered {status}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
