//! What citizen accounts ask of the database ([`People`]): the accounts
//! with their confirmed contacts, password and second factor; their
//! sessions; and the one-time challenges that confirm a contact, sign
//! someone in or set a new password. A challenge's message (the mail with
//! the link, the text with the code) is queued in the same transaction as
//! the challenge, and every change to an account writes its audit row,
//! naming the person by id only. [`Cvs`] keeps each person's structured CV
//! and the record of their consents; [`Erasure`] forgets a person, and the
//! bodies of old messages. The SQL of both backends is in `accounts_sql.rs`,
//! `challenges_sql.rs`, `cvs_sql.rs` and `erase_sql.rs`.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use sportello_domain::people::cv::{Cv, CvConsents};
use sportello_domain::{Actor, ChallengePurpose, Contact, Email, Lang, Notification, PersonAccount, PersonId, Phone};

use crate::{SessionStage, StorageError};

/// An account before it is stored (its contact just confirmed).
#[derive(Clone)]
pub struct NewPerson {
    pub name: String,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub birth_date: NaiveDate,
    pub lang: Lang,
    /// Argon2id PHC string.
    pub password_hash: Option<String>,
}

impl std::fmt::Debug for NewPerson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewPerson")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// An account with what signing in checks. `Debug` hides the secrets.
#[derive(Clone)]
pub struct PersonCredentials {
    pub account: PersonAccount,
    pub password_hash: Option<String>,
    /// Base32 TOTP secret when the second factor is on (sealed in the
    /// database, opened here).
    pub totp_secret: Option<String>,
}

impl std::fmt::Debug for PersonCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PersonCredentials")
            .field("id", &self.account.id)
            .finish_non_exhaustive()
    }
}

/// A challenge before it is stored.
#[derive(Clone)]
pub struct NewChallenge {
    pub purpose: ChallengePurpose,
    /// SHA-256 of the random token of the link or of the code's page.
    pub token_hash: String,
    /// Keyed hash of the code sent by text.
    pub code_hash: Option<String>,
    pub person: Option<PersonId>,
    /// Where the message goes.
    pub contact: Contact,
    /// A sign-up's account to make, as JSON (see `app::people`).
    pub details: String,
    /// False for a challenge that must never succeed (the answer given to a
    /// contact that is already, or not, known).
    pub live: bool,
    pub expires_at: DateTime<Utc>,
}

/// A stored challenge.
#[derive(Clone)]
pub struct Challenge {
    pub id: i64,
    pub purpose: ChallengePurpose,
    pub code_hash: Option<String>,
    pub person: Option<PersonId>,
    /// The address or number the message went to.
    pub contact: String,
    pub details: String,
    pub live: bool,
    pub attempts: u32,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

impl std::fmt::Debug for Challenge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Challenge")
            .field("id", &self.id)
            .field("purpose", &self.purpose)
            .finish_non_exhaustive()
    }
}

impl Challenge {
    /// Whether its link or code can still be used at `now`.
    pub fn usable(&self, now: DateTime<Utc>) -> bool {
        self.live
            && self.used_at.is_none()
            && self.expires_at > now
            && self.attempts < sportello_domain::people::CODE_ATTEMPTS
    }
}

/// A stored session of a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSession {
    pub person: PersonId,
    pub stage: SessionStage,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

