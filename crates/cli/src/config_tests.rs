//! The tests of `config`: flags, file and defaults.

use super::*;

fn file(text: &str) -> Result<FileConfig, String> {
    let path = std::env::temp_dir().join(format!("sportello-config-{}-{}.toml", std::process::id(), text.len()));
    std::fs::write(&path, text).unwrap();
    let loaded = FileConfig::load(Some(&path));
    let _ = std::fs::remove_file(&path);
    loaded
}

#[test]
fn flags_win_over_the_file_and_the_file_over_defaults() {
    let f = file(
        "db = \"postgres://db/s\"\naddr = \"0.0.0.0:9000\"\npublic_url = \"https://lavoro.example.it/\"\n\
         secret = \"s3cret-s3cret-s3cret-s3cret-s3cret\"\nbehind_proxy = true\n\
         smtp_url = \"smtp+starttls://cpi:pw-s3cret@mail.example.it\"\nmax_in_flight = 64\n",
    )
    .unwrap();
    let serve = ServeArgs {
        db: DbArgs { db: None },
        addr: Some("127.0.0.1:7000".into()),
        public_url: None,
        secret: None,
        behind_proxy: false,
        metrics: crate::metrics_addr::MetricsArgs::default(),
        translate_url: None,
        translate_key: None,
        smtp_url: None,
        mail_from: None,
        jitsi_url: None,
        reminders: None,
        seat_offers: None,
        mail_rate: None,
        mail_lease: None,
        message_retention_days: None,
        inactive_account_days: None,
        index: IndexArgs { index_dir: None },
        search_hold_file: None,
        limits: LimitArgs::default(),
        sms: crate::sms::SmsArgs::default(),
        keys: KeyArgs::default(),
    }
    .resolve(&f)
    .unwrap();
    assert!(!format!("{serve:?}").contains("s3cret"));
    assert_eq!(serve.addr.to_string(), "127.0.0.1:7000");
    assert_eq!(serve.db, DatabaseUrl::Postgres("postgres://db/s".into()));
    assert_eq!(serve.public_url.as_str(), "https://lavoro.example.it");
    assert!(serve.behind_proxy && serve.secret.is_some());
    assert_eq!(
        serve.limits.max_in_flight, 64,
        "the server's limits come from the file too"
    );
    assert!(!serve.mail_defaulted);
    let shown = format!("{:?}", serve.mail);
    assert!(
        shown.contains("mail.example.it:587") && shown.contains("noreply@lavoro.example.it"),
        "{shown}"
    );
    let demo = DemoArgs {
        db: None,
        addr: None,
        public_url: None,
        mail_rate: None,
        index_dir: None,
        data_key_file: None,
        behind_proxy: false,
        metrics: crate::metrics_addr::MetricsArgs::default(),
    }
    .resolve(&FileConfig::default())
    .unwrap();
    assert_eq!(demo.addr.to_string(), "127.0.0.1:8080");
    assert!(!demo.behind_proxy, "the demo takes the connection's address by default");
    assert_eq!(demo.db, DatabaseUrl::Sqlite("sportello-demo.sqlite".into()));
    assert_eq!(
        demo.index_dir,
        Path::new("sportello-demo.index"),
        "the index sits by the database"
    );
    assert_eq!(
        demo.data_key_file,
        Path::new("sportello-demo.keys"),
        "so does the key file"
    );
    assert_eq!(serve.index_dir, Path::new("sportello-index"));
    assert!(demo.public_url.is_none(), "the demo uses its own address");
}

#[test]
fn mail_is_recorded_unless_a_transport_is_given() {
    let args = |smtp_url: Option<&str>, mail_from: Option<&str>| ServeArgs {
        db: DbArgs {
            db: Some("x.sqlite".into()),
        },
        addr: None,
        public_url: Some("http://lavoro.example.it:8080/".into()),
        secret: None,
        behind_proxy: false,
        metrics: crate::metrics_addr::MetricsArgs::default(),
        translate_url: None,
        translate_key: None,
        smtp_url: smtp_url.map(String::from),
        mail_from: mail_from.map(String::from),
        jitsi_url: None,
        reminders: None,
        seat_offers: None,
        mail_rate: None,
        mail_lease: None,
        message_retention_days: None,
        inactive_account_days: None,
        index: IndexArgs { index_dir: None },
        search_hold_file: None,
        limits: LimitArgs::default(),
        sms: crate::sms::SmsArgs::default(),
        keys: KeyArgs::default(),
    };
    let serve = args(None, None).resolve(&FileConfig::default()).unwrap();
    assert!(serve.mail_defaulted && matches!(serve.mail, MailTransport::Record));
    let serve = args(Some("smtp://127.0.0.1:2525"), None)
        .resolve(&FileConfig::default())
        .unwrap();
    assert_eq!(
        format!("{:?}", serve.mail),
        "MailTransport::Smtp(smtp://127.0.0.1:2525, from Sportello <noreply@lavoro.example.it>)"
    );
    let serve = args(Some("smtp://relay"), Some("CPI Rimini <cpi@rimini.example.it>"))
        .resolve(&FileConfig::default())
        .unwrap();
    assert!(format!("{:?}", serve.mail).contains("cpi@rimini.example.it"));
    let error = args(Some("smtpz://u:hidden@relay"), None)
        .resolve(&FileConfig::default())
        .unwrap_err();
    assert!(error.contains("--smtp-url") && !error.contains("hidden"), "{error}");
    let error = args(None, Some("nobody")).resolve(&FileConfig::default()).unwrap_err();
    assert!(error.contains("--mail-from"), "{error}");
}

