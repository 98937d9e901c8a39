//! The change-log follower: keeps this node's index in step with the
//! database. Every change of an offer writes a row to `offer_changes` in the
//! same transaction (database triggers); the follower reads the rows it has
//! not seen, reloads those offers and applies them to the index. Rows may
//! become visible out of order on PostgreSQL (a transaction that took a lower
//! number commits later): numbers skipped over are remembered and looked for
//! again until they appear or are older than [`GAP_WAIT`] (a rolled-back
//! transaction never fills its gap). The index's commit records the highest
//! number below which nothing is missing, so a restarted node resumes there.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use sportello_domain::OfferId;
use sportello_storage::{SearchFeed, StorageError};

use crate::{IndexState, SearchError, SearchIndex};

/// Changes read per query.
const BATCH: u32 = 2_000;
/// How long a skipped change number is waited for.
pub const GAP_WAIT: Duration = Duration::from_secs(300);
/// How often skipped numbers are looked for again.
const GAP_RECHECK: Duration = Duration::from_secs(1);

/// Why the index could not follow the database.
#[derive(Debug, thiserror::Error)]
pub enum FollowError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error(transparent)]
    Index(#[from] SearchError),
}

/// Where the follower is in the change log.
#[derive(Debug)]
pub(crate) struct Cursor {
    /// Identity of the database the index holds.
    database_id: String,
    /// Highest change number applied.
    seen: i64,
    /// Numbers below `seen` not seen yet, with when they were first missed.
    missing: BTreeMap<i64, Instant>,
    last_recheck: Instant,
}

impl Cursor {
    pub(crate) fn new(database_id: String, horizon: i64) -> Cursor {
        Cursor {
            database_id,
            seen: horizon,
            missing: BTreeMap::new(),
            last_recheck: Instant::now(),
        }
    }

    /// The highest change number applied.
    pub(crate) fn seen(&self) -> i64 {
        self.seen
    }

    /// The number below which every change is applied (or given up on).
    pub(crate) fn horizon(&self) -> i64 {
        self.missing.keys().next().map_or(self.seen, |first| first - 1)
    }

    fn state(&self) -> IndexState {
        IndexState {
            database_id: Some(self.database_id.clone()),
            horizon: self.horizon(),
        }
    }
}

/// Applies every change committed since `cursor`; returns how many offers
/// were reindexed.
pub(crate) async fn catch_up(
    storage: &dyn SearchFeed,
    index: &SearchIndex,
    cursor: &mut Cursor,
) -> Result<u64, FollowError> {
    let mut applied = 0;
    loop {
        let changes = storage.offer_changes_after(cursor.seen, BATCH).await?;
        let Some(last) = changes.last().map(|c| c.seq) else {
            break;
        };
        let now = Instant::now();
        let mut expected = cursor.seen + 1;
        for change in &changes {
            for gap in expected..change.seq {
                cursor.missing.insert(gap, now);
            }
            expected = change.seq + 1;
        }
        cursor.seen = last;
        let ids: BTreeSet<OfferId> = changes.iter().map(|c| c.offer).collect();
        applied += apply(storage, index, ids, cursor).await?;
        if changes.len() < BATCH as usize {
            break;
        }
    }
    if !cursor.missing.is_empty() && cursor.last_recheck.elapsed() >= GAP_RECHECK {
        applied += recheck_gaps(storage, index, cursor).await?;
    }
    Ok(applied)
}

/// Looks again for the numbers skipped over, and gives up on old ones.
async fn recheck_gaps(storage: &dyn SearchFeed, index: &SearchIndex, cursor: &mut Cursor) -> Result<u64, FollowError> {
    cursor.last_recheck = Instant::now();
    let before = cursor.horizon();
    let mut ids = BTreeSet::new();
    let mut after = before;
    while let Some(&first) = cursor.missing.range(after + 1..).next().map(|(k, _)| k) {
        let changes = storage.offer_changes_after(first - 1, BATCH).await?;
        if changes.is_empty() {
            break;
        }
        for change in &changes {
            if cursor.missing.remove(&change.seq).is_some() {
                ids.insert(change.offer);
            }
        }
        after = changes.last().map_or(cursor.seen, |c| c.seq);
        if after >= cursor.seen {
            break;
        }
    }
    cursor.missing.retain(|_, since| since.elapsed() < GAP_WAIT);
    if ids.is_empty() && cursor.horizon() == before {
        return Ok(0);
    }
    apply(storage, index, ids, cursor).await
}

/// Reloads `ids` from the database and writes them to the index with the
/// cursor's state.
async fn apply(
    storage: &dyn SearchFeed,
    index: &SearchIndex,
    ids: BTreeSet<OfferId>,
    cursor: &Cursor,
) -> Result<u64, FollowError> {
    let ids: Vec<OfferId> = ids.into_iter().collect();
    let offers = storage.offers_by_ids(&ids).await?;
    let index = index.clone();
    let state = cursor.state();
    let count = ids.len() as u64;
    crate::blocking(move || index.apply(&offers, &ids, &state)).await?;
    Ok(count)
}
