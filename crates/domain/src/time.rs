//! Civil time in Europe/Rome, where every centre is. Italy follows the EU
//! summer-time rule (Directive 2000/84/EC): CEST (UTC+2) from 01:00 UTC on the
//! last Sunday of March to 01:00 UTC on the last Sunday of October, CET (UTC+1)
//! otherwise. An offer's valid-through date means "open until 23:59:59 in Rome
//! that day".

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};

/// The UTC offset in force in Rome at `instant`.
pub fn rome_offset(instant: DateTime<Utc>) -> FixedOffset {
    let year = instant.year();
    let start = summer_time_switch(year, 3);
    let end = summer_time_switch(year, 10);
    let hours = if instant >= start && instant < end { 2 } else { 1 };
    FixedOffset::east_opt(hours * 3600).expect("offset within a day")
}

/// `instant` as local time in Rome.
pub fn to_rome(instant: DateTime<Utc>) -> DateTime<FixedOffset> {
    instant.with_timezone(&rome_offset(instant))
}

/// The date in Rome at `instant`.
pub fn rome_date(instant: DateTime<Utc>) -> NaiveDate {
    to_rome(instant).date_naive()
}

/// Today's date in Rome.
pub fn today_in_rome() -> NaiveDate {
    rome_date(Utc::now())
}

/// The last instant at which an offer valid through `date` is still open:
/// 23:59:59 Rome time on that day.
pub fn end_of_day_in_rome(date: NaiveDate) -> DateTime<Utc> {
    let local = date.and_hms_opt(23, 59, 59).expect("valid time");
    from_rome_local(local)
}

/// Converts a Rome wall-clock time to UTC. A time in the hour skipped by the
/// spring switch is read with the winter offset (02:30 becomes 03:30 summer
/// time); in the hour repeated in autumn the first (summer-time) one is taken.
pub fn from_rome_local(local: NaiveDateTime) -> DateTime<Utc> {
    let summer = Utc.from_utc_datetime(&(local - Duration::hours(2)));
    if rome_offset(summer).local_minus_utc() == 7200 {
        return summer;
    }
    Utc.from_utc_datetime(&(local - Duration::hours(1)))
}

/// 01:00 UTC on the last Sunday of `month` in `year`.
fn summer_time_switch(year: i32, month: u32) -> DateTime<Utc> {
    let last_day = NaiveDate::from_ymd_opt(year, month, 31).expect("March and October have 31 days");
    let back = last_day.weekday().num_days_from_sunday();
    let sunday = last_day - Duration::days(i64::from(back));
    debug_assert_eq!(sunday.weekday(), Weekday::Sun);
    Utc.from_utc_datetime(&sunday.and_hms_opt(1, 0, 0).expect("valid time"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn switches_on_the_last_sundays_of_march_and_october() {
        // 2026: summer time from 29 March to 25 October.
        assert_eq!(rome_offset(utc("2026-03-29T00:59:59Z")).local_minus_utc(), 3600);
        assert_eq!(rome_offset(utc("2026-03-29T01:00:00Z")).local_minus_utc(), 7200);
        assert_eq!(rome_offset(utc("2026-10-25T00:59:59Z")).local_minus_utc(), 7200);
        assert_eq!(rome_offset(utc("2026-10-25T01:00:00Z")).local_minus_utc(), 3600);
        // 2027: 28 March and 31 October (a 31st that is itself a Sunday).
        assert_eq!(rome_offset(utc("2027-03-28T01:00:00Z")).local_minus_utc(), 7200);
        assert_eq!(rome_offset(utc("2027-10-31T00:30:00Z")).local_minus_utc(), 7200);
        assert_eq!(rome_offset(utc("2027-10-31T01:30:00Z")).local_minus_utc(), 3600);
    }

    #[test]
    fn dates_change_at_rome_midnight() {
        assert_eq!(rome_date(utc("2026-11-26T22:59:59Z")).to_string(), "2026-11-26");
        assert_eq!(rome_date(utc("2026-11-26T23:00:00Z")).to_string(), "2026-11-27");
        assert_eq!(rome_date(utc("2026-07-01T21:59:59Z")).to_string(), "2026-07-01");
        assert_eq!(rome_date(utc("2026-07-01T22:00:00Z")).to_string(), "2026-07-02");
    }

    #[test]
    fn offers_close_at_23_59_59_in_rome() {
        let winter = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        assert_eq!(end_of_day_in_rome(winter), utc("2026-12-31T22:59:59Z"));
        let summer = NaiveDate::from_ymd_opt(2026, 8, 15).unwrap();
        assert_eq!(end_of_day_in_rome(summer), utc("2026-08-15T21:59:59Z"));
    }

    #[test]
    fn local_times_around_the_switches() {
        let skipped = NaiveDate::from_ymd_opt(2026, 3, 29)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap();
        assert_eq!(from_rome_local(skipped), utc("2026-03-29T01:30:00Z"));
        let repeated = NaiveDate::from_ymd_opt(2026, 10, 25)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap();
        assert_eq!(from_rome_local(repeated), utc("2026-10-25T00:30:00Z"));
    }
}
