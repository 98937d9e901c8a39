//! The e-mails about appointments, in the person's language: confirmation,
//! move, cancellation, reminders and the link of a booking sent again. Each
//! has a plain-text and an HTML body (`templates/mail/booking.html`) and an
//! `.ics` (RFC 5545) attachment, and carries the signed link to the
//! booking's page. Nothing is sent here: the
//! caller queues the mail in the outbox in the same transaction as the change.

use chrono::{DateTime, Utc};
use minijinja::context;
use serde::Serialize;
use sportello_domain::ics::{IcsEvent, IcsMethod, calendar};
use sportello_domain::{Booking, BookingStatus, Lang, MailAttachment, Modality, OutgoingMail, Service, markdown};
use sportello_storage::NewBooking;

use super::calendar::CentreCalendar;
use super::links::manage_url;
use crate::i18n::{args, msg, msg_args};
use crate::{App, templates, view};

/// Which e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    Confirmation,
    Moved,
    Cancelled,
    Reminder,
    /// The link of a booking the person already holds, sent again when
    /// someone asked to book the same service with their details.
    Existing,
}

impl MailKind {
    fn code(self) -> &'static str {
        match self {
            MailKind::Confirmation => "booking.confirmation",
            MailKind::Moved => "booking.moved",
            MailKind::Cancelled => "booking.cancelled",
            MailKind::Reminder => "booking.reminder",
            MailKind::Existing => "booking.existing",
        }
    }

    fn subject_id(self) -> &'static str {
        match self {
            MailKind::Confirmation => "mail-confirmation-subject",
            MailKind::Moved => "mail-moved-subject",
            MailKind::Cancelled => "mail-cancelled-subject",
            MailKind::Reminder => "mail-reminder-subject",
            MailKind::Existing => "mail-existing-subject",
        }
    }

    fn intro_id(self) -> &'static str {
        match self {
            MailKind::Confirmation => "mail-confirmation-intro",
            MailKind::Moved => "mail-moved-intro",
            MailKind::Cancelled => "mail-cancelled-intro",
            MailKind::Reminder => "mail-reminder-intro",
            MailKind::Existing => "mail-existing-intro",
        }
    }
}

/// Message id of a modality's name.
pub fn modality_id(modality: Modality) -> &'static str {
    match modality {
        Modality::InOffice => "modality-in_office",
        Modality::Phone => "modality-phone",
        Modality::Video => "modality-video",
    }
}

/// One line of the mail's summary.
#[derive(Debug, Serialize)]
struct Line {
    label: String,
    value: String,
}

/// What the mail says, ready for both bodies.
struct Content {
    subject: String,
    greeting: String,
    intro: String,
    lines: Vec<Line>,
    video_url: Option<String>,
    manage_url: Option<String>,
    access_rules_html: Option<String>,
    access_rules_text: Option<String>,
    footer: String,
}

/// The fields every appointment mail shows.
struct Subject<'a> {
    reference: &'a str,
    modality: Modality,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    sequence: u32,
    status: BookingStatus,
    name: &'a str,
    lang: Lang,
    video_url: Option<&'a str>,
}

fn content(app: &App, kind: MailKind, calendar: &CentreCalendar, service: &Service, s: &Subject) -> Content {
    let lang = s.lang;
    let centre = &calendar.centre.data;
    let service_name = service.data.text(lang).map(|t| t.name.clone()).unwrap_or_default();
    let when = view::when(lang, s.start);
    let reference = sportello_domain::BookingRef::parse(s.reference);
    let mut lines = vec![
        Line {
            label: msg(lang, "appointment-reference"),
            value: s.reference.to_string(),
        },
        Line {
            label: msg(lang, "appointment-service"),
            value: service_name.clone(),
        },
        Line {
            label: msg(lang, "appointment-when-label"),
            value: when.clone(),
        },
        Line {
            label: msg(lang, "appointment-modality"),
            value: msg(lang, modality_id(s.modality)),
        },
    ];
    lines.push(Line {
        label: msg(lang, "appointment-where"),
        value: calendar.where_text(lang, s.modality, s.start),
    });
    lines.push(Line {
        label: msg(lang, "appointment-contact"),
        value: format!("{} · {} · {}", centre.name, centre.phone, centre.email),
    });
    let rules = calendar.access_rules(lang).filter(|_| kind != MailKind::Cancelled);
    Content {
        subject: msg_args(
            lang,
            kind.subject_id(),
            &args(&[("service", service_name.into()), ("when", when.clone().into())]),
        ),
        greeting: msg_args(lang, "mail-greeting", &args(&[("name", s.name.into())])),
        intro: msg_args(lang, kind.intro_id(), &args(&[("when", when.into())])),
        lines,
        video_url: s.video_url.filter(|_| kind != MailKind::Cancelled).map(str::to_string),
        manage_url: reference
            .filter(|_| kind != MailKind::Cancelled)
            .map(|r| manage_url(app, lang, &r, s.start)),
        access_rules_html: rules.map(markdown::to_html),
        access_rules_text: rules.map(markdown::to_plain_text),
        footer: msg_args(lang, "mail-footer", &args(&[("centre", centre.name.as_str().into())])),
    }
}

