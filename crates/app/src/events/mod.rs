//! Group meetings: events of the centres with their sessions, and people's
//! registrations — made, confirmed and cancelled the same way by the public
//! pages and the API (`registration`), with their e-mails and texts
//! (`mails`), the signed links that open a registration (`links`), and each
//! centre's calendar of its sessions to subscribe to (`calendar`), and the
//! reminders before each session (`reminders`), and the A4 poster for the
//! centre's wall (`poster`); what the organiser changes in a session and
//! tells everyone registered (`changes`).

pub mod calendar;
pub mod changes;
pub mod links;
pub mod mails;
pub mod poster;
pub mod registration;
pub mod reminders;

use sportello_domain::{Centre, Event, EventId};
use sportello_storage::StorageError;

use crate::App;

pub use calendar::centre_calendar;
pub use changes::{ChangeError, cancel_session, message_session, move_session, state_note};
pub use mails::{EventContext, NoticeKind, audience_id, place_text, session_ics, status_id, status_text};
pub use registration::{
    IDEMPOTENCY_WINDOW, RegistrationError, RegistrationInput, answered_by_message, cancel, confirm, lapse_due,
    register, sessions_asked,
};
pub use reminders::queue_registration_reminders;

/// An event with its organising centre; `None` when there is no such event.
pub async fn event_with_centre(app: &App, id: EventId) -> Result<Option<(Event, Centre)>, StorageError> {
    let Some(event) = app.storage.event(id).await? else {
        return Ok(None);
    };
    let centre = app.storage.centres().await?.into_iter().find(|c| c.id == event.centre);
    Ok(centre.map(|centre| (event, centre)))
}

/// Events with their centres, read once each: what the minute jobs keep
/// while they go through many registrations.
#[derive(Default)]
pub(crate) struct LoadedEvents(Vec<(Event, Centre)>);

impl LoadedEvents {
    /// The event `id` with its centre, read on first use; `None` when there
    /// is no such event.
    pub(crate) async fn get(&mut self, app: &App, id: EventId) -> Result<Option<&(Event, Centre)>, StorageError> {
        if !self.0.iter().any(|(e, _)| e.id == id)
            && let Some(pair) = event_with_centre(app, id).await?
        {
            self.0.push(pair);
        }
        Ok(self.0.iter().find(|(e, _)| e.id == id))
    }
}
