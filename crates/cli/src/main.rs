//! The `sportello` command. Every option can also come from the environment
//! (`SPORTELLO_…`) or from a TOML file (`--config`); flags win over the
//! environment, which wins over the file.

mod backup;
mod commands;
mod config;
mod generate;
mod import;
mod keys;
mod limits;
mod metrics_addr;
mod print;
mod print_bench;
mod progress;
mod reindex;
mod report;
mod search_bench;
mod secrets;
mod sms;
mod user;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "sportello",
    version,
    about = "Job boards, bookings and CVs for public employment centres"
)]
struct Cli {
    /// TOML file with `db`, `addr` and `public_url` keys.
    #[arg(long, global = true, env = "SPORTELLO_CONFIG", value_name = "FILE")]
    config: Option<std::path::PathBuf>,
    /// How log lines are written on standard error.
    #[arg(
        long,
        global = true,
        env = "SPORTELLO_LOG_FORMAT",
        value_enum,
        default_value = "text"
    )]
    log_format: commands::LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the public pages and the API.
    Serve(Box<config::ServeArgs>),
    /// Apply the database migrations and exit.
    Migrate(config::DbArgs),
    /// Serve a demo (an SQLite file by default), loading demo data if the database is empty.
    Demo(config::DemoArgs),
    /// Create and list back-office users.
    #[command(subcommand)]
    User(user::UserCommand),
    /// Load data from files.
    #[command(subcommand)]
    Import(import::ImportCommand),
    /// Print an offer's poster or a centre's board as PDF.
    #[command(subcommand)]
    Print(print::PrintCommand),
    /// Make the weekly report of an area's offers.
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Load generated data (for benchmarks and load tests).
    #[command(subcommand)]
    Gen(generate::GenCommand),
    /// Write a consistent backup of the database to a file (SQLite: a copy
    /// taken while serving; PostgreSQL: pg_dump's custom format).
    Backup(backup::BackupArgs),
    /// Restore a backup into a database (one that holds data only with --force).
    Restore(backup::RestoreArgs),
    /// Make and rotate the keys of personal data at rest.
    #[command(subcommand)]
    Keys(keys::KeysCommand),
    /// Rebuild a node's search index from the database.
    Reindex(reindex::ReindexArgs),
    /// Time the search engine on a query mix (for scripts/bench-search.sh).
    #[command(hide = true)]
    SearchBench(search_bench::BenchArgs),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    commands::init_logging(cli.log_format);
    commands::run(async {
        let file = config::FileConfig::load(cli.config.as_deref())?;
        match cli.command {
            Command::Serve(args) => commands::serve(args.resolve(&file)?).await?,
            Command::Migrate(args) => commands::migrate(args.resolve(&file)?).await?,
            Command::Demo(args) => commands::demo(args.resolve(&file)?).await?,
            Command::User(command) => user::run(command, &file).await?,
            Command::Import(command) => import::run(command, &file).await?,
            Command::Print(command) => print::run(command, &file).await?,
            Command::Report(command) => report::run(command, &file).await?,
            Command::Gen(command) => generate::run(command, &file).await?,
            Command::Backup(args) => backup::backup(args, &file).await?,
            Command::Restore(args) => backup::restore(args, &file).await?,
            Command::Keys(command) => keys::run(command, &file).await?,
            Command::Reindex(args) => reindex::run(args, &file).await?,
            Command::SearchBench(args) => search_bench::run(args, &file).await?,
        }
        Ok(())
    })
}
