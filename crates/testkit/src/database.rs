//! Fresh databases for tests, on either backend. PostgreSQL tests use the
//! server at `SPORTELLO_TEST_POSTGRES` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`) and fail, never skip, when
//! it cannot be reached. Each test gets its own database, dropped afterwards.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Connection;
use sqlx::postgres::PgConnection;

use sportello_storage::{DatabaseUrl, Storage};

/// Which backend a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A fresh, migrated database; removed when dropped.
pub struct TestDatabase {
    pub storage: Arc<dyn Storage>,
    pub url: DatabaseUrl,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Database { admin_url: String, name: String },
}

fn admin_url() -> String {
    std::env::var("SPORTELLO_TEST_POSTGRES").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn unique_name() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .subsec_nanos();
    format!(
        "sportello_t_{}_{}_{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

impl TestDatabase {
    /// Creates and migrates a fresh database. Panics with a clear message
    /// when PostgreSQL is unreachable: a test that cannot run must fail.
    pub async fn new(backend: Backend) -> TestDatabase {
        let name = unique_name();
        let (url, cleanup) = match backend {
            Backend::Sqlite => {
                let path = std::env::temp_dir().join(format!("{name}.sqlite"));
                (DatabaseUrl::Sqlite(path.display().to_string()), Cleanup::File(path))
            }
            Backend::Postgres => {
                let admin = admin_url();
                let mut conn = PgConnection::connect(&admin).await.unwrap_or_else(|e| {
                    panic!("PostgreSQL tests need a server at {admin} (set SPORTELLO_TEST_POSTGRES): {e}")
                });
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
                    .execute(&mut conn)
                    .await
                    .unwrap_or_else(|e| panic!("cannot create test database {name}: {e}"));
                let base = admin.rsplit_once('/').map_or(admin.as_str(), |(base, _)| base);
                (
                    DatabaseUrl::Postgres(format!("{base}/{name}")),
                    Cleanup::Database {
                        admin_url: admin.clone(),
                        name,
                    },
                )
            }
        };
        let storage = sportello_storage::open(&url)
            .await
            .unwrap_or_else(|e| panic!("cannot open test database {url}: {e}"));
        TestDatabase { storage, url, cleanup }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Database { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Drop cannot await: use a short-lived runtime on its own thread.
                let _ = std::thread::spawn(move || {
                    let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
                        return;
                    };
                    rt.block_on(async {
                        if let Ok(mut conn) = PgConnection::connect(&admin_url).await {
                            let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                            let _ = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut conn).await;
                        }
                    });
                })
                .join();
            }
        }
    }
}
