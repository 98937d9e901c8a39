//! [`Offers`](crate::Offers) for both backends, written once: this file is
//! compiled per backend (see `crate::sqlite`), whose module defines `Db`
//! (the sqlx database), `Tx` (its write transaction), `Store` (with
//! `pool()`, `begin_write()`, `BACKEND` and a `cache` field) and `MIGRATOR`.
//! Every query is plain SQL that both engines run the same way, with `$N`
//! placeholders. The search conditions are in `search_sql.rs`, the back
//! office's edits in `office_sql.rs`, bulk loads in `bulk_sql.rs`.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::vocab::{ContractType, EducationLevel, Licence, Vocabulary, WorkingTime};
use sportello_domain::{
    Actor, CentreId, Employer, Facets, Lang, LanguageRequirement, NewAuditEntry, NewOffer, Offer, OfferId, OfferQuery,
    OfferStatus, OfferText, RefCode, Requirements, Salary, SearchPage, Section, SortOrder, TextStatus, WorkPlace,
};
use sqlx::{QueryBuilder, Row};

use super::audit::write_audit;
use super::offer_search::{Facet, TextFilter, push_id_list, push_where};
use super::rows::{DbRow, invalid, vocab};
use super::{Db, Store, Tx};
use crate::offers::terms::search_columns;
use crate::{Centres, ImportOffer, Offers, StorageError};

/// The columns of an offer that make up [`Offer`] (not the search columns).
pub(super) const OFFER_SELECT: &str = "SELECT id, reference, centre_id, section, occupation, employer_name, employer_hidden, \
    work_town, work_postcode, work_region, work_country, remote, contract, working_time, hours_per_week, openings, \
    education, licence, experience_months, salary_min, salary_max, valid_through, published_on, status, updated_at, version \
    FROM offers";

#[async_trait]
impl Offers for Store {
    #[tracing::instrument(skip_all)]
    async fn insert_offer(&self, offer: &NewOffer, actor: &Actor, now: DateTime<Utc>) -> Result<Offer, StorageError> {
        let mut tx = self.begin_write().await?;
        let (id, reference) = insert_offer(&mut tx, offer, OfferStatus::Draft, None, now).await?;
        let fields: serde_json::Map<String, serde_json::Value> = sportello_domain::offers::fields::offer_fields(offer)
            .into_iter()
            .map(|(k, v)| (k, v.into()))
            .collect();
        let entry = NewAuditEntry::new("offer.create", "offer", &reference.to_string())
            .centre(offer.centre)
            .details(serde_json::Value::Object(fields).to_string());
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        self.load_offer(id).await
    }

