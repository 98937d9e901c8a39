//! One test per permission rule of the back office, each on SQLite and on
//! PostgreSQL, by page and by API where both exist. Every refusal must also
//! be in the audit log.

use crate::common::TestApp;
use crate::common::browser::Browser;
use axum::http::StatusCode;
use chrono::Utc;
use sportello_auth::hash_token;
use sportello_domain::{Actor, CentreId, Grant, OfferStatus, RefCode, Role, Scope, Section};
use sportello_storage::{AuditFilter, OfficeFilter};
use sportello_testkit::on_both_backends;

/// Drafts in Lecce (ordinary and art. 1), Tricase and Rimini.
struct Drafts {
    lecce: RefCode,
    lecce_mirato: RefCode,
    tricase: RefCode,
    rimini: RefCode,
}

async fn draft(app: &TestApp, slug: &str, section: Section) -> RefCode {
    let centre = app.centre(slug).await;
    let published = app
        .storage()
        .office_offers(&OfficeFilter {
            allowed: vec![(centre.id, Section::Ordinary)],
            status: Some(OfferStatus::Published),
            limit: 1,
            ..OfficeFilter::default()
        })
        .await
        .unwrap();
    let mut data = published.items[0].data.clone();
    data.section = section;
    data.valid_through = sportello_domain::time::today_in_rome() + chrono::Duration::days(20);
    app.storage()
        .insert_offer(&data, &Actor::system(), Utc::now())
        .await
        .unwrap()
        .reference
}

async fn drafts(app: &TestApp) -> Drafts {
    Drafts {
        lecce: draft(app, "lecce", Section::Ordinary).await,
        lecce_mirato: draft(app, "lecce", Section::MiratoArt1).await,
        tricase: draft(app, "tricase", Section::Ordinary).await,
        rimini: draft(app, "rimini", Section::Ordinary).await,
    }
}

async fn centre_id(app: &TestApp, slug: &str) -> CentreId {
    app.centre(slug).await.id
}

/// Signs in a new user with one grant.
async fn as_user<'a>(app: &'a TestApp, email: &str, grant: Grant) -> Browser<'a> {
    let user = app.add_user(email, vec![grant]).await;
    let mut browser = Browser::new(app);
    browser.sign_in_with_second_factor(&user).await;
    browser
}

async fn operator(app: &TestApp) -> Browser<'_> {
    let lecce = centre_id(app, "lecce").await;
    as_user(
        app,
        "op@cpi.example",
        Grant::new(Role::Operator, Scope::Centre(lecce)).unwrap(),
    )
    .await
}

async fn denials(app: &TestApp, actor: &str) -> Vec<String> {
    app.storage()
        .audit_entries(&AuditFilter {
            action: Some("permission_denied".into()),
            actor: Some(actor.into()),
            limit: 100,
            ..AuditFilter::default()
        })
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.object_id)
        .collect()
}

async fn status_of(app: &TestApp, reference: &RefCode) -> OfferStatus {
    app.storage().offer(reference).await.unwrap().unwrap().status
}

