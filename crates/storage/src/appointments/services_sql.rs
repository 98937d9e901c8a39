//! [`Services`] for both backends, written once (compiled per backend, like
//! every feature's SQL: see `crate::sqlite`): each centre's services with their texts, access rules and
//! patron-saint days. Every change writes its audit row in its transaction.

use std::collections::BTreeMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::appointments::holidays::PatronDay;
use sportello_domain::{
    Actor, CentreId, Lang, Modality, NewAuditEntry, NewService, Service, ServiceId, ServiceKind, ServiceText,
};
use sqlx::{AssertSqlSafe, Row};

use super::Tx;
use super::audit::write_audit;
use super::rows::{DbRow, invalid};
use super::{Db, Store};
use crate::{Services, StorageError};

const SERVICE_SELECT: &str = "SELECT id, centre_id, kind, duration_minutes, in_office, by_phone, by_video, capacity, \
    min_notice_minutes, max_days_ahead, active, version FROM services";

fn service_from_row(row: &DbRow, texts: Vec<ServiceText>) -> Result<Service, StorageError> {
    let kind: String = row.try_get("kind")?;
    let number = |c: &str| -> Result<u32, StorageError> {
        let n: i32 = row.try_get(c)?;
        u32::try_from(n).map_err(|_| invalid(c, &n.to_string()))
    };
    let modalities = [
        ("in_office", Modality::InOffice),
        ("by_phone", Modality::Phone),
        ("by_video", Modality::Video),
    ]
    .into_iter()
    .filter_map(|(column, m)| match row.try_get::<bool, _>(column) {
        Ok(true) => Some(Ok(m)),
        Ok(false) => None,
        Err(e) => Some(Err(e)),
    })
    .collect::<Result<Vec<_>, _>>()?;
    Ok(Service {
        id: ServiceId(row.try_get("id")?),
        data: NewService {
            centre: CentreId(row.try_get("centre_id")?),
            kind: ServiceKind::parse(&kind).ok_or_else(|| invalid("kind", &kind))?,
            duration_minutes: number("duration_minutes")?,
            modalities,
            capacity: number("capacity")?,
            min_notice_minutes: number("min_notice_minutes")?,
            max_days_ahead: number("max_days_ahead")?,
            active: row.try_get("active")?,
            texts,
        },
        version: row.try_get("version")?,
    })
}

impl Store {
    async fn service_texts(&self, ids: &[i64]) -> Result<BTreeMap<i64, Vec<ServiceText>>, StorageError> {
        let mut texts: BTreeMap<i64, Vec<ServiceText>> = BTreeMap::new();
        if ids.is_empty() {
            return Ok(texts);
        }
        let mut q = sqlx::QueryBuilder::<Db>::new(
            "SELECT service_id, lang, name, description FROM service_texts WHERE service_id IN (",
        );
        let mut list = q.separated(", ");
        for id in ids {
            list.push_bind(*id);
        }
        q.push(")");
        for row in q.build().fetch_all(self.pool()).await? {
            let lang: String = row.try_get("lang")?;
            let lang = Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?;
            texts.entry(row.try_get("service_id")?).or_default().push(ServiceText {
                lang,
                name: row.try_get("name")?,
                description: row.try_get("description")?,
            });
        }
        for list in texts.values_mut() {
            list.sort_by_key(|t| t.lang.index());
        }
        Ok(texts)
    }

    async fn services_where(&self, column: &str, id: i64) -> Result<Vec<Service>, StorageError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{SERVICE_SELECT} WHERE {column} = $1 ORDER BY id"
        )))
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        let ids: Vec<i64> = rows.iter().map(|r| r.try_get("id")).collect::<Result<_, _>>()?;
        let mut texts = self.service_texts(&ids).await?;
        rows.iter()
            .map(|row| {
                let id: i64 = row.try_get("id")?;
                service_from_row(row, texts.remove(&id).unwrap_or_default())
            })
            .collect()
    }
}

