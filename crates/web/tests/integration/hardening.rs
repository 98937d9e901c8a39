//! How a node stands up to slow and greedy clients, on SQLite and
//! PostgreSQL: a real server on a port-0 listener disconnects a client that
//! trickles its headers, closes idle keep-alive connections, answers 408 to
//! a body that trickles, reads to its end a body it answered without
//! reading (so a proxy still sending it gets the answer) and shuts down
//! gracefully; through the router, the
//! security headers on pages, API answers, 404s and PDFs (HSTS only for an
//! HTTPS public address), 413 beyond a route's body limit, 503 with
//! `Retry-After` beyond the render cap, the in-flight limit and the request
//! timeout, each in the reader's language.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use chrono::Utc;
use sportello_domain::PublicUrl;
use sportello_domain::reports::{AreaConfig, IsoWeek};
use sportello_domain::time::today_in_rome;
use sportello_testkit::{Backend, on_both_backends};
use sportello_web::{AppState, ServerLimits as Limits};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::common::{TestApp, TestResponse};

on_both_backends!(
    a_client_trickling_its_headers_is_disconnected,
    idle_keep_alive_connections_are_closed,
    a_trickling_body_is_answered_408,
    a_body_answered_unread_is_read_to_its_end,
    shutdown_closes_idle_connections_and_returns,
    every_answer_carries_the_security_headers,
    no_hsts_without_https,
    bodies_over_their_routes_limit_are_answered_413,
    renders_beyond_the_cap_are_answered_503,
    requests_beyond_the_in_flight_limit_are_answered_503,
    a_request_over_its_time_is_answered_503,
    ready_only_once_the_search_index_has_caught_up,
);

/// A test app whose node has `limits`.
async fn limited(backend: Backend, limits: Limits) -> TestApp {
    TestApp::with_state(backend, |state| {
        *state = state.clone().with_server_limits(limits);
    })
    .await
}

/// Serves `state` on a port-0 listener, the way `sportello serve` does
/// (without the periodic jobs), until the test ends.
async fn real_server(state: AppState) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(sportello_web::serve_until(listener, state, std::future::pending()));
    address
}

/// Reads what the server sends until it closes the connection, or `None`
/// if it is still open after `patience`.
async fn read_to_close(stream: &mut TcpStream, patience: Duration) -> Option<String> {
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    let until = Instant::now() + patience;
    loop {
        let left = until.checked_duration_since(Instant::now())?;
        match tokio::time::timeout(left, stream.read(&mut buffer)).await {
            Err(_) => return None,
            Ok(Ok(0) | Err(_)) => return Some(String::from_utf8_lossy(&received).into_owned()),
            Ok(Ok(n)) => received.extend_from_slice(&buffer[..n]),
        }
    }
}

async fn a_client_trickling_its_headers_is_disconnected(backend: Backend) {
    // The default limits: the headers must arrive within 10 seconds.
    let app = TestApp::new(backend).await;
    let address = real_server(app.state.clone()).await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    let request = format!("GET /it/ HTTP/1.1\r\nHost: localhost\r\nX-Slow: {}", "a".repeat(100));
    let started = Instant::now();
    let mut closed = None;
    for byte in request.bytes() {
        if stream.write_all(&[byte]).await.is_err() {
            closed = Some(String::new());
            break;
        }
        // One byte a second, watching for the server closing the connection.
        if let Some(received) = read_to_close(&mut stream, Duration::from_secs(1)).await {
            closed = Some(received);
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "still open after 20 s");
    }
    let elapsed = started.elapsed();
    let received = closed.expect("the server closed the connection");
    assert!(elapsed < Duration::from_secs(15), "disconnected after {elapsed:?}");
    assert!(
        elapsed >= Duration::from_secs(8),
        "not before the header timeout: {elapsed:?}"
    );
    assert!(
        received.is_empty() || received.starts_with("HTTP/1.1 408"),
        "at most a 408: {received}"
    );
    // The node still serves everyone else.
    let mut other = TcpStream::connect(address).await.unwrap();
    other
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let answer = read_to_close(&mut other, Duration::from_secs(10)).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

async fn idle_keep_alive_connections_are_closed(backend: Backend) {
    let limits = Limits {
        header_timeout: Duration::from_secs(1),
        ..Limits::default()
    };
    let app = limited(backend, limits).await;
    let address = real_server(app.state.clone()).await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    let received = read_to_close(&mut stream, Duration::from_secs(5))
        .await
        .expect("the idle connection is closed");
    assert!(
        received.starts_with("HTTP/1.1 200") && received.ends_with("ok"),
        "{received}"
    );
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "kept open while idle for the header timeout"
    );
}

