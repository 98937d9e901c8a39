//! The e-mail outbox, run unchanged against SQLite and PostgreSQL: storing
//! and reading back, dedupe keys, claims with leases, retries and giving up,
//! concurrent workers never claiming the same message twice, outcomes stored
//! only under the lease of their claim, and rows that cannot be read back.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use sportello_domain::{Email, Lang, MailAttachment, OutgoingMail};
use sportello_storage::{MailCounts, MailStatus, Storage, StorageError};
use sportello_testkit::{Backend, TestDatabase};
use sportello_testkit::{on_both_backends, raw};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap()
}

fn mail(to: &str) -> OutgoingMail {
    let mut mail = OutgoingMail::new(
        Email::parse(to).unwrap(),
        Lang::Fr,
        "booking.confirmation",
        "Votre rendez-vous",
        "Bonjour, à jeudi.",
    );
    mail.to_name = Some("Amélie Durand".into());
    mail.html = Some("<p>Bonjour, à <strong>jeudi</strong>.</p>".into());
    mail.list_unsubscribe = Some("https://lavoro.example.it/unsubscribe/abc".into());
    mail.attachments.push(MailAttachment {
        filename: "rendez-vous.ics".into(),
        content_type: "text/calendar; method=REQUEST; charset=UTF-8".into(),
        content: "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".into(),
    });
    mail
}

