//! The employment centres: their data, opening hours and closures (each
//! node keeps them for [`crate::CENTRES_TTL`]); the SQL of both backends is
//! in `sql.rs`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Actor, Centre, CentreId, NewCentre};

use crate::StorageError;

/// The centres, with their opening hours and closures.
#[async_trait]
pub trait Centres: Send + Sync {
    async fn insert_centre(&self, centre: &NewCentre) -> Result<Centre, StorageError>;

    async fn centres(&self) -> Result<Vec<Centre>, StorageError>;

    async fn centre_by_slug(&self, slug: &str) -> Result<Option<Centre>, StorageError>;

    /// Number of centres: zero on a fresh database.
    async fn count_centres(&self) -> Result<u64, StorageError>;

    /// Creates a centre (`id` none) or replaces one's data, hours and closures.
    async fn save_centre(
        &self,
        id: Option<CentreId>,
        centre: &NewCentre,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Centre, StorageError>;
}
