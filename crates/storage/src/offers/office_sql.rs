//! [`OfferEdits`](crate::OfferEdits) for both backends, written once
//! (compiled per backend, like every feature's SQL: see `crate::sqlite`):
//! back-office lists, edits, translations, extensions and the sections'
//! texts, each change with its audit row in the same transaction.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::offers::fields::offer_changes;
use sportello_domain::text::normalize;
use sportello_domain::{
    Actor, AuditEntry, CentreId, Lang, NewAuditEntry, NewOffer, Offer, OfferStatus, OfferText, RefCode, Section,
    TextStatus,
};
use sqlx::{QueryBuilder, Row};

use super::audit::{audit_from_row, escape_like, write_audit};
use super::offers::{bind_offer_columns, insert_offer_children};
use super::{Db, Store, Tx};
use crate::{OfferEdits, Offers, OfficeFilter, OfficePage, SectionText, StorageError, TranslationTask};

/// `AND ((centre, section) in allowed)`; `allowed` is never empty here.
fn push_allowed(q: &mut QueryBuilder<Db>, allowed: &[(CentreId, Section)]) {
    q.push(" AND (");
    for (i, (centre, section)) in allowed.iter().enumerate() {
        if i > 0 {
            q.push(" OR ");
        }
        q.push("(o.centre_id = ")
            .push_bind(centre.0)
            .push(" AND o.section = ")
            .push_bind(section.code())
            .push(")");
    }
    q.push(")");
}

fn changes_json(changes: &[(String, String, String)]) -> String {
    let map: serde_json::Map<String, serde_json::Value> = changes
        .iter()
        .map(|(field, old, new)| (field.clone(), serde_json::json!([old, new])))
        .collect();
    serde_json::Value::Object(map).to_string()
}

/// Rewrites an offer's columns and children; `version` is the one read.
async fn rewrite_offer(
    tx: &mut Tx,
    current: &Offer,
    offer: &NewOffer,
    status: OfferStatus,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    let changed = bind_offer_columns(
        sqlx::query(
            "UPDATE offers SET centre_id = $1, section = $2, occupation = $3, occupation_group = $4, \
             employer_name = $5, employer_hidden = $6, work_town = $7, work_postcode = $8, work_region = $9, \
             work_country = $10, contract = $11, working_time = $12, hours_per_week = $13, openings = $14, \
             education = $15, licence = $16, experience_months = $17, salary_min = $18, salary_max = $19, \
             valid_through = $20, status = $21, search_text = $22, title_text = $23, remote = $24, \
             updated_at = $25, version = version + 1 WHERE id = $26 AND version = $27",
        ),
        offer,
        &current.reference,
        status,
    )?
    .bind(now)
    .bind(current.id.0)
    .bind(current.version)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    if changed != 1 {
        return Err(StorageError::Stale);
    }
    insert_offer_children(tx, current.id.0, offer).await
}

impl Store {
    async fn existing(&self, reference: &RefCode) -> Result<Offer, StorageError> {
        self.offer(reference).await?.ok_or(StorageError::NotFound)
    }
}

