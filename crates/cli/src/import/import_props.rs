//! Property tests of reading offers from CSV and JSON files: offers with
//! any texts (commas, semicolons, quotes, line breaks of every kind,
//! control characters, any Unicode), any yes/no spelling and up to four
//! languages, written as a CSV file (commas or semicolons, any order and
//! choice of columns, with or without a byte-order mark) or as the JSON
//! array the operator API reads, come back field for field, at the lines
//! where they were written; and no file — any bytes, any JSON — makes
//! either reader panic.

use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::Value;
use sportello_domain::{FieldKind, OFFER_FIELDS, RawLanguage, RawOffer, offer_field};

use super::{Position, fields, from_csv, from_json};

fn config(cases: u32) -> Config {
    Config {
        // `PROPTEST_CASES=10000` searches deeper.
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..Config::default()
    }
}

/// One character of hostile text.
fn messy_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        1 => prop::char::range('\0', '\u{1f}'),
        3 => prop::sample::select(&[',', ';', '"', '\'', '\n', '\r', ' ', '\t', '\\', '\u{feff}', '{', '[', ':'][..]),
        3 => prop::char::range('a', 'z'),
        1 => prop::char::range('0', '9'),
    ]
}

fn messy_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(messy_char(), 0..max).prop_map(|c| c.into_iter().collect())
}

/// The value of a text field: empty, a plausible one, or hostile text.
fn field_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        2 => prop::sample::select(&["lecce", "ordinary", "5131", "2026-12-31", "3", "Nardò", " padded ", "\"q\""][..])
            .prop_map(str::to_string),
        4 => messy_text(24),
        1 => messy_text(600),
    ]
}

/// The text fields of an offer, in the documented order.
fn text_setters() -> Vec<fn(&mut RawOffer) -> &mut String> {
    OFFER_FIELDS
        .iter()
        .filter_map(|f| match f.kind {
            FieldKind::Text(set) | FieldKind::OriginalText(set) => Some(set),
            FieldKind::Flag(_) | FieldKind::Languages => None,
        })
        .collect()
}

fn flag_setters() -> Vec<fn(&mut RawOffer) -> &mut bool> {
    OFFER_FIELDS
        .iter()
        .filter_map(|f| match f.kind {
            FieldKind::Flag(set) => Some(set),
            _ => None,
        })
        .collect()
}

/// Any offer as a file may hold it (not necessarily a valid one).
fn any_offer() -> impl Strategy<Value = RawOffer> {
    (
        prop::collection::vec(field_text(), text_setters().len()),
        prop::collection::vec(any::<bool>(), flag_setters().len()),
        prop::collection::vec((field_text(), field_text()), 0..=fields::language_columns().count()),
    )
        .prop_map(|(texts, flags, languages)| {
            let mut offer = RawOffer::default();
            for (set, text) in text_setters().into_iter().zip(texts) {
                *set(&mut offer) = text;
            }
            for (set, flag) in flag_setters().into_iter().zip(flags) {
                *set(&mut offer) = flag;
            }
            offer.languages = languages
                .into_iter()
                .map(|(language, level)| RawLanguage { language, level })
                .collect();
            offer
        })
}

/// How a CSV file is laid out: its columns (every required one, some
/// others, in any order), its separator, its yes/no spellings, whether the
/// header is written in capitals with spaces around the names, and whether
/// the file starts with a byte-order mark.
#[derive(Debug, Clone)]
struct Layout {
    columns: Vec<String>,
    delimiter: u8,
    yes_no: (&'static str, &'static str),
    shouted: bool,
    bom: bool,
}

