//! A centre's week for its operators, printable on one sheet: day by day,
//! the appointments (service, how, who: as the agenda shows them, without
//! contacts or needs), the group meetings' sessions (seats taken, people
//! waiting, moved or called off), the outreach points' stops and desk
//! hours, the part-day closures, and the days the centre is closed. `GET
//! /{lang}/office/week?centre={slug}&week=YYYY-MM-DD` (any day of the
//! week; this week by default). Appointments follow the agenda's
//! need-to-know rules (`agenda::readable_bookings`): Collocamento Mirato
//! ones only for the centre's `mirato` grants (each read audited), counted
//! for coordinators.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::response::Response;
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};
use minijinja::context;
use minijinja::value::Serde;
use serde::{Deserialize, Serialize};
use sportello_domain::time::{from_rome_local, rome_date};
use sportello_domain::{BookingStatus, PointKind, SessionStatus};

use super::appointments::agenda::{readable_bookings, status_id};
use super::appointments::services::{Need, centre_choices, centre_for, service_name};
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::Locale;
use crate::pages::office::render;
use crate::session::Office;
use sportello_app::appointments::mails::modality_id;
use sportello_app::appointments::{CentreCalendar, closed_message, day_or_today};
use sportello_app::events::{place_text, state_note};
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::view;

/// Stops of one point read for a week at most.
const STOPS_READ: usize = 50;

#[derive(Debug, Default, Deserialize)]
pub struct WeekQuery {
    centre: Option<String>,
    week: Option<String>,
}

/// One thing on a day of the week.
#[derive(Debug, Serialize)]
struct Item {
    #[serde(skip)]
    start: DateTime<Utc>,
    time: String,
    /// What it is, in words: an appointment, a group meeting…
    kind: String,
    what: String,
    detail: String,
    /// Moved, called off, cancelled, attended…
    note: Option<String>,
    url: Option<String>,
}

#[derive(Debug, Serialize)]
struct Day {
    date: String,
    closed: Option<String>,
    items: Vec<Item>,
}

/// Rome midnight at the start of `day`.
fn midnight(day: NaiveDate) -> DateTime<Utc> {
    from_rome_local(day.and_time(NaiveTime::MIN))
}

