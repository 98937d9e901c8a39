//! A centre's calendar as stored (weekly hours, closures, patron days and
//! access rules), and how its days and start times are read and told.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::appointments::holidays::PatronDay;
use sportello_domain::appointments::slots::{Calendar, DayClosed, Slot, SlotProblem};
use sportello_domain::time::{from_rome_local, today_in_rome};
use sportello_domain::{Centre, Lang, Modality};
use sportello_storage::StorageError;

use crate::App;
use crate::i18n::{args, msg, msg_args};

/// A centre's calendar as stored: its weekly hours, closures and patron
/// days, and the access rules shown before and after booking.
pub struct CentreCalendar {
    pub centre: Centre,
    pub patron_days: Vec<PatronDay>,
    pub access_rules: BTreeMap<Lang, String>,
}

impl CentreCalendar {
    pub async fn load(app: &App, centre: Centre) -> Result<CentreCalendar, StorageError> {
        let patron_days = app.storage.patron_days(centre.id).await?;
        let access_rules = app.storage.access_rules(centre.id).await?;
        Ok(CentreCalendar {
            centre,
            patron_days,
            access_rules,
        })
    }

    /// The centre's name and full address on one line.
    pub fn address_line(&self) -> String {
        let c = &self.centre.data;
        format!("{}, {}, {} {}", c.name, c.address, c.postcode, c.town)
    }

    /// Where an appointment held in `modality` takes place, in words.
    pub fn where_text(&self, lang: Lang, modality: Modality) -> String {
        match modality {
            Modality::InOffice => self.address_line(),
            Modality::Phone => msg(lang, "appointment-phone-note"),
            Modality::Video => msg(lang, "appointment-video-note"),
        }
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

    pub fn calendar(&self) -> Calendar<'_> {
        Calendar {
            hours: &self.centre.data.hours,
            closures: &self.centre.data.closures,
            patron_days: &self.patron_days,
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
