//! The demo's weekly reports: last week's and this week's for every area
//! with sub-areas configured, made at start when missing (last week first,
//! so it has the lower number).

use sportello_app::reports::{areas, publish_weekly};
use sportello_domain::reports::{AreaConfig, IsoWeek};
use sportello_domain::time::today_in_rome;
use sportello_storage::{Storage, StorageError};

/// Makes the reports that are missing.
pub async fn make(storage: &dyn Storage) -> Result<(), StorageError> {
    let centres = storage.centres().await?;
    let this_week = IsoWeek::containing(today_in_rome());
    for (area, _) in areas(&centres) {
        let Some(config) = AreaConfig::default_for(&area) else {
            continue;
        };
        for week in [this_week.previous(), this_week] {
            if storage.weekly_report(&area, week).await?.is_none() {
                publish_weekly(storage, &config, week, chrono::Utc::now()).await?;
            }
        }
    }
    Ok(())
}
