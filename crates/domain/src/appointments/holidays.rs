//! Days on which no Italian public office opens: the national holidays (Law
//! 260/1949 as amended) and a town's patron-saint day, which is a holiday in
//! that town only.
//!
//! The feast of Saint Francis of Assisi (4 October) is a national holiday again
//! from 2026 on (Law 151/2025), so it is listed only for years from 2026.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

/// The first year in which 4 October is a national holiday again.
const SAINT_FRANCIS_FROM: i32 = 2026;
const MAX_PATRON_NAME_CHARS: usize = 100;

/// Why an office is closed on a holiday. [`Holiday::Patron`] is a town's
/// patron-saint day; every other variant is a national holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    NewYear,
    Epiphany,
    Easter,
    EasterMonday,
    Liberation,
    Labour,
    Republic,
    Assumption,
    SaintFrancis,
    AllSaints,
    ImmaculateConception,
    Christmas,
    SaintStephen,
    Patron,
}

impl Holiday {
    pub const ALL: [Holiday; 14] = [
        Holiday::NewYear,
        Holiday::Epiphany,
        Holiday::Easter,
        Holiday::EasterMonday,
        Holiday::Liberation,
        Holiday::Labour,
        Holiday::Republic,
        Holiday::Assumption,
        Holiday::SaintFrancis,
        Holiday::AllSaints,
        Holiday::ImmaculateConception,
        Holiday::Christmas,
        Holiday::SaintStephen,
        Holiday::Patron,
    ];

    /// Stable snake-case code; the UI shows the message `holiday-<code>`.
    pub fn code(self) -> &'static str {
        match self {
            Holiday::NewYear => "new_year",
            Holiday::Epiphany => "epiphany",
            Holiday::Easter => "easter",
            Holiday::EasterMonday => "easter_monday",
            Holiday::Liberation => "liberation",
            Holiday::Labour => "labour",
            Holiday::Republic => "republic",
            Holiday::Assumption => "assumption",
            Holiday::SaintFrancis => "saint_francis",
            Holiday::AllSaints => "all_saints",
            Holiday::ImmaculateConception => "immaculate_conception",
            Holiday::Christmas => "christmas",
            Holiday::SaintStephen => "saint_stephen",
            Holiday::Patron => "patron",
        }
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian
/// computus, as given by Meeus).
///
/// # Panics
/// If the year is outside the range of [`NaiveDate`] (about ±262 000).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    // n / 31 is 3 or 4 and n % 31 + 1 at most 31: both fit in u32.
    let (month, day) = (n.div_euclid(31).unsigned_abs(), n.rem_euclid(31).unsigned_abs() + 1);
    NaiveDate::from_ymd_opt(year, month, day).expect("year within the range of NaiveDate")
}

/// The national holidays of `year`, by date. When two fall on the same day
/// (Easter Sunday or Monday on 25 April), both are listed, Easter's first.
pub fn national_holidays(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let day = |month, day| NaiveDate::from_ymd_opt(year, month, day).expect("a fixed holiday exists every year");
    let easter = easter_sunday(year);
    let mut holidays = vec![
        (day(1, 1), Holiday::NewYear),
        (day(1, 6), Holiday::Epiphany),
        (easter, Holiday::Easter),
        (easter + Duration::days(1), Holiday::EasterMonday),
        (day(4, 25), Holiday::Liberation),
        (day(5, 1), Holiday::Labour),
        (day(6, 2), Holiday::Republic),
        (day(8, 15), Holiday::Assumption),
    ];
    if year >= SAINT_FRANCIS_FROM {
        holidays.push((day(10, 4), Holiday::SaintFrancis));
    }
    holidays.extend([
        (day(11, 1), Holiday::AllSaints),
        (day(12, 8), Holiday::ImmaculateConception),
        (day(12, 25), Holiday::Christmas),
        (day(12, 26), Holiday::SaintStephen),
    ]);
    // Stable: on a shared day Easter (listed earlier) stays first.
    holidays.sort_by_key(|(date, _)| *date);
    holidays
}

/// The national holiday on `date`, if any (Easter's when two coincide).
pub fn national_holiday(date: NaiveDate) -> Option<Holiday> {
    national_holidays(date.year())
        .into_iter()
        .find(|(day, _)| *day == date)
        .map(|(_, holiday)| holiday)
}

/// A town's patron-saint day, a local holiday every year on the same date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PatronDay {
    pub month: u32,
    pub day: u32,
    /// The feast's name as the town calls it, shown as it is in every language.
    pub name: String,
}

