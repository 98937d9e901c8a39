//! The newsletter's signed links and the work behind its pages: the
//! confirmation link carries what a person asked for (sealed, 48 hours), so
//! nothing is stored before the address is confirmed; the unsubscribe link
//! names a subscriber under a signature that never expires, so every mail
//! ever sent keeps a working way out. E-mails are composed in [`mails`], the
//! digest of new offers is queued by [`digest`].

pub mod digest;
pub mod mails;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sportello_auth::Keys;
use sportello_domain::{CentreId, Email, Frequency, Lang, Section, Subscriber, SubscriberId, Subscription};

use crate::App;

/// How long a confirmation link works.
pub const CONFIRM_HOURS: i64 = 48;

const CONFIRM_PURPOSE: &str = "newsletter-confirm";
const UNSUBSCRIBE_PURPOSE: &str = "newsletter-unsubscribe";

/// What travels, sealed, in a confirmation link.
#[derive(Debug, Serialize, Deserialize)]
struct Asked {
    e: String,
    l: Lang,
    f: Frequency,
    c: Vec<i64>,
    s: Vec<String>,
}

/// The sealed token of a confirmation link for `subscription`, valid for
/// [`CONFIRM_HOURS`] from `now`.
pub fn confirm_token(keys: &Keys, subscription: &Subscription, now: DateTime<Utc>) -> String {
    let asked = Asked {
        e: subscription.email.as_str().to_string(),
        l: subscription.lang,
        f: subscription.frequency,
        c: subscription.centres.iter().map(|c| c.0).collect(),
        s: subscription.sections.iter().map(|s| s.code().to_string()).collect(),
    };
    let payload = serde_json::to_string(&asked).unwrap_or_default();
    let expires = (now + chrono::Duration::hours(CONFIRM_HOURS)).timestamp();
    keys.seal(CONFIRM_PURPOSE, &payload, expires)
}

/// The subscription a confirmation token asks for; `None` when it was
/// tampered with, made with another key, or has expired.
pub fn open_confirm_token(keys: &Keys, token: &str, now: DateTime<Utc>) -> Option<Subscription> {
    let payload = keys.open(CONFIRM_PURPOSE, token, now.timestamp())?;
    let asked: Asked = serde_json::from_str(&payload).ok()?;
    let sections: Option<Vec<Section>> = asked.s.iter().map(|s| Section::parse(s)).collect();
    let sections = sections.filter(|s| !s.is_empty())?;
    Some(Subscription {
        email: Email::parse(&asked.e).ok()?,
        lang: asked.l,
        frequency: asked.f,
        centres: asked.c.into_iter().map(CentreId).collect(),
        sections,
    })
}

/// When a confirmation token was issued: its expiry less [`CONFIRM_HOURS`],
/// to the second. Read only from a token [`open_confirm_token`] accepted.
pub fn confirm_token_issued_at(token: &str) -> Option<DateTime<Utc>> {
    let (body, _tag) = token.rsplit_once('.')?;
    let (_payload, expires) = body.rsplit_once('.')?;
    let expires = DateTime::from_timestamp(expires.parse().ok()?, 0)?;
    Some(expires - chrono::Duration::hours(CONFIRM_HOURS))
}

/// Whether a confirmation link issued at `issued` was overtaken by what the
/// address did after it (`existing`: a later confirmation, e.g. of newer
/// choices, or an unsubscription): following it again must change nothing.
/// Compared in whole seconds, the precision of the issue time.
pub fn superseded(existing: Option<&Subscriber>, issued: DateTime<Utc>) -> bool {
    existing.is_some_and(|s| {
        let last = s.unsubscribed_at.map_or(s.confirmed_at, |u| u.max(s.confirmed_at));
        last.timestamp() > issued.timestamp()
    })
}

/// The absolute address of the confirmation page for `token`.
pub fn confirm_url(app: &App, lang: Lang, token: &str) -> String {
    app.public_url.join(&format!("/{lang}/newsletter/confirm/{token}"))
}

/// The unsubscribe token of a subscriber: `{id}.{signature}`.
pub fn unsubscribe_token(keys: &Keys, id: SubscriberId) -> String {
    let id = id.0.to_string();
    format!("{id}.{}", keys.sign(UNSUBSCRIBE_PURPOSE, &id))
}

