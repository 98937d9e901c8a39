//! `sportello backup` and `sportello restore`. SQLite: a consistent copy
//! taken with `VACUUM INTO` while the site serves, checked with `PRAGMA
//! integrity_check`; a restore puts a checked copy in place. PostgreSQL:
//! `pg_dump` in its custom format (refused when missing or older than the
//! server) and `pg_restore`. Either way the file is written beside its
//! place and renamed when complete, and a restore into a database that
//! holds data needs `--force`. The data key file is never in a backup: keep
//! it apart (docs/operations.md).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use clap::Args;
use sportello_storage::DatabaseUrl;
use sportello_storage::backup;

use crate::commands::Failure;
use crate::config::{DbArgs, FileConfig};
use crate::progress;

/// What a SQLite database file starts with.
const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";
/// What a `pg_dump` custom-format file starts with.
const PG_DUMP_MAGIC: &[u8] = b"PGDMP";

#[derive(Args)]
pub struct BackupArgs {
    #[command(flatten)]
    db: DbArgs,
    /// The backup file to write (refused if it exists).
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(Args)]
pub struct RestoreArgs {
    #[command(flatten)]
    db: DbArgs,
    /// A file made by `sportello backup`.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Replace the data of a database that holds some.
    #[arg(long)]
    force: bool,
}

