//! Configuration: flags and `SPORTELLO_…` variables (by clap), then the
//! optional TOML file, then defaults.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::Path;
use std::sync::Arc;

use clap::Args;
use serde::Deserialize;
use sportello_auth::DataKeys;
use sportello_domain::PublicUrl;
use sportello_jobs::MailTransport;
use sportello_storage::DatabaseUrl;

use crate::limits::{FileLimits, LimitArgs};
use crate::secrets::{KeyArgs, Secret};

/// Keys of the optional TOML file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub db: Option<String>,
    pub addr: Option<String>,
    pub public_url: Option<String>,
    pub secret: Option<String>,
    pub secret_file: Option<String>,
    pub data_key_file: Option<String>,
    pub behind_proxy: Option<bool>,
    pub metrics_addr: Option<String>,
    pub translate_url: Option<String>,
    pub translate_key: Option<String>,
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
    pub jitsi_url: Option<String>,
    pub reminders: Option<String>,
    pub seat_offers: Option<String>,
    pub mail_rate: Option<u32>,
    pub mail_lease: Option<u64>,
    pub message_retention_days: Option<u64>,
    pub inactive_account_days: Option<u64>,
    pub index_dir: Option<String>,
    pub max_connections: Option<u64>,
    pub max_in_flight: Option<u64>,
    pub max_renders: Option<u64>,
    pub max_hashing: Option<u64>,
    pub header_timeout: Option<u64>,
    pub body_timeout: Option<u64>,
    pub request_timeout: Option<u64>,
    /// The `[sms]` table.
    pub sms: Option<crate::sms::FileSms>,
}

impl FileConfig {
    pub fn load(path: Option<&Path>) -> Result<FileConfig, String> {
        let Some(path) = path else {
            return Ok(FileConfig::default());
        };
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The server limits' keys.
    fn limits(&self) -> FileLimits {
        FileLimits {
            max_connections: self.max_connections,
            max_in_flight: self.max_in_flight,
            max_renders: self.max_renders,
            max_hashing: self.max_hashing,
            header_timeout: self.header_timeout,
            body_timeout: self.body_timeout,
            request_timeout: self.request_timeout,
        }
    }
}

#[derive(Args)]
pub struct DbArgs {
    /// Database: sqlite://PATH, a file path, or postgres://USER@HOST/DB.
    #[arg(long, env = "SPORTELLO_DB", value_name = "URL")]
    db: Option<String>,
}

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    db: DbArgs,
    /// Address to listen on.
    #[arg(long, env = "SPORTELLO_ADDR", value_name = "HOST:PORT")]
    addr: Option<String>,
    /// Public base address of the site, the only source of absolute links
    /// (QR codes, e-mails, sitemaps, feeds), e.g. https://lavoro.example.it
    #[arg(long, env = "SPORTELLO_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    /// Secret of the installation (at least 32 bytes), shared by every node:
    /// CSRF tokens and signed links are derived from it. Without it, a random
    /// key is made once and kept in the database.
    #[arg(long, env = "SPORTELLO_SECRET", value_name = "SECRET", hide_env_values = true)]
    secret: Option<String>,
    #[command(flatten)]
    keys: KeyArgs,
    /// Behind a load balancer: take the client's address from X-Forwarded-For
    /// (for the limiter and the audit log).
    #[arg(long, env = "SPORTELLO_BEHIND_PROXY")]
    behind_proxy: bool,
    #[command(flatten)]
    metrics: crate::metrics_addr::MetricsArgs,
    /// Machine translation: a LibreTranslate-compatible server
    /// (http://HOST:PORT). Off when not given; it only ever fills drafts.
    #[arg(long, env = "SPORTELLO_TRANSLATE_URL", value_name = "URL")]
    translate_url: Option<String>,
    /// API key of the translation server, when it needs one.
    #[arg(long, env = "SPORTELLO_TRANSLATE_KEY", value_name = "KEY", hide_env_values = true)]
    translate_key: Option<String>,
    /// Where e-mail goes: smtp://HOST:PORT (plain, a local relay),
    /// smtp+starttls://USER:PASS@HOST:587, smtps://USER:PASS@HOST:465, or
    /// `record` (keep messages in the database, send none) [default: record]
    #[arg(long, env = "SPORTELLO_SMTP_URL", value_name = "URL", hide_env_values = true)]
    smtp_url: Option<String>,
    /// Sender of every e-mail [default: Sportello <noreply@HOST of the public URL>]
    #[arg(long, env = "SPORTELLO_MAIL_FROM", value_name = "MAILBOX")]
    mail_from: Option<String>,
    /// Jitsi Meet server of video interviews [default: https://meet.jit.si]
    #[arg(long, env = "SPORTELLO_JITSI_URL", value_name = "URL")]
    jitsi_url: Option<String>,
    /// Appointment reminders by e-mail, before the start, e.g. `48h,2h`, or
    /// `none` [default: 48h,2h]
    #[arg(long, env = "SPORTELLO_REMINDERS", value_name = "LIST")]
    reminders: Option<String>,
    /// How long a seat freed at a group meeting is held for the first on
    /// the waiting list: at most HOLD after the offer, and until BEFORE the
    /// start [default: 24h,2h]
    #[arg(long, env = "SPORTELLO_SEAT_OFFERS", value_name = "HOLD,BEFORE")]
    seat_offers: Option<String>,
    /// Most newsletter e-mails sent per minute by each node, evenly spaced
    /// (other mail is never held back) [default: no limit]
    #[arg(long, env = "SPORTELLO_MAIL_RATE", value_name = "N")]
    mail_rate: Option<String>,
    /// Seconds a node's claim on e-mail lasts: if the node dies, another
    /// sends what it had claimed once the claim ends (at least 10) [default: 900]
    #[arg(long, env = "SPORTELLO_MAIL_LEASE", value_name = "SECONDS")]
    mail_lease: Option<u64>,
    /// Days after which the recipient, subject and body of a message sent
    /// are blanked (1 to 3650) [default: 90]
    #[arg(long, env = "SPORTELLO_MESSAGE_RETENTION_DAYS", value_name = "DAYS")]
    message_retention_days: Option<u64>,
    /// Days a citizen account may go unused before it is erased, after two
    /// warnings 30 and 7 days before (60 to 3650) [default: 730]
    #[arg(long, env = "SPORTELLO_INACTIVE_ACCOUNT_DAYS", value_name = "DAYS")]
    inactive_account_days: Option<u64>,
    #[command(flatten)]
    index: IndexArgs,
    /// While this file exists, the node's search index stops following the
    /// database (for maintenance; searches go on from the index as it is)
    #[arg(long, env = "SPORTELLO_SEARCH_HOLD_FILE", value_name = "FILE")]
    search_hold_file: Option<std::path::PathBuf>,
    #[command(flatten)]
    limits: LimitArgs,
    #[command(flatten)]
    sms: crate::sms::SmsArgs,
}

