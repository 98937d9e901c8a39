//! Who sees art. 9 data, through the real router on SQLite and PostgreSQL
//! (DESIGN.md, "People's data"): Collocamento Mirato bookings only for the
//! centre's mirato grants, a count for the area's coordinator; health-related
//! needs only for who serves the booking; a Collocamento Mirato employer's
//! contacts only for mirato grants. Every read leaves one audit row naming
//! the object, repeats within the hour coalesced. A mirato grant takes two
//! administrators.

use crate::common::TestApp;
use crate::office_appointments::{service_of, signed_in, stored_booking, working_morning};
use axum::http::StatusCode;
use chrono::Utc;
use sportello_domain::time::rome_date;
use sportello_domain::{
    Actor, EmployerContact, Grant, Lang, PartitaIva, Role, Scope, Section, ServiceKind, TextStatus,
};
use sportello_storage::AuditFilter;
use sportello_testkit::builders::{offer, text};
use sportello_testkit::on_both_backends;

on_both_backends!(using crate::common::TestApp::new =>
    the_coordinator_counts_mirato_bookings_and_sees_no_one,
    a_mirato_read_is_logged_once_an_hour,
    needs_only_for_who_serves_the_booking,
    mirato_employer_contacts_only_for_mirato_grants,
    a_mirato_grant_takes_two_administrators,
);

async fn grants_of(app: &TestApp, id: sportello_domain::UserId) -> Vec<Grant> {
    app.storage().user(id).await.unwrap().unwrap().grants
}

async fn rows(app: &TestApp, action: &str, object: &str) -> usize {
    app.storage()
        .audit_entries(&AuditFilter {
            action: Some(action.into()),
            object_id: Some(object.into()),
            limit: 100,
            ..AuditFilter::default()
        })
        .await
        .unwrap()
        .len()
}

async fn coordinator(app: &TestApp) -> crate::common::browser::Browser<'_> {
    let area = app.centre("lecce").await.data.area.slug;
    let grant = Grant::new(Role::Coordinator, Scope::Area(area)).unwrap();
    signed_in(app, "coord@example.org", grant).await.0
}

async fn mirato(app: &TestApp) -> crate::common::browser::Browser<'_> {
    let grant = Grant::new(Role::Mirato, Scope::Centre(app.centre("lecce").await.id)).unwrap();
    signed_in(app, "mirato-lecce@example.org", grant).await.0
}

async fn the_coordinator_counts_mirato_bookings_and_sees_no_one(app: TestApp) {
    let service = service_of(&app, "lecce", ServiceKind::MiratoAdvice).await;
    let morning = working_morning(3);
    let booking = stored_booking(&app, &service, morning, Utc::now()).await;
    let mut coordinator = coordinator(&app).await;

    let agenda = coordinator
        .get(&format!("/en/office/agenda?centre=lecce&day={}", rome_date(morning)))
        .await;
    assert_eq!(agenda.status, StatusCode::OK);
    let text = agenda.text();
    assert!(!agenda.body.contains(booking.reference.as_str()), "no reference");
    assert!(!text.contains(&booking.person.name), "no name");
    assert!(!text.contains("giulia@example.org"), "no contact");
    assert!(
        text.contains("There is also 1 Collocamento Mirato appointment"),
        "{text}"
    );
    assert_eq!(rows(&app, "booking.read", booking.reference.as_str()).await, 0);

    // Opening it directly: refused, and the refusal is logged.
    let direct = coordinator
        .get(&format!("/en/office/agenda/{}", booking.reference))
        .await;
    assert_eq!(direct.status, StatusCode::FORBIDDEN);
    assert!(!direct.text().contains(&booking.person.name));
    assert_eq!(rows(&app, "permission_denied", booking.reference.as_str()).await, 1);
}

