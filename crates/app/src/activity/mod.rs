//! The coordinators' figures page's content: each centre's activity by
//! ISO week (`sportello_domain::activity`), read with one pair of grouped
//! counts per week, and its chart (`chart.rs`). The weeks run Monday to
//! Sunday in Rome.

pub mod chart;

use chrono::{DateTime, Days, Utc};
use serde::Serialize;
use sportello_domain::activity::percent;
use sportello_domain::reports::IsoWeek;
use sportello_domain::time::from_rome_local;
use sportello_domain::{ActivityCounts, Centre};
use sportello_storage::StorageError;

use crate::App;

/// Most weeks a page shows.
pub const MAX_WEEKS: usize = 26;

/// The instant a week starts in Rome (Monday 00:00).
pub fn week_start(week: IsoWeek) -> DateTime<Utc> {
    from_rome_local(week.monday().and_time(chrono::NaiveTime::MIN))
}

/// The instant after a week ends in Rome (the next Monday 00:00).
pub fn week_end(week: IsoWeek) -> DateTime<Utc> {
    let next = week.monday().checked_add_days(Days::new(7)).unwrap_or(week.monday());
    from_rome_local(next.and_time(chrono::NaiveTime::MIN))
}

/// One week of a centre, as the page and the CSV write it.
#[derive(Debug, Clone, Serialize)]
pub struct WeekRow {
    pub week: String,
    pub appointments: u32,
    pub attended: u32,
    pub no_show: u32,
    pub cancelled: u32,
    /// e.g. "25%", or "–" before any appointment is marked.
    pub no_show_rate: String,
    pub sessions: u32,
    pub seats: u32,
    pub seats_taken: u32,
    /// e.g. "75%", or "–" without a session.
    pub fill_rate: String,
    pub waiting: u32,
}

fn rate(value: Option<u32>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v}%"))
}

impl WeekRow {
    pub fn new(week: String, c: &ActivityCounts) -> WeekRow {
        WeekRow {
            week,
            appointments: c.appointments(),
            attended: c.attended,
            no_show: c.no_show,
            cancelled: c.cancelled,
            no_show_rate: rate(c.no_show_percent()),
            sessions: c.sessions,
            seats: c.seats,
            seats_taken: c.seats_taken,
            fill_rate: rate(c.fill_percent()),
            waiting: c.waiting,
        }
    }
}

/// One centre's weeks, oldest first, and their total.
#[derive(Debug, Clone)]
pub struct CentreFigures {
    pub centre: Centre,
    pub weeks: Vec<(IsoWeek, ActivityCounts)>,
    pub total: ActivityCounts,
}

/// The figures of `centres` for `weeks` (oldest first).
pub async fn figures(app: &App, centres: &[Centre], weeks: &[IsoWeek]) -> Result<Vec<CentreFigures>, StorageError> {
    let mut out: Vec<CentreFigures> = centres
        .iter()
        .map(|c| CentreFigures {
            centre: c.clone(),
            weeks: Vec::with_capacity(weeks.len()),
            total: ActivityCounts::default(),
        })
        .collect();
    for week in weeks {
        let counts = app.storage.activity(week_start(*week), week_end(*week)).await?;
        for figures in &mut out {
            let c = counts
                .iter()
                .find(|(id, _)| *id == figures.centre.id)
                .map(|(_, c)| *c)
                .unwrap_or_default();
            figures.total.add(&c);
            figures.weeks.push((*week, c));
        }
    }
    Ok(out)
}

/// The figures as CSV (RFC 4180, UTF-8): one line per centre and week,
/// counts and rates as numbers (rates empty when they have no base).
pub fn csv(figures: &[CentreFigures]) -> String {
    let mut out = String::from(
        "centre,week,appointments,attended,no_shows,cancelled,no_show_percent,sessions,seats,seats_taken,\
         fill_percent,waiting\r\n",
    );
    for f in figures {
        for (week, c) in &f.weeks {
            let optional = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
            let fields = [
                f.centre.data.slug.clone(),
                week.to_string(),
                c.appointments().to_string(),
                c.attended.to_string(),
                c.no_show.to_string(),
                c.cancelled.to_string(),
                optional(c.no_show_percent()),
                c.sessions.to_string(),
                c.seats.to_string(),
                c.seats_taken.to_string(),
                optional(percent(c.seats_taken, c.seats)),
                c.waiting.to_string(),
            ];
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
    }
    out
}
