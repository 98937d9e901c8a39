//! `sportello gen offers --count N --db URL [--seed S] [--batch B]`: loads N
//! realistic generated offers (the demo's content over a large board's mix:
//! see `sportello_demo::offers::stream`), for benchmarks and load tests. The
//! same seed gives the same offers. They are made on a thread of their own
//! while the previous batch is written, and never all held in memory; each
//! batch is one transaction of multi-row `INSERT`s. A database without
//! centres gets the twelve demo centres first.

use std::time::Instant;

use chrono::Utc;
use clap::{Args, Subcommand};
use sportello_demo::offers::{Mix, stream};
use sportello_domain::time::today_in_rome;
use sportello_storage::ImportOffer;

use crate::commands::{Failure, cli_actor};
use crate::config::{DbArgs, FileConfig};
use crate::progress;

#[derive(Subcommand)]
pub enum GenCommand {
    /// Load generated offers into a database (for benchmarks and load tests).
    Offers(OffersArgs),
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
    let GenCommand::Offers(args) = command;
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
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "Wrote {written} offers to {db} in {seconds:.1} s ({:.0} offers/s).",
        written as f64 / seconds.max(0.001)
    );
    Ok(())
}
