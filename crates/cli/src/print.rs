//! `sportello print`: an offer's A4 poster or a centre's board as PDF, from
//! the database. Bad input (an unknown reference, centre, section or
//! language) is named in the message and ends with exit status 2; nothing is
//! written then. The file is written whole or not at all (a temporary file
//! renamed into place).

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use sportello_app::printed::{self, NoPoster, PrintOptions};
use sportello_domain::PublicUrl;
use sportello_domain::time::today_in_rome;
use sportello_domain::{RefCode, Section};

use crate::commands::{Failure, open};
use crate::config::{DbArgs, FileConfig};

#[derive(Subcommand)]
pub enum PrintCommand {
    /// An offer's A4 poster: Italian first, then each language asked for.
    Offer(OfferArgs),
    /// A centre's board: a cover page per section, then its open offers.
    Board(BoardArgs),
    /// Times the rendering of posters and of a board (for scripts/bench-print.sh).
    #[command(hide = true)]
    Bench(crate::print_bench::BenchArgs),
}

#[derive(Args)]
pub struct Common {
    #[command(flatten)]
    db: DbArgs,
    /// Languages after Italian, comma-separated: it, en, fr, de.
    #[arg(long, default_value = "it", value_name = "LANGS")]
    lang: String,
    /// Body text at 20 pt instead of 14 pt, for low-vision readers.
    #[arg(long)]
    large: bool,
    /// The PDF file to write.
    #[arg(long, value_name = "FILE.pdf")]
    out: PathBuf,
    /// Public base address of the site, for the QR codes (e.g. https://lavoro.example.it).
    #[arg(long, env = "SPORTELLO_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
}

#[derive(Args)]
pub struct OfferArgs {
    /// The offer's reference code, e.g. LE-2026-0001.
    reference: String,
    #[command(flatten)]
    common: Common,
}

#[derive(Args)]
pub struct BoardArgs {
    /// The centre's slug, e.g. lecce.
    #[arg(long, value_name = "SLUG")]
    centre: String,
    /// Only this section: ordinary, eures, mirato_art1, mirato_art18.
    #[arg(long, value_name = "SECTION")]
    section: Option<String>,
    #[command(flatten)]
    common: Common,
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".part");
    let temporary = PathBuf::from(temporary);
    std::fs::write(&temporary, bytes)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temporary);
            Failure::Other(format!("cannot write {}: {e}", path.display()))
        })
}

/// Runs `command`.
pub async fn run(command: PrintCommand, file: &FileConfig) -> Result<(), Failure> {
    let command = match command {
        PrintCommand::Bench(args) => return crate::print_bench::run(args, file).await,
        other => other,
    };
    let common = match &command {
        PrintCommand::Offer(a) => &a.common,
        PrintCommand::Board(a) => &a.common,
        PrintCommand::Bench(_) => unreachable!("handled above"),
    };
    let langs = printed::parse_langs(&common.lang)
        .map_err(|bad| Failure::BadInput(format!("unknown language {bad:?} in --lang: use it, en, fr or de")))?;
    let public_url = common
        .public_url
        .clone()
        .or_else(|| file.public_url.clone())
        .ok_or_else(|| Failure::BadInput("no public URL given for the QR codes: use --public-url URL".into()))?;
    let public_url = PublicUrl::parse(&public_url).map_err(Failure::BadInput)?;
    let options = PrintOptions {
        langs: &langs,
        large: common.large,
        public_url: &public_url,
        today: today_in_rome(),
    };
    let (pdf, out) = match command {
        PrintCommand::Offer(args) => {
            let reference = RefCode::parse(args.reference.trim())
                .map_err(|e| Failure::BadInput(format!("{:?} is not an offer reference: {e}", args.reference)))?;
            let storage = open(&args.common.db.resolve(file)?).await?;
            let poster = printed::load_poster(storage.as_ref(), &reference, &options)
                .await
                .map_err(|e| Failure::Other(format!("cannot read the offer {reference}: {e}")))?
                .map_err(|why| {
                    Failure::BadInput(match why {
                        NoPoster::Unknown => format!("no published offer with the reference {reference}"),
                        NoPoster::Closed => format!("the offer {reference} has closed: it is no longer printed"),
                    })
                })?;
            let pdf = tokio::task::spawn_blocking(move || sportello_print::render_poster(&poster))
                .await
                .map_err(|e| Failure::Other(e.to_string()))?
                .map_err(|e| match e {
                    // Too many languages for one page: the user asks for fewer.
                    e @ sportello_print::PrintError::DoesNotFit { .. } => Failure::BadInput(e.to_string()),
                    e => Failure::Other(e.to_string()),
                })?;
            (pdf, args.common.out)
        }
        PrintCommand::Bench(_) => unreachable!("handled above"),
        PrintCommand::Board(args) => {
            let section = args
                .section
                .as_deref()
                .map(|s| {
                    Section::parse(s.trim()).ok_or_else(|| {
                        Failure::BadInput(format!(
                            "unknown section {s:?}: use ordinary, eures, mirato_art1 or mirato_art18"
                        ))
                    })
                })
                .transpose()?;
            let storage = open(&args.common.db.resolve(file)?).await?;
            let board = printed::load_board(storage.as_ref(), args.centre.trim(), section, &options)
                .await
                .map_err(|e| Failure::Other(format!("cannot read the offers of {}: {e}", args.centre)))?
                .ok_or_else(|| Failure::BadInput(format!("no centre with the slug {:?}", args.centre)))?;
            let pdf = tokio::task::spawn_blocking(move || sportello_print::render_board(&board))
                .await
                .map_err(|e| Failure::Other(e.to_string()))?
                .map_err(|e| Failure::Other(e.to_string()))?;
            (pdf, args.common.out)
        }
    };
    write_atomically(&out, &pdf)?;
    println!("Wrote {} ({} bytes).", out.display(), pdf.len());
    Ok(())
}
