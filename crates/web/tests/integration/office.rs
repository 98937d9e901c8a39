//! The back office through the real router, on SQLite and PostgreSQL:
//! signing in (the limiter, second factor, session rotation, CSRF) and an
//! operator running a centre's board from a draft to a withdrawn offer. The
//! permission rules have their own tests in `permissions.rs`.

use crate::common::TestApp;
use crate::common::browser::{Browser, PASSWORD, input_value};
use axum::http::StatusCode;
use chrono::Utc;
use sportello_auth::TotpSecret;
use sportello_domain::{Actor, Grant, Lang, RefCode, Role, Scope, Section, TextStatus};
use sportello_storage::OfficeFilter;
use sportello_testkit::on_both_backends;

fn grant(role: Role, scope: Scope) -> Grant {
    Grant::new(role, scope).unwrap()
}

/// Waits as long as a refusal's `Retry-After` says, and the limit's window
/// more: `Retry-After` makes room for one attempt, and signing in takes two
/// (the password, then the code).
async fn wait_for(refused: &crate::common::TestResponse) {
    let seconds: u64 = refused.header("retry-after").parse().expect("Retry-After in seconds");
    assert!(seconds <= 8, "the test's limit is 4 attempts in 4 s: {seconds}");
    tokio::time::sleep(std::time::Duration::from_secs(seconds + 2)).await;
}

