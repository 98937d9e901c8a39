//! Accounts left unused are erased after a configured period
//! ([`App::inactive_accounts`](crate::App), two years by default), after
//! two warnings by e-mail (or text, for an account with a number only): the
//! first 30 days before, the second 7 days before and at least 14 days
//! after the first; the erasure at least 7 days after the second. Signing
//! in starts over. Run by the every-minute job: each warning is recorded
//! with its message in one transaction, so two nodes never send it twice.

use chrono::{DateTime, Duration, Utc};
use sportello_domain::{Actor, Notification, PersonAccount};
use sportello_storage::StorageError;

use super::messages::plain_mail;
use crate::App;
use crate::i18n::{args, msg, msg_args};
use crate::view;

/// The default of [`App::inactive_accounts`](crate::App).
pub const INACTIVE_ACCOUNTS: Duration = Duration::days(730);
/// Accounts handled per run and step.
const BATCH: u32 = 200;

/// What one run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RetentionRun {
    pub warned: u32,
    pub erased: u32,
}

/// The warning to `account` that it will be erased from `on`.
fn warning(app: &App, account: &PersonAccount, on: DateTime<Utc>) -> Notification {
    let lang = account.lang;
    let date = view::date(lang, sportello_domain::time::rome_date(on)).text;
    let url = app.public_url.join(&format!("/{}/account/sign-in", lang.code()));
    if let Some(email) = &account.email {
        let body = vec![
            msg_args(lang, "person-inactive-text", &args(&[("date", date.clone().into())])),
            format!("{}\n{url}", msg(lang, "person-mail-sign-in-here")),
        ];
        let name = Some(account.name.clone());
        let mail = plain_mail(
            email,
            name,
            lang,
            "person-inactive-subject",
            body,
            "person.inactive".into(),
        );
        return Notification::mail(Some(mail));
    }
    let sms = account.phone.as_ref().and_then(|phone| {
        let text = msg_args(
            lang,
            "person-sms-inactive",
            &args(&[("date", date.into()), ("url", url.into())]),
        );
        app.outgoing_sms(phone, lang, "person.inactive", text)
    });
    Notification { mail: None, sms }
}

/// Sends the warnings due and erases the accounts whose time has come.
pub async fn run(app: &App, now: DateTime<Utc>) -> Result<RetentionRun, StorageError> {
    let period = app.inactive_accounts;
    let mut done = RetentionRun::default();
    // (warning number, inactive for, at least this long after the warning before)
    let steps = [
        (1, period - Duration::days(30), Duration::zero()),
        (2, period - Duration::days(7), Duration::days(14)),
    ];
    for (number, inactive, gap) in steps {
        let inactive_before = now - inactive;
        let due = app
            .storage
            .inactive_people(inactive_before, number - 1, now - gap, BATCH)
            .await?;
        for account in due {
            let on = (account.last_active_at + period).max(now + Duration::days(if number == 1 { 21 } else { 7 }));
            let notice = warning(app, &account, on);
            if app
                .storage
                .warn_inactive(account.id, number, inactive_before, &notice, now)
                .await?
            {
                done.warned += 1;
            }
        }
    }
    let due = app
        .storage
        .inactive_people(now - period, 2, now - Duration::days(7), BATCH)
        .await?;
    for account in due {
        super::erase::erase(app, &account, &Actor::system(), now).await?;
        done.erased += 1;
    }
    Ok(done)
}
