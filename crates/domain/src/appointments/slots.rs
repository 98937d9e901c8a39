//! Free-slot arithmetic for a centre's appointment service: which days it is
//! open (opening hours, national holidays, the town's patron day, closures),
//! the slots of a day (less those a part-day closure takes), and whether a
//! start time may be booked now; the service's rules ([`SlotRules`]) are
//! kept with the service (`services.rs`). Pure: the
//! caller passes the centre's data and the current instant, and storage
//! subtracts the slots already taken.
//!
//! Slots are laid out in Rome wall-clock time: in each opening period of the
//! weekday they start at the opening time and follow each other every
//! `duration_minutes`, as long as the slot ends by the closing time. Every
//! period counts, whether or not it is reserved to people with an appointment.

use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::Serialize;

use crate::appointments::holidays::{Holiday, PatronDay, national_holiday};
use crate::appointments::part_closures::PartClosure;
use crate::appointments::services::ServiceId;
pub use crate::appointments::services::SlotRules;
use crate::centres::{Closure, OpeningHours};
use crate::time::{from_rome_local, rome_date, to_rome};

/// How far [`Calendar::next_open_days`] looks at most, whatever the window:
/// ten years, a guard against a calendar with no open day at all.
const MAX_SCAN_DAYS: u64 = 3660;

/// Why no slot can be booked on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum DayClosed {
    /// No opening hours on that weekday.
    Weekday,
    /// A national holiday.
    Holiday(Holiday),
    /// The town's patron-saint day, by name.
    Patron(String),
    /// A closure of the centre, with its public reason.
    Closure(String),
    /// Before today in Rome.
    Past,
    /// After the last bookable day.
    TooFar,
}

impl DayClosed {
    /// The identifier of the translated message shown for this reason.
    pub fn message_id(&self) -> &'static str {
        match self {
            DayClosed::Weekday => "closed-weekday",
            DayClosed::Holiday(_) => "closed-holiday",
            DayClosed::Patron(_) => "closed-patron",
            DayClosed::Closure(_) => "closed-closure",
            DayClosed::Past => "closed-past",
            DayClosed::TooFar => "closed-too-far",
        }
    }
}

/// One appointment slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Slot {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Slot {
    /// The start as Rome wall-clock time.
    pub fn local_start(&self) -> NaiveDateTime {
        to_rome(self.start).naive_local()
    }

    /// The end as Rome wall-clock time.
    pub fn local_end(&self) -> NaiveDateTime {
        to_rome(self.end).naive_local()
    }
}

/// Why a start time cannot be booked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum SlotProblem {
    /// The start time has passed.
    InPast,
    /// The start time is within the notice period.
    TooSoon,
    /// The day is after the last bookable day.
    TooFar,
    /// The centre does not take appointments that day.
    Closed(DayClosed),
    /// The day is open but no slot starts at that time.
    NotAligned,
}

impl SlotProblem {
    /// The identifier of the translated message shown for this problem.
    pub fn message_id(&self) -> &'static str {
        match self {
            SlotProblem::InPast => "slot-in-past",
            SlotProblem::TooSoon => "slot-too-soon",
            SlotProblem::TooFar => "slot-too-far",
            SlotProblem::Closed(_) => "slot-closed",
            SlotProblem::NotAligned => "slot-not-aligned",
        }
    }
}

/// Opening hours on one date only, e.g. a stop of the job camper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DatedHours {
    pub date: NaiveDate,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

/// A place's calendar: the weekly opening hours and the dated ones (a
/// centre has only weekly hours, the camper only dated ones), closures and
/// patron days; and, for the slots of `service`, the part-day closures
/// that take some of them (those of the whole centre, and of that service).
#[derive(Debug, Clone, Copy)]
pub struct Calendar<'a> {
    pub hours: &'a [OpeningHours],
    pub closures: &'a [Closure],
    pub patron_days: &'a [PatronDay],
    pub dated: &'a [DatedHours],
    pub part_closures: &'a [PartClosure],
    /// The service whose slots are laid out (`None`: any).
    pub service: Option<ServiceId>,
}

