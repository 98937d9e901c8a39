//! [`Reports`] for both backends, written once (compiled per backend, like
//! every feature's SQL: see `crate::sqlite`).

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::Offer;
use sportello_domain::reports::{IsoWeek, WeeklyFigures};
use sqlx::Row;

use super::rows::{DbRow, invalid};
use super::{Db, Store};
use crate::{Reports, StorageError, StoredReport};

const REPORT_SELECT: &str = "SELECT area_slug, week, number, figures, created_at, updated_at FROM weekly_reports";

fn report_from_row(row: &DbRow) -> Result<StoredReport, StorageError> {
    let week: String = row.try_get("week")?;
    let figures: String = row.try_get("figures")?;
    let number: i32 = row.try_get("number")?;
    Ok(StoredReport {
        area: row.try_get("area_slug")?,
        week: IsoWeek::parse(&week).map_err(|_| invalid("week", &week))?,
        number: u32::try_from(number).map_err(|_| invalid("number", &number.to_string()))?,
        figures: serde_json::from_str(&figures).map_err(|e| invalid("figures", &e.to_string()))?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

#[async_trait]
impl Reports for Store {
    #[tracing::instrument(skip_all, fields(area, %from, %to))]
    async fn offers_for_report(&self, area: &str, from: NaiveDate, to: NaiveDate) -> Result<Vec<Offer>, StorageError> {
        let ids: Vec<i64> = sqlx::query_scalar::<Db, i64>(
            "SELECT o.id FROM offers o JOIN centres c ON c.id = o.centre_id \
             WHERE c.area_slug = $1 AND o.status <> 'draft' AND o.published_on <= $2 AND o.valid_through >= $3 \
             ORDER BY o.id",
        )
        .bind(area)
        .bind(to)
        .bind(from)
        .fetch_all(self.pool())
        .await?;
        let mut offers = Vec::with_capacity(ids.len());
        // Bounded IN lists, whatever the number of offers.
        for chunk in ids.chunks(500) {
            offers.extend(self.load_offers(chunk).await?);
        }
        Ok(offers)
    }

    #[tracing::instrument(skip_all, fields(area = %figures.area, week = %figures.week))]
    async fn save_weekly_report(
        &self,
        figures: &WeeklyFigures,
        now: DateTime<Utc>,
    ) -> Result<StoredReport, StorageError> {
        let json = serde_json::to_string(figures).map_err(|e| StorageError::Invalid(e.to_string()))?;
        let week = figures.week.to_string();
        let mut tx = self.begin_write().await?;
        let existing: Option<i64> =
            sqlx::query_scalar::<Db, i64>("SELECT id FROM weekly_reports WHERE area_slug = $1 AND week = $2")
                .bind(&figures.area)
                .bind(&week)
                .fetch_optional(&mut *tx)
                .await?;
        match existing {
            Some(id) => {
                sqlx::query("UPDATE weekly_reports SET figures = $1, updated_at = $2 WHERE id = $3")
                    .bind(&json)
                    .bind(now)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            None => {
                sqlx::query(
                    "INSERT INTO weekly_reports (area_slug, week, number, figures, created_at, updated_at) \
                     SELECT $1, $2, COALESCE(MAX(number), 0) + 1, $3, $4, $4 FROM weekly_reports WHERE area_slug = $1",
                )
                .bind(&figures.area)
                .bind(&week)
                .bind(&json)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        self.weekly_report(&figures.area, figures.week)
            .await?
            .ok_or(StorageError::NotFound)
    }

    #[tracing::instrument(skip_all, fields(area, %week))]
    async fn weekly_report(&self, area: &str, week: IsoWeek) -> Result<Option<StoredReport>, StorageError> {
        let row = sqlx::query::<Db>(sqlx::AssertSqlSafe(format!(
            "{REPORT_SELECT} WHERE area_slug = $1 AND week = $2"
        )))
        .bind(area)
        .bind(week.to_string())
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(report_from_row).transpose()
    }

    #[tracing::instrument(skip_all)]
    async fn weekly_reports(&self) -> Result<Vec<StoredReport>, StorageError> {
        let rows = sqlx::query::<Db>(sqlx::AssertSqlSafe(format!(
            "{REPORT_SELECT} ORDER BY week DESC, area_slug"
        )))
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(report_from_row).collect()
    }
}
