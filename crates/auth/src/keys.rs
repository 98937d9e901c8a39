//! Keys derived from the one installation secret.
//!
//! Every key Sportello needs (CSRF tokens, signed links, …) is derived from a
//! single secret, configured or stored in the database, so all the nodes of an
//! installation share them without further set-up. The sub-key for a purpose
//! is `HMAC-SHA256(secret, "sportello/v1/" + purpose)`; a tag made for one
//! purpose is therefore worthless for any other.

use std::fmt;

use hmac::{Hmac, KeyInit as _, Mac as _};
use sha2::Sha256;

use crate::tokens::{base64url, base64url_decode, constant_time_eq, random_bytes};

/// The fewest bytes an installation secret may have.
pub const MIN_SECRET_LEN: usize = 32;

/// Prefix of every purpose before a sub-key is derived for it.
const DERIVATION_PREFIX: &str = "sportello/v1/";

type HmacSha256 = Hmac<Sha256>;

/// Why an installation secret was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Fewer than [`MIN_SECRET_LEN`] bytes.
    #[error("the installation secret must have at least {MIN_SECRET_LEN} bytes")]
    TooShort,
}

/// The keys of an installation. Its `Debug` output does not show them.
#[derive(Clone)]
pub struct Keys {
    /// HMAC keyed with the installation secret, cloned to derive sub-keys.
    master: HmacSha256,
}

impl fmt::Debug for Keys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Keys(<redacted>)")
    }
}

impl Keys {
    /// From the configured secret (at least 32 bytes) or the random one stored
    /// in the database (see [`Keys::generate_secret`]; pass its text's bytes).
    pub fn from_secret(secret: &[u8]) -> Result<Keys, KeyError> {
        if secret.len() < MIN_SECRET_LEN {
            return Err(KeyError::TooShort);
        }
        let master = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any length");
        Ok(Keys { master })
    }

    /// A new secret of 32 random bytes in base64url (43 characters), to store
    /// in the database when no secret is configured.
    pub fn generate_secret() -> String {
        base64url(&random_bytes::<32>())
    }

    /// The 32-byte sub-key for `purpose`, for uses other than [`Keys::sign`]
    /// (e.g. an encryption key). Keep it out of logs.
    pub fn derive_key(&self, purpose: &str) -> [u8; 32] {
        let mut mac = self.master.clone();
        mac.update(DERIVATION_PREFIX.as_bytes());
        mac.update(purpose.as_bytes());
        mac.finalize().into_bytes().into()
    }

    /// The base64url HMAC-SHA256 tag (43 characters) of `message` under the
    /// sub-key for `purpose` (e.g. "csrf", "link").
    pub fn sign(&self, purpose: &str, message: &str) -> String {
        let key = self.derive_key(purpose);
        let mut mac = HmacSha256::new_from_slice(&key).expect("HMAC takes keys of any length");
        mac.update(message.as_bytes());
        base64url(&mac.finalize().into_bytes())
    }

    /// Whether `tag` is [`Keys::sign`] of `message` for `purpose`, compared in
    /// constant time.
    pub fn verify(&self, purpose: &str, message: &str, tag: &str) -> bool {
        constant_time_eq(self.sign(purpose, message).as_bytes(), tag.as_bytes())
    }

    /// A signed link token `{payload}.{expires_unix}.{tag}` that is safe in a
    /// URL path or query: the payload is base64url-encoded, the tag covers
    /// payload and expiry. [`Keys::open`] gives the payload back.
    pub fn seal(&self, purpose: &str, payload: &str, expires_unix: i64) -> String {
        let body = format!("{}.{expires_unix}", base64url(payload.as_bytes()));
        let tag = self.sign(purpose, &body);
        format!("{body}.{tag}")
    }

