//! The metrics of a real `serve` process (`--metrics-addr`), read with the
//! Prometheus client's own parser (`scripts/parse-metrics.py`): after 3
//! bookings, 1 refused booking, 2 failed sign-ins and an offer's card, the
//! named series hold exactly those numbers and every histogram's buckets
//! are monotone. And the id sent back in `X-Request-Id` is the one on the
//! audit row of the request.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};

use sportello_domain::ServiceKind;
use sportello_domain::time::today_in_rome;
use sportello_testkit::{Backend, TestDatabase, on_both_backends, raw};

use crate::common::node::{Node, free_port};
use crate::common::{all_offers, db_arg};
use crate::logs::{form, post_form, request, request_to};

on_both_backends!(
    #[multi_thread]
    the_metrics_count_bookings_refusals_and_failed_sign_ins
);

/// One sample of the exposition.
#[derive(Debug)]
struct Sample {
    name: String,
    labels: serde_json::Map<String, serde_json::Value>,
    value: f64,
}

/// The samples of `text`, parsed (and its histograms checked) by
/// `scripts/parse-metrics.py`.
fn parse(text: &str) -> Vec<Sample> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/parse-metrics.py");
    let mut child = Command::new("python3")
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "parse-metrics.py (needs prometheus-client): {}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            Sample {
                name: v["name"].as_str().unwrap().to_string(),
                labels: v["labels"].as_object().unwrap().clone(),
                value: v["value"].as_f64().unwrap(),
            }
        })
        .collect()
}

/// The value of the sample `name` with exactly `labels`, if there is one.
fn value(samples: &[Sample], name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    samples
        .iter()
        .find(|s| {
            s.name == name
                && s.labels.len() == labels.len()
                && labels
                    .iter()
                    .all(|(k, v)| s.labels.get(*k).and_then(|x| x.as_str()) == Some(*v))
        })
        .map(|s| s.value)
}

/// The sum of every sample named `name`.
fn total(samples: &[Sample], name: &str) -> f64 {
    samples.iter().filter(|s| s.name == name).map(|s| s.value).sum()
}

/// The status of a GET whose body may be binary.
fn status_of(port: u16, path: &str) -> u16 {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).unwrap();
    String::from_utf8_lossy(&answer[..answer.len().min(16)])
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