fn text_body(lang: Lang, c: &Content) -> String {
    let mut out = format!("{}\n\n{}\n\n", c.greeting, c.intro);
    for line in &c.lines {
        out.push_str(&format!("{}: {}\n", line.label, line.value));
    }
    if let Some(url) = &c.video_url {
        out.push_str(&format!("\n{}\n{url}\n", msg(lang, "appointment-video-link")));
    }
    if let Some(rules) = &c.access_rules_text {
        out.push_str(&format!("\n{}\n{rules}\n", msg(lang, "appointment-access-rules")));
    }
    if let Some(url) = &c.manage_url {
        out.push_str(&format!("\n{}\n{url}\n", msg(lang, "mail-manage")));
    }
    out.push_str(&format!("\n-- \n{}\n", c.footer));
    out
}

fn html_body(lang: Lang, c: &Content) -> Option<String> {
    let ctx = context! {
        lang => lang.code(),
        subject => &c.subject,
        greeting => &c.greeting,
        intro => &c.intro,
        lines => minijinja::value::Serde(&c.lines),
        video_url => &c.video_url,
        manage_url => &c.manage_url,
        access_rules => &c.access_rules_html,
        footer => &c.footer,
    };
    match templates::render("mail/booking.html", ctx) {
        Ok(html) => Some(html),
        Err(e) => {
            tracing::error!(error = %e, "the HTML body of a mail did not render; sending text only");
            None
        }
    }
}

/// The `.ics` of an appointment: a REQUEST (with the person as an attendee
/// who has accepted) or CANCEL for e-mails, a PUBLISH for the download.
fn ics(
    app: &App,
    calendar: &CentreCalendar,
    service: &Service,
    s: &Subject,
    email: Option<&sportello_domain::Email>,
    now: DateTime<Utc>,
) -> String {
    let lang = s.lang;
    let centre = &calendar.centre.data;
    let service_name = service.data.text(lang).map(|t| t.name.clone()).unwrap_or_default();
    let host = app.public_url.host();
    let mut description = format!("{}: {}", msg(lang, "appointment-reference"), s.reference);
    if let Some(url) = s.video_url {
        description.push_str(&format!("\n{}: {url}", msg(lang, "appointment-video-link")));
    }
    let location = match s.modality {
        Modality::InOffice => Some(calendar.address_at(lang, s.start)),
        Modality::Video => s.video_url.map(str::to_string),
        Modality::Phone => Some(msg(lang, "appointment-phone-note")),
    };
    let event = IcsEvent {
        uid: format!("{}@{host}", s.reference),
        sequence: s.sequence,
        stamp: now,
        start: s.start,
        end: s.end,
        summary: format!("{service_name} – {}", centre.name),
        description,
        location,
        url: sportello_domain::BookingRef::parse(s.reference).map(|r| manage_url(app, lang, &r, s.start)),
        organizer: Some((centre.name.clone(), centre.email.clone())),
        attendee: email.map(|e| (s.name.to_string(), e.as_str().to_string())),
        cancelled: s.status == BookingStatus::Cancelled,
        lang: lang.code(),
    };
    let method = match (email, event.cancelled) {
        (None, _) => IcsMethod::Publish,
        (Some(_), true) => IcsMethod::Cancel,
        (Some(_), false) => IcsMethod::Request,
    };
    calendar_text(method, &event)
}

