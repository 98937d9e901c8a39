//! The back office's storage, run unchanged against SQLite and PostgreSQL:
//! users and grants, sessions, second-factor replay, API tokens,
//! the append-only audit log, and the offer lifecycle with its history.

use chrono::{Duration, Utc};
use sportello_domain::{
    Actor, CentreId, EmployerContact, Grant, Lang, NewAuditEntry, OfferStatus, PartitaIva, RequestStatus, Role, Scope,
    Section, TextStatus, UserId,
};
use sportello_storage::{AuditFilter, DatabaseUrl, NewUser, OfficeFilter, SessionStage, Storage, StorageError};
use sportello_testkit::builders::{centre, offer, text, today};
use sportello_testkit::on_both_backends;
use sportello_testkit::{Backend, TestDatabase};

pub(crate) fn new_user(email: &str, grants: Vec<Grant>) -> NewUser {
    NewUser {
        email: email.into(),
        name: "Anna Rossi".into(),
        lang: Lang::It,
        password_hash: "$argon2id$placeholder".into(),
        must_change_password: false,
        grants,
    }
}

fn operator_of(centre: CentreId) -> Grant {
    Grant::new(Role::Operator, Scope::Centre(centre)).unwrap()
}

async fn users_and_grants(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let now = Utc::now();
    let lecce = s.insert_centre(&centre("lecce", "LE")).await.unwrap();
    assert_eq!(s.count_users().await.unwrap(), 0);
    let admin = s
        .insert_user(
            &new_user(
                "admin@cpi.example",
                vec![Grant::new(Role::Admin, Scope::Installation).unwrap()],
            ),
            &Actor::system(),
            now,
        )
        .await
        .unwrap();
    assert!(admin.is_admin());
    let by_admin = Actor::user(&admin, "10.0.0.1");
    let anna = s
        .insert_user(
            &new_user("anna@cpi.example", vec![operator_of(lecce.id)]),
            &by_admin,
            now,
        )
        .await
        .unwrap();
    assert!(matches!(
        s.insert_user(&new_user("anna@cpi.example", vec![]), &by_admin, now)
            .await,
        Err(StorageError::Conflict(_))
    ));
    let found = s.credentials(" Anna@CPI.example ").await.unwrap().unwrap();
    assert_eq!(found.user.id, anna.id);
    assert_eq!(found.password_hash, "$argon2id$placeholder");
    assert!(!format!("{found:?}").contains("argon2"), "Debug hides the hash");

    let both = vec![
        operator_of(lecce.id),
        Grant::new(Role::Mirato, Scope::Centre(lecce.id)).unwrap(),
        operator_of(lecce.id),
    ];
    let anna = s.set_grants(anna.id, &both, &by_admin, now).await.unwrap();
    assert_eq!(anna.grants.len(), 2, "duplicates are dropped");

    // Sessions, and deactivation ending them.
    s.create_session("h1", anna.id, SessionStage::Full, "10.0.0.2", now)
        .await
        .unwrap();
    s.create_session("h2", anna.id, SessionStage::SecondFactor, "10.0.0.2", now)
        .await
        .unwrap();
    assert_eq!(s.session("h1").await.unwrap().unwrap().stage, SessionStage::Full);
    s.set_password(
        anna.id,
        "$argon2id$new",
        false,
        Some("h1"),
        &Actor::user(&anna, ""),
        now,
    )
    .await
    .unwrap();
    assert!(s.session("h1").await.unwrap().is_some(), "the changing session stays");
    assert!(s.session("h2").await.unwrap().is_none(), "other sessions end");
    let anna = s
        .update_user(anna.id, "Anna Bianchi", Lang::En, false, &by_admin, now)
        .await
        .unwrap();
    assert!(!anna.active && anna.lang == Lang::En);
    assert!(s.session("h1").await.unwrap().is_none());

    // Old sessions are purged.
    s.create_session("old", admin.id, SessionStage::Full, "", now - Duration::hours(1))
        .await
        .unwrap();
    s.create_session("new", admin.id, SessionStage::Full, "", now)
        .await
        .unwrap();
    let purged = s
        .purge_sessions(now - Duration::minutes(30), now - Duration::hours(12))
        .await
        .unwrap();
    assert_eq!(purged, 1);
    assert!(s.session("new").await.unwrap().is_some());

    // The audit log tells who did what, newest first, naming the user by id.
    let log = s
        .audit_entries(&AuditFilter {
            object_id: Some(anna.id.0.to_string()),
            limit: 50,
            ..AuditFilter::default()
        })
        .await
        .unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        ["user.deactivate", "user.password_change", "grant.update", "user.create"]
    );
    assert_eq!(log[3].actor, "admin@cpi.example");
    assert_eq!(log[3].address, "10.0.0.1");
    let grant_change: serde_json::Value = serde_json::from_str(&log[2].details).unwrap();
    assert_eq!(grant_change["grants"][1].as_array().unwrap().len(), 2);
    for entry in &log {
        assert!(
            !entry.details.contains("Anna") && !entry.details.contains('@'),
            "{}",
            entry.details
        );
    }
}