impl Calendar<'_> {
    /// Why the centre is closed on `date`, if it is: a national holiday, then a
    /// patron day, then a closure, then a weekday without opening hours. Never
    /// [`DayClosed::Past`] or [`DayClosed::TooFar`], which depend on today.
    pub fn closed_reason(&self, date: NaiveDate) -> Option<DayClosed> {
        if let Some(holiday) = national_holiday(date) {
            return Some(DayClosed::Holiday(holiday));
        }
        if let Some(patron) = self.patron_days.iter().find(|p| p.date_in(date.year()) == Some(date)) {
            return Some(DayClosed::Patron(patron.name.clone()));
        }
        if let Some(closure) = self.closures.iter().find(|c| c.first_day <= date && date <= c.last_day) {
            return Some(DayClosed::Closure(closure.reason.clone()));
        }
        if self.periods(date).next().is_none() {
            return Some(DayClosed::Weekday);
        }
        None
    }

    /// Every slot of `date`, by start time, whether or not it is still
    /// bookable; the reason when the centre is closed that day. An open day may
    /// have no slot, when no period is long enough.
    pub fn day_slots(&self, date: NaiveDate, rules: &SlotRules) -> Result<Vec<Slot>, DayClosed> {
        if let Some(reason) = self.closed_reason(date) {
            return Err(reason);
        }
        if rules.duration_minutes == 0 {
            return Ok(Vec::new());
        }
        let step = Duration::minutes(i64::from(rules.duration_minutes));
        let mut slots = Vec::new();
        for (opens, closes) in self.periods(date) {
            let closes = date.and_time(closes);
            let mut start = date.and_time(opens);
            while start + step <= closes {
                slots.push(Slot {
                    start: from_rome_local(start),
                    end: from_rome_local(start + step),
                });
                start += step;
            }
        }
        // A slot starting in the hour skipped in spring has no length; periods
        // that overlap would give the same slot twice; a part-day closure
        // takes the slots it touches.
        slots.retain(|slot| slot.end > slot.start);
        slots.retain(|slot| {
            !self
                .part_closures
                .iter()
                .any(|c| c.data.covers(self.service, slot.start, slot.end))
        });
        slots.sort();
        slots.dedup_by_key(|slot| slot.start);
        Ok(slots)
    }

    /// The slots of `date` that can be booked at `now`: the day must be
    /// between today and the last bookable day (in Rome), and a slot must start
    /// at least the notice period after `now`. Taken slots are not known here.
    pub fn bookable_slots(
        &self,
        date: NaiveDate,
        rules: &SlotRules,
        now: DateTime<Utc>,
    ) -> Result<Vec<Slot>, DayClosed> {
        let (today, last_day) = window(rules, now);
        if date < today {
            return Err(DayClosed::Past);
        }
        if date > last_day {
            return Err(DayClosed::TooFar);
        }
        let earliest = earliest_start(rules, now);
        let mut slots = self.day_slots(date, rules)?;
        slots.retain(|slot| slot.start >= earliest);
        Ok(slots)
    }

    /// The slot starting at `start` if it can be booked at `now`; otherwise the
    /// first problem found, in this order: in the past, within the notice
    /// period, too far ahead, on a closed day, not a slot start.
    pub fn check_slot(&self, start: DateTime<Utc>, rules: &SlotRules, now: DateTime<Utc>) -> Result<Slot, SlotProblem> {
        if start < now {
            return Err(SlotProblem::InPast);
        }
        if start < earliest_start(rules, now) {
            return Err(SlotProblem::TooSoon);
        }
        let date = rome_date(start);
        if date > window(rules, now).1 {
            return Err(SlotProblem::TooFar);
        }
        self.day_slots(date, rules)
            .map_err(SlotProblem::Closed)?
            .into_iter()
            .find(|slot| slot.start == start)
            .ok_or(SlotProblem::NotAligned)
    }

    /// Up to `max` days, from `from` (or today, if later) to the last bookable
    /// day, with at least one bookable slot at `now`.
    pub fn next_open_days(&self, from: NaiveDate, rules: &SlotRules, now: DateTime<Utc>, max: usize) -> Vec<NaiveDate> {
        let (today, last_day) = window(rules, now);
        let first = from.max(today);
        let last_day = last_day.min(
            first
                .checked_add_days(Days::new(MAX_SCAN_DAYS))
                .unwrap_or(NaiveDate::MAX),
        );
        let mut days = Vec::new();
        if self.hours.is_empty() && self.dated.iter().all(|d| d.date < first) {
            return days;
        }
        for day in first.iter_days().take_while(|day| *day <= last_day) {
            if days.len() >= max {
                break;
            }
            if self
                .bookable_slots(day, rules, now)
                .is_ok_and(|slots| !slots.is_empty())
            {
                days.push(day);
            }
        }
        days
    }

    /// The opening periods of `date`, as opening and closing times: those
    /// of its weekday, then those of that date.
    fn periods(&self, date: NaiveDate) -> impl Iterator<Item = (NaiveTime, NaiveTime)> {
        let weekday = date.weekday().number_from_monday();
        let weekly = self
            .hours
            .iter()
            .filter(move |h| u32::from(h.weekday) == weekday)
            .map(|h| (h.opens, h.closes));
        let dated = self
            .dated
            .iter()
            .filter(move |d| d.date == date)
            .map(|d| (d.opens, d.closes));
        weekly.chain(dated)
    }
}

/// Today in Rome and the last bookable day.
fn window(rules: &SlotRules, now: DateTime<Utc>) -> (NaiveDate, NaiveDate) {
    let today = rome_date(now);
    let last_day = today
        .checked_add_days(Days::new(u64::from(rules.max_days_ahead)))
        .unwrap_or(NaiveDate::MAX);
    (today, last_day)
}

/// The earliest start time that respects the notice period.
fn earliest_start(rules: &SlotRules, now: DateTime<Utc>) -> DateTime<Utc> {
    now.checked_add_signed(Duration::minutes(i64::from(rules.min_notice_minutes)))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

#[cfg(test)]
#[path = "slots_tests.rs"]
mod tests;