async fn a_mirato_read_is_logged_once_an_hour(app: TestApp) {
    let service = service_of(&app, "lecce", ServiceKind::MiratoAdvice).await;
    let booking = stored_booking(&app, &service, working_morning(3), Utc::now()).await;
    let mut mirato = mirato(&app).await;

    let page = mirato.get(&format!("/en/office/agenda/{}", booking.reference)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    assert!(page.text().contains(&booking.person.name));
    assert!(
        page.text().contains("Italian Sign Language"),
        "its office serves it: needs shown"
    );
    let logged = app
        .storage()
        .audit_entries(&AuditFilter {
            action: Some("booking.read".into()),
            limit: 100,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(logged.len(), 1, "one row");
    assert_eq!(logged[0].object_kind, "booking");
    assert_eq!(logged[0].object_id, booking.reference.as_str(), "naming the booking");
    assert!(!logged[0].object_id.contains("Giulia") && !format!("{:?}", logged[0].details).contains("Giulia"));

    // Again, and through the day's agenda: the same hour, the same row.
    mirato.get(&format!("/en/office/agenda/{}", booking.reference)).await;
    mirato
        .get(&format!(
            "/en/office/agenda?centre=lecce&day={}",
            rome_date(booking.start)
        ))
        .await;
    assert_eq!(rows(&app, "booking.read", booking.reference.as_str()).await, 1);
}

async fn needs_only_for_who_serves_the_booking(app: TestApp) {
    let service = service_of(&app, "lecce", ServiceKind::Did).await;
    let booking = stored_booking(&app, &service, working_morning(4), Utc::now()).await;
    let day = rome_date(booking.start);
    let agenda = format!("/en/office/agenda?centre=lecce&day={day}");

    // The area's coordinator sees who, not the health-related needs.
    let mut coordinator = coordinator(&app).await;
    let page = coordinator.get(&agenda).await;
    assert!(page.text().contains(&booking.person.name));
    assert!(!page.text().contains("Italian Sign Language"));
    assert_eq!(rows(&app, "booking.read", booking.reference.as_str()).await, 0);

    // The centre's operator serves it: sees them, and the read is logged.
    let grant = Grant::new(Role::Operator, Scope::Centre(app.centre("lecce").await.id)).unwrap();
    let (mut operator, _) = signed_in(&app, "op-lecce@example.org", grant).await;
    let page = operator.get(&agenda).await;
    assert!(page.text().contains("Italian Sign Language"));
    assert_eq!(rows(&app, "booking.read", booking.reference.as_str()).await, 1);
}

async fn mirato_employer_contacts_only_for_mirato_grants(app: TestApp) {
    let lecce = app.centre("lecce").await;
    let contact = EmployerContact {
        company: "Frantoio Salentino srl".into(),
        vat_number: PartitaIva::parse("00743110157").unwrap(),
        contact_name: "Maria Verdi".into(),
        email: "hr@frantoio.example".into(),
        phone: "+39 0832 000000".into(),
        lang: Lang::It,
    };
    let mut vacancy = offer(
        lecce.id,
        "4110",
        vec![text(Lang::It, TextStatus::Original, "Impiegato")],
    );
    vacancy.section = Section::MiratoArt1;
    let request = app
        .storage()
        .insert_employer_request(&vacancy, &contact, &Actor::anonymous("192.0.2.1"), Utc::now())
        .await
        .unwrap();
    let page = format!("/en/office/offers/{}", request.reference);
    let id = request.id.to_string();

    let mut coordinator = coordinator(&app).await;
    let seen = coordinator.get(&page).await;
    assert_eq!(seen.status, StatusCode::OK, "coordinators read mirato offers");
    assert!(!seen.text().contains("hr@frantoio.example") && !seen.text().contains("Maria Verdi"));
    let reference = request.reference.to_string();
    assert!(!coordinator.get("/en/office/requests").await.text().contains(&reference));
    assert_eq!(rows(&app, "request.read", &id).await, 0);

    let mut mirato = mirato(&app).await;
    assert!(mirato.get("/en/office/requests").await.text().contains(&reference));
    assert!(mirato.get(&page).await.text().contains("hr@frantoio.example"));
    assert!(mirato.get(&page).await.text().contains("Maria Verdi"));
    assert_eq!(
        rows(&app, "request.read", &id).await,
        1,
        "two reads in the hour, one row"
    );
}

/// A Collocamento Mirato grant takes two administrators: with one it is
/// refused, otherwise proposed by one and approved by another, never by
/// the proposer.
async fn a_mirato_grant_takes_two_administrators(app: TestApp) {
    let lecce = app.centre("lecce").await;
    let admin = || Grant::new(Role::Admin, Scope::Installation).unwrap();
    let (mut first, _) = signed_in(&app, "admin-1@example.org", admin()).await;
    let operator_grant = Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap();
    let person = app.add_user("op@example.org", vec![operator_grant.clone()]).await;
    let (operator, mirato) = (format!("operator:{}", lecce.id.0), format!("mirato:{}", lecce.id.0));
    let change = format!("/en/office/admin/users/{}", person.id.0);
    let fields = [
        ("action", "grants"),
        ("grant", operator.as_str()),
        ("grant", mirato.as_str()),
    ];

    // The demo's administrators are away: this one is alone.
    for other in app.storage().users().await.unwrap() {
        if other.email != "admin-1@example.org" && other.grants.iter().any(|g| g.role == Role::Admin) {
            app.storage()
                .update_user(other.id, &other.name, other.lang, false, &Actor::system(), Utc::now())
                .await
                .unwrap();
        }
    }
    first.get("/en/office/admin/users").await;
    let refused = first.post(&change, &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text().contains("second administrator"), "{}", refused.text());
    assert_eq!(
        grants_of(&app, person.id).await,
        vec![operator_grant.clone()],
        "nothing changed"
    );

    let (mut second, _) = signed_in(&app, "admin-2@example.org", admin()).await;
    first.get("/en/office/admin/users").await;
    let proposed = first.post(&change, &fields).await;
    assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{}", proposed.text());
    assert_eq!(
        grants_of(&app, person.id).await,
        vec![operator_grant.clone()],
        "only proposed"
    );
    let waiting = app.storage().mirato_grant_proposals().await.unwrap();
    assert_eq!(waiting.len(), 1);
    let decide = format!("/en/office/admin/users/proposals/{}", waiting[0].id);

    let page = first.get("/en/office/admin/users").await;
    assert!(page.text().contains("another administrator must approve it"));
    let own = first.post(&decide, &[("action", "approve")]).await;
    assert_eq!(own.status, StatusCode::FORBIDDEN, "not by its proposer");
    assert_eq!(grants_of(&app, person.id).await, vec![operator_grant.clone()]);

    second.get("/en/office/admin/users").await;
    let approved = second.post(&decide, &[("action", "approve")]).await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.text());
    let now = grants_of(&app, person.id).await;
    assert!(
        now.contains(&Grant::new(Role::Mirato, Scope::Centre(lecce.id)).unwrap()),
        "{now:?}"
    );
    assert!(app.storage().mirato_grant_proposals().await.unwrap().is_empty());
    let id = person.id.0.to_string();
    assert_eq!(rows(&app, "grant.propose_mirato", &id).await, 1);
    assert_eq!(rows(&app, "grant.approve_mirato", &id).await, 1);
    // The log names the user by id; its page says whose to administrators.
    let log = second.get("/en/office/admin/audit?action=grant.approve_mirato").await;
    assert!(
        log.text().contains(&format!("user {id} (op <op@example.org>)")),
        "{}",
        log.text()
    );
    // And the id of the request that wrote the row, as sent back to it.
    let request_id = approved.header("x-request-id");
    assert!(!request_id.is_empty());
    assert!(log.text().contains(request_id), "{}", log.text());
}
