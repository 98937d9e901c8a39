//! The structured CV of a person, typed so that pre-selection and matching
//! can use it: where they live (a *comune* by ISTAT code), the occupations
//! they look for and have done (ISCO-08), education (EQF levels), languages
//! (CEFR), driving licences (EU categories), digital skills, certificates,
//! availability and mobility. What the person agrees to share with an
//! employer is chosen per section ([`CvSection`]). The form that makes one
//! is `cv_form.rs`.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::places::ComuneCode;
use crate::vocab::{Cefr, EqfLevel, Licence, SpokenLanguage, Vocabulary};

/// A month of a year, as CVs date jobs: `2024-03`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    /// Reads `YYYY-MM` (the value of an `<input type="month">`).
    pub fn parse(text: &str) -> Option<YearMonth> {
        let (y, m) = text.trim().split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month: u32 = m.parse().ok()?;
        ((1900..=2200).contains(&year) && (1..=12).contains(&month)).then_some(YearMonth { year, month })
    }

    /// The month of `date`.
    pub fn of(date: NaiveDate) -> YearMonth {
        use chrono::Datelike;
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    /// Months from `self` to `later`, both counted (March to May: 3).
    pub fn months_to(self, later: YearMonth) -> u32 {
        let a = self.year * 12 + self.month as i32;
        let b = later.year * 12 + later.month as i32;
        (b - a + 1).max(0) as u32
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        YearMonth::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("not a month: {text:?}")))
    }
}

/// Serialises a vocabulary value by its code, and reads it back.
macro_rules! by_code {
    ($($name:ident: $ty:ty),+) => {$(
        mod $name {
            use super::*;
            pub fn serialize<S: serde::Serializer>(v: &$ty, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(v.code())
            }
            pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                let text = String::deserialize(d)?;
                <$ty>::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("unknown code {text:?}")))
            }
        }
    )+};
}
by_code!(spoken: SpokenLanguage, cefr: Cefr, eqf: EqfLevel);

mod licences {
    use super::*;
    pub fn serialize<S: serde::Serializer>(v: &[Licence], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|l| l.code()))
    }
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Licence>, D::Error> {
        let codes = Vec::<String>::deserialize(d)?;
        codes
            .iter()
            .map(|c| Licence::parse(c).ok_or_else(|| serde::de::Error::custom(format!("unknown licence {c:?}"))))
            .collect()
    }
}

/// One job held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Experience {
    pub employer: String,
    /// ISCO-08 unit group (four digits), when the person chose one.
    pub occupation: Option<String>,
    /// What the job was called, in the person's words.
    pub title: String,
    pub from: YearMonth,
    /// None: still there.
    pub to: Option<YearMonth>,
    pub tasks: String,
}

/// One course of education or training.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Education {
    pub title: String,
    pub institution: String,
    #[serde(with = "eqf")]
    pub level: EqfLevel,
    /// The year it ended (or will end).
    pub year: Option<i32>,
}

/// A language and how well the person knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageSkill {
    #[serde(with = "spoken")]
    pub language: SpokenLanguage,
    #[serde(with = "cefr")]
    pub level: Cefr,
}

/// When and how the person can work.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Availability {
    /// From when; none: now.
    pub from: Option<NaiveDate>,
    pub full_time: bool,
    pub part_time: bool,
    pub shifts: bool,
    pub seasonal: bool,
}

/// How far the person can go for work.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mobility {
    /// Kilometres from home.
    pub km: u32,
    /// Would work abroad (EURES).
    pub abroad: bool,
}

/// A part of the CV the person may share with employers or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CvSection {
    Contacts,
    Occupations,
    Experience,
    Education,
    Languages,
    Licences,
    DigitalSkills,
    Certificates,
    Availability,
}

