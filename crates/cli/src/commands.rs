//! The server subcommands (`serve`, `migrate`, `demo`) and what every
//! subcommand shares: the runtime, logging, opening the database and the
//! actor the audit log names.

use std::sync::Arc;

use sportello_app::App;
use sportello_domain::Actor;
use sportello_domain::PublicUrl;
use sportello_domain::time::today_in_rome;
use sportello_storage::Storage;
use sportello_web::AppState;
use tokio::net::TcpListener;

use crate::config::{Demo, Serve};

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Lines for people.
    Text,
    /// One JSON object a line, for a log collector.
    Json,
}

/// Logs to standard error; `SPORTELLO_LOG` sets the filter (default
/// `info`: one access line per request, never a token or an e-mail).
pub fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SPORTELLO_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => logs.init(),
        LogFormat::Json => logs.json().with_current_span(true).with_span_list(false).init(),
    }
}

/// Why a command failed, told apart by the exit status.
pub enum Failure {
    /// The user asked for something that does not exist or is not valid
    /// (exit status 2, like a usage error).
    BadInput(String),
    /// Anything else (exit status 1).
    Other(String),
}

impl Failure {
    pub fn bad_input(message: impl Into<String>) -> Failure {
        Failure::BadInput(message.into())
    }
}

impl From<String> for Failure {
    fn from(e: String) -> Self {
        Failure::Other(e)
    }
}

/// Runs `work` on a multi-threaded runtime; prints its error and fails if it
/// fails: exit status 2 for bad input, 1 otherwise.
pub fn run(work: impl std::future::Future<Output = Result<(), Failure>>) -> std::process::ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(work) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(Failure::BadInput(e)) => {
            eprintln!("error: {e}");
            std::process::ExitCode::from(2)
        }
        Err(Failure::Other(e)) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Who the audit log names for changes made from the command line.
pub fn cli_actor() -> Actor {
    Actor {
        user: None,
        label: "cli".into(),
        address: String::new(),
    }
}

/// Opens (and migrates) the database, with a message naming it on failure.
pub async fn open(db: &sportello_storage::DatabaseUrl) -> Result<Arc<dyn Storage>, String> {
    open_with_keys(db, None).await
}

/// [`open`] with the keys of the personal data at rest.
async fn open_with_keys(
    db: &sportello_storage::DatabaseUrl,
    keys: Option<Arc<sportello_auth::DataKeys>>,
) -> Result<Arc<dyn Storage>, String> {
    let storage = sportello_storage::open_with_keys(db, keys)
        .await
        .map_err(|e| format!("cannot open the database {db}: {e}"))?;
    extra_migrations(storage.as_ref()).await?;
    match storage.migration_status().await {
        Ok(status) if !status.ahead.is_empty() => tracing::warn!(
            versions = ?status.ahead,
            "the database has migrations this binary does not know: a newer version migrated it (fine during \
             an upgrade; upgrade this node too)"
        ),
        Ok(_) => {}
        Err(e) => return Err(format!("cannot read the migrations of {db}: {e}")),
    }
    Ok(storage)
}

/// Debug builds only, for the upgrade tests: the migrations of the folder
/// in `SPORTELLO_EXTRA_MIGRATIONS` run after this binary's own, as if this
/// were a newer version. Release builds ignore the variable.
async fn extra_migrations(storage: &dyn Storage) -> Result<(), String> {
    #[cfg(debug_assertions)]
    if let Some(dir) = std::env::var_os("SPORTELLO_EXTRA_MIGRATIONS") {
        let dir = std::path::PathBuf::from(dir);
        storage
            .migrate_with_extra(&dir)
            .await
            .map_err(|e| format!("cannot run the extra migrations of {}: {e}", dir.display()))?;
        tracing::warn!(dir = %dir.display(), "extra migrations run (a test build)");
    }
    #[cfg(not(debug_assertions))]
    let _ = storage;
    Ok(())
}

/// Refuses a database whose encrypted data these keys cannot read, and
/// encrypts what was stored before encryption.
async fn check_data_keys(storage: &dyn Storage, keys: Option<&sportello_auth::DataKeys>) -> Result<(), String> {
    let sealed = sportello_app::data_keys::check_before_serving(storage, keys).await?;
    match keys {
        Some(keys) => tracing::info!(key = keys.current_id(), newly_encrypted = sealed, "data keys"),
        None => tracing::warn!(
            "no data key file (--data-key-file): second factors and health-related needs cannot be stored"
        ),
    }
    Ok(())
}

/// An outbox worker's pace for `--mail-rate` or `--sms-rate`.
fn pace(rate: Option<std::num::NonZeroU32>) -> sportello_jobs::Pace {
    rate.map_or_else(sportello_jobs::Pace::unlimited, sportello_jobs::Pace::per_minute)
}

async fn bind(addr: std::net::SocketAddr) -> Result<TcpListener, String> {
    TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))
}