async fn a_trickling_body_is_answered_408(backend: Backend) {
    let limits = Limits {
        body_timeout: Duration::from_secs(1),
        ..Limits::default()
    };
    let app = limited(backend, limits).await;
    let address = real_server(app.state.clone()).await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(
            b"POST /api/v1/bookings HTTP/1.1\r\nHost: localhost\r\nAccept-Language: de\r\n\
              Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"service\"",
        )
        .await
        .unwrap();
    let received = read_to_close(&mut stream, Duration::from_secs(10))
        .await
        .expect("answered and closed");
    assert!(received.starts_with("HTTP/1.1 408"), "{received}");
    assert!(received.contains("application/problem+json"), "{received}");
    assert!(
        received.contains("Senden hat zu lange gedauert"),
        "in German: {received}"
    );
}

/// A form sent to the back office without a session is answered with the
/// way to sign in before its body is read: the rest of the body, sent
/// afterwards, is still taken and the connection serves the next request
/// (closed under the sender, nginx would answer 502 instead).
async fn a_body_answered_unread_is_read_to_its_end(backend: Backend) {
    let app = TestApp::new(backend).await;
    let address = real_server(app.state.clone()).await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    let body = vec![b'a'; 200_000];
    let head = format!(
        "POST /it/office/offers/new HTTP/1.1\r\nHost: localhost\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&body[..1000]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    stream.write_all(&body[1000..]).await.unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let received = read_to_close(&mut stream, Duration::from_secs(10))
        .await
        .expect("answered and closed");
    assert!(received.starts_with("HTTP/1.1 303"), "{received}");
    let second = received.find("HTTP/1.1 200").expect("the next request is answered");
    assert!(received[second..].ends_with("ok"), "{received}");
}

async fn shutdown_closes_idle_connections_and_returns(backend: Backend) {
    let app = TestApp::new(backend).await;
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(sportello_web::serve_until(listener, app.state.clone(), async {
        let _ = stopped.await;
    }));
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    let mut buffer = [0u8; 1024];
    let n = stream.read(&mut buffer).await.unwrap();
    assert!(buffer[..n].starts_with(b"HTTP/1.1 200"));
    stop.send(()).unwrap();
    let served = tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("the server stops without waiting for the idle connection");
    served.unwrap().unwrap();
    assert!(read_to_close(&mut stream, Duration::from_secs(1)).await.is_some());
    assert!(TcpStream::connect(address).await.is_err(), "no longer listening");
}

/// The first open offer's poster, in English.
async fn poster_path(app: &TestApp) -> String {
    let reference = app.open_references("").await.remove(0);
    format!("/en/offers/{reference}/poster.pdf")
}

/// Every answer: a CSP that forbids framing, no MIME sniffing, a referrer policy.
fn assert_security_headers(r: &TestResponse, what: &str) {
    let csp = r.header("content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp:?}");
    assert!(csp.contains("default-src 'none'"), "{what}: {csp:?}");
    assert_eq!(r.header("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(r.header("referrer-policy"), "strict-origin-when-cross-origin", "{what}");
}

async fn every_answer_carries_the_security_headers(backend: Backend) {
    let app = TestApp::new(backend).await;
    // The test app's public address is HTTPS.
    let poster = poster_path(&app).await;
    for (path, status, kind) in [
        ("/it/", 200, "text/html"),
        ("/api/v1/centres", 200, "application/json"),
        ("/it/no-such-page", 404, "text/html"),
        ("/api/v1/no-such-thing", 404, "application/problem+json"),
        (poster.as_str(), 200, "application/pdf"),
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status, status, "{path}");
        assert!(
            r.header("content-type").starts_with(kind),
            "{path}: {}",
            r.header("content-type")
        );
        assert_security_headers(&r, path);
        assert_eq!(
            r.header("strict-transport-security"),
            "max-age=31536000; includeSubDomains",
            "{path}"
        );
    }
}

/// `/readyz` waits for the search index; `/healthz` does not.
async fn ready_only_once_the_search_index_has_caught_up(backend: Backend) {
    let app = TestApp::new(backend).await;
    assert_eq!(app.get("/healthz").await.status, 200);
    let behind = app.get("/readyz").await;
    assert_eq!(behind.status, 503, "{}", behind.body);
    let body: serde_json::Value = serde_json::from_str(&behind.body).unwrap();
    assert_eq!(body["search"], "behind");
    assert_eq!(
        (body["database"].as_str(), body["migrations_pending"].as_u64()),
        (Some("ok"), Some(0))
    );
    assert_eq!(behind.header("cache-control"), "no-store");
    app.state.search.catch_up().await.unwrap();
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status, 200, "{}", ready.body);
    assert!(ready.body.contains("\"ready\":true"), "{}", ready.body);
}

async fn no_hsts_without_https(backend: Backend) {
    let app = TestApp::with_state(backend, |state| {
        state.app.public_url = PublicUrl::parse("http://lavoro.example.test").unwrap();
    })
    .await;
    let poster = poster_path(&app).await;
    for path in ["/it/", "/api/v1/centres", "/it/no-such-page", poster.as_str()] {
        let r = app.get(path).await;
        assert!(r.status == 200 || r.status == 404, "{path}: {}", r.status);
        assert_security_headers(&r, path);
        assert!(r.headers.get("strict-transport-security").is_none(), "{path}");
    }
}

async fn bodies_over_their_routes_limit_are_answered_413(backend: Backend) {
    let app = TestApp::new(backend).await;
    let form = |size: usize| format!("email=a%40example.org&padding={}", "a".repeat(size)).into_bytes();
    let urlencoded = ("content-type", "application/x-www-form-urlencoded");

    // A page's form: read up to the limit (no Content-Length, as when chunked)…
    let r = app
        .request("POST", "/it/newsletter", &[urlencoded], form(70 * 1024))
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.body.contains("lang=\"it\""), "a page in the address's language");
    assert_eq!(r.h1(), "Troppi dati inviati");
    assert!(r.text().contains("64 KB"), "{}", r.text());
    assert_security_headers(&r, "413 page");
    // …or refused at once when Content-Length says so.
    let body = form(70 * 1024);
    let length = body.len().to_string();
    let r = app
        .request(
            "POST",
            "/fr/newsletter",
            &[urlencoded, ("content-length", &length)],
            body,
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.h1(), "Trop de données envoyées");
    // Under the limit, the form is read (and refused for its own reasons).
    let r = app.request("POST", "/it/newsletter", &[urlencoded], form(1024)).await;
    assert_ne!(r.status, StatusCode::PAYLOAD_TOO_LARGE);

    // An API call: problem+json in the reader's language, with the limit.
    let json = format!("{{\"name\":\"{}\"}}", "a".repeat(70 * 1024)).into_bytes();
    let r = app
        .request(
            "POST",
            "/api/v1/bookings",
            &[("content-type", "application/json"), ("accept-language", "de")],
            json,
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.header("content-type"), "application/problem+json");
    let problem = r.json();
    assert_eq!(problem["status"], 413);
    assert_eq!(problem["title"], "Zu viele Daten gesendet");
    assert_eq!(problem["limit"], 64 * 1024);

    // An employer's request carries a whole offer: its route takes more.
    let r = app
        .request("POST", "/en/employers/request", &[urlencoded], form(100 * 1024))
        .await;
    assert_ne!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.body);
    let r = app
        .request("POST", "/en/employers/request", &[urlencoded], form(300 * 1024))
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.text().contains("256 KB"), "{}", r.text());
}

