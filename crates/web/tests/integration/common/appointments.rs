//! Helpers of the appointments tests: a bookable service, Rome times as
//! the API writes them, booking bodies, and what the database holds.

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
        seats += s.taken_seats(each.id, past, far).await.unwrap().values().sum::<u32>();
    }
    let mail = s.mail_counts().await.unwrap();
    (bookings, seats, mail.pending + mail.sent + mail.recorded + mail.failed)
}

pub async fn state(app: &TestApp) -> AppState {
    AppState::open(app.db.storage.clone(), PublicUrl::parse(PUBLIC_URL).unwrap(), None)
        .await
        .unwrap()
}
