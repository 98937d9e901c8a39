//! A sample offer and centre for the builders' unit tests.

use chrono::{NaiveTime, Utc};
use sportello_domain::offers::{Employer, OfferId, Requirements, Salary, WorkPlace};
use sportello_domain::vocab::{ContractType, EducationLevel, WorkingTime};
use sportello_domain::{
    Area, Centre, CentreId, Closure, Lang, NewCentre, NewOffer, Offer, OfferStatus, OfferText, OpeningHours, RefCode,
    Section, TextStatus,
};

pub fn text(lang: Lang, title: &str) -> OfferText {
    OfferText {
        lang,
        status: TextStatus::Original,
        machine: false,
        title: title.into(),
        description: format!("{title}: **turni** </script> & <b>"),
        how_to_apply: "Al Centro per l'Impiego".into(),
    }
}

pub fn offer() -> Offer {
    Offer {
        id: OfferId(1),
        reference: RefCode::new("LE", 42).unwrap(),
        status: OfferStatus::Published,
        published_on: Some("2026-11-20".parse().unwrap()),
        updated_at: Utc::now(),
        version: 3,
        data: NewOffer {
            centre: CentreId(1),
            section: Section::Ordinary,
            occupation: "5131".into(),
            texts: vec![text(Lang::It, "Cameriere di sala"), text(Lang::En, "Waiter")],
            employer: Employer {
                name: "Hotel Baia".into(),
                hidden: false,
            },
            place: WorkPlace {
                town: "Gallipoli".into(),
                postcode: "73014".into(),
                region: "LE".into(),
                country: "IT".into(),
                remote: false,
            },
            contract: ContractType::Seasonal,
            working_time: WorkingTime::FullTime,
            hours_per_week: Some(40),
            openings: 3,
            requirements: Requirements {
                education: EducationLevel::None,
                languages: vec![],
                licence: None,
                experience_months: 0,
            },
            salary: Some(Salary { min: 1400, max: 1600 }),
            valid_through: "2026-12-15".parse().unwrap(),
        },
    }
}

fn time(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

pub fn centre() -> Centre {
    let hours = |weekday, opens, closes, by_appointment| OpeningHours {
        weekday,
        opens: time(opens),
        closes: time(closes),
        by_appointment,
    };
    Centre {
        id: CentreId(1),
        data: NewCentre {
            slug: "lecce".into(),
            prefix: "LE".into(),
            name: "Centro per l'Impiego di Lecce".into(),
            town: "Lecce".into(),
            address: "Viale Aldo Moro 1".into(),
            postcode: "73100".into(),
            province: "LE".into(),
            region: "Puglia".into(),
            phone: "0832 123456".into(),
            email: "cpi.lecce@example.test".into(),
            area: Area {
                slug: "lecce".into(),
                name: "Ambito di Lecce".into(),
            },
            hours: vec![
                hours(1, "08:30", "11:30", false),
                hours(2, "08:30", "11:30", false),
                hours(2, "15:00", "16:30", false),
                hours(4, "15:00", "16:30", true),
            ],
            closures: vec![
                Closure {
                    first_day: "2020-08-15".parse().unwrap(),
                    last_day: "2020-08-15".parse().unwrap(),
                    reason: "Ferragosto".into(),
                },
                Closure {
                    first_day: "2026-12-24".parse().unwrap(),
                    last_day: "2026-12-26".parse().unwrap(),
                    reason: "Natale".into(),
                },
            ],
        },
    }
}
