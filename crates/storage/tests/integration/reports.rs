//! The weekly reports' storage, run unchanged against SQLite and PostgreSQL:
//! the offers a report reads (the area's, not drafts, in the dates), numbers
//! per area in the order first published, the same number when a week is
//! generated again, and the list newest first.

use chrono::{DateTime, Duration, TimeZone, Utc};
use sportello_domain::reports::{AreaConfig, IsoWeek, WeeklyFigures};
use sportello_domain::{Actor, Area, Lang, OfferStatus, TextStatus};
use sportello_storage::ImportOffer;
use sportello_testkit::builders::{centre, offer, text, today};
use sportello_testkit::on_both_backends;
use sportello_testkit::{Backend, TestDatabase};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 7, 0, 0).unwrap()
}

fn week(s: &str) -> IsoWeek {
    IsoWeek::parse(s).unwrap()
}

async fn reads_the_areas_offers_and_numbers_its_reports(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let gallipoli = s.insert_centre(&centre("gallipoli", "GA")).await.unwrap();
    let mut rimini_centre = centre("rimini", "RN");
    rimini_centre.area = Area {
        slug: "rimini".into(),
        name: "Ambito di Rimini".into(),
    };
    let rimini = s.insert_centre(&rimini_centre).await.unwrap();
    // today() is Thursday 26 November 2026, in week 2026-W48.
    let item = |centre, status, published: Option<i64>, valid: i64, openings| {
        let mut data = offer(centre, "5131", vec![text(Lang::It, TextStatus::Original, "Camerieri")]);
        data.openings = openings;
        data.valid_through = today() + Duration::days(valid);
        ImportOffer {
            data,
            status,
            published_on: published.map(|d| today() + Duration::days(d)),
        }
    };
    let offers = [
        item(gallipoli.id, OfferStatus::Published, Some(-3), 30, 10), // open
        item(gallipoli.id, OfferStatus::Expired, Some(-40), -4, 7),   // expired Sunday 22: week 47 only
        item(gallipoli.id, OfferStatus::Draft, None, 30, 99),         // never
        item(gallipoli.id, OfferStatus::Published, Some(4), 30, 50),  // published Monday 30: week 49
        item(rimini.id, OfferStatus::Published, Some(-3), 30, 40),    // another area
    ];
    s.import_offers(&offers, &Actor::system(), t0()).await.unwrap();

    let w48 = week("2026-W48");
    let read = s
        .offers_for_report("lecce", w48.previous().monday(), w48.sunday())
        .await
        .unwrap();
    let mut openings: Vec<u32> = read.iter().map(|o| o.data.openings).collect();
    openings.sort_unstable();
    assert_eq!(openings, [7, 10], "the area's non-draft offers of the fortnight");
    assert!(
        read.iter().all(|o| !o.data.texts.is_empty()),
        "whole offers, with their texts"
    );

    let lecce = AreaConfig::default_for("lecce").unwrap();
    let centres = s.centres().await.unwrap();
    let figures = WeeklyFigures::compute(&lecce, w48, &read, &centres);
    assert_eq!((figures.offers, figures.positions), (1, 10));
    let first = s.save_weekly_report(&figures, t0()).await.unwrap();
    assert_eq!((first.number, first.week, first.area.as_str()), (1, w48, "lecce"));
    assert_eq!(first.figures, figures);

    // The next week gets the next number; Rimini counts on its own.
    let w49 = week("2026-W49");
    let next_figures = WeeklyFigures::compute(&lecce, w49, &read, &centres);
    let second = s.save_weekly_report(&next_figures, t0()).await.unwrap();
    assert_eq!(second.number, 2);
    let rimini_figures = WeeklyFigures::compute(&AreaConfig::default_for("rimini").unwrap(), w48, &read, &centres);
    assert_eq!(s.save_weekly_report(&rimini_figures, t0()).await.unwrap().number, 1);

    // Generating week 48 again: same number and creation time, new figures.
    let mut changed = figures.clone();
    changed.positions = 11;
    let later = t0() + Duration::hours(2);
    let again = s.save_weekly_report(&changed, later).await.unwrap();
    assert_eq!(again.number, 1);
    assert_eq!(again.created_at, t0());
    assert_eq!(again.updated_at, later);
    assert_eq!(again.figures.positions, 11);

    let listed: Vec<_> = s
        .weekly_reports()
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.area, r.week.to_string(), r.number))
        .collect();
    assert_eq!(
        listed,
        [
            ("lecce".to_string(), "2026-W49".to_string(), 2),
            ("lecce".to_string(), "2026-W48".to_string(), 1),
            ("rimini".to_string(), "2026-W48".to_string(), 1),
        ]
    );
    assert_eq!(s.weekly_report("lecce", w49).await.unwrap().unwrap().number, 2);
    assert!(s.weekly_report("lecce", week("2026-W47")).await.unwrap().is_none());
    assert!(s.weekly_report("milano", w48).await.unwrap().is_none());
}

on_both_backends!(
    #[multi_thread]
    reads_the_areas_offers_and_numbers_its_reports,
);
