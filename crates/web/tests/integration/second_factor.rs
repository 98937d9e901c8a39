//! A second factor for every role, through the real router on SQLite and
//! PostgreSQL: a signed-in user with grants but no factor is sent (303) to
//! the set-up page from every back-office page of the router's own table
//! (`sportello_web::reading_routes`), before anything else can answer — an
//! unknown id too —, while the set-up itself, the password change, signing
//! out and signing in stay reachable; the set-up asks for the password
//! again; nobody with a grant may turn the factor off; and a user without
//! a factor can have no working API token, while the JSON API is otherwise
//! unchanged.

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use sportello_auth::{TotpSecret, hash_token};
use sportello_domain::{Actor, Grant, Role, Scope};
use sportello_testkit::{on_both_backends, raw};

use crate::common::TestApp;
use crate::common::browser::{Browser, PASSWORD, input_value};

on_both_backends!(using crate::common::TestApp::new =>
    every_office_page_waits_for_the_second_factor,
    every_role_waits_for_it_and_no_grant_needs_none,
    the_set_up_asks_for_the_password_again,
    nobody_with_a_grant_turns_it_off,
    a_user_without_a_second_factor_has_no_working_api_token,
    the_password_change_counts_like_a_sign_in,
);

/// Office pages that a user who must set up the second factor still
/// reaches, and why.
const REACHABLE: &[(&str, &str)] = &[
    ("/{lang}/office/account/second-factor", "the set-up itself"),
    (
        "/{lang}/office/password",
        "the password change (it comes first when due)",
    ),
    ("/{lang}/office/sign-in", "signing in (as someone else, say)"),
    (
        "/{lang}/office/sign-in/second-factor",
        "the code step of signing in: for sessions waiting for a code, which this one is not (it is sent to sign in)",
    ),
];

/// Path parameters that parse but name nothing: a page that looked its
/// object up before asking for the second factor would answer 404.
fn fill(path: &str) -> String {
    path.replace("{lang}", "en")
        .replace("{reference}", "ZZ-999999")
        .replace("{id}", "999999")
        .replace("{slug}", "nowhere")
        .replace("{target}", "en")
}

fn every_grant(lecce: &sportello_domain::Centre) -> Vec<Grant> {
    vec![
        Grant::new(Role::Admin, Scope::Installation).unwrap(),
        Grant::new(Role::Coordinator, Scope::Area(lecce.data.area.slug.clone())).unwrap(),
        Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap(),
        Grant::new(Role::Mirato, Scope::Centre(lecce.id)).unwrap(),
    ]
}

async fn every_office_page_waits_for_the_second_factor(app: TestApp) {
    let routes = sportello_web::reading_routes();
    for (path, why) in REACHABLE {
        assert!(
            routes.contains(path),
            "{path} is listed as reachable ({why}) but is no route"
        );
    }
    let lecce = app.centre("lecce").await;
    let user = app
        .add_user_without_second_factor("all@example.org", every_grant(&lecce))
        .await;
    let mut browser = Browser::new(&app);
    let signed = browser.sign_in(&user.email, PASSWORD).await;
    assert_eq!(
        signed.header("location"),
        "/it/office/",
        "no factor yet: signed in at once"
    );

    let mut checked = 0;
    for path in routes.iter().filter(|p| p.starts_with("/{lang}/office")) {
        if REACHABLE.iter().any(|(p, _)| p == path) {
            continue;
        }
        let address = fill(path);
        let response = browser.get(&address).await;
        assert_eq!(
            (response.status, response.header("location")),
            (StatusCode::SEE_OTHER, "/en/office/account/second-factor"),
            "GET {path} ({address}): {}",
            response.text()
        );
        checked += 1;
    }
    assert!(checked >= 25, "{checked} office pages checked");

    // What stays reachable.
    let setup = browser.get("/en/office/account/second-factor").await;
    assert_eq!(setup.status, StatusCode::OK);
    assert!(setup.body.contains("<svg"), "a QR code");
    assert!(
        setup
            .text()
            .contains("Everyone who works in the back office must use a second factor"),
        "{}",
        setup.text()
    );
    assert_eq!(browser.get("/en/office/password").await.status, StatusCode::OK);
    assert_eq!(browser.get("/en/office/sign-in").await.status, StatusCode::OK);
    let code_step = browser.get("/en/office/sign-in/second-factor").await;
    assert_eq!(code_step.header("location"), "/en/office/sign-in");
    browser.get("/en/office/password").await;
    let out = browser.post("/en/office/sign-out", &[]).await;
    assert_eq!(
        (out.status, out.header("location")),
        (StatusCode::SEE_OTHER, "/en/office/sign-in")
    );
    let after = browser.get("/en/office/").await;
    assert!(after.header("location").starts_with("/en/office/sign-in"), "signed out");
    let again = browser.sign_in(&user.email, PASSWORD).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "signing in again works");
    let home = browser.get("/en/office/").await;
    assert_eq!(home.header("location"), "/en/office/account/second-factor");
}

