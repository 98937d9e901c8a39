//! Fresh databases for tests, on either backend. PostgreSQL tests use the
//! server at `SPORTELLO_TEST_POSTGRES` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`) and fail, never skip, when
//! it cannot be reached. Each test gets its own database, dropped afterwards,
//! copied from a template that is migrated (and filled) once per test binary.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use sportello_storage::{DatabaseUrl, Storage};
use sqlx::Connection;
use sqlx::postgres::PgConnection;
use sqlx::sqlite::SqliteConnection;

use crate::templates;

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
    /// A fresh, migrated database. Panics with a clear message when
    /// PostgreSQL is unreachable: a test that cannot run must fail.
    pub async fn new(backend: Backend) -> TestDatabase {
        TestDatabase::prepared(backend, "migrated", |_| async {}).await
    }

    /// A fresh database holding what `fill` writes into a migrated one.
    /// `fill` runs once per test binary, backend and `content` (name the
    /// content fully, e.g. `demo-120-11-2026-12-07`: the same name must
    /// always mean the same data); every test then starts from its own copy
    /// of the result (see `templates.rs`), with its own database identity.
    pub async fn prepared<F, Fut>(backend: Backend, content: &str, fill: F) -> TestDatabase
    where
        F: FnOnce(Arc<dyn Storage>) -> Fut,
        Fut: Future<Output = ()>,
    {
        let name = unique_name();
        let template = templates::template_name(content);
        let (url, cleanup) = match backend {
            Backend::Sqlite => {
                let source = templates::sqlite_template(&template, fill).await;
                let path = std::env::temp_dir().join(format!("{name}.sqlite"));
                std::fs::copy(&source, &path).unwrap_or_else(|e| panic!("cannot copy {}: {e}", source.display()));
                (DatabaseUrl::Sqlite(path.display().to_string()), Cleanup::File(path))
            }
            Backend::Postgres => {
                let admin = admin_url();
                templates::postgres_template(&admin, &template, fill).await;
                templates::postgres_copy(&admin, &template, &name).await;
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
        let storage = sportello_storage::open_with_keys(&url, Some(crate::keys::data_keys()))
            .await
            .unwrap_or_else(|e| panic!("cannot open test database {url}: {e}"));
        new_identity(&url).await;
        TestDatabase { storage, url, cleanup }
    }
}

/// Gives a copied database an identity of its own, as migrating a new one
/// does (`installation_keys.database_id`): two test databases are never the
/// same database to a search index.
async fn new_identity(url: &DatabaseUrl) {
    let id = format!("{:032x}", {
        let mut hasher = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(&(unique_name(), std::time::SystemTime::now()), &mut hasher);
        (u128::from(std::hash::Hasher::finish(&hasher)) << 64) | u128::from(std::process::id())
    });
    let sql = "UPDATE installation_keys SET value = $1 WHERE name = 'database_id'";
    let done = match url {
        DatabaseUrl::Sqlite(path) => match SqliteConnection::connect(&format!("sqlite://{path}")).await {
            Ok(mut conn) => sqlx::query(sql).bind(&id).execute(&mut conn).await.map(|_| ()),
            Err(e) => Err(e),
        },
        DatabaseUrl::Postgres(url) => match PgConnection::connect(url).await {
            Ok(mut conn) => sqlx::query(sql).bind(&id).execute(&mut conn).await.map(|_| ()),
            Err(e) => Err(e),
        },
    };
    done.unwrap_or_else(|e| panic!("cannot give the test database {url} its identity: {e}"));
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(path) => templates::remove_sqlite(path),
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
