//! Tests of the iCalendar writer: structure, escaping, folding, Rome times on
//! both sides of the summer-time switches, and a read-back with the
//! `icalendar` crate's parser.

use super::*;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn event(start: &str, end: &str) -> IcsEvent {
    IcsEvent {
        uid: "appt-42@sportello.example".to_owned(),
        sequence: 0,
        stamp: utc("2026-03-20T10:15:30Z"),
        start: utc(start),
        end: utc(end),
        summary: "Colloquio al Centro per l'Impiego".to_owned(),
        description: "Portare un documento d'identità.".to_owned(),
        location: Some("Via Roma 1, Lecce".to_owned()),
        url: Some("https://sportello.example/appuntamenti/42".to_owned()),
        organizer: Some((
            "Centro per l'Impiego di Lecce".to_owned(),
            "cpi.lecce@example.it".to_owned(),
        )),
        attendee: None,
        cancelled: false,
        lang: "it",
    }
}

#[test]
fn the_person_is_an_attendee_who_has_accepted() {
    let mut with_attendee = event("2026-12-01T08:00:00Z", "2026-12-01T08:30:00Z");
    with_attendee.attendee = Some(("Amina \"Diallo\"; Rossi".to_owned(), "amina@example.org".to_owned()));
    let lines = unfolded_lines(&calendar(IcsMethod::Request, &[with_attendee]));
    let attendee: Vec<&String> = lines.iter().filter(|l| l.starts_with("ATTENDEE")).collect();
    assert_eq!(attendee.len(), 1);
    assert!(
        attendee[0].contains("PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:amina@example.org"),
        "{}",
        attendee[0]
    );
    assert!(
        attendee[0].starts_with("ATTENDEE;CN=\"Amina 'Diallo'; Rossi\";"),
        "{}",
        attendee[0]
    );
    let none = unfolded_lines(&calendar(
        IcsMethod::Publish,
        &[event("2026-12-01T08:00:00Z", "2026-12-01T08:30:00Z")],
    ));
    assert!(!none.iter().any(|l| l.starts_with("ATTENDEE")));
}

/// The logical lines of a file: folds undone, split at CRLF.
fn unfolded_lines(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "").split("\r\n").map(str::to_owned).collect()
}

fn property<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
    lines
        .iter()
        .filter(|line| {
            line.strip_prefix(name)
                .is_some_and(|rest| rest.starts_with(':') || rest.starts_with(';'))
        })
        .map(String::as_str)
        .collect()
}

#[test]
fn writes_a_complete_calendar() {
    let ics = calendar(
        IcsMethod::Request,
        &[event("2026-03-30T07:00:00Z", "2026-03-30T07:30:00Z")],
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains(['\r', '\n']), "bare CR or LF");
    let lines = unfolded_lines(&ics);
    assert_eq!(lines.last().map(String::as_str), Some(""));
    let expected = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Sportello//Appointments//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:REQUEST",
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Rome",
        "BEGIN:STANDARD",
        "TZNAME:CET",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "BEGIN:DAYLIGHT",
        "TZNAME:CEST",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:appt-42@sportello.example",
        "SEQUENCE:0",
        "DTSTAMP:20260320T101530Z",
        "DTSTART;TZID=Europe/Rome:20260330T090000",
        "DTEND;TZID=Europe/Rome:20260330T093000",
        "SUMMARY;LANGUAGE=it:Colloquio al Centro per l'Impiego",
        "DESCRIPTION;LANGUAGE=it:Portare un documento d'identità.",
        "LOCATION;LANGUAGE=it:Via Roma 1\\, Lecce",
        "URL:https://sportello.example/appuntamenti/42",
        "ORGANIZER;CN=Centro per l'Impiego di Lecce:mailto:cpi.lecce@example.it",
        "STATUS:CONFIRMED",
        "TRANSP:OPAQUE",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:-PT1H",
        "DESCRIPTION;LANGUAGE=it:Colloquio al Centro per l'Impiego",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ];
    assert_eq!(lines, expected);
}

#[test]
fn methods_and_several_events() {
    let first = event("2026-05-04T07:00:00Z", "2026-05-04T07:30:00Z");
    let mut second = event("2026-05-05T13:00:00Z", "2026-05-05T13:30:00Z");
    second.uid = "appt-43@sportello.example".to_owned();
    for (method, name) in [
        (IcsMethod::Publish, "METHOD:PUBLISH"),
        (IcsMethod::Request, "METHOD:REQUEST"),
        (IcsMethod::Cancel, "METHOD:CANCEL"),
    ] {
        let lines = unfolded_lines(&calendar(method, &[first.clone(), second.clone()]));
        assert_eq!(property(&lines, "METHOD"), [name]);
        assert_eq!(property(&lines, "PRODID").len(), 1);
        assert_eq!(property(&lines, "VERSION"), ["VERSION:2.0"]);
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VTIMEZONE").count(), 1);
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 2);
        assert_eq!(lines.iter().filter(|l| *l == "END:VEVENT").count(), 2);
        assert_eq!(
            property(&lines, "UID"),
            ["UID:appt-42@sportello.example", "UID:appt-43@sportello.example"]
        );
        assert_eq!(property(&lines, "DTSTAMP").len(), 2);
        assert_eq!(
            property(&lines, "DTSTART"),
            [
                "DTSTART:19701025T030000",
                "DTSTART:19700329T020000",
                "DTSTART;TZID=Europe/Rome:20260504T090000",
                "DTSTART;TZID=Europe/Rome:20260505T150000",
            ]
        );
    }
    assert_eq!(calendar(IcsMethod::Publish, &[]).matches("VEVENT").count(), 0);
}

