//! Deterministic demo data: the ten centres of the Lecce area and the two of
//! Rimini and Riccione, and about 400 realistic offers over them (seasonal
//! tourism, agriculture, care, retail, crafts…), some EURES offers abroad,
//! some in each Collocamento Mirato section, with English and French texts
//! for most and German for some; each centre's services catalogue, access
//! rules and patron days, so that appointments can be booked at once; group
//! meetings to register for; the Lecce job camper's stops and the Boncuri
//! hostel desk of Nardò; and the weekly reports of the last two weeks. The
//! same seed always gives the same data.

pub mod accounts;
pub mod appointments;
mod board;
pub mod centres;
mod content;
pub mod events;
pub mod offers;
pub mod outreach;
pub mod queries;
pub mod reports;
mod rng;
pub mod subscribers;

use chrono::{NaiveDate, Utc};
use sportello_storage::{Storage, StorageError};

/// Number of offers the demo loads.
pub const DEMO_OFFERS: usize = 400;
/// Seed of the demo data.
pub const DEMO_SEED: u64 = 2026;

/// What [`load`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loaded {
    /// The database already had centres: nothing was written.
    AlreadyThere,
    /// Centres and offers were written.
    Loaded { centres: usize, offers: u64 },
}

/// Loads the demo centres and `count` offers dated around `today` into an
/// empty database; leaves a database that has centres as it is.
pub async fn load(storage: &dyn Storage, count: usize, seed: u64, today: NaiveDate) -> Result<Loaded, StorageError> {
    if storage.count_centres().await? > 0 {
        let centres = storage.centres().await?;
        // A demo database made before appointments existed gets its catalogue.
        let mut catalogued = false;
        for centre in &centres {
            catalogued |= !storage.services(centre.id).await?.is_empty();
        }
        if !catalogued {
            appointments::create(storage, &centres).await?;
        }
        accounts::create(storage, &centres).await?;
        accounts::create_citizen(storage).await?;
        events::create(storage, &centres, today).await?;
        outreach::create(storage, &centres, today).await?;
        return Ok(Loaded::AlreadyThere);
    }
    let mut stored = Vec::new();
    for centre in centres::centres() {
        stored.push(storage.insert_centre(&centre).await?);
    }
    let offers = offers::generate(&stored, count, seed, today);
    let written = storage
        .import_offers(&offers, &sportello_domain::Actor::system(), Utc::now())
        .await?;
    appointments::create(storage, &stored).await?;
    accounts::create(storage, &stored).await?;
    accounts::create_citizen(storage).await?;
    events::create(storage, &stored, today).await?;
    outreach::create(storage, &stored, today).await?;
    Ok(Loaded::Loaded {
        centres: stored.len(),
        offers: written,
    })
}
