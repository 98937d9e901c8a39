//! Personal data at rest, run unchanged against SQLite and PostgreSQL:
//! second-factor secrets and the needs given with a booking are found in
//! no encoding in the raw columns, equal values are stored differently,
//! values stored before encryption are sealed when asked, a rotation to a
//! new key leaves every value readable, and without keys nothing of it is
//! written.

use std::sync::Arc;

use chrono::Duration;
use sportello_auth::DataKeys;
use sportello_domain::vocab::{SpokenLanguage, Vocabulary};
use sportello_domain::{Actor, Booking, Needs, ServiceId, UserId};
use sportello_storage::{Booked, DatabaseUrl, Storage, StorageError};
use sportello_testkit::{Backend, TestDatabase};
use sportello_testkit::{on_both_backends, raw};

use crate::appointments::{booking, lecce_with_service, now, start};
use crate::backoffice::new_user;

/// The TOTP secret of the tests, base32, and its bytes.
const SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const OTHER_NEEDS: &str = "Vengo con il cane guida; sedia a rotelle";

fn needs() -> Needs {
    Needs {
        interpreter: SpokenLanguage::parse("ar"),
        wheelchair: true,
        sign_language: true,
        other: OTHER_NEEDS.into(),
    }
}

/// Everything the users and bookings tables hold where the sealed values are.
async fn raw_columns(url: &DatabaseUrl) -> Vec<String> {
    let mut all = raw::texts(url, "SELECT COALESCE(totp_secret, '') FROM users ORDER BY id", &[]).await;
    all.extend(
        raw::texts(
            url,
            "SELECT COALESCE(needs_sealed, '') || '|' || COALESCE(interpreter, '') || '|' || other_needs \
             FROM bookings ORDER BY id",
            &[],
        )
        .await,
    );
    all
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let bits: Vec<u8> = bytes
        .iter()
        .flat_map(|b| (0..8).rev().map(move |i| (b >> i) & 1))
        .collect();
    bits.chunks(5)
        .map(|c| {
            let v = c.iter().fold(0u8, |acc, b| (acc << 1) | b) << (5 - c.len());
            char::from(ALPHABET[usize::from(v)])
        })
        .collect()
}

/// Asserts that no raw column holds `value` raw, in hex or in base32 (of
/// its bytes), whatever the case.
fn assert_nowhere(raw: &[String], what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes).to_lowercase();
    let encodings = [text, hex(bytes), base32(bytes).to_lowercase()];
    for column in raw {
        let column = column.to_lowercase();
        for encoded in &encodings {
            assert!(
                !column.contains(encoded.as_str()),
                "{what} found as {encoded:?} in {column:?}"
            );
        }
    }
}

async fn new_booking(s: &dyn Storage, service: ServiceId, needs: Needs, minutes: i64) -> Booking {
    let mut new = booking(service, start() + Duration::minutes(minutes), "Amina Diallo");
    new.request.needs = needs;
    match s
        .book(
            &new,
            None,
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            now(),
        )
        .await
        .unwrap()
    {
        Booked::New(b) => b,
        other => panic!("a new booking, not {other:?}"),
    }
}

async fn user_with_secret(s: &dyn Storage, email: &str) -> UserId {
    let user = s
        .insert_user(&new_user(email, vec![]), &Actor::system(), now())
        .await
        .unwrap();
    s.set_totp(user.id, Some(SECRET), &[], &Actor::system(), now())
        .await
        .unwrap();
    user.id
}

