//! The newsletter through the real router, on SQLite and PostgreSQL: the
//! subscription form and each bad input (nothing saved), the same answer for
//! a subscribed address, double opt-in through the mailed link, tampered and
//! expired links, the digest (only the chosen centres and sections, in the
//! subscriber's language, never twice), a news issue sent once from the back
//! office, and unsubscribing by page, by one-click POST, and not with a
//! tampered link.

mod common;

use axum::http::StatusCode;
use chrono::{Datelike, Duration, Utc};
use common::browser::{Browser, PASSWORD};
use common::{PUBLIC_URL, TestApp};
use sportello_domain::time::{from_rome_local, today_in_rome};
use sportello_domain::vocab::{ContractType, EducationLevel, WorkingTime};
use sportello_domain::{
    Actor, CentreId, Email, Employer, Frequency, Grant, Lang, NewOffer, OfferText, Requirements, Role, Scope, Section,
    Subscriber, Subscription, TextStatus, WorkPlace,
};
use sportello_storage::StoredMail;
use sportello_web::newsletter::{self, digest::queue_digests};
use sportello_web::{AppState, PublicUrl};

/// Another node's state on the test database (same installation key).
async fn state(app: &TestApp) -> AppState {
    AppState::new(app.db.storage.clone(), PublicUrl::parse(PUBLIC_URL).unwrap(), None)
        .await
        .unwrap()
}

async fn mails(app: &TestApp, kind: &str) -> Vec<StoredMail> {
    let mut all = app.storage().recent_mail(1000).await.unwrap();
    all.retain(|m| m.mail.kind == kind);
    all.reverse();
    all
}

async fn subscriber(app: &TestApp, email: &str) -> Option<Subscriber> {
    app.storage()
        .subscriber_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
}

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

async fn post(browser: &mut Browser<'_>, path: &str, fields: &[(String, String)]) -> common::TestResponse {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    browser.post(path, &pairs).await
}

/// The first address in `text` that starts with `prefix`.
fn link(text: &str, prefix: &str) -> String {
    let start = text.find(prefix).unwrap_or_else(|| panic!("no {prefix} in {text}"));
    text[start..]
        .split(|c: char| c.is_whitespace() || c == '"' || c == '<')
        .next()
        .unwrap()
        .to_string()
}

fn path_of(url: &str) -> &str {
    url.strip_prefix(PUBLIC_URL)
        .expect("an absolute link under the public URL")
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
    let prefilled = person.get("/de/newsletter?email=anna%40example.org").await;
    assert!(prefilled.body.contains("value=\"anna@example.org\""));

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
}

async fn publish(app: &TestApp, centre: CentreId, section: Section, title: &str) -> String {
    let offer = NewOffer {
        centre,
        section,
        occupation: "5131".into(),
        texts: vec![OfferText {
            lang: Lang::It,
            status: TextStatus::Original,
            machine: false,
            title: title.into(),
            description: "Descrizione.".into(),
            how_to_apply: "Invia il CV.".into(),
        }],
        employer: Employer {
            name: "Hotel Baia Azzurra".into(),
            hidden: false,
        },
        place: WorkPlace {
            town: "Gallipoli".into(),
            postcode: "73014".into(),
            region: "LE".into(),
            country: "IT".into(),
        },
        contract: ContractType::Seasonal,
        working_time: WorkingTime::FullTime,
        hours_per_week: Some(40),
        openings: 2,
        requirements: Requirements {
            education: EducationLevel::LowerSecondary,
            languages: vec![],
            licence: None,
            experience_months: 0,
        },
        salary: None,
        valid_through: today_in_rome() + Duration::days(40),
    };
    let stored = app
        .storage()
        .insert_offer(&offer, &Actor::system(), Utc::now())
        .await
        .unwrap();
    app.storage()
        .publish_offer(&stored.reference, today_in_rome(), &Actor::system(), Utc::now())
        .await
        .unwrap();
    stored.reference.to_string()
}

async fn subscribe(
    app: &TestApp,
    email: &str,
    lang: Lang,
    frequency: Frequency,
    centres: Vec<CentreId>,
    sections: Vec<Section>,
) -> Subscriber {
    let subscription = Subscription {
        email: Email::parse(email).unwrap(),
        lang,
        frequency,
        centres,
        sections,
    };
    app.storage()
        .confirm_subscription(&subscription, today_in_rome(), Utc::now())
        .await
        .unwrap()
}

/// The references of the offers a digest lists, from its links.
fn listed(text: &str, lang: &str) -> Vec<String> {
    let marker = format!("{PUBLIC_URL}/{lang}/offers/");
    text.match_indices(&marker)
        .map(|(i, _)| text[i + marker.len()..].split_whitespace().next().unwrap().to_string())
        .collect()
}

