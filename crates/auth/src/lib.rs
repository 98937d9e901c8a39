//! Credentials of Sportello: password hashing and policy, TOTP second factor,
//! recovery codes, random tokens, keys derived from the installation secret
//! and the keys and envelope of personal data at rest.
//!
//! A pure library: no database, no HTTP, no clock (callers pass the time in),
//! so the web layer and the CLI share it and tests are deterministic. Secrets
//! never appear in `Debug` output.

pub mod data_keys;
pub mod keys;
pub mod password;
mod qr;
pub mod tokens;
pub mod totp;

pub use data_keys::{DataKeyError, DataKeys};
pub use keys::{KeyError, Keys};
pub use password::{
    PasswordProblem, check_policy, dummy_hash, hash_password, hash_recovery_code, needs_rehash, verify_password,
    verify_recovery_code,
};
pub use qr::qr_svg;
pub use tokens::{
    constant_time_eq, hash_token, hex, normalize_recovery_code, random_bytes, random_token, recovery_codes,
};
pub use totp::TotpSecret;