async fn every_role_waits_for_it_and_no_grant_needs_none(app: TestApp) {
    let lecce = app.centre("lecce").await;
    for grant in every_grant(&lecce) {
        let email = format!("{}@example.org", grant.role.code());
        app.add_user_without_second_factor(&email, vec![grant.clone()]).await;
        let mut browser = Browser::new(&app);
        browser.sign_in(&email, PASSWORD).await;
        for page in ["/de/office/", "/de/office/account"] {
            let response = browser.get(page).await;
            assert_eq!(
                (response.status, response.header("location")),
                (StatusCode::SEE_OTHER, "/de/office/account/second-factor"),
                "{} at {page}",
                grant.role.code()
            );
        }
    }
    // No grant, no personal data: no second factor needed.
    app.add_user_without_second_factor("nobody@example.org", vec![]).await;
    let mut nobody = Browser::new(&app);
    nobody.sign_in("nobody@example.org", PASSWORD).await;
    assert_eq!(nobody.get("/de/office/").await.status, StatusCode::OK);
    let setup = nobody.get("/de/office/account/second-factor").await;
    assert_eq!(setup.status, StatusCode::OK);
    assert!(
        !setup.text().contains("Wer im Verwaltungsbereich arbeitet"),
        "not required"
    );
}

/// The key shown on the set-up page.
fn shown_secret(body: &str) -> TotpSecret {
    let text = body.split("<code class=\"secret\">").nth(1).expect("the key is shown");
    TotpSecret::from_base32(&text[..text.find('<').unwrap()]).unwrap()
}

