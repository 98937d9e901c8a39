//! A centre's group meetings as a calendar to subscribe to
//! (`/{lang}/centres/{slug}/events.ics`): every session still to come of
//! its events, in the reader's language, with the event's page as its
//! address and a cancelled session marked so. The meeting rooms are for
//! registered people and are never in it.

use chrono::{DateTime, Utc};
use sportello_domain::ics::{IcsEvent, IcsMethod, calendar};
use sportello_domain::{Centre, Event, Lang, SessionStatus};

use super::mails::place_text;
use crate::App;

/// The sessions ending after `now` of `events` (the centre's), as one
/// `PUBLISH` calendar.
pub fn centre_calendar(app: &App, lang: Lang, centre: &Centre, events: &[Event], now: DateTime<Utc>) -> String {
    let mut entries = Vec::new();
    for event in events.iter().filter(|e| e.centre == centre.id) {
        let text = event.text(lang);
        let title = text.map(|t| t.title.clone()).unwrap_or_default();
        let url = app.public_url.join(&format!("/{lang}/events/{}", event.id.0));
        for s in event.sessions.iter().filter(|s| s.end > now) {
            let cancelled = s.status == SessionStatus::Cancelled;
            entries.push(IcsEvent {
                uid: format!("event-{}-{}@{}", event.id.0, s.id.0, app.public_url.host()),
                // Each move or cancellation by the organiser is a revision.
                sequence: s.changes.revision,
                stamp: now,
                start: s.start,
                end: s.end,
                summary: title.clone(),
                description: text
                    .map(|t| sportello_domain::markdown::to_plain_text(&t.description))
                    .unwrap_or_default(),
                location: Some(place_text(lang, s)),
                url: Some(url.clone()),
                organizer: Some((centre.data.name.clone(), centre.data.email.clone())),
                attendee: None,
                cancelled,
                lang: lang.code(),
            });
        }
    }
    calendar(IcsMethod::Publish, &entries)
}
