//! `sportello reindex --db URL --index-dir DIR`: rebuilds a node's search
//! index from the database (the truth), with a progress bar. Run it with the
//! node stopped, or on a new directory and then point the node at it; a node
//! started on a missing, stale or foreign index rebuilds by itself anyway.

use std::time::Instant;

use clap::Args;

use crate::commands::Failure;
use crate::config::{DbArgs, FileConfig, IndexArgs};
use crate::progress;

#[derive(Args)]
pub struct ReindexArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    index: IndexArgs,
}

pub async fn run(args: ReindexArgs, file: &FileConfig) -> Result<(), Failure> {
    let db = args.db.resolve(file).map_err(Failure::bad_input)?;
    let dir = args.index.resolve(file, "sportello-index");
    let storage = sportello_storage::open(&db)
        .await
        .map_err(|e| Failure::bad_input(format!("cannot open the database {db}: {e}")))?;
    let index = sportello_search::SearchIndex::open(&dir).map_err(|e| {
        Failure::bad_input(format!(
            "cannot open the search index in {} (is a running node using it?): {e}",
            dir.display()
        ))
    })?;
    // Every published offer, expired or not (the index checks dates itself);
    // the earliest day is one PostgreSQL's `date` can hold.
    let long_ago = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default();
    let count = sportello_domain::OfferQuery {
        per_page: 1,
        with_facets: false,
        ..sportello_domain::OfferQuery::default()
    };
    let total = storage
        .search_offers(&count, long_ago)
        .await
        .map_err(|e| format!("cannot count the offers: {e}"))?
        .total;
    let bar = progress::bar(total, "indexing");
    let started = Instant::now();
    let database_id = storage.database_id().await.map_err(|e| e.to_string())?;
    let written = sportello_search::rebuild(storage.as_ref(), &index, &database_id, |n| bar.set_position(n))
        .await
        .map_err(|e| format!("cannot rebuild the search index: {e}"))?;
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "Indexed {written} published offers into {} in {seconds:.1} s ({:.0} offers/s).",
        dir.display(),
        written as f64 / seconds.max(0.001)
    );
    Ok(())
}
