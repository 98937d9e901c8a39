//! What every feature's row decoding shares, for both backends (compiled
//! once per backend, like every feature's SQL: see `crate::sqlite`). A value
//! the domain does not know is reported, not guessed.

use chrono::NaiveTime;
use sportello_domain::vocab::Vocabulary;
use sqlx::{Database, Row};

use super::Db;
use crate::StorageError;

pub(super) type DbRow = <Db as Database>::Row;

pub(super) fn invalid(column: &str, value: &str) -> StorageError {
    StorageError::Invalid(format!("unexpected {column} {value:?} in the database"))
}

pub(super) fn vocab<V: Vocabulary>(row: &DbRow, column: &str) -> Result<V, StorageError> {
    let code: String = row.try_get(column)?;
    V::parse(&code).ok_or_else(|| invalid(column, &code))
}

pub(super) fn time(value: &str) -> Result<NaiveTime, StorageError> {
    NaiveTime::parse_from_str(value, "%H:%M").map_err(|_| invalid("time", value))
}
