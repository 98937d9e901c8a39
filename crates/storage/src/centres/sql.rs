//! [`Centres`](crate::Centres) for both backends (compiled once per backend,
//! like every feature's SQL: see `crate::sqlite`): centres with their opening
//! hours and closures, kept by each node for a few seconds.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Actor, Area, Centre, CentreId, NewAuditEntry, NewCentre, OpeningHours};
use sqlx::Row;

use super::audit::write_audit;
use super::rows::{DbRow, invalid, time};
use super::{Db, Store, Tx};
use crate::{Centres, StorageError};

#[async_trait]
impl Centres for Store {
    #[tracing::instrument(skip_all, fields(slug = %centre.slug))]
    async fn insert_centre(&self, centre: &NewCentre) -> Result<Centre, StorageError> {
        let mut data = centre.clone();
        data.prefix = data.prefix.to_ascii_uppercase();
        self.save_centre(None, &data, &Actor::system(), Utc::now()).await
    }

    #[tracing::instrument(skip_all)]
    async fn centres(&self) -> Result<Vec<Centre>, StorageError> {
        if let Some(centres) = self.cache.centres.get() {
            return Ok(centres);
        }
        let centres = self.load_centres().await?;
        self.cache.centres.put(&centres);
        Ok(centres)
    }

    #[tracing::instrument(skip_all, fields(slug))]
    async fn centre_by_slug(&self, slug: &str) -> Result<Option<Centre>, StorageError> {
        Ok(self.centres().await?.into_iter().find(|c| c.data.slug == slug))
    }

    #[tracing::instrument(skip_all)]
    async fn count_centres(&self) -> Result<u64, StorageError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM centres")
            .fetch_one(self.pool())
            .await?;
        Ok(n as u64)
    }

    #[tracing::instrument(skip_all, fields(slug = %centre.slug))]
    async fn save_centre(
        &self,
        id: Option<CentreId>,
        centre: &NewCentre,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Centre, StorageError> {
        let before = match id {
            Some(id) => Some(
                self.centres()
                    .await?
                    .into_iter()
                    .find(|c| c.id == id)
                    .ok_or(StorageError::NotFound)?,
            ),
            None => None,
        };
        let mut tx = self.begin_write().await?;
        let id = match id {
            Some(id) => {
                bind_centre_columns(
                    sqlx::query(
                        "UPDATE centres SET slug = $1, prefix = $2, name = $3, town = $4, address = $5, \
                         postcode = $6, province = $7, region = $8, phone = $9, email = $10, area_slug = $11, \
                         area_name = $12 WHERE id = $13",
                    ),
                    centre,
                )
                .bind(id.0)
                .execute(&mut *tx)
                .await?;
                id.0
            }
            None => bind_centre_columns(
                sqlx::query(
                    "INSERT INTO centres (slug, prefix, name, town, address, postcode, province, region, phone, \
                     email, area_slug, area_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
                     RETURNING id",
                ),
                centre,
            )
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)?,
        };
        write_centre_children(&mut tx, id, centre).await?;
        let details = match &before {
            Some(before) => {
                let old = serde_json::to_value(&before.data).unwrap_or_default();
                let new = serde_json::to_value(centre).unwrap_or_default();
                let mut changes = serde_json::Map::new();
                if let (Some(old), Some(new)) = (old.as_object(), new.as_object()) {
                    for (key, value) in new {
                        if old.get(key) != Some(value) {
                            changes.insert(key.clone(), serde_json::json!([old.get(key), value]));
                        }
                    }
                }
                serde_json::Value::Object(changes)
            }
            None => serde_json::to_value(centre).unwrap_or_default(),
        };
        let action = if before.is_some() {
            "centre.update"
        } else {
            "centre.create"
        };
        let entry = NewAuditEntry::new(action, "centre", &centre.slug)
            .centre(CentreId(id))
            .details(details.to_string());
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        self.cache.centres.clear();
        self.centres()
            .await?
            .into_iter()
            .find(|c| c.id.0 == id)
            .ok_or(StorageError::NotFound)
    }
}

