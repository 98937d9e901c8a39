//! Template databases: what many tests start from (the migrated schema, the
//! demo data) is written once per test binary, backend and content, and
//! every test then gets its own copy — `CREATE DATABASE … TEMPLATE` on
//! PostgreSQL, a file copy on SQLite — instead of running the migrations and
//! loading the data again. The first process to need a template builds it
//! under a lock (an advisory lock on PostgreSQL, a lock file on SQLite); the
//! others wait and copy. A template is named by its content and by the test
//! binary's build, so a rebuilt binary (new code, new migrations) never
//! starts from an old template; the templates of earlier builds of the same
//! binary are removed when a new one is made.

use std::future::Future;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use sportello_storage::{DatabaseUrl, Storage};
use sqlx::Connection;
use sqlx::postgres::PgConnection;
use sqlx::sqlite::SqliteConnection;

/// The prefix of every template's name.
const PREFIX: &str = "sportello_tpl_";

/// `sportello_tpl_{binary}{build}_{content}`: `binary` (8 hex digits) names
/// the test executable, `build` (8 more) its build.
pub fn template_name(content: &str) -> String {
    let exe = std::env::current_exe().unwrap_or_default();
    let hash = |value: &dyn Fn(&mut DefaultHasher)| {
        let mut hasher = DefaultHasher::new();
        value(&mut hasher);
        hasher.finish() as u32
    };
    let binary = hash(&|h| exe.file_name().hash(h));
    let build = hash(&|h| {
        let meta = std::fs::metadata(&exe).ok();
        meta.as_ref().map(|m| m.len()).hash(h);
        meta.and_then(|m| m.modified().ok()).hash(h);
    });
    let content: String = content
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("{PREFIX}{binary:08x}{build:08x}_{content}")
}

/// The part of a template's name that names its test binary.
fn binary_part(template: &str) -> &str {
    &template[PREFIX.len()..PREFIX.len() + 8]
}

fn build_part(template: &str) -> &str {
    &template[PREFIX.len() + 8..PREFIX.len() + 16]
}

/// Opens (and migrates) the database at `url`.
async fn open(url: &DatabaseUrl) -> Arc<dyn Storage> {
    sportello_storage::open_with_keys(url, Some(crate::keys::data_keys()))
        .await
        .unwrap_or_else(|e| panic!("cannot open test database {url}: {e}"))
}

/// Makes the PostgreSQL template `template` unless it exists: a migrated
/// database that `fill` then writes to.
pub async fn postgres_template<F, Fut>(admin_url: &str, template: &str, fill: F)
where
    F: FnOnce(Arc<dyn Storage>) -> Fut,
    Fut: Future<Output = ()>,
{
    let mut admin = PgConnection::connect(admin_url)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL tests need a server at {admin_url} (set SPORTELLO_TEST_POSTGRES): {e}"));
    sqlx::query("SELECT pg_advisory_lock(hashtext($1))")
        .bind(template)
        .execute(&mut admin)
        .await
        .expect("the template's lock");
    let exists: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
        .bind(template)
        .fetch_one(&mut admin)
        .await
        .expect("the list of databases");
    if !exists {
        // Earlier builds of this test binary are done with theirs.
        let old: Vec<String> = sqlx::query_scalar("SELECT datname FROM pg_database WHERE starts_with(datname, $1)")
            .bind(format!("{PREFIX}{}", binary_part(template)))
            .fetch_all(&mut admin)
            .await
            .expect("the list of databases");
        for name in old
            .iter()
            .filter(|n| n.len() > PREFIX.len() + 16 && build_part(n) != build_part(template))
        {
            drop_database(&mut admin, name).await;
        }
        // Built under another name and renamed when complete, so that a
        // test killed half-way never leaves a half-filled template.
        let building = format!("{template}_b");
        drop_database(&mut admin, &building).await;
        execute(&mut admin, &format!("CREATE DATABASE \"{building}\"")).await;
        let base = admin_url.rsplit_once('/').map_or(admin_url, |(base, _)| base);
        let storage = open(&DatabaseUrl::Postgres(format!("{base}/{building}"))).await;
        fill(storage).await;
        disconnect(&mut admin, &building).await;
        execute(
            &mut admin,
            &format!("ALTER DATABASE \"{building}\" RENAME TO \"{template}\""),
        )
        .await;
    }
    sqlx::query("SELECT pg_advisory_unlock(hashtext($1))")
        .bind(template)
        .execute(&mut admin)
        .await
        .expect("the template's lock");
}

