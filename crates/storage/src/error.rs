//! The one error type of the storage layer.

use sportello_domain::PublishError;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("not a database address: {0:?} (use sqlite://PATH, a file path or postgres://…)")]
    BadUrl(String),
    #[error("not found")]
    NotFound,
    /// A uniqueness or foreign-key constraint refused the change.
    #[error("conflict with existing data ({0})")]
    Conflict(String),
    /// A check constraint or a domain rule refused the change.
    #[error("invalid data: {0}")]
    Invalid(String),
    /// The record changed since it was read (someone else saved first).
    #[error("changed by someone else in the meantime")]
    Stale,
    /// No place left in the slot asked for.
    #[error("no place left in this slot")]
    Full,
    /// An idempotency key came back with a different request.
    #[error("this idempotency key was used with a different request")]
    KeyReused,
    #[error(transparent)]
    Publish(#[from] PublishError),
    /// Personal data must be encrypted and the store has no data keys
    /// (`--data-key-file`).
    #[error("no data key file is configured, so personal data cannot be encrypted or read")]
    NoDataKey,
    /// A sealed value could not be opened (key missing from the file, or
    /// the value altered).
    #[error("encrypted data cannot be read: {0}")]
    DataKey(String),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Database(sqlx::Error),
}

impl From<sqlx::Error> for StorageError {
    fn from(e: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &e {
            let constraint = db.constraint().unwrap_or_default().to_string();
            let detail = if constraint.is_empty() {
                db.message().to_string()
            } else {
                constraint
            };
            match db.kind() {
                sqlx::error::ErrorKind::UniqueViolation | sqlx::error::ErrorKind::ForeignKeyViolation => {
                    return StorageError::Conflict(detail);
                }
                sqlx::error::ErrorKind::CheckViolation | sqlx::error::ErrorKind::NotNullViolation => {
                    return StorageError::Invalid(detail);
                }
                _ => {}
            }
        }
        StorageError::Database(e)
    }
}
