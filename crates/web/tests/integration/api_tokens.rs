//! Personal API tokens through the real router, on SQLite and PostgreSQL: a
//! token is made with the password given again (a wrong one is a 422 on the
//! same form and writes nothing; wrong ones count with the sign-in's
//! per-account limit; the check takes one of the node's hashing slots) and
//! a lifetime in days (90 by default, 1 to 365); the API refuses it once
//! expired; the account page shows each token's expiry; a new password and
//! a reset of the second factor kill every token of the user.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{Duration, Utc};
use sportello_auth::hash_token;
use sportello_domain::{Actor, Grant, Role, Scope, User};
use sportello_storage::AuditFilter;
use sportello_testkit::on_both_backends;
use tokio::task::JoinSet;
use tower::ServiceExt;

use crate::common::browser::{Browser, PASSWORD, input_value};
use crate::common::{TestApp, TestResponse};

on_both_backends!(using crate::common::TestApp::new =>
    a_token_needs_the_password_and_lives_the_days_chosen,
    a_new_password_or_second_factor_kills_every_token,
);
/// Accounts may try 4 times in 2 seconds here, so that a refusal's end is seen.
mod quick_limit {
    use super::*;
    on_both_backends!(using crate::common::TestApp::quick_sign_in_limit =>
        wrong_passwords_count_like_sign_ins,
    );
}
/// A node that checks two passwords at once at most.
mod two_hashes {
    use super::*;
    on_both_backends!(using crate::parallel_attacks::hashing_cap_of_two =>
        #[multi_thread] the_password_takes_a_hashing_slot,
    );
}

/// An operator of Lecce (with a second factor), signed in on the account page.
async fn operator<'a>(app: &'a TestApp, email: &str) -> (Browser<'a>, User) {
    let lecce = app.centre("lecce").await;
    let user = app
        .add_user(
            email,
            vec![Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap()],
        )
        .await;
    let mut browser = Browser::new(app);
    browser.sign_in_with_second_factor(&user).await;
    assert_eq!(browser.get("/en/office/account").await.status, StatusCode::OK);
    (browser, user)
}

/// The token shown once on `page`.
fn shown_token(page: &TestResponse) -> String {
    let text = page
        .body
        .split("<code class=\"secret\">")
        .nth(1)
        .expect("a token is shown");
    text[..text.find('<').unwrap()].to_string()
}

/// An API call with `token`: 404 for the unknown offer once the token is
/// accepted, 401 otherwise.
async fn call(app: &TestApp, token: &str) -> StatusCode {
    let auth = format!("Bearer {token}");
    app.request(
        "POST",
        "/api/v1/offers/LE-999999/publish",
        &[("authorization", &auth)],
        Vec::new(),
    )
    .await
    .status
}

