//! The row writers of bulk loading on SQLite (see `bulk_sql.rs`): multi-row
//! `INSERT … VALUES`, as many rows per statement as SQLite's limit of bound
//! values (32,766) allows.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sportello_domain::vocab::Vocabulary;
use sqlx::{QueryBuilder, Row};

use super::Db;
use super::Tx;
use super::bulk_types::{LanguageRow, OfferRow, TextRow};
use crate::StorageError;

/// Offers (28 values each) per statement.
const OFFERS_PER_STATEMENT: usize = 1_000;
/// Texts (7 values) and language requirements (3 values) per statement.
const CHILDREN_PER_STATEMENT: usize = 4_000;

/// Writes the offers; returns their ids by reference.
pub(super) async fn insert_offers(
    tx: &mut Tx,
    rows: &[OfferRow<'_>],
    now: DateTime<Utc>,
) -> Result<HashMap<String, i64>, StorageError> {
    let mut ids = HashMap::with_capacity(rows.len());
    for chunk in rows.chunks(OFFERS_PER_STATEMENT) {
        let mut q = QueryBuilder::<Db>::new(
            "INSERT INTO offers (centre_id, section, occupation, occupation_group, employer_name, \
             employer_hidden, work_town, work_postcode, work_region, work_country, contract, working_time, \
             hours_per_week, openings, education, licence, experience_months, salary_min, salary_max, \
             valid_through, status, search_text, title_text, remote, reference, published_on, created_at, \
             updated_at) ",
        );
        q.push_values(chunk, |mut b, row| {
            let offer = &row.offer.data;
            b.push_bind(offer.centre.0)
                .push_bind(offer.section.code())
                .push_bind(row.occupation)
                .push_bind(row.occupation_group)
                .push_bind(offer.employer.name.clone())
                .push_bind(offer.employer.hidden)
                .push_bind(offer.place.town.clone())
                .push_bind(offer.place.postcode.clone())
                .push_bind(offer.place.region.clone())
                .push_bind(offer.place.country.clone())
                .push_bind(offer.contract.code())
                .push_bind(offer.working_time.code())
                .push_bind(offer.hours_per_week.map(i32::from))
                .push_bind(row.openings)
                .push_bind(offer.requirements.education.code())
                .push_bind(offer.requirements.licence.map(|l| l.code()))
                .push_bind(i32::from(offer.requirements.experience_months))
                .push_bind(row.salary_min)
                .push_bind(row.salary_max)
                .push_bind(offer.valid_through)
                .push_bind(row.offer.status.code())
                .push_bind(row.search_text.clone())
                .push_bind(row.title_text.clone())
                .push_bind(offer.place.remote)
                .push_bind(row.reference.clone())
                .push_bind(row.offer.published_on)
                .push_bind(now)
                .push_bind(now);
        });
        q.push(" RETURNING id, reference");
        for row in q.build().fetch_all(&mut **tx).await? {
            ids.insert(row.try_get("reference")?, row.try_get("id")?);
        }
    }
    Ok(ids)
}

pub(super) async fn insert_texts(tx: &mut Tx, rows: &[TextRow<'_>]) -> Result<(), StorageError> {
    for chunk in rows.chunks(CHILDREN_PER_STATEMENT) {
        let mut q = QueryBuilder::<Db>::new(
            "INSERT INTO offer_texts (offer_id, lang, status, machine, title, description, how_to_apply) ",
        );
        q.push_values(chunk, |mut b, row| {
            let t = row.text;
            b.push_bind(row.offer)
                .push_bind(t.lang.code())
                .push_bind(t.status.code())
                .push_bind(t.machine)
                .push_bind(t.title.clone())
                .push_bind(t.description.clone())
                .push_bind(t.how_to_apply.clone());
        });
        q.build().execute(&mut **tx).await?;
    }
    Ok(())
}

pub(super) async fn insert_languages(tx: &mut Tx, rows: &[LanguageRow]) -> Result<(), StorageError> {
    for chunk in rows.chunks(CHILDREN_PER_STATEMENT) {
        let mut q = QueryBuilder::<Db>::new("INSERT INTO offer_languages (offer_id, language, level) ");
        q.push_values(chunk, |mut b, row| {
            b.push_bind(row.offer).push_bind(row.language).push_bind(row.level);
        });
        q.build().execute(&mut **tx).await?;
    }
    Ok(())
}
