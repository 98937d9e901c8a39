//! `sportello keys`: make a data key file, rotate its keys (re-encrypting
//! every sealed value), show how the encrypted data stands.

use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, Subcommand};
use sportello_auth::DataKeys;

use crate::config::{DbArgs, FileConfig};
use crate::progress;
use crate::secrets::data_key_path;

#[derive(Subcommand)]
pub enum KeysCommand {
    /// Make a new data key file (refuses to replace one).
    New {
        /// Where to write it (readable by its owner only).
        #[arg(long, env = "SPORTELLO_DATA_KEY_FILE", value_name = "FILE")]
        data_key_file: PathBuf,
    },
    /// Add a new key to the data key file and re-encrypt every encrypted
    /// value with it. Restart every node with the new file afterwards.
    Rotate(KeysDbArgs),
    /// How many values are encrypted with each key, and how many wait to be.
    Status(KeysDbArgs),
}

#[derive(Args)]
pub struct KeysDbArgs {
    #[command(flatten)]
    db: DbArgs,
    /// The data key file.
    #[arg(long, env = "SPORTELLO_DATA_KEY_FILE", value_name = "FILE")]
    data_key_file: Option<PathBuf>,
}

impl KeysDbArgs {
    fn key_path(&self, file: &FileConfig) -> Result<PathBuf, String> {
        data_key_path(self.data_key_file.clone(), file.data_key_file.as_deref())
            .ok_or_else(|| "no data key file given: use --data-key-file FILE or SPORTELLO_DATA_KEY_FILE".to_string())
    }
}

pub async fn run(command: KeysCommand, file: &FileConfig) -> Result<(), String> {
    match command {
        KeysCommand::New { data_key_file } => {
            let keys = sportello_app::data_keys::create_key_file(&data_key_file)?;
            println!(
                "Made {} with key {}. Keep it secret, backed up apart from the database: \
                 without it the encrypted personal data cannot be read.",
                data_key_file.display(),
                keys.current_id()
            );
            Ok(())
        }
        KeysCommand::Rotate(args) => {
            let path = args.key_path(file)?;
            let url = args.db.resolve(file)?;
            // Every key the data uses must be in the file before a new one is added.
            let old = sportello_app::data_keys::read_key_file(&path)?;
            let storage = open_with(&url, old.clone()).await?;
            let counts = storage.sealed_counts().await.map_err(|e| e.to_string())?;
            sportello_app::data_keys::refuse_unless_readable(&counts, Some(&old))?;
            drop(storage);
            let (keys, id) = sportello_app::data_keys::add_key_to_file(&path)?;
            println!("Added key {id} to {}; re-encrypting with it.", path.display());
            let storage = open_with(&url, keys).await?;
            let bar = progress::bar(0, "encrypting");
            let done = sportello_app::data_keys::rotate(storage.as_ref(), |done, total| {
                bar.set_length(total);
                bar.set_position(done);
            })
            .await?;
            bar.finish_and_clear();
            println!(
                "Re-encrypted {} with key {id}. Restart every node with the new key file; \
                 the older keys can be removed from it once no node or backup needs them.",
                sportello_app::data_keys::count(done, "value")
            );
            Ok(())
        }
        KeysCommand::Status(args) => {
            let path = args.key_path(file)?;
            let url = args.db.resolve(file)?;
            let keys = sportello_app::data_keys::read_key_file(&path)?;
            let current = keys.current_id().to_string();
            let storage = open_with(&url, keys).await?;
            let counts = storage.sealed_counts().await.map_err(|e| e.to_string())?;
            println!("Key that encrypts: {current}");
            for (id, n) in &counts.by_key {
                println!("  {id:<8} {}", sportello_app::data_keys::count(*n, "value"));
            }
            println!("  waiting to be encrypted: {}", counts.plaintext);
            Ok(())
        }
    }
}

async fn open_with(
    url: &sportello_storage::DatabaseUrl,
    keys: DataKeys,
) -> Result<Arc<dyn sportello_storage::Storage>, String> {
    sportello_storage::open_with_keys(url, Some(Arc::new(keys)))
        .await
        .map_err(|e| format!("cannot open the database {url}: {e}"))
}
