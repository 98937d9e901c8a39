//! [`Events`]' reminders for both backends, written once (see
//! `crate::sqlite`): the confirmed registrations whose session comes within
//! a reminder's delay, and the record of each reminder with its messages in
//! one transaction, so that no reminder goes twice whichever node runs first.

use chrono::{DateTime, Utc};
use sportello_domain::{Notification, Registration, RegistrationStatus};
use sqlx::AssertSqlSafe;

use super::Store;
use super::bookings::record_once;
use super::registrations::{REGISTRATION_SELECT, registration_from_row};
use crate::StorageError;

impl Store {
    pub(super) async fn due_reminders_of_registrations(
        &self,
        minutes_before: u32,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Registration>, StorageError> {
        let horizon = now + chrono::Duration::minutes(i64::from(minutes_before));
        // A reminder closer to the start (sent or skipped) makes this one moot.
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{REGISTRATION_SELECT} WHERE r.status = 'confirmed' AND s.status = 'scheduled' \
             AND (r.email IS NOT NULL OR r.sms) AND s.starts_at > $1 AND s.starts_at <= $2 \
             AND NOT EXISTS (SELECT 1 FROM registration_reminders m WHERE m.registration_id = r.id \
             AND m.minutes_before <= $3) ORDER BY s.starts_at, r.id LIMIT $4"
        )))
        .bind(now)
        .bind(horizon)
        .bind(minutes_before as i32)
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| registration_from_row(r, self.data_keys()))
            .collect()
    }

    pub(super) async fn record_reminder_of_registration(
        &self,
        registration: &Registration,
        minutes_before: u32,
        notice: &Notification,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError> {
        let mut tx = self.begin_write().await?;
        // Still confirmed (not cancelled since it was read)?
        let lock = if Store::BACKEND == "postgres" { " FOR SHARE" } else { "" };
        let confirmed = sqlx::query(AssertSqlSafe(format!(
            "SELECT id FROM registrations WHERE id = $1 AND status = $2{lock}"
        )))
        .bind(registration.id)
        .bind(RegistrationStatus::Confirmed.code())
        .fetch_optional(&mut *tx)
        .await?
        .is_some();
        if !confirmed {
            return Ok(false);
        }
        let recorded = record_once(
            &mut tx,
            ("registration_reminders", "registration_id"),
            registration.id,
            minutes_before,
            notice,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(recorded)
    }
}
