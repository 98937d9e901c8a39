//! `sportello report weekly` as a person runs it: the PDF, the post text
//! (≤ 1,500 characters, with the link) and the 1080×1080 card for the demo data, the
//! same number when the week is made again, a week without offers that says
//! so, and exit status 2 with the bad value named for a bad area or week —
//! with nothing written.

use std::path::{Path, PathBuf};
use std::process::Command;

use sportello_domain::reports::IsoWeek;
use sportello_domain::time::today_in_rome;

struct Run {
    status: i32,
    text: String,
}

fn sportello(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_sportello"))
        .args(args)
        .env_remove("SPORTELLO_DB")
        .env_remove("SPORTELLO_CONFIG")
        .env_remove("SPORTELLO_PUBLIC_URL")
        .env("SPORTELLO_LOG", "warn")
        .output()
        .expect("the binary runs");
    Run {
        status: out.status.code().unwrap_or(-1),
        text: format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sportello-report-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// An SQLite file with the demo data.
async fn demo_db(dir: &Path) -> String {
    let url = format!("sqlite://{}", dir.join("demo.sqlite").display());
    let storage = sportello_storage::open_with_keys(
        &sportello_storage::DatabaseUrl::parse(&url).unwrap(),
        Some(sportello_testkit::data_keys()),
    )
    .await
    .unwrap();
    sportello_demo::load(
        storage.as_ref(),
        sportello_demo::DEMO_OFFERS,
        sportello_demo::DEMO_SEED,
        today_in_rome(),
    )
    .await
    .unwrap();
    url
}

fn png_size(path: &Path) -> (u32, u32) {
    let image = sportello_testkit::png::Image::decode(&std::fs::read(path).unwrap());
    (image.width, image.height)
}

/// Runs `sportello report weekly` with `args` off the async runtime.
async fn weekly(args: Vec<String>) -> Run {
    tokio::task::spawn_blocking(move || {
        let mut all = vec!["report", "weekly", "--public-url", "https://lavoro.example.it"];
        all.extend(args.iter().map(String::as_str));
        sportello(&all)
    })
    .await
    .unwrap()
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_the_post_text_and_the_card_and_keeps_the_number() {
    let dir = scratch("ok");
    let db = demo_db(&dir).await;
    let week = IsoWeek::containing(today_in_rome()).to_string();
    let out = dir.join("out");
    let out_arg = out.display().to_string();
    let lecce = strings(&["--area", "lecce", "--week", &week, "--out", &out_arg, "--db", &db]);
    let run = weekly(lecce.clone()).await;
    assert_eq!(run.status, 0, "{}", run.text);
    assert!(run.text.contains("n. 1 "), "the first report of the area: {}", run.text);
    let text = std::fs::read_to_string(out.join(format!("report-{week}.txt"))).unwrap();
    assert!(text.chars().count() <= 1500, "{} characters", text.chars().count());
    let link = format!("https://lavoro.example.it/it/reports/lecce/{week}");
    assert!(text.contains(&link), "{text}");
    assert!(text.contains("Report settimanale n. 1"), "{text}");
    assert_eq!(png_size(&out.join(format!("report-{week}.png"))), (1080, 1080));
    let pdf = sportello_testkit::pdf::PdfFile::new(&std::fs::read(out.join(format!("report-{week}.pdf"))).unwrap());
    let pdf_text = pdf.flat_text();
    assert!(
        pdf_text.contains("Report settimanale n. 1") && pdf_text.contains(&week),
        "{pdf_text}"
    );

    // Rimini counts on its own; Lecce's week again keeps number 1.
    let rimini = weekly(strings(&[
        "--area", "rimini", "--week", &week, "--out", &out_arg, "--db", &db,
    ]))
    .await;
    assert_eq!(rimini.status, 0, "{}", rimini.text);
    assert!(rimini.text.contains("n. 1 "), "{}", rimini.text);
    let again = weekly(lecce).await;
    assert_eq!(again.status, 0, "{}", again.text);
    assert!(again.text.contains("n. 1 "), "{}", again.text);

    // A week without offers: a report that says so, with the next number.
    let empty = weekly(strings(&[
        "--area", "lecce", "--week", "2020-W10", "--out", &out_arg, "--db", &db,
    ]))
    .await;
    assert_eq!(empty.status, 0, "{}", empty.text);
    assert!(empty.text.contains("n. 2 "), "{}", empty.text);
    let text = std::fs::read_to_string(out.join("report-2020-W10.txt")).unwrap();
    assert!(text.contains("Nessuna offerta"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_named_and_ends_with_status_2() {
    let dir = scratch("bad");
    let db = demo_db(&dir).await;
    let out = dir.join("out");
    let out_arg = out.display().to_string();
    std::fs::write(
        dir.join("milano.toml"),
        "area = \"milano\"\n[[sub_area]]\nslug = \"m\"\nlabels = [\"M\", \"M\", \"M\", \"M\"]\ntowns = [\"Milano\"]\n",
    )
    .unwrap();
    let areas = dir.join("milano.toml").display().to_string();
    let cases: [(&[&str], &str); 5] = [
        (&["--area", "lecce", "--week", "2026-48"], "2026-48"),
        (&["--area", "lecce", "--week", "2025-W53"], "2025-W53"),
        (&["--area", "milano", "--week", "2026-W48"], "milano"),
        // Sub-areas given, but no centre of that area in the database.
        (
            &["--area", "milano", "--week", "2026-W48", "--areas", &areas],
            "lecce, rimini",
        ),
        (&["--area", "lecce", "--week", "2026-W48", "--areas", &areas], "milano"),
    ];
    for (extra, named) in cases {
        let mut args = strings(extra);
        args.extend(strings(&["--out", &out_arg, "--db", &db]));
        let run = weekly(args).await;
        assert_eq!(run.status, 2, "{extra:?}: {}", run.text);
        assert!(run.text.contains(named), "names {named}: {}", run.text);
    }
    assert!(!out.exists(), "nothing written");
    let _ = std::fs::remove_dir_all(&dir);
}
