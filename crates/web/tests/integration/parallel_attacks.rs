//! Throttles that hold under parallel attack, through the real router on
//! SQLite and PostgreSQL: 50 wrong second-factor codes sent at once for one
//! account are counted exactly (the account's allowance is checked, the
//! rest refused with 429); with the Argon2 cap at k, k + 20 password
//! attempts at once make k hash and the rest get 503 with `Retry-After`.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::Utc;
use sportello_auth::TotpSecret;
use sportello_domain::limits::defaults::SIGN_IN_PER_ACCOUNT;
use sportello_domain::{Actor, Grant, Role, Scope};
use sportello_storage::AuditFilter;
use sportello_testkit::{Backend, on_both_backends};
use sportello_web::ServerLimits;
use tokio::task::JoinSet;
use tower::ServiceExt;

use crate::common::TestApp;
use crate::common::browser::{Browser, PASSWORD, input_value};

// Both on a node that checks two passwords at once at most.
on_both_backends!(using crate::parallel_attacks::hashing_cap_of_two =>
    #[multi_thread] fifty_wrong_codes_at_once,
    #[multi_thread] argon2_beyond_the_cap,
);

/// A form post of `fields` with `cookie`, as a request of its own.
fn form_post(path: &str, cookie: &str, fields: &[(&str, &str)]) -> Request<Body> {
    Request::builder()
        .method("POST")
        .uri(path)
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(serde_urlencoded::to_string(fields).unwrap()))
        .unwrap()
}

async fn fifty_wrong_codes_at_once(app: TestApp) {
    let lecce = app.centre("lecce").await;
    let user = app
        .add_user(
            "totp@example.org",
            vec![Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap()],
        )
        .await;
    let secret = TotpSecret::generate();
    app.storage()
        .set_totp(user.id, Some(&secret.to_base32()), &[], &Actor::system(), Utc::now())
        .await
        .unwrap();
    // The password step: one attempt counted for the account.
    let mut browser = Browser::new(&app);
    let step = browser.sign_in("totp@example.org", PASSWORD).await;
    assert_eq!(step.status, StatusCode::SEE_OTHER);
    let form = browser.get("/en/office/sign-in/second-factor").await;
    let csrf = input_value(&form.body, "csrf").unwrap();
    let cookie = browser.cookie_header();
    // A code that is none of the accepted steps' (±1 step).
    let now = Utc::now().timestamp();
    let valid: Vec<String> = [-30, 0, 30].iter().map(|d| secret.code_at(now + d)).collect();
    let wrong = (0..1_000_000)
        .map(|n| format!("{n:06}"))
        .find(|c| !valid.contains(c))
        .unwrap();

    let mut attempts = JoinSet::new();
    for _ in 0..50 {
        let request = form_post(
            "/en/office/sign-in/second-factor",
            &cookie,
            &[("csrf", &csrf), ("code", &wrong), ("next", "/en/office/")],
        );
        let router = app.router();
        attempts.spawn(async move { router.oneshot(request).await.unwrap() });
    }
    let (mut checked, mut refused) = (0, 0);
    while let Some(answer) = attempts.join_next().await {
        let answer = answer.unwrap();
        match answer.status() {
            StatusCode::UNAUTHORIZED => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                let wait = answer.headers()["retry-after"]
                    .to_str()
                    .unwrap()
                    .parse::<u32>()
                    .unwrap();
                assert!(wait >= 1);
                refused += 1;
            }
            other => panic!("unexpected {other}"),
        }
    }
    let allowed = SIGN_IN_PER_ACCOUNT.max as usize - 1;
    assert_eq!(
        (checked, refused),
        (allowed, 50 - allowed),
        "exactly the allowance checked"
    );
    let failures = app
        .storage()
        .audit_entries(&AuditFilter {
            action: Some("sign_in_failed".into()),
            object_id: Some(user.id.0.to_string()),
            limit: 100,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(failures.len(), allowed, "each checked code logged once");
}

/// A test app whose node checks two passwords at once at most.
pub async fn hashing_cap_of_two(backend: Backend) -> TestApp {
    TestApp::with_state(backend, |state| {
        let limits = ServerLimits {
            max_hashing: 2,
            ..ServerLimits::default()
        };
        *state = state.clone().with_server_limits(limits);
    })
    .await
}

async fn argon2_beyond_the_cap(app: TestApp) {
    let mut browser = Browser::new(&app);
    let form = browser.get("/en/office/sign-in").await;
    let csrf = input_value(&form.body, "csrf").unwrap();
    let cookie = browser.cookie_header();
    // Every hash waits at the gate until the test opens it.
    let gate = app.state.hashing.gate();
    gate.close();
    let mut attempts = JoinSet::new();
    for n in 0..22 {
        let email = format!("person{n}@example.org");
        let request = form_post(
            "/en/office/sign-in",
            &cookie,
            &[("csrf", &csrf), ("email", &email), ("password", "a wrong password")],
        );
        let router = app.router();
        attempts.spawn(async move { router.oneshot(request).await.unwrap() });
    }
    // The 20 beyond the cap are answered while the 2 hash.
    for _ in 0..20 {
        let answer = attempts.join_next().await.unwrap().unwrap();
        assert_eq!(answer.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(answer.headers()["retry-after"], "2");
    }
    while gate.waiting() < 2 {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert_eq!(gate.waiting(), 2, "two hashing");
    gate.open();
    while let Some(answer) = attempts.join_next().await {
        assert_eq!(answer.unwrap().status(), StatusCode::UNAUTHORIZED, "checked, and wrong");
    }
}
