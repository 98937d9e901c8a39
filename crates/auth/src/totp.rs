//! Time-based one-time passwords (RFC 6238): HMAC-SHA1, 6 digits, 30-second
//! steps, the parameters every authenticator app understands; plus the QR
//! code that carries the `otpauth://` URI to the app ([`crate::qr_svg`]).

use std::fmt;

use hmac::{Hmac, KeyInit as _, Mac as _};
use sha1::Sha1;

use crate::tokens::{constant_time_eq, random_bytes};

/// Seconds in one time step.
pub const STEP_SECONDS: i64 = 30;
/// Digits in a code.
pub const DIGITS: usize = 6;
/// Bytes in a generated secret (160 bits, as RFC 4226 recommends).
pub const SECRET_LEN: usize = 20;

/// The fewest bytes a secret read back may have (RFC 4226: at least 128 bits).
const MIN_SECRET_LEN: usize = 16;
/// The most bytes a secret read back may have.
const MAX_SECRET_LEN: usize = 64;
/// The RFC 4648 base32 alphabet.
const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// The shared secret of an account's authenticator. Its `Debug` output does
/// not show the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret(Vec<u8>);

impl fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TotpSecret(<redacted>)")
    }
}

impl TotpSecret {
    /// A new secret of [`SECRET_LEN`] random bytes.
    pub fn generate() -> TotpSecret {
        TotpSecret(random_bytes::<SECRET_LEN>().to_vec())
    }

    /// Reads RFC 4648 base32 without padding (a trailing `=` padding is
    /// tolerated), case-insensitive, spaces ignored. `None` if it is not
    /// canonical base32 or gives fewer than 16 or more than 64 bytes.
    pub fn from_base32(s: &str) -> Option<TotpSecret> {
        let text: Vec<u8> = s
            .bytes()
            .filter(|b| !b.is_ascii_whitespace())
            .map(|b| b.to_ascii_uppercase())
            .collect();
        let end = text.iter().rposition(|&b| b != b'=').map_or(0, |i| i + 1);
        let bytes = base32_decode(&text[..end])?;
        (MIN_SECRET_LEN..=MAX_SECRET_LEN)
            .contains(&bytes.len())
            .then_some(TotpSecret(bytes))
    }

    /// The secret in upper-case base32 without padding, as stored and as
    /// typed into an app by hand.
    pub fn to_base32(&self) -> String {
        let mut out = String::with_capacity(self.0.len().div_ceil(5) * 8);
        for chunk in self.0.chunks(5) {
            let mut buf = [0u8; 5];
            buf[..chunk.len()].copy_from_slice(chunk);
            let bits = buf.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
            let chars = (chunk.len() * 8).div_ceil(5);
            for i in 0..chars {
                let index = (bits >> (35 - 5 * i)) & 0x1f;
                out.push(char::from(BASE32[usize::try_from(index).unwrap_or(0)]));
            }
        }
        out
    }

    /// The code for the time step that contains `unix_seconds`: 6 digits,
    /// zero-padded.
    pub fn code_at(&self, unix_seconds: i64) -> String {
        self.code_for_step(step_of(unix_seconds))
    }

    /// Accepts `code` (spaces ignored) if it is the code of the step of
    /// `unix_seconds` or of one step either side, and only for a step later
    /// than `last_used_step`, so a code cannot be used twice. Returns the
    /// matched step, to be stored as the new `last_used_step`.
    pub fn verify(&self, code: &str, unix_seconds: i64, last_used_step: Option<i64>) -> Option<i64> {
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        if code.len() != DIGITS || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let now = step_of(unix_seconds);
        // Latest first: on the (one in a million) chance that two steps share
        // a code, the later step is recorded, which refuses more replays.
        [now + 1, now, now - 1]
            .into_iter()
            .filter(|&step| last_used_step.is_none_or(|last| step > last))
            .find(|&step| constant_time_eq(self.code_for_step(step).as_bytes(), code.as_bytes()))
    }

    /// The `otpauth://` URI that authenticator apps read from a QR code:
    /// `otpauth://totp/Issuer:account?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30`,
    /// issuer and account percent-encoded.
    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> String {
        let issuer = percent_encode(issuer);
        format!(
            "otpauth://totp/{issuer}:{account}?secret={secret}&issuer={issuer}\
             &algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
            account = percent_encode(account),
            secret = self.to_base32(),
        )
    }

    /// HOTP (RFC 4226) of the step's counter, as 6 zero-padded digits.
    fn code_for_step(&self, step: i64) -> String {
        let mut mac = Hmac::<Sha1>::new_from_slice(&self.0).expect("HMAC takes keys of any length");
        mac.update(&step.cast_unsigned().to_be_bytes());
        let digest = mac.finalize().into_bytes();
        let offset = usize::from(digest[digest.len() - 1] & 0x0f);
        let bin = u32::from_be_bytes([
            digest[offset] & 0x7f,
            digest[offset + 1],
            digest[offset + 2],
            digest[offset + 3],
        ]);
        format!("{:0width$}", bin % 1_000_000, width = DIGITS)
    }
}

