//! The newsletter's storage, run unchanged against SQLite and PostgreSQL:
//! one row per address whatever the confirmations, unsubscribing and coming
//! back, the schema's constraints, the digest's offers (only the chosen
//! centres and sections, still open, in the period), its watermark moved
//! once with its mail, and a news issue sent once, to an audience of any
//! size.

use chrono::{DateTime, Duration, TimeZone, Utc};
use sportello_domain::{
    Actor, CentreId, Email, Frequency, Lang, NewNewsIssue, NewsIssueId, NewsText, OfferStatus, OutgoingMail, Section,
    Subscriber, Subscription, TextStatus,
};
use sportello_storage::{NEWS_BATCH, Storage, StorageError};
use sportello_testkit::builders::{centre, offer, text, today};
use sportello_testkit::on_both_backends;
use sportello_testkit::{Backend, TestDatabase};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap()
}

fn subscription(email: &str, centres: Vec<CentreId>, sections: Vec<Section>) -> Subscription {
    Subscription {
        email: Email::parse(email).unwrap(),
        lang: Lang::En,
        frequency: Frequency::Daily,
        centres,
        sections,
    }
}

async fn one_row_per_address(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let lecce = s.insert_centre(&centre("lecce", "LE")).await.unwrap();
    let first = s
        .confirm_subscription(
            &subscription("anna@example.org", vec![lecce.id], vec![Section::Eures]),
            today(),
            t0(),
        )
        .await
        .unwrap();
    assert_eq!(first.subscription.centres, [lecce.id]);
    assert_eq!(first.digest_from, today());
    assert!(first.active());

    // Confirming again changes the preferences of the same row.
    let mut changed = subscription("Anna@Example.org", vec![], vec![Section::Ordinary, Section::Eures]);
    changed.frequency = Frequency::Weekly;
    changed.lang = Lang::De;
    let later = t0() + Duration::days(3);
    let second = s
        .confirm_subscription(&changed, today() + Duration::days(3), later)
        .await
        .unwrap();
    assert_eq!(second.id, first.id, "never a second row");
    assert_eq!(second.subscription, changed);
    assert_eq!(second.digest_from, today(), "an active subscriber keeps the watermark");
    assert_eq!(second.created_at, t0());
    assert_eq!(second.confirmed_at, later);

    assert!(s.unsubscribe(first.id, later).await.unwrap());
    assert!(!s.unsubscribe(first.id, later).await.unwrap(), "once");
    let gone = s.subscriber(first.id).await.unwrap().unwrap();
    assert_eq!(gone.unsubscribed_at, Some(later));
    assert!(s.news_recipients(lecce.id, None, 100).await.unwrap().is_empty());

    // Coming back reuses the row, and starts from the day of return.
    let back = s
        .confirm_subscription(&changed, today() + Duration::days(5), later + Duration::days(2))
        .await
        .unwrap();
    assert_eq!((back.id, back.unsubscribed_at), (first.id, None));
    assert_eq!(back.digest_from, today() + Duration::days(5));
    let found = s
        .subscriber_by_email(&Email::parse("anna@example.org").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found, back);
    assert_eq!(s.news_recipients(lecce.id, None, 100).await.unwrap(), [back]);

    // The schema refuses what the code must never write.
    let none = s
        .confirm_subscription(&subscription("bruno@example.org", vec![], vec![]), today(), t0())
        .await;
    assert!(matches!(none, Err(StorageError::Invalid(_))), "{none:?}");
    assert!(
        s.subscriber_by_email(&Email::parse("bruno@example.org").unwrap())
            .await
            .unwrap()
            .is_none(),
        "nothing half-written"
    );
    let unknown = s
        .confirm_subscription(
            &subscription("bruno@example.org", vec![CentreId(9999)], vec![Section::Ordinary]),
            today(),
            t0(),
        )
        .await;
    assert!(matches!(unknown, Err(StorageError::Conflict(_))), "{unknown:?}");
    assert!(
        s.subscriber_by_email(&Email::parse("bruno@example.org").unwrap())
            .await
            .unwrap()
            .is_none()
    );
}

async fn publish(s: &dyn Storage, centre: CentreId, section: Section, title: &str, on: chrono::NaiveDate) -> String {
    let mut new = offer(centre, "5131", vec![text(Lang::It, TextStatus::Original, title)]);
    new.section = section;
    let stored = s.insert_offer(&new, &Actor::system(), t0()).await.unwrap();
    s.publish_offer(&stored.reference, on, &Actor::system(), t0())
        .await
        .unwrap();
    stored.reference.to_string()
}

