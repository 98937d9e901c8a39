//! The offer search engine: a Tantivy index of the published offers, derived
//! from storage (the database stays the truth). It answers the same
//! [`OfferQuery`] as the storage-backed search — text in any of the four
//! languages, facet filters with counts, sort by relevance or date — and
//! never returns an offer whose valid-through day has passed.
//!
//! The index records in each commit how far it has followed the database
//! ([`IndexState`]); the change-log follower reads it back to resume.

mod analysis;
mod collector;
pub mod follower;
mod query;
mod schema;
pub mod service;

pub use follower::FollowError;
pub use service::{Consistency, Lag, OfferSearch, SearchFailure, rebuild};

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sportello_domain::vocab::{ContractType, Vocabulary, WorkingTime};
use sportello_domain::{CentreId, Facets, Offer, OfferId, OfferQuery, Section, SortOrder};
use tantivy::directory::MmapDirectory;
use tantivy::query::{AllQuery, EnableScoring, Query};
use tantivy::{Executor, Index, IndexReader, IndexWriter, ReloadPolicy, Term};

use crate::analysis::Analyzers;
use crate::collector::{Filters, OfferCollector};
use crate::schema::{Fields, SCHEMA_VERSION, day_number, language_bit, position};

/// File in the index directory naming the schema version of the index there.
const VERSION_FILE: &str = "sportello-search-version";
/// Indexing memory of an index on disk (split between its threads).
const DISK_WRITER_BYTES: usize = 192 * 1024 * 1024;
const DISK_WRITER_THREADS: usize = 2;
/// Threads searching the segments of one query in parallel.
const SEARCH_THREADS: usize = 2;

/// How far the index has followed the database, stored with every commit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexState {
    /// Which database the index was built from (so a node pointed at another
    /// database rebuilds).
    pub database_id: Option<String>,
    /// The last change-log entry applied.
    pub horizon: i64,
}

/// One page of matching offers, best first, with the total and the counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hits {
    pub ids: Vec<OfferId>,
    pub total: u64,
    pub facets: Facets,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index directory: {0}")]
    Io(#[from] std::io::Error),
    #[error("search index directory: {0}")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
    #[error("search index: a rebuild is under way")]
    Rebuilding,
    #[error("search index: a background task failed: {0}")]
    Task(String),
    #[error("search index: a lock was poisoned by a panic")]
    Poisoned,
}

/// The search index; cheap to clone, shared by every request.
#[derive(Clone)]
pub struct SearchIndex {
    inner: Arc<Inner>,
}

struct Inner {
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    analyzers: Analyzers,
    state: RwLock<IndexState>,
    rebuilding: AtomicBool,
    executor: Executor,
}

/// A full rebuild under way: see [`SearchIndex::rebuild`]. Dropped without
/// [`Rebuild::finish`], it is rolled back.
pub struct Rebuild {
    inner: Arc<Inner>,
    finished: bool,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("docs", &self.doc_count())
            .field("state", &self.state())
            .finish()
    }
}

