//! The key file of personal data at rest (`--data-key-file`): reading it,
//! making one, adding a key to it, what a node checks before it serves, and
//! the rotation that re-encrypts every sealed value to the newest key
//! (`sportello keys rotate`). The envelope itself is
//! [`sportello_auth::DataKeys`]; the sealed columns are the storage's.

use std::io::Write as _;
use std::os::unix::fs::{OpenOptionsExt as _, PermissionsExt as _};
use std::path::Path;

use sportello_auth::DataKeys;
use sportello_storage::{SealedCounts, Storage};

/// Values re-encrypted per transaction by a rotation.
pub const ROTATION_BATCH: u32 = 200;

/// The keys of the file at `path`. A file that others than its owner may
/// read is refused: it unlocks the art. 9 data of every person.
pub fn read_key_file(path: &Path) -> Result<DataKeys, String> {
    let text = read_private(path)?;
    DataKeys::parse(&text).map_err(|e| invalid(path, &e))
}

/// The text of the key file at `path`, if only its owner may read it.
fn read_private(path: &Path) -> Result<String, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read the data key file {shown}: {e}"))?;
    if meta.permissions().mode() & 0o077 != 0 {
        return Err(format!(
            "the data key file {shown} can be read by other users: make it private with `chmod 600 {shown}`"
        ));
    }
    std::fs::read_to_string(path).map_err(|e| format!("cannot read the data key file {shown}: {e}"))
}

fn invalid(path: &Path, e: &sportello_auth::DataKeyError) -> String {
    format!("the data key file {} is not valid: {e}", path.display())
}

/// Writes `text` to `path` readable by its owner only, replacing the file
/// at once (through a file beside it, then a rename), so a crash leaves
/// either the old file or the new one.
fn write_private(path: &Path, text: &str) -> Result<(), String> {
    let shown = path.display();
    let mut temp = path.as_os_str().to_owned();
    temp.push(".new");
    let temp = std::path::PathBuf::from(temp);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&temp)
        .map_err(|e| format!("cannot write the data key file {shown}: {e}"))?;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
        .and_then(|()| file.write_all(text.as_bytes()))
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("cannot write the data key file {shown}: {e}"))?;
    std::fs::rename(&temp, path).map_err(|e| format!("cannot write the data key file {shown}: {e}"))
}

/// Makes a new key file at `path` with one random key; refuses to replace
/// an existing file (its keys may be the only way to read the data).
pub fn create_key_file(path: &Path) -> Result<DataKeys, String> {
    if path.exists() {
        return Err(format!(
            "{} exists already: a key file is never replaced (its keys may be the only way to read the data)",
            path.display()
        ));
    }
    let text = DataKeys::new_file();
    write_private(path, &text)?;
    DataKeys::parse(&text).map_err(|e| e.to_string())
}

/// The keys of the file at `path`, made first when missing (the demo's).
pub fn read_or_create_key_file(path: &Path) -> Result<DataKeys, String> {
    if path.exists() {
        read_key_file(path)
    } else {
        create_key_file(path)
    }
}

/// Appends a new random key to the file at `path`, which becomes the key
/// that encrypts; the keys and the new key's id.
pub fn add_key_to_file(path: &Path) -> Result<(DataKeys, String), String> {
    let text = read_private(path)?;
    let (text, id) = DataKeys::add_key(&text).map_err(|e| invalid(path, &e))?;
    write_private(path, &text)?;
    let keys = DataKeys::parse(&text).map_err(|e| e.to_string())?;
    Ok((keys, id))
}

/// What a node checks before it serves: with no key file, no encrypted
/// data (nor data waiting to be encrypted) may exist; with one, it must
/// hold every key the data uses. Values stored before encryption are then
/// sealed; how many.
pub async fn check_before_serving(storage: &dyn Storage, keys: Option<&DataKeys>) -> Result<u64, String> {
    let counts = storage
        .sealed_counts()
        .await
        .map_err(|e| format!("cannot count the encrypted data: {e}"))?;
    refuse_unless_readable(&counts, keys)?;
    if keys.is_none() || counts.plaintext == 0 {
        return Ok(0);
    }
    storage
        .seal_plaintext()
        .await
        .map_err(|e| format!("cannot encrypt the personal data stored before encryption: {e}"))
}

