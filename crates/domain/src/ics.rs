//! iCalendar files (RFC 5545) attached to appointment e-mails, so that the
//! appointment lands in the person's calendar: published, requested, or
//! cancelled (RFC 5546 methods).
//!
//! Times are written as Rome wall-clock times, as the appointment was given,
//! with `TZID=Europe/Rome` and the `VTIMEZONE` that RFC 5545 requires for it,
//! describing the EU summer-time rule. The only instants that cannot be written
//! that way are those in the second pass of the hour repeated when summer time
//! ends (a local time there means its first occurrence): those are in UTC. Text is escaped, every line folded at 75 octets and ended
//! with CRLF.

use chrono::{DateTime, SubsecRound, Utc};

use crate::time::{from_rome_local, to_rome};

/// The longest content line, in octets, excluding the CRLF (RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// The `VTIMEZONE` for Europe/Rome: CET from the last Sunday of October at
/// 03:00 summer time, CEST from the last Sunday of March at 02:00 winter time.
const VTIMEZONE_ROME: &[&str] = &[
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
];

/// What the receiving calendar should do with the events (RFC 5546).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IcsMethod {
    /// Just add them (no reply expected).
    Publish,
    /// A new or changed appointment.
    Request,
    /// A cancelled appointment: its events are written as cancelled.
    Cancel,
}

impl IcsMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            IcsMethod::Publish => "PUBLISH",
            IcsMethod::Request => "REQUEST",
            IcsMethod::Cancel => "CANCEL",
        }
    }
}

/// One appointment as a calendar event.
#[derive(Debug, Clone)]
pub struct IcsEvent {
    /// Globally unique and stable across updates, e.g. `appt-42@sportello.example`.
    pub uid: String,
    /// Grows by one each time the appointment changes (RFC 5546 §2.1.4).
    pub sequence: u32,
    /// When this version of the event was written.
    pub stamp: DateTime<Utc>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
    /// Omitted when empty.
    pub description: String,
    pub location: Option<String>,
    pub url: Option<String>,
    /// Display name and e-mail address of the organising centre.
    pub organizer: Option<(String, String)>,
    /// Display name and e-mail address of the person the appointment is for,
    /// who has already accepted it (RFC 5546 wants an attendee in a REQUEST).
    pub attendee: Option<(String, String)>,
    pub cancelled: bool,
    /// Language of the texts (`it`, `en`, …), written as `LANGUAGE` parameters;
    /// left out when it is not a language tag.
    pub lang: &'static str,
}

/// A whole iCalendar file with `events`, its lines ended by CRLF.
pub fn calendar(method: IcsMethod, events: &[IcsEvent]) -> String {
    let mut out = String::with_capacity(1024 + 1024 * events.len());
    for line in [
        "BEGIN:VCALENDAR",
        "PRODID:-//Sportello//Appointments//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
    ] {
        push_line(&mut out, line);
    }
    push_line(&mut out, &format!("METHOD:{}", method.as_str()));
    for line in VTIMEZONE_ROME {
        push_line(&mut out, line);
    }
    for event in events {
        write_event(&mut out, event, event.cancelled || method == IcsMethod::Cancel);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn write_event(out: &mut String, event: &IcsEvent, cancelled: bool) {
    let lang = language_param(event.lang);
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}", text(&event.uid)));
    push_line(out, &format!("SEQUENCE:{}", event.sequence));
    push_line(out, &format!("DTSTAMP:{}", utc_date_time(event.stamp)));
    push_line(out, &format!("DTSTART{}", rome_date_time(event.start)));
    push_line(out, &format!("DTEND{}", rome_date_time(event.end)));
    push_line(out, &format!("SUMMARY{lang}:{}", text(&event.summary)));
    if !event.description.is_empty() {
        push_line(out, &format!("DESCRIPTION{lang}:{}", text(&event.description)));
    }
    if let Some(location) = &event.location {
        push_line(out, &format!("LOCATION{lang}:{}", text(location)));
    }
    if let Some(url) = &event.url {
        push_line(out, &format!("URL:{}", uri(url)));
    }
    if let Some((name, email)) = &event.organizer {
        push_line(
            out,
            &format!("ORGANIZER;CN={}:mailto:{}", param_value(name), uri(email)),
        );
    }
    if let Some((name, email)) = &event.attendee {
        push_line(
            out,
            &format!(
                "ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:{}",
                param_value(name),
                uri(email)
            ),
        );
    }
    push_line(
        out,
        if cancelled {
            "STATUS:CANCELLED"
        } else {
            "STATUS:CONFIRMED"
        },
    );
    push_line(out, "TRANSP:OPAQUE");
    if !cancelled {
        push_line(out, "BEGIN:VALARM");
        push_line(out, "ACTION:DISPLAY");
        push_line(out, "TRIGGER:-PT1H");
        push_line(out, &format!("DESCRIPTION{lang}:{}", text(&event.summary)));
        push_line(out, "END:VALARM");
    }
    push_line(out, "END:VEVENT");
}

/// `;LANGUAGE=xx` if `lang` looks like a language tag, otherwise nothing.
fn language_param(lang: &str) -> String {
    let is_tag = !lang.is_empty()
        && lang.len() <= 35
        && lang
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric()));
    if is_tag {
        format!(";LANGUAGE={lang}")
    } else {
        String::new()
    }
}

/// A UTC date-time value, e.g. `20260330T070000Z`.
fn utc_date_time(instant: DateTime<Utc>) -> String {
    instant.format("%Y%m%dT%H%M%SZ").to_string()
}

/// What follows the property name of a DTSTART or DTEND: the Rome wall-clock
/// time with its TZID, or the UTC time when the wall-clock time would be read
/// as another instant (the second pass of the repeated autumn hour).
fn rome_date_time(instant: DateTime<Utc>) -> String {
    let instant = instant.trunc_subsecs(0);
    let local = to_rome(instant).naive_local();
    if from_rome_local(local) == instant {
        format!(";TZID=Europe/Rome:{}", local.format("%Y%m%dT%H%M%S"))
    } else {
        format!(":{}", utc_date_time(instant))
    }
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped,
/// line breaks (CRLF, LF or CR) written as `\n`, other control characters
/// except tab dropped.
fn text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                escaped.push_str("\\n");
            }
            '\t' => escaped.push('\t'),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// A parameter value (RFC 5545 §3.2): control characters dropped, double
/// quotes (which cannot be escaped) made single, and the whole quoted when it
/// holds a colon, semicolon or comma.
fn param_value(value: &str) -> String {
    let cleaned: String = value
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if c == '"' { '\'' } else { c })
        .collect();
    if cleaned.contains([':', ';', ',']) {
        format!("\"{cleaned}\"")
    } else {
        cleaned
    }
}

/// A URI value (URL, mailto address): written as it is, without control
/// characters, which could start a new line.
fn uri(value: &str) -> String {
    value.chars().filter(|c| !c.is_control()).collect()
}

/// Appends one content line, folded so that no physical line exceeds 75
/// octets: continuation lines start with one space and characters are never
/// split.
fn push_line(out: &mut String, line: &str) {
    let mut rest = line;
    let mut room = MAX_LINE_OCTETS;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space of a continuation line counts.
        room = MAX_LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
#[path = "ics_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "ics_props.rs"]
mod props;