/// Where a node keeps its own search index.
#[derive(Args)]
pub struct IndexArgs {
    /// Directory of this node's search index, created if missing and rebuilt
    /// from the database when missing, stale or from another database
    /// [default: sportello-index]
    #[arg(long, env = "SPORTELLO_INDEX_DIR", value_name = "DIR")]
    index_dir: Option<std::path::PathBuf>,
}

impl IndexArgs {
    /// The flag or variable, else the file, else `default`.
    pub fn resolve(self, file: &FileConfig, default: &str) -> std::path::PathBuf {
        self.index_dir
            .or_else(|| file.index_dir.clone().map(Into::into))
            .unwrap_or_else(|| default.into())
    }
}

#[derive(Args)]
pub struct DemoArgs {
    /// SQLite file of the demo (created if missing), or a PostgreSQL URL [default: sportello-demo.sqlite]
    #[arg(long, env = "SPORTELLO_DEMO_DB", value_name = "PATH")]
    db: Option<String>,
    /// Address to listen on [default: 127.0.0.1:8080]
    #[arg(long, env = "SPORTELLO_ADDR", value_name = "HOST:PORT")]
    addr: Option<String>,
    /// Public base address [default: the demo's own address]
    #[arg(long, env = "SPORTELLO_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    /// Most newsletter e-mails recorded per minute, evenly spaced [default: no limit]
    #[arg(long, env = "SPORTELLO_MAIL_RATE", value_name = "N")]
    mail_rate: Option<String>,
    /// Directory of the demo's search index [default: the database file's name
    /// with `.index`, e.g. sportello-demo.index]
    #[arg(long, env = "SPORTELLO_INDEX_DIR", value_name = "DIR")]
    index_dir: Option<std::path::PathBuf>,
    /// The demo's data key file, made if missing [default: the database
    /// file's name with `.keys`, e.g. sportello-demo.keys]
    #[arg(long, env = "SPORTELLO_DATA_KEY_FILE", value_name = "FILE")]
    data_key_file: Option<std::path::PathBuf>,
    /// Take the client's address from X-Forwarded-For, as `serve` does
    /// behind a load balancer (e.g. a benchmark's many clients on one host)
    #[arg(long, env = "SPORTELLO_BEHIND_PROXY")]
    behind_proxy: bool,
    #[command(flatten)]
    metrics: crate::metrics_addr::MetricsArgs,
}

