//! A `TestApp` per test: a fresh database (SQLite or PostgreSQL) with demo
//! data, and the real router, called without a network.

#![allow(dead_code)]

pub mod appointments;
pub mod browser;
pub mod newsletter;
pub mod people;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use sportello_domain::PublicUrl;
use sportello_domain::time::today_in_rome;
use sportello_storage::{ImportOffer, Storage};
use sportello_testkit::{Backend, TestDatabase};
use sportello_web::AppState;
use tower::ServiceExt;

use std::sync::Arc;

use chrono::Duration;
use sportello_app::limiter::Limits;
use sportello_domain::limits::Limit;

/// Offers loaded into each test database.
pub const OFFERS: usize = 120;
pub const SEED: u64 = 11;
/// The configured public address: links must use it, never the Host header.
pub const PUBLIC_URL: &str = "https://lavoro.example.test";

pub struct TestApp {
    pub db: TestDatabase,
    /// The second factors the helpers gave test users (see `browser.rs`).
    pub(crate) factors: browser::Factors,
    /// The state the router was made from (its render slots are shared).
    pub state: AppState,
    router: Router,
    /// A second node on the same database, with its own connections and
    /// memory, made by [`TestApp::second_node`].
    other: Option<Router>,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as received (images are not text: `body` is then empty).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// The text of the page without tags, whitespace collapsed.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for ch in self.body.chars() {
            match ch {
                '<' => {
                    in_tag = true;
                    out.push(' ');
                }
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        let text = out
            .split(|c: char| c.is_ascii_whitespace())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        text.replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }

    /// The text of the single `h1`.
    pub fn h1(&self) -> String {
        assert_eq!(self.body.matches("<h1").count(), 1, "one h1 per page");
        let start = self.body.find("<h1").unwrap();
        let open_end = start + self.body[start..].find('>').unwrap() + 1;
        let end = open_end + self.body[open_end..].find("</h1>").unwrap();
        TestResponse {
            status: self.status,
            headers: HeaderMap::new(),
            body: self.body[open_end..end].to_string(),
            bytes: Vec::new(),
        }
        .text()
    }
}

impl TestApp {
    pub async fn new(backend: Backend) -> TestApp {
        TestApp::with_state(backend, |_| {}).await
    }

    /// A test app whose state `change` adjusts (e.g. a translator).
    pub async fn with_state(backend: Backend, change: impl FnOnce(&mut AppState)) -> TestApp {
        // Internal errors are logged: show them in the failing test's output.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("warn"))
            .with_test_writer()
            .try_init();
        let today = today_in_rome();
        let db = TestDatabase::prepared(
            backend,
            &format!("demo-{OFFERS}-{SEED}-{today}"),
            |storage| async move {
                sportello_demo::load(storage.as_ref(), OFFERS, SEED, today)
                    .await
                    .expect("demo data loads");
            },
        )
        .await;
        let mut state = AppState::open(db.storage.clone(), PublicUrl::parse(PUBLIC_URL).unwrap(), None)
            .await
            .expect("state");
        change(&mut state);
        TestApp {
            db,
            factors: browser::Factors::default(),
            router: sportello_web::router(state.clone()),
            state,
            other: None,
        }
    }

    /// A test app whose accounts may try to sign in 4 times in 4 seconds,
    /// so that tests see a refusal end.
    pub async fn quick_sign_in_limit(backend: Backend) -> TestApp {
        TestApp::with_state(backend, |state| {
            let limits = Limits {
                sign_in_per_account: Limit::new("sign-in-account", 4, Duration::seconds(4)),
                ..Limits::clone(&state.limits)
            };
            state.limits = Arc::new(limits);
        })
        .await
    }

    /// Adds a second node: another `AppState` on the same database, with
    /// its own pool and caches and no configured secret (so both nodes must
    /// share the key stored in the database).
    pub async fn second_node(mut self) -> TestApp {
        let storage = sportello_storage::open_with_keys(&self.db.url, Some(sportello_testkit::data_keys()))
            .await
            .expect("second node");
        let mut state = AppState::open(storage, PublicUrl::parse(PUBLIC_URL).unwrap(), None)
            .await
            .expect("state");
        state.app.limits = self.state.app.limits.clone();
        self.other = Some(sportello_web::router(state));
        self
    }

    /// The router itself, for requests sent at once from spawned tasks.
    pub fn router(&self) -> Router {
        self.router.clone()
    }

    pub fn storage(&self) -> &dyn Storage {
        self.db.storage.as_ref()
    }

    /// What the generator produced, as an oracle independent of the database.
    pub async fn generated(&self) -> Vec<ImportOffer> {
        let centres = self.storage().centres().await.unwrap();
        sportello_demo::offers::generate(&centres, OFFERS, SEED, today_in_rome())
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        self.request("GET", path, headers, Vec::new()).await
    }

    /// Any request through the real router.
    pub async fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: Vec<u8>) -> TestResponse {
        self.request_on(0, method, path, headers, body).await
    }

    /// A request to node 0, or to node 1 made by [`TestApp::second_node`].
    pub async fn request_on(
        &self,
        node: usize,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> TestResponse {
        let mut request = Request::builder().method(method).uri(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let router = match node {
            0 => &self.router,
            _ => self.other.as_ref().expect("TestApp::second_node was called"),
        };
        let response = router
            .clone()
            .oneshot(request.body(Body::from(body)).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), 16 * 1024 * 1024)
            .await
            .unwrap();
        let image = headers.get("content-type").is_some_and(|v| {
            let v = v.to_str().unwrap_or("");
            v.starts_with("image/") || v == "application/pdf"
        });
        TestResponse {
            status,
            headers,
            body: if image {
                String::new()
            } else {
                String::from_utf8(bytes.to_vec()).expect("UTF-8 body")
            },
            bytes: bytes.to_vec(),
        }
    }

    /// Closes the published offer `reference` as filled, withdrawn or expired.
    /// The actions of the audit rows about `object` (an id), oldest first.
    pub async fn audit_actions(&self, object: &str) -> Vec<String> {
        self.storage()
            .audit_entries(&sportello_storage::AuditFilter {
                object_id: Some(object.into()),
                limit: 100,
                ..sportello_storage::AuditFilter::default()
            })
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect()
    }

    pub async fn close(&self, reference: &str, status: sportello_domain::OfferStatus) {
        let reference = sportello_domain::RefCode::parse(reference).unwrap();
        self.storage()
            .close_offer(
                &reference,
                status,
                &sportello_domain::Actor::system(),
                chrono::Utc::now(),
            )
            .await
            .unwrap();
    }

    /// References of open offers from the API, in the API's order.
    pub async fn open_references(&self, query: &str) -> Vec<String> {
        let query = if query.contains("per_page=") {
            query.to_string()
        } else {
            format!("per_page=100&{query}")
        };
        let list = self.get(&format!("/api/v1/offers?{query}")).await.json();
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["reference"].as_str().unwrap().to_string())
            .collect()
    }
}
