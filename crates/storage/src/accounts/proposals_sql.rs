//! The queries of the Collocamento Mirato grant proposals ([`crate::Accounts`]),
//! for both backends (compiled once per backend, like every feature's SQL:
//! see `crate::sqlite`). Approving writes the grant, removes the proposal
//! and logs both administrators in one transaction.

use chrono::{DateTime, Utc};
use sportello_domain::{Actor, CentreId, NewAuditEntry, UserId};
use sqlx::Row;

use super::Store;
use super::audit::write_audit;
use crate::{GrantProposal, StorageError};

impl Store {
    pub(super) async fn insert_mirato_proposal(
        &self,
        user: UserId,
        centre: CentreId,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let proposer = actor
            .user
            .ok_or(StorageError::Conflict("a proposal needs an administrator".into()))?;
        let mut tx = self.begin_write().await?;
        let added = sqlx::query(
            "INSERT INTO mirato_grant_proposals (user_id, centre_id, proposed_by, proposed_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (user_id, centre_id) DO NOTHING",
        )
        .bind(user.0)
        .bind(centre.0)
        .bind(proposer.0)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if added > 0 {
            let entry = NewAuditEntry::new("grant.propose_mirato", "user", &user.0.to_string()).centre(centre);
            write_audit(&mut tx, actor, &entry, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn select_mirato_proposals(&self) -> Result<Vec<GrantProposal>, StorageError> {
        let rows = sqlx::query(
            "SELECT id, user_id, centre_id, proposed_by, proposed_at FROM mirato_grant_proposals ORDER BY id",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(GrantProposal {
                    id: row.try_get("id")?,
                    user: UserId(row.try_get("user_id")?),
                    centre: CentreId(row.try_get("centre_id")?),
                    proposed_by: UserId(row.try_get("proposed_by")?),
                    proposed_at: row.try_get("proposed_at")?,
                })
            })
            .collect()
    }

    pub(super) async fn decide_mirato_proposal(
        &self,
        id: i64,
        approve: bool,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query("SELECT user_id, centre_id, proposed_by FROM mirato_grant_proposals WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StorageError::NotFound)?;
        let (user, centre, proposer): (i64, i64, i64) = (
            row.try_get("user_id")?,
            row.try_get("centre_id")?,
            row.try_get("proposed_by")?,
        );
        if approve && actor.user.is_none_or(|u| u.0 == proposer) {
            return Err(StorageError::Conflict("mirato grant approved by its proposer".into()));
        }
        sqlx::query("DELETE FROM mirato_grant_proposals WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if approve {
            sqlx::query(
                "INSERT INTO grants (user_id, role, centre_id, area_slug) VALUES ($1, 'mirato', $2, NULL) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(user)
            .bind(centre)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE users SET updated_at = $1 WHERE id = $2")
                .bind(now)
                .bind(user)
                .execute(&mut *tx)
                .await?;
        }
        let action = if approve {
            "grant.approve_mirato"
        } else {
            "grant.reject_mirato"
        };
        let details = serde_json::json!({ "proposed_by": proposer }).to_string();
        let entry = NewAuditEntry::new(action, "user", &user.to_string())
            .centre(CentreId(centre))
            .details(details);
        write_audit(&mut tx, actor, &entry, now).await?;
        tx.commit().await?;
        Ok(())
    }
}