#[derive(Debug)]
pub struct Serve {
    pub db: DatabaseUrl,
    pub addr: SocketAddr,
    pub public_url: PublicUrl,
    pub secret: Option<Secret>,
    /// The keys of personal data at rest, from the key file.
    pub data_keys: Option<Arc<DataKeys>>,
    pub behind_proxy: bool,
    /// Where `/metrics` is served, if anywhere.
    pub metrics_addr: Option<SocketAddr>,
    pub translate_url: Option<String>,
    pub translate_key: Option<Secret>,
    /// Where e-mail goes (its `Debug` never shows a password).
    pub mail: MailTransport,
    /// No transport was configured: mail is only recorded.
    pub mail_defaulted: bool,
    /// Video-meeting server and reminders.
    pub appointments: sportello_app::appointments::Settings,
    /// Most newsletter e-mails sent per minute by this node; `None`: no limit.
    pub mail_rate: Option<NonZeroU32>,
    /// How long a claim on e-mail (and on text messages) lasts.
    pub mail_lease: chrono::Duration,
    /// How long messages sent keep their recipient and body.
    pub message_retention: chrono::Duration,
    /// How long a citizen account may go unused.
    pub inactive_accounts: chrono::Duration,
    /// Text messages: gateway, rate, reminders, caps.
    pub sms: crate::sms::SmsConfig,
    /// This node's search index.
    pub index_dir: std::path::PathBuf,
    /// While this file exists the index does not follow the database.
    pub search_hold_file: Option<std::path::PathBuf>,
    /// Timeouts and caps of the HTTP server.
    pub limits: sportello_web::ServerLimits,
}

#[derive(Debug)]
pub struct Demo {
    pub db: DatabaseUrl,
    pub addr: SocketAddr,
    pub public_url: Option<PublicUrl>,
    pub mail_rate: Option<NonZeroU32>,
    pub index_dir: std::path::PathBuf,
    pub data_key_file: std::path::PathBuf,
    pub behind_proxy: bool,
    pub metrics_addr: Option<SocketAddr>,
}

/// `--mail-rate` (or the file's `mail_rate`), checked.
fn mail_rate(given: Option<String>, file: &FileConfig) -> Result<Option<NonZeroU32>, String> {
    given
        .or_else(|| file.mail_rate.map(|n| n.to_string()))
        .map(|text| sportello_jobs::parse_rate(&text).map_err(|e| format!("{e} (--mail-rate or SPORTELLO_MAIL_RATE)")))
        .transpose()
}

/// `--message-retention-days` (1 to 3650), or the application's default.
fn message_retention(days: Option<u64>) -> Result<chrono::Duration, String> {
    match days {
        None => Ok(sportello_app::MESSAGE_RETENTION),
        Some(d) if (1..=3650).contains(&d) => Ok(chrono::Duration::days(d as i64)),
        Some(d) => Err(format!("--message-retention-days must be between 1 and 3650, not {d}")),
    }
}

/// `--inactive-account-days` (60 to 3650), or the application's default.
fn inactive_accounts(days: Option<u64>) -> Result<chrono::Duration, String> {
    match days {
        None => Ok(sportello_app::people::retention::INACTIVE_ACCOUNTS),
        Some(d) if (60..=3650).contains(&d) => Ok(chrono::Duration::days(d as i64)),
        Some(d) => Err(format!("--inactive-account-days must be between 60 and 3650, not {d}")),
    }
}

/// `--mail-lease` in seconds (at least 10), or the outbox's default.
fn mail_lease(seconds: Option<u64>) -> Result<chrono::Duration, String> {
    match seconds {
        None => Ok(sportello_jobs::outbox::LEASE),
        Some(s) if (10..=86_400).contains(&s) => Ok(chrono::Duration::seconds(s as i64)),
        Some(s) => Err(format!("--mail-lease must be between 10 and 86400 seconds, not {s}")),
    }
}

/// The address to listen on: the flag or variable, else the file, else the default.
fn listen_addr(given: Option<String>, file: &FileConfig) -> Result<SocketAddr, String> {
    let value = given
        .or_else(|| file.addr.clone())
        .unwrap_or_else(|| "127.0.0.1:8080".into());
    value
        .parse()
        .map_err(|_| format!("not an address to listen on: {value:?} (use HOST:PORT, e.g. 127.0.0.1:8080)"))
}

impl DbArgs {
    pub fn resolve(self, file: &FileConfig) -> Result<DatabaseUrl, String> {
        let url = self
            .db
            .or_else(|| file.db.clone())
            .ok_or("no database given: use --db URL or SPORTELLO_DB")?;
        DatabaseUrl::parse(&url).map_err(|e| e.to_string())
    }
}

