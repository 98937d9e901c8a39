//! What a node's search index needs of the database, which stays the truth:
//! the change log of offers (written by triggers in the same transaction as
//! every change to an offer's searchable data, see migration 0012), the
//! offers it names, all published offers in id order for a full rebuild, and
//! the database's identity so that an index built from another database is
//! never followed as if it were this one's.
//!
//! Change numbers (`seq`) grow in commit order and are never reused, even
//! after pruning: a follower that applied everything up to `seq` N asks for
//! the changes after N. When N is below [`ChangeLogBounds::first`] - 1 the
//! rows it missed were pruned and it must rebuild.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Offer, OfferId};

use crate::StorageError;

/// One row of the change log: the offer's searchable data changed (it may
/// also have been deleted: [`SearchFeed::offers_by_ids`] then leaves it out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfferChange {
    pub seq: i64,
    pub offer: OfferId,
}

/// The change numbers the log holds now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeLogBounds {
    /// The oldest row still kept; `None` when the log is empty.
    pub first: Option<i64>,
    /// The newest row's number or, when the log is empty, the last number
    /// ever handed out (0 when none was): the next change always gets a
    /// larger number.
    pub last: i64,
}

#[async_trait]
pub trait SearchFeed: Send + Sync {
    /// A random identity of this database, made once by its migrations.
    async fn database_id(&self) -> Result<String, StorageError>;

    async fn change_log_bounds(&self) -> Result<ChangeLogBounds, StorageError>;

    /// Changes with seq > after, ascending, at most `limit`.
    async fn offer_changes_after(&self, after: i64, limit: u32) -> Result<Vec<OfferChange>, StorageError>;

    /// The offers with these ids, whatever their status, in the order of
    /// `ids` (missing ids are left out).
    async fn offers_by_ids(&self, ids: &[OfferId]) -> Result<Vec<Offer>, StorageError>;

    /// Published offers with id > after, ascending by id, at most `limit`
    /// (keyset pagination, for a full rebuild).
    async fn published_offers_after(&self, after: OfferId, limit: u32) -> Result<Vec<Offer>, StorageError>;

    /// Deletes change rows older than `before`, returns how many.
    async fn prune_offer_changes(&self, before: DateTime<Utc>) -> Result<u64, StorageError>;
}