async fn second_factor_and_tokens(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let now = Utc::now();
    let user = s
        .insert_user(&new_user("luca@cpi.example", vec![]), &Actor::system(), now)
        .await
        .unwrap();
    s.set_totp(
        user.id,
        Some("JBSWY3DPEHPK3PXP"),
        &["c1".into(), "c2".into()],
        &Actor::system(),
        now,
    )
    .await
    .unwrap();
    assert!(s.user(user.id).await.unwrap().unwrap().totp_enabled);
    assert!(s.use_totp_step(user.id, 100).await.unwrap());
    assert!(!s.use_totp_step(user.id, 100).await.unwrap(), "no replay");
    assert!(!s.use_totp_step(user.id, 99).await.unwrap(), "nor an older code");
    assert!(s.use_totp_step(user.id, 101).await.unwrap());
    assert_eq!(s.unused_recovery_codes(user.id).await.unwrap(), 2);
    assert!(s.use_recovery_code(user.id, "c1", now).await.unwrap());
    assert!(!s.use_recovery_code(user.id, "c1", now).await.unwrap(), "one use only");
    assert!(!s.use_recovery_code(user.id, "zz", now).await.unwrap());
    assert_eq!(s.unused_recovery_codes(user.id).await.unwrap(), 1);

    let token = s
        .insert_api_token(
            user.id,
            "import script",
            "tokenhash",
            now + Duration::days(90),
            &Actor::system(),
            now,
        )
        .await
        .unwrap();
    assert_eq!(
        s.user_by_api_token("tokenhash", now).await.unwrap().unwrap().id,
        user.id
    );
    assert!(s.api_tokens(user.id).await.unwrap()[0].last_used_at.is_some());
    assert!(s.user_by_api_token("other", now).await.unwrap().is_none());
    assert!(matches!(
        s.revoke_api_token(UserId(user.id.0 + 1), token.id, &Actor::system(), now)
            .await,
        Err(StorageError::NotFound)
    ));
    s.revoke_api_token(user.id, token.id, &Actor::system(), now)
        .await
        .unwrap();
    assert!(s.user_by_api_token("tokenhash", now).await.unwrap().is_none());

    // One key, many nodes: the installation key is made once.
    let first = s.installation_key(&|| "first".to_string()).await.unwrap();
    let second = s.installation_key(&|| "second".to_string()).await.unwrap();
    assert_eq!((first.as_str(), second.as_str()), ("first", "first"));
}

/// The database itself refuses to change or remove audit rows.
async fn audit_log_is_append_only(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    db.storage
        .audit(
            &Actor::anonymous("192.0.2.1"),
            NewAuditEntry::new("sign_in_failed", "user", "x@y.it"),
            Utc::now(),
        )
        .await
        .unwrap();
    let statements = ["UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"];
    for sql in statements {
        let refused = match &db.url {
            DatabaseUrl::Sqlite(path) => {
                let pool = sqlx::SqlitePool::connect(&format!("sqlite://{path}")).await.unwrap();
                sqlx::query(sql).execute(&pool).await.map(|_| ())
            }
            DatabaseUrl::Postgres(url) => {
                let pool = sqlx::PgPool::connect(url).await.unwrap();
                sqlx::query(sql).execute(&pool).await.map(|_| ())
            }
        };
        let message = refused.expect_err(sql).to_string();
        assert!(message.contains("append-only"), "{sql}: {message}");
    }
    if let DatabaseUrl::Postgres(url) = &db.url {
        let pool = sqlx::PgPool::connect(url).await.unwrap();
        assert!(sqlx::query("TRUNCATE audit_log").execute(&pool).await.is_err());
    }
    assert_eq!(
        db.storage
            .audit_entries(&AuditFilter {
                limit: 10,
                ..AuditFilter::default()
            })
            .await
            .unwrap()
            .len(),
        1
    );
}

