//! A hand-built fortnight of the Lecce area with known numbers.

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::vocab::{ContractType, EducationLevel, WorkingTime};
use crate::{Area, Employer, NewCentre, NewOffer, OfferId, OfferText, RefCode, Requirements, TextStatus, WorkPlace};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn centre(id: i64, town: &str, area: &str) -> Centre {
    Centre {
        id: CentreId(id),
        data: NewCentre {
            slug: town.to_lowercase(),
            prefix: "XX".into(),
            name: format!("CPI {town}"),
            town: town.into(),
            address: String::new(),
            postcode: String::new(),
            province: String::new(),
            region: String::new(),
            phone: String::new(),
            email: String::new(),
            area: Area {
                slug: area.into(),
                name: area.into(),
            },
            hours: vec![],
            closures: vec![],
        },
    }
}

struct Spec<'a> {
    n: u64,
    centre: i64,
    section: Section,
    occupation: &'a str,
    town: &'a str,
    country: &'a str,
    openings: u32,
    status: OfferStatus,
    published: Option<&'a str>,
    valid: &'a str,
    changed: &'a str,
}

const BASE: Spec<'static> = Spec {
    n: 0,
    centre: 1,
    section: Section::Ordinary,
    occupation: "5131",
    town: "Gallipoli",
    country: "IT",
    openings: 1,
    status: OfferStatus::Published,
    published: Some("2026-11-20"),
    valid: "2026-12-31",
    changed: "2026-11-20",
};

fn offer(s: Spec) -> Offer {
    let changed = day(s.changed).and_hms_opt(11, 0, 0).unwrap();
    Offer {
        id: OfferId(s.n as i64),
        reference: RefCode::new("GA", s.n).unwrap(),
        status: s.status,
        published_on: s.published.map(day),
        updated_at: Utc.from_utc_datetime(&changed),
        version: 1,
        data: NewOffer {
            centre: CentreId(s.centre),
            section: s.section,
            occupation: s.occupation.into(),
            texts: vec![OfferText {
                lang: Lang::It,
                status: TextStatus::Original,
                machine: false,
                title: format!("Offerta {}", s.n),
                description: String::new(),
                how_to_apply: String::new(),
            }],
            employer: Employer {
                name: "Ditta".into(),
                hidden: false,
            },
            place: WorkPlace {
                town: s.town.into(),
                postcode: String::new(),
                region: String::new(),
                country: s.country.into(),
                remote: false,
            },
            contract: ContractType::Seasonal,
            working_time: WorkingTime::FullTime,
            hours_per_week: None,
            openings: s.openings,
            requirements: Requirements {
                education: EducationLevel::None,
                languages: vec![],
                licence: None,
                experience_months: 0,
            },
            salary: None,
            valid_through: day(s.valid),
        },
    }
}

