//! `sportello print bench` (hidden): how fast posters and boards render,
//! for `scripts/bench-print.sh`. It reads the open offers first, then times
//! only the rendering, one document after another on the calling thread (run
//! it under `taskset -c 0` for one core): `--posters` posters of distinct
//! offers (cycling when there are fewer), and one board of `--board-offers`
//! offers laid out as the first offer's centre's board. Prints one line per
//! measure, `key=value` pairs, and the references on the board, for the
//! script to read.

use std::time::Instant;

use clap::Args;
use sportello_app::printed::{self, PrintOptions};
use sportello_app::view::Sections;
use sportello_domain::PublicUrl;
use sportello_domain::time::today_in_rome;
use sportello_domain::{Offer, Section};

use crate::commands::{Failure, open};
use crate::config::{DbArgs, FileConfig};

#[derive(Args)]
pub struct BenchArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Posters to render.
    #[arg(long, default_value_t = 200)]
    posters: usize,
    /// Offers on the board.
    #[arg(long, default_value_t = 100)]
    board_offers: usize,
    /// Languages after Italian.
    #[arg(long, default_value = "it,en")]
    lang: String,
    /// Large print.
    #[arg(long)]
    large: bool,
}

fn failed(e: impl std::fmt::Display) -> Failure {
    Failure::Other(e.to_string())
}

/// Runs the benchmark.
pub async fn run(args: BenchArgs, file: &FileConfig) -> Result<(), Failure> {
    let langs =
        printed::parse_langs(&args.lang).map_err(|bad| Failure::BadInput(format!("unknown language {bad:?}")))?;
    let public_url = PublicUrl::parse("https://lavoro.example.it").map_err(Failure::Other)?;
    let storage = open(&args.db.resolve(file)?).await?;
    let offers = printed::open_offers(storage.as_ref(), today_in_rome())
        .await
        .map_err(failed)?;
    if offers.is_empty() {
        return Err(Failure::BadInput("no open offers in the database".into()));
    }
    let options = PrintOptions {
        langs: &langs,
        large: args.large,
        public_url: &public_url,
        today: today_in_rome(),
    };
    let mut posters = Vec::with_capacity(args.posters);
    for offer in offers.iter().cycle().take(args.posters) {
        let poster = printed::load_poster(storage.as_ref(), &offer.reference, &options)
            .await
            .map_err(failed)?
            .map_err(|_| Failure::Other(format!("no poster of {}", offer.reference)))?;
        posters.push(poster);
    }
    let centres = storage.centres().await.map_err(failed)?;
    let centre = centres
        .iter()
        .find(|c| c.id == offers[0].data.centre)
        .ok_or_else(|| Failure::Other("the first offer's centre is missing".into()))?;
    let sections = Sections(storage.section_texts().await.map_err(failed)?);
    let on_board: Vec<Offer> = offers.iter().take(args.board_offers).cloned().collect();
    let by_section: Vec<(Section, Vec<Offer>)> = Section::ALL
        .into_iter()
        .map(|s| {
            (
                s,
                on_board
                    .iter()
                    .filter(|o| o.data.section == s)
                    .cloned()
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, offers)| !offers.is_empty())
        .collect();
    let board = printed::centre_board(centre, &by_section, &sections, &langs, args.large, &public_url);

    let started = Instant::now();
    let (mut bytes, mut unfit) = (0, 0);
    for poster in &posters {
        // A poster that fits no layout was tried in every one: it counts,
        // as the slowest kind, and is reported.
        match sportello_print::render_poster(poster) {
            Ok(pdf) => bytes += pdf.len(),
            Err(sportello_print::PrintError::DoesNotFit { .. }) => unfit += 1,
            Err(e) => return Err(failed(e)),
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "posters={} seconds={seconds:.3} per_second={:.1} bytes={bytes} unfit={unfit} langs={} large={}",
        posters.len(),
        posters.len() as f64 / seconds,
        args.lang,
        args.large
    );
    let started = Instant::now();
    let pdf = sportello_print::render_board(&board).map_err(failed)?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "board_offers={} seconds={seconds:.3} bytes={} langs={} large={}",
        on_board.len(),
        pdf.len(),
        args.lang,
        args.large
    );
    let references: Vec<String> = on_board.iter().map(|o| o.reference.to_string()).collect();
    println!("board_references={}", references.join(","));
    Ok(())
}
