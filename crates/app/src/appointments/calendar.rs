//! A centre's calendar as stored (weekly hours, closures, patron days and
//! access rules), or that of one of its outreach points (its weekly hours
//! or its stops, with the patron days of their towns), and how its days and
//! start times are read and told.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::appointments::holidays::PatronDay;
use sportello_domain::appointments::slots::{Calendar, DatedHours, DayClosed, Slot, SlotProblem};
use sportello_domain::time::{from_rome_local, today_in_rome};
use sportello_domain::{
    Centre, Lang, Modality, OutreachPoint, OutreachPointId, PartClosure, PointKind, ServiceId, Stop,
};
use sportello_storage::StorageError;

use crate::App;
use crate::i18n::{args, msg, msg_args};

/// How many stops of a tour its calendar reads ahead.
const STOPS_AHEAD: usize = 400;

/// A centre's calendar as stored: its weekly hours, closures and patron
/// days, and the access rules shown before and after booking; or, with
/// `point`, the calendar of one of its outreach points.
pub struct CentreCalendar {
    pub centre: Centre,
    pub patron_days: Vec<PatronDay>,
    pub access_rules: BTreeMap<Lang, String>,
    pub point: Option<PointCalendar>,
    /// The office's part-day closures still to come.
    pub part_closures: Vec<PartClosure>,
}

/// An outreach point's own calendar: a desk's weekly hours with its town's
/// patron days, or a tour's stops (none on a patron day of its town).
pub struct PointCalendar {
    pub point: OutreachPoint,
    /// A tour's stops to come, cancelled ones left out.
    pub stops: Vec<Stop>,
    dated: Vec<DatedHours>,
    patron_days: Vec<PatronDay>,
}

impl PointCalendar {
    pub async fn load(app: &App, point: OutreachPoint) -> Result<PointCalendar, StorageError> {
        let mut stops = Vec::new();
        let mut dated = Vec::new();
        let mut patron_days = Vec::new();
        match point.data.kind {
            PointKind::Desk => patron_days = app.storage.town_patron_days(&point.data.town).await?,
            PointKind::Tour => {
                let mut towns: BTreeMap<String, Vec<PatronDay>> = BTreeMap::new();
                for stop in app.storage.stops(point.id, today_in_rome(), STOPS_AHEAD).await? {
                    if stop.cancelled {
                        continue;
                    }
                    if !towns.contains_key(&stop.data.town) {
                        let days = app.storage.town_patron_days(&stop.data.town).await?;
                        towns.insert(stop.data.town.clone(), days);
                    }
                    let feast = towns[&stop.data.town]
                        .iter()
                        .any(|p| p.date_in(chrono::Datelike::year(&stop.data.date)) == Some(stop.data.date));
                    if !feast {
                        dated.push(stop.data.hours());
                        stops.push(stop);
                    }
                }
            }
        }
        Ok(PointCalendar {
            point,
            stops,
            dated,
            patron_days,
        })
    }

    /// The stop under way at `start`, for a tour.
    pub fn stop_at(&self, start: DateTime<Utc>) -> Option<&Stop> {
        self.stops
            .iter()
            .find(|s| s.data.start() <= start && start < s.data.end())
    }
}

impl CentreCalendar {
    pub async fn load(app: &App, centre: Centre) -> Result<CentreCalendar, StorageError> {
        let patron_days = app.storage.patron_days(centre.id).await?;
        let access_rules = app.storage.access_rules(centre.id).await?;
        let part_closures = app.storage.part_closures(centre.id, Utc::now(), None).await?;
        Ok(CentreCalendar {
            centre,
            patron_days,
            access_rules,
            point: None,
            part_closures,
        })
    }

    /// The calendar of the centre's office, or of its outreach point
    /// `point` (a booking's place).
    pub async fn at(app: &App, centre: Centre, point: Option<OutreachPointId>) -> Result<CentreCalendar, StorageError> {
        match point {
            Some(id) => {
                let point = app.storage.point(id).await?.ok_or(StorageError::NotFound)?;
                CentreCalendar::of_point(app, centre, point).await
            }
            None => CentreCalendar::load(app, centre).await,
        }
    }

    /// The calendar of `point`, an outreach point of `centre`, already read.
    pub async fn of_point(app: &App, centre: Centre, point: OutreachPoint) -> Result<CentreCalendar, StorageError> {
        let mut calendar = CentreCalendar::load(app, centre).await?;
        calendar.point = Some(PointCalendar::load(app, point).await?);
        Ok(calendar)
    }

