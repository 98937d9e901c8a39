//! The messages about a registration, in the person's language: registered
//! (a seat or a place in line, per session), a seat offered, confirmed,
//! cancelled, an offer lapsed, a reminder, the registration sent again,
//! and what the organiser changed: the session moved or called off (with
//! the reason), or a message to everyone registered. Each e-mail
//! lists the sessions with their state, carries the signed link to the
//! registration's page and an `.ics` with the sessions the person holds a
//! seat in (or cancels); each text is one line with the short link. Nothing
//! is sent here: storage queues them with the change they are about.

use chrono::{DateTime, Utc};
use minijinja::context;
use serde::Serialize;
use sportello_domain::ics::{IcsEvent, IcsMethod, calendar};
use sportello_domain::{
    Centre, Event, Lang, MailAttachment, Notification, OutgoingMail, Registration, RegistrationStatus, Session,
    SessionMessage,
};

use super::links::{manage_url, short_url};
use crate::i18n::{args, msg, msg_args};
use crate::{App, templates, view};

/// What the messages are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// A new registration (seats and places in line), or a seat confirmed.
    Registered,
    /// A freed seat is held for the person until a deadline.
    Offered,
    Cancelled,
    /// A seat offer not confirmed in time.
    Lapsed,
    /// A session is coming (at the reminders' delays).
    Reminder,
    /// The registration the person holds, sent again because someone asked
    /// to register them once more.
    Existing,
    /// The organiser moved the session: its new time, the old one, why.
    SessionMoved,
    /// The organiser called the session off: why.
    SessionCancelled,
    /// The organiser wrote to everyone registered.
    Message,
}

impl NoticeKind {
    /// The kind that fits registrations just changed to `status`.
    pub fn of(status: RegistrationStatus) -> NoticeKind {
        match status {
            RegistrationStatus::Offered => NoticeKind::Offered,
            RegistrationStatus::Cancelled => NoticeKind::Cancelled,
            RegistrationStatus::Lapsed => NoticeKind::Lapsed,
            _ => NoticeKind::Registered,
        }
    }

    /// The message's kind in the outboxes.
    pub fn code(self) -> &'static str {
        match self {
            NoticeKind::Registered => "registration.confirmation",
            NoticeKind::Offered => "registration.offer",
            NoticeKind::Cancelled => "registration.cancelled",
            NoticeKind::Lapsed => "registration.lapsed",
            NoticeKind::Reminder => "registration.reminder",
            NoticeKind::Existing => "registration.existing",
            NoticeKind::SessionMoved => "registration.session_moved",
            NoticeKind::SessionCancelled => "registration.session_cancelled",
            NoticeKind::Message => "registration.message",
        }
    }

    fn subject_id(self) -> &'static str {
        match self {
            NoticeKind::Registered => "mail-registration-subject",
            NoticeKind::Offered => "mail-registration-offer-subject",
            NoticeKind::Cancelled => "mail-registration-cancelled-subject",
            NoticeKind::Lapsed => "mail-registration-lapsed-subject",
            NoticeKind::Reminder => "mail-registration-reminder-subject",
            NoticeKind::Existing => "mail-registration-existing-subject",
            NoticeKind::SessionMoved => "mail-registration-moved-subject",
            NoticeKind::SessionCancelled => "mail-registration-called-off-subject",
            NoticeKind::Message => "mail-registration-message-subject",
        }
    }

    fn sms_id(self) -> &'static str {
        match self {
            NoticeKind::Registered => "sms-registration",
            NoticeKind::Offered => "sms-registration-offer",
            NoticeKind::Cancelled => "sms-registration-cancelled",
            NoticeKind::Lapsed => "sms-registration-lapsed",
            NoticeKind::Reminder => "sms-registration-reminder",
            NoticeKind::Existing => "sms-registration-existing",
            NoticeKind::SessionMoved => "sms-registration-moved",
            NoticeKind::SessionCancelled => "sms-registration-called-off",
            NoticeKind::Message => "sms-registration-message",
        }
    }

    fn intro_id(self) -> &'static str {
        match self {
            NoticeKind::Registered => "mail-registration-intro",
            NoticeKind::Offered => "mail-registration-offer-intro",
            NoticeKind::Cancelled => "mail-registration-cancelled-intro",
            NoticeKind::Lapsed => "mail-registration-lapsed-intro",
            NoticeKind::Reminder => "mail-registration-reminder-intro",
            NoticeKind::Existing => "mail-registration-existing-intro",
            NoticeKind::SessionMoved => "mail-registration-moved-intro",
            NoticeKind::SessionCancelled => "mail-registration-called-off-intro",
            NoticeKind::Message => "mail-registration-message-intro",
        }
    }
}

