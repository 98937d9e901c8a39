//! Group meetings: events of the centres with their sessions, and people's
//! registrations — made, confirmed and cancelled the same way by the public
//! pages and the API (`registration`), with their e-mails and texts
//! (`mails`), the signed links that open a registration (`links`), and each
//! centre's calendar of its sessions to subscribe to (`calendar`).

pub mod calendar;
pub mod links;
pub mod mails;
pub mod registration;

pub use calendar::centre_calendar;
pub use mails::{EventContext, NoticeKind, place_text, session_ics, status_id, status_text};
pub use registration::{
    IDEMPOTENCY_WINDOW, RegistrationError, RegistrationInput, answered_by_message, cancel, confirm, lapse_due,
    register, sessions_asked,
};
