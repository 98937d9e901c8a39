//! The outbox end to end, on SQLite and on PostgreSQL: messages stored in the
//! database are delivered by `deliver_once` to a real SMTP server on loopback
//! (`scripts/smtp-sink.py`), and what arrived is parsed and compared with
//! what was stored. Also: retries after a 451 with the same Message-ID, a 550
//! given up with the server's words, a server that is down, one that never
//! answers (cut off within the lease), the demo's record transport, dedupe
//! keys, and bulk mail that yields to other mail under a sending rate.

use chrono::{DateTime, Duration, SubsecRound, Utc};
use mail_parser::{MessageParser, MimeHeaders};
use sportello_domain::{Email, Lang, MailAttachment, OutgoingMail};
use sportello_jobs::{DeliveryReport, MailTransport, Pace, deliver_batch, deliver_once, deliver_paced, parse_mailbox};
use sportello_storage::{MailStatus, Storage, StoredMail};
use sportello_testkit::on_both_backends;
use sportello_testkit::smtp::SmtpSink;
use sportello_testkit::{Backend, TestDatabase};

const FROM: &str = "Sportello Lecce <noreply@lavoro.example.it>";
const ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Sportello//IT\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n\
    UID:42@lavoro.example.it\r\nDTSTAMP:20261126T080000Z\r\nDTSTART;TZID=Europe/Rome:20261203T093000\r\n\
    SUMMARY:Colloquio di orientamento\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/// The time now, to the microsecond as both databases keep it.
fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// A body as sent, with the line ends SMTP gives it.
fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\n', "\r\n")
}

fn smtp(sink: &SmtpSink) -> MailTransport {
    MailTransport::parse(&sink.url(), parse_mailbox(FROM).unwrap()).unwrap()
}

fn mail(to: &str, lang: Lang, subject: &str, text: &str) -> OutgoingMail {
    OutgoingMail::new(Email::parse(to).unwrap(), lang, "booking.confirmation", subject, text)
}

fn invitation() -> MailAttachment {
    MailAttachment {
        filename: "appuntamento.ics".into(),
        content_type: "text/calendar; method=REQUEST; charset=UTF-8".into(),
        content: ICS.into(),
    }
}

async fn stored(s: &dyn Storage, id: i64) -> StoredMail {
    let all = s.recent_mail(100).await.unwrap();
    all.into_iter()
        .find(|m| m.id == id)
        .unwrap_or_else(|| panic!("message {id} not stored"))
}

fn message_id_of(raw: &[u8]) -> String {
    let parsed = MessageParser::default().parse(raw).expect("a parsable message");
    parsed.message_id().expect("a Message-ID").to_string()
}

