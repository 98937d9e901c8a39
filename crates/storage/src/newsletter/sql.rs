//! [`Newsletter`] for both backends, written once (compiled per backend, like
//! every feature's SQL: see `crate::sqlite`).

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::{
    Actor, CentreId, Email, Frequency, Lang, NewAuditEntry, NewNewsIssue, NewsIssue, NewsIssueId, NewsText, Offer,
    OutgoingMail, Section, Subscriber, SubscriberId, Subscription,
};
use sqlx::{QueryBuilder, Row};

use super::Tx;
use super::audit::write_audit;
use super::offer_search::push_id_list;
use super::outbox::enqueue_mail;
use super::rows::{DbRow, invalid};
use super::{Db, Store};
use crate::newsletter::NEWS_BATCH;
use crate::{Newsletter, StorageError};

const SUBSCRIBER_SELECT: &str =
    "SELECT id, email, lang, frequency, created_at, confirmed_at, unsubscribed_at, digest_from FROM subscribers";

fn subscriber_from_row(row: &DbRow) -> Result<Subscriber, StorageError> {
    let email: String = row.try_get("email")?;
    let lang: String = row.try_get("lang")?;
    let frequency: String = row.try_get("frequency")?;
    Ok(Subscriber {
        id: SubscriberId(row.try_get("id")?),
        subscription: Subscription {
            email: Email::parse(&email).map_err(|_| invalid("email", &email))?,
            lang: Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?,
            frequency: Frequency::parse(&frequency).ok_or_else(|| invalid("frequency", &frequency))?,
            centres: Vec::new(),
            sections: Vec::new(),
        },
        created_at: row.try_get("created_at")?,
        confirmed_at: row.try_get("confirmed_at")?,
        unsubscribed_at: row.try_get("unsubscribed_at")?,
        digest_from: row.try_get("digest_from")?,
    })
}

