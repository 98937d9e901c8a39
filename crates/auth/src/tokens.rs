//! Random tokens (session ids, API tokens), their stored hashes, and the
//! recovery codes of the second factor.
//!
//! The database never holds a token itself, only [`hash_token`] of it: a
//! stolen database does not give working sessions. Tokens carry 256 random
//! bits, so a plain SHA-256 (no salt, no stretching) is enough.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest as _, Sha256};
use subtle::ConstantTimeEq as _;

/// The alphabet of recovery codes: lower-case letters and digits without the
/// look-alikes `0 o 1 i l`.
const RECOVERY_ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
/// Characters in a recovery code, not counting the dashes.
const RECOVERY_LEN: usize = 12;
/// Characters between two dashes of a recovery code.
const RECOVERY_GROUP: usize = 4;

/// `N` bytes from the operating system's random source.
///
/// # Panics
/// If the operating system cannot give random bytes: nothing secure can be
/// done without them.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    bytes
}

/// `bytes` in base64url without padding (RFC 4648 §5).
pub fn base64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Decodes unpadded base64url; `None` if `text` is not canonical base64url.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

/// A new token of 32 random bytes, in base64url without padding (43 characters).
pub fn random_token() -> String {
    base64url(&random_bytes::<32>())
}

/// Lower-case hex SHA-256 of `token`: what the database stores for session
/// ids, API tokens and recovery codes.
pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Lower-case hexadecimal of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// `n` new recovery codes such as `k7m2-p9qx-4hzt`: 12 characters from an
/// alphabet without look-alikes (about 59 bits), grouped by 4 with dashes.
/// Store them with [`hash_token`] of [`normalize_recovery_code`].
pub fn recovery_codes(n: usize) -> Vec<String> {
    (0..n).map(|_| recovery_code()).collect()
}

/// One recovery code.
fn recovery_code() -> String {
    // The largest multiple of the alphabet's size that fits a byte: bytes at
    // or above it are thrown away, so every character is equally likely.
    let limit = 256 - 256 % RECOVERY_ALPHABET.len();
    let mut chars = String::with_capacity(RECOVERY_LEN);
    while chars.len() < RECOVERY_LEN {
        for b in random_bytes::<16>() {
            let b = usize::from(b);
            if b < limit && chars.len() < RECOVERY_LEN {
                chars.push(char::from(RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.len()]));
            }
        }
    }
    group(&chars)
}

/// `chars` with a dash after every group of 4 characters.
fn group(chars: &str) -> String {
    let mut out = String::with_capacity(chars.len() + chars.len() / RECOVERY_GROUP);
    for (i, c) in chars.chars().enumerate() {
        if i > 0 && i % RECOVERY_GROUP == 0 {
            out.push('-');
        }
        out.push(c);
    }
    out
}

/// A recovery code as typed, made canonical: lower-case, spaces and dashes
/// removed, then grouped by 4 again, so "K7M2 P9QX 4HZT" and "k7m2p9qx4hzt"
/// both become "k7m2-p9qx-4hzt".
pub fn normalize_recovery_code(input: &str) -> String {
    let chars: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    group(&chars)
}

/// Whether `a` and `b` are equal, in time that depends on their lengths only.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn random_tokens_are_43_url_safe_chars_and_differ() {
        let tokens: HashSet<String> = (0..100).map(|_| random_token()).collect();
        assert_eq!(tokens.len(), 100);
        for t in &tokens {
            assert_eq!(t.len(), 43);
            assert!(
                t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                "{t}"
            );
            assert_eq!(base64url_decode(t).map(|b| b.len()), Some(32));
        }
    }

    #[test]
    fn base64url_round_trip() {
        assert_eq!(base64url(b""), "");
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
        assert_eq!(base64url_decode("-_8").as_deref(), Some(&b"\xfb\xff"[..]));
        assert_eq!(base64url_decode("+/8="), None);
    }

    #[test]
    fn hash_token_is_sha256_hex() {
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hash_token(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn recovery_codes_have_the_expected_shape() {
        let codes = recovery_codes(10);
        assert_eq!(codes.len(), 10);
        assert_eq!(codes.iter().collect::<HashSet<_>>().len(), 10);
        for code in &codes {
            assert_eq!(code.len(), 14, "{code}");
            let parts: Vec<&str> = code.split('-').collect();
            assert_eq!(parts.len(), 3, "{code}");
            assert!(parts.iter().all(|p| p.len() == 4));
            assert!(
                code.bytes().all(|b| b == b'-' || RECOVERY_ALPHABET.contains(&b)),
                "{code}"
            );
            assert_eq!(&normalize_recovery_code(code), code);
        }
        assert!(recovery_codes(0).is_empty());
    }

    #[test]
    fn recovery_codes_normalize() {
        for typed in [
            "k7m2-p9qx-4hzt",
            "K7M2 P9QX 4HZT",
            "k7m2p9qx4hzt",
            " k7m2 - p9qx-4HZT\n",
        ] {
            assert_eq!(normalize_recovery_code(typed), "k7m2-p9qx-4hzt", "{typed:?}");
        }
        assert_eq!(normalize_recovery_code("abc"), "abc");
        assert_eq!(normalize_recovery_code("abcde"), "abcd-e");
    }

    #[test]
    fn constant_time_eq_works() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
        assert!(constant_time_eq(b"", b""));
    }

    #[test]
    fn hex_encodes() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    }
}
