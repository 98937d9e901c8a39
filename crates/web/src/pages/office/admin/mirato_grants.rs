//! Collocamento Mirato grants take two administrators (they open art. 9
//! data): a grant ticked on the users page becomes a proposal that another
//! administrator approves or rejects; with a single administrator it is
//! refused, and `sportello user add --role mirato` on the server is the way.
//! Removing a mirato grant needs no approval.

use axum::extract::State;
use axum::response::Response;
use chrono::Utc;
use serde::Serialize;
use sportello_domain::{CentreId, Grant, Role, Scope, User, UserId};
use sportello_storage::StorageError;

use crate::AppState;
use crate::error::AppError;
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::see_other;
use crate::session::{Office, SignedIn};
use sportello_app::i18n::{args, msg_args};

/// Grants to set now and Collocamento Mirato grants to propose.
pub struct Split {
    pub now: Vec<Grant>,
    pub proposed: Vec<CentreId>,
}

/// Splits the grants an administrator ticked for a user who holds
/// `before`: the new mirato grants are only proposed; /// `None` when they cannot be (one administrator only).
pub async fn split(state: &AppState, wanted: Vec<Grant>, before: &[Grant]) -> Result<Option<Split>, StorageError> {
    let (new_mirato, now): (Vec<Grant>, Vec<Grant>) = wanted
        .into_iter()
        .partition(|g| g.role == Role::Mirato && !before.contains(g));
    if new_mirato.is_empty() {
        return Ok(Some(Split {
            now,
            proposed: Vec::new(),
        }));
    }
    let admins = state
        .storage
        .users()
        .await?
        .iter()
        .filter(|u| u.active && u.grants.iter().any(|g| g.role == Role::Admin))
        .count();
    if admins < 2 {
        return Ok(None);
    }
    let proposed = new_mirato
        .iter()
        .filter_map(|g| match g.scope {
            Scope::Centre(c) => Some(c),
            _ => None,
        })
        .collect();
    Ok(Some(Split { now, proposed }))
}

/// Records the proposals of `split` for `target`.
pub async fn propose(state: &AppState, user: &SignedIn, target: UserId, split: &Split) -> Result<(), StorageError> {
    let now = Utc::now();
    for centre in &split.proposed {
        state
            .storage
            .propose_mirato_grant(target, *centre, &user.actor(), now)
            .await?;
    }
    Ok(())
}

/// A proposal as the users page lists it.
#[derive(Debug, Serialize)]
pub struct ProposalView {
    id: i64,
    text: String,
    /// Proposed by the reader: someone else must decide.
    own: bool,
}

/// The proposals waiting, in the reader's words.
pub async fn waiting(state: &AppState, reader: &SignedIn, users: &[User]) -> Result<Vec<ProposalView>, StorageError> {
    let lang = reader.lang;
    let name = |id: UserId| {
        users
            .iter()
            .find(|u| u.id == id)
            .map(|u| format!("{} ({})", u.name, u.email))
    };
    Ok(state
        .storage
        .mirato_grant_proposals()
        .await?
        .into_iter()
        .map(|p| {
            let centre = reader
                .centres
                .iter()
                .find(|c| c.id == p.centre)
                .map(|c| c.data.name.clone())
                .unwrap_or_default();
            let text = msg_args(
                lang,
                "user-proposal",
                &args(&[
                    ("user", name(p.user).unwrap_or_default().into()),
                    ("centre", centre.into()),
                    ("proposer", name(p.proposed_by).unwrap_or_default().into()),
                ]),
            );
            ProposalView {
                id: p.id,
                text,
                own: p.proposed_by == reader.user.id,
            }
        })
        .collect())
}

/// `POST /{lang}/office/admin/users/proposals/{id}` with `action` =
/// `approve` (not by its proposer) or `reject`.
pub async fn decide(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, id)): PathParams<(String, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let action = form.get("action");
    user.admin_only(&state, &format!("grant.{action}_mirato")).await?;
    let approve = match action.as_str() {
        "approve" => true,
        "reject" => false,
        other => return Err(AppError::bad_parameter("action", other).page(lang)),
    };
    match state
        .storage
        .decide_mirato_grant(id, approve, &user.actor(), Utc::now())
        .await
    {
        Ok(()) => Ok(see_other(&format!("/{lang}/office/admin/users"))),
        // Its own proposal: another administrator must approve it.
        Err(StorageError::Conflict(_)) => {
            let id = id.to_string();
            Err(user.deny(&state, "grant.approve_mirato", "grant_proposal", &id).await)
        }
        Err(e) => Err(AppError::from(e).page(lang)),
    }
}