    /// The address segment of the booking pages: the point's slug or the
    /// centre's.
    pub fn slug(&self) -> &str {
        match &self.point {
            Some(p) => &p.point.data.slug,
            None => &self.centre.data.slug,
        }
    }

    /// The place's name in `lang`: the point's, or the centre's.
    pub fn place_name(&self, lang: Lang) -> String {
        match &self.point {
            Some(p) => p.point.data.name(lang).to_string(),
            None => self.centre.data.name.clone(),
        }
    }

    /// The outreach point, when the calendar is one's.
    pub fn point_id(&self) -> Option<OutreachPointId> {
        self.point.as_ref().map(|p| p.point.id)
    }

    /// The centre's name and full address on one line.
    pub fn address_line(&self) -> String {
        let c = &self.centre.data;
        format!("{}, {}, {} {}", c.name, c.address, c.postcode, c.town)
    }

    /// Where an appointment starting at `start` is held in person, on one
    /// line: the centre, a desk, or the tour's stop at that time.
    pub fn address_at(&self, lang: Lang, start: DateTime<Utc>) -> String {
        let Some(place) = &self.point else {
            return self.address_line();
        };
        let name = place.point.data.name(lang);
        match place.stop_at(start) {
            Some(stop) => format!("{name}, {}", stop.data.address_line()),
            None if place.point.data.address.is_empty() => format!("{name}, {}", place.point.data.town),
            None => format!("{name}, {}, {}", place.point.data.address, place.point.data.town),
        }
    }

    /// The street and town only (for text messages): the centre's, a
    /// desk's, or the tour's stop's at `start`.
    pub fn street_at(&self, start: DateTime<Utc>) -> String {
        let c = &self.centre.data;
        match &self.point {
            None => format!("{}, {}", c.address, c.town),
            Some(p) => match p.stop_at(start) {
                Some(stop) => stop.data.address_line(),
                None if p.point.data.address.is_empty() => p.point.data.town.clone(),
                None => format!("{}, {}", p.point.data.address, p.point.data.town),
            },
        }
    }

    /// Where an appointment held in `modality` from `start` takes place, in
    /// words.
    pub fn where_text(&self, lang: Lang, modality: Modality, start: DateTime<Utc>) -> String {
        match modality {
            Modality::InOffice => self.address_at(lang, start),
            Modality::Phone => msg(lang, "appointment-phone-note"),
            Modality::Video => msg(lang, "appointment-video-note"),
        }
    }

    /// Whether `service` can be booked here in `modality`: at an outreach
    /// point, only the services it offers, in person.
    pub fn offers(&self, service: &sportello_domain::Service, modality: Modality) -> bool {
        service.data.centre == self.centre.id
            && self.modalities(&service.data.modalities).contains(&modality)
            && self
                .point
                .as_ref()
                .is_none_or(|p| p.point.data.services.contains(&service.id))
    }

    /// Whether people can book `service` here now, in some way.
    pub fn serves(&self, service: &sportello_domain::Service) -> bool {
        service.data.active && service.data.modalities.iter().any(|m| self.offers(service, *m))
    }

    /// The ways a service can be held here: all the service offers at the
    /// centre, in person only at an outreach point.
    pub fn modalities(&self, offered: &[Modality]) -> Vec<Modality> {
        offered
            .iter()
            .copied()
            .filter(|m| self.point.is_none() || *m == Modality::InOffice)
            .collect()
    }

    /// The access rules in `lang`, else in Italian.
    pub fn access_rules(&self, lang: Lang) -> Option<&str> {
        self.access_rules_in(lang).map(|(_, text)| text)
    }

    /// The access rules in `lang`, else in Italian, with the language they
    /// are in (pages mark an Italian fallback with its `lang`).
    pub fn access_rules_in(&self, lang: Lang) -> Option<(Lang, &str)> {
        [lang, Lang::It]
            .into_iter()
            .find_map(|l| self.access_rules.get(&l).map(|text| (l, text.as_str())))
    }

    /// The calendar of the place's days, closed by whole-centre part-day
    /// closures only: for the slots of one service, [`Self::calendar_for`].
    pub fn calendar(&self) -> Calendar<'_> {
        match &self.point {
            Some(p) => Calendar {
                hours: &p.point.data.hours,
                closures: &[],
                patron_days: &p.patron_days,
                dated: &p.dated,
                // A point keeps its own hours when the office closes.
                part_closures: &[],
                service: None,
            },
            None => Calendar {
                hours: &self.centre.data.hours,
                closures: &self.centre.data.closures,
                patron_days: &self.patron_days,
                dated: &[],
                part_closures: &self.part_closures,
                service: None,
            },
        }
    }

    /// The calendar of `service`'s slots: also closed by the part-day
    /// closures of that service.
    pub fn calendar_for(&self, service: ServiceId) -> Calendar<'_> {
        Calendar {
            service: Some(service),
            ..self.calendar()
        }
    }
}

