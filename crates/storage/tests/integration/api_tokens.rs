//! API tokens' lives, on SQLite and PostgreSQL: a token works until its
//! expiry; a new password (changed or reset) and a second factor turned on,
//! off or reset revoke all the user's tokens in the same transaction, with
//! one audit row naming them; and tokens made before expiries existed get
//! one (the migration's time + 90 days) when the database is migrated.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use sportello_domain::{Actor, Grant, Lang, Role, Scope, User, UserId};
use sportello_storage::{AuditFilter, DatabaseUrl, NewUser, Storage};
use sportello_testkit::on_both_backends;
use sportello_testkit::{Backend, TestDatabase};
use sqlx::Connection;

on_both_backends!(
    a_token_works_until_it_expires,
    a_new_password_or_second_factor_revokes_every_token,
    tokens_made_before_expiries_get_ninety_days,
);

async fn user(s: &dyn Storage, email: &str) -> User {
    let new = NewUser {
        email: email.into(),
        name: "Anna Rossi".into(),
        lang: Lang::It,
        password_hash: "$argon2id$placeholder".into(),
        must_change_password: false,
        grants: vec![Grant::new(Role::Admin, Scope::Installation).unwrap()],
    };
    s.insert_user(&new, &Actor::system(), Utc::now()).await.unwrap()
}

async fn a_token_works_until_it_expires(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let now = Utc::now();
    let anna = user(s, "anna@cpi.example").await;
    let expires = now + Duration::days(30);
    let made = s
        .insert_api_token(anna.id, "script", "hash-1", expires, &Actor::system(), now)
        .await
        .unwrap();
    assert_eq!(made.expires_at, expires);
    let listed = &s.api_tokens(anna.id).await.unwrap()[0];
    assert!(
        (listed.expires_at - expires).num_milliseconds().abs() <= 1,
        "{} ≠ {expires}",
        listed.expires_at
    );
    let day_before = expires - Duration::days(1);
    assert_eq!(
        s.user_by_api_token("hash-1", day_before).await.unwrap().map(|u| u.id),
        Some(anna.id)
    );
    assert!(
        s.user_by_api_token("hash-1", expires).await.unwrap().is_none(),
        "dead at its expiry"
    );
    assert!(
        s.user_by_api_token("hash-1", expires + Duration::days(1))
            .await
            .unwrap()
            .is_none()
    );
}

/// A token of `user` named `name` (its hash `hash-NAME`) for 90 days: its id.
async fn token(s: &dyn Storage, user: UserId, name: &str) -> i64 {
    let now = Utc::now();
    let hash = format!("hash-{name}");
    s.insert_api_token(user, name, &hash, now + Duration::days(90), &Actor::system(), now)
        .await
        .unwrap()
        .id
}

/// The ids of the live tokens of `user`.
async fn live(s: &dyn Storage, user: UserId) -> Vec<i64> {
    let now = Utc::now();
    s.api_tokens(user)
        .await
        .unwrap()
        .into_iter()
        .filter(|t| t.revoked_at.is_none() && t.expires_at > now)
        .map(|t| t.id)
        .collect()
}

