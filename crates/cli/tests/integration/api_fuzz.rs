//! The API under a real fuzzer: Schemathesis (scripts/requirements-fuzz.txt,
//! installed by scripts/test into a virtualenv whose `schemathesis` is
//! `SPORTELLO_SCHEMATHESIS`) runs every operation of `/api/openapi.json`
//! against a real `serve` on the demo data, on SQLite and on PostgreSQL,
//! with an operator's API token: at least 50 examples per operation, no
//! server error, and every answer as the document says (status, content
//! type, headers, body schema). Its summary is printed.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use sportello_domain::ServiceKind;
use sportello_domain::time::today_in_rome;
use sportello_testkit::{Backend, TestDatabase, on_both_backends};

use crate::common::db_arg;
use crate::common::node::Node;

on_both_backends!(
    #[multi_thread]
    the_api_conforms_to_its_document_under_schemathesis
);

const TOKEN: &str = "spt_api-fuzz-test-token-of-an-operator";
/// Requests each operation must get in all (every phase), at least.
const EXAMPLES: usize = 50;
/// Examples asked of each operation in a round of the fuzzing phase:
/// Hypothesis stops before when it finds nothing new to try.
const MAX_EXAMPLES: usize = 100;
/// Seconds a Schemathesis run lasts: its fuzzing and stateful phases repeat
/// until they are spent. Under the whole test command's load an operation
/// may get fewer than [`EXAMPLES`] requests in that time: then it runs
/// again, at most [`ROUNDS`] times in all, and the requests of all runs count.
const SECONDS: &str = "45";
const ROUNDS: usize = 3;
/// What every answer is checked for.
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,\
                      response_headers_conformance,response_schema_conformance";

/// The `schemathesis` program, or a failure saying how to get it.
fn schemathesis() -> PathBuf {
    let how = "scripts/test installs it (a virtualenv in ~/.cache/sportello-fuzz-venv from \
               scripts/requirements-fuzz.txt) and passes its path; to run this test alone: \
               python3 -m venv ~/.cache/sportello-fuzz-venv && \
               ~/.cache/sportello-fuzz-venv/bin/pip install -r scripts/requirements-fuzz.txt, then \
               SPORTELLO_SCHEMATHESIS=~/.cache/sportello-fuzz-venv/bin/schemathesis";
    let Some(path) = std::env::var_os("SPORTELLO_SCHEMATHESIS") else {
        panic!("SPORTELLO_SCHEMATHESIS is not set: {how}");
    };
    let path = PathBuf::from(path);
    assert!(
        path.is_file(),
        "SPORTELLO_SCHEMATHESIS={} is not a file: {how}",
        path.display()
    );
    path
}

/// The requests made per operation in every phase and the statuses they
/// got, from Schemathesis' NDJSON report (with the few of its probes of
/// undocumented methods).
fn requests_per_operation(report: &std::path::Path) -> BTreeMap<String, BTreeMap<u64, usize>> {
    let mut counts: BTreeMap<String, BTreeMap<u64, usize>> = BTreeMap::new();
    for line in std::fs::read_to_string(report).expect("the NDJSON report").lines() {
        let event: serde_json::Value = serde_json::from_str(line).expect("an NDJSON line");
        let Some(finished) = event.get("ScenarioFinished") else {
            continue;
        };
        let recorder = &finished["recorder"];
        let Some(cases) = recorder["cases"].as_object() else {
            continue;
        };
        for (id, case) in cases {
            let case = &case["value"];
            let label = format!(
                "{} {}",
                case["method"].as_str().unwrap(),
                case["path"].as_str().unwrap()
            );
            // 0: no answer (e.g. a request the client could not send).
            let status = recorder["interactions"][id]["response"]["status_code"]
                .as_u64()
                .unwrap_or(0);
            *counts.entry(label).or_default().entry(status).or_default() += 1;
        }
    }
    counts
}

