//! The queries of [`crate::Sitemaps`], for both backends (compiled once per
//! backend, like every feature's SQL: see `crate::sqlite`). The open-offer condition is the search's own
//! (`offers/search_sql.rs`'s `push_where` without filters), so the sitemap and the search
//! never disagree on what is open.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::{OfferFilter, OfferId, RefCode};
use sqlx::QueryBuilder;

use super::offer_search::{TextFilter, push_where};
use super::{Db, Store};
use crate::{OfferBlock, OfferStamp, Sitemaps, StorageError};

#[async_trait]
impl Sitemaps for Store {
    #[tracing::instrument(skip_all, fields(after, until, limit))]
    async fn open_offer_stamps(
        &self,
        today: NaiveDate,
        after: i64,
        until: i64,
        limit: u32,
    ) -> Result<Vec<OfferStamp>, StorageError> {
        let mut q = QueryBuilder::<Db>::new("SELECT o.id, o.reference, o.updated_at FROM offers o");
        push_where(&mut q, &OfferFilter::default(), &TextFilter::None, today, None);
        q.push(" AND o.id > ")
            .push_bind(after)
            .push(" AND o.id <= ")
            .push_bind(until)
            .push(" ORDER BY o.id LIMIT ")
            .push_bind(i64::from(limit));
        let rows: Vec<(i64, String, DateTime<Utc>)> = q.build_query_as().fetch_all(self.pool()).await?;
        rows.into_iter()
            .map(|(id, reference, updated_at)| {
                let reference = RefCode::parse(&reference).map_err(|_| {
                    StorageError::Invalid(format!("unexpected reference {reference:?} in the database"))
                })?;
                Ok(OfferStamp {
                    id: OfferId(id),
                    reference,
                    updated_at,
                })
            })
            .collect()
    }

    #[tracing::instrument(skip_all, fields(block_size))]
    async fn open_offer_blocks(&self, today: NaiveDate, block_size: u64) -> Result<Vec<OfferBlock>, StorageError> {
        let size = i64::try_from(block_size.max(1)).unwrap_or(i64::MAX);
        let mut q = QueryBuilder::<Db>::new("SELECT (o.id - 1) / ");
        q.push_bind(size)
            .push(" AS block, COUNT(*) AS n, MAX(o.updated_at) AS last_update FROM offers o");
        push_where(&mut q, &OfferFilter::default(), &TextFilter::None, today, None);
        q.push(" GROUP BY 1 ORDER BY 1");
        let rows: Vec<(i64, i64, DateTime<Utc>)> = q.build_query_as().fetch_all(self.pool()).await?;
        Ok(rows
            .into_iter()
            .map(|(block, count, last_update)| OfferBlock {
                number: block.max(0) as u64,
                count: count.max(0) as u64,
                last_update,
            })
            .collect())
    }
}