    #[tracing::instrument(skip_all, fields(count = offers.len()))]
    async fn import_offers(
        &self,
        offers: &[ImportOffer],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<u64, StorageError> {
        let mut tx = self.begin_write().await?;
        let mut references = Vec::with_capacity(offers.len());
        for o in offers {
            if o.status != OfferStatus::Draft && o.data.public_text(Lang::It).is_none() {
                return Err(sportello_domain::PublishError::NoItalianText.into());
            }
            let (_, reference) = insert_offer(&mut tx, &o.data, o.status, o.published_on, now).await?;
            references.push(reference.to_string());
        }
        let details = serde_json::json!({ "count": offers.len(), "references": references });
        let entry = NewAuditEntry::new("offer.import", "offer", "").details(details.to_string());
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(offers.len() as u64)
    }

    #[tracing::instrument(skip_all, fields(count = offers.len()))]
    async fn bulk_import_offers(
        &self,
        offers: &[ImportOffer],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Vec<RefCode>, StorageError> {
        self.bulk_insert_offers(offers, actor, now).await
    }

    #[tracing::instrument(skip_all)]
    async fn analyze_offers(&self) -> Result<(), StorageError> {
        for table in ["offers", "offer_texts", "offer_languages", "offer_changes"] {
            sqlx::query(sqlx::AssertSqlSafe(format!("ANALYZE {table}")))
                .execute(self.pool())
                .await?;
        }
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(reference = %reference))]
    async fn offer(&self, reference: &RefCode) -> Result<Option<Offer>, StorageError> {
        let found: Option<(i64, i64)> = sqlx::query_as("SELECT id, version FROM offers WHERE reference = $1")
            .bind(reference.to_string())
            .fetch_optional(self.pool())
            .await?;
        match found {
            Some(key) => Ok(self.cached_offers(&[key]).await?.pop()),
            None => Ok(None),
        }
    }

    #[tracing::instrument(skip_all, fields(reference = %reference))]
    async fn publish_offer(
        &self,
        reference: &RefCode,
        today: NaiveDate,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Offer, StorageError> {
        let offer = self.offer(reference).await?.ok_or(StorageError::NotFound)?;
        offer.check_publishable(today)?;
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE offers SET status = 'published', published_on = $1, updated_at = $2, version = version + 1 \
             WHERE id = $3 AND status = 'draft'",
        )
        .bind(today)
        .bind(now)
        .bind(offer.id.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed != 1 {
            return Err(sportello_domain::PublishError::NotADraft.into());
        }
        sqlx::query("UPDATE employer_requests SET status = 'published', updated_at = $1 WHERE offer_id = $2")
            .bind(now)
            .bind(offer.id.0)
            .execute(&mut *tx)
            .await?;
        let entry = NewAuditEntry::new("offer.publish", "offer", &reference.to_string()).centre(offer.data.centre);
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        self.load_offer(offer.id.0).await
    }

    #[tracing::instrument(skip_all, fields(reference = %reference, status = status.code()))]
    async fn close_offer(
        &self,
        reference: &RefCode,
        status: OfferStatus,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Offer, StorageError> {
        if !matches!(
            status,
            OfferStatus::Filled | OfferStatus::Withdrawn | OfferStatus::Expired
        ) {
            return Err(StorageError::Invalid(format!(
                "an offer cannot be closed as {}",
                status.code()
            )));
        }
        let mut tx = self.begin_write().await?;
        let found: Option<(i64, i64)> = sqlx::query_as(
            "UPDATE offers SET status = $1, updated_at = $2, version = version + 1 \
             WHERE reference = $3 AND status = 'published' RETURNING id, centre_id",
        )
        .bind(status.code())
        .bind(now)
        .bind(reference.to_string())
        .fetch_optional(&mut *tx)
        .await?;
        let (id, centre) = found.ok_or(StorageError::NotFound)?;
        let action = format!("offer.{}", status.code());
        let entry = NewAuditEntry::new(&action, "offer", &reference.to_string()).centre(CentreId(centre));
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        self.load_offer(id).await
    }

    #[tracing::instrument(skip_all, fields(page = query.page))]
    async fn search_offers(&self, query: &OfferQuery, today: NaiveDate) -> Result<SearchPage, StorageError> {
        let text = TextFilter::new(&query.filter);

        let mut page = QueryBuilder::<Db>::new("SELECT o.id, o.version FROM offers o");
        push_where(&mut page, &query.filter, &text, today, None);
        page.push(" ORDER BY ");
        match (&text, query.sort) {
            (TextFilter::Terms(terms), SortOrder::Relevance) if !terms.is_empty() => {
                page.push("(");
                for term in terms {
                    page.push("CASE WHEN o.title_text LIKE ")
                        .push_bind(term.pattern.clone())
                        .push(" THEN 2 ELSE 0 END + ");
                }
                page.push("0) DESC, ");
            }
            _ => {}
        }
        page.push("o.published_on DESC, o.id DESC LIMIT ")
            .push_bind(i64::from(query.per_page))
            .push(" OFFSET ")
            .push_bind(query.offset() as i64);

        // The total and every facet's counts in one round trip.
        let mut counts = QueryBuilder::<Db>::new("SELECT 'total' AS f, '' AS k, COUNT(*) AS n FROM offers o");
        push_where(&mut counts, &query.filter, &text, today, None);
        let facets_wanted = if query.with_facets { &Facet::ALL[..] } else { &[] };
        for &facet in facets_wanted {
            counts.push(format!(
                " UNION ALL SELECT '{}', {}, COUNT(*) FROM offers o{}",
                facet.name(),
                facet.key(),
                facet.join()
            ));
            push_where(&mut counts, &query.filter, &text, today, Some(facet));
            counts.push(format!(" GROUP BY {}", facet.key()));
        }
        // Centre counts come by id (no join needed); the slugs come from the cached centres.
        let centres = if query.with_facets {
            self.centres().await?
        } else {
            Vec::new()
        };
        let mut total = 0;
        let mut facets = Facets::default();
        // The page and the counts are independent: read them at once.
        let (keys, count_rows): (Vec<(i64, i64)>, _) = tokio::try_join!(
            page.build_query_as().fetch_all(self.pool()),
            counts.build().fetch_all(self.pool())
        )?;
        for row in count_rows {
            let name: String = row.try_get("f")?;
            let n = row.try_get::<i64, _>("n")? as u64;
            match Facet::ALL.into_iter().find(|f| f.name() == name) {
                Some(facet) => {
                    let mut key: String = row.try_get("k")?;
                    if facet == Facet::Centre {
                        key = centres
                            .iter()
                            .find(|c| c.id.0.to_string() == key)
                            .map(|c| c.data.slug.clone())
                            .unwrap_or(key);
                    }
                    facet.counts(&mut facets).insert(key, n);
                }
                None => total = n,
            }
        }

        Ok(SearchPage {
            items: self.cached_offers(&keys).await?,
            total,
            facets,
        })
    }

    #[tracing::instrument(skip_all, fields(reference = %offer.reference))]
    async fn similar_offers(&self, offer: &Offer, today: NaiveDate, limit: u32) -> Result<Vec<Offer>, StorageError> {
        let keys: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT o.id, o.version FROM offers o WHERE o.status = 'published' AND o.valid_through >= $1 AND o.id <> $2 \
             AND (o.occupation = $3 OR o.centre_id = $4) \
             ORDER BY CASE WHEN o.occupation = $3 THEN 0 ELSE 1 END, o.published_on DESC, o.id DESC LIMIT $5",
        )
        .bind(today)
        .bind(offer.id.0)
        .bind(&offer.data.occupation)
        .bind(offer.data.centre.0)
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await?;
        self.cached_offers(&keys).await
    }

    #[tracing::instrument(skip_all)]
    async fn expire_offers(&self, today: NaiveDate, now: DateTime<Utc>) -> Result<Vec<RefCode>, StorageError> {
        let mut tx = self.begin_write().await?;
        // Rows another node expires meanwhile no longer match: each offer is
        // expired (and logged) once.
        let rows = sqlx::query(
            "UPDATE offers SET status = 'expired', updated_at = $1, version = version + 1 \
             WHERE status = 'published' AND valid_through < $2 RETURNING reference, centre_id",
        )
        .bind(now)
        .bind(today)
        .fetch_all(&mut *tx)
        .await?;
        let mut expired = Vec::with_capacity(rows.len());
        for row in &rows {
            let reference: String = row.try_get("reference")?;
            let centre: i64 = row.try_get("centre_id")?;
            let entry = NewAuditEntry::new("offer.expire", "offer", &reference).centre(CentreId(centre));
            write_audit(&mut tx, &Actor::system(), &entry, now).await?;
            expired.push(RefCode::parse(&reference).map_err(|e| StorageError::Invalid(e.to_string()))?);
        }
        tx.commit().await?;
        Ok(expired)
    }
}

impl Store {
    pub(super) async fn load_offer(&self, id: i64) -> Result<Offer, StorageError> {
        self.load_offers(&[id]).await?.pop().ok_or(StorageError::NotFound)
    }

    /// Whole offers for `(id, version)` keys, in their order: from this node's
    /// cache when it holds that version, from the database otherwise.
    pub(super) async fn cached_offers(&self, keys: &[(i64, i64)]) -> Result<Vec<Offer>, StorageError> {
        let cache = &self.cache.offers;
        let mut found: HashMap<i64, Offer> = HashMap::with_capacity(keys.len());
        let mut missing = Vec::new();
        for &(id, version) in keys {
            match cache.get(id, version) {
                Some(offer) => {
                    found.insert(id, offer);
                }
                None => missing.push(id),
            }
        }
        if !missing.is_empty() {
            found.extend(self.load_offers(&missing).await?.into_iter().map(|o| (o.id.0, o)));
        }
        Ok(keys.iter().filter_map(|(id, _)| found.remove(id)).collect())
    }

    /// Loads whole offers from the database, in the order of `ids`, and keeps
    /// them in this node's cache with their version.
    pub(super) async fn load_offers(&self, ids: &[i64]) -> Result<Vec<Offer>, StorageError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut q = QueryBuilder::<Db>::new(OFFER_SELECT);
        push_id_list(&mut q, "id", ids);
        let rows = q.build().fetch_all(self.pool()).await?;
        let mut offers = self.complete_offers(&rows).await?;
        Ok(ids.iter().filter_map(|id| offers.remove(id)).collect())
    }

    /// Builds whole offers from rows of [`OFFER_SELECT`], adding their texts
    /// and language requirements.
    pub(super) async fn complete_offers(&self, rows: &[DbRow]) -> Result<HashMap<i64, Offer>, StorageError> {
        let mut offers: HashMap<i64, Offer> = HashMap::with_capacity(rows.len());
        let mut versions: Vec<(i64, i64)> = Vec::with_capacity(rows.len());
        for row in rows {
            let offer = offer_from_row(row)?;
            versions.push((offer.id.0, row.try_get("version")?));
            offers.insert(offer.id.0, offer);
        }
        if offers.is_empty() {
            return Ok(offers);
        }
        let ids: Vec<i64> = offers.keys().copied().collect();
        let mut texts = QueryBuilder::<Db>::new(
            "SELECT offer_id, lang, status, machine, title, description, how_to_apply FROM offer_texts",
        );
        push_id_list(&mut texts, "offer_id", &ids);
        let mut languages = QueryBuilder::<Db>::new("SELECT offer_id, language, level FROM offer_languages");
        push_id_list(&mut languages, "offer_id", &ids);
        // Two independent reads: run them at once, on two connections.
        let (text_rows, language_rows) = tokio::try_join!(
            texts.build().fetch_all(self.pool()),
            languages.build().fetch_all(self.pool())
        )?;
        for row in text_rows {
            let id: i64 = row.try_get("offer_id")?;
            if let Some(o) = offers.get_mut(&id) {
                o.data.texts.push(text_from_row(&row)?);
            }
        }
        for row in language_rows {
            let id: i64 = row.try_get("offer_id")?;
            if let Some(o) = offers.get_mut(&id) {
                o.data.requirements.languages.push(LanguageRequirement {
                    language: vocab(&row, "language")?,
                    level: vocab(&row, "level")?,
                });
            }
        }
        for o in offers.values_mut() {
            o.data.texts.sort_by_key(|t| t.lang);
            o.data.requirements.languages.sort_by_key(|l| l.language);
        }
        for (id, version) in versions {
            if let Some(offer) = offers.get(&id) {
                self.cache.offers.put(offer, version);
            }
        }
        Ok(offers)
    }
}

/// Writes one offer and gives it the next reference number of its centre.
pub(super) async fn insert_offer(
    tx: &mut Tx,
    offer: &NewOffer,
    status: OfferStatus,
    published_on: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<(i64, RefCode), StorageError> {
    let prefix: String = sqlx::query_scalar("SELECT prefix FROM centres WHERE id = $1")
        .bind(offer.centre.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| StorageError::Invalid(format!("no centre with id {}", offer.centre.0)))?;
    let number: i64 = sqlx::query_scalar(
        "INSERT INTO reference_counters (prefix, last_number) VALUES ($1, 1) \
         ON CONFLICT (prefix) DO UPDATE SET last_number = reference_counters.last_number + 1 RETURNING last_number",
    )
    .bind(&prefix)
    .fetch_one(&mut **tx)
    .await?;
    let reference = RefCode::new(&prefix, number as u64).map_err(|e| StorageError::Invalid(e.to_string()))?;
    let id: i64 = bind_offer_columns(
        sqlx::query(
            "INSERT INTO offers (centre_id, section, occupation, occupation_group, employer_name, employer_hidden, \
             work_town, work_postcode, work_region, work_country, contract, working_time, hours_per_week, openings, \
             education, licence, experience_months, salary_min, salary_max, valid_through, status, search_text, \
             title_text, remote, reference, published_on, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, \
             $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, \
             $27) \
             RETURNING id",
        ),
        offer,
        &reference,
        status,
    )?
    .bind(reference.to_string())
    .bind(published_on)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?
    .try_get(0)?;
    insert_offer_children(tx, id, offer).await?;
    Ok((id, reference))
}

/// Binds `$1`…`$24` of an offer's `INSERT` or `UPDATE`: its columns in the
/// order of the `offers` table, then status, the search columns and
/// `remote` (added later to the table).
pub(super) fn bind_offer_columns<'q>(
    query: sqlx::query::Query<'q, Db, <Db as sqlx::Database>::Arguments>,
    offer: &'q NewOffer,
    reference: &RefCode,
    status: OfferStatus,
) -> Result<sqlx::query::Query<'q, Db, <Db as sqlx::Database>::Arguments>, StorageError> {
    let occupation = sportello_domain::vocab::occupation(&offer.occupation)
        .ok_or_else(|| StorageError::Invalid(format!("unknown occupation {}", offer.occupation)))?;
    let (title_text, search_text) = search_columns(offer, reference);
    let int = |n: u32, what: &str| i32::try_from(n).map_err(|_| StorageError::Invalid(format!("{what} too large")));
    Ok(query
        .bind(offer.centre.0)
        .bind(offer.section.code())
        .bind(occupation.code)
        .bind(i32::from(occupation.major_group()))
        .bind(&offer.employer.name)
        .bind(offer.employer.hidden)
        .bind(&offer.place.town)
        .bind(&offer.place.postcode)
        .bind(&offer.place.region)
        .bind(&offer.place.country)
        .bind(offer.contract.code())
        .bind(offer.working_time.code())
        .bind(offer.hours_per_week.map(i32::from))
        .bind(int(offer.openings, "openings")?)
        .bind(offer.requirements.education.code())
        .bind(offer.requirements.licence.map(|l| l.code()))
        .bind(i32::from(offer.requirements.experience_months))
        .bind(offer.salary.map(|s| int(s.min, "salary")).transpose()?)
        .bind(offer.salary.map(|s| int(s.max, "salary")).transpose()?)
        .bind(offer.valid_through)
        .bind(status.code())
        .bind(search_text)
        .bind(title_text)
        .bind(offer.place.remote))
}

