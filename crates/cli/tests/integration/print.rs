//! `sportello print offer` and `sportello print board` against a database
//! with the demo offers, on both backends: the PDFs read back (text, fonts,
//! sizes, QR codes), and bad input named with exit status 2 and no file.

use crate::common::{db_arg, sportello};
use chrono::NaiveDate;
use sportello_domain::time::today_in_rome;
use sportello_domain::{Lang, Offer, OfferQuery, Section};
use sportello_storage::Storage;
use sportello_testkit::on_both_backends;
use sportello_testkit::pdf::{PdfFile, font_size};
use sportello_testkit::{Backend, TestDatabase};

const PUBLIC: &str = "https://lavoro.example.test";

async fn demo_database(backend: Backend) -> TestDatabase {
    let db = TestDatabase::new(backend).await;
    sportello_demo::load(db.storage.as_ref(), 120, sportello_demo::DEMO_SEED, today_in_rome())
        .await
        .expect("demo data");
    db
}

async fn open_offers(storage: &dyn Storage, centre: &str, section: Option<Section>, today: NaiveDate) -> Vec<Offer> {
    let mut query = OfferQuery {
        per_page: 100,
        with_facets: false,
        ..OfferQuery::default()
    };
    query.filter.centre = Some(centre.into());
    query.filter.section = section;
    storage.search_offers(&query, today).await.expect("search").items
}

fn out_path(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("sportello-print-{}-{name}.pdf", std::process::id()))
}

fn print(args: &[&str], out: &std::path::Path, db: &str) -> crate::common::Run {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--db", db, "--public-url", PUBLIC, "--out", out.to_str().unwrap()]);
    sportello(&all, None)
}

async fn poster_of_an_offer(backend: Backend) {
    let db = demo_database(backend).await;
    let url = db_arg(&db);
    let today = today_in_rome();
    let mut offers = Vec::new();
    for centre in ["lecce", "gallipoli", "rimini", "nardo", "maglie"] {
        offers.extend(open_offers(db.storage.as_ref(), centre, None, today).await);
    }
    // One offer with an English translation and no French one, if the demo has it.
    let offer = offers
        .iter()
        .find(|o| o.data.public_text(Lang::En).is_some() && o.data.public_text(Lang::Fr).is_none())
        .or_else(|| offers.first())
        .expect("an open demo offer")
        .clone();
    let reference = offer.reference.to_string();
    let out = out_path(&format!("offer-{backend:?}"));
    let run = tokio::task::spawn_blocking({
        let (reference, out, url) = (reference.clone(), out.clone(), url.clone());
        move || print(&["print", "offer", &reference, "--lang", "en,fr"], &out, &url)
    })
    .await
    .unwrap();
    assert!(run.ok, "{}", run.text());
    let pdf = PdfFile::new(&std::fs::read(&out).unwrap());
    let _ = std::fs::remove_file(&out);
    assert_eq!(pdf.pages(), 1);
    let text = pdf.flat_text();
    for heading in ["Italiano", "English", "Français", &reference] {
        assert!(text.contains(heading), "{heading:?} missing: {text}");
    }
    if offer.data.public_text(Lang::Fr).is_none() {
        assert!(
            text.contains("La description de cette offre est disponible en italien."),
            "{text}"
        );
    }
    let title = pdf.info("Title").unwrap();
    assert!(title.ends_with(&reference), "{title}");
    assert_eq!(pdf.lang().as_deref(), Some("it"));
    assert!(pdf.fonts().iter().all(|(_, embedded)| *embedded), "{:?}", pdf.fonts());
    let smallest = pdf
        .words()
        .iter()
        .map(|w| font_size(w.height))
        .fold(f64::INFINITY, f64::min);
    assert!(smallest >= 13.9, "smallest text {smallest} pt");
    assert_eq!(pdf.qr_codes(), vec![format!("{PUBLIC}/o/{reference}")]);

    // Large print.
    let run = tokio::task::spawn_blocking({
        let (reference, out, url) = (reference.clone(), out.clone(), url.clone());
        move || print(&["print", "offer", &reference, "--lang", "de", "--large"], &out, &url)
    })
    .await
    .unwrap();
    assert!(run.ok, "{}", run.text());
    let pdf = PdfFile::new(&std::fs::read(&out).unwrap());
    let _ = std::fs::remove_file(&out);
    let smallest = pdf
        .words()
        .iter()
        .map(|w| font_size(w.height))
        .fold(f64::INFINITY, f64::min);
    assert!(smallest >= 19.9, "smallest large text {smallest} pt");
    assert!(pdf.flat_text().contains("Deutsch"));
}

