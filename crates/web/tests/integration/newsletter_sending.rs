//! What the newsletter sends, through the real router, on SQLite and
//! PostgreSQL: the digest (only the chosen centres and sections, still open,
//! in the subscriber's language, never twice, none when nothing is new, "30
//! of N" with a link to the rest when there are more) and
//! a news issue written, previewed and sent once from the back office.

use crate::common::browser::{Browser, PASSWORD};
use crate::common::newsletter::{mails, path_of, publish, state, subscribe};
use crate::common::{PUBLIC_URL, TestApp};
use axum::http::StatusCode;
use chrono::{Datelike, Duration};
use sportello_app::newsletter::digest::{MAX_OFFERS, queue_digests};
use sportello_domain::time::{from_rome_local, today_in_rome};
use sportello_domain::{Frequency, Grant, Lang, RawOfferQuery, Role, Scope, Section};
use sportello_testkit::on_both_backends;

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
    assert!(
        to(quiet.subscription.email.as_str()).is_none(),
        "nothing new in Carla's choices: no digest"
    );
    assert_eq!(queued, 2, "Anna's and Bruno's");

    // Run again, on this node or another: nothing more.
    assert_eq!(queue_digests(&s, now).await.unwrap(), 0);
    assert_eq!(
        queue_digests(&state(&app).await.app, now + Duration::hours(3))
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
    operator.sign_in_fully("op.lecce@example.org", PASSWORD).await;
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
    // A problem of the body is shown at the body, not at the subject.
    let no_body = operator
        .post(
            "/en/office/newsletter",
            &[("centre", "lecce"), ("subject_it", "Giornata"), ("body_it", "")],
        )
        .await;
    assert_eq!(no_body.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_body.body.contains(r#"<p id="f-body_it-error" class="field-error">"#),
        "{}",
        no_body.body
    );
    assert!(!no_body.body.contains("f-subject_it-error"));
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
    others.sign_in_fully("op.nardo@example.org", PASSWORD).await;
    assert_eq!(others.get(&location).await.status, StatusCode::FORBIDDEN);
    let mut coordinator = Browser::new(&app);
    coordinator.sign_in_fully("coordinator@example.org", PASSWORD).await;
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

/// More new offers than a digest lists: it shows the newest 30 and says
/// "30 of N" (N counted like the search counts them), with a link to the
/// search filtered by its centre, section and start, which shows them all.
async fn a_long_digest_says_how_many_and_links_to_the_rest(app: TestApp) {
    let lecce = app.centre("lecce").await;
    let sub = subscribe(
        &app,
        "molte@example.org",
        Lang::En,
        Frequency::Daily,
        vec![lecce.id],
        vec![Section::Ordinary],
    )
    .await;
    let extra = 3;
    for n in 0..MAX_OFFERS + extra {
        publish(&app, lecce.id, Section::Ordinary, &format!("Offerta {n}")).await;
    }
    let today = today_in_rome();
    let tomorrow = today + Duration::days(1);
    let now = from_rome_local(tomorrow.and_hms_opt(9, 0, 0).unwrap());
    assert_eq!(queue_digests(&state(&app).await.app, now).await.unwrap(), 1);
    let digest = mails(&app, "newsletter.digest").await.pop().unwrap().mail;
    assert_eq!(digest.to.as_str(), "molte@example.org");
    assert_eq!(listed(&digest.text, "en").len(), MAX_OFFERS as usize);

    let raw = RawOfferQuery {
        centre: Some("lecce".into()),
        section: Some("ordinary".into()),
        since: Some(sub.digest_from.to_string()),
        ..RawOfferQuery::default()
    };
    let total = app
        .storage()
        .search_offers(&raw.parse().unwrap(), tomorrow)
        .await
        .unwrap()
        .total;
    assert!(total >= u64::from(MAX_OFFERS + extra), "{total}");
    assert_eq!(
        digest.subject,
        format!("The newest {MAX_OFFERS} of {total} new job offers for you")
    );
    let search = format!(
        "{PUBLIC_URL}/en/search?since={}&centre=lecce&section=ordinary",
        sub.digest_from
    );
    assert!(
        digest
            .text
            .contains(&format!("{total} new offers. See them all here: {search}")),
        "{}",
        digest.text
    );
    assert!(digest.html.as_deref().unwrap().contains(&search.replace('&', "&amp;")));
    let page = Browser::new(&app).get(path_of(&search)).await;
    assert_eq!(page.status, StatusCode::OK);
}

/// A subscriber the code cannot read back (an address stored by an older
/// version that today's parser refuses) is left out; the subscribers before
/// and after it still get their digests.
async fn one_bad_subscriber_stops_no_digest(app: TestApp) {
    let lecce = app.centre("lecce").await;
    let mut subscribers = Vec::new();
    for name in ["primo", "rotto", "terzo"] {
        let email = format!("{name}@example.org");
        subscribers.push(
            subscribe(
                &app,
                &email,
                Lang::It,
                Frequency::Daily,
                vec![lecce.id],
                vec![Section::Ordinary],
            )
            .await,
        );
    }
    let broken = subscribers[1].id.0;
    sportello_testkit::raw::execute(
        &app.db.url,
        &format!("UPDATE subscribers SET email = 'not an address' WHERE id = {broken}"),
    )
    .await;
    publish(&app, lecce.id, Section::Ordinary, "Cameriere di sala").await;
    let tomorrow = today_in_rome() + Duration::days(1);
    let now = from_rome_local(tomorrow.and_hms_opt(9, 0, 0).unwrap());
    assert_eq!(queue_digests(&state(&app).await.app, now).await.unwrap(), 2);
    let mut to: Vec<String> = mails(&app, "newsletter.digest")
        .await
        .iter()
        .map(|m| m.mail.to.as_str().to_string())
        .collect();
    to.sort();
    assert_eq!(to, ["primo@example.org", "terzo@example.org"]);
}

on_both_backends!(using crate::common::TestApp::new =>
    one_bad_subscriber_stops_no_digest,
    the_digest_lists_what_matches_once,
    a_news_issue_is_sent_once,
    a_long_digest_says_how_many_and_links_to_the_rest,
);
