//! The keys of personal data from the command line, on SQLite and
//! PostgreSQL: `keys new` makes a private file and never replaces one;
//! `serve` refuses to start while the database holds encrypted values it
//! could not read (no key file, or one without their key); `keys rotate`
//! re-encrypts every value to a new key and they stay readable.

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use sportello_auth::DataKeys;
use sportello_domain::{Actor, Lang};
use sportello_storage::NewUser;
use sportello_testkit::on_both_backends;
use sportello_testkit::{Backend, TestDatabase};

use crate::common::{Run, db_arg, sportello};

const SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sportello-keys-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write_private(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// Runs `sportello serve` expecting it to stop by itself within 30 s
/// (killed and failed otherwise: it must not start serving).
fn serve_must_refuse(db: &str, extra: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sportello"))
        .args([
            "serve",
            "--db",
            db,
            "--addr",
            "127.0.0.1:0",
            "--public-url",
            "https://lavoro.example",
        ])
        .args(extra)
        .env_remove("SPORTELLO_CONFIG")
        .env_remove("SPORTELLO_DATA_KEY_FILE")
        .env_remove("CREDENTIALS_DIRECTORY")
        .env("SPORTELLO_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("serve started although it should have refused");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        ok: out.status.success(),
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn new_key_files_are_private_and_never_replaced() {
    let dir = temp_dir("new");
    let path = dir.join("data-keys");
    let shown = path.display().to_string();
    let run = sportello(&["keys", "new", "--data-key-file", &shown], None);
    assert!(run.ok, "{}", run.text());
    assert!(run.stdout.contains("k1"), "{}", run.text());
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(DataKeys::parse(&text).unwrap().ids(), ["k1"]);
    let again = sportello(&["keys", "new", "--data-key-file", &shown], None);
    assert!(!again.ok && again.text().contains("exists already"), "{}", again.text());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "untouched");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A database with two users whose second factors are sealed with the
/// tests' key.
async fn database_with_secrets(backend: Backend) -> TestDatabase {
    let db = TestDatabase::new(backend).await;
    for email in ["anna@cpi.example", "luca@cpi.example"] {
        let user = NewUser {
            email: email.into(),
            name: "Anna Rossi".into(),
            lang: Lang::It,
            password_hash: "$argon2id$placeholder".into(),
            must_change_password: false,
            grants: vec![],
        };
        let user = db
            .storage
            .insert_user(&user, &Actor::system(), Utc::now())
            .await
            .unwrap();
        db.storage
            .set_totp(user.id, Some(SECRET), &[], &Actor::system(), Utc::now())
            .await
            .unwrap();
    }
    db
}

async fn serve_refuses_data_it_cannot_read(backend: Backend) {
    let db = database_with_secrets(backend).await;
    let url = db_arg(&db);
    let run = serve_must_refuse(&url, &[]);
    assert!(!run.ok, "{}", run.text());
    assert!(
        run.stderr.contains("2 encrypted values") && run.stderr.contains("--data-key-file"),
        "{}",
        run.text()
    );
    let dir = temp_dir(&format!("serve-{backend:?}"));
    let other = dir.join("other-keys");
    write_private(&other, &DataKeys::new_file().replace("k1 ", "k9 "));
    let run = serve_must_refuse(&url, &["--data-key-file", &other.display().to_string()]);
    assert!(
        !run.ok && run.stderr.contains("k1") && run.stderr.contains("lacks"),
        "{}",
        run.text()
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

async fn rotation_re_encrypts_everything(backend: Backend) {
    let db = database_with_secrets(backend).await;
    let url = db_arg(&db);
    let dir = temp_dir(&format!("rotate-{backend:?}"));
    let path = dir.join("data-keys");
    write_private(&path, sportello_testkit::DATA_KEY_FILE);
    let file = path.display().to_string();
    let run = sportello(&["keys", "rotate", "--db", &url, "--data-key-file", &file], None);
    assert!(run.ok, "{}", run.text());
    assert!(
        run.stdout.contains("Re-encrypted 2 values with key k2"),
        "{}",
        run.text()
    );
    let keys = DataKeys::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!((keys.ids(), keys.current_id()), (vec!["k1", "k2"], "k2"));
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    let status = sportello(&["keys", "status", "--db", &url, "--data-key-file", &file], None);
    assert!(
        status.ok && status.stdout.contains("k2       2 values"),
        "{}",
        status.text()
    );
    // Every value opens with the rotated file, and none with the old key only.
    let storage = sportello_storage::open_with_keys(&db.url, Some(Arc::new(keys)))
        .await
        .unwrap();
    for user in storage.users().await.unwrap() {
        let credentials = storage.credentials_by_id(user.id).await.unwrap().unwrap();
        assert_eq!(credentials.totp_secret.as_deref(), Some(SECRET));
        assert!(
            db.storage.credentials_by_id(user.id).await.is_err(),
            "sealed with k2 now"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

on_both_backends!(serve_refuses_data_it_cannot_read, rotation_re_encrypts_everything);