/// Why a patron day cannot be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PatronDayError {
    #[error("the date of a patron day is written as month-day (08-26) or day/month (26/08)")]
    Date,
    #[error("the name of the patron day is empty")]
    NameEmpty,
    #[error("the name of a patron day has at most 100 characters")]
    NameTooLong,
}

impl PatronDayError {
    /// The identifier of the translated message shown for this error.
    pub fn message_id(&self) -> &'static str {
        match self {
            PatronDayError::Date => "patron-date",
            PatronDayError::NameEmpty => "patron-name-empty",
            PatronDayError::NameTooLong => "patron-name-too-long",
        }
    }
}

impl PatronDay {
    /// Parses a date written `MM-DD` or `M-D` (month first) or `DD/MM` or `D/M`
    /// (day first), and a name of 1 to 100 characters (trimmed). 29 February
    /// is accepted: the feast then falls only in leap years.
    pub fn parse(month_day: &str, name: &str) -> Result<PatronDay, PatronDayError> {
        let (month, day) = parse_month_day(month_day.trim()).ok_or(PatronDayError::Date)?;
        let name = name.trim();
        if name.is_empty() {
            return Err(PatronDayError::NameEmpty);
        }
        if name.chars().count() > MAX_PATRON_NAME_CHARS {
            return Err(PatronDayError::NameTooLong);
        }
        Ok(PatronDay {
            month,
            day,
            name: name.to_owned(),
        })
    }

    /// The feast's date in `year`; `None` for 29 February in a common year.
    pub fn date_in(&self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }

    /// The date as `MM-DD`, the form stored and shown in forms.
    pub fn month_day(&self) -> String {
        format!("{:02}-{:02}", self.month, self.day)
    }
}

