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
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use sportello_domain::limits::{ClientNet, defaults};
use sportello_testkit::{Backend, raw};
use sportello_web::server_limits::{NEWSLETTER_BODY, SMALL_BODY, TEXT_BODY};

use crate::common::node::Node;

/// The host of the public URL `Node::start` gives its nodes.
const HOST: &str = "lavoro.example";
/// The address the client connects from.
const CLIENT: &str = "127.0.0.2";
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
    let nginx = Nginx::start(&nginx_program, &dir, node.port, &cert, &key);
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

/// A program of the system: on `PATH`, or in `/usr/sbin` (nginx, for users
/// other than root).
fn program(name: &str) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin".into(), "/sbin".into()])
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!("{name} not found: ./scripts/test installs it (apt-get install nginx-light curl openssl)")
        })
}

/// A self-signed certificate of [`HOST`] and its key, made with openssl.
fn certificate(dir: &Path) -> (PathBuf, PathBuf) {
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    let out = Command::new(program("openssl"))
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
        ])
        .args([
            "-subj",
            &format!("/CN={HOST}"),
            "-addext",
            &format!("subjectAltName=DNS:{HOST}"),
        ])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "openssl: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (cert, key)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn nanos() -> i64 {
    Utc::now().timestamp_nanos_opt().unwrap_or(0)
}

/// nginx in the foreground with everything (configuration, logs, pid,
/// temporary files, cache) in the test's directory; killed when dropped.
struct Nginx {
    child: Child,
    https: u16,
    http: u16,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Nginx {
    fn start(program: &Path, dir: &Path, upstream: u16, cert: &Path, key: &Path) -> Nginx {
        let (https, http) = (free_port(), free_port());
        let deployed = sportello_testkit::repository().join("deploy/nginx/sportello.conf");
        let site = std::fs::read_to_string(&deployed).unwrap();
        let at = |name: &str| dir.join(name).display().to_string();
        // Only where it listens, its files and its upstream change.
        let listening_on_ipv6 = site.lines().filter(|l| l.trim().starts_with("listen [::]")).count();
        assert_eq!(
            listening_on_ipv6, 2,
            "deploy/nginx/sportello.conf changed: update this test"
        );
        let mut site: String = site
            .lines()
            .filter(|l| !l.trim().starts_with("listen [::]"))
            .map(|l| format!("{l}\n"))
            .collect();
        for (from, to) in [
            ("listen 80;", format!("listen 127.0.0.1:{http};")),
            ("listen 443 ssl http2;", format!("listen 127.0.0.1:{https} ssl http2;")),
            ("server 127.0.0.1:8080;", format!("server 127.0.0.1:{upstream};")),
            (
                "/etc/letsencrypt/live/lavoro.example.it/fullchain.pem",
                cert.display().to_string(),
            ),
            (
                "/etc/letsencrypt/live/lavoro.example.it/privkey.pem",
                key.display().to_string(),
            ),
            ("/var/cache/nginx/sportello", at("cache")),
            ("lavoro.example.it", HOST.to_string()),
        ] {
            assert!(
                site.contains(from),
                "deploy/nginx/sportello.conf has no `{from}`: update this test"
            );
            site = site.replace(from, &to);
        }
        std::fs::write(dir.join("sportello.conf"), site).unwrap();
        let main = format!(
            "daemon off;\nmaster_process off;\npid {pid};\nerror_log {log} warn;\nevents {{ worker_connections 256; }}\n\
             http {{\n  access_log {access};\n  client_body_temp_path {body};\n  proxy_temp_path {proxy};\n  \
             fastcgi_temp_path {fastcgi};\n  uwsgi_temp_path {uwsgi};\n  scgi_temp_path {scgi};\n  include {site};\n}}\n",
            pid = at("nginx.pid"),
            log = at("error.log"),
            access = at("access.log"),
            body = at("client-body"),
            proxy = at("proxy"),
            fastcgi = at("fastcgi"),
            uwsgi = at("uwsgi"),
            scgi = at("scgi"),
            site = at("sportello.conf"),
        );
        std::fs::write(dir.join("nginx.conf"), main).unwrap();
        let args = |test: bool| {
            let mut args = vec![
                "-p".to_string(),
                at(""),
                "-c".into(),
                at("nginx.conf"),
                "-e".into(),
                at("error.log"),
            ];
            if test {
                args.push("-t".into());
            }
            args
        };
        let checked = Command::new(program).args(args(true)).output().unwrap();
        assert!(
            checked.status.success(),
            "nginx -t refuses the site: {}",
            String::from_utf8_lossy(&checked.stderr)
        );
        let child = Command::new(program)
            .args(args(false))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("nginx starts");
        let mut nginx = Nginx { child, https, http };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", https)).is_err() {
            if let Ok(Some(status)) = nginx.child.try_wait() {
                panic!(
                    "nginx exited ({status}): {}",
                    std::fs::read_to_string(at("error.log")).unwrap_or_default()
                );
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "nginx never listened on {https}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        nginx
    }
}

/// curl, from [`CLIENT`], to nginx, trusting the test's certificate.
struct Client {
    dir: PathBuf,
    cert: PathBuf,
    https: u16,
    http: u16,
}

/// What curl got: the status, the HTTP version, the headers (names in
/// lower case) and the body.
#[derive(Debug)]
struct Answer {
    status: u16,
    version: String,
    headers: serde_json::Map<String, serde_json::Value>,
    body: String,
}

impl Answer {
    /// A header's values, joined with ", ".
    fn header(&self, name: &str) -> Option<String> {
        let values = self.headers.get(name)?.as_array()?;
        Some(values.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join(", "))
    }
}

impl Client {
    fn url(&self, path: &str) -> String {
        format!("https://{HOST}:{}{path}", self.https)
    }

    fn get(&self, path: &str, extra: &[String]) -> Answer {
        self.curl(&[extra.to_vec(), vec![self.url(path)]].concat())
    }

    /// Runs curl with `args` (a request's options and its URL).
    fn curl(&self, args: &[String]) -> Answer {
        let body = self.dir.join(format!("answer-{}", nanos()));
        let out = Command::new("curl")
            .args(["-sS", "--cacert"])
            .arg(&self.cert)
            .args(["--resolve", &format!("{HOST}:{}:127.0.0.1", self.https)])
            .args(["--resolve", &format!("{HOST}:{}:127.0.0.1", self.http)])
            .args(["--interface", CLIENT, "-H", "Expect:", "-o"])
            .arg(&body)
            .args(["-w", "%{http_code} %{http_version} %{header_json}"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "curl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let written = String::from_utf8_lossy(&out.stdout).into_owned();
        let mut parts = written.splitn(3, ' ');
        let status = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
        let version = parts.next().unwrap_or_default().to_string();
        let headers = serde_json::from_str(parts.next().unwrap_or("{}")).unwrap_or_default();
        let text = String::from_utf8_lossy(&std::fs::read(&body).unwrap_or_default()).into_owned();
        let _ = std::fs::remove_file(&body);
        Answer {
            status,
            version,
            headers,
            body: text,
        }
    }

    /// A file of `size` bytes to send as a body.
    fn body_of(&self, size: usize) -> PathBuf {
        let path = self.dir.join(format!("body-{size}"));
        if !path.exists() {
            std::fs::write(&path, vec![b'a'; size]).unwrap();
        }
        path
    }
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