/// Why a node may not serve this database with these keys, if it may not.
pub fn refuse_unless_readable(counts: &SealedCounts, keys: Option<&DataKeys>) -> Result<(), String> {
    match keys {
        None if counts.sealed() > 0 => Err(format!(
            "the database holds {} and no data key file is given: \
             start with --data-key-file FILE (or SPORTELLO_DATA_KEY_FILE, or the systemd credential `sportello-data-keys`)",
            count(counts.sealed(), "encrypted value")
        )),
        None if counts.plaintext > 0 => Err(format!(
            "the database holds {} of personal data to encrypt and no data key file is given: \
             make one with `sportello keys new --data-key-file FILE`, keep it apart from the database's backups, \
             and start with --data-key-file FILE",
            count(counts.plaintext, "value")
        )),
        Some(keys) => {
            let missing = counts.missing_keys(keys);
            if missing.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "the database holds values encrypted with key(s) {} that the data key file lacks",
                    missing.join(", ")
                ))
            }
        }
        None => Ok(()),
    }
}

/// "1 value", "2 values".
pub fn count(n: u64, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Re-encrypts every sealed value of `storage` (opened with the key file's
/// keys, the newest of which encrypts) to the newest key, batch by batch,
/// calling `progress(done, total)` after each; how many values.
pub async fn rotate(storage: &dyn Storage, mut progress: impl FnMut(u64, u64)) -> Result<u64, String> {
    let counts = storage.sealed_counts().await.map_err(|e| e.to_string())?;
    let total = counts.sealed() + counts.plaintext;
    let mut done = 0;
    progress(done, total);
    loop {
        let batch = storage
            .reseal(ROTATION_BATCH)
            .await
            .map_err(|e| format!("re-encryption stopped after {}: {e}", count(done, "value")))?;
        if batch == 0 {
            break;
        }
        done += batch;
        progress(done.min(total), total);
    }
    storage
        .seal_plaintext()
        .await
        .map_err(|e| format!("cannot encrypt the personal data stored before encryption: {e}"))?;
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(by_key: &[(&str, u64)], plaintext: u64) -> SealedCounts {
        SealedCounts {
            by_key: by_key.iter().map(|(k, n)| ((*k).to_string(), *n)).collect(),
            plaintext,
        }
    }

    #[test]
    fn a_node_serves_only_data_it_can_read() {
        let keys = DataKeys::parse(&DataKeys::new_file()).unwrap();
        assert!(
            refuse_unless_readable(&counts(&[], 0), None).is_ok(),
            "nothing encrypted yet"
        );
        let error = refuse_unless_readable(&counts(&[("k1", 3)], 0), None).unwrap_err();
        assert!(error.contains("--data-key-file") && error.contains('3'), "{error}");
        let error = refuse_unless_readable(&counts(&[], 2), None).unwrap_err();
        assert!(error.contains("sportello keys new"), "{error}");
        assert!(refuse_unless_readable(&counts(&[("k1", 3)], 2), Some(&keys)).is_ok());
        let error = refuse_unless_readable(&counts(&[("k1", 3), ("k7", 1)], 0), Some(&keys)).unwrap_err();
        assert!(error.contains("k7") && !error.contains("k1,"), "{error}");
    }

    #[test]
    fn key_files_are_private_never_replaced_and_grow_by_one_key() {
        let dir = std::env::temp_dir().join(format!("sportello-keys-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("data-keys");
        let _ = std::fs::remove_file(&path);
        let made = create_key_file(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let before = std::fs::read_to_string(&path).unwrap();
        assert!(create_key_file(&path).unwrap_err().contains("exists already"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before, "untouched");
        let sealed = made.seal("p", b"x");
        let (keys, id) = add_key_to_file(&path).unwrap();
        assert_eq!((id.as_str(), keys.current_id()), ("k2", "k2"));
        assert_eq!(read_key_file(&path).unwrap().open("p", &sealed).unwrap(), b"x");
        assert_eq!(read_or_create_key_file(&path).unwrap().ids(), ["k1", "k2"]);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(read_key_file(&path).unwrap_err().contains("chmod 600"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
