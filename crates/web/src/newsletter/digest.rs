//! The digest of new offers. For each confirmed subscription that is due
//! (daily: every day from 07:00 Rome time; weekly: from Monday 07:00), one
//! mail in the subscriber's language lists the offers published since the
//! previous digest in the chosen centres and sections that are still open;
//! none when there is nothing new. The mail and the moved watermark are
//! stored in one transaction, and the dedupe key `digest:{subscriber}:{period}`
//! keeps two runs or two nodes from sending the same period twice.

use chrono::{DateTime, Utc};
use sportello_domain::newsletter::digest_period;
use sportello_domain::time::rome_date;
use sportello_domain::{Frequency, SubscriberId};
use sportello_storage::StorageError;

use super::mails;
use crate::AppState;

/// Subscribers read at a time.
const BATCH: u32 = 200;
/// Most offers listed in one digest: past it, the mail says how many there
/// are and links to a search that shows them all.
pub const MAX_OFFERS: u32 = 30;

/// Queues the digests due at `now`; the number of mails queued.
pub async fn queue_digests(state: &AppState, now: DateTime<Utc>) -> Result<usize, StorageError> {
    let today = rome_date(now);
    let centres = state.storage.centres().await?;
    let mut queued = 0;
    for frequency in Frequency::ALL {
        let Some(period) = digest_period(frequency, now) else {
            continue;
        };
        let mut after: Option<SubscriberId> = None;
        loop {
            let due = state
                .storage
                .subscribers_due(frequency, period.until, after, BATCH)
                .await?;
            let Some(last) = due.last() else {
                break;
            };
            after = Some(last.id);
            for subscriber in &due {
                let offers = state
                    .storage
                    .digest_offers(
                        &subscriber.subscription,
                        subscriber.digest_from,
                        period.until,
                        today,
                        MAX_OFFERS,
                    )
                    .await?;
                // The whole count when the list is cut, so the mail says "30 of N".
                let total = if offers.len() >= MAX_OFFERS as usize {
                    state
                        .storage
                        .count_digest_offers(&subscriber.subscription, subscriber.digest_from, period.until, today)
                        .await?
                } else {
                    offers.len() as u64
                };
                let mail = (!offers.is_empty())
                    .then(|| mails::digest(state, subscriber, &offers, total, &centres, &period.period));
                let recorded = state
                    .storage
                    .record_digest(subscriber.id, subscriber.digest_from, period.until, mail.as_ref(), now)
                    .await?;
                if recorded && mail.is_some() {
                    queued += 1;
                }
            }
        }
    }
    Ok(queued)
}
