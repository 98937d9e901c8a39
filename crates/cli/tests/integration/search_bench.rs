//! The search benchmark's harness on a small board, so that it works when
//! someone runs `scripts/bench-search.sh` on a million offers: `gen queries`
//! writes the mix, `search-bench` times it in-process on a reindexed board
//! (SQLite and PostgreSQL), the competitors of `scripts/bench_search.py`
//! build their indexes and answer the same subset on the same data, and the
//! table shows them side by side. Bad input ends with exit status 2.

use std::path::Path;
use std::process::Command;

use crate::common::{db_arg, sportello};
use sportello_testkit::{Backend, TestDatabase};

/// `result` lines of `output`, as (runner, scope, class, n).
fn results(output: &str) -> Vec<(String, String, String, usize)> {
    output
        .lines()
        .filter(|l| l.starts_with("result "))
        .map(|l| {
            let field = |key: &str| {
                l.split_whitespace()
                    .find_map(|w| w.strip_prefix(&format!("{key}=")).map(str::to_string))
                    .unwrap_or_default()
            };
            (
                field("runner"),
                field("scope"),
                field("class"),
                field("n").parse().unwrap_or(0),
            )
        })
        .collect()
}

fn python(args: &[&str]) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/bench_search.py");
    let out = Command::new("python3")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "bench_search.py {args:?}: {text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

async fn harness(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let url = db_arg(&db);
    let dir = tempfile_dir(backend);
    let queries = dir.join("queries.jsonl");
    let index = dir.join("index");
    let queries_arg = queries.to_string_lossy().to_string();
    let index_arg = index.to_string_lossy().to_string();

    let run = sportello(&["gen", "offers", "--count", "400", "--db", &url], None);
    assert!(run.ok, "{}", run.text());
    let run = sportello(&["gen", "queries", "--count", "60", "--out", &queries_arg], None);
    assert!(run.ok, "{}", run.text());
    assert_eq!(std::fs::read_to_string(&queries).unwrap().lines().count(), 60);

    // Before the index exists: a clear message.
    let run = sportello(
        &[
            "search-bench",
            "--db",
            &url,
            "--index-dir",
            &index_arg,
            "--queries",
            &queries_arg,
        ],
        None,
    );
    assert_eq!(run.code, Some(2), "{}", run.text());
    assert!(run.stderr.contains("sportello reindex"), "{}", run.stderr);

    let run = sportello(&["reindex", "--db", &url, "--index-dir", &index_arg], None);
    assert!(run.ok, "{}", run.text());
    let run = sportello(
        &[
            "search-bench",
            "--db",
            &url,
            "--index-dir",
            &index_arg,
            "--queries",
            &queries_arg,
            "--warmup",
            "5",
        ],
        None,
    );
    assert!(run.ok, "{}", run.text());
    let ours = results(&run.stdout);
    for runner in ["engine", "engine+db"] {
        assert!(
            ours.contains(&(runner.into(), "mix".into(), "all".into(), 60)),
            "{runner} over the whole mix: {}",
            run.stdout
        );
        assert!(
            ours.contains(&(runner.into(), "subset".into(), "all".into(), 12)),
            "{runner} over every fifth query: {}",
            run.stdout
        );
    }
    assert!(run.stdout.contains("mean_matches="), "{}", run.stdout);
    let mut all = run.stdout.clone();

    // The competitor of this backend, on the same data and queries.
    let (setup, go, target, runner) = match &db.url {
        sportello_storage::DatabaseUrl::Sqlite(path) => ("fts5-setup", "fts5-run", path.clone(), "sqlite-fts5"),
        sportello_storage::DatabaseUrl::Postgres(url) => ("pg-setup", "pg-run", url.clone(), "postgres"),
    };
    let built = python(&[setup, &target]);
    assert!(built.contains(&format!("build runner={runner} rows=")), "{built}");
    let answered = python(&[go, &target, &queries_arg]);
    let theirs = results(&answered);
    assert!(
        theirs.contains(&(runner.into(), "subset".into(), "all".into(), 12)),
        "{answered}"
    );
    all.push_str(&answered);

    let results_file = dir.join("results.txt");
    std::fs::write(&results_file, all).unwrap();
    let table = python(&["table", &results_file.to_string_lossy()]);
    assert!(table.contains("| all | 12 |"), "{table}");
    assert!(table.contains("Sportello engine"), "{table}");
    let _ = std::fs::remove_dir_all(&dir);
}

fn tempfile_dir(backend: Backend) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sportello-search-bench-{backend:?}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[tokio::test]
async fn harness_runs_on_sqlite() {
    harness(Backend::Sqlite).await;
}

#[tokio::test]
async fn harness_runs_on_postgres() {
    harness(Backend::Postgres).await;
}

#[tokio::test]
async fn refuses_bad_input() {
    let run = sportello(&["gen", "queries", "--count", "0", "--out", "-"], None);
    assert_eq!(run.code, Some(2), "{}", run.text());
    assert!(run.stderr.contains("--count must be at least 1"), "{}", run.stderr);
    let run = sportello(
        &["gen", "queries", "--count", "3", "--out", "/nonexistent/dir/q.jsonl"],
        None,
    );
    assert_eq!(run.code, Some(2), "{}", run.text());
    assert!(
        run.stderr.contains("cannot write /nonexistent/dir/q.jsonl"),
        "{}",
        run.stderr
    );
    let run = sportello(&["gen", "queries", "--count", "3", "--out", "-"], None);
    assert!(run.ok, "{}", run.text());
    assert_eq!(run.stdout.lines().count(), 3, "{}", run.stdout);

    let db = TestDatabase::new(Backend::Sqlite).await;
    let url = db_arg(&db);
    let dir = tempfile_dir(Backend::Sqlite).join("bad");
    std::fs::create_dir_all(&dir).unwrap();
    let queries = dir.join("queries.jsonl");
    std::fs::write(&queries, "{\"n\": 0, \"kind\": \"occupation\"}\n").unwrap();
    let run = sportello(
        &[
            "search-bench",
            "--db",
            &url,
            "--index-dir",
            &dir.join("index").to_string_lossy(),
            "--queries",
            &queries.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(run.code, Some(2), "{}", run.text());
    assert!(run.stderr.contains("line 1 of the query file"), "{}", run.stderr);
}
