//! The limiter's counters: one row per key and fixed window, counted and
//! read back (with the window before) in one statement, so that requests
//! on every node add up and none is lost between a check and its record.
//! The rules that decide are in `sportello_domain::limits`; the keys are
//! keyed hashes made by the application, so no address or contact is kept.

use async_trait::async_trait;

use crate::StorageError;

/// The counts a request sees: its own window's (itself included) and the
/// previous window's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WindowCounts {
    pub current: u32,
    pub previous: u32,
}

#[async_trait]
pub trait Limiter {
    /// Counts one request of `bucket` in the window that starts at
    /// `window_start` (seconds since the epoch) and is `window` seconds wide.
    async fn count_request(&self, bucket: &str, window_start: i64, window: i64) -> Result<WindowCounts, StorageError>;
    /// Forgets `bucket`'s counts (e.g. an account's attempts once it signs in).
    async fn forget_requests(&self, bucket: &str) -> Result<(), StorageError>;
    /// Removes the counts of windows that no decision reads any more: those
    /// that ended a whole window before `now` (seconds since the epoch).
    async fn purge_request_counts(&self, now: i64) -> Result<u64, StorageError>;
}
