//! How long a session lasts. (How many sign-in attempts an account or a
//! network may make is the limiter's: `crate::limits::defaults`.)

use chrono::Duration;

/// A session ends after this long without a request…
pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
/// …and in any case this long after signing in.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