async fn write_service_texts(tx: &mut Tx, id: i64, service: &NewService) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM service_texts WHERE service_id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    for text in &service.texts {
        sqlx::query("INSERT INTO service_texts (service_id, lang, name, description) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(text.lang.code())
            .bind(&text.name)
            .bind(&text.description)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

fn service_audit(action: &str, id: i64, service: &NewService) -> NewAuditEntry {
    let details = serde_json::json!({
        "kind": service.kind.code(),
        "duration_minutes": service.duration_minutes,
        "capacity": service.capacity,
        "active": service.active,
    })
    .to_string();
    NewAuditEntry::new(action, "service", &id.to_string())
        .centre(service.centre)
        .details(details)
}

/// Replaces a centre's access rules inside `tx`; an empty text removes a language.
async fn write_access_rules(
    tx: &mut Tx,
    centre: CentreId,
    rules: &BTreeMap<Lang, String>,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM centre_access_rules WHERE centre_id = $1")
        .bind(centre.0)
        .execute(&mut **tx)
        .await?;
    for (lang, body) in rules.iter().filter(|(_, body)| !body.trim().is_empty()) {
        sqlx::query("INSERT INTO centre_access_rules (centre_id, lang, body) VALUES ($1, $2, $3)")
            .bind(centre.0)
            .bind(lang.code())
            .bind(body.trim())
            .execute(&mut **tx)
            .await?;
    }
    let entry = NewAuditEntry::new("centre.access_rules", "centre", &centre.0.to_string()).centre(centre);
    write_audit(tx, actor, &entry, now).await?;
    Ok(())
}

/// Replaces a centre's patron-saint days inside `tx`.
async fn write_patron_days(
    tx: &mut Tx,
    centre: CentreId,
    days: &[PatronDay],
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<(), StorageError> {
    sqlx::query("DELETE FROM centre_patron_days WHERE centre_id = $1")
        .bind(centre.0)
        .execute(&mut **tx)
        .await?;
    for day in days {
        sqlx::query("INSERT INTO centre_patron_days (centre_id, month, day, name) VALUES ($1, $2, $3, $4)")
            .bind(centre.0)
            .bind(day.month as i32)
            .bind(day.day as i32)
            .bind(&day.name)
            .execute(&mut **tx)
            .await?;
    }
    let details = serde_json::json!({ "days": days.len() }).to_string();
    let entry = NewAuditEntry::new("centre.patron_days", "centre", &centre.0.to_string())
        .centre(centre)
        .details(details);
    write_audit(tx, actor, &entry, now).await?;
    Ok(())
}

#[async_trait]
impl Services for Store {
    async fn services(&self, centre: CentreId) -> Result<Vec<Service>, StorageError> {
        self.services_where("centre_id", centre.0).await
    }

    async fn service(&self, id: ServiceId) -> Result<Option<Service>, StorageError> {
        Ok(self.services_where("id", id.0).await?.pop())
    }

    #[tracing::instrument(skip_all)]
    async fn insert_service(
        &self,
        service: &NewService,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Service, StorageError> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO services (centre_id, kind, duration_minutes, in_office, by_phone, by_video, capacity, \
             min_notice_minutes, max_days_ahead, active) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(service.centre.0)
        .bind(service.kind.code())
        .bind(service.duration_minutes as i32)
        .bind(service.offers(Modality::InOffice))
        .bind(service.offers(Modality::Phone))
        .bind(service.offers(Modality::Video))
        .bind(service.capacity as i32)
        .bind(service.min_notice_minutes as i32)
        .bind(service.max_days_ahead as i32)
        .bind(service.active)
        .fetch_one(&mut *tx)
        .await?;
        write_service_texts(&mut tx, id, service).await?;
        write_audit(&mut tx, actor, &service_audit("service.create", id, service), now).await?;
        tx.commit().await?;
        self.service(ServiceId(id)).await?.ok_or(StorageError::NotFound)
    }

    #[tracing::instrument(skip_all, fields(id = id.0))]
    async fn update_service(
        &self,
        id: ServiceId,
        version: i64,
        service: &NewService,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<Service, StorageError> {
        let mut tx = self.begin_write().await?;
        let changed = sqlx::query(
            "UPDATE services SET duration_minutes = $2, in_office = $3, by_phone = $4, by_video = $5, \
             capacity = $6, min_notice_minutes = $7, max_days_ahead = $8, active = $9, version = version + 1 \
             WHERE id = $10 AND version = $11 AND centre_id = $12 AND kind = $1",
        )
        .bind(service.kind.code())
        .bind(service.duration_minutes as i32)
        .bind(service.offers(Modality::InOffice))
        .bind(service.offers(Modality::Phone))
        .bind(service.offers(Modality::Video))
        .bind(service.capacity as i32)
        .bind(service.min_notice_minutes as i32)
        .bind(service.max_days_ahead as i32)
        .bind(service.active)
        .bind(id.0)
        .bind(version)
        .bind(service.centre.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed != 1 {
            return Err(StorageError::Stale);
        }
        // Future slots, at the office and at the outreach points, take the
        // new capacity; the seats follow through their foreign key, and
        // their check refuses a capacity below a taken seat.
        for slots in ["slots", "point_slots"] {
            sqlx::query(AssertSqlSafe(format!(
                "UPDATE {slots} SET capacity = $1 WHERE service_id = $2 AND starts_at > $3"
            )))
            .bind(service.capacity as i32)
            .bind(id.0)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(|e| match StorageError::from(e) {
                StorageError::Invalid(_) | StorageError::Conflict(_) => StorageError::Full,
                other => other,
            })?;
        }
        write_service_texts(&mut tx, id.0, service).await?;
        write_audit(&mut tx, actor, &service_audit("service.update", id.0, service), now).await?;
        tx.commit().await?;
        self.service(id).await?.ok_or(StorageError::NotFound)
    }

    async fn access_rules(&self, centre: CentreId) -> Result<BTreeMap<Lang, String>, StorageError> {
        let rows = sqlx::query("SELECT lang, body FROM centre_access_rules WHERE centre_id = $1")
            .bind(centre.0)
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|row| {
                let lang: String = row.try_get("lang")?;
                let lang = Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?;
                Ok((lang, row.try_get("body")?))
            })
            .collect()
    }

    #[tracing::instrument(skip_all, fields(centre = centre.0))]
    async fn set_access_rules(
        &self,
        centre: CentreId,
        rules: &BTreeMap<Lang, String>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        write_access_rules(&mut tx, centre, rules, actor, now).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn patron_days(&self, centre: CentreId) -> Result<Vec<PatronDay>, StorageError> {
        let rows =
            sqlx::query("SELECT month, day, name FROM centre_patron_days WHERE centre_id = $1 ORDER BY month, day")
                .bind(centre.0)
                .fetch_all(self.pool())
                .await?;
        rows.iter()
            .map(|row| {
                let (month, day): (i32, i32) = (row.try_get("month")?, row.try_get("day")?);
                Ok(PatronDay {
                    month: month as u32,
                    day: day as u32,
                    name: row.try_get("name")?,
                })
            })
            .collect()
    }

    #[tracing::instrument(skip_all, fields(centre = centre.0))]
    async fn set_patron_days(
        &self,
        centre: CentreId,
        days: &[PatronDay],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        write_patron_days(&mut tx, centre, days, actor, now).await?;
        tx.commit().await?;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(centre = centre.0))]
    async fn set_visiting_rules(
        &self,
        centre: CentreId,
        rules: &BTreeMap<Lang, String>,
        days: &[PatronDay],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        write_access_rules(&mut tx, centre, rules, actor, now).await?;
        write_patron_days(&mut tx, centre, days, actor, now).await?;
        tx.commit().await?;
        Ok(())
    }
}
