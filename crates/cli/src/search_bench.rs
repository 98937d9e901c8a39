//! `sportello search-bench` (hidden): how fast the search engine answers the
//! benchmark's query mix (`sportello gen queries`) in-process, for
//! `scripts/bench-search.sh`. One query after another, as one client: each
//! is timed twice, by the index alone (`SearchIndex::search`: text, filters,
//! top 20 and the counts of every facet) and as a page of the offers API
//! gets it (`OfferSearch::search_offers`: the same, plus the centre's slug
//! resolved and the 20 offers read back from the database). Prints one
//! `result` line per runner, scope and class of queries, in the format the
//! script's table reads, then the slowest queries and the peak memory.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Args;
use sportello_domain::offers::query::RawOfferQuery;
use sportello_domain::time::today_in_rome;
use sportello_domain::{CentreId, OfferQuery};
use sportello_search::{Consistency, OfferSearch, SearchIndex};

use crate::commands::Failure;
use crate::config::{DbArgs, FileConfig, IndexArgs};

#[derive(Args)]
pub struct BenchArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    index: IndexArgs,
    /// The query mix, as `sportello gen queries` writes it.
    #[arg(long, value_name = "FILE")]
    queries: std::path::PathBuf,
    /// Queries run once before timing, to warm the caches.
    #[arg(long, default_value_t = 200)]
    warmup: usize,
}

/// One line of the query file.
#[derive(serde::Deserialize)]
struct Line {
    n: usize,
    kind: String,
    text: String,
    filters: usize,
    centre: Option<String>,
    section: Option<String>,
    contract: Option<String>,
    language: Option<String>,
}

struct Prepared {
    line: Line,
    query: OfferQuery,
    centre: Option<CentreId>,
}

/// Latencies of one runner, by scope and class.
#[derive(Default)]
struct Timings(BTreeMap<(&'static str, String), Vec<Duration>>);

impl Timings {
    /// Files `took` under every class `line` is in, for the whole mix and,
    /// for every fifth query, the competitors' subset.
    fn add(&mut self, line: &Line, took: Duration) {
        let mut classes = vec!["all".to_string(), line.kind.replace(' ', "_")];
        if line.filters == 2 {
            classes.push("text+2_facets".to_string());
        }
        let mut scopes = vec!["mix"];
        if line.n.is_multiple_of(5) {
            scopes.push("subset");
        }
        for scope in scopes {
            for class in &classes {
                self.0.entry((scope, class.clone())).or_default().push(took);
            }
        }
    }

    fn print(mut self, runner: &str) {
        for ((scope, class), times) in &mut self.0 {
            times.sort();
            let ms = |p: f64| percentile(times, p);
            println!(
                "result runner={runner} scope={scope} class={class} n={} p50={:.2} p95={:.2} p99={:.2} max={:.2} timeouts=0",
                times.len(),
                ms(0.50),
                ms(0.95),
                ms(0.99),
                ms(1.0)
            );
        }
    }
}

/// The nearest-rank percentile, in milliseconds.
fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let rank = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1].as_secs_f64() * 1000.0
}

/// CPU seconds used by this process so far (user + system).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn status_line(key: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .map(|l| l.split_whitespace().nth(1).unwrap_or("").to_string())
        })
        .unwrap_or_default()
}

fn prepare(text: &str, centres: &BTreeMap<String, CentreId>) -> Result<Vec<Prepared>, Failure> {
    let mut prepared = Vec::new();
    for (i, raw) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let line: Line = serde_json::from_str(raw)
            .map_err(|e| Failure::bad_input(format!("line {} of the query file: {e}", i + 1)))?;
        let mut query = RawOfferQuery {
            q: Some(line.text.clone()),
            centre: line.centre.clone(),
            section: line.section.clone(),
            contract: line.contract.clone(),
            language: line.language.clone(),
            sort: Some("relevance".into()),
            ..RawOfferQuery::default()
        }
        .parse()
        .map_err(|e| Failure::bad_input(format!("line {} of the query file: {e}", i + 1)))?;
        query.with_facets = true;
        let centre = match &line.centre {
            Some(slug) => Some(
                *centres
                    .get(slug)
                    .ok_or_else(|| Failure::bad_input(format!("line {}: no centre {slug:?}", i + 1)))?,
            ),
            None => None,
        };
        prepared.push(Prepared { line, query, centre });
    }
    if prepared.is_empty() {
        return Err(Failure::bad_input("the query file has no queries"));
    }
    Ok(prepared)
}

