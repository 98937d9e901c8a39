//! The newsletter's public pages through the real router, on SQLite and
//! PostgreSQL: the subscription form and each bad input (nothing saved), the
//! same answer for a subscribed address, double opt-in through the mailed
//! link, tampered and expired links, and unsubscribing by page, by one-click
//! POST, and not with a tampered link.

use crate::common::browser::Browser;
use crate::common::newsletter::{link, mails, path_of, state, subscribe, subscriber};
use crate::common::{PUBLIC_URL, TestApp};
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use sportello_app::newsletter;
use sportello_domain::time::today_in_rome;
use sportello_domain::{Email, Frequency, Lang, Section, Subscription};
use sportello_testkit::on_both_backends;

/// A form's fields, in order.
type Fields = Vec<(String, String)>;

fn form(email: &str, lang: &str, centres: &[&str], sections: &[&str], frequency: &str) -> Fields {
    let mut fields = vec![
        ("email".to_string(), email.to_string()),
        ("lang".into(), lang.into()),
        ("frequency".into(), frequency.into()),
    ];
    fields.extend(centres.iter().map(|c| ("centres".to_string(), c.to_string())));
    fields.extend(sections.iter().map(|s| ("sections".to_string(), s.to_string())));
    fields
}

async fn post(browser: &mut Browser<'_>, path: &str, fields: &[(String, String)]) -> crate::common::TestResponse {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    browser.post(path, &pairs).await
}

async fn the_form_refuses_bad_input(app: TestApp) {
    let mut person = Browser::new(&app);
    let page = person.get("/en/newsletter").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.h1(), "Job offers newsletter");
    assert!(page.header("set-cookie").contains("sportello_form="));
    assert_eq!(page.header("cache-control"), "no-store");
    assert_eq!(
        page.body.matches("name=\"centres\"").count(),
        app.storage().centres().await.unwrap().len()
    );
    assert_eq!(
        page.body.matches(" checked>").count(),
        app.storage().centres().await.unwrap().len() + 4 + 2,
        "every centre and section, the page's language and weekly are ticked"
    );
    assert_eq!(
        page.header("x-robots-tag"),
        "",
        "the plain form is public: the sitemap lists it"
    );
    let prefilled = person.get("/de/newsletter?email=anna%40example.org").await;
    assert!(prefilled.body.contains("value=\"anna@example.org\""));
    assert_eq!(
        prefilled.header("x-robots-tag"),
        "noindex, nofollow",
        "it shows an address"
    );
    assert_eq!(prefilled.header("cache-control"), "no-store");
    for token_page in ["/en/newsletter/confirm/abc", "/en/newsletter/unsubscribe/1.abc"] {
        let page = person.get(token_page).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{token_page}");
        assert_eq!(page.header("x-robots-tag"), "noindex, nofollow", "{token_page}");
    }

    let mails_before = app.storage().recent_mail(1000).await.unwrap().len();
    let cases: [(Fields, &str, &str); 6] = [
        (
            form("not an address", "en", &["lecce"], &["ordinary"], "weekly"),
            "email",
            "Write a valid e-mail address",
        ),
        (
            form("anna@example.org", "en", &["atlantis"], &["ordinary"], "weekly"),
            "centres",
            "One of the centres chosen does not exist",
        ),
        (
            form("anna@example.org", "en", &[], &["ordinary"], "weekly"),
            "centres",
            "Choose at least one centre",
        ),
        (
            form("anna@example.org", "en", &["lecce"], &["vip"], "weekly"),
            "sections",
            "One of the sections chosen does not exist",
        ),
        (
            form("anna@example.org", "en", &["lecce"], &[], "weekly"),
            "sections",
            "Choose at least one section",
        ),
        (
            form("anna@example.org", "xx", &["lecce"], &["ordinary"], "hourly"),
            "frequency",
            "Choose one of the values",
        ),
    ];
    for (fields, field, message) in &cases {
        let refused = post(&mut person, "/en/newsletter", fields).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(refused.text().contains(message), "{message} in {}", refused.text());
        assert!(
            refused.body.contains(&format!("id=\"f-{field}\""))
                && refused.body.contains(&format!("href=\"#f-{field}\"")),
            "the summary links to {field}"
        );
        assert_eq!(refused.h1(), "Job offers newsletter");
    }
    let german = post(
        &mut person,
        "/de/newsletter",
        &form("kaputt", "de", &["lecce"], &["ordinary"], "daily"),
    )
    .await;
    assert!(german.text().contains("Geben Sie eine gültige E-Mail-Adresse ein"));

    // Without the form's token: refused, nothing sent.
    let mut stranger = Browser::new(&app);
    let forged = post(
        &mut stranger,
        "/en/newsletter",
        &form("anna@example.org", "en", &["lecce"], &["ordinary"], "weekly"),
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);

    assert!(subscriber(&app, "anna@example.org").await.is_none(), "nothing saved");
    assert_eq!(
        app.storage().recent_mail(1000).await.unwrap().len(),
        mails_before,
        "nothing sent"
    );
}