/// Message id of an audience.
pub fn audience_id(audience: sportello_domain::Audience) -> &'static str {
    use sportello_domain::Audience;
    match audience {
        Audience::Everyone => "event-audience-everyone",
        Audience::YoungPeople => "event-audience-young_people",
        Audience::ForeignResidents => "event-audience-foreign_residents",
        Audience::Mirato => "event-audience-mirato",
    }
}

/// Message id of a registration status.
pub fn status_id(status: RegistrationStatus) -> &'static str {
    match status {
        RegistrationStatus::Confirmed => "event-status-confirmed",
        RegistrationStatus::Waiting => "event-status-waiting",
        RegistrationStatus::Offered => "event-status-offered",
        RegistrationStatus::Lapsed => "event-status-lapsed",
        RegistrationStatus::Cancelled => "event-status-cancelled",
        RegistrationStatus::Attended => "event-status-attended",
        RegistrationStatus::NoShow => "event-status-no_show",
    }
}

/// A registration's state in words: "Waiting list: number 3".
pub fn status_text(lang: Lang, r: &Registration) -> String {
    let deadline = r.offer_expires.map(|d| view::when(lang, d)).unwrap_or_default();
    msg_args(
        lang,
        status_id(r.status),
        &args(&[
            ("position", r.position.unwrap_or(0).into()),
            ("deadline", deadline.into()),
        ]),
    )
}

/// Where a session takes place: the room, online, or both.
pub fn place_text(lang: Lang, s: &Session) -> String {
    let room = s.room.as_ref().map(|r| format!("{}, {}", r.place, r.address));
    match (room, s.online) {
        (Some(room), true) => format!("{room} · {}", msg(lang, "event-online")),
        (Some(room), false) => room,
        (None, _) => msg(lang, "event-online"),
    }
}

/// The event and its centre, which every message names.
pub struct EventContext<'a> {
    pub event: &'a Event,
    pub centre: &'a Centre,
}

impl EventContext<'_> {
    fn title(&self, lang: Lang) -> String {
        self.event.text(lang).map(|t| t.title.clone()).unwrap_or_default()
    }
}

#[derive(Debug, Serialize)]
struct Line {
    label: String,
    value: String,
}

/// The e-mail and the text about `rows` (one person's, one reference),
/// each when the person gave that contact (texts: when they asked for them).
pub fn notice(
    app: &App,
    ctx: &EventContext,
    kind: NoticeKind,
    rows: &[Registration],
    now: DateTime<Utc>,
) -> Notification {
    notice_with(app, ctx, kind, rows, None, now)
}

/// [`notice`] of the organiser's message to everyone registered.
pub fn message_notice(
    app: &App,
    ctx: &EventContext,
    rows: &[Registration],
    message: &SessionMessage,
    now: DateTime<Utc>,
) -> Notification {
    notice_with(app, ctx, NoticeKind::Message, rows, Some(message), now)
}

fn notice_with(
    app: &App,
    ctx: &EventContext,
    kind: NoticeKind,
    rows: &[Registration],
    message: Option<&SessionMessage>,
    now: DateTime<Utc>,
) -> Notification {
    let Some(first) = rows.first() else {
        return Notification::NONE;
    };
    Notification {
        mail: mail(app, ctx, kind, rows, message, now),
        sms: first
            .person
            .phone
            .as_ref()
            .filter(|_| first.person.sms)
            .and_then(|phone| {
                app.outgoing_sms(
                    phone,
                    first.person.lang,
                    kind.code(),
                    text(app, ctx, kind, rows, message),
                )
            }),
    }
}

/// The lines an organiser's change adds: the start before a move, the
/// reason given.
fn change_lines(lang: Lang, kind: NoticeKind, session: &Session) -> Vec<Line> {
    let mut lines = Vec::new();
    if kind == NoticeKind::SessionMoved
        && let Some(previous) = session.changes.previous_start
    {
        lines.push(Line {
            label: msg(lang, "event-previously"),
            value: view::when(lang, previous),
        });
    }
    if matches!(kind, NoticeKind::SessionMoved | NoticeKind::SessionCancelled) && !session.changes.reason.is_empty() {
        lines.push(Line {
            label: msg(lang, "event-change-reason"),
            value: session.changes.reason.clone(),
        });
    }
    lines
}

