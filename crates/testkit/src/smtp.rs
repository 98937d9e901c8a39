//! A real SMTP server for the tests: `scripts/smtp-sink.py` (aiosmtpd) on
//! 127.0.0.1, started with `python3` from `PATH`, killed when dropped. It
//! keeps what it receives as files, which [`SmtpSink::received`] reads back.
//! A missing aiosmtpd fails the test with instructions: it never skips.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// One message as the server received it.
#[derive(Debug)]
pub struct Received {
    pub raw: Vec<u8>,
    pub mail_from: String,
    pub rcpt_tos: Vec<String>,
}

pub struct SmtpSink {
    child: Child,
    pub port: u16,
    dir: PathBuf,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        let script = crate::repository().join("scripts/smtp-sink.py");
        let dir = std::env::temp_dir().join(format!(
            "sportello-smtp-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default()
                .as_nanos()
        ));
        let mut child = Command::new("python3")
            .arg(&script)
            .arg(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run python3 {}: {e}", script.display()));
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx.recv_timeout(Duration::from_secs(30)).unwrap_or_default();
        match line.trim().parse::<u16>() {
            Ok(port) => SmtpSink { child, port, dir },
            Err(_) => {
                let _ = child.kill();
                let mut stderr = String::new();
                if let Some(mut err) = child.stderr.take() {
                    let _ = err.read_to_string(&mut stderr);
                }
                let _ = child.wait();
                panic!(
                    "the test SMTP server (scripts/smtp-sink.py) did not start: {}\n\
                     These tests need Python's aiosmtpd: python3 -m pip install aiosmtpd \
                     (or apt-get install python3-aiosmtpd); scripts/test installs it.",
                    stderr.trim()
                );
            }
        }
    }

    /// The transport address of this server.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Messages accepted so far, in the order they arrived.
    pub fn received(&self) -> Vec<Received> {
        self.files(".eml")
            .into_iter()
            .filter(|p| !p.to_string_lossy().ends_with(".refused.eml"))
            .map(|eml| {
                let envelope = std::fs::read_to_string(eml.with_extension("json")).expect("the envelope of a message");
                let envelope: serde_json::Value = serde_json::from_str(&envelope).expect("an envelope in JSON");
                Received {
                    raw: std::fs::read(&eml).expect("a received message"),
                    mail_from: envelope["mail_from"].as_str().unwrap_or_default().to_string(),
                    rcpt_tos: envelope["rcpt_tos"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|r| r.as_str().map(String::from))
                        .collect(),
                }
            })
            .collect()
    }

    /// Messages refused with 451 (the first attempt for `flaky…` recipients).
    pub fn refused(&self) -> Vec<Vec<u8>> {
        self.files(".refused.eml")
            .iter()
            .map(|p| std::fs::read(p).expect("a refused message"))
            .collect()
    }

    fn files(&self, suffix: &str) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.to_string_lossy().ends_with(suffix));
        files.sort();
        files
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