#[test]
fn cancelled_events_have_no_alarm() {
    let mut cancelled = event("2026-05-04T07:00:00Z", "2026-05-04T07:30:00Z");
    cancelled.cancelled = true;
    cancelled.sequence = 2;
    let lines = unfolded_lines(&calendar(IcsMethod::Publish, &[cancelled]));
    assert_eq!(property(&lines, "STATUS"), ["STATUS:CANCELLED"]);
    assert_eq!(property(&lines, "SEQUENCE"), ["SEQUENCE:2"]);
    assert!(!lines.iter().any(|l| l.contains("VALARM")));
    // METHOD:CANCEL cancels the events even when they are not marked.
    let lines = unfolded_lines(&calendar(
        IcsMethod::Cancel,
        &[event("2026-05-04T07:00:00Z", "2026-05-04T07:30:00Z")],
    ));
    assert_eq!(property(&lines, "STATUS"), ["STATUS:CANCELLED"]);
    assert!(!lines.iter().any(|l| l.contains("VALARM")));
}

#[test]
fn optional_properties_are_left_out() {
    let mut bare = event("2026-05-04T07:00:00Z", "2026-05-04T07:30:00Z");
    bare.description = String::new();
    bare.location = None;
    bare.url = None;
    bare.organizer = None;
    bare.lang = "";
    let lines = unfolded_lines(&calendar(IcsMethod::Publish, &[bare]));
    for name in ["LOCATION", "URL", "ORGANIZER"] {
        assert!(property(&lines, name).is_empty(), "{name}");
    }
    // The only DESCRIPTION left is the alarm's; no LANGUAGE parameters.
    assert_eq!(
        property(&lines, "DESCRIPTION"),
        ["DESCRIPTION:Colloquio al Centro per l'Impiego"]
    );
    assert_eq!(
        property(&lines, "SUMMARY"),
        ["SUMMARY:Colloquio al Centro per l'Impiego"]
    );
    assert_eq!(language_param("en"), ";LANGUAGE=en");
    assert_eq!(language_param("de-CH"), ";LANGUAGE=de-CH");
    for bad in ["", "it:x", "it;X=1", "-", "en-", "i t"] {
        assert_eq!(language_param(bad), "", "{bad:?}");
    }
}

#[test]
fn escapes_text_values() {
    assert_eq!(
        text("Uffici; piano terra, stanza 3\\B\nsecondo rigo\r\nterzo\rquarto"),
        "Uffici\\; piano terra\\, stanza 3\\\\B\\nsecondo rigo\\nterzo\\nquarto"
    );
    assert_eq!(text("a\u{0}b\u{7}c\td"), "abc\td");
    let mut tricky = event("2026-05-04T07:00:00Z", "2026-05-04T07:30:00Z");
    tricky.summary = "Colloquio\r\nDTSTART:19990101T000000Z".to_owned();
    tricky.url = Some("https://example.it/a\r\nX-EVIL:1".to_owned());
    tricky.organizer = Some(("Centro \"Sud\": Lecce, Nardò".to_owned(), "cpi@example.it\n".to_owned()));
    let lines = unfolded_lines(&calendar(IcsMethod::Request, &[tricky]));
    assert_eq!(
        property(&lines, "SUMMARY"),
        ["SUMMARY;LANGUAGE=it:Colloquio\\nDTSTART:19990101T000000Z"]
    );
    assert_eq!(property(&lines, "URL"), ["URL:https://example.it/aX-EVIL:1"]);
    assert_eq!(
        property(&lines, "ORGANIZER"),
        ["ORGANIZER;CN=\"Centro 'Sud': Lecce, Nardò\":mailto:cpi@example.it"]
    );
    assert!(property(&lines, "X-EVIL").is_empty());
    assert_eq!(property(&lines, "DTSTART").len(), 3);
}

