//! What Sportello's tests share, and nothing production code may use (it is
//! only ever a dev-dependency): fresh databases on SQLite and PostgreSQL
//! ([`database`]), the macro that runs a test on both ([`on_both_backends!`]),
//! builders of centres and offers ([`builders`]), a real SMTP server on
//! loopback ([`smtp`]), and readers of the PDFs ([`pdf`]) and PNG images
//! ([`png`]) the application makes.
//!
//! It depends on domain and storage only, so any crate's tests may use it;
//! unit tests *inside* domain or storage may not (they would see a second
//! copy of those crates' types): theirs live in the crate's `tests/`.

pub mod database;
pub mod pdf;
pub mod png;
pub mod smtp;

pub use database::{Backend, TestDatabase};

/// The repository's root directory (for its `scripts/`).
pub fn repository() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs each named `async fn` once on SQLite and once on PostgreSQL, in
/// modules `sqlite` and `postgres` beside it. Each test gets what `$make`
/// (an `async fn(Backend) -> T`) makes for its backend; without `using`, it
/// gets the [`Backend`] itself. `flavor` picks the Tokio runtime
/// (`multi_thread` for tests that race writers).
///
/// ```ignore
/// on_both_backends!(using TestApp::new => lists_centres, counts_offers);
/// on_both_backends!(flavor multi_thread; concurrent_bookings_fill_exactly);
/// ```
#[macro_export]
macro_rules! on_both_backends {
    (@expand [$($flavor:tt)*] using $make:path => $($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test($($flavor)*)]
                async fn $name() {
                    super::$name($make($crate::Backend::Sqlite).await).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test($($flavor)*)]
                async fn $name() {
                    super::$name($make($crate::Backend::Postgres).await).await;
                }
            )*
        }
    };
    (@expand [$($flavor:tt)*] $($name:ident),* $(,)?) => {
        $crate::on_both_backends!(@expand [$($flavor)*] using $crate::ready => $($name),*);
    };
    (flavor multi_thread; $($rest:tt)*) => {
        $crate::on_both_backends!(@expand [flavor = "multi_thread", worker_threads = 4] $($rest)*);
    };
    ($($rest:tt)*) => {
        $crate::on_both_backends!(@expand [] $($rest)*);
    };
}

/// The backend itself, for tests that make their own database.
pub async fn ready(backend: Backend) -> Backend {
    backend
}