/// An address is sent a few links (four in six hours), whoever asks, and
/// the limiter that counts them does not hold the address itself.
async fn an_address_gets_few_links_and_is_not_stored_to_count_them(app: TestApp) {
    let fields = form("Quiet.Person@example.org", "en", &["lecce"], &["ordinary"], "weekly");
    for n in 0..5 {
        // Five people (each from a fresh browser) ask for the same address.
        let mut someone = Browser::new(&app);
        someone.get("/en/newsletter").await;
        let answer = post(&mut someone, "/en/newsletter", &fields).await;
        assert_eq!(answer.status, StatusCode::OK, "request {n}: the same answer");
    }
    let sent = mails(&app, "newsletter.confirm").await;
    assert_eq!(
        sent.iter()
            .filter(|m| m.mail.to.as_str() == "quiet.person@example.org")
            .count(),
        4,
        "the fifth request is answered the same, but sends nothing"
    );
    let keys = limiter_buckets(&app.db.url).await;
    let mail_keys: Vec<&String> = keys.iter().filter(|k| k.starts_with("newsletter-recipient:")).collect();
    assert_eq!(mail_keys.len(), 1, "{keys:?}");
    assert!(
        keys.iter().all(|k| !k.to_lowercase().contains("quiet.person")),
        "{keys:?}"
    );
}

