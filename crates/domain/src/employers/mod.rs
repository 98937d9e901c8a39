//! Vacancy requests from employers without an account: the vacancy becomes a
//! draft offer in the chosen centre's queue; the employer's contacts stay
//! with the request and never reach a public board.

pub mod quota;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::{CentreId, Lang, OfferId, PartitaIva, RefCode, Section};

/// Where a request stands, as the employer is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Waiting for the centre.
    Received,
    /// The offer is on the boards.
    Published,
    /// The centre declined it, with a reason.
    Declined,
}

impl RequestStatus {
    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Received => "received",
            RequestStatus::Published => "published",
            RequestStatus::Declined => "declined",
        }
    }

    pub fn parse(code: &str) -> Option<RequestStatus> {
        [
            RequestStatus::Received,
            RequestStatus::Published,
            RequestStatus::Declined,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// Who sent a request: private, for the centre only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmployerContact {
    pub company: String,
    pub vat_number: PartitaIva,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    /// The language the employer used, for answers.
    pub lang: Lang,
}

/// A stored request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmployerRequest {
    pub id: i64,
    /// The reference of its offer, kept when the draft is removed.
    pub reference: RefCode,
    /// The draft (or published) offer; none once declined.
    pub offer: Option<OfferId>,
    pub centre: CentreId,
    pub section: Section,
    /// The vacancy's title as sent.
    pub title: String,
    pub contact: EmployerContact,
    pub status: RequestStatus,
    /// Why it was declined.
    pub reason: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}
