//! Administration through the real router, on SQLite and PostgreSQL:
//! centres with hours and closures, section texts, users with one-time
//! passwords, and the audit of each change.

use crate::common::TestApp;
use crate::common::browser::{Browser, PASSWORD};
use axum::http::StatusCode;
use sportello_domain::{Grant, Role, Scope};
use sportello_storage::AuditFilter;
use sportello_testkit::on_both_backends;

/// An administrator, signed in with password and TOTP.
async fn admin(app: &TestApp) -> Browser<'_> {
    let user = app
        .add_user(
            "root@cpi.example",
            vec![Grant::new(Role::Admin, Scope::Installation).unwrap()],
        )
        .await;
    let mut browser = Browser::new(app);
    browser.sign_in_with_second_factor(&user).await;
    browser
}

fn centre_fields() -> Vec<(&'static str, &'static str)> {
    vec![
        ("name", "Centro per l'Impiego di Otranto"),
        ("slug", "otranto"),
        ("prefix", "ot"),
        ("area_slug", "lecce"),
        ("area_name", "Ambito territoriale di Lecce (Arpal Puglia)"),
        ("address", "Via Lungomare 1"),
        ("postcode", "73028"),
        ("town", "Otranto"),
        ("province", "LE"),
        ("region", "Puglia"),
        ("phone", "0836 000000"),
        ("email", "cpi.otranto@example.org"),
        ("hours.0.0.opens", "08:30"),
        ("hours.0.0.closes", "11:30"),
        ("hours.1.1.opens", "15:00"),
        ("hours.1.1.closes", "16:30"),
        ("hours.1.1.by_appointment", "on"),
        ("closure_first", "2099-08-14"),
        ("closure_last", "2099-08-16"),
        ("closure_reason", "Ferragosto"),
    ]
}

async fn centres_and_sections(app: TestApp) {
    let mut root = admin(&app).await;

    // A new centre: wrong fields are named, nothing is stored.
    root.get("/en/office/admin/centres/new").await;
    let mut wrong = centre_fields();
    wrong.retain(|(k, _)| !["prefix", "email"].contains(k));
    wrong.push(("prefix", "LE"));
    wrong.push(("email", "not-an-address"));
    wrong.push(("hours.2.0.opens", "12:00"));
    wrong.push(("hours.2.0.closes", "09:00"));
    let refused = root.post("/en/office/admin/centres/new", &wrong).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("href=\"#f-prefix\""),
        "the prefix of Lecce is taken"
    );
    assert!(refused.body.contains("href=\"#f-email\""));
    assert!(refused.body.contains("href=\"#f-hours-2-0-closes\""));
    assert!(app.storage().centre_by_slug("otranto").await.unwrap().is_none());
    let created = root.post("/en/office/admin/centres/new", &centre_fields()).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text());
    let otranto = app.centre("otranto").await;
    assert_eq!(otranto.data.prefix, "OT");
    assert_eq!(otranto.data.hours.len(), 2);
    assert!(otranto.data.hours[1].by_appointment);
    assert_eq!(otranto.data.closures[0].reason, "Ferragosto");

    // Its board shows the closure; its offers get its prefix.
    let board = app.get("/it/centres/otranto").await;
    assert_eq!(board.status, StatusCode::OK);
    assert!(board.text().contains("Ferragosto"));

    // Editing keeps the slug and prefix checks against the others only.
    root.get("/en/office/admin/centres/otranto").await;
    let mut changed = centre_fields();
    changed.retain(|(k, _)| *k != "phone");
    changed.push(("phone", "0836 111111"));
    let saved = root.post("/en/office/admin/centres/otranto", &changed).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
    assert_eq!(app.centre("otranto").await.data.phone, "0836 111111");
    let log = app
        .storage()
        .audit_entries(&AuditFilter {
            object_id: Some("otranto".into()),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(log[0].action, "centre.update");
    assert!(log[0].details.contains("0836 111111"));
    assert_eq!(log[1].action, "centre.create");

    // A section text in English replaces the built-in one on the public pages.
    root.get("/en/office/admin/sections").await;
    let text = root
        .post(
            "/en/office/admin/sections",
            &[
                ("section", "eures"),
                ("text_lang", "en"),
                ("title", "Jobs across Europe (EURES)"),
                ("who", "Anyone may apply."),
            ],
        )
        .await;
    assert_eq!(text.status, StatusCode::SEE_OTHER);
    let home = app.get("/en/").await.text();
    assert!(home.contains("Jobs across Europe (EURES)"), "{home}");
    assert!(!app.get("/it/").await.text().contains("Jobs across Europe"));

    // Only administrators.
    let lecce = app.centre("lecce").await;
    app.add_user(
        "op@cpi.example",
        vec![Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap()],
    )
    .await;
    let mut op = Browser::new(&app);
    op.sign_in_fully("op@cpi.example", PASSWORD).await;
    assert_eq!(op.get("/it/office/admin/centres").await.status, StatusCode::FORBIDDEN);
    assert_eq!(op.get("/it/office/admin/sections").await.status, StatusCode::FORBIDDEN);
    op.get("/it/office/").await;
    let forged = op.post("/it/office/admin/centres/lecce", &centre_fields()).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
}

async fn users_get_one_time_passwords(app: TestApp) {
    let mut root = admin(&app).await;
    let lecce = app.centre("lecce").await;
    root.get("/it/office/admin/users").await;
    let grant = format!("operator:{}", lecce.id.0);
    let wrong = root
        .post(
            "/en/office/admin/users",
            &[("new-email", "root@cpi.example"), ("new-name", ""), ("grant", &grant)],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.text().contains("A user with this e-mail address exists already."));
    assert!(
        wrong.body.contains("value=\"root@cpi.example\""),
        "typed values are kept"
    );
    assert!(wrong.body.contains(&format!("value=\"{grant}\" checked")));
    let created = root
        .post(
            "/it/office/admin/users",
            &[
                ("new-email", "Nuova@CPI.example"),
                ("new-name", "Nuova Operatrice"),
                ("lang", "fr"),
                ("grant", &grant),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED);
    let password = created
        .body
        .split("<code class=\"secret\">")
        .nth(1)
        .map(|s| s[..s.find('<').unwrap()].to_string())
        .unwrap();
    let mut newcomer = Browser::new(&app);
    newcomer.sign_in("nuova@cpi.example", &password).await;
    let first = newcomer.get("/fr/office/").await;
    assert_eq!(
        first.header("location"),
        "/fr/office/password",
        "the password must be changed first"
    );

    // Deactivated: the sessions end and signing in fails.
    let user = app
        .storage()
        .credentials("nuova@cpi.example")
        .await
        .unwrap()
        .unwrap()
        .user;
    root.get("/it/office/admin/users").await;
    let off = root
        .post(
            &format!("/it/office/admin/users/{}", user.id.0),
            &[("action", "deactivate")],
        )
        .await;
    assert_eq!(off.status, StatusCode::SEE_OTHER);
    assert_eq!(newcomer.get("/fr/office/password").await.status, StatusCode::SEE_OTHER);
    let again = Browser::new(&app).sign_in("nuova@cpi.example", &password).await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
}

on_both_backends!(using crate::common::TestApp::new =>
    centres_and_sections,
    users_get_one_time_passwords,
);