fn mail(
    app: &App,
    ctx: &EventContext,
    kind: NoticeKind,
    rows: &[Registration],
    message: Option<&SessionMessage>,
    now: DateTime<Utc>,
) -> Option<OutgoingMail> {
    let first = rows.first()?;
    let email = first.person.email.as_ref()?;
    let lang = first.person.lang;
    let title = ctx.title(lang);
    let centre = &ctx.centre.data;
    let mut lines = vec![Line {
        label: msg(lang, "event-reference"),
        value: first.reference.to_string(),
    }];
    for r in rows {
        let Some(session) = ctx.event.session(r.session) else {
            continue;
        };
        lines.push(Line {
            label: view::when(lang, session.start),
            value: format!("{} — {}", place_text(lang, session), status_text(lang, r)),
        });
        lines.extend(change_lines(lang, kind, session));
        if r.status == RegistrationStatus::Confirmed
            && let Some(url) = &session.video_url
        {
            lines.push(Line {
                label: msg(lang, "appointment-video-link"),
                value: url.clone(),
            });
        }
    }
    lines.push(Line {
        label: msg(lang, "appointment-contact"),
        value: format!("{} · {} · {}", centre.name, centre.phone, centre.email),
    });
    let subject = msg_args(
        lang,
        kind.subject_id(),
        &args(&[
            ("title", title.as_str().into()),
            (
                "subject",
                message.map(|m| m.subject.as_str()).unwrap_or_default().into(),
            ),
        ]),
    );
    let greeting = msg_args(
        lang,
        "mail-greeting",
        &args(&[("name", first.person.name.as_str().into())]),
    );
    let intro = msg_args(lang, kind.intro_id(), &args(&[("title", title.as_str().into())]));
    let manage = manage_url(app, lang, &first.reference);
    let footer = msg_args(lang, "mail-footer", &args(&[("centre", centre.name.as_str().into())]));
    let mut text = format!("{greeting}\n\n{intro}\n\n");
    if let Some(message) = message {
        text.push_str(&format!("{}\n\n{}\n\n", message.subject, message.body));
    }
    for line in &lines {
        text.push_str(&format!("{}: {}\n", line.label, line.value));
    }
    text.push_str(&format!(
        "\n{}\n{manage}\n\n-- \n{footer}\n",
        msg(lang, "mail-registration-manage")
    ));
    let html = templates::render(
        "mail/booking.html",
        context! {
            lang => lang.code(),
            subject => &subject,
            greeting => &greeting,
            intro => &intro,
            message_subject => message.map(|m| m.subject.as_str()),
            message_body => message.map(|m| m.body.as_str()),
            lines => minijinja::value::Serde(&lines),
            manage_url => &manage,
            manage_label => msg(lang, "mail-registration-manage-link"),
            footer => &footer,
        },
    )
    .map_err(|e| tracing::error!(error = %e, "the HTML body of a mail did not render; sending text only"))
    .ok();
    let cancelling = rows.iter().all(|r| r.status == RegistrationStatus::Cancelled);
    // A message changes nothing in people's calendars.
    let in_calendar: Vec<_> = rows
        .iter()
        .filter(|_| kind != NoticeKind::Message)
        .filter(|r| r.status == RegistrationStatus::Confirmed || cancelling)
        .filter_map(|r| Some((r, ctx.event.session(r.session)?)))
        .map(|(r, s)| ics_event(app, ctx, r, s, Some(email.as_str()), now))
        .collect();
    let method = if cancelling {
        IcsMethod::Cancel
    } else {
        IcsMethod::Request
    };
    let attachments = if in_calendar.is_empty() {
        Vec::new()
    } else {
        vec![MailAttachment {
            filename: "event.ics".into(),
            content_type: format!("text/calendar; method={}; charset=UTF-8", method.as_str()),
            content: calendar(method, &in_calendar),
        }]
    };
    Some(OutgoingMail {
        to: email.clone(),
        to_name: Some(first.person.name.clone()),
        lang,
        subject,
        text,
        html,
        attachments,
        kind: kind.code().into(),
        dedupe_key: None,
        list_unsubscribe: None,
    })
}

