//! The appointments' back office through the real router, on SQLite and on
//! PostgreSQL: the services catalogue and its form (optimistic locking, a
//! capacity below the places booked), access rules and patron days, the
//! day's agenda with its actions, booking on someone's behalf, and who may
//! see and change what (every refusal a 403 in the audit log).

use crate::common::TestApp;
use crate::common::browser::{Browser, input_value};
use axum::http::StatusCode;
use chrono::{DateTime, Datelike, Days, Duration, NaiveTime, Utc};
use sportello_domain::appointments::holidays::national_holiday;
use sportello_domain::time::{from_rome_local, rome_date, today_in_rome};
use sportello_domain::{
    Actor, Booking, BookingRef, BookingRequest, BookingStatus, Email, Grant, Lang, Modality, Needs, Person, Phone,
    Role, Scope, Service, ServiceKind,
};
use sportello_storage::{AuditFilter, NewBooking};
use sportello_testkit::on_both_backends;

pub(crate) async fn signed_in<'a>(
    app: &'a TestApp,
    email: &str,
    grant: Grant,
) -> (Browser<'a>, sportello_domain::User) {
    let user = app.add_user(email, vec![grant]).await;
    let mut browser = Browser::new(app);
    browser.sign_in_with_second_factor(&user).await;
    (browser, user)
}

async fn operator<'a>(app: &'a TestApp, slug: &str) -> (Browser<'a>, sportello_domain::User) {
    let centre = app.centre(slug).await;
    let grant = Grant::new(Role::Operator, Scope::Centre(centre.id)).unwrap();
    signed_in(app, &format!("op-{slug}@example.org"), grant).await
}

pub(crate) async fn service_of(app: &TestApp, slug: &str, kind: ServiceKind) -> Service {
    let centre = app.centre(slug).await;
    app.storage()
        .services(centre.id)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.data.kind == kind)
        .unwrap()
}

/// A booking stored directly, as if made at `made_at`.
pub(crate) async fn stored_booking(
    app: &TestApp,
    service: &Service,
    start: DateTime<Utc>,
    made_at: DateTime<Utc>,
) -> Booking {
    let booking = NewBooking {
        request: BookingRequest {
            service: service.id,
            modality: Modality::InOffice,
            start,
            person: Person {
                name: "Giulia Rizzo".into(),
                email: Some(Email::parse("giulia@example.org").unwrap()),
                phone: Some(Phone::parse("+39 333 765 4321").unwrap()),
                codice_fiscale: None,
                lang: Lang::It,
                sms: false,
            },
            needs: Needs {
                sign_language: true,
                ..Needs::default()
            },
        },
        reference: BookingRef::from_random(sportello_auth::random_bytes::<8>()),
        end: start + Duration::minutes(i64::from(service.data.duration_minutes)),
        point: None,
        video_url: None,
        one_per_person: false,
    };
    app.storage()
        .book(
            &booking,
            None,
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            made_at,
        )
        .await
        .unwrap()
        .booking()
        .clone()
}

/// 09:00 in Rome on the next weekday at least `days` ahead that is not a holiday.
pub(crate) fn working_morning(days: u64) -> DateTime<Utc> {
    let mut day = today_in_rome() + Days::new(days);
    while day.weekday().number_from_monday() > 5 || national_holiday(day).is_some() {
        day = day + Days::new(1);
    }
    from_rome_local(day.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap()))
}

fn service_fields(version: i64, capacity: &str, name_en: &str) -> Vec<(&'static str, String)> {
    vec![
        ("version", version.to_string()),
        ("kind", "basic_guidance".into()),
        ("duration_minutes", "30".into()),
        ("in_office", "on".into()),
        ("phone", "on".into()),
        ("video", "on".into()),
        ("capacity", capacity.into()),
        ("min_notice_hours", "2".into()),
        ("max_days_ahead", "30".into()),
        ("active", "on".into()),
        ("name_it", "Colloquio di orientamento di base".into()),
        ("name_en", name_en.into()),
    ]
}

fn as_pairs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

async fn denials(app: &TestApp, email: &str) -> Vec<String> {
    app.storage()
        .audit_entries(&AuditFilter {
            action: Some("permission_denied".into()),
            actor: Some(email.into()),
            limit: 100,
            ..AuditFilter::default()
        })
        .await
        .unwrap()
        .iter()
        .map(|e| e.details.clone())
        .collect()
}

