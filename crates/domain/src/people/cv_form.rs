//! The CV form as typed ([`RawCv`]: every field as text, lists as rows) and
//! its checks: each wrong field named (`experience.1.from`), nothing kept
//! until every field is right. Empty rows are left out. The place of
//! domicile is typed as a town's name ("Nardò", "Castro (LE)") or its
//! ISTAT code, and resolved against the national list.

use chrono::{Datelike, NaiveDate};

use super::cv::{Availability, Cv, Education, Experience, LanguageSkill, Mobility, YearMonth};
use crate::places::{self, ComuneCode};
use crate::vocab::{Cefr, EqfLevel, Licence, SpokenLanguage, Vocabulary, occupation};
use crate::{FieldError, FieldProblem, Lang};

/// Bounds of the form.
pub const SUMMARY_MAX: usize = 1_000;
pub const LINE_MAX: usize = 200;
pub const TASKS_MAX: usize = 2_000;
pub const OCCUPATIONS_MAX: usize = 5;
pub const EXPERIENCE_MAX: usize = 20;
pub const EDUCATION_MAX: usize = 10;
pub const LANGUAGES_MAX: usize = 10;
/// Lines of the digital skills and of the certificates.
pub const ITEMS_MAX: usize = 20;
pub const KM_MAX: u32 = 1_000;

/// One job as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RawExperience {
    pub title: String,
    pub employer: String,
    pub occupation: String,
    /// `YYYY-MM`.
    pub from: String,
    /// `YYYY-MM`; empty: still there.
    pub to: String,
    pub tasks: String,
}

/// One course as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RawEducation {
    pub title: String,
    pub institution: String,
    /// EQF level, `1` to `8`.
    pub level: String,
    pub year: String,
}

/// One language as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RawLanguageSkill {
    pub language: String,
    pub level: String,
}

/// The CV form's fields as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RawCv {
    pub lang: String,
    pub summary: String,
    pub domicile: String,
    pub occupations: Vec<String>,
    pub experience: Vec<RawExperience>,
    pub education: Vec<RawEducation>,
    pub languages: Vec<RawLanguageSkill>,
    pub licences: Vec<String>,
    /// One per line.
    pub digital_skills: String,
    /// One per line.
    pub certificates: String,
    /// `YYYY-MM-DD`; empty: now.
    pub available_from: String,
    pub full_time: bool,
    pub part_time: bool,
    pub shifts: bool,
    pub seasonal: bool,
    pub km: String,
    pub abroad: bool,
}

struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    fn fail(&mut self, field: impl Into<String>, problem: FieldProblem) {
        self.errors.push(FieldError {
            field: field.into(),
            problem,
        });
    }

    /// Trimmed text of at most `max` characters, without control characters
    /// (line breaks allowed when `lines`).
    fn text(&mut self, field: &str, value: &str, max: usize, lines: bool) -> String {
        let value = value.trim().replace("\r\n", "\n");
        if value.chars().count() > max {
            self.fail(field, FieldProblem::TooLong { max });
        } else if value.chars().any(|c| c.is_control() && !(lines && c == '\n')) {
            self.fail(field, FieldProblem::Unknown);
        }
        value
    }

    fn required(&mut self, field: &str, value: &str, max: usize) -> String {
        let text = self.text(field, value, max, false);
        if text.is_empty() {
            self.fail(field, FieldProblem::Required);
        }
        text
    }

    fn month(&mut self, field: &str, value: &str, latest: YearMonth) -> Option<YearMonth> {
        if value.trim().is_empty() {
            return None;
        }
        match YearMonth::parse(value) {
            Some(m) if m > latest => {
                self.fail(field, FieldProblem::InFuture);
                None
            }
            Some(m) => Some(m),
            None => {
                self.fail(field, FieldProblem::NotADate);
                None
            }
        }
    }

    fn vocab<V: Vocabulary>(&mut self, field: &str, value: &str) -> Option<V> {
        let found = V::parse(value.trim());
        match (value.trim().is_empty(), found) {
            (true, _) => self.fail(field, FieldProblem::Required),
            (false, None) => self.fail(field, FieldProblem::Unknown),
            _ => {}
        }
        found
    }

    /// An ISCO-08 unit group: its four digits, alone or before its label
    /// ("5120 — Cooks", as the form's list of suggestions gives it).
    fn isco(&mut self, field: &str, value: &str) -> Option<String> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let value = value.split([' ', '—', '-']).next().unwrap_or(value);
        if occupation(value).is_none() {
            self.fail(field, FieldProblem::Unknown);
            return None;
        }
        Some(value.to_string())
    }

    /// Non-empty lines, each at most [`LINE_MAX`] characters.
    fn items(&mut self, field: &str, value: &str) -> Vec<String> {
        let items: Vec<String> = value
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        if items.len() > ITEMS_MAX {
            self.fail(
                field,
                FieldProblem::OutOfRange {
                    min: 0,
                    max: ITEMS_MAX as u32,
                },
            );
        } else if items
            .iter()
            .any(|i| i.chars().count() > LINE_MAX || i.chars().any(char::is_control))
        {
            self.fail(field, FieldProblem::TooLong { max: LINE_MAX });
        }
        items
    }
}