async fn the_set_up_asks_for_the_password_again(app: TestApp) {
    let lecce = app.centre("lecce").await;
    let user = app
        .add_user_without_second_factor(
            "coord@example.org",
            vec![Grant::new(Role::Coordinator, Scope::Area(lecce.data.area.slug.clone())).unwrap()],
        )
        .await;
    let mut browser = Browser::new(&app);
    browser.sign_in(&user.email, PASSWORD).await;
    let setup = browser.get("/en/office/account/second-factor").await;
    assert!(setup.body.contains("id=\"f-password\""), "a password field");
    assert!(setup.body.contains("autocomplete=\"current-password\""));
    let secret = shown_secret(&setup.body);
    let sealed = input_value(&setup.body, "sealed").unwrap();
    let code = secret.code_at(Utc::now().timestamp());
    // A wrong password, with a right code: 422 on the same form, in the
    // reader's language, and nothing written.
    let wrong = browser
        .post(
            "/en/office/account/second-factor",
            &[
                ("action", "enable"),
                ("sealed", &sealed),
                ("password", "not my password at all"),
                ("code", &code),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.text().contains("This is not your password."), "{}", wrong.text());
    assert!(wrong.body.contains("aria-invalid=\"true\""));
    assert!(wrong.body.contains("id=\"f-password-error\""));
    assert!(wrong.body.contains("class=\"error-summary\""));
    assert_eq!(shown_secret(&wrong.body), secret, "the same key to scan");
    assert!(!app.user(user.id).await.totp_enabled, "not turned on");
    let log = app.audit_actions(&user.id.0.to_string()).await;
    assert!(log.contains(&"password_confirm_failed".to_string()), "{log:?}");
    assert!(!log.contains(&"user.second_factor_on".to_string()));
    // In Italian too; an empty password is asked for.
    browser.get("/it/office/account/second-factor").await;
    let empty = browser
        .post(
            "/it/office/account/second-factor",
            &[("action", "enable"), ("sealed", &sealed), ("code", &code)],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text().contains("Compila questo campo."), "{}", empty.text());

    // The right password and code: recovery codes, and the office opens.
    let done = browser
        .post(
            "/en/office/account/second-factor",
            &[
                ("action", "enable"),
                ("sealed", &sealed),
                ("password", PASSWORD),
                ("code", &code),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.text());
    assert_eq!(done.body.matches("<li><code>").count(), 10, "ten recovery codes");
    assert!(app.user(user.id).await.totp_enabled);
    assert_eq!(browser.get("/en/office/").await.status, StatusCode::OK);

    // At rest: the key sealed, the recovery codes as salted Argon2id hashes.
    let id = user.id.0.to_string();
    let sealed_key = raw::texts(
        &app.db.url,
        "SELECT totp_secret FROM users WHERE CAST(id AS TEXT) = $1",
        &[&id],
    )
    .await;
    assert!(
        sealed_key[0].starts_with("sv1.") && !sealed_key[0].contains(&secret.to_base32()),
        "{sealed_key:?}"
    );
    let codes: Vec<String> = done
        .body
        .split("<li><code>")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].to_string())
        .collect();
    let hashes = raw::texts(
        &app.db.url,
        "SELECT code_hash FROM recovery_codes WHERE CAST(user_id AS TEXT) = $1",
        &[&id],
    )
    .await;
    assert_eq!(hashes.len(), 10);
    for hash in &hashes {
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        for code in &codes {
            assert!(
                !hash.contains(code.as_str()) && !hash.contains(&code.replace('-', "")),
                "{code} in {hash}"
            );
        }
    }
}

/// The password change checks the current password like a sign-in: wrong
/// ones count on the account's limit, so an open session is no way to
/// guess it; and a one-time password is replaced before a factor is set up.
async fn the_password_change_counts_like_a_sign_in(app: TestApp) {
    let user = app.add_user_without_second_factor("luca@cpi.example", vec![]).await;
    let mut browser = Browser::new(&app);
    browser.sign_in("luca@cpi.example", PASSWORD).await;
    browser.get("/en/office/password").await;
    let limit = sportello_domain::limits::defaults::SIGN_IN_PER_ACCOUNT.max;
    let new = [
        ("new", "a brand new long password"),
        ("repeat", "a brand new long password"),
    ];
    for n in 0..limit {
        let wrong = browser
            .post(
                "/en/office/password",
                &[[("current", "not the password")].as_slice(), &new].concat(),
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "attempt {n}");
    }
    let blocked = browser
        .post(
            "/en/office/password",
            &[[("current", PASSWORD)].as_slice(), &new].concat(),
        )
        .await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS, "{}", blocked.text());
    assert!(blocked.header("retry-after").parse::<u64>().unwrap() > 0);
    let log = app.audit_actions(&user.id.0.to_string()).await;
    assert!(log.contains(&"password_confirm_failed".to_string()), "{log:?}");
    assert!(!log.contains(&"user.password_change".to_string()), "unchanged");

    // A one-time password first.
    let fresh = app.add_user_without_second_factor("anna@cpi.example", vec![]).await;
    app.storage()
        .set_password(
            fresh.id,
            &sportello_auth::hash_password("temporary-password-1"),
            true,
            None,
            &sportello_domain::Actor::system(),
            chrono::Utc::now(),
        )
        .await
        .unwrap();
    let mut anna = Browser::new(&app);
    anna.sign_in("anna@cpi.example", "temporary-password-1").await;
    anna.get("/en/office/password").await;
    let set_up = anna
        .post("/en/office/account/second-factor", &[("action", "enable")])
        .await;
    assert_eq!(set_up.status, StatusCode::SEE_OTHER);
    assert_eq!(set_up.header("location"), "/en/office/password");
}

