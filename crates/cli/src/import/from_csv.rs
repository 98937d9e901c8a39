//! Offers from a CSV file: a header row naming the columns (the fields of
//! [`RawOffer`], with the languages as `language_1`, `level_1` … `language_4`,
//! `level_4`), then one offer per row. Commas or semicolons (as spreadsheets
//! set to Italian write them) separate the values; a UTF-8 byte-order mark is
//! ignored, as are rows with nothing in them. Lines are counted as an editor
//! counts them, the header being line 1.

use std::collections::BTreeSet;

use csv::{ErrorKind, ReaderBuilder, StringRecord};
use sportello_domain::{RawLanguage, RawOffer};

use super::fields::{self, FLAG_VALUES};
use super::{Parsed, Position, Problem, Row};

/// What a column of the file fills in.
#[derive(Debug, Clone, Copy)]
enum Column {
    Text(fields::Setter),
    /// A yes/no field, with its name.
    Flag(&'static str, fields::FlagSetter),
    /// Language requirement number `n` (0-based), its language or its level.
    Language(usize),
    Level(usize),
}

/// Every column name a file may have, in the documented order.
pub fn column_names() -> Vec<String> {
    let mut names: Vec<String> = fields::field_names().into_iter().map(str::to_string).collect();
    for (_, language, level) in fields::language_columns() {
        names.push(language);
        names.push(level);
    }
    names
}

fn column(name: &str) -> Option<Column> {
    if let Some((flag, set)) = fields::flag(name) {
        return Some(Column::Flag(flag, set));
    }
    if let Some(set) = fields::setter(name) {
        return Some(Column::Text(set));
    }
    fields::language_columns().find_map(|(n, language, level)| {
        if name == language {
            Some(Column::Language(n - 1))
        } else if name == level {
            Some(Column::Level(n - 1))
        } else {
            None
        }
    })
}

/// The column name that holds a field of a [`sportello_domain::FieldError`]:
/// `languages.0.level` is in `level_1`.
pub fn column_of(field: &str) -> String {
    if let Some(rest) = field.strip_prefix("languages.")
        && let Some((index, part)) = rest.split_once('.')
        && let Ok(index) = index.parse::<usize>()
    {
        return format!("{part}_{}", index + 1);
    }
    field.to_string()
}

/// Commas unless the header line has semicolons and no commas.
fn delimiter(text: &[u8]) -> u8 {
    let first = text.split(|&b| b == b'\n').next().unwrap_or_default();
    if first.contains(&b';') && !first.contains(&b',') {
        b';'
    } else {
        b','
    }
}

/// The columns named by the header, or why the header cannot be used.
fn read_header(header: &StringRecord) -> Result<Vec<Column>, String> {
    let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    if names.iter().all(String::is_empty) {
        return Err("the file is empty: its first line must name the columns (see docs/import.md)".into());
    }
    let unknown: Vec<&str> = names
        .iter()
        .filter(|n| column(n).is_none())
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        let shown: Vec<String> = unknown.iter().map(|n| format!("{n:?}")).collect();
        return Err(format!(
            "line 1: unknown column{} {} in the header; the columns are: {}",
            if unknown.len() == 1 { "" } else { "s" },
            shown.join(", "),
            column_names().join(", ")
        ));
    }
    let mut seen = BTreeSet::new();
    let twice: BTreeSet<&str> = names
        .iter()
        .filter(|n| !seen.insert(n.as_str()))
        .map(String::as_str)
        .collect();
    if !twice.is_empty() {
        return Err(format!(
            "line 1: the header names {} more than once",
            twice.into_iter().collect::<Vec<_>>().join(", ")
        ));
    }
    let missing: Vec<&str> = fields::required()
        .into_iter()
        .filter(|r| !names.iter().any(|n| n == r))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "line 1: the header lacks the required column{} {}",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", ")
        ));
    }
    Ok(names.iter().filter_map(|n| column(n)).collect())
}

/// Fills an offer from one row.
fn read_row(columns: &[Column], record: &StringRecord, at: Position, problems: &mut Vec<Problem>) -> RawOffer {
    let mut offer = RawOffer {
        languages: vec![RawLanguage::default(); fields::language_columns().count()],
        ..RawOffer::default()
    };
    for (column, value) in columns.iter().zip(record.iter()) {
        match *column {
            Column::Text(set) => *set(&mut offer) = value.to_string(),
            Column::Flag(name, set) => match fields::parse_flag(value) {
                Some(flag) => *set(&mut offer) = flag,
                None => problems.push(Problem::new(
                    at,
                    Some(name.into()),
                    format!("{value:?} is not a yes/no value; {FLAG_VALUES}"),
                )),
            },
            Column::Language(i) => offer.languages[i].language = value.to_string(),
            Column::Level(i) => offer.languages[i].level = value.to_string(),
        }
    }
    offer
}

