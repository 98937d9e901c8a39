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