async fn nobody_with_a_grant_turns_it_off(app: TestApp) {
    let lecce = app.centre("lecce").await;
    for grant in every_grant(&lecce) {
        let email = format!("{}@example.org", grant.role.code());
        let user = app.add_user(&email, vec![grant.clone()]).await;
        let mut browser = Browser::new(&app);
        browser.sign_in_with_second_factor(&user).await;
        let state = browser.get("/en/office/account/second-factor").await;
        assert_eq!(state.status, StatusCode::OK);
        assert!(
            !state.body.contains("value=\"disable\""),
            "{}: no form to turn it off",
            grant.role.code()
        );
        assert!(state.text().contains("Your account must keep its second factor."));
        let code = app.fresh_code(&email).await;
        let refused = browser
            .post(
                "/en/office/account/second-factor",
                &[("action", "disable"), ("code", &code)],
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", grant.role.code());
        assert!(app.user(user.id).await.totp_enabled, "{}: still on", grant.role.code());
        assert!(
            app.audit_actions(&user.id.0.to_string())
                .await
                .contains(&"permission_denied".to_string())
        );
    }
    // Without a grant it is a choice: on, then off with a code.
    let free = app.add_user("free@example.org", vec![]).await;
    app.enrol_second_factor(&free).await;
    let mut browser = Browser::new(&app);
    browser.sign_in_with_second_factor(&free).await;
    let state = browser.get("/en/office/account/second-factor").await;
    assert!(state.body.contains("value=\"disable\""));
    let code = app.fresh_code(&free.email).await;
    let off = browser
        .post(
            "/en/office/account/second-factor",
            &[("action", "disable"), ("code", &code)],
        )
        .await;
    assert_eq!(off.status, StatusCode::SEE_OTHER);
    assert!(!app.user(free.id).await.totp_enabled);
}

async fn a_user_without_a_second_factor_has_no_working_api_token(app: TestApp) {
    let lecce = app.centre("lecce").await;
    let operator = vec![Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap()];
    let user = app
        .add_user_without_second_factor("late@example.org", operator.clone())
        .await;
    let mut browser = Browser::new(&app);
    browser.sign_in(&user.email, PASSWORD).await;
    browser.get("/en/office/account/second-factor").await;
    // Tokens are made on the account page only, which waits for the factor.
    let made = browser
        .post(
            "/en/office/account/tokens",
            &[("name", "script"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(made.header("location"), "/en/office/account/second-factor");
    assert!(app.storage().api_tokens(user.id).await.unwrap().is_empty(), "none made");
    // One made before every role needed a factor opens nothing.
    let expires = Utc::now() + Duration::days(90);
    app.storage()
        .insert_api_token(
            user.id,
            "older",
            &hash_token("spt_older"),
            expires,
            &Actor::system(),
            Utc::now(),
        )
        .await
        .unwrap();
    let call = |token: &'static str| {
        let auth = format!("Bearer {token}");
        let app = &app;
        async move {
            app.request(
                "POST",
                "/api/v1/offers/LE-999999/publish",
                &[("authorization", &auth)],
                Vec::new(),
            )
            .await
        }
    };
    assert_eq!(call("spt_older").await.status, StatusCode::UNAUTHORIZED);

    // The JSON API is otherwise unchanged: the public parts answer as
    // before, and the token of someone with a factor works.
    assert_eq!(app.get("/api/v1/offers?per_page=1").await.status, StatusCode::OK);
    assert_eq!(app.get("/api/v1/centres").await.status, StatusCode::OK);
    let ready = app.add_user("ready@example.org", operator).await;
    app.storage()
        .insert_api_token(
            ready.id,
            "script",
            &hash_token("spt_ready"),
            expires,
            &Actor::system(),
            Utc::now(),
        )
        .await
        .unwrap();
    assert_eq!(
        call("spt_ready").await.status,
        StatusCode::NOT_FOUND,
        "signed in, and no such offer"
    );

    // Setting the factor up revokes the older token for good.
    app.enrol_second_factor(&user).await;
    assert_eq!(call("spt_older").await.status, StatusCode::UNAUTHORIZED);
    let tokens = app.storage().api_tokens(user.id).await.unwrap();
    assert!(tokens[0].revoked_at.is_some());
}