#[async_trait]
impl OfferEdits for Store {
    #[tracing::instrument(skip_all)]
    async fn office_offers(&self, filter: &OfficeFilter) -> Result<OfficePage, StorageError> {
        if filter.allowed.is_empty() {
            return Ok(OfficePage {
                items: Vec::new(),
                total: 0,
            });
        }
        let conditions = |q: &mut QueryBuilder<Db>| {
            q.push(" WHERE 1 = 1");
            push_allowed(q, &filter.allowed);
            if let Some(centre) = filter.centre {
                q.push(" AND o.centre_id = ").push_bind(centre.0);
            }
            if let Some(section) = filter.section {
                q.push(" AND o.section = ").push_bind(section.code());
            }
            if let Some(status) = filter.status {
                q.push(" AND o.status = ").push_bind(status.code());
            }
            if let Some(by) = filter.expiring_by {
                q.push(" AND o.status = 'published' AND o.valid_through <= ")
                    .push_bind(by);
            }
            if let Some(since) = filter.published_since {
                q.push(" AND o.status = 'published' AND o.published_on >= ")
                    .push_bind(since);
            }
            if let Some(day) = filter.open_on {
                q.push(" AND o.status = 'published' AND o.valid_through >= ")
                    .push_bind(day);
            }
            if let Some(text) = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                let plain = format!("%{}%", escape_like(&text.to_lowercase()));
                let folded = format!("%{}%", escape_like(&normalize(text)));
                q.push(" AND (lower(o.reference) LIKE ")
                    .push_bind(plain.clone())
                    .push(" ESCAPE '\\' OR lower(o.employer_name) LIKE ")
                    .push_bind(plain)
                    .push(" ESCAPE '\\' OR o.title_text LIKE ")
                    .push_bind(folded.clone())
                    .push(" ESCAPE '\\' OR EXISTS (SELECT 1 FROM offer_texts t WHERE t.offer_id = o.id AND lower(t.title) LIKE ")
                    .push_bind(format!("%{}%", escape_like(&text.to_lowercase())))
                    .push(" ESCAPE '\\'))");
            }
        };
        let mut page = QueryBuilder::<Db>::new("SELECT o.id, o.version FROM offers o");
        conditions(&mut page);
        if filter.expiring_by.is_some() {
            page.push(" ORDER BY o.valid_through, o.id");
        } else if filter.published_since.is_some() {
            page.push(" ORDER BY o.published_on DESC, o.id DESC");
        } else {
            page.push(" ORDER BY o.updated_at DESC, o.id DESC");
        }
        page.push(" LIMIT ")
            .push_bind(i64::from(filter.limit.max(1)))
            .push(" OFFSET ")
            .push_bind(i64::from(filter.offset));
        let mut count = QueryBuilder::<Db>::new("SELECT COUNT(*) FROM offers o");
        conditions(&mut count);
        let keys: Vec<(i64, i64)> = page.build_query_as().fetch_all(self.pool()).await?;
        let total: i64 = count.build_query_scalar().fetch_one(self.pool()).await?;
        Ok(OfficePage {
            items: self.cached_offers(&keys).await?,
            total: total as u64,
        })
    }

    #[tracing::instrument(skip_all, fields(reference = %reference))]
    async fn update_offer(
        &self,
        reference: &RefCode,
        expected_version: i64,
        offer: &NewOffer,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Offer, StorageError> {
        let current = self.existing(reference).await?;
        if current.version != expected_version {
            return Err(StorageError::Stale);
        }
        if !matches!(current.status, OfferStatus::Draft | OfferStatus::Published) {
            return Err(StorageError::Invalid(format!(
                "a {} offer cannot be edited",
                current.status.code()
            )));
        }
        if current.status == OfferStatus::Published && offer.public_text(Lang::It).is_none() {
            return Err(sportello_domain::PublishError::NoItalianText.into());
        }
        let changes = offer_changes(&current.data, offer);
        let mut tx = self.begin_write().await?;
        rewrite_offer(&mut tx, &current, offer, current.status, now).await?;
        let entry = NewAuditEntry::new("offer.update", "offer", &reference.to_string())
            .centre(offer.centre)
            .details(changes_json(&changes));
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        self.load_offer(current.id.0).await
    }

    #[tracing::instrument(skip_all, fields(reference = %reference, lang = text.lang.code()))]
    async fn set_offer_text(
        &self,
        reference: &RefCode,
        text: &OfferText,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Offer, StorageError> {
        let current = self.existing(reference).await?;
        if text.lang == Lang::It && current.status != OfferStatus::Draft {
            return Err(StorageError::Invalid(
                "the Italian text of a published offer is edited with the offer".into(),
            ));
        }
        if !matches!(current.status, OfferStatus::Draft | OfferStatus::Published) {
            return Err(StorageError::Invalid(format!(
                "a {} offer cannot be translated",
                current.status.code()
            )));
        }
        let mut data = current.data.clone();
        data.texts.retain(|t| t.lang != text.lang);
        if text.status != TextStatus::Missing {
            data.texts.push(text.clone());
            data.texts.sort_by_key(|t| t.lang);
        }
        let changes = offer_changes(&current.data, &data);
        let mut tx = self.begin_write().await?;
        rewrite_offer(&mut tx, &current, &data, current.status, now).await?;
        let action = if text.status.is_public() && current.data.text_status(text.lang) == TextStatus::Draft {
            "offer.translation_review"
        } else {
            "offer.translation"
        };
        let entry = NewAuditEntry::new(action, "offer", &reference.to_string())
            .centre(data.centre)
            .details(changes_json(&changes));
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        self.load_offer(current.id.0).await
    }

    #[tracing::instrument(skip_all, fields(reference = %reference))]
    async fn extend_offer(
        &self,
        reference: &RefCode,
        valid_through: NaiveDate,
        today: NaiveDate,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Offer, StorageError> {
        let current = self.existing(reference).await?;
        if !matches!(current.status, OfferStatus::Published | OfferStatus::Expired) {
            return Err(StorageError::Invalid(format!(
                "a {} offer cannot be extended",
                current.status.code()
            )));
        }
        if valid_through < today || valid_through <= current.data.valid_through {
            return Err(StorageError::Invalid(
                "the new valid-through day must be later than the current one and not in the past".into(),
            ));
        }
        let mut data = current.data.clone();
        data.valid_through = valid_through;
        let mut tx = self.begin_write().await?;
        rewrite_offer(&mut tx, &current, &data, OfferStatus::Published, now).await?;
        let details = serde_json::json!({
            "valid_through": [current.data.valid_through.to_string(), valid_through.to_string()],
            "status": [current.status.code(), "published"],
        });
        let entry = NewAuditEntry::new("offer.extend", "offer", &reference.to_string())
            .centre(data.centre)
            .details(details.to_string());
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        self.load_offer(current.id.0).await
    }

    #[tracing::instrument(skip_all)]
    async fn translation_queue(
        &self,
        allowed: &[(CentreId, Section)],
        lang: Option<Lang>,
        today: NaiveDate,
        limit: u32,
    ) -> Result<Vec<TranslationTask>, StorageError> {
        if allowed.is_empty() {
            return Ok(Vec::new());
        }
        let mut q = QueryBuilder::<Db>::new(
            "SELECT o.id, o.version FROM offers o WHERE o.status = 'published' AND o.valid_through >= ",
        );
        q.push_bind(today);
        push_allowed(&mut q, allowed);
        match lang {
            Some(lang) => {
                q.push(
                    " AND NOT EXISTS (SELECT 1 FROM offer_texts t WHERE t.offer_id = o.id \
                     AND t.status IN ('original', 'reviewed') AND t.lang = ",
                )
                .push_bind(lang.code())
                .push(")");
            }
            None => {
                q.push(
                    " AND (SELECT COUNT(*) FROM offer_texts t WHERE t.offer_id = o.id \
                     AND t.status IN ('original', 'reviewed')) < ",
                )
                .push_bind(Lang::ALL.len() as i64);
            }
        }
        q.push(" ORDER BY o.published_on, o.id LIMIT ")
            .push_bind(i64::from(limit.max(1)));
        let keys: Vec<(i64, i64)> = q.build_query_as().fetch_all(self.pool()).await?;
        let offers = self.cached_offers(&keys).await?;
        Ok(offers
            .into_iter()
            .map(|offer| {
                let missing = Lang::ALL
                    .into_iter()
                    .filter(|&l| offer.data.public_text(l).is_none())
                    .filter(|&l| lang.is_none_or(|wanted| wanted == l))
                    .collect();
                TranslationTask { offer, missing }
            })
            .collect())
    }

    #[tracing::instrument(skip_all, fields(reference = %reference))]
    async fn offer_history(&self, reference: &RefCode) -> Result<Vec<AuditEntry>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, at, actor_id, actor, address, action, object_kind, object_id, centre_id, details, request_id \
             FROM audit_log WHERE object_kind = 'offer' AND object_id = $1 ORDER BY id",
        )
        .bind(reference.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(audit_from_row).collect()
    }

    async fn section_texts(&self) -> Result<Vec<SectionText>, StorageError> {
        if let Some(texts) = self.cache.sections.get() {
            return Ok(texts);
        }
        let rows = sqlx::query("SELECT section, lang, title, who FROM section_texts ORDER BY section, lang")
            .fetch_all(self.pool())
            .await?;
        let texts = rows
            .iter()
            .map(|row| {
                let section: String = row.try_get("section")?;
                let lang: String = row.try_get("lang")?;
                Ok(SectionText {
                    section: Section::parse(&section)
                        .ok_or_else(|| StorageError::Invalid(format!("section {section:?}")))?,
                    lang: Lang::parse(&lang).ok_or_else(|| StorageError::Invalid(format!("lang {lang:?}")))?,
                    title: row.try_get("title")?,
                    who: row.try_get("who")?,
                })
            })
            .collect::<Result<Vec<_>, StorageError>>()?;
        self.cache.sections.put(&texts);
        Ok(texts)
    }

    async fn set_section_text(
        &self,
        text: &SectionText,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM section_texts WHERE section = $1 AND lang = $2")
            .bind(text.section.code())
            .bind(text.lang.code())
            .execute(&mut *tx)
            .await?;
        if !text.title.trim().is_empty() || !text.who.trim().is_empty() {
            sqlx::query("INSERT INTO section_texts (section, lang, title, who) VALUES ($1, $2, $3, $4)")
                .bind(text.section.code())
                .bind(text.lang.code())
                .bind(&text.title)
                .bind(&text.who)
                .execute(&mut *tx)
                .await?;
        }
        let details = serde_json::json!({ "lang": text.lang.code(), "title": text.title, "who": text.who });
        let entry =
            NewAuditEntry::new("section_text.update", "section", text.section.code()).details(details.to_string());
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        self.cache.sections.clear();
        Ok(())
    }
}
