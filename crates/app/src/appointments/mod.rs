//! Appointments: a centre's services (offered in the office, by phone or by
//! video), their free slots from the centre's calendar, and bookings —
//! made, moved and cancelled the same way by the public pages, the back
//! office and the API — with their e-mails, text messages and reminders.

pub mod booking;
pub mod calendar;
pub mod links;
pub mod mails;
pub mod reminders;
pub mod settings;
pub mod texts;

pub use booking::{
    ALTERNATIVES, BookingError, BookingInput, FreeSlot, IDEMPOTENCY_WINDOW, answered_by_message, book, cancel,
    contacts_given, free_slots, move_booking, next_free, open_days,
};
pub use calendar::{
    CentreCalendar, PointCalendar, closed_message, day_or_today, parse_start, slot_message, start_param,
};
pub use links::{LINK_GRACE, link_expired, manage_token, manage_url, short_token_is_valid, short_url, token_is_valid};
pub use reminders::queue_reminders;
pub use settings::Settings;
