//! An ISO 8601 week such as `2026-W48`: the unit of the weekly report. It
//! runs from Monday to Sunday; week 1 is the week with the year's first
//! Thursday, so some years have 53 weeks.

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A week as `YYYY-Www`, parsed from outside input with [`IsoWeek::parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

/// Why a week given from outside is not a week.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WeekError {
    #[error("{0:?} is not a week: write it as YYYY-Www, e.g. 2026-W48")]
    Syntax(String),
    #[error("{0:?} does not exist: that year has weeks 01 to {1}")]
    NoSuchWeek(String, u32),
}

impl IsoWeek {
    /// Parses `2026-W48` (also `2026-w48`); the week must exist in that year.
    pub fn parse(text: &str) -> Result<IsoWeek, WeekError> {
        let raw = text.trim();
        let syntax = || WeekError::Syntax(text.to_string());
        let (year, week) = raw.split_once(['W', 'w']).ok_or_else(syntax)?;
        let year = year.strip_suffix('-').ok_or_else(syntax)?;
        if year.len() != 4 || week.len() != 2 || !(year.bytes().chain(week.bytes()).all(|b| b.is_ascii_digit())) {
            return Err(syntax());
        }
        let year: i32 = year.parse().map_err(|_| syntax())?;
        let week: u32 = week.parse().map_err(|_| syntax())?;
        let last = weeks_in_year(year);
        if week == 0 || week > last {
            return Err(WeekError::NoSuchWeek(text.to_string(), last));
        }
        Ok(IsoWeek { year, week })
    }

    /// The week that contains `date`.
    pub fn containing(date: NaiveDate) -> IsoWeek {
        let iso = date.iso_week();
        IsoWeek {
            year: iso.year(),
            week: iso.week(),
        }
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn number(self) -> u32 {
        self.week
    }

    /// The week's Monday, its first day.
    pub fn monday(self) -> NaiveDate {
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).expect("a parsed week exists")
    }

    /// The week's Sunday, its last day.
    pub fn sunday(self) -> NaiveDate {
        self.monday() + Duration::days(6)
    }

    /// The week before.
    pub fn previous(self) -> IsoWeek {
        IsoWeek::containing(self.monday() - Duration::days(7))
    }
}

/// 52 or 53: the number of ISO weeks in `year` (the week of 28 December).
fn weeks_in_year(year: i32) -> u32 {
    NaiveDate::from_ymd_opt(year, 12, 28).map_or(52, |d| d.iso_week().week())
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

impl Serialize for IsoWeek {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoWeek {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IsoWeek, D::Error> {
        let text = String::deserialize(d)?;
        IsoWeek::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints_weeks() {
        let w = IsoWeek::parse("2026-W48").unwrap();
        assert_eq!(w.to_string(), "2026-W48");
        assert_eq!(w.monday(), day("2026-11-23"));
        assert_eq!(w.sunday(), day("2026-11-29"));
        assert_eq!(IsoWeek::parse(" 2026-w48 ").unwrap(), w);
        assert_eq!(IsoWeek::containing(day("2026-11-29")), w);
        assert_eq!(w.previous().to_string(), "2026-W47");
    }

    #[test]
    fn crosses_years() {
        // 2026 has 53 weeks (it starts on a Thursday).
        let w = IsoWeek::parse("2026-W53").unwrap();
        assert_eq!(w.monday(), day("2026-12-28"));
        assert_eq!(IsoWeek::parse("2027-W01").unwrap().previous(), w);
        assert_eq!(IsoWeek::containing(day("2027-01-01")), w);
        assert!(matches!(IsoWeek::parse("2025-W53"), Err(WeekError::NoSuchWeek(_, 52))));
    }

    #[test]
    fn refuses_what_is_not_a_week() {
        for bad in [
            "",
            "2026",
            "2026-48",
            "2026W48",
            "26-W48",
            "2026-W4",
            "2026-W048",
            "2026-Wxx",
            "+026-W01",
        ] {
            let err = IsoWeek::parse(bad).unwrap_err();
            assert!(matches!(err, WeekError::Syntax(_)), "{bad:?}: {err:?}");
            assert!(err.to_string().contains("YYYY-Www"));
        }
        let err = IsoWeek::parse("2026-W00").unwrap_err();
        assert!(err.to_string().contains("2026-W00"), "{err}");
        assert!(IsoWeek::parse("2026-W54").is_err());
    }

    #[test]
    fn round_trips_through_json() {
        let w = IsoWeek::parse("2026-W01").unwrap();
        let json = serde_json::to_string(&w).unwrap();
        assert_eq!(json, "\"2026-W01\"");
        assert_eq!(serde_json::from_str::<IsoWeek>(&json).unwrap(), w);
        assert!(serde_json::from_str::<IsoWeek>("\"2026-W99\"").is_err());
    }
}
