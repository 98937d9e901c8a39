//! A real `sportello serve` process on a test database, on a free loopback
//! port, with the tests' data key file: started, asked over plain HTTP/1.1,
//! and killed when dropped.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A `sportello serve` process, killed when dropped.
pub struct Node {
    child: Child,
    pub port: u16,
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A loopback port free now, for a node started later with [`Node::start_at`].
pub use sportello_testkit::free_port;

impl Node {
    /// Serves `db` with its search index in `index` (and `extra` flags),
    /// once `/healthz` answers (within a minute). The tests' data key file
    /// is written beside the index.
    pub fn start(db: &str, index: &Path, extra: &[String]) -> Node {
        Node::start_logging(db, index, extra, Stdio::inherit(), "warn")
    }

    /// [`Node::start`] with its standard error (the log, at `level`) going
    /// to `log`.
    pub fn start_logging(db: &str, index: &Path, extra: &[String], log: Stdio, level: &str) -> Node {
        Node::start_at(free_port(), db, index, extra, log, level)
    }

    /// [`Node::start_logging`] on a given `port` (from [`free_port`]), for
    /// peers that must know the node's address before it starts.
    pub fn start_at(port: u16, db: &str, index: &Path, extra: &[String], log: Stdio, level: &str) -> Node {
        Node::start_with_env(port, db, index, extra, &[], log, level)
    }

    /// [`Node::start_at`] with variables `env` set for the process.
    pub fn start_with_env(
        port: u16,
        db: &str,
        index: &Path,
        extra: &[String],
        env: &[(&str, &Path)],
        log: Stdio,
        level: &str,
    ) -> Node {
        let keys = index.with_extension("keys");
        std::fs::write(&keys, sportello_testkit::DATA_KEY_FILE).unwrap();
        std::fs::set_permissions(&keys, std::fs::Permissions::from_mode(0o600)).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_sportello"))
            .args(["serve", "--db", db, "--addr", &format!("127.0.0.1:{port}")])
            .args(["--public-url", "https://lavoro.example"])
            .arg("--index-dir")
            .arg(index)
            .arg("--data-key-file")
            .arg(&keys)
            .args(extra)
            .env_remove("SPORTELLO_CONFIG")
            .env("SPORTELLO_LOG", level)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("sportello serve starts");
        let node = Node { child, port };
        let start = Instant::now();
        while node.get("/healthz").0 != 200 {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "node on port {port} never answered"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        node
    }

    /// One HTTP/1.1 request, with a bearer token if given; the status (0
    /// when the node did not answer) and the body.
    pub fn request(&self, method: &str, path: &str, bearer: Option<&str>) -> (u16, String) {
        let auth = bearer.map(|t| format!("Bearer {t}"));
        let headers: Vec<(&str, &str)> = auth.iter().map(|a| ("Authorization", a.as_str())).collect();
        self.send(method, path, &headers, b"")
    }

    /// One HTTP/1.1 request with `headers` and `body`; the status (0 when
    /// the node did not answer in full, e.g. it was killed) and the body.
    pub fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String) {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) else {
            return (0, String::new());
        };
        let extra: String = headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        if stream
            .write_all(head.as_bytes())
            .and_then(|()| stream.write_all(body))
            .is_err()
        {
            return (0, String::new());
        }
        let mut answer = String::new();
        if stream.read_to_string(&mut answer).is_err() {
            return (0, String::new());
        }
        let status = answer.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let body = answer
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }

    /// Waits (at most `limit`) until `/readyz` says the node is ready: its
    /// search index has caught up with the database.
    pub fn wait_ready(&self, limit: Duration) {
        let start = Instant::now();
        loop {
            let (status, body) = self.get("/readyz");
            if status == 200 {
                return;
            }
            assert!(
                start.elapsed() < limit,
                "the node on port {} never got ready: {body}",
                self.port
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Kills the process with SIGKILL (no shutdown of any kind) and waits
    /// for it to be gone.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Sends SIGTERM, as systemd does to stop a service.
    pub fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "SIGTERM sent");
    }

    /// The exit status, waiting at most `limit` for the process to end.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Some(status) = self.child.try_wait().expect("the node's status") {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    pub fn get(&self, path: &str) -> (u16, String) {
        self.request("GET", path, None)
    }
}
