//! Keys for personal data at rest, and the one envelope every encrypted
//! value is kept in.
//!
//! The keys come from a key file (never from the database): one key per
//! line, `ID BASE64URL` (32 random bytes), `#` comments; the last key
//! encrypts, every key listed decrypts, so a rotation appends a key and
//! re-encrypts ([`DataKeys::add_key`]). A value is sealed with
//! XChaCha20-Poly1305 under a fresh random 24-byte nonce, with the purpose
//! (the column it is kept in) as associated data, so a value copied into
//! another column does not open. The stored text is
//! `sv1.{key id}.{base64url(nonce ‖ ciphertext ‖ tag)}`.

use std::fmt;

use chacha20poly1305::aead::{Aead as _, KeyInit as _, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};

use crate::tokens::{base64url, base64url_decode, random_bytes};

/// What every sealed value starts with ("sealed, version 1").
pub const SEALED_PREFIX: &str = "sv1.";
/// The longest key id.
const MAX_ID_LEN: usize = 32;
const NONCE_LEN: usize = 24;

/// Why a key file or a sealed value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataKeyError {
    #[error("line {line} of the key file is not `ID KEY` (an id of letters and digits, 32 bytes in base64url)")]
    BadLine { line: usize },
    #[error("key {0} appears twice in the key file")]
    Duplicate(String),
    #[error("the key file holds no key")]
    Empty,
    #[error("the value was sealed with key {0}, which the key file lacks")]
    UnknownKey(String),
    #[error("the value is not a sealed value or was altered")]
    Corrupt,
}

/// One key of the file.
#[derive(Clone)]
struct DataKey {
    id: String,
    cipher: XChaCha20Poly1305,
}

/// The keys of a key file. Its `Debug` output shows the ids only.
#[derive(Clone)]
pub struct DataKeys {
    /// In the file's order: the last one encrypts.
    keys: Vec<DataKey>,
}

impl fmt::Debug for DataKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DataKeys({:?}, <redacted>)", self.ids())
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= MAX_ID_LEN && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

