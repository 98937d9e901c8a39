//! Job offers: their board section, multilingual texts with a review status,
//! structured fields drawn from the vocabularies, and the rules of what the
//! public may see.

pub mod fields;
pub mod form;
pub mod query;
pub mod refcode;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::vocab::{Cefr, ContractType, EducationLevel, Licence, SpokenLanguage, WorkingTime};
use crate::{CentreId, Lang, RefCode};

/// Database identifier of an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct OfferId(pub i64);

/// The section of a board an offer is pinned in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Ordinary offers of the centre's territory.
    Ordinary,
    /// Offers from other regions and EU/EEA countries via EURES.
    Eures,
    /// Collocamento Mirato, Law 68/1999 art. 1: people with disabilities.
    MiratoArt1,
    /// Collocamento Mirato, Law 68/1999 art. 18: protected categories.
    MiratoArt18,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Ordinary,
        Section::Eures,
        Section::MiratoArt1,
        Section::MiratoArt18,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Section::Ordinary => "ordinary",
            Section::Eures => "eures",
            Section::MiratoArt1 => "mirato_art1",
            Section::MiratoArt18 => "mirato_art18",
        }
    }

    pub fn parse(code: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Offers in the Collocamento Mirato sections are open only to people on
    /// the lists of Law 68/1999.
    pub fn is_mirato(self) -> bool {
        matches!(self, Section::MiratoArt1 | Section::MiratoArt18)
    }
}

/// Lifecycle of an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferStatus {
    Draft,
    Published,
    Filled,
    Withdrawn,
    Expired,
}

impl OfferStatus {
    pub const ALL: [OfferStatus; 5] = [
        OfferStatus::Draft,
        OfferStatus::Published,
        OfferStatus::Filled,
        OfferStatus::Withdrawn,
        OfferStatus::Expired,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OfferStatus::Draft => "draft",
            OfferStatus::Published => "published",
            OfferStatus::Filled => "filled",
            OfferStatus::Withdrawn => "withdrawn",
            OfferStatus::Expired => "expired",
        }
    }

    pub fn parse(code: &str) -> Option<OfferStatus> {
        OfferStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// How far a text in one language can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextStatus {
    /// Written by the centre in this language.
    Original,
    /// A translation checked by an operator.
    Reviewed,
    /// An unchecked translation (by a person or a machine): never public.
    Draft,
    /// No text in this language.
    Missing,
}

impl TextStatus {
    pub fn code(self) -> &'static str {
        match self {
            TextStatus::Original => "original",
            TextStatus::Reviewed => "reviewed",
            TextStatus::Draft => "draft",
            TextStatus::Missing => "missing",
        }
    }

    pub fn parse(code: &str) -> Option<TextStatus> {
        [
            TextStatus::Original,
            TextStatus::Reviewed,
            TextStatus::Draft,
            TextStatus::Missing,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }

    /// Only original and reviewed texts are shown to the public.
    pub fn is_public(self) -> bool {
        matches!(self, TextStatus::Original | TextStatus::Reviewed)
    }
}

/// The free text of an offer in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfferText {
    pub lang: Lang,
    pub status: TextStatus,
    /// True when a draft came from machine translation.
    pub machine: bool,
    pub title: String,
    pub description: String,
    pub how_to_apply: String,
}

/// Who is hiring. The name may be kept off public boards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Employer {
    pub name: String,
    pub hidden: bool,
}

impl Employer {
    /// The name the public may see.
    pub fn public_name(&self) -> Option<&str> {
        (!self.hidden).then_some(self.name.as_str())
    }
}

/// Where the work is done. EURES offers are abroad or in other regions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkPlace {
    pub town: String,
    pub postcode: String,
    /// Province code in Italy (e.g. `LE`), region or state abroad.
    pub region: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Work done from home (telework): candidates must live in `country`;
    /// `town` is where the employer is based.
    pub remote: bool,
}

/// A language an offer requires, with its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LanguageRequirement {
    pub language: SpokenLanguage,
    pub level: Cefr,
}

/// What a candidate needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Requirements {
    pub education: EducationLevel,
    pub languages: Vec<LanguageRequirement>,
    pub licence: Option<Licence>,
    pub experience_months: u16,
}