/// Writes an offer's texts and language requirements (after removing any).
pub(super) async fn insert_offer_children(tx: &mut Tx, id: i64, offer: &NewOffer) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM offer_texts WHERE offer_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM offer_languages WHERE offer_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    for t in offer.texts.iter().filter(|t| t.status != TextStatus::Missing) {
        sqlx::query(
            "INSERT INTO offer_texts (offer_id, lang, status, machine, title, description, how_to_apply) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(t.lang.code())
        .bind(t.status.code())
        .bind(t.machine)
        .bind(&t.title)
        .bind(&t.description)
        .bind(&t.how_to_apply)
        .execute(&mut **tx)
        .await?;
    }
    for l in &offer.requirements.languages {
        sqlx::query("INSERT INTO offer_languages (offer_id, language, level) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(l.language.code())
            .bind(l.level.code())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

pub(super) fn text_from_row(row: &DbRow) -> Result<OfferText, StorageError> {
    let lang: String = row.try_get("lang")?;
    let status: String = row.try_get("status")?;
    Ok(OfferText {
        lang: Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?,
        status: TextStatus::parse(&status).ok_or_else(|| invalid("text status", &status))?,
        machine: row.try_get("machine")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        how_to_apply: row.try_get("how_to_apply")?,
    })
}

pub(super) fn offer_from_row(row: &DbRow) -> Result<Offer, StorageError> {
    let reference: String = row.try_get("reference")?;
    let section: String = row.try_get("section")?;
    let status: String = row.try_get("status")?;
    let unsigned = |column: &str| -> Result<u32, StorageError> {
        let n: i32 = row.try_get(column)?;
        u32::try_from(n).map_err(|_| invalid(column, &n.to_string()))
    };
    let salary = match (
        row.try_get::<Option<i32>, _>("salary_min")?,
        row.try_get::<Option<i32>, _>("salary_max")?,
    ) {
        (Some(min), Some(max)) => Some(Salary {
            min: min.max(0) as u32,
            max: max.max(0) as u32,
        }),
        _ => None,
    };
    Ok(Offer {
        id: OfferId(row.try_get("id")?),
        reference: RefCode::parse(&reference).map_err(|_| invalid("reference", &reference))?,
        status: OfferStatus::parse(&status).ok_or_else(|| invalid("status", &status))?,
        published_on: row.try_get("published_on")?,
        updated_at: row.try_get("updated_at")?,
        version: row.try_get("version")?,
        data: NewOffer {
            centre: CentreId(row.try_get("centre_id")?),
            section: Section::parse(&section).ok_or_else(|| invalid("section", &section))?,
            occupation: row.try_get("occupation")?,
            texts: Vec::new(),
            employer: Employer {
                name: row.try_get("employer_name")?,
                hidden: row.try_get("employer_hidden")?,
            },
            place: WorkPlace {
                town: row.try_get("work_town")?,
                postcode: row.try_get("work_postcode")?,
                region: row.try_get("work_region")?,
                country: row.try_get("work_country")?,
                remote: row.try_get("remote")?,
            },
            contract: vocab::<ContractType>(row, "contract")?,
            working_time: vocab::<WorkingTime>(row, "working_time")?,
            hours_per_week: row
                .try_get::<Option<i32>, _>("hours_per_week")?
                .and_then(|h| u8::try_from(h).ok()),
            openings: unsigned("openings")?,
            requirements: Requirements {
                education: vocab::<EducationLevel>(row, "education")?,
                languages: Vec::new(),
                licence: row
                    .try_get::<Option<String>, _>("licence")?
                    .map(|l| Licence::parse(&l).ok_or_else(|| invalid("licence", &l)))
                    .transpose()?,
                experience_months: u16::try_from(unsigned("experience_months")?).unwrap_or(u16::MAX),
            },
            salary,
            valid_through: row.try_get("valid_through")?,
        },
    })
}
