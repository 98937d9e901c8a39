//! The weekly report outside its pages: generating and storing it (shared by
//! `sportello report weekly`, the demo and the pages), and its texts in the
//! reader's language — the heading, the plain text ready to paste into a
//! Facebook or Google Business post (at most [`POST_LIMIT`] characters, the
//! link to the full report always included) and the 1080×1080 card. Every
//! string comes from `locales/*/reports.ftl`.

use chrono::{DateTime, Utc};
use fluent_bundle::FluentValue;
use sportello_domain::reports::{AreaConfig, IsoWeek, WeeklyFigures};
use sportello_domain::vocab::{occupation, sector};
use sportello_domain::{Centre, Lang};
use sportello_print::{ReportCard, ReportDocument, ReportTable};
use sportello_storage::{Storage, StorageError, StoredReport};

use crate::i18n::{args, msg, msg_args};
use crate::view;
use sportello_domain::PublicUrl;

/// The most characters of a post's text (Google Business allows 1,500).
pub const POST_LIMIT: usize = 1500;

/// Computes the figures of `week` for the area of `config` from the
/// database and stores the report (a new number, or the same one again).
pub async fn publish_weekly(
    storage: &dyn Storage,
    config: &AreaConfig,
    week: IsoWeek,
    now: DateTime<Utc>,
) -> Result<StoredReport, StorageError> {
    let offers = storage
        .offers_for_report(&config.area, week.previous().monday(), week.sunday())
        .await?;
    let centres = storage.centres().await?;
    let figures = WeeklyFigures::compute(config, week, &offers, &centres);
    storage.save_weekly_report(&figures, now).await
}

/// The areas that have centres, as `(slug, name)`, in the centres' order.
pub fn areas(centres: &[Centre]) -> Vec<(String, String)> {
    let mut areas: Vec<(String, String)> = Vec::new();
    for c in centres {
        if !areas.iter().any(|(slug, _)| *slug == c.data.area.slug) {
            areas.push((c.data.area.slug.clone(), c.data.area.name.clone()));
        }
    }
    areas
}

/// The address of a report's page, after the language.
pub fn path(area: &str, week: IsoWeek) -> String {
    format!("/reports/{area}/{week}")
}

/// "Weekly report no. 14 · Ambito di Lecce".
pub fn heading(lang: Lang, report: &StoredReport, area_name: &str) -> String {
    msg_args(
        lang,
        "report-heading",
        &args(&[("number", report.number.into()), ("area", area_name.into())]),
    )
}

/// "Week 2026-W48, 23/11/2026 – 29/11/2026".
pub fn week_line(lang: Lang, week: IsoWeek) -> String {
    msg_args(
        lang,
        "report-week",
        &args(&[
            ("week", week.to_string().into()),
            ("from", view::date(lang, week.monday()).text.into()),
            ("to", view::date(lang, week.sunday()).text.into()),
        ]),
    )
}

/// A change in percent with its sign: "+12", "−11", "0".
pub fn signed(change: i64) -> String {
    match change {
        c if c > 0 => format!("+{c}"),
        c if c < 0 => format!("−{}", -c),
        _ => "0".into(),
    }
}

/// The lines on the change from the week before (or why there is none).
pub fn change_lines(lang: Lang, f: &WeeklyFigures) -> Vec<String> {
    match (f.offers_change(), f.positions_change()) {
        (Some(offers), Some(positions)) => vec![
            msg_args(
                lang,
                "report-change-offers",
                &args(&[("change", signed(offers).into())]),
            ),
            msg_args(
                lang,
                "report-change-positions",
                &args(&[("change", signed(positions).into())]),
            ),
        ],
        _ => vec![msg(lang, "report-no-previous")],
    }
}

/// A sector's label in `lang` (its slug if the vocabulary lost it).
pub fn sector_label(lang: Lang, slug: &str) -> String {
    sector(slug).map_or_else(|| slug.to_string(), |s| s.label(lang).to_string())
}

/// An occupation's label in `lang` (its code if unknown).
pub fn occupation_label(lang: Lang, code: &str) -> String {
    occupation(code).map_or_else(|| code.to_string(), |o| o.label(lang).to_string())
}

