//! `sportello gen offers --count N --db URL [--seed S] [--batch B]`: loads N
//! realistic generated offers (the demo's content over a large board's mix:
//! see `sportello_demo::offers::stream`), for benchmarks and load tests. The
//! same seed gives the same offers. They are made on a thread of their own
//! while the previous batch is written, and never all held in memory; each
//! batch is one transaction of multi-row `INSERT`s. A database without
//! centres gets the twelve demo centres first; the planner's statistics are
//! refreshed at the end (`ANALYZE`).
//!
//! `sportello gen queries --count N [--seed S] --out FILE`: writes the query
//! mix of the search benchmark (`sportello_demo::queries`), one JSON object
//! per line, for `scripts/bench-search.sh`.

use std::time::Instant;

use chrono::Utc;
use clap::{Args, Subcommand};
use sportello_demo::offers::{Mix, stream};
use sportello_domain::time::today_in_rome;
use sportello_domain::vocab::Vocabulary;
use sportello_storage::ImportOffer;

use crate::commands::{Failure, cli_actor};
use crate::config::{DbArgs, FileConfig};
use crate::progress;

#[derive(Subcommand)]
pub enum GenCommand {
    /// Load generated offers into a database (for benchmarks and load tests).
    Offers(OffersArgs),
    /// Write the search benchmark's query mix as JSON lines.
    Queries(QueriesArgs),
}

#[derive(Args)]
pub struct QueriesArgs {
    /// How many queries to write.
    #[arg(long, value_name = "N", default_value_t = 1_000)]
    count: usize,
    /// Seed of the mix: the same seed gives the same queries.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// File to write (`-` for standard output).
    #[arg(long, value_name = "FILE")]
    out: std::path::PathBuf,
}

#[derive(Args)]
pub struct OffersArgs {
    /// How many offers to write.
    #[arg(long, value_name = "N")]
    count: u64,
    /// Seed of the generator: the same seed gives the same offers.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,
    /// Offers per transaction.
    #[arg(long, value_name = "B", default_value_t = 5_000)]
    batch: usize,
    #[command(flatten)]
    db: DbArgs,
}

/// Largest batch: bigger transactions only hold more memory.
const MAX_BATCH: usize = 50_000;

pub async fn run(command: GenCommand, file: &FileConfig) -> Result<(), Failure> {
    match command {
        GenCommand::Offers(args) => offers(args, file).await,
        GenCommand::Queries(args) => queries(&args),
    }
}

fn queries(args: &QueriesArgs) -> Result<(), Failure> {
    if args.count == 0 {
        return Err(Failure::bad_input("--count must be at least 1"));
    }
    let mut lines = String::new();
    for (n, query) in sportello_demo::queries::mix(args.count, args.seed).iter().enumerate() {
        let line = serde_json::json!({
            "n": n,
            "kind": query.kind,
            "text": query.text,
            "filters": query.filters(),
            "centre": query.centre,
            "section": query.section.map(|s| s.code()),
            "contract": query.contract.map(|c| c.code()),
            "language": query.language.map(|l| l.code()),
            "path": query.api_path(),
        });
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    if args.out.as_os_str() == "-" {
        print!("{lines}");
        return Ok(());
    }
    std::fs::write(&args.out, lines)
        .map_err(|e| Failure::bad_input(format!("cannot write {}: {e}", args.out.display())))?;
    println!("Wrote {} queries to {}.", args.count, args.out.display());
    Ok(())
}

async fn offers(args: OffersArgs, file: &FileConfig) -> Result<(), Failure> {
    if args.count == 0 {
        return Err(Failure::bad_input("--count must be at least 1"));
    }
    if args.batch == 0 || args.batch > MAX_BATCH {
        return Err(Failure::bad_input(format!("--batch must be between 1 and {MAX_BATCH}")));
    }
    let db = args.db.resolve(file).map_err(Failure::bad_input)?;
    let storage = sportello_storage::open(&db)
        .await
        .map_err(|e| Failure::bad_input(format!("cannot open the database {db}: {e}")))?;
    if storage.count_centres().await.map_err(|e| e.to_string())? == 0 {
        for centre in sportello_demo::centres::centres() {
            storage.insert_centre(&centre).await.map_err(|e| e.to_string())?;
        }
        println!("The database had no centres: the twelve demo centres were added.");
    }
    let centres = storage.centres().await.map_err(|e| e.to_string())?;
    let today = today_in_rome();

    // Offers are made on a thread of their own, a batch ahead of the writes.
    let (send, mut receive) = tokio::sync::mpsc::channel::<Vec<ImportOffer>>(2);
    let (count, seed, batch) = (args.count, args.seed, args.batch);
    let maker = tokio::task::spawn_blocking(move || {
        let mut offers = stream(&centres, seed, today, Mix::Board);
        let mut left = count;
        while left > 0 {
            let size = left.min(batch as u64) as usize;
            let chunk: Vec<ImportOffer> = offers.by_ref().take(size).collect();
            left -= size as u64;
            if send.blocking_send(chunk).is_err() {
                return;
            }
        }
    });

    let bar = progress::bar(count, "generating");
    let started = Instant::now();
    let mut written = 0u64;
    while let Some(chunk) = receive.recv().await {
        let references = storage
            .bulk_import_offers(&chunk, &cli_actor(), Utc::now())
            .await
            .map_err(|e| format!("writing offers failed after {written} of {count}: {e}"))?;
        written += references.len() as u64;
        bar.inc(references.len() as u64);
    }
    bar.finish_and_clear();
    maker.await.map_err(|e| format!("the offer generator failed: {e}"))?;
    storage
        .analyze_offers()
        .await
        .map_err(|e| format!("the offers are written, but refreshing the planner's statistics failed: {e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "Wrote {written} offers to {db} in {seconds:.1} s ({:.0} offers/s).",
        written as f64 / seconds.max(0.001)
    );
    Ok(())
}
