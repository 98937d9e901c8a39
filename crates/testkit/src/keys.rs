//! The data keys of the tests' databases.

/// The data keys every test database is opened with: one fixed key, so
/// that a template database filled by one test process opens in the next.
/// Tests of keys that differ make their own ([`sportello_auth::DataKeys`]).
pub fn data_keys() -> std::sync::Arc<sportello_auth::DataKeys> {
    static KEYS: std::sync::OnceLock<std::sync::Arc<sportello_auth::DataKeys>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        std::sync::Arc::new(sportello_auth::DataKeys::parse(DATA_KEY_FILE).expect("the tests' key file parses"))
    })
    .clone()
}

/// The text of the key file of [`data_keys`] (for tests of the command).
pub const DATA_KEY_FILE: &str =
    "# The tests' data key (never used elsewhere)\nk1 dGVzdHMtb25seS1rZXktMzItYnl0ZXMtbG9uZy0tLS0\n";
