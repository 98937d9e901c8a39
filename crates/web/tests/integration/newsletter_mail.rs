//! The newsletter's e-mails from end to end, on SQLite and on PostgreSQL:
//! a subscription sent through the real router is confirmed by a message
//! that reaches a real SMTP server on loopback (`scripts/smtp-sink.py`);
//! its link, followed through the router, stores the subscription; the next
//! digest arrives with `List-Unsubscribe` and `List-Unsubscribe-Post`
//! (RFC 8058), links to the offers and to unsubscribe; the one-click POST
//! to that address unsubscribes, and a tampered one is refused.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{Duration, Utc};
use mail_parser::MessageParser;
use sportello_app::newsletter::digest::queue_digests;
use sportello_domain::PublicUrl;
use sportello_domain::time::{from_rome_local, today_in_rome};
use sportello_domain::{Actor, Email, OfferStatus};
use sportello_jobs::{MailTransport, deliver_once, parse_mailbox};
use sportello_testkit::smtp::SmtpSink;
use sportello_testkit::{Backend, TestDatabase};
use sportello_web::AppState;
use tower::ServiceExt;

const PUBLIC_URL: &str = "https://lavoro.example.test";

/// Sends one request through the router; status, `Set-Cookie` and body.
async fn call(router: &Router, method: &str, path: &str, cookie: &str, body: &str) -> (StatusCode, String, String) {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body.to_string()))
        .unwrap();
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let set_cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 24).await.unwrap();
    (status, set_cookie, String::from_utf8(bytes.to_vec()).unwrap())
}

