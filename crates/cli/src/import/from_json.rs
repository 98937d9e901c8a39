//! Offers from a JSON file: an array of objects with the fields of
//! [`RawOffer`]. Text fields may also be given as numbers (`"openings": 3`)
//! or `null`; `employer_hidden` as `true`/`false` or the CSV spellings;
//! `languages` as an array of `{"language": "en", "level": "B1"}`. A field
//! that is not one of these is a problem of its offer, not silently dropped.

use serde_json::Value;
use sportello_domain::{RawLanguage, RawOffer};

use super::fields::{self, FLAG_VALUES, LANGUAGES};
use super::{Parsed, Position, Problem, Row};

/// The field name shown for a [`sportello_domain::FieldError`] field:
/// `languages.0.level` is `languages[0].level`, as in the file.
pub fn field_of(field: &str) -> String {
    if let Some(rest) = field.strip_prefix("languages.")
        && let Some((index, part)) = rest.split_once('.')
    {
        return format!("languages[{index}].{part}");
    }
    field.to_string()
}

/// A text value: strings as they are, numbers written out, `null` empty.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Null => Some(String::new()),
        _ => None,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn languages(value: &Value, at: Position, problems: &mut Vec<Problem>) -> Vec<RawLanguage> {
    let items = match value {
        Value::Null => return Vec::new(),
        Value::Array(items) => items,
        other => {
            problems.push(Problem::new(
                at,
                Some(LANGUAGES.into()),
                format!(
                    "a list of {{\"language\": …, \"level\": …}} is expected, not {}",
                    kind(other)
                ),
            ));
            return Vec::new();
        }
    };
    let mut found = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let mut language = RawLanguage::default();
        let Value::Object(object) = item else {
            problems.push(Problem::new(
                at,
                Some(format!("languages[{i}]")),
                format!(
                    "an object {{\"language\": …, \"level\": …}} is expected, not {}",
                    kind(item)
                ),
            ));
            continue;
        };
        for (key, value) in object {
            let slot = match key.as_str() {
                "language" => &mut language.language,
                "level" => &mut language.level,
                _ => {
                    problems.push(Problem::new(
                        at,
                        Some(format!("languages[{i}].{key}")),
                        "unknown field; a language has only \"language\" and \"level\"".into(),
                    ));
                    continue;
                }
            };
            match text(value) {
                Some(t) => *slot = t,
                None => problems.push(Problem::new(
                    at,
                    Some(format!("languages[{i}].{key}")),
                    format!("text is expected, not {}", kind(value)),
                )),
            }
        }
        found.push(language);
    }
    found
}

/// Fills an offer from one object of the array.
fn read_offer(object: &serde_json::Map<String, Value>, at: Position, problems: &mut Vec<Problem>) -> RawOffer {
    let mut offer = RawOffer::default();
    for (key, value) in object {
        if let Some(set) = fields::setter(key) {
            match text(value) {
                Some(t) => *set(&mut offer) = t,
                None => problems.push(Problem::new(
                    at,
                    Some(key.clone()),
                    format!("text is expected, not {}", kind(value)),
                )),
            }
        } else if let Some((_, set)) = fields::flag(key) {
            let flag = match value {
                Value::Bool(b) => Some(*b),
                Value::Null => Some(false),
                Value::String(s) => fields::parse_flag(s),
                _ => None,
            };
            match flag {
                Some(flag) => *set(&mut offer) = flag,
                None => problems.push(Problem::new(
                    at,
                    Some(key.clone()),
                    format!("{value} is not a yes/no value; {FLAG_VALUES}"),
                )),
            }
        } else if key == LANGUAGES {
            offer.languages = languages(value, at, problems);
        } else {
            let mut names = fields::field_names();
            names.push(LANGUAGES);
            problems.push(Problem::new(
                at,
                Some(key.clone()),
                format!("unknown field; the fields are: {}", names.join(", ")),
            ));
        }
    }
    offer
}

/// The offers of a JSON file. Fails when the file is not JSON or not an
/// array; problems of single offers are listed with their number (from 1).
pub fn read(bytes: &[u8]) -> Result<Parsed, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let document: Value = serde_json::from_slice(bytes).map_err(|e| format!("not valid JSON: {e}"))?;
    let Value::Array(items) = document else {
        return Err(format!(
            "the JSON file must hold an array of offers ([{{…}}, {{…}}]), not {}",
            kind(&document)
        ));
    };
    let mut parsed = Parsed::default();
    for (i, item) in items.iter().enumerate() {
        let at = Position::Offer(i + 1);
        match item {
            Value::Object(object) => {
                let offer = read_offer(object, at, &mut parsed.problems);
                parsed.rows.push(Row { at, offer });
            }
            other => parsed.problems.push(Problem::new(
                at,
                None,
                format!("an object with the offer's fields is expected, not {}", kind(other)),
            )),
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_offers_with_numbers_flags_and_languages() {
        let parsed = read(
            br#"[{"centre": "lecce", "openings": 3, "salary_min": null, "employer_hidden": true,
                  "languages": [{"language": "en", "level": "B1"}]},
                 {"centre": "nardo", "employer_hidden": "no"}]"#,
        )
        .unwrap();
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.rows.len(), 2);
        let first = &parsed.rows[0].offer;
        assert_eq!(first.openings, "3");
        assert_eq!(first.salary_min, "");
        assert!(first.employer_hidden);
        assert_eq!(first.languages[0].level, "B1");
        assert_eq!(parsed.rows[1].at, Position::Offer(2));
        assert!(!parsed.rows[1].offer.employer_hidden);
    }

    #[test]
    fn unknown_and_mistyped_fields_are_problems_of_their_offer() {
        let parsed = read(
            br#"[{"centre": "lecce", "colour": "red", "title": ["x"], "employer_hidden": "perhaps",
                  "languages": [{"language": "en", "grade": "B1"}, "de"]},
                 42]"#,
        )
        .unwrap();
        let shown: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
        for expected in [
            "offer 1, field colour: unknown field",
            "offer 1, field title: text is expected, not a list",
            "offer 1, field employer_hidden: \"perhaps\" is not a yes/no value",
            "offer 1, field languages[0].grade: unknown field",
            "offer 1, field languages[1]: an object",
            "offer 2: an object with the offer's fields is expected, not a number",
        ] {
            assert!(
                shown.iter().any(|s| s.starts_with(expected)),
                "{expected} in {shown:#?}"
            );
        }
    }

    #[test]
    fn what_is_not_an_array_of_offers_is_refused() {
        assert!(read(b"[{\"centre\": ").unwrap_err().contains("not valid JSON"));
        assert!(
            read(b"{\"centre\": \"lecce\"}")
                .unwrap_err()
                .contains("array of offers")
        );
        assert_eq!(field_of("languages.2.level"), "languages[2].level");
        assert_eq!(field_of("town"), "town");
    }
}