/// Gross monthly pay in euros.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Salary {
    pub min: u32,
    pub max: u32,
}

/// An offer before it is stored: everything but its identifier and reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewOffer {
    pub centre: CentreId,
    pub section: Section,
    /// ISCO-08 unit group.
    pub occupation: String,
    pub texts: Vec<OfferText>,
    pub employer: Employer,
    pub place: WorkPlace,
    pub contract: ContractType,
    pub working_time: WorkingTime,
    pub hours_per_week: Option<u8>,
    pub openings: u32,
    pub requirements: Requirements,
    pub salary: Option<Salary>,
    pub valid_through: NaiveDate,
}

/// An offer as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Offer {
    pub id: OfferId,
    pub reference: RefCode,
    pub status: OfferStatus,
    pub published_on: Option<NaiveDate>,
    pub updated_at: DateTime<Utc>,
    /// Raised by every change: an edit saved against an older version is refused.
    #[serde(skip)]
    pub version: i64,
    #[serde(flatten)]
    pub data: NewOffer,
}

/// Why an offer cannot be published.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PublishError {
    #[error("an offer is published only with an original or reviewed Italian text")]
    NoItalianText,
    #[error("only a draft can be published")]
    NotADraft,
    #[error("the valid-through date has passed")]
    AlreadyExpired,
}

impl NewOffer {
    /// The text in `lang` whatever its status.
    pub fn text(&self, lang: Lang) -> Option<&OfferText> {
        self.texts.iter().find(|t| t.lang == lang)
    }

    /// The status of the text in `lang` (`Missing` when there is none).
    pub fn text_status(&self, lang: Lang) -> TextStatus {
        self.text(lang).map_or(TextStatus::Missing, |t| t.status)
    }

    /// The text the public may read in `lang`.
    pub fn public_text(&self, lang: Lang) -> Option<&OfferText> {
        self.text(lang).filter(|t| t.status.is_public())
    }

    /// The text to show a reader of `lang`: theirs when public, otherwise the
    /// Italian one. Every published offer has a public Italian text.
    pub fn display_text(&self, lang: Lang) -> Option<&OfferText> {
        self.public_text(lang).or_else(|| self.public_text(Lang::It))
    }

    /// Checks that the offer may be published on `today` (Rome).
    pub fn check_publishable(&self, today: NaiveDate) -> Result<(), PublishError> {
        if self.public_text(Lang::It).is_none() {
            return Err(PublishError::NoItalianText);
        }
        if self.valid_through < today {
            return Err(PublishError::AlreadyExpired);
        }
        Ok(())
    }
}

impl Offer {
    /// Whether the public can see the offer as open on `today` (Rome): it is
    /// published and its valid-through day has not ended. Expiry is checked
    /// here as well as by the background job that sets `Expired`.
    pub fn is_open(&self, today: NaiveDate) -> bool {
        self.status == OfferStatus::Published && self.data.valid_through >= today
    }

    /// Whether the offer was public once and has closed (filled, withdrawn,
    /// expired or past its date): its page answers 410 Gone.
    pub fn has_closed(&self, today: NaiveDate) -> bool {
        self.status != OfferStatus::Draft && !self.is_open(today)
    }

