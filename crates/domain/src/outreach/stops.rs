//! A stop as an operator types it ([`RawStop`]), read into a [`NewStop`],
//! and the checks against the calendar before it is saved
//! ([`check_stop`]): not in the past, not on a national holiday or on the
//! patron day of its town, not at the same time as another stop of the
//! same tour.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use serde::Deserialize;

use super::{MAX_ADDRESS, MAX_PLACE, MAX_TOWN, NewStop};
use crate::appointments::holidays::{PatronDay, national_holiday};
use crate::text::clean_line;
use crate::time::rome_date;
use crate::{FieldError, FieldProblem};

/// The stop form: every field as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct RawStop {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, Rome time.
    pub opens: String,
    pub closes: String,
    pub town: String,
    pub place: String,
    pub address: String,
}

fn error(field: &str, problem: FieldProblem) -> FieldError {
    FieldError {
        field: field.into(),
        problem,
    }
}

fn time(value: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(value.trim(), "%H:%M").ok()
}

impl RawStop {
    /// The stop typed, or every field's problem. Dates and times are read
    /// here; the calendar is checked by [`check_stop`].
    pub fn parse(&self) -> Result<NewStop, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d").ok();
        if date.is_none() {
            let problem = if self.date.trim().is_empty() {
                FieldProblem::Required
            } else {
                FieldProblem::NotADate
            };
            errors.push(error("date", problem));
        }
        let opens = time(&self.opens);
        let closes = time(&self.closes);
        for (field, value, parsed) in [("opens", &self.opens, opens), ("closes", &self.closes, closes)] {
            if parsed.is_none() {
                let problem = if value.trim().is_empty() {
                    FieldProblem::Required
                } else {
                    FieldProblem::NotATime
                };
                errors.push(error(field, problem));
            }
        }
        if let (Some(o), Some(c)) = (opens, closes)
            && o >= c
        {
            errors.push(error("closes", FieldProblem::TimeOrder));
        }
        let mut text = |field: &str, value: &str, max: usize, required: bool| {
            let value = clean_line(value);
            if required && value.is_empty() {
                errors.push(error(field, FieldProblem::Required));
            } else if value.chars().count() > max {
                errors.push(error(field, FieldProblem::TooLong { max }));
            }
            value
        };
        let town = text("town", &self.town, MAX_TOWN, true);
        let place = text("place", &self.place, MAX_PLACE, true);
        let address = text("address", &self.address, MAX_ADDRESS, false);
        match (date, opens, closes) {
            (Some(date), Some(opens), Some(closes)) if errors.is_empty() => Ok(NewStop {
                date,
                opens,
                closes,
                town,
                place,
                address,
            }),
            _ => Err(errors),
        }
    }
}

/// Why `stop` cannot be added at `now` to a tour whose other stops are
/// `others`: a day in the past (or a start already passed), a national
/// holiday or a patron day of the stop's town (`town_patron_days`), or the
/// same time as another stop that is not cancelled.
pub fn check_stop(
    stop: &NewStop,
    now: DateTime<Utc>,
    town_patron_days: &[PatronDay],
    others: &[&NewStop],
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if stop.date < rome_date(now) || stop.start() <= now {
        errors.push(error("date", FieldProblem::DateInPast));
    } else if national_holiday(stop.date).is_some()
        || town_patron_days
            .iter()
            .any(|p| p.date_in(stop.date.year()) == Some(stop.date))
    {
        errors.push(error("date", FieldProblem::ClosedDay));
    }
    if others.iter().any(|other| other.overlaps(stop)) {
        errors.push(error("opens", FieldProblem::Overlap));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::from_rome_local;

    fn raw(date: &str, opens: &str, closes: &str) -> RawStop {
        RawStop {
            date: date.into(),
            opens: opens.into(),
            closes: closes.into(),
            town: " Porto  Cesareo ".into(),
            place: "Piazza Nazario Sauro".into(),
            address: String::new(),
        }
    }

    fn problems(errors: &[FieldError]) -> Vec<(&str, FieldProblem)> {
        errors.iter().map(|e| (e.field.as_str(), e.problem)).collect()
    }

    fn at(text: &str) -> DateTime<Utc> {
        from_rome_local(chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap())
    }

    #[test]
    fn a_typed_stop_is_read_with_its_town_cleaned() {
        let stop = raw("2026-12-15", "09:00", "12:30").parse().unwrap();
        assert_eq!(stop.town, "Porto Cesareo");
        assert_eq!(stop.start(), at("2026-12-15 09:00"));
        assert_eq!(stop.address_line(), "Piazza Nazario Sauro, Porto Cesareo");
    }

    #[test]
    fn bad_fields_are_each_named() {
        let errors = raw("15/12/2026", "9", "").parse().unwrap_err();
        assert_eq!(
            problems(&errors),
            [
                ("date", FieldProblem::NotADate),
                ("opens", FieldProblem::NotATime),
                ("closes", FieldProblem::Required)
            ]
        );
        let errors = raw("2026-12-15", "12:00", "09:00").parse().unwrap_err();
        assert_eq!(problems(&errors), [("closes", FieldProblem::TimeOrder)]);
        let mut long = raw("2026-12-15", "09:00", "12:00");
        long.town = "x".repeat(MAX_TOWN + 1);
        long.place = "  ".into();
        let errors = long.parse().unwrap_err();
        assert_eq!(
            problems(&errors),
            [
                ("town", FieldProblem::TooLong { max: MAX_TOWN }),
                ("place", FieldProblem::Required)
            ]
        );
    }

    #[test]
    fn past_days_holidays_patron_days_and_overlaps_are_refused() {
        let now = at("2026-12-07 10:00");
        let patrons = [PatronDay::parse("12-10", "Madonna di Loreto").unwrap()];
        let check = |date: &str, opens: &str, closes: &str, others: &[&NewStop]| {
            let stop = raw(date, opens, closes).parse().unwrap();
            problems(&check_stop(&stop, now, &patrons, others))
                .into_iter()
                .map(|(f, p)| (f.to_string(), p))
                .collect::<Vec<_>>()
        };
        assert_eq!(check("2026-12-09", "09:00", "12:00", &[]), []);
        assert_eq!(
            check("2026-12-06", "09:00", "12:00", &[])[0].1,
            FieldProblem::DateInPast
        );
        // Today, but already started.
        assert_eq!(
            check("2026-12-07", "09:00", "12:00", &[])[0].1,
            FieldProblem::DateInPast
        );
        assert_eq!(check("2026-12-07", "15:00", "18:00", &[]), []);
        // The Immaculate Conception, then the town's patron day.
        assert_eq!(check("2026-12-08", "09:00", "12:00", &[])[0].1, FieldProblem::ClosedDay);
        assert_eq!(check("2026-12-10", "09:00", "12:00", &[])[0].1, FieldProblem::ClosedDay);
        let morning = raw("2026-12-09", "09:00", "12:00").parse().unwrap();
        assert_eq!(
            check("2026-12-09", "11:30", "13:00", &[&morning]),
            [("opens".to_string(), FieldProblem::Overlap)]
        );
        assert_eq!(check("2026-12-09", "12:00", "13:00", &[&morning]), []);
    }
}