async fn an_operator_edits_a_service(app: TestApp) {
    let (mut browser, _) = operator(&app, "lecce").await;
    let service = service_of(&app, "lecce", ServiceKind::BasicGuidance).await;
    let list = browser.get("/it/office/services?centre=lecce").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.text().contains("Colloquio di orientamento di base"));
    assert!(
        list.body
            .contains(&format!("/it/office/services/{}?centre=lecce", service.id.0))
    );

    let path = format!("/it/office/services/{}?centre=lecce", service.id.0);
    let form = browser.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    let version: i64 = input_value(&form.body, "version").unwrap().parse().unwrap();
    assert_eq!(version, service.version);

    let wrong = service_fields(version, "many", "Basic guidance");
    let refused = browser.post(&path, &as_pairs(&wrong)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("id=\"f-capacity-error\""),
        "the capacity field says what is wrong"
    );

    let fields = service_fields(version, "3", "First guidance talk");
    let saved = browser.post(&path, &as_pairs(&fields)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
    let stored = app.storage().service(service.id).await.unwrap().unwrap();
    assert_eq!(stored.data.capacity, 3);
    assert_eq!(stored.data.text(Lang::En).unwrap().name, "First guidance talk");
    assert_eq!(stored.data.min_notice_minutes, 120);

    // The form read at the old version is refused: someone saved since.
    let stale = browser
        .post(&path, &as_pairs(&service_fields(version, "4", "Stale")))
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let unchanged = app.storage().service(service.id).await.unwrap().unwrap();
    assert_eq!(unchanged.data.capacity, 3);

    // Three places booked in one slot: the capacity cannot drop to two.
    let start = working_morning(3);
    for _ in 0..3 {
        stored_booking(&app, &unchanged, start, Utc::now()).await;
    }
    browser.get(&path).await;
    let lower = service_fields(unchanged.version, "2", "First guidance talk");
    let full = browser.post(&path, &as_pairs(&lower)).await;
    assert_eq!(full.status, StatusCode::CONFLICT);
    assert!(full.body.contains("id=\"f-capacity-error\""));
    assert!(full.text().contains("Alcune fasce orarie hanno già più prenotazioni"));
    let after = app.storage().service(service.id).await.unwrap().unwrap();
    assert_eq!(
        (after.data.capacity, after.version),
        (3, unchanged.version),
        "nothing saved"
    );

    // A second service of an existing kind is refused on its field.
    let new_form = browser.get("/it/office/services/new?centre=lecce").await;
    assert_eq!(new_form.status, StatusCode::OK);
    let mut duplicate = service_fields(0, "1", "Another");
    duplicate.retain(|(k, _)| *k != "version");
    let refused = browser
        .post("/it/office/services/new?centre=lecce", &as_pairs(&duplicate))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"f-kind-error\""));
}

