//! schema.org `Event` for an event's page, one per session still to come
//! (search engines list each date as an event of its own): name and
//! description in the page's language, start and end in Rome time, the
//! status (`EventScheduled`, `EventCancelled`, or `EventRescheduled` with
//! the `previousStartDate` once the organiser moved it), how people attend
//! (`OfflineEventAttendanceMode`, `OnlineEventAttendanceMode` or
//! `MixedEventAttendanceMode`), the `Place` of the room and a
//! `VirtualLocation` (the event's page: the meeting room is for registered
//! people only), the organising centre, and a free `Offer` whose
//! availability says whether seats are left.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use sportello_domain::time::to_rome;
use sportello_domain::{Centre, Event, Lang, SessionStatus, markdown};

/// The `Event`s of `event`'s sessions ending after `now`, for its page at
/// `url` in `lang`, organised by `centre` (whose page is `centre_url`).
pub fn events(event: &Event, centre: &Centre, lang: Lang, url: &str, centre_url: &str, now: DateTime<Utc>) -> Value {
    let text = event.text(lang);
    let name = text.map(|t| t.title.clone()).unwrap_or_default();
    let description = text
        .map(|t| markdown::to_plain_text(&t.description))
        .unwrap_or_default();
    let sessions: Vec<Value> = event
        .sessions
        .iter()
        .filter(|s| s.end > now)
        .map(|s| {
            let mode = match (s.room.is_some(), s.online) {
                (true, true) => "https://schema.org/MixedEventAttendanceMode",
                (false, true) => "https://schema.org/OnlineEventAttendanceMode",
                _ => "https://schema.org/OfflineEventAttendanceMode",
            };
            let mut location = Vec::new();
            if let Some(room) = &s.room {
                location.push(json!({
                    "@type": "Place",
                    "name": room.place,
                    "address": {
                        "@type": "PostalAddress",
                        "streetAddress": room.address,
                        "addressCountry": "IT",
                    },
                }));
            }
            if s.online {
                location.push(json!({ "@type": "VirtualLocation", "url": url }));
            }
            let status = match (s.status, s.changes.previous_start) {
                (SessionStatus::Cancelled, _) => "https://schema.org/EventCancelled",
                (SessionStatus::Scheduled, Some(_)) => "https://schema.org/EventRescheduled",
                (SessionStatus::Scheduled, None) => "https://schema.org/EventScheduled",
            };
            let availability = if s.free_seats() > 0 {
                "https://schema.org/InStock"
            } else {
                "https://schema.org/SoldOut"
            };
            let mut markup = json!({
                "@context": "https://schema.org",
                "@type": "Event",
                "name": name,
                "description": description,
                "startDate": to_rome(s.start).to_rfc3339(),
                "endDate": to_rome(s.end).to_rfc3339(),
                "eventStatus": status,
                "eventAttendanceMode": mode,
                "location": if location.len() == 1 { location.remove(0) } else { Value::Array(location) },
                "organizer": {
                    "@type": "GovernmentOrganization",
                    "name": centre.data.name,
                    "url": centre_url,
                },
                "isAccessibleForFree": true,
                "inLanguage": lang.code(),
                "maximumAttendeeCapacity": s.seats,
                "offers": {
                    "@type": "Offer",
                    "price": 0,
                    "priceCurrency": "EUR",
                    "availability": availability,
                    "url": url,
                },
            });
            if let Some(previous) = s.changes.previous_start {
                markup["previousStartDate"] = json!(to_rome(previous).to_rfc3339());
            }
            markup
        })
        .collect();
    Value::Array(sessions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use sportello_domain::{Audience, EventId, EventText, Room, Session, SessionId};

    fn session(id: i64, room: bool, online: bool, taken: u32) -> Session {
        let start = Utc.with_ymd_and_hms(2026, 12, 15, 16, 0, 0).unwrap();
        Session {
            id: SessionId(id),
            event: EventId(1),
            start,
            end: start + Duration::hours(2),
            room: room.then(|| Room {
                place: "Sala Consiliare".into(),
                address: "Piazza Ganganelli 1, Santarcangelo di Romagna".into(),
            }),
            online,
            video_url: online.then(|| "https://meet.example.org/Sportello-secret".into()),
            seats: 2,
            status: SessionStatus::Scheduled,
            registration_closes: start,
            taken,
            waiting: 0,
            changes: Default::default(),
        }
    }

    #[test]
    fn one_event_per_session_with_mode_location_and_seats() {
        let event = Event {
            id: EventId(1),
            centre: crate::markup::fixtures::centre().id,
            audience: Audience::YoungPeople,
            partners: String::new(),
            series: true,
            texts: vec![EventText {
                lang: Lang::It,
                title: "Giovani e lavoro".into(),
                description: "Servizi **e** lavoro.".into(),
            }],
            sessions: vec![session(1, true, true, 2), session(2, false, true, 0)],
            created_at: Utc::now(),
        };
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let centre = crate::markup::fixtures::centre();
        let value = events(
            &event,
            &centre,
            Lang::En,
            "https://x.test/en/events/1",
            "https://x.test/en/centres/lecce",
            now,
        );
        let all = value.as_array().unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(
            all[0]["eventAttendanceMode"],
            "https://schema.org/MixedEventAttendanceMode"
        );
        assert_eq!(all[0]["location"][0]["@type"], "Place");
        assert_eq!(all[0]["location"][1]["url"], "https://x.test/en/events/1");
        assert_eq!(all[0]["offers"]["availability"], "https://schema.org/SoldOut");
        assert_eq!(all[0]["startDate"], "2026-12-15T17:00:00+01:00");
        assert_eq!(all[0]["description"], "Servizi e lavoro.");
        assert_eq!(
            all[1]["eventAttendanceMode"],
            "https://schema.org/OnlineEventAttendanceMode"
        );
        assert_eq!(all[1]["location"]["@type"], "VirtualLocation");
        assert_eq!(all[1]["offers"]["availability"], "https://schema.org/InStock");
        assert!(
            !value.to_string().contains("secret"),
            "the meeting room is never in the markup"
        );
        assert!(all[0].get("previousStartDate").is_none());
        // Sessions over are left out.
        let later = events(&event, &centre, Lang::En, "u", "c", now + Duration::days(30));
        assert!(later.as_array().unwrap().is_empty());
    }

    #[test]
    fn a_moved_session_is_rescheduled_and_a_cancelled_one_cancelled() {
        let mut moved = session(1, true, false, 0);
        moved.changes.previous_start = Some(moved.start - Duration::days(7));
        moved.changes.revision = 1;
        let mut off = session(2, true, false, 0);
        off.status = SessionStatus::Cancelled;
        let event = Event {
            id: EventId(1),
            centre: crate::markup::fixtures::centre().id,
            audience: Audience::Everyone,
            partners: String::new(),
            series: false,
            texts: vec![EventText {
                lang: Lang::It,
                title: "Giornata del lavoro".into(),
                description: String::new(),
            }],
            sessions: vec![moved, off],
            created_at: Utc::now(),
        };
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
        let value = events(&event, &crate::markup::fixtures::centre(), Lang::It, "u", "c", now);
        assert_eq!(value[0]["eventStatus"], "https://schema.org/EventRescheduled");
        assert_eq!(value[0]["previousStartDate"], "2026-12-08T17:00:00+01:00");
        assert_eq!(value[1]["eventStatus"], "https://schema.org/EventCancelled");
        assert!(value[1].get("previousStartDate").is_none());
    }
}
