//! nginx with the deployment kit's site (`deploy/nginx/sportello.conf`, with
//! only its ports, paths, host name and upstream replaced, checked first
//! with `nginx -t`) in front of test nodes, a self-signed certificate made
//! with openssl, and curl as the client (from [`CLIENT`]): the tests have no
//! TLS client of their own.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;

use super::node::free_port;

/// The host of the public URL `Node::start` gives its nodes.
pub const HOST: &str = "lavoro.example";
/// The address the client connects from.
pub const CLIENT: &str = "127.0.0.2";

/// A program of the system: on `PATH`, or in `/usr/sbin` (nginx, for users
/// other than root).
pub fn program(name: &str) -> PathBuf {
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
pub fn certificate(dir: &Path) -> (PathBuf, PathBuf) {
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

pub fn nanos() -> i64 {
    Utc::now().timestamp_nanos_opt().unwrap_or(0)
}

/// nginx in the foreground with everything (configuration, logs, pid,
/// temporary files, cache) in the test's directory; killed when dropped.
pub struct Nginx {
    child: Child,
    pub https: u16,
    pub http: u16,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Nginx {
    pub fn start(program: &Path, dir: &Path, upstreams: &[u16], cert: &Path, key: &Path) -> Nginx {
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
            (
                "server 127.0.0.1:8080 max_fails=3 fail_timeout=3s;",
                upstreams
                    .iter()
                    .map(|port| format!("server 127.0.0.1:{port} max_fails=3 fail_timeout=3s;"))
                    .collect::<Vec<_>>()
                    .join("\n    "),
            ),
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
pub struct Client {
    pub dir: PathBuf,
    pub cert: PathBuf,
    pub https: u16,
    pub http: u16,
}

/// What curl got: the status, the HTTP version, the headers (names in
/// lower case) and the body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub version: String,
    pub headers: serde_json::Map<String, serde_json::Value>,
    pub body: String,
}

impl Answer {
    /// A header's values, joined with ", ".
    pub fn header(&self, name: &str) -> Option<String> {
        let values = self.headers.get(name)?.as_array()?;
        Some(values.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join(", "))
    }
}

impl Client {
    pub fn url(&self, path: &str) -> String {
        format!("https://{HOST}:{}{path}", self.https)
    }

    pub fn get(&self, path: &str, extra: &[String]) -> Answer {
        self.curl(&[extra.to_vec(), vec![self.url(path)]].concat())
    }

    /// Runs curl with `args` (a request's options and its URL).
    pub fn curl(&self, args: &[String]) -> Answer {
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
    pub fn body_of(&self, size: usize) -> PathBuf {
        let path = self.dir.join(format!("body-{size}"));
        if !path.exists() {
            std::fs::write(&path, vec![b'a'; size]).unwrap();
        }
        path
    }
}
