//! A node's search: its own index, kept in step with the database by the
//! change-log follower, answering the board's queries with offers read back
//! from the database.
//!
//! On start the index is checked against the database: an index built from
//! another database, or one so old that the change log no longer reaches back
//! to it, is rebuilt; otherwise the follower resumes where the index's last
//! commit says it stopped. `Consistency::Strict` catches up before every
//! search (tests, the CLI); `Eventual` relies on the follower's loop, which
//! polls every [`POLL`].

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use chrono::{NaiveDate, Utc};
use sportello_domain::{OfferQuery, OfferStatus, QueryError, SearchPage};
use sportello_storage::{Centres, SearchFeed, StorageError};
use tokio::sync::Mutex;

use crate::follower::{self, Cursor, FollowError};
use crate::{IndexState, SearchError, SearchIndex, blocking};

/// How often the follower looks for changes.
pub const POLL: Duration = Duration::from_millis(200);
/// Offers read per query while rebuilding.
const REBUILD_BATCH: u32 = 2_000;
/// How long change-log rows are kept: a node stopped for longer rebuilds.
pub const CHANGE_LOG_DAYS: i64 = 7;

/// When a search sees the database's latest changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consistency {
    /// Within one poll of the follower.
    Eventual,
    /// Before every search (the follower catches up first).
    Strict,
}

/// Why a search could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum SearchFailure {
    /// A filter names something that does not exist.
    #[error(transparent)]
    BadFilter(#[from] QueryError),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Index(#[from] SearchError),
}

impl From<FollowError> for SearchFailure {
    fn from(e: FollowError) -> Self {
        match e {
            FollowError::Storage(e) => SearchFailure::Storage(e),
            FollowError::Index(e) => SearchFailure::Index(e),
        }
    }
}

/// How far a node's index is behind the database (for the metrics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lag {
    /// Changes in the change log past the last one applied; `None` before
    /// the index first caught up.
    pub changes: Option<u64>,
    /// Time since the index last caught up; `None` if it never did.
    pub since_caught_up: Option<Duration>,
}

/// The search of one node.
pub struct OfferSearch {
    index: SearchIndex,
    /// The offers and their change log, which the index follows.
    storage: Arc<dyn SearchFeed>,
    /// The centres, whose slugs the searches and facets use.
    centres: Arc<dyn Centres>,
    consistency: Consistency,
    /// While this file exists the follower does nothing (operations, and the
    /// scale-out test, hold a node's follower with it).
    hold_file: Option<PathBuf>,
    cursor: Mutex<Option<Cursor>>,
    /// When the index last caught up with the database (for `/readyz`).
    caught_up_at: std::sync::Mutex<Option<std::time::Instant>>,
    /// The last change applied (the cursor's), `i64::MIN` before the first
    /// catch-up: read by [`OfferSearch::lag`] without waiting for the cursor.
    seen: AtomicI64,
}

impl OfferSearch {
    /// The search over `index`, following `storage`'s offers (usually both
    /// `storage` and `centres` are the node's one `Arc<dyn Storage>`).
    pub fn new(
        index: SearchIndex,
        storage: Arc<dyn SearchFeed>,
        centres: Arc<dyn Centres>,
        consistency: Consistency,
    ) -> OfferSearch {
        OfferSearch {
            index,
            storage,
            centres,
            consistency,
            hold_file: None,
            cursor: Mutex::new(None),
            caught_up_at: std::sync::Mutex::new(None),
            seen: AtomicI64::new(i64::MIN),
        }
    }

    /// Holds the follower while `file` exists.
    pub fn with_hold_file(mut self, file: Option<PathBuf>) -> OfferSearch {
        self.hold_file = file;
        self
    }

    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    fn held(&self) -> bool {
        self.hold_file.as_deref().is_some_and(|f| f.exists())
    }

    /// Brings the index up to date with the database: rebuilds it when it
    /// belongs to another database or is too old, then applies every change
    /// since its last commit. Returns the number of offers written.
    #[tracing::instrument(skip_all)]
    pub async fn catch_up(&self) -> Result<u64, FollowError> {
        if self.held() {
            return Ok(0);
        }
        let mut cursor = self.cursor.lock().await;
        let mut written = 0;
        if cursor.is_none() {
            let (start, rebuilt) = self.start().await?;
            *cursor = Some(start);
            written += rebuilt;
        }
        let cursor = cursor.as_mut().expect("set above");
        written += follower::catch_up(self.storage.as_ref(), &self.index, cursor).await?;
        self.seen.store(cursor.seen(), Ordering::Relaxed);
        *self.caught_up_at.lock().unwrap_or_else(|e| e.into_inner()) = Some(std::time::Instant::now());
        Ok(written)
    }

    /// Whether the index caught up with the database within `within` (it
    /// is built and follows the change log).
    pub fn caught_up_within(&self, within: Duration) -> bool {
        self.caught_up_at
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some_and(|at| at.elapsed() <= within)
    }

