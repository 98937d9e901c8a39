//! The append-only audit log (the database itself refuses to change or
//! delete its rows); its SQL is in `sql.rs`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Actor, AuditEntry, CentreId, NewAuditEntry};

use crate::StorageError;

tokio::task_local! {
    /// The id of the HTTP request being answered, set by the web layer
    /// around each request (see [`with_request_id`]).
    static REQUEST_ID: String;
}

/// Runs `work` (the answer to one HTTP request) with `id` as its request
/// id: every audit row it writes carries it, with no parameter to pass
/// down. Rows written outside (jobs, the command line) have none.
pub async fn with_request_id<F: std::future::Future>(id: String, work: F) -> F::Output {
    REQUEST_ID.scope(id, work).await
}

/// The request id of the task writing an audit row, if it answers one.
pub(crate) fn current_request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

/// Which audit rows to read, newest first.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Part of the actor's e-mail.
    pub actor: Option<String>,
    /// An action, or an action prefix ending in `.` (e.g. `offer.`).
    pub action: Option<String>,
    pub object_kind: Option<String>,
    pub object_id: Option<String>,
    pub centre: Option<CentreId>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub limit: u32,
    pub offset: u32,
}

/// The append-only audit log. Changes write their rows in their own
/// transactions; this is for what is logged on its own (sign-ins,
/// refusals) and for reading.
#[async_trait]
pub trait AuditLog: Send + Sync {
    /// Appends one row to the audit log.
    async fn audit(&self, actor: &Actor, entry: NewAuditEntry, now: DateTime<Utc>) -> Result<(), StorageError>;
    /// Logs reads of personal data, one row per object, except where the same
    /// user already read the same object with the same action since `since`
    /// (repeat reads coalesced). Answers how many rows were written.
    async fn audit_reads(
        &self,
        actor: &Actor,
        entries: &[NewAuditEntry],
        since: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Result<u64, StorageError>;
    /// Rows matching `filter`, newest first.
    async fn audit_entries(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StorageError>;
}