async fn signing_in(app: TestApp) {
    let lecce = app.centre("lecce").await;
    let anna = app
        .add_user("anna@cpi.example", vec![grant(Role::Operator, Scope::Centre(lecce.id))])
        .await;
    let anna_id = anna.id.0.to_string();
    let mut browser = Browser::new(&app);

    // Not signed in: the back office sends to the sign-in page, keeping the address.
    let home = browser.get("/it/office/offers").await;
    assert_eq!(home.status, StatusCode::SEE_OTHER);
    assert_eq!(
        home.header("location"),
        "/it/office/sign-in?next=%2Fit%2Foffice%2Foffers"
    );
    let form = browser.get("/en/office/sign-in").await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(form.h1(), "Sign in");
    assert!(form.header("cache-control").contains("no-store"));
    assert!(
        form.body
            .contains(r#"<meta name="robots" content="noindex, nofollow">"#)
    );

    // A form without its token is refused and nothing happens.
    let forged = browser
        .post(
            "/it/office/sign-in",
            &[
                ("email", "anna@cpi.example"),
                ("password", PASSWORD),
                ("csrf", "forged"),
            ],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(!browser.cookies.contains_key("sportello_session"));

    // Wrong passwords: the same message as an unknown account, then a
    // refusal once the account's attempts are over its limit.
    for _ in 0..3 {
        let wrong = browser.sign_in("anna@cpi.example", "not the password at all").await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert!(wrong.text().contains("Indirizzo e-mail o password errati."));
    }
    let unknown = browser.sign_in("nobody@cpi.example", PASSWORD).await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert!(unknown.text().contains("Indirizzo e-mail o password errati."));
    let fourth = browser.sign_in("anna@cpi.example", "still not the password").await;
    assert_eq!(fourth.status, StatusCode::UNAUTHORIZED);
    let blocked = browser.sign_in("anna@cpi.example", PASSWORD).await;
    assert_eq!(
        blocked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    assert!(blocked.text().contains("Troppi tentativi"));
    // The audit log names the account by its id, never by the address typed.
    let log = app.audit_actions(&anna_id).await;
    assert!(log.contains(&"sign_in_failed".to_string()) && log.contains(&"sign_in_blocked".to_string()));
    // Blocked again within the window: still one row.
    let blocked_again = browser.sign_in("anna@cpi.example", PASSWORD).await;
    assert_eq!(blocked_again.status, StatusCode::TOO_MANY_REQUESTS);
    let blocked_rows = app.audit_actions(&anna_id).await;
    assert_eq!(
        blocked_rows.iter().filter(|a| *a == "sign_in_blocked").count(),
        1,
        "coalesced"
    );
    assert!(app.audit_actions("anna@cpi.example").await.is_empty());

    // After the wait it names, the right password leads to the second
    // factor (every role has one), then the code signs in; each step sets a
    // new session cookie.
    wait_for(&blocked_again).await;
    let password_step = browser.sign_in("anna@cpi.example", PASSWORD).await;
    assert_eq!(password_step.status, StatusCode::SEE_OTHER, "{}", password_step.body);
    assert_eq!(
        password_step.header("location"),
        "/it/office/sign-in/second-factor?next=%2Fit%2Foffice%2F"
    );
    let halfway = browser.cookies["sportello_session"].clone();
    assert_eq!(
        browser.get("/it/office/").await.status,
        StatusCode::SEE_OTHER,
        "nothing before the code"
    );
    browser.get("/it/office/sign-in/second-factor").await;
    let code = app.fresh_code("anna@cpi.example").await;
    let signed = browser
        .post(
            "/it/office/sign-in/second-factor",
            &[("code", &code), ("next", "/it/office/")],
        )
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    assert_eq!(signed.header("location"), "/it/office/");
    for step in [&password_step, &signed] {
        let cookie = step.header("set-cookie");
        assert!(cookie.starts_with("sportello_session="));
        for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
            assert!(cookie.contains(attribute), "{attribute} in {cookie}");
        }
    }
    let first_session = browser.cookies["sportello_session"].clone();
    assert_ne!(first_session, halfway, "a new id after the second factor");
    let home = browser.get("/it/office/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.text().contains("Benvenuta o benvenuto, anna."));
    assert!(
        home.body.contains(r#"<a href="/it/office/" aria-current="page">"#),
        "the navigation marks the page"
    );

    // Signing in again gives a new session id; the old one no longer works.
    let old = browser.cookies.clone();
    browser.sign_in_fully("anna@cpi.example", PASSWORD).await;
    assert_ne!(browser.cookies["sportello_session"], first_session);
    let mut stale = Browser::new(&app);
    stale.cookies = old;
    assert_eq!(stale.get("/it/office/").await.status, StatusCode::SEE_OTHER);

    // Signing out ends the session on the server.
    let session = browser.cookies["sportello_session"].clone();
    browser.get("/it/office/").await;
    let out = browser.post("/it/office/sign-out", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    let mut replay = Browser::new(&app);
    replay.cookies.insert("sportello_session".into(), session);
    assert_eq!(replay.get("/it/office/").await.status, StatusCode::SEE_OTHER);
    assert!(app.audit_actions(&anna_id).await.contains(&"sign_out".to_string()));
}

async fn administrators_need_a_second_factor(app: TestApp) {
    let root = app
        .add_user_without_second_factor("root@cpi.example", vec![grant(Role::Admin, Scope::Installation)])
        .await;
    let mut browser = Browser::new(&app);
    browser.sign_in("root@cpi.example", PASSWORD).await;
    // Everything leads to the set-up of the second factor first.
    let users = browser.get("/it/office/admin/users").await;
    assert_eq!(users.status, StatusCode::SEE_OTHER);
    assert_eq!(users.header("location"), "/it/office/account/second-factor");
    let setup = browser.get("/it/office/account/second-factor").await;
    assert!(setup.body.contains("<svg"), "a QR code");
    let secret_text = setup.body.split("<code class=\"secret\">").nth(1).unwrap();
    let secret = TotpSecret::from_base32(&secret_text[..secret_text.find('<').unwrap()]).unwrap();
    let sealed = input_value(&setup.body, "sealed").unwrap();
    let now = Utc::now().timestamp();
    let wrong = browser
        .post(
            "/it/office/account/second-factor",
            &[
                ("action", "enable"),
                ("sealed", &sealed),
                ("password", PASSWORD),
                ("code", "000000"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let codes_page = browser
        .post(
            "/it/office/account/second-factor",
            &[
                ("action", "enable"),
                ("sealed", &sealed),
                ("password", PASSWORD),
                ("code", &secret.code_at(now)),
            ],
        )
        .await;
    assert_eq!(codes_page.status, StatusCode::OK);
    let recovery: Vec<String> = codes_page
        .body
        .split("<li><code>")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].to_string())
        .collect();
    assert_eq!(recovery.len(), 10);
    assert_eq!(browser.get("/it/office/admin/users").await.status, StatusCode::OK);

    // Next time: password, then a code. A used code is refused; a recovery code works once.
    let mut second = Browser::new(&app);
    let step = second.sign_in("root@cpi.example", PASSWORD).await;
    assert!(step.header("location").starts_with("/it/office/sign-in/second-factor"));
    assert_eq!(
        second.get("/it/office/").await.status,
        StatusCode::SEE_OTHER,
        "no access before the second factor"
    );
    second.get("/it/office/sign-in/second-factor").await;
    let replayed = second
        .post("/it/office/sign-in/second-factor", &[("code", &secret.code_at(now))])
        .await;
    assert_eq!(replayed.status, StatusCode::UNAUTHORIZED, "a code works once");
    let by_recovery = second
        .post(
            "/it/office/sign-in/second-factor",
            &[("code", &recovery[0].to_uppercase())],
        )
        .await;
    assert_eq!(by_recovery.status, StatusCode::SEE_OTHER);
    assert_eq!(second.get("/it/office/admin/users").await.status, StatusCode::OK);

    let mut third = Browser::new(&app);
    third.sign_in("root@cpi.example", PASSWORD).await;
    third.get("/it/office/sign-in/second-factor").await;
    let again = third
        .post("/it/office/sign-in/second-factor", &[("code", &recovery[0])])
        .await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED, "a recovery code works once");
    let log = app.audit_actions(&root.id.0.to_string()).await;
    assert!(log.contains(&"user.second_factor_on".to_string()));
}

async fn a_reset_password_must_be_changed(app: TestApp) {
    let user = app.add_user("luca@cpi.example", vec![]).await;
    app.storage()
        .set_password(
            user.id,
            &sportello_auth::hash_password("temporary-password-1"),
            true,
            None,
            &Actor::system(),
            Utc::now(),
        )
        .await
        .unwrap();
    let mut browser = Browser::new(&app);
    browser.sign_in("luca@cpi.example", "temporary-password-1").await;
    let home = browser.get("/it/office/").await;
    assert_eq!(home.header("location"), "/it/office/password");
    browser.get("/en/office/password").await;
    let weak = browser
        .post(
            "/en/office/password",
            &[
                ("current", "temporary-password-1"),
                ("new", "password1234"),
                ("repeat", "password1234"),
            ],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.text().contains("This password is among the most used ones"));
    let short = browser
        .post(
            "/en/office/password",
            &[("current", "wrong"), ("new", "short"), ("repeat", "short")],
        )
        .await;
    assert!(short.text().contains("The current password is wrong."));
    assert!(short.text().contains("at least 12 characters"));
    let done = browser
        .post(
            "/en/office/password",
            &[
                ("current", "temporary-password-1"),
                ("new", PASSWORD),
                ("repeat", PASSWORD),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(browser.get("/it/office/").await.status, StatusCode::OK);
}

async fn an_operator_runs_the_board(app: TestApp) {
    let lecce = app.centre("lecce").await;
    app.add_user("op@cpi.example", vec![grant(Role::Operator, Scope::Centre(lecce.id))])
        .await;
    let mut op = Browser::new(&app);
    op.sign_in_fully("op@cpi.example", PASSWORD).await;
    // API tokens: a name and the password are needed; the token is shown once.
    op.get("/en/office/account").await;
    let unnamed = op
        .post("/en/office/account/tokens", &[("name", " "), ("password", PASSWORD)])
        .await;
    assert_eq!(unnamed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unnamed.text().contains("Fill in this field."));
    let token = op
        .post(
            "/en/office/account/tokens",
            &[("name", "import script"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(token.status, StatusCode::OK);
    assert!(token.body.contains("spt_"));
    assert!(
        !op.get("/en/office/account").await.body.contains("spt_"),
        "shown only once"
    );

    op.get("/en/office/offers/new").await;
    let valid_through = (sportello_domain::time::today_in_rome() + chrono::Duration::days(30)).to_string();
    let mut fields = vec![
        ("centre", "lecce"),
        ("section", "ordinary"),
        ("occupation", "5131"),
        ("title", "<script>alert(1)</script> Cameriere di sala"),
        (
            "description",
            "Servizio ai tavoli.\n\n- turni serali\n- **vitto** incluso\n\n<img src=x onerror=alert(1)>",
        ),
        ("how_to_apply", "Inviare il CV a cpi.lecce@example.org"),
        ("employer_name", "Trattoria Da Nino"),
        ("town", "Lecce"),
        ("postcode", "73100"),
        ("region", "LE"),
        ("contract", "seasonal"),
        ("working_time", "full_time"),
        ("openings", "2"),
        ("education", "none"),
        ("valid_through", &valid_through),
        ("salary_min", "1500"),
        ("salary_max", "1200"),
        ("languages.0.language", "en"),
        ("languages.0.level", "Z9"),
    ];
    // Bad input: every wrong field gets its message, in the page's language; nothing is saved.
    let before = app.storage().office_offers(&all_of(&lecce)).await.unwrap().total;
    let wrong = op.post("/en/office/offers/new", &fields).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = wrong.text();
    assert!(
        text.contains("The maximum pay must not be lower than the minimum."),
        "{text}"
    );
    assert!(text.contains("Choose one of the values of the list."));
    assert!(wrong.body.contains("value=\"Trattoria Da Nino\""), "values are kept");
    assert!(
        wrong
            .body
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; Cameriere di sala")
    );
    assert!(!wrong.body.contains("<script>alert(1)"));
    assert_eq!(
        app.storage().office_offers(&all_of(&lecce)).await.unwrap().total,
        before
    );

    fields.retain(|(k, _)| !["salary_min", "salary_max", "languages.0.level"].contains(k));
    fields.push(("languages.0.level", "B1"));
    let created = op.post("/en/office/offers/new", &fields).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text());
    let location = created.header("location").to_string();
    let reference = RefCode::parse(location.rsplit('/').next().unwrap()).unwrap();
    assert_eq!(reference.prefix(), "LE");
    let page = op.get(&location).await;
    assert!(page.body.contains("&lt;script&gt;"), "stored as written, shown escaped");

    // Edit with the version that was read; an older version is refused.
    let edit = op.get(&format!("/en/office/offers/{reference}/edit")).await;
    let version = input_value(&edit.body, "version").unwrap();
    let mut changed = fields.clone();
    changed.retain(|(k, _)| *k != "openings");
    changed.push(("openings", "4"));
    changed.push(("version", &version));
    let saved = op.post(&format!("/en/office/offers/{reference}/edit"), &changed).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
    op.get(&format!("/en/office/offers/{reference}/edit")).await;
    let stale = op.post(&format!("/en/office/offers/{reference}/edit"), &changed).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);

    // Publish: the public board shows it, in Italian for English readers until translated.
    op.get(&format!("/en/office/offers/{reference}")).await;
    let published = op
        .post(&format!("/en/office/offers/{reference}"), &[("action", "publish")])
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    let public = app.get(&format!("/en/offers/{reference}")).await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.text().contains("Cameriere di sala"));
    assert!(
        public.body.contains("<li><strong>vitto</strong> incluso</li>"),
        "the Markdown subset"
    );
    assert!(
        public.body.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "HTML is shown as written"
    );
    assert!(!public.body.contains("<img src=x"));

    // Duplicate: a new draft with the same fields; extend: a later closing day.
    let copy = op.get(&format!("/en/office/offers/new?from={reference}")).await;
    assert!(copy.body.contains("value=\"Trattoria Da Nino\""));
    let later = (sportello_domain::time::today_in_rome() + chrono::Duration::days(60)).to_string();
    op.get(&format!("/en/office/offers/{reference}")).await;
    let extended = op
        .post(
            &format!("/en/office/offers/{reference}"),
            &[("action", "extend"), ("valid_through", &later)],
        )
        .await;
    assert_eq!(extended.status, StatusCode::SEE_OTHER);
    let offer = app.storage().offer(&reference).await.unwrap().unwrap();
    assert_eq!(offer.data.valid_through.to_string(), later);
    op.get(&format!("/en/office/offers/{reference}")).await;
    let earlier = op
        .post(
            &format!("/en/office/offers/{reference}"),
            &[("action", "extend"), ("valid_through", &valid_through)],
        )
        .await;
    assert_eq!(
        earlier.status,
        StatusCode::BAD_REQUEST,
        "an extension moves the day later"
    );

    // The translation queue has it; a draft stays private; a review makes it public.
    let queue = op.get("/en/office/translations?lang=en").await;
    assert!(queue.body.contains(&reference.to_string()));
    op.get(&format!("/en/office/translations/{reference}/en")).await;
    let english = [
        ("title", "Dining-room waiter at Trattoria Da Nino"),
        ("description", "Table service."),
        ("how_to_apply", "Send your CV."),
    ];
    let mut as_draft = english.to_vec();
    as_draft.push(("action", "draft"));
    op.post(&format!("/en/office/translations/{reference}/en"), &as_draft)
        .await;
    assert!(
        !app.get(&format!("/en/offers/{reference}"))
            .await
            .text()
            .contains("Dining-room waiter at Trattoria")
    );
    let mut reviewed = english.to_vec();
    reviewed.push(("action", "review"));
    op.get(&format!("/en/office/translations/{reference}/en")).await;
    let saved = op
        .post(&format!("/en/office/translations/{reference}/en"), &reviewed)
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert!(
        app.get(&format!("/en/offers/{reference}"))
            .await
            .text()
            .contains("Dining-room waiter at Trattoria")
    );
    let offer = app.storage().offer(&reference).await.unwrap().unwrap();
    assert_eq!(offer.data.text_status(Lang::En), TextStatus::Reviewed);
    assert_eq!(
        offer.data.text(Lang::En).unwrap().title,
        "Dining-room waiter at Trattoria Da Nino"
    );

    // Withdraw in bulk: the public page answers 410.
    op.get("/en/office/offers").await;
    let bulk = op
        .post(
            "/en/office/offers/bulk",
            &[("action", "withdraw"), ("ref", &reference.to_string())],
        )
        .await;
    assert_eq!(bulk.status, StatusCode::OK);
    assert!(bulk.text().contains("1 offer changed"));
    assert_eq!(
        app.get(&format!("/en/offers/{reference}")).await.status,
        StatusCode::GONE
    );

    // The history says who did what.
    let detail = op.get(&format!("/en/office/offers/{reference}")).await;
    for action in [
        "offer.create",
        "offer.update",
        "offer.publish",
        "offer.translation_review",
        "offer.withdrawn",
    ] {
        assert!(detail.body.contains(action), "{action} in the history");
    }
    assert!(
        detail.body.contains("<li>Positions: 2 → 4</li>"),
        "what changed, in the reader's words"
    );
}

fn all_of(centre: &sportello_domain::Centre) -> OfficeFilter {
    OfficeFilter {
        allowed: Section::ALL.iter().map(|s| (centre.id, *s)).collect(),
        limit: 1,
        ..OfficeFilter::default()
    }
}

/// Two nodes on one database: a session, a form's token and the count of
/// failed sign-ins made on one node are good on the other.
async fn nodes_share_sessions_keys_and_counters(app: TestApp) {
    let app = app.second_node().await;
    let lecce = app.centre("lecce").await;
    app.add_user("anna@cpi.example", vec![grant(Role::Operator, Scope::Centre(lecce.id))])
        .await;

    // Failures on both nodes add up.
    let mut a = Browser::new(&app);
    for node in [0, 1, 0] {
        a.node = node;
        let wrong = a.sign_in("anna@cpi.example", "not the password at all").await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    }
    a.node = 1;
    a.sign_in("anna@cpi.example", "still not the password").await;
    a.node = 0;
    let blocked = a.sign_in("anna@cpi.example", PASSWORD).await;
    assert_eq!(
        blocked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "node 0 knows node 1's failure"
    );
    wait_for(&blocked).await;

    // Signed in on node 0, working on node 1 with the form token node 0 gave.
    let signed = a.sign_in_fully("anna@cpi.example", PASSWORD).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    a.get("/it/office/account").await;
    a.node = 1;
    assert_eq!(a.get_without_token_refresh("/it/office/").await, StatusCode::OK);
    let token = a
        .post(
            "/it/office/account/tokens",
            &[("name", "from node 1"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(token.status, StatusCode::OK, "node 1 accepts node 0's CSRF token");
    assert!(token.body.contains("spt_"));

    // Signing out on node 1 ends the session on node 0 too.
    a.post("/it/office/sign-out", &[]).await;
    a.node = 0;
    assert_eq!(a.get("/it/office/").await.status, StatusCode::SEE_OTHER);
}

// Accounts may try 4 times in 4 seconds here, so that a refusal's end is seen
// (a wider window would slow the tests; a narrower one lets the attempts of a
// loaded machine fall out of it before the fifth).
on_both_backends!(using crate::common::TestApp::quick_sign_in_limit =>
    signing_in,
    administrators_need_a_second_factor,
    a_reset_password_must_be_changed,
    an_operator_runs_the_board,
    nodes_share_sessions_keys_and_counters,
);
