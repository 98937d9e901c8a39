//! Property test of a booking's calendar files: for centres, services and
//! people with any names and texts (commas, semicolons, quotes,
//! backslashes, line breaks, control characters, any Unicode), any
//! modality, language and time, the `.ics` of the booking's page and of
//! its confirmation and cancellation e-mails parse with the `icalendar`
//! crate and carry back the UID, DTSTART, DTEND, SUMMARY, LOCATION,
//! organiser and attendee they were made from.
//!
//! Only the `App` needs a database (SQLite); nothing is read or written in
//! it, so the test does not run on both backends.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, TimeZone, Utc};
use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventLike};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use sportello_app::App;
use sportello_app::appointments::CentreCalendar;
use sportello_app::appointments::mails::{booking_ics, cancelled, confirmation};
use sportello_domain::time::{from_rome_local, to_rome};
use sportello_domain::{
    Booking, BookingId, BookingRef, BookingRequest, BookingStatus, Centre, CentreId, Email, Lang, Modality, Needs,
    NewService, Person, PublicUrl, Service, ServiceId, ServiceKind, ServiceText,
};
use sportello_storage::NewBooking;
use sportello_testkit::builders::centre;
use sportello_testkit::{Backend, TestDatabase};

const PUBLIC_URL: &str = "https://lavoro.example.test";
const SECRET: &str = "a secret of at least thirty-two bytes, for tests";

/// Hostile text: any characters, often the ones calendar files escape.
fn messy_text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        3 => any::<char>(),
        1 => prop::char::range('\0', '\u{1f}'),
        3 => prop::sample::select(&[',', ';', ':', '"', '\\', '\n', '\r', ' ', '\t', '–', 'è', '😀'][..]),
        4 => prop::char::range('a', 'z'),
    ];
    prop_oneof![
        8 => prop::collection::vec(c.clone(), 0..30),
        1 => prop::collection::vec(c, 0..400),
    ]
    .prop_map(|c| c.into_iter().collect())
}

