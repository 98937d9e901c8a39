//! The text-message settings of `sportello serve`: the gateway (Kannel's
//! `sendsms`, or `record`), its account and sender id, the address Kannel
//! calls back with delivery reports, the sending rate, the reminders by
//! text, the caps per country and the secret of incoming messages — from
//! flags, `SPORTELLO_SMS_…` variables or the `[sms]` table of the TOML file.

use std::num::NonZeroU32;

use clap::Args;
use serde::Deserialize;
use sportello_domain::PublicUrl;
use sportello_jobs::SmsTransport;

/// The `[sms]` table of the configuration file.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileSms {
    pub url: Option<String>,
    pub user: Option<String>,
    pub password: Option<String>,
    pub from: Option<String>,
    pub callback_url: Option<String>,
    pub rate: Option<u32>,
    pub reminders: Option<String>,
    pub country_caps: Option<String>,
    pub inbound_secret: Option<String>,
}

#[derive(Args, Default)]
pub struct SmsArgs {
    /// Where text messages go: Kannel's sendsms address
    /// (http://HOST:13013/cgi-bin/sendsms), or `record` (keep them in the
    /// database, send none) [default: record]
    #[arg(long, env = "SPORTELLO_SMS_URL", value_name = "URL")]
    sms_url: Option<String>,
    /// The sendsms user of the gateway
    #[arg(long, env = "SPORTELLO_SMS_USER", value_name = "USER")]
    sms_user: Option<String>,
    /// The sendsms password of the gateway
    #[arg(
        long,
        env = "SPORTELLO_SMS_PASSWORD",
        value_name = "PASSWORD",
        hide_env_values = true
    )]
    sms_password: Option<String>,
    /// The sender id phones show: up to 11 letters, digits and spaces, or a
    /// number in international form [default: Sportello]
    #[arg(long, env = "SPORTELLO_SMS_FROM", value_name = "SENDER")]
    sms_from: Option<String>,
    /// The address the gateway reaches this installation at, for delivery
    /// reports [default: the public URL]
    #[arg(long, env = "SPORTELLO_SMS_CALLBACK_URL", value_name = "URL")]
    sms_callback_url: Option<String>,
    /// Most text messages sent per minute by each node, evenly spaced
    /// [default: no limit]
    #[arg(long, env = "SPORTELLO_SMS_RATE", value_name = "N")]
    sms_rate: Option<String>,
    /// Appointment reminders by text, before the start, e.g. `24h`, or
    /// `none` [default: the e-mail's, --reminders]
    #[arg(long, env = "SPORTELLO_SMS_REMINDERS", value_name = "LIST")]
    sms_reminders: Option<String>,
    /// Texts an hour per country calling code, from all clients together,
    /// e.g. `39=500,216=50,*=20` (`*`: every other country) [default: 39=500,*=20]
    #[arg(long, env = "SPORTELLO_SMS_COUNTRY_CAPS", value_name = "LIST")]
    sms_country_caps: Option<String>,
    /// The secret the gateway's calls with incoming texts (STOP) carry;
    /// without it they are refused
    #[arg(
        long,
        env = "SPORTELLO_SMS_INBOUND_SECRET",
        value_name = "SECRET",
        hide_env_values = true
    )]
    sms_inbound_secret: Option<String>,
}

/// The text-message settings, checked.
#[derive(Debug)]
pub struct SmsConfig {
    /// Where texts go (its `Debug` never shows the password).
    pub transport: SmsTransport,
    /// Most texts sent per minute by this node; `None`: no limit.
    pub rate: Option<NonZeroU32>,
    pub settings: sportello_app::sms::Settings,
}

