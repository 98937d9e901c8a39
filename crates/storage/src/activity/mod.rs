//! What the coordinators' figures page counts (`sql.rs`): each centre's
//! appointments by status and group-meeting sessions with their seats and
//! lines, over a span of time. Counts only, by centre.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{ActivityCounts, CentreId};

use crate::StorageError;

#[async_trait]
pub trait Activity: Send + Sync {
    /// The counts of every centre with activity in `[from, to)`: the
    /// appointments and the sessions that start then.
    async fn activity(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<(CentreId, ActivityCounts)>, StorageError>;
}
