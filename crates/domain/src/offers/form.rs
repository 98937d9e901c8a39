//! An offer as operators (and the operator API, and imports) write it: every
//! field as text, checked at once so that each wrong field gets its own
//! message and the form keeps what was typed. [`RawOffer::validate`] gives
//! either a [`NewOffer`] or the list of [`FieldError`]s.
//!
//! Free text is stored as written (HTML included) and always rendered
//! escaped; formatting goes through the small Markdown subset of the pages.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::vocab::{Cefr, ContractType, Country, EducationLevel, Licence, SpokenLanguage, Vocabulary, WorkingTime};
use crate::{
    Centre, Employer, Lang, LanguageRequirement, NewOffer, OfferText, Requirements, Salary, Section, TextStatus,
    WorkPlace,
};

/// Longest accepted values, in characters.
pub const MAX_TITLE: usize = 120;
pub const MAX_DESCRIPTION: usize = 5000;
pub const MAX_HOW_TO_APPLY: usize = 2000;
pub const MAX_NAME: usize = 200;
pub const MAX_SHORT: usize = 100;
/// How far ahead an offer may run.
pub const MAX_DAYS_OPEN: u64 = 366;
/// Language requirements per offer.
pub const MAX_LANGUAGES: usize = 4;

/// A language requirement.
// (As typed: checked by `RawOffer::validate`. Its API schema is `LanguageInput`.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = LanguageInput))]
#[serde(default)]
pub struct RawLanguage {
    /// Language code, e.g. `en`.
    pub language: String,
    /// CEFR level, A1 to C2.
    pub level: String,
}

/// Every field of an offer as text. Empty optional fields mean "none".
/// Its fields are listed once, in [`super::fields::OFFER_FIELDS`]; the
/// operator API reads it as `OfferInput` (the field comments below are that
/// schema's descriptions) and refuses unknown fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default, deny_unknown_fields)]
pub struct RawOffer {
    /// Centre slug, e.g. `lecce`.
    pub centre: String,
    /// `ordinary`, `eures`, `mirato_art1`, `mirato_art18`.
    pub section: String,
    /// ISCO-08 unit group, four digits.
    pub occupation: String,
    /// Italian title (the original text).
    pub title: String,
    // The Italian description and how to apply: the original text too.
    pub description: String,
    pub how_to_apply: String,
    pub employer_name: String,
    // Keep the employer's name off public boards.
    pub employer_hidden: bool,
    pub town: String,
    pub postcode: String,
    // Province code in Italy (e.g. `LE`), region or state abroad.
    pub region: String,
    /// ISO 3166-1 alpha-2; Italy when empty.
    pub country: String,
    /// Work from home for people living in `country` (default false).
    pub remote: bool,
    pub contract: String,
    pub working_time: String,
    pub hours_per_week: String,
    pub openings: String,
    pub education: String,
    pub licence: String,
    pub experience_months: String,
    pub salary_min: String,
    pub salary_max: String,
    /// YYYY-MM-DD: open until 23:59:59 Europe/Rome on this day.
    pub valid_through: String,
    pub languages: Vec<RawLanguage>,
}

/// What is wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum FieldProblem {
    Required,
    TooLong {
        max: usize,
    },
    /// Not one of the values of the field's list.
    Unknown,
    NotANumber,
    OutOfRange {
        min: u32,
        max: u32,
    },
    NotADate,
    /// The valid-through date is before today (or before publication).
    DateInPast,
    DateTooFar {
        max_days: u64,
    },
    /// The minimum salary is above the maximum.
    SalaryOrder,
    /// A salary range needs both ends.
    SalaryIncomplete,
    /// The same language twice.
    Duplicate,
    /// The user may not create offers for this centre or section.
    NotAllowed,
    /// Not an e-mail address (see [`crate::Email`]).
    BadEmail,
    /// Not a phone number (see [`crate::Phone`]).
    BadPhone,
    /// Not a valid *codice fiscale* (see [`crate::CodiceFiscale`]).
    BadCodiceFiscale,
    /// Neither an e-mail address nor a phone number was given.
    ContactNeeded,
    /// Not a time of day written `HH:MM`.
    NotATime,
    /// The closing time is not after the opening time.
    TimeOrder,
    /// A national holiday or the town's patron day.
    ClosedDay,
    /// A person younger than the accounts' minimum age.
    TooYoung {
        min_age: u32,
    },
    /// A birth date in the future or before 1900.
    ImpossibleBirthDate,
    /// A phone number that cannot receive texts (an Italian landline).
    NotMobile,
    /// A name several places share: the province is needed.
    Ambiguous,
    /// An end before its start.
    EndBeforeStart,
    /// A date still to come where only past ones make sense.
    InFuture,
    /// At the same time as another entry of the same schedule.
    Overlap,
}