/// `GET /{lang}/office/week?centre={slug}&week=YYYY-MM-DD`.
pub async fn page(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    Query(query): Query<WeekQuery>,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let centre = centre_for(&state, &user, query.centre.as_deref(), Need::ReadAgenda, "agenda.read").await?;
    let any_day = day_or_today(query.week.as_deref())
        .ok_or_else(|| AppError::bad_parameter("week", query.week.clone().unwrap_or_default()).page(lang))?;
    let monday = any_day - chrono::Duration::days(i64::from(any_day.weekday().num_days_from_monday()));
    let days: Vec<NaiveDate> = monday.iter_days().take(7).collect();
    let next_monday = monday.checked_add_days(Days::new(7)).unwrap_or(monday);
    let span = (midnight(monday), midnight(next_monday));
    let mut items: BTreeMap<NaiveDate, Vec<Item>> = BTreeMap::new();

    // Appointments, as the agenda shows them to this user.
    let (bookings, services, hidden_mirato) = readable_bookings(&state, &user, &centre, span, None, false).await?;
    let points = state.storage.points(Some(centre.id)).await.on_page(lang)?;
    for b in bookings.iter().filter(|b| b.status != BookingStatus::Cancelled) {
        let service = services.iter().find(|s| s.id == b.service);
        let place = points.iter().find(|p| Some(p.id) == b.point);
        let how = match place {
            Some(p) => format!("{} · {}", msg(lang, modality_id(b.modality)), p.data.name(lang)),
            None => msg(lang, modality_id(b.modality)),
        };
        items.entry(rome_date(b.start)).or_default().push(Item {
            start: b.start,
            time: view::time_range(b.start, b.end),
            kind: msg(lang, "week-kind-appointment"),
            what: service.map(|s| service_name(lang, s)).unwrap_or_default(),
            detail: format!("{how} · {}", b.person.name),
            note: (b.status != BookingStatus::Booked).then(|| msg(lang, status_id(b.status))),
            url: Some(format!("/{lang}/office/agenda/{}", b.reference)),
        });
    }

    // Part-day closures of the centre or of one service.
    for c in state
        .storage
        .part_closures(centre.id, span.0, Some(span.1))
        .await
        .on_page(lang)?
    {
        let service = c.data.service.and_then(|id| services.iter().find(|s| s.id == id));
        items.entry(rome_date(c.data.start)).or_default().push(Item {
            start: c.data.start,
            time: view::time_range(c.data.start, c.data.end),
            kind: msg(lang, "week-kind-closure"),
            what: match service {
                Some(s) => service_name(lang, s),
                None => msg(lang, "part-closures-whole-centre"),
            },
            detail: c.data.reason.clone(),
            note: None,
            url: Some(format!("/{lang}/office/closures?centre={}", centre.data.slug)),
        });
    }

    // Group meetings' sessions.
    let access = user.access();
    for event in state
        .storage
        .centre_events(centre.id, span.0, span.1)
        .await
        .on_page(lang)?
    {
        let title = event.text(lang).map(|t| t.title.clone()).unwrap_or_default();
        let readable = access.can_read_bookings(centre.id, super::events::kind(&event));
        for s in event.sessions.iter().filter(|s| s.start >= span.0 && s.start < span.1) {
            let counts = msg_args(
                lang,
                "office-events-counts",
                &args(&[
                    ("taken", i64::from(s.taken).into()),
                    ("seats", i64::from(s.seats).into()),
                    ("waiting", i64::from(s.waiting).into()),
                ]),
            );
            let cancelled = s.status == SessionStatus::Cancelled;
            items.entry(rome_date(s.start)).or_default().push(Item {
                start: s.start,
                time: view::time_range(s.start, s.end),
                kind: msg(lang, "week-kind-session"),
                what: title.clone(),
                detail: if cancelled {
                    place_text(lang, s)
                } else {
                    format!("{} · {counts}", place_text(lang, s))
                },
                note: state_note(lang, s),
                url: readable.then(|| format!("/{lang}/office/events/{}/sessions/{}", event.id.0, s.id.0)),
            });
        }
    }

    // Outreach points: a tour's stops, a desk's weekly hours on its open days.
    for point in &points {
        let name = point.data.name(lang).to_string();
        match point.data.kind {
            PointKind::Tour => {
                for stop in state.storage.stops(point.id, monday, STOPS_READ).await.on_page(lang)? {
                    if stop.data.date >= next_monday {
                        break;
                    }
                    let start = from_rome_local(stop.data.date.and_time(stop.data.opens));
                    let end = from_rome_local(stop.data.date.and_time(stop.data.closes));
                    items.entry(stop.data.date).or_default().push(Item {
                        start,
                        time: view::time_range(start, end),
                        kind: msg(lang, "week-kind-stop"),
                        what: name.clone(),
                        detail: format!("{}, {}", stop.data.town, stop.data.place),
                        note: stop.cancelled.then(|| msg(lang, "outreach-stop-cancelled")),
                        url: None,
                    });
                }
            }
            PointKind::Desk => {
                let calendar = CentreCalendar::of_point(&state, centre.clone(), point.clone())
                    .await
                    .on_page(lang)?;
                for day in &days {
                    let weekday = day.weekday().number_from_monday();
                    let closed = calendar.calendar().closed_reason(*day);
                    for hours in point.data.hours.iter().filter(|h| u32::from(h.weekday) == weekday) {
                        let start = from_rome_local(day.and_time(hours.opens));
                        let end = from_rome_local(day.and_time(hours.closes));
                        items.entry(*day).or_default().push(Item {
                            start,
                            time: view::time_range(start, end),
                            kind: msg(lang, "week-kind-desk"),
                            what: name.clone(),
                            detail: point.data.address.clone(),
                            note: closed.as_ref().map(|c| closed_message(lang, c)),
                            url: None,
                        });
                    }
                }
            }
        }
    }

    let calendar = CentreCalendar::load(&state, centre.clone()).await.on_page(lang)?;
    let week: Vec<Day> = days
        .iter()
        .map(|day| {
            let mut of_day = items.remove(day).unwrap_or_default();
            of_day.sort_by_key(|i| i.start);
            let closed = calendar
                .calendar()
                .closed_reason(*day)
                .filter(|c| !matches!(c, sportello_domain::appointments::slots::DayClosed::Weekday))
                .map(|c| closed_message(lang, &c));
            Day {
                date: view::day(lang, *day),
                closed,
                items: of_day,
            }
        })
        // The weekend only when something happens then.
        .enumerate()
        .filter(|(i, d)| *i < 5 || !d.items.is_empty())
        .map(|(_, d)| d)
        .collect();
    let title = msg_args(
        lang,
        "week-heading",
        &args(&[
            ("centre", centre.data.name.as_str().into()),
            ("day", view::day(lang, monday).into()),
        ]),
    );
    let ctx = context! {
        centre => centre.data.slug.clone(),
        centres => centre_choices(&user, Need::ReadAgenda),
        filter_action => format!("/{lang}/office/week"),
        week => monday.to_string(),
        previous => monday.checked_sub_days(Days::new(7)).map(|d| d.to_string()),
        next => next_monday.to_string(),
        days => Serde(&week),
        hidden_mirato => hidden_mirato.len(),
    };
    render("office/week.html", lang, "/office/agenda", &title, Some(&user), ctx)
}
