//! The limiter's counters, run unchanged against SQLite and PostgreSQL:
//! each request is counted once and read back with the window before,
//! concurrent requests all add up, and old windows are purged.

use std::sync::Arc;

use sportello_storage::{Storage, WindowCounts};
use sportello_testkit::on_both_backends;
use sportello_testkit::{Backend, TestDatabase};

async fn counts_by_window(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let (window, first) = (60, 1_800_000_000);
    for n in 1..=3 {
        let counts = s.count_request("a", first, window).await.unwrap();
        assert_eq!(
            counts,
            WindowCounts {
                current: n,
                previous: 0
            }
        );
    }
    // Another key counts apart.
    assert_eq!(s.count_request("b", first, window).await.unwrap().current, 1);
    // The next window sees the previous one's count.
    let next = s.count_request("a", first + window, window).await.unwrap();
    assert_eq!(
        next,
        WindowCounts {
            current: 1,
            previous: 3
        }
    );
    // A window later still, the first one is no longer the previous.
    let later = s.count_request("a", first + 2 * window, window).await.unwrap();
    assert_eq!(
        later,
        WindowCounts {
            current: 1,
            previous: 1
        }
    );

    // Purged once no decision reads it: the first window from first + 2w.
    assert_eq!(s.purge_request_counts(first + 2 * window - 1).await.unwrap(), 0);
    assert_eq!(s.purge_request_counts(first + 2 * window).await.unwrap(), 2);
    let again = s.count_request("a", first + 2 * window, window).await.unwrap();
    assert_eq!(
        again,
        WindowCounts {
            current: 2,
            previous: 1
        }
    );

    s.forget_requests("a").await.unwrap();
    let fresh = s.count_request("a", first + 2 * window, window).await.unwrap();
    assert_eq!(
        fresh,
        WindowCounts {
            current: 1,
            previous: 0
        }
    );
}

/// Fifty requests at once, from as many connections: every one counted,
/// each seeing a different count.
async fn concurrent_requests_all_count(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let storage: Arc<dyn Storage> = db.storage.clone();
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let storage = storage.clone();
            tokio::spawn(async move { storage.count_request("burst", 1_800_000_000, 60).await.unwrap() })
        })
        .collect();
    let mut seen = Vec::new();
    for task in tasks {
        seen.push(task.await.unwrap().current);
    }
    seen.sort_unstable();
    assert_eq!(seen, (1..=50).collect::<Vec<u32>>());
}

on_both_backends!(
    counts_by_window,
    #[multi_thread]
    concurrent_requests_all_count
);