#[async_trait]
pub trait People: Send + Sync {
    /// Stores an account whose contact is already confirmed (the demo's
    /// people; an account made by a person goes through
    /// [`PersonChallenges::complete_sign_up`]). `Conflict` when the contact
    /// belongs to another account.
    async fn insert_person(
        &self,
        person: &NewPerson,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<PersonAccount, StorageError>;
    async fn person(&self, id: PersonId) -> Result<Option<PersonAccount>, StorageError>;
    async fn person_credentials(&self, id: PersonId) -> Result<Option<PersonCredentials>, StorageError>;
    /// The account whose confirmed e-mail address or number is `contact`.
    async fn person_by_contact(&self, contact: &Contact) -> Result<Option<PersonCredentials>, StorageError>;

    /// Changes the name and language.
    async fn update_person(
        &self,
        id: PersonId,
        name: &str,
        lang: Lang,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<PersonAccount, StorageError>;
    /// Sets (or, with `None`, removes) the password; every other session
    /// of the account than `keep_session` ends.
    async fn set_person_password(
        &self,
        id: PersonId,
        password_hash: Option<&str>,
        keep_session: &str,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
    /// Turns the second factor on (with its recovery codes' hashes) or off.
    async fn set_person_totp(
        &self,
        id: PersonId,
        secret: Option<&str>,
        recovery_code_hashes: &[String],
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
    /// Records TOTP time step `step` as used; false if it (or a later one) was.
    async fn use_person_totp_step(&self, id: PersonId, step: i64) -> Result<bool, StorageError>;
    async fn unused_person_recovery_code_hashes(&self, id: PersonId) -> Result<Vec<String>, StorageError>;
    async fn use_person_recovery_code(
        &self,
        id: PersonId,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError>;

    async fn create_person_session(
        &self,
        id_hash: &str,
        person: PersonId,
        stage: SessionStage,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
    async fn person_session(&self, id_hash: &str) -> Result<Option<PersonSession>, StorageError>;
    /// Writes the session's last-seen time and the account's last activity.
    async fn touch_person_session(&self, id_hash: &str, now: DateTime<Utc>) -> Result<(), StorageError>;
    async fn delete_person_session(&self, id_hash: &str) -> Result<(), StorageError>;
    async fn purge_person_sessions(
        &self,
        idle_before: DateTime<Utc>,
        created_before: DateTime<Utc>,
    ) -> Result<u64, StorageError>;
}

/// The one-time challenges of citizen accounts (`challenges_sql.rs`).
#[async_trait]
pub trait PersonChallenges: Send + Sync {
    /// Stores a challenge and queues its message in the same transaction.
    async fn create_challenge(
        &self,
        challenge: &NewChallenge,
        message: &Notification,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
    async fn challenge(&self, token_hash: &str) -> Result<Option<Challenge>, StorageError>;
    /// Counts one wrong code against the challenge; the attempts so far.
    async fn count_wrong_code(&self, token_hash: &str) -> Result<u32, StorageError>;
    /// Uses a sign-up challenge: creates the account (`Conflict` when its
    /// contact belongs to an account made meanwhile; `Stale` when the
    /// challenge was used or is no longer usable).
    async fn complete_sign_up(
        &self,
        token_hash: &str,
        person: &NewPerson,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<PersonAccount, StorageError>;
    /// Uses a challenge of its account (signing in, a new password): `Stale`
    /// when it was used or is no longer usable. A new password, if given,
    /// is set in the same transaction, and every session of the account
    /// ends.
    async fn use_challenge(
        &self,
        token_hash: &str,
        new_password_hash: Option<&str>,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<PersonAccount, StorageError>;
    /// Uses a challenge confirming a new e-mail address or number and puts
    /// it on the account (`Conflict` when another account has it), with
    /// `notice` (to the old address) queued in the same transaction.
    async fn confirm_contact(
        &self,
        token_hash: &str,
        notice: &Notification,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<PersonAccount, StorageError>;
    /// Deletes challenges used, or expired before `before`; how many.
    async fn purge_challenges(&self, before: DateTime<Utc>) -> Result<u64, StorageError>;
}

/// A consent given or withdrawn, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentRecord {
    /// `cv_proposable`, or `cv_share:SECTION`.
    pub consent: String,
    pub granted: bool,
    pub notice_version: String,
    pub at: DateTime<Utc>,
}

/// A person's CV as stored, with what they agreed to share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCv {
    pub cv: Cv,
    pub consents: CvConsents,
    pub updated_at: DateTime<Utc>,
}

/// The structured CVs and the consents about them (`cvs_sql.rs`).
#[async_trait]
pub trait Cvs: Send + Sync {
    /// The person's CV; none before they saved one.
    async fn cv(&self, person: PersonId) -> Result<Option<StoredCv>, StorageError>;
    /// Saves the CV (its consents unchanged; none for a first one).
    async fn save_cv(&self, person: PersonId, cv: &Cv, actor: &Actor, now: DateTime<Utc>) -> Result<(), StorageError>;
    /// Sets what the person agrees to, recording each consent that changed
    /// with `notice_version`, in one transaction. A person without a CV
    /// gets an empty one.
    async fn set_cv_consents(
        &self,
        person: PersonId,
        consents: &CvConsents,
        notice_version: &str,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(), StorageError>;
    /// Every consent recorded for the person, oldest first.
    async fn consent_records(&self, person: PersonId) -> Result<Vec<ConsentRecord>, StorageError>;
}

/// What erasing a person removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Erased {
    /// Bookings and registrations kept for the counts, without the person.
    pub bookings: u64,
    pub registrations: u64,
    /// Messages to the person not sent yet, given up.
    pub unsent_messages: u64,
    pub subscriptions: u64,
}

/// A message sent (or to be sent) to a person, as their data export lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MessageRecord {
    /// `mail` or `sms`.
    pub channel: &'static str,
    pub kind: String,
    /// The subject of a mail, the text of an SMS (empty once purged).
    pub summary: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
}

/// Forgetting people (`erase_sql.rs`): a person's erasure, and the purge of
/// sent messages' bodies after the retention period.
#[async_trait]
pub trait Erasure: Send + Sync {
    /// Erases account `id` in one transaction: the bookings and
    /// registrations made with its contacts keep only what counts need (no
    /// name, contact, *codice fiscale* or needs); its unsent messages,
    /// newsletter subscription, challenges, CV, consents, sessions and the
    /// account itself go. The audit row names the person by id only.
    /// Cancel what is still to come first (seats go to others).
    async fn erase_person(&self, id: PersonId, actor: &Actor, now: DateTime<Utc>) -> Result<Erased, StorageError>;
    /// Blanks the recipient, subject and bodies of messages sent or given
    /// up before `before` (mail and SMS); how many.
    async fn purge_message_bodies(&self, before: DateTime<Utc>) -> Result<u64, StorageError>;
    /// Accounts not active since `inactive_before` that have had exactly
    /// `warnings` inactivity warnings, the last one (if any) before
    /// `warned_before`; at most `limit`, least recently active first.
    async fn inactive_people(
        &self,
        inactive_before: DateTime<Utc>,
        warnings: u32,
        warned_before: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<PersonAccount>, StorageError>;
    /// Records inactivity warning number `warnings` of account `id` and
    /// queues `notice` in the same transaction; false (nothing done) when
    /// the person was active since `inactive_before` or was warned already.
    async fn warn_inactive(
        &self,
        id: PersonId,
        warnings: u32,
        inactive_before: DateTime<Utc>,
        notice: &Notification,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError>;
    /// The messages to these contacts, newest first, at most `limit`.
    async fn messages_to(
        &self,
        email: Option<&Email>,
        phone: Option<&Phone>,
        limit: u32,
    ) -> Result<Vec<MessageRecord>, StorageError>;
}
