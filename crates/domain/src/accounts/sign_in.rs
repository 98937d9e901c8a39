//! How signing in is protected: the delays after failed attempts (counted
//! per account and per client address, kept by storage in one table) and
//! how long a session lasts.

use chrono::Duration;

/// Failed sign-ins allowed on an account before delays start.
pub const FREE_ACCOUNT_FAILURES: u32 = 3;
/// Failed sign-ins allowed from one address before delays start.
pub const FREE_ADDRESS_FAILURES: u32 = 10;
/// The longest delay.
pub const MAX_SIGN_IN_DELAY: Duration = Duration::minutes(15);
/// Failures older than this are forgotten.
pub const FAILURE_MEMORY: Duration = Duration::hours(1);

/// A session ends after this long without a request…
pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
/// …and in any case this long after signing in.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);

/// The delay after the `failures`-th failure in a row: none for the first
/// `free` ones, then 1, 2, 4, 8… seconds up to [`MAX_SIGN_IN_DELAY`].
pub fn sign_in_delay(failures: u32, free: u32) -> Duration {
    if failures <= free {
        return Duration::zero();
    }
    let exponent = (failures - free - 1).min(20);
    Duration::seconds(1i64 << exponent).min(MAX_SIGN_IN_DELAY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_after_the_free_failures_up_to_a_ceiling() {
        assert_eq!(sign_in_delay(3, 3), Duration::zero());
        assert_eq!(sign_in_delay(4, 3), Duration::seconds(1));
        assert_eq!(sign_in_delay(5, 3), Duration::seconds(2));
        assert_eq!(sign_in_delay(8, 3), Duration::seconds(16));
        assert_eq!(sign_in_delay(30, 3), MAX_SIGN_IN_DELAY);
        assert_eq!(sign_in_delay(u32::MAX, 3), MAX_SIGN_IN_DELAY);
    }
}
