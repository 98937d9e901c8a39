//! Upgrades without downtime, on PostgreSQL with two nodes behind nginx
//! (the deployment kit's site):
//! - two nodes started at once on an empty database both come up, and each
//!   migration ran once (the migration lock holds);
//! - while clients keep asking through nginx, one node stops (SIGTERM) and
//!   comes back as a "newer version" with one more migration (an expand
//!   step: a new nullable column), then the other does the same; the older
//!   node keeps serving on the newer schema meanwhile, and is still ready;
//! - no client request fails.

use std::process::Stdio;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use sportello_storage::DatabaseUrl;
use sportello_testkit::raw;

use crate::common::nginx::{Client, Nginx, certificate, nanos, program};
use crate::common::node::{Node, free_port};

/// The newer version's migration: it only adds (expand/contract).
const EXPAND: &str = "ALTER TABLE centres ADD COLUMN upgrade_note TEXT;\n";
const EXPAND_VERSION: u64 = 100;

/// What the clients ask for, again and again.
const PATHS: [&str; 3] = ["/api/v1/centres", "/it/search?q=cuoco", "/en/"];

fn start(port: u16, db: &str, dir: &std::path::Path, name: &str, newer: Option<&std::path::Path>) -> Node {
    let env: Vec<(&str, &std::path::Path)> = newer.map(|d| ("SPORTELLO_EXTRA_MIGRATIONS", d)).into_iter().collect();
    Node::start_with_env(
        port,
        db,
        &dir.join(format!("index-{name}")),
        &["--behind-proxy".to_string()],
        &env,
        Stdio::inherit(),
        "warn",
    )
}

/// Stops a node as systemd does, and waits for it to be gone.
fn stop(mut node: Node) {
    node.terminate();
    let status = node.wait_exit(Duration::from_secs(40)).expect("the node stops");
    assert!(status.success(), "the node stopped cleanly: {status}");
}