impl ServeArgs {
    pub fn resolve(self, file: &FileConfig) -> Result<Serve, String> {
        let public_url = self
            .public_url
            .or_else(|| file.public_url.clone())
            .ok_or("no public URL given: use --public-url URL or SPORTELLO_PUBLIC_URL")?;
        let secret = self
            .keys
            .secret(self.secret.or_else(|| file.secret.clone()), file.secret_file.as_deref())?;
        let public_url = PublicUrl::parse(&public_url)?;
        let smtp_url = self.smtp_url.or_else(|| file.smtp_url.clone());
        let from = self
            .mail_from
            .or_else(|| file.mail_from.clone())
            .unwrap_or_else(|| default_mail_from(&public_url));
        let from =
            sportello_jobs::parse_mailbox(&from).map_err(|e| format!("{e} (--mail-from or SPORTELLO_MAIL_FROM)"))?;
        let mail = MailTransport::parse(smtp_url.as_deref().unwrap_or("record"), from)
            .map_err(|e| format!("{e} (--smtp-url or SPORTELLO_SMTP_URL)"))?;
        let mut appointments = sportello_app::appointments::Settings::parse(
            self.jitsi_url
                .or_else(|| file.jitsi_url.clone())
                .as_deref()
                .unwrap_or("https://meet.jit.si"),
            self.reminders
                .or_else(|| file.reminders.clone())
                .as_deref()
                .unwrap_or("48h,2h"),
        )
        .map_err(|e| format!("{e} (--jitsi-url / --reminders)"))?;
        appointments.seat_offers = sportello_app::appointments::settings::parse_seat_offers(
            self.seat_offers
                .or_else(|| file.seat_offers.clone())
                .as_deref()
                .unwrap_or("24h,2h"),
        )
        .map_err(|e| format!("{e} (--seat-offers or SPORTELLO_SEAT_OFFERS)"))?;
        let sms = self
            .sms
            .resolve(file.sms.as_ref(), &public_url, &appointments.reminders)?;
        Ok(Serve {
            db: self.db.resolve(file)?,
            addr: listen_addr(self.addr, file)?,
            public_url,
            secret,
            data_keys: self.keys.data_keys(file.data_key_file.as_deref())?,
            behind_proxy: self.behind_proxy || file.behind_proxy.unwrap_or(false),
            metrics_addr: self.metrics.resolve(file.metrics_addr.as_deref())?,
            translate_url: self.translate_url.or_else(|| file.translate_url.clone()),
            translate_key: self.translate_key.or_else(|| file.translate_key.clone()).map(Secret),
            mail,
            mail_defaulted: smtp_url.is_none(),
            appointments,
            mail_rate: mail_rate(self.mail_rate, file)?,
            mail_lease: mail_lease(self.mail_lease.or(file.mail_lease))?,
            message_retention: message_retention(self.message_retention_days.or(file.message_retention_days))?,
            inactive_accounts: inactive_accounts(self.inactive_account_days.or(file.inactive_account_days))?,
            sms,
            index_dir: self.index.resolve(file, "sportello-index"),
            search_hold_file: self.search_hold_file,
            limits: self.limits.resolve(file.limits())?,
        })
    }
}

/// `Sportello <noreply@HOST>`, HOST being the public URL's host.
fn default_mail_from(public_url: &PublicUrl) -> String {
    let after_scheme = public_url.as_str().split_once("://").map_or("", |(_, rest)| rest);
    let host_port = after_scheme.split('/').next().unwrap_or_default();
    let host = host_port
        .rsplit_once(':')
        .filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit()))
        .map_or(host_port, |(host, _)| host);
    format!("Sportello <noreply@{host}>")
}

impl DemoArgs {
    pub fn resolve(self, file: &FileConfig) -> Result<Demo, String> {
        let db = self.db.unwrap_or_else(|| "sportello-demo.sqlite".into());
        let db = DatabaseUrl::parse(&db).map_err(|e| e.to_string())?;
        let beside = |extension: &str| match &db {
            DatabaseUrl::Sqlite(path) => Path::new(path).with_extension(extension),
            DatabaseUrl::Postgres(_) => format!("sportello-demo.{extension}").into(),
        };
        let index_dir = self.index_dir.unwrap_or_else(|| beside("index"));
        let data_key_file = self.data_key_file.unwrap_or_else(|| beside("keys"));
        Ok(Demo {
            data_key_file,
            index_dir,
            db,
            addr: listen_addr(self.addr, file)?,
            public_url: self
                .public_url
                .or_else(|| file.public_url.clone())
                .map(|u| PublicUrl::parse(&u))
                .transpose()?,
            mail_rate: mail_rate(self.mail_rate, file)?,
            behind_proxy: self.behind_proxy || file.behind_proxy.unwrap_or(false),
            metrics_addr: self.metrics.resolve(file.metrics_addr.as_deref())?,
        })
    }
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