async fn double_opt_in_and_the_same_answer_for_a_known_address(app: TestApp) {
    let lecce = app.centre("lecce").await;
    let mut person = Browser::new(&app);
    person.get("/de/newsletter").await;
    let answer = post(
        &mut person,
        "/de/newsletter",
        &form(
            "Jonas.Weber@example.org",
            "de",
            &["lecce"],
            &["eures", "ordinary"],
            "daily",
        ),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.h1(), "Sehen Sie in Ihrem Postfach nach");
    assert!(
        subscriber(&app, "jonas.weber@example.org").await.is_none(),
        "nothing stored before confirming"
    );
    let sent = mails(&app, "newsletter.confirm").await;
    assert_eq!(sent.len(), 1);
    let mail = &sent[0].mail;
    assert_eq!((mail.to.as_str(), mail.lang), ("jonas.weber@example.org", Lang::De));
    assert!(mail.subject.starts_with("Bestätigen Sie"), "{}", mail.subject);
    assert!(
        mail.text.contains("Rubriken: ") && mail.text.contains(&lecce.data.name),
        "{}",
        mail.text
    );
    let confirm = link(&mail.text, &format!("{PUBLIC_URL}/de/newsletter/confirm/"));
    assert!(mail.html.as_deref().unwrap().contains(&confirm));

    // Opening the link changes nothing: a scanner does not subscribe anyone.
    let page = person.get(path_of(&confirm)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.h1(), "Anmeldung bestätigen");
    assert!(page.text().contains("jonas.weber@example.org"));
    assert!(subscriber(&app, "jonas.weber@example.org").await.is_none());
    let done = person.post(path_of(&confirm), &[]).await;
    assert_eq!(done.status, StatusCode::OK);
    assert_eq!(done.h1(), "Anmeldung bestätigt");
    let stored = subscriber(&app, "jonas.weber@example.org").await.unwrap();
    assert_eq!(
        stored.subscription,
        Subscription {
            email: Email::parse("jonas.weber@example.org").unwrap(),
            lang: Lang::De,
            frequency: Frequency::Daily,
            centres: vec![lecce.id],
            sections: vec![Section::Ordinary, Section::Eures],
        }
    );
    assert_eq!(stored.digest_from, today_in_rome());

    // A known address and a new one get the same answer.
    let again = post(
        &mut person,
        "/de/newsletter",
        &form("jonas.weber@example.org", "de", &["nardo"], &["eures"], "weekly"),
    )
    .await;
    let fresh = post(
        &mut person,
        "/de/newsletter",
        &form("lena.braun@example.org", "de", &["nardo"], &["eures"], "weekly"),
    )
    .await;
    assert_eq!(again.status, fresh.status);
    assert_eq!(
        again.text().replace("jonas.weber@example.org", "@"),
        fresh.text().replace("lena.braun@example.org", "@"),
        "no address enumeration"
    );
    assert_eq!(
        again.text().replace("jonas.weber@example.org", "@"),
        answer.text().replace("jonas.weber@example.org", "@")
    );
    // … but the subscriber is told what is asked, and how to leave.
    let already = mails(&app, "newsletter.already").await;
    assert_eq!(already.len(), 1);
    let mail = &already[0].mail;
    assert!(mail.subject.contains("bereits"), "{}", mail.subject);
    assert!(mail.list_unsubscribe.is_some());
    assert!(
        mail.text
            .contains(&format!("{PUBLIC_URL}/de/newsletter/unsubscribe/{}.", stored.id.0))
    );
    let change = link(&mail.text, &format!("{PUBLIC_URL}/de/newsletter/confirm/"));
    assert_eq!(person.post(path_of(&change), &[]).await.status, StatusCode::OK);
    let changed = subscriber(&app, "jonas.weber@example.org").await.unwrap();
    assert_eq!(changed.id, stored.id, "never a second row");
    assert_eq!(changed.subscription.frequency, Frequency::Weekly);
    assert_eq!(changed.subscription.sections, [Section::Eures]);
    assert!(subscriber(&app, "lena.braun@example.org").await.is_none());

    // A tampered or expired link: a clear page, nothing saved.
    let fresh_link = link(
        &mails(&app, "newsletter.confirm").await.last().unwrap().mail.text,
        &format!("{PUBLIC_URL}/de/newsletter/confirm/"),
    );
    let mut tampered = fresh_link.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    for method in ["GET", "POST"] {
        let refused = app.request(method, path_of(&tampered), &[], Vec::new()).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{method}");
        assert!(
            refused
                .text()
                .contains("abgelaufen (er gilt 48 Stunden) oder wurde verändert")
        );
    }
    let s = state(&app).await;
    let asked = Subscription {
        email: Email::parse("late@example.org").unwrap(),
        lang: Lang::It,
        frequency: Frequency::Daily,
        centres: vec![],
        sections: vec![Section::Ordinary],
    };
    let old = newsletter::confirm_token(&s.keys, &asked, Utc::now() - Duration::hours(49));
    let expired = app
        .request("POST", &format!("/it/newsletter/confirm/{old}"), &[], Vec::new())
        .await;
    assert_eq!(expired.status, StatusCode::BAD_REQUEST);
    assert!(expired.text().contains("è scaduto"));
    assert!(subscriber(&app, "late@example.org").await.is_none());
    assert!(subscriber(&app, "lena.braun@example.org").await.is_none());
    let fine = newsletter::confirm_token(&s.keys, &asked, Utc::now() - Duration::hours(47));
    let ok = app
        .request("POST", &format!("/it/newsletter/confirm/{fine}"), &[], Vec::new())
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    assert!(subscriber(&app, "late@example.org").await.is_some());

    // A link overtaken by a newer confirmation, or by an unsubscription,
    // cannot be followed again: a clear page, nothing changed.
    let mut eures = asked.clone();
    eures.email = Email::parse("twice@example.org").unwrap();
    eures.sections = vec![Section::Eures];
    let mut ordinary = eures.clone();
    ordinary.sections = vec![Section::Ordinary];
    let older = newsletter::confirm_token(&s.keys, &eures, Utc::now() - Duration::hours(3));
    let newer = newsletter::confirm_token(&s.keys, &ordinary, Utc::now() - Duration::hours(1));
    let ok = app
        .request("POST", &format!("/it/newsletter/confirm/{newer}"), &[], Vec::new())
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    let confirmed = subscriber(&app, "twice@example.org").await.unwrap();
    for method in ["GET", "POST"] {
        let replay = app
            .request(method, &format!("/en/newsletter/confirm/{older}"), &[], Vec::new())
            .await;
        assert_eq!(replay.status, StatusCode::BAD_REQUEST, "{method}");
        assert!(
            replay
                .text()
                .contains("older than your latest confirmation or unsubscription"),
            "{}",
            replay.text()
        );
    }
    assert_eq!(subscriber(&app, "twice@example.org").await.unwrap(), confirmed);
    assert_eq!(confirmed.subscription.sections, [Section::Ordinary]);
    app.storage().unsubscribe(confirmed.id, Utc::now()).await.unwrap();
    let gone = subscriber(&app, "twice@example.org").await.unwrap();
    let replay = app
        .request("POST", &format!("/en/newsletter/confirm/{newer}"), &[], Vec::new())
        .await;
    assert_eq!(replay.status, StatusCode::BAD_REQUEST, "replayed after unsubscribing");
    assert_eq!(subscriber(&app, "twice@example.org").await.unwrap(), gone);
    assert!(!gone.active());
}

