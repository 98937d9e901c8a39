//! The row writers of bulk loading on PostgreSQL (see `bulk_sql.rs`): one
//! `INSERT … SELECT FROM UNNEST(arrays)` per table, a bound array per column,
//! so that a batch of thousands of rows is one small statement to parse and
//! plan (tens of thousands of single bound values cost more than the insert).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::vocab::Vocabulary;
use sqlx::Row;

use super::Tx;
use super::bulk_types::{LanguageRow, OfferRow, TextRow};
use crate::StorageError;

/// Writes the offers; returns their ids by reference.
pub(super) async fn insert_offers(
    tx: &mut Tx,
    rows: &[OfferRow<'_>],
    now: DateTime<Utc>,
) -> Result<HashMap<String, i64>, StorageError> {
    fn column<'r, T>(rows: &[OfferRow<'r>], f: impl Fn(&OfferRow<'r>) -> T) -> Vec<T> {
        rows.iter().map(f).collect()
    }
    let offers: Vec<&sportello_domain::NewOffer> = rows.iter().map(|r| &r.offer.data).collect();
    let of = |f: &dyn Fn(&sportello_domain::NewOffer) -> String| offers.iter().map(|o| f(o)).collect::<Vec<String>>();
    let query = sqlx::query(
        "INSERT INTO offers (centre_id, section, occupation, occupation_group, employer_name, employer_hidden, \
         work_town, work_postcode, work_region, work_country, contract, working_time, hours_per_week, openings, \
         education, licence, experience_months, salary_min, salary_max, valid_through, status, search_text, \
         title_text, remote, reference, published_on, created_at, updated_at) \
         SELECT *, $27, $27 FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::int[], $5::text[], \
         $6::boolean[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], \
         $14::int[], $15::text[], $16::text[], $17::int[], $18::int[], $19::int[], $20::date[], $21::text[], \
         $22::text[], $23::text[], $24::boolean[], $25::text[], $26::date[]) \
         RETURNING id, reference",
    )
    .bind(offers.iter().map(|o| o.centre.0).collect::<Vec<i64>>())
    .bind(of(&|o| o.section.code().to_string()))
    .bind(column(rows, |r| r.occupation.to_string()))
    .bind(column(rows, |r| r.occupation_group))
    .bind(of(&|o| o.employer.name.clone()))
    .bind(offers.iter().map(|o| o.employer.hidden).collect::<Vec<bool>>())
    .bind(of(&|o| o.place.town.clone()))
    .bind(of(&|o| o.place.postcode.clone()))
    .bind(of(&|o| o.place.region.clone()))
    .bind(of(&|o| o.place.country.clone()))
    .bind(of(&|o| o.contract.code().to_string()))
    .bind(of(&|o| o.working_time.code().to_string()))
    .bind(
        offers
            .iter()
            .map(|o| o.hours_per_week.map(i32::from))
            .collect::<Vec<Option<i32>>>(),
    )
    .bind(column(rows, |r| r.openings))
    .bind(of(&|o| o.requirements.education.code().to_string()))
    .bind(
        offers
            .iter()
            .map(|o| o.requirements.licence.map(|l| l.code().to_string()))
            .collect::<Vec<Option<String>>>(),
    )
    .bind(
        offers
            .iter()
            .map(|o| i32::from(o.requirements.experience_months))
            .collect::<Vec<i32>>(),
    )
    .bind(column(rows, |r| r.salary_min))
    .bind(column(rows, |r| r.salary_max))
    .bind(offers.iter().map(|o| o.valid_through).collect::<Vec<NaiveDate>>())
    .bind(column(rows, |r| r.offer.status.code().to_string()))
    .bind(column(rows, |r| r.search_text.clone()))
    .bind(column(rows, |r| r.title_text.clone()))
    .bind(offers.iter().map(|o| o.place.remote).collect::<Vec<bool>>())
    .bind(column(rows, |r| r.reference.clone()))
    .bind(column(rows, |r| r.offer.published_on))
    .bind(now);
    let mut ids = HashMap::with_capacity(rows.len());
    for row in query.fetch_all(&mut **tx).await? {
        ids.insert(row.try_get("reference")?, row.try_get("id")?);
    }
    Ok(ids)
}

pub(super) async fn insert_texts(tx: &mut Tx, rows: &[TextRow<'_>]) -> Result<(), StorageError> {
    let text = |f: &dyn Fn(&sportello_domain::OfferText) -> String| rows.iter().map(|r| f(r.text)).collect::<Vec<_>>();
    sqlx::query(
        "INSERT INTO offer_texts (offer_id, lang, status, machine, title, description, how_to_apply) \
         SELECT * FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::text[])",
    )
    .bind(rows.iter().map(|r| r.offer).collect::<Vec<i64>>())
    .bind(text(&|t| t.lang.code().to_string()))
    .bind(text(&|t| t.status.code().to_string()))
    .bind(rows.iter().map(|r| r.text.machine).collect::<Vec<bool>>())
    .bind(text(&|t| t.title.clone()))
    .bind(text(&|t| t.description.clone()))
    .bind(text(&|t| t.how_to_apply.clone()))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub(super) async fn insert_languages(tx: &mut Tx, rows: &[LanguageRow]) -> Result<(), StorageError> {
    sqlx::query(
        "INSERT INTO offer_languages (offer_id, language, level) \
         SELECT * FROM UNNEST($1::bigint[], $2::text[], $3::text[])",
    )
    .bind(rows.iter().map(|r| r.offer).collect::<Vec<i64>>())
    .bind(rows.iter().map(|r| r.language.to_string()).collect::<Vec<String>>())
    .bind(rows.iter().map(|r| r.level.to_string()).collect::<Vec<String>>())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