async fn the_digest_lists_what_matches_once(app: TestApp) {
    let lecce = app.centre("lecce").await;
    let nardo = app.centre("nardo").await;
    let daily = subscribe(
        &app,
        "anna@example.org",
        Lang::De,
        Frequency::Daily,
        vec![lecce.id],
        vec![Section::Ordinary],
    )
    .await;
    let weekly = subscribe(
        &app,
        "bruno@example.org",
        Lang::It,
        Frequency::Weekly,
        vec![],
        vec![Section::Eures],
    )
    .await;
    let quiet = subscribe(
        &app,
        "carla@example.org",
        Lang::En,
        Frequency::Daily,
        vec![nardo.id],
        vec![Section::MiratoArt18],
    )
    .await;
    let wanted = publish(&app, lecce.id, Section::Ordinary, "Cameriere di sala").await;
    let eures = publish(&app, nardo.id, Section::Eures, "Cuoco a Monaco").await;
    let elsewhere = publish(&app, nardo.id, Section::Ordinary, "Bagnino").await;
    let closed = publish(&app, lecce.id, Section::Ordinary, "Già coperta").await;
    app.close(&closed, sportello_domain::OfferStatus::Filled).await;

    // The first Monday after today, 09:00 in Rome: both digests are due.
    let today = today_in_rome();
    let monday = today + Duration::days(7 - i64::from(today.weekday().num_days_from_monday()));
    let now = from_rome_local(monday.and_hms_opt(9, 0, 0).unwrap());
    let s = state(&app).await;
    let queued = queue_digests(&s, now).await.unwrap();
    let digests = mails(&app, "newsletter.digest").await;
    assert_eq!(digests.len(), queued);

    let to = |email: &str| digests.iter().find(|m| m.mail.to.as_str() == email).map(|m| &m.mail);
    let anna = to("anna@example.org").expect("Anna's digest");
    assert_eq!(anna.lang, Lang::De);
    assert!(anna.subject.contains("für Sie"), "{}", anna.subject);
    let references = listed(&anna.text, "de");
    assert!(references.contains(&wanted), "{references:?}");
    assert!(!references.contains(&closed) && !references.contains(&elsewhere) && !references.contains(&eures));
    assert!(
        references
            .iter()
            .all(|r| r.starts_with(&format!("{}-", lecce.data.prefix))),
        "only Lecce's offers: {references:?}"
    );
    assert!(
        anna.text.contains("Cameriere di sala"),
        "the Italian title when there is no German one"
    );
    assert_eq!(
        anna.dedupe_key.as_deref(),
        Some(format!("digest:{}:{monday}", daily.id.0).as_str())
    );
    let unsubscribe = anna.list_unsubscribe.clone().unwrap();
    assert!(unsubscribe.starts_with(&format!("{PUBLIC_URL}/de/newsletter/unsubscribe/")));
    assert!(anna.text.contains(&unsubscribe) && anna.html.as_deref().unwrap().contains(&unsubscribe));
    assert!(
        anna.text
            .contains(&format!("{PUBLIC_URL}/de/newsletter?email=anna%40example.org"))
    );

    let bruno = to("bruno@example.org").expect("Bruno's weekly digest");
    assert_eq!(bruno.lang, Lang::It);
    assert!(bruno.subject.contains("per te"), "{}", bruno.subject);
    let references = listed(&bruno.text, "it");
    assert!(
        references.contains(&eures) && !references.contains(&wanted),
        "{references:?}"
    );
    let week = monday.iso_week();
    assert_eq!(
        bruno.dedupe_key.as_deref(),
        Some(format!("digest:{}:{}-W{:02}", weekly.id.0, week.year(), week.week()).as_str())
    );
    let _ = quiet;

    // Run again, on this node or another: nothing more.
    assert_eq!(queue_digests(&s, now).await.unwrap(), 0);
    assert_eq!(
        queue_digests(&state(&app).await, now + Duration::hours(3))
            .await
            .unwrap(),
        0
    );
    assert_eq!(mails(&app, "newsletter.digest").await.len(), digests.len());
    // The next morning: nothing new for anyone, so no mail.
    assert_eq!(queue_digests(&s, now + Duration::days(1)).await.unwrap(), 0);
    assert_eq!(
        app.storage().subscriber(daily.id).await.unwrap().unwrap().digest_from,
        monday + Duration::days(1)
    );
}

