//! The patron days of the towns the outreach points visit, through the
//! real router on SQLite and PostgreSQL: listed for the centre's operators,
//! saved with an audit row, a wrong line refused with its number, a day on
//! a stop still planned refused with its date (nothing cancelled), a town
//! the centre's points do not visit refused, another centre's operator
//! refused.

use axum::http::StatusCode;
use chrono::Utc;
use sportello_domain::time::today_in_rome;
use sportello_domain::{Grant, PatronDay, Role, Scope};
use sportello_testkit::on_both_backends;

use crate::common::TestApp;
use crate::office_appointments::signed_in;

on_both_backends!(
    using crate::common::TestApp::new =>
    operators_keep_the_towns_patron_days,
);

const PATH: &str = "/it/office/outreach/towns?centre=lecce";

async fn operators_keep_the_towns_patron_days(app: TestApp) {
    let lecce = app.centre("lecce").await;
    let stops = app
        .storage()
        .upcoming_stops(Some(lecce.id), Utc::now(), 50)
        .await
        .unwrap();
    let stop = &stops.first().expect("the demo camper's stops").1;
    let town = stop.data.town.clone();
    let grant = Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap();
    let (mut office, _) = signed_in(&app, "op-towns@example.org", grant).await;
    let page = office.get(PATH).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains(&town), "{}", page.text());
    let before = app.storage().town_patron_days(&town).await.unwrap();

    // A day on a stop still planned: refused with its date.
    let on_stop = format!("{} Festa del paese", stop.data.date.format("%m-%d"));
    let clash = office
        .post(PATH, &[("town", town.as_str()), ("days", on_stop.as_str())])
        .await;
    assert_eq!(clash.status, StatusCode::CONFLICT);
    assert!(
        clash.text().contains("lo sposti o lo annulli prima"),
        "{}",
        clash.text()
    );
    assert!(clash.body.contains("aria-invalid=\"true\""));
    // A wrong line: refused with its number.
    let wrong = office
        .post(PATH, &[("town", town.as_str()), ("days", "13-40 Nessuno")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.text().contains("Riga 1"), "{}", wrong.text());
    assert_eq!(
        app.storage().town_patron_days(&town).await.unwrap(),
        before,
        "nothing saved"
    );

    // A day with no stop: saved, and in the audit log.
    let mut free = today_in_rome() + chrono::Days::new(200);
    while stops.iter().any(|(_, s)| {
        s.data.town == town && s.data.date.format("%m-%d").to_string() == free.format("%m-%d").to_string()
    }) {
        free = free + chrono::Days::new(1);
    }
    let line = format!("{} San Rocco", free.format("%m-%d"));
    let saved = office
        .post(PATH, &[("town", town.as_str()), ("days", line.as_str())])
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
    let days = app.storage().town_patron_days(&town).await.unwrap();
    let expected = PatronDay::parse(&free.format("%m-%d").to_string(), "San Rocco").unwrap();
    assert_eq!(days, vec![expected]);
    assert!(
        app.audit_actions(&town)
            .await
            .contains(&"town_patron_days.set".to_string())
    );
    let page = office.get(&format!("{PATH}&done=saved")).await;
    assert!(page.text().contains("San Rocco"));

    // A town the centre's points do not visit; another centre's operator.
    let elsewhere = office.post(PATH, &[("town", "Atlantide"), ("days", "")]).await;
    assert_eq!(elsewhere.status, StatusCode::BAD_REQUEST);
    let rimini = app.centre("rimini").await;
    let grant = Grant::new(Role::Operator, Scope::Centre(rimini.id)).unwrap();
    let (mut stranger, _) = signed_in(&app, "op-rimini-towns@example.org", grant).await;
    stranger.get("/it/office/outreach/towns?centre=rimini").await;
    let refused = stranger.post(PATH, &[("town", town.as_str()), ("days", "")]).await;
    assert!(refused.status.is_client_error());
    assert_eq!(app.storage().town_patron_days(&town).await.unwrap().len(), 1);
}