async fn messages_arrive_intact(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let sink = SmtpSink::start();
    let now = now();

    let mut anna = mail(
        "anna.rossi@example.it",
        Lang::It,
        "Conferma: colloquio di giovedì 3 dicembre",
        "Gentile Anna,\nla aspettiamo giovedì alle 9:30.\n",
    );
    anna.to_name = Some("Anna Rossi".into());
    anna.html = Some("<p>Gentile Anna,<br>la aspettiamo <strong>giovedì</strong> alle 9:30.</p>".into());
    anna.attachments.push(invitation());
    let mut jonas = mail(
        "jonas@example.de",
        Lang::De,
        "Bestätigung: Gespräch am Donnerstag – 9:30 Uhr",
        "Guten Tag Herr Müller,\nwir erwarten Sie am Donnerstag.\n",
    );
    jonas.to_name = Some("Jonas Müller".into());
    jonas.html = Some("<p>Guten Tag Herr Müller, wir erwarten Sie am <em>Donnerstag</em>.</p>".into());
    jonas.attachments.push(MailAttachment {
        filename: "termin.ics".into(),
        ..invitation()
    });
    jonas.list_unsubscribe = Some("https://lavoro.example.it/de/unsubscribe/abc123".into());
    let paola = mail("paola@example.it", Lang::It, "Promemoria", "Solo testo, senza HTML.\n");
    let mut ids = Vec::new();
    for m in [&anna, &jonas, &paola] {
        ids.push(s.enqueue_mail(m, now).await.unwrap().unwrap());
    }

    let report = deliver_once(s, &smtp(&sink), now).await.unwrap();
    assert_eq!(
        report,
        DeliveryReport {
            claimed: 3,
            sent: 3,
            ..DeliveryReport::default()
        }
    );
    let received = sink.received();
    assert_eq!(received.len(), 3, "three messages arrived");
    for (id, sent) in ids.iter().zip([&anna, &jonas, &paola]) {
        let row = stored(s, *id).await;
        assert_eq!((row.status, row.attempts), (MailStatus::Sent, 1));
        let sent_at = row.sent_at.unwrap();
        assert!(now <= sent_at && sent_at <= Utc::now(), "sent when it was sent");
        let got = received
            .iter()
            .find(|r| r.rcpt_tos == [sent.to.to_string()])
            .unwrap_or_else(|| panic!("nothing arrived for {}", sent.to));
        assert_eq!(got.mail_from, "noreply@lavoro.example.it", "envelope sender");
        let m = MessageParser::default().parse(&got.raw).expect("a parsable message");
        assert_eq!(m.subject(), Some(sent.subject.as_str()));
        let from = m.from().and_then(|a| a.first()).unwrap();
        assert_eq!(
            (from.name(), from.address()),
            (Some("Sportello Lecce"), Some("noreply@lavoro.example.it"))
        );
        let to = m.to().and_then(|a| a.first()).unwrap();
        assert_eq!(
            (to.name(), to.address()),
            (sent.to_name.as_deref(), Some(sent.to.as_str()))
        );
        assert_eq!(
            m.message_id(),
            Some(format!("{}@lavoro.example.it", row.message_token).as_str())
        );
        assert_eq!(m.header_raw("Content-Language").map(str::trim), Some(sent.lang.code()));
        assert_eq!(m.header_raw("Auto-Submitted").map(str::trim), Some("auto-generated"));
        assert!(m.date().is_some(), "a Date header");
        assert_eq!(
            m.body_text(0).as_deref().map(str::trim_end),
            Some(crlf(&sent.text).trim_end())
        );
        match &sent.html {
            Some(html) => assert_eq!(m.body_html(0).as_deref().map(str::trim_end), Some(crlf(html).as_str())),
            None => assert!(m.html_part(0).is_none_or(|p| p.is_text()), "no HTML part"),
        }
        let attachments: Vec<_> = m.attachments().collect();
        assert_eq!(attachments.len(), sent.attachments.len());
        for (part, expected) in attachments.iter().zip(&sent.attachments) {
            assert_eq!(part.attachment_name(), Some(expected.filename.as_str()));
            let ct = part.content_type().expect("a content type");
            assert_eq!((ct.ctype(), ct.subtype()), ("text", Some("calendar")));
            assert_eq!(
                ct.attribute("method"),
                Some("REQUEST"),
                "the invitation keeps method=REQUEST"
            );
            assert_eq!(
                part.contents(),
                expected.content.as_bytes(),
                "the .ics arrives byte for byte"
            );
        }
        let unsubscribe = m.header_raw("List-Unsubscribe").map(str::trim);
        match &sent.list_unsubscribe {
            Some(url) => {
                assert_eq!(unsubscribe, Some(format!("<{url}>").as_str()));
                assert_eq!(
                    m.header_raw("List-Unsubscribe-Post").map(str::trim),
                    Some("List-Unsubscribe=One-Click")
                );
            }
            None => assert_eq!(unsubscribe, None),
        }
    }
    let counts = s.mail_counts().await.unwrap();
    assert_eq!((counts.sent, counts.pending), (3, 0));
    assert_eq!(
        deliver_once(s, &smtp(&sink), now).await.unwrap().claimed,
        0,
        "nothing sent twice"
    );
}

