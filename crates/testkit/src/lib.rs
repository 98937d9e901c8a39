//! What Sportello's tests share, and nothing production code may use (it is
//! only ever a dev-dependency): fresh databases on SQLite and PostgreSQL
//! ([`database`]), the macro that runs a test on both ([`on_both_backends!`]),
//! builders of centres and offers ([`builders`]), a real SMTP server on
//! loopback ([`smtp`]), a real SMS gateway with a fake SMS centre
//! ([`kannel`]), the database read past the application ([`raw`]), the data
//! keys of its databases ([`data_keys`]), and readers of the PDFs ([`pdf`])
//! and PNG images ([`png`]) the application makes.
//!
//! It depends on domain, auth and storage only, so any crate's tests may use it;
//! unit tests *inside* domain or storage may not (they would see a second
//! copy of those crates' types): theirs live in the crate's `tests/`.

pub mod builders;
pub mod database;
pub mod kannel;
mod keys;
pub mod pdf;
pub mod png;
pub mod raw;
pub mod smtp;
mod templates;

pub use database::{Backend, TestDatabase};
pub use keys::{DATA_KEY_FILE, data_keys};

/// A loopback port free now, for a process of the test to listen on.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The repository's root directory (for its `scripts/`).
pub fn repository() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs each named `async fn` once on SQLite and once on PostgreSQL, as
/// tests `sqlite::NAME` and `postgres::NAME` beside it: the one way a test
/// runs on both backends. Each gets what `$make` (an
/// `async fn(Backend) -> T`) makes for its backend; without `using`, it
/// gets the [`Backend`] itself. `#[multi_thread]` before a name runs that
/// test on Tokio's multi-threaded runtime (four workers), for tests that
/// race writers. One invocation per module.
///
/// ```ignore
/// on_both_backends!(using crate::common::TestApp::new => lists_centres, counts_offers);
/// on_both_backends!(story, #[multi_thread] concurrent_references);
/// ```
#[macro_export]
macro_rules! on_both_backends {
    (using $make:path => $($(#[$flavor:ident])? $name:ident),* $(,)?) => {
        mod sqlite {
            $($crate::on_both_backends!(@test $make, Sqlite, [$($flavor)?] $name);)*
        }
        mod postgres {
            $($crate::on_both_backends!(@test $make, Postgres, [$($flavor)?] $name);)*
        }
    };
    (@test $make:path, $backend:ident, [] $name:ident) => {
        #[tokio::test]
        async fn $name() {
            super::$name($make($crate::Backend::$backend).await).await;
        }
    };
    (@test $make:path, $backend:ident, [multi_thread] $name:ident) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
        async fn $name() {
            super::$name($make($crate::Backend::$backend).await).await;
        }
    };
    ($($(#[$flavor:ident])? $name:ident),* $(,)?) => {
        $crate::on_both_backends!(using $crate::ready => $($(#[$flavor])? $name),*);
    };
}

/// The backend itself, for tests that make their own database.
pub async fn ready(backend: Backend) -> Backend {
    backend
}