/// The text to paste into a post: heading, week, totals, change, the first
/// sectors and occupations, the reserved positions and the link. Lists are
/// shortened until the whole fits in [`POST_LIMIT`] characters.
pub fn post_text(lang: Lang, report: &StoredReport, area_name: &str, public_url: &PublicUrl) -> String {
    let f = &report.figures;
    let link = msg_args(
        lang,
        "report-post-link",
        &args(&[(
            "url",
            public_url.join(&format!("/{lang}{}", path(&f.area, f.week))).into(),
        )]),
    );
    let list = |items: Vec<String>, id: &str, n: usize| -> Option<String> {
        (n > 0 && !items.is_empty()).then(|| {
            let value = items.into_iter().take(n).collect::<Vec<_>>().join(", ");
            msg_args(lang, id, &args(&[("value", value.into())]))
        })
    };
    let sectors: Vec<String> = f
        .by_sector
        .iter()
        .map(|c| format!("{} {}", sector_label(lang, &c.key), c.positions))
        .collect();
    let occupations: Vec<String> = f
        .top_occupations
        .iter()
        .map(|c| format!("{} {}", occupation_label(lang, &c.key), c.positions))
        .collect();
    for n in (0..=5).rev() {
        let mut lines = vec![heading(lang, report, area_name), week_line(lang, f.week), String::new()];
        if f.offers == 0 {
            lines.push(msg(lang, "report-empty"));
        } else {
            lines.push(figure(lang, "report-offers", f.offers));
            lines.push(figure(lang, "report-positions", f.positions));
            lines.extend(change_lines(lang, f));
            lines.extend(list(sectors.clone(), "report-post-sectors", n));
            lines.extend(list(occupations.clone(), "report-post-occupations", n));
            lines.push(msg_args(
                lang,
                "report-post-special",
                &args(&[
                    ("count", f.eures_abroad.into()),
                    ("number", f.mirato_art1.into()),
                    ("max", f.mirato_art18.into()),
                ]),
            ));
        }
        lines.push(String::new());
        lines.push(link.clone());
        let text = lines.join("\n");
        if text.chars().count() <= POST_LIMIT || n == 0 {
            return text;
        }
    }
    unreachable!("the loop returns at n = 0")
}

/// "Offers (announcements): 8".
pub fn figure(lang: Lang, label_id: &str, count: u32) -> String {
    msg_args(
        lang,
        "report-figure",
        &args(&[
            ("label", msg(lang, label_id).into()),
            ("count", FluentValue::from(count)),
        ]),
    )
}

/// What the report's PDF says in `lang`.
pub fn document(lang: Lang, report: &StoredReport, area_name: &str, public_url: &PublicUrl) -> ReportDocument {
    let f = &report.figures;
    let counts = |title: &str, column: &str, rows: Vec<(String, u32, u32)>| ReportTable {
        title: msg(lang, title),
        columns: vec![
            msg(lang, column),
            msg(lang, "report-offers"),
            msg(lang, "report-positions"),
        ],
        text_columns: 1,
        rows: rows
            .into_iter()
            .map(|(label, offers, positions)| vec![label, offers.to_string(), positions.to_string()])
            .collect(),
    };
    let mut tables = vec![
        counts(
            "report-sectors-title",
            "report-col-sector",
            f.by_sector
                .iter()
                .map(|c| (sector_label(lang, &c.key), c.offers, c.positions))
                .collect(),
        ),
        counts(
            "report-subareas-title",
            "report-col-subarea",
            f.by_sub_area
                .iter()
                .map(|c| (c.label(lang).to_string(), c.offers, c.positions))
                .collect(),
        ),
        counts(
            "report-occupations-title",
            "report-col-occupation",
            f.top_occupations
                .iter()
                .map(|c| (occupation_label(lang, &c.key), c.offers, c.positions))
                .collect(),
        ),
    ];
    tables.retain(|t| !t.rows.is_empty());
    let offers = ReportTable {
        title: msg(lang, "report-offers-title"),
        columns: [
            "report-col-reference",
            "report-col-title",
            "report-col-town",
            "report-positions",
            "report-col-centre",
        ]
        .iter()
        .map(|id| msg(lang, id))
        .collect(),
        text_columns: 3,
        rows: f
            .listed
            .iter()
            .map(|o| {
                vec![
                    o.reference.clone(),
                    o.title(lang).to_string(),
                    o.town.clone(),
                    o.positions.to_string(),
                    o.centre.clone(),
                ]
            })
            .collect(),
    };
    let summary = [
        ("report-offers", f.offers),
        ("report-positions", f.positions),
        ("report-eures-abroad", f.eures_abroad),
        ("report-mirato-art1", f.mirato_art1),
        ("report-mirato-art18", f.mirato_art18),
    ]
    .iter()
    .map(|(id, n)| (msg(lang, id), n.to_string()))
    .collect();
    ReportDocument {
        title: heading(lang, report, area_name),
        lang: lang.code().to_string(),
        author: area_name.to_string(),
        week: week_line(lang, f.week),
        empty: (f.offers == 0).then(|| msg(lang, "report-empty")),
        summary,
        changes: change_lines(lang, f),
        tables,
        offers,
        link: public_url.join(&format!("/{lang}{}", path(&f.area, f.week))),
    }
}

