//! The weekly reports' public pages: `/{lang}/reports` lists every report of
//! every area (newest week first); `/{lang}/reports/{area}/{week}` shows one
//! with its figures as tables, every offer open that week, and links to its
//! card (`card.png`), its post text (`post.txt`) and its PDF (`report.pdf`). An unknown area
//! or week answers 404 in the page's language; a week that is not written
//! `YYYY-Www` answers 400.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use minijinja::context;
use serde::Serialize;
use sportello_domain::Lang;
use sportello_domain::reports::IsoWeek;
use sportello_print::{render_report, render_report_card};
use sportello_storage::StoredReport;

use super::render_page;
use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{Locale, PathParams};
use sportello_app::i18n::msg;
use sportello_app::reports::{self, areas, change_lines, heading, occupation_label, sector_label, week_line};

#[derive(Serialize)]
struct ReportLink {
    heading: String,
    area: String,
    week: String,
    offers: u32,
    positions: u32,
    href: String,
}

#[derive(Serialize)]
struct Row {
    label: String,
    offers: u32,
    positions: u32,
}

#[derive(Serialize)]
struct Table {
    id: &'static str,
    title: String,
    column: String,
    rows: Vec<Row>,
}

#[derive(Serialize)]
struct OfferRow {
    reference: String,
    title: String,
    town: String,
    positions: u32,
    centre: String,
}

/// `GET /{lang}/reports`.
#[tracing::instrument(skip_all, fields(lang = %lang))]
pub async fn list(State(state): State<AppState>, Locale(lang): Locale) -> Result<Html<String>, AppError> {
    let stored = state.storage.weekly_reports().await.on_page(lang)?;
    let names = areas(&state.storage.centres().await.on_page(lang)?);
    let name = |slug: &str| {
        names
            .iter()
            .find(|(s, _)| s == slug)
            .map_or_else(|| slug.to_string(), |(_, n)| n.clone())
    };
    let links: Vec<ReportLink> = stored
        .iter()
        .map(|r| ReportLink {
            heading: heading(lang, r, &name(&r.area)),
            area: name(&r.area),
            week: week_line(lang, r.week),
            offers: r.figures.offers,
            positions: r.figures.positions,
            href: format!("/{lang}{}", reports::path(&r.area, r.week)),
        })
        .collect();
    let title = msg(lang, "reports-title");
    render_page(
        "reports.html",
        lang,
        "/reports",
        &title,
        &state.public_url,
        context! { reports => minijinja::value::Serde(links) },
    )
}

/// The stored report at `area`/`week`, with its area's name.
async fn find(state: &AppState, lang: Lang, area: &str, week: &str) -> Result<(StoredReport, String), AppError> {
    let week = IsoWeek::parse(week).map_err(|_| AppError::bad_parameter("week", week).page(lang))?;
    let not_found = || AppError::not_found().page(lang);
    let names = areas(&state.storage.centres().await.on_page(lang)?);
    let (_, name) = names.into_iter().find(|(s, _)| s == area).ok_or_else(not_found)?;
    let report = state
        .storage
        .weekly_report(area, week)
        .await
        .on_page(lang)?
        .ok_or_else(not_found)?;
    Ok((report, name))
}

