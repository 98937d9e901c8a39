//! The e-mails and texts of citizen accounts' challenges, in the language
//! of the request: the link or code itself, or — where the contact cannot
//! use one — what its real owner needs to know (you already have an
//! account; there is no account with this address). Mails are plain text;
//! texts fit one part where they can.

use sportello_domain::{ChallengePurpose, Email, OutgoingMail, OutgoingSms, Phone};
use sportello_storage::PersonCredentials;

use super::Request;
use crate::App;
use crate::i18n::{args, msg, msg_args};

/// A plain-text mail of citizen accounts: the paragraphs, then the
/// footer that says replies are not read.
pub fn plain_mail(
    to: &Email,
    name: Option<String>,
    lang: sportello_domain::Lang,
    subject_id: &str,
    mut paragraphs: Vec<String>,
    kind: String,
) -> OutgoingMail {
    paragraphs.push(format!("-- \n{}", msg(lang, "person-mail-footer")));
    OutgoingMail {
        to: to.clone(),
        to_name: name,
        lang,
        subject: msg(lang, subject_id),
        text: paragraphs.join("\n\n") + "\n",
        html: None,
        attachments: Vec::new(),
        kind,
        dedupe_key: None,
        list_unsubscribe: None,
    }
}

/// How long a challenge of `purpose` works, in words ("15 minutes",
/// "24 hours").
pub fn validity(lang: sportello_domain::Lang, purpose: ChallengePurpose) -> String {
    let minutes = purpose.lifetime().num_minutes();
    if minutes % 60 == 0 {
        msg_args(lang, "person-hours", &args(&[("n", (minutes / 60).into())]))
    } else {
        msg_args(lang, "person-minutes", &args(&[("n", minutes.into())]))
    }
}

/// The ids of a mail's subject and first paragraph, by purpose and by
/// whether the link can be used.
fn mail_ids(purpose: ChallengePurpose, live: bool) -> (&'static str, &'static str) {
    match (purpose, live) {
        (ChallengePurpose::SignUp, true) => ("person-mail-sign-up-subject", "person-mail-sign-up-text"),
        (ChallengePurpose::SignUp, false) => ("person-mail-known-subject", "person-mail-known-text"),
        (ChallengePurpose::SignIn, true) => ("person-mail-sign-in-subject", "person-mail-sign-in-text"),
        (ChallengePurpose::Reset, true) => ("person-mail-reset-subject", "person-mail-reset-text"),
        (ChallengePurpose::SignIn | ChallengePurpose::Reset, false) => {
            ("person-mail-unknown-subject", "person-mail-unknown-text")
        }
        (ChallengePurpose::ChangeEmail, true) => ("person-mail-change-subject", "person-mail-change-text"),
        (ChallengePurpose::ChangeEmail | ChallengePurpose::ChangePhone, _) => {
            ("person-mail-taken-subject", "person-mail-taken-text")
        }
    }
}

/// The mail of `request` to `to`: with `link` when the challenge can be
/// used, else the word its owner needs.
pub fn mail(
    app: &App,
    request: &Request<'_>,
    owner: Option<&PersonCredentials>,
    to: &Email,
    link: Option<&String>,
) -> Option<OutgoingMail> {
    let lang = request.lang;
    let (subject, text) = mail_ids(request.purpose, link.is_some());
    let sign_in = app.public_url.join(&format!("/{}/account/sign-in", lang.code()));
    let reset = app.public_url.join(&format!("/{}/account/reset", lang.code()));
    let sign_up = app.public_url.join(&format!("/{}/account/sign-up", lang.code()));
    let mut body = vec![msg(lang, text)];
    match link {
        Some(url) => {
            body.push(format!("{}\n{url}", msg(lang, "person-mail-link")));
            let valid = validity(lang, request.purpose);
            body.push(msg_args(
                lang,
                "person-mail-valid",
                &args(&[("duration", valid.into())]),
            ));
            body.push(msg(lang, "person-mail-not-you"));
        }
        None if request.purpose == ChallengePurpose::SignUp => {
            body.push(format!("{}\n{sign_in}", msg(lang, "person-mail-sign-in-here")));
            body.push(format!("{}\n{reset}", msg(lang, "person-mail-reset-here")));
            body.push(msg(lang, "person-mail-not-you"));
        }
        None if matches!(request.purpose, ChallengePurpose::SignIn | ChallengePurpose::Reset) => {
            body.push(format!("{}\n{sign_up}", msg(lang, "person-mail-sign-up-here")));
            body.push(msg(lang, "person-mail-not-you"));
        }
        None => body.push(msg(lang, "person-mail-not-you")),
    }
    let name = owner
        .map(|o| o.account.name.clone())
        .or_else(|| request.pending.map(|p| p.name.clone()));
    let kind = format!("person.{}", request.purpose.code());
    Some(plain_mail(to, name, lang, subject, body, kind))
}

/// The text of `request` to `to`: the code when there is one to send, a
/// word to the owner of a number that already has an account; else none.
pub fn text(
    app: &App,
    request: &Request<'_>,
    owner: Option<&PersonCredentials>,
    to: &Phone,
    code: Option<&str>,
) -> Option<OutgoingSms> {
    let lang = request.lang;
    let kind = format!("person.{}", request.purpose.code());
    match code {
        Some(code) => {
            let valid = validity(lang, request.purpose);
            let text = msg_args(
                lang,
                "person-sms-code",
                &args(&[("code", code.into()), ("duration", valid.into())]),
            );
            app.outgoing_sms(to, lang, &kind, text)
        }
        None if request.purpose == ChallengePurpose::SignUp && owner.is_some() => {
            let url = app.public_url.join(&format!("/{}/account/sign-in", lang.code()));
            let text = msg_args(lang, "person-sms-known", &args(&[("url", url.into())]));
            app.outgoing_sms(to, lang, &kind, text)
        }
        None => None,
    }
}

/// The notice to an account's old e-mail address that it was replaced.
pub fn contact_changed(app: &App, account: &sportello_domain::PersonAccount) -> Option<OutgoingMail> {
    let to = account.email.as_ref()?;
    let lang = account.lang;
    let reset = app.public_url.join(&format!("/{}/account/reset", lang.code()));
    let body = vec![
        msg(lang, "person-mail-changed-text"),
        format!("{}\n{reset}", msg(lang, "person-mail-changed-not-you")),
    ];
    let name = Some(account.name.clone());
    Some(plain_mail(
        to,
        name,
        lang,
        "person-mail-changed-subject",
        body,
        "person.contact_changed".into(),
    ))
}