/// The details of the `token.revoke_all` rows about `user`, oldest first.
async fn revocations(s: &dyn Storage, user: UserId) -> Vec<serde_json::Value> {
    let mut rows = s
        .audit_entries(&AuditFilter {
            action: Some("token.revoke_all".into()),
            object_id: Some(user.0.to_string()),
            limit: 100,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    rows.sort_by_key(|r| r.id);
    rows.iter()
        .map(|r| {
            assert_eq!(r.object_kind, "user");
            assert!(!r.details.contains('@'), "names people by id: {}", r.details);
            serde_json::from_str(&r.details).unwrap()
        })
        .collect()
}

async fn a_new_password_or_second_factor_revokes_every_token(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let now = Utc::now();
    let anna = user(s, "anna@cpi.example").await;
    let other = user(s, "other@cpi.example").await;
    let later = now + Duration::days(90);
    let theirs = s
        .insert_api_token(other.id, "theirs", "hash-other", later, &Actor::system(), now)
        .await
        .unwrap();
    // Each change of a credential, with two live tokens before it.
    let steps = [
        "user.password_change",
        "user.password_reset",
        "user.second_factor_on",
        "user.second_factor_off",
    ];
    for (n, because) in steps.into_iter().enumerate() {
        let (one, two) = (["a1", "b1", "c1", "d1"][n], ["a2", "b2", "c2", "d2"][n]);
        let first = token(s, anna.id, one).await;
        let second = token(s, anna.id, two).await;
        assert_eq!(live(s, anna.id).await, vec![first, second]);
        let system = Actor::system();
        match because {
            "user.password_change" => s.set_password(anna.id, "$argon2id$new", false, None, &system, now),
            "user.password_reset" => s.set_password(anna.id, "$argon2id$reset", true, None, &system, now),
            "user.second_factor_on" => s.set_totp(anna.id, Some("JBSWY3DPEHPK3PXP"), &[], &system, now),
            _ => s.set_totp(anna.id, None, &[], &system, now),
        }
        .await
        .unwrap();
        assert!(live(s, anna.id).await.is_empty(), "{because}: every token revoked");
        for name in [one, two] {
            let hash = format!("hash-{name}");
            assert!(
                s.user_by_api_token(&hash, Utc::now()).await.unwrap().is_none(),
                "{because}"
            );
        }
        let rows = revocations(s, anna.id).await;
        assert_eq!(rows.len(), n + 1, "{because}: one row per change");
        assert_eq!(rows[n]["because"], because);
        assert_eq!(rows[n]["tokens"], serde_json::json!([first, second]));
    }
    // Nothing to revoke: no row.
    s.set_password(anna.id, "$argon2id$again", false, None, &Actor::system(), now)
        .await
        .unwrap();
    assert_eq!(revocations(s, anna.id).await.len(), steps.len());
    // Someone else's tokens are untouched.
    assert_eq!(live(s, other.id).await, vec![theirs.id]);
    assert!(revocations(s, other.id).await.is_empty());
}

/// A database of its own, migrated with the migrations before 0015 only.
struct OldDatabase {
    url: DatabaseUrl,
    drop_sql: Option<(String, String)>,
    file: Option<PathBuf>,
}

impl OldDatabase {
    async fn new(backend: Backend) -> OldDatabase {
        let name = format!(
            "sportello_t_old_{}_{}",
            std::process::id(),
            Utc::now().timestamp_nanos_opt().unwrap_or_default()
        );
        let folder = match backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        };
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(folder);
        let before = std::env::temp_dir().join(format!("{name}-migrations"));
        std::fs::create_dir_all(&before).unwrap();
        for entry in std::fs::read_dir(&source).unwrap() {
            let path = entry.unwrap().path();
            let file = path.file_name().unwrap().to_string_lossy().to_string();
            if file.as_str() < "0015" {
                std::fs::copy(&path, before.join(&file)).unwrap();
            }
        }
        let migrator = sqlx::migrate::Migrator::new(before.as_path()).await.unwrap();
        let old = match backend {
            Backend::Sqlite => {
                let file = std::env::temp_dir().join(format!("{name}.sqlite"));
                let url = format!("sqlite://{}?mode=rwc", file.display());
                let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
                migrator.run(&mut conn).await.unwrap();
                conn.close().await.unwrap();
                OldDatabase {
                    url: DatabaseUrl::Sqlite(file.display().to_string()),
                    drop_sql: None,
                    file: Some(file),
                }
            }
            Backend::Postgres => {
                let admin = std::env::var("SPORTELLO_TEST_POSTGRES")
                    .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
                let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
                    .execute(&mut conn)
                    .await
                    .unwrap();
                let base = admin.rsplit_once('/').map_or(admin.as_str(), |(base, _)| base);
                let url = format!("{base}/{name}");
                let mut db = sqlx::PgConnection::connect(&url).await.unwrap();
                migrator.run(&mut db).await.unwrap();
                db.close().await.unwrap();
                OldDatabase {
                    url: DatabaseUrl::Postgres(url),
                    drop_sql: Some((admin, format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))),
                    file: None,
                }
            }
        };
        std::fs::remove_dir_all(&before).unwrap();
        old
    }

    /// Runs `sql` (binding the time `at`) on the database as it is.
    async fn execute(&self, sql: &'static str, at: DateTime<Utc>) {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{path}"))
                    .await
                    .unwrap();
                sqlx::query(sql).bind(at).execute(&mut conn).await.unwrap();
                conn.close().await.unwrap();
            }
            DatabaseUrl::Postgres(url) => {
                let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
                sqlx::query(sql).bind(at).execute(&mut conn).await.unwrap();
                conn.close().await.unwrap();
            }
        }
    }

    async fn remove(self) {
        if let Some(file) = &self.file {
            let _ = std::fs::remove_file(file);
        }
        if let Some((admin, sql)) = self.drop_sql {
            let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
            sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut conn).await.unwrap();
        }
    }
}

