//! The digest of new offers. For each confirmed subscription that is due
//! (daily: every day from 07:00 Rome time; weekly: from Monday 07:00), one
//! mail in the subscriber's language lists the offers published since the
//! previous digest in the chosen centres and sections that are still open;
//! none when there is nothing new. The mail and the moved watermark are
//! stored in one transaction, and the dedupe key `digest:{subscriber}:{period}`
//! keeps two runs or two nodes from sending the same period twice. A
//! subscriber whose digest fails is logged and skipped: the others still get
//! theirs, and the next run tries again.

use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::newsletter::{DigestPeriod, digest_period};
use sportello_domain::time::rome_date;
use sportello_domain::{Centre, Frequency, Subscriber, SubscriberId};
use sportello_storage::StorageError;

use super::mails;
use crate::App;

/// Subscribers read at a time.
const BATCH: u32 = 200;
/// Most offers listed in one digest: past it, the mail says how many there
/// are and links to a search that shows them all.
pub const MAX_OFFERS: u32 = 30;

/// Queues the digests due at `now`; the number of mails queued.
pub async fn queue_digests(app: &App, now: DateTime<Utc>) -> Result<usize, StorageError> {
    let today = rome_date(now);
    let centres = app.storage.centres().await?;
    let mut queued = 0;
    for frequency in Frequency::ALL {
        let Some(period) = digest_period(frequency, now) else {
            continue;
        };
        let mut after: Option<SubscriberId> = None;
        loop {
            let due = app
                .storage
                .subscribers_due(frequency, period.until, after, BATCH)
                .await?;
            let Some(last) = due.last() else {
                break;
            };
            after = Some(last.id);
            for subscriber in &due {
                // One subscriber's failure is logged; the others still get theirs.
                match queue_one(app, subscriber, &centres, &period, today, now).await {
                    Ok(true) => queued += 1,
                    Ok(false) => {}
                    Err(error) => {
                        tracing::error!(subscriber = subscriber.id.0, %error, "digest not queued; the next run tries again");
                    }
                }
            }
        }
    }
    Ok(queued)
}

/// Queues `subscriber`'s digest for `period`: `true` when a mail was queued,
/// `false` when there was nothing new (the watermark moves all the same) or
/// another run did it first.
async fn queue_one(
    app: &App,
    subscriber: &Subscriber,
    centres: &[Centre],
    period: &DigestPeriod,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<bool, StorageError> {
    let (from, until) = (subscriber.digest_from, period.until);
    let offers = app
        .storage
        .digest_offers(&subscriber.subscription, from, until, today, MAX_OFFERS)
        .await?;
    // The whole count when the list is cut, so the mail says "30 of N".
    let total = if offers.len() >= MAX_OFFERS as usize {
        app.storage
            .count_digest_offers(&subscriber.subscription, from, until, today)
            .await?
    } else {
        offers.len() as u64
    };
    let mail = (!offers.is_empty()).then(|| mails::digest(app, subscriber, &offers, total, centres, &period.period));
    let recorded = app
        .storage
        .record_digest(subscriber.id, from, until, mail.as_ref(), now)
        .await?;
    Ok(recorded && mail.is_some())
}