async fn digests(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let lecce = s.insert_centre(&centre("lecce", "LE")).await.unwrap();
    let nardo = s.insert_centre(&centre("nardo", "NA")).await.unwrap();
    let day = today();
    let sub = s
        .confirm_subscription(
            &subscription("anna@example.org", vec![lecce.id], vec![Section::Ordinary]),
            day - Duration::days(2),
            t0(),
        )
        .await
        .unwrap();
    let wanted = publish(s, lecce.id, Section::Ordinary, "Cameriere", day - Duration::days(1)).await;
    let older = publish(s, lecce.id, Section::Ordinary, "Cuoco", day - Duration::days(2)).await;
    publish(
        s,
        lecce.id,
        Section::Ordinary,
        "Troppo vecchio",
        day - Duration::days(3),
    )
    .await;
    publish(s, lecce.id, Section::Ordinary, "Di oggi", day).await;
    publish(s, lecce.id, Section::Eures, "Altra sezione", day - Duration::days(1)).await;
    publish(s, nardo.id, Section::Ordinary, "Altro centro", day - Duration::days(1)).await;
    let closed = publish(s, lecce.id, Section::Ordinary, "Chiusa", day - Duration::days(1)).await;
    s.close_offer(
        &sportello_domain::RefCode::parse(&closed).unwrap(),
        OfferStatus::Filled,
        &Actor::system(),
        t0(),
    )
    .await
    .unwrap();

    let due = s.subscribers_due(Frequency::Daily, day, None, 10).await.unwrap();
    assert_eq!(due.iter().map(|d| d.id).collect::<Vec<_>>(), [sub.id]);
    assert!(
        s.subscribers_due(Frequency::Weekly, day, None, 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        s.subscribers_due(Frequency::Daily, day, Some(sub.id), 10)
            .await
            .unwrap()
            .is_empty()
    );
    let offers = s
        .digest_offers(&sub.subscription, sub.digest_from, day, day, 50)
        .await
        .unwrap();
    let references: Vec<String> = offers.iter().map(|o| o.reference.to_string()).collect();
    assert_eq!(
        references,
        [wanted, older],
        "newest first, only what matches and is open"
    );

    let mut mail = OutgoingMail::new(
        sub.subscription.email.clone(),
        Lang::En,
        "newsletter.digest",
        "New offers",
        "…",
    );
    mail.dedupe_key = Some(format!("digest:{}:{day}", sub.id.0));
    assert!(
        s.record_digest(sub.id, sub.digest_from, day, Some(&mail), t0())
            .await
            .unwrap()
    );
    assert!(
        !s.record_digest(sub.id, sub.digest_from, day, Some(&mail), t0())
            .await
            .unwrap(),
        "a second run finds the watermark moved"
    );
    assert_eq!(s.subscriber(sub.id).await.unwrap().unwrap().digest_from, day);
    assert!(
        s.subscribers_due(Frequency::Daily, day, None, 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(s.mail_counts().await.unwrap().pending, 1);

    // The same key again (say, a watermark put back by hand): nothing moves.
    let next = day + Duration::days(1);
    assert!(!s.record_digest(sub.id, day, next, Some(&mail), t0()).await.unwrap());
    assert_eq!(s.subscriber(sub.id).await.unwrap().unwrap().digest_from, day);
    // Nothing new: the watermark moves without a mail.
    assert!(s.record_digest(sub.id, day, next, None, t0()).await.unwrap());
    assert_eq!(s.mail_counts().await.unwrap().pending, 1);
}

async fn news_issues_are_sent_once(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let lecce = s.insert_centre(&centre("lecce", "LE")).await.unwrap();
    let nardo = s.insert_centre(&centre("nardo", "NA")).await.unwrap();
    let all = s
        .confirm_subscription(
            &subscription("all@example.org", vec![], vec![Section::Ordinary]),
            today(),
            t0(),
        )
        .await
        .unwrap();
    let only_lecce = s
        .confirm_subscription(
            &subscription("lecce@example.org", vec![lecce.id], vec![Section::Eures]),
            today(),
            t0(),
        )
        .await
        .unwrap();
    s.confirm_subscription(
        &subscription("nardo@example.org", vec![nardo.id], vec![Section::Ordinary]),
        today(),
        t0(),
    )
    .await
    .unwrap();
    let recipients = s.news_recipients(lecce.id, None, 100).await.unwrap();
    assert_eq!(
        recipients.iter().map(|r| r.id).collect::<Vec<_>>(),
        [all.id, only_lecce.id]
    );

    let issue = NewNewsIssue {
        centre: lecce.id,
        texts: vec![
            NewsText {
                lang: Lang::It,
                subject: "Giornata del lavoro".into(),
                body: "Vi aspettiamo **lunedì**.".into(),
            },
            NewsText {
                lang: Lang::En,
                subject: "Job day".into(),
                body: "See you on **Monday**.".into(),
            },
        ],
    };
    let actor = Actor::system();
    let stored = s.insert_news_issue(&issue, &actor, t0()).await.unwrap();
    assert_eq!(stored.data, issue);
    assert_eq!((stored.sent_at, stored.recipients), (None, 0));
    let mail = news_mail(stored.id);
    assert_eq!(s.send_news_issue(stored.id, &mail, &actor, t0()).await.unwrap(), 2);
    let again = s.send_news_issue(stored.id, &mail, &actor, t0()).await;
    assert!(matches!(again, Err(StorageError::Conflict(_))), "{again:?}");
    assert_eq!(s.mail_counts().await.unwrap().pending, 2, "nothing queued twice");
    let listed = s.news_issues(&[lecce.id], 10).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].recipients, listed[0].sent_at), (2, Some(t0())));
    assert!(s.news_issues(&[nardo.id], 10).await.unwrap().is_empty());

    let no_italian = NewNewsIssue {
        centre: lecce.id,
        texts: vec![issue.texts[1].clone()],
    };
    assert!(matches!(
        s.insert_news_issue(&no_italian, &actor, t0()).await,
        Err(StorageError::Invalid(_))
    ));
}

