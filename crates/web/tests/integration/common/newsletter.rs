//! What the newsletter's tests share: another node's state, the mails of
//! one kind, subscribers made directly, offers published today, and the
//! links found in a mail.

use chrono::{Duration, Utc};
use sportello_domain::PublicUrl;
use sportello_domain::time::today_in_rome;
use sportello_domain::{
    Actor, CentreId, Email, Frequency, Lang, OfferText, Section, Subscriber, Subscription, TextStatus,
};
use sportello_storage::StoredMail;
use sportello_testkit::builders;
use sportello_web::AppState;

use super::{PUBLIC_URL, TestApp};

/// Another node's state on the test database (same installation key).
pub async fn state(app: &TestApp) -> AppState {
    AppState::open(app.db.storage.clone(), PublicUrl::parse(PUBLIC_URL).unwrap(), None)
        .await
        .unwrap()
}

pub async fn mails(app: &TestApp, kind: &str) -> Vec<StoredMail> {
    let mut all = app.storage().recent_mail(1000).await.unwrap();
    all.retain(|m| m.mail.kind == kind);
    all.reverse();
    all
}

pub async fn subscriber(app: &TestApp, email: &str) -> Option<Subscriber> {
    app.storage()
        .subscriber_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
}

/// The first address in `text` that starts with `prefix`.
pub fn link(text: &str, prefix: &str) -> String {
    let start = text.find(prefix).unwrap_or_else(|| panic!("no {prefix} in {text}"));
    text[start..]
        .split(|c: char| c.is_whitespace() || c == '"' || c == '<')
        .next()
        .unwrap()
        .to_string()
}

pub fn path_of(url: &str) -> &str {
    url.strip_prefix(PUBLIC_URL)
        .expect("an absolute link under the public URL")
}

pub async fn publish(app: &TestApp, centre: CentreId, section: Section, title: &str) -> String {
    let text = OfferText {
        description: "Descrizione.".into(),
        ..builders::text(Lang::It, TextStatus::Original, title)
    };
    let mut offer = builders::offer(centre, "5131", vec![text]);
    offer.section = section;
    offer.openings = 2;
    offer.requirements.languages = vec![];
    offer.requirements.experience_months = 0;
    offer.valid_through = today_in_rome() + Duration::days(40);
    let stored = app
        .storage()
        .insert_offer(&offer, &Actor::system(), Utc::now())
        .await
        .unwrap();
    app.storage()
        .publish_offer(&stored.reference, today_in_rome(), &Actor::system(), Utc::now())
        .await
        .unwrap();
    stored.reference.to_string()
}

pub async fn subscribe(
    app: &TestApp,
    email: &str,
    lang: Lang,
    frequency: Frequency,
    centres: Vec<CentreId>,
    sections: Vec<Section>,
) -> Subscriber {
    let subscription = Subscription {
        email: Email::parse(email).unwrap(),
        lang,
        frequency,
        centres,
        sections,
    };
    app.storage()
        .confirm_subscription(&subscription, today_in_rome(), Utc::now())
        .await
        .unwrap()
}
