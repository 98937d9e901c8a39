//! Citizen accounts through the real router, on SQLite and PostgreSQL:
//! signing up by e-mail (nothing is an account before the link is used;
//! the same answer for a known address), signing in with the password and
//! with a one-time link, a new password, a new e-mail address; signing up
//! by text with a code (wrong codes counted, a code page for a known
//! number that never succeeds) and "My page" listing a booking made before
//! the account with the same number.

use crate::common::TestApp;
use crate::common::appointments::{at, body, book_and_read, guidance, working_day};
use crate::common::browser::Browser;
use axum::http::StatusCode;
use serde_json::json;
use sportello_domain::{Contact, Email};
use sportello_testkit::on_both_backends;

const PASSWORD: &str = "tramonto sul mare 1987";

/// The newest mail of `kind` to `to`: its subject and text.
async fn mail(app: &TestApp, to: &str, kind: &str) -> (String, String) {
    let mails = app.storage().recent_mail(1000).await.unwrap();
    let m = mails
        .iter()
        .find(|m| m.mail.to.as_str() == to && m.mail.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} mail to {to}"));
    (m.mail.subject.clone(), m.mail.text.clone())
}

/// The site path of the account link in `text`.
fn link(text: &str) -> String {
    let at = text.find("/en/account/link/").expect("an account link");
    text[at..].split_whitespace().next().unwrap().to_string()
}

async fn count_people(app: &TestApp) -> bool {
    let email = Contact::Email(Email::parse("ada.rossi@example.org").unwrap());
    app.storage().person_by_contact(&email).await.unwrap().is_some()
}

