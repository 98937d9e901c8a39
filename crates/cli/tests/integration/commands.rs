//! The `sportello` binary as a person runs it: `migrate` on both backends,
//! and clear messages for what cannot work.

use std::process::Command;

fn sportello(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sportello"))
        .args(args)
        .env_remove("SPORTELLO_DB")
        .env_remove("SPORTELLO_CONFIG")
        .env_remove("SPORTELLO_PUBLIC_URL")
        .output()
        .expect("the binary runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn migrate_creates_an_sqlite_database_and_runs_again_harmlessly() {
    let path = std::env::temp_dir().join(format!("sportello-cli-{}.sqlite", std::process::id()));
    let url = format!("sqlite://{}", path.display());
    for _ in 0..2 {
        let (ok, text) = sportello(&["migrate", "--db", &url]);
        assert!(ok, "{text}");
        assert!(text.contains("up to date"), "{text}");
    }
    assert!(path.exists());
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

#[tokio::test]
async fn migrate_runs_on_postgres() {
    let db = sportello_testkit::TestDatabase::new(sportello_testkit::Backend::Postgres).await;
    let sportello_storage::DatabaseUrl::Postgres(url) = &db.url else {
        unreachable!()
    };
    let url = url.clone();
    let (ok, text) = tokio::task::spawn_blocking(move || sportello(&["migrate", "--db", &url]))
        .await
        .unwrap();
    assert!(ok, "{text}");
    assert!(!text.contains("password"), "{text}");
}

#[test]
fn what_cannot_work_is_explained() {
    let (ok, text) = sportello(&["migrate", "--db", "mysql://db/x"]);
    assert!(!ok);
    assert!(text.contains("not a database address"), "{text}");
    let (ok, text) = sportello(&["migrate"]);
    assert!(!ok);
    assert!(text.contains("--db"), "{text}");
    let (ok, text) = sportello(&["serve", "--db", "x.sqlite"]);
    assert!(!ok);
    assert!(text.contains("--public-url"), "{text}");
    let (ok, text) = sportello(&["serve", "--db", "x.sqlite", "--public-url", "lavoro.example.it"]);
    assert!(!ok);
    assert!(text.contains("http://"), "{text}");
    let (ok, text) = sportello(&["demo", "--addr", "nowhere"]);
    assert!(!ok);
    assert!(text.contains("HOST:PORT"), "{text}");
    let (ok, text) = sportello(&["--config", "/no/such/file.toml", "migrate", "--db", "x.sqlite"]);
    assert!(!ok);
    assert!(text.contains("cannot read"), "{text}");
}

#[test]
fn help_documents_the_environment() {
    let (ok, text) = sportello(&["serve", "--help"]);
    assert!(ok);
    for name in [
        "SPORTELLO_DB",
        "SPORTELLO_ADDR",
        "SPORTELLO_PUBLIC_URL",
        "SPORTELLO_CONFIG",
    ] {
        assert!(text.contains(name), "{name} in --help");
    }
}
