//! A booking's e-mails from end to end, on SQLite and on PostgreSQL: a video
//! interview booked through the web layer is confirmed by a message that
//! reaches a real SMTP server on loopback (`scripts/smtp-sink.py`) in the
//! person's language, with the signed link, the meeting address and an `.ics`
//! invitation in Europe/Rome time; cancelling it sends a second message whose
//! `.ics` cancels the same event.

use chrono::{Duration, Utc};
use mail_parser::{MessageParser, MimeHeaders};
use sportello_app::App;
use sportello_app::appointments::{self as booking, BookingInput, CentreCalendar};
use sportello_domain::PublicUrl;
use sportello_domain::time::{to_rome, today_in_rome};
use sportello_domain::{Actor, Lang, Modality, RawBooking, ServiceKind};
use sportello_jobs::{MailTransport, deliver_once, parse_mailbox};
use sportello_testkit::smtp::SmtpSink;
use sportello_testkit::{Backend, TestDatabase};

const PUBLIC_URL: &str = "https://lavoro.example.test";

/// The text of the `.ics` attachment of a received message, unfolded.
fn invitation(raw: &[u8]) -> (String, String) {
    let message = MessageParser::default().parse(raw).expect("a parsable message");
    let part = message
        .attachments()
        .find(|a| {
            a.content_type()
                .is_some_and(|c| c.c_type == "text" && c.subtype() == Some("calendar"))
        })
        .expect("an .ics attachment");
    let method = part
        .content_type()
        .and_then(|c| c.attribute("method"))
        .unwrap_or_default()
        .to_string();
    let text = String::from_utf8(part.contents().to_vec()).expect("UTF-8 calendar");
    (method, text.replace("\r\n ", ""))
}

async fn a_booking_is_confirmed_and_cancelled_by_mail(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    sportello_demo::load(db.storage.as_ref(), 20, 7, today_in_rome())
        .await
        .unwrap();
    let state = App::new(db.storage.clone(), PublicUrl::parse(PUBLIC_URL).unwrap(), None)
        .await
        .unwrap();
    let centre = db.storage.centre_by_slug("lecce").await.unwrap().unwrap();
    let service = db
        .storage
        .services(centre.id)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.data.kind == ServiceKind::BasicGuidance)
        .unwrap();
    let calendar = CentreCalendar::load(&state, centre).await.unwrap();
    let from = today_in_rome() + Duration::days(2);
    let days = booking::open_days(&state, &calendar, &service, from, Utc::now(), 1)
        .await
        .unwrap();
    let slot = days[0].1[0].slot;
    let form = RawBooking {
        name: "Marie Dubois".into(),
        email: "marie.dubois@example.org".into(),
        ..RawBooking::default()
    };
    let input = BookingInput {
        calendar: &calendar,
        service: &service,
        modality: Modality::Video,
        start: slot.start,
        form: &form,
        lang: Lang::Fr,
    };
    let booked = booking::book(&state, &input, None, &Actor::system(), Utc::now())
        .await
        .unwrap();
    let booked = booked.0.booking().clone();

    let sink = SmtpSink::start();
    let transport = MailTransport::parse(
        &sink.url(),
        parse_mailbox("Sportello <noreply@lavoro.example.test>").unwrap(),
    )
    .unwrap();
    let report = deliver_once(db.storage.as_ref(), &transport, Utc::now()).await.unwrap();
    assert_eq!(report.sent, 1, "{report:?}");
    let received = sink.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].rcpt_tos, ["marie.dubois@example.org"]);
    let message = MessageParser::default().parse(&received[0].raw).unwrap();
    assert!(
        message.subject().unwrap().starts_with("Rendez-vous réservé"),
        "{:?}",
        message.subject()
    );
    let text = message.body_text(0).unwrap();
    let video = booked.video_url.as_deref().unwrap();
    assert!(text.contains(booked.reference.as_str()) && text.contains(video));
    let link = format!("{PUBLIC_URL}/fr/appointments/booking/{}?t=", booked.reference);
    assert!(text.contains(&link), "{text}");
    let (method, ics) = invitation(&received[0].raw);
    assert_eq!(method, "REQUEST");
    let local = to_rome(slot.start).format("%Y%m%dT%H%M%S").to_string();
    assert!(ics.contains(&format!("DTSTART;TZID=Europe/Rome:{local}")), "{ics}");
    assert!(ics.contains("METHOD:REQUEST") && ics.contains("SEQUENCE:0") && ics.contains(video));
    assert!(
        ics.contains("ATTENDEE;CN=Marie Dubois;")
            && ics.contains("PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:marie.dubois@example.org"),
        "the person is an attendee who has accepted: {ics}"
    );

    let cancelled = booking::cancel(&state, &calendar, &service, &booked, &Actor::system(), Utc::now())
        .await
        .unwrap();
    assert_eq!(cancelled.sequence, 1);
    deliver_once(db.storage.as_ref(), &transport, Utc::now()).await.unwrap();
    let received = sink.received();
    assert_eq!(received.len(), 2);
    let (method, ics) = invitation(&received[1].raw);
    assert_eq!(method, "CANCEL");
    assert!(ics.contains("METHOD:CANCEL") && ics.contains("STATUS:CANCELLED") && ics.contains("SEQUENCE:1"));
    let uid = |ics: &str| ics.lines().find(|l| l.starts_with("UID:")).map(String::from);
    assert_eq!(uid(&ics), uid(&invitation(&sink.received()[0].raw).1), "the same event");
}

#[tokio::test]
async fn on_sqlite() {
    a_booking_is_confirmed_and_cancelled_by_mail(Backend::Sqlite).await;
}

#[tokio::test]
async fn on_postgres() {
    a_booking_is_confirmed_and_cancelled_by_mail(Backend::Postgres).await;
}
