//! One back-office account per role for the demo, with fixed passwords that
//! the demo prints at every start. Never for a real installation: the demo
//! database is public by design.

use chrono::Utc;
use sportello_domain::{Actor, Centre, Grant, Lang, Role, Scope};
use sportello_storage::{NewUser, Storage, StorageError};

/// A demo account as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoAccount {
    pub role: Role,
    pub email: &'static str,
    pub password: &'static str,
    /// What the grant covers, in words.
    pub scope: &'static str,
}

/// The TOTP key of the demo administrator (administrators must use a
/// second factor): add it to an authenticator app, or compute codes with
/// `oathtool --totp -b KEY`.
pub const ADMIN_TOTP_SECRET: &str = "ONYG64TUMVWGY3ZNMRSW23ZNMFSG22LO";

/// The accounts, one per role; the centre ones are for Lecce.
pub const ACCOUNTS: [DemoAccount; 4] = [
    DemoAccount {
        role: Role::Admin,
        email: "admin@demo.sportello.test",
        password: "demo-sportello-amministrazione",
        scope: "installation",
    },
    DemoAccount {
        role: Role::Coordinator,
        email: "coordinator@demo.sportello.test",
        password: "demo-sportello-coordinamento",
        scope: "area lecce",
    },
    DemoAccount {
        role: Role::Operator,
        email: "operator@demo.sportello.test",
        password: "demo-sportello-centro-lecce",
        scope: "centre lecce",
    },
    DemoAccount {
        role: Role::Mirato,
        email: "mirato@demo.sportello.test",
        password: "demo-sportello-legge68-lecce",
        scope: "centre lecce (Collocamento Mirato)",
    },
];

/// Creates the demo accounts in a database that has no users yet.
pub async fn create(storage: &dyn Storage, centres: &[Centre]) -> Result<bool, StorageError> {
    if storage.count_users().await? > 0 {
        return Ok(false);
    }
    let lecce = centres
        .iter()
        .find(|c| c.data.slug == "lecce")
        .ok_or_else(|| StorageError::Invalid("the demo needs the Lecce centre".into()))?;
    for account in ACCOUNTS {
        let scope = match account.role {
            Role::Admin => Scope::Installation,
            Role::Coordinator => Scope::Area(lecce.data.area.slug.clone()),
            Role::Operator | Role::Mirato => Scope::Centre(lecce.id),
        };
        let grant = Grant::new(account.role, scope).map_err(|e| StorageError::Invalid(e.to_string()))?;
        let user = NewUser {
            email: account.email.into(),
            name: format!("Demo {}", account.role.code()),
            lang: Lang::It,
            password_hash: sportello_auth::hash_password(account.password),
            must_change_password: false,
            grants: vec![grant],
        };
        let created = storage.insert_user(&user, &Actor::system(), Utc::now()).await?;
        if account.role == Role::Admin {
            storage
                .set_totp(created.id, Some(ADMIN_TOTP_SECRET), &[], &Actor::system(), Utc::now())
                .await?;
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_passwords_pass_the_policy_and_the_key_is_valid() {
        for a in ACCOUNTS {
            assert_eq!(sportello_auth::check_policy(a.password, a.email), Ok(()), "{}", a.email);
        }
        assert!(sportello_auth::TotpSecret::from_base32(ADMIN_TOTP_SECRET).is_some());
        let roles: Vec<Role> = ACCOUNTS.iter().map(|a| a.role).collect();
        assert_eq!(roles, Role::ALL);
    }
}
