//! What the database keeps of the newsletter: confirmed subscribers with
//! their centres and sections, the digest's watermark, and news issues. Every
//! mail is queued in the outbox in the same transaction as the change that
//! causes it, with a dedupe key, so no person gets one digest period or one
//! issue twice, whatever the number of nodes or runs.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::{
    Actor, CentreId, Email, Frequency, NewNewsIssue, NewsIssue, NewsIssueId, Offer, OutgoingMail, Subscriber,
    SubscriberId, Subscription,
};

use crate::StorageError;

#[async_trait]
pub trait Newsletter: Send + Sync {
    /// Stores a confirmed subscription: a new subscriber, or the new
    /// preferences of the address (never a second row). A new or returning
    /// subscriber's digests start with offers published on `today`.
    async fn confirm_subscription(
        &self,
        subscription: &Subscription,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Subscriber, StorageError>;

    async fn subscriber(&self, id: SubscriberId) -> Result<Option<Subscriber>, StorageError>;

    async fn subscriber_by_email(&self, email: &Email) -> Result<Option<Subscriber>, StorageError>;

    /// Ends a subscription; `false` when it had already ended.
    async fn unsubscribe(&self, id: SubscriberId, now: DateTime<Utc>) -> Result<bool, StorageError>;

    /// Active subscribers of `frequency` whose next digest starts before
    /// `until`, by id after `after`, at most `limit`.
    async fn subscribers_due(
        &self,
        frequency: Frequency,
        until: NaiveDate,
        after: Option<SubscriberId>,
        limit: u32,
    ) -> Result<Vec<Subscriber>, StorageError>;

    /// Offers still open on `today` (Rome), published from `from` to the day
    /// before `until`, of the subscription's centres and sections; newest
    /// first, at most `limit`.
    async fn digest_offers(
        &self,
        subscription: &Subscription,
        from: NaiveDate,
        until: NaiveDate,
        today: NaiveDate,
        limit: u32,
    ) -> Result<Vec<Offer>, StorageError>;

    /// How many offers [`Newsletter::digest_offers`] would list without a
    /// limit.
    async fn count_digest_offers(
        &self,
        subscription: &Subscription,
        from: NaiveDate,
        until: NaiveDate,
        today: NaiveDate,
    ) -> Result<u64, StorageError>;

    /// Records that the digest covering `from` up to `until` was made:
    /// moves the subscriber's watermark and queues `mail` (if any) in one
    /// transaction. `false`, with nothing stored, when another run moved the
    /// watermark first or the mail's dedupe key exists.
    async fn record_digest(
        &self,
        id: SubscriberId,
        from: NaiveDate,
        until: NaiveDate,
        mail: Option<&OutgoingMail>,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError>;

    /// Active subscribers who follow `centre`, by id after `after`, at most
    /// `limit`.
    async fn news_recipients(
        &self,
        centre: CentreId,
        after: Option<SubscriberId>,
        limit: u32,
    ) -> Result<Vec<Subscriber>, StorageError>;

    /// How many active subscribers follow `centre`.
    async fn count_news_recipients(&self, centre: CentreId) -> Result<u64, StorageError>;

    /// Stores a news issue (not sent), with its audit row.
    async fn insert_news_issue(
        &self,
        issue: &NewNewsIssue,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<NewsIssue, StorageError>;

    async fn news_issue(&self, id: NewsIssueId) -> Result<Option<NewsIssue>, StorageError>;

    /// Issues of `centres`, newest first.
    async fn news_issues(&self, centres: &[CentreId], limit: u32) -> Result<Vec<NewsIssue>, StorageError>;

    /// Sends the issue: queues `mail(subscriber)` for every active subscriber
    /// who follows its centre, in id-ordered batches of [`NEWS_BATCH`], one
    /// transaction each (so any audience fits: nothing is bound per
    /// subscriber), then marks it sent, with the number of recipients and an
    /// audit row. Each mail carries its dedupe key, so a send cut short is
    /// resumed by sending again without anyone getting the issue twice.
    /// [`StorageError::Conflict`] when it was sent already (nothing queued);
    /// the number of recipients.
    async fn send_news_issue(
        &self,
        id: NewsIssueId,
        mail: &(dyn for<'s> Fn(&'s Subscriber) -> OutgoingMail + Send + Sync),
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<u32, StorageError>;
}

/// Subscribers whose news mails are queued in one transaction.
pub const NEWS_BATCH: u32 = 500;
