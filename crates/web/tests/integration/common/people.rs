//! Citizen accounts for tests: signing a browser up through the real pages
//! (the form, the mailed link).

use super::TestApp;
use super::browser::Browser;

/// The site path of the newest account link mailed to `to` for `kind`.
pub async fn mailed_link(app: &TestApp, to: &str, kind: &str) -> String {
    let mails = app.storage().recent_mail(1000).await.unwrap();
    let m = mails
        .iter()
        .find(|m| m.mail.to.as_str() == to && m.mail.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} mail to {to}"));
    let at = m.mail.text.find("/account/link/").expect("an account link");
    // The language's segment (`/en`) comes just before.
    m.mail.text[at - 3..].split_whitespace().next().unwrap().to_string()
}

/// Signs `browser` up as a new person reached at `email` (with `password`,
/// if not empty) and leaves it signed in.
pub async fn sign_up(app: &TestApp, browser: &mut Browser<'_>, email: &str, password: &str) {
    browser.get("/en/account/sign-up").await;
    let fields = [
        ("name", "Test Person"),
        ("contact", email),
        ("birth_date", "1990-01-01"),
        ("password", password),
    ];
    let r = browser.post("/en/account/sign-up", &fields).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let link = mailed_link(app, email, "person.sign_up").await;
    browser.get(&link).await;
    let done = browser.post(&link, &[]).await;
    assert_eq!(done.status, 303, "{}", done.text());
}