impl FieldProblem {
    /// The message id of the user interface for this problem.
    pub fn message_id(self) -> &'static str {
        match self {
            FieldProblem::Required => "field-required",
            FieldProblem::TooLong { .. } => "field-too-long",
            FieldProblem::Unknown => "field-unknown",
            FieldProblem::NotANumber => "field-not-a-number",
            FieldProblem::OutOfRange { .. } => "field-out-of-range",
            FieldProblem::NotADate => "field-not-a-date",
            FieldProblem::DateInPast => "field-date-in-past",
            FieldProblem::DateTooFar { .. } => "field-date-too-far",
            FieldProblem::SalaryOrder => "field-salary-order",
            FieldProblem::SalaryIncomplete => "field-salary-incomplete",
            FieldProblem::Duplicate => "field-duplicate",
            FieldProblem::NotAllowed => "field-not-allowed",
            FieldProblem::BadEmail => "field-bad-email",
            FieldProblem::BadPhone => "field-bad-phone",
            FieldProblem::BadCodiceFiscale => "field-bad-codice-fiscale",
            FieldProblem::ContactNeeded => "field-contact-needed",
            FieldProblem::NotATime => "field-not-a-time",
            FieldProblem::TimeOrder => "field-time-order",
            FieldProblem::ClosedDay => "field-closed-day",
            FieldProblem::Overlap => "field-overlap",
            FieldProblem::TooYoung { .. } => "field-too-young",
            FieldProblem::ImpossibleBirthDate => "field-birth-date-impossible",
            FieldProblem::NotMobile => "field-not-mobile",
            FieldProblem::Ambiguous => "field-ambiguous",
            FieldProblem::EndBeforeStart => "field-end-before-start",
            FieldProblem::InFuture => "field-in-future",
        }
    }
}

/// A field and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field's name as in [`RawOffer`] (`languages.1.level` for lists).
    pub field: String,
    #[serde(flatten)]
    pub problem: FieldProblem,
}

struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    fn fail(&mut self, field: &str, problem: FieldProblem) {
        self.errors.push(FieldError {
            field: field.into(),
            problem,
        });
    }

    fn text(&mut self, field: &str, value: &str, required: bool, max: usize) -> String {
        let value = value.trim();
        if required && value.is_empty() {
            self.fail(field, FieldProblem::Required);
        } else if value.chars().count() > max {
            self.fail(field, FieldProblem::TooLong { max });
        }
        value.replace("\r\n", "\n")
    }

    fn vocab<V: Vocabulary>(&mut self, field: &str, value: &str) -> Option<V> {
        let value = value.trim();
        if value.is_empty() {
            self.fail(field, FieldProblem::Required);
            return None;
        }
        let found = V::parse(value);
        if found.is_none() {
            self.fail(field, FieldProblem::Unknown);
        }
        found
    }

    fn optional_vocab<V: Vocabulary>(&mut self, field: &str, value: &str) -> Option<V> {
        if value.trim().is_empty() {
            None
        } else {
            self.vocab(field, value)
        }
    }

    fn number(&mut self, field: &str, value: &str, min: u32, max: u32) -> Option<u32> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match value.parse::<u64>() {
            Ok(n) if n >= u64::from(min) && n <= u64::from(max) => Some(n as u32),
            Ok(_) => {
                self.fail(field, FieldProblem::OutOfRange { min, max });
                None
            }
            Err(_) if value.starts_with('-') && value[1..].parse::<u64>().is_ok() => {
                self.fail(field, FieldProblem::OutOfRange { min, max });
                None
            }
            Err(_) => {
                self.fail(field, FieldProblem::NotANumber);
                None
            }
        }
    }

    fn required_number(&mut self, field: &str, value: &str, min: u32, max: u32) -> Option<u32> {
        if value.trim().is_empty() {
            self.fail(field, FieldProblem::Required);
            return None;
        }
        self.number(field, value, min, max)
    }
}

