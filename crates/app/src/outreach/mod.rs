//! Outreach points as people see them: the next stops on the home page and
//! a centre's board, a point's page (its hours or its stops, the services
//! booked there), the stops as a calendar to subscribe to, the markup
//! (`crate::markup::outreach`) and the stop-list poster (`poster.rs`).
//! The rules and their checks are in `sportello_domain::outreach`.

pub mod poster;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sportello_domain::ics::{IcsEvent, IcsMethod, calendar};
use sportello_domain::time::rome_date;
use sportello_domain::{Centre, CentreId, Lang, OutreachPoint, PointKind, Stop};
use sportello_storage::StorageError;

use crate::App;
use crate::i18n::msg;
use crate::view;

/// A stop as lists show it.
#[derive(Debug, Clone, Serialize)]
pub struct StopView {
    pub id: i64,
    /// The point's name, and its language when it is not the page's.
    pub point: String,
    pub text_lang: Option<&'static str>,
    pub point_url: String,
    /// e.g. "martedì 15 dicembre".
    pub day: String,
    /// `YYYY-MM-DD`, for `<time datetime>`.
    pub date: String,
    /// e.g. "09:00–12:30".
    pub hours: String,
    pub town: String,
    /// Place and street.
    pub place: String,
    pub cancelled: bool,
}

/// The address of a point's page.
pub fn point_path(lang: Lang, point: &OutreachPoint) -> String {
    format!("/{lang}/outreach/{}", point.data.slug)
}

/// The language of a point's name when it is not `lang` (an Italian
/// fallback).
pub fn text_lang(lang: Lang, point: &OutreachPoint) -> Option<&'static str> {
    point
        .data
        .text(lang)
        .map(|t| t.lang)
        .filter(|l| *l != lang)
        .map(Lang::code)
}

pub fn stop_view(lang: Lang, point: &OutreachPoint, stop: &Stop) -> StopView {
    let d = &stop.data;
    StopView {
        id: stop.id.0,
        point: point.data.name(lang).to_string(),
        text_lang: text_lang(lang, point),
        point_url: point_path(lang, point),
        day: view::day(lang, d.date),
        date: d.date.to_string(),
        hours: view::time_range(d.start(), d.end()),
        town: d.town.clone(),
        place: [d.place.as_str(), d.address.as_str()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        cancelled: stop.cancelled,
    }
}

/// The next `limit` stops of the points of `centre` (or of every centre)
/// not over at `now`.
pub async fn next_stops(
    app: &App,
    lang: Lang,
    centre: Option<CentreId>,
    now: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<StopView>, StorageError> {
    Ok(app
        .storage
        .upcoming_stops(centre, now, limit)
        .await?
        .iter()
        .map(|(point, stop)| stop_view(lang, point, stop))
        .collect())
}

/// The stops not over at `now` of the points of `centre` (or of every
/// centre), cancelled ones too, by time, at most `limit`: what a calendar
/// feed carries, so that a subscriber sees a cancelled stop marked, not
/// vanished.
pub async fn feed_stops(
    app: &App,
    centre: Option<CentreId>,
    now: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<(OutreachPoint, Stop)>, StorageError> {
    let mut all = Vec::new();
    for point in app.storage.points(centre).await? {
        for stop in app.storage.stops(point.id, rome_date(now), limit).await? {
            if stop.data.end() > now {
                all.push((point.clone(), stop));
            }
        }
    }
    all.sort_by_key(|(_, s)| (s.data.start(), s.id));
    all.truncate(limit);
    Ok(all)
}

/// A desk's weekly hours as lines, e.g. "martedì: 16:00–19:00".
pub fn hours_lines(lang: Lang, point: &OutreachPoint) -> Vec<String> {
    point
        .data
        .hours
        .iter()
        .map(|h| {
            format!(
                "{}: {}–{}",
                msg(lang, view::weekday_id(h.weekday)),
                h.opens.format("%H:%M"),
                h.closes.format("%H:%M")
            )
        })
        .collect()
}

/// Where a point is, on one line: a desk's address, a tour's home town.
pub fn point_address(point: &OutreachPoint) -> String {
    match point.data.kind {
        PointKind::Desk => format!("{}, {}", point.data.address, point.data.town),
        PointKind::Tour => point.data.town.clone(),
    }
}

/// The stops of `stops` (with their points) ending after `now` as one
/// `PUBLISH` calendar, a cancelled stop marked so.
pub fn stops_calendar(
    app: &App,
    lang: Lang,
    centres: &[Centre],
    stops: &[(OutreachPoint, Stop)],
    now: DateTime<Utc>,
) -> String {
    let entries: Vec<IcsEvent> = stops
        .iter()
        .filter(|(_, s)| s.data.end() > now && rome_date(now) <= s.data.date)
        .map(|(point, stop)| {
            let centre = centres.iter().find(|c| c.id == point.data.centre);
            let description = point.data.text(lang).map(|t| t.description.clone()).unwrap_or_default();
            IcsEvent {
                uid: format!("stop-{}@{}", stop.id.0, app.public_url.host()),
                sequence: u32::from(stop.cancelled),
                stamp: now,
                start: stop.data.start(),
                end: stop.data.end(),
                summary: format!("{} – {}", point.data.name(lang), stop.data.town),
                description: sportello_domain::markdown::to_plain_text(&description),
                location: Some(stop.data.address_line()),
                url: Some(app.public_url.join(&point_path(lang, point))),
                organizer: centre.map(|c| (c.data.name.clone(), c.data.email.clone())),
                attendee: None,
                cancelled: stop.cancelled,
                lang: lang.code(),
            }
        })
        .collect();
    calendar(IcsMethod::Publish, &entries)
}
