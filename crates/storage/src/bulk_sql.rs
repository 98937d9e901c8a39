//! Loading many offers fast, for both backends (compiled once per backend,
//! like `shared.rs`): reference numbers taken per centre prefix in one
//! statement each, then offers, texts and language requirements written by
//! multi-row `INSERT`s, all in one transaction. Used by `sportello gen` and
//! anything else that loads offers by the thousand.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use sportello_domain::vocab::Vocabulary;
use sportello_domain::{Actor, Lang, NewAuditEntry, OfferStatus, RefCode, TextStatus};
use sqlx::{QueryBuilder, Row};

use super::audit_sql::write_audit;
use super::shared::Tx;
use super::{Db, Store};
use crate::search::search_columns;
use crate::{ImportOffer, StorageError};

/// Rows per multi-row `INSERT`: 28 bound values per offer stay under
/// SQLite's limit of 32,766 (and PostgreSQL's of 65,535).
const OFFERS_PER_STATEMENT: usize = 1_000;
/// Texts (7 values) and language requirements (3 values) per statement.
const CHILDREN_PER_STATEMENT: usize = 4_000;

const OFFER_COLUMNS: &str = "INSERT INTO offers (centre_id, section, occupation, occupation_group, employer_name, \
    employer_hidden, work_town, work_postcode, work_region, work_country, contract, working_time, hours_per_week, \
    openings, education, licence, experience_months, salary_min, salary_max, valid_through, status, search_text, \
    title_text, remote, reference, published_on, created_at, updated_at) ";

