//! The fields of an imported offer: their names, order and which of them
//! must be there come from the domain's one list ([`OFFER_FIELDS`]); here,
//! how yes/no values are written, and what each [`FieldError`] means in
//! words, naming the values a field accepts.

use chrono::NaiveDate;
use sportello_domain::offers::form::MAX_LANGUAGES;
use sportello_domain::vocab::{Cefr, ContractType, EducationLevel, Licence, SpokenLanguage, Vocabulary, WorkingTime};
use sportello_domain::{Centre, FieldError, FieldKind, FieldProblem, OFFER_FIELDS, RawOffer, Section, offer_field};

/// Gives one text field of an offer to fill in.
pub type Setter = fn(&mut RawOffer) -> &mut String;

/// Gives one yes/no field of an offer to fill in.
pub type FlagSetter = fn(&mut RawOffer) -> &mut bool;

/// The setter of the text field `name`.
pub fn setter(name: &str) -> Option<Setter> {
    match offer_field(name)?.kind {
        FieldKind::Text(set) | FieldKind::OriginalText(set) => Some(set),
        FieldKind::Flag(_) | FieldKind::Languages => None,
    }
}

/// The yes/no field `name`: its name as listed, and its setter.
pub fn flag(name: &str) -> Option<(&'static str, FlagSetter)> {
    let field = offer_field(name)?;
    match field.kind {
        FieldKind::Flag(set) => Some((field.name, set)),
        _ => None,
    }
}

/// Every field name but the languages', in the documented order (CSV files
/// have numbered columns for the languages instead).
pub fn field_names() -> Vec<&'static str> {
    OFFER_FIELDS
        .iter()
        .filter(|f| !matches!(f.kind, FieldKind::Languages))
        .map(|f| f.name)
        .collect()
}

/// The list of language requirements (JSON only; CSV has numbered columns).
pub const LANGUAGES: &str = "languages";

/// The fields an offer cannot do without: a file lacking one of them
/// cannot hold a single valid offer.
pub fn required() -> Vec<&'static str> {
    OFFER_FIELDS.iter().filter(|f| f.required).map(|f| f.name).collect()
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
    offer_field(field)
        .and_then(|f| f.text_of(offer))
        .map(|v| v.trim().to_string())
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
        // Problems of schedules (outreach stops), never of an offer's fields.
        FieldProblem::NotATime => format!("{value:?} is not a time: write it as HH:MM"),
        FieldProblem::TimeOrder => "the closing time is not after the opening time".into(),
        FieldProblem::ClosedDay => format!("{value} is a holiday"),
        FieldProblem::Overlap => "overlaps another entry".into(),
        // Problems of citizen accounts, never of an offer's fields.
        FieldProblem::TooYoung { min_age } => format!("under {min_age}"),
        FieldProblem::ImpossibleBirthDate => format!("{value} is not a possible birth date"),
        FieldProblem::NotMobile => format!("{value:?} cannot receive text messages"),
        FieldProblem::Ambiguous => format!("{value:?} names several places"),
        FieldProblem::EndBeforeStart => "the end is before the start".into(),
        FieldProblem::InFuture => format!("{value} is in the future"),
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
    fn the_fields_are_the_domain_list() {
        let names = field_names();
        assert_eq!(names.len() + 1, OFFER_FIELDS.len(), "every field but the languages");
        assert_eq!(offer_field(LANGUAGES).map(|f| f.name), Some(LANGUAGES));
        for name in required() {
            assert!(setter(name).is_some(), "{name} is a text field");
        }
        assert!(flag("remote").is_some() && flag("town").is_none() && setter("remote").is_none());
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
