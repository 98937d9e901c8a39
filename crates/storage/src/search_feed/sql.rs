//! The queries of [`crate::SearchFeed`], for both backends (compiled once per
//! backend, like every feature's SQL: see `crate::sqlite`). The change log itself is written by the
//! triggers of migration 0012, never here.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Offer, OfferId};
use sqlx::{QueryBuilder, Row};

use super::offer_search::push_id_list;
use super::offers::OFFER_SELECT;
use super::{Db, Store};
use crate::{ChangeLogBounds, OfferChange, SearchFeed, StorageError};

/// Ids per query when reading offers: well under both backends' limits on
/// bound parameters.
const IDS_PER_QUERY: usize = 5_000;

/// The last change number ever handed out, also when the log is empty now.
fn last_number_sql() -> &'static str {
    if Store::BACKEND == "sqlite" {
        "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'offer_changes'), 0)"
    } else {
        "SELECT COALESCE(pg_sequence_last_value(pg_get_serial_sequence('offer_changes', 'seq')::regclass), 0)"
    }
}

#[async_trait]
impl SearchFeed for Store {
    #[tracing::instrument(skip_all)]
    async fn database_id(&self) -> Result<String, StorageError> {
        sqlx::query_scalar("SELECT value FROM installation_keys WHERE name = 'database_id'")
            .fetch_optional(self.pool())
            .await?
            .ok_or_else(|| StorageError::Invalid("the database has no database_id (migration 0012)".into()))
    }

    #[tracing::instrument(skip_all)]
    async fn change_log_bounds(&self) -> Result<ChangeLogBounds, StorageError> {
        let row = sqlx::query("SELECT MIN(seq) AS first, MAX(seq) AS last FROM offer_changes")
            .fetch_one(self.pool())
            .await?;
        let first: Option<i64> = row.try_get("first")?;
        let last = match row.try_get::<Option<i64>, _>("last")? {
            Some(last) => last,
            None => sqlx::query_scalar(last_number_sql()).fetch_one(self.pool()).await?,
        };
        Ok(ChangeLogBounds { first, last })
    }

    #[tracing::instrument(skip_all, fields(after, limit))]
    async fn offer_changes_after(&self, after: i64, limit: u32) -> Result<Vec<OfferChange>, StorageError> {
        let rows: Vec<(i64, i64)> =
            sqlx::query_as("SELECT seq, offer_id FROM offer_changes WHERE seq > $1 ORDER BY seq LIMIT $2")
                .bind(after)
                .bind(i64::from(limit))
                .fetch_all(self.pool())
                .await?;
        Ok(rows
            .into_iter()
            .map(|(seq, offer)| OfferChange {
                seq,
                offer: OfferId(offer),
            })
            .collect())
    }

    #[tracing::instrument(skip_all, fields(count = ids.len()))]
    async fn offers_by_ids(&self, ids: &[OfferId]) -> Result<Vec<Offer>, StorageError> {
        let mut offers = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(IDS_PER_QUERY) {
            let mut unique: Vec<i64> = chunk.iter().map(|id| id.0).collect();
            unique.sort_unstable();
            unique.dedup();
            // Versions first: offers this node has read before and that
            // have not changed since come from its cache (a search page
            // reads the same popular offers again and again).
            let mut versions = QueryBuilder::<Db>::new("SELECT id, version FROM offers");
            push_id_list(&mut versions, "id", &unique);
            let keys: Vec<(i64, i64)> = versions.build_query_as().fetch_all(self.pool()).await?;
            let loaded = self.cached_offers(&keys).await?;
            let by_id: std::collections::HashMap<i64, &Offer> = loaded.iter().map(|o| (o.id.0, o)).collect();
            offers.extend(chunk.iter().filter_map(|id| by_id.get(&id.0).map(|o| (*o).clone())));
        }
        Ok(offers)
    }

    #[tracing::instrument(skip_all, fields(after = after.0, limit))]
    async fn published_offers_after(&self, after: OfferId, limit: u32) -> Result<Vec<Offer>, StorageError> {
        let mut q = QueryBuilder::<Db>::new(OFFER_SELECT);
        q.push(" WHERE status = 'published' AND id > ")
            .push_bind(after.0)
            .push(" ORDER BY id LIMIT ")
            .push_bind(i64::from(limit));
        let rows = q.build().fetch_all(self.pool()).await?;
        let mut offers: Vec<Offer> = Vec::with_capacity(rows.len());
        for chunk in rows.chunks(IDS_PER_QUERY) {
            offers.extend(self.complete_offers(chunk).await?.into_values());
        }
        offers.sort_by_key(|o| o.id.0);
        Ok(offers)
    }

    #[tracing::instrument(skip_all, fields(before = %before))]
    async fn prune_offer_changes(&self, before: DateTime<Utc>) -> Result<u64, StorageError> {
        let query = sqlx::query("DELETE FROM offer_changes WHERE changed_at < $1");
        // SQLite keeps the time as text in the triggers' own format.
        let query = if Store::BACKEND == "sqlite" {
            query.bind(before.format("%Y-%m-%d %H:%M:%S%.3f").to_string())
        } else {
            query.bind(before)
        };
        let mut tx = self.begin_write().await?;
        let deleted = query.execute(&mut *tx).await?.rows_affected();
        tx.commit().await?;
        Ok(deleted)
    }
}
