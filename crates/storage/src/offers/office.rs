//! What the back office asks of the database about offers: lists by the
//! user's centres and sections in any status, edits with their history,
//! translations, extensions, and the board sections' texts. Every change raises the
//! offer's version and writes an audit row in the same transaction; the
//! audit rows of an offer are its edit history.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::{Actor, AuditEntry, CentreId, Lang, NewOffer, Offer, OfferStatus, OfferText, RefCode, Section};

use crate::StorageError;

/// Which offers a back-office list shows.
#[derive(Debug, Clone, Default)]
pub struct OfficeFilter {
    /// The `(centre, section)` pairs the user may read: nothing else is ever listed.
    pub allowed: Vec<(CentreId, Section)>,
    pub centre: Option<CentreId>,
    pub section: Option<Section>,
    pub status: Option<OfferStatus>,
    /// Part of the reference code, title or employer (case-insensitive).
    pub text: Option<String>,
    /// Published offers whose valid-through day is on or before this date.
    pub expiring_by: Option<NaiveDate>,
    /// Published offers published on or after this date, newest first.
    pub published_since: Option<NaiveDate>,
    /// Published offers still open on this day (valid through it or later).
    pub open_on: Option<NaiveDate>,
    pub limit: u32,
    pub offset: u32,
}

/// One page of a back-office list.
#[derive(Debug, Clone)]
pub struct OfficePage {
    pub items: Vec<Offer>,
    pub total: u64,
}

/// A published offer lacking a public text in some language.
#[derive(Debug, Clone)]
pub struct TranslationTask {
    pub offer: Offer,
    /// The languages without an original or reviewed text.
    pub missing: Vec<Lang>,
}

#[async_trait]
pub trait OfferEdits: Send + Sync {
    async fn office_offers(&self, filter: &OfficeFilter) -> Result<OfficePage, StorageError>;

    /// Replaces an offer's fields and texts if its version is still
    /// `expected_version` ([`StorageError::Stale`] otherwise). Only drafts and
    /// published offers can be edited.
    async fn update_offer(
        &self,
        reference: &RefCode,
        expected_version: i64,
        offer: &NewOffer,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Offer, StorageError>;

    /// Writes one language's text of an offer (not the Italian original of
    /// a published offer: that goes through [`OfferEdits::update_offer`]).
    async fn set_offer_text(
        &self,
        reference: &RefCode,
        text: &OfferText,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Offer, StorageError>;

    /// Moves the valid-through day of a published or expired offer later;
    /// an expired offer is published again.
    async fn extend_offer(
        &self,
        reference: &RefCode,
        valid_through: NaiveDate,
        today: NaiveDate,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Offer, StorageError>;

    /// Published, unexpired offers of `allowed` without a public text in
    /// `lang` (any of the other languages when `None`), oldest first.
    async fn translation_queue(
        &self,
        allowed: &[(CentreId, Section)],
        lang: Option<Lang>,
        today: NaiveDate,
        limit: u32,
    ) -> Result<Vec<TranslationTask>, StorageError>;

    /// The audit rows of one offer, oldest first.
    async fn offer_history(&self, reference: &RefCode) -> Result<Vec<AuditEntry>, StorageError>;

    /// The section texts administrators wrote, in every language (kept by
    /// each node for [`crate::CENTRES_TTL`], like the centres).
    async fn section_texts(&self) -> Result<Vec<SectionText>, StorageError>;

    /// Writes (or, with empty title and text, removes) one section text.
    async fn set_section_text(&self, text: &SectionText, actor: &Actor, now: DateTime<Utc>)
    -> Result<(), StorageError>;
}

/// What a board section is and who may apply, in one language, as an
/// administrator wrote it (replacing the built-in text).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SectionText {
    pub section: Section,
    pub lang: Lang,
    pub title: String,
    pub who: String,
}
