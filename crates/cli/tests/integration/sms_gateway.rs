//! Text messages through a real gateway, on SQLite and PostgreSQL: a real
//! `serve` process sends through Kannel (`bearerbox`, `smsbox`) to its fake
//! SMS centre. A booking with only a phone number gets its confirmation in
//! the person's language, and the centre's success report is stored on the
//! message; STOP sent from the phone opts the number out and is confirmed;
//! a failure report, as Kannel posts it to the `dlr-url`, is stored; a text
//! queued while `bearerbox` is down is retried and delivered once it is back.
//! A registration for a group meeting with only a phone number gets its
//! text with the short link too.

use std::process::Stdio;
use std::time::{Duration, Instant};

use sportello_domain::{Lang, ServiceKind};
use sportello_testkit::kannel::{Kannel, PASSWORD, USER, parse_fakesmsc_log};
use sportello_testkit::{Backend, TestDatabase, on_both_backends, raw};

use crate::common::node::{Node, free_port};
use crate::common::{database_with_centres, db_arg};

on_both_backends!(
    #[multi_thread]
    texts_go_through_kannel_and_come_back
);

const SECRET: &str = "inbound-secret-for-the-tests";

/// A guidance service of Lecce and its first free starts.
async fn lecce_guidance(db: &TestDatabase) -> i64 {
    let centres = db.storage.centres().await.unwrap();
    sportello_demo::appointments::create(db.storage.as_ref(), &centres)
        .await
        .unwrap();
    let lecce = centres.iter().find(|c| c.data.slug == "lecce").unwrap();
    let services = db.storage.services(lecce.id).await.unwrap();
    services
        .iter()
        .find(|s| s.data.kind == ServiceKind::BasicGuidance)
        .unwrap()
        .id
        .0
}

fn free_starts(node: &Node, service: i64) -> Vec<String> {
    let (status, body) = node.get(&format!("/api/v1/services/{service}/slots?days=31"));
    assert_eq!(status, 200, "{body}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    json["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|day| day["slots"].as_array().unwrap().clone())
        .map(|slot| slot["start"].as_str().unwrap().to_string())
        .collect()
}

/// Books `start` for a person who gives only `phone`; the reference (from
/// the database when the answer is only "sent": a text with its link went).
async fn book_with_phone(db: &TestDatabase, node: &Node, service: i64, start: &str, phone: &str, lang: Lang) -> String {
    let body = serde_json::json!({
        "service": service, "modality": "in_office", "start": start, "lang": lang.code(),
        "name": "Amadou Diallo", "phone": phone,
    });
    let (status, answer) = node.send(
        "POST",
        "/api/v1/bookings",
        &[("Content-Type", "application/json")],
        body.to_string().as_bytes(),
    );
    let json: serde_json::Value = serde_json::from_str(&answer).unwrap();
    match status {
        201 => json["reference"].as_str().unwrap().to_string(),
        202 => {
            assert_eq!(json["sms"], "queued", "{answer}");
            let number = sportello_domain::Phone::parse(phone).unwrap();
            let sql = "SELECT reference FROM bookings WHERE phone = $1 ORDER BY id DESC";
            raw::texts(&db.url, sql, &[number.as_str()]).await.remove(0)
        }
        other => panic!("{other}: {answer}"),
    }
}

/// The message to `number` as the outbox keeps it: token, status, delivery
/// report and its details, attempts.
async fn message_to(db: &TestDatabase, number: &str) -> Option<[String; 5]> {
    let rows = raw::texts(
        &db.url,
        "SELECT message_token || '|' || status || '|' || COALESCE(delivery, '') || '|' || \
         COALESCE(delivery_detail, '') || '|' || CAST(attempts AS TEXT) \
         FROM sms_outbox WHERE to_number = $1 AND kind = 'booking.confirmation' ORDER BY id",
        &[number],
    )
    .await;
    let row = rows.into_iter().next()?;
    let fields: Vec<String> = row.split('|').map(str::to_string).collect();
    fields.try_into().ok()
}

