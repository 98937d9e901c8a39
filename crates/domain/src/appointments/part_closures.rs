//! Part-day closures: a span of one day when a whole centre or one of its
//! services takes no appointments (a room taken, staff away), with the
//! reason operators give. A closure removes the slots it covers from the
//! calendar (`slots`); the bookings already inside it stay as they are and
//! are listed for operators to move: nothing is cancelled silently. Only
//! the office's calendar is closed so; an outreach point keeps its own.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::appointments::services::ServiceId;
use crate::centres::CentreId;
use crate::text::clean_line;
use crate::time::from_rome_local;
use crate::{FieldError, FieldProblem};

/// Longest reason of a part-day closure, in characters.
pub const MAX_REASON: usize = 200;

/// Database identifier of a part-day closure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct PartClosureId(pub i64);

/// A part-day closure before it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewPartClosure {
    pub centre: CentreId,
    /// One service only; `None`: the whole centre.
    pub service: Option<ServiceId>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Why, for operators (e.g. "Sala riunioni occupata").
    pub reason: String,
}

/// A part-day closure as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartClosure {
    pub id: PartClosureId,
    #[serde(flatten)]
    pub data: NewPartClosure,
}

impl NewPartClosure {
    /// Whether the closure takes the span `start`–`end` from `service`
    /// (`None`: a calendar not of one service, which only whole-centre
    /// closures close).
    pub fn covers(&self, service: Option<ServiceId>, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        let concerns = match self.service {
            None => true,
            Some(own) => service == Some(own),
        };
        concerns && self.start < end && start < self.end
    }
}

/// The part-day closure form: every field as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct RawPartClosure {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, Rome time.
    pub from: String,
    pub to: String,
    /// A service's id, or empty for the whole centre.
    pub service: String,
    pub reason: String,
}

fn error(field: &str, problem: FieldProblem) -> FieldError {
    FieldError {
        field: field.into(),
        problem,
    }
}

impl RawPartClosure {
    /// The closure typed for `centre`, whose services are `services`, at
    /// `now`; or every field's problem: a date, two times in order, a
    /// service of the centre (or none), a reason, not over yet.
    pub fn parse(
        &self,
        centre: CentreId,
        services: &[ServiceId],
        now: DateTime<Utc>,
    ) -> Result<NewPartClosure, Vec<FieldError>> {
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
        let mut time = |field: &str, value: &str| {
            let parsed = NaiveTime::parse_from_str(value.trim(), "%H:%M").ok();
            if parsed.is_none() {
                let problem = if value.trim().is_empty() {
                    FieldProblem::Required
                } else {
                    FieldProblem::NotATime
                };
                errors.push(error(field, problem));
            }
            parsed
        };
        let (from, to) = (time("from", &self.from), time("to", &self.to));
        if let (Some(f), Some(t)) = (from, to)
            && f >= t
        {
            errors.push(error("to", FieldProblem::TimeOrder));
        }
        let service = match self.service.trim() {
            "" => None,
            id => match id.parse::<i64>().ok().map(ServiceId).filter(|s| services.contains(s)) {
                Some(service) => Some(service),
                None => {
                    errors.push(error("service", FieldProblem::Unknown));
                    None
                }
            },
        };
        let reason = clean_line(&self.reason);
        if reason.is_empty() {
            errors.push(error("reason", FieldProblem::Required));
        } else if reason.chars().count() > MAX_REASON {
            errors.push(error("reason", FieldProblem::TooLong { max: MAX_REASON }));
        }
        let (Some(date), Some(from), Some(to)) = (date, from, to) else {
            return Err(errors);
        };
        let (start, end) = (from_rome_local(date.and_time(from)), from_rome_local(date.and_time(to)));
        if end <= now && !errors.iter().any(|e| e.field == "to") {
            errors.push(error("date", FieldProblem::DateInPast));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(NewPartClosure {
            centre,
            service,
            start,
            end,
            reason,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn raw(date: &str, from: &str, to: &str, service: &str, reason: &str) -> RawPartClosure {
        RawPartClosure {
            date: date.into(),
            from: from.into(),
            to: to.into(),
            service: service.into(),
            reason: reason.into(),
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap()
    }

    fn fields(errors: Vec<FieldError>) -> Vec<(String, FieldProblem)> {
        errors.into_iter().map(|e| (e.field, e.problem)).collect()
    }

    #[test]
    fn a_closure_of_one_service_in_rome_time() {
        let c = raw("2026-12-15", "09:30", "11:00", "7", " Sala  occupata ")
            .parse(CentreId(1), &[ServiceId(7)], now())
            .unwrap();
        assert_eq!(c.start, Utc.with_ymd_and_hms(2026, 12, 15, 8, 30, 0).unwrap());
        assert_eq!(c.end, Utc.with_ymd_and_hms(2026, 12, 15, 10, 0, 0).unwrap());
        assert_eq!(c.service, Some(ServiceId(7)));
        assert_eq!(c.reason, "Sala occupata");
        let whole = raw("2026-12-15", "09:30", "11:00", "", "Assemblea")
            .parse(CentreId(1), &[], now())
            .unwrap();
        assert_eq!(whole.service, None);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let errors = raw("15/12/2026", "9", "", "8", "").parse(CentreId(1), &[ServiceId(7)], now());
        assert_eq!(
            fields(errors.unwrap_err()),
            vec![
                ("date".into(), FieldProblem::NotADate),
                ("from".into(), FieldProblem::NotATime),
                ("to".into(), FieldProblem::Required),
                ("service".into(), FieldProblem::Unknown),
                ("reason".into(), FieldProblem::Required),
            ]
        );
        let order = raw("2026-12-15", "11:00", "09:00", "", "x").parse(CentreId(1), &[], now());
        assert_eq!(fields(order.unwrap_err()), vec![("to".into(), FieldProblem::TimeOrder)]);
        let past = raw("2026-12-01", "09:00", "10:00", "", "x").parse(CentreId(1), &[], now());
        assert_eq!(
            fields(past.unwrap_err()),
            vec![("date".into(), FieldProblem::DateInPast)]
        );
        let long = raw("2026-12-15", "09:00", "10:00", "", &"x".repeat(MAX_REASON + 1)).parse(CentreId(1), &[], now());
        assert_eq!(
            fields(long.unwrap_err()),
            vec![("reason".into(), FieldProblem::TooLong { max: MAX_REASON })]
        );
    }

    #[test]
    fn a_service_closure_covers_only_its_service() {
        let c = raw("2026-12-15", "09:30", "11:00", "7", "Sala")
            .parse(CentreId(1), &[ServiceId(7)], now())
            .unwrap();
        let at = |h: u32, m: u32| Utc.with_ymd_and_hms(2026, 12, 15, h, m, 0).unwrap();
        assert!(c.covers(Some(ServiceId(7)), at(8, 0), at(8, 45)));
        assert!(!c.covers(Some(ServiceId(8)), at(8, 0), at(8, 45)));
        assert!(!c.covers(None, at(8, 0), at(8, 45)));
        // Touching the edges is not covering.
        assert!(!c.covers(Some(ServiceId(7)), at(8, 0), at(8, 30)));
        assert!(!c.covers(Some(ServiceId(7)), at(10, 0), at(10, 30)));
    }
}