/// `(month, day)` from `MM-DD`, `M-D`, `DD/MM` or `D/M`, if the day exists in
/// some year.
fn parse_month_day(text: &str) -> Option<(u32, u32)> {
    let (month, day) = if let Some((month, day)) = text.split_once('-') {
        (month, day)
    } else {
        let (day, month) = text.split_once('/')?;
        (month, day)
    };
    let number = |part: &str| {
        if (1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse::<u32>().ok()
        } else {
            None
        }
    };
    let (month, day) = (number(month)?, number(day)?);
    // 2000 is a leap year, so 29 February passes.
    NaiveDate::from_ymd_opt(2000, month, day).map(|_| (month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_falls_on_known_dates() {
        for expected in [
            "1818-03-22",
            "1943-04-25",
            "2000-04-23",
            "2011-04-24",
            "2019-04-21",
            "2024-03-31",
            "2025-04-20",
            "2026-04-05",
            "2027-03-28",
            "2038-04-25",
            "2285-03-22",
        ] {
            let expected = date(expected);
            assert_eq!(easter_sunday(expected.year()), expected);
        }
    }

    #[test]
    fn easter_is_a_sunday_between_22_march_and_25_april() {
        for year in 1583..=3000 {
            let easter = easter_sunday(year);
            assert_eq!(easter.weekday(), chrono::Weekday::Sun, "{year}");
            assert!(easter >= date(&format!("{year}-03-22")), "{year}");
            assert!(easter <= date(&format!("{year}-04-25")), "{year}");
        }
    }

    #[test]
    fn lists_the_national_holidays_of_2026_in_order() {
        let expected = [
            ("2026-01-01", Holiday::NewYear),
            ("2026-01-06", Holiday::Epiphany),
            ("2026-04-05", Holiday::Easter),
            ("2026-04-06", Holiday::EasterMonday),
            ("2026-04-25", Holiday::Liberation),
            ("2026-05-01", Holiday::Labour),
            ("2026-06-02", Holiday::Republic),
            ("2026-08-15", Holiday::Assumption),
            ("2026-10-04", Holiday::SaintFrancis),
            ("2026-11-01", Holiday::AllSaints),
            ("2026-12-08", Holiday::ImmaculateConception),
            ("2026-12-25", Holiday::Christmas),
            ("2026-12-26", Holiday::SaintStephen),
        ]
        .map(|(d, h)| (date(d), h));
        assert_eq!(national_holidays(2026), expected);
    }

    #[test]
    fn saint_francis_only_from_2026() {
        assert_eq!(national_holiday(date("2025-10-04")), None);
        assert_eq!(national_holidays(2025).len(), 12);
        assert_eq!(national_holiday(date("2026-10-04")), Some(Holiday::SaintFrancis));
        assert_eq!(national_holiday(date("2031-10-04")), Some(Holiday::SaintFrancis));
    }

    #[test]
    fn easter_is_movable() {
        assert_eq!(national_holiday(date("2025-04-21")), Some(Holiday::EasterMonday));
        assert_eq!(national_holiday(date("2026-04-06")), Some(Holiday::EasterMonday));
        assert_eq!(national_holiday(date("2027-03-29")), Some(Holiday::EasterMonday));
        assert_eq!(national_holiday(date("2026-04-07")), None);
        assert_eq!(national_holiday(date("2026-03-30")), None);
    }

    #[test]
    fn coinciding_holidays_are_both_listed() {
        // In 2038 Easter Sunday is 25 April; in 2011 Easter Monday was.
        let in_2038 = national_holidays(2038);
        let on_25_april: Vec<Holiday> = in_2038
            .iter()
            .filter(|(d, _)| *d == date("2038-04-25"))
            .map(|(_, h)| *h)
            .collect();
        assert_eq!(on_25_april, [Holiday::Easter, Holiday::Liberation]);
        assert!(in_2038.windows(2).all(|w| w[0].0 <= w[1].0));
        assert_eq!(national_holiday(date("2038-04-25")), Some(Holiday::Easter));
        assert_eq!(national_holiday(date("2011-04-25")), Some(Holiday::EasterMonday));
    }

    #[test]
    fn ordinary_days_are_not_holidays() {
        for d in [
            "2026-01-02",
            "2026-03-19",
            "2026-06-29",
            "2026-11-02",
            "2026-12-24",
            "2026-12-31",
        ] {
            assert_eq!(national_holiday(date(d)), None, "{d}");
        }
    }

    #[test]
    fn codes_are_distinct_snake_case_and_match_serialization() {
        for (i, holiday) in Holiday::ALL.iter().enumerate() {
            let code = holiday.code();
            assert!(code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{code}");
            assert_eq!(serde_json::to_string(holiday).unwrap(), format!("\"{code}\""));
            for other in &Holiday::ALL[i + 1..] {
                assert_ne!(code, other.code());
            }
        }
        assert_eq!(Holiday::EasterMonday.code(), "easter_monday");
    }

    #[test]
    fn patron_days_accept_several_date_forms() {
        for input in ["08-26", "8-26", "26/08", "26/8", " 08-26 "] {
            let patron = PatronDay::parse(input, "  Santo di Prova ").unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!((patron.month, patron.day), (8, 26), "{input:?}");
            assert_eq!(patron.name, "Santo di Prova");
            assert_eq!(patron.month_day(), "08-26");
            assert_eq!(patron.date_in(2026), Some(date("2026-08-26")));
        }
        let early = PatronDay::parse("1-5", "Festa di Esempio").unwrap();
        assert_eq!(early.month_day(), "01-05");
        assert_eq!(PatronDay::parse("05/01", "Festa di Esempio").unwrap(), early);
    }

    #[test]
    fn patron_day_on_29_february_only_in_leap_years() {
        let patron = PatronDay::parse("02-29", "San Bisesto").unwrap();
        assert_eq!(patron.date_in(2028), Some(date("2028-02-29")));
        assert_eq!(patron.date_in(2026), None);
        assert_eq!(patron.date_in(2100), None);
        assert_eq!(patron.date_in(2000), Some(date("2000-02-29")));
    }

    #[test]
    fn patron_days_refuse_bad_dates() {
        for bad in [
            "",
            "08",
            "0826",
            "08-",
            "-26",
            "13-01",
            "00-10",
            "02-30",
            "04-31",
            "08-00",
            "008-26",
            "08-026",
            "26.08",
            "08/26",
            "8-2a",
            "+8-26",
            "08-26-2026",
            "08 - 26",
        ] {
            assert_eq!(PatronDay::parse(bad, "Nome"), Err(PatronDayError::Date), "{bad:?}");
        }
    }

    #[test]
    fn patron_day_names_are_checked() {
        assert_eq!(PatronDay::parse("08-26", ""), Err(PatronDayError::NameEmpty));
        assert_eq!(PatronDay::parse("08-26", " \t "), Err(PatronDayError::NameEmpty));
        let longest = "à".repeat(100);
        assert_eq!(PatronDay::parse("08-26", &longest).unwrap().name, longest);
        assert_eq!(
            PatronDay::parse("08-26", &"a".repeat(101)),
            Err(PatronDayError::NameTooLong)
        );
        assert_eq!(PatronDayError::Date.message_id(), "patron-date");
        assert_eq!(PatronDayError::NameEmpty.message_id(), "patron-name-empty");
        assert_eq!(PatronDayError::NameTooLong.message_id(), "patron-name-too-long");
    }
}