async fn a_temporary_refusal_is_retried_with_the_same_message_id(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let sink = SmtpSink::start();
    let t0: DateTime<Utc> = now();
    let id = s
        .enqueue_mail(&mail("flaky.luca@example.it", Lang::It, "Promemoria", "Domani."), t0)
        .await
        .unwrap()
        .unwrap();

    let first = deliver_once(s, &smtp(&sink), t0).await.unwrap();
    assert_eq!((first.claimed, first.retrying, first.sent), (1, 1, 0));
    let row = stored(s, id).await;
    assert_eq!((row.status, row.attempts), (MailStatus::Pending, 1));
    assert!(
        t0 + Duration::minutes(1) <= row.next_attempt_at && row.next_attempt_at <= Utc::now() + Duration::minutes(1),
        "first retry a minute after the attempt: {:?}",
        row.next_attempt_at
    );
    assert!(
        row.last_error.as_deref().unwrap_or_default().contains("451"),
        "{:?}",
        row.last_error
    );
    assert!(sink.received().is_empty());
    let refused = sink.refused();
    assert_eq!(refused.len(), 1, "the server saw the first attempt");
    let expected_id = format!("{}@lavoro.example.it", row.message_token);
    assert_eq!(message_id_of(&refused[0]), expected_id);

    let early = deliver_once(s, &smtp(&sink), t0 + Duration::seconds(30)).await.unwrap();
    assert_eq!(early.claimed, 0, "not before its time");
    let second = deliver_once(s, &smtp(&sink), t0 + Duration::minutes(2)).await.unwrap();
    assert_eq!((second.claimed, second.sent), (1, 1));
    let received = sink.received();
    assert_eq!(received.len(), 1, "arrives once");
    assert_eq!(
        message_id_of(&received[0].raw),
        expected_id,
        "the same Message-ID as the first attempt"
    );
    let row = stored(s, id).await;
    assert_eq!((row.status, row.attempts), (MailStatus::Sent, 2));
}

async fn a_permanent_refusal_is_given_up(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let sink = SmtpSink::start();
    let now = now();
    let id = s
        .enqueue_mail(&mail("reject.me@example.it", Lang::It, "Conferma", "Testo"), now)
        .await
        .unwrap()
        .unwrap();
    let report = deliver_once(s, &smtp(&sink), now).await.unwrap();
    assert_eq!((report.failed, report.retrying), (1, 0));
    let row = stored(s, id).await;
    assert_eq!((row.status, row.attempts, row.sent_at), (MailStatus::Failed, 1, None));
    let error = row.last_error.unwrap_or_default();
    assert!(
        error.contains("550") && error.contains("no such mailbox here"),
        "{error}"
    );
    assert!(sink.received().is_empty());
    let later = deliver_once(s, &smtp(&sink), now + Duration::days(1)).await.unwrap();
    assert_eq!(later.claimed, 0, "never tried again");
}

async fn a_server_that_is_down_means_a_retry(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    // A port nobody listens on: bound, then released.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let transport = MailTransport::parse(&format!("smtp://127.0.0.1:{port}"), parse_mailbox(FROM).unwrap()).unwrap();
    let now = now();
    let id = s
        .enqueue_mail(&mail("anna@example.it", Lang::En, "Reminder", "Tomorrow."), now)
        .await
        .unwrap()
        .unwrap();
    let report = deliver_once(s, &transport, now).await.unwrap();
    assert_eq!((report.claimed, report.retrying), (1, 1));
    let row = stored(s, id).await;
    assert_eq!(
        (row.status, row.attempts, row.claimed_until),
        (MailStatus::Pending, 1, None)
    );
    assert!(row.next_attempt_at > now);
    assert!(row.last_error.is_some());
}

async fn the_record_transport_sends_nothing(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let sink = SmtpSink::start();
    let now = now();
    let id = s
        .enqueue_mail(&mail("anna@example.it", Lang::Fr, "Rappel", "Demain."), now)
        .await
        .unwrap()
        .unwrap();
    let report = deliver_once(s, &MailTransport::Record, now).await.unwrap();
    assert_eq!((report.claimed, report.recorded, report.sent), (1, 1, 0));
    let row = stored(s, id).await;
    assert_eq!(row.status, MailStatus::Recorded);
    assert!(row.sent_at.is_some_and(|at| now <= at && at <= Utc::now()));
    assert_eq!(row.mail.subject, "Rappel", "kept for the demo's page");
    assert_eq!(deliver_once(s, &smtp(&sink), now).await.unwrap().claimed, 0);
    assert!(sink.received().is_empty(), "nothing reached the server");
}

async fn a_dedupe_key_sends_once(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let sink = SmtpSink::start();
    let now = now();
    let mut issue = mail(
        "anna@example.it",
        Lang::It,
        "Newsletter n. 48",
        "Le offerte della settimana.",
    );
    issue.kind = "newsletter".into();
    issue.dedupe_key = Some("newsletter:48:anna@example.it".into());
    assert!(s.enqueue_mail(&issue, now).await.unwrap().is_some());
    assert_eq!(deliver_once(s, &smtp(&sink), now).await.unwrap().sent, 1);
    assert_eq!(
        s.enqueue_mail(&issue, now).await.unwrap(),
        None,
        "the same key after sending"
    );
    assert_eq!(deliver_once(s, &smtp(&sink), now).await.unwrap().claimed, 0);
    assert_eq!(sink.received().len(), 1);
}