impl DataKeys {
    /// Reads the text of a key file.
    pub fn parse(text: &str) -> Result<DataKeys, DataKeyError> {
        let mut keys: Vec<DataKey> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = DataKeyError::BadLine { line: i + 1 };
            let mut words = line.split_whitespace();
            let (Some(id), Some(key), None) = (words.next(), words.next(), words.next()) else {
                return Err(bad);
            };
            let bytes: [u8; 32] = base64url_decode(key)
                .and_then(|b| <[u8; 32]>::try_from(b).ok())
                .ok_or(bad.clone())?;
            if !valid_id(id) {
                return Err(bad);
            }
            if keys.iter().any(|k| k.id == id) {
                return Err(DataKeyError::Duplicate(id.to_string()));
            }
            let cipher = XChaCha20Poly1305::new(&Key::from(bytes));
            keys.push(DataKey {
                id: id.to_string(),
                cipher,
            });
        }
        if keys.is_empty() {
            return Err(DataKeyError::Empty);
        }
        Ok(DataKeys { keys })
    }

    /// The text of a new key file with one random key, `k1`.
    pub fn new_file() -> String {
        format!(
            "# Sportello data keys: keep this file secret, and backed up apart from the database.\n\
             # The last key encrypts; every key listed decrypts. `sportello keys rotate` adds one.\n{}\n",
            Self::key_line("k1")
        )
    }

    fn key_line(id: &str) -> String {
        format!("{id} {}", base64url(&random_bytes::<32>()))
    }

    /// `text` (a key file's) with a new random key appended, and its id:
    /// `k` and one more than the largest number among the `kN` ids.
    pub fn add_key(text: &str) -> Result<(String, String), DataKeyError> {
        let keys = DataKeys::parse(text)?;
        let next = keys
            .ids()
            .iter()
            .filter_map(|id| id.strip_prefix('k').and_then(|n| n.parse::<u64>().ok()))
            .max()
            .unwrap_or(0)
            + 1;
        let id = format!("k{next}");
        let mut text = text.to_string();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&Self::key_line(&id));
        text.push('\n');
        Ok((text, id))
    }

    /// The ids, in the file's order.
    pub fn ids(&self) -> Vec<&str> {
        self.keys.iter().map(|k| k.id.as_str()).collect()
    }

    /// The id of the key that encrypts.
    pub fn current_id(&self) -> &str {
        &self.current().id
    }

    fn current(&self) -> &DataKey {
        self.keys.last().expect("a key file holds at least one key")
    }

    /// Whether the file holds key `id`.
    pub fn has(&self, id: &str) -> bool {
        self.keys.iter().any(|k| k.id == id)
    }

    /// `plaintext` sealed with the current key for `purpose` (e.g. the
    /// column `users.totp_secret`).
    pub fn seal(&self, purpose: &str, plaintext: &[u8]) -> String {
        let key = self.current();
        let nonce = random_bytes::<NONCE_LEN>();
        let payload = Payload {
            msg: plaintext,
            aad: purpose.as_bytes(),
        };
        let ciphertext = key
            .cipher
            .encrypt(&XNonce::from(nonce), payload)
            .expect("XChaCha20-Poly1305 encrypts any message that fits in memory");
        let mut sealed = nonce.to_vec();
        sealed.extend_from_slice(&ciphertext);
        format!("{SEALED_PREFIX}{}.{}", key.id, base64url(&sealed))
    }

    /// The plaintext of a value [`DataKeys::seal`]ed for the same `purpose`
    /// with any key of the file.
    pub fn open(&self, purpose: &str, sealed: &str) -> Result<Vec<u8>, DataKeyError> {
        let id = key_id(sealed).ok_or(DataKeyError::Corrupt)?;
        let key = self
            .keys
            .iter()
            .find(|k| k.id == id)
            .ok_or_else(|| DataKeyError::UnknownKey(id.to_string()))?;
        let body = &sealed[SEALED_PREFIX.len() + id.len() + 1..];
        let bytes = base64url_decode(body).ok_or(DataKeyError::Corrupt)?;
        if bytes.len() < NONCE_LEN {
            return Err(DataKeyError::Corrupt);
        }
        let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| DataKeyError::Corrupt)?;
        let payload = Payload {
            msg: ciphertext,
            aad: purpose.as_bytes(),
        };
        key.cipher
            .decrypt(&XNonce::from(nonce), payload)
            .map_err(|_| DataKeyError::Corrupt)
    }

    /// [`DataKeys::open`] as UTF-8 text.
    pub fn open_text(&self, purpose: &str, sealed: &str) -> Result<String, DataKeyError> {
        String::from_utf8(self.open(purpose, sealed)?).map_err(|_| DataKeyError::Corrupt)
    }
}

