//! Property tests of the start times and days read from pages and the API
//! ([`parse_start`], [`day_or_today`]): no text makes them panic (years at
//! chrono's limits included); a Rome wall-clock minute as pages write it
//! reads back as the same wall-clock time (an hour on in the hour skipped
//! in spring, as documented); an RFC 3339 time with any offset reads back
//! as the same instant; a date reads back as itself.

use chrono::{Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Timelike, Weekday};
use proptest::prelude::*;
use proptest::test_runner::Config;
use sportello_domain::time::to_rome;

use super::*;

fn config(cases: u32) -> Config {
    Config {
        // `PROPTEST_CASES=10000` searches deeper.
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Hostile text, and texts shaped like dates and times with any numbers.
fn messy_text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        3 => any::<char>(),
        1 => prop::char::range('\0', '\u{1f}'),
        4 => prop::char::range('0', '9'),
        2 => prop::sample::select(&['-', ':', 'T', 'Z', '+', '.', ' ', 't', 'z'][..]),
    ];
    let shaped = (
        prop::sample::select(&["", "+", "-"][..]),
        any::<i32>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        prop::sample::select(&["", ":00", ":60", ":59.999999999"][..]),
        prop::sample::select(&["", "Z", "+00:00", "-23:59", "+99:99", "+14:00"][..]),
    )
        .prop_map(|(sign, y, mo, d, h, mi, s, offset)| format!("{sign}{y}-{mo:02}-{d:02}T{h:02}:{mi:02}{s}{offset}"));
    prop_oneof![
        2 => prop::collection::vec(c, 0..40).prop_map(|c| c.into_iter().collect()),
        2 => shaped,
    ]
}

/// A minute of Rome's wall clock between 2000 and 2200.
fn rome_minute() -> impl Strategy<Value = NaiveDateTime> {
    let first = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a date");
    (0i64..73_000, 0i64..24 * 60).prop_map(move |(days, minutes)| {
        (first + Duration::days(days)).and_hms_opt(0, 0, 0).expect("midnight") + Duration::minutes(minutes)
    })
}

/// Whether `local` is in the hour that Rome's clocks skip (02:00–02:59 on
/// the last Sunday of March).
fn skipped(local: NaiveDateTime) -> bool {
    let date = local.date();
    date.month() == 3 && date.weekday() == Weekday::Sun && date.day() >= 25 && local.hour() == 2
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn no_text_makes_them_panic(text in messy_text()) {
        if let Some(start) = parse_start(&text) {
            // A year from 2000 to 2200 where it was written, UTC a day either side.
            prop_assert!((1999..=2201).contains(&start.year()), "{} from {:?}", start, text);
        }
        if let Some(day) = day_or_today(Some(text.as_str())) {
            prop_assert_eq!(day_or_today(Some(day.format("%Y-%m-%d").to_string().as_str())), Some(day));
        }
    }

    #[test]
    fn wall_clock_minutes_read_back(local in rome_minute()) {
        let written = local.format("%Y-%m-%dT%H:%M").to_string();
        let start = parse_start(&written);
        prop_assert!(start.is_some(), "{}", written);
        let read = to_rome(start.unwrap_or_default()).naive_local();
        let expected = if skipped(local) { local + Duration::hours(1) } else { local };
        prop_assert_eq!(read, expected, "{}", written);
        prop_assert_eq!(parse_start(&format!("  {written}\n")), start);
    }

    #[test]
    fn rfc3339_times_read_back(local in rome_minute(), seconds in 0u32..60, offset in -14 * 60i32..=14 * 60) {
        let offset = FixedOffset::east_opt(offset * 60).expect("within a day");
        let time = offset
            .from_local_datetime(&(local + Duration::seconds(i64::from(seconds))))
            .single()
            .expect("a fixed offset has no gaps");
        prop_assert_eq!(parse_start(&time.to_rfc3339()), Some(time.with_timezone(&Utc)));
    }

    #[test]
    fn dates_read_back(days in 0i64..100_000) {
        let day = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date") + Duration::days(days);
        prop_assert_eq!(day_or_today(Some(day.format("%Y-%m-%d").to_string().as_str())), Some(day));
    }
}