fn any_layout() -> impl Strategy<Value = Layout> {
    let names = from_csv::column_names();
    let required = fields::required();
    (
        prop::collection::vec(any::<bool>(), names.len()),
        any::<u64>(),
        prop::sample::select(&[b',', b';'][..]),
        prop::sample::select(&[("true", "false"), ("yes", "no"), ("Sì", "No"), ("1", "0"), ("TRUE", "")][..]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(move |(keep, seed, delimiter, yes_no, shouted, bom)| {
            let mut columns: Vec<String> = names
                .iter()
                .zip(keep)
                .filter(|(name, keep)| *keep || required.contains(&name.as_str()))
                .map(|(name, _)| name.clone())
                .collect();
            // A fixed shuffle drawn from the seed.
            let mut state = seed | 1;
            for i in (1..columns.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                columns.swap(i, (state % (i as u64 + 1)) as usize);
            }
            Layout {
                columns,
                delimiter,
                yes_no,
                shouted,
                bom,
            }
        })
}

/// The value of `offer` in the CSV column `name`.
fn csv_value(offer: &RawOffer, name: &str, layout: &Layout) -> String {
    if let Some((_, set)) = fields::flag(name) {
        let (yes, no) = layout.yes_no;
        return if *set(&mut offer.clone()) { yes } else { no }.to_string();
    }
    if let Some(field) = offer_field(name).and_then(|f| f.text_of(offer)) {
        return field;
    }
    for (n, language, level) in fields::language_columns() {
        let requirement = offer.languages.get(n - 1).cloned().unwrap_or_default();
        if name == language {
            return requirement.language;
        }
        if name == level {
            return requirement.level;
        }
    }
    panic!("unknown column {name}")
}

/// What a CSV row of `offer` reads back as: only the columns it has,
/// four language requirements.
fn as_read_from_csv(offer: &RawOffer, layout: &Layout) -> RawOffer {
    let mut read = RawOffer {
        languages: vec![RawLanguage::default(); fields::language_columns().count()],
        ..RawOffer::default()
    };
    for name in &layout.columns {
        let value = csv_value(offer, name, layout);
        if let Some((_, set)) = fields::flag(name) {
            *set(&mut read) = fields::parse_flag(&value).expect("a yes/no spelling");
        } else if let Some(set) = fields::setter(name) {
            *set(&mut read) = value;
        } else {
            for (n, language, level) in fields::language_columns() {
                if *name == language {
                    read.languages[n - 1].language = value.clone();
                } else if *name == level {
                    read.languages[n - 1].level = value.clone();
                }
            }
        }
    }
    read
}

/// The file, and for each row the line it starts on and whether it holds
/// anything (rows of blanks only are skipped by the reader).
fn write_csv(offers: &[RawOffer], layout: &Layout) -> (Vec<u8>, Vec<(u64, bool)>) {
    let mut file = if layout.bom {
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    let record = |values: &[String]| {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(layout.delimiter)
            .from_writer(Vec::new());
        writer.write_record(values).expect("writes to memory");
        writer.into_inner().expect("writes to memory")
    };
    let header: Vec<String> = if layout.shouted {
        layout
            .columns
            .iter()
            .map(|c| format!(" {} ", c.to_uppercase()))
            .collect()
    } else {
        layout.columns.clone()
    };
    file.extend(record(&header));
    let mut rows = Vec::new();
    for offer in offers {
        let values: Vec<String> = layout.columns.iter().map(|c| csv_value(offer, c, layout)).collect();
        let line = 1 + file.iter().filter(|&&b| b == b'\n').count() as u64;
        rows.push((line, values.iter().any(|v| !v.trim().is_empty())));
        file.extend(record(&values));
    }
    (file, rows)
}

/// Any JSON, with the field names of an offer among its keys.
fn any_json() -> impl Strategy<Value = Value> {
    let mut keys: Vec<String> = from_csv::column_names();
    keys.extend(["languages", "language", "level", "colour", ""].map(String::from));
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        messy_text(20).prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(keys.clone()), inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn offers_written_as_csv_read_back_the_same(
        offers in prop::collection::vec(any_offer(), 0..6),
        layout in any_layout(),
    ) {
        let (file, rows) = write_csv(&offers, &layout);
        let parsed = from_csv::read(&file).map_err(TestCaseError::fail)?;
        prop_assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let expected: Vec<(Position, RawOffer)> = offers
            .iter()
            .zip(rows)
            .filter(|(_, (_, filled))| *filled)
            .map(|(offer, (line, _))| (Position::Line(line), as_read_from_csv(offer, &layout)))
            .collect();
        let read: Vec<(Position, RawOffer)> = parsed.rows.into_iter().map(|r| (r.at, r.offer)).collect();
        prop_assert_eq!(read, expected);
    }

    #[test]
    fn offers_written_as_json_read_back_the_same(offers in prop::collection::vec(any_offer(), 0..6), pretty in any::<bool>()) {
        let file = if pretty { serde_json::to_vec_pretty(&offers) } else { serde_json::to_vec(&offers) };
        let parsed = from_json::read(&file.expect("offers serialize")).map_err(TestCaseError::fail)?;
        prop_assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let read: Vec<(Position, RawOffer)> = parsed.rows.into_iter().map(|r| (r.at, r.offer)).collect();
        let expected: Vec<(Position, RawOffer)> =
            offers.into_iter().enumerate().map(|(i, o)| (Position::Offer(i + 1), o)).collect();
        prop_assert_eq!(read, expected);
    }

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000), header in any::<bool>()) {
        // With a good header, the reader goes on to the rows.
        let mut file = if header { format!("{}\n", from_csv::column_names().join(",")).into_bytes() } else { Vec::new() };
        file.extend(bytes);
        if let Ok(parsed) = from_csv::read(&file) {
            let lines: Vec<Position> = parsed.rows.iter().map(|r| r.at).collect();
            prop_assert!(lines.windows(2).all(|w| w[0] < w[1]), "{:?}", lines);
        }
        let _ = from_json::read(&file);
    }

    #[test]
    fn any_json_never_panics(document in any_json()) {
        let file = serde_json::to_vec(&document).expect("JSON serializes");
        if let Ok(parsed) = from_json::read(&file) {
            let items = document.as_array().map_or(0, Vec::len);
            prop_assert_eq!(parsed.rows.len() + parsed.problems.iter().filter(|p| p.field.is_none()).count(), items);
        }
    }
}
