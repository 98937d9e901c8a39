//! Employment centres (Centri per l'Impiego): where offers come from and where
//! people go. Each has a reference-code prefix that is printed on its boards.

pub mod form;

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

/// Database identifier of a centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct CentreId(pub i64);

/// The area a centre belongs to (e.g. the Lecce area of Arpal Puglia).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Area {
    pub slug: String,
    /// Proper name, shown as it is in every language.
    pub name: String,
}

/// One opening period on a weekday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpeningHours {
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    #[serde(serialize_with = "hhmm")]
    pub opens: NaiveTime,
    #[serde(serialize_with = "hhmm")]
    pub closes: NaiveTime,
    /// Open only to people with an appointment.
    pub by_appointment: bool,
}

fn hhmm<S: serde::Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&t.format("%H:%M"))
}

/// Days a centre is closed (holidays, local feasts, works), both included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Closure {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// Shown to the public, e.g. "Festa di Sant'Oronzo".
    pub reason: String,
}

/// A centre as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Centre {
    pub id: CentreId,
    #[serde(flatten)]
    pub data: NewCentre,
}

/// A centre's data, before it has an identifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewCentre {
    /// Address segment, e.g. `nardo`.
    pub slug: String,
    /// Reference-code prefix, e.g. `NA`.
    pub prefix: String,
    /// Proper name, e.g. "Centro per l'Impiego di Nardò".
    pub name: String,
    pub town: String,
    pub address: String,
    pub postcode: String,
    /// Province code, e.g. `LE`.
    pub province: String,
    /// Region, e.g. "Puglia".
    pub region: String,
    pub phone: String,
    pub email: String,
    pub area: Area,
    pub hours: Vec<OpeningHours>,
    /// Closures, by first day.
    pub closures: Vec<Closure>,
}

/// The reference-code prefixes of the seeded centres: a fixed table, so that a
/// printed code always names the same office.
pub const KNOWN_PREFIXES: &[(&str, &str)] = &[
    ("campi-salentina", "CS"),
    ("casarano", "CA"),
    ("galatina", "GA"),
    ("gallipoli", "GL"),
    ("lecce", "LE"),
    ("maglie", "MA"),
    ("martano", "MR"),
    ("nardo", "NA"),
    ("poggiardo", "PO"),
    ("tricase", "TR"),
    ("rimini", "RN"),
    ("riccione", "RC"),
];

/// The fixed prefix of a seeded centre.
pub fn known_prefix(slug: &str) -> Option<&'static str> {
    KNOWN_PREFIXES.iter().find(|(s, _)| *s == slug).map(|(_, p)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_unique_and_valid() {
        for (i, (slug, prefix)) in KNOWN_PREFIXES.iter().enumerate() {
            assert!(crate::RefCode::new(prefix, 1).is_ok(), "{prefix}");
            assert_eq!(known_prefix(slug), Some(*prefix));
            for (other_slug, other) in &KNOWN_PREFIXES[i + 1..] {
                assert_ne!(prefix, other);
                assert_ne!(slug, other_slug);
            }
        }
        assert_eq!(known_prefix("lecce"), Some("LE"));
        assert_eq!(known_prefix("gallipoli"), Some("GL"));
    }
}