/// A server that accepts connections and never answers (lettre would wait
/// 30 s for each SMTP step): each send is cut off after half its share of the
/// lease, so the batch ends within its lease, and each retry is counted from
/// the end of its own attempt, not from the claim.
async fn a_server_that_never_answers_cannot_outlast_the_lease(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let silent = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((connection, _)) = listener.accept().await {
            held.push(connection);
        }
    });
    let transport = MailTransport::parse(&format!("smtp://127.0.0.1:{port}"), parse_mailbox(FROM).unwrap()).unwrap();
    let now = now();
    let mut ids = Vec::new();
    for to in ["a@example.it", "b@example.it", "c@example.it"] {
        ids.push(
            s.enqueue_mail(&mail(to, Lang::It, "Promemoria", "Domani."), now)
                .await
                .unwrap()
                .unwrap(),
        );
    }
    // A share of 200 ms a message: each send may take 100 ms.
    let lease = Duration::seconds(2);
    let report = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        deliver_batch(s, &transport, now, lease),
    )
    .await
    .expect("no send outlasts its share of the lease")
    .unwrap();
    assert_eq!(
        report,
        DeliveryReport {
            claimed: 3,
            retrying: 3,
            ..DeliveryReport::default()
        }
    );
    for (n, id) in (1..).zip(&ids) {
        let row = stored(s, *id).await;
        assert_eq!((row.status, row.claimed_until), (MailStatus::Pending, None));
        assert!(
            row.last_error
                .as_deref()
                .unwrap_or_default()
                .contains("no answer within"),
            "{:?}",
            row.last_error
        );
        assert!(
            row.next_attempt_at >= now + Duration::milliseconds(100 * n) + Duration::minutes(1),
            "message {n}: retry counted from the end of its attempt"
        );
    }
    silent.abort();
}

/// Under a sending rate, with newsletter digests queued and one just sent
/// (the next slot a minute away), a booking confirmation enqueued after them
/// is claimed first and sent at once; the digests keep waiting their turn.
async fn bulk_mail_yields_to_other_mail(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let now = now();
    let mut digests = Vec::new();
    for n in 0..3 {
        let mut digest = mail(&format!("iscritto{n}@example.it"), Lang::It, "Nuove offerte", "…");
        digest.kind = "newsletter.digest".into();
        digests.push(s.enqueue_mail(&digest, now).await.unwrap().unwrap());
    }
    let booking = s
        .enqueue_mail(&mail("anna@example.it", Lang::It, "Prenotazione", "Confermata."), now)
        .await
        .unwrap()
        .unwrap();
    let mut pace = Pace::per_minute(std::num::NonZeroU32::new(1).unwrap());
    pace.reserve(tokio::time::Instant::now());
    let report = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        deliver_paced(s, &MailTransport::Record, now, Duration::minutes(15), &mut pace),
    )
    .await
    .expect("the booking confirmation does not wait for the newsletter's pace")
    .unwrap();
    assert_eq!((report.claimed, report.recorded), (1, 1), "{report:?}");
    assert_eq!(stored(s, booking).await.status, MailStatus::Recorded);
    for id in digests {
        let row = stored(s, id).await;
        assert_eq!((row.status, row.attempts), (MailStatus::Pending, 0), "digest {id}");
    }
    // Without a rate, the digests go next, oldest first.
    let report = deliver_once(s, &MailTransport::Record, now).await.unwrap();
    assert_eq!((report.claimed, report.recorded), (3, 3), "{report:?}");
}

on_both_backends!(
    messages_arrive_intact,
    a_temporary_refusal_is_retried_with_the_same_message_id,
    a_permanent_refusal_is_given_up,
    a_server_that_is_down_means_a_retry,
    the_record_transport_sends_nothing,
    a_dedupe_key_sends_once,
    a_server_that_never_answers_cannot_outlast_the_lease,
    bulk_mail_yields_to_other_mail,
);
