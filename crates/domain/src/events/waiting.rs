//! The waiting list's rule for a freed seat: it is offered to the first in
//! line and held for them until a deadline — the earlier of a while after
//! the offer (24 hours by default) and a while before the start (2 hours by
//! default), both configurable. An offer made when that deadline has
//! already passed (a seat freed at the last moment) is held until the start.

use chrono::{DateTime, Duration, Utc};

/// How long a freed seat is held for the person it is offered to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeatOfferRules {
    /// At most this long after the offer.
    pub hold: Duration,
    /// And no later than this long before the session starts.
    pub before_start: Duration,
}

impl Default for SeatOfferRules {
    fn default() -> Self {
        SeatOfferRules {
            hold: Duration::hours(24),
            before_start: Duration::hours(2),
        }
    }
}

impl SeatOfferRules {
    /// Until when a seat offered at `now` for a session starting at `start`
    /// is held.
    pub fn deadline(&self, start: DateTime<Utc>, now: DateTime<Utc>) -> DateTime<Utc> {
        let deadline = (now + self.hold).min(start - self.before_start);
        if deadline > now { deadline } else { start.max(now) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0).unwrap()
    }

    #[test]
    fn the_earlier_of_a_day_after_and_two_hours_before() {
        let rules = SeatOfferRules::default();
        // A week ahead: 24 hours.
        assert_eq!(rules.deadline(at(20, 9), at(13, 9)), at(14, 9));
        // Tomorrow morning: two hours before the start.
        assert_eq!(rules.deadline(at(14, 9), at(13, 18)), at(14, 7));
    }

    #[test]
    fn a_seat_freed_at_the_last_moment_is_held_until_the_start() {
        let rules = SeatOfferRules::default();
        assert_eq!(rules.deadline(at(14, 9), at(14, 8)), at(14, 9));
    }

    #[test]
    fn configurable() {
        let rules = SeatOfferRules {
            hold: Duration::hours(6),
            before_start: Duration::hours(1),
        };
        assert_eq!(rules.deadline(at(20, 9), at(13, 9)), at(13, 15));
        assert_eq!(rules.deadline(at(13, 12), at(13, 9)), at(13, 11));
    }
}
