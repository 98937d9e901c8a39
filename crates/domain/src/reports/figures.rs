//! The figures of a weekly report, computed from the offers of an area: how
//! many offers and positions (openings) were open during the week, the change
//! from the week before, positions by sector, by sub-area and by occupation,
//! positions abroad through EURES and positions reserved by Law 68/1999.
//!
//! An offer is **open during a week** when it was published on or before the
//! week's Sunday and had not closed before its Monday: its valid-through day
//! is the Monday or later and, if it was filled or withdrawn, that happened
//! (its last change, Rome time) on the Monday or later. Drafts never count.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{AreaConfig, IsoWeek};
use crate::time::rome_date;
use crate::vocab::{occupation, sectors};
use crate::{Centre, CentreId, Lang, Offer, OfferStatus, Section};

/// How many top occupations a report lists.
pub const TOP_OCCUPATIONS: usize = 10;

/// Offers and positions of a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub offers: u32,
    pub positions: u32,
}

/// Offers and positions under one key (a sector slug or an ISCO-08 code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub key: String,
    pub offers: u32,
    pub positions: u32,
}

/// Offers and positions of one sub-area, with its labels (kept with the
/// figures, so a stored report reads the same whatever the configuration
/// becomes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubAreaCount {
    pub slug: String,
    pub labels: [String; 4],
    pub offers: u32,
    pub positions: u32,
}

impl SubAreaCount {
    pub fn label(&self, lang: Lang) -> &str {
        &self.labels[lang.index()]
    }
}

/// One offer as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedOffer {
    pub reference: String,
    /// The public title in it, en, fr, de (the Italian one where a language
    /// has none).
    pub titles: [String; 4],
    pub town: String,
    pub country: String,
    pub positions: u32,
    pub centre: String,
    pub section: String,
    pub occupation: String,
}

impl ListedOffer {
    pub fn title(&self, lang: Lang) -> &str {
        &self.titles[lang.index()]
    }
}

/// Everything a weekly report says about its week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeeklyFigures {
    pub area: String,
    pub week: IsoWeek,
    pub offers: u32,
    pub positions: u32,
    /// The week before; `None` when it had no open offer (no change to give).
    pub previous: Option<Totals>,
    /// Sectors with at least one position, most positions first.
    pub by_sector: Vec<Count>,
    /// Every sub-area of the area, in the configuration's order.
    pub by_sub_area: Vec<SubAreaCount>,
    /// The most sought occupations (ISCO-08 codes), most positions first.
    pub top_occupations: Vec<Count>,
    /// Positions of EURES offers whose place of work is outside Italy.
    pub eures_abroad: u32,
    /// Positions reserved to people of art. 1 of Law 68/1999.
    pub mirato_art1: u32,
    /// Positions reserved to people of art. 18 of Law 68/1999.
    pub mirato_art18: u32,
    /// Every open offer, by reference.
    pub listed: Vec<ListedOffer>,
}

/// Whether `offer` was open at some time during `week` (see the module).
pub fn open_during(offer: &Offer, week: IsoWeek) -> bool {
    let Some(published) = offer.published_on else {
        return false;
    };
    if offer.status == OfferStatus::Draft || published > week.sunday() || offer.data.valid_through < week.monday() {
        return false;
    }
    match offer.status {
        OfferStatus::Filled | OfferStatus::Withdrawn => rome_date(offer.updated_at) >= week.monday(),
        _ => true,
    }
}

/// Percent change from `before` to `now`, rounded to the nearest whole
/// number; `None` when there was nothing before.
pub fn percent_change(before: u32, now: u32) -> Option<i64> {
    (before > 0).then(|| ((f64::from(now) - f64::from(before)) * 100.0 / f64::from(before)).round() as i64)
}

