//! `sportello import offers FILE`: job offers from a CSV or JSON file, all
//! or nothing. Every offer is read and checked first (the same checks as the
//! back-office form, against the database's centres and today's date in
//! Rome); if any is wrong, every problem is listed with its line (CSV) or
//! number (JSON) and nothing is written. Otherwise all the offers are
//! written in one transaction, as drafts or published today. The columns
//! and fields are documented in `docs/import.md`.

mod fields;
mod from_csv;
mod from_json;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use clap::{Args, Subcommand, ValueEnum};
use sportello_domain::time::today_in_rome;
use sportello_domain::{Centre, OfferStatus};
use sportello_storage::ImportOffer;

use crate::commands::{cli_actor, open};
use crate::config::{DbArgs, FileConfig};
use crate::progress;

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Import job offers from a CSV or JSON file: all of them, or none if any is wrong.
    #[command(after_help = OFFERS_HELP)]
    Offers(OffersArgs),
}

const OFFERS_HELP: &str = "\
The columns (CSV) or fields (JSON) are those of the back-office form:
  centre section occupation title description how_to_apply employer_name
  employer_hidden town postcode region country contract working_time
  hours_per_week openings education licence experience_months salary_min
  salary_max valid_through, and language_1 level_1 … language_4 level_4 (CSV)
  or languages: [{\"language\": \"en\", \"level\": \"B1\"}] (JSON).
See docs/import.md for the values each accepts, and docs/examples/offers.csv.";

#[derive(Args)]
pub struct OffersArgs {
    /// The file to import; `-` reads standard input (then give --format).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The file's format [default: from its extension, .csv or .json]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Publish the offers today instead of keeping them as drafts.
    #[arg(long)]
    publish: bool,
    /// Only check the file against the database; write nothing.
    #[arg(long)]
    check: bool,
    #[command(flatten)]
    db: DbArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A header row naming the columns, then one offer per row.
    Csv,
    /// An array of objects.
    Json,
}

/// Where an offer is in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Position {
    /// A CSV line, the header being line 1.
    Line(u64),
    /// A JSON offer, from 1.
    Offer(usize),
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Position::Line(n) => write!(f, "line {n}"),
            Position::Offer(n) => write!(f, "offer {n}"),
        }
    }
}

/// One thing wrong in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub at: Position,
    /// The column or field, as named in the file.
    pub field: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn new(at: Position, field: Option<String>, message: String) -> Problem {
        Problem { at, field, message }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{}, field {field}: {}", self.at, self.message),
            None => write!(f, "{}: {}", self.at, self.message),
        }
    }
}

/// An offer as read from the file, not yet checked.
#[derive(Debug, Clone)]
pub struct Row {
    pub at: Position,
    pub offer: sportello_domain::RawOffer,
}

/// What reading a file gave: its offers and the problems found on the way.
#[derive(Debug, Default)]
pub struct Parsed {
    pub rows: Vec<Row>,
    pub problems: Vec<Problem>,
}

pub async fn run(command: ImportCommand, file: &FileConfig) -> Result<(), String> {
    match command {
        ImportCommand::Offers(args) => offers(args, file).await,
    }
}