/// The subscriber an unsubscribe token names, if its signature holds.
pub fn open_unsubscribe_token(keys: &Keys, token: &str) -> Option<SubscriberId> {
    let (id, tag) = token.split_once('.')?;
    let number: i64 = id.parse().ok().filter(|n| *n > 0)?;
    (number.to_string() == id && keys.verify(UNSUBSCRIBE_PURPOSE, id, tag)).then_some(SubscriberId(number))
}

/// The absolute one-click unsubscribe address of a subscriber (also the
/// `List-Unsubscribe` header's).
pub fn unsubscribe_url(app: &App, lang: Lang, id: SubscriberId) -> String {
    app.public_url.join(&format!(
        "/{lang}/newsletter/unsubscribe/{}",
        unsubscribe_token(&app.keys, id)
    ))
}

/// The absolute address of the subscription form, to change one's
/// preferences (confirmed again by mail).
pub fn preferences_url(app: &App, lang: Lang, email: &Email) -> String {
    let query = serde_urlencoded::to_string([("email", email.as_str())]).unwrap_or_default();
    app.public_url.join(&format!("/{lang}/newsletter?{query}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys::from_secret(b"0123456789abcdef0123456789abcdef").unwrap()
    }

    fn subscription() -> Subscription {
        Subscription {
            email: Email::parse("anna@example.org").unwrap(),
            lang: Lang::Fr,
            frequency: Frequency::Daily,
            centres: vec![CentreId(3), CentreId(7)],
            sections: vec![Section::Ordinary, Section::MiratoArt1],
        }
    }

    #[test]
    fn a_confirmation_token_carries_the_subscription_for_48_hours() {
        let now = Utc::now();
        let token = confirm_token(&keys(), &subscription(), now);
        assert!(token.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        assert_eq!(open_confirm_token(&keys(), &token, now), Some(subscription()));
        let later = now + chrono::Duration::hours(CONFIRM_HOURS) - chrono::Duration::seconds(1);
        assert!(open_confirm_token(&keys(), &token, later).is_some());
        let expired = now + chrono::Duration::hours(CONFIRM_HOURS) + chrono::Duration::seconds(1);
        assert_eq!(open_confirm_token(&keys(), &token, expired), None);
        let mut tampered = token.clone().into_bytes();
        tampered[3] = if tampered[3] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            open_confirm_token(&keys(), &String::from_utf8(tampered).unwrap(), now),
            None
        );
        let other = Keys::from_secret(b"another secret, 32 bytes or more!").unwrap();
        assert_eq!(open_confirm_token(&other, &token, now), None);
    }

    #[test]
    fn a_link_is_overtaken_by_a_later_confirmation_or_unsubscription() {
        let issued_at = Utc::now() - chrono::Duration::hours(3);
        let token = confirm_token(&keys(), &subscription(), issued_at);
        let issued = confirm_token_issued_at(&token).unwrap();
        assert_eq!(issued.timestamp(), issued_at.timestamp());
        let mut s = Subscriber {
            id: SubscriberId(1),
            subscription: subscription(),
            created_at: issued_at - chrono::Duration::days(9),
            confirmed_at: issued_at - chrono::Duration::days(9),
            unsubscribed_at: None,
            digest_from: issued_at.date_naive(),
        };
        assert!(!superseded(None, issued), "a new address");
        assert!(!superseded(Some(&s), issued), "confirmed before the link was sent");
        s.unsubscribed_at = Some(issued_at + chrono::Duration::hours(1));
        assert!(superseded(Some(&s), issued), "unsubscribed after it");
        s.unsubscribed_at = None;
        s.confirmed_at = issued_at + chrono::Duration::seconds(2);
        assert!(superseded(Some(&s), issued), "a newer confirmation");
    }

    #[test]
    fn an_unsubscribe_token_names_one_subscriber() {
        let token = unsubscribe_token(&keys(), SubscriberId(42));
        assert_eq!(open_unsubscribe_token(&keys(), &token), Some(SubscriberId(42)));
        let (_, tag) = token.split_once('.').unwrap();
        assert_eq!(open_unsubscribe_token(&keys(), &format!("43.{tag}")), None);
        assert_eq!(open_unsubscribe_token(&keys(), &format!("042.{tag}")), None);
        assert_eq!(open_unsubscribe_token(&keys(), "42"), None);
        assert_eq!(open_unsubscribe_token(&keys(), &format!("{token}x")), None);
    }
}
