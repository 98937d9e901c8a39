//! Two confirmed newsletter subscribers for `sportello demo`, so that the
//! demo mailbox shows digests: their digests start a week back, and the
//! first one goes out at the next run of the jobs after 07:00 (Rome). Not
//! part of [`crate::load`]: tests count subscribers of their own.

use chrono::{Duration, NaiveDate, Utc};
use sportello_domain::{Email, Frequency, Lang, Section, Subscription};
use sportello_storage::{Storage, StorageError};

/// The demo subscribers' addresses (`example.org`: nothing is ever sent).
pub const ADDRESSES: [&str; 2] = ["giulia.demo@example.org", "thomas.demo@example.org"];

/// Adds the demo subscribers when they are not there yet.
pub async fn create(storage: &dyn Storage, today: NaiveDate) -> Result<(), StorageError> {
    let lecce = storage.centre_by_slug("lecce").await?;
    let people = [
        Subscription {
            email: Email::parse(ADDRESSES[0]).map_err(|e| StorageError::Invalid(e.to_string()))?,
            lang: Lang::It,
            frequency: Frequency::Daily,
            centres: lecce.map(|c| vec![c.id]).unwrap_or_default(),
            sections: vec![Section::Ordinary, Section::MiratoArt1],
        },
        Subscription {
            email: Email::parse(ADDRESSES[1]).map_err(|e| StorageError::Invalid(e.to_string()))?,
            lang: Lang::De,
            frequency: Frequency::Daily,
            centres: Vec::new(),
            sections: vec![Section::Eures],
        },
    ];
    for person in &people {
        if storage.subscriber_by_email(&person.email).await?.is_none() {
            storage
                .confirm_subscription(person, today - Duration::days(7), Utc::now())
                .await?;
        }
    }
    Ok(())
}
