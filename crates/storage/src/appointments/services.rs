//! What the database keeps of each centre's services catalogue: the
//! services (kind, duration, modalities, capacity, booking window, texts in
//! four languages), the access rules shown before and after booking, and the
//! patron-saint days on which the centre is closed.

use std::collections::BTreeMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::appointments::holidays::PatronDay;
use sportello_domain::{
    Actor, CentreId, Lang, NewPartClosure, NewService, PartClosure, PartClosureId, Service, ServiceId,
};

use crate::StorageError;

#[async_trait]
pub trait Services: Send + Sync {
    /// Every service of a centre, active or not, in catalogue order.
    async fn services(&self, centre: CentreId) -> Result<Vec<Service>, StorageError>;
    async fn service(&self, id: ServiceId) -> Result<Option<Service>, StorageError>;
    /// Adds a service; a centre has at most one of each kind.
    async fn insert_service(
        &self,
        service: &NewService,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Service, StorageError>;
    /// Saves a service read at `version` ([`StorageError::Stale`] otherwise, or
    /// when `service` names another kind: a service keeps its kind, because
    /// who may see its bookings depends on it).
    /// A new capacity applies to future slots too; it cannot drop below the
    /// places already booked in any of them.
    async fn update_service(
        &self,
        id: ServiceId,
        version: i64,
        service: &NewService,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Service, StorageError>;

    /// A centre's access rules by language (Markdown).
    async fn access_rules(&self, centre: CentreId) -> Result<BTreeMap<Lang, String>, StorageError>;
    /// Replaces a centre's access rules; an empty text removes a language.
    async fn set_access_rules(
        &self,
        centre: CentreId,
        rules: &BTreeMap<Lang, String>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
    async fn patron_days(&self, centre: CentreId) -> Result<Vec<PatronDay>, StorageError>;
    async fn set_patron_days(
        &self,
        centre: CentreId,
        days: &[PatronDay],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
    /// Replaces a centre's access rules and patron days together, in one
    /// transaction (the back office's form saves both or neither).
    async fn set_visiting_rules(
        &self,
        centre: CentreId,
        rules: &BTreeMap<Lang, String>,
        days: &[PatronDay],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
}

/// A centre's part-day closures (`part_closures_sql.rs`): spans of a day
/// when the centre or one service takes no appointments. Adding or removing
/// one is in the audit log; the bookings inside stay as they are.
#[async_trait]
pub trait PartClosures: Send + Sync {
    /// Stores a part-day closure.
    async fn add_part_closure(
        &self,
        closure: &NewPartClosure,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<PartClosure, StorageError>;
    /// The closures of `centre` ending after `from` (and, with `to`,
    /// starting before it), by start.
    async fn part_closures(
        &self,
        centre: CentreId,
        from: DateTime<Utc>,
        to: Option<DateTime<Utc>>,
    ) -> Result<Vec<PartClosure>, StorageError>;
    async fn part_closure(&self, id: PartClosureId) -> Result<Option<PartClosure>, StorageError>;
    /// Removes a closure: its slots are free again. `false` if there was none.
    async fn remove_part_closure(
        &self,
        id: PartClosureId,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError>;
}