#[test]
fn the_mail_rate_is_a_positive_number_per_minute() {
    let none = FileConfig::default();
    assert_eq!(mail_rate(None, &none).unwrap(), None, "no limit by default");
    assert_eq!(
        mail_rate(Some("120".into()), &none).unwrap().map(NonZeroU32::get),
        Some(120)
    );
    let f = file("mail_rate = 30\n").unwrap();
    assert_eq!(mail_rate(None, &f).unwrap().map(NonZeroU32::get), Some(30));
    assert_eq!(
        mail_rate(Some("90".into()), &f).unwrap().map(NonZeroU32::get),
        Some(90),
        "the flag wins"
    );
    for bad in ["0", "lots", "-1"] {
        assert!(
            mail_rate(Some(bad.into()), &none).unwrap_err().contains("--mail-rate"),
            "{bad}"
        );
    }
}

#[test]
fn missing_or_bad_settings_are_explained() {
    let none = ServeArgs {
        db: DbArgs {
            db: Some("x.sqlite".into()),
        },
        addr: None,
        public_url: None,
        secret: None,
        behind_proxy: false,
        metrics: crate::metrics_addr::MetricsArgs::default(),
        translate_url: None,
        translate_key: None,
        smtp_url: None,
        mail_from: None,
        jitsi_url: None,
        reminders: None,
        seat_offers: None,
        mail_rate: None,
        mail_lease: None,
        message_retention_days: None,
        inactive_account_days: None,
        index: IndexArgs { index_dir: None },
        search_hold_file: None,
        limits: LimitArgs::default(),
        sms: crate::sms::SmsArgs::default(),
        keys: KeyArgs::default(),
    };
    assert!(
        none.resolve(&FileConfig::default())
            .unwrap_err()
            .contains("--public-url")
    );
    let no_db = ServeArgs {
        db: DbArgs { db: None },
        addr: None,
        public_url: Some("https://x.it".into()),
        secret: Some("too short".into()),
        behind_proxy: false,
        metrics: crate::metrics_addr::MetricsArgs::default(),
        translate_url: None,
        translate_key: None,
        smtp_url: None,
        mail_from: None,
        jitsi_url: None,
        reminders: None,
        seat_offers: None,
        mail_rate: None,
        mail_lease: None,
        message_retention_days: None,
        inactive_account_days: None,
        index: IndexArgs { index_dir: None },
        search_hold_file: None,
        limits: LimitArgs::default(),
        sms: crate::sms::SmsArgs::default(),
        keys: KeyArgs::default(),
    };
    assert!(no_db.resolve(&FileConfig::default()).unwrap_err().contains("32 bytes"));
    let no_db = ServeArgs {
        db: DbArgs { db: None },
        addr: None,
        public_url: Some("https://x.it".into()),
        secret: None,
        behind_proxy: false,
        metrics: crate::metrics_addr::MetricsArgs::default(),
        translate_url: None,
        translate_key: None,
        smtp_url: None,
        mail_from: None,
        jitsi_url: None,
        reminders: None,
        seat_offers: None,
        mail_rate: None,
        mail_lease: None,
        message_retention_days: None,
        inactive_account_days: None,
        index: IndexArgs { index_dir: None },
        search_hold_file: None,
        limits: LimitArgs::default(),
        sms: crate::sms::SmsArgs::default(),
        keys: KeyArgs::default(),
    };
    assert!(no_db.resolve(&FileConfig::default()).unwrap_err().contains("--db"));
    let bad_addr = DemoArgs {
        db: None,
        addr: Some("localhost".into()),
        public_url: None,
        mail_rate: None,
        index_dir: None,
        data_key_file: None,
        behind_proxy: false,
        metrics: crate::metrics_addr::MetricsArgs::default(),
    };
    assert!(
        bad_addr
            .resolve(&FileConfig::default())
            .unwrap_err()
            .contains("HOST:PORT")
    );
    assert!(file("port = 8080\n").unwrap_err().contains("unknown field"));
    assert!(
        FileConfig::load(Some(Path::new("/no/such/sportello.toml")))
            .unwrap_err()
            .contains("cannot read")
    );
}