async fn secrets_and_needs_are_sealed(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let svc = lecce_with_service(s, 5).await.1.id;
    let anna = user_with_secret(s, "anna@cpi.example").await;
    let luca = user_with_secret(s, "luca@cpi.example").await;
    let first = new_booking(s, svc, needs(), 0).await;
    let raw = raw_columns(&db.url).await;
    assert_nowhere(&raw, "the TOTP secret", SECRET.as_bytes());
    assert_nowhere(&raw, "the TOTP key", &base32_decode(SECRET));
    assert_nowhere(&raw, "the needs' text", OTHER_NEEDS.as_bytes());
    assert_nowhere(&raw, "the needs' words", "cane guida".as_bytes());
    assert!(raw.iter().all(|c| c.is_empty() || c.starts_with("sv1.k1.")), "{raw:?}");
    // Equal values, different ciphertexts.
    let secrets = raw::texts(&db.url, "SELECT totp_secret FROM users ORDER BY id", &[]).await;
    assert_eq!(secrets.len(), 2);
    assert_ne!(secrets[0], secrets[1], "two users with one secret");
    let second = new_booking(s, svc, needs(), 30).await;
    let sealed = raw::texts(&db.url, "SELECT needs_sealed FROM bookings ORDER BY id", &[]).await;
    assert_ne!(sealed[0], sealed[1], "two bookings with the same needs");
    // The store reads them back.
    for id in [anna, luca] {
        let credentials = s.credentials_by_id(id).await.unwrap().unwrap();
        assert_eq!(credentials.totp_secret.as_deref(), Some(SECRET));
    }
    for b in [&first, &second] {
        assert_eq!(s.booking(&b.reference).await.unwrap().unwrap().needs, needs());
    }
    // A booking without needs stores nothing to seal.
    let plain = new_booking(s, svc, Needs::default(), 60).await;
    assert_eq!(
        s.booking(&plain.reference).await.unwrap().unwrap().needs,
        Needs::default()
    );
    assert_eq!(s.sealed_counts().await.unwrap().sealed(), 4);
}

/// The bytes of base32 `text` (the TOTP key the authenticator app holds).
fn base32_decode(text: &str) -> Vec<u8> {
    let bits: Vec<u8> = text
        .bytes()
        .flat_map(|c| {
            let v = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
                .iter()
                .position(|&a| a == c)
                .unwrap() as u8;
            (0..5).rev().map(move |i| (v >> i) & 1)
        })
        .collect();
    bits.chunks_exact(8)
        .map(|c| c.iter().fold(0u8, |acc, b| (acc << 1) | b))
        .collect()
}

async fn rotation_keeps_every_value_readable(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let svc = lecce_with_service(s, 5).await.1.id;
    let mut users = Vec::new();
    for i in 0..3 {
        users.push(user_with_secret(s, &format!("op{i}@cpi.example")).await);
    }
    let mut bookings = Vec::new();
    for i in 0..4 {
        bookings.push(new_booking(s, svc, needs(), i * 30).await);
    }
    // The tests' key file with a new key added: the new one encrypts.
    let (file, id) = DataKeys::add_key(sportello_testkit::DATA_KEY_FILE).unwrap();
    assert_eq!(id, "k2");
    let rotated = sportello_storage::open_with_keys(&db.url, Some(Arc::new(DataKeys::parse(&file).unwrap())))
        .await
        .unwrap();
    let mut done = 0;
    loop {
        let batch = rotated.reseal(3).await.unwrap();
        assert!(batch <= 3, "a batch holds at most its limit");
        if batch == 0 {
            break;
        }
        done += batch;
    }
    assert_eq!(done, 7);
    let counts = rotated.sealed_counts().await.unwrap();
    assert_eq!(counts.by_key.get("k2"), Some(&7));
    assert_eq!(counts.sealed(), 7);
    // Only the new key is needed now.
    let only_new = file
        .lines()
        .filter(|l| l.starts_with("k2 "))
        .collect::<Vec<_>>()
        .join("\n");
    let s = sportello_storage::open_with_keys(&db.url, Some(Arc::new(DataKeys::parse(&only_new).unwrap())))
        .await
        .unwrap();
    for id in users {
        assert_eq!(
            s.credentials_by_id(id).await.unwrap().unwrap().totp_secret.as_deref(),
            Some(SECRET)
        );
    }
    for b in &bookings {
        assert_eq!(s.booking(&b.reference).await.unwrap().unwrap().needs, needs());
    }
    // The old key alone opens nothing any more.
    assert!(matches!(
        db.storage.booking(&bookings[0].reference).await,
        Err(StorageError::DataKey(_))
    ));
}

