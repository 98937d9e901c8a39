//! Personal data kept encrypted (GDPR art. 9 data and second-factor
//! secrets): which columns hold sealed values, how a store seals and opens
//! them with the data keys it was opened with
//! ([`sportello_auth::DataKeys`], from the key file, never from the
//! database), and [`SealedData`]: what `serve` checks before it starts and
//! what `sportello keys rotate` re-encrypts. The SQL is in `sql.rs`.

use std::collections::BTreeMap;

use async_trait::async_trait;
use sportello_auth::{DataKeys, data_keys};

use crate::StorageError;

/// A column of sealed values: table, key column, value column, and the
/// purpose the values are sealed for (the envelope's associated data).
#[derive(Debug, Clone, Copy)]
pub(crate) struct SealedColumn {
    pub table: &'static str,
    pub column: &'static str,
    pub purpose: &'static str,
}

/// Second-factor (TOTP) secrets.
pub(crate) const TOTP_SECRETS: SealedColumn = SealedColumn {
    table: "users",
    column: "totp_secret",
    purpose: "users.totp_secret",
};

/// Health-related needs given with a booking (JSON).
pub(crate) const BOOKING_NEEDS: SealedColumn = SealedColumn {
    table: "bookings",
    column: "needs_sealed",
    purpose: "bookings.needs",
};

/// Second-factor (TOTP) secrets of citizen accounts.
pub(crate) const PERSON_TOTP_SECRETS: SealedColumn = SealedColumn {
    table: "people",
    column: "totp_secret",
    purpose: "people.totp_secret",
};

/// The needs given with a registration to a group meeting (art. 9).
pub(crate) const REGISTRATION_NEEDS: SealedColumn = SealedColumn {
    table: "registrations",
    column: "needs_sealed",
    purpose: "registrations.needs",
};

/// Every column of sealed values, for counting and rotating.
pub(crate) const SEALED_COLUMNS: [SealedColumn; 4] =
    [TOTP_SECRETS, BOOKING_NEEDS, REGISTRATION_NEEDS, PERSON_TOTP_SECRETS];

/// `plaintext` sealed for `column` with the current data key; an error
/// when the store was opened without data keys.
pub(crate) fn seal(keys: Option<&DataKeys>, column: SealedColumn, plaintext: &str) -> Result<String, StorageError> {
    let keys = keys.ok_or(StorageError::NoDataKey)?;
    Ok(keys.seal(column.purpose, plaintext.as_bytes()))
}

/// The plaintext of a stored value of `column`: opened when sealed, as it
/// is when it was stored before encryption (`serve` seals those at start).
pub(crate) fn open(keys: Option<&DataKeys>, column: SealedColumn, stored: String) -> Result<String, StorageError> {
    if data_keys::key_id(&stored).is_none() {
        return Ok(stored);
    }
    let keys = keys.ok_or(StorageError::NoDataKey)?;
    keys.open_text(column.purpose, &stored)
        .map_err(|e| StorageError::DataKey(e.to_string()))
}

/// How the encrypted data of a database stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SealedCounts {
    /// Values sealed with each key id.
    pub by_key: BTreeMap<String, u64>,
    /// Values stored before encryption, waiting to be sealed.
    pub plaintext: u64,
}

impl SealedCounts {
    /// Sealed values, whatever their key.
    pub fn sealed(&self) -> u64 {
        self.by_key.values().sum()
    }

    /// Key ids the values use that `keys` lacks.
    pub fn missing_keys(&self, keys: &DataKeys) -> Vec<String> {
        self.by_key.keys().filter(|id| !keys.has(id)).cloned().collect()
    }

    /// Values not sealed with the current key of `keys`.
    pub fn stale(&self, keys: &DataKeys) -> u64 {
        self.sealed() - self.by_key.get(keys.current_id()).copied().unwrap_or(0)
    }
}

#[async_trait]
pub trait SealedData {
    /// Sealed values by key id, and values still in plaintext.
    async fn sealed_counts(&self) -> Result<SealedCounts, StorageError>;
    /// Seals, with the current key, every value stored before encryption;
    /// how many.
    async fn seal_plaintext(&self) -> Result<u64, StorageError>;
    /// Re-seals with the current key up to `limit` values sealed with
    /// another (or stored before encryption); how many it found (0 once
    /// none is left). A value changed meanwhile by someone else is left for
    /// the next call.
    async fn reseal(&self, limit: u32) -> Result<u64, StorageError>;
}
