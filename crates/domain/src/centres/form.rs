//! A centre as administrators write it: every field as text, checked at
//! once ([`RawCentre::validate`]) so that each wrong field gets its own
//! message. Opening hours are up to two periods per weekday; closures are
//! day ranges with a reason.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::offers::form::{FieldError, FieldProblem};
use crate::{Area, Centre, CentreId, Closure, Email, NewCentre, OpeningHours};

/// Opening periods per weekday in the form.
pub const PERIODS: usize = 2;

/// One opening period as typed (`HH:MM`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawPeriod {
    pub opens: String,
    pub closes: String,
    pub by_appointment: bool,
}

/// One closure as typed (`YYYY-MM-DD`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawClosure {
    pub first_day: String,
    pub last_day: String,
    pub reason: String,
}

/// Every field of a centre as text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawCentre {
    pub slug: String,
    pub prefix: String,
    pub name: String,
    pub town: String,
    pub address: String,
    pub postcode: String,
    pub province: String,
    pub region: String,
    pub phone: String,
    pub email: String,
    pub area_slug: String,
    pub area_name: String,
    /// Seven weekdays (Monday first), [`PERIODS`] periods each.
    pub hours: Vec<Vec<RawPeriod>>,
    pub closures: Vec<RawClosure>,
}

fn is_slug(s: &str) -> bool {
    (2..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

impl RawCentre {
    /// The form's values for an existing centre.
    pub fn from_centre(c: &NewCentre) -> RawCentre {
        let hours = (1..=7u8)
            .map(|day| {
                let mut periods: Vec<RawPeriod> = c
                    .hours
                    .iter()
                    .filter(|h| h.weekday == day)
                    .map(|h| RawPeriod {
                        opens: h.opens.format("%H:%M").to_string(),
                        closes: h.closes.format("%H:%M").to_string(),
                        by_appointment: h.by_appointment,
                    })
                    .collect();
                periods.resize(PERIODS.max(periods.len()), RawPeriod::default());
                periods
            })
            .collect();
        RawCentre {
            slug: c.slug.clone(),
            prefix: c.prefix.clone(),
            name: c.name.clone(),
            town: c.town.clone(),
            address: c.address.clone(),
            postcode: c.postcode.clone(),
            province: c.province.clone(),
            region: c.region.clone(),
            phone: c.phone.clone(),
            email: c.email.clone(),
            area_slug: c.area.slug.clone(),
            area_name: c.area.name.clone(),
            hours,
            closures: c
                .closures
                .iter()
                .map(|x| RawClosure {
                    first_day: x.first_day.to_string(),
                    last_day: x.last_day.to_string(),
                    reason: x.reason.clone(),
                })
                .collect(),
        }
    }

    /// Checks every field. `others` are the other centres (slugs and
    /// prefixes must differ); `editing` is the centre being changed, if any.
    pub fn validate(&self, others: &[Centre], editing: Option<CentreId>) -> Result<NewCentre, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, problem: FieldProblem| {
            errors.push(FieldError {
                field: field.into(),
                problem,
            })
        };
        let others: Vec<&Centre> = others.iter().filter(|c| Some(c.id) != editing).collect();
        let text = |v: &str| v.trim().to_string();
        let slug = text(&self.slug);
        if slug.is_empty() {
            fail("slug", FieldProblem::Required);
        } else if !is_slug(&slug) {
            fail("slug", FieldProblem::Unknown);
        } else if others.iter().any(|c| c.data.slug == slug) {
            fail("slug", FieldProblem::Duplicate);
        }
        let prefix = text(&self.prefix).to_ascii_uppercase();
        if prefix.is_empty() {
            fail("prefix", FieldProblem::Required);
        } else if !(2..=3).contains(&prefix.len()) || !prefix.bytes().all(|b| b.is_ascii_uppercase()) {
            fail("prefix", FieldProblem::Unknown);
        } else if others.iter().any(|c| c.data.prefix == prefix) {
            fail("prefix", FieldProblem::Duplicate);
        }
        for (field, value, max) in [
            ("name", &self.name, 200),
            ("town", &self.town, 100),
            ("address", &self.address, 200),
            ("region", &self.region, 100),
            ("phone", &self.phone, 60),
            ("area_name", &self.area_name, 200),
        ] {
            let value = value.trim();
            if value.is_empty() {
                fail(field, FieldProblem::Required);
            } else if value.chars().count() > max {
                fail(field, FieldProblem::TooLong { max });
            }
        }
        if self.postcode.trim().chars().count() > 10 {
            fail("postcode", FieldProblem::TooLong { max: 10 });
        }
        if self.province.trim().chars().count() > 10 {
            fail("province", FieldProblem::TooLong { max: 10 });
        }
        let email = match Email::parse(&self.email) {
            Ok(e) => Some(e.as_str().to_string()),
            Err(_) => {
                fail("email", FieldProblem::Unknown);
                None
            }
        };
        let area_slug = text(&self.area_slug);
        if area_slug.is_empty() {
            fail("area_slug", FieldProblem::Required);
        } else if !is_slug(&area_slug) {
            fail("area_slug", FieldProblem::Unknown);
        }
        let mut hours = Vec::new();
        for (d, periods) in self.hours.iter().enumerate().take(7) {
            let mut day: Vec<OpeningHours> = Vec::new();
            for (p, period) in periods.iter().enumerate() {
                if period.opens.trim().is_empty() && period.closes.trim().is_empty() {
                    continue;
                }
                let field = |part: &str| format!("hours.{d}.{p}.{part}");
                let time = |v: &str| NaiveTime::parse_from_str(v.trim(), "%H:%M").ok();
                let (opens, closes) = (time(&period.opens), time(&period.closes));
                if opens.is_none() {
                    fail(&field("opens"), FieldProblem::NotADate);
                }
                if closes.is_none() {
                    fail(&field("closes"), FieldProblem::NotADate);
                }
                let (Some(opens), Some(closes)) = (opens, closes) else {
                    continue;
                };
                if opens >= closes {
                    fail(&field("closes"), FieldProblem::OutOfRange { min: 0, max: 0 });
                } else if day.iter().any(|h| opens < h.closes && h.opens < closes) {
                    fail(&field("opens"), FieldProblem::Duplicate);
                } else {
                    day.push(OpeningHours {
                        weekday: d as u8 + 1,
                        opens,
                        closes,
                        by_appointment: period.by_appointment,
                    });
                }
            }
            day.sort_by_key(|h| h.opens);
            hours.extend(day);
        }
        let mut closures = Vec::new();
        for (i, raw) in self.closures.iter().enumerate() {
            if raw.first_day.trim().is_empty() && raw.last_day.trim().is_empty() && raw.reason.trim().is_empty() {
                continue;
            }
            let date = |v: &str| NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok();
            let first = date(&raw.first_day);
            let last = if raw.last_day.trim().is_empty() {
                first
            } else {
                date(&raw.last_day)
            };
            if first.is_none() {
                fail(&format!("closures.{i}.first_day"), FieldProblem::NotADate);
            }
            if last.is_none() {
                fail(&format!("closures.{i}.last_day"), FieldProblem::NotADate);
            }
            let reason = raw.reason.trim();
            if reason.chars().count() > 200 {
                fail(&format!("closures.{i}.reason"), FieldProblem::TooLong { max: 200 });
            }
            if let (Some(first), Some(last)) = (first, last) {
                if last < first {
                    fail(&format!("closures.{i}.last_day"), FieldProblem::DateInPast);
                } else {
                    closures.push(Closure {
                        first_day: first,
                        last_day: last,
                        reason: reason.to_string(),
                    });
                }
            }
        }
        closures.sort_by_key(|c| c.first_day);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(NewCentre {
            slug,
            prefix,
            name: text(&self.name),
            town: text(&self.town),
            address: text(&self.address),
            postcode: text(&self.postcode),
            province: text(&self.province).to_ascii_uppercase(),
            region: text(&self.region),
            phone: text(&self.phone),
            email: email.unwrap_or_default(),
            area: Area {
                slug: area_slug,
                name: text(&self.area_name),
            },
            hours,
            closures,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> RawCentre {
        RawCentre {
            slug: "tricase".into(),
            prefix: "tr".into(),
            name: "Centro per l'Impiego di Tricase".into(),
            town: "Tricase".into(),
            address: "Via Roma 1".into(),
            postcode: "73039".into(),
            province: "le".into(),
            region: "Puglia".into(),
            phone: "0833 000000".into(),
            email: "CPI.Tricase@example.org".into(),
            area_slug: "lecce".into(),
            area_name: "Ambito di Lecce".into(),
            hours: vec![
                vec![
                    RawPeriod {
                        opens: "08:30".into(),
                        closes: "11:30".into(),
                        by_appointment: false,
                    },
                    RawPeriod {
                        opens: "15:00".into(),
                        closes: "16:30".into(),
                        by_appointment: true,
                    },
                ],
                vec![RawPeriod::default(); 2],
            ],
            closures: vec![RawClosure {
                first_day: "2026-12-24".into(),
                last_day: "2026-12-26".into(),
                reason: "Natale".into(),
            }],
        }
    }

    #[test]
    fn a_good_centre_round_trips() {
        let centre = good().validate(&[], None).unwrap();
        assert_eq!(centre.prefix, "TR");
        assert_eq!(centre.province, "LE");
        assert_eq!(centre.email, "cpi.tricase@example.org");
        assert_eq!(centre.hours.len(), 2);
        assert!(centre.hours[1].by_appointment);
        assert_eq!(centre.closures.len(), 1);
        let again = RawCentre::from_centre(&centre).validate(&[], None).unwrap();
        assert_eq!(again, centre);
    }

    #[test]
    fn wrong_fields_are_named() {
        let mut raw = good();
        raw.slug = "Tri case".into();
        raw.prefix = "T1".into();
        raw.email = "nope".into();
        raw.hours[0][1].closes = "14:00".into();
        raw.closures[0].last_day = "2026-12-01".into();
        let fields: Vec<String> = raw
            .validate(&[], None)
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            ["slug", "prefix", "email", "hours.0.1.closes", "closures.0.last_day"]
        );
    }

    #[test]
    fn slugs_and_prefixes_are_unique_among_the_others() {
        let existing = Centre {
            id: CentreId(1),
            data: good().validate(&[], None).unwrap(),
        };
        let problems = good().validate(std::slice::from_ref(&existing), None).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert!(problems.iter().all(|p| p.problem == FieldProblem::Duplicate));
        assert!(
            good().validate(&[existing], Some(CentreId(1))).is_ok(),
            "a centre may keep its own"
        );
    }
}