fn poisoned<T>(_: T) -> SearchError {
    SearchError::Poisoned
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it if missing. An index of another
    /// schema version is wiped: the caller sees an empty index with the
    /// default state and rebuilds it.
    pub fn open(dir: &Path) -> Result<SearchIndex, SearchError> {
        std::fs::create_dir_all(dir)?;
        let version_file = dir.join(VERSION_FILE);
        let current = SCHEMA_VERSION.to_string();
        let (schema, fields) = schema::schema();
        let exists = Index::exists(&MmapDirectory::open(dir)?).map_err(tantivy::TantivyError::from)?;
        let same_version = std::fs::read_to_string(&version_file).is_ok_and(|v| v.trim() == current);
        let mut index = None;
        if exists && same_version {
            let opened = Index::open(MmapDirectory::open(dir)?)?;
            if opened.schema() == schema {
                index = Some(opened);
            }
        }
        let index = match index {
            Some(index) => index,
            None => {
                if exists {
                    tracing::warn!(dir = %dir.display(), "search index of another version: wiping it");
                    wipe(dir)?;
                }
                let index = Index::create(MmapDirectory::open(dir)?, schema, tantivy::IndexSettings::default())?;
                std::fs::write(&version_file, &current)?;
                index
            }
        };
        SearchIndex::with_index(index, fields, DISK_WRITER_THREADS, DISK_WRITER_BYTES)
    }

    /// An index in memory, for tests and tools.
    pub fn in_memory() -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema::schema();
        SearchIndex::with_index(Index::create_in_ram(schema), fields, 1, 32 * 1024 * 1024)
    }

    fn with_index(index: Index, fields: Fields, threads: usize, bytes: usize) -> Result<SearchIndex, SearchError> {
        for (name, tokenizer) in analysis::tokenizers() {
            index.tokenizers().register(&name, tokenizer);
        }
        // Commits reload the reader at once (see `Inner::commit`); the policy
        // also picks up the segments that background merges publish.
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        let writer = index.writer_with_num_threads(threads, bytes)?;
        let state = read_state(&index)?;
        Ok(SearchIndex {
            inner: Arc::new(Inner {
                reader,
                writer: Mutex::new(writer),
                fields,
                analyzers: Analyzers::new(),
                state: RwLock::new(state),
                rebuilding: AtomicBool::new(false),
                executor: Executor::multi_thread(SEARCH_THREADS, "sportello-search-")?,
            }),
        })
    }

    /// The state stored with the last commit (default for a new index).
    pub fn state(&self) -> IndexState {
        self.inner.state.read().map(|s| s.clone()).unwrap_or_default()
    }

    /// Number of offers in the index (expired ones included until removed).
    pub fn doc_count(&self) -> u64 {
        self.inner.reader.searcher().num_docs()
    }

    /// Number of index segments searched (in parallel when more than one).
    pub fn segment_count(&self) -> usize {
        self.inner.reader.searcher().segment_readers().len()
    }

    /// Removes every offer of `delete` and of `upsert`, adds back the
    /// published ones of `upsert`, commits with `state` and makes the result
    /// visible to the next search.
    #[tracing::instrument(skip_all, fields(upsert = upsert.len(), delete = delete.len(), horizon = state.horizon))]
    pub fn apply(&self, upsert: &[Offer], delete: &[OfferId], state: &IndexState) -> Result<(), SearchError> {
        let inner = &self.inner;
        let mut writer = inner.writer.lock().map_err(poisoned)?;
        if inner.rebuilding.load(Ordering::SeqCst) {
            return Err(SearchError::Rebuilding);
        }
        for id in delete.iter().chain(upsert.iter().map(|o| &o.id)) {
            writer.delete_term(Term::from_field_i64(inner.fields.id, id.0));
        }
        for offer in upsert {
            if let Some(doc) = schema::document(offer, &inner.fields) {
                writer.add_document(doc)?;
            }
        }
        inner.commit(&mut writer, state)
    }

    /// Starts a full rebuild: every offer is deleted (searches still see the
    /// old index until [`Rebuild::finish`] commits). [`SearchIndex::apply`]
    /// is refused meanwhile.
    pub fn rebuild(&self) -> Result<Rebuild, SearchError> {
        let inner = &self.inner;
        let writer = inner.writer.lock().map_err(poisoned)?;
        if inner.rebuilding.swap(true, Ordering::SeqCst) {
            return Err(SearchError::Rebuilding);
        }
        if let Err(e) = writer.delete_all_documents() {
            inner.rebuilding.store(false, Ordering::SeqCst);
            return Err(e.into());
        }
        Ok(Rebuild {
            inner: Arc::clone(inner),
            finished: false,
        })
    }

    /// One page of the published, unexpired offers matching `query`.
    /// `centre` is the centre filter already resolved from its slug (the
    /// slug in `query.filter.centre` is ignored); `today` is the Rome date.
    #[tracing::instrument(skip_all, fields(text = query.filter.text.is_some()))]
    pub fn search(&self, query: &OfferQuery, centre: Option<CentreId>, today: NaiveDate) -> Result<Hits, SearchError> {
        let inner = &self.inner;
        let searcher = inner.reader.searcher();
        let mut analyzers = inner.analyzers.clone();
        let parsed = query::parse(query.filter.text.as_deref().unwrap_or(""), &mut analyzers);
        let text = query::build(&parsed, &searcher, &inner.fields, &mut analyzers)?;
        let scoring = query.sort == SortOrder::Relevance && text.is_some();
        let text: Box<dyn Query> = text.unwrap_or_else(|| Box::new(AllQuery));
        let f = &query.filter;
        let collector = OfferCollector {
            filters: Filters {
                centre: centre.map(|c| u64::try_from(c.0).unwrap_or(u64::MAX)),
                section: f.section.map(|s| position(&Section::ALL, s)),
                group: f.group.map(u64::from),
                contract: f.contract.map(|c| position(ContractType::ALL, c)),
                working_time: f.working_time.map(|w| position(WorkingTime::ALL, w)),
                language: f.language.map(language_bit),
                today: day_number(today),
                since: f.since.map_or(0, day_number),
            },
            with_facets: query.with_facets,
            scoring,
            offset: usize::try_from(query.offset()).unwrap_or(usize::MAX),
            limit: query.per_page as usize,
        };
        let enabled = if scoring {
            EnableScoring::enabled_from_searcher(&searcher)
        } else {
            EnableScoring::disabled_from_searcher(&searcher)
        };
        let found = if searcher.segment_readers().len() > 1 {
            searcher.search_with_executor(text.as_ref(), &collector, &inner.executor, enabled)?
        } else {
            searcher.search_with_executor(text.as_ref(), &collector, &Executor::single_thread(), enabled)?
        };
        Ok(Hits {
            ids: found.ids,
            total: found.total,
            facets: if query.with_facets {
                found.counts.facets()
            } else {
                Facets::default()
            },
        })
    }
}