async fn enqueue_and_dedupe(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let first = s.enqueue_mail(&mail("amelie@example.fr"), t0()).await.unwrap().unwrap();
    let mut news = mail("amelie@example.fr");
    news.kind = "newsletter".into();
    news.dedupe_key = Some("newsletter:2026-48:amelie@example.fr".into());
    let second = s.enqueue_mail(&news, t0()).await.unwrap().unwrap();
    assert!(second > first);
    news.subject = "Encore".into();
    assert_eq!(s.enqueue_mail(&news, t0()).await.unwrap(), None, "same key: ignored");

    let stored = s.recent_mail(10).await.unwrap();
    assert_eq!(
        stored.iter().map(|m| m.id).collect::<Vec<_>>(),
        [second, first],
        "newest first"
    );
    let one = &stored[1];
    assert_eq!(one.mail, mail("amelie@example.fr"), "every field read back");
    assert_eq!(
        (one.status, one.attempts, one.next_attempt_at),
        (MailStatus::Pending, 0, t0())
    );
    assert_eq!((one.claimed_until, one.sent_at, one.created_at), (None, None, t0()));
    assert_eq!(stored[0].mail.subject, "Votre rendez-vous", "the first of a key stays");
    assert_eq!(one.message_token.len(), 32);
    assert!(one.message_token.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_ne!(one.message_token, stored[0].message_token);
    assert_eq!(
        s.mail_counts().await.unwrap(),
        MailCounts {
            pending: 2,
            ..MailCounts::default()
        }
    );
}

async fn claims_leases_and_outcomes(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let lease = Duration::minutes(5);
    let mut ids = Vec::new();
    for n in 0..4 {
        ids.push(
            s.enqueue_mail(&mail(&format!("p{n}@example.fr")), t0())
                .await
                .unwrap()
                .unwrap(),
        );
    }
    let later = s
        .enqueue_mail(&mail("later@example.fr"), t0() + Duration::hours(1))
        .await
        .unwrap()
        .unwrap();

    assert!(
        s.claim_mail(10, lease, t0() - Duration::seconds(1))
            .await
            .unwrap()
            .is_empty(),
        "not due yet"
    );
    let batch = s.claim_mail(3, lease, t0()).await.unwrap();
    assert_eq!(
        batch.iter().map(|m| m.id).collect::<Vec<_>>(),
        ids[..3],
        "oldest first, at most the limit"
    );
    assert!(
        batch
            .iter()
            .all(|m| m.attempts == 1 && m.claimed_until == Some(t0() + lease))
    );
    let rest = s.claim_mail(10, lease, t0() + Duration::minutes(1)).await.unwrap();
    assert_eq!(
        rest.iter().map(|m| m.id).collect::<Vec<_>>(),
        [ids[3]],
        "claimed ones are held"
    );

    // Outcomes, each under the lease of its claim.
    let held = t0() + lease;
    let held_rest = t0() + Duration::minutes(1) + lease;
    s.mail_sent(ids[0], held, t0() + Duration::minutes(1)).await.unwrap();
    s.mail_recorded(ids[1], held, t0() + Duration::minutes(1))
        .await
        .unwrap();
    s.mail_failed(ids[2], held, "550 no such user", None, t0())
        .await
        .unwrap();
    let retry_at = t0() + Duration::minutes(2);
    s.mail_failed(ids[3], held_rest, "451 try later", Some(retry_at), t0())
        .await
        .unwrap();
    assert!(
        matches!(s.mail_sent(ids[0], held, t0()).await, Err(StorageError::Stale)),
        "a finished message cannot be finished again"
    );
    let by_id = |id: i64, all: &[sportello_storage::StoredMail]| all.iter().find(|m| m.id == id).cloned().unwrap();
    let all = s.recent_mail(10).await.unwrap();
    let sent = by_id(ids[0], &all);
    assert_eq!(
        (sent.status, sent.sent_at, sent.claimed_until),
        (MailStatus::Sent, Some(t0() + Duration::minutes(1)), None)
    );
    assert_eq!(by_id(ids[1], &all).status, MailStatus::Recorded);
    let failed = by_id(ids[2], &all);
    assert_eq!(
        (failed.status, failed.last_error.as_deref()),
        (MailStatus::Failed, Some("550 no such user"))
    );
    let retried = by_id(ids[3], &all);
    assert_eq!(
        (retried.status, retried.next_attempt_at, retried.claimed_until),
        (MailStatus::Pending, retry_at, None)
    );
    assert_eq!(retried.last_error.as_deref(), Some("451 try later"));

    // The retry comes back when due, counting a second attempt.
    assert!(
        s.claim_mail(10, lease, retry_at - Duration::seconds(1))
            .await
            .unwrap()
            .is_empty()
    );
    let again = s.claim_mail(10, lease, retry_at).await.unwrap();
    assert_eq!(
        again.iter().map(|m| (m.id, m.attempts)).collect::<Vec<_>>(),
        [(ids[3], 2)]
    );
    assert_eq!(
        again[0].message_token, retried.message_token,
        "the same token on every attempt"
    );
    s.mail_sent(ids[3], retry_at + lease, retry_at).await.unwrap();

    // A worker that dies keeps its lease until it ends, then another worker gets the message.
    let due = t0() + Duration::hours(1);
    let claimed = s.claim_mail(10, lease, due).await.unwrap();
    assert_eq!(claimed.iter().map(|m| m.id).collect::<Vec<_>>(), [later]);
    assert!(
        s.claim_mail(10, lease, due + lease).await.unwrap().is_empty(),
        "lease still held"
    );
    let reclaimed = s
        .claim_mail(10, lease, due + lease + Duration::seconds(1))
        .await
        .unwrap();
    assert_eq!(
        reclaimed.iter().map(|m| (m.id, m.attempts)).collect::<Vec<_>>(),
        [(later, 2)]
    );

    assert_eq!(
        s.mail_counts().await.unwrap(),
        MailCounts {
            pending: 1,
            sent: 2,
            recorded: 1,
            failed: 1
        }
    );
}

async fn concurrent_workers_never_share_a_message(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let storage: Arc<dyn Storage> = db.storage.clone();
    let mut expected = HashSet::new();
    for n in 0..200 {
        let id = storage
            .enqueue_mail(&mail(&format!("w{n}@example.fr")), t0())
            .await
            .unwrap()
            .unwrap();
        expected.insert(id);
    }
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let storage = storage.clone();
            tokio::spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let batch = storage.claim_mail(7, Duration::minutes(5), t0()).await.unwrap();
                    if batch.is_empty() {
                        return mine;
                    }
                    for m in batch {
                        storage.mail_sent(m.id, m.claimed_until.unwrap(), t0()).await.unwrap();
                        mine.push(m.id);
                    }
                }
            })
        })
        .collect();
    let mut seen = HashSet::new();
    let mut busy_workers = 0;
    for worker in workers {
        let mine = worker.await.unwrap();
        busy_workers += usize::from(!mine.is_empty());
        for id in mine {
            assert!(seen.insert(id), "message {id} was claimed twice");
        }
    }
    assert_eq!(seen, expected, "every message claimed exactly once");
    assert!(busy_workers >= 1);
    assert_eq!(storage.mail_counts().await.unwrap().sent, 200);
}