/// Rule: an operator reads, edits and publishes the drafts of its own centre.
async fn operators_run_their_centre(app: TestApp) {
    let d = drafts(&app).await;
    let mut op = operator(&app).await;
    assert_eq!(
        op.get(&format!("/it/office/offers/{}", d.lecce)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        op.get(&format!("/it/office/offers/{}/edit", d.lecce)).await.status,
        StatusCode::OK
    );
    op.get(&format!("/it/office/offers/{}", d.lecce)).await;
    let published = op
        .post(&format!("/it/office/offers/{}", d.lecce), &[("action", "publish")])
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, &d.lecce).await, OfferStatus::Published);
    // Withdrawing asks once more before it takes the offer off the boards.
    op.get(&format!("/en/office/offers/{}", d.lecce)).await;
    let asked = op
        .post(&format!("/en/office/offers/{}", d.lecce), &[("action", "withdraw")])
        .await;
    assert_eq!(asked.status, StatusCode::OK);
    assert_eq!(asked.h1(), "Withdraw the offer?");
    assert_eq!(status_of(&app, &d.lecce).await, OfferStatus::Published);
    let confirmed = op
        .post(
            &format!("/en/office/offers/{}", d.lecce),
            &[("action", "withdraw"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(confirmed.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, &d.lecce).await, OfferStatus::Withdrawn);
}

/// Rule: an operator of Lecce cannot see, edit or publish Tricase's drafts, by page or by API.
async fn operators_cannot_touch_other_centres(app: TestApp) {
    let d = drafts(&app).await;
    let mut op = operator(&app).await;
    for path in [
        format!("/it/office/offers/{}", d.tricase),
        format!("/it/office/offers/{}/edit", d.tricase),
        format!("/it/office/translations/{}/en", d.tricase),
    ] {
        assert_eq!(op.get(&path).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    op.get("/it/office/").await;
    let publish = op
        .post(&format!("/it/office/offers/{}", d.tricase), &[("action", "publish")])
        .await;
    assert_eq!(publish.status, StatusCode::FORBIDDEN);
    let list = op.get("/it/office/offers?status=draft").await;
    assert!(!list.body.contains(&d.tricase.to_string()));
    let bulk = op
        .post(
            "/it/office/offers/bulk",
            &[("action", "publish"), ("ref", &d.tricase.to_string())],
        )
        .await;
    assert_eq!(bulk.status, StatusCode::OK, "the bulk page lists the refusal");
    assert_eq!(status_of(&app, &d.tricase).await, OfferStatus::Draft);
    // The same through the API.
    let user = app.storage().credentials("op@cpi.example").await.unwrap().unwrap().user;
    app.storage()
        .insert_api_token(
            user.id,
            "t",
            &hash_token("spt_op"),
            Utc::now() + chrono::Duration::days(1),
            &Actor::system(),
            Utc::now(),
        )
        .await
        .unwrap();
    let api = app
        .request(
            "POST",
            &format!("/api/v1/offers/{}/publish", d.tricase),
            &[("authorization", "Bearer spt_op")],
            Vec::new(),
        )
        .await;
    assert_eq!(api.status, StatusCode::FORBIDDEN);
    assert_eq!(status_of(&app, &d.tricase).await, OfferStatus::Draft);
    let logged = denials(&app, "op@cpi.example").await;
    assert!(
        logged.iter().filter(|o| **o == d.tricase.to_string()).count() >= 5,
        "{logged:?}"
    );
}

/// Rule: the Collocamento Mirato sections belong to the `mirato` grant, not to operators.
async fn mirato_sections_need_the_mirato_grant(app: TestApp) {
    let d = drafts(&app).await;
    let mut op = operator(&app).await;
    assert_eq!(
        op.get(&format!("/it/office/offers/{}", d.lecce_mirato)).await.status,
        StatusCode::FORBIDDEN
    );
    let lecce = centre_id(&app, "lecce").await;
    let mut mirato = as_user(
        &app,
        "mirato@cpi.example",
        Grant::new(Role::Mirato, Scope::Centre(lecce)).unwrap(),
    )
    .await;
    assert_eq!(
        mirato
            .get(&format!("/it/office/offers/{}", d.lecce_mirato))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        mirato.get(&format!("/it/office/offers/{}", d.lecce)).await.status,
        StatusCode::FORBIDDEN
    );
    mirato.get(&format!("/it/office/offers/{}", d.lecce_mirato)).await;
    let published = mirato
        .post(
            &format!("/it/office/offers/{}", d.lecce_mirato),
            &[("action", "publish")],
        )
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
}

/// Rule: a coordinator reads every offer of its area's centres, and nothing else.
async fn coordinators_read_their_area(app: TestApp) {
    let d = drafts(&app).await;
    let mut coord = as_user(
        &app,
        "coord@cpi.example",
        Grant::new(Role::Coordinator, Scope::Area("lecce".into())).unwrap(),
    )
    .await;
    for readable in [&d.lecce, &d.tricase, &d.lecce_mirato] {
        assert_eq!(
            coord.get(&format!("/it/office/offers/{readable}")).await.status,
            StatusCode::OK
        );
    }
    assert_eq!(
        coord.get(&format!("/it/office/offers/{}", d.rimini)).await.status,
        StatusCode::FORBIDDEN
    );
}

/// Rule: a coordinator changes nothing.
async fn coordinators_change_nothing(app: TestApp) {
    let d = drafts(&app).await;
    let mut coord = as_user(
        &app,
        "coord@cpi.example",
        Grant::new(Role::Coordinator, Scope::Area("lecce".into())).unwrap(),
    )
    .await;
    coord.get(&format!("/it/office/offers/{}", d.tricase)).await;
    let publish = coord
        .post(&format!("/it/office/offers/{}", d.tricase), &[("action", "publish")])
        .await;
    assert_eq!(publish.status, StatusCode::FORBIDDEN);
    assert_eq!(
        coord.get(&format!("/it/office/offers/{}/edit", d.tricase)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        coord.get("/it/office/offers/new").await.status,
        StatusCode::OK,
        "the form shows no centre"
    );
    let create = coord
        .post("/it/office/offers/new", &[("centre", "lecce"), ("section", "ordinary")])
        .await;
    assert_eq!(create.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(status_of(&app, &d.tricase).await, OfferStatus::Draft);
}

/// Rule: administrators run users, centres and the audit log, but not offers.
async fn administrators_do_not_handle_offers(app: TestApp) {
    let d = drafts(&app).await;
    let mut root = as_user(
        &app,
        "root@cpi.example",
        Grant::new(Role::Admin, Scope::Installation).unwrap(),
    )
    .await;
    for page in [
        "/it/office/admin/users",
        "/it/office/admin/audit",
        "/it/office/admin/centres",
    ] {
        assert_eq!(root.get(page).await.status, StatusCode::OK, "{page}");
    }
    assert_eq!(
        root.get(&format!("/it/office/offers/{}", d.lecce)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        root.get(&format!("/it/office/offers/{}", d.lecce_mirato)).await.status,
        StatusCode::FORBIDDEN
    );
}

/// Rule: only administrators reach the administration pages.
async fn only_administrators_administer(app: TestApp) {
    let mut op = operator(&app).await;
    for page in [
        "/it/office/admin/users",
        "/it/office/admin/audit",
        "/it/office/admin/audit.csv",
        "/it/office/admin/centres",
        "/it/office/admin/sections",
    ] {
        assert_eq!(op.get(page).await.status, StatusCode::FORBIDDEN, "{page}");
    }
    op.get("/it/office/").await;
    let grant_self = op
        .post(
            "/it/office/admin/users",
            &[("new-email", "x@cpi.example"), ("new-name", "X"), ("grant", "admin:")],
        )
        .await;
    assert_eq!(grant_self.status, StatusCode::FORBIDDEN);
    assert!(app.storage().credentials("x@cpi.example").await.unwrap().is_none());
    assert_eq!(denials(&app, "op@cpi.example").await.len(), 6);
}

on_both_backends!(using crate::common::TestApp::new =>
    operators_run_their_centre,
    operators_cannot_touch_other_centres,
    mirato_sections_need_the_mirato_grant,
    coordinators_read_their_area,
    coordinators_change_nothing,
    administrators_do_not_handle_offers,
    only_administrators_administer,
);