/// The time step that contains `unix_seconds`.
fn step_of(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// Decodes upper-case unpadded base32; `None` on a character outside the
/// alphabet, an impossible length, or non-zero bits left over at the end.
fn base32_decode(text: &[u8]) -> Option<Vec<u8>> {
    if matches!(text.len() % 8, 1 | 3 | 6) {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 5 / 8);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for &c in text {
        let value = BASE32.iter().position(|&a| a == c)?;
        acc = (acc << 5) | u32::try_from(value).ok()?;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).ok()?);
            acc &= (1 << bits) - 1;
        }
    }
    (acc == 0).then_some(out)
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc_secret() -> TotpSecret {
        TotpSecret(b"12345678901234567890".to_vec())
    }

    #[test]
    fn rfc6238_sha1_vectors() {
        // RFC 6238 appendix B, SHA-1 column (8 digits); the last 6 are ours.
        let secret = rfc_secret();
        for (time, code) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(secret.code_at(time), code[2..], "time {time}");
        }
    }

    #[test]
    fn window_is_one_step_either_side() {
        let secret = rfc_secret();
        let t = 1_111_111_111; // step 37_037_037
        let step = t / 30;
        assert_eq!(secret.verify(&secret.code_at(t), t, None), Some(step));
        assert_eq!(secret.verify(&secret.code_at(t - 30), t, None), Some(step - 1));
        assert_eq!(secret.verify(&secret.code_at(t + 30), t, None), Some(step + 1));
        assert_eq!(secret.verify(&secret.code_at(t - 60), t, None), None);
        assert_eq!(secret.verify(&secret.code_at(t + 60), t, None), None);
    }

    #[test]
    fn codes_cannot_be_replayed() {
        let secret = rfc_secret();
        let t = 1_234_567_890;
        let code = secret.code_at(t);
        let used = secret.verify(&code, t, None).unwrap();
        assert_eq!(secret.verify(&code, t, Some(used)), None);
        assert_eq!(secret.verify(&code, t + 30, Some(used)), None);
        // An older code is refused once a later step was used.
        let previous = secret.code_at(t - 30);
        assert_eq!(secret.verify(&previous, t, Some(used)), None);
        // The next step's code is still fine.
        assert_eq!(
            secret.verify(&secret.code_at(t + 30), t + 30, Some(used)),
            Some(used + 1)
        );
    }

    #[test]
    fn verify_ignores_spaces_and_refuses_junk() {
        let secret = rfc_secret();
        let t = 59;
        assert_eq!(secret.verify("287 082", t, None), Some(1));
        assert_eq!(secret.verify(" 287082\n", t, None), Some(1));
        for junk in ["", "28708", "2870822", "28708a", "２８７０８２"] {
            assert_eq!(secret.verify(junk, t, None), None, "{junk}");
        }
    }

    #[test]
    fn base32_round_trip() {
        let secret = rfc_secret();
        assert_eq!(secret.to_base32(), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        let lower_spaced = "gezd gnbv gy3t qojq gezd gnbv gy3t qojq";
        assert_eq!(TotpSecret::from_base32(lower_spaced), Some(secret));
        let generated = TotpSecret::generate();
        assert_eq!(generated.to_base32().len(), 32);
        assert_eq!(TotpSecret::from_base32(&generated.to_base32()), Some(generated.clone()));
        assert_ne!(generated, TotpSecret::generate());
        // 16 bytes (26 characters, not a multiple of 8) also round-trip.
        let short = TotpSecret(vec![0xa5; 16]);
        assert_eq!(short.to_base32().len(), 26);
        assert_eq!(TotpSecret::from_base32(&short.to_base32()), Some(short));
    }

    #[test]
    fn bad_base32_is_refused() {
        for bad in [
            "",
            "GEZDGNBVGY3TQOJQ",                   // 10 bytes: too short
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ1",   // '1' is not base32
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQG",  // impossible length
            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGF", // non-zero leftover bits
        ] {
            assert_eq!(TotpSecret::from_base32(bad), None, "{bad}");
        }
    }

    #[test]
    fn debug_hides_the_secret() {
        let secret = rfc_secret();
        let shown = format!("{secret:?} {secret:#?}");
        assert!(!shown.contains(&secret.to_base32()));
        assert!(!shown.contains("1234567890"));
        assert!(shown.contains("redacted"));
    }

    #[test]
    fn otpauth_uri_is_encoded() {
        let uri = rfc_secret().otpauth_uri("CPI Lecce", "mario.rossi+1@example.it");
        assert_eq!(
            uri,
            "otpauth://totp/CPI%20Lecce:mario.rossi%2B1%40example.it\
             ?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=CPI%20Lecce\
             &algorithm=SHA1&digits=6&period=30"
        );
        assert_eq!(percent_encode("Nardò"), "Nard%C3%B2");
    }
}