impl WeeklyFigures {
    /// The figures of `week` for the area of `config`, from `offers` (any
    /// offers: those of other areas or not open that week are left out) and
    /// the `centres` they belong to.
    pub fn compute(config: &AreaConfig, week: IsoWeek, offers: &[Offer], centres: &[Centre]) -> WeeklyFigures {
        let centres: HashMap<CentreId, &Centre> = centres.iter().map(|c| (c.id, c)).collect();
        let of_area: Vec<(&Offer, &Centre)> = offers
            .iter()
            .filter_map(|o| centres.get(&o.data.centre).map(|c| (o, *c)))
            .filter(|(_, c)| c.data.area.slug == config.area)
            .collect();
        let previous_week = week.previous();
        let previous = of_area.iter().filter(|(o, _)| open_during(o, previous_week)).fold(
            Totals {
                offers: 0,
                positions: 0,
            },
            |t, (o, _)| Totals {
                offers: t.offers + 1,
                positions: t.positions + o.data.openings,
            },
        );
        let mut open: Vec<(&Offer, &Centre)> = of_area.into_iter().filter(|(o, _)| open_during(o, week)).collect();
        open.sort_by(|a, b| {
            (a.0.reference.prefix(), a.0.reference.number()).cmp(&(b.0.reference.prefix(), b.0.reference.number()))
        });

        let mut sectors_count: HashMap<&str, Count> = HashMap::new();
        let mut occupations_count: HashMap<&str, Count> = HashMap::new();
        let mut sub_areas: Vec<SubAreaCount> = config
            .sub_areas
            .iter()
            .map(|s| SubAreaCount {
                slug: s.slug.clone(),
                labels: s.labels.clone(),
                offers: 0,
                positions: 0,
            })
            .collect();
        let (mut eures_abroad, mut mirato_art1, mut mirato_art18) = (0, 0, 0);
        for (o, centre) in &open {
            let n = o.data.openings;
            let sector = occupation(&o.data.occupation).map_or("other", |occ| occ.sector);
            add(sectors_count.entry(sector).or_insert_with(|| Count::new(sector)), n);
            add(
                occupations_count
                    .entry(o.data.occupation.as_str())
                    .or_insert_with(|| Count::new(&o.data.occupation)),
                n,
            );
            let sub = config
                .sub_area_of(&o.data.place.town)
                .or_else(|| config.sub_area_of(&centre.data.town));
            if let Some(sub) = sub.and_then(|s| sub_areas.iter_mut().find(|c| c.slug == s.slug)) {
                sub.offers += 1;
                sub.positions += n;
            }
            match o.data.section {
                Section::Eures if !o.data.place.country.eq_ignore_ascii_case("IT") => eures_abroad += n,
                Section::MiratoArt1 => mirato_art1 += n,
                Section::MiratoArt18 => mirato_art18 += n,
                _ => {}
            }
        }
        let sector_order: BTreeMap<&str, usize> = sectors().iter().enumerate().map(|(i, s)| (s.slug, i)).collect();
        let mut by_sector: Vec<Count> = sectors_count.into_values().collect();
        by_sector.sort_by(|a, b| {
            b.positions
                .cmp(&a.positions)
                .then(sector_order.get(a.key.as_str()).cmp(&sector_order.get(b.key.as_str())))
        });
        let mut top_occupations: Vec<Count> = occupations_count.into_values().collect();
        top_occupations.sort_by(|a, b| b.positions.cmp(&a.positions).then(a.key.cmp(&b.key)));
        top_occupations.truncate(TOP_OCCUPATIONS);

        WeeklyFigures {
            area: config.area.clone(),
            week,
            offers: open.len() as u32,
            positions: open.iter().map(|(o, _)| o.data.openings).sum(),
            previous: (previous.offers > 0).then_some(previous),
            by_sector,
            by_sub_area: sub_areas,
            top_occupations,
            eures_abroad,
            mirato_art1,
            mirato_art18,
            listed: open.iter().map(|(o, c)| listed(o, c)).collect(),
        }
    }

    /// Change in the number of offers from the week before, in percent.
    pub fn offers_change(&self) -> Option<i64> {
        self.previous.and_then(|p| percent_change(p.offers, self.offers))
    }

    /// Change in the number of positions from the week before, in percent.
    pub fn positions_change(&self) -> Option<i64> {
        self.previous.and_then(|p| percent_change(p.positions, self.positions))
    }
}

impl Count {
    fn new(key: &str) -> Count {
        Count {
            key: key.to_string(),
            offers: 0,
            positions: 0,
        }
    }
}

fn add(count: &mut Count, positions: u32) {
    count.offers += 1;
    count.positions += positions;
}

fn listed(offer: &Offer, centre: &Centre) -> ListedOffer {
    let title = |lang| {
        offer
            .data
            .display_text(lang)
            .or_else(|| offer.data.text(Lang::It))
            .map_or_else(String::new, |t| t.title.clone())
    };
    ListedOffer {
        reference: offer.reference.to_string(),
        titles: Lang::ALL.map(title),
        town: offer.data.place.town.clone(),
        country: offer.data.place.country.clone(),
        positions: offer.data.openings,
        centre: centre.data.name.clone(),
        section: offer.data.section.code().to_string(),
        occupation: offer.data.occupation.clone(),
    }
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