    /// The payload of a token made by [`Keys::seal`] for the same `purpose`,
    /// if its tag matches and `now_unix` is before its expiry; `None` if it
    /// was tampered with, made for another purpose or key, or has expired.
    pub fn open(&self, purpose: &str, sealed: &str, now_unix: i64) -> Option<String> {
        let (body, tag) = sealed.rsplit_once('.')?;
        if !self.verify(purpose, body, tag) {
            return None;
        }
        let (payload, expires) = body.rsplit_once('.')?;
        let expires: i64 = expires.parse().ok()?;
        if now_unix >= expires {
            return None;
        }
        String::from_utf8(base64url_decode(payload)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    fn keys() -> Keys {
        Keys::from_secret(SECRET).unwrap()
    }

    #[test]
    fn short_secrets_are_refused() {
        assert_eq!(Keys::from_secret(b"").unwrap_err(), KeyError::TooShort);
        assert_eq!(Keys::from_secret(&SECRET[..31]).unwrap_err(), KeyError::TooShort);
        assert!(Keys::from_secret(SECRET).is_ok());
        assert!(KeyError::TooShort.to_string().contains("32"));
    }

    #[test]
    fn generated_secrets_are_usable_and_random() {
        let secret = Keys::generate_secret();
        assert_eq!(secret.len(), 43);
        assert_ne!(secret, Keys::generate_secret());
        assert!(Keys::from_secret(secret.as_bytes()).is_ok());
    }

    #[test]
    fn derivation_is_hmac_of_the_prefixed_purpose() {
        let mut mac = HmacSha256::new_from_slice(SECRET).unwrap();
        mac.update(b"sportello/v1/csrf");
        let expected: [u8; 32] = mac.finalize().into_bytes().into();
        assert_eq!(keys().derive_key("csrf"), expected);
        assert_ne!(keys().derive_key("csrf"), keys().derive_key("link"));
    }

    #[test]
    fn same_secret_same_tags_on_every_node() {
        let other_node = Keys::from_secret(SECRET).unwrap();
        assert_eq!(keys().sign("csrf", "session-1"), other_node.sign("csrf", "session-1"));
        let different = Keys::from_secret(b"another secret of at least 32 bytes").unwrap();
        assert_ne!(keys().sign("csrf", "session-1"), different.sign("csrf", "session-1"));
    }

    #[test]
    fn sign_and_verify() {
        let keys = keys();
        let tag = keys.sign("csrf", "session-1");
        assert_eq!(tag.len(), 43);
        assert!(keys.verify("csrf", "session-1", &tag));
        assert!(!keys.verify("csrf", "session-2", &tag));
        assert!(!keys.verify("link", "session-1", &tag), "another purpose's tag");
        assert!(!keys.verify("csrf", "session-1", &tag[..42]));
        assert!(!keys.verify("csrf", "session-1", ""));
    }

    #[test]
    fn seal_and_open() {
        let keys = keys();
        let payload = "reset:42 àè/?&=.";
        let sealed = keys.seal("link", payload, 1_000);
        assert!(
            sealed.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
            "{sealed}"
        );
        assert_eq!(keys.open("link", &sealed, 999).as_deref(), Some(payload));
        assert_eq!(keys.open("link", &sealed, 1_000), None, "expired");
        assert_eq!(keys.open("link", &sealed, 5_000), None, "expired");
        assert_eq!(keys.open("csrf", &sealed, 999), None, "another purpose");
        let other = Keys::from_secret(b"another secret of at least 32 bytes").unwrap();
        assert_eq!(other.open("link", &sealed, 999), None, "another key");
    }

    #[test]
    fn tampered_seals_are_refused() {
        let keys = keys();
        let sealed = keys.seal("link", "user:7", 1_000);
        let (payload, rest) = sealed.split_once('.').unwrap();
        let (_, tag) = rest.split_once('.').unwrap();
        // A later expiry with the old tag.
        assert_eq!(keys.open("link", &format!("{payload}.999999.{tag}"), 999), None);
        // Another payload with the old tag.
        let forged = format!("{}.1000.{tag}", base64url(b"user:1"));
        assert_eq!(keys.open("link", &forged, 999), None);
        // A flipped tag character, a truncated token, junk.
        let mut flipped = sealed.clone().into_bytes();
        let last = flipped.len() - 1;
        flipped[last] = if flipped[last] == b'A' { b'B' } else { b'A' };
        let flipped = String::from_utf8(flipped).unwrap();
        for bad in [
            flipped.as_str(),
            &sealed[..sealed.len() - 1],
            "",
            "..",
            "a.b.c",
            payload,
        ] {
            assert_eq!(keys.open("link", bad, 999), None, "{bad}");
        }
    }

    #[test]
    fn debug_hides_the_keys() {
        let keys = keys();
        let shown = format!("{keys:?} {keys:#?}");
        assert_eq!(shown, "Keys(<redacted>) Keys(<redacted>)");
        assert!(!shown.contains("0123456789abcdef"));
    }
}
