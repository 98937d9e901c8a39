//! `sportello import offers` through the real binary, on SQLite and on
//! PostgreSQL: the documented example file, a file with wrong rows (every
//! problem reported, nothing written), JSON, `--publish`, and files that
//! cannot be read at all.

use crate::common::{all_offers, database_with_centres, db_arg, sportello};
use chrono::Days;
use sportello_domain::time::today_in_rome;
use sportello_domain::{OfferQuery, OfferStatus};
use sportello_testkit::Backend;
use sportello_testkit::on_both_backends;

/// The committed example, `docs/examples/offers.csv`.
fn example() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/examples/offers.csv"))
        .expect("the example file is there")
}

/// A valid-through date a month from today, when the example's own dates
/// may have passed.
fn in_a_month() -> String {
    (today_in_rome() + Days::new(30)).to_string()
}

/// The example with every date (`YYYY-MM-DD`) moved to a month from today.
fn example_for_today() -> String {
    let text = example();
    let date = in_a_month();
    let mut out = String::new();
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let candidate = rest.get(..10).unwrap_or("");
        if chrono::NaiveDate::parse_from_str(candidate, "%Y-%m-%d").is_ok() && candidate.len() == 10 {
            out.push_str(&date);
            rest = &rest[10..];
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    assert_ne!(out, text, "the example has dates");
    out
}

/// A scratch file with `text`, removed when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str, text: &str) -> Scratch {
        static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("sportello-import-{}-{n}-{name}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        Scratch(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

const HEADER: &str = "centre,section,occupation,title,description,how_to_apply,employer_name,employer_hidden,\
                      town,contract,working_time,openings,education,valid_through,language_1,level_1";

fn row(centre: &str, occupation: &str, openings: &str, valid_through: &str) -> String {
    format!(
        "{centre},ordinary,{occupation},Cameriere,Servizio ai tavoli,Inviare il CV,Bar Roma,no,Lecce,\
         seasonal,full_time,{openings},none,{valid_through},en,A2"
    )
}

async fn imports_all_or_nothing(backend: Backend) {
    let db = database_with_centres(backend).await;
    let url = db_arg(&db);
    let s = db.storage.as_ref();
    let today = today_in_rome();

    // The documented example imports as drafts.
    let good = Scratch::new("offers.csv", &example_for_today());
    let run = sportello(&["import", "offers", good.path(), "--db", &url], None);
    assert!(run.ok, "{}", run.text());
    assert!(run.stdout.contains("Imported 4 offers"), "{}", run.text());
    assert!(
        run.stderr.is_empty(),
        "no progress bar off a terminal: {:?}",
        run.stderr
    );
    let offers = all_offers(s).await;
    assert_eq!(offers.len(), 4);
    assert!(offers.iter().all(|o| o.status == OfferStatus::Draft));
    let hidden = offers.iter().find(|o| o.data.occupation == "9211").unwrap();
    assert!(hidden.data.employer.hidden, "sì hides the employer");
    let cook = offers.iter().find(|o| o.data.occupation == "5120").unwrap();
    assert_eq!(cook.data.requirements.languages.len(), 2);
    let munich = offers.iter().find(|o| o.data.occupation == "5322").unwrap();
    assert_eq!(munich.data.place.country, "DE");
    assert_eq!(
        s.search_offers(&OfferQuery::default(), today).await.unwrap().total,
        0,
        "drafts are not public"
    );

    // Two wrong rows among good ones: both reported, nothing written.
    let bad = Scratch::new(
        "bad.csv",
        &[
            HEADER.to_string(),
            row("lecce", "5131", "2", &in_a_month()),
            row("lecce", "9999", "2", &in_a_month()),
            row("nardo", "5131", "1", &in_a_month()),
            row("bari", "5131", "many", "2020-01-01"),
            String::new(),
        ]
        .join("\n"),
    );
    let run = sportello(&["import", "offers", bad.path(), "--db", &url], None);
    assert!(!run.ok, "{}", run.text());
    for expected in [
        "line 3, field occupation: unknown value \"9999\"",
        "line 5, field centre: unknown value \"bari\"",
        "line 5, field openings: \"many\" is not a whole number",
        "line 5, field valid_through: 2020-01-01 is already past",
        "4 problems in 2 of 4 offers; nothing was imported",
    ] {
        assert!(run.stderr.contains(expected), "{expected:?} in {}", run.text());
    }
    assert!(
        !run.stderr.contains("line 2") && !run.stderr.contains("line 4"),
        "{}",
        run.text()
    );
    assert_eq!(all_offers(s).await.len(), 4, "nothing written");

    // --check writes nothing even when all is well.
    let run = sportello(&["import", "offers", good.path(), "--check", "--db", &url], None);
    assert!(run.ok && run.stdout.contains("All 4 offers"), "{}", run.text());
    assert_eq!(all_offers(s).await.len(), 4);

    // JSON, with a format given by flag, published at once.
    let json = format!(
        r#"[{{"centre": "rimini", "section": "ordinary", "occupation": "5120", "title": "Cuoco",
              "description": "Cucina di pesce", "how_to_apply": "Telefonare", "employer_name": "Hotel Mare",
              "employer_hidden": false, "town": "Rimini", "region": "RN", "contract": "seasonal",
              "working_time": "full_time", "openings": 2, "education": "vocational",
              "valid_through": "{date}", "languages": [{{"language": "de", "level": "A2"}}]}},
             {{"centre": "riccione", "section": "mirato_art1", "occupation": "9112", "title": "Addetto pulizie",
              "description": "Pulizie di uffici", "how_to_apply": "Al Collocamento Mirato",
              "employer_name": "Pulito srl", "town": "Riccione", "contract": "permanent",
              "working_time": "part_time", "hours_per_week": "20", "openings": "1", "education": "none",
              "valid_through": "{date}"}}]"#,
        date = in_a_month()
    );
    let file = Scratch::new("offers.txt", &json);
    let run = sportello(
        &[
            "import",
            "offers",
            file.path(),
            "--format",
            "json",
            "--publish",
            "--db",
            &url,
        ],
        None,
    );
    assert!(run.ok, "{}", run.text());
    assert!(
        run.stdout.contains("Imported 2 offers") && run.stdout.contains("published today"),
        "{}",
        run.text()
    );
    let public = s.search_offers(&OfferQuery::default(), today).await.unwrap();
    assert_eq!(public.total, 2);
    for item in &public.items {
        let offer = s.offer(&item.reference).await.unwrap().unwrap();
        assert_eq!(offer.status, OfferStatus::Published);
        assert_eq!(offer.published_on, Some(today));
    }
    assert_eq!(all_offers(s).await.len(), 6);

    // --publish on CSV too.
    let csv = Scratch::new(
        "publish.csv",
        &format!("{HEADER}\n{}\n", row("lecce", "5131", "3", &in_a_month())),
    );
    let run = sportello(&["import", "offers", csv.path(), "--publish", "--db", &url], None);
    assert!(run.ok && run.stdout.contains("Imported 1 offer "), "{}", run.text());
    assert_eq!(s.search_offers(&OfferQuery::default(), today).await.unwrap().total, 3);

    // A wrong JSON offer is reported by its number.
    let wrong = Scratch::new(
        "wrong.json",
        r#"[{"centre": "lecce"}, {"centre": "lecce", "colour": "blue", "openings": "0"}]"#,
    );
    let run = sportello(&["import", "offers", wrong.path(), "--db", &url], None);
    assert!(!run.ok);
    for expected in [
        "offer 1, field title: missing",
        "offer 2, field colour: unknown field",
        "offer 2, field openings: 0 is out of range",
    ] {
        assert!(run.stderr.contains(expected), "{expected:?} in {}", run.text());
    }
    assert_eq!(all_offers(s).await.len(), 7, "nothing written");

    // Files that cannot be read as offers at all.
    let unknown = Scratch::new("cols.csv", &format!("{HEADER},colour,salary\n"));
    let run = sportello(&["import", "offers", unknown.path(), "--db", &url], None);
    assert!(
        !run.ok && run.stderr.contains("unknown columns \"colour\", \"salary\""),
        "{}",
        run.text()
    );
    let short = Scratch::new("short.csv", &format!("{HEADER}\nlecce,ordinary,5131\n"));
    let run = sportello(&["import", "offers", short.path(), "--db", &url], None);
    assert!(
        !run.ok && run.stderr.contains("line 2: 3 values, but the header has 16"),
        "{}",
        run.text()
    );
    let broken = Scratch::new("broken.json", "[{\"centre\": \"lecce\",");
    let run = sportello(&["import", "offers", broken.path(), "--db", &url], None);
    assert!(!run.ok && run.stderr.contains("not valid JSON"), "{}", run.text());
    let run = sportello(&["import", "offers", "/no/such/offers.csv", "--db", &url], None);
    assert!(
        !run.ok && run.stderr.contains("cannot read /no/such/offers.csv"),
        "{}",
        run.text()
    );
    let header_only = Scratch::new("empty.csv", &format!("{HEADER}\n"));
    let run = sportello(&["import", "offers", header_only.path(), "--db", &url], None);
    assert!(run.ok && run.stdout.contains("nothing to import"), "{}", run.text());
    let run = sportello(&["import", "offers", "offers.xlsx", "--db", &url], None);
    assert!(!run.ok && run.stderr.contains("--format"), "{}", run.text());
    assert_eq!(all_offers(s).await.len(), 7);

    let audit = s
        .audit_entries(&sportello_storage::AuditFilter {
            action: Some("offer.import".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(audit.len(), 3, "one audit row per import");
    assert!(audit.iter().all(|a| a.actor == "cli"));
}

on_both_backends!(imports_all_or_nothing,);

#[test]
fn the_example_file_and_the_docs_have_every_column() {
    let example = example();
    let header = example.lines().next().unwrap();
    let help = sportello(&["import", "offers", "--help"], None);
    for column in header.split(',') {
        assert!(
            column.starts_with("language_") || column.starts_with("level_") || help.stdout.contains(column),
            "{column} in the help"
        );
    }
    assert_eq!(header.split(',').count(), 30, "every column");
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/import.md")).unwrap();
    for column in header.split(',') {
        assert!(docs.contains(&format!("`{column}`")), "{column} in docs/import.md");
    }
}