impl CvSection {
    pub const ALL: [CvSection; 9] = [
        CvSection::Contacts,
        CvSection::Occupations,
        CvSection::Experience,
        CvSection::Education,
        CvSection::Languages,
        CvSection::Licences,
        CvSection::DigitalSkills,
        CvSection::Certificates,
        CvSection::Availability,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CvSection::Contacts => "contacts",
            CvSection::Occupations => "occupations",
            CvSection::Experience => "experience",
            CvSection::Education => "education",
            CvSection::Languages => "languages",
            CvSection::Licences => "licences",
            CvSection::DigitalSkills => "digital_skills",
            CvSection::Certificates => "certificates",
            CvSection::Availability => "availability",
        }
    }

    pub fn parse(code: &str) -> Option<CvSection> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The structured CV.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cv {
    /// The language the person writes it in (and its PDF's).
    pub lang: Option<Lang>,
    /// A few lines about themselves.
    pub summary: String,
    /// The *comune* where the person lives.
    pub domicile: Option<ComuneCode>,
    /// Occupations looked for (ISCO-08 unit groups).
    pub occupations: Vec<String>,
    pub experience: Vec<Experience>,
    pub education: Vec<Education>,
    pub languages: Vec<LanguageSkill>,
    #[serde(with = "licences")]
    pub licences: Vec<Licence>,
    pub digital_skills: Vec<String>,
    pub certificates: Vec<String>,
    pub availability: Availability,
    pub mobility: Mobility,
}

impl Cv {
    /// Months worked in occupation `isco` (jobs still held count to `today`).
    pub fn months_in(&self, isco: &str, today: NaiveDate) -> u32 {
        self.experience
            .iter()
            .filter(|e| e.occupation.as_deref() == Some(isco))
            .map(|e| e.from.months_to(e.to.unwrap_or(YearMonth::of(today))))
            .sum()
    }

    /// The highest EQF level reached, if any.
    pub fn highest_level(&self) -> Option<EqfLevel> {
        self.education.iter().map(|e| e.level).max()
    }
}

/// What the person agreed to, each separately and revocably.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CvConsents {
    /// "My CV may be proposed to employers."
    pub proposable: bool,
    /// The sections an employer may see.
    pub shared: BTreeSet<CvSection>,
}

impl CvConsents {
    pub fn shares(&self, section: CvSection) -> bool {
        self.shared.contains(&section)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(y: i32, m: u32) -> YearMonth {
        YearMonth { year: y, month: m }
    }

    #[test]
    fn months_are_read_and_counted() {
        assert_eq!(YearMonth::parse("2024-03"), Some(ym(2024, 3)));
        for bad in ["2024-13", "2024-3", "24-03", "", "2024-00", "abcd-ef", "1899-12"] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
        assert_eq!(ym(2024, 3).months_to(ym(2024, 5)), 3);
        assert_eq!(ym(2023, 11).months_to(ym(2024, 2)), 4);
        assert_eq!(ym(2024, 5).months_to(ym(2024, 3)), 0);
        assert_eq!(ym(2024, 3).to_string(), "2024-03");
    }

    #[test]
    fn months_in_an_occupation_add_up() {
        let job = |isco: &str, from, to| Experience {
            employer: "Hotel".into(),
            occupation: Some(isco.into()),
            title: String::new(),
            from,
            to,
            tasks: String::new(),
        };
        let cv = Cv {
            experience: vec![
                job("5131", ym(2022, 6), Some(ym(2022, 9))),
                job("5131", ym(2026, 10), None),
                job("9112", ym(2023, 1), Some(ym(2023, 12))),
            ],
            ..Cv::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        assert_eq!(cv.months_in("5131", today), 4 + 3);
        assert_eq!(cv.months_in("9112", today), 12);
        assert_eq!(cv.months_in("1111", today), 0);
    }

    #[test]
    fn a_cv_round_trips_through_json_with_codes() {
        let cv = Cv {
            lang: Some(Lang::Fr),
            domicile: Some(ComuneCode::parse("075035").unwrap()),
            languages: vec![LanguageSkill {
                language: SpokenLanguage::English,
                level: Cefr::B2,
            }],
            licences: vec![Licence::B, Licence::C1e],
            education: vec![Education {
                title: "Diploma".into(),
                institution: "ITC Lecce".into(),
                level: EqfLevel::L4,
                year: Some(2010),
            }],
            ..Cv::default()
        };
        let json = serde_json::to_string(&cv).unwrap();
        assert!(json.contains("\"licences\":[\"B\",\"C1E\"]"), "{json}");
        assert!(json.contains("\"level\":\"B2\""), "{json}");
        assert!(json.contains("\"domicile\":\"075035\""), "{json}");
        assert_eq!(serde_json::from_str::<Cv>(&json).unwrap(), cv);
        assert!(serde_json::from_str::<Cv>(&json.replace("C1E", "Z9")).is_err());
        assert_eq!(cv.highest_level(), Some(EqfLevel::L4));
    }

    #[test]
    fn sections_round_trip() {
        for s in CvSection::ALL {
            assert_eq!(CvSection::parse(s.code()), Some(s));
        }
        assert_eq!(CvSection::parse("health"), None);
    }
}
