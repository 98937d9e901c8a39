//! What the database keeps of the weekly reports: one row per area and ISO
//! week with its number (per area, in the order first published) and its
//! figures; and the offers a report is computed from.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::Offer;
use sportello_domain::reports::{IsoWeek, WeeklyFigures};

use crate::StorageError;

/// A published weekly report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredReport {
    /// The area's slug, e.g. `lecce`.
    pub area: String,
    pub week: IsoWeek,
    /// "14th weekly report" of its area.
    pub number: u32,
    pub figures: WeeklyFigures,
    /// When it was first published.
    pub created_at: DateTime<Utc>,
    /// When its figures were last computed.
    pub updated_at: DateTime<Utc>,
}

#[async_trait]
pub trait Reports: Send + Sync {
    /// Every offer of the area's centres that may have been open between
    /// `from` and `to` (published on or before `to`, valid through `from` or
    /// later, not a draft): the figures decide exactly, see
    /// [`sportello_domain::reports::open_during`].
    async fn offers_for_report(&self, area: &str, from: NaiveDate, to: NaiveDate) -> Result<Vec<Offer>, StorageError>;

    /// Stores the report of `figures.area` for `figures.week`: a new one gets
    /// the area's next number; the same week again keeps its number and
    /// creation time and takes the new figures.
    async fn save_weekly_report(
        &self,
        figures: &WeeklyFigures,
        now: DateTime<Utc>,
    ) -> Result<StoredReport, StorageError>;

    async fn weekly_report(&self, area: &str, week: IsoWeek) -> Result<Option<StoredReport>, StorageError>;

    /// Every report of every area, newest week first (then by area).
    async fn weekly_reports(&self) -> Result<Vec<StoredReport>, StorageError>;
}