/// A worker whose lease ran out, and whose message another worker claimed,
/// can no longer store an outcome: not sent (the other worker sends it), and
/// a late failure neither fails the message nor clears the other's lease.
async fn a_lost_lease_stores_no_outcome(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let lease = Duration::minutes(5);
    let id = s.enqueue_mail(&mail("slow@example.fr"), t0()).await.unwrap().unwrap();
    let first = s.claim_mail(10, lease, t0()).await.unwrap();
    let stale = first[0].claimed_until.unwrap();
    assert_eq!(stale, t0() + lease);
    let later = t0() + lease + Duration::seconds(1);
    let second = s.claim_mail(10, lease, later).await.unwrap();
    assert_eq!(second.iter().map(|m| (m.id, m.attempts)).collect::<Vec<_>>(), [(id, 2)]);
    let held = second[0].claimed_until.unwrap();

    let after = later + Duration::seconds(1);
    assert!(matches!(s.mail_sent(id, stale, after).await, Err(StorageError::Stale)));
    assert!(matches!(
        s.mail_recorded(id, stale, after).await,
        Err(StorageError::Stale)
    ));
    assert!(matches!(
        s.mail_failed(id, stale, "451 try later", Some(after + Duration::minutes(1)), after)
            .await,
        Err(StorageError::Stale)
    ));
    assert!(matches!(
        s.mail_failed(id, stale, "550 no such user", None, after).await,
        Err(StorageError::Stale)
    ));
    let row = s.recent_mail(10).await.unwrap().remove(0);
    assert_eq!(
        (row.status, row.attempts, row.claimed_until, row.next_attempt_at),
        (MailStatus::Pending, 2, Some(held), t0()),
        "unchanged: still held by the second claim"
    );
    assert_eq!((row.last_error, row.sent_at), (None, None));
    assert!(
        s.claim_mail(10, lease, after).await.unwrap().is_empty(),
        "nobody else gets it while the second lease holds"
    );
    s.mail_sent(id, held, after).await.unwrap();
    assert_eq!(s.recent_mail(10).await.unwrap()[0].status, MailStatus::Sent);
}

/// A row that cannot be read back (an invalid address, attachments that are
/// not JSON) is given up by the claim that meets it, with the reason; the
/// other messages of its batch are claimed and sent as usual.
async fn a_bad_row_does_not_block_its_batch(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let before = s.enqueue_mail(&mail("before@example.fr"), t0()).await.unwrap().unwrap();
    for (address, attachments) in [("not an address", "[]"), ("bad.json@example.fr", "[{")] {
        raw::execute(
            &db.url,
            &format!(
                "INSERT INTO outbox (kind, to_address, lang, subject, text_body, attachments, next_attempt_at, \
                 created_at) SELECT kind, '{address}', lang, subject, text_body, '{attachments}', \
                 next_attempt_at, created_at FROM outbox WHERE id = {before}"
            ),
        )
        .await;
    }
    let after = s.enqueue_mail(&mail("after@example.fr"), t0()).await.unwrap().unwrap();

    let batch = s.claim_mail(10, Duration::minutes(5), t0()).await.unwrap();
    assert_eq!(
        batch.iter().map(|m| m.id).collect::<Vec<_>>(),
        [before, after],
        "the good ones are claimed"
    );
    for m in &batch {
        s.mail_sent(m.id, m.claimed_until.unwrap(), t0()).await.unwrap();
    }
    assert_eq!(
        s.mail_counts().await.unwrap(),
        MailCounts {
            sent: 2,
            failed: 2,
            ..MailCounts::default()
        }
    );
    assert!(
        s.claim_mail(10, Duration::minutes(5), t0() + Duration::days(1))
            .await
            .unwrap()
            .is_empty(),
        "the bad ones are never claimed again"
    );
    let errors = raw::texts(
        &db.url,
        "SELECT last_error FROM outbox WHERE status = 'failed' ORDER BY id",
        &[],
    )
    .await;
    assert_eq!(errors.len(), 2);
    assert!(errors[0].contains("to_address"), "{errors:?}");
    assert!(errors[1].contains("attachments"), "{errors:?}");
}

on_both_backends!(
    #[multi_thread]
    enqueue_and_dedupe,
    #[multi_thread]
    claims_leases_and_outcomes,
    #[multi_thread]
    concurrent_workers_never_share_a_message,
    #[multi_thread]
    a_lost_lease_stores_no_outcome,
    #[multi_thread]
    a_bad_row_does_not_block_its_batch,
);