    /// Checks the offer may go from draft to published on `today`.
    pub fn check_publishable(&self, today: NaiveDate) -> Result<(), PublishError> {
        if self.status != OfferStatus::Draft {
            return Err(PublishError::NotADraft);
        }
        self.data.check_publishable(today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lang: Lang, status: TextStatus) -> OfferText {
        OfferText {
            lang,
            status,
            machine: false,
            title: format!("title {lang}"),
            description: String::new(),
            how_to_apply: String::new(),
        }
    }

    fn offer(texts: Vec<OfferText>, status: OfferStatus, valid: &str) -> Offer {
        Offer {
            id: OfferId(1),
            reference: RefCode::new("LE", 1).unwrap(),
            status,
            published_on: None,
            updated_at: Utc::now(),
            version: 1,
            data: NewOffer {
                centre: CentreId(1),
                section: Section::Ordinary,
                occupation: "5131".into(),
                texts,
                employer: Employer {
                    name: "Hotel".into(),
                    hidden: true,
                },
                place: WorkPlace {
                    town: "Lecce".into(),
                    postcode: "73100".into(),
                    region: "LE".into(),
                    country: "IT".into(),
                    remote: false,
                },
                contract: ContractType::Seasonal,
                working_time: WorkingTime::FullTime,
                hours_per_week: Some(40),
                openings: 2,
                requirements: Requirements {
                    education: EducationLevel::None,
                    languages: vec![],
                    licence: None,
                    experience_months: 0,
                },
                salary: None,
                valid_through: valid.parse().unwrap(),
            },
        }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn public_sees_only_original_and_reviewed_text_and_falls_back_to_italian() {
        let o = offer(
            vec![
                text(Lang::It, TextStatus::Original),
                text(Lang::En, TextStatus::Reviewed),
                text(Lang::Fr, TextStatus::Draft),
            ],
            OfferStatus::Published,
            "2026-12-31",
        );
        assert_eq!(o.data.display_text(Lang::En).unwrap().lang, Lang::En);
        assert_eq!(
            o.data.display_text(Lang::Fr).unwrap().lang,
            Lang::It,
            "drafts are never public"
        );
        assert_eq!(o.data.display_text(Lang::De).unwrap().lang, Lang::It);
        assert_eq!(o.data.text_status(Lang::De), TextStatus::Missing);
        assert!(o.data.public_text(Lang::Fr).is_none());
    }

    #[test]
    fn publishing_needs_public_italian_text_a_draft_and_a_future_date() {
        let today = day("2026-11-26");
        let only_english = offer(
            vec![text(Lang::En, TextStatus::Original)],
            OfferStatus::Draft,
            "2026-12-31",
        );
        assert_eq!(only_english.check_publishable(today), Err(PublishError::NoItalianText));
        let draft_italian = offer(
            vec![text(Lang::It, TextStatus::Draft)],
            OfferStatus::Draft,
            "2026-12-31",
        );
        assert_eq!(draft_italian.check_publishable(today), Err(PublishError::NoItalianText));
        let ok = offer(
            vec![text(Lang::It, TextStatus::Original)],
            OfferStatus::Draft,
            "2026-11-26",
        );
        assert_eq!(ok.check_publishable(today), Ok(()));
        let late = offer(
            vec![text(Lang::It, TextStatus::Original)],
            OfferStatus::Draft,
            "2026-11-25",
        );
        assert_eq!(late.check_publishable(today), Err(PublishError::AlreadyExpired));
        let published = offer(
            vec![text(Lang::It, TextStatus::Original)],
            OfferStatus::Published,
            "2026-12-31",
        );
        assert_eq!(published.check_publishable(today), Err(PublishError::NotADraft));
    }

    #[test]
    fn open_until_the_end_of_the_valid_through_day() {
        let o = offer(
            vec![text(Lang::It, TextStatus::Original)],
            OfferStatus::Published,
            "2026-11-26",
        );
        assert!(o.is_open(day("2026-11-26")));
        assert!(!o.is_open(day("2026-11-27")));
        assert!(o.has_closed(day("2026-11-27")));
        let withdrawn = offer(
            vec![text(Lang::It, TextStatus::Original)],
            OfferStatus::Withdrawn,
            "2026-12-31",
        );
        assert!(withdrawn.has_closed(day("2026-11-26")));
        let draft = offer(
            vec![text(Lang::It, TextStatus::Original)],
            OfferStatus::Draft,
            "2026-12-31",
        );
        assert!(!draft.is_open(day("2026-11-26")));
        assert!(!draft.has_closed(day("2026-11-26")), "drafts are not public at all");
    }

    #[test]
    fn codes_round_trip() {
        for s in Section::ALL {
            assert_eq!(Section::parse(s.code()), Some(s));
        }
        for s in OfferStatus::ALL {
            assert_eq!(OfferStatus::parse(s.code()), Some(s));
        }
        assert!(Section::MiratoArt18.is_mirato() && !Section::Eures.is_mirato());
        assert_eq!(TextStatus::parse("machine"), None);
    }
}
