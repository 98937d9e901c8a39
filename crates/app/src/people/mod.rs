//! Citizen accounts' use cases, the same for every page that asks: the
//! one-time challenges that confirm a contact (sign-up, a new e-mail
//! address or number), sign someone in without a password, or let them set
//! a new one. A challenge is a random token — in the link mailed, or in the
//! address of the page where the texted code is typed — stored only as its
//! SHA-256, with a keyed hash of the code; its message is queued with it.
//!
//! Whether a contact has an account never shows in an answer: a sign-up
//! for a known contact, or a sign-in link for an unknown one, gets the same
//! page and (by text) the same kind of code page, and the message that goes
//! (if any) tells the real owner of the contact what they need — "you
//! already have an account" — never the person who typed it.
//! The pages count each request under the limiter (per network first, then
//! per recipient); texts also go through the SMS caps (`crate::sms`).

pub mod cv;
pub mod erase;
pub mod messages;
pub mod retention;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sportello_auth::{hash_token, random_bytes, random_token};
use sportello_domain::{Actor, ChallengePurpose, Contact, Lang, Notification, PersonId, SignUp};
use sportello_storage::{NewChallenge, NewPerson, PersonCredentials, StorageError};

use crate::App;
use crate::limiter::LimitKey;
use crate::sms::SmsVerdict;

/// What the page says once a challenge was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// "We have sent you an e-mail": the link is in it (or, for a contact
    /// that cannot use one, a word about the account).
    Mailbox,
    /// The page where the texted code is typed, by its token.
    CodePage { token: String },
}

/// Why a request for a challenge went no further (the pages count the
/// network's requests under the limiter before they ask).
#[derive(Debug)]
pub enum ChallengeError {
    /// A text cannot reach this number now (a cap holds, or it opted out).
    NoText(SmsVerdict),
    Storage(StorageError),
}

impl From<StorageError> for ChallengeError {
    fn from(e: StorageError) -> Self {
        ChallengeError::Storage(e)
    }
}

/// A sign-up's account, kept in its challenge until the contact is
/// confirmed (then the challenge is used, and purged by the every-minute
/// job with these details).
#[derive(Clone, Serialize, Deserialize)]
pub struct PendingAccount {
    pub name: String,
    pub birth_date: NaiveDate,
    pub lang: Lang,
    pub password_hash: Option<String>,
}

impl PendingAccount {
    pub fn from_json(text: &str) -> Result<PendingAccount, StorageError> {
        serde_json::from_str(text).map_err(|e| StorageError::Invalid(format!("sign-up details: {e}")))
    }

    /// The account to make, reached at `contact`.
    pub fn into_person(self, contact: &str) -> Result<NewPerson, StorageError> {
        let contact = Contact::parse(contact).map_err(|_| StorageError::Invalid("sign-up contact".into()))?;
        let (email, phone) = match contact {
            Contact::Email(e) => (Some(e), None),
            Contact::Phone(p) => (None, Some(p)),
        };
        Ok(NewPerson {
            name: self.name,
            email,
            phone,
            birth_date: self.birth_date,
            lang: self.lang,
            password_hash: self.password_hash,
        })
    }
}

/// A six-digit code, uniform over 000000–999999.
fn new_code() -> String {
    loop {
        let n = u32::from_be_bytes(random_bytes::<4>());
        // Reject the top of the range so that every code is equally likely.
        if n < u32::MAX - (u32::MAX % 1_000_000) {
            return format!("{:06}", n % 1_000_000);
        }
    }
}

/// The keyed hash of `code` for the challenge of `token_hash`.
pub fn code_hash(app: &App, token_hash: &str, code: &str) -> String {
    app.keys.sign("person-code", &format!("{token_hash}:{code}"))
}

/// Whether `code` (already normalised) is the code of the challenge.
pub fn code_matches(app: &App, token_hash: &str, stored: Option<&str>, code: &str) -> bool {
    stored.is_some_and(|stored| app.keys.verify("person-code", &format!("{token_hash}:{code}"), stored))
}

