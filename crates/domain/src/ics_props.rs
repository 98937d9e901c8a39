//! Property tests of the iCalendar writer ([`calendar`]): for appointments
//! with any texts — names, places and descriptions with commas,
//! semicolons, backslashes, quotes, line breaks of every kind, control
//! characters, any Unicode, thousands of characters — and any times
//! (around the summer-time switches too), the file keeps RFC 5545's line
//! rules, and the `icalendar` crate's parser reads back the UID, DTSTAMP,
//! DTSTART, DTEND, SUMMARY, DESCRIPTION, LOCATION, URL, STATUS and the
//! organiser and attendee it was made from (texts as the writer documents
//! them: line breaks as `\n`, other control characters dropped).

use chrono::{Datelike, Duration, NaiveDate, TimeZone};
use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventLike, EventStatus};
use proptest::prelude::*;

use super::*;
use crate::strategies::{config, messy_text};

/// A text as the writer promises to keep it: CRLF, CR and LF as one line
/// break, other control characters but tab dropped.
fn kept(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

/// Whole seconds between 2000 and 2100.
fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
    let (from, to) = (946_684_800i64, 4_102_444_800i64);
    (from..to).prop_map(|s| Utc.timestamp_opt(s, 0).single().expect("in range"))
}

/// An instant within four hours of midnight UTC before a summer-time
/// switch (the last Sunday of March or October), where Rome's wall clock
/// skips or repeats an hour.
fn near_a_switch() -> impl Strategy<Value = DateTime<Utc>> {
    (2000i32..2100, prop::sample::select(&[3u32, 10][..]), 0i64..4 * 3600).prop_map(|(year, month, seconds)| {
        let last = NaiveDate::from_ymd_opt(year, month, 31).expect("March and October have 31 days");
        let sunday = last - Duration::days(i64::from(last.weekday().num_days_from_sunday()));
        let midnight = sunday.and_hms_opt(0, 0, 0).expect("midnight");
        Utc.from_utc_datetime(&midnight) + Duration::seconds(seconds)
    })
}

/// A contact as the writer takes it: a display name and an address.
fn contact() -> impl Strategy<Value = Option<(String, String)>> {
    prop::option::of((messy_text(), messy_text()))
}

prop_compose! {
    fn any_event()(
        uid in messy_text(),
        sequence in any::<u32>(),
        stamp in any_instant(),
        start in prop_oneof![any_instant(), near_a_switch()],
        minutes in 1i64..=600,
        summary in messy_text(),
        description in messy_text(),
        location in prop::option::of(messy_text()),
        url in prop::option::of(messy_text()),
        organizer in contact(),
        attendee in contact(),
        cancelled in any::<bool>(),
        lang in prop::sample::select(&["it", "en", "fr", "de", "de-CH", "", "x;y", "it:"][..]),
    ) -> IcsEvent {
        IcsEvent {
            uid, sequence, stamp, start, end: start + Duration::minutes(minutes), summary, description, location,
            url, organizer, attendee, cancelled, lang,
        }
    }
}

fn any_method() -> impl Strategy<Value = IcsMethod> {
    prop::sample::select(&[IcsMethod::Publish, IcsMethod::Request, IcsMethod::Cancel][..])
}

/// How DTSTART or DTEND should read: the Rome wall-clock time, or UTC in
/// the repeated autumn hour.
fn expected_time(instant: DateTime<Utc>) -> DatePerhapsTime {
    let local = to_rome(instant).naive_local();
    if from_rome_local(local) == instant {
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: local,
            tzid: "Europe/Rome".to_owned(),
        })
    } else {
        DatePerhapsTime::DateTime(CalendarDateTime::Utc(instant))
    }
}