/// `path` with `suffix` added to its name (the file written before the rename).
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn size_text(path: &Path) -> String {
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

pub async fn backup(args: BackupArgs, file: &FileConfig) -> Result<(), Failure> {
    let db = args.db.resolve(file).map_err(Failure::bad_input)?;
    let out = args.out;
    if out.exists() {
        return Err(Failure::bad_input(format!(
            "{} exists already: give a new file (a backup never replaces one)",
            out.display()
        )));
    }
    let partial = beside(&out, ".partial");
    let _ = std::fs::remove_file(&partial);
    let started = Instant::now();
    let spinner = progress::spinner("backing up");
    let result = match &db {
        DatabaseUrl::Sqlite(path) => backup_sqlite(path, &partial).await,
        DatabaseUrl::Postgres(url) => backup_postgres(url, &partial).await,
    };
    spinner.finish_and_clear();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, &out).map_err(|e| Failure::Other(format!("cannot write {}: {e}", out.display())))?;
    println!(
        "Backed up {db} to {} ({}) in {:.1} s. The data key file is not in it: keep that apart.",
        out.display(),
        size_text(&out),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn backup_sqlite(path: &str, partial: &Path) -> Result<(), Failure> {
    if !Path::new(path).exists() {
        return Err(Failure::bad_input(format!("no database at {path}")));
    }
    backup::sqlite_copy_into(path, partial)
        .await
        .map_err(|e| Failure::Other(format!("cannot copy {path}: {e}")))?;
    let check = backup::sqlite_integrity(partial)
        .await
        .map_err(|e| Failure::Other(format!("cannot check the copy: {e}")))?;
    if check != "ok" {
        return Err(Failure::Other(format!("the copy failed its integrity check: {check}")));
    }
    Ok(())
}

/// The major version of a PostgreSQL tool (`pg_dump`, `pg_restore`), or
/// why it cannot be used.
fn tool_major(tool: &str, server: u32) -> Result<u32, Failure> {
    let missing = || {
        Failure::Other(format!(
            "{tool} is needed and was not found: install Debian's postgresql-client-{server} (the server is PostgreSQL {server})"
        ))
    };
    let out = Command::new(tool).arg("--version").output().map_err(|_| missing())?;
    let text = String::from_utf8_lossy(&out.stdout);
    // "pg_dump (PostgreSQL) 15.20 (Debian …)"
    let major = text
        .split_whitespace()
        .find_map(|w| w.split('.').next().and_then(|m| m.parse::<u32>().ok()))
        .ok_or_else(missing)?;
    if major < server {
        return Err(Failure::Other(format!(
            "{tool} is PostgreSQL {major}, older than the server's {server}: install postgresql-client-{server}"
        )));
    }
    Ok(major)
}

async fn backup_postgres(url: &str, partial: &Path) -> Result<(), Failure> {
    let server = backup::postgres_major_version(url)
        .await
        .map_err(|e| Failure::Other(format!("cannot reach the database: {e}")))?;
    tool_major("pg_dump", server)?;
    let out = Command::new("pg_dump")
        .args(["--format=custom", "--no-owner", "--file"])
        .arg(partial)
        .arg("--dbname")
        .arg(url)
        .output()
        .map_err(|e| Failure::Other(format!("cannot run pg_dump: {e}")))?;
    if !out.status.success() {
        return Err(Failure::Other(format!(
            "pg_dump failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(())
}

pub async fn restore(args: RestoreArgs, file: &FileConfig) -> Result<(), Failure> {
    let db = args.db.resolve(file).map_err(Failure::bad_input)?;
    let backup_file = args.file;
    let head = read_head(&backup_file)?;
    let held = backup::rows_held(&db)
        .await
        .map_err(|e| Failure::Other(format!("cannot read the database {db}: {e}")))?;
    if held > 0 && !args.force {
        return Err(Failure::bad_input(format!(
            "the database {db} holds data ({held} users, centres, offers and bookings): \
             restore into a new database, or give --force to replace it"
        )));
    }
    let started = Instant::now();
    let spinner = progress::spinner("restoring");
    let result = match &db {
        DatabaseUrl::Sqlite(path) if head.starts_with(SQLITE_MAGIC) => {
            restore_sqlite(&backup_file, Path::new(path)).await
        }
        DatabaseUrl::Postgres(url) if head.starts_with(PG_DUMP_MAGIC) => restore_postgres(&backup_file, url).await,
        _ => Err(Failure::bad_input(format!(
            "{} is not a backup of a {} database",
            backup_file.display(),
            match db {
                DatabaseUrl::Sqlite(_) => "SQLite",
                DatabaseUrl::Postgres(_) => "PostgreSQL",
            }
        ))),
    };
    spinner.finish_and_clear();
    result?;
    // A backup of an older version gets this binary's migrations.
    crate::commands::open(&db).await?;
    println!(
        "Restored {} into {db} in {:.1} s. Start the nodes with the data key file of the backed-up installation; \
         each rebuilds its search index.",
        backup_file.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn read_head(path: &Path) -> Result<Vec<u8>, Failure> {
    use std::io::Read as _;
    let mut head = vec![0u8; 16];
    let mut f =
        std::fs::File::open(path).map_err(|e| Failure::bad_input(format!("cannot read {}: {e}", path.display())))?;
    let n = f
        .read(&mut head)
        .map_err(|e| Failure::bad_input(format!("cannot read {}: {e}", path.display())))?;
    head.truncate(n);
    Ok(head)
}

async fn restore_sqlite(backup_file: &Path, target: &Path) -> Result<(), Failure> {
    let check = backup::sqlite_integrity(backup_file)
        .await
        .map_err(|e| Failure::bad_input(format!("cannot read {}: {e}", backup_file.display())))?;
    if check != "ok" {
        return Err(Failure::bad_input(format!(
            "{} failed its integrity check: {check}",
            backup_file.display()
        )));
    }
    let partial = beside(target, ".restoring");
    std::fs::copy(backup_file, &partial)
        .and_then(|_| std::fs::File::open(&partial)?.sync_all())
        .map_err(|e| Failure::Other(format!("cannot write {}: {e}", partial.display())))?;
    // The replaced database's journal must not be replayed into the copy.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(beside(target, suffix));
    }
    std::fs::rename(&partial, target).map_err(|e| Failure::Other(format!("cannot write {}: {e}", target.display())))
}

async fn restore_postgres(backup_file: &Path, url: &str) -> Result<(), Failure> {
    let server = backup::postgres_major_version(url)
        .await
        .map_err(|e| Failure::Other(format!("cannot reach the database: {e}")))?;
    tool_major("pg_restore", server)?;
    let replace = backup::postgres_has_tables(url)
        .await
        .map_err(|e| Failure::Other(format!("cannot read the database: {e}")))?;
    let mut command = Command::new("pg_restore");
    command.args(["--no-owner", "--exit-on-error", "--single-transaction"]);
    if replace {
        command.args(["--clean", "--if-exists"]);
    }
    let out = command
        .arg("--dbname")
        .arg(url)
        .arg(backup_file)
        .output()
        .map_err(|e| Failure::Other(format!("cannot run pg_restore: {e}")))?;
    if !out.status.success() {
        return Err(Failure::Other(format!(
            "pg_restore failed (nothing was changed): {}",
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(())
}
