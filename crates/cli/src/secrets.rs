//! Where the secrets of a node come from: the installation secret
//! (`--secret`, `--secret-file`) and the data key file
//! (`--data-key-file`), or systemd credentials
//! (`$CREDENTIALS_DIRECTORY`) when neither is given.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::Args;
use sportello_auth::DataKeys;

/// The installation secret; `Debug` never shows it.
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// The systemd credential (`LoadCredential=`) of the data key file.
const DATA_KEYS_CREDENTIAL: &str = "sportello-data-keys";
/// The systemd credential of the installation secret.
const SECRET_CREDENTIAL: &str = "sportello-secret";

/// Where the data keys and the installation secret come from.
#[derive(Args, Default)]
pub struct KeyArgs {
    /// File of the keys that encrypt personal data at rest (made by `sportello
    /// keys new`); without it, a systemd credential `sportello-data-keys` is
    /// used when present
    #[arg(long, env = "SPORTELLO_DATA_KEY_FILE", value_name = "FILE")]
    pub data_key_file: Option<PathBuf>,
    /// File holding the installation secret (instead of --secret); without
    /// either, a systemd credential `sportello-secret` is used when present
    #[arg(long, env = "SPORTELLO_SECRET_FILE", value_name = "FILE")]
    pub secret_file: Option<PathBuf>,
}

/// A systemd credential's file, when the service was given it.
fn credential(name: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("CREDENTIALS_DIRECTORY")?;
    let path = Path::new(&dir).join(name);
    path.is_file().then_some(path)
}

/// The data key file: `flag` (the flag or variable), else `configured`
/// (the configuration file's `data_key_file`), else the systemd credential.
pub fn data_key_path(flag: Option<PathBuf>, configured: Option<&str>) -> Option<PathBuf> {
    flag.or_else(|| configured.map(PathBuf::from))
        .or_else(|| credential(DATA_KEYS_CREDENTIAL))
}

impl KeyArgs {
    /// The data key file: the flag or variable, else `configured` (the
    /// configuration file's `data_key_file`), else the systemd credential.
    pub fn data_key_path(&self, configured: Option<&str>) -> Option<PathBuf> {
        data_key_path(self.data_key_file.clone(), configured)
    }

    /// The data keys, when a key file is configured.
    pub fn data_keys(&self, configured: Option<&str>) -> Result<Option<Arc<DataKeys>>, String> {
        self.data_key_path(configured)
            .map(|path| sportello_app::data_keys::read_key_file(&path).map(Arc::new))
            .transpose()
    }

    /// The installation secret: `given` (--secret or the file's `secret`),
    /// else the secret file (flag, `configured` from the configuration
    /// file, or systemd credential).
    pub fn secret(&self, given: Option<String>, configured: Option<&str>) -> Result<Option<Secret>, String> {
        let path = self
            .secret_file
            .clone()
            .or_else(|| configured.map(PathBuf::from))
            .or_else(|| credential(SECRET_CREDENTIAL));
        let secret = match (given, path) {
            (Some(_), Some(path)) if self.secret_file.is_some() => {
                return Err(format!(
                    "give the secret once: --secret or --secret-file {}, not both",
                    path.display()
                ));
            }
            (Some(secret), _) => Some(secret),
            (None, Some(path)) => {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read the secret file {}: {e}", path.display()))?;
                Some(text.trim_end_matches(['\n', '\r']).to_string())
            }
            (None, None) => None,
        };
        if secret.as_ref().is_some_and(|s| s.len() < 32) {
            return Err(
                "the secret (--secret, --secret-file or SPORTELLO_SECRET) must be at least 32 bytes long".into(),
            );
        }
        Ok(secret.map(Secret))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret_file(text: &str) -> PathBuf {
        let path = std::env::temp_dir().join(format!("sportello-secret-{}-{}", std::process::id(), text.len()));
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn the_secret_comes_from_a_flag_or_a_file_never_both() {
        let none: Option<&str> = None;
        let long = "0123456789abcdef0123456789abcdef";
        let from_file = secret_file(&format!("{long}\n"));
        let args = KeyArgs {
            data_key_file: None,
            secret_file: Some(from_file.clone()),
        };
        assert_eq!(args.secret(None, none).unwrap().unwrap().0, long, "without its newline");
        assert!(args.secret(Some(long.into()), none).unwrap_err().contains("not both"));
        let short = secret_file("short\n");
        let args = KeyArgs {
            data_key_file: None,
            secret_file: Some(short.clone()),
        };
        assert!(args.secret(None, none).unwrap_err().contains("32 bytes"));
        let missing = KeyArgs {
            data_key_file: None,
            secret_file: Some("/no/such/secret".into()),
        };
        assert!(
            missing
                .secret(None, none)
                .unwrap_err()
                .contains("cannot read the secret file")
        );
        assert_eq!(
            KeyArgs::default().secret(Some(long.into()), none).unwrap().unwrap().0,
            long
        );
        for path in [from_file, short] {
            std::fs::remove_file(path).unwrap();
        }
    }
}