pub async fn migrate(db: sportello_storage::DatabaseUrl) -> Result<(), String> {
    open(&db).await?;
    println!("The database {db} is up to date.");
    Ok(())
}

pub async fn serve(config: Serve) -> Result<(), String> {
    let storage = open_with_keys(&config.db, config.data_keys.clone()).await?;
    check_data_keys(storage.as_ref(), config.data_keys.as_deref()).await?;
    let listener = bind(config.addr).await?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    tracing::info!(address = %local, public_url = config.public_url.as_str(), database = %config.db, "serving");
    if config.mail_defaulted {
        tracing::warn!("no mail transport given (--smtp-url): e-mail is recorded in the database, never sent");
    }
    tracing::info!(transport = ?config.mail, "e-mail");
    if let Some(rate) = config.mail_rate {
        tracing::info!(per_minute = rate.get(), "e-mail sending rate");
    }
    let mut app = App::new(
        storage.clone(),
        config.public_url,
        config.secret.as_ref().map(|s| s.0.as_str()),
    )
    .await?;
    let (search, follower) = follow_search(storage.clone(), &config.index_dir, config.search_hold_file)?;
    app.search = search;
    app.appointments = std::sync::Arc::new(config.appointments);
    app.message_retention = config.message_retention;
    app.inactive_accounts = config.inactive_accounts;
    tracing::info!(transport = ?config.sms.transport, "text messages");
    app.sms = std::sync::Arc::new(config.sms.settings);
    if let Some(url) = &config.translate_url {
        let key = config.translate_key.as_ref().map(|k| k.0.clone());
        let translator = sportello_app::translator::Translator::new(url, key).map_err(|e| e.to_string())?;
        app.translator = Some(std::sync::Arc::new(translator));
    }
    tracing::info!(limits = ?config.limits, "server limits");
    let mut state = AppState::new(app).with_server_limits(config.limits);
    state.behind_proxy = config.behind_proxy;
    if let Some(addr) = config.metrics_addr {
        serve_metrics(bind(addr).await?, state.clone());
    }
    let schedule = sportello_jobs::Schedule {
        lease: config.mail_lease,
        ..sportello_jobs::Schedule::default()
    };
    let outboxes = Outboxes {
        storage,
        mail: config.mail,
        sms: config.sms.transport,
        schedule,
        mail_pace: pace(config.mail_rate),
        sms_pace: pace(config.sms.rate),
    };
    run_node(listener, state, outboxes, follower).await
}

/// Serves the node's `/metrics` on `listener` (its own, not the public
/// one) for as long as the process runs.
fn serve_metrics(listener: TcpListener, state: AppState) {
    if let Ok(local) = listener.local_addr() {
        tracing::info!(address = %local, "metrics at /metrics");
    }
    tokio::spawn(async move {
        if let Err(e) = sportello_web::metrics::serve(listener, state, std::future::pending()).await {
            tracing::error!(error = %e, "the metrics listener stopped");
        }
    });
}

/// What a node's outbox workers (e-mail and text messages) need.
struct Outboxes {
    storage: Arc<dyn Storage>,
    mail: sportello_jobs::MailTransport,
    sms: sportello_jobs::SmsTransport,
    schedule: sportello_jobs::Schedule,
    mail_pace: sportello_jobs::Pace,
    sms_pace: sportello_jobs::Pace,
}

/// Runs a node until Ctrl-C or SIGTERM: its outbox workers, its search
/// follower, the periodic jobs and the HTTP server. At the signal the
/// background work stops at once — the outbox workers give back the
/// messages they hold, for another node to send — and the requests in
/// progress finish (within the request timeout and a few seconds).
async fn run_node(
    listener: TcpListener,
    state: AppState,
    outboxes: Outboxes,
    follower: tokio::task::JoinHandle<()>,
) -> Result<(), String> {
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let Outboxes {
        storage,
        mail,
        sms,
        schedule,
        mail_pace,
        sms_pace,
    } = outboxes;
    let texts = sportello_jobs::spawn_sms_worker(storage.clone(), sms, schedule, sms_pace, Some(stopped.clone()));
    let mail = sportello_jobs::spawn_outbox_worker(storage, mail, schedule, mail_pace, Some(stopped));
    let outbox = async move {
        let _ = mail.await;
        let _ = texts.await;
    };
    let shutdown = async move {
        sportello_web::shutdown_signal().await;
        tracing::info!("shutting down: background work stops, the requests in progress finish");
        let _ = stop.send(true);
        follower.abort();
    };
    let served = sportello_web::serve_with_shutdown(listener, state, shutdown).await;
    if tokio::time::timeout(std::time::Duration::from_secs(5), outbox)
        .await
        .is_err()
    {
        tracing::warn!("the outbox workers did not stop within 5 s");
    }
    served.map_err(|e| e.to_string())
}

