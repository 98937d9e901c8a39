//! The coordinators' figures page, `GET /{lang}/office/figures`: each
//! centre's activity by ISO week — appointments kept, attended, not shown
//! and cancelled, group-meeting sessions with their fill rate and waiting
//! lists — as a bar chart with the same numbers in a table beside it, and
//! as CSV (`figures.csv`). Filters: `centre` (a slug; every centre the user
//! may count when absent), `weeks` (1 to 26, 8 by default) and `until` (the
//! last week, `YYYY-Www`; this week by default). Who may see a centre's
//! counts: its operators, its area's coordinators and administrators
//! (`Access::can_count_bookings`); counts name nobody.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use minijinja::context;
use minijinja::value::Serde;
use serde::{Deserialize, Serialize};
use sportello_domain::activity::weeks_ending;
use sportello_domain::reports::IsoWeek;
use sportello_domain::time::today_in_rome;
use sportello_domain::{ActivityCounts, Centre, Lang};

use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::Locale;
use crate::pages::office::{no_store, render};
use crate::session::{Office, SignedIn};
use sportello_app::activity::{self, CentreFigures, MAX_WEEKS, WeekRow, chart};
use sportello_app::i18n::{args, msg, msg_args};

/// Weeks shown when the filter does not say.
const DEFAULT_WEEKS: usize = 8;

#[derive(Debug, Default, Deserialize)]
pub struct FiguresQuery {
    centre: Option<String>,
    weeks: Option<String>,
    until: Option<String>,
}

/// The selection the query asks for, checked.
struct Selection {
    centres: Vec<Centre>,
    weeks: Vec<IsoWeek>,
    /// The filter's values as typed back into the form.
    centre: String,
    count: usize,
    until: IsoWeek,
}

/// The centres `user` may count, in the installation's order.
fn countable(user: &SignedIn) -> Vec<Centre> {
    let access = user.access();
    user.centres
        .iter()
        .filter(|c| access.can_count_bookings(c.id))
        .cloned()
        .collect()
}

async fn select(state: &AppState, user: &SignedIn, query: &FiguresQuery) -> Result<Selection, AppError> {
    let lang = user.lang;
    let allowed = countable(user);
    if allowed.is_empty() {
        return Err(user.deny(state, "figures.read", "centre", "").await);
    }
    let centre = query.centre.as_deref().map(str::trim).unwrap_or_default().to_string();
    let centres = if centre.is_empty() {
        allowed
    } else {
        match allowed.into_iter().find(|c| c.data.slug == centre) {
            Some(c) => vec![c],
            None if user.centres.iter().any(|c| c.data.slug == centre) => {
                return Err(user.deny(state, "figures.read", "centre", &centre).await);
            }
            None => return Err(AppError::bad_parameter("centre", centre).page(lang)),
        }
    };
    let count = match query.weeks.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
        None => DEFAULT_WEEKS,
        Some(w) => w
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MAX_WEEKS).contains(n))
            .ok_or_else(|| AppError::bad_parameter("weeks", w).page(lang))?,
    };
    let until = match query.until.as_deref().map(str::trim).filter(|w| !w.is_empty()) {
        None => IsoWeek::containing(today_in_rome()),
        Some(w) => IsoWeek::parse(w).map_err(|_| AppError::bad_parameter("until", w).page(lang))?,
    };
    Ok(Selection {
        centres,
        weeks: weeks_ending(until, count),
        centre,
        count,
        until,
    })
}

/// One centre's block of the page.
#[derive(Debug, Serialize)]
struct Block {
    id: String,
    name: String,
    chart: String,
    rows: Vec<WeekRow>,
    total: WeekRow,
}

fn block(lang: Lang, f: &CentreFigures, id: String) -> Block {
    Block {
        chart: chart::appointments_chart(lang, f, &id),
        id,
        name: f.centre.data.name.clone(),
        rows: f.weeks.iter().map(|(w, c)| WeekRow::new(w.to_string(), c)).collect(),
        total: WeekRow::new(msg(lang, "figures-total"), &f.total),
    }
}

/// The sum of every centre shown, week by week.
fn all_centres(lang: Lang, figures: &[CentreFigures]) -> Option<CentreFigures> {
    let first = figures.first()?;
    if figures.len() < 2 {
        return None;
    }
    let mut sum = CentreFigures {
        centre: Centre {
            data: sportello_domain::NewCentre {
                name: msg(lang, "figures-all-centres"),
                ..first.centre.data.clone()
            },
            ..first.centre.clone()
        },
        weeks: first
            .weeks
            .iter()
            .map(|(w, _)| (*w, ActivityCounts::default()))
            .collect(),
        total: ActivityCounts::default(),
    };
    for f in figures {
        for (i, (_, c)) in f.weeks.iter().enumerate() {
            if let Some((_, s)) = sum.weeks.get_mut(i) {
                s.add(c);
            }
        }
        sum.total.add(&f.total);
    }
    Some(sum)
}

/// `GET /{lang}/office/figures`.
pub async fn page(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    Query(query): Query<FiguresQuery>,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let selection = select(&state, &user, &query).await?;
    let figures = activity::figures(&state, &selection.centres, &selection.weeks)
        .await
        .on_page(lang)?;
    let mut blocks: Vec<Block> = Vec::new();
    if let Some(sum) = all_centres(lang, &figures) {
        blocks.push(block(lang, &sum, "chart-all".into()));
    }
    blocks.extend(
        figures
            .iter()
            .map(|f| block(lang, f, format!("chart-{}", f.centre.data.slug))),
    );
    let csv_query = serde_urlencoded::to_string([
        ("centre", selection.centre.as_str()),
        ("weeks", &selection.count.to_string()),
        ("until", &selection.until.to_string()),
    ])
    .unwrap_or_default();
    let first = selection.weeks.first().copied().unwrap_or(selection.until);
    let intro = msg_args(
        lang,
        "figures-intro",
        &args(&[
            ("from", first.to_string().into()),
            ("to", selection.until.to_string().into()),
        ]),
    );
    let ctx = context! {
        centres => countable(&user).iter().map(|c| (c.data.slug.clone(), c.data.name.clone())).collect::<Vec<_>>(),
        centre => selection.centre,
        weeks => selection.count,
        max_weeks => MAX_WEEKS,
        until => selection.until.to_string(),
        intro,
        blocks => Serde(&blocks),
        legend => chart::legend(lang),
        csv_url => format!("/{lang}/office/figures.csv?{csv_query}"),
    };
    render(
        "office/figures.html",
        lang,
        "/office/figures",
        &msg(lang, "figures-title"),
        Some(&user),
        ctx,
    )
}

/// `GET /{lang}/office/figures.csv`: the same selection as CSV.
pub async fn csv(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    Query(query): Query<FiguresQuery>,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let selection = select(&state, &user, &query).await?;
    let figures = activity::figures(&state, &selection.centres, &selection.weeks)
        .await
        .on_page(lang)?;
    let mut response = activity::csv(&figures).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let name = format!("attachment; filename=\"figures-{}.csv\"", selection.until);
    if let Ok(value) = HeaderValue::from_str(&name) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(no_store(response))
}
