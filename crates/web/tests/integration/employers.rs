//! Employers' pages through the real router, on SQLite and PostgreSQL: the
//! Law 68/1999 quota calculator, the vacancy request form with its checks,
//! the employer's status link, and the request in the centre's back office.

use crate::common::TestApp;
use crate::common::browser::{Browser, PASSWORD};
use axum::http::StatusCode;
use sportello_domain::{Grant, Role, Scope};
use sportello_testkit::on_both_backends;

async fn the_quota_calculator(app: TestApp) {
    let page = app.get("/en/employers?employees=60").await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    assert!(
        text.contains("With 60 employees: 4 people with disabilities (art. 1)."),
        "{text}"
    );
    assert!(text.contains("1 person of the protected categories (art. 18)."));
    let small = app.get("/it/employers?employees=10").await.text();
    assert!(small.contains("Con 10 dipendenti: 0 persone con disabilità"));
    let bad = app.get("/de/employers?employees=viele").await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.text().contains("Geben Sie eine ganze Zahl"));
    assert!(bad.body.contains("aria-invalid=\"true\""));
}

fn request_fields(valid_through: &str) -> Vec<(&'static str, String)> {
    [
        ("company", "Frantoio Salentino srl"),
        ("vat_number", "IT 00743110157"),
        ("contact_name", "Maria Verdi"),
        ("email", "HR@Frantoio.example"),
        ("phone", "+39 0832 123456"),
        ("centre", "lecce"),
        ("placement", ""),
        ("occupation", "7512"),
        ("title", "Olive mill worker"),
        ("description", "Harvest season at our mill."),
        ("how_to_apply", "Send your CV to the employment centre."),
        ("town", "Lecce"),
        ("region", "LE"),
        ("contract", "seasonal"),
        ("working_time", "full_time"),
        ("openings", "4"),
        ("education", "none"),
        ("valid_through", valid_through),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .collect()
}

async fn post(browser: &mut Browser<'_>, path: &str, fields: &[(&'static str, String)]) -> crate::common::TestResponse {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    browser.post(path, &pairs).await
}

