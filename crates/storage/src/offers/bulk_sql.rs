//! Loading many offers fast, for both backends (compiled once per backend,
//! like every feature's SQL: see `crate::sqlite`): reference numbers taken per centre prefix in one
//! statement each, then offers, texts and language requirements written by
//! a few statements per table (`bulk_rows_*.rs`: multi-row `VALUES` on
//! SQLite, `UNNEST` of arrays on PostgreSQL), all in one transaction. Used by
//! `sportello gen` and anything else that loads offers by the thousand.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use sportello_domain::vocab::Vocabulary;
use sportello_domain::{Actor, Lang, NewAuditEntry, OfferStatus, RefCode, TextStatus};

use super::Store;
use super::audit::write_audit;
use super::bulk_rows::{insert_languages, insert_offers, insert_texts};
use super::bulk_types::{LanguageRow, OfferRow, TextRow};
use crate::{ImportOffer, StorageError};

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
        let log_before: Option<i64> = if Store::BACKEND == "sqlite" {
            sqlx::query_scalar("SELECT MAX(seq) FROM offer_changes")
                .fetch_one(&mut *tx)
                .await?
        } else {
            None
        };
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

        let rows = offers
            .iter()
            .zip(&references)
            .map(|(o, reference)| OfferRow::new(o, reference))
            .collect::<Result<Vec<_>, _>>()?;
        let ids: HashMap<String, i64> = insert_offers(&mut tx, &rows, now).await?;
        let id_of = |i: usize| ids[&references[i].to_string()];
        let texts: Vec<TextRow> = offers
            .iter()
            .enumerate()
            .flat_map(|(i, o)| {
                o.data
                    .texts
                    .iter()
                    .filter(|t| t.status != TextStatus::Missing)
                    .map(move |t| (i, t))
            })
            .map(|(i, text)| TextRow { offer: id_of(i), text })
            .collect();
        insert_texts(&mut tx, &texts).await?;
        let languages: Vec<LanguageRow> = offers
            .iter()
            .enumerate()
            .flat_map(|(i, o)| o.data.requirements.languages.iter().map(move |l| (i, l)))
            .map(|(i, l)| LanguageRow {
                offer: id_of(i),
                language: l.language.code(),
                level: l.level.code(),
            })
            .collect();
        insert_languages(&mut tx, &languages).await?;

        if Store::BACKEND == "sqlite" {
            // SQLite's triggers wrote a change row per offer, text and
            // language: keep the first of each offer. This writer holds the
            // database, so every row after `log_before` is this batch's, and
            // nobody has seen them yet. (PostgreSQL's triggers write one
            // row per offer already.)
            sqlx::query(
                "DELETE FROM offer_changes WHERE seq > $1 AND seq NOT IN \
                 (SELECT MIN(seq) FROM offer_changes WHERE seq > $1 GROUP BY offer_id)",
            )
            .bind(log_before.unwrap_or(0))
            .execute(&mut *tx)
            .await?;
        }
        let details = serde_json::json!({ "count": offers.len(), "references": ranges });
        let entry = NewAuditEntry::new("offer.import", "offer", "").details(details.to_string());
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(references)
    }
}