/// A request for a challenge, as checked by the page.
pub struct Request<'a> {
    pub purpose: ChallengePurpose,
    /// Where the link or code goes.
    pub contact: &'a Contact,
    /// The account of that contact, if any (for a new contact: the account
    /// that asks to add it).
    pub account: Option<&'a PersonCredentials>,
    /// A sign-up's account to make.
    pub pending: Option<&'a PendingAccount>,
    /// The language of the message.
    pub lang: Lang,
    pub actor: &'a Actor,
}

/// Whether the challenge can lead anywhere: a sign-up only for a new
/// contact, the others only for a contact with an account (a change of
/// contact only for one no other account has).
fn is_live(request: &Request<'_>, owner: Option<PersonId>) -> bool {
    match request.purpose {
        ChallengePurpose::SignUp => owner.is_none(),
        ChallengePurpose::SignIn | ChallengePurpose::Reset => owner.is_some(),
        ChallengePurpose::ChangeEmail | ChallengePurpose::ChangePhone => owner.is_none() && request.account.is_some(),
    }
}

/// Makes the challenge of `request` and queues its message (or, where the
/// contact gets nothing, stores a challenge that can never succeed so that
/// the answer looks the same). A contact sent several messages lately gets
/// no more for a while, and the answer does not say so.
pub async fn request(app: &App, request: Request<'_>, now: DateTime<Utc>) -> Result<Answer, ChallengeError> {
    let owner = app.storage.person_by_contact(request.contact).await?;
    let owner_id = owner.as_ref().map(|o| o.account.id);
    let live = is_live(&request, owner_id);
    let recipient = [(
        app.limits.account_mails_per_recipient,
        LimitKey::Recipient(request.contact.as_str()),
    )];
    let quiet = request.actor.is_public() && app.limit(&recipient, now).await?.is_some();
    let token = random_token();
    let token_hash = hash_token(&token);
    let code = request.contact.is_phone().then(new_code);
    let mut message = Notification::NONE;
    if !quiet {
        message = match request.contact {
            Contact::Email(email) => {
                let url = link_url(app, request.lang, &token);
                Notification::mail(messages::mail(
                    app,
                    &request,
                    owner.as_ref(),
                    email,
                    live.then_some(&url),
                ))
            }
            Contact::Phone(phone) => {
                let verdict = app.sms_gate(phone, request.actor, now).await?;
                if verdict != SmsVerdict::Queued {
                    return Err(ChallengeError::NoText(verdict));
                }
                let text = messages::text(app, &request, owner.as_ref(), phone, code.as_deref().filter(|_| live));
                Notification { mail: None, sms: text }
            }
        };
    }
    let person = match request.purpose {
        ChallengePurpose::ChangeEmail | ChallengePurpose::ChangePhone => request.account.map(|a| a.account.id),
        _ => owner_id,
    };
    let details = match request.pending {
        Some(p) => serde_json::to_string(p).map_err(|e| StorageError::Invalid(e.to_string()))?,
        None => "{}".into(),
    };
    let challenge = NewChallenge {
        purpose: request.purpose,
        code_hash: code.as_ref().map(|c| code_hash(app, &token_hash, c)),
        token_hash,
        person,
        contact: request.contact.clone(),
        details,
        live,
        expires_at: now + request.purpose.lifetime(),
    };
    app.storage.create_challenge(&challenge, &message, now).await?;
    Ok(match request.contact {
        Contact::Email(_) => Answer::Mailbox,
        Contact::Phone(_) => Answer::CodePage { token },
    })
}

/// The absolute address of a challenge's link.
pub fn link_url(app: &App, lang: Lang, token: &str) -> String {
    app.public_url.join(&format!("/{}/account/link/{token}", lang.code()))
}

/// The checked sign-up as the account to make once confirmed.
pub fn pending(sign_up: &SignUp, password_hash: Option<String>) -> PendingAccount {
    PendingAccount {
        name: sign_up.name.clone(),
        birth_date: sign_up.birth_date,
        lang: sign_up.lang,
        password_hash,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..200 {
            let code = new_code();
            assert_eq!(code.len(), 6);
            assert!(code.chars().all(|c| c.is_ascii_digit()));
        }
    }
}
