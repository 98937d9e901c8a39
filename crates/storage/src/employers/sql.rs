//! [`EmployerRequests`] for both backends, written once (compiled per
//! backend, like every feature's SQL: see `crate::sqlite`).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{
    Actor, CentreId, EmployerContact, EmployerRequest, Lang, NewAuditEntry, NewOffer, OfferId, OfferStatus, PartitaIva,
    RefCode, RequestStatus, Section,
};
use sqlx::{QueryBuilder, Row};

use super::audit::write_audit;
use super::offers::insert_offer;
use super::rows::{DbRow, invalid};
use super::{Db, Store};
use crate::{EmployerRequests, StorageError};

const REQUEST_SELECT: &str = "SELECT id, reference, offer_id, centre_id, section, title, company, vat_number, \
    contact_name, email, phone, lang, status, reason, created_at, updated_at FROM employer_requests";

fn request_from_row(row: &DbRow) -> Result<EmployerRequest, StorageError> {
    let text = |c: &str| -> Result<String, StorageError> { Ok(row.try_get::<String, _>(c)?) };
    let reference = text("reference")?;
    let section = text("section")?;
    let status = text("status")?;
    let lang = text("lang")?;
    let vat = text("vat_number")?;
    Ok(EmployerRequest {
        id: row.try_get("id")?,
        reference: RefCode::parse(&reference).map_err(|_| invalid("reference", &reference))?,
        offer: row.try_get::<Option<i64>, _>("offer_id")?.map(OfferId),
        centre: CentreId(row.try_get("centre_id")?),
        section: Section::parse(&section).ok_or_else(|| invalid("section", &section))?,
        title: text("title")?,
        contact: EmployerContact {
            company: text("company")?,
            vat_number: PartitaIva::parse(&vat).map_err(|_| invalid("vat_number", &vat))?,
            contact_name: text("contact_name")?,
            email: text("email")?,
            phone: text("phone")?,
            lang: Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?,
        },
        status: RequestStatus::parse(&status).ok_or_else(|| invalid("status", &status))?,
        reason: text("reason")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

impl Store {
    async fn request_where(&self, column: &str, value: QueryValue) -> Result<Option<EmployerRequest>, StorageError> {
        let mut q = QueryBuilder::<Db>::new(REQUEST_SELECT);
        q.push(" WHERE ").push(column).push(" = ");
        match value {
            QueryValue::Int(v) => q.push_bind(v),
            QueryValue::Text(v) => q.push_bind(v),
        };
        let row = q.build().fetch_optional(self.pool()).await?;
        row.as_ref().map(request_from_row).transpose()
    }
}

enum QueryValue {
    Int(i64),
    Text(String),
}

#[async_trait]
impl EmployerRequests for Store {
    #[tracing::instrument(skip_all)]
    async fn insert_employer_request(
        &self,
        offer: &NewOffer,
        contact: &EmployerContact,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<EmployerRequest, StorageError> {
        let mut tx = self.begin_write().await?;
        let (offer_id, reference) = insert_offer(&mut tx, offer, OfferStatus::Draft, None, now).await?;
        let title = offer.texts.first().map(|t| t.title.clone()).unwrap_or_default();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO employer_requests (reference, offer_id, centre_id, section, title, company, vat_number, \
             contact_name, email, phone, lang, status, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'received', $12, $12) RETURNING id",
        )
        .bind(reference.to_string())
        .bind(offer_id)
        .bind(offer.centre.0)
        .bind(offer.section.code())
        .bind(&title)
        .bind(&contact.company)
        .bind(contact.vat_number.as_str())
        .bind(&contact.contact_name)
        .bind(&contact.email)
        .bind(&contact.phone)
        .bind(contact.lang.code())
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let details = serde_json::json!({ "request": id, "company": contact.company }).to_string();
        let entry = NewAuditEntry::new("request.receive", "offer", &reference.to_string())
            .centre(offer.centre)
            .details(details);
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        self.employer_request(id).await?.ok_or(StorageError::NotFound)
    }

    async fn employer_request(&self, id: i64) -> Result<Option<EmployerRequest>, StorageError> {
        self.request_where("id", QueryValue::Int(id)).await
    }

    async fn employer_request_for(&self, reference: &RefCode) -> Result<Option<EmployerRequest>, StorageError> {
        self.request_where("reference", QueryValue::Text(reference.to_string()))
            .await
    }

    async fn employer_requests(
        &self,
        allowed: &[(CentreId, Section)],
        status: Option<RequestStatus>,
        limit: u32,
    ) -> Result<Vec<EmployerRequest>, StorageError> {
        if allowed.is_empty() {
            return Ok(Vec::new());
        }
        let mut q = QueryBuilder::<Db>::new(REQUEST_SELECT);
        q.push(" WHERE (");
        for (i, (centre, section)) in allowed.iter().enumerate() {
            if i > 0 {
                q.push(" OR ");
            }
            q.push("(centre_id = ")
                .push_bind(centre.0)
                .push(" AND section = ")
                .push_bind(section.code())
                .push(")");
        }
        q.push(")");
        if let Some(status) = status {
            q.push(" AND status = ").push_bind(status.code());
        }
        q.push(" ORDER BY id DESC LIMIT ").push_bind(i64::from(limit.max(1)));
        let rows = q.build().fetch_all(self.pool()).await?;
        rows.iter().map(request_from_row).collect()
    }

    #[tracing::instrument(skip_all, fields(id))]
    async fn decline_employer_request(
        &self,
        id: i64,
        reason: &str,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<EmployerRequest, StorageError> {
        let request = self.employer_request(id).await?.ok_or(StorageError::NotFound)?;
        if request.status != RequestStatus::Received {
            return Err(StorageError::Invalid(
                "only a request still waiting can be declined".into(),
            ));
        }
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE employer_requests SET status = 'declined', reason = $1, offer_id = NULL, updated_at = $2 \
             WHERE id = $3 AND status = 'received'",
        )
        .bind(reason)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed != 1 {
            return Err(StorageError::Stale);
        }
        if let Some(offer) = request.offer {
            sqlx::query("DELETE FROM offers WHERE id = $1 AND status = 'draft'")
                .bind(offer.0)
                .execute(&mut *tx)
                .await?;
        }
        let details = serde_json::json!({ "request": id, "reason": reason }).to_string();
        let entry = NewAuditEntry::new("request.decline", "offer", &request.reference.to_string())
            .centre(request.centre)
            .details(details);
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        self.employer_request(id).await?.ok_or(StorageError::NotFound)
    }
}