/// A start time given as Rome wall-clock `YYYY-MM-DDTHH:MM` (pages) or as
/// RFC 3339 with an offset (API).
pub fn parse_start(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    // Years far outside any booking window are refused before any date
    // arithmetic (which would overflow at chrono's limits).
    let plausible = |year: i32| (2000..=2200).contains(&year);
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        return plausible(chrono::Datelike::year(&t)).then(|| t.with_timezone(&Utc));
    }
    chrono::NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .ok()
        .filter(|t| plausible(chrono::Datelike::year(t)))
        .map(from_rome_local)
}

/// A slot's start as pages write it: Rome wall-clock `YYYY-MM-DDTHH:MM`.
pub fn start_param(slot: &Slot) -> String {
    slot.local_start().format("%Y-%m-%dT%H:%M").to_string()
}

/// Today in Rome, or the given day when it is a date.
pub fn day_or_today(value: Option<&str>) -> Option<NaiveDate> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Some(today_in_rome()),
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d").ok(),
    }
}

/// Why a day cannot be booked, in words.
pub fn closed_message(lang: Lang, closed: &DayClosed) -> String {
    let name = match closed {
        DayClosed::Holiday(holiday) => msg(lang, &format!("holiday-{}", holiday.code())),
        DayClosed::Patron(name) | DayClosed::Closure(name) => name.clone(),
        DayClosed::Weekday | DayClosed::Past | DayClosed::TooFar => String::new(),
    };
    msg_args(lang, closed.message_id(), &args(&[("name", name.into())]))
}

/// Why a start time cannot be booked, in words.
pub fn slot_message(lang: Lang, problem: &SlotProblem) -> String {
    match problem {
        SlotProblem::Closed(closed) => format!("{} {}", msg(lang, problem.message_id()), closed_message(lang, closed)),
        other => msg(lang, other.message_id()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_of_a_day_or_time_has_its_words_in_four_languages() {
        use sportello_domain::Holiday;
        let closed = [
            DayClosed::Weekday,
            DayClosed::Holiday(Holiday::EasterMonday),
            DayClosed::Patron("Sant'Oronzo".into()),
            DayClosed::Closure("Lavori".into()),
            DayClosed::Past,
            DayClosed::TooFar,
        ];
        let problems = [
            SlotProblem::InPast,
            SlotProblem::TooSoon,
            SlotProblem::TooFar,
            SlotProblem::Closed(DayClosed::Weekday),
            SlotProblem::NotAligned,
        ];
        for lang in Lang::ALL {
            for c in &closed {
                assert!(
                    crate::i18n::has_message(lang, c.message_id()),
                    "{lang}: {}",
                    c.message_id()
                );
                assert!(!closed_message(lang, c).is_empty());
            }
            for p in &problems {
                assert!(
                    crate::i18n::has_message(lang, p.message_id()),
                    "{lang}: {}",
                    p.message_id()
                );
            }
            for h in Holiday::ALL {
                assert!(
                    crate::i18n::has_message(lang, &format!("holiday-{}", h.code())),
                    "{lang}: {}",
                    h.code()
                );
            }
        }
        assert!(closed_message(Lang::En, &closed[1]).contains("Easter Monday"));
        assert!(
            slot_message(Lang::It, &SlotProblem::Closed(DayClosed::Patron("Sant'Oronzo".into())))
                .contains("Sant'Oronzo")
        );
    }

    #[test]
    fn start_times_are_read_in_rome_or_with_an_offset() {
        let winter = parse_start("2026-12-01T09:00").unwrap();
        assert_eq!(winter.to_rfc3339(), "2026-12-01T08:00:00+00:00");
        let summer = parse_start("2026-07-01T09:00").unwrap();
        assert_eq!(summer.to_rfc3339(), "2026-07-01T07:00:00+00:00");
        assert_eq!(parse_start("2026-07-01T09:00:00+02:00"), Some(summer));
        assert_eq!(parse_start("tomorrow"), None);
        assert_eq!(
            parse_start("-262143-01-01T00:00"),
            None,
            "no overflow at chrono's limits"
        );
        assert_eq!(parse_start("+262142-12-31T23:59:59+00:00"), None);
    }
}

#[cfg(test)]
#[path = "calendar_props.rs"]
mod props;
