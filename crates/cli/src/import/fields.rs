//! The fields of an imported offer: their names (those of
//! [`RawOffer`]), which of them must be there, how yes/no values are
//! written, and what each [`FieldError`] means in words, naming the values
//! a field accepts.

use chrono::NaiveDate;
use sportello_domain::offer_form::MAX_LANGUAGES;
use sportello_domain::vocab::{Cefr, ContractType, EducationLevel, Licence, SpokenLanguage, Vocabulary, WorkingTime};
use sportello_domain::{Centre, FieldError, FieldProblem, RawOffer, Section};

/// Gives one text field of an offer to fill in.
pub type Setter = fn(&mut RawOffer) -> &mut String;

/// Every text field of [`RawOffer`], in the order of the documentation.
pub const TEXT_FIELDS: &[(&str, Setter)] = &[
    ("centre", |o| &mut o.centre),
    ("section", |o| &mut o.section),
    ("occupation", |o| &mut o.occupation),
    ("title", |o| &mut o.title),
    ("description", |o| &mut o.description),
    ("how_to_apply", |o| &mut o.how_to_apply),
    ("employer_name", |o| &mut o.employer_name),
    ("town", |o| &mut o.town),
    ("postcode", |o| &mut o.postcode),
    ("region", |o| &mut o.region),
    ("country", |o| &mut o.country),
    ("contract", |o| &mut o.contract),
    ("working_time", |o| &mut o.working_time),
    ("hours_per_week", |o| &mut o.hours_per_week),
    ("openings", |o| &mut o.openings),
    ("education", |o| &mut o.education),
    ("licence", |o| &mut o.licence),
    ("experience_months", |o| &mut o.experience_months),
    ("salary_min", |o| &mut o.salary_min),
    ("salary_max", |o| &mut o.salary_max),
    ("valid_through", |o| &mut o.valid_through),
];

/// Gives one yes/no field of an offer to fill in.
pub type FlagSetter = fn(&mut RawOffer) -> &mut bool;

/// The yes/no fields: `(name, setter, column of a CSV file it comes before)`.
pub const FLAG_FIELDS: &[(&str, FlagSetter, &str)] = &[
    ("employer_hidden", |o| &mut o.employer_hidden, "town"),
    ("remote", |o| &mut o.remote, "contract"),
];

/// The setter of the yes/no field `name`.
pub fn flag_setter(name: &str) -> Option<FlagSetter> {
    FLAG_FIELDS.iter().find(|(n, _, _)| *n == name).map(|(_, s, _)| *s)
}

/// Every field name, in the documented order (CSV columns of the languages apart).
pub fn field_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = TEXT_FIELDS.iter().map(|(n, _)| *n).collect();
    for (flag, _, before) in FLAG_FIELDS {
        let at = names.iter().position(|n| n == before).unwrap_or(names.len());
        names.insert(at, flag);
    }
    names
}
/// The list of language requirements (JSON only; CSV has numbered columns).
pub const LANGUAGES: &str = "languages";

/// The fields an offer cannot do without: a file lacking one of them
/// cannot hold a single valid offer.
pub const REQUIRED: &[&str] = &[
    "centre",
    "section",
    "occupation",
    "title",
    "description",
    "how_to_apply",
    "employer_name",
    "town",
    "contract",
    "working_time",
    "openings",
    "education",
    "valid_through",
];

/// The setter of the text field `name`.
pub fn setter(name: &str) -> Option<Setter> {
    TEXT_FIELDS.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// Reads a yes/no value: `true`/`false`, `yes`/`no`, `sì`/`si`/`no`, `1`/`0`
/// in any case; empty means no.
pub fn parse_flag(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "" | "false" | "no" | "0" => Some(false),
        "true" | "yes" | "sì" | "si" | "1" => Some(true),
        _ => None,
    }
}

/// What a yes/no field accepts.
pub const FLAG_VALUES: &str = "use true or false (also yes/no, sì/no, 1/0)";

/// The value the offer had in `field` (a [`FieldError`] field name, with
/// `languages.N.language` for lists).
fn value_of(offer: &RawOffer, field: &str) -> String {
    if let Some(rest) = field.strip_prefix("languages.") {
        let (index, part) = rest.split_once('.').unwrap_or((rest, ""));
        let language = index.parse::<usize>().ok().and_then(|i| offer.languages.get(i));
        return match (language, part) {
            (Some(l), "language") => l.language.trim().to_string(),
            (Some(l), "level") => l.level.trim().to_string(),
            _ => String::new(),
        };
    }
    let mut copy = offer.clone();
    setter(field)
        .map(|s| s(&mut copy).trim().to_string())
        .unwrap_or_default()
}

fn codes<V: Vocabulary>() -> String {
    V::ALL.iter().map(|v| v.code()).collect::<Vec<_>>().join(", ")
}