/// A text as calendar files keep it: line breaks as one `\n`, other
/// control characters but tab dropped.
fn kept(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

/// A URI as calendar files keep it: without control characters.
fn kept_uri(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// A parameter as calendar files keep it: without control characters,
/// double quotes made single.
fn kept_param(text: &str) -> String {
    kept_uri(text).replace('"', "'")
}

#[derive(Debug, Clone)]
struct Case {
    centre_name: String,
    address: String,
    town: String,
    centre_email: String,
    service_name: String,
    person_name: String,
    lang: Lang,
    modality: Modality,
    start: DateTime<Utc>,
    minutes: i64,
    reference: [u8; 8],
    video_url: Option<String>,
    sequence: u32,
}

prop_compose! {
    fn any_case()(
        names in (messy_text(), messy_text(), messy_text(), messy_text(), messy_text(), messy_text()),
        lang in prop::sample::select(Lang::ALL.to_vec()),
        modality in prop::sample::select(vec![Modality::InOffice, Modality::Phone, Modality::Video]),
        seconds in 946_684_800i64..4_102_444_800,
        minutes in 5i64..=240,
        reference in any::<[u8; 8]>(),
        video_url in prop::option::of(messy_text()),
        sequence in any::<u32>(),
    ) -> Case {
        let (centre_name, address, town, centre_email, service_name, person_name) = names;
        // Appointments start on the minute.
        let start = Utc.timestamp_opt(seconds - seconds % 60, 0).single().expect("in range");
        Case {
            centre_name, address, town, centre_email, service_name, person_name, lang, modality, start, minutes,
            reference, video_url, sequence,
        }
    }
}

/// DTSTART or DTEND as it should read: Rome's wall clock, or UTC in the
/// repeated autumn hour.
fn expected_time(instant: DateTime<Utc>) -> DatePerhapsTime {
    let local = to_rome(instant).naive_local();
    DatePerhapsTime::DateTime(if from_rome_local(local) == instant {
        CalendarDateTime::WithTimezone {
            date_time: local,
            tzid: "Europe/Rome".to_owned(),
        }
    } else {
        CalendarDateTime::Utc(instant)
    })
}

/// The `CN` and address of a contact property.
fn contact(event: &icalendar::Event, name: &str) -> Option<(String, String)> {
    let property = event
        .properties()
        .get(name)
        .or_else(|| event.multi_properties().get(name).and_then(|all| all.first()))?;
    let cn = property
        .params()
        .get("CN")
        .map(|p| p.value().to_owned())
        .unwrap_or_default();
    Some((cn, property.value().to_owned()))
}

/// Checks one calendar file against the booking it was made from.
fn check_file(ics: &str, case: &Case, booking: &Booking, attendee: Option<&Email>) -> Result<(), TestCaseError> {
    let parsed: icalendar::Calendar = ics.parse().map_err(|e| TestCaseError::fail(format!("{e}\n{ics}")))?;
    let events: Vec<&icalendar::Event> = parsed.events().collect();
    prop_assert_eq!(events.len(), 1);
    let event = events[0];
    let uid = format!("{}@lavoro.example.test", booking.reference);
    prop_assert_eq!(event.get_uid(), Some(uid.as_str()));
    prop_assert_eq!(event.get_sequence(), Some(case.sequence));
    prop_assert_eq!(event.get_start(), Some(expected_time(booking.start)));
    prop_assert_eq!(event.get_end(), Some(expected_time(booking.end)));
    let summary = kept(&format!("{} – {}", case.service_name, case.centre_name));
    prop_assert_eq!(event.get_summary(), Some(summary.as_str()));
    let description = event.get_description().unwrap_or_default();
    prop_assert!(description.contains(booking.reference.as_str()), "{}", description);
    let location = event.get_location().map(str::to_owned);
    match case.modality {
        Modality::InOffice => {
            let address = format!("{}, {}, 73100 {}", case.centre_name, case.address, case.town);
            prop_assert_eq!(location, Some(kept(&address)));
        }
        Modality::Video => prop_assert_eq!(location, case.video_url.as_deref().map(kept)),
        // The phone note, in the person's language.
        Modality::Phone => prop_assert!(location.is_some_and(|l| !l.is_empty())),
    }
    let organizer = (
        kept_param(&case.centre_name),
        format!("mailto:{}", kept_uri(&case.centre_email)),
    );
    prop_assert_eq!(contact(event, "ORGANIZER"), Some(organizer));
    let attendee = attendee.map(|e| (kept_param(&case.person_name), format!("mailto:{e}")));
    prop_assert_eq!(contact(event, "ATTENDEE"), attendee);
    Ok(())
}

fn check(app: &App, case: Case) -> Result<(), TestCaseError> {
    let calendar = CentreCalendar {
        centre: Centre {
            id: CentreId(1),
            data: sportello_domain::NewCentre {
                name: case.centre_name.clone(),
                address: case.address.clone(),
                town: case.town.clone(),
                email: case.centre_email.clone(),
                ..centre("lecce", "LE")
            },
        },
        patron_days: Vec::new(),
        access_rules: BTreeMap::new(),
        point: None,
        part_closures: Vec::new(),
    };
    let service = Service {
        id: ServiceId(1),
        data: NewService {
            centre: CentreId(1),
            kind: ServiceKind::BasicGuidance,
            duration_minutes: 30,
            modalities: vec![case.modality],
            capacity: 1,
            min_notice_minutes: 0,
            max_days_ahead: 60,
            active: true,
            texts: vec![ServiceText {
                lang: Lang::It,
                name: case.service_name.clone(),
                description: String::new(),
            }],
        },
        version: 1,
    };
    let email = Email::parse("persona@example.org").expect("an address");
    let person = Person {
        name: case.person_name.clone(),
        email: Some(email.clone()),
        phone: None,
        codice_fiscale: None,
        lang: case.lang,
        sms: false,
    };
    let video_url = case.video_url.clone().filter(|_| case.modality == Modality::Video);
    let now = Utc::now();
    let booking = Booking {
        id: BookingId(1),
        reference: BookingRef::from_random(case.reference),
        centre: CentreId(1),
        service: ServiceId(1),
        point: None,
        modality: case.modality,
        start: case.start,
        end: case.start + Duration::minutes(case.minutes),
        status: BookingStatus::Booked,
        person: person.clone(),
        needs: Needs::default(),
        video_url: video_url.clone(),
        sequence: case.sequence,
        booked_by: None,
        created_at: now,
        updated_at: now,
    };
    let case = Case { video_url, ..case };

    check_file(
        &booking_ics(app, &calendar, &service, &booking, now),
        &case,
        &booking,
        None,
    )?;

    let mail = |m: Option<sportello_domain::OutgoingMail>| {
        m.and_then(|m| m.attachments.into_iter().next())
            .map(|a| a.content)
            .ok_or_else(|| TestCaseError::fail("a mail with an .ics attachment"))
    };
    let new = NewBooking {
        request: BookingRequest {
            service: ServiceId(1),
            modality: case.modality,
            start: booking.start,
            person,
            needs: Needs::default(),
        },
        reference: booking.reference.clone(),
        end: booking.end,
        point: None,
        video_url: booking.video_url.clone(),
        one_per_person: false,
    };
    let first = Case {
        sequence: 0,
        ..case.clone()
    };
    check_file(
        &mail(confirmation(app, &calendar, &service, &new, now))?,
        &first,
        &booking,
        Some(&email),
    )?;
    let gone = Booking {
        status: BookingStatus::Cancelled,
        ..booking.clone()
    };
    check_file(
        &mail(cancelled(app, &calendar, &service, &gone, now))?,
        &case,
        &gone,
        Some(&email),
    )?;
    Ok(())
}

#[tokio::test]
async fn booking_calendar_files_read_back_with_any_texts() {
    let db = TestDatabase::new(Backend::Sqlite).await;
    let app = App::new(db.storage.clone(), PublicUrl::parse(PUBLIC_URL).unwrap(), Some(SECRET))
        .await
        .unwrap();
    let config = Config {
        // `PROPTEST_CASES=10000` searches deeper.
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(64),
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new(config)
        .run(&any_case(), |case| check(&app, case))
        .unwrap_or_else(|e| panic!("{e}"));
}
