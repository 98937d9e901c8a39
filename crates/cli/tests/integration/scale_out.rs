//! Scale-out on PostgreSQL: two `sportello serve` processes with their own
//! index directories on one database. What one node publishes, the other
//! finds within 2 seconds through its own change-log follower (shown by
//! holding that follower: the offer stays absent until it resumes), and what
//! the other withdraws leaves the first's results within 2 seconds.

use std::time::{Duration, Instant};

use chrono::Utc;
use sportello_domain::{Actor, OfferStatus};
use sportello_testkit::Backend;

use crate::common::node::Node;

const TOKEN: &str = "spt_scale-out-test-token-of-an-operator";
/// How soon the other node must see a change.
const WITHIN: Duration = Duration::from_secs(2);

/// What the test asks of a node's search.
trait Search {
    fn finds(&self, word: &str, reference: &str) -> bool;
    fn until(&self, word: &str, reference: &str, want: bool, limit: Duration) -> Option<Duration>;
}

impl Search for Node {
    /// Whether a search for `word` on this node lists `reference`.
    fn finds(&self, word: &str, reference: &str) -> bool {
        let (status, body) = self.get(&format!("/api/v1/offers?q={word}&per_page=100"));
        assert_eq!(status, 200, "{body}");
        body.contains(&format!("\"reference\":\"{reference}\""))
    }

    /// How long until `finds` is `want`, if within `limit`.
    fn until(&self, word: &str, reference: &str, want: bool, limit: Duration) -> Option<Duration> {
        let start = Instant::now();
        while start.elapsed() <= limit {
            if self.finds(word, reference) == want {
                return Some(start.elapsed());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_change_on_one_node_reaches_the_other_through_its_own_follower() {
    let db = crate::common::database_with_centres(Backend::Postgres).await;
    let storage = db.storage.clone();
    let lecce = storage.centre_by_slug("lecce").await.unwrap().unwrap();
    // An operator of Lecce with an API token.
    let totp = sportello_auth::TotpSecret::generate().to_base32();
    crate::common::lecce_operator_with_token(
        storage.as_ref(),
        "scale-out@cpi.example",
        "a long enough password 1",
        &totp,
        TOKEN,
    )
    .await;
    // Two drafts of Lecce with a word no other offer has.
    let centres = storage.centres().await.unwrap();
    let mut drafts: Vec<_> = sportello_demo::offers::generate(&centres, 60, 7, sportello_domain::time::today_in_rome())
        .into_iter()
        .filter(|o| o.data.centre == lecce.id && o.data.section == sportello_domain::Section::Ordinary)
        .take(1)
        .collect();
    assert_eq!(drafts.len(), 1, "the generator gives an ordinary offer of Lecce");
    for draft in &mut drafts {
        draft.status = OfferStatus::Draft;
        draft.published_on = None;
        draft.data.valid_through = sportello_domain::time::today_in_rome() + chrono::Duration::days(30);
        for text in &mut draft.data.texts {
            text.title = format!("{} zampognaro", text.title);
        }
    }
    storage
        .import_offers(&drafts, &Actor::system(), Utc::now())
        .await
        .unwrap();
    let reference = crate::common::all_offers(storage.as_ref())
        .await
        .into_iter()
        .find(|o| o.status == OfferStatus::Draft)
        .expect("the draft")
        .reference
        .to_string();

    let dir = tempfile_dir();
    let hold_b = dir.join("hold-b");
    let url = crate::common::db_arg(&db);
    let hold = |p: &std::path::Path| vec!["--search-hold-file".to_string(), p.display().to_string()];
    let a = Node::start(&url, &dir.join("index-a"), &hold(&dir.join("hold-a")));
    let b = Node::start(&url, &dir.join("index-b"), &hold(&hold_b));
    assert!(!a.finds("zampognaro", &reference) && !b.finds("zampognaro", &reference));

    // B's follower is held: what A publishes reaches A, not B.
    std::fs::write(&hold_b, b"held by the scale-out test").unwrap();
    std::thread::sleep(Duration::from_millis(600));
    let (status, body) = a.request("POST", &format!("/api/v1/offers/{reference}/publish"), Some(TOKEN));
    assert_eq!(status, 200, "{body}");
    let on_a = a.until("zampognaro", &reference, true, WITHIN);
    assert!(on_a.is_some(), "node A finds what it published within 2 s");
    assert_eq!(
        b.until("zampognaro", &reference, true, Duration::from_secs(3)),
        None,
        "node B does not find it while its follower is held"
    );
    // Released, B's own follower brings it within 2 s.
    std::fs::remove_file(&hold_b).unwrap();
    let on_b = b.until("zampognaro", &reference, true, WITHIN);
    assert!(on_b.is_some(), "node B finds it within 2 s of its follower resuming");

    // Withdrawn through B, it leaves A's results within 2 s.
    let (status, body) = b.request("POST", &format!("/api/v1/offers/{reference}/withdraw"), Some(TOKEN));
    assert_eq!(status, 200, "{body}");
    let gone_from_a = a.until("zampognaro", &reference, false, WITHIN);
    assert!(gone_from_a.is_some(), "node A drops the withdrawn offer within 2 s");
    eprintln!(
        "published on A: found on A after {:?}, on B {:?} after its follower resumed; withdrawn on B: gone from A after {:?}",
        on_a.unwrap(),
        on_b.unwrap(),
        gone_from_a.unwrap()
    );
    drop((a, b));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A fresh directory for the nodes' indexes and hold files.
fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "sportello-scale-out-{}-{}",
        std::process::id(),
        Utc::now().timestamp_nanos_opt().unwrap_or(0)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