/// Week 2026-W48 runs from Monday 23 to Sunday 29 November 2026.
fn fortnight() -> (Vec<Offer>, Vec<Centre>) {
    let centres = vec![
        centre(1, "Gallipoli", "lecce"),
        centre(2, "Tricase", "lecce"),
        centre(3, "Rimini", "rimini"),
    ];
    let offers = vec![
        // Open both weeks: 10 waiters.
        offer(Spec {
            n: 1,
            openings: 10,
            ..BASE
        }),
        // Published on the week's Sunday: counts.
        offer(Spec {
            n: 2,
            occupation: "9112",
            town: "Tricase",
            openings: 105,
            published: Some("2026-11-29"),
            ..BASE
        }),
        // Published the Monday after: does not count.
        offer(Spec {
            n: 3,
            openings: 50,
            published: Some("2026-11-30"),
            ..BASE
        }),
        // Expired on the Monday: counts (open that day); also open the week before.
        offer(Spec {
            n: 4,
            occupation: "7112",
            town: "Lecce",
            openings: 4,
            status: OfferStatus::Expired,
            valid: "2026-11-23",
            ..BASE
        }),
        // Expired the Sunday before: only the week before.
        offer(Spec {
            n: 5,
            openings: 7,
            status: OfferStatus::Expired,
            valid: "2026-11-22",
            ..BASE
        }),
        // Filled during the week: counts.
        offer(Spec {
            n: 6,
            occupation: "5131",
            openings: 3,
            status: OfferStatus::Filled,
            changed: "2026-11-25",
            ..BASE
        }),
        // Withdrawn before the week: only the week before.
        offer(Spec {
            n: 7,
            openings: 2,
            status: OfferStatus::Withdrawn,
            changed: "2026-11-21",
            ..BASE
        }),
        // EURES abroad (München → centre's sub-area, Ionian coast).
        offer(Spec {
            n: 8,
            section: Section::Eures,
            occupation: "5120",
            town: "München",
            country: "DE",
            openings: 6,
            ..BASE
        }),
        // EURES in Italy: not abroad.
        offer(Spec {
            n: 9,
            section: Section::Eures,
            occupation: "5120",
            town: "Milano",
            country: "IT",
            openings: 5,
            ..BASE
        }),
        // Law 68/1999.
        offer(Spec {
            n: 10,
            section: Section::MiratoArt1,
            occupation: "4110",
            town: "Otranto",
            openings: 2,
            ..BASE
        }),
        offer(Spec {
            n: 11,
            section: Section::MiratoArt18,
            occupation: "4110",
            town: "Nardò",
            openings: 1,
            centre: 2,
            ..BASE
        }),
        // A draft never counts.
        offer(Spec {
            n: 12,
            openings: 99,
            status: OfferStatus::Draft,
            published: None,
            ..BASE
        }),
        // Another area never counts.
        offer(Spec {
            n: 13,
            centre: 3,
            town: "Rimini",
            openings: 40,
            ..BASE
        }),
    ];
    (offers, centres)
}

fn lecce() -> AreaConfig {
    AreaConfig::default_for("lecce").unwrap()
}

#[test]
fn counts_the_offers_open_during_the_week() {
    let (offers, centres) = fortnight();
    let week = IsoWeek::parse("2026-W48").unwrap();
    let f = WeeklyFigures::compute(&lecce(), week, &offers, &centres);
    let refs: Vec<_> = f.listed.iter().map(|l| l.reference.as_str()).collect();
    assert_eq!(
        refs,
        [
            "GA-0001", "GA-0002", "GA-0004", "GA-0006", "GA-0008", "GA-0009", "GA-0010", "GA-0011"
        ]
    );
    assert_eq!(f.offers, 8);
    assert_eq!(f.positions, 10 + 105 + 4 + 3 + 6 + 5 + 2 + 1);
    // The week before (16–22 November): 1, 4, 5, 6, 7, 8, 9, 10, 11.
    assert_eq!(
        f.previous,
        Some(Totals {
            offers: 9,
            positions: 10 + 4 + 7 + 3 + 2 + 6 + 5 + 2 + 1
        })
    );
    // 8 offers against 9: −11%; 136 positions against 40: +240%.
    assert_eq!(f.offers_change(), Some(-11));
    assert_eq!(f.positions_change(), Some(240));
    assert_eq!(f.eures_abroad, 6);
    assert_eq!(f.mirato_art1, 2);
    assert_eq!(f.mirato_art18, 1);
}