async fn wait_until<T>(what: &str, kannel: &Kannel, mut found: impl AsyncFnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = found().await {
            return value;
        }
        assert!(start.elapsed() < Duration::from_secs(40), "{what}\n{}", kannel.logs());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn texts_go_through_kannel_and_come_back(backend: Backend) {
    let db = database_with_centres(backend).await;
    let service = lecce_guidance(&db).await;
    let port = free_port();
    let mut kannel = Kannel::start(&format!("http://127.0.0.1:{port}/sms/inbound?secret={SECRET}"));
    let dir = std::env::temp_dir().join(format!("sportello-sms-{backend:?}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let flags: Vec<String> = [
        "--sms-url",
        &kannel.sendsms_url(),
        "--sms-user",
        USER,
        "--sms-password",
        PASSWORD,
        "--sms-from",
        "CPILecce",
        "--sms-callback-url",
        &format!("http://127.0.0.1:{port}"),
        "--sms-inbound-secret",
        SECRET,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let node = Node::start_at(port, &db_arg(&db), &dir.join("index"), &flags, Stdio::inherit(), "warn");
    let starts = free_starts(&node, service);
    assert!(starts.len() >= 3, "free places to book");

    // 1. Only a phone number, in French: the confirmation reaches the phone
    // in French, and the centre's success report comes back.
    let first = "+393331234567";
    let reference = book_with_phone(&db, &node, service, &starts[0], "333 123 4567", Lang::Fr).await;
    let text = kannel.wait_for(Duration::from_secs(40), |sms| sms.text.contains(&reference));
    assert_eq!((text.from.as_str(), text.to.as_str()), ("CPILecce", first));
    assert!(
        text.text.contains("rendez-vous") && text.text.contains("STOP"),
        "{text:?}"
    );
    assert!(text.text.contains("/b/"), "a short link: {text:?}");
    assert_eq!(text.parts, 2, "GSM-7 in two parts: {text:?}");
    let delivered = wait_until("the success report is stored", &kannel, async || {
        message_to(&db, first).await.filter(|m| m[2] == "delivered")
    })
    .await;
    assert_eq!(delivered[1], "sent");

    // A registration for a group meeting with only a phone number, in
    // German: its text with the short link to the registration reaches the
    // phone too.
    let centres = db.storage.centres().await.unwrap();
    sportello_demo::events::create(db.storage.as_ref(), &centres, sportello_domain::time::today_in_rome())
        .await
        .unwrap();
    let (status, events) = node.get("/api/v1/events?centre=rimini");
    assert_eq!(status, 200, "{events}");
    let events: serde_json::Value = serde_json::from_str(&events).unwrap();
    let series = &events["events"][0];
    let body = serde_json::json!({ "lang": "de", "name": "Lena Weber", "phone": "+39 347 111 2233" });
    let (status, answer) = node.send(
        "POST",
        &format!("/api/v1/events/{}/registrations", series["id"]),
        &[("Content-Type", "application/json")],
        body.to_string().as_bytes(),
    );
    assert_eq!(status, 202, "{answer}");
    let text = kannel.wait_for(Duration::from_secs(40), |sms| sms.to == "+393471112233");
    assert!(
        text.text.contains("Platz bestätigt") && text.text.contains("/r/E-"),
        "{text:?}"
    );

    // 2. STOP from the phone: the number is opted out, and only the
    // confirmation of it is sent (in the language of the last text).
    kannel.send_from_phone(first, "12345", "STOP");
    let confirmed = kannel.wait_for(Duration::from_secs(40), |sms| {
        sms.to == first && sms.text.contains("START")
    });
    assert!(confirmed.text.contains("ne recevrez plus"), "{confirmed:?}");
    assert_eq!(
        raw::number(&db.url, "SELECT CAST(COUNT(*) AS TEXT) FROM sms_opt_outs", &[]).await,
        1
    );
    let before = kannel.received().len();
    let again = book_with_phone(&db, &node, service, &starts[1], first, Lang::Fr).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(
        kannel.received()[before..].iter().all(|sms| !sms.text.contains(&again)),
        "no text to a number that said STOP"
    );

    // 3. A failure report, as Kannel posts it to the dlr-url (type 16: the
    // SMS centre rejected it; %A: its answer), is stored on the message.
    let token = delivered[0].clone();
    let (status, _) = node.get(&format!(
        "/sms/dlr?token={token}&type=16&detail=NACK%2F0x0000000b%2FInvalid%20Destination%20Address"
    ));
    assert_eq!(status, 200);
    let rejected = message_to(&db, first).await.unwrap();
    assert_eq!(rejected[2], "rejected");
    assert_eq!(rejected[3], "NACK/0x0000000b/Invalid Destination Address");
    let (status, _) = node.get("/sms/dlr?token=unknown&type=16&detail=NACK");
    assert_eq!(status, 404, "an unknown token is refused");
    let second = "+393339876543";
    kannel.stop_gateway();
    // 4. With the gateway down, the text waits and is tried again.
    let late = book_with_phone(&db, &node, service, &starts[2], second, Lang::De).await;
    wait_until("a failed attempt", &kannel, async || {
        message_to(&db, second)
            .await
            .filter(|m| m[1] == "pending" && m[4] != "0")
    })
    .await;
    kannel.restart();
    // The next attempt would be a minute later: made due now.
    raw::execute(
        &db.url,
        &format!("UPDATE sms_outbox SET next_attempt_at = created_at WHERE to_number = '{second}'"),
    )
    .await;
    let arrived = kannel.wait_for(Duration::from_secs(40), |sms| sms.text.contains(&late));
    assert_eq!(arrived.to, second);
    assert!(arrived.text.contains("Termin"), "in German: {arrived:?}");
    wait_until("the retried text is delivered", &kannel, async || {
        message_to(&db, second)
            .await
            .filter(|m| m[1] == "sent" && m[2] == "delivered")
    })
    .await;
}

#[test]
fn the_fake_centres_log_is_read_in_both_codings() {
    let log = "2026-12-07 11:59:02 [1] [0] DEBUG: Connecting to <127.0.0.1>\n\
               2026-12-07 11:59:04 [1] [0] DEBUG: Got message 1: <Sportello +393331234567 text Ciao è>\n\
               2026-12-07 11:59:21 [1] [0] DEBUG: Got message 2: <Sportello +393331234567 ucs-2 %04%1F%04%40%048>\n\
               2026-12-07 11:59:22 [1] [0] DEBUG: Got message 3: <Sportello +39333 udh %05%00%03%07%02%02 data world%21>\n\
               2026-12-07 11:59:22 [1] [0] DEBUG: Got message 4: <Sportello +39333 udh %05%00%03%07%02%01 data Hello+>\n";
    let got = parse_fakesmsc_log(log);
    assert_eq!(got.len(), 3);
    assert_eq!((got[0].coding.as_str(), got[0].text.as_str()), ("text", "Ciao è"));
    assert_eq!((got[1].coding.as_str(), got[1].text.as_str()), ("ucs-2", "При"));
    assert_eq!(
        (got[2].text.as_str(), got[2].parts),
        ("Hello world!", 2),
        "parts joined in order"
    );
}
