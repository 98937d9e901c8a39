//! The weekly reports' pages through the real router, on SQLite and
//! PostgreSQL: the list, one report whose totals equal an independent SQL
//! count on the test database, its PDF (text, every offer's reference,
//! embedded fonts), its card and post text, and 404/400 in the
//! page's language for an unknown area or week and a malformed week.

use crate::common::{PUBLIC_URL, TestApp};
use axum::http::StatusCode;
use chrono::Utc;
use sportello_domain::reports::{AreaConfig, IsoWeek};
use sportello_domain::time::today_in_rome;
use sportello_storage::DatabaseUrl;
use sportello_testkit::on_both_backends;
use sqlx::Connection;

/// Offers and positions of the Lecce area open during `week`, by SQL of its
/// own: not drafts, published by the Sunday, valid through the Monday or
/// later. (The demo's filled and withdrawn offers were closed when it was
/// loaded, this week, so this week they all count.)
async fn counted_by_sql(app: &TestApp, week: IsoWeek) -> (String, String) {
    let cast = match app.db.url {
        DatabaseUrl::Sqlite(_) => "$1",
        DatabaseUrl::Postgres(_) => "CAST($1 AS DATE)",
    };
    let sql = format!(
        "SELECT CAST(COUNT(*) AS TEXT), CAST(COALESCE(SUM(o.openings), 0) AS TEXT) FROM offers o \
         JOIN centres c ON c.id = o.centre_id WHERE c.area_slug = 'lecce' AND o.status <> 'draft' \
         AND o.published_on <= {} AND o.valid_through >= {}",
        cast.replace('1', "2"),
        cast
    );
    let sql = sqlx::AssertSqlSafe(sql);
    let (monday, sunday) = (week.monday().to_string(), week.sunday().to_string());
    match &app.db.url {
        DatabaseUrl::Sqlite(path) => {
            let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{path}"))
                .await
                .unwrap();
            sqlx::query_as(sql)
                .bind(monday)
                .bind(sunday)
                .fetch_one(&mut conn)
                .await
                .unwrap()
        }
        DatabaseUrl::Postgres(url) => {
            let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query_as(sql)
                .bind(monday)
                .bind(sunday)
                .fetch_one(&mut conn)
                .await
                .unwrap()
        }
    }
}

/// The text of the element with `id` in `body`.
fn by_id<'a>(body: &'a str, id: &str) -> &'a str {
    let start = body.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("#{id}"));
    let open_end = start + body[start..].find('>').unwrap() + 1;
    let end = open_end + body[open_end..].find('<').unwrap();
    &body[open_end..end]
}

async fn a_report_shows_the_weeks_figures(app: TestApp) {
    let week = IsoWeek::containing(today_in_rome());
    let lecce = AreaConfig::default_for("lecce").unwrap();
    let report = sportello_app::reports::publish_weekly(app.storage(), &lecce, week, Utc::now())
        .await
        .unwrap();
    assert_eq!(report.number, 1);
    assert!(report.figures.offers > 0, "the demo has offers this week");

    let list = app.get("/en/reports").await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.h1(), "Weekly reports");
    let href = format!("/en/reports/lecce/{week}");
    assert!(list.body.contains(&format!("href=\"{href}\"")), "{}", list.body);
    assert!(list.text().contains("Weekly report no. 1"));
    assert!(
        app.get("/it/").await.body.contains("href=\"/it/reports\""),
        "announced on the home page"
    );

    let page = app.get(&href).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.h1().starts_with("Weekly report no. 1"));
    let (offers, positions) = counted_by_sql(&app, week).await;
    assert_eq!(by_id(&page.body, "report-offers"), offers);
    assert_eq!(by_id(&page.body, "report-positions"), positions);
    for listed in &report.figures.listed {
        assert!(page.body.contains(&listed.reference), "{} is listed", listed.reference);
    }
    assert!(page.body.contains("<th scope=\"col\">Sector</th>"));
    assert!(page.body.contains("Ionian coast"));
    assert!(page.body.contains(&format!("{href}/card.png")));

    let card = app.get(&format!("{href}/card.png")).await;
    assert_eq!(card.status, StatusCode::OK);
    assert_eq!(card.header("content-type"), "image/png");
    let image = sportello_testkit::png::Image::decode(&card.bytes);
    assert_eq!((image.width, image.height), (1080, 1080));

    let pdf = app.get(&format!("/it/reports/lecce/{week}/report.pdf")).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.header("content-type"), "application/pdf");
    let file = sportello_testkit::pdf::PdfFile::new(&pdf.bytes);
    let text = file.flat_text();
    assert!(text.contains("Report settimanale n. 1"), "{text}");
    assert!(text.contains(&week.to_string()));
    assert!(text.contains(&offers) && text.contains(&positions), "the totals");
    for listed in &report.figures.listed {
        assert!(text.contains(&listed.reference), "{} is in the PDF", listed.reference);
    }
    assert_eq!(file.lang().as_deref(), Some("it"));
    assert!(file.info("Title").unwrap().starts_with("Report settimanale n. 1"));
    assert!(file.fonts().iter().all(|(_, embedded)| *embedded), "{:?}", file.fonts());

    let post = app.get(&format!("/de/reports/lecce/{week}/post.txt")).await;
    assert_eq!(post.status, StatusCode::OK);
    assert!(post.header("content-type").starts_with("text/plain"));
    assert!(post.body.chars().count() <= 1500);
    assert!(
        post.body.contains(&format!("{PUBLIC_URL}/de/reports/lecce/{week}")),
        "{}",
        post.body
    );
    assert!(post.body.contains("Wochenbericht Nr. 1"));
}

async fn unknown_and_malformed_addresses(app: TestApp) {
    let week = IsoWeek::containing(today_in_rome());
    let lecce = AreaConfig::default_for("lecce").unwrap();
    sportello_app::reports::publish_weekly(app.storage(), &lecce, week, Utc::now())
        .await
        .unwrap();
    let bad = app.get("/de/reports/lecce/2026-48").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("lang=\"de\""));
    assert!(bad.text().contains("2026-48"), "names the value: {}", bad.text());
    for path in [
        format!("/fr/reports/milano/{week}"),
        "/fr/reports/lecce/2020-W10".to_string(),
        format!("/fr/reports/rimini/{week}"),
        format!("/fr/reports/milano/{week}/card.png"),
    ] {
        let missing = app.get(&path).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "{path}");
        assert!(missing.body.contains("lang=\"fr\""), "{path}");
    }
    assert_eq!(
        app.get("/it/reports/lecce/2026-W99/post.txt").await.status,
        StatusCode::BAD_REQUEST
    );
}

async fn no_report_yet(app: TestApp) {
    let list = app.get("/it/reports").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.text().contains("Non è stato ancora pubblicato nessun report."));
}

on_both_backends!(using crate::common::TestApp::new =>
    a_report_shows_the_weeks_figures,
    unknown_and_malformed_addresses,
    no_report_yet,
);