impl Inner {
    fn commit(&self, writer: &mut IndexWriter, state: &IndexState) -> Result<(), SearchError> {
        let payload = serde_json::to_string(state).map_err(|e| tantivy::TantivyError::InternalError(e.to_string()))?;
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        self.reader.reload()?;
        *self.state.write().map_err(poisoned)? = state.clone();
        Ok(())
    }
}

impl Rebuild {
    /// Adds the published offers among `offers`.
    pub fn add(&mut self, offers: &[Offer]) -> Result<(), SearchError> {
        let writer = self.inner.writer.lock().map_err(poisoned)?;
        for offer in offers {
            if let Some(doc) = schema::document(offer, &self.inner.fields) {
                writer.add_document(doc)?;
            }
        }
        Ok(())
    }

    /// Commits the new index with `state`; searches see it from now on.
    pub fn finish(mut self, state: &IndexState) -> Result<(), SearchError> {
        let mut writer = self.inner.writer.lock().map_err(poisoned)?;
        let result = self.inner.commit(&mut writer, state);
        if result.is_err() {
            // Leave nothing half-done for the next writer.
            let _ = writer.rollback();
        }
        self.finished = true;
        self.inner.rebuilding.store(false, Ordering::SeqCst);
        result
    }
}

impl Drop for Rebuild {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        if let Ok(mut writer) = self.inner.writer.lock()
            && let Err(e) = writer.rollback()
        {
            tracing::error!(error = %e, "rolling back an abandoned search index rebuild");
        }
        self.inner.rebuilding.store(false, Ordering::SeqCst);
    }
}

fn read_state(index: &Index) -> Result<IndexState, SearchError> {
    let metas = index.load_metas()?;
    Ok(metas
        .payload
        .as_deref()
        .and_then(|p| serde_json::from_str(p).ok())
        .unwrap_or_default())
}

/// Removes everything in an index directory of another schema version.
fn wipe(dir: &Path) -> Result<(), SearchError> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            std::fs::remove_dir_all(&path)?;
        } else {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// Runs index work on the blocking threads.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, SearchError> + Send + 'static,
) -> Result<T, SearchError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| SearchError::Task(e.to_string()))?
}

#[cfg(test)]
mod tests;