async fn offer_lifecycle(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s: &dyn Storage = db.storage.as_ref();
    let now = Utc::now();
    let lecce = s.insert_centre(&centre("lecce", "LE")).await.unwrap();
    let tricase = s.insert_centre(&centre("tricase", "TR")).await.unwrap();
    let anna = s
        .insert_user(
            &new_user("anna@cpi.example", vec![operator_of(lecce.id)]),
            &Actor::system(),
            now,
        )
        .await
        .unwrap();
    let by_anna = Actor::user(&anna, "10.0.0.2");
    let draft = offer(
        lecce.id,
        "5131",
        vec![text(Lang::It, TextStatus::Original, "Cameriere")],
    );
    let created = s.insert_offer(&draft, &by_anna, now).await.unwrap();
    let mut other = offer(tricase.id, "5131", vec![text(Lang::It, TextStatus::Original, "Cuoco")]);
    other.section = Section::Ordinary;
    s.insert_offer(&other, &Actor::system(), now).await.unwrap();

    // Lists show only the allowed centres and sections.
    let only_lecce = OfficeFilter {
        allowed: vec![(lecce.id, Section::Ordinary), (lecce.id, Section::Eures)],
        limit: 50,
        ..OfficeFilter::default()
    };
    let page = s.office_offers(&only_lecce).await.unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].reference, created.reference);
    assert_eq!(s.office_offers(&OfficeFilter::default()).await.unwrap().total, 0);
    let by_text = OfficeFilter {
        text: Some("camer".into()),
        ..only_lecce.clone()
    };
    assert_eq!(s.office_offers(&by_text).await.unwrap().total, 1);

    // Edits need the version that was read.
    let mut edited = created.data.clone();
    edited.openings = 5;
    let updated = s
        .update_offer(&created.reference, created.version, &edited, &by_anna, now)
        .await
        .unwrap();
    assert_eq!(updated.data.openings, 5);
    assert!(updated.version > created.version);
    assert!(matches!(
        s.update_offer(&created.reference, created.version, &edited, &by_anna, now)
            .await,
        Err(StorageError::Stale)
    ));

    // Publish, translate, review.
    s.publish_offer(&created.reference, today(), &by_anna, now)
        .await
        .unwrap();
    // Published since a day (the ready-to-paste posts): drafts never count.
    let since = |day| OfficeFilter {
        published_since: Some(day),
        ..only_lecce.clone()
    };
    assert_eq!(s.office_offers(&since(today())).await.unwrap().total, 1);
    assert_eq!(
        s.office_offers(&since(today() + Duration::days(1)))
            .await
            .unwrap()
            .total,
        0
    );
    let queue = s
        .translation_queue(&only_lecce.allowed, Some(Lang::En), today(), 10)
        .await
        .unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].missing, vec![Lang::En]);
    let mut english = text(Lang::En, TextStatus::Draft, "Waiter");
    english.machine = true;
    s.set_offer_text(&created.reference, &english, &by_anna, now)
        .await
        .unwrap();
    assert_eq!(
        s.translation_queue(&only_lecce.allowed, Some(Lang::En), today(), 10)
            .await
            .unwrap()
            .len(),
        1,
        "a draft is not public yet"
    );
    english.status = TextStatus::Reviewed;
    let reviewed = s
        .set_offer_text(&created.reference, &english, &by_anna, now)
        .await
        .unwrap();
    assert_eq!(reviewed.data.public_text(Lang::En).unwrap().title, "Waiter");
    assert!(
        s.translation_queue(&only_lecce.allowed, Some(Lang::En), today(), 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(matches!(
        s.set_offer_text(
            &created.reference,
            &text(Lang::It, TextStatus::Draft, "x"),
            &by_anna,
            now
        )
        .await,
        Err(StorageError::Invalid(_))
    ));

    // Expiring soon, extension, the expiry job, and nothing twice.
    let soon = OfficeFilter {
        expiring_by: Some(reviewed.data.valid_through),
        ..only_lecce.clone()
    };
    assert_eq!(s.office_offers(&soon).await.unwrap().total, 1);
    let later = reviewed.data.valid_through + Duration::days(10);
    let extended = s
        .extend_offer(&created.reference, later, today(), &by_anna, now)
        .await
        .unwrap();
    assert_eq!(extended.data.valid_through, later);
    assert!(matches!(
        s.extend_offer(&created.reference, later, today(), &by_anna, now).await,
        Err(StorageError::Invalid(_))
    ));
    let after = later + Duration::days(1);
    assert_eq!(
        s.expire_offers(after, now).await.unwrap(),
        vec![created.reference.clone()]
    );
    assert!(s.expire_offers(after, now).await.unwrap().is_empty());
    let expired = s.offer(&created.reference).await.unwrap().unwrap();
    assert_eq!(expired.status, OfferStatus::Expired);
    assert!(matches!(
        s.update_offer(&created.reference, expired.version, &edited, &by_anna, now)
            .await,
        Err(StorageError::Invalid(_))
    ));

    // The history tells who did what to the offer, in order.
    let history = s.offer_history(&created.reference).await.unwrap();
    let actions: Vec<&str> = history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "offer.create",
            "offer.update",
            "offer.publish",
            "offer.translation",
            "offer.translation_review",
            "offer.extend",
            "offer.expire"
        ]
    );
    assert_eq!(history[1].actor, "anna@cpi.example");
    assert_eq!(history[6].actor, "system");
    let changes: serde_json::Value = serde_json::from_str(&history[1].details).unwrap();
    assert_eq!(changes["openings"], serde_json::json!(["3", "5"]));
    assert_eq!(history[1].centre, Some(lecce.id));
}