/// The first address in `text` that starts with `prefix`.
fn link(text: &str, prefix: &str) -> String {
    let start = text.find(prefix).unwrap_or_else(|| panic!("no {prefix} in {text}"));
    text[start..]
        .split(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
        .next()
        .unwrap()
        .to_string()
}

fn header(raw: &[u8], name: &str) -> Option<String> {
    let message = MessageParser::default().parse(raw).unwrap();
    message.header_raw(name).map(|v| v.trim().to_string())
}

async fn subscribe_confirm_digest_unsubscribe(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    sportello_demo::load(db.storage.as_ref(), 20, 7, today_in_rome())
        .await
        .unwrap();
    let state = AppState::open(db.storage.clone(), PublicUrl::parse(PUBLIC_URL).unwrap(), None)
        .await
        .unwrap();
    let router = sportello_web::router(state.clone());
    let sink = SmtpSink::start();
    let transport = MailTransport::parse(
        &sink.url(),
        parse_mailbox("Sportello <noreply@lavoro.example.test>").unwrap(),
    )
    .unwrap();

    // The form, through the router, with its cookie and CSRF token.
    let (status, set_cookie, page) = call(&router, "GET", "/fr/newsletter", "", "").await;
    assert_eq!(status, StatusCode::OK);
    let cookie = set_cookie.split(';').next().unwrap().to_string();
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the form's CSRF token")
        .to_string();
    let body = serde_urlencoded::to_string([
        ("csrf", csrf.as_str()),
        ("email", "marie.dubois@example.org"),
        ("lang", "fr"),
        ("frequency", "daily"),
        ("centres", "lecce"),
        ("sections", "ordinary"),
    ])
    .unwrap();
    let (status, _, _) = call(&router, "POST", "/fr/newsletter", &cookie, &body).await;
    assert_eq!(status, StatusCode::OK);

    // The confirmation arrives; its link, followed, stores the subscription.
    let report = deliver_once(db.storage.as_ref(), &transport, Utc::now()).await.unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    let received = sink.received();
    assert_eq!(received[0].rcpt_tos, ["marie.dubois@example.org"]);
    let message = MessageParser::default().parse(&received[0].raw).unwrap();
    assert!(
        message.subject().unwrap().starts_with("Confirmez"),
        "{:?}",
        message.subject()
    );
    assert_eq!(header(&received[0].raw, "Content-Language").as_deref(), Some("fr"));
    assert_eq!(
        header(&received[0].raw, "List-Unsubscribe"),
        None,
        "nobody to unsubscribe yet"
    );
    let text = message.body_text(0).unwrap().to_string();
    let confirm = link(&text, &format!("{PUBLIC_URL}/fr/newsletter/confirm/"));
    assert!(message.body_html(0).unwrap().contains(&confirm));
    let path = confirm.strip_prefix(PUBLIC_URL).unwrap();
    let email = Email::parse("marie.dubois@example.org").unwrap();
    assert!(db.storage.subscriber_by_email(&email).await.unwrap().is_none());
    let (status, _, _) = call(&router, "POST", path, "", "").await;
    assert_eq!(status, StatusCode::OK);
    let subscriber = db.storage.subscriber_by_email(&email).await.unwrap().unwrap();
    assert!(subscriber.active());

    // A new offer of Lecce, then the next morning's digest.
    let lecce = db.storage.centre_by_slug("lecce").await.unwrap().unwrap();
    let reference = db
        .storage
        .search_offers(
            &sportello_domain::RawOfferQuery::default().parse().unwrap(),
            today_in_rome(),
        )
        .await
        .unwrap()
        .items
        .first()
        .map(|o| o.data.clone())
        .expect("an offer to copy");
    let mut fresh = reference;
    fresh.centre = lecce.id;
    fresh.section = sportello_domain::Section::Ordinary;
    fresh.valid_through = today_in_rome() + Duration::days(30);
    let fresh_offer = fresh.clone();
    let draft = db
        .storage
        .insert_offer(&fresh, &Actor::system(), Utc::now())
        .await
        .unwrap();
    let published = db
        .storage
        .publish_offer(&draft.reference, today_in_rome(), &Actor::system(), Utc::now())
        .await
        .unwrap();
    assert_eq!(published.status, OfferStatus::Published);
    let tomorrow = from_rome_local((today_in_rome() + Duration::days(1)).and_hms_opt(8, 0, 0).unwrap());
    assert_eq!(queue_digests(&state, tomorrow).await.unwrap(), 1);
    // The digest is due from the morning it was queued.
    let report = deliver_once(db.storage.as_ref(), &transport, tomorrow).await.unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    let received = sink.received();
    assert_eq!(received.len(), 2);
    let raw = &received[1].raw;
    let unsubscribe = header(raw, "List-Unsubscribe").expect("List-Unsubscribe");
    assert!(
        unsubscribe.starts_with(&format!("<{PUBLIC_URL}/fr/newsletter/unsubscribe/{}.", subscriber.id.0))
            && unsubscribe.ends_with('>'),
        "{unsubscribe}"
    );
    assert_eq!(
        header(raw, "List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let message = MessageParser::default().parse(raw).unwrap();
    let text = message.body_text(0).unwrap().to_string();
    let html = message.body_html(0).unwrap().to_string();
    let offer_link = format!("{PUBLIC_URL}/fr/offers/{}", published.reference);
    assert!(text.contains(&offer_link) && html.contains(&offer_link), "{text}");
    let url = unsubscribe.trim_start_matches('<').trim_end_matches('>').to_string();
    assert!(
        text.contains(&url) && html.contains(&url),
        "an unsubscribe link in both bodies"
    );

    // A tampered one-click POST is refused; the real one unsubscribes.
    let path = url.strip_prefix(PUBLIC_URL).unwrap().to_string();
    let tampered = format!("{}0", path);
    let (status, _, _) = call(&router, "POST", &tampered, "", "List-Unsubscribe=One-Click").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(db.storage.subscriber(subscriber.id).await.unwrap().unwrap().active());
    let (status, _, _) = call(&router, "POST", &path, "", "List-Unsubscribe=One-Click").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!db.storage.subscriber(subscriber.id).await.unwrap().unwrap().active());
    // A new offer she would get, had she stayed: still no digest.
    let next_day = today_in_rome() + Duration::days(1);
    let draft = db
        .storage
        .insert_offer(&fresh_offer, &Actor::system(), Utc::now())
        .await
        .unwrap();
    db.storage
        .publish_offer(&draft.reference, next_day, &Actor::system(), Utc::now())
        .await
        .unwrap();
    let gone = db.storage.subscriber(subscriber.id).await.unwrap().unwrap();
    let day_after = tomorrow + Duration::days(1);
    let day_after_date = next_day + Duration::days(1);
    let would_list = db
        .storage
        .digest_offers(&gone.subscription, gone.digest_from, day_after_date, day_after_date, 30)
        .await
        .unwrap();
    assert!(
        would_list.iter().any(|o| o.reference == draft.reference),
        "the new offer matches her choices and period"
    );
    assert_eq!(queue_digests(&state, day_after).await.unwrap(), 0, "no more digests");
}

#[tokio::test]
async fn on_sqlite() {
    subscribe_confirm_digest_unsubscribe(Backend::Sqlite).await;
}

#[tokio::test]
async fn on_postgres() {
    subscribe_confirm_digest_unsubscribe(Backend::Postgres).await;
}