pub async fn run(args: BenchArgs, file: &FileConfig) -> Result<(), Failure> {
    let db = args.db.resolve(file).map_err(Failure::bad_input)?;
    let dir = args.index.resolve(file, "sportello-index");
    let storage = sportello_storage::open(&db)
        .await
        .map_err(|e| Failure::bad_input(format!("cannot open the database {db}: {e}")))?;
    let text = std::fs::read_to_string(&args.queries)
        .map_err(|e| Failure::bad_input(format!("cannot read {}: {e}", args.queries.display())))?;
    let centres: BTreeMap<String, CentreId> = storage
        .centres()
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .map(|c| (c.data.slug.clone(), c.id))
        .collect();
    let queries = prepare(&text, &centres)?;
    let index = SearchIndex::open(&dir)
        .map_err(|e| Failure::bad_input(format!("cannot open the search index in {}: {e}", dir.display())))?;
    if index.doc_count() == 0 {
        return Err(Failure::bad_input(format!(
            "the search index in {} is empty: run `sportello reindex` first",
            dir.display()
        )));
    }
    let today = today_in_rome();
    println!(
        "index: {} offers in {} segments; {} queries",
        index.doc_count(),
        index.segment_count(),
        queries.len()
    );
    let search = Arc::new(OfferSearch::new(index, storage.clone(), storage, Consistency::Eventual));
    let failed = |e: &dyn std::fmt::Display| Failure::Other(format!("a search failed: {e}"));

    for q in queries.iter().cycle().take(args.warmup) {
        search.search_offers(&q.query, today).await.map_err(|e| failed(&e))?;
    }
    // The index alone, then the whole service: two passes, so that each
    // pass's CPU time is its own.
    let mut engine = Timings::default();
    let mut slowest = Vec::new();
    let mut totals = Vec::with_capacity(queries.len());
    let cpu = cpu_seconds();
    for (i, q) in queries.iter().enumerate() {
        let started = Instant::now();
        let hits = search
            .index()
            .search(&q.query, q.centre, today)
            .map_err(|e| failed(&e))?;
        let took = started.elapsed();
        engine.add(&q.line, took);
        slowest.push((took, i, hits.total));
        totals.push(hits.total);
    }
    let engine_cpu = cpu_seconds() - cpu;
    let mut service = Timings::default();
    let cpu = cpu_seconds();
    for (q, total) in queries.iter().zip(&totals) {
        let started = Instant::now();
        let page = search.search_offers(&q.query, today).await.map_err(|e| failed(&e))?;
        service.add(&q.line, started.elapsed());
        if page.total != *total {
            return Err(Failure::Other(format!(
                "query {} ({:?}) found {total} offers in the index but {} through the service",
                q.line.n, q.line.text, page.total
            )));
        }
    }
    let service_cpu = cpu_seconds() - cpu;
    engine.print("engine");
    service.print("engine+db");
    let n = queries.len() as f64;
    println!(
        "cpu engine_ms_per_query={:.2} engine+db_ms_per_query={:.2} mean_matches={:.0}",
        engine_cpu * 1000.0 / n,
        service_cpu * 1000.0 / n,
        totals.iter().sum::<u64>() as f64 / n
    );
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    for (took, i, total) in slowest.iter().take(8) {
        let line = &queries[*i].line;
        println!(
            "slow: {:.1} ms, {total} matches: {:?} centre={:?} section={:?} contract={:?} language={:?}",
            took.as_secs_f64() * 1000.0,
            line.text,
            line.centre,
            line.section,
            line.contract,
            line.language
        );
    }
    println!(
        "memory rss_kib={} peak_kib={}",
        status_line("VmRSS"),
        status_line("VmHWM")
    );
    Ok(())
}
