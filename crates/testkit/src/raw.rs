//! The test database read and written past the application, through a
//! connection of its own: to see what the database really holds (sealed
//! values, the limiter's keys, a message's error) or to leave it as an older
//! version or another process would have.

use sportello_storage::DatabaseUrl;
use sqlx::Connection;

/// The one text column of every row `sql` gives, with `binds` as `$1`, `$2`…
pub async fn texts(url: &DatabaseUrl, sql: &str, binds: &[&str]) -> Vec<String> {
    let sql = sqlx::AssertSqlSafe(sql.to_string());
    match url {
        DatabaseUrl::Sqlite(path) => {
            let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{path}"))
                .await
                .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
            let mut query = sqlx::query_scalar::<_, String>(sql);
            for bind in binds {
                query = query.bind(*bind);
            }
            query.fetch_all(&mut conn).await.unwrap_or_else(|e| panic!("{e}"))
        }
        DatabaseUrl::Postgres(pg) => {
            let mut conn = sqlx::PgConnection::connect(pg)
                .await
                .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
            let mut query = sqlx::query_scalar::<_, String>(sql);
            for bind in binds {
                query = query.bind(*bind);
            }
            query.fetch_all(&mut conn).await.unwrap_or_else(|e| panic!("{e}"))
        }
    }
}

/// The number `sql` gives (one row, one column, as text: e.g.
/// `SELECT CAST(COUNT(*) AS TEXT) …`), with `binds` as `$1`, `$2`…
pub async fn number(url: &DatabaseUrl, sql: &str, binds: &[&str]) -> u64 {
    let rows = texts(url, sql, binds).await;
    rows[0].parse().unwrap_or_else(|e| panic!("{sql} gave {rows:?}: {e}"))
}

/// Runs `sql`; how many rows it changed.
pub async fn execute(url: &DatabaseUrl, sql: &str) -> u64 {
    let sql = sqlx::AssertSqlSafe(sql.to_string());
    match url {
        DatabaseUrl::Sqlite(path) => {
            let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{path}"))
                .await
                .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
            sqlx::query(sql)
                .execute(&mut conn)
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .rows_affected()
        }
        DatabaseUrl::Postgres(pg) => {
            let mut conn = sqlx::PgConnection::connect(pg)
                .await
                .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
            sqlx::query(sql)
                .execute(&mut conn)
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .rows_affected()
        }
    }
}

/// Every row of every table of the application, each as one line of text
/// (`table: col1 | col2 | …`, every column cast to text): what a search for
/// a person's data must not find after they are erased.
pub async fn dump(url: &DatabaseUrl) -> Vec<String> {
    let mut lines = Vec::new();
    match url {
        DatabaseUrl::Sqlite(path) => {
            let tables = texts(
                url,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                &[],
            )
            .await;
            let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{path}"))
                .await
                .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
            for table in tables {
                let columns = texts(url, &format!("SELECT name FROM pragma_table_info('{table}')"), &[]).await;
                // As bytes, read leniently: a column may hold bytes that are
                // not UTF-8 (a sealed value, a file).
                let row = columns
                    .iter()
                    .map(|c| format!("CAST(COALESCE(\"{c}\", '') AS BLOB)"))
                    .collect::<Vec<_>>()
                    .join(" || CAST(' | ' AS BLOB) || ");
                let sql = sqlx::AssertSqlSafe(format!("SELECT {row} FROM \"{table}\""));
                let rows: Vec<Vec<u8>> = sqlx::query_scalar(sql)
                    .fetch_all(&mut conn)
                    .await
                    .unwrap_or_else(|e| panic!("{table}: {e}"));
                for bytes in rows {
                    lines.push(format!("{table}: {}", String::from_utf8_lossy(&bytes)));
                }
            }
        }
        DatabaseUrl::Postgres(_) => {
            let tables = texts(
                url,
                "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
                &[],
            )
            .await;
            for table in tables {
                for line in texts(url, &format!("SELECT CAST(t AS TEXT) FROM \"{table}\" t"), &[]).await {
                    lines.push(format!("{table}: {line}"));
                }
            }
        }
    }
    lines
}
