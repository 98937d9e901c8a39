//! What backups and restores ask of a database itself (the commands are
//! `sportello backup` and `sportello restore`): SQLite copies itself with
//! `VACUUM INTO`, a consistent snapshot taken while it serves, and checks a
//! copy with `PRAGMA integrity_check`; PostgreSQL is dumped and restored by
//! its own tools (`pg_dump`, `pg_restore`), which need its major version;
//! and either tells whether it holds data a restore would replace.

use std::path::Path;
use std::str::FromStr;

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection};

use crate::{DatabaseUrl, StorageError};

/// The tables whose rows make a database "hold data" for a restore.
const DATA_TABLES: [&str; 4] = ["users", "centres", "offers", "bookings"];

async fn sqlite_connection(path: &Path, create: bool) -> Result<SqliteConnection, StorageError> {
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))?
        .create_if_missing(create)
        .busy_timeout(std::time::Duration::from_secs(30));
    Ok(SqliteConnection::connect_with(&options).await?)
}

/// Writes a consistent copy of the SQLite database at `path` into the new
/// file `out` (`VACUUM INTO`: one read transaction, so writers go on and the
/// copy is the database as of its start).
pub async fn sqlite_copy_into(path: &str, out: &Path) -> Result<(), StorageError> {
    let mut conn = sqlite_connection(Path::new(path), false).await?;
    sqlx::query("VACUUM INTO $1")
        .bind(out.display().to_string())
        .execute(&mut conn)
        .await?;
    Ok(())
}

/// `PRAGMA integrity_check` of the SQLite file at `path`: `ok`, or what is
/// wrong.
pub async fn sqlite_integrity(path: &Path) -> Result<String, StorageError> {
    let mut conn = sqlite_connection(path, false).await?;
    let lines: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut conn)
        .await?;
    Ok(lines.join("; "))
}

/// How many rows of users, centres, offers and bookings the database holds
/// (0 for a database that is missing, empty or only migrated).
pub async fn rows_held(url: &DatabaseUrl) -> Result<u64, StorageError> {
    let mut total = 0u64;
    match url {
        DatabaseUrl::Sqlite(path) => {
            if !Path::new(path).exists() {
                return Ok(0);
            }
            let mut conn = sqlite_connection(Path::new(path), false).await?;
            for table in DATA_TABLES {
                let exists: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $1")
                        .bind(table)
                        .fetch_one(&mut conn)
                        .await?;
                if exists > 0 {
                    let sql = format!("SELECT COUNT(*) FROM {table}");
                    let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                        .fetch_one(&mut conn)
                        .await?;
                    total += u64::try_from(n).unwrap_or(0);
                }
            }
        }
        DatabaseUrl::Postgres(url) => {
            let mut conn = sqlx::PgConnection::connect(url).await?;
            for table in DATA_TABLES {
                let exists: Option<String> = sqlx::query_scalar("SELECT to_regclass($1)::text")
                    .bind(format!("public.{table}"))
                    .fetch_one(&mut conn)
                    .await?;
                if exists.is_some() {
                    let sql = format!("SELECT COUNT(*) FROM {table}");
                    let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                        .fetch_one(&mut conn)
                        .await?;
                    total += u64::try_from(n).unwrap_or(0);
                }
            }
        }
    }
    Ok(total)
}

/// Whether the PostgreSQL database has any table of its own (a restore
/// must then replace them).
pub async fn postgres_has_tables(url: &str) -> Result<bool, StorageError> {
    let mut conn = sqlx::PgConnection::connect(url).await?;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'")
        .fetch_one(&mut conn)
        .await?;
    Ok(n > 0)
}

/// The PostgreSQL server's major version (e.g. 15).
pub async fn postgres_major_version(url: &str) -> Result<u32, StorageError> {
    let mut conn = sqlx::PgConnection::connect(url).await?;
    let number: String = sqlx::query_scalar("SHOW server_version_num")
        .fetch_one(&mut conn)
        .await?;
    number
        .trim()
        .parse::<u32>()
        .map(|n| n / 10_000)
        .map_err(|_| StorageError::Invalid(format!("unexpected server_version_num {number:?}")))
}