async fn a_news_issue_is_sent_once(app: TestApp) {
    let lecce = app.centre("lecce").await;
    let nardo = app.centre("nardo").await;
    app.add_user(
        "op.lecce@example.org",
        vec![Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap()],
    )
    .await;
    app.add_user(
        "op.nardo@example.org",
        vec![Grant::new(Role::Operator, Scope::Centre(nardo.id)).unwrap()],
    )
    .await;
    app.add_user(
        "coordinator@example.org",
        vec![Grant::new(Role::Coordinator, Scope::Area(lecce.data.area.slug.clone())).unwrap()],
    )
    .await;
    let en = subscribe(
        &app,
        "emma@example.org",
        Lang::En,
        Frequency::Weekly,
        vec![lecce.id],
        vec![Section::Ordinary],
    )
    .await;
    let fr = subscribe(
        &app,
        "lea@example.org",
        Lang::Fr,
        Frequency::Daily,
        vec![],
        vec![Section::Eures],
    )
    .await;
    subscribe(
        &app,
        "nina@example.org",
        Lang::It,
        Frequency::Daily,
        vec![nardo.id],
        vec![Section::Ordinary],
    )
    .await;

    let mut operator = Browser::new(&app);
    operator.sign_in("op.lecce@example.org", PASSWORD).await;
    let page = operator.get("/en/office/newsletter").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.h1(), "Newsletter");
    assert!(
        page.body.contains("href=\"/en/office/newsletter\""),
        "in the navigation"
    );

    let missing = operator
        .post(
            "/en/office/newsletter",
            &[
                ("centre", "lecce"),
                ("subject_en", "Job day"),
                ("body_en", "Come on **Monday**."),
            ],
        )
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.text().contains("Write the subject and the text in Italian"));
    assert!(
        app.storage().news_issues(&[lecce.id], 10).await.unwrap().is_empty(),
        "nothing saved"
    );
    let other = operator
        .post(
            "/en/office/newsletter",
            &[("centre", "nardo"), ("subject_it", "Giornata"), ("body_it", "Testo")],
        )
        .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN, "not their centre");

    let created = operator
        .post(
            "/en/office/newsletter",
            &[
                ("centre", "lecce"),
                ("subject_it", "Giornata del lavoro"),
                ("body_it", "Vi aspettiamo **lunedì**."),
                ("subject_en", "Job day"),
                ("body_en", "Come on **Monday**."),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER);
    let location = created.header("location").to_string();
    assert!(location.starts_with("/en/office/newsletter/"), "{location}");
    let preview = operator.get(&location).await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(preview.body.contains("<strong>Monday</strong>") && preview.body.contains("<strong>lunedì</strong>"));
    assert!(
        preview.text().contains("The news will reach 2 subscribers."),
        "{}",
        preview.text()
    );

    let mut others = Browser::new(&app);
    others.sign_in("op.nardo@example.org", PASSWORD).await;
    assert_eq!(others.get(&location).await.status, StatusCode::FORBIDDEN);
    let mut coordinator = Browser::new(&app);
    coordinator.sign_in("coordinator@example.org", PASSWORD).await;
    assert_eq!(
        coordinator.get("/en/office/newsletter").await.status,
        StatusCode::FORBIDDEN
    );

    let sent = operator.post(&format!("{location}/send"), &[]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let news = mails(&app, "newsletter.news").await;
    assert_eq!(news.len(), 2);
    let to = |email: &str| &news.iter().find(|m| m.mail.to.as_str() == email).unwrap().mail;
    let id = location.rsplit('/').next().unwrap();
    assert_eq!(to("emma@example.org").subject, "Job day");
    assert!(
        to("emma@example.org")
            .html
            .as_deref()
            .unwrap()
            .contains("<strong>Monday</strong>")
    );
    assert_eq!(
        to("lea@example.org").subject,
        "Giornata del lavoro",
        "Italian when not translated"
    );
    assert!(to("lea@example.org").text.contains("Nouvelles du"));
    assert_eq!(
        to("emma@example.org").dedupe_key.as_deref(),
        Some(format!("news:{id}:{}", en.id.0).as_str())
    );
    assert_eq!(
        to("lea@example.org").dedupe_key.as_deref(),
        Some(format!("news:{id}:{}", fr.id.0).as_str())
    );
    assert!(to("lea@example.org").list_unsubscribe.is_some());

    let again = operator.post(&format!("{location}/send"), &[]).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST, "sending twice is refused");
    assert_eq!(mails(&app, "newsletter.news").await.len(), 2);
    let listed = operator.get("/en/office/newsletter").await;
    assert!(listed.text().contains("Sent to 2 people on"), "{}", listed.text());
    let audit = app
        .storage()
        .audit_entries(&sportello_storage::AuditFilter {
            action: Some("news.".into()),
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(audit.iter().any(|e| e.action == "news.send" && e.object_id == id));
    assert!(audit.iter().any(|e| e.action == "news.create" && e.object_id == id));
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

on_both_backends!(
    the_form_refuses_bad_input,
    double_opt_in_and_the_same_answer_for_a_known_address,
    the_digest_lists_what_matches_once,
    a_news_issue_is_sent_once,
    unsubscribing,
);