/// Resolves a town typed in a form: a six-digit ISTAT code, a name, or a
/// name with its province ("Castro (LE)"). A name that several comuni share
/// needs the province.
pub fn resolve_comune(text: &str) -> Result<ComuneCode, FieldProblem> {
    let text = text.trim();
    if text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit()) {
        return ComuneCode::parse(text).map_err(|_| FieldProblem::Unknown);
    }
    let (name, province) = match text.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
        Some((name, province)) => (name.trim(), Some(province.trim())),
        None => (text, None),
    };
    let normal = crate::text::normalize(name);
    let exact: Vec<_> = places::find(name, 50)
        .into_iter()
        .filter(|c| crate::text::normalize(c.name) == normal)
        .filter(|c| province.is_none_or(|p| c.province.eq_ignore_ascii_case(p)))
        .collect();
    match exact.as_slice() {
        [one] => Ok(one.code),
        [] => Err(FieldProblem::Unknown),
        _ => Err(FieldProblem::Ambiguous),
    }
}

impl RawCv {
    /// Checks every field on `today`; the CV, or every error.
    pub fn parse(&self, today: NaiveDate) -> Result<Cv, Vec<FieldError>> {
        let mut c = Checker { errors: Vec::new() };
        let this_month = YearMonth::of(today);
        let lang = if self.lang.trim().is_empty() {
            None
        } else {
            let found = Lang::parse(self.lang.trim());
            if found.is_none() {
                c.fail("lang", FieldProblem::Unknown);
            }
            found
        };
        let summary = c.text("summary", &self.summary, SUMMARY_MAX, true);
        let domicile = if self.domicile.trim().is_empty() {
            None
        } else {
            resolve_comune(&self.domicile).map_err(|p| c.fail("domicile", p)).ok()
        };
        let mut occupations = Vec::new();
        for (i, code) in self
            .occupations
            .iter()
            .enumerate()
            .filter(|(_, o)| !o.trim().is_empty())
        {
            if let Some(code) = c.isco(&format!("occupations.{i}"), code) {
                if occupations.contains(&code) {
                    c.fail(format!("occupations.{i}"), FieldProblem::Duplicate);
                } else {
                    occupations.push(code);
                }
            }
        }
        if occupations.len() > OCCUPATIONS_MAX {
            c.fail(
                "occupations",
                FieldProblem::OutOfRange {
                    min: 0,
                    max: OCCUPATIONS_MAX as u32,
                },
            );
        }
        let mut experience = Vec::new();
        for (i, e) in self.experience.iter().enumerate() {
            if [&e.title, &e.employer, &e.occupation, &e.from, &e.to, &e.tasks]
                .iter()
                .all(|f| f.trim().is_empty())
            {
                continue;
            }
            let f = |name: &str| format!("experience.{i}.{name}");
            let title = c.required(&f("title"), &e.title, LINE_MAX);
            let employer = c.text(&f("employer"), &e.employer, LINE_MAX, false);
            let occupation = c.isco(&f("occupation"), &e.occupation);
            let from = c.month(&f("from"), &e.from, this_month);
            if e.from.trim().is_empty() {
                c.fail(f("from"), FieldProblem::Required);
            }
            let to = c.month(&f("to"), &e.to, this_month);
            if let (Some(a), Some(b)) = (from, to)
                && b < a
            {
                c.fail(f("to"), FieldProblem::EndBeforeStart);
            }
            let tasks = c.text(&f("tasks"), &e.tasks, TASKS_MAX, true);
            if let Some(from) = from {
                experience.push(Experience {
                    employer,
                    occupation,
                    title,
                    from,
                    to,
                    tasks,
                });
            }
        }
        if experience.len() > EXPERIENCE_MAX {
            c.fail(
                "experience",
                FieldProblem::OutOfRange {
                    min: 0,
                    max: EXPERIENCE_MAX as u32,
                },
            );
        }
        let mut education = Vec::new();
        for (i, e) in self.education.iter().enumerate() {
            if [&e.title, &e.institution, &e.level, &e.year]
                .iter()
                .all(|f| f.trim().is_empty())
            {
                continue;
            }
            let f = |name: &str| format!("education.{i}.{name}");
            let title = c.required(&f("title"), &e.title, LINE_MAX);
            let institution = c.text(&f("institution"), &e.institution, LINE_MAX, false);
            let level = c.vocab::<EqfLevel>(&f("level"), &e.level);
            let year = if e.year.trim().is_empty() {
                None
            } else {
                let latest = today.year() + 6;
                match e.year.trim().parse::<i32>() {
                    Ok(y) if (1940..=latest).contains(&y) => Some(y),
                    Ok(_) => {
                        c.fail(
                            f("year"),
                            FieldProblem::OutOfRange {
                                min: 1940,
                                max: latest as u32,
                            },
                        );
                        None
                    }
                    Err(_) => {
                        c.fail(f("year"), FieldProblem::NotANumber);
                        None
                    }
                }
            };
            if let Some(level) = level {
                education.push(Education {
                    title,
                    institution,
                    level,
                    year,
                });
            }
        }
        if education.len() > EDUCATION_MAX {
            c.fail(
                "education",
                FieldProblem::OutOfRange {
                    min: 0,
                    max: EDUCATION_MAX as u32,
                },
            );
        }
        let mut languages: Vec<LanguageSkill> = Vec::new();
        for (i, l) in self.languages.iter().enumerate() {
            if l.language.trim().is_empty() && l.level.trim().is_empty() {
                continue;
            }
            let language = c.vocab::<SpokenLanguage>(&format!("languages.{i}.language"), &l.language);
            let level = c.vocab::<Cefr>(&format!("languages.{i}.level"), &l.level);
            if let (Some(language), Some(level)) = (language, level) {
                if languages.iter().any(|k| k.language == language) {
                    c.fail(format!("languages.{i}.language"), FieldProblem::Duplicate);
                } else {
                    languages.push(LanguageSkill { language, level });
                }
            }
        }
        if languages.len() > LANGUAGES_MAX {
            c.fail(
                "languages",
                FieldProblem::OutOfRange {
                    min: 0,
                    max: LANGUAGES_MAX as u32,
                },
            );
        }
        let mut licences = Vec::new();
        for code in &self.licences {
            match Licence::parse(code.trim()) {
                Some(l) if !licences.contains(&l) => licences.push(l),
                Some(_) => {}
                None => c.fail("licences", FieldProblem::Unknown),
            }
        }
        licences.sort();
        let digital_skills = c.items("digital_skills", &self.digital_skills);
        let certificates = c.items("certificates", &self.certificates);
        let from = if self.available_from.trim().is_empty() {
            None
        } else {
            match NaiveDate::parse_from_str(self.available_from.trim(), "%Y-%m-%d") {
                Ok(d) if d.year() >= 2000 && d.year() <= today.year() + 5 => Some(d),
                Ok(_) => {
                    c.fail("available_from", FieldProblem::DateTooFar { max_days: 5 * 366 });
                    None
                }
                Err(_) => {
                    c.fail("available_from", FieldProblem::NotADate);
                    None
                }
            }
        };
        let km = if self.km.trim().is_empty() {
            0
        } else {
            match self.km.trim().parse::<u32>() {
                Ok(km) if km <= KM_MAX => km,
                Ok(_) => {
                    c.fail("km", FieldProblem::OutOfRange { min: 0, max: KM_MAX });
                    0
                }
                Err(_) => {
                    c.fail("km", FieldProblem::NotANumber);
                    0
                }
            }
        };
        if !c.errors.is_empty() {
            return Err(c.errors);
        }
        Ok(Cv {
            lang,
            summary,
            domicile,
            occupations,
            experience,
            education,
            languages,
            licences,
            digital_skills,
            certificates,
            availability: Availability {
                from,
                full_time: self.full_time,
                part_time: self.part_time,
                shifts: self.shifts,
                seasonal: self.seasonal,
            },
            mobility: Mobility {
                km,
                abroad: self.abroad,
            },
        })
    }