async fn a_request_reaches_the_centre(app: TestApp) {
    let valid = (sportello_domain::time::today_in_rome() + chrono::Duration::days(40)).to_string();
    let mut employer = Browser::new(&app);
    let form = employer.get("/en/employers/request").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.header("set-cookie").contains("sportello_form="));

    // Bad input: each field says what is wrong, nothing is stored.
    let mut wrong = request_fields(&valid);
    wrong[1].1 = "00743110158".into();
    wrong[3].1 = "not an address".into();
    wrong[4].1 = "call me".into();
    let refused = post(&mut employer, "/en/employers/request", &wrong).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = refused.text();
    for message in [
        "This VAT number is not valid",
        "Write a valid e-mail address",
        "Write a phone number",
    ] {
        assert!(text.contains(message), "{message} in {text}");
    }
    assert!(
        refused.body.contains("value=\"Frantoio Salentino srl\""),
        "typed values are kept"
    );
    let lecce = app.centre("lecce").await;
    let allowed = [(lecce.id, sportello_domain::Section::Ordinary)];
    assert!(
        app.storage()
            .employer_requests(&allowed, None, 10)
            .await
            .unwrap()
            .is_empty()
    );

    // A good request: a reference and a link to follow it.
    let sent = post(&mut employer, "/en/employers/request", &request_fields(&valid)).await;
    assert_eq!(sent.status, StatusCode::CREATED, "{}", sent.text());
    let requests = app.storage().employer_requests(&allowed, None, 10).await.unwrap();
    assert_eq!(requests.len(), 1);
    let reference = requests[0].reference.to_string();
    assert_eq!(requests[0].contact.email, "hr@frantoio.example");
    assert!(
        sent.text()
            .contains(&format!("the offer arrived with the reference {reference}"))
    );
    let link = sent
        .body
        .split("<p><a href=\"https://lavoro.example.test")
        .nth(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .expect("the status link");
    let status = app.get(&link).await;
    assert_eq!(status.status, StatusCode::OK);
    assert!(
        status
            .text()
            .contains("Received: the employment centre is looking at it.")
    );
    let tampered = format!("{}x", &link[..link.len() - 1]);
    assert_eq!(app.get(&tampered).await.status, StatusCode::NOT_FOUND);

    // The operator of Lecce sees it with the contacts; another centre's cannot decline it.
    let tricase = app.centre("tricase").await;
    app.add_user(
        "op@cpi.example",
        vec![Grant::new(Role::Operator, Scope::Centre(lecce.id)).unwrap()],
    )
    .await;
    app.add_user(
        "other@cpi.example",
        vec![Grant::new(Role::Operator, Scope::Centre(tricase.id)).unwrap()],
    )
    .await;
    let mut op = Browser::new(&app);
    op.sign_in_fully("op@cpi.example", PASSWORD).await;
    let list = op.get("/it/office/requests").await;
    assert!(list.body.contains(&reference));
    let offer_page = op.get(&format!("/it/office/offers/{reference}")).await;
    assert!(offer_page.text().contains("hr@frantoio.example"));
    let mut other = Browser::new(&app);
    other.sign_in_fully("other@cpi.example", PASSWORD).await;
    other.get("/it/office/").await;
    let id = requests[0].id;
    let refused = other
        .post(&format!("/it/office/requests/{id}/decline"), &[("reason", "no")])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // The text is in English: the operator writes the Italian one, then publishes.
    let edit = op.get(&format!("/it/office/offers/{reference}/edit")).await;
    let version = crate::common::browser::input_value(&edit.body, "version").unwrap();
    let mut fields = request_fields(&valid);
    fields.retain(|(k, _)| !["company", "vat_number", "contact_name", "email", "phone", "placement"].contains(k));
    fields.push(("section", "ordinary".into()));
    fields.push(("employer_name", "Frantoio Salentino srl".into()));
    fields.push(("employer_hidden", "on".into()));
    fields.push(("version", version));
    for (k, v) in fields.iter_mut() {
        if *k == "title" {
            *v = "Operaio di frantoio".into();
        }
    }
    let saved = post(&mut op, &format!("/it/office/offers/{reference}/edit"), &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
    op.get(&format!("/it/office/offers/{reference}")).await;
    let published = op
        .post(&format!("/it/office/offers/{reference}"), &[("action", "publish")])
        .await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    assert!(app.get(&link).await.text().contains("Published on the boards."));
    for public in [format!("/en/offers/{reference}"), format!("/api/v1/offers/{reference}")] {
        let body = app.get(&public).await.body;
        for private in [
            "hr@frantoio.example",
            "0832 123456",
            "00743110157",
            "Maria Verdi",
            "Frantoio",
        ] {
            assert!(!body.contains(private), "{private} must not be public ({public})");
        }
    }

    // A second request is declined with a reason the employer reads.
    let second = post(&mut employer, "/en/employers/request", &request_fields(&valid)).await;
    assert_eq!(second.status, StatusCode::CREATED);
    let link = second
        .body
        .split("<p><a href=\"https://lavoro.example.test")
        .nth(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .unwrap();
    let id = app.storage().employer_requests(&allowed, None, 10).await.unwrap()[0].id;
    op.get("/it/office/requests").await;
    let declined = op
        .post(
            &format!("/it/office/requests/{id}/decline"),
            &[("reason", "Lo stesso posto è già pubblicato.")],
        )
        .await;
    assert_eq!(declined.status, StatusCode::SEE_OTHER);
    let status = app.get(&link).await.text();
    assert!(status.contains("Not published.") && status.contains("Lo stesso posto è già pubblicato."));
}

on_both_backends!(using crate::common::TestApp::new =>
    the_quota_calculator,
    a_request_reaches_the_centre,
);