impl Store {
    async fn load_centres(&self) -> Result<Vec<Centre>, StorageError> {
        let rows = sqlx::query("SELECT * FROM centres ORDER BY area_slug, name")
            .fetch_all(self.pool())
            .await?;
        let mut centres = rows.iter().map(centre_from_row).collect::<Result<Vec<_>, _>>()?;
        let hours = sqlx::query("SELECT * FROM centre_hours ORDER BY centre_id, weekday, opens")
            .fetch_all(self.pool())
            .await?;
        for row in &hours {
            let centre_id: i64 = row.try_get("centre_id")?;
            if let Some(c) = centres.iter_mut().find(|c| c.id.0 == centre_id) {
                c.data.hours.push(hours_from_row(row)?);
            }
        }
        let closures = sqlx::query("SELECT * FROM centre_closures ORDER BY centre_id, first_day")
            .fetch_all(self.pool())
            .await?;
        for row in &closures {
            let centre_id: i64 = row.try_get("centre_id")?;
            if let Some(c) = centres.iter_mut().find(|c| c.id.0 == centre_id) {
                c.data.closures.push(sportello_domain::Closure {
                    first_day: row.try_get("first_day")?,
                    last_day: row.try_get("last_day")?,
                    reason: row.try_get("reason")?,
                });
            }
        }
        Ok(centres)
    }
}

/// Writes a centre's opening hours and closures (after removing any).
pub(super) async fn write_centre_children(tx: &mut Tx, id: i64, centre: &NewCentre) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM centre_hours WHERE centre_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM centre_closures WHERE centre_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    for h in &centre.hours {
        sqlx::query(
            "INSERT INTO centre_hours (centre_id, weekday, opens, closes, by_appointment) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(i32::from(h.weekday))
        .bind(h.opens.format("%H:%M").to_string())
        .bind(h.closes.format("%H:%M").to_string())
        .bind(h.by_appointment)
        .execute(&mut **tx)
        .await?;
    }
    for c in &centre.closures {
        sqlx::query("INSERT INTO centre_closures (centre_id, first_day, last_day, reason) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(c.first_day)
            .bind(c.last_day)
            .bind(&c.reason)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Binds `$1`…`$12` of a centre's `INSERT` or `UPDATE`.
fn bind_centre_columns<'q>(
    query: sqlx::query::Query<'q, Db, <Db as sqlx::Database>::Arguments>,
    centre: &'q NewCentre,
) -> sqlx::query::Query<'q, Db, <Db as sqlx::Database>::Arguments> {
    query
        .bind(&centre.slug)
        .bind(&centre.prefix)
        .bind(&centre.name)
        .bind(&centre.town)
        .bind(&centre.address)
        .bind(&centre.postcode)
        .bind(&centre.province)
        .bind(&centre.region)
        .bind(&centre.phone)
        .bind(&centre.email)
        .bind(&centre.area.slug)
        .bind(&centre.area.name)
}

pub(super) fn centre_from_row(row: &DbRow) -> Result<Centre, StorageError> {
    Ok(Centre {
        id: CentreId(row.try_get("id")?),
        data: NewCentre {
            slug: row.try_get("slug")?,
            prefix: row.try_get("prefix")?,
            name: row.try_get("name")?,
            town: row.try_get("town")?,
            address: row.try_get("address")?,
            postcode: row.try_get("postcode")?,
            province: row.try_get("province")?,
            region: row.try_get("region")?,
            phone: row.try_get("phone")?,
            email: row.try_get("email")?,
            area: Area {
                slug: row.try_get("area_slug")?,
                name: row.try_get("area_name")?,
            },
            hours: Vec::new(),
            closures: Vec::new(),
        },
    })
}

pub(super) fn hours_from_row(row: &DbRow) -> Result<OpeningHours, StorageError> {
    let weekday: i32 = row.try_get("weekday")?;
    Ok(OpeningHours {
        weekday: u8::try_from(weekday).map_err(|_| invalid("weekday", &weekday.to_string()))?,
        opens: time(&row.try_get::<String, _>("opens")?)?,
        closes: time(&row.try_get::<String, _>("closes")?)?,
        by_appointment: row.try_get("by_appointment")?,
    })
}
