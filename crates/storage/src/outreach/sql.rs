//! [`OutreachPoints`] for both backends, written once (compiled per
//! backend, like every feature's SQL: see `crate::sqlite`).

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::time::rome_date;
use sportello_domain::{
    Actor, CentreId, FieldError, Lang, NewAuditEntry, NewOutreachPoint, NewStop, OpeningHours, OutreachPoint,
    OutreachPointId, PatronDay, PointKind, PointText, ServiceId, Stop, StopId, check_stop,
};
use sqlx::{AssertSqlSafe, Row};

use super::Store;
use super::Tx;
use super::audit::write_audit;
use super::rows::{DbRow, invalid, time};
use crate::StorageError;
use crate::outreach::{OutreachPoints, StopCancel};

const STOP_SELECT: &str =
    "SELECT id, point_id, day, opens, closes, town, place, address, cancelled FROM outreach_stops";

fn stop_from_row(row: &DbRow) -> Result<Stop, StorageError> {
    Ok(Stop {
        id: StopId(row.try_get("id")?),
        point: OutreachPointId(row.try_get("point_id")?),
        data: NewStop {
            date: row.try_get("day")?,
            opens: time(&row.try_get::<String, _>("opens")?)?,
            closes: time(&row.try_get::<String, _>("closes")?)?,
            town: row.try_get("town")?,
            place: row.try_get("place")?,
            address: row.try_get("address")?,
        },
        cancelled: row.try_get("cancelled")?,
    })
}

fn patron_from_row(row: &DbRow) -> Result<PatronDay, StorageError> {
    let (month, day): (i32, i32) = (row.try_get("month")?, row.try_get("day")?);
    Ok(PatronDay {
        month: u32::try_from(month).map_err(|_| invalid("month", &month.to_string()))?,
        day: u32::try_from(day).map_err(|_| invalid("day", &day.to_string()))?,
        name: row.try_get("name")?,
    })
}

async fn patron_days_in(tx: &mut Tx, town: &str) -> Result<Vec<PatronDay>, StorageError> {
    sqlx::query("SELECT month, day, name FROM town_patron_days WHERE town = $1 ORDER BY month, day")
        .bind(town)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(patron_from_row)
        .collect()
}

/// Which points [`Store::load_points`] reads.
enum Pick<'a> {
    All,
    Centre(CentreId),
    Id(OutreachPointId),
    Slug(&'a str),
}

impl Store {
    /// The points chosen, each with its texts, hours and services.
    async fn load_points(&self, pick: Pick<'_>) -> Result<Vec<OutreachPoint>, StorageError> {
        let filter = match pick {
            Pick::All => "TRUE",
            Pick::Centre(_) => "centre_id = $1",
            Pick::Id(_) => "id = $1",
            Pick::Slug(_) => "slug = $1",
        };
        let sql = format!(
            "SELECT id, centre_id, slug, kind, town, address FROM outreach_points WHERE {filter} \
             ORDER BY centre_id, slug"
        );
        let query = sqlx::query(AssertSqlSafe(sql));
        let query = match pick {
            Pick::All => query,
            Pick::Centre(c) => query.bind(c.0),
            Pick::Id(p) => query.bind(p.0),
            Pick::Slug(s) => query.bind(s.to_string()),
        };
        let rows = query.fetch_all(self.pool()).await?;
        let mut points = Vec::with_capacity(rows.len());
        for row in &rows {
            let kind: String = row.try_get("kind")?;
            points.push(OutreachPoint {
                id: OutreachPointId(row.try_get("id")?),
                data: NewOutreachPoint {
                    centre: CentreId(row.try_get("centre_id")?),
                    slug: row.try_get("slug")?,
                    kind: PointKind::parse(&kind).ok_or_else(|| invalid("kind", &kind))?,
                    town: row.try_get("town")?,
                    address: row.try_get("address")?,
                    hours: Vec::new(),
                    services: Vec::new(),
                    texts: Vec::new(),
                },
            });
        }
        for point in &mut points {
            let id = point.id.0;
            point.data.texts = sqlx::query(
                "SELECT lang, name, description FROM outreach_point_texts WHERE point_id = $1 ORDER BY lang",
            )
            .bind(id)
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|t| {
                let lang: String = t.try_get("lang")?;
                Ok(PointText {
                    lang: Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?,
                    name: t.try_get("name")?,
                    description: t.try_get("description")?,
                })
            })
            .collect::<Result<_, StorageError>>()?;
            point.data.hours = sqlx::query(
                "SELECT weekday, opens, closes FROM outreach_hours WHERE point_id = $1 ORDER BY weekday, opens",
            )
            .bind(id)
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|h| {
                let weekday: i32 = h.try_get("weekday")?;
                Ok(OpeningHours {
                    weekday: u8::try_from(weekday).map_err(|_| invalid("weekday", &weekday.to_string()))?,
                    opens: time(&h.try_get::<String, _>("opens")?)?,
                    closes: time(&h.try_get::<String, _>("closes")?)?,
                    by_appointment: false,
                })
            })
            .collect::<Result<_, StorageError>>()?;
            point.data.services =
                sqlx::query_scalar("SELECT service_id FROM outreach_services WHERE point_id = $1 ORDER BY service_id")
                    .bind(id)
                    .fetch_all(self.pool())
                    .await?
                    .into_iter()
                    .map(ServiceId)
                    .collect();
        }
        Ok(points)
    }
}

