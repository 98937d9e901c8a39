//! Bounded input, bounded log, through the real router on SQLite and
//! PostgreSQL: a 1 MB sign-in form is refused (413) and a 10 KB e-mail
//! address too (422); neither leaves a counter or an audit row keyed by what
//! was sent, and both count for the client's network; audit rows about
//! accounts name them by id.

use std::sync::Arc;

use crate::common::TestApp;
use crate::common::browser::Browser;
use axum::http::StatusCode;
use chrono::Duration;
use sportello_app::limiter::Limits;
use sportello_domain::limits::Limit;
use sportello_storage::AuditFilter;
use sportello_testkit::{Backend, on_both_backends};

on_both_backends!(using crate::bounded_input::network_of_three => oversized_input_is_refused_and_counted);

/// A test app whose network may try to sign in three times in a minute.
async fn network_of_three(backend: Backend) -> TestApp {
    TestApp::with_state(backend, |state| {
        let limits = Limits {
            sign_in_per_net: Limit::new("sign-in-net", 3, Duration::minutes(1)),
            ..Limits::clone(&state.limits)
        };
        state.app.limits = Arc::new(limits);
    })
    .await
}

async fn oversized_input_is_refused_and_counted(app: TestApp) {
    let audit_before = app
        .storage()
        .audit_entries(&AuditFilter {
            limit: 1000,
            ..AuditFilter::default()
        })
        .await
        .unwrap()
        .len();
    let mut browser = Browser::new(&app);
    browser.get("/en/office/sign-in").await;

    // 1 MB of form: refused for its size, in the page's language.
    let huge = "x".repeat(1024 * 1024);
    let too_large = browser
        .post("/en/office/sign-in", &[("email", &huge), ("password", "p")])
        .await;
    assert_eq!(too_large.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(too_large.text().contains("Too much data sent"), "{}", too_large.text());

    // A 10 KB address fits the form's limit but is no address: 422.
    let long = format!("{}@example.org", "a".repeat(10 * 1024));
    browser.get("/en/office/sign-in").await;
    let invalid = browser
        .post("/en/office/sign-in", &[("email", &long), ("password", "p")])
        .await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(invalid.text().contains("Write a valid e-mail address"));
    assert!(!invalid.body.contains(&long), "not echoed back");

    // Nothing keyed by what was sent: no account counter, no audit row.
    let buckets = crate::newsletter::limiter_buckets(&app.db.url).await;
    assert!(buckets.iter().all(|b| b.starts_with("sign-in-net:")), "{buckets:?}");
    assert!(buckets.iter().all(|b| b.len() < 100));
    let audit = app
        .storage()
        .audit_entries(&AuditFilter {
            limit: 1000,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(audit.len(), audit_before, "no audit row");

    // Both counted for the network: the third attempt is the last allowed,
    // the fourth is refused whatever it sends.
    browser.get("/en/office/sign-in").await;
    let third = browser.sign_in("nobody@example.org", "not a password").await;
    assert_eq!(third.status, StatusCode::UNAUTHORIZED);
    let fourth = browser.sign_in("nobody@example.org", "not a password").await;
    assert_eq!(fourth.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(fourth.header("retry-after").parse::<u32>().unwrap() >= 1);

    // The attempts on accounts name no one and stay small.
    let audit = app
        .storage()
        .audit_entries(&AuditFilter {
            limit: 1000,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    let about_accounts: Vec<_> = audit.iter().filter(|e| e.object_kind == "user").collect();
    assert!(!about_accounts.is_empty());
    for entry in about_accounts {
        assert!(!entry.object_id.contains('@'), "{entry:?}");
        assert!(entry.object_id.len() + entry.details.len() < 1024, "{entry:?}");
    }
}
