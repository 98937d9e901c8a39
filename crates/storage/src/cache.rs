//! What a node keeps in memory to spare the database work: short-lived copies
//! of the centres and of the section texts, which every page needs and which
//! change rarely (a node sees its own changes at once and other nodes' within
//! [`CENTRES_TTL`]); and the offers it has read, reused only while their
//! version in the database is unchanged.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use sportello_domain::{Centre, Offer};

use crate::SectionText;

/// Everything one node keeps in memory.
#[derive(Debug, Default)]
pub(crate) struct NodeCache {
    pub centres: ShortLived<Centre>,
    pub sections: ShortLived<SectionText>,
    pub offers: OfferCache,
}

/// How long a node may show centre data and section texts read from the
/// database.
pub const CENTRES_TTL: Duration = Duration::from_secs(10);

/// A list read from the database, kept for [`CENTRES_TTL`].
#[derive(Debug)]
pub(crate) struct ShortLived<T> {
    slot: RwLock<Option<(Instant, Vec<T>)>>,
}

impl<T> Default for ShortLived<T> {
    fn default() -> Self {
        ShortLived {
            slot: RwLock::new(None),
        }
    }
}

impl<T: Clone> ShortLived<T> {
    /// The list, if read less than [`CENTRES_TTL`] ago.
    pub fn get(&self) -> Option<Vec<T>> {
        let slot = self.slot.read().unwrap_or_else(|e| e.into_inner());
        slot.as_ref()
            .filter(|(at, _)| at.elapsed() < CENTRES_TTL)
            .map(|(_, items)| items.clone())
    }

    pub fn put(&self, items: &[T]) {
        *self.slot.write().unwrap_or_else(|e| e.into_inner()) = Some((Instant::now(), items.to_vec()));
    }

    pub fn clear(&self) {
        *self.slot.write().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

/// Most offers a node keeps; past this the cache starts again empty.
pub const MAX_CACHED_OFFERS: usize = 50_000;

/// Whole offers a node has read, each with the version it had. A read first
/// asks the database for the offers' ids and versions and takes from here
/// only those whose version still matches, so the database stays the truth:
/// every change to an offer, its texts or its requirements raises its version.
#[derive(Debug, Default)]
pub(crate) struct OfferCache {
    offers: RwLock<HashMap<i64, (i64, Offer)>>,
}

impl OfferCache {
    /// The offer `id` if this node holds it at `version`.
    pub fn get(&self, id: i64, version: i64) -> Option<Offer> {
        let offers = self.offers.read().unwrap_or_else(|e| e.into_inner());
        offers
            .get(&id)
            .filter(|(v, _)| *v == version)
            .map(|(_, offer)| offer.clone())
    }

    /// Keeps `offer` as read at `version`, unless a newer version is kept.
    pub fn put(&self, offer: &Offer, version: i64) {
        let mut offers = self.offers.write().unwrap_or_else(|e| e.into_inner());
        if offers.get(&offer.id.0).is_some_and(|(v, _)| *v > version) {
            return;
        }
        if offers.len() >= MAX_CACHED_OFFERS && !offers.contains_key(&offer.id.0) {
            offers.clear();
        }
        offers.insert(offer.id.0, (version, offer.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportello_domain::{CentreId, NewCentre};

    fn centre() -> Centre {
        Centre {
            id: CentreId(1),
            data: NewCentre {
                slug: "lecce".into(),
                prefix: "LE".into(),
                name: "Centro per l'Impiego di Lecce".into(),
                town: "Lecce".into(),
                address: String::new(),
                postcode: String::new(),
                province: String::new(),
                region: String::new(),
                phone: String::new(),
                email: String::new(),
                area: sportello_domain::Area {
                    slug: "lecce".into(),
                    name: "Lecce".into(),
                },
                hours: vec![],
                closures: Vec::new(),
            },
        }
    }

    #[test]
    fn centres_are_kept_until_cleared() {
        let cache = ShortLived::<Centre>::default();
        assert!(cache.get().is_none());
        cache.put(&[centre()]);
        assert_eq!(cache.get().unwrap().len(), 1);
        cache.clear();
        assert!(cache.get().is_none());
    }
}
