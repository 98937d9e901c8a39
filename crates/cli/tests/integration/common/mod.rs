//! What the binary tests share: running `sportello` as a person would, and a
//! fresh database with the twelve demo centres (and no offers) on either
//! backend.

#![allow(dead_code)]

pub mod nginx;
pub mod node;

use std::io::Write;
use std::process::{Command, Stdio};

use sportello_domain::Section;
use sportello_storage::{DatabaseUrl, OfficeFilter, Storage};
use sportello_testkit::{Backend, TestDatabase};

/// What a run of the binary gave.
pub struct Run {
    pub ok: bool,
    /// The exit status (2 for bad input).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Both outputs, for assertion messages.
    pub fn text(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs `sportello` with `args`, feeding `stdin` if given, without any
/// `SPORTELLO_…` setting of the environment that runs the tests.
pub fn sportello(args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sportello"))
        .args(args)
        .env_remove("SPORTELLO_DB")
        .env_remove("SPORTELLO_CONFIG")
        .env_remove("SPORTELLO_PUBLIC_URL")
        .env("SPORTELLO_LOG", "warn")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(input.as_bytes()).expect("stdin takes the input");
    }
    let out = child.wait_with_output().expect("the binary ends");
    Run {
        ok: out.status.success(),
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A fresh database with the demo centres (Lecce and Rimini areas), no
/// offers and no users. Keep it alive for the whole test.
pub async fn database_with_centres(backend: Backend) -> TestDatabase {
    let db = TestDatabase::new(backend).await;
    for centre in sportello_demo::centres::centres() {
        db.storage.insert_centre(&centre).await.expect("centre stored");
    }
    db
}

/// The `--db` value of a test database.
pub fn db_arg(db: &TestDatabase) -> String {
    match &db.url {
        DatabaseUrl::Sqlite(path) => format!("sqlite://{path}"),
        DatabaseUrl::Postgres(url) => url.clone(),
    }
}

/// Every offer of every centre and section, in any status.
pub async fn all_offers(storage: &dyn Storage) -> Vec<sportello_domain::Offer> {
    let centres = storage.centres().await.expect("centres");
    let filter = OfficeFilter {
        allowed: centres
            .iter()
            .flat_map(|c| Section::ALL.into_iter().map(move |s| (c.id, s)))
            .collect(),
        limit: 1000,
        ..OfficeFilter::default()
    };
    storage.office_offers(&filter).await.expect("offers").items
}

/// A mail server that accepts connections and never says a word, so a
/// send hangs; the connections are kept until the test ends.
pub fn stalled_mail_server() -> (u16, std::thread::JoinHandle<()>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let held = std::thread::spawn(move || {
        let mut kept = Vec::new();
        listener.set_nonblocking(true).unwrap();
        let start = std::time::Instant::now();
        while start.elapsed() < std::time::Duration::from_secs(60) {
            if let Ok((stream, _)) = listener.accept() {
                kept.push(stream);
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    });
    (port, held)
}

/// An operator of Lecce (`email`, `password`) with a second factor of key
/// `totp` (base32; every role has one) and the API token `token`, made
/// after the factor (turning a factor on revokes the user's tokens).
pub async fn lecce_operator_with_token(storage: &dyn Storage, email: &str, password: &str, totp: &str, token: &str) {
    use chrono::Utc;
    use sportello_domain::{Actor, Grant, Lang, Role, Scope};
    let lecce = storage.centre_by_slug("lecce").await.unwrap().unwrap();
    let user = storage
        .insert_user(
            &sportello_storage::NewUser {
                email: email.into(),
                name: "Operatrice di Lecce".into(),
                lang: Lang::It,
                password_hash: sportello_auth::hash_password(password),
                must_change_password: false,
                grants: vec![Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap()],
            },
            &Actor::system(),
            Utc::now(),
        )
        .await
        .unwrap();
    storage
        .set_totp(user.id, Some(totp), &[], &Actor::system(), Utc::now())
        .await
        .unwrap();
    storage
        .insert_api_token(
            user.id,
            "test",
            &sportello_auth::hash_token(token),
            Utc::now() + chrono::Duration::days(90),
            &Actor::system(),
            Utc::now(),
        )
        .await
        .unwrap();
}