/// One session of a registration as a calendar event.
fn ics_event(
    app: &App,
    ctx: &EventContext,
    r: &Registration,
    s: &Session,
    email: Option<&str>,
    now: DateTime<Utc>,
) -> IcsEvent {
    let lang = r.person.lang;
    let centre = &ctx.centre.data;
    let mut description = format!("{}: {}", msg(lang, "event-reference"), r.reference);
    if let Some(url) = &s.video_url {
        description.push_str(&format!("\n{}: {url}", msg(lang, "appointment-video-link")));
    }
    let cancelled = r.status == RegistrationStatus::Cancelled || s.status == sportello_domain::SessionStatus::Cancelled;
    // Each move or cancellation of the session is a revision; the person's
    // own cancellation one more.
    IcsEvent {
        uid: format!("{}-{}@{}", r.reference, s.id.0, app.public_url.host()),
        sequence: s.changes.revision + u32::from(r.status == RegistrationStatus::Cancelled),
        stamp: now,
        start: s.start,
        end: s.end,
        summary: format!("{} – {}", ctx.title(lang), centre.name),
        description,
        location: Some(match (&s.room, &s.video_url) {
            (Some(room), _) => format!("{}, {}", room.place, room.address),
            (None, Some(url)) => url.clone(),
            (None, None) => String::new(),
        }),
        url: Some(manage_url(app, lang, &r.reference)),
        organizer: Some((centre.name.clone(), centre.email.clone())),
        attendee: email.map(|e| (r.person.name.clone(), e.to_string())),
        cancelled,
        lang: lang.code(),
    }
}

/// The `.ics` of one session of a registration, for the page's download.
pub fn session_ics(app: &App, ctx: &EventContext, r: &Registration, now: DateTime<Utc>) -> Option<String> {
    let session = ctx.event.session(r.session)?;
    Some(calendar(
        IcsMethod::Publish,
        &[ics_event(app, ctx, r, session, None, now)],
    ))
}

/// The text: the event, each session's day, time and state, the link. When
/// that takes more than the parts a text may have (a long series), the
/// first session only, with how many more there are: the link shows them.
/// The organiser's message is given whole when it fits, else its subject
/// with the link, where the registration's page shows it.
fn text(
    app: &App,
    ctx: &EventContext,
    kind: NoticeKind,
    rows: &[Registration],
    message: Option<&SessionMessage>,
) -> String {
    let first = &rows[0];
    let lang = first.person.lang;
    let mut title = ctx.title(lang);
    if title.chars().count() > 40 {
        title = format!("{}...", title.chars().take(37).collect::<String>());
    }
    let say = |name: &'static str, value: &str| {
        msg_args(
            lang,
            kind.sms_id(),
            &args(&[
                ("centre", ctx.centre.data.name.as_str().into()),
                ("title", title.as_str().into()),
                (name, value.into()),
                ("link", short_url(app, &first.reference).into()),
            ]),
        )
    };
    // The first of `tries` that fits in a text, else the last.
    let fitting = |name: &'static str, tries: &[String]| {
        tries
            .iter()
            .map(|t| say(name, t))
            .find(|t| sportello_domain::SmsText::parse(t).is_ok())
            .unwrap_or_else(|| say(name, tries.last().map(String::as_str).unwrap_or_default()))
    };
    if let Some(message) = message {
        // The whole message, else its subject, else the subject's start:
        // the link leads to the whole of it.
        let short: String = message.subject.chars().take(40).collect();
        let tries = [
            format!("{} - {}", message.subject, message.body),
            message.subject.clone(),
            format!("{short}..."),
        ];
        return fitting("message", &tries);
    }
    let sessions: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            let s = ctx.event.session(r.session)?;
            let local = sportello_domain::time::to_rome(s.start);
            // A session moved or called off: the message says so already.
            if matches!(kind, NoticeKind::SessionMoved | NoticeKind::SessionCancelled) {
                return Some(local.format("%d/%m %H:%M").to_string());
            }
            Some(format!("{} {}", local.format("%d/%m %H:%M"), status_text(lang, r)))
        })
        .collect();
    let mut tries = vec![sessions.join("; ")];
    if sessions.len() >= 2 {
        tries.push(format!("{} (+{})", sessions[0], sessions.len() - 1));
    }
    fitting("when", &tries)
}