async fn renders_beyond_the_cap_are_answered_503(backend: Backend) {
    let limits = Limits {
        max_renders: 1,
        ..Limits::default()
    };
    let app = limited(backend, limits).await;
    let week = IsoWeek::containing(today_in_rome());
    let lecce = AreaConfig::default_for("lecce").unwrap();
    sportello_app::reports::publish_weekly(app.storage(), &lecce, week, Utc::now())
        .await
        .unwrap();
    let poster = poster_path(&app).await;
    let card = poster.replace("poster.pdf", "card.png");
    let report = format!("/en/reports/lecce/{week}");

    // The one slot is taken, as by a render that has not ended.
    let held = app.state.renders.hold().expect("a free slot");
    for path in [
        poster.clone(),
        card,
        format!("{report}/card.png"),
        format!("{report}/report.pdf"),
    ] {
        let r = app.get(&path).await;
        assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{path}");
        assert_eq!(r.header("retry-after"), "10", "{path}");
        assert_eq!(r.h1(), "Service busy for a moment", "{path}");
        assert!(r.text().contains("Too many documents"), "{path}: {}", r.text());
        assert_security_headers(&r, &path);
    }
    // Pages that render nothing are served meanwhile.
    assert_eq!(app.get(&report).await.status, StatusCode::OK);
    drop(held);
    let r = app.get(&poster).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), "application/pdf");

    // A node with no render slots refuses every render.
    let none = limited(
        backend,
        Limits {
            max_renders: 0,
            ..Limits::default()
        },
    )
    .await;
    let r = none.get(&poster).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.header("retry-after"), "10");
}

async fn requests_beyond_the_in_flight_limit_are_answered_503(backend: Backend) {
    let limits = Limits {
        max_in_flight: 0,
        ..Limits::default()
    };
    let app = limited(backend, limits).await;
    let r = app.get("/de/").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.header("retry-after"), "5");
    assert_eq!(r.h1(), "Dienst gerade ausgelastet");
    assert!(r.text().contains("zu viele Anfragen"), "{}", r.text());
    assert_security_headers(&r, "503 page");
    let r = app.get_with("/api/v1/centres", &[("accept-language", "fr")]).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.header("content-type"), "application/problem+json");
    assert_eq!(r.header("retry-after"), "5");
    assert_eq!(r.json()["title"], "Service momentanément occupé");
    // The load balancer's health check is never refused.
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
}

async fn a_request_over_its_time_is_answered_503(backend: Backend) {
    // No time at all: any request that waits (the database, a render) is over.
    let limits = Limits {
        request_timeout: Duration::ZERO,
        ..Limits::default()
    };
    let app = limited(backend, limits).await;
    let r = app.get("/it/offers/LE-0001/poster.pdf").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.header("retry-after"), "30");
    assert_eq!(r.h1(), "Servizio momentaneamente occupato");
    assert!(r.text().contains("troppo tempo"), "{}", r.text());
}