/// The `CN` parameter and the address of a contact property, as read back.
fn read_contact(event: &icalendar::Event, name: &str) -> Option<(String, String)> {
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

/// A contact as it should read back: the name without control characters
/// and with double quotes made single, the address as a `mailto:` URI.
fn expected_contact(contact: &Option<(String, String)>) -> Option<(String, String)> {
    contact.as_ref().map(|(name, email)| {
        let cn = kept(name).replace(['\n', '\t'], "").replace('"', "'");
        (cn, format!("mailto:{}", kept(email).replace(['\n', '\t'], "")))
    })
}

/// A TEXT value as RFC 5545 §3.3.11 writes it: commas and semicolons only
/// escaped, backslashes only before `\`, `;`, `,` or `n`.
fn check_text_value(value: &str) -> Result<(), TestCaseError> {
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next();
                prop_assert!(
                    matches!(next, Some('\\' | ';' | ',' | 'n')),
                    "{:?} in {:?}",
                    next,
                    value
                );
            }
            ',' | ';' => prop_assert!(false, "unescaped {:?} in {:?}", c, value),
            _ => {}
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn files_keep_the_line_rules(method in any_method(), events in prop::collection::vec(any_event(), 0..3)) {
        let ics = calendar(method, &events);
        prop_assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
        let physical: Vec<&str> = ics.strip_suffix("\r\n").unwrap_or_default().split("\r\n").collect();
        for line in &physical {
            prop_assert!(line.len() <= MAX_LINE_OCTETS, "{} octets: {:?}", line.len(), line);
            prop_assert!(!line.contains(['\r', '\n']), "bare CR or LF in {:?}", line);
            prop_assert!(!line.chars().any(|c| c.is_control() && c != '\t'), "{:?}", line);
        }
        let unfolded = ics.replace("\r\n ", "");
        let begins = unfolded.split("\r\n").filter(|l| *l == "BEGIN:VEVENT").count();
        prop_assert_eq!(begins, events.len());
        for line in unfolded.split("\r\n") {
            let name = line.split([':', ';']).next().unwrap_or_default();
            if ["UID", "SUMMARY", "DESCRIPTION", "LOCATION"].contains(&name) {
                let value = line.split_once(':').map(|(_, v)| v).unwrap_or_default();
                check_text_value(value)?;
            }
        }
    }

    #[test]
    fn another_parser_reads_back_what_the_file_was_made_from(
        method in any_method(),
        events in prop::collection::vec(any_event(), 1..3),
    ) {
        let ics = calendar(method, &events);
        let parsed: Result<icalendar::Calendar, _> = ics.parse();
        let parsed = parsed.map_err(|e| TestCaseError::fail(format!("{e}\n{ics}")))?;
        prop_assert_eq!(parsed.property_value("METHOD"), Some(method.as_str()));
        let read: Vec<&icalendar::Event> = parsed.events().collect();
        prop_assert_eq!(read.len(), events.len());
        for (event, read) in events.iter().zip(read) {
            prop_assert_eq!(read.get_uid().map(str::to_owned), Some(kept(&event.uid)));
            prop_assert_eq!(read.get_sequence(), Some(event.sequence));
            prop_assert_eq!(read.get_timestamp(), Some(event.stamp));
            prop_assert_eq!(read.get_start(), Some(expected_time(event.start)));
            prop_assert_eq!(read.get_end(), Some(expected_time(event.end)));
            prop_assert_eq!(read.get_summary().map(str::to_owned), Some(kept(&event.summary)));
            let description = Some(kept(&event.description)).filter(|_| !event.description.is_empty());
            prop_assert_eq!(read.get_description().map(str::to_owned), description);
            prop_assert_eq!(read.get_location().map(str::to_owned), event.location.as_deref().map(kept));
            let url = event.url.as_deref().map(|u| kept(u).replace(['\n', '\t'], ""));
            prop_assert_eq!(read.get_url().map(str::to_owned), url);
            let cancelled = event.cancelled || method == IcsMethod::Cancel;
            let status = if cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed };
            prop_assert_eq!(read.get_status(), Some(status));
            prop_assert_eq!(read.components().len(), usize::from(!cancelled), "one alarm unless cancelled");
            prop_assert_eq!(read_contact(read, "ORGANIZER"), expected_contact(&event.organizer));
            prop_assert_eq!(read_contact(read, "ATTENDEE"), expected_contact(&event.attendee));
        }
    }
}
