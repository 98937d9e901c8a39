//! Helpers of the appointments tests: a bookable service, Rome times as
//! the API writes them, booking bodies, what the database holds, and the
//! booking a person reaches through the link in its mail.

use chrono::{Datelike, Days, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use serde_json::{Value, json};
use sportello_domain::PublicUrl;
use sportello_domain::appointments::holidays::national_holiday;
use sportello_domain::time::{from_rome_local, to_rome, today_in_rome};
use sportello_domain::{Actor, Service, ServiceKind};
use sportello_web::AppState;

use super::{PUBLIC_URL, TestApp, TestResponse};

/// The basic guidance interview of `slug` (30 minutes, capacity 2, in the
/// office, by phone or video), bookable up to 180 days ahead.
pub async fn guidance(app: &TestApp, slug: &str) -> Service {
    let centre = app.storage().centre_by_slug(slug).await.unwrap().unwrap();
    let services = app.storage().services(centre.id).await.unwrap();
    let service = services
        .into_iter()
        .find(|s| s.data.kind == ServiceKind::BasicGuidance)
        .unwrap();
    let mut data = service.data.clone();
    data.max_days_ahead = 180;
    app.storage()
        .update_service(service.id, service.version, &data, &Actor::system(), Utc::now())
        .await
        .unwrap()
}

/// Rome wall-clock `time` on `date`, as the API writes it.
pub fn at(date: NaiveDate, time: &str) -> String {
    let time = NaiveTime::parse_from_str(time, "%H:%M").unwrap();
    to_rome(from_rome_local(date.and_time(time))).to_rfc3339()
}

/// The first weekday `weekday` at least `after` days from today.
pub fn next(weekday: Weekday, after: u64) -> NaiveDate {
    let mut date = today_in_rome() + Days::new(after);
    while date.weekday() != weekday || national_holiday(date).is_some() {
        date = date + Days::new(1);
    }
    date
}

/// A working day (Monday to Friday, no holiday) at least three days ahead.
pub fn working_day() -> NaiveDate {
    let mut date = today_in_rome() + Days::new(3);
    while !working(date) {
        date = date + Days::new(1);
    }
    date
}

/// The first working day after `date`.
pub fn working_day_after(date: NaiveDate) -> NaiveDate {
    let mut next = date + Days::new(1);
    while !working(next) {
        next = next + Days::new(1);
    }
    next
}

/// Whether Lecce's centre is open on `date`.
pub fn working(date: NaiveDate) -> bool {
    date.weekday().number_from_monday() <= 5 && national_holiday(date).is_none() && !is_patron(date)
}

/// Sant'Oronzo, Lecce's patron saint (26 August).
fn is_patron(date: NaiveDate) -> bool {
    date.month() == 8 && date.day() == 26
}

pub fn body(service: &Service, start: &str, extra: Value) -> Vec<u8> {
    let mut value = json!({
        "service": service.id.0,
        "modality": "in_office",
        "start": start,
        "lang": "en",
        "name": "Amina Diallo",
        "email": "amina.diallo@example.org",
        "phone": "+39 333 123 4567",
    });
    for (k, v) in extra.as_object().unwrap() {
        value[k] = v.clone();
    }
    value.to_string().into_bytes()
}

pub async fn post(app: &TestApp, path: &str, headers: &[(&str, &str)], body: Vec<u8>) -> TestResponse {
    let mut all = vec![("content-type", "application/json")];
    all.extend_from_slice(headers);
    app.request("POST", path, &all, body).await
}

/// Bookings of the centre, seats taken in its services, and queued mails.
pub async fn saved(app: &TestApp, service: &Service) -> (usize, u32, u64) {
    let s = app.storage();
    let far = Utc::now() + Duration::days(400);
    let past = Utc::now() - Duration::days(400);
    let bookings = s.centre_bookings(service.data.centre, past, far).await.unwrap().len();
    let mut seats = 0;
    for each in s.services(service.data.centre).await.unwrap() {
        seats += s
            .taken_seats(each.id, None, past, far)
            .await
            .unwrap()
            .values()
            .sum::<u32>();
    }
    let mail = s.mail_counts().await.unwrap();
    (bookings, seats, mail.pending + mail.sent + mail.recorded + mail.failed)
}

/// The reference and manage token in the signed link of the newest mail
/// about a booking to `email`.
pub async fn mailed_link(app: &TestApp, email: &str) -> (String, String) {
    let mails = app.storage().recent_mail(1000).await.unwrap();
    let mail = mails
        .iter()
        .find(|m| m.mail.to.as_str() == email && m.mail.kind.starts_with("booking."))
        .unwrap_or_else(|| panic!("no mail about a booking to {email}"));
    link_in(&mail.mail.text).unwrap_or_else(|| panic!("no booking link in {}", mail.mail.text))
}

/// The reference and token of the first booking link in `text`.
pub fn link_in(text: &str) -> Option<(String, String)> {
    let at = text.find("/appointments/booking/")? + "/appointments/booking/".len();
    let rest = &text[at..];
    let (reference, rest) = rest.split_once("?t=")?;
    let token: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_' || *c == '.')
        .collect();
    Some((reference.to_string(), token))
}

/// The booking as the API reads it with its link (`BookingJson`).
pub async fn read_booking(app: &TestApp, reference: &str, token: &str) -> Value {
    let r = app
        .request(
            "GET",
            &format!("/api/v1/bookings/{reference}?token={token}"),
            &[],
            Vec::new(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text());
    r.json()
}

/// The reference and manage token behind the short link of the newest text
/// about a booking (to any number).
pub async fn texted_link(app: &TestApp) -> (String, String) {
    let texts = app.storage().recent_sms(1000).await.unwrap();
    let text = texts
        .iter()
        .find(|t| t.sms.kind.starts_with("booking."))
        .expect("a text about a booking");
    let at = text.sms.text.find("/b/").expect("a short link");
    let short = text.sms.text[at..].split_whitespace().next().unwrap();
    let r = app.get(short).await;
    assert_eq!(r.status, 303, "{short}: {}", r.text());
    link_in(r.header("location")).expect("the booking's page")
}

/// Books through the API and reads the booking back as `BookingJson`:
/// directly when no message can reach the person (201), else through the
/// link in the mail (an e-mail address given) or in the text.
pub async fn book_and_read(app: &TestApp, headers: &[(&str, &str)], body: Vec<u8>) -> Value {
    let sent: Value = serde_json::from_slice(&body).unwrap();
    let email = sent["email"].as_str().unwrap_or_default().trim().to_ascii_lowercase();
    let r = post(app, "/api/v1/bookings", headers, body).await;
    match r.status.as_u16() {
        201 => r.json(),
        202 => {
            let (reference, token) = if email.is_empty() {
                texted_link(app).await
            } else {
                mailed_link(app, &email).await
            };
            read_booking(app, &reference, &token).await
        }
        other => panic!("{other}: {}", r.text()),
    }
}

/// Books through the API as a person does, with an e-mail address: the
/// answer is only "sent" (202); the booking is read back through the link
/// in its mail, as `BookingJson` (with its manage token).
pub async fn book_by_mail(app: &TestApp, headers: &[(&str, &str)], body: Vec<u8>) -> Value {
    let sent: Value = serde_json::from_slice(&body).unwrap();
    let email = sent["email"].as_str().expect("an e-mail address").to_string();
    let r = post(app, "/api/v1/bookings", headers, body).await;
    assert_eq!(r.status, 202, "{}", r.text());
    assert_eq!(r.json()["status"], "sent", "{}", r.text());
    let (reference, token) = mailed_link(app, &email.to_ascii_lowercase()).await;
    read_booking(app, &reference, &token).await
}

pub async fn state(app: &TestApp) -> AppState {
    AppState::open(app.db.storage.clone(), PublicUrl::parse(PUBLIC_URL).unwrap(), None)
        .await
        .unwrap()
}