/// Creates the PostgreSQL database `name` as a copy of `template`.
pub async fn postgres_copy(admin_url: &str, template: &str, name: &str) {
    let mut admin = PgConnection::connect(admin_url)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL tests need a server at {admin_url} (set SPORTELLO_TEST_POSTGRES): {e}"));
    let sql = format!("CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
    // The template's builder may still be closing its connections.
    for attempt in 0.. {
        match sqlx::query(sqlx::AssertSqlSafe(sql.clone())).execute(&mut admin).await {
            Ok(_) => return,
            Err(e) if attempt < 50 && e.to_string().contains("being accessed by other users") => {
                disconnect(&mut admin, template).await;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            Err(e) => panic!("cannot create test database {name} from {template}: {e}"),
        }
    }
}

async fn execute(admin: &mut PgConnection, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(admin)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

async fn drop_database(admin: &mut PgConnection, name: &str) {
    execute(admin, &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await;
}

/// Ends every other connection to `name`.
async fn disconnect(admin: &mut PgConnection, name: &str) {
    sqlx::query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
    )
    .bind(name)
    .execute(admin)
    .await
    .expect("closing the template's connections");
}

/// Makes the SQLite template file for `template` unless it exists, and
/// gives its path.
pub async fn sqlite_template<F, Fut>(template: &str, fill: F) -> PathBuf
where
    F: FnOnce(Arc<dyn Storage>) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = std::env::temp_dir();
    let file = dir.join(format!("{template}.sqlite"));
    let lock = dir.join(format!("{template}.lock"));
    loop {
        if file.exists() {
            return file;
        }
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&lock) {
            Ok(_) => break,
            Err(_) => {
                // Another test builds it; a lock left by a killed test is
                // taken over after a minute.
                let stale = std::fs::metadata(&lock)
                    .and_then(|m| m.modified())
                    .is_ok_and(|t| SystemTime::now().duration_since(t).unwrap_or_default() > Duration::from_secs(60));
                if stale {
                    let _ = std::fs::remove_file(&lock);
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
    if !file.exists() {
        remove_older_sqlite_templates(&dir, template);
        let pid = std::process::id();
        let building = dir.join(format!("{template}.building-{pid}.sqlite"));
        let storage = open(&DatabaseUrl::Sqlite(building.display().to_string())).await;
        fill(storage).await;
        // A compact copy with nothing left in the write-ahead log.
        let written = dir.join(format!("{template}.{pid}.tmp"));
        let mut conn = SqliteConnection::connect(&format!("sqlite://{}", building.display()))
            .await
            .expect("the template being built");
        sqlx::query(sqlx::AssertSqlSafe(format!("VACUUM INTO '{}'", written.display())))
            .execute(&mut conn)
            .await
            .expect("VACUUM INTO the template");
        conn.close().await.ok();
        std::fs::rename(&written, &file).expect("the template file");
        remove_sqlite(&building);
    }
    let _ = std::fs::remove_file(&lock);
    file
}

fn remove_older_sqlite_templates(dir: &Path, template: &str) {
    let binary = format!("{PREFIX}{}", binary_part(template));
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&binary) && name.len() > PREFIX.len() + 16 && build_part(&name) != build_part(template) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Removes an SQLite database file with its journal files.
pub fn remove_sqlite(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