async fn employer_requests(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s: &dyn Storage = db.storage.as_ref();
    let now = Utc::now();
    let lecce = s.insert_centre(&centre("lecce", "LE")).await.unwrap();
    let contact = EmployerContact {
        company: "Frantoio Salentino srl".into(),
        vat_number: PartitaIva::parse("00743110157").unwrap(),
        contact_name: "Maria Verdi".into(),
        email: "hr@frantoio.example".into(),
        phone: "+39 0832 000000".into(),
        lang: Lang::En,
    };
    let mut vacancy = offer(
        lecce.id,
        "7512",
        vec![text(Lang::It, TextStatus::Original, "Frantoiano")],
    );
    vacancy.section = Section::MiratoArt1;
    let request = s
        .insert_employer_request(&vacancy, &contact, &Actor::anonymous("192.0.2.7"), now)
        .await
        .unwrap();
    assert_eq!(request.status, RequestStatus::Received);
    assert_eq!(request.contact, contact);
    let draft = s.offer(&request.reference).await.unwrap().unwrap();
    assert_eq!(draft.status, OfferStatus::Draft);
    let mirato_only = [(lecce.id, Section::MiratoArt1)];
    assert_eq!(s.employer_requests(&mirato_only, None, 10).await.unwrap().len(), 1);
    assert!(
        s.employer_requests(&[(lecce.id, Section::Ordinary)], None, 10)
            .await
            .unwrap()
            .is_empty()
    );

    // Publishing the offer tells the request; a second request is declined.
    s.publish_offer(&request.reference, today(), &Actor::system(), now)
        .await
        .unwrap();
    let published = s.employer_request(request.id).await.unwrap().unwrap();
    assert_eq!(published.status, RequestStatus::Published);
    assert!(matches!(
        s.decline_employer_request(request.id, "no", &Actor::system(), now)
            .await,
        Err(StorageError::Invalid(_))
    ));
    let second = s
        .insert_employer_request(&vacancy, &contact, &Actor::anonymous(""), now)
        .await
        .unwrap();
    let declined = s
        .decline_employer_request(second.id, "Offerta incompleta", &Actor::system(), now)
        .await
        .unwrap();
    assert_eq!((declined.status, declined.offer), (RequestStatus::Declined, None));
    assert!(s.offer(&second.reference).await.unwrap().is_none(), "the draft is gone");
    assert_eq!(
        s.employer_request_for(&second.reference).await.unwrap().unwrap().reason,
        "Offerta incompleta"
    );
    let history: Vec<String> = s
        .offer_history(&second.reference)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(history, ["request.receive", "request.decline"]);
}

on_both_backends!(
    users_and_grants,
    second_factor_and_tokens,
    audit_log_is_append_only,
    offer_lifecycle,
    employer_requests,
);
