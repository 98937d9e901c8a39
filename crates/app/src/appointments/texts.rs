//! The text messages about appointments, in the person's language:
//! confirmation, move, cancellation, reminders and the link of a booking
//! sent again — short (reference, day,
//! time, place, short link) to fit in at most three parts. Nothing is sent
//! here: the caller queues the text with the change (see `crate::sms` for
//! who gets one).

use chrono::{DateTime, Utc};
use sportello_domain::{Booking, BookingRef, Lang, Modality, OutgoingSms, Phone};

use super::calendar::CentreCalendar;
use super::links::short_url;
use crate::App;
use crate::i18n::{args, msg, msg_args};

/// Which text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Confirmation,
    Moved,
    Cancelled,
    Reminder,
    /// The link of a booking the person already holds, sent again.
    Existing,
}

impl TextKind {
    pub const ALL: [TextKind; 5] = [
        TextKind::Confirmation,
        TextKind::Moved,
        TextKind::Cancelled,
        TextKind::Reminder,
        TextKind::Existing,
    ];

    /// The message's kind in the outbox (the e-mails' kinds).
    pub fn code(self) -> &'static str {
        match self {
            TextKind::Confirmation => "booking.confirmation",
            TextKind::Moved => "booking.moved",
            TextKind::Cancelled => "booking.cancelled",
            TextKind::Reminder => "booking.reminder",
            TextKind::Existing => "booking.existing",
        }
    }

    fn message_id(self) -> &'static str {
        match self {
            TextKind::Confirmation => "sms-booking-confirmation",
            TextKind::Moved => "sms-booking-moved",
            TextKind::Cancelled => "sms-booking-cancelled",
            TextKind::Reminder => "sms-booking-reminder",
            TextKind::Existing => "sms-booking-existing",
        }
    }
}

/// What a text about one appointment says.
pub struct TextSubject<'a> {
    pub reference: &'a BookingRef,
    pub modality: Modality,
    pub start: DateTime<Utc>,
    pub lang: Lang,
}

/// The text of `kind` about an appointment.
pub fn text(app: &App, kind: TextKind, calendar: &CentreCalendar, s: &TextSubject) -> String {
    let lang = s.lang;
    let centre = &calendar.centre.data;
    let local = sportello_domain::time::to_rome(s.start);
    let place = match s.modality {
        Modality::InOffice => calendar.street_at(s.start),
        Modality::Phone => msg(lang, "sms-place-phone"),
        Modality::Video => msg(lang, "sms-place-video"),
    };
    msg_args(
        lang,
        kind.message_id(),
        &args(&[
            ("centre", centre.name.as_str().into()),
            ("reference", s.reference.as_str().into()),
            ("day", local.format("%d/%m").to_string().into()),
            ("time", local.format("%H:%M").to_string().into()),
            ("place", place.into()),
            ("link", short_url(app, s.reference, s.start).into()),
        ]),
    )
}

/// The text of `kind` about `booking` (as it is, or will be once changed),
/// for its phone number, when the person asked for texts.
pub fn booking_text(app: &App, kind: TextKind, calendar: &CentreCalendar, booking: &Booking) -> Option<OutgoingSms> {
    let phone = booking.person.phone.as_ref().filter(|_| booking.person.sms)?;
    sms_for(app, kind, calendar, phone, &subject_of(booking))
}

/// [`booking_text`] for any subject and number.
pub fn sms_for(
    app: &App,
    kind: TextKind,
    calendar: &CentreCalendar,
    phone: &Phone,
    s: &TextSubject,
) -> Option<OutgoingSms> {
    app.outgoing_sms(phone, s.lang, kind.code(), text(app, kind, calendar, s))
}

fn subject_of(b: &Booking) -> TextSubject<'_> {
    TextSubject {
        reference: &b.reference,
        modality: b.modality,
        start: b.start,
        lang: b.person.lang,
    }
}
