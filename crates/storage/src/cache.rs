//! A short-lived copy of the centres, which every page needs and which change
//! rarely (an administrator edits them). A node sees its own changes at once
//! and other nodes' within [`CENTRES_TTL`]; offers are never cached.

use std::sync::RwLock;
use std::time::{Duration, Instant};

use sportello_domain::Centre;

/// How long a node may show centre data read from the database.
pub const CENTRES_TTL: Duration = Duration::from_secs(10);

#[derive(Debug, Default)]
pub(crate) struct CentreCache {
    slot: RwLock<Option<(Instant, Vec<Centre>)>>,
}

impl CentreCache {
    /// The centres, if read less than [`CENTRES_TTL`] ago.
    pub fn get(&self) -> Option<Vec<Centre>> {
        let slot = self.slot.read().unwrap_or_else(|e| e.into_inner());
        slot.as_ref()
            .filter(|(at, _)| at.elapsed() < CENTRES_TTL)
            .map(|(_, centres)| centres.clone())
    }

    pub fn put(&self, centres: &[Centre]) {
        *self.slot.write().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), centres.to_vec()));
    }

    pub fn clear(&self) {
        *self.slot.write().unwrap_or_else(|e| e.into_inner()) = None;
    }
}