#[async_trait]
impl OutreachPoints for Store {
    #[tracing::instrument(skip_all, fields(slug = %point.slug))]
    async fn insert_point(&self, point: &NewOutreachPoint) -> Result<OutreachPoint, StorageError> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO outreach_points (centre_id, slug, kind, town, address) VALUES ($1, $2, $3, $4, $5) \
             RETURNING id",
        )
        .bind(point.centre.0)
        .bind(&point.slug)
        .bind(point.kind.code())
        .bind(&point.town)
        .bind(&point.address)
        .fetch_one(&mut *tx)
        .await?;
        for t in &point.texts {
            sqlx::query("INSERT INTO outreach_point_texts (point_id, lang, name, description) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(t.lang.code())
                .bind(&t.name)
                .bind(&t.description)
                .execute(&mut *tx)
                .await?;
        }
        for h in &point.hours {
            sqlx::query("INSERT INTO outreach_hours (point_id, weekday, opens, closes) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(i32::from(h.weekday))
                .bind(h.opens.format("%H:%M").to_string())
                .bind(h.closes.format("%H:%M").to_string())
                .execute(&mut *tx)
                .await?;
        }
        for s in &point.services {
            // Only a service of the point's own centre.
            let added = sqlx::query(
                "INSERT INTO outreach_services (point_id, service_id) \
                 SELECT $1, id FROM services WHERE id = $2 AND centre_id = $3",
            )
            .bind(id)
            .bind(s.0)
            .bind(point.centre.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if added != 1 {
                return Err(StorageError::NotFound);
            }
        }
        tx.commit().await?;
        Ok(OutreachPoint {
            id: OutreachPointId(id),
            data: point.clone(),
        })
    }

    async fn points(&self, centre: Option<CentreId>) -> Result<Vec<OutreachPoint>, StorageError> {
        self.load_points(centre.map_or(Pick::All, Pick::Centre)).await
    }

    async fn point(&self, id: OutreachPointId) -> Result<Option<OutreachPoint>, StorageError> {
        Ok(self.load_points(Pick::Id(id)).await?.pop())
    }

    async fn point_by_slug(&self, slug: &str) -> Result<Option<OutreachPoint>, StorageError> {
        // Only what the schema accepts as a slug names a point; anything
        // else (a NUL byte, which PostgreSQL refuses in text) names none.
        let shaped = slug.bytes().next().is_some_and(|b| b != b'-')
            && slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !shaped {
            return Ok(None);
        }
        Ok(self.load_points(Pick::Slug(slug)).await?.pop())
    }

    async fn stops(&self, point: OutreachPointId, from: NaiveDate, limit: usize) -> Result<Vec<Stop>, StorageError> {
        sqlx::query(AssertSqlSafe(format!(
            "{STOP_SELECT} WHERE point_id = $1 AND day >= $2 ORDER BY day, opens, id LIMIT $3"
        )))
        .bind(point.0)
        .bind(from)
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(stop_from_row)
        .collect()
    }

    async fn upcoming_stops(
        &self,
        centre: Option<CentreId>,
        now: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<(OutreachPoint, Stop)>, StorageError> {
        let points = self.points(centre).await?;
        if points.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<String> = points.iter().map(|p| p.id.0.to_string()).collect();
        // Today's stops may be over already: a few more are read, then
        // those over are left out.
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{STOP_SELECT} WHERE NOT cancelled AND day >= $1 AND point_id IN ({}) ORDER BY day, opens, id LIMIT $2",
            ids.join(", ")
        )))
        .bind(rome_date(now))
        .bind(i64::try_from(limit.saturating_add(20)).unwrap_or(i64::MAX))
        .fetch_all(self.pool())
        .await?;
        let mut stops = Vec::new();
        for row in &rows {
            let stop = stop_from_row(row)?;
            if stop.upcoming(now)
                && stops.len() < limit
                && let Some(point) = points.iter().find(|p| p.id == stop.point)
            {
                stops.push((point.clone(), stop));
            }
        }
        Ok(stops)
    }

    async fn stop(&self, id: StopId) -> Result<Option<Stop>, StorageError> {
        sqlx::query(AssertSqlSafe(format!("{STOP_SELECT} WHERE id = $1")))
            .bind(id.0)
            .fetch_optional(self.pool())
            .await?
            .as_ref()
            .map(stop_from_row)
            .transpose()
    }

    #[tracing::instrument(skip_all, fields(point = point.0))]
    async fn add_stop(
        &self,
        point: OutreachPointId,
        stop: &NewStop,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Result<Stop, Vec<FieldError>>, StorageError> {
        let mut tx = self.begin_write().await?;
        // The point's row is locked (PostgreSQL; SQLite writes one at a
        // time): stops of one tour are added one after the other.
        let lock = if Store::BACKEND == "postgres" {
            " FOR UPDATE"
        } else {
            ""
        };
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT centre_id, kind FROM outreach_points WHERE id = $1{lock}"
        )))
        .bind(point.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StorageError::NotFound)?;
        let centre = CentreId(row.try_get("centre_id")?);
        let kind: String = row.try_get("kind")?;
        if kind != PointKind::Tour.code() {
            return Err(StorageError::NotFound);
        }
        let same_day: Vec<Stop> = sqlx::query(AssertSqlSafe(format!(
            "{STOP_SELECT} WHERE point_id = $1 AND day = $2 AND NOT cancelled"
        )))
        .bind(point.0)
        .bind(stop.date)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(stop_from_row)
        .collect::<Result<_, _>>()?;
        let patrons = patron_days_in(&mut tx, &stop.town).await?;
        let others: Vec<&NewStop> = same_day.iter().map(|s| &s.data).collect();
        let errors = check_stop(stop, now, &patrons, &others);
        if !errors.is_empty() {
            tx.rollback().await?;
            return Ok(Err(errors));
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO outreach_stops (point_id, day, opens, closes, town, place, address, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(point.0)
        .bind(stop.date)
        .bind(stop.opens.format("%H:%M").to_string())
        .bind(stop.closes.format("%H:%M").to_string())
        .bind(&stop.town)
        .bind(&stop.place)
        .bind(&stop.address)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let details = serde_json::json!({ "point": point.0, "date": stop.date, "town": stop.town }).to_string();
        let entry = NewAuditEntry::new("stop.create", "stop", &id.to_string())
            .centre(centre)
            .details(details);
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(Ok(Stop {
            id: StopId(id),
            point,
            data: stop.clone(),
            cancelled: false,
        }))
    }

    #[tracing::instrument(skip_all, fields(stop = id.0))]
    async fn cancel_stop(&self, id: StopId, actor: &Actor, now: DateTime<Utc>) -> Result<StopCancel, StorageError> {
        let mut tx = self.begin_write().await?;
        let lock = if Store::BACKEND == "postgres" {
            " FOR UPDATE"
        } else {
            ""
        };
        let row = sqlx::query(AssertSqlSafe(format!("{STOP_SELECT} WHERE id = $1{lock}")))
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StorageError::NotFound)?;
        let mut stop = stop_from_row(&row)?;
        let booked: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM bookings WHERE point_id = $1 AND status = 'booked' \
             AND starts_at >= $2 AND starts_at < $3",
        )
        .bind(stop.point.0)
        .bind(stop.data.start())
        .bind(stop.data.end())
        .fetch_one(&mut *tx)
        .await?;
        if booked > 0 {
            tx.rollback().await?;
            return Ok(StopCancel::HasBookings(u32::try_from(booked).unwrap_or(u32::MAX)));
        }
        sqlx::query("UPDATE outreach_stops SET cancelled = TRUE WHERE id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        let centre: i64 = sqlx::query_scalar("SELECT centre_id FROM outreach_points WHERE id = $1")
            .bind(stop.point.0)
            .fetch_one(&mut *tx)
            .await?;
        let entry = NewAuditEntry::new("stop.cancel", "stop", &id.0.to_string()).centre(CentreId(centre));
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        stop.cancelled = true;
        Ok(StopCancel::Cancelled(stop))
    }

    async fn town_patron_days(&self, town: &str) -> Result<Vec<PatronDay>, StorageError> {
        sqlx::query("SELECT month, day, name FROM town_patron_days WHERE town = $1 ORDER BY month, day")
            .bind(town)
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(patron_from_row)
            .collect()
    }

    async fn set_town_patron_days(
        &self,
        town: &str,
        days: &[PatronDay],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM town_patron_days WHERE town = $1")
            .bind(town)
            .execute(&mut *tx)
            .await?;
        for d in days {
            sqlx::query("INSERT INTO town_patron_days (town, month, day, name) VALUES ($1, $2, $3, $4)")
                .bind(town)
                .bind(i32::try_from(d.month).unwrap_or(0))
                .bind(i32::try_from(d.day).unwrap_or(0))
                .bind(&d.name)
                .execute(&mut *tx)
                .await?;
        }
        let listed: Vec<String> = days
            .iter()
            .map(|d| format!("{:02}-{:02} {}", d.month, d.day, d.name))
            .collect();
        let details = serde_json::json!({ "days": listed }).to_string();
        let entry = NewAuditEntry::new("town_patron_days.set", "town", town).details(details);
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(())
    }
}