/// Schemathesis' configuration. The fuzzer fills an offer's reference
/// mostly with the few it has seen in answers, and Hypothesis soon runs out
/// of new inputs: every offer's reference (any status, any centre) half the
/// time, those of the operator's centre for the operator's calls, the
/// lifecycle's actions most of the time, and more tries for reading one.
/// Bookings likewise: a guidance service of Lecce, its free starts, a name
/// and e-mail addresses most of the time, so that some are made (and then
/// read, moved and cancelled through the document's links).
async fn schemathesis_config(db: &TestDatabase, node: &Node) -> String {
    let lecce = db.storage.centre_by_slug("lecce").await.unwrap().unwrap().id;
    let services = db.storage.services(lecce).await.unwrap();
    let guidance = services
        .iter()
        .find(|s| s.data.kind == ServiceKind::BasicGuidance)
        .expect("a guidance service in Lecce")
        .id
        .0;
    let (status, body) = node.get(&format!("/api/v1/services/{guidance}/slots?days=31"));
    assert_eq!(status, 200, "{body}");
    let slots: serde_json::Value = serde_json::from_str(&body).unwrap();
    let starts: Vec<String> = slots["days"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|day| day["slots"].as_array().unwrap())
        .map(|slot| slot["start"].to_string())
        .take(100)
        .collect();
    assert!(starts.len() >= 20, "free starts to book: {body}");
    let emails: Vec<String> = (0..20).map(|n| format!("\"fuzz-{n}@example.org\"")).collect();
    let offers = crate::common::all_offers(db.storage.as_ref()).await;
    let quoted = |o: &sportello_domain::Offer| format!("{:?}", o.reference.to_string());
    let all: Vec<String> = offers.iter().map(quoted).collect();
    let of_lecce: Vec<String> = offers.iter().filter(|o| o.data.centre == lecce).map(quoted).collect();
    r#"
[generation]
max-examples = MAX_EXAMPLES

[dictionaries.offers]
values = [ALL]

[dictionaries.lecce]
values = [OF_LECCE]

[dictionaries.actions]
values = ["publish", "withdraw", "fill"]

[[operations]]
include-name = "GET /api/v1/offers/{reference}"
generation.max-examples = 1000
parameters = { "path.reference" = { dictionary = "offers", probability = 0.5 } }

[[operations]]
include-name = "PUT /api/v1/offers/{reference}"
parameters = { "path.reference" = { dictionary = "lecce", probability = 0.5 } }

[[operations]]
include-name = "POST /api/v1/offers/{reference}/{action}"
parameters = { "path.reference" = { dictionary = "lecce", probability = 0.5 }, "path.action" = { dictionary = "actions", probability = 0.8 } }

[dictionaries.service]
values = [SERVICE]

[dictionaries.starts]
values = [STARTS]

[dictionaries.modality]
values = ["in_office"]

[dictionaries.name]
values = ["Maria Rossi", "Jean-Luc Ndiaye"]

[dictionaries.email]
values = [EMAILS]

[[operations]]
include-name = "POST /api/v1/bookings"
parameters = { "body.service" = { dictionary = "service", probability = 0.9 }, "body.start" = { dictionary = "starts", probability = 0.9 }, "body.modality" = { dictionary = "modality", probability = 0.9 }, "body.name" = { dictionary = "name", probability = 0.9 }, "body.email" = { dictionary = "email", probability = 0.9 } }
"#
    .replace("MAX_EXAMPLES", &MAX_EXAMPLES.to_string())
    .replace("OF_LECCE", &of_lecce.join(", "))
    .replace("ALL", &all.join(", "))
    .replace("SERVICE", &guidance.to_string())
    .replace("STARTS", &starts.join(", "))
    .replace("EMAILS", &emails.join(", "))
}

async fn the_api_conforms_to_its_document_under_schemathesis(backend: Backend) {
    let program = schemathesis();
    let db = TestDatabase::new(backend).await;
    sportello_demo::load(db.storage.as_ref(), 60, sportello_demo::DEMO_SEED, today_in_rome())
        .await
        .unwrap();
    let totp = sportello_auth::TotpSecret::generate().to_base32();
    crate::common::lecce_operator_with_token(
        db.storage.as_ref(),
        "fuzz@cpi.example",
        "a long enough password 1",
        &totp,
        TOKEN,
    )
    .await;
    let dir = std::env::temp_dir().join(format!("sportello-fuzz-{backend:?}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let node = Node::start(&db_arg(&db), &dir.join("index"), &[]);
    node.wait_ready(Duration::from_secs(30));
    let (status, document) = node.get("/api/openapi.json");
    assert_eq!(status, 200, "{document}");
    let document: serde_json::Value = serde_json::from_str(&document).unwrap();
    let operations: Vec<String> = document["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            let methods = item.as_object().unwrap().keys();
            methods.map(move |m| format!("{} {path}", m.to_uppercase()))
        })
        .collect();

    let config = dir.join("schemathesis.toml");
    std::fs::write(&config, schemathesis_config(&db, &node).await).unwrap();
    let mut counts: BTreeMap<String, BTreeMap<u64, usize>> = BTreeMap::new();
    for round in 1..=ROUNDS {
        let report = dir.join(format!("events-{round}.ndjson"));
        let started = Instant::now();
        let run = Command::new(&program)
            .arg("--config-file")
            .arg(&config)
            .arg("run")
            .arg(format!("http://127.0.0.1:{}/api/openapi.json", node.port))
            .args(["--checks", CHECKS])
            .args(["--workers", "2"])
            .args(["--header", &format!("Authorization: Bearer {TOKEN}")])
            .args(["--report", "ndjson", "--report-ndjson-path"])
            .arg(&report)
            .args(["--max-time", SECONDS])
            .args(["--request-timeout", "30", "--generation-database", "none", "--no-color"])
            .current_dir(&dir)
            .output()
            .expect("schemathesis runs");
        let took = started.elapsed();
        let stdout = String::from_utf8_lossy(&run.stdout);
        let stderr = String::from_utf8_lossy(&run.stderr);
        // Its warnings (operations the fuzzer could not get far in) and summary.
        let summary = ["= WARNINGS =", "= SUMMARY ="]
            .iter()
            .find_map(|title| stdout.find(title))
            .map_or(&*stdout, |at| &stdout[at..]);
        eprintln!(
            "{backend:?}: schemathesis run {round} took {:.0} s\n{summary}",
            took.as_secs_f64()
        );
        assert!(
            run.status.success(),
            "schemathesis found failures ({}):\n{stdout}\n{stderr}",
            run.status
        );
        for (operation, statuses) in requests_per_operation(&report) {
            let all = counts.entry(operation).or_default();
            for (status, n) in statuses {
                *all.entry(status).or_default() += n;
            }
        }
        let made = |operation: &String| counts.get(operation).map_or(0, |s| s.values().sum::<usize>());
        if operations.iter().all(|o| made(o) >= EXAMPLES) {
            break;
        }
    }
    for operation in &operations {
        let statuses = counts.get(operation).cloned().unwrap_or_default();
        let made: usize = statuses.values().sum();
        eprintln!("{backend:?}: {operation}: {made} requests, by status {statuses:?}");
        assert!(made >= EXAMPLES, "{operation}: {made} requests, fewer than {EXAMPLES}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