/// What the report's 1080×1080 card says in `lang`.
pub fn card(lang: Lang, report: &StoredReport, area_name: &str, public_url: &PublicUrl) -> ReportCard {
    let f = &report.figures;
    let mut lines = if f.offers == 0 {
        vec![msg(lang, "report-empty")]
    } else {
        change_lines(lang, f)
    };
    lines.extend(
        f.by_sector
            .iter()
            .take(3)
            .map(|c| format!("{}: {}", sector_label(lang, &c.key), c.positions)),
    );
    ReportCard {
        title: heading(lang, report, area_name),
        week: week_line(lang, f.week),
        figures: vec![
            (f.offers.to_string(), msg(lang, "report-card-offers")),
            (f.positions.to_string(), msg(lang, "report-card-positions")),
        ],
        lines,
        footer: public_url.join(&format!("/{lang}{}", path(&f.area, f.week))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportello_domain::reports::{Count, Totals};

    fn report(offers: u32) -> StoredReport {
        let config = AreaConfig::default_for("lecce").unwrap();
        let week = IsoWeek::parse("2026-W48").unwrap();
        let mut figures = WeeklyFigures::compute(&config, week, &[], &[]);
        figures.offers = offers;
        figures.positions = offers * 3;
        figures.previous = Some(Totals {
            offers: 10,
            positions: 10,
        });
        // Many long sector and occupation lines, to force shortening.
        figures.by_sector = sportello_domain::vocab::sectors()
            .iter()
            .map(|s| Count {
                key: s.slug.to_string(),
                offers: 1,
                positions: 1,
            })
            .collect();
        figures.top_occupations = sportello_domain::vocab::occupations()
            .iter()
            .take(10)
            .map(|o| Count {
                key: o.code.to_string(),
                offers: 1,
                positions: 1,
            })
            .collect();
        StoredReport {
            area: "lecce".into(),
            week,
            number: 14,
            figures,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn the_post_fits_and_ends_with_the_link_in_every_language() {
        let url = PublicUrl::parse("https://lavoro.example.it").unwrap();
        for lang in Lang::ALL {
            let text = post_text(lang, &report(8), "Ambito di Lecce", &url);
            assert!(text.chars().count() <= POST_LIMIT, "{lang}: {}", text.chars().count());
            let link = format!("https://lavoro.example.it/{lang}/reports/lecce/2026-W48");
            assert!(text.trim_end().ends_with(&link), "{lang}: {text}");
            assert!(text.contains("14"), "{lang}: the number");
            assert!(text.contains("2026-W48"));
            assert!(text.contains("−20"), "{lang}: offers went from 10 to 8: {text}");
        }
        let empty = post_text(Lang::En, &report(0), "Lecce", &url);
        assert!(empty.contains("No offers were open"), "{empty}");
    }

    #[test]
    fn signs_changes() {
        assert_eq!(signed(12), "+12");
        assert_eq!(signed(-11), "−11");
        assert_eq!(signed(0), "0");
    }
}
