//! Builders of the domain's records for tests: a fixed day, centres,
//! texts and offers with plausible values, which a test changes where it
//! cares (`Offer { openings: 3, ..offer(…) }`).

use chrono::{Duration, NaiveDate, Utc};
use sportello_domain::vocab::{Cefr, ContractType, EducationLevel, SpokenLanguage, WorkingTime};
use sportello_domain::{
    Area, Centre, CentreId, Employer, Lang, LanguageRequirement, NewCentre, NewOffer, Offer, OfferId, OfferQuery,
    OfferStatus, OfferText, RawOfferQuery, RefCode, Requirements, Section, TextStatus, WorkPlace,
};

/// The day the tests are set on (a Thursday), where a test needs a fixed one.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// A centre of the Lecce area, with no opening hours or closures.
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

/// A text of an offer in `lang`, by a person (a draft is the machine's).
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

/// An ordinary seasonal offer of `centre`, open for thirty days from [`today`].
pub fn offer(centre: CentreId, occupation: &str, texts: Vec<OfferText>) -> NewOffer {
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

/// The search for `text`, with no filters.
pub fn search(text: &str) -> OfferQuery {
    RawOfferQuery {
        q: Some(text.into()),
        ..RawOfferQuery::default()
    }
    .parse()
    .unwrap()
}

/// The stored centre number `id`.
pub fn stored_centre(id: i64, slug: &str, prefix: &str) -> Centre {
    Centre {
        id: CentreId(id),
        data: centre(slug, prefix),
    }
}

/// The stored offer number `id` (reference `LE-{id}`), published the day
/// before [`today`].
pub fn published(id: i64, data: NewOffer) -> Offer {
    Offer {
        id: OfferId(id),
        reference: RefCode::new("LE", id.unsigned_abs()).expect("a reference number"),
        status: OfferStatus::Published,
        published_on: Some(today() - Duration::days(1)),
        updated_at: Utc::now(),
        version: 1,
        data,
    }
}