#[tokio::test(flavor = "multi_thread")]
async fn two_nodes_upgrade_one_at_a_time_behind_nginx() {
    let started = Instant::now();
    let admin = std::env::var("SPORTELLO_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let name = format!(
        "sportello_upgrade_{}_{}",
        std::process::id(),
        nanos().rem_euclid(1_000_000_000)
    );
    let admin_url = DatabaseUrl::Postgres(admin.clone());
    raw::execute(&admin_url, &format!("CREATE DATABASE \"{name}\"")).await;
    let base = admin.rsplit_once('/').map_or(admin.as_str(), |(base, _)| base);
    let db = format!("{base}/{name}");
    let db_url = DatabaseUrl::Postgres(db.clone());
    let dir = std::env::temp_dir().join(format!("sportello-upgrade-{}-{}", std::process::id(), nanos()));
    std::fs::create_dir_all(&dir).unwrap();
    let newer = dir.join("newer-migrations");
    std::fs::create_dir_all(&newer).unwrap();
    std::fs::write(
        newer.join(format!("{EXPAND_VERSION:04}_upgrade_test_expand.sql")),
        EXPAND,
    )
    .unwrap();

    // Two nodes at once on the empty database.
    let (port_a, port_b) = (free_port(), free_port());
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| start(port_a, &db, &dir, "a", None));
        let b = s.spawn(|| start(port_b, &db, &dir, "b", None));
        (a.join().expect("node a came up"), b.join().expect("node b came up"))
    });
    let files = std::fs::read_dir(sportello_testkit::repository().join("crates/storage/migrations/postgres"))
        .unwrap()
        .filter(|f| {
            f.as_ref()
                .is_ok_and(|f| f.path().extension().is_some_and(|e| e == "sql"))
        })
        .count() as u64;
    let count = |sql: &'static str| {
        let db_url = db_url.clone();
        async move { raw::number(&db_url, sql, &[]).await }
    };
    assert_eq!(
        count("SELECT CAST(COUNT(*) AS TEXT) FROM _sqlx_migrations WHERE success").await,
        files
    );
    assert_eq!(
        count("SELECT CAST(COUNT(DISTINCT version) AS TEXT) FROM _sqlx_migrations").await,
        files
    );
    let storage = sportello_storage::open(&db_url).await.unwrap();
    for centre in sportello_demo::centres::centres() {
        storage.insert_centre(&centre).await.unwrap();
    }
    let centres: Vec<_> = storage.centres().await.unwrap();
    sportello_demo::appointments::create(storage.as_ref(), &centres)
        .await
        .unwrap();

    let (cert, key) = certificate(&dir);
    let nginx = Nginx::start(&program("nginx"), &dir, &[port_a, port_b], &cert, &key);
    let client = Client {
        dir: dir.clone(),
        cert,
        https: nginx.https,
        http: nginx.http,
    };
    for path in PATHS {
        assert_eq!(client.get(path, &[]).status, 200, "{path} answers before the upgrade");
    }

    // Clients keep asking while the nodes are upgraded one at a time.
    let done = AtomicBool::new(false);
    let answers: Mutex<Vec<(String, u16)>> = Mutex::new(Vec::new());
    // The clients stop when this is dropped, even if the test fails.
    struct StopClients<'a>(&'a AtomicBool);
    impl Drop for StopClients<'_> {
        fn drop(&mut self) {
            self.0.store(true, Ordering::Relaxed);
        }
    }
    let nodes = std::thread::scope(|s| {
        for offset in 0..2 {
            let (client, done, answers) = (&client, &done, &answers);
            s.spawn(move || {
                let mut n = offset;
                while !done.load(Ordering::Relaxed) {
                    let path = PATHS[n % PATHS.len()];
                    let status = client.get(path, &[]).status;
                    answers.lock().unwrap().push((path.to_string(), status));
                    n += 1;
                }
            });
        }
        let stop_clients = StopClients(&done);
        std::thread::sleep(Duration::from_millis(500));
        let step = |what: &str| eprintln!("{:>6.2} s: {what}", started.elapsed().as_secs_f64());
        step(&format!("stopping a (port {port_a}; b is {port_b})"));
        stop(a);
        step("a stopped");
        let a = start(port_a, &db, &dir, "a", Some(&newer));
        step("a is back, newer");
        a.wait_ready(Duration::from_secs(20));
        // The older node serves on the newer schema, and says it is ready.
        let (status, body) = b.get("/readyz");
        assert_eq!(status, 200, "the older node stays ready on a newer schema: {body}");
        // nginx takes a node back 3 s after its last refused connection
        // (`fail_timeout` in the site): the procedure waits 5 s.
        std::thread::sleep(Duration::from_secs(5));
        step("stopping b");
        stop(b);
        step("b stopped");
        let b = start(port_b, &db, &dir, "b", Some(&newer));
        step("b is back, newer");
        assert_eq!(a.get("/healthz").0, 200, "a still up");
        std::thread::sleep(Duration::from_millis(500));
        drop(stop_clients);
        (a, b)
    });
    // Once every client has its answer.
    drop(nodes);
    let answers = answers.into_inner().unwrap();
    let failed: Vec<_> = answers.iter().filter(|(_, status)| *status != 200).collect();
    assert!(answers.len() >= 20, "clients kept asking: {} answers", answers.len());
    assert!(
        failed.is_empty(),
        "{} of {} requests failed: {failed:?}",
        failed.len(),
        answers.len()
    );
    assert_eq!(
        raw::number(
            &db_url,
            &format!("SELECT CAST(COUNT(*) AS TEXT) FROM _sqlx_migrations WHERE version = {EXPAND_VERSION}"),
            &[]
        )
        .await,
        1,
        "the newer migration ran once"
    );
    drop(storage);
    drop(nginx);
    raw::execute(&admin_url, &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await;
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!(
        "upgrade test: {} requests through nginx during two restarts, none failed; {:.1} s",
        answers.len(),
        started.elapsed().as_secs_f64()
    );
}