async fn unsubscribing(app: TestApp) {
    let s = state(&app).await;
    let anna = subscribe(
        &app,
        "anna@example.org",
        Lang::Fr,
        Frequency::Daily,
        vec![],
        vec![Section::Ordinary],
    )
    .await;
    let bruno = subscribe(
        &app,
        "bruno@example.org",
        Lang::En,
        Frequency::Daily,
        vec![],
        vec![Section::Ordinary],
    )
    .await;
    let carla = subscribe(
        &app,
        "carla@example.org",
        Lang::En,
        Frequency::Daily,
        vec![],
        vec![Section::Ordinary],
    )
    .await;

    // The page asks first; the button unsubscribes.
    let url = newsletter::unsubscribe_url(&s, Lang::Fr, anna.id);
    let page = app.get(path_of(&url)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.h1(), "Se désinscrire de la lettre d'information");
    assert!(page.body.contains(&format!("action=\"{}\"", path_of(&url))));
    assert!(
        app.storage().subscriber(anna.id).await.unwrap().unwrap().active(),
        "a GET changes nothing"
    );
    let done = app
        .request(
            "POST",
            path_of(&url),
            &[("content-type", "application/x-www-form-urlencoded")],
            Vec::new(),
        )
        .await;
    assert_eq!(done.status, StatusCode::OK);
    assert_eq!(done.h1(), "Vous ne recevrez plus la lettre d'information");
    assert!(!app.storage().subscriber(anna.id).await.unwrap().unwrap().active());

    // One click from a mail program (RFC 8058): no session, no CSRF token.
    let url = newsletter::unsubscribe_url(&s, Lang::En, bruno.id);
    let one_click = app
        .request(
            "POST",
            path_of(&url),
            &[("content-type", "application/x-www-form-urlencoded")],
            b"List-Unsubscribe=One-Click".to_vec(),
        )
        .await;
    assert_eq!(one_click.status, StatusCode::OK);
    assert!(!app.storage().subscriber(bruno.id).await.unwrap().unwrap().active());
    let url = newsletter::unsubscribe_url(&s, Lang::En, carla.id);
    let multipart = app
        .request(
            "POST",
            path_of(&url),
            &[("content-type", "multipart/form-data; boundary=x")],
            b"--x\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--x--\r\n".to_vec(),
        )
        .await;
    assert_eq!(multipart.status, StatusCode::OK);
    assert!(!app.storage().subscriber(carla.id).await.unwrap().unwrap().active());

    // A tampered address is refused and changes nothing.
    let dora = subscribe(
        &app,
        "dora@example.org",
        Lang::It,
        Frequency::Daily,
        vec![],
        vec![Section::Ordinary],
    )
    .await;
    let url = newsletter::unsubscribe_url(&s, Lang::It, dora.id);
    let other_id = path_of(&url).replace(&format!("/{}.", dora.id.0), &format!("/{}.", anna.id.0));
    let mut flipped = path_of(&url).to_string();
    let last = flipped.pop().unwrap();
    flipped.push(if last == 'A' { 'B' } else { 'A' });
    for path in [other_id.as_str(), flipped.as_str(), "/it/newsletter/unsubscribe/12345"] {
        for method in ["GET", "POST"] {
            let refused = app
                .request(method, path, &[], b"List-Unsubscribe=One-Click".to_vec())
                .await;
            assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{method} {path}");
            assert!(refused.text().contains("Non è stato cambiato niente"));
        }
    }
    assert!(app.storage().subscriber(dora.id).await.unwrap().unwrap().active());
    assert!(!app.storage().subscriber(anna.id).await.unwrap().unwrap().active());
}

on_both_backends!(using crate::common::TestApp::new =>
    the_form_refuses_bad_input,
    double_opt_in_and_the_same_answer_for_a_known_address,
    unsubscribing,
    an_address_gets_few_links_and_is_not_stored_to_count_them,
);

/// The keys of the limiter's table, read past the application.
pub async fn limiter_buckets(url: &sportello_storage::DatabaseUrl) -> Vec<String> {
    sportello_testkit::raw::texts(url, "SELECT DISTINCT bucket FROM limiter_counts ORDER BY bucket", &[]).await
}
