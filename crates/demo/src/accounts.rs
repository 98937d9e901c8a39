//! One back-office account per role for the demo, with fixed passwords and
//! fixed second-factor keys (every role must use a second factor), and one
//! citizen account ([`CITIZEN`]), that the demo prints at every start. Never
//! for a real installation: the demo database is public by design.

use chrono::{NaiveDate, Utc};
use sportello_domain::{Actor, Centre, Contact, Email, Grant, Lang, Role, Scope, UserId};
use sportello_storage::{NewPerson, NewUser, Storage, StorageError};

/// A demo account as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoAccount {
    pub role: Role,
    pub email: &'static str,
    pub password: &'static str,
    /// The account's TOTP key (base32): add it to an authenticator app, or
    /// compute codes with `oathtool --totp -b KEY`. Each is the base32 of
    /// 20 readable bytes, `sportello-demo-…`.
    pub totp_key: &'static str,
    /// What the grant covers, in words.
    pub scope: &'static str,
}

/// The accounts, one per role; the centre ones are for Lecce.
pub const ACCOUNTS: [DemoAccount; 4] = [
    DemoAccount {
        role: Role::Admin,
        email: "admin@demo.sportello.test",
        password: "demo-sportello-amministrazione",
        totp_key: "ONYG64TUMVWGY3ZNMRSW23ZNMFSG22LO",
        scope: "installation",
    },
    DemoAccount {
        role: Role::Coordinator,
        email: "coordinator@demo.sportello.test",
        password: "demo-sportello-coordinamento",
        totp_key: "ONYG64TUMVWGY3ZNMRSW23ZNMNXW64TE",
        scope: "area lecce",
    },
    DemoAccount {
        role: Role::Operator,
        email: "operator@demo.sportello.test",
        password: "demo-sportello-centro-lecce",
        totp_key: "ONYG64TUMVWGY3ZNMRSW23ZNNRSWGY3F",
        scope: "centre lecce",
    },
    DemoAccount {
        role: Role::Mirato,
        email: "mirato@demo.sportello.test",
        password: "demo-sportello-legge68-lecce",
        totp_key: "ONYG64TUMVWGY3ZNMRSW23ZNNQ3DQOJZ",
        scope: "centre lecce (Collocamento Mirato)",
    },
];

/// Creates the demo accounts in a database that has no users yet, each with
/// its second factor on. In a demo database made before every role needed
/// a second factor, gives the demo accounts that have none their key.
pub async fn create(storage: &dyn Storage, centres: &[Centre]) -> Result<bool, StorageError> {
    if storage.count_users().await? > 0 {
        for account in ACCOUNTS {
            if let Some(found) = storage.credentials(account.email).await?
                && found.totp_secret.is_none()
            {
                enrol(storage, found.user.id, account).await?;
            }
        }
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
        enrol(storage, created.id, account).await?;
    }
    Ok(true)
}

/// The demo's citizen account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoCitizen {
    pub name: &'static str,
    pub email: &'static str,
    pub password: &'static str,
}

/// The citizen account printed at start (signs in at `/{lang}/account/sign-in`).
pub const CITIZEN: DemoCitizen = DemoCitizen {
    name: "Giulia Esposito",
    email: "persona@demo.sportello.test",
    password: "demo-sportello-cittadina",
};

/// Creates the demo's citizen account unless it exists; whether it did.
pub async fn create_citizen(storage: &dyn Storage) -> Result<bool, StorageError> {
    let email = Email::parse(CITIZEN.email).map_err(|e| StorageError::Invalid(e.to_string()))?;
    if storage
        .person_by_contact(&Contact::Email(email.clone()))
        .await?
        .is_some()
    {
        return Ok(false);
    }
    let person = NewPerson {
        name: CITIZEN.name.into(),
        email: Some(email),
        phone: None,
        birth_date: NaiveDate::from_ymd_opt(1994, 3, 17).unwrap_or_default(),
        lang: Lang::It,
        password_hash: Some(sportello_auth::hash_password(CITIZEN.password)),
    };
    storage.insert_person(&person, &Actor::system(), Utc::now()).await?;
    Ok(true)
}

/// Turns on the second factor of a demo account with its fixed key.
async fn enrol(storage: &dyn Storage, id: UserId, account: DemoAccount) -> Result<(), StorageError> {
    storage
        .set_totp(id, Some(account.totp_key), &[], &Actor::system(), Utc::now())
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_passwords_pass_the_policy_and_the_keys_are_valid() {
        for a in ACCOUNTS {
            assert_eq!(sportello_auth::check_policy(a.password, a.email), Ok(()), "{}", a.email);
            let key = sportello_auth::TotpSecret::from_base32(a.totp_key).expect("a base32 key");
            assert_eq!(key.to_base32(), a.totp_key, "{}: canonical", a.email);
            assert!(a.role.requires_second_factor());
        }
        let mut keys: Vec<&str> = ACCOUNTS.iter().map(|a| a.totp_key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), ACCOUNTS.len(), "one key per account");
        let roles: Vec<Role> = ACCOUNTS.iter().map(|a| a.role).collect();
        assert_eq!(roles, Role::ALL);
        assert_eq!(sportello_auth::check_policy(CITIZEN.password, CITIZEN.email), Ok(()));
    }
}
