//! `sportello report weekly --area AREA --week YYYY-Www [--out DIR]`: computes
//! the area's weekly report from the database, stores it (a new number, or
//! the same number again for a week already published) and writes into DIR
//! `report-YYYY-Www.pdf` (the full report listing every open offer),
//! `report-YYYY-Www.txt` (the post text, in Italian, ≤ 1,500 characters with
//! the link to the full report) and `report-YYYY-Www.png` (the 1080×1080
//! card). A bad area, week or configuration is named and ends with exit
//! status 2, before anything is written.

use std::path::{Path, PathBuf};

use chrono::Utc;
use clap::{Args, Subcommand};
use sportello_app::reports;
use sportello_domain::Lang;
use sportello_domain::PublicUrl;
use sportello_domain::reports::{AreaConfig, IsoWeek};

use crate::commands::{Failure, open};
use crate::config::{DbArgs, FileConfig};

#[derive(Subcommand)]
pub enum ReportCommand {
    /// Make an area's weekly report of the offers open during an ISO week.
    Weekly(WeeklyArgs),
}

#[derive(Args)]
pub struct WeeklyArgs {
    /// The area's slug, e.g. lecce or rimini.
    #[arg(long)]
    area: String,
    /// The ISO week, e.g. 2026-W48 (Monday to Sunday).
    #[arg(long, value_name = "YYYY-Www")]
    week: String,
    /// Where to write the files [default: the current directory].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The area's sub-areas [default: config/areas/AREA.toml, compiled in].
    #[arg(long, value_name = "FILE")]
    areas: Option<PathBuf>,
    /// The site's public base address, for the link to the full report.
    #[arg(long, env = "SPORTELLO_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    #[command(flatten)]
    db: DbArgs,
}

pub async fn run(command: ReportCommand, file: &FileConfig) -> Result<(), Failure> {
    let ReportCommand::Weekly(args) = command;
    let week = IsoWeek::parse(&args.week).map_err(|e| Failure::bad_input(format!("--week: {e}")))?;
    let config = match &args.areas {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure::bad_input(format!("cannot read {}: {e}", path.display())))?;
            let config =
                AreaConfig::parse(&text).map_err(|e| Failure::bad_input(format!("{}: {e}", path.display())))?;
            if config.area != args.area {
                return Err(Failure::bad_input(format!(
                    "{} is the configuration of the area {:?}, not {:?}",
                    path.display(),
                    config.area,
                    args.area
                )));
            }
            config
        }
        None => AreaConfig::default_for(&args.area).ok_or_else(|| {
            Failure::bad_input(format!(
                "unknown area {:?}: no sub-areas are configured for it (give them with --areas FILE)",
                args.area
            ))
        })?,
    };
    let public_url = args
        .public_url
        .or_else(|| file.public_url.clone())
        .ok_or_else(|| Failure::bad_input("no public URL given: use --public-url URL or SPORTELLO_PUBLIC_URL"))?;
    let public_url = PublicUrl::parse(&public_url).map_err(Failure::bad_input)?;
    let out = args.out.unwrap_or_else(|| PathBuf::from("."));
    let db = args.db.resolve(file).map_err(Failure::bad_input)?;
    let storage = open(&db).await?;

    let centres = storage.centres().await.map_err(|e| e.to_string())?;
    let areas = reports::areas(&centres);
    let Some((_, area_name)) = areas.iter().find(|(slug, _)| *slug == args.area) else {
        let known: Vec<_> = areas.iter().map(|(s, _)| s.as_str()).collect();
        return Err(Failure::bad_input(format!(
            "unknown area {:?}: the database has {}",
            args.area,
            known.join(", ")
        )));
    };
    std::fs::create_dir_all(&out).map_err(|e| Failure::bad_input(format!("cannot create {}: {e}", out.display())))?;
    let report = reports::publish_weekly(storage.as_ref(), &config, week, Utc::now())
        .await
        .map_err(|e| format!("cannot store the report: {e}"))?;
    let lang = Lang::It;
    let text = reports::post_text(lang, &report, area_name, &public_url);
    let card = reports::card(lang, &report, area_name, &public_url);
    let png = sportello_print::render_report_card(&card);
    let document = reports::document(lang, &report, area_name, &public_url);
    let pdf = sportello_print::render_report(&document).map_err(|e| format!("cannot make the PDF: {e}"))?;
    write(&out.join(format!("report-{week}.pdf")), &pdf)?;
    write(&out.join(format!("report-{week}.txt")), text.as_bytes())?;
    write(&out.join(format!("report-{week}.png")), &png)?;
    println!(
        "{}: {} offers, {} positions. Written to {}; online at {}",
        reports::heading(lang, &report, area_name),
        report.figures.offers,
        report.figures.positions,
        out.display(),
        public_url.join(&format!("/{lang}{}", reports::path(&report.area, week)))
    );
    Ok(())
}

/// Writes `bytes` to `path` through a temporary file in the same directory,
/// so that a reader never sees half a file.
fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let partial = path.with_extension("partial");
    std::fs::write(&partial, bytes)
        .and_then(|()| std::fs::rename(&partial, path))
        .map_err(|e| Failure::from(format!("cannot write {}: {e}", path.display())))
}