#[test]
fn folds_long_lines_without_splitting_characters() {
    let mut long = event("2026-05-04T07:00:00Z", "2026-05-04T07:30:00Z");
    long.description = "Perché è così: più caffè, città e qualità già lì — ".repeat(12) + "😀 fine";
    let ics = calendar(IcsMethod::Request, &[long.clone()]);
    for physical in ics.split("\r\n") {
        assert!(
            physical.len() <= MAX_LINE_OCTETS,
            "{} octets: {physical:?}",
            physical.len()
        );
    }
    let lines = unfolded_lines(&ics);
    assert_eq!(
        property(&lines, "DESCRIPTION")[0],
        format!("DESCRIPTION;LANGUAGE=it:{}", text(&long.description))
    );
    // Folded right at the limit: a two-byte character at octet 75 moves on.
    let mut out = String::new();
    push_line(&mut out, &format!("{}é{}", "a".repeat(74), "b".repeat(80)));
    let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
    assert_eq!(physical[0], "a".repeat(74));
    assert_eq!(physical[1], format!(" é{}", "b".repeat(72)));
    assert_eq!(physical[2], " bbbbbbbb");
    // A line of exactly 75 octets is not folded, one of 76 is.
    let mut out = String::new();
    push_line(&mut out, &"x".repeat(75));
    push_line(&mut out, &"y".repeat(76));
    assert_eq!(out, format!("{}\r\n{}\r\n y\r\n", "x".repeat(75), "y".repeat(75)));
    // Four-byte characters only.
    let mut out = String::new();
    push_line(&mut out, &"😀".repeat(40));
    for physical in out.trim_end_matches("\r\n").split("\r\n") {
        assert!(physical.len() <= MAX_LINE_OCTETS);
    }
    assert_eq!(out.replace("\r\n ", ""), format!("{}\r\n", "😀".repeat(40)));
}

#[test]
fn rome_times_on_both_sides_of_the_switches() {
    for (start, local) in [
        // Winter time, the Saturday before the spring switch (29 March 2026).
        ("2026-03-28T08:00:00Z", "20260328T090000"),
        // Summer time, the Monday after.
        ("2026-03-30T07:00:00Z", "20260330T090000"),
        // Summer time, the Saturday before the autumn switch (25 October 2026).
        ("2026-10-24T07:00:00Z", "20261024T090000"),
        // Winter time, the Monday after.
        ("2026-10-26T08:00:00Z", "20261026T090000"),
        // The switch days themselves, around the changed hour.
        ("2026-03-29T00:30:00Z", "20260329T013000"),
        ("2026-03-29T01:30:00Z", "20260329T033000"),
        ("2026-10-25T00:30:00Z", "20261025T023000"),
        ("2026-10-25T02:00:00Z", "20261025T030000"),
    ] {
        assert_eq!(
            rome_date_time(utc(start)),
            format!(";TZID=Europe/Rome:{local}"),
            "{start}"
        );
    }
    // 02:30 on 25 October 2026 happens twice; the second one, 01:30Z, would be
    // read as the first, so it is written in UTC.
    assert_eq!(rome_date_time(utc("2026-10-25T01:30:00Z")), ":20261025T013000Z");
    // Fractions of a second are dropped.
    assert_eq!(
        rome_date_time(utc("2026-12-01T08:00:00.750Z")),
        ";TZID=Europe/Rome:20261201T090000"
    );
    let lines = unfolded_lines(&calendar(
        IcsMethod::Publish,
        &[event("2026-10-26T08:00:00Z", "2026-10-26T08:45:00Z")],
    ));
    assert!(lines.contains(&"DTSTART;TZID=Europe/Rome:20261026T090000".to_owned()));
    assert!(lines.contains(&"DTEND;TZID=Europe/Rome:20261026T094500".to_owned()));
}

#[test]
fn another_parser_reads_it_back() {
    use icalendar::{CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, EventLike, EventStatus};

    let mut appointment = event("2026-03-30T07:00:00Z", "2026-03-30T07:30:00Z");
    appointment.description = "Perché è così, più caffè; città e qualità già lì. ".repeat(5);
    let ics = calendar(IcsMethod::Request, &[appointment.clone()]);
    let parsed: icalendar::Calendar = ics.parse().expect("the icalendar crate parses the file");
    assert_eq!(parsed.property_value("PRODID"), Some("-//Sportello//Appointments//EN"));
    assert_eq!(parsed.property_value("VERSION"), Some("2.0"));
    assert_eq!(parsed.property_value("METHOD"), Some("REQUEST"));
    let timezones = parsed
        .components
        .iter()
        .filter(|c| matches!(c, CalendarComponent::Other(o) if o.property_value("TZID") == Some("Europe/Rome")))
        .count();
    assert_eq!(timezones, 1);

    let events: Vec<_> = parsed.events().collect();
    assert_eq!(events.len(), 1);
    let read = events[0];
    assert_eq!(read.get_uid(), Some("appt-42@sportello.example"));
    assert_eq!(read.get_sequence(), Some(0));
    assert_eq!(read.get_timestamp(), Some(appointment.stamp));
    assert_eq!(read.get_summary(), Some(appointment.summary.as_str()));
    assert_eq!(read.get_description(), Some(appointment.description.as_str()));
    assert_eq!(read.get_location(), Some("Via Roma 1, Lecce"));
    assert_eq!(read.get_url(), appointment.url.as_deref());
    assert_eq!(read.get_status(), Some(EventStatus::Confirmed));
    let nine = chrono::NaiveDate::from_ymd_opt(2026, 3, 30)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    assert_eq!(
        read.get_start(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: nine,
            tzid: "Europe/Rome".to_owned(),
        }))
    );
    assert_eq!(
        read.get_end(),
        Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: nine + chrono::Duration::minutes(30),
            tzid: "Europe/Rome".to_owned(),
        }))
    );
    assert_eq!(read.components().len(), 1, "one VALARM");
}