/// The `.ics` of a booking as it stands now, for the booking page's download.
pub fn booking_ics(app: &App, calendar: &CentreCalendar, service: &Service, b: &Booking, now: DateTime<Utc>) -> String {
    ics(app, calendar, service, &subject_of(b), None, now)
}

fn calendar_text(method: IcsMethod, event: &IcsEvent) -> String {
    calendar(method, std::slice::from_ref(event))
}

fn mail(
    app: &App,
    kind: MailKind,
    calendar: &CentreCalendar,
    service: &Service,
    s: &Subject,
    email: Option<&sportello_domain::Email>,
    now: DateTime<Utc>,
) -> Option<OutgoingMail> {
    let email = email?;
    let c = content(app, kind, calendar, service, s);
    let method = if s.status == BookingStatus::Cancelled {
        "CANCEL"
    } else {
        "REQUEST"
    };
    Some(OutgoingMail {
        to: email.clone(),
        to_name: Some(s.name.to_string()),
        lang: s.lang,
        subject: c.subject.clone(),
        text: text_body(s.lang, &c),
        html: html_body(s.lang, &c),
        attachments: vec![MailAttachment {
            filename: "appointment.ics".into(),
            content_type: format!("text/calendar; method={method}; charset=UTF-8"),
            content: ics(app, calendar, service, s, Some(email), now),
        }],
        kind: kind.code().into(),
        dedupe_key: None,
        list_unsubscribe: None,
    })
}

fn subject_of(b: &Booking) -> Subject<'_> {
    Subject {
        reference: b.reference.as_str(),
        modality: b.modality,
        start: b.start,
        end: b.end,
        sequence: b.sequence,
        status: b.status,
        name: &b.person.name,
        lang: b.person.lang,
        video_url: b.video_url.as_deref(),
    }
}

/// The confirmation of a new booking, when the person gave an e-mail address.
pub fn confirmation(
    app: &App,
    calendar: &CentreCalendar,
    service: &Service,
    b: &NewBooking,
    now: DateTime<Utc>,
) -> Option<OutgoingMail> {
    let r = &b.request;
    let s = Subject {
        reference: b.reference.as_str(),
        modality: r.modality,
        start: r.start,
        end: b.end,
        sequence: 0,
        status: BookingStatus::Booked,
        name: &r.person.name,
        lang: r.person.lang,
        video_url: b.video_url.as_deref(),
    };
    mail(
        app,
        MailKind::Confirmation,
        calendar,
        service,
        &s,
        r.person.email.as_ref(),
        now,
    )
}

/// The new time of a moved booking (as it will be once moved).
pub fn moved(
    app: &App,
    calendar: &CentreCalendar,
    service: &Service,
    b: &Booking,
    now: DateTime<Utc>,
) -> Option<OutgoingMail> {
    mail(
        app,
        MailKind::Moved,
        calendar,
        service,
        &subject_of(b),
        b.person.email.as_ref(),
        now,
    )
}

/// The cancellation of a booking (as it will be once cancelled).
pub fn cancelled(
    app: &App,
    calendar: &CentreCalendar,
    service: &Service,
    b: &Booking,
    now: DateTime<Utc>,
) -> Option<OutgoingMail> {
    mail(
        app,
        MailKind::Cancelled,
        calendar,
        service,
        &subject_of(b),
        b.person.email.as_ref(),
        now,
    )
}

/// The link of a booking the person already holds, sent again.
pub fn existing(
    app: &App,
    calendar: &CentreCalendar,
    service: &Service,
    b: &Booking,
    now: DateTime<Utc>,
) -> Option<OutgoingMail> {
    mail(
        app,
        MailKind::Existing,
        calendar,
        service,
        &subject_of(b),
        b.person.email.as_ref(),
        now,
    )
}

/// A reminder of a booking to come; one per booking, time and delay, ever.
pub fn reminder(
    app: &App,
    calendar: &CentreCalendar,
    service: &Service,
    b: &Booking,
    minutes_before: u32,
    now: DateTime<Utc>,
) -> Option<OutgoingMail> {
    let mut m = mail(
        app,
        MailKind::Reminder,
        calendar,
        service,
        &subject_of(b),
        b.person.email.as_ref(),
        now,
    )?;
    m.dedupe_key = Some(format!("reminder:{}:{}:{minutes_before}", b.reference, b.sequence));
    Some(m)
}