async fn a_token_needs_the_password_and_lives_the_days_chosen(app: TestApp) {
    let (mut op, user) = operator(&app, "op@example.org").await;
    let form = op.get("/en/office/account").await;
    assert!(form.body.contains("id=\"f-token-days\""));
    assert_eq!(
        input_value(&form.body, "days").as_deref(),
        Some("90"),
        "90 days unless changed"
    );
    assert!(form.body.contains("id=\"f-token-password\""));

    // A wrong password: 422 on the same form, the typed values kept, nothing written.
    let wrong = op
        .post(
            "/en/office/account/tokens",
            &[
                ("name", "import"),
                ("days", "30"),
                ("password", "not my password at all"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.text().contains("This is not your password."), "{}", wrong.text());
    assert!(wrong.body.contains("id=\"f-token-password-error\""));
    assert!(wrong.body.contains("class=\"error-summary\""));
    assert!(wrong.body.contains("value=\"import\""), "the name is kept");
    assert!(!wrong.body.contains("spt_"));
    assert!(app.storage().api_tokens(user.id).await.unwrap().is_empty());
    // Lifetimes out of range, in the reader's language.
    for days in ["0", "366", "ninety", "1.5"] {
        let bad = op
            .post(
                "/fr/office/account/tokens",
                &[("name", "import"), ("days", days), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{days}");
        assert!(
            bad.text()
                .contains("Indiquez un nombre entier de jours entre 1 et 365."),
            "{days}: {}",
            bad.text()
        );
    }
    assert!(app.storage().api_tokens(user.id).await.unwrap().is_empty());

    // 30 days: shown once, with its expiry, and it works.
    let before = Utc::now();
    let made = op
        .post(
            "/en/office/account/tokens",
            &[("name", "import"), ("days", "30"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.text());
    let token = shown_token(&made);
    let stored = app.storage().api_tokens(user.id).await.unwrap().remove(0);
    let lifetime = stored.expires_at - before;
    assert!(
        lifetime > Duration::days(30) - Duration::minutes(1) && lifetime <= Duration::days(30) + Duration::minutes(1),
        "{lifetime}"
    );
    let date = stored.expires_at.date_naive().to_string();
    assert!(
        made.text().contains(&format!("It works until {date}.")),
        "{}",
        made.text()
    );
    assert_eq!(call(&app, &token).await, StatusCode::NOT_FOUND, "accepted");
    let page = op.get("/en/office/account").await;
    assert!(page.text().contains("Expires"), "a column of expiries");
    assert!(
        page.body.contains(&format!("<td>{date}</td>")),
        "the token's expiry is listed"
    );

    // No lifetime given: 90 days.
    let default = op
        .post(
            "/en/office/account/tokens",
            &[("name", "default"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(default.status, StatusCode::OK);
    let stored = app.storage().api_tokens(user.id).await.unwrap().remove(1);
    assert_eq!((stored.expires_at - stored.created_at).num_days(), 90);

    // Expired: refused by the API, and said so on the page.
    let now = Utc::now();
    app.storage()
        .insert_api_token(
            user.id,
            "last year",
            &hash_token("spt_last-year"),
            now - Duration::days(1),
            &Actor::system(),
            now - Duration::days(91),
        )
        .await
        .unwrap();
    assert_eq!(call(&app, "spt_last-year").await, StatusCode::UNAUTHORIZED);
    let page = op.get("/en/office/account").await;
    let row = page.body.split("<td>last year</td>").nth(1).unwrap();
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("expired") && !row.contains("<form"), "{row}");
}

/// The `token.revoke_all` rows about `user`: why each one was written.
async fn revocations(app: &TestApp, user: &User) -> Vec<String> {
    let rows = app
        .storage()
        .audit_entries(&AuditFilter {
            action: Some("token.revoke_all".into()),
            object_id: Some(user.id.0.to_string()),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    rows.iter()
        .map(|r| {
            let details: serde_json::Value = serde_json::from_str(&r.details).unwrap();
            details["because"].as_str().unwrap().to_string()
        })
        .collect()
}

/// A token made on the account page of `browser`.
async fn make_token(browser: &mut Browser<'_>, name: &str) -> String {
    browser.get("/en/office/account").await;
    let made = browser
        .post("/en/office/account/tokens", &[("name", name), ("password", PASSWORD)])
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.text());
    shown_token(&made)
}

async fn a_new_password_or_second_factor_kills_every_token(app: TestApp) {
    let (mut op, user) = operator(&app, "op@example.org").await;
    let first = make_token(&mut op, "one").await;
    let second = make_token(&mut op, "two").await;
    assert_eq!(call(&app, &first).await, StatusCode::NOT_FOUND);

    // The user's own new password.
    op.get("/en/office/password").await;
    let new_password = "a new and long enough password";
    let changed = op
        .post(
            "/en/office/password",
            &[("current", PASSWORD), ("new", new_password), ("repeat", new_password)],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.text());
    for token in [&first, &second] {
        assert_eq!(
            call(&app, token).await,
            StatusCode::UNAUTHORIZED,
            "revoked with the password"
        );
    }
    assert_eq!(revocations(&app, &user).await, ["user.password_change"]);

    // An administrator's reset of the password, then of the second factor.
    let root = app
        .add_user(
            "root@example.org",
            vec![Grant::new(Role::Admin, Scope::Installation).unwrap()],
        )
        .await;
    let mut admin = Browser::new(&app);
    admin.sign_in_with_second_factor(&root).await;
    let later = Utc::now() + Duration::days(90);
    for (n, action) in ["reset-password", "reset-second-factor"].into_iter().enumerate() {
        let token = format!("spt_made-before-{action}");
        app.storage()
            .insert_api_token(
                user.id,
                action,
                &hash_token(&token),
                later,
                &Actor::system(),
                Utc::now(),
            )
            .await
            .unwrap();
        assert_eq!(
            call(&app, &token).await,
            StatusCode::NOT_FOUND,
            "{action}: works before"
        );
        admin.get("/en/office/admin/users").await;
        let done = admin
            .post(&format!("/en/office/admin/users/{}", user.id.0), &[("action", action)])
            .await;
        assert!(
            done.status.is_success() || done.status.is_redirection(),
            "{action}: {}",
            done.text()
        );
        assert_eq!(call(&app, &token).await, StatusCode::UNAUTHORIZED, "{action}: revoked");
        assert_eq!(revocations(&app, &user).await.len(), n + 2, "{action}: one audit row");
    }
    let mut whys = revocations(&app, &user).await;
    whys.sort();
    assert_eq!(
        whys,
        ["user.password_change", "user.password_reset", "user.second_factor_off"]
    );
    // The rows name the owner by id, never by e-mail.
    let rows = app
        .storage()
        .audit_entries(&AuditFilter {
            action: Some("token.".into()),
            limit: 50,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert!(
        rows.iter()
            .all(|r| r.object_id == user.id.0.to_string() && !r.details.contains('@'))
    );
}

async fn wrong_passwords_count_like_sign_ins(app: TestApp) {
    // The test's limit: 4 attempts in 2 seconds per account.
    let (mut op, user) = operator(&app, "op@example.org").await;
    for n in 0..4 {
        let wrong = op
            .post(
                "/en/office/account/tokens",
                &[("name", "x"), ("password", &format!("a guess {n}"))],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "attempt {n}");
    }
    // The fifth is refused before it is checked, even the right one.
    let refused = op
        .post("/en/office/account/tokens", &[("name", "x"), ("password", PASSWORD)])
        .await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        refused.text().contains("Too many failed attempts."),
        "{}",
        refused.text()
    );
    let wait: u64 = refused.header("retry-after").parse().expect("Retry-After");
    assert!(app.storage().api_tokens(user.id).await.unwrap().is_empty());
    // It is the sign-in's counter: signing in is refused as well.
    let mut elsewhere = Browser::new(&app);
    let blocked = elsewhere.sign_in(&user.email, PASSWORD).await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);

    tokio::time::sleep(std::time::Duration::from_secs(wait.max(1) + 1)).await;
    let made = op
        .post("/en/office/account/tokens", &[("name", "x"), ("password", PASSWORD)])
        .await;
    assert_eq!(made.status, StatusCode::OK, "after the wait: {}", made.text());
    assert_eq!(app.storage().api_tokens(user.id).await.unwrap().len(), 1);
}

async fn the_password_takes_a_hashing_slot(app: TestApp) {
    let (mut op, user) = operator(&app, "op@example.org").await;
    let page = op.get("/en/office/account").await;
    let csrf = input_value(&page.body, "csrf").unwrap();
    let cookie = op.cookie_header();
    let gate = app.state.hashing.gate();
    gate.close();
    let mut attempts = JoinSet::new();
    for n in 0..3 {
        let name = format!("token {n}");
        let body =
            serde_urlencoded::to_string([("csrf", csrf.as_str()), ("name", &name), ("password", PASSWORD)]).unwrap();
        let request = Request::builder()
            .method("POST")
            .uri("/en/office/account/tokens")
            .header("cookie", &cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        let router = app.router();
        attempts.spawn(async move { router.oneshot(request).await.unwrap() });
        // One at a time, so that the first two take the two slots.
        while gate.waiting() < (n + 1).min(2) {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    }
    // Beyond the two slots: 503 at once, nothing made.
    let busy = attempts.join_next().await.unwrap().unwrap();
    assert_eq!(busy.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(busy.headers()["retry-after"], "2");
    assert_eq!(gate.waiting(), 2, "two checking the password");
    gate.open();
    while let Some(answer) = attempts.join_next().await {
        assert_eq!(answer.unwrap().status(), StatusCode::OK);
    }
    assert_eq!(app.storage().api_tokens(user.id).await.unwrap().len(), 2);
}