async fn rules_and_patron_days_are_saved(app: TestApp) {
    let (mut browser, _) = operator(&app, "lecce").await;
    let lecce = app.centre("lecce").await;
    let page = browser.get("/it/office/services/rules?centre=lecce").await;
    assert_eq!(page.status, StatusCode::OK);
    // A patron day within the next weeks on a day that is no national holiday.
    let mut feast = today_in_rome() + Days::new(12);
    while national_holiday(feast).is_some() {
        feast = feast + Days::new(1);
    }
    let patron = format!("{} San Test\n\n05-03 San Filippo", feast.format("%m-%d"));
    let saved = browser
        .post(
            "/it/office/services/rules?centre=lecce",
            &[
                ("rules_it", "Si entra solo con la prenotazione."),
                ("rules_en", "Come in only with a booking."),
                ("rules_fr", ""),
                ("rules_de", ""),
                ("patron_days", &patron),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text());
    let rules = app.storage().access_rules(lecce.id).await.unwrap();
    assert_eq!(
        rules.get(&Lang::En).map(String::as_str),
        Some("Come in only with a booking.")
    );
    assert!(!rules.contains_key(&Lang::Fr));
    let days = app.storage().patron_days(lecce.id).await.unwrap();
    assert_eq!(days.len(), 2);

    let page = browser.get("/it/office/services/rules?centre=lecce&saved=1").await;
    assert!(page.text().contains("San Test"), "the feast is among the closed days");
    assert!(page.text().contains("sono stati salvati"));

    let bad = browser
        .post(
            "/it/office/services/rules?centre=lecce",
            &[
                ("rules_it", "Altro testo"),
                ("patron_days", "08-26 Sant'Oronzo\n13-40 Nessuno\n05-03"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = bad.text();
    assert!(text.contains("Riga 2: La data non è valida"), "{text}");
    assert!(text.contains("Riga 3: Scrivi il nome della festa"));
    assert!(!text.contains("Riga 1:"));
    assert_eq!(
        app.storage().patron_days(lecce.id).await.unwrap(),
        days,
        "nothing saved"
    );
    let rules_after = app.storage().access_rules(lecce.id).await.unwrap();
    assert_eq!(rules_after, rules);
}

/// The first `start=` value of the slot links of a page.
fn first_slot(body: &str) -> String {
    let start = body.find("start=").expect("a free slot") + "start=".len();
    body[start..start + 16].to_string()
}

async fn an_operator_books_by_phone_and_runs_the_day(app: TestApp) {
    let (mut browser, user) = operator(&app, "lecce").await;
    let service = service_of(&app, "lecce", ServiceKind::BasicGuidance).await;
    let first = browser.get("/it/office/agenda/new?centre=lecce").await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.body.contains(&format!("service={}", service.id.0)));
    let base = format!("/it/office/agenda/new?centre=lecce&service={}", service.id.0);
    let modality = browser.get(&base).await;
    assert!(modality.body.contains("modality=phone"));
    let slots = browser.get(&format!("{base}&modality=phone")).await;
    assert_eq!(slots.status, StatusCode::OK);
    let start = first_slot(&slots.body);
    let details = browser.get(&format!("{base}&modality=phone&start={start}")).await;
    assert!(details.body.contains("name=\"person_lang\""));

    let mut fields = vec![
        ("service", service.id.0.to_string()),
        ("modality", "phone".to_string()),
        ("start", start.clone()),
        ("name", String::new()),
        ("phone", String::new()),
        ("email", String::new()),
        ("person_lang", "en".into()),
    ];
    let key = input_value(&details.body, "key").unwrap();
    fields.push(("key", key));
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = browser.post("/it/office/agenda/new?centre=lecce", &pairs).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"f-name-error\""));
    assert!(refused.body.contains("id=\"f-email-error\""));

    let key = input_value(&refused.body, "key").unwrap();
    let fields = [
        ("service", service.id.0.to_string()),
        ("modality", "phone".to_string()),
        ("start", start.clone()),
        ("name", "Amina Diallo".into()),
        ("phone", "+39 333 123 4567".into()),
        ("email", "amina@example.org".into()),
        ("person_lang", "en".into()),
        ("interpreter", "fr".into()),
        ("wheelchair", "on".into()),
        ("key", key),
    ];
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let booked = browser.post("/it/office/agenda/new?centre=lecce", &pairs).await;
    assert_eq!(booked.status, StatusCode::SEE_OTHER, "{}", booked.text());
    let location = booked.header("location").to_string();
    assert!(location.contains("mailed=1"), "{location}");
    let reference = location.split("booked=").nth(1).unwrap()[..11].to_string();
    let code = BookingRef::parse(&reference).unwrap();
    let booking = app.storage().booking(&code).await.unwrap().unwrap();
    assert_eq!(booking.booked_by, Some(user.id));
    assert_eq!(booking.person.lang, Lang::En);
    assert_eq!(booking.modality, Modality::Phone);
    assert!(booking.needs.wheelchair);
    let entries = app
        .storage()
        .audit_entries(&AuditFilter {
            action: Some("booking.create".into()),
            object_id: Some(reference.clone()),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].actor, user.email);
    let mails_to = |mails: &[sportello_storage::StoredMail]| {
        mails
            .iter()
            .filter(|m| m.mail.to.as_str() == "amina@example.org")
            .count()
    };
    let mail = app.storage().recent_mail(20).await.unwrap();
    assert_eq!(mails_to(&mail), 1, "the confirmation is queued");

    // The agenda of that day lists the booking with the person's needs.
    let agenda = browser.get(&location).await;
    assert_eq!(agenda.status, StatusCode::OK);
    let text = agenda.text();
    assert!(text.contains(&format!("Prenotato: codice {reference}")));
    assert!(text.contains("La conferma è stata inviata per e-mail"));
    assert!(text.contains("Amina Diallo"));
    assert!(text.contains("+393331234567"));
    assert!(text.contains("Accesso in sedia a rotelle"));
    assert!(text.contains("Interprete: "));

    // Cancelling asks first, then cancels and queues the e-mail.
    let path = format!("/it/office/agenda/{reference}");
    let confirm = browser.post(&path, &[("action", "cancel")]).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(confirm.body.contains("name=\"confirm\" value=\"yes\""));
    assert_eq!(
        app.storage().booking(&code).await.unwrap().unwrap().status,
        BookingStatus::Booked
    );
    let done = browser.post(&path, &[("action", "cancel"), ("confirm", "yes")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.storage().booking(&code).await.unwrap().unwrap().status,
        BookingStatus::Cancelled
    );
    assert_eq!(mails_to(&app.storage().recent_mail(20).await.unwrap()), 2);
    // A future booking cannot be marked attended.
    let future = stored_booking(&app, &service, working_morning(4), Utc::now()).await;
    let early = browser
        .post(
            &format!("/it/office/agenda/{}", future.reference),
            &[("action", "attended")],
        )
        .await;
    assert_eq!(early.status, StatusCode::CONFLICT);

    // A booking that has started: attended, once.
    let started_at = Utc::now() - Duration::minutes(20);
    let started = stored_booking(&app, &service, started_at, Utc::now() - Duration::days(2)).await;
    let day = rome_date(started_at);
    let agenda = browser.get(&format!("/it/office/agenda?centre=lecce&day={day}")).await;
    assert!(agenda.text().contains("Lingua dei segni italiana (LIS)"));
    assert!(
        agenda
            .body
            .contains(&format!("/it/office/agenda/{}", started.reference))
    );
    let path = format!("/it/office/agenda/{}", started.reference);
    let late_cancel = browser.post(&path, &[("action", "cancel"), ("confirm", "yes")]).await;
    assert_eq!(late_cancel.status, StatusCode::CONFLICT);
    let marked = browser.post(&path, &[("action", "attended")]).await;
    assert_eq!(marked.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.storage().booking(&started.reference).await.unwrap().unwrap().status,
        BookingStatus::Attended
    );
    let again = browser.post(&path, &[("action", "no_show")]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
}

async fn each_role_sees_and_changes_what_it_may(app: TestApp) {
    let service = service_of(&app, "lecce", ServiceKind::BasicGuidance).await;
    let booking = stored_booking(&app, &service, working_morning(3), Utc::now()).await;
    let edit = format!("/it/office/services/{}?centre=lecce", service.id.0);
    let fields = service_fields(service.version, "5", "Changed");
    let action = format!("/it/office/agenda/{}", booking.reference);

    // An operator of Tricase: nothing of Lecce.
    let (mut tricase, user) = operator(&app, "tricase").await;
    assert_eq!(
        tricase.get("/it/office/agenda?centre=tricase").await.status,
        StatusCode::OK
    );
    assert_eq!(
        tricase.get("/it/office/agenda?centre=lecce").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        tricase.get("/it/office/services?centre=lecce").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(tricase.get(&edit).await.status, StatusCode::FORBIDDEN);
    tricase.get("/it/office/services?centre=tricase").await;
    assert_eq!(
        tricase.post(&edit, &as_pairs(&fields)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        tricase
            .post(&action, &[("action", "cancel"), ("confirm", "yes")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        tricase.get("/it/office/agenda/new?centre=lecce").await.status,
        StatusCode::FORBIDDEN
    );
    let logged = denials(&app, &user.email).await;
    for expected in [
        "agenda.read",
        "service.read",
        "service.update",
        "booking.cancel",
        "booking.create",
    ] {
        assert!(logged.iter().any(|d| d.contains(expected)), "{expected} in {logged:?}");
    }

    // A coordinator of the area reads but changes nothing.
    let grant = Grant::new(Role::Coordinator, Scope::Area(app.centre("lecce").await.data.area.slug)).unwrap();
    let (mut coordinator, user) = signed_in(&app, "coord@example.org", grant).await;
    let agenda = coordinator
        .get(&format!(
            "/it/office/agenda?centre=lecce&day={}",
            rome_date(booking.start)
        ))
        .await;
    assert_eq!(agenda.status, StatusCode::OK);
    assert!(agenda.text().contains("Giulia Rizzo"));
    assert!(!agenda.body.contains("name=\"action\""), "no actions for a coordinator");
    assert_eq!(
        coordinator.get("/it/office/services?centre=lecce").await.status,
        StatusCode::OK
    );
    assert_eq!(coordinator.get(&edit).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        coordinator.post(&edit, &as_pairs(&fields)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        coordinator
            .post(&action, &[("action", "cancel"), ("confirm", "yes")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        coordinator
            .post("/it/office/services/rules?centre=lecce", &[("patron_days", "")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert!(denials(&app, &user.email).await.len() >= 4);

    // An administrator edits the catalogue but never sees bookings.
    let (mut admin, user) = signed_in(
        &app,
        "boss@example.org",
        Grant::new(Role::Admin, Scope::Installation).unwrap(),
    )
    .await;
    assert_eq!(
        admin.get("/it/office/agenda?centre=lecce").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(admin.get("/it/office/agenda").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        admin.get("/it/office/services?centre=lecce").await.status,
        StatusCode::OK
    );
    assert_eq!(admin.get(&edit).await.status, StatusCode::OK);
    assert!(
        denials(&app, &user.email)
            .await
            .iter()
            .any(|d| d.contains("agenda.read"))
    );

    let unchanged = app.storage().service(service.id).await.unwrap().unwrap();
    assert_eq!(unchanged.data.capacity, service.data.capacity);
    assert_eq!(
        app.storage().booking(&booking.reference).await.unwrap().unwrap().status,
        BookingStatus::Booked
    );
}

/// Bookings for Collocamento Mirato advice are health-related: only users
/// with the mirato grant see and handle them, and their reads are in the
/// audit log (the coordinator's view: `need_to_know.rs`).
async fn mirato_bookings_need_the_mirato_grant(app: TestApp) {
    let mirato_service = service_of(&app, "lecce", ServiceKind::MiratoAdvice).await;
    let ordinary_service = service_of(&app, "lecce", ServiceKind::Did).await;
    let morning = working_morning(3);
    let made_at = Utc::now();
    let mirato_booking = stored_booking(&app, &mirato_service, morning, made_at).await;
    let ordinary_booking = stored_booking(&app, &ordinary_service, morning, made_at).await;
    let day = rome_date(morning);
    let agenda = format!("/en/office/agenda?centre=lecce&day={day}");
    let lecce = app.centre("lecce").await;

    let (mut operator, _) = operator(&app, "lecce").await;
    let page = operator.get(&agenda).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(ordinary_booking.reference.as_str()));
    assert!(
        !page.body.contains(mirato_booking.reference.as_str()),
        "an ordinary operator does not see Collocamento Mirato bookings"
    );
    let cancel = operator
        .post(
            &format!("/en/office/agenda/{}", mirato_booking.reference),
            &[("action", "cancel"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(cancel.status, StatusCode::FORBIDDEN);
    let steps = operator
        .get(&format!(
            "/en/office/agenda/new?centre=lecce&service={}",
            mirato_service.id.0
        ))
        .await;
    assert_eq!(steps.status, StatusCode::FORBIDDEN);
    assert_eq!(denials(&app, "op-lecce@example.org").await.len(), 2);

    let grant = Grant::new(Role::Mirato, Scope::Centre(lecce.id)).unwrap();
    let (mut mirato, _) = signed_in(&app, "mirato-lecce@example.org", grant).await;
    let page = mirato.get(&agenda).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(mirato_booking.reference.as_str()));
    assert!(!page.body.contains(ordinary_booking.reference.as_str()));
    let reads = app
        .storage()
        .audit_entries(&AuditFilter {
            action: Some("booking.read".into()),
            actor: Some("mirato-lecce@example.org".into()),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(reads.len(), 1, "the read is logged");
    assert_eq!(
        reads[0].object_id,
        mirato_booking.reference.as_str(),
        "naming the booking"
    );
    let confirm = mirato
        .post(
            &format!("/en/office/agenda/{}", mirato_booking.reference),
            &[("action", "cancel")],
        )
        .await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(
        confirm.body.contains(&mirato_booking.person.name),
        "the confirmation names the person"
    );
    let reads = app
        .storage()
        .audit_entries(&AuditFilter {
            action: Some("booking.read".into()),
            actor: Some("mirato-lecce@example.org".into()),
            limit: 10,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(
        reads.len(),
        1,
        "the confirmation page's read within the hour coalesces with it"
    );
    let cancelled = mirato
        .post(
            &format!("/en/office/agenda/{}", mirato_booking.reference),
            &[("action", "cancel"), ("confirm", "yes")],
        )
        .await;
    assert_eq!(cancelled.status, StatusCode::SEE_OTHER, "{}", cancelled.body);
    let stored = app.storage().booking(&mirato_booking.reference).await.unwrap().unwrap();
    assert_eq!(stored.status, BookingStatus::Cancelled);
}

on_both_backends!(using crate::common::TestApp::new =>
    mirato_bookings_need_the_mirato_grant,
    an_operator_edits_a_service,
    rules_and_patron_days_are_saved,
    an_operator_books_by_phone_and_runs_the_day,
    each_role_sees_and_changes_what_it_may,
);