/// `GET /{lang}/reports/{area}/{week}`.
#[tracing::instrument(skip_all, fields(lang = %lang, area, week))]
pub async fn show(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, area, week)): PathParams<(String, String, String)>,
) -> Result<Html<String>, AppError> {
    let (report, name) = find(&state, lang, &area, &week).await?;
    let f = &report.figures;
    let sectors: Vec<Row> = f
        .by_sector
        .iter()
        .map(|c| Row {
            label: sector_label(lang, &c.key),
            offers: c.offers,
            positions: c.positions,
        })
        .collect();
    let sub_areas: Vec<Row> = f
        .by_sub_area
        .iter()
        .map(|c| Row {
            label: c.label(lang).to_string(),
            offers: c.offers,
            positions: c.positions,
        })
        .collect();
    let occupations: Vec<Row> = f
        .top_occupations
        .iter()
        .map(|c| Row {
            label: occupation_label(lang, &c.key),
            offers: c.offers,
            positions: c.positions,
        })
        .collect();
    let offers: Vec<OfferRow> = f
        .listed
        .iter()
        .map(|o| OfferRow {
            reference: o.reference.clone(),
            title: o.title(lang).to_string(),
            town: o.town.clone(),
            positions: o.positions,
            centre: o.centre.clone(),
        })
        .collect();
    let tables: Vec<Table> = [
        ("sectors", "report-sectors-title", "report-col-sector", sectors),
        ("subareas", "report-subareas-title", "report-col-subarea", sub_areas),
        (
            "occupations",
            "report-occupations-title",
            "report-col-occupation",
            occupations,
        ),
    ]
    .into_iter()
    .filter(|(_, _, _, rows)| !rows.is_empty())
    .map(|(id, title, column, rows)| Table {
        id,
        title: msg(lang, title),
        column: msg(lang, column),
        rows,
    })
    .collect();
    let path = reports::path(&report.area, report.week);
    let title = heading(lang, &report, &name);
    let post = reports::post_text(lang, &report, &name, &state.public_url);
    render_page(
        "report.html",
        lang,
        &path,
        &title,
        &state.public_url,
        context! {
            week => week_line(lang, report.week),
            empty => f.offers == 0,
            offers_count => f.offers,
            positions => f.positions,
            changes => change_lines(lang, f),
            eures_abroad => f.eures_abroad,
            mirato_art1 => f.mirato_art1,
            mirato_art18 => f.mirato_art18,
            tables => minijinja::value::Serde(tables),
            offers => minijinja::value::Serde(offers),
            base => format!("/{lang}{path}"),
            post,
        },
    )
}

/// `GET /{lang}/reports/{area}/{week}/card.png`: the 1080×1080 card.
#[tracing::instrument(skip_all, fields(lang = %lang, area, week))]
pub async fn card(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, area, week)): PathParams<(String, String, String)>,
) -> Result<Response, AppError> {
    let (report, name) = find(&state, lang, &area, &week).await?;
    let card = reports::card(lang, &report, &name, &state.public_url);
    let png = state
        .renders
        .run(lang, "report card", move || render_report_card(&card))
        .await?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("image/png")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
        ],
        png,
    )
        .into_response())
}

/// `GET /{lang}/reports/{area}/{week}/post.txt`: the text ready to paste.
#[tracing::instrument(skip_all, fields(lang = %lang, area, week))]
pub async fn post(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, area, week)): PathParams<(String, String, String)>,
) -> Result<Response, AppError> {
    let (report, name) = find(&state, lang, &area, &week).await?;
    let text = reports::post_text(lang, &report, &name, &state.public_url);
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        )],
        text,
    )
        .into_response())
}

/// `GET /{lang}/reports/{area}/{week}/report.pdf`: the full report.
#[tracing::instrument(skip_all, fields(lang = %lang, area, week))]
pub async fn pdf(
    State(state): State<AppState>,
    Locale(lang): Locale,
    PathParams((_, area, week)): PathParams<(String, String, String)>,
) -> Result<Response, AppError> {
    let (report, name) = find(&state, lang, &area, &week).await?;
    let doc = reports::document(lang, &report, &name, &state.public_url);
    let pdf = state
        .renders
        .run(lang, "report PDF", move || render_report(&doc))
        .await?
        .map_err(|e| AppError::new(Problem::Internal(format!("report PDF: {e}"))).page(lang))?;
    let disposition = format!("inline; filename=\"report-{}-{}.pdf\"", report.area, report.week);
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("application/pdf")),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .map_err(|e| AppError::new(Problem::Internal(e.to_string())).page(lang))?,
            ),
        ],
        pdf,
    )
        .into_response())
}