impl SmsArgs {
    /// The flags or variables, else the file's `[sms]` keys, else the
    /// defaults; `mail_reminders` is the e-mail's list (`--reminders`).
    pub fn resolve(
        self,
        file: Option<&FileSms>,
        public_url: &PublicUrl,
        mail_reminders: &[u32],
    ) -> Result<SmsConfig, String> {
        let file = file.cloned().unwrap_or_default();
        let url = self.sms_url.or(file.url).unwrap_or_else(|| "record".into());
        let callback = self
            .sms_callback_url
            .or(file.callback_url)
            .unwrap_or_else(|| public_url.as_str().to_string());
        let transport = SmsTransport::parse(
            &url,
            self.sms_user.or(file.user).as_deref(),
            self.sms_password.or(file.password).as_deref(),
            self.sms_from.or(file.from).as_deref().unwrap_or("Sportello"),
            &callback,
        )
        .map_err(|e| format!("{e} (--sms-url, --sms-user, --sms-password, --sms-from, --sms-callback-url)"))?;
        let rate = self
            .sms_rate
            .or_else(|| file.rate.map(|n| n.to_string()))
            .map(|text| {
                sportello_jobs::parse_rate(&text).map_err(|e| format!("{e} (--sms-rate or SPORTELLO_SMS_RATE)"))
            })
            .transpose()?;
        let reminders = match self.sms_reminders.or(file.reminders) {
            None => mail_reminders.to_vec(),
            Some(list) => {
                sportello_app::appointments::Settings::parse("https://meet.jit.si", &list)
                    .map_err(|e| format!("{e} (--sms-reminders)"))?
                    .reminders
            }
        };
        let country_caps = sportello_app::sms::CountryCaps::parse(
            self.sms_country_caps
                .or(file.country_caps)
                .as_deref()
                .unwrap_or_default(),
        )
        .map_err(|e| format!("{e} (--sms-country-caps)"))?;
        let inbound_secret = self.sms_inbound_secret.or(file.inbound_secret);
        if inbound_secret.as_ref().is_some_and(|s| s.len() < 16) {
            return Err("the secret of incoming texts must be at least 16 characters (--sms-inbound-secret)".into());
        }
        Ok(SmsConfig {
            transport,
            rate,
            settings: sportello_app::sms::Settings {
                reminders,
                country_caps,
                inbound_secret,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public() -> PublicUrl {
        PublicUrl::parse("https://lavoro.example.it").unwrap()
    }

    #[test]
    fn texts_are_recorded_with_the_mail_reminders_by_default() {
        let config = SmsArgs::default().resolve(None, &public(), &[2880, 120]).unwrap();
        assert!(matches!(config.transport, SmsTransport::Record));
        assert_eq!(config.settings.reminders, [2880, 120]);
        assert_eq!(config.rate, None);
        assert_eq!(config.settings.inbound_secret, None);
    }

    #[test]
    fn the_gateway_and_its_limits_are_read_from_flags_and_file() {
        let file = FileSms {
            url: Some("http://127.0.0.1:13013/cgi-bin/sendsms".into()),
            user: Some("sportello".into()),
            password: Some("pw".into()),
            rate: Some(30),
            country_caps: Some("216=50".into()),
            ..FileSms::default()
        };
        let args = SmsArgs {
            sms_reminders: Some("24h".into()),
            sms_inbound_secret: Some("a-long-enough-secret".into()),
            ..SmsArgs::default()
        };
        let config = args.resolve(Some(&file), &public(), &[2880]).unwrap();
        assert!(matches!(config.transport, SmsTransport::Kannel(_)));
        assert_eq!(config.rate.map(NonZeroU32::get), Some(30));
        assert_eq!(config.settings.reminders, [1440]);
        assert_eq!(config.settings.country_caps.limit("216").max, 50);
        let short = SmsArgs {
            sms_inbound_secret: Some("short".into()),
            ..SmsArgs::default()
        };
        assert!(
            short
                .resolve(None, &public(), &[])
                .unwrap_err()
                .contains("--sms-inbound-secret")
        );
        let no_password = FileSms { password: None, ..file };
        let error = SmsArgs::default()
            .resolve(Some(&no_password), &public(), &[])
            .unwrap_err();
        assert!(error.contains("password"), "{error}");
    }
}
