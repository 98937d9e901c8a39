//! Text messages (SMS): who gets them and what stops them. A text goes to a
//! mobile number that asked for texts, unless the number opted out (by
//! replying STOP, see [`inbound`], or through the link on a booking's page)
//! or a cap against SMS pumping holds: per client network and per number
//! (the shared limiter) and per country calling code per hour, Italian
//! numbers generous and the others configurable. Beyond a cap the booking
//! still goes ahead; only its text is not queued, and the page says so.
//! The texts themselves are written by each feature (`appointments::texts`)
//! and checked here to fit [`SmsText`]'s three parts.

pub mod inbound;

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use sportello_domain::limits::Limit;
use sportello_domain::sms::SmsText;
use sportello_domain::{Actor, Lang, OutgoingSms, Phone};
use sportello_storage::StorageError;

use crate::App;
use crate::limiter::LimitKey;

/// The purpose of the keyed hash that names a number in the opt-out list.
const NUMBER_KEY: &str = "sms-number";

/// What the configuration says about texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Reminders by text, in minutes before the start (the e-mail's by default).
    pub reminders: Vec<u32>,
    pub country_caps: CountryCaps,
    /// The secret the gateway's calls for incoming messages carry; none:
    /// incoming messages are refused.
    pub inbound_secret: Option<String>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            reminders: crate::appointments::Settings::default().reminders,
            country_caps: CountryCaps::default(),
            inbound_secret: None,
        }
    }
}

/// Texts per hour to each country calling code, from all clients together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryCaps {
    per_code: BTreeMap<String, u32>,
    others: u32,
}

impl Default for CountryCaps {
    /// Italy 500 an hour (a centre's busiest hour is far below), any other
    /// country 20.
    fn default() -> CountryCaps {
        CountryCaps {
            per_code: BTreeMap::from([("39".to_string(), 500)]),
            others: 20,
        }
    }
}

impl CountryCaps {
    /// Reads `39=500,216=50,*=20`: texts an hour per calling code, `*` for
    /// every other one; codes not given keep the defaults.
    pub fn parse(text: &str) -> Result<CountryCaps, String> {
        let mut caps = CountryCaps::default();
        for item in text.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let bad = || {
                format!(
                    "not an SMS cap: {item:?} (use CODE=N, e.g. 39=500 or 216=50, and *=N for every other \
                     country; N texts an hour, 0 for none)"
                )
            };
            let (code, max) = item.split_once('=').ok_or_else(bad)?;
            let (code, max) = (code.trim().trim_start_matches('+'), max.trim());
            let max: u32 = max.parse().map_err(|_| bad())?;
            if code == "*" {
                caps.others = max;
            } else if (1..=3).contains(&code.len())
                && code.chars().all(|c| c.is_ascii_digit())
                && !code.starts_with('0')
            {
                caps.per_code.insert(code.to_string(), max);
            } else {
                return Err(bad());
            }
        }
        Ok(caps)
    }

    /// The limit for numbers with this calling code.
    pub fn limit(&self, code: &str) -> Limit {
        let max = self.per_code.get(code).copied().unwrap_or(self.others);
        Limit::new("sms-country", max, Duration::hours(1))
    }
}

/// What became of the text about a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmsVerdict {
    /// Queued.
    Queued,
    /// No text asked for, or no number given.
    NotWanted,
    /// The number is an Italian landline.
    Landline,
    /// The number opted out.
    OptedOut,
    /// A cap holds: the change went ahead without its text.
    Capped,
}

impl SmsVerdict {
    /// The code shown in the booking page's address after a booking.
    pub fn code(self) -> &'static str {
        match self {
            SmsVerdict::Queued => "queued",
            SmsVerdict::NotWanted => "none",
            SmsVerdict::Landline => "landline",
            SmsVerdict::OptedOut => "opted_out",
            SmsVerdict::Capped => "capped",
        }
    }

    pub fn parse(code: &str) -> Option<SmsVerdict> {
        [
            SmsVerdict::Queued,
            SmsVerdict::NotWanted,
            SmsVerdict::Landline,
            SmsVerdict::OptedOut,
            SmsVerdict::Capped,
        ]
        .into_iter()
        .find(|v| v.code() == code)
    }

    /// The id of the note the booking page shows, if any.
    pub fn note_id(self) -> Option<&'static str> {
        match self {
            SmsVerdict::Queued => Some("sms-note-queued"),
            SmsVerdict::NotWanted => None,
            SmsVerdict::Landline => Some("sms-note-landline"),
            SmsVerdict::OptedOut => Some("sms-note-opted-out"),
            SmsVerdict::Capped => Some("sms-note-capped"),
        }
    }
}