/// The news mail of issue `id` to a subscriber, with its dedupe key.
fn news_mail(id: NewsIssueId) -> impl Fn(&Subscriber) -> OutgoingMail + Send + Sync {
    move |r: &Subscriber| {
        let mut m = OutgoingMail::new(
            r.subscription.email.clone(),
            Lang::En,
            "newsletter.news",
            "Job day",
            "…",
        );
        m.dedupe_key = Some(format!("news:{}:{}", id.0, r.id.0));
        m
    }
}

/// An audience larger than two batches (nothing bound per subscriber): the
/// preview's count, the recipients paged by id with their own choices, and a
/// send cut short after its first batch resumed without a second mail to
/// anyone; unsubscribed people and those of another centre get nothing.
async fn a_news_issue_reaches_an_audience_of_any_size(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let lecce = s.insert_centre(&centre("lecce", "LE")).await.unwrap();
    let nardo = s.insert_centre(&centre("nardo", "NA")).await.unwrap();
    let total = 2 * NEWS_BATCH as usize + 400;
    let mut expected = Vec::new();
    for n in 0..total {
        // Every seventh follows Nardò only; every eleventh has left.
        let centres = match n % 3 {
            _ if n % 7 == 0 => vec![nardo.id],
            0 => vec![],
            1 => vec![lecce.id],
            _ => vec![nardo.id, lecce.id],
        };
        let sub = s
            .confirm_subscription(
                &subscription(&format!("persona{n}@example.org"), centres, vec![Section::Ordinary]),
                today(),
                t0(),
            )
            .await
            .unwrap();
        if n % 11 == 0 {
            s.unsubscribe(sub.id, t0()).await.unwrap();
        } else if n % 7 != 0 {
            expected.push(sub);
        }
    }
    assert!(expected.len() > 2 * NEWS_BATCH as usize, "{}", expected.len());
    let count = s.count_news_recipients(lecce.id).await.unwrap();
    assert_eq!(count, expected.len() as u64);

    let first = s.news_recipients(lecce.id, None, NEWS_BATCH).await.unwrap();
    assert_eq!(
        first[..],
        expected[..NEWS_BATCH as usize],
        "with their own centres and sections"
    );
    let rest = s
        .news_recipients(lecce.id, first.last().map(|r| r.id), 5_000)
        .await
        .unwrap();
    assert_eq!(rest[..], expected[NEWS_BATCH as usize..]);

    let issue = NewNewsIssue {
        centre: lecce.id,
        texts: vec![NewsText {
            lang: Lang::It,
            subject: "Giornata del lavoro".into(),
            body: "Vi aspettiamo.".into(),
        }],
    };
    let actor = Actor::system();
    let stored = s.insert_news_issue(&issue, &actor, t0()).await.unwrap();
    let mail = news_mail(stored.id);
    // A send that queued its first batch, then stopped.
    for r in &first {
        s.enqueue_mail(&mail(r), t0()).await.unwrap().unwrap();
    }
    let sent = s.send_news_issue(stored.id, &mail, &actor, t0()).await.unwrap();
    assert_eq!(sent as usize, expected.len());
    let queued = s.recent_mail(10_000).await.unwrap();
    let mut to: Vec<&str> = queued.iter().map(|m| m.mail.to.as_str()).collect();
    to.sort_unstable();
    let mut wanted: Vec<&str> = expected.iter().map(|r| r.subscription.email.as_str()).collect();
    wanted.sort_unstable();
    assert_eq!(to, wanted, "everyone once, nobody else");
    let again = s.send_news_issue(stored.id, &mail, &actor, t0()).await;
    assert!(matches!(again, Err(StorageError::Conflict(_))), "{again:?}");
    assert_eq!(s.mail_counts().await.unwrap().pending, expected.len() as u64);
    let listed = s.news_issues(&[lecce.id], 10).await.unwrap();
    assert_eq!(
        (listed[0].recipients as usize, listed[0].sent_at),
        (expected.len(), Some(t0()))
    );
}

on_both_backends!(
    #[multi_thread]
    one_row_per_address,
    #[multi_thread]
    digests,
    #[multi_thread]
    news_issues_are_sent_once,
    #[multi_thread]
    a_news_issue_reaches_an_audience_of_any_size,
);
