//! The one limiter of every anonymous request that sends a message (sign-in,
//! newsletter, employers' requests, bookings and their moves and
//! cancellations; every later anonymous form too: see
//! `docs/contributing.md`). A request is counted under each of its keys —
//! the client's network and, once known, the recipient of the message —
//! and refused while any of them is over its [`Limit`]. Refused requests
//! count as well. Keys reach the database only as keyed hashes.

use chrono::{DateTime, Duration, Utc};
use sportello_domain::limits::{ClientNet, Decision, Limit, defaults};
use sportello_storage::StorageError;

use crate::App;

/// The limits in force: the defaults of `sportello_domain::limits`, which
/// tests may shorten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    pub appointments_per_net: Limit,
    pub moves_per_booking: Limit,
    pub appointment_mails_per_recipient: Limit,
    pub events_per_net: Limit,
    pub event_mails_per_recipient: Limit,
    pub newsletter_per_net: Limit,
    pub newsletter_mails_per_recipient: Limit,
    pub employer_requests_per_net: Limit,
    pub sign_in_per_account: Limit,
    pub sign_in_per_net: Limit,
    pub sms_per_net: Limit,
    pub sms_per_number: Limit,
    pub accounts_per_net: Limit,
    pub account_mails_per_recipient: Limit,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            appointments_per_net: defaults::APPOINTMENTS_PER_NET,
            moves_per_booking: defaults::MOVES_PER_BOOKING,
            appointment_mails_per_recipient: defaults::APPOINTMENT_MAILS_PER_RECIPIENT,
            events_per_net: defaults::EVENTS_PER_NET,
            event_mails_per_recipient: defaults::EVENT_MAILS_PER_RECIPIENT,
            newsletter_per_net: defaults::NEWSLETTER_PER_NET,
            newsletter_mails_per_recipient: defaults::NEWSLETTER_MAILS_PER_RECIPIENT,
            employer_requests_per_net: defaults::EMPLOYER_REQUESTS_PER_NET,
            sign_in_per_account: defaults::SIGN_IN_PER_ACCOUNT,
            sign_in_per_net: defaults::SIGN_IN_PER_NET,
            sms_per_net: defaults::SMS_PER_NET,
            sms_per_number: defaults::SMS_PER_NUMBER,
            accounts_per_net: defaults::ACCOUNTS_PER_NET,
            account_mails_per_recipient: defaults::ACCOUNT_MAILS_PER_RECIPIENT,
        }
    }
}

/// What a request is counted under.
#[derive(Debug, Clone, Copy)]
pub enum LimitKey<'a> {
    /// The client's address (counted per network: see [`ClientNet`]).
    Net(&'a str),
    /// The recipient of a message: an e-mail address or a phone number.
    Recipient(&'a str),
    /// Anything else the caller names: an account, a booking.
    Named(&'a str),
}

/// A refused request: when one more will be allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limited {
    pub retry_after: Duration,
}

impl Limited {
    /// Whole seconds to wait, at least one: what `Retry-After` says.
    pub fn seconds(&self) -> i64 {
        self.retry_after.num_seconds().max(1)
    }

    /// Whole minutes to wait, at least one: what messages say.
    pub fn minutes(&self) -> i64 {
        ((self.retry_after.num_seconds() + 59) / 60).max(1)
    }
}

/// The purpose of the keyed hash that names a key in storage.
const PURPOSE: &str = "limiter";

impl App {
    /// Counts a request under each of `keys` and refuses it when any is over
    /// its limit, with the longest wait.
    pub async fn limit(
        &self,
        keys: &[(Limit, LimitKey<'_>)],
        now: DateTime<Utc>,
    ) -> Result<Option<Limited>, StorageError> {
        let mut refused: Option<Limited> = None;
        for (limit, key) in keys {
            let counts = self
                .storage
                .count_request(
                    &self.bucket(limit, *key),
                    limit.window_start(now),
                    limit.window.num_seconds().max(1),
                )
                .await?;
            if let Decision::Refused { retry_after } = limit.decide(now, counts.current, counts.previous) {
                tracing::info!(limit = limit.name, "request refused by the limiter");
                if refused.is_none_or(|r| r.retry_after < retry_after) {
                    refused = Some(Limited { retry_after });
                }
            }
        }
        Ok(refused)
    }

    /// Counts an anonymous request once under `limit` for each contact of
    /// `person` (e-mail address, phone number); operators acting for
    /// someone are not counted.
    pub async fn limit_recipients(
        &self,
        limit: Limit,
        person: &sportello_domain::Person,
        actor: &sportello_domain::Actor,
        now: DateTime<Utc>,
    ) -> Result<Option<Limited>, StorageError> {
        if !actor.is_public() {
            return Ok(None);
        }
        let contacts = [
            person.email.as_ref().map(|e| e.as_str()),
            person.phone.as_ref().map(|p| p.as_str()),
        ];
        let keys: Vec<_> = contacts
            .into_iter()
            .flatten()
            .map(|contact| (limit, LimitKey::Recipient(contact)))
            .collect();
        self.limit(&keys, now).await
    }

    /// Forgets the counts of `key` under `limit` (an account that signed in).
    pub async fn forget_limit(&self, limit: &Limit, key: LimitKey<'_>) -> Result<(), StorageError> {
        self.storage.forget_requests(&self.bucket(limit, key)).await
    }

    fn bucket(&self, limit: &Limit, key: LimitKey<'_>) -> String {
        let named = match key {
            LimitKey::Net(address) => format!("net:{}", ClientNet::key(address)),
            LimitKey::Recipient(contact) => format!("to:{}", contact.trim().to_lowercase()),
            LimitKey::Named(name) => format!("name:{name}"),
        };
        format!("{}:{}", limit.name, self.keys.sign(PURPOSE, &named))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(millis: i64) -> Limited {
        Limited {
            retry_after: Duration::milliseconds(millis),
        }
    }

    #[test]
    fn waits_are_said_in_whole_minutes_and_seconds() {
        assert_eq!(wait(1_000).minutes(), 1);
        assert_eq!(wait(60_000).minutes(), 1);
        assert_eq!(wait(61_000).minutes(), 2);
        assert_eq!(wait(10).seconds(), 1, "at least one second");
        assert_eq!(wait(29_990).seconds(), 29, "whole seconds");
    }
}
