//! What the storage tests share: a fixed day, centres, texts and offers.

#![allow(dead_code)]

use chrono::{Duration, NaiveDate};
use sportello_domain::vocab::{Cefr, ContractType, EducationLevel, SpokenLanguage, WorkingTime};
use sportello_domain::{
    Area, Employer, Lang, LanguageRequirement, NewCentre, NewOffer, OfferQuery, OfferText, RawOfferQuery, Requirements,
    Section, TextStatus, WorkPlace,
};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

pub fn centre(slug: &str, prefix: &str) -> NewCentre {
    NewCentre {
        slug: slug.into(),
        prefix: prefix.into(),
        name: format!("Centro per l'Impiego di {slug}"),
        town: slug.into(),
        address: "Via Roma 1".into(),
        postcode: "73100".into(),
        province: "LE".into(),
        region: "Puglia".into(),
        phone: "0832 000 000".into(),
        email: "cpi@example.org".into(),
        area: Area {
            slug: "lecce".into(),
            name: "Ambito di Lecce".into(),
        },
        hours: vec![],
        closures: Vec::new(),
    }
}

pub fn text(lang: Lang, status: TextStatus, title: &str) -> OfferText {
    OfferText {
        lang,
        status,
        machine: status == TextStatus::Draft,
        title: title.into(),
        description: format!("{title}: descrizione"),
        how_to_apply: "Invia il CV.".into(),
    }
}

pub fn offer(centre: sportello_domain::CentreId, occupation: &str, texts: Vec<OfferText>) -> NewOffer {
    NewOffer {
        centre,
        section: Section::Ordinary,
        occupation: occupation.into(),
        texts,
        employer: Employer {
            name: "Hotel Baia Azzurra".into(),
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
            education: EducationLevel::LowerSecondary,
            languages: vec![LanguageRequirement {
                language: SpokenLanguage::English,
                level: Cefr::B1,
            }],
            licence: None,
            experience_months: 6,
        },
        salary: None,
        valid_through: today() + Duration::days(30),
    }
}

pub fn search(text: &str) -> OfferQuery {
    RawOfferQuery {
        q: Some(text.into()),
        ..RawOfferQuery::default()
    }
    .parse()
    .unwrap()
}
