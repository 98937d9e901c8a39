//! Outreach points (`OutreachPoint`, glossary: *sportello itinerante*,
//! *presidio*): places attached to a centre with a schedule of their own.
//! A *desk* keeps fixed weekly hours in one place (the desk at the Boncuri
//! hostel in Nardò); a *tour* makes dated stops (`Stop`), each in a town and
//! a square with its hours (the job camper). People book a point like a
//! centre, for the services it offers, in person: its calendar is its hours
//! or its stops, with the national holidays and the patron day of the
//! place's town (`calendar.rs`). A stop is checked before it is saved
//! (`stops.rs`).

pub mod stops;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::Serialize;

use crate::appointments::slots::DatedHours;
use crate::time::from_rome_local;
use crate::{CentreId, Lang, OpeningHours, ServiceId};

/// Longest accepted values, in characters.
pub const MAX_TOWN: usize = 80;
pub const MAX_PLACE: usize = 120;
pub const MAX_ADDRESS: usize = 200;
pub const MAX_NAME: usize = 120;
pub const MAX_DESCRIPTION: usize = 2000;

/// Database identifier of an outreach point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct OutreachPointId(pub i64);

/// Database identifier of a stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct StopId(pub i64);

/// How a point keeps its schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PointKind {
    /// Fixed weekly hours in one place.
    Desk,
    /// Dated stops in several towns.
    Tour,
}

impl PointKind {
    pub fn code(self) -> &'static str {
        match self {
            PointKind::Desk => "desk",
            PointKind::Tour => "tour",
        }
    }

    pub fn parse(code: &str) -> Option<PointKind> {
        [PointKind::Desk, PointKind::Tour]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// A point's name and description in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PointText {
    pub lang: Lang,
    pub name: String,
    pub description: String,
}

/// An outreach point before it has an identifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewOutreachPoint {
    pub centre: CentreId,
    /// Address segment, unique among points and centres, e.g. `camper`.
    pub slug: String,
    pub kind: PointKind,
    /// A desk's town; a tour's home town.
    pub town: String,
    /// A desk's place and street (empty for a tour: each stop has its own).
    pub address: String,
    /// A desk's weekly hours (none for a tour).
    pub hours: Vec<OpeningHours>,
    /// The centre's services that can be booked there, in person.
    pub services: Vec<ServiceId>,
    /// Italian first; other languages optional.
    pub texts: Vec<PointText>,
}

/// An outreach point as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutreachPoint {
    pub id: OutreachPointId,
    #[serde(flatten)]
    pub data: NewOutreachPoint,
}

impl NewOutreachPoint {
    /// The text in `lang`, else the Italian one.
    pub fn text(&self, lang: Lang) -> Option<&PointText> {
        self.texts
            .iter()
            .find(|t| t.lang == lang)
            .or_else(|| self.texts.iter().find(|t| t.lang == Lang::It))
    }

    /// The name in `lang`, else in Italian, else the slug.
    pub fn name(&self, lang: Lang) -> &str {
        self.text(lang).map_or(self.slug.as_str(), |t| t.name.as_str())
    }
}

/// A stop of a tour as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stop {
    pub id: StopId,
    pub point: OutreachPointId,
    #[serde(flatten)]
    pub data: NewStop,
    /// A cancelled stop stays listed, marked, so that no one comes in vain.
    pub cancelled: bool,
}

/// A stop before it has an identifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewStop {
    pub date: NaiveDate,
    #[serde(serialize_with = "hhmm")]
    pub opens: NaiveTime,
    #[serde(serialize_with = "hhmm")]
    pub closes: NaiveTime,
    /// The town, e.g. "Porto Cesareo".
    pub town: String,
    /// Where in the town, e.g. "Piazza Nazario Sauro".
    pub place: String,
    /// Street and number, if the place needs one.
    pub address: String,
}

fn hhmm<S: serde::Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&t.format("%H:%M"))
}

impl NewStop {
    pub fn start(&self) -> DateTime<Utc> {
        from_rome_local(self.date.and_time(self.opens))
    }

    pub fn end(&self) -> DateTime<Utc> {
        from_rome_local(self.date.and_time(self.closes))
    }

    /// Place, street and town on one line.
    pub fn address_line(&self) -> String {
        [self.place.as_str(), self.address.as_str(), self.town.as_str()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The stop's hours for a calendar.
    pub fn hours(&self) -> DatedHours {
        DatedHours {
            date: self.date,
            opens: self.opens,
            closes: self.closes,
        }
    }

    /// Whether the stop and `other` share a moment on the same day.
    pub fn overlaps(&self, other: &NewStop) -> bool {
        self.date == other.date && self.opens < other.closes && other.opens < self.closes
    }
}

impl Stop {
    /// Whether people can still come: not cancelled and not over at `now`.
    pub fn upcoming(&self, now: DateTime<Utc>) -> bool {
        !self.cancelled && self.data.end() > now
    }
}
