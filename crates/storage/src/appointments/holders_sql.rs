//! One future booking per person and service, for people booking without an
//! account: the booked appointment still to come of a service that has the
//! same e-mail, phone or codice fiscale as a new request. Concurrent
//! requests with one of those details wait for each other (an advisory lock
//! per detail on PostgreSQL, taken in order; SQLite's writes are one at a
//! time already), so two of them cannot both book.

use chrono::{DateTime, Utc};
use sportello_domain::{Person, ServiceId};
use sqlx::Row;

use super::Store;
use super::Tx;
use crate::StorageError;

/// The details that name the person, each with the service.
fn lock_keys(service: ServiceId, person: &Person) -> Vec<String> {
    let mut keys: Vec<String> = [
        person.email.as_ref().map(|e| format!("email:{}", e.as_str())),
        person.phone.as_ref().map(|p| format!("phone:{}", p.as_str())),
        person.codice_fiscale.as_ref().map(|c| format!("cf:{}", c.as_str())),
    ]
    .into_iter()
    .flatten()
    .map(|detail| format!("booking-holder:{}:{detail}", service.0))
    .collect();
    // Always in the same order: two requests sharing two details cannot
    // each hold the lock the other waits for.
    keys.sort();
    keys
}

/// Waits until no other transaction is booking `service` for one of the
/// person's details, until the end of this transaction.
pub(super) async fn lock_holder(tx: &mut Tx, service: ServiceId, person: &Person) -> Result<(), StorageError> {
    if Store::BACKEND != "postgres" {
        return Ok(());
    }
    for key in lock_keys(service, person) {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind(key)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// The id of the person's booked appointment of `service` still to come
/// (the first, should there be several), if any.
pub(super) async fn held_booking(
    tx: &mut Tx,
    service: ServiceId,
    person: &Person,
    now: DateTime<Utc>,
) -> Result<Option<i64>, StorageError> {
    if person.email.is_none() && person.phone.is_none() && person.codice_fiscale.is_none() {
        return Ok(None);
    }
    let row = sqlx::query(
        "SELECT id FROM bookings WHERE service_id = $1 AND status = 'booked' AND starts_at > $2 \
         AND (email = $3 OR phone = $4 OR codice_fiscale = $5) ORDER BY starts_at LIMIT 1",
    )
    .bind(service.0)
    .bind(now)
    .bind(person.email.as_ref().map(|e| e.as_str().to_string()))
    .bind(person.phone.as_ref().map(|p| p.as_str().to_string()))
    .bind(person.codice_fiscale.as_ref().map(|c| c.as_str().to_string()))
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(|r| r.try_get("id")).transpose()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportello_domain::{CodiceFiscale, Email, Lang, Phone};

    #[test]
    fn lock_keys_are_sorted_and_name_the_service() {
        let person = Person {
            name: "Amina Diallo".into(),
            email: Some(Email::parse("amina@example.org").unwrap()),
            phone: Some(Phone::parse("+39 333 1234567").unwrap()),
            codice_fiscale: Some(CodiceFiscale::parse("RSSMRA85T10A562S").unwrap()),
            lang: Lang::En,
            sms: false,
        };
        let keys = lock_keys(ServiceId(7), &person);
        assert_eq!(keys.len(), 3);
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        assert!(keys.iter().all(|k| k.starts_with("booking-holder:7:")));
    }
}
