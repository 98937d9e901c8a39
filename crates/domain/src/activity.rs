//! The centres' activity by week, for the coordinators' figures page:
//! appointments (kept, attended, not shown, cancelled) and group meetings
//! (sessions, seats, seats taken, people waiting). Counts only: nothing
//! here names a person. Later features add their own counts beside these.

use serde::Serialize;

use crate::reports::IsoWeek;

/// One centre's counts over one week.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ActivityCounts {
    /// Appointments still booked (their time may have passed unmarked).
    pub booked: u32,
    pub attended: u32,
    pub no_show: u32,
    pub cancelled: u32,
    /// Group-meeting sessions held or to be held (not cancelled).
    pub sessions: u32,
    pub seats: u32,
    pub seats_taken: u32,
    /// People on the sessions' waiting lists.
    pub waiting: u32,
}

impl ActivityCounts {
    /// Appointments that were not cancelled.
    pub fn appointments(&self) -> u32 {
        self.booked + self.attended + self.no_show
    }

    /// Attended and not shown: the appointments whose outcome is known.
    pub fn marked(&self) -> u32 {
        self.attended + self.no_show
    }

    /// The share of marked appointments where the person did not come, in
    /// whole percent; none before any is marked.
    pub fn no_show_percent(&self) -> Option<u32> {
        percent(self.no_show, self.marked())
    }

    /// The share of the sessions' seats taken, in whole percent; none
    /// without a session.
    pub fn fill_percent(&self) -> Option<u32> {
        percent(self.seats_taken, self.seats)
    }

    /// Adds `other`'s counts to these (an area's total).
    pub fn add(&mut self, other: &ActivityCounts) {
        self.booked += other.booked;
        self.attended += other.attended;
        self.no_show += other.no_show;
        self.cancelled += other.cancelled;
        self.sessions += other.sessions;
        self.seats += other.seats;
        self.seats_taken += other.seats_taken;
        self.waiting += other.waiting;
    }
}

/// `part` of `whole` in whole percent, rounded half up; none when `whole`
/// is 0.
pub fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| ((u64::from(part) * 200 + u64::from(whole)) / (2 * u64::from(whole))) as u32)
}

/// The `count` weeks ending with `last`, oldest first.
pub fn weeks_ending(last: IsoWeek, count: usize) -> Vec<IsoWeek> {
    let mut weeks = Vec::with_capacity(count);
    let mut week = last;
    for _ in 0..count {
        weeks.push(week);
        week = week.previous();
    }
    weeks.reverse();
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_whole_percent_and_absent_without_a_base() {
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(1, 2), Some(50));
        assert_eq!(percent(0, 0), None);
        let counts = ActivityCounts {
            booked: 4,
            attended: 6,
            no_show: 2,
            cancelled: 3,
            sessions: 2,
            seats: 40,
            seats_taken: 30,
            waiting: 5,
        };
        assert_eq!(counts.appointments(), 12);
        assert_eq!(counts.no_show_percent(), Some(25));
        assert_eq!(counts.fill_percent(), Some(75));
        assert_eq!(ActivityCounts::default().fill_percent(), None);
        let mut total = counts;
        total.add(&counts);
        assert_eq!(total.cancelled, 6);
        assert_eq!(total.fill_percent(), Some(75));
    }

    #[test]
    fn weeks_run_back_across_the_new_year() {
        let weeks = weeks_ending(IsoWeek::parse("2027-W02").unwrap(), 4);
        let names: Vec<String> = weeks.iter().map(|w| w.to_string()).collect();
        assert_eq!(names, ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]);
    }
}