/// The offers of a CSV file. Fails on a file that cannot be read as a
/// whole (no header, unknown columns); problems of single rows (a wrong
/// number of values, text that is not UTF-8) are listed with their line.
pub fn read(bytes: &[u8]) -> Result<Parsed, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter(bytes))
        .has_headers(true)
        .flexible(false)
        .from_reader(bytes);
    let header = match reader.headers() {
        Ok(header) => header.clone(),
        Err(e) => match e.kind() {
            ErrorKind::Utf8 { .. } => {
                return Err("line 1 is not UTF-8 text: save the file as CSV UTF-8".into());
            }
            _ => return Err(format!("cannot read the header: {e}")),
        },
    };
    let columns = read_header(&header)?;
    let mut parsed = Parsed::default();
    let mut record = StringRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                if record.iter().all(|v| v.trim().is_empty()) {
                    continue;
                }
                let at = Position::Line(record.position().map_or(line, |p| p.line()));
                let offer = read_row(&columns, &record, at, &mut parsed.problems);
                parsed.rows.push(Row { at, offer });
            }
            Err(e) => {
                let at = Position::Line(e.position().map_or(line, |p| p.line()));
                let message = match e.kind() {
                    ErrorKind::UnequalLengths { expected_len, len, .. } => format!(
                        "{len} values, but the header has {expected_len} columns \
                         (a value with a comma or a line break in it goes in double quotes)"
                    ),
                    ErrorKind::Utf8 { .. } => "not UTF-8 text: save the file as CSV UTF-8".to_string(),
                    _ => e.to_string(),
                };
                parsed.problems.push(Problem::new(at, None, message));
                if !matches!(e.kind(), ErrorKind::UnequalLengths { .. } | ErrorKind::Utf8 { .. }) {
                    break;
                }
            }
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "centre,section,occupation,title,description,how_to_apply,employer_name,town,\
                          contract,working_time,openings,education,valid_through";

    #[test]
    fn reads_rows_with_their_lines_and_languages() {
        let text = format!(
            "\u{feff}{HEADER},employer_hidden,language_2,level_2\n\
             lecce,ordinary,5131,Cameriere,\"Servizio ai tavoli,\nturni serali\",Scrivere,Bar,Lecce,\
             seasonal,full_time,2,none,2026-12-31,sì,en,B1\n\
             \n\
             ,,,,,,,,,,,,,,,\n\
             nardo,ordinary,5131,Barista,x,y,Bar,Nardò,seasonal,full_time,1,none,2026-12-31,,,\n"
        );
        let parsed = read(text.as_bytes()).unwrap();
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.rows.len(), 2);
        let first = &parsed.rows[0];
        assert_eq!(first.at, Position::Line(2));
        assert_eq!(first.offer.description, "Servizio ai tavoli,\nturni serali");
        assert!(first.offer.employer_hidden);
        assert_eq!(first.offer.languages[1].language, "en");
        assert_eq!(first.offer.languages[1].level, "B1");
        assert_eq!(
            parsed.rows[1].at,
            Position::Line(6),
            "a quoted line break counts as a line"
        );
        assert!(!parsed.rows[1].offer.employer_hidden);
    }

    #[test]
    fn semicolons_work_as_spreadsheets_write_them() {
        let text = format!(
            "{}\nlecce;ordinary;5131;T;D;H;E;Lecce;seasonal;full_time;1;none;2026-12-31\n",
            HEADER.replace(',', ";")
        );
        let parsed = read(text.as_bytes()).unwrap();
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.rows[0].offer.town, "Lecce");
    }

    #[test]
    fn bad_headers_are_named() {
        let err = read(format!("{HEADER},colour,size\n").as_bytes()).unwrap_err();
        assert!(
            err.contains("\"colour\", \"size\"") && err.contains("language_4"),
            "{err}"
        );
        let err = read(b"centre,section\n").unwrap_err();
        assert!(err.contains("occupation") && err.contains("valid_through"), "{err}");
        let err = read(format!("{HEADER},town\n").as_bytes()).unwrap_err();
        assert!(err.contains("town more than once"), "{err}");
        assert!(read(b"").unwrap_err().contains("empty"));
    }

    #[test]
    fn rows_of_the_wrong_length_and_bad_flags_are_listed() {
        let text = format!(
            "{HEADER},employer_hidden\n\
             lecce,ordinary,5131,T,D,H,E,Lecce,seasonal,full_time,1,none,2026-12-31,perhaps\n\
             lecce,ordinary\n\
             lecce,ordinary,5131,T,D,H,E,Lecce,seasonal,full_time,1,none,2026-12-31,no,extra\n"
        );
        let parsed = read(text.as_bytes()).unwrap();
        let shown: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(
            shown[0].starts_with("line 2, field employer_hidden: \"perhaps\""),
            "{shown:?}"
        );
        assert!(
            shown[1].starts_with("line 3: 2 values, but the header has 14"),
            "{shown:?}"
        );
        assert!(shown[2].starts_with("line 4: 15 values"), "{shown:?}");
    }

    #[test]
    fn text_that_is_not_utf8_is_reported() {
        let mut bytes = format!("{HEADER}\n").into_bytes();
        bytes.extend_from_slice(b"lecce,ordinary,5131,Caf\xe8,D,H,E,Lecce,seasonal,full_time,1,none,2026-12-31\n");
        let parsed = read(&bytes).unwrap();
        assert_eq!(parsed.problems.len(), 1);
        assert!(parsed.problems[0].to_string().contains("line 2: not UTF-8"));
    }

    #[test]
    fn language_fields_map_to_their_columns() {
        assert_eq!(column_of("languages.0.language"), "language_1");
        assert_eq!(column_of("languages.3.level"), "level_4");
        assert_eq!(column_of("title"), "title");
        assert_eq!(column_names()[7], "employer_hidden");
        assert_eq!(column_names().len(), fields::field_names().len() + 8);
    }
}