impl App {
    /// The keyed hash that names `phone` in the opt-out list and the outbox.
    pub fn number_key(&self, phone: &Phone) -> String {
        self.keys.sign(NUMBER_KEY, phone.as_str())
    }

    /// Whether a text may go to `phone` now, for a change `actor` asked for:
    /// not to a landline or a number that opted out; for anonymous requests,
    /// within the caps (each request counts under them, as the limiter
    /// does). Operators acting for someone are not capped.
    pub async fn sms_gate(&self, phone: &Phone, actor: &Actor, now: DateTime<Utc>) -> Result<SmsVerdict, StorageError> {
        if !phone.can_receive_sms() {
            return Ok(SmsVerdict::Landline);
        }
        if self.storage.is_opted_out(&self.number_key(phone)).await? {
            return Ok(SmsVerdict::OptedOut);
        }
        if actor.is_public() {
            let code = phone.country_code();
            let country = self.sms.country_caps.limit(code);
            let keys = [
                (self.limits.sms_per_net, LimitKey::Net(&actor.address)),
                (self.limits.sms_per_number, LimitKey::Recipient(phone.as_str())),
                (country, LimitKey::Named(code)),
            ];
            if self.limit(&keys, now).await?.is_some() {
                tracing::warn!(country = code, "text not queued: a cap holds");
                return Ok(SmsVerdict::Capped);
            }
        }
        Ok(SmsVerdict::Queued)
    }

    /// What becomes of the texts a request for `person` asks for: none
    /// without a number or when not asked for (a mobile number given alone
    /// always asks), none to a landline given alone, else the gate's verdict.
    pub async fn request_sms(
        &self,
        person: &sportello_domain::Person,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<SmsVerdict, StorageError> {
        Ok(match &person.phone {
            None => SmsVerdict::NotWanted,
            Some(phone) if !phone.can_receive_sms() && person.email.is_none() => SmsVerdict::Landline,
            Some(_) if !person.sms => SmsVerdict::NotWanted,
            Some(phone) => self.sms_gate(phone, actor, now).await?,
        })
    }

    /// A text of `kind` to `to`, if `text` fits in [`SmsText`]'s parts
    /// (else it is logged, and none is sent: texts are written to fit).
    pub fn outgoing_sms(&self, to: &Phone, lang: Lang, kind: &str, text: String) -> Option<OutgoingSms> {
        if let Err(e) = SmsText::parse(&text) {
            tracing::error!(kind, lang = lang.code(), error = %e, "a text message is too long; not sent");
            return None;
        }
        Some(OutgoingSms {
            to: to.clone(),
            number_key: self.number_key(to),
            lang,
            kind: kind.into(),
            text,
            dedupe_key: None,
        })
    }

    /// Opts `phone` out of texts and confirms it with one last text in
    /// `lang`; `false` if it already was.
    pub async fn opt_out_sms(&self, phone: &Phone, lang: Lang, now: DateTime<Utc>) -> Result<bool, StorageError> {
        let key = self.number_key(phone);
        let added = self.storage.opt_out_number(&key, now).await?;
        if added
            && let Some(sms) = self.outgoing_sms(phone, lang, "sms.opted_out", crate::i18n::msg(lang, "sms-opted-out"))
        {
            self.storage.enqueue_sms(&sms, now).await?;
        }
        Ok(added)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_caps_are_read_from_configuration() {
        let caps = CountryCaps::parse("216=50, +49=10,*=5").unwrap();
        assert_eq!(caps.limit("39").max, 500, "Italy keeps its default");
        assert_eq!(caps.limit("216").max, 50);
        assert_eq!(caps.limit("49").max, 10);
        assert_eq!(caps.limit("1").max, 5);
        assert_eq!(caps.limit("1").window, Duration::hours(1));
        assert_eq!(CountryCaps::parse("").unwrap(), CountryCaps::default());
        for bad in ["39", "39=many", "0039=5", "abc=5", "1234=5", "39=-1"] {
            let error = CountryCaps::parse(bad).unwrap_err();
            assert!(error.contains(bad), "{error}");
        }
    }

    #[test]
    fn verdicts_round_trip_through_their_codes() {
        for v in [
            SmsVerdict::Queued,
            SmsVerdict::NotWanted,
            SmsVerdict::Landline,
            SmsVerdict::OptedOut,
            SmsVerdict::Capped,
        ] {
            assert_eq!(SmsVerdict::parse(v.code()), Some(v));
        }
        assert_eq!(SmsVerdict::parse("nonsense"), None);
    }
}