async fn sign_up_by_mail_then_sign_in(app: TestApp) {
    let mut ada = Browser::new(&app);
    let form = ada.get("/en/account/sign-up").await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(form.h1(), "Create an account");
    assert_eq!(form.header("cache-control"), "no-store");
    let fields = |birth: &'static str, password: &'static str| {
        vec![
            ("name", "Ada Rossi"),
            ("contact", "Ada.Rossi@example.org"),
            ("birth_date", birth),
            ("password", password),
        ]
    };
    // Under 16, a common password, a date that is none: each named, nothing sent.
    for (birth, password, expected) in [
        ("2015-01-01", "", "at least 16 years old"),
        ("1990-02-30", "", "year-month-day"),
        ("1990-04-21", "password1234", "most used"),
    ] {
        let r = ada.post("/en/account/sign-up", &fields(birth, password)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{birth}");
        assert!(r.text().contains(expected), "{expected}: {}", r.text());
    }
    assert!(app.storage().recent_mail(10).await.unwrap().is_empty());

    let first = ada.post("/en/account/sign-up", &fields("1990-04-21", PASSWORD)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    assert_eq!(first.h1(), "Check your messages");
    assert!(!count_people(&app).await, "no account before the link is used");
    let (subject, text) = mail(&app, "ada.rossi@example.org", "person.sign_up").await;
    assert_eq!(subject, "Confirm your e-mail address");
    assert!(!text.contains(PASSWORD));
    let confirm = link(&text);
    let page = ada.get(&confirm).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("x-robots-tag"), "noindex, nofollow");
    let done = ada.post(&confirm, &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text());
    assert_eq!(done.header("location"), "/en/account?welcome=1");
    let my = ada.get("/en/account?welcome=1").await;
    assert_eq!(my.status, StatusCode::OK);
    assert!(my.text().contains("Welcome, Ada Rossi"), "{}", my.text());
    assert!(count_people(&app).await);
    // The link works once.
    assert_eq!(Browser::new(&app).get(&confirm).await.status, StatusCode::BAD_REQUEST);

    // Signing up again with the same address: the same answer, byte for
    // byte; the mail tells the owner they have an account.
    let mut other = Browser::new(&app);
    other.get("/en/account/sign-up").await;
    let again = other.post("/en/account/sign-up", &fields("1985-01-01", "")).await;
    assert_eq!(again.status, first.status);
    assert_eq!(again.body, first.body);
    let (subject, text) = mail(&app, "ada.rossi@example.org", "person.sign_up").await;
    assert_eq!(subject, "You already have an account");
    assert!(!text.contains("/account/link/"), "no link that would work");

    // Signing out, then in with the password (a wrong one first).
    let csrf = crate::common::browser::input_value(&my.body, "csrf").unwrap();
    let out = ada.post("/en/account/sign-out", &[("csrf", csrf.as_str())]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(ada.get("/en/account").await.status, StatusCode::SEE_OTHER);
    ada.get("/en/account/sign-in").await;
    let wrong = ada
        .post(
            "/en/account/sign-in",
            &[("contact", "ada.rossi@example.org"), ("password", "not it at all 123")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let unknown = ada
        .post(
            "/en/account/sign-in",
            &[("contact", "nobody@example.org"), ("password", "not it at all 123")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    let right = ada
        .post(
            "/en/account/sign-in",
            &[
                ("contact", "ADA.ROSSI@example.org"),
                ("password", PASSWORD),
                ("next", "/en/account/settings"),
            ],
        )
        .await;
    assert_eq!(right.status, StatusCode::SEE_OTHER, "{}", right.text());
    assert_eq!(right.header("location"), "/en/account/settings");

    // A new e-mail address: confirmed by its own link; the old one is told.
    let settings = ada.get("/en/account/settings").await;
    assert_eq!(settings.status, StatusCode::OK);
    let asked = ada
        .post("/en/account/settings/contact", &[("contact", "ada@rossi.example")])
        .await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.text());
    let (_, text) = mail(&app, "ada@rossi.example", "person.change_email").await;
    let confirm = link(&text);
    ada.get(&confirm).await;
    let changed = ada.post(&confirm, &[]).await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.text());
    let (subject, _) = mail(&app, "ada.rossi@example.org", "person.contact_changed").await;
    assert_eq!(subject, "Your account's contact was changed");

    // Forgot the password: a link to the new address, a new password.
    let mut later = Browser::new(&app);
    later.get("/en/account/reset").await;
    let sent = later
        .post("/en/account/reset", &[("contact", "ada@rossi.example")])
        .await;
    assert_eq!(sent.status, StatusCode::OK);
    let (_, text) = mail(&app, "ada@rossi.example", "person.reset").await;
    let reset = link(&text);
    let form = later.get(&reset).await;
    assert!(form.body.contains("name=\"password\""));
    let weak = later.post(&reset, &[("password", "qwertyuiop123")]).await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = later.post(&reset, &[("password", "una casa sul lago 2026")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text());
    assert_eq!(
        ada.get("/en/account").await.status,
        StatusCode::SEE_OTHER,
        "other sessions end"
    );
    let old = later
        .post(
            "/en/account/sign-in",
            &[("contact", "ada@rossi.example"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);

    // The audit log names the person by id, never by a contact.
    let filter = sportello_storage::AuditFilter {
        action: Some("person.".into()),
        limit: 500,
        ..Default::default()
    };
    let rows = app.storage().audit_entries(&filter).await.unwrap();
    assert!(rows.iter().any(|r| r.action == "person.signed_up"));
    for row in rows.iter().filter(|r| r.action.starts_with("person.")) {
        let text = format!("{row:?}");
        assert!(!text.contains("rossi"), "{text}");
    }
}

async fn sign_up_by_text_with_a_code(app: TestApp) {
    // A booking made before the account, with the same number.
    let service = guidance(&app, "lecce").await;
    let start = at(working_day(), "09:30");
    let booked = book_and_read(
        &app,
        &[],
        body(
            &service,
            &start,
            json!({ "email": "", "phone": "+39 333 765 4321", "name": "Omar Ba" }),
        ),
    )
    .await;
    let reference = booked["reference"].as_str().unwrap().to_string();

    let mut omar = Browser::new(&app);
    omar.get("/en/account/sign-up").await;
    let fields = [
        ("name", "Omar Ba"),
        ("contact", "333 765 4321"),
        ("birth_date", "2000-10-10"),
        ("password", ""),
    ];
    let r = omar.post("/en/account/sign-up", &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let code_page = r.header("location").to_string();
    assert!(code_page.starts_with("/en/account/code/"), "{code_page}");
    let texts = app.storage().recent_sms(100).await.unwrap();
    let sms = texts
        .iter()
        .find(|t| t.sms.kind == "person.sign_up")
        .expect("a code by text");
    let code: String = sms.sms.text.chars().filter(char::is_ascii_digit).take(6).collect();
    assert_eq!(omar.get(&code_page).await.status, StatusCode::OK);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let r = omar.post(&code_page, &[("code", wrong)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("not right"));
    let r = omar
        .post(&code_page, &[("code", &format!("{} {}", &code[..3], &code[3..]))])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let my = omar.get("/en/account").await;
    assert_eq!(my.status, StatusCode::OK);
    assert!(
        my.body.contains(&format!("/en/appointments/booking/{reference}?t=")),
        "{}",
        my.text()
    );

    // The same number again, elsewhere: a code page like any other, that
    // no code opens; the text tells the owner they have an account.
    let mut someone = Browser::new(&app);
    someone.get("/en/account/sign-up").await;
    let r = someone.post("/en/account/sign-up", &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let decoy = r.header("location").to_string();
    assert_eq!(someone.get(&decoy).await.status, StatusCode::OK);
    let texts = app.storage().recent_sms(100).await.unwrap();
    let known = texts.iter().find(|t| t.sms.kind == "person.sign_up").unwrap();
    assert!(known.sms.text.contains("already have an account"), "{}", known.sms.text);
    for _ in 0..4 {
        let r = someone.post(&decoy, &[("code", &code)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.text().contains("not right"));
    }
    let last = someone.post(&decoy, &[("code", &code)]).await;
    assert!(last.text().contains("no longer works"), "{}", last.text());
}

on_both_backends!(using crate::common::TestApp::new =>
    sign_up_by_mail_then_sign_in,
    sign_up_by_text_with_a_code,
);