#[test]
fn groups_positions_by_sector_sub_area_and_occupation() {
    let (offers, centres) = fortnight();
    let f = WeeklyFigures::compute(&lecce(), IsoWeek::parse("2026-W48").unwrap(), &offers, &centres);
    let sectors: Vec<_> = f.by_sector.iter().map(|c| (c.key.as_str(), c.positions)).collect();
    let cleaning = occupation("9112").unwrap().sector;
    let bricklayers = occupation("7112").unwrap().sector;
    let clerks = occupation("4110").unwrap().sector;
    assert_eq!(sectors[0], (cleaning, 105));
    assert!(sectors.contains(&("tourism_catering", 10 + 3 + 6 + 5)), "{sectors:?}");
    assert!(sectors.contains(&(bricklayers, 4)));
    assert!(sectors.contains(&(clerks, 3)));
    assert_eq!(sectors.iter().map(|s| s.1).sum::<u32>(), f.positions);

    let sub: Vec<_> = f
        .by_sub_area
        .iter()
        .map(|c| (c.slug.as_str(), c.offers, c.positions))
        .collect();
    // Milano is not in the area: the centre's town (Gallipoli) decides.
    assert_eq!(
        sub,
        [
            ("lecce", 1, 4),
            ("north_salento", 0, 0),
            ("ionian_coast", 5, 10 + 3 + 6 + 5 + 1),
            ("adriatic_coast", 1, 2),
            ("capo_di_leuca", 1, 105),
            ("inland", 0, 0),
        ]
    );
    assert_eq!(f.by_sub_area[2].label(Lang::De), "Ionische Küste");

    let top: Vec<_> = f
        .top_occupations
        .iter()
        .map(|c| (c.key.as_str(), c.offers, c.positions))
        .collect();
    assert_eq!(
        top,
        [
            ("9112", 1, 105),
            ("5131", 2, 13),
            ("5120", 2, 11),
            ("7112", 1, 4),
            ("4110", 2, 3)
        ]
    );
}

#[test]
fn keeps_only_the_ten_most_sought_occupations() {
    let codes: Vec<&str> = occupations_sample();
    let centres = vec![centre(1, "Gallipoli", "lecce")];
    let offers: Vec<Offer> = codes
        .iter()
        .enumerate()
        .map(|(i, code)| {
            offer(Spec {
                n: i as u64 + 1,
                occupation: code,
                openings: i as u32 + 1,
                ..BASE
            })
        })
        .collect();
    let f = WeeklyFigures::compute(&lecce(), IsoWeek::parse("2026-W48").unwrap(), &offers, &centres);
    assert_eq!(f.top_occupations.len(), TOP_OCCUPATIONS);
    assert_eq!(f.top_occupations[0].key, codes[11]);
    assert_eq!(f.top_occupations[9].key, codes[2]);
}

fn occupations_sample() -> Vec<&'static str> {
    crate::vocab::occupations().iter().take(12).map(|o| o.code).collect()
}

#[test]
fn an_empty_week_says_so_and_has_no_change() {
    let (offers, centres) = fortnight();
    let f = WeeklyFigures::compute(&lecce(), IsoWeek::parse("2020-W10").unwrap(), &offers, &centres);
    assert_eq!((f.offers, f.positions), (0, 0));
    assert!(f.listed.is_empty() && f.by_sector.is_empty() && f.top_occupations.is_empty());
    assert_eq!(f.previous, None);
    assert_eq!(f.offers_change(), None);
    assert_eq!(f.by_sub_area.len(), 6, "every sub-area is listed, with zero");
    // The first week with offers has nothing to compare with.
    let first = WeeklyFigures::compute(&lecce(), IsoWeek::parse("2026-W47").unwrap(), &offers[..1], &centres);
    assert_eq!(first.previous, None);
    assert_eq!(first.positions_change(), None);
}

#[test]
fn percent_changes_round_to_whole_numbers() {
    assert_eq!(percent_change(0, 5), None);
    assert_eq!(percent_change(3, 4), Some(33));
    assert_eq!(percent_change(3, 2), Some(-33));
    assert_eq!(percent_change(8, 12), Some(50));
    assert_eq!(percent_change(5, 0), Some(-100));
}

#[test]
fn figures_round_trip_through_json() {
    let (offers, centres) = fortnight();
    let f = WeeklyFigures::compute(&lecce(), IsoWeek::parse("2026-W48").unwrap(), &offers, &centres);
    let json = serde_json::to_string(&f).unwrap();
    assert_eq!(serde_json::from_str::<WeeklyFigures>(&json).unwrap(), f);
}