/// The key id of a sealed value; `None` when `value` is not one (e.g. a
/// value stored before encryption).
pub fn key_id(value: &str) -> Option<&str> {
    let rest = value.strip_prefix(SEALED_PREFIX)?;
    let (id, _) = rest.split_once('.')?;
    valid_id(id).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> DataKeys {
        DataKeys::parse(&DataKeys::new_file()).unwrap()
    }

    #[test]
    fn sealed_values_open_with_the_same_purpose_only() {
        let keys = keys();
        let sealed = keys.seal("users.totp_secret", b"JBSWY3DPEHPK3PXP");
        assert!(sealed.starts_with("sv1.k1."), "{sealed}");
        assert_eq!(keys.open("users.totp_secret", &sealed).unwrap(), b"JBSWY3DPEHPK3PXP");
        assert_eq!(keys.open("bookings.needs", &sealed), Err(DataKeyError::Corrupt));
        assert!(!sealed.contains("JBSWY3DPEHPK3PXP"));
    }

    #[test]
    fn equal_values_give_different_ciphertexts() {
        let keys = keys();
        let a = keys.seal("p", b"wheelchair");
        let b = keys.seal("p", b"wheelchair");
        assert_ne!(a, b);
        assert_eq!(keys.open("p", &a).unwrap(), keys.open("p", &b).unwrap());
    }

    #[test]
    fn another_file_cannot_open_and_altered_values_are_refused() {
        let sealed = keys().seal("p", b"secret");
        assert_eq!(
            keys().open("p", &sealed),
            Err(DataKeyError::Corrupt),
            "same id, other key"
        );
        let keys = keys();
        let sealed = keys.seal("p", b"secret");
        let mut altered = sealed.clone().into_bytes();
        let last = altered.len() - 1;
        altered[last] = if altered[last] == b'A' { b'B' } else { b'A' };
        let altered = String::from_utf8(altered).unwrap();
        for bad in [
            altered.as_str(),
            &sealed[..sealed.len() - 3],
            "sv1.k1.",
            "sv1.k1",
            "plain",
            "",
        ] {
            assert_eq!(keys.open("p", bad), Err(DataKeyError::Corrupt), "{bad}");
        }
        let other_id = sealed.replacen("sv1.k1.", "sv1.k9.", 1);
        assert_eq!(keys.open("p", &other_id), Err(DataKeyError::UnknownKey("k9".into())));
    }

    #[test]
    fn an_added_key_encrypts_and_the_old_one_still_decrypts() {
        let file = DataKeys::new_file();
        let old = DataKeys::parse(&file).unwrap();
        let sealed = old.seal("p", b"secret");
        let (file, id) = DataKeys::add_key(&file).unwrap();
        assert_eq!(id, "k2");
        let both = DataKeys::parse(&file).unwrap();
        assert_eq!(both.ids(), ["k1", "k2"]);
        assert_eq!(both.current_id(), "k2");
        assert_eq!(both.open("p", &sealed).unwrap(), b"secret");
        let resealed = both.seal("p", b"secret");
        assert_eq!(key_id(&resealed), Some("k2"));
        assert_eq!(old.open("p", &resealed), Err(DataKeyError::UnknownKey("k2".into())));
        assert_eq!(DataKeys::add_key(&file).unwrap().1, "k3");
    }

    #[test]
    fn bad_key_files_are_refused_with_the_line() {
        let key = base64url(&[7u8; 32]);
        let refused = |text: &str| DataKeys::parse(text).unwrap_err();
        assert_eq!(refused(""), DataKeyError::Empty);
        assert_eq!(refused("# only a comment\n"), DataKeyError::Empty);
        assert_eq!(refused("k1"), DataKeyError::BadLine { line: 1 });
        assert_eq!(
            refused(&format!("# c\nk1 {key}\nk2 short\n")),
            DataKeyError::BadLine { line: 3 }
        );
        assert_eq!(refused(&format!("K1 {key}")), DataKeyError::BadLine { line: 1 });
        assert_eq!(refused(&format!("k1 {key} extra")), DataKeyError::BadLine { line: 1 });
        assert_eq!(
            refused(&format!("k1 {key}\nk1 {key}")),
            DataKeyError::Duplicate("k1".into())
        );
        assert!(DataKeys::parse(&format!("  k1   {key}  \n\n")).is_ok());
    }

    #[test]
    fn key_ids_of_values() {
        assert_eq!(key_id("sv1.k12.abc"), Some("k12"));
        assert_eq!(key_id("JBSWY3DPEHPK3PXP"), None);
        assert_eq!(key_id("sv1.K1.abc"), None);
        assert_eq!(key_id("sv1.k1"), None);
    }

    #[test]
    fn debug_shows_ids_only() {
        let file = DataKeys::new_file();
        let keys = DataKeys::parse(&file).unwrap();
        let shown = format!("{keys:?}");
        assert_eq!(shown, "DataKeys([\"k1\"], <redacted>)");
        let secret = file.lines().last().unwrap().split_whitespace().nth(1).unwrap();
        assert!(!shown.contains(secret));
    }
}