/// Writes the subscriber's centres and sections (after removing any).
async fn write_choices(tx: &mut Tx, id: i64, subscription: &Subscription) -> Result<(), StorageError> {
    for table in ["subscriber_centres", "subscriber_sections"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM {table} WHERE subscriber_id = $1"
        )))
        .bind(id)
        .execute(&mut **tx)
        .await?;
    }
    for centre in &subscription.centres {
        sqlx::query("INSERT INTO subscriber_centres (subscriber_id, centre_id) VALUES ($1, $2)")
            .bind(id)
            .bind(centre.0)
            .execute(&mut **tx)
            .await?;
    }
    if subscription.sections.is_empty() {
        return Err(StorageError::Invalid(
            "a subscription needs at least one section".into(),
        ));
    }
    for section in &subscription.sections {
        sqlx::query("INSERT INTO subscriber_sections (subscriber_id, section) VALUES ($1, $2)")
            .bind(id)
            .bind(section.code())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

const ISSUE_SELECT: &str = "SELECT id, centre_id, author, created_at, sent_at, recipients FROM news_issues";

impl Store {
    /// Subscribers of `q` (which starts with [`SUBSCRIBER_SELECT`]) with
    /// their centres and sections, in the rows' order; a row that cannot be
    /// read is logged and left out.
    async fn subscribers_of(&self, mut q: QueryBuilder<Db>) -> Result<Vec<Subscriber>, StorageError> {
        let rows = q.build().fetch_all(self.pool()).await?;
        let mut subscribers = Vec::with_capacity(rows.len());
        for row in &rows {
            match subscriber_from_row(row) {
                Ok(subscriber) => subscribers.push(subscriber),
                // One row the code cannot read (e.g. an address an older
                // version accepted) must not stop the mail of all the others.
                // The value itself is personal data: only the id is logged.
                Err(_) => {
                    let id: i64 = row.try_get("id")?;
                    tracing::error!(id, "subscriber row cannot be read back; left out");
                }
            }
        }
        if subscribers.is_empty() {
            return Ok(subscribers);
        }
        // The choices of the id range the rows span: two parameters whatever
        // the number of subscribers (rows of others in the range are skipped).
        let ids: Vec<i64> = subscribers.iter().map(|s| s.id.0).collect();
        let (low, high) = ids
            .iter()
            .fold((i64::MAX, i64::MIN), |(lo, hi), id| (lo.min(*id), hi.max(*id)));
        let (centre_rows, section_rows) = tokio::try_join!(
            sqlx::query(
                "SELECT subscriber_id, centre_id FROM subscriber_centres \
                 WHERE subscriber_id >= $1 AND subscriber_id <= $2 ORDER BY centre_id"
            )
            .bind(low)
            .bind(high)
            .fetch_all(self.pool()),
            sqlx::query(
                "SELECT subscriber_id, section FROM subscriber_sections \
                 WHERE subscriber_id >= $1 AND subscriber_id <= $2"
            )
            .bind(low)
            .bind(high)
            .fetch_all(self.pool())
        )?;
        let index: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        for row in centre_rows {
            let id: i64 = row.try_get("subscriber_id")?;
            if let Some(&i) = index.get(&id) {
                subscribers[i]
                    .subscription
                    .centres
                    .push(CentreId(row.try_get("centre_id")?));
            }
        }
        for row in section_rows {
            let id: i64 = row.try_get("subscriber_id")?;
            let code: String = row.try_get("section")?;
            let section = Section::parse(&code).ok_or_else(|| invalid("section", &code))?;
            if let Some(&i) = index.get(&id) {
                subscribers[i].subscription.sections.push(section);
            }
        }
        for s in &mut subscribers {
            s.subscription
                .sections
                .sort_by_key(|s| Section::ALL.iter().position(|x| x == s));
        }
        Ok(subscribers)
    }

    async fn one_subscriber(&self, column: &str, value: Key) -> Result<Option<Subscriber>, StorageError> {
        let mut q = QueryBuilder::<Db>::new(SUBSCRIBER_SELECT);
        q.push(" WHERE ").push(column).push(" = ");
        match value {
            Key::Id(id) => q.push_bind(id),
            Key::Text(text) => q.push_bind(text),
        };
        Ok(self.subscribers_of(q).await?.pop())
    }

    async fn issues_of(&self, mut q: QueryBuilder<Db>) -> Result<Vec<NewsIssue>, StorageError> {
        let rows = q.build().fetch_all(self.pool()).await?;
        let mut issues = Vec::with_capacity(rows.len());
        for row in &rows {
            let recipients: i32 = row.try_get("recipients")?;
            issues.push(NewsIssue {
                id: NewsIssueId(row.try_get("id")?),
                data: NewNewsIssue {
                    centre: CentreId(row.try_get("centre_id")?),
                    texts: Vec::new(),
                },
                author: row.try_get("author")?,
                created_at: row.try_get("created_at")?,
                sent_at: row.try_get("sent_at")?,
                recipients: u32::try_from(recipients).unwrap_or(u32::MAX),
            });
        }
        if issues.is_empty() {
            return Ok(issues);
        }
        let ids: Vec<i64> = issues.iter().map(|i| i.id.0).collect();
        let mut texts = QueryBuilder::<Db>::new("SELECT issue_id, lang, subject, body FROM news_texts");
        push_id_list(&mut texts, "issue_id", &ids);
        let index: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        for row in texts.build().fetch_all(self.pool()).await? {
            let id: i64 = row.try_get("issue_id")?;
            let lang: String = row.try_get("lang")?;
            if let Some(&i) = index.get(&id) {
                issues[i].data.texts.push(NewsText {
                    lang: Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?,
                    subject: row.try_get("subject")?,
                    body: row.try_get("body")?,
                });
            }
        }
        for issue in &mut issues {
            issue.data.texts.sort_by_key(|t| t.lang);
        }
        Ok(issues)
    }
}

enum Key {
    Id(i64),
    Text(String),
}

#[async_trait]
impl Newsletter for Store {
    #[tracing::instrument(skip_all)]
    async fn confirm_subscription(
        &self,
        subscription: &Subscription,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Subscriber, StorageError> {
        let mut tx = self.begin_write().await?;
        // One row per address: confirming again changes the preferences; a
        // returning subscriber starts afresh from today.
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO subscribers (email, lang, frequency, created_at, confirmed_at, digest_from) \
             VALUES ($1, $2, $3, $4, $4, $5) \
             ON CONFLICT (email) DO UPDATE SET lang = excluded.lang, frequency = excluded.frequency, \
             confirmed_at = excluded.confirmed_at, \
             digest_from = CASE WHEN subscribers.unsubscribed_at IS NULL THEN subscribers.digest_from \
             ELSE excluded.digest_from END, \
             unsubscribed_at = NULL \
             RETURNING id",
        )
        .bind(subscription.email.as_str())
        .bind(subscription.lang.code())
        .bind(subscription.frequency.code())
        .bind(now)
        .bind(today)
        .fetch_one(&mut *tx)
        .await?;
        write_choices(&mut tx, id, subscription).await?;
        tx.commit().await?;
        self.subscriber(SubscriberId(id)).await?.ok_or(StorageError::NotFound)
    }

    async fn subscriber(&self, id: SubscriberId) -> Result<Option<Subscriber>, StorageError> {
        self.one_subscriber("id", Key::Id(id.0)).await
    }

    async fn subscriber_by_email(&self, email: &Email) -> Result<Option<Subscriber>, StorageError> {
        self.one_subscriber("email", Key::Text(email.as_str().to_string()))
            .await
    }

    #[tracing::instrument(skip_all, fields(id = id.0))]
    async fn unsubscribe(&self, id: SubscriberId, now: DateTime<Utc>) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let changed =
            sqlx::query("UPDATE subscribers SET unsubscribed_at = $1 WHERE id = $2 AND unsubscribed_at IS NULL")
                .bind(now)
                .bind(id.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        tx.commit().await?;
        Ok(changed == 1)
    }

    async fn subscribers_due(
        &self,
        frequency: Frequency,
        until: NaiveDate,
        after: Option<SubscriberId>,
        limit: u32,
    ) -> Result<Vec<Subscriber>, StorageError> {
        let mut q = QueryBuilder::<Db>::new(SUBSCRIBER_SELECT);
        q.push(" WHERE unsubscribed_at IS NULL AND frequency = ")
            .push_bind(frequency.code())
            .push(" AND digest_from < ")
            .push_bind(until)
            .push(" AND id > ")
            .push_bind(after.map_or(0, |a| a.0))
            .push(" ORDER BY id LIMIT ")
            .push_bind(i64::from(limit.max(1)));
        self.subscribers_of(q).await
    }

    async fn digest_offers(
        &self,
        subscription: &Subscription,
        from: NaiveDate,
        until: NaiveDate,
        today: NaiveDate,
        limit: u32,
    ) -> Result<Vec<Offer>, StorageError> {
        if subscription.sections.is_empty() {
            return Ok(Vec::new());
        }
        let mut q = QueryBuilder::<Db>::new("SELECT id, version FROM offers WHERE ");
        push_digest_filter(&mut q, subscription, from, until, today);
        q.push(" ORDER BY published_on DESC, id DESC LIMIT ")
            .push_bind(i64::from(limit.max(1)));
        let keys: Vec<(i64, i64)> = q.build_query_as().fetch_all(self.pool()).await?;
        self.cached_offers(&keys).await
    }

    async fn count_digest_offers(
        &self,
        subscription: &Subscription,
        from: NaiveDate,
        until: NaiveDate,
        today: NaiveDate,
    ) -> Result<u64, StorageError> {
        if subscription.sections.is_empty() {
            return Ok(0);
        }
        let mut q = QueryBuilder::<Db>::new("SELECT COUNT(*) FROM offers WHERE ");
        push_digest_filter(&mut q, subscription, from, until, today);
        let count: i64 = q.build_query_scalar().fetch_one(self.pool()).await?;
        Ok(u64::try_from(count).unwrap_or_default())
    }

    #[tracing::instrument(skip_all, fields(id = id.0))]
    async fn record_digest(
        &self,
        id: SubscriberId,
        from: NaiveDate,
        until: NaiveDate,
        mail: Option<&OutgoingMail>,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        let moved = sqlx::query(
            "UPDATE subscribers SET digest_from = $1 WHERE id = $2 AND digest_from = $3 AND unsubscribed_at IS NULL",
        )
        .bind(until)
        .bind(id.0)
        .bind(from)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if moved != 1 {
            return Ok(false);
        }
        if let Some(mail) = mail
            && enqueue_mail(&mut tx, mail, now).await?.is_none()
        {
            // The same period's digest is queued already: leave everything.
            return Ok(false);
        }
        tx.commit().await?;
        Ok(true)
    }

    async fn news_recipients(
        &self,
        centre: CentreId,
        after: Option<SubscriberId>,
        limit: u32,
    ) -> Result<Vec<Subscriber>, StorageError> {
        let mut q = QueryBuilder::<Db>::new(SUBSCRIBER_SELECT);
        q.push(" WHERE ").push(FOLLOWS_CENTRE).push_bind(centre.0);
        q.push(")) AND id > ")
            .push_bind(after.map_or(0, |a| a.0))
            .push(" ORDER BY id LIMIT ")
            .push_bind(i64::from(limit.max(1)));
        self.subscribers_of(q).await
    }

    async fn count_news_recipients(&self, centre: CentreId) -> Result<u64, StorageError> {
        let mut q = QueryBuilder::<Db>::new("SELECT COUNT(*) FROM subscribers WHERE ");
        q.push(FOLLOWS_CENTRE).push_bind(centre.0).push("))");
        let count: i64 = q.build_query_scalar().fetch_one(self.pool()).await?;
        Ok(u64::try_from(count).unwrap_or_default())
    }

    #[tracing::instrument(skip_all)]
    async fn insert_news_issue(
        &self,
        issue: &NewNewsIssue,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<NewsIssue, StorageError> {
        if !issue.texts.iter().any(|t| t.lang == Lang::It) {
            return Err(StorageError::Invalid("a news issue needs its Italian text".into()));
        }
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO news_issues (centre_id, author, created_at) VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(issue.centre.0)
        .bind(&actor.label)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        for text in &issue.texts {
            sqlx::query("INSERT INTO news_texts (issue_id, lang, subject, body) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(text.lang.code())
                .bind(&text.subject)
                .bind(&text.body)
                .execute(&mut *tx)
                .await?;
        }
        let subject = issue.text(Lang::It).subject.clone();
        let entry = NewAuditEntry::new("news.create", "news", &id.to_string())
            .centre(issue.centre)
            .details(serde_json::json!({ "subject": subject }).to_string());
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        self.news_issue(NewsIssueId(id)).await?.ok_or(StorageError::NotFound)
    }

    async fn news_issue(&self, id: NewsIssueId) -> Result<Option<NewsIssue>, StorageError> {
        let mut q = QueryBuilder::<Db>::new(ISSUE_SELECT);
        q.push(" WHERE id = ").push_bind(id.0);
        Ok(self.issues_of(q).await?.pop())
    }

    async fn news_issues(&self, centres: &[CentreId], limit: u32) -> Result<Vec<NewsIssue>, StorageError> {
        if centres.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = centres.iter().map(|c| c.0).collect();
        let mut q = QueryBuilder::<Db>::new(ISSUE_SELECT);
        push_id_list(&mut q, "centre_id", &ids);
        q.push(" ORDER BY id DESC LIMIT ").push_bind(i64::from(limit.max(1)));
        self.issues_of(q).await
    }

    #[tracing::instrument(skip_all, fields(id = id.0))]
    async fn send_news_issue(
        &self,
        id: NewsIssueId,
        mail: &(dyn for<'s> Fn(&'s Subscriber) -> OutgoingMail + Send + Sync),
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<u32, StorageError> {
        let issue = self.news_issue(id).await?.ok_or(StorageError::NotFound)?;
        if issue.sent_at.is_some() {
            return Err(sent_already());
        }
        let mut recipients: u32 = 0;
        let mut after = None;
        loop {
            let batch = self.news_recipients(issue.data.centre, after, NEWS_BATCH).await?;
            let Some(last) = batch.last() else {
                break;
            };
            after = Some(last.id);
            let mut tx = self.begin_write().await?;
            refuse_if_sent(&mut tx, id).await?;
            for subscriber in &batch {
                enqueue_mail(&mut tx, &mail(subscriber), now).await?;
            }
            tx.commit().await?;
            recipients = recipients.saturating_add(u32::try_from(batch.len()).unwrap_or(u32::MAX));
        }
        let mut tx = self.begin_write().await?;
        let marked =
            sqlx::query("UPDATE news_issues SET sent_at = $1, recipients = $2 WHERE id = $3 AND sent_at IS NULL")
                .bind(now)
                .bind(i32::try_from(recipients).unwrap_or(i32::MAX))
                .bind(id.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if marked != 1 {
            return Err(sent_already());
        }
        let details = serde_json::json!({ "recipients": recipients }).to_string();
        let entry = NewAuditEntry::new("news.send", "news", &id.0.to_string())
            .centre(issue.data.centre)
            .details(details);
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(recipients)
    }
}

/// The digest's condition: offers still open on `today`, published from
/// `from` to the day before `until`, of the subscription's centres (all when
/// none) and sections (at least one).
fn push_digest_filter(
    q: &mut QueryBuilder<Db>,
    subscription: &Subscription,
    from: NaiveDate,
    until: NaiveDate,
    today: NaiveDate,
) {
    q.push("status = 'published' AND valid_through >= ")
        .push_bind(today)
        .push(" AND published_on >= ")
        .push_bind(from)
        .push(" AND published_on < ")
        .push_bind(until)
        .push(" AND section IN (");
    let mut list = q.separated(", ");
    for section in &subscription.sections {
        list.push_bind(section.code());
    }
    q.push(")");
    if !subscription.centres.is_empty() {
        q.push(" AND centre_id IN (");
        let mut list = q.separated(", ");
        for centre in &subscription.centres {
            list.push_bind(centre.0);
        }
        q.push(")");
    }
}

/// The condition "active and following the centre bound next", to be
/// closed with `"))"`: no centre chosen means every centre.
const FOLLOWS_CENTRE: &str = "unsubscribed_at IS NULL AND (NOT EXISTS (SELECT 1 FROM subscriber_centres c \
     WHERE c.subscriber_id = subscribers.id) OR EXISTS (SELECT 1 FROM subscriber_centres c \
     WHERE c.subscriber_id = subscribers.id AND c.centre_id = ";

fn sent_already() -> StorageError {
    StorageError::Conflict("this news issue was sent already".into())
}

/// [`StorageError::Conflict`] when the issue is marked sent: a batch of a
/// second send that raced the first queues nothing.
async fn refuse_if_sent(tx: &mut Tx, id: NewsIssueId) -> Result<(), StorageError> {
    let sent: Option<DateTime<Utc>> = sqlx::query_scalar("SELECT sent_at FROM news_issues WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StorageError::NotFound)?;
    if sent.is_some() {
        return Err(sent_already());
    }
    Ok(())
}
