//! What the sitemaps need of the open offers beyond the search: their references
//! and last changes read in id order a page at a time (keyset pagination), and
//! their counts per block of ids, so that a sitemap of a million offers is
//! written one block at a time and never holds them all in memory.
//!
//! "Open" is the rule of the search and of the offer page: published, and the
//! valid-through day (Rome) not yet over — whether or not the expiry job has
//! run.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::{OfferId, RefCode};

use crate::StorageError;

/// An open offer as a sitemap lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferStamp {
    pub id: OfferId,
    pub reference: RefCode,
    /// The last change to the offer (publication, edit, translation).
    pub updated_at: DateTime<Utc>,
}

/// The open offers whose ids fall in one block: block `number` of size `s`
/// holds the ids `number * s + 1 ..= (number + 1) * s`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferBlock {
    pub number: u64,
    pub count: u64,
    /// The latest `updated_at` of the block's open offers.
    pub last_update: DateTime<Utc>,
}

impl OfferBlock {
    /// The ids of block `number` of size `size`, as the half-open range
    /// `(after, until]` that [`Sitemaps::open_offer_stamps`] takes.
    pub fn id_range(number: u64, size: u64) -> (i64, i64) {
        let after = number.saturating_mul(size).min(i64::MAX as u64) as i64;
        let until = (number.saturating_add(1)).saturating_mul(size).min(i64::MAX as u64) as i64;
        (after, until)
    }
}

#[async_trait]
pub trait Sitemaps: Send + Sync {
    /// Open offers on `today` (Rome) with `after < id <= until`, in id
    /// order, at most `limit` of them: call again with the last id read as
    /// `after` for the next page.
    async fn open_offer_stamps(
        &self,
        today: NaiveDate,
        after: i64,
        until: i64,
        limit: u32,
    ) -> Result<Vec<OfferStamp>, StorageError>;

    /// The open offers on `today` counted per block of `block_size` ids (see
    /// [`OfferBlock`]), in block order; blocks without open offers are left
    /// out. One row per block, however many offers there are.
    async fn open_offer_blocks(&self, today: NaiveDate, block_size: u64) -> Result<Vec<OfferBlock>, StorageError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_cover_every_id_once() {
        assert_eq!(OfferBlock::id_range(0, 100), (0, 100));
        assert_eq!(OfferBlock::id_range(1, 100), (100, 200));
        assert_eq!(OfferBlock::id_range(u64::MAX, 100), (i64::MAX, i64::MAX));
    }
}
