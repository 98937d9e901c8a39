//! The deployment kit's nginx site (`deploy/nginx/sportello.conf`, with
//! only its ports, paths, host name and upstream replaced, checked first
//! with `nginx -t`) run by the real nginx with a self-signed certificate in
//! front of a node started with `--behind-proxy`, on SQLite:
//! - TLS (HTTP/2) works with the certificate, and the node's HSTS header
//!   reaches the client;
//! - a client on 127.0.0.2 (nginx itself reaches the node from 127.0.0.1)
//!   is 127.0.0.2 in the audit log and in the limiter's key, even when it
//!   sends an `X-Forwarded-For` of its own;
//! - with a forged `Host` header, absolute links (canonical link, robots.txt,
//!   sitemap) and the redirect from HTTP to HTTPS use the public URL;
//! - only answers the application marks public are cached;
//! - on every route that changes something, nginx lets through a body as
//!   large as the application accepts there and answers 413 itself to one
//!   byte more; the application's own limits are measured on the node
//!   directly (`Expect: 100-continue`: it asks for the body, or refuses the
//!   declared length), with an operator's session and API token so that
//!   the back office and the API read the bodies.
//!
//! curl and openssl run as programs: the tests have no TLS client of their own.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Utc;
use sportello_domain::limits::{ClientNet, defaults};
use sportello_testkit::{Backend, raw};
use sportello_web::server_limits::{NEWSLETTER_BODY, SMALL_BODY, TEXT_BODY};

use crate::common::nginx::{Answer, CLIENT, Client, HOST, Nginx, certificate, nanos, program};
use crate::common::node::Node;

const SECRET: &str = "the nginx test's installation secret, 32 bytes or more";
const OPERATOR: &str = "operator@cpi.example";
const PASSWORD: &str = "a long enough password 1";
const TOKEN: &str = "spt_nginx-test-token-of-an-operator";
/// The operator's second-factor key.
const TOTP: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// The routes that take more than `SMALL_BODY`, as `crates/web/src/router.rs`
/// sets them: what the site lets through (and the node is measured to accept).
const LARGER_BODIES: [(&str, &str, usize); 8] = [
    ("POST", "/api/v1/offers", TEXT_BODY),
    ("PUT", "/api/v1/offers/{reference}", TEXT_BODY),
    ("POST", "/{lang}/employers/request", TEXT_BODY),
    ("POST", "/{lang}/office/offers/new", TEXT_BODY),
    ("POST", "/{lang}/office/offers/{reference}/edit", TEXT_BODY),
    ("POST", "/{lang}/office/translations/{reference}/{target}", TEXT_BODY),
    ("POST", "/{lang}/office/services/rules", TEXT_BODY),
    ("POST", "/{lang}/office/newsletter", NEWSLETTER_BODY),
];

