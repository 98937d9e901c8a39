//! What the database keeps of outreach points (`sql.rs`): the points of a
//! centre with their texts, weekly hours and services, the stops of a tour,
//! and the patron days of the towns they visit. A stop is checked against
//! the calendar and the tour's other stops inside the transaction that
//! saves it, so two operators cannot put the camper in two places at once.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::{
    Actor, CentreId, FieldError, NewOutreachPoint, NewStop, OutreachPoint, OutreachPointId, PatronDay, Stop, StopId,
};

use crate::StorageError;

/// What [`OutreachPoints::cancel_stop`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StopCancel {
    Cancelled(Stop),
    /// Nothing was changed: these many appointments are booked at the stop
    /// and must be moved first (nothing is cancelled silently).
    HasBookings(u32),
}

#[async_trait]
pub trait OutreachPoints: Send + Sync {
    /// Stores a new point with its texts, hours and services.
    async fn insert_point(&self, point: &NewOutreachPoint) -> Result<OutreachPoint, StorageError>;

    /// The points of `centre`, or of every centre, by centre and slug.
    async fn points(&self, centre: Option<CentreId>) -> Result<Vec<OutreachPoint>, StorageError>;

    async fn point(&self, id: OutreachPointId) -> Result<Option<OutreachPoint>, StorageError>;

    async fn point_by_slug(&self, slug: &str) -> Result<Option<OutreachPoint>, StorageError>;

    /// The stops of `point` from `from` on, cancelled ones too, by time.
    async fn stops(&self, point: OutreachPointId, from: NaiveDate, limit: usize) -> Result<Vec<Stop>, StorageError>;

    /// Stops not cancelled and not over at `now`, of the points of
    /// `centre` (or of every centre), by time, with their points.
    async fn upcoming_stops(
        &self,
        centre: Option<CentreId>,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<(OutreachPoint, Stop)>, StorageError>;

    async fn stop(&self, id: StopId) -> Result<Option<Stop>, StorageError>;

    /// Adds a stop to a tour after checking it at `now` (see
    /// [`sportello_domain::check_stop`]): the field errors, and nothing
    /// written, when it is in the past, on a holiday of its town or at the
    /// time of another stop.
    async fn add_stop(
        &self,
        point: OutreachPointId,
        stop: &NewStop,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Result<Stop, Vec<FieldError>>, StorageError>;

    /// Marks a stop cancelled, unless appointments are booked at it.
    async fn cancel_stop(&self, id: StopId, actor: &Actor, now: DateTime<Utc>) -> Result<StopCancel, StorageError>;

    /// The patron days of `town` (a local holiday there).
    async fn town_patron_days(&self, town: &str) -> Result<Vec<PatronDay>, StorageError>;

    /// Replaces the patron days of `town` (in the audit log).
    async fn set_town_patron_days(
        &self,
        town: &str,
        days: &[PatronDay],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
}