    /// How far the index is behind the database's change log now.
    pub async fn lag(&self) -> Result<Lag, StorageError> {
        let last = self.storage.change_log_bounds().await?.last;
        let seen = self.seen.load(Ordering::Relaxed);
        let since_caught_up = self
            .caught_up_at
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .map(|at| at.elapsed());
        Ok(Lag {
            changes: (seen != i64::MIN).then(|| u64::try_from(last - seen).unwrap_or(0)),
            since_caught_up,
        })
    }

    /// Where to resume, rebuilding first when the index cannot resume.
    async fn start(&self) -> Result<(Cursor, u64), FollowError> {
        let database_id = self.storage.database_id().await?;
        let bounds = self.storage.change_log_bounds().await?;
        let state = self.index.state();
        let same_database = state.database_id.as_deref() == Some(database_id.as_str());
        let reachable = match bounds.first {
            Some(first) => state.horizon >= first - 1,
            None => state.horizon >= bounds.last,
        };
        if same_database && reachable && state.horizon <= bounds.last {
            return Ok((Cursor::new(database_id, state.horizon), 0));
        }
        tracing::info!(
            same_database,
            horizon = state.horizon,
            "the search index cannot resume from the change log: rebuilding"
        );
        let written = rebuild(self.storage.as_ref(), &self.index, &database_id, |_| {}).await?;
        Ok((Cursor::new(database_id, bounds.last), written))
    }

    /// Follows the change log until the process ends: catches up every
    /// [`POLL`] and prunes old change rows once an hour.
    pub async fn follow(self: Arc<Self>) {
        let mut last_prune: Option<std::time::Instant> = None;
        loop {
            if let Err(e) = self.catch_up().await {
                tracing::error!(error = %e, "the search index could not follow the database");
            }
            if last_prune.is_none_or(|t| t.elapsed() >= Duration::from_secs(3600)) {
                last_prune = Some(std::time::Instant::now());
                let before = Utc::now() - chrono::Duration::days(CHANGE_LOG_DAYS);
                if let Err(e) = self.storage.prune_offer_changes(before).await {
                    tracing::warn!(error = %e, "old change-log rows could not be pruned");
                }
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Open offers matching `query` on `today` (Rome), with facet counts.
    #[tracing::instrument(skip_all)]
    pub async fn search_offers(&self, query: &OfferQuery, today: NaiveDate) -> Result<SearchPage, SearchFailure> {
        let centre = match &query.filter.centre {
            None => None,
            Some(slug) => Some(
                self.centres
                    .centre_by_slug(slug)
                    .await?
                    .ok_or_else(|| QueryError {
                        filter: "centre",
                        value: slug.clone(),
                    })?
                    .id,
            ),
        };
        if self.consistency == Consistency::Strict {
            self.catch_up().await?;
        }
        let index = self.index.clone();
        let q = query.clone();
        let hits = blocking(move || index.search(&q, centre, today)).await?;
        // The index may lag the database by one poll: what it found is read
        // back from the database and shown only if still open.
        let items = self
            .storage
            .offers_by_ids(&hits.ids)
            .await?
            .into_iter()
            .filter(|o| o.status == OfferStatus::Published && o.data.valid_through >= today)
            .collect();
        let mut facets = hits.facets;
        if !facets.centre.is_empty() {
            // The index counts centres by id; pages and the API name them by slug.
            let centres = self.centres.centres().await?;
            facets.centre = std::mem::take(&mut facets.centre)
                .into_iter()
                .filter_map(|(id, n)| {
                    centres
                        .iter()
                        .find(|c| c.id.0.to_string() == id)
                        .map(|c| (c.data.slug.clone(), n))
                })
                .collect();
        }
        Ok(SearchPage {
            items,
            total: hits.total,
            facets,
        })
    }
}

/// Rebuilds `index` from the database's published offers, calling `progress`
/// with the number written so far; returns how many were written. Changes
/// made while it runs are in the change log after the horizon it records,
/// so the follower applies them afterwards.
pub async fn rebuild(
    storage: &dyn SearchFeed,
    index: &SearchIndex,
    database_id: &str,
    mut progress: impl FnMut(u64),
) -> Result<u64, FollowError> {
    let horizon = storage.change_log_bounds().await?.last;
    let mut rebuild = index.rebuild()?;
    let mut after = sportello_domain::OfferId(0);
    let mut written = 0;
    loop {
        let offers = storage.published_offers_after(after, REBUILD_BATCH).await?;
        let Some(last) = offers.last() else { break };
        after = last.id;
        written += offers.len() as u64;
        // Analysing text is CPU work: off the async threads.
        rebuild = blocking(move || {
            rebuild.add(&offers)?;
            Ok(rebuild)
        })
        .await?;
        progress(written);
    }
    let state = IndexState {
        database_id: Some(database_id.to_string()),
        horizon,
    };
    blocking(move || rebuild.finish(&state)).await?;
    Ok(written)
}
