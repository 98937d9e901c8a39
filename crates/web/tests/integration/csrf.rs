//! CSRF everywhere, shown: every route that changes something (the router's
//! own table, `sportello_web::writing_routes`) refuses a request without a
//! valid form token — signed in with every grant, so that no permission
//! check answers first — except the routes named in [`EXEMPT`], each with
//! why. On SQLite and PostgreSQL.

use crate::common::TestApp;
use crate::common::browser::{Browser, PASSWORD};
use axum::http::{Method, StatusCode};
use chrono::Utc;
use sportello_auth::TotpSecret;
use sportello_domain::{Actor, Grant, Role, Scope};
use sportello_testkit::on_both_backends;

/// Writing routes that take no form token, and why.
const EXEMPT: &[(&str, &str, &str)] = &[
    ("POST", "/api/v1/offers", "bearer-token API: no cookie is sent"),
    ("PUT", "/api/v1/offers/{reference}", "bearer-token API"),
    ("POST", "/api/v1/offers/{reference}/{action}", "bearer-token API"),
    (
        "POST",
        "/api/v1/bookings",
        "the public booking API: no session, no cookie",
    ),
    (
        "POST",
        "/api/v1/bookings/{reference}/move",
        "the public booking API, with the booking's token",
    ),
    (
        "POST",
        "/api/v1/bookings/{reference}/cancel",
        "the public booking API, with the booking's token",
    ),
    (
        "POST",
        "/api/v1/events/{id}/registrations",
        "the public registration API: no session, no cookie",
    ),
    (
        "POST",
        "/api/v1/registrations/{reference}/cancel",
        "the public registration API, with the registration's token",
    ),
    (
        "POST",
        "/{lang}/newsletter/confirm/{token}",
        "the signed link in the confirmation mail is the credential: no cookie gives authority to forge",
    ),
    (
        "POST",
        "/{lang}/newsletter/unsubscribe/{token}",
        "RFC 8058 one-click unsubscribe: mail clients post without a form",
    ),
];

on_both_backends!(using crate::common::TestApp::new => every_writing_route_needs_a_form_token);

/// Real values for the path parameters: the refusal must come from the
/// missing token, not from an unknown object.
struct Values {
    reference: String,
    service: String,
    id: String,
    event: String,
}

fn fill(path: &str, values: &Values) -> String {
    path.replace("{lang}", "en")
        .replace("/events/{id}", &format!("/events/{}", values.event))
        .replace("{reference}", &values.reference)
        .replace("{action}", "publish")
        .replace("{id}", &values.id)
        .replace("{slug}", "lecce")
        .replace("{centre}", "lecce")
        .replace("{service}", &values.service)
        .replace("{target}", "en")
        .replace("{token}", "x")
}

async fn every_writing_route_needs_a_form_token(app: TestApp) {
    let routes = sportello_web::writing_routes();
    for (method, path, why) in EXEMPT {
        assert!(
            routes.iter().any(|(m, p)| m.as_str() == *method && p == path),
            "{method} {path} is listed as exempt ({why}) but is no route"
        );
    }

    // Signed in with every grant there is, second factor included.
    let lecce = app.centre("lecce").await;
    let grants = vec![
        Grant::new(Role::Admin, Scope::Installation).unwrap(),
        Grant::new(Role::Coordinator, Scope::Area(lecce.data.area.slug.clone())).unwrap(),
        Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap(),
        Grant::new(Role::Mirato, Scope::Centre(lecce.id)).unwrap(),
    ];
    let user = app.add_user("all@example.org", grants).await;
    let mut browser = Browser::new(&app);
    let signed = browser.sign_in_with_second_factor(&user).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.text());
    let service = crate::common::appointments::guidance(&app, "lecce").await;
    let values = Values {
        reference: app.open_references("").await.remove(0),
        service: service.id.0.to_string(),
        id: user.id.0.to_string(),
        event: app
            .storage()
            .upcoming_events(&Default::default(), Utc::now(), 1)
            .await
            .unwrap()[0]
            .id
            .0
            .to_string(),
    };

    // Halfway through signing in (password given, code not yet), for the
    // second factor's own form.
    let halfway = app
        .add_user(
            "halfway@example.org",
            vec![Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap()],
        )
        .await;
    app.storage()
        .set_totp(
            halfway.id,
            Some(&TotpSecret::generate().to_base32()),
            &[],
            &Actor::system(),
            Utc::now(),
        )
        .await
        .unwrap();
    let mut pending = Browser::new(&app);
    let step = pending.sign_in("halfway@example.org", PASSWORD).await;
    assert_eq!(step.status, StatusCode::SEE_OTHER);

    // A citizen signed in in the same browser, and another halfway
    // through signing in, for the citizens' own forms.
    crate::common::people::sign_up(&app, &mut browser, "citizen@example.org", "").await;
    let mut citizen_pending = Browser::new(&app);
    crate::common::people::sign_up(&app, &mut citizen_pending, "halfway.citizen@example.org", PASSWORD).await;
    let email = sportello_domain::Email::parse("halfway.citizen@example.org").unwrap();
    let person = app
        .storage()
        .person_by_contact(&sportello_domain::Contact::Email(email))
        .await
        .unwrap()
        .unwrap()
        .account;
    app.storage()
        .set_person_totp(
            person.id,
            Some(&TotpSecret::generate().to_base32()),
            &[],
            &Actor::system(),
            Utc::now(),
        )
        .await
        .unwrap();
    citizen_pending.get("/en/account/sign-in").await;
    let step = citizen_pending
        .post(
            "/en/account/sign-in",
            &[("contact", "halfway.citizen@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(step.status, StatusCode::SEE_OTHER, "{}", step.text());

    let mut checked = 0;
    for (method, path) in &routes {
        if EXEMPT.iter().any(|(m, p, _)| *m == method.as_str() && p == path) {
            continue;
        }
        let mut address = fill(path, &values);
        if path.ends_with("/book") {
            // A time that can be booked: only the token is missing.
            let day = crate::common::appointments::working_day();
            address.push_str(&format!("?modality=in_office&start={day}T09:00"));
        }
        // A form with a forged token (and the fields a form might need).
        let fields = [("csrf", "forged"), ("action", "publish"), ("confirm", "yes")];
        assert_eq!(*method, Method::POST, "{path}: a writing method the test does not send");
        let response = match *path {
            "/{lang}/office/sign-in/second-factor" => pending.post(&address, &fields).await,
            "/{lang}/account/sign-in/second-factor" => citizen_pending.post(&address, &fields).await,
            _ => browser.post(&address, &fields).await,
        };
        assert_eq!(
            response.status,
            StatusCode::FORBIDDEN,
            "{method} {path} ({address}) without a valid form token: {}",
            response.text()
        );
        checked += 1;
    }
    assert!(checked >= 30, "{checked} routes checked");
}