/// The format given, or the one the file's extension names.
fn format_of(path: &Path, given: Option<Format>) -> Result<Format, String> {
    if let Some(format) = given {
        return Ok(format);
    }
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("csv") => Ok(Format::Csv),
        Some("json") => Ok(Format::Json),
        _ => Err(format!(
            "cannot tell the format of {} from its name: add --format csv or --format json",
            path.display()
        )),
    }
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Checks every row; the offers ready to store, or every problem (those of
/// `parsed` included) in file order.
fn check(
    parsed: Parsed,
    format: Format,
    centres: &[Centre],
    today: NaiveDate,
    status: OfferStatus,
) -> Result<Vec<ImportOffer>, Vec<Problem>> {
    let mut problems = parsed.problems;
    let bar = progress::bar(parsed.rows.len() as u64, "checking");
    let mut ready = Vec::with_capacity(parsed.rows.len());
    for row in &parsed.rows {
        match row.offer.validate(centres, today) {
            Ok(data) => ready.push(ImportOffer {
                data,
                status,
                published_on: (status == OfferStatus::Published).then_some(today),
            }),
            Err(errors) => problems.extend(errors.iter().map(|e| {
                let field = match format {
                    Format::Csv => from_csv::column_of(&e.field),
                    Format::Json => from_json::field_of(&e.field),
                };
                Problem::new(row.at, Some(field), fields::describe(e, &row.offer, centres, today))
            })),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if problems.is_empty() {
        Ok(ready)
    } else {
        problems.sort_by_key(|p| p.at);
        Err(problems)
    }
}

async fn offers(args: OffersArgs, file: &FileConfig) -> Result<(), String> {
    let format = match (args.file == Path::new("-"), args.format) {
        (true, None) => return Err("reading standard input (-) needs --format csv or --format json".into()),
        (_, given) => format_of(&args.file, given)?,
    };
    let name = args.file.display().to_string();
    let db = args.db.resolve(file)?;
    let bytes = read_file(&args.file)?;
    let parsed = match format {
        Format::Csv => from_csv::read(&bytes),
        Format::Json => from_json::read(&bytes),
    }
    .map_err(|e| format!("{name}: {e}"))?;

    let storage = open(&db).await?;
    let centres = storage
        .centres()
        .await
        .map_err(|e| format!("cannot read the centres: {e}"))?;
    let today = today_in_rome();
    let status = if args.publish {
        OfferStatus::Published
    } else {
        OfferStatus::Draft
    };
    let read = parsed.rows.len() + parsed.problems.iter().filter(|p| p.field.is_none()).count();
    let ready = match check(parsed, format, &centres, today, status) {
        Ok(ready) => ready,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{problem}");
            }
            let mut wrong: Vec<Position> = problems.iter().map(|p| p.at).collect();
            wrong.dedup();
            return Err(format!(
                "{name}: {} problem{} in {} of {read} offers; nothing was imported",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" },
                wrong.len()
            ));
        }
    };
    if ready.is_empty() {
        println!("{name} has no offers: nothing to import.");
        return Ok(());
    }
    if args.check {
        println!(
            "All {} offers of {name} are correct (nothing was written: --check).",
            ready.len()
        );
        return Ok(());
    }

    let spinner = progress::spinner("writing the offers in one transaction");
    let written = storage.import_offers(&ready, &cli_actor(), Utc::now()).await;
    spinner.finish_and_clear();
    let written = written.map_err(|e| format!("{name}: nothing was imported: {e}"))?;
    let how = if args.publish {
        format!("published today ({today})")
    } else {
        "as drafts, to be published from the back office".to_string()
    };
    println!(
        "Imported {written} offer{} from {name} into {db}, {how}.",
        if written == 1 { "" } else { "s" }
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_flag_or_the_extension() {
        assert_eq!(format_of(Path::new("a.CSV"), None), Ok(Format::Csv));
        assert_eq!(format_of(Path::new("a.json"), None), Ok(Format::Json));
        assert_eq!(format_of(Path::new("a.txt"), Some(Format::Json)), Ok(Format::Json));
        assert!(format_of(Path::new("offers"), None).unwrap_err().contains("--format"));
    }

    #[test]
    fn problems_say_where_and_which_field() {
        let p = Problem::new(Position::Line(3), Some("title".into()), "missing".into());
        assert_eq!(p.to_string(), "line 3, field title: missing");
        let p = Problem::new(Position::Offer(2), None, "not an object".into());
        assert_eq!(p.to_string(), "offer 2: not an object");
    }

    #[test]
    fn every_wrong_row_is_reported_in_file_order() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let parsed = Parsed {
            rows: vec![
                Row {
                    at: Position::Line(2),
                    offer: sportello_domain::RawOffer::default(),
                },
                Row {
                    at: Position::Line(4),
                    offer: sportello_domain::RawOffer::default(),
                },
            ],
            problems: vec![Problem::new(Position::Line(3), None, "5 values".into())],
        };
        let problems = check(parsed, Format::Csv, &[], today, OfferStatus::Draft).unwrap_err();
        let lines: Vec<Position> = problems.iter().map(|p| p.at).collect();
        assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
        assert!(problems.iter().any(|p| p.at == Position::Line(3)));
        assert!(
            problems
                .iter()
                .any(|p| p.at == Position::Line(4) && p.field.as_deref() == Some("title"))
        );
    }
}

#[cfg(test)]
#[path = "import_props.rs"]
mod props;