/// This node's search on its index in `dir`, followed in the background: a
/// missing, stale or foreign index is rebuilt there while the node serves.
fn follow_search(
    storage: Arc<dyn Storage>,
    dir: &std::path::Path,
    hold_file: Option<std::path::PathBuf>,
) -> Result<(Arc<sportello_search::OfferSearch>, tokio::task::JoinHandle<()>), String> {
    let index = sportello_search::SearchIndex::open(dir).map_err(|e| {
        format!(
            "cannot open the search index in {} (is another node using it?): {e}",
            dir.display()
        )
    })?;
    tracing::info!(dir = %dir.display(), offers = index.doc_count(), "search index");
    let search = Arc::new(
        sportello_search::OfferSearch::new(index, storage.clone(), storage, sportello_search::Consistency::Eventual)
            .with_hold_file(hold_file),
    );
    let follower = tokio::spawn(search.clone().follow());
    Ok((search, follower))
}

pub async fn demo(config: Demo) -> Result<(), String> {
    // The demo keeps its own key file beside its database.
    let keys = Arc::new(sportello_app::data_keys::read_or_create_key_file(
        &config.data_key_file,
    )?);
    let storage = open_with_keys(&config.db, Some(keys.clone())).await?;
    check_data_keys(storage.as_ref(), Some(&keys)).await?;
    let loaded = sportello_demo::load(
        storage.as_ref(),
        sportello_demo::DEMO_OFFERS,
        sportello_demo::DEMO_SEED,
        today_in_rome(),
    )
    .await
    .map_err(|e| format!("cannot load the demo data: {e}"))?;
    match loaded {
        sportello_demo::Loaded::AlreadyThere => println!("Using the existing demo database {}.", config.db),
        sportello_demo::Loaded::Loaded { centres, offers } => {
            println!("Loaded {centres} centres and {offers} offers into {}.", config.db);
        }
    }
    sportello_demo::subscribers::create(storage.as_ref(), today_in_rome())
        .await
        .map_err(|e| format!("cannot add the demo subscribers: {e}"))?;
    sportello_demo::reports::make(storage.as_ref())
        .await
        .map_err(|e| format!("cannot make the demo's weekly reports: {e}"))?;
    let listener = bind(config.addr).await?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    let host = if local.ip().is_unspecified() {
        "127.0.0.1".to_string()
    } else {
        local.ip().to_string()
    };
    let own = if local.is_ipv6() {
        format!("http://[{host}]:{}", local.port())
    } else {
        format!("http://{host}:{}", local.port())
    };
    let public_url = match config.public_url {
        Some(url) => url,
        None => PublicUrl::parse(&own)?,
    };
    println!("Demo accounts of the back office, {own}/it/office/ (demo only: never use them elsewhere):");
    println!(
        "  {:<12} {:<34} {:<32} {:<34} scope",
        "role", "e-mail", "password", "second factor (TOTP key)"
    );
    for account in sportello_demo::accounts::ACCOUNTS {
        println!(
            "  {:<12} {:<34} {:<32} {:<34} {}",
            account.role.code(),
            account.email,
            account.password,
            account.totp_key,
            account.scope
        );
    }
    println!(
        "  Every account signs in with its password, then a code from an authenticator app holding its key \
         (or: oathtool --totp -b KEY)."
    );
    let citizen = sportello_demo::accounts::CITIZEN;
    println!(
        "Demo citizen account, {own}/it/account/sign-in: {} with password {} ({})",
        citizen.email, citizen.password, citizen.name
    );
    println!("E-mails are never sent: see what would have been sent at {own}/it/demo/mailbox");
    println!("Sportello demo is running at {own}/ (press Ctrl-C to stop)");
    let mut app = App::new(storage.clone(), public_url, None).await?;
    let (search, follower) = follow_search(storage.clone(), &config.index_dir, None)?;
    app.search = search;
    // The demo's few hundred offers are indexed before the first page is
    // served, so its boards are never empty (a `serve` node with a large
    // database serves at once and fills its index in the background).
    app.search
        .catch_up()
        .await
        .map_err(|e| format!("cannot index the demo offers: {e}"))?;
    let mut state = AppState::new(app);
    state.demo_mailbox = true;
    state.behind_proxy = config.behind_proxy;
    if let Some(addr) = config.metrics_addr {
        serve_metrics(bind(addr).await?, state.clone());
    }
    // The demo never sends e-mail or texts: every message is recorded in
    // its database.
    let outboxes = Outboxes {
        storage,
        mail: sportello_jobs::MailTransport::Record,
        sms: sportello_jobs::SmsTransport::Record,
        schedule: sportello_jobs::Schedule::default(),
        mail_pace: pace(config.mail_rate),
        sms_pace: sportello_jobs::Pace::unlimited(),
    };
    run_node(listener, state, outboxes, follower).await
}