async fn board_of_a_centre(backend: Backend) {
    let db = demo_database(backend).await;
    let url = db_arg(&db);
    let today = today_in_rome();
    let offers = open_offers(db.storage.as_ref(), "lecce", None, today).await;
    assert!(
        offers.len() >= 3,
        "the demo has open offers in Lecce ({})",
        offers.len()
    );
    let sections: std::collections::BTreeSet<&str> = offers.iter().map(|o| o.data.section.code()).collect();
    let out = out_path(&format!("board-{backend:?}"));
    let run = tokio::task::spawn_blocking({
        let (out, url) = (out.clone(), url.clone());
        move || print(&["print", "board", "--centre", "lecce", "--lang", "en"], &out, &url)
    })
    .await
    .unwrap();
    assert!(run.ok, "{}", run.text());
    let pdf = PdfFile::new(&std::fs::read(&out).unwrap());
    let _ = std::fs::remove_file(&out);
    let text = pdf.flat_text();
    assert_eq!(
        text.matches("This board lists the open job offers").count(),
        sections.len(),
        "a cover page per section with offers ({sections:?}): {text}"
    );
    for offer in &offers {
        assert!(
            text.contains(&offer.reference.to_string()),
            "{} missing",
            offer.reference
        );
    }
    let mut codes = pdf.qr_codes();
    codes.sort();
    let mut expected: Vec<String> = offers.iter().map(|o| format!("{PUBLIC}/o/{}", o.reference)).collect();
    expected.sort();
    assert_eq!(codes, expected, "one decodable QR code per offer");
    assert!(pdf.fonts().iter().all(|(_, embedded)| *embedded));
}

async fn bad_input_is_named_with_status_2(backend: Backend) {
    let db = demo_database(backend).await;
    let url = db_arg(&db);
    let out = out_path(&format!("bad-{backend:?}"));
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["print", "offer", "LE-9999", "--lang", "en"], "LE-9999"),
        (vec!["print", "offer", "not a reference"], "not a reference"),
        (vec!["print", "offer", "LE-0001", "--lang", "en,xx"], "\"xx\""),
        (vec!["print", "board", "--centre", "atlantis"], "atlantis"),
        (vec!["print", "board", "--centre", "lecce", "--section", "vip"], "vip"),
    ];
    for (args, named) in cases {
        let run = tokio::task::spawn_blocking({
            let (out, url, args) = (out.clone(), url.clone(), args.clone());
            move || print(&args, &out, &url)
        })
        .await
        .unwrap();
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.text());
        assert!(run.stderr.contains(named), "{args:?} names {named}: {}", run.stderr);
        assert!(!out.exists(), "{args:?} wrote no file");
    }
}

on_both_backends!(poster_of_an_offer, board_of_a_centre, bad_input_is_named_with_status_2,);

/// The hidden `print bench` of `scripts/bench-print.sh` renders what it is
/// asked for and reports it in the lines the script reads.
#[tokio::test]
async fn bench_reports_posters_and_board() {
    let db = demo_database(Backend::Sqlite).await;
    let url = db_arg(&db);
    let run = tokio::task::spawn_blocking(move || {
        sportello(
            &[
                "print",
                "bench",
                "--db",
                &url,
                "--posters",
                "3",
                "--board-offers",
                "5",
                "--lang",
                "it,en",
            ],
            None,
        )
    })
    .await
    .unwrap();
    assert!(run.ok, "{}", run.text());
    let line = |key: &str| {
        run.stdout
            .lines()
            .find(|l| l.starts_with(&format!("{key}=")))
            .unwrap_or_else(|| panic!("no {key}= line: {}", run.stdout))
            .to_string()
    };
    assert!(line("posters").starts_with("posters=3 seconds="), "{}", run.stdout);
    assert!(line("posters").contains(" per_second="), "{}", run.stdout);
    assert!(
        line("board_offers").starts_with("board_offers=5 seconds="),
        "{}",
        run.stdout
    );
    let references = line("board_references");
    assert_eq!(
        references.trim_start_matches("board_references=").split(',').count(),
        5,
        "{references}"
    );
}
