//! What the back office asks of the database about its users: accounts
//! ([`Accounts`]: users and their grants, second factors, the installation
//! key) and how they sign in ([`Sessions`]: sessions and
//! API tokens). Every change to a user, a grant or a token writes its audit
//! row in the same transaction. The SQL of both backends is beside them, in
//! `users_sql.rs` and `sessions_sql.rs`.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sportello_domain::{Actor, CentreId, Grant, Lang, User, UserId};

use crate::StorageError;

/// A user before it is stored.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Already checked and lower-cased.
    pub email: String,
    pub name: String,
    pub lang: Lang,
    /// Argon2id PHC string.
    pub password_hash: String,
    pub must_change_password: bool,
    pub grants: Vec<Grant>,
}

/// A user with what signing in checks. `Debug` hides the secrets.
#[derive(Clone)]
pub struct Credentials {
    pub user: User,
    pub password_hash: String,
    /// Base32 TOTP secret when the second factor is on (kept sealed in the
    /// database, opened here with the data keys).
    pub totp_secret: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user.email)
            .finish_non_exhaustive()
    }
}

/// How far a session has got through signing in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionStage {
    /// The password was right; the second factor is awaited.
    SecondFactor,
    /// Signed in.
    Full,
}

impl SessionStage {
    pub fn code(self) -> &'static str {
        match self {
            SessionStage::SecondFactor => "second_factor",
            SessionStage::Full => "full",
        }
    }

    pub fn parse(code: &str) -> Option<SessionStage> {
        match code {
            "second_factor" => Some(SessionStage::SecondFactor),
            "full" => Some(SessionStage::Full),
            _ => None,
        }
    }
}

/// A stored session (the cookie's token is known only by its hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    pub user: UserId,
    pub stage: SessionStage,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

/// An API token as listed to its owner (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// When the API stops accepting it (see `sportello_domain::TokenLifetime`).
    pub expires_at: DateTime<Utc>,
}

/// A Collocamento Mirato grant one administrator proposed, waiting for
/// another to approve it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantProposal {
    pub id: i64,
    pub user: UserId,
    pub centre: CentreId,
    pub proposed_by: UserId,
    pub proposed_at: DateTime<Utc>,
}

#[async_trait]
pub trait Accounts: Send + Sync {
    /// The installation's random key: made by `generate` and stored on the
    /// first call, read on every later call (by any node).
    async fn installation_key(&self, generate: &(dyn Fn() -> String + Send + Sync)) -> Result<String, StorageError>;

    async fn count_users(&self) -> Result<u64, StorageError>;
    async fn insert_user(&self, user: &NewUser, actor: &Actor, now: DateTime<Utc>) -> Result<User, StorageError>;
    /// Every user, by e-mail.
    async fn users(&self) -> Result<Vec<User>, StorageError>;
    async fn user(&self, id: UserId) -> Result<Option<User>, StorageError>;
    /// The user with this e-mail (lower-case) and what signing in checks.
    async fn credentials(&self, email: &str) -> Result<Option<Credentials>, StorageError>;
    async fn credentials_by_id(&self, id: UserId) -> Result<Option<Credentials>, StorageError>;
    /// Changes name, language and whether the account is active. Deactivating
    /// ends the user's sessions and API tokens stop working.
    async fn update_user(
        &self,
        id: UserId,
        name: &str,
        lang: Lang,
        active: bool,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<User, StorageError>;
    /// Replaces the user's grants.
    async fn set_grants(
        &self,
        id: UserId,
        grants: &[Grant],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<User, StorageError>;
    /// Proposes a Collocamento Mirato grant on `centre` for `user`: it takes
    /// effect once another administrator approves it. Proposing it again
    /// changes nothing.
    async fn propose_mirato_grant(
        &self,
        user: UserId,
        centre: CentreId,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
    /// The proposals waiting for a second administrator, oldest first.
    async fn mirato_grant_proposals(&self) -> Result<Vec<GrantProposal>, StorageError>;
    /// Approves (adding the grant) or rejects a proposal, as an
    /// administrator who did not make it ([`StorageError::Conflict`]
    /// otherwise); the proposal is gone either way.
    async fn decide_mirato_grant(
        &self,
        id: i64,
        approve: bool,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
    /// Sets a new password hash and ends every session of the user except
    /// `keep_session` (the hash of the session that made the change); the
    /// user's API tokens are revoked in the same transaction.
    async fn set_password(
        &self,
        id: UserId,
        password_hash: &str,
        must_change: bool,
        keep_session: Option<&str>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
    /// Turns the second factor on (with its recovery codes' salted hashes)
    /// or off; either way the user's API tokens are revoked in the same
    /// transaction. The secret is sealed with the data keys before it is
    /// stored.
    async fn set_totp(
        &self,
        id: UserId,
        secret: Option<&str>,
        recovery_code_hashes: &[String],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
    /// Records that the TOTP code of `step` was used; false when that step
    /// or a later one was used already (a replay), on any node.
    async fn use_totp_step(&self, id: UserId, step: i64) -> Result<bool, StorageError>;
    /// The stored hashes of the user's unused recovery codes, to verify a
    /// typed code against (they are salted: a code cannot be looked up).
    async fn unused_recovery_code_hashes(&self, id: UserId) -> Result<Vec<String>, StorageError>;
    /// Uses up the recovery code stored with `code_hash` (one of
    /// [`Accounts::unused_recovery_code_hashes`]); false when unknown or
    /// used already, on any node.
    async fn use_recovery_code(&self, id: UserId, code_hash: &str, now: DateTime<Utc>) -> Result<bool, StorageError>;
    async fn unused_recovery_codes(&self, id: UserId) -> Result<u64, StorageError>;
}

/// Sessions of signed-in users and personal API tokens.
#[async_trait]
pub trait Sessions: Send + Sync {
    async fn create_session(
        &self,
        id_hash: &str,
        user: UserId,
        stage: SessionStage,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
    async fn session(&self, id_hash: &str) -> Result<Option<SessionRecord>, StorageError>;
    async fn touch_session(&self, id_hash: &str, now: DateTime<Utc>) -> Result<(), StorageError>;
    async fn delete_session(&self, id_hash: &str) -> Result<(), StorageError>;
    /// Removes sessions idle since `idle_before` or created before `created_before`.
    async fn purge_sessions(
        &self,
        idle_before: DateTime<Utc>,
        created_before: DateTime<Utc>,
    ) -> Result<u64, StorageError>;

    /// Stores a new token (by its hash) that works until `expires_at`.
    async fn insert_api_token(
        &self,
        user: UserId,
        name: &str,
        token_hash: &str,
        expires_at: DateTime<Utc>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<ApiToken, StorageError>;
    async fn api_tokens(&self, user: UserId) -> Result<Vec<ApiToken>, StorageError>;
    async fn revoke_api_token(
        &self,
        user: UserId,
        token: i64,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
    /// The active user owning this token, unless it is revoked or expired
    /// at `now`; notes its use.
    async fn user_by_api_token(&self, token_hash: &str, now: DateTime<Utc>) -> Result<Option<User>, StorageError>;
}
