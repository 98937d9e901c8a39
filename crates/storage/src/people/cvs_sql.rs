//! [`Cvs`] for both backends, written once (compiled per backend, like
//! every feature's SQL: see `crate::sqlite`). The CV is stored as the JSON
//! of the domain's `Cv`, which the application checked; its domicile is
//! also kept in a column of its own for lists and matching.

use std::collections::BTreeSet;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::people::cv::{Cv, CvConsents, CvSection};
use sportello_domain::{Actor, PersonId};
use sqlx::Row;

use super::Store;
use super::Tx;
use super::audit::write_audit;
use super::people_accounts::entry;
use crate::StorageError;
use crate::people::{ConsentRecord, Cvs, StoredCv};

/// The consent code of sharing `section`.
fn share_code(section: CvSection) -> String {
    format!("cv_share:{}", section.code())
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, StorageError> {
    serde_json::to_string(value).map_err(|e| StorageError::Invalid(e.to_string()))
}

/// Makes the person's CV row if there is none (an empty CV).
async fn ensure_row(tx: &mut Tx, person: PersonId, now: DateTime<Utc>) -> Result<(), StorageError> {
    let exists: Option<i64> = sqlx::query_scalar("SELECT person_id FROM cvs WHERE person_id = $1")
        .bind(person.0)
        .fetch_optional(&mut **tx)
        .await?;
    if exists.is_none() {
        sqlx::query("INSERT INTO cvs (person_id, document, updated_at) VALUES ($1, $2, $3)")
            .bind(person.0)
            .bind(json(&Cv::default())?)
            .bind(now)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

async fn consents_in(tx: &mut Tx, person: PersonId) -> Result<CvConsents, StorageError> {
    let row = sqlx::query("SELECT proposable, shared FROM cvs WHERE person_id = $1")
        .bind(person.0)
        .fetch_optional(&mut **tx)
        .await?;
    let Some(row) = row else {
        return Ok(CvConsents::default());
    };
    let shared: String = row.try_get("shared")?;
    Ok(CvConsents {
        proposable: row.try_get("proposable")?,
        shared: serde_json::from_str(&shared).map_err(|e| StorageError::Invalid(format!("shared sections: {e}")))?,
    })
}

#[async_trait]
impl Cvs for Store {
    async fn cv(&self, person: PersonId) -> Result<Option<StoredCv>, StorageError> {
        let row = sqlx::query("SELECT document, proposable, shared, updated_at FROM cvs WHERE person_id = $1")
            .bind(person.0)
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else { return Ok(None) };
        let document: String = row.try_get("document")?;
        let shared: String = row.try_get("shared")?;
        let shared: BTreeSet<CvSection> =
            serde_json::from_str(&shared).map_err(|e| StorageError::Invalid(format!("shared sections: {e}")))?;
        Ok(Some(StoredCv {
            cv: serde_json::from_str(&document).map_err(|e| StorageError::Invalid(format!("CV: {e}")))?,
            consents: CvConsents {
                proposable: row.try_get("proposable")?,
                shared,
            },
            updated_at: row.try_get("updated_at")?,
        }))
    }

    #[tracing::instrument(skip_all, fields(person = person.0))]
    async fn save_cv(&self, person: PersonId, cv: &Cv, actor: &Actor, now: DateTime<Utc>) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        ensure_row(&mut tx, person, now).await?;
        sqlx::query("UPDATE cvs SET document = $1, domicile = $2, updated_at = $3 WHERE person_id = $4")
            .bind(json(cv)?)
            .bind(cv.domicile.map(|d| d.as_str()))
            .bind(now)
            .bind(person.0)
            .execute(&mut *tx)
            .await?;
        write_audit(&mut tx, actor, &entry("person.cv_saved", person), now).await?;
        tx.commit().await?;
        Ok(())
    }

    #[tracing::instrument(skip_all, fields(person = person.0))]
    async fn set_cv_consents(
        &self,
        person: PersonId,
        consents: &CvConsents,
        notice_version: &str,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        ensure_row(&mut tx, person, now).await?;
        let before = consents_in(&mut tx, person).await?;
        let mut changed: Vec<(String, bool)> = Vec::new();
        if before.proposable != consents.proposable {
            changed.push(("cv_proposable".into(), consents.proposable));
        }
        for section in CvSection::ALL {
            if before.shares(section) != consents.shares(section) {
                changed.push((share_code(section), consents.shares(section)));
            }
        }
        if changed.is_empty() {
            return Ok(());
        }
        sqlx::query("UPDATE cvs SET proposable = $1, shared = $2 WHERE person_id = $3")
            .bind(consents.proposable)
            .bind(json(&consents.shared)?)
            .bind(person.0)
            .execute(&mut *tx)
            .await?;
        for (consent, granted) in &changed {
            sqlx::query(
                "INSERT INTO person_consents (person_id, consent, granted, notice_version, at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(person.0)
            .bind(consent)
            .bind(*granted)
            .bind(notice_version)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        let details =
            serde_json::json!({ "changed": changed.iter().map(|(c, g)| format!("{c}={g}")).collect::<Vec<_>>() });
        write_audit(
            &mut tx,
            actor,
            &entry("person.consents", person).details(details.to_string()),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn consent_records(&self, person: PersonId) -> Result<Vec<ConsentRecord>, StorageError> {
        let rows = sqlx::query(
            "SELECT consent, granted, notice_version, at FROM person_consents WHERE person_id = $1 ORDER BY id",
        )
        .bind(person.0)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ConsentRecord {
                    consent: r.try_get("consent")?,
                    granted: r.try_get("granted")?,
                    notice_version: r.try_get("notice_version")?,
                    at: r.try_get("at")?,
                })
            })
            .collect()
    }
}