/// What a list field accepts, as advice (e.g. "use one of: a, b"), if it is one.
fn accepted(field: &str, centres: &[Centre]) -> Option<String> {
    let list = match field {
        "centre" => centres
            .iter()
            .map(|c| c.data.slug.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        "section" => Section::ALL.iter().map(|s| s.code()).collect::<Vec<_>>().join(", "),
        "occupation" => {
            return Some("use a four-digit ISCO-08 unit group that Sportello lists, e.g. 5131 (waiters)".into());
        }
        "country" => return Some("use the two-letter code of a EURES country, e.g. DE (empty means IT)".into()),
        "contract" => codes::<ContractType>(),
        "working_time" => codes::<WorkingTime>(),
        "education" => codes::<EducationLevel>(),
        "licence" => codes::<Licence>(),
        f if f.ends_with(".language") => codes::<SpokenLanguage>(),
        f if f.ends_with(".level") => codes::<Cefr>(),
        _ => return None,
    };
    Some(format!("use one of: {list}"))
}

/// What is wrong, in words, with the value the offer has in the error's field.
pub fn describe(error: &FieldError, offer: &RawOffer, centres: &[Centre], today: NaiveDate) -> String {
    let value = value_of(offer, &error.field);
    match error.problem {
        FieldProblem::Required => "missing: this field is required".into(),
        FieldProblem::TooLong { max } => format!("too long: at most {max} characters"),
        FieldProblem::Unknown if error.field == "centre" && centres.is_empty() => {
            format!("unknown value {value:?}: the database has no centres yet")
        }
        FieldProblem::Unknown => match accepted(&error.field, centres) {
            Some(advice) => format!("unknown value {value:?}; {advice}"),
            None => format!("unknown value {value:?}"),
        },
        FieldProblem::NotANumber => format!("{value:?} is not a whole number"),
        FieldProblem::OutOfRange { max, .. } if error.field == LANGUAGES => {
            format!("at most {max} languages (found more)")
        }
        FieldProblem::OutOfRange { min, max } => format!("{value} is out of range: use a number from {min} to {max}"),
        FieldProblem::NotADate => format!("{value:?} is not a date: write it as YYYY-MM-DD, e.g. 2026-12-31"),
        FieldProblem::DateInPast => format!("{value} is already past (today is {today} in Rome)"),
        FieldProblem::DateTooFar { max_days } => {
            format!("{value} is too far ahead: an offer runs at most {max_days} days from today ({today})")
        }
        FieldProblem::SalaryOrder => "the maximum pay is below the minimum".into(),
        FieldProblem::SalaryIncomplete => "a pay range needs both salary_min and salary_max".into(),
        FieldProblem::Duplicate => format!("the language {value} is listed twice"),
        FieldProblem::NotAllowed => "not allowed".into(),
        FieldProblem::BadEmail => format!("{value:?} is not an e-mail address"),
        FieldProblem::BadPhone => format!("{value:?} is not a phone number"),
        FieldProblem::BadCodiceFiscale => format!("{value:?} is not a valid codice fiscale"),
        FieldProblem::ContactNeeded => "an e-mail address or a phone number is needed".into(),
    }
}

/// Numbered CSV columns of the language requirements: `language_1`, `level_1`, ….
pub fn language_columns() -> impl Iterator<Item = (usize, String, String)> {
    (1..=MAX_LANGUAGES).map(|n| (n, format!("language_{n}"), format!("level_{n}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_are_those_of_raw_offer() {
        let json = serde_json::to_value(RawOffer::default()).unwrap();
        let mut theirs: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        let mut ours = field_names();
        ours.push(LANGUAGES);
        theirs.sort_unstable();
        ours.sort_unstable();
        assert_eq!(ours, theirs, "a field of RawOffer is missing from the import");
        for name in REQUIRED {
            assert!(setter(name).is_some(), "{name}");
        }
        let mut offer = RawOffer::default();
        for (name, set) in TEXT_FIELDS {
            *set(&mut offer) = (*name).to_string();
        }
        let json = serde_json::to_value(&offer).unwrap();
        for (name, _) in TEXT_FIELDS {
            assert_eq!(json[*name], *name, "the setter of {name} sets {name}");
        }
    }

    #[test]
    fn flags_read_the_usual_spellings() {
        for yes in ["true", "TRUE", "yes", "Sì", "si", "1", " 1 "] {
            assert_eq!(parse_flag(yes), Some(true), "{yes}");
        }
        for no in ["", "false", "No", "0"] {
            assert_eq!(parse_flag(no), Some(false), "{no}");
        }
        assert_eq!(parse_flag("maybe"), None);
    }

    #[test]
    fn messages_quote_the_value_and_the_accepted_codes() {
        let offer = RawOffer {
            contract: "forever".into(),
            valid_through: "31/12/2026".into(),
            languages: vec![sportello_domain::RawLanguage {
                language: "en".into(),
                level: "Z9".into(),
            }],
            ..RawOffer::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let error = |field: &str, problem| FieldError {
            field: field.into(),
            problem,
        };
        let text = describe(&error("contract", FieldProblem::Unknown), &offer, &[], today);
        assert!(text.contains("\"forever\"") && text.contains("permanent"), "{text}");
        let text = describe(&error("valid_through", FieldProblem::NotADate), &offer, &[], today);
        assert!(text.contains("YYYY-MM-DD"), "{text}");
        let text = describe(&error("languages.0.level", FieldProblem::Unknown), &offer, &[], today);
        assert!(text.contains("\"Z9\"") && text.contains("B2"), "{text}");
        let text = describe(&error("centre", FieldProblem::Unknown), &offer, &[], today);
        assert!(text.contains("no centres yet"), "{text}");
    }
}
