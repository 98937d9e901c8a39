//! What the database keeps of employers' vacancy requests. The vacancy is a
//! draft offer written in the same transaction as the request and its audit
//! row; publishing the offer marks the request published.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Actor, CentreId, EmployerContact, EmployerRequest, NewOffer, RefCode, RequestStatus, Section};

use crate::StorageError;

#[async_trait]
pub trait EmployerRequests: Send + Sync {
    /// Stores the request and its vacancy as a draft offer of its centre.
    async fn insert_employer_request(
        &self,
        offer: &NewOffer,
        contact: &EmployerContact,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<EmployerRequest, StorageError>;
    async fn employer_request(&self, id: i64) -> Result<Option<EmployerRequest>, StorageError>;
    /// The request behind an offer, if it came from one.
    async fn employer_request_for(&self, reference: &RefCode) -> Result<Option<EmployerRequest>, StorageError>;
    /// Requests of the allowed centres and sections, newest first.
    async fn employer_requests(
        &self,
        allowed: &[(CentreId, Section)],
        status: Option<RequestStatus>,
        limit: u32,
    ) -> Result<Vec<EmployerRequest>, StorageError>;
    /// Declines a request still waiting, with a reason for the employer;
    /// its draft offer is removed.
    async fn decline_employer_request(
        &self,
        id: i64,
        reason: &str,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<EmployerRequest, StorageError>;
}
