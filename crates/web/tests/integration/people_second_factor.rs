//! A citizen's two-step sign-in through the real router, on SQLite and
//! PostgreSQL: turned on with the password and a code from the app (the
//! key kept sealed), then asked after the password; a recovery code works
//! once; turned off with a current code.

use crate::common::TestApp;
use crate::common::browser::{Browser, PASSWORD, input_value};
use crate::common::people::sign_up;
use axum::http::StatusCode;
use chrono::Utc;
use sportello_auth::TotpSecret;
use sportello_testkit::on_both_backends;
use sportello_testkit::raw;

fn shown_secret(body: &str) -> TotpSecret {
    let text = body.split("<code class=\"secret\">").nth(1).expect("the key is shown");
    TotpSecret::from_base32(&text[..text.find('<').unwrap()]).unwrap()
}

async fn sign_in_with_password(browser: &mut Browser<'_>) -> crate::common::TestResponse {
    browser.get("/en/account/sign-in").await;
    browser
        .post(
            "/en/account/sign-in",
            &[("contact", "lina@example.org"), ("password", PASSWORD)],
        )
        .await
}

async fn two_step_sign_in(app: TestApp) {
    let mut lina = Browser::new(&app);
    sign_up(&app, &mut lina, "lina@example.org", PASSWORD).await;
    let page = lina.get("/en/account/settings/second-factor").await;
    assert_eq!(page.status, StatusCode::OK);
    let secret = shown_secret(&page.body);
    let sealed = input_value(&page.body, "sealed").unwrap();
    let now = Utc::now().timestamp();
    let wrong = lina
        .post(
            "/en/account/settings/second-factor",
            &[
                ("action", "enable"),
                ("sealed", &sealed),
                ("password", "not the password"),
                ("code", &secret.code_at(now)),
            ],
        )
        .await;
    assert_eq!(
        wrong.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the password is asked again"
    );
    let done = lina
        .post(
            "/en/account/settings/second-factor",
            &[
                ("action", "enable"),
                ("sealed", &sealed),
                ("password", PASSWORD),
                ("code", &secret.code_at(now)),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text());
    let codes: Vec<String> = done
        .body
        .split("<li><code>")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].to_string())
        .collect();
    assert_eq!(codes.len(), 10);
    let stored = raw::texts(
        &app.db.url,
        "SELECT totp_secret FROM people WHERE totp_secret IS NOT NULL",
        &[],
    )
    .await;
    assert!(
        stored[0].starts_with("sv1.") && !stored[0].contains(&secret.to_base32()),
        "sealed"
    );

    // Signing in again: the password, then the second step.
    let mut again = Browser::new(&app);
    let step = sign_in_with_password(&mut again).await;
    assert_eq!(step.status, StatusCode::SEE_OTHER);
    assert!(step.header("location").starts_with("/en/account/sign-in/second-factor"));
    assert_eq!(
        again.get("/en/account").await.status,
        StatusCode::SEE_OTHER,
        "not yet in"
    );
    let form = again.get("/en/account/sign-in/second-factor").await;
    assert_eq!(form.status, StatusCode::OK);
    let bad = again
        .post("/en/account/sign-in/second-factor", &[("code", "000000")])
        .await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    let ok = again
        .post("/en/account/sign-in/second-factor", &[("code", &codes[0])])
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text());
    assert_eq!(again.get("/en/account").await.status, StatusCode::OK);

    // The same recovery code does not work twice; the next TOTP step does.
    let mut third = Browser::new(&app);
    sign_in_with_password(&mut third).await;
    third.get("/en/account/sign-in/second-factor").await;
    let reused = third
        .post("/en/account/sign-in/second-factor", &[("code", &codes[0])])
        .await;
    assert_eq!(reused.status, StatusCode::UNAUTHORIZED);
    let next = secret.code_at(now + 30);
    let ok = third
        .post("/en/account/sign-in/second-factor", &[("code", &next)])
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text());

    // Turned off with a current code (half a minute later: the step last
    // used is forgotten here instead of waiting), not with a wrong one.
    let settings = third.get("/en/account/settings/second-factor").await;
    assert!(
        settings.text().contains("9"),
        "recovery codes left: {}",
        settings.text()
    );
    let refused = third
        .post(
            "/en/account/settings/second-factor",
            &[("action", "disable"), ("code", "000000")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    raw::execute(&app.db.url, "UPDATE people SET totp_last_step = NULL").await;
    third.get("/en/account/settings/second-factor").await;
    let off = third
        .post(
            "/en/account/settings/second-factor",
            &[("action", "disable"), ("code", &secret.code_at(now))],
        )
        .await;
    assert_eq!(off.status, StatusCode::SEE_OTHER, "{}", off.text());
    let mut fourth = Browser::new(&app);
    let direct = sign_in_with_password(&mut fourth).await;
    assert_eq!(direct.header("location"), "/en/account");
}

on_both_backends!(using crate::common::TestApp::new => two_step_sign_in);