#[tokio::test(flavor = "multi_thread")]
async fn nginx_in_front_of_a_node_with_the_deployment_site() {
    let started = Instant::now();
    let nginx_program = program("nginx");
    let dir = std::env::temp_dir().join(format!("sportello-nginx-{}-{}", std::process::id(), nanos()));
    std::fs::create_dir_all(&dir).unwrap();
    let (cert, key) = certificate(&dir);

    let db = crate::common::database_with_centres(Backend::Sqlite).await;
    crate::common::lecce_operator_with_token(db.storage.as_ref(), OPERATOR, PASSWORD, TOTP, TOKEN).await;
    let secret = dir.join("secret");
    std::fs::write(&secret, SECRET).unwrap();
    let flags = [
        "--behind-proxy".to_string(),
        "--secret-file".into(),
        secret.display().to_string(),
    ];
    let node = Node::start(&crate::common::db_arg(&db), &dir.join("index"), &flags);
    let nginx = Nginx::start(&nginx_program, &dir, &[node.port], &cert, &key);
    let client = Client {
        dir: dir.clone(),
        cert,
        https: nginx.https,
        http: nginx.http,
    };

    // TLS, HTTP/2 and HSTS.
    let home = client.get("/it/", &[]);
    assert_eq!((home.status, home.version.as_str()), (200, "2"), "{}", home.body);
    assert_eq!(
        home.header("strict-transport-security").as_deref(),
        Some("max-age=31536000; includeSubDomains")
    );
    let untrusted = Command::new("curl")
        .args([
            "-sS",
            "-o",
            "/dev/null",
            "--resolve",
            &format!("{HOST}:{}:127.0.0.1", client.https),
        ])
        .arg(client.url("/it/"))
        .output()
        .unwrap();
    assert_eq!(
        untrusted.status.code(),
        Some(60),
        "without the certificate, curl refuses it"
    );

    // The client's address, not nginx's, in the audit log and the limiter.
    let mut cookies = Cookies::default();
    let form = client.get("/it/office/sign-in", &[]);
    cookies.take(&form);
    let csrf = between(&form.body, "name=\"csrf\" value=\"", "\"").to_string();
    for (email, password, status) in [("nobody@cpi.example", "wrong", 401), (OPERATOR, PASSWORD, 303)] {
        let signed = client.curl(
            &[
                vec![
                    "-H".into(),
                    cookies.header(),
                    "-H".into(),
                    "X-Forwarded-For: 203.0.113.9".into(),
                ],
                form_fields(&[("csrf", &csrf), ("next", ""), ("email", email), ("password", password)]),
                vec![client.url("/it/office/sign-in")],
            ]
            .concat(),
        );
        assert_eq!(signed.status, status, "{}", signed.body);
        cookies.take(&signed);
    }
    // Every role has a second factor: its code ends the sign-in.
    let step = client.get("/it/office/sign-in/second-factor", &["-H".into(), cookies.header()]);
    assert_eq!(step.status, 200, "{}", step.body);
    let step_csrf = between(&step.body, "name=\"csrf\" value=\"", "\"").to_string();
    let code = sportello_auth::TotpSecret::from_base32(TOTP)
        .unwrap()
        .code_at(Utc::now().timestamp());
    let signed = client.curl(
        &[
            vec!["-H".into(), cookies.header()],
            form_fields(&[("csrf", &step_csrf), ("next", ""), ("code", &code)]),
            vec![client.url("/it/office/sign-in/second-factor")],
        ]
        .concat(),
    );
    assert_eq!(signed.status, 303, "{}", signed.body);
    cookies.take(&signed);
    let audit = raw::texts(
        &db.url,
        "SELECT address || ' ' || action FROM audit_log WHERE action LIKE 'sign_in%' ORDER BY id",
        &[],
    )
    .await;
    assert_eq!(
        audit,
        [
            "127.0.0.2 sign_in_failed",
            "127.0.0.2 sign_in_password",
            "127.0.0.2 sign_in"
        ]
    );
    let buckets = raw::texts(&db.url, "SELECT DISTINCT bucket FROM limiter_counts", &[]).await;
    let keys = sportello_auth::Keys::from_secret(SECRET.as_bytes()).unwrap();
    // As `App::bucket` names a network's counter (crates/app/src/limiter.rs).
    let bucket = |address: &str| {
        let net = format!("net:{}", ClientNet::key(address));
        format!("{}:{}", defaults::SIGN_IN_PER_NET.name, keys.sign("limiter", &net))
    };
    assert!(buckets.contains(&bucket(CLIENT)), "{buckets:?}");
    for other in ["127.0.0.1", "203.0.113.9"] {
        assert!(!buckets.contains(&bucket(other)), "{other} counted: {buckets:?}");
    }

    // A forged Host header changes no absolute link.
    let forged = ["-H".to_string(), "Host: evil.example".to_string()];
    let board = client.get("/it/centres/lecce", &forged);
    assert_eq!(board.status, 200);
    assert!(
        board.body.contains(&format!(
            "<link rel=\"canonical\" href=\"https://{HOST}/it/centres/lecce\">"
        )),
        "{}",
        board.body
    );
    let robots = client.get("/robots.txt", &forged);
    assert!(
        robots.body.contains(&format!("Sitemap: https://{HOST}/sitemap.xml")),
        "{}",
        robots.body
    );
    let sitemap = client.get("/sitemap.xml", &forged);
    assert!(
        sitemap.body.contains(&format!("<loc>https://{HOST}/")),
        "{}",
        sitemap.body
    );
    for answer in [&board, &robots, &sitemap] {
        assert!(!answer.body.contains("evil.example"));
    }
    let plain = client.curl(&[forged.to_vec(), vec![format!("http://{HOST}:{}/it/?q=1", client.http)]].concat());
    assert_eq!(plain.status, 301);
    assert_eq!(
        plain.header("location").as_deref(),
        Some("https://lavoro.example/it/?q=1")
    );

    // Only what the application marks public is cached.
    let cache_status = |path: &str| client.get(path, &[]).header("x-cache-status");
    assert_eq!(cache_status("/static/style.css").as_deref(), Some("MISS"));
    assert_eq!(cache_status("/static/style.css").as_deref(), Some("HIT"));
    for _ in 0..2 {
        assert_eq!(
            cache_status("/it/offers/XX-9999/card.png").as_deref(),
            Some("MISS"),
            "a 404 is not stored"
        );
        assert_eq!(cache_status("/it/office/sign-in"), None, "pages are not cached");
    }

    // Bodies: through nginx as much as the node accepts, on every writing route.
    let mut unread = Vec::new();
    for (method, pattern) in sportello_web::writing_routes() {
        let method = method.as_str();
        let path = example_path(pattern);
        let api = path.starts_with("/api/");
        let mut headers = vec![format!("Cookie: {}", cookies.pairs())];
        if api {
            headers.push(format!("Authorization: Bearer {TOKEN}"));
        }
        headers.push(format!(
            "Content-Type: {}",
            if api {
                "application/json"
            } else {
                "application/x-www-form-urlencoded"
            }
        ));
        let limit = LARGER_BODIES
            .iter()
            .find(|(m, p, _)| *m == method && *p == pattern)
            .map_or(SMALL_BODY, |(_, _, limit)| *limit);
        match node_limit(node.port, method, &path, &headers) {
            Some(measured) => assert_eq!(measured, limit, "the node's limit on {method} {pattern}"),
            None => {
                assert_eq!(limit, SMALL_BODY, "the node must read the body of {method} {pattern}");
                unread.push(format!("{method} {pattern}"));
            }
        }
        let header_args: Vec<String> = headers.iter().flat_map(|h| ["-H".to_string(), h.clone()]).collect();
        for size in [limit, limit + 1] {
            let body = client.body_of(size);
            let answer = client.curl(
                &[
                    vec![
                        "-X".to_string(),
                        method.to_string(),
                        "--data-binary".into(),
                        format!("@{}", body.display()),
                    ],
                    header_args.clone(),
                    vec![client.url(&path)],
                ]
                .concat(),
            );
            // The node's answers carry its Content-Security-Policy; nginx's own do not.
            let from_node = answer.header("content-security-policy").is_some();
            if size == limit {
                assert!(
                    from_node && answer.status != 413,
                    "{method} {path} with {size} bytes: {answer:?}"
                );
            } else {
                assert!(
                    !from_node && answer.status == 413,
                    "{method} {path} with {size} bytes: {answer:?}"
                );
            }
        }
    }
    eprintln!(
        "routes whose body the node does not read before refusing (SMALL_BODY assumed): {}",
        unread.join(", ")
    );
    drop(nginx);
    drop(node);
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!("nginx test: {:.1} s", started.elapsed().as_secs_f64());
}