impl Store {
    /// See [`crate::Storage::bulk_import_offers`].
    pub(super) async fn bulk_insert_offers(
        &self,
        offers: &[ImportOffer],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Vec<RefCode>, StorageError> {
        if offers.is_empty() {
            return Ok(Vec::new());
        }
        for o in offers {
            if o.status != OfferStatus::Draft && o.data.public_text(Lang::It).is_none() {
                return Err(sportello_domain::PublishError::NoItalianText.into());
            }
        }
        let prefixes: HashMap<i64, String> = sqlx::query_as("SELECT id, prefix FROM centres")
            .fetch_all(self.pool())
            .await?
            .into_iter()
            .collect();
        let mut per_prefix: BTreeMap<&str, u64> = BTreeMap::new();
        for o in offers {
            let prefix = prefixes
                .get(&o.data.centre.0)
                .ok_or_else(|| StorageError::Invalid(format!("no centre with id {}", o.data.centre.0)))?;
            *per_prefix.entry(prefix.as_str()).or_default() += 1;
        }

        let mut tx = self.begin_write().await?;
        // The first number of each prefix's run, taken at once.
        let mut next: HashMap<&str, u64> = HashMap::new();
        let mut ranges = serde_json::Map::new();
        for (prefix, count) in &per_prefix {
            let last: i64 = sqlx::query_scalar(
                "INSERT INTO reference_counters (prefix, last_number) VALUES ($1, $2) \
                 ON CONFLICT (prefix) DO UPDATE SET last_number = reference_counters.last_number + $2 \
                 RETURNING last_number",
            )
            .bind(*prefix)
            .bind(*count as i64)
            .fetch_one(&mut *tx)
            .await?;
            let first = last as u64 + 1 - count;
            next.insert(prefix, first);
            ranges.insert(prefix.to_string(), serde_json::json!([first, last]));
        }
        let mut references = Vec::with_capacity(offers.len());
        for o in offers {
            let prefix = prefixes[&o.data.centre.0].as_str();
            let number = next.get_mut(prefix).expect("every prefix counted");
            references.push(RefCode::new(prefix, *number).map_err(|e| StorageError::Invalid(e.to_string()))?);
            *number += 1;
        }

        let mut ids: HashMap<String, i64> = HashMap::with_capacity(offers.len());
        for (chunk, refs) in offers
            .chunks(OFFERS_PER_STATEMENT)
            .zip(references.chunks(OFFERS_PER_STATEMENT))
        {
            insert_offer_rows(&mut tx, chunk, refs, now, &mut ids).await?;
        }
        let id_of = |i: usize| ids[&references[i].to_string()];

        let texts: Vec<(i64, &sportello_domain::OfferText)> = offers
            .iter()
            .enumerate()
            .flat_map(|(i, o)| {
                o.data
                    .texts
                    .iter()
                    .filter(|t| t.status != TextStatus::Missing)
                    .map(move |t| (i, t))
            })
            .map(|(i, t)| (id_of(i), t))
            .collect();
        for chunk in texts.chunks(CHILDREN_PER_STATEMENT) {
            let mut q = QueryBuilder::<Db>::new(
                "INSERT INTO offer_texts (offer_id, lang, status, machine, title, description, how_to_apply) ",
            );
            q.push_values(chunk, |mut row, (id, t)| {
                row.push_bind(*id)
                    .push_bind(t.lang.code())
                    .push_bind(t.status.code())
                    .push_bind(t.machine)
                    .push_bind(t.title.clone())
                    .push_bind(t.description.clone())
                    .push_bind(t.how_to_apply.clone());
            });
            q.build().execute(&mut *tx).await?;
        }
        let languages: Vec<(i64, &'static str, &'static str)> = offers
            .iter()
            .enumerate()
            .flat_map(|(i, o)| {
                o.data
                    .requirements
                    .languages
                    .iter()
                    .map(move |l| (i, l.language.code(), l.level.code()))
            })
            .map(|(i, language, level)| (id_of(i), language, level))
            .collect();
        for chunk in languages.chunks(CHILDREN_PER_STATEMENT) {
            let mut q = QueryBuilder::<Db>::new("INSERT INTO offer_languages (offer_id, language, level) ");
            q.push_values(chunk, |mut row, (id, language, level)| {
                row.push_bind(*id).push_bind(*language).push_bind(*level);
            });
            q.build().execute(&mut *tx).await?;
        }

        let details = serde_json::json!({ "count": offers.len(), "references": ranges });
        let entry = NewAuditEntry::new("offer.import", "offer", "").details(details.to_string());
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(references)
    }
}

/// One multi-row `INSERT` of offers; records each new id by reference.
async fn insert_offer_rows(
    tx: &mut Tx,
    offers: &[ImportOffer],
    references: &[RefCode],
    now: DateTime<Utc>,
    ids: &mut HashMap<String, i64>,
) -> Result<(), StorageError> {
    let mut rows = Vec::with_capacity(offers.len());
    for (o, reference) in offers.iter().zip(references) {
        let offer = &o.data;
        let occupation = sportello_domain::vocab::occupation(&offer.occupation)
            .ok_or_else(|| StorageError::Invalid(format!("unknown occupation {}", offer.occupation)))?;
        let int = |n: u32, what: &str| i32::try_from(n).map_err(|_| StorageError::Invalid(format!("{what} too large")));
        let salary = match offer.salary {
            Some(s) => (Some(int(s.min, "salary")?), Some(int(s.max, "salary")?)),
            None => (None, None),
        };
        let (title_text, search_text) = search_columns(offer, reference);
        rows.push((
            o,
            occupation,
            int(offer.openings, "openings")?,
            salary,
            (title_text, search_text),
            reference.to_string(),
        ));
    }
    let mut q = QueryBuilder::<Db>::new(OFFER_COLUMNS);
    q.push_values(
        rows,
        |mut row, (o, occupation, openings, (salary_min, salary_max), (title_text, search_text), reference)| {
            let offer = &o.data;
            row.push_bind(offer.centre.0)
                .push_bind(offer.section.code())
                .push_bind(occupation.code)
                .push_bind(i32::from(occupation.major_group()))
                .push_bind(offer.employer.name.clone())
                .push_bind(offer.employer.hidden)
                .push_bind(offer.place.town.clone())
                .push_bind(offer.place.postcode.clone())
                .push_bind(offer.place.region.clone())
                .push_bind(offer.place.country.clone())
                .push_bind(offer.contract.code())
                .push_bind(offer.working_time.code())
                .push_bind(offer.hours_per_week.map(i32::from))
                .push_bind(openings)
                .push_bind(offer.requirements.education.code())
                .push_bind(offer.requirements.licence.map(|l| l.code()))
                .push_bind(i32::from(offer.requirements.experience_months))
                .push_bind(salary_min)
                .push_bind(salary_max)
                .push_bind(offer.valid_through)
                .push_bind(o.status.code())
                .push_bind(search_text)
                .push_bind(title_text)
                .push_bind(offer.place.remote)
                .push_bind(reference)
                .push_bind(o.published_on)
                .push_bind(now)
                .push_bind(now);
        },
    );
    q.push(" RETURNING id, reference");
    for row in q.build().fetch_all(&mut **tx).await? {
        ids.insert(row.try_get("reference")?, row.try_get("id")?);
    }
    Ok(())
}