async fn plaintext_from_before_is_sealed(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let s = db.storage.as_ref();
    let user = s
        .insert_user(&new_user("old@cpi.example", vec![]), &Actor::system(), now())
        .await
        .unwrap();
    let svc = lecce_with_service(s, 5).await.1.id;
    let old = new_booking(s, svc, Needs::default(), 0).await;
    // As an installation before encryption left them.
    raw::execute(
        &db.url,
        &format!("UPDATE users SET totp_secret = '{SECRET}' WHERE id = {}", user.id.0),
    )
    .await;
    raw::execute(
        &db.url,
        &format!(
            "UPDATE bookings SET interpreter = 'ar', wheelchair = TRUE, sign_language = TRUE, \
             other_needs = '{OTHER_NEEDS}' WHERE id = {}",
            old.id.0
        ),
    )
    .await;
    let counts = s.sealed_counts().await.unwrap();
    assert_eq!((counts.plaintext, counts.sealed()), (2, 0));
    // Still readable before it is sealed.
    assert_eq!(s.booking(&old.reference).await.unwrap().unwrap().needs, needs());
    assert_eq!(s.seal_plaintext().await.unwrap(), 2);
    assert_eq!(s.seal_plaintext().await.unwrap(), 0, "once");
    let counts = s.sealed_counts().await.unwrap();
    assert_eq!((counts.plaintext, counts.by_key.get("k1").copied()), (0, Some(2)));
    let raw = raw_columns(&db.url).await;
    assert_nowhere(&raw, "the TOTP secret", SECRET.as_bytes());
    assert_nowhere(&raw, "the needs' text", OTHER_NEEDS.as_bytes());
    let wheelchair = raw::texts(&db.url, "SELECT CAST(wheelchair AS TEXT) FROM bookings", &[]).await;
    assert!(wheelchair.iter().all(|w| w == "0" || w == "false"), "{wheelchair:?}");
    assert_eq!(s.booking(&old.reference).await.unwrap().unwrap().needs, needs());
    let credentials = s.credentials_by_id(user.id).await.unwrap().unwrap();
    assert_eq!(credentials.totp_secret.as_deref(), Some(SECRET));
}

async fn without_keys_nothing_is_written(backend: Backend) {
    let db = TestDatabase::new(backend).await;
    let keyless = sportello_storage::open(&db.url).await.unwrap();
    let s = keyless.as_ref();
    let user = s
        .insert_user(&new_user("anna@cpi.example", vec![]), &Actor::system(), now())
        .await
        .unwrap();
    assert!(matches!(
        s.set_totp(user.id, Some(SECRET), &[], &Actor::system(), now()).await,
        Err(StorageError::NoDataKey)
    ));
    assert!(
        !s.user(user.id).await.unwrap().unwrap().totp_enabled,
        "nothing half-written"
    );
    let (_, svc) = lecce_with_service(s, 5).await;
    let mut with_needs = booking(svc.id, start(), "Amina Diallo");
    with_needs.request.needs = needs();
    assert!(matches!(
        s.book(
            &with_needs,
            None,
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            now()
        )
        .await,
        Err(StorageError::NoDataKey)
    ));
    assert_eq!(raw::texts(&db.url, "SELECT name FROM bookings", &[]).await.len(), 0);
    // Without needs, booking goes on.
    let mut plain = booking(svc.id, start(), "Amina Diallo");
    plain.request.needs = Needs::default();
    assert!(
        s.book(
            &plain,
            None,
            &sportello_domain::Notification::NONE,
            &Actor::system(),
            now()
        )
        .await
        .is_ok()
    );
    // A keyed store's sealed values cannot be opened without keys.
    db.storage
        .set_totp(user.id, Some(SECRET), &[], &Actor::system(), now())
        .await
        .unwrap();
    assert!(matches!(
        s.credentials_by_id(user.id).await,
        Err(StorageError::NoDataKey)
    ));
    assert_eq!(s.sealed_counts().await.unwrap().sealed(), 1);
}

on_both_backends!(
    secrets_and_needs_are_sealed,
    rotation_keeps_every_value_readable,
    plaintext_from_before_is_sealed,
    without_keys_nothing_is_written,
);