impl RawOffer {
    /// Checks every field. `today` is the Rome date; the valid-through day
    /// must be between today and [`MAX_DAYS_OPEN`] days ahead. Centres are
    /// named by slug among `centres`.
    pub fn validate(&self, centres: &[Centre], today: NaiveDate) -> Result<NewOffer, Vec<FieldError>> {
        let mut c = Checker { errors: Vec::new() };
        let centre = match self.centre.trim() {
            "" => {
                c.fail("centre", FieldProblem::Required);
                None
            }
            slug => {
                let found = centres.iter().find(|x| x.data.slug == slug);
                if found.is_none() {
                    c.fail("centre", FieldProblem::Unknown);
                }
                found
            }
        };
        let section = match self.section.trim() {
            "" => {
                c.fail("section", FieldProblem::Required);
                None
            }
            code => {
                let found = Section::parse(code);
                if found.is_none() {
                    c.fail("section", FieldProblem::Unknown);
                }
                found
            }
        };
        let occupation = match self.occupation.trim() {
            "" => {
                c.fail("occupation", FieldProblem::Required);
                None
            }
            code => {
                let found = crate::vocab::occupation(code);
                if found.is_none() {
                    c.fail("occupation", FieldProblem::Unknown);
                }
                found
            }
        };
        let title = c.text("title", &self.title, true, MAX_TITLE);
        let description = c.text("description", &self.description, true, MAX_DESCRIPTION);
        let how_to_apply = c.text("how_to_apply", &self.how_to_apply, true, MAX_HOW_TO_APPLY);
        let employer_name = c.text("employer_name", &self.employer_name, true, MAX_NAME);
        let town = c.text("town", &self.town, true, MAX_SHORT);
        let postcode = c.text("postcode", &self.postcode, false, 12);
        let region = c.text("region", &self.region, false, MAX_SHORT);
        let country = match self.country.trim() {
            "" | "IT" | "it" => Some("IT".to_string()),
            code => c
                .vocab::<Country>("country", &code.to_ascii_uppercase())
                .map(|v| v.code().to_string()),
        };
        let contract = c.vocab::<ContractType>("contract", &self.contract);
        let working_time = c.vocab::<WorkingTime>("working_time", &self.working_time);
        let hours_per_week = c.number("hours_per_week", &self.hours_per_week, 1, 60);
        let openings = c.required_number("openings", &self.openings, 1, 10_000);
        let education = c.vocab::<EducationLevel>("education", &self.education);
        let licence = c.optional_vocab::<Licence>("licence", &self.licence);
        let experience = c.number("experience_months", &self.experience_months, 0, 600);
        let salary_min = c.number("salary_min", &self.salary_min, 1, 100_000);
        let salary_max = c.number("salary_max", &self.salary_max, 1, 100_000);
        let salary = match (salary_min, salary_max) {
            (Some(min), Some(max)) if min > max => {
                c.fail("salary_max", FieldProblem::SalaryOrder);
                None
            }
            (Some(min), Some(max)) => Some(Salary { min, max }),
            (None, None) => None,
            (Some(_), None) if self.salary_max.trim().is_empty() => {
                c.fail("salary_max", FieldProblem::SalaryIncomplete);
                None
            }
            (None, Some(_)) if self.salary_min.trim().is_empty() => {
                c.fail("salary_min", FieldProblem::SalaryIncomplete);
                None
            }
            _ => None,
        };
        let valid_through = match self.valid_through.trim() {
            "" => {
                c.fail("valid_through", FieldProblem::Required);
                None
            }
            text => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                Err(_) => {
                    c.fail("valid_through", FieldProblem::NotADate);
                    None
                }
                Ok(date) if date < today => {
                    c.fail("valid_through", FieldProblem::DateInPast);
                    None
                }
                Ok(date) if date > today.checked_add_days(Days::new(MAX_DAYS_OPEN)).unwrap_or(today) => {
                    c.fail(
                        "valid_through",
                        FieldProblem::DateTooFar {
                            max_days: MAX_DAYS_OPEN,
                        },
                    );
                    None
                }
                Ok(date) => Some(date),
            },
        };
        let mut languages: Vec<LanguageRequirement> = Vec::new();
        let given: Vec<_> = self
            .languages
            .iter()
            .enumerate()
            .filter(|(_, l)| !(l.language.trim().is_empty() && l.level.trim().is_empty()))
            .collect();
        if given.len() > MAX_LANGUAGES {
            c.fail(
                "languages",
                FieldProblem::OutOfRange {
                    min: 0,
                    max: MAX_LANGUAGES as u32,
                },
            );
        }
        for (i, raw) in given.into_iter().take(MAX_LANGUAGES) {
            let language = c.vocab::<SpokenLanguage>(&format!("languages.{i}.language"), &raw.language);
            let level = c.vocab::<Cefr>(&format!("languages.{i}.level"), &raw.level);
            if let (Some(language), Some(level)) = (language, level) {
                if languages.iter().any(|l| l.language == language) {
                    c.fail(&format!("languages.{i}.language"), FieldProblem::Duplicate);
                } else {
                    languages.push(LanguageRequirement { language, level });
                }
            }
        }
        languages.sort_by_key(|l| l.language);

