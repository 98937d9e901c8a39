//! The log of a real `serve` process, as JSON (`--log-format json`), after
//! a booking (and reading it with its link's token), a newsletter
//! subscription and its confirmation link, and a sign-in: one access line
//! per request with the id sent back in `X-Request-Id`, and nowhere a
//! token, an e-mail address, a name, a password or a booking reference.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Stdio;

use sportello_domain::ServiceKind;
use sportello_domain::time::today_in_rome;
use sportello_testkit::{Backend, TestDatabase, on_both_backends, raw};

use crate::common::db_arg;
use crate::common::node::Node;

on_both_backends!(
    #[multi_thread]
    the_log_holds_no_token_and_no_personal_data
);

/// What a request got: status, headers (lower-case names) and body.
pub(crate) struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// One request to `port` on loopback.
pub(crate) fn request_to(port: u16, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let extra: String = headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    let mut lines = head.lines();
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
        .collect();
    Answer {
        status,
        headers,
        body: body.to_string(),
    }
}

pub(crate) fn request(node: &Node, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Answer {
    request_to(node.port, method, path, headers, body)
}

/// The form cookie and the form token of a page with a form.
pub(crate) fn form(node: &Node, path: &str) -> (String, String) {
    let page = request(node, "GET", path, &[], "");
    assert_eq!(page.status, 200, "{path}");
    let cookie = page
        .header("set-cookie")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let csrf = page.body.split("name=\"csrf\" value=\"").nth(1).unwrap();
    (cookie, csrf[..csrf.find('"').unwrap()].to_string())
}

pub(crate) fn post_form(node: &Node, path: &str, cookie: &str, body: &str) -> Answer {
    let headers = [
        ("Cookie", cookie),
        ("Content-Type", "application/x-www-form-urlencoded"),
    ];
    request(node, "POST", path, &headers, body)
}

async fn the_log_holds_no_token_and_no_personal_data(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    sportello_demo::load(db.storage.as_ref(), 20, sportello_demo::DEMO_SEED, today_in_rome())
        .await
        .unwrap();
    let lecce = db.storage.centre_by_slug("lecce").await.unwrap().unwrap();
    let service = db.storage.services(lecce.id).await.unwrap();
    let service = service
        .iter()
        .find(|s| s.data.kind == ServiceKind::BasicGuidance)
        .unwrap()
        .id
        .0;
    let dir = std::env::temp_dir().join(format!("sportello-logs-{backend:?}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let log_path = dir.join("serve.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let flags = ["--log-format".to_string(), "json".to_string()];
    let node = Node::start_logging(&db_arg(&db), &dir.join("index"), &flags, Stdio::from(log), "info");
    let mut secrets: Vec<String> = Vec::new();

    // A booking, and reading it back with its link's token.
    let (status, body) = node.get(&format!("/api/v1/services/{service}/slots?days=31"));
    assert_eq!(status, 200, "{body}");
    let slots: serde_json::Value = serde_json::from_str(&body).unwrap();
    let start = slots["days"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|d| d["slots"].as_array().unwrap().first())
        .expect("a free slot")["start"]
        .as_str()
        .unwrap()
        .to_string();
    let booking = serde_json::json!({"service": service, "modality": "in_office", "start": start, "lang": "it",
        "name": "Ermenegilda Traccialog", "email": "ermenegilda.traccia@example.org", "phone": "+39 333 765 4321"});
    let booked = request(
        &node,
        "POST",
        "/api/v1/bookings",
        &[("Content-Type", "application/json")],
        &booking.to_string(),
    );
    // The answer is "sent": the booking's link is in its confirmation mail.
    assert_eq!(booked.status, 202, "{}", booked.body);
    let mails = raw::texts(
        &db.url,
        "SELECT text_body FROM outbox WHERE to_address = $1 AND kind = 'booking.confirmation'",
        &["ermenegilda.traccia@example.org"],
    )
    .await;
    let link = mails[0]
        .split_whitespace()
        .find(|w| w.contains("/appointments/booking/"))
        .expect("a link");
    let (reference, token) = link
        .rsplit_once('/')
        .and_then(|(_, rest)| rest.split_once("?t="))
        .map(|(r, t)| (r.to_string(), t.to_string()))
        .expect("reference and token");
    let read = request(
        &node,
        "GET",
        &format!("/api/v1/bookings/{reference}?token={token}"),
        &[],
        "",
    );
    assert_eq!(read.status, 200, "{}", read.body);
    let page = request(
        &node,
        "GET",
        &format!("/it/appointments/booking/{reference}?t={token}"),
        &[],
        "",
    );
    assert_eq!(page.status, 200);
    secrets.extend([
        reference,
        token,
        "Ermenegilda".into(),
        "ermenegilda.traccia".into(),
        "765 4321".into(),
    ]);

    // A newsletter subscription and its confirmation link.
    let (cookie, csrf) = form(&node, "/it/newsletter");
    let body = format!(
        "csrf={csrf}&email=ottavio.iscritto%40example.org&lang=it&frequency=weekly&centres=lecce&sections=ordinary"
    );
    let subscribed = post_form(&node, "/it/newsletter", &cookie, &body);
    assert!(subscribed.status < 400, "{} {}", subscribed.status, subscribed.body);
    let mails = raw::texts(
        &db.url,
        "SELECT text_body FROM outbox WHERE to_address = $1",
        &["ottavio.iscritto@example.org"],
    )
    .await;
    let link = mails[0]
        .split("/it/newsletter/confirm/")
        .nth(1)
        .expect("a confirmation link");
    let confirm = link.split_whitespace().next().unwrap().to_string();
    let confirmed = request(&node, "GET", &format!("/it/newsletter/confirm/{confirm}"), &[], "");
    assert_eq!(confirmed.status, 200);
    secrets.extend([confirm, "ottavio.iscritto".into(), csrf]);

    // A sign-in.
    let operator = sportello_demo::accounts::ACCOUNTS
        .iter()
        .find(|a| a.email.starts_with("operator"))
        .unwrap();
    let (cookie, csrf) = form(&node, "/it/office/sign-in");
    let body = format!(
        "csrf={csrf}&next=%2Fit%2Foffice%2F&email={}&password={}",
        operator.email.replace('@', "%40"),
        operator.password
    );
    let signed = post_form(&node, "/it/office/sign-in", &cookie, &body);
    assert_eq!(signed.status, 303, "{}", signed.body);
    secrets.extend([operator.email.to_string(), operator.password.to_string(), csrf]);
    let id = signed
        .header("x-request-id")
        .expect("the request id is sent back")
        .to_string();
    drop(node);

    let text = std::fs::read_to_string(&log_path).unwrap();
    let access: Vec<serde_json::Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|l| l["target"] == "access")
        .collect();
    assert!(access.len() >= 8, "one access line a request:\n{text}");
    assert!(
        access
            .iter()
            .any(|l| l["fields"]["id"] == id.as_str() && l["fields"]["route"] == "/{lang}/office/sign-in"),
        "the sign-in's line carries its id {id}:\n{text}"
    );
    assert!(
        access
            .iter()
            .any(|l| l["fields"]["route"] == "/{lang}/appointments/booking/{reference}"
                && l["fields"]["query"] == "t=REDACTED"),
        "routes as templates, tokens redacted:\n{text}"
    );
    let lower = text.to_lowercase();
    for secret in &secrets {
        assert!(
            !lower.contains(&secret.to_lowercase()),
            "{secret:?} is in the log:\n{text}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