async fn the_metrics_count_bookings_refusals_and_failed_sign_ins(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    sportello_demo::load(db.storage.as_ref(), 5, sportello_demo::DEMO_SEED, today_in_rome())
        .await
        .unwrap();
    let lecce = db.storage.centre_by_slug("lecce").await.unwrap().unwrap();
    let services = db.storage.services(lecce.id).await.unwrap();
    let service = services
        .iter()
        .find(|s| s.data.kind == ServiceKind::BasicGuidance)
        .unwrap()
        .id
        .0;
    let offer = all_offers(db.storage.as_ref())
        .await
        .into_iter()
        .find(|o| o.is_open(today_in_rome()))
        .expect("an open offer");
    let dir = std::env::temp_dir().join(format!("sportello-metrics-{backend:?}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let metrics_port = free_port();
    let flags = ["--metrics-addr".to_string(), format!("127.0.0.1:{metrics_port}")];
    let node = Node::start(&db_arg(&db), &dir.join("index"), &flags);
    assert_eq!(node.get("/metrics").0, 404, "the metrics are not on the public address");

    // Three bookings, on three slots, for three people.
    let (status, body) = node.get(&format!("/api/v1/services/{service}/slots?days=31"));
    assert_eq!(status, 200, "{body}");
    let slots: serde_json::Value = serde_json::from_str(&body).unwrap();
    let starts: Vec<String> = slots["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["slots"].as_array().unwrap().iter())
        .map(|s| s["start"].as_str().unwrap().to_string())
        .take(3)
        .collect();
    assert_eq!(starts.len(), 3, "three free slots");
    let json = [("Content-Type", "application/json")];
    for (i, start) in starts.iter().enumerate() {
        let booking = serde_json::json!({"service": service, "modality": "in_office", "start": start, "lang": "it",
            "name": format!("Persona Metrica {i}"), "email": format!("metrica.{i}@example.org")});
        let booked = request(&node, "POST", "/api/v1/bookings", &json, &booking.to_string());
        assert_eq!(booked.status, 202, "{}", booked.body);
    }
    // One refused: a slot in the past.
    let past = serde_json::json!({"service": service, "modality": "in_office", "start": "2020-03-02T09:00:00+01:00",
        "lang": "it", "name": "Persona Tardiva", "email": "tardiva@example.org"});
    let refused = request(&node, "POST", "/api/v1/bookings", &json, &past.to_string());
    assert!(
        (400..500).contains(&refused.status),
        "{} {}",
        refused.status,
        refused.body
    );

    // Two failed sign-ins; the audit row of each carries its request's id.
    let operator = sportello_demo::accounts::ACCOUNTS
        .iter()
        .find(|a| a.email.starts_with("operator"))
        .unwrap();
    let mut ids = Vec::new();
    for _ in 0..2 {
        let (cookie, csrf) = form(&node, "/it/office/sign-in");
        let body = format!(
            "csrf={csrf}&next=%2Fit%2Foffice%2F&email={}&password=not-the-password",
            operator.email.replace('@', "%40")
        );
        let failed = post_form(&node, "/it/office/sign-in", &cookie, &body);
        assert_eq!(failed.status, 401, "{}", failed.body);
        ids.push(
            failed
                .header("x-request-id")
                .expect("the request id is sent back")
                .to_string(),
        );
    }
    let audited = raw::texts(
        &db.url,
        "SELECT request_id FROM audit_log WHERE action = 'sign_in_failed' ORDER BY id",
        &[],
    )
    .await;
    assert_eq!(audited, ids, "the audit rows carry the ids sent back");
    // An incoming id is ignored unless the node is behind a proxy.
    let own = request(&node, "GET", "/healthz", &[("X-Request-Id", "from-outside-1")], "");
    assert_ne!(own.header("x-request-id"), Some("from-outside-1"));

    // A card rendered.
    let card = format!("/it/offers/{}/card.png", offer.reference);
    assert_eq!(status_of(node.port, &card), 200);

    let scraped = request_to(metrics_port, "GET", "/metrics", &[], "");
    assert_eq!(scraped.status, 200);
    assert!(
        scraped
            .header("content-type")
            .unwrap()
            .starts_with("text/plain; version=0.0.4"),
        "{:?}",
        scraped.headers
    );
    let samples = parse(&scraped.body);
    let text = &scraped.body;
    assert_eq!(value(&samples, "sportello_bookings_total", &[]), Some(3.0), "{text}");
    assert_eq!(
        value(&samples, "sportello_bookings_refused_total", &[("reason", "slot")]),
        Some(1.0),
        "{text}"
    );
    assert_eq!(total(&samples, "sportello_bookings_refused_total"), 1.0, "{text}");
    assert_eq!(
        value(&samples, "sportello_sign_in_failures_total", &[("reason", "password")]),
        Some(2.0),
        "{text}"
    );
    assert_eq!(total(&samples, "sportello_sign_in_failures_total"), 2.0, "{text}");
    let bookings = [("route", "/api/v1/bookings"), ("status", "202")];
    assert_eq!(
        value(&samples, "sportello_http_requests_total", &bookings),
        Some(3.0),
        "{text}"
    );
    let refused_status = refused.status.to_string();
    let refusal = [("route", "/api/v1/bookings"), ("status", refused_status.as_str())];
    assert_eq!(
        value(&samples, "sportello_http_requests_total", &refusal),
        Some(1.0),
        "{text}"
    );
    let sign_in = [("route", "/{lang}/office/sign-in"), ("status", "401")];
    assert_eq!(
        value(&samples, "sportello_http_requests_total", &sign_in),
        Some(2.0),
        "{text}"
    );
    assert_eq!(
        value(
            &samples,
            "sportello_http_request_duration_seconds_count",
            &[("route", "/api/v1/bookings")]
        ),
        Some(4.0),
        "{text}"
    );
    assert_eq!(
        value(&samples, "sportello_render_duration_seconds_count", &[("kind", "card")]),
        Some(1.0),
        "{text}"
    );
    // Read at scrape time: present, and sensible.
    let open = value(&samples, "sportello_db_pool_connections", &[("state", "open")]).expect("pool size");
    let idle = value(&samples, "sportello_db_pool_connections", &[("state", "idle")]).expect("idle");
    assert!(open >= 1.0 && idle <= open, "{text}");
    for channel in ["mail", "sms"] {
        let pending = value(&samples, "sportello_outbox_pending", &[("channel", channel)]).expect("backlog");
        assert!((0.0..=3.0).contains(&pending), "{channel}: {text}");
        assert_eq!(
            value(&samples, "sportello_outbox_failed", &[("channel", channel)]),
            Some(0.0),
            "{text}"
        );
    }
    let lag = value(&samples, "sportello_search_index_lag_changes", &[]).expect("the index's lag");
    assert!(lag >= 0.0, "{text}");
    assert!(
        value(&samples, "sportello_search_index_age_seconds", &[]).is_some(),
        "{text}"
    );
    drop(node);
    let _ = std::fs::remove_dir_all(&dir);
}