        if !c.errors.is_empty() {
            return Err(c.errors);
        }
        let (Some(centre), Some(section), Some(occupation), Some(country)) = (centre, section, occupation, country)
        else {
            unreachable!("a missing value is always reported as an error")
        };
        let (Some(contract), Some(working_time), Some(openings), Some(education), Some(valid_through)) =
            (contract, working_time, openings, education, valid_through)
        else {
            unreachable!("a missing value is always reported as an error")
        };
        Ok(NewOffer {
            centre: centre.id,
            section,
            occupation: occupation.code.to_string(),
            texts: vec![OfferText {
                lang: Lang::It,
                status: TextStatus::Original,
                machine: false,
                title,
                description,
                how_to_apply,
            }],
            employer: Employer {
                name: employer_name,
                hidden: self.employer_hidden,
            },
            place: WorkPlace {
                town,
                postcode,
                region,
                country,
                remote: self.remote,
            },
            contract,
            working_time,
            hours_per_week: hours_per_week.map(|h| h as u8),
            openings,
            requirements: Requirements {
                education,
                languages,
                licence,
                experience_months: experience.unwrap_or(0) as u16,
            },
            salary,
            valid_through,
        })
    }

    /// The form's values for an existing offer (to edit or duplicate it).
    pub fn from_offer(offer: &NewOffer, centres: &[Centre]) -> RawOffer {
        let italian = offer.text(Lang::It);
        let text = |f: fn(&OfferText) -> &String| italian.map(|t| f(t).clone()).unwrap_or_default();
        let num = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        RawOffer {
            centre: centres
                .iter()
                .find(|c| c.id == offer.centre)
                .map(|c| c.data.slug.clone())
                .unwrap_or_default(),
            section: offer.section.code().into(),
            occupation: offer.occupation.clone(),
            title: text(|t| &t.title),
            description: text(|t| &t.description),
            how_to_apply: text(|t| &t.how_to_apply),
            employer_name: offer.employer.name.clone(),
            employer_hidden: offer.employer.hidden,
            town: offer.place.town.clone(),
            postcode: offer.place.postcode.clone(),
            region: offer.place.region.clone(),
            country: offer.place.country.clone(),
            remote: offer.place.remote,
            contract: offer.contract.code().into(),
            working_time: offer.working_time.code().into(),
            hours_per_week: num(offer.hours_per_week.map(u32::from)),
            openings: offer.openings.to_string(),
            education: offer.requirements.education.code().into(),
            licence: offer
                .requirements
                .licence
                .map(|l| l.code().to_string())
                .unwrap_or_default(),
            experience_months: offer.requirements.experience_months.to_string(),
            salary_min: num(offer.salary.map(|s| s.min)),
            salary_max: num(offer.salary.map(|s| s.max)),
            valid_through: offer.valid_through.to_string(),
            languages: offer
                .requirements
                .languages
                .iter()
                .map(|l| RawLanguage {
                    language: l.language.code().into(),
                    level: l.level.code().into(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