    /// The form of a stored CV, to edit it.
    pub fn of(cv: &Cv) -> RawCv {
        RawCv {
            lang: cv.lang.map(|l| l.code().to_string()).unwrap_or_default(),
            summary: cv.summary.clone(),
            domicile: cv
                .domicile
                .map(|d| format!("{} ({})", d.comune().name, d.comune().province))
                .unwrap_or_default(),
            occupations: cv.occupations.clone(),
            experience: cv
                .experience
                .iter()
                .map(|e| RawExperience {
                    title: e.title.clone(),
                    employer: e.employer.clone(),
                    occupation: e.occupation.clone().unwrap_or_default(),
                    from: e.from.to_string(),
                    to: e.to.map(|t| t.to_string()).unwrap_or_default(),
                    tasks: e.tasks.clone(),
                })
                .collect(),
            education: cv
                .education
                .iter()
                .map(|e| RawEducation {
                    title: e.title.clone(),
                    institution: e.institution.clone(),
                    level: e.level.code().into(),
                    year: e.year.map(|y| y.to_string()).unwrap_or_default(),
                })
                .collect(),
            languages: cv
                .languages
                .iter()
                .map(|l| RawLanguageSkill {
                    language: l.language.code().into(),
                    level: l.level.code().into(),
                })
                .collect(),
            licences: cv.licences.iter().map(|l| l.code().to_string()).collect(),
            digital_skills: cv.digital_skills.join("\n"),
            certificates: cv.certificates.join("\n"),
            available_from: cv.availability.from.map(|d| d.to_string()).unwrap_or_default(),
            full_time: cv.availability.full_time,
            part_time: cv.availability.part_time,
            shifts: cv.availability.shifts,
            seasonal: cv.availability.seasonal,
            km: if cv.mobility.km == 0 {
                String::new()
            } else {
                cv.mobility.km.to_string()
            },
            abroad: cv.mobility.abroad,
        }
    }
}

#[cfg(test)]
#[path = "cv_form_tests.rs"]
mod tests;