/// A route's pattern with its parameters filled in.
fn example_path(pattern: &str) -> String {
    pattern
        .split('/')
        .map(|segment| match segment {
            "{lang}" => "it",
            "{centre}" | "{slug}" => "lecce",
            "{id}" | "{service}" | "{n}" => "1",
            "{action}" => "publish",
            "{target}" => "en",
            s if s.starts_with('{') => "LE-0001",
            s => s,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The largest body the node takes on a route, among the limits it knows
/// (`SMALL_BODY`, `TEXT_BODY`, `NEWSLETTER_BODY`), asked with `Expect:
/// 100-continue` so that no body is sent; `None` when the node answers
/// without reading the body (a refusal that comes first).
fn node_limit(port: u16, method: &str, path: &str, headers: &[String]) -> Option<usize> {
    for limit in [SMALL_BODY, TEXT_BODY, NEWSLETTER_BODY] {
        match expect_continue(port, method, path, headers, limit + 1) {
            100 => continue,
            413 => {
                let at_limit = expect_continue(port, method, path, headers, limit);
                assert_eq!(
                    at_limit, 100,
                    "{method} {path}: the node's limit is below {limit} bytes"
                );
                return Some(limit);
            }
            _ => return None,
        }
    }
    panic!("{method} {path}: the node takes more than {NEWSLETTER_BODY} bytes, which nginx refuses");
}

/// The status of the node's first answer to a request that declares a body
/// of `length` bytes and waits to be asked for it (100 when it is).
fn expect_continue(port: u16, method: &str, path: &str, headers: &[String], length: usize) -> u16 {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let extra: String = headers.iter().map(|h| format!("{h}\r\n")).collect();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {HOST}\r\n{extra}Content-Length: {length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut line = String::new();
    BufReader::new(&stream).read_line(&mut line).unwrap();
    line.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0)
}

/// The cookies the site set, by name.
#[derive(Default)]
struct Cookies(Vec<(String, String)>);

impl Cookies {
    fn take(&mut self, answer: &Answer) {
        let Some(values) = answer.headers.get("set-cookie").and_then(|v| v.as_array()) else {
            return;
        };
        for value in values.iter().filter_map(|v| v.as_str()) {
            let pair = value.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                self.0.retain(|(n, _)| n != name);
                self.0.push((name.trim().to_string(), value.trim().to_string()));
            }
        }
    }

    fn pairs(&self) -> String {
        self.0
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn header(&self) -> String {
        format!("Cookie: {}", self.pairs())
    }
}

/// curl's options that post `fields` as a form.
fn form_fields(fields: &[(&str, &str)]) -> Vec<String> {
    fields
        .iter()
        .flat_map(|(name, value)| ["--data-urlencode".to_string(), format!("{name}={value}")])
        .collect()
}

/// The text of `text` between `start` and the next `end`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start} in {text}")) + start.len();
    let len = text[from..].find(end).unwrap_or(0);
    &text[from..from + len]
}
