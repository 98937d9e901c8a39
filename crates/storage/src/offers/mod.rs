//! Job offers: what the public reads ([`Offers`]: the lifecycle, searches
//! the database must answer exactly) and what the back office does with
//! them ([`OfferEdits`] in `office.rs`: lists, edits, translations, the
//! sections' texts). The SQL of both backends is beside them: `sql.rs`,
//! `search_sql.rs`, `office_sql.rs`, and `bulk_*.rs` for loads of thousands
//! of offers; `terms.rs` the backend-independent part of the search.

pub mod office;
pub mod terms;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::{Actor, NewOffer, Offer, OfferQuery, OfferStatus, RefCode, SearchPage};

pub use office::{OfferEdits, OfficeFilter, OfficePage, SectionText, TranslationTask};

use crate::StorageError;

/// An offer with its lifecycle state, for bulk loading (demo data, imports).
#[derive(Debug, Clone)]
pub struct ImportOffer {
    pub data: NewOffer,
    pub status: OfferStatus,
    pub published_on: Option<NaiveDate>,
}

/// Counts of offers by section for one centre's board.
pub type SectionCounts = std::collections::BTreeMap<String, u64>;

/// Job offers: writing them, their lifecycle, and what the public reads.
#[async_trait]
pub trait Offers: Send + Sync {
    /// Stores a draft offer and gives it the next reference code of its centre.
    async fn insert_offer(&self, offer: &NewOffer, actor: &Actor, now: DateTime<Utc>) -> Result<Offer, StorageError>;

    /// Stores many offers in one transaction, each with its state.
    async fn import_offers(
        &self,
        offers: &[ImportOffer],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<u64, StorageError>;

    /// Stores many offers in one transaction, each with its state, with
    /// multi-row `INSERT`s: for loads of thousands of offers at a time.
    /// Returns their reference codes, in the order of `offers`.
    async fn bulk_import_offers(
        &self,
        offers: &[ImportOffer],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Vec<RefCode>, StorageError>;

    /// Refreshes the query planner's statistics of the offer tables
    /// (`ANALYZE`), after a bulk load: a PostgreSQL server with autovacuum
    /// off would otherwise plan every later read on the statistics of the
    /// empty tables (sequential scans for lookups by id).
    async fn analyze_offers(&self) -> Result<(), StorageError>;

    /// The offer with this reference code, whatever its status.
    async fn offer(&self, reference: &RefCode) -> Result<Option<Offer>, StorageError>;

    /// Publishes a draft offer (see [`Offer::check_publishable`]).
    async fn publish_offer(
        &self,
        reference: &RefCode,
        today: NaiveDate,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Offer, StorageError>;

    /// Closes a published offer as filled, withdrawn or expired.
    async fn close_offer(
        &self,
        reference: &RefCode,
        status: OfferStatus,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Offer, StorageError>;

    /// Sets `expired` on published offers whose day has passed; safe to run
    /// on several nodes at once. Returns the offers it expired.
    async fn expire_offers(&self, today: NaiveDate, now: DateTime<Utc>) -> Result<Vec<RefCode>, StorageError>;

    /// Open offers matching `query` on `today` (Rome), with facet counts.
    async fn search_offers(&self, query: &OfferQuery, today: NaiveDate) -> Result<SearchPage, StorageError>;

    /// Open offers like `offer` (same occupation, then same centre), newest first.
    async fn similar_offers(&self, offer: &Offer, today: NaiveDate, limit: u32) -> Result<Vec<Offer>, StorageError>;
}