async fn tokens_made_before_expiries_get_ninety_days(backend: Backend) {
    let old = OldDatabase::new(backend).await;
    let made = Utc::now() - Duration::days(400);
    old.execute(
        "INSERT INTO users (email, name, lang, password_hash, created_at, updated_at) \
         VALUES ('anna@cpi.example', 'Anna', 'it', 'x', $1, $1)",
        made,
    )
    .await;
    old.execute(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at) \
         SELECT id, 'old script', 'old-hash', $1 FROM users WHERE email = 'anna@cpi.example'",
        made,
    )
    .await;
    old.execute(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at, revoked_at) \
         SELECT id, 'revoked', 'revoked-hash', $1, $1 FROM users WHERE email = 'anna@cpi.example'",
        made,
    )
    .await;

    // Opening the database migrates it (0015 and nothing else).
    let before = Utc::now();
    let storage = sportello_storage::open(&old.url).await.unwrap();
    let after = Utc::now();
    let anna = storage.credentials("anna@cpi.example").await.unwrap().unwrap().user.id;
    let tokens = storage.api_tokens(anna).await.unwrap();
    assert_eq!(tokens.len(), 2);
    for token in &tokens {
        let from_migration = token.expires_at - Duration::days(90);
        assert!(
            from_migration >= before - Duration::seconds(1) && from_migration <= after + Duration::seconds(1),
            "{}: expires {} (migrated between {before} and {after})",
            token.name,
            token.expires_at
        );
    }
    assert!(tokens[1].revoked_at.is_some(), "a revoked token stays revoked");
    let user = storage.user_by_api_token("old-hash", Utc::now()).await.unwrap();
    assert_eq!(user.map(|u| u.id), Some(anna), "an old token still works…");
    let later = Utc::now() + Duration::days(91);
    assert!(
        storage.user_by_api_token("old-hash", later).await.unwrap().is_none(),
        "…for 90 days"
    );
    // The column is required from now on.
    drop(storage);
    let missing = match &old.url {
        DatabaseUrl::Sqlite(path) => {
            let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{path}"))
                .await
                .unwrap();
            sqlx::query("INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, 'n', 'h', $2)")
                .bind(anna.0)
                .bind(Utc::now())
                .execute(&mut conn)
                .await
                .map(|_| ())
        }
        DatabaseUrl::Postgres(url) => {
            let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query("INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, 'n', 'h', $2)")
                .bind(anna.0)
                .bind(Utc::now())
                .execute(&mut conn)
                .await
                .map(|_| ())
        }
    };
    assert!(missing.is_err(), "a token without an expiry is refused");
    old.remove().await;
}
