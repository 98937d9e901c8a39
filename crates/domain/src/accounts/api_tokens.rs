//! How long a personal API token lives: chosen in whole days when it is made
//! (90 by default, 1 to 365), after which the API refuses it. A token also
//! dies earlier when revoked, and with every change of its owner's password
//! or second factor.

use chrono::{DateTime, Duration, Utc};

/// The lifetime of a new API token, in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenLifetime(u16);

/// A lifetime that is no whole number of days between [`TokenLifetime::MIN_DAYS`]
/// and [`TokenLifetime::MAX_DAYS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("an API token lives {} to {} days", TokenLifetime::MIN_DAYS, TokenLifetime::MAX_DAYS)]
pub struct TokenLifetimeError;

impl TokenLifetime {
    pub const MIN_DAYS: u16 = 1;
    pub const MAX_DAYS: u16 = 365;
    /// What the form proposes, and what tokens made before lifetimes
    /// existed got when the database was migrated.
    pub const DEFAULT: TokenLifetime = TokenLifetime(90);

    /// Reads a number of days as typed (spaces around it ignored).
    pub fn parse(text: &str) -> Result<TokenLifetime, TokenLifetimeError> {
        let days: u16 = text.trim().parse().map_err(|_| TokenLifetimeError)?;
        if (TokenLifetime::MIN_DAYS..=TokenLifetime::MAX_DAYS).contains(&days) {
            Ok(TokenLifetime(days))
        } else {
            Err(TokenLifetimeError)
        }
    }

    pub fn days(self) -> u16 {
        self.0
    }

    /// When a token made at `now` stops working.
    pub fn expires_at(self, now: DateTime<Utc>) -> DateTime<Utc> {
        now + Duration::days(i64::from(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lifetime_is_one_to_365_whole_days() {
        assert_eq!(TokenLifetime::parse("90"), Ok(TokenLifetime::DEFAULT));
        assert_eq!(TokenLifetime::parse(" 1 ").map(TokenLifetime::days), Ok(1));
        assert_eq!(TokenLifetime::parse("365").map(TokenLifetime::days), Ok(365));
        for bad in ["0", "366", "-1", "", "ninety", "1.5", "90 days", "99999999"] {
            assert_eq!(TokenLifetime::parse(bad), Err(TokenLifetimeError), "{bad:?}");
        }
    }

    #[test]
    fn a_token_expires_its_days_after_it_is_made() {
        let now = DateTime::parse_from_rfc3339("2026-12-07T10:00:00Z").unwrap().to_utc();
        let expiry = TokenLifetime::parse("30").unwrap().expires_at(now);
        assert_eq!(expiry.to_rfc3339(), "2027-01-06T10:00:00+00:00");
    }
}
