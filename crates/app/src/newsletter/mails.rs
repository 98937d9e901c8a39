//! The newsletter's e-mails, in the subscriber's language, each with a
//! plain-text and an HTML body (`templates/mail/newsletter.html`): the
//! confirmation of a subscription (or, for an address already subscribed,
//! the offer to use the new choices instead), the digest of new offers, and
//! a centre's news. Every mail to a subscriber carries the one-click
//! unsubscribe address (`List-Unsubscribe`, RFC 8058) and, in both bodies,
//! a link to unsubscribe and one to change the preferences.

use minijinja::context;
use serde::Serialize;
use sportello_domain::{Centre, Lang, NewsIssue, Offer, OutgoingMail, Subscriber, Subscription, markdown};

use super::{preferences_url, unsubscribe_url};
use crate::i18n::{args, msg, msg_args};
use crate::{App, templates, view};

/// An offer in a digest.
#[derive(Debug, Serialize)]
struct Item {
    title: String,
    /// The title's language when it is not the reader's (Italian fallback).
    title_lang: Option<&'static str>,
    url: String,
    details: String,
}

/// What a mail says, ready for both bodies.
#[derive(Debug, Default)]
struct Content {
    subject: String,
    intro: Vec<String>,
    /// Lines such as "Centres: all".
    facts: Vec<String>,
    /// A button: its label and absolute address.
    action: Option<(String, String)>,
    items: Vec<Item>,
    /// A news issue's body, as HTML and as text, and its language.
    body: Option<(String, String, Lang)>,
    closing: Vec<String>,
    footer: String,
    unsubscribe: Option<String>,
    preferences: Option<String>,
}

fn text_body(lang: Lang, c: &Content) -> String {
    let mut out = String::new();
    for p in &c.intro {
        out.push_str(&format!("{p}\n\n"));
    }
    for fact in &c.facts {
        out.push_str(&format!("{fact}\n"));
    }
    if !c.facts.is_empty() {
        out.push('\n');
    }
    if let Some((label, url)) = &c.action {
        out.push_str(&format!("{label}:\n{url}\n\n"));
    }
    for item in &c.items {
        out.push_str(&format!("* {}\n  {}\n  {}\n\n", item.title, item.details, item.url));
    }
    if let Some((_, text, _)) = &c.body {
        out.push_str(&format!("{text}\n\n"));
    }
    for p in &c.closing {
        out.push_str(&format!("{p}\n\n"));
    }
    out.push_str(&format!("-- \n{}\n", c.footer));
    if let Some(url) = &c.unsubscribe {
        out.push_str(&format!("{}: {url}\n", msg(lang, "newsletter-unsubscribe-link")));
    }
    if let Some(url) = &c.preferences {
        out.push_str(&format!("{}: {url}\n", msg(lang, "newsletter-preferences-link")));
    }
    out
}

fn html_body(lang: Lang, c: &Content) -> Option<String> {
    let ctx = context! {
        lang => lang.code(),
        subject => &c.subject,
        intro => &c.intro,
        facts => &c.facts,
        action => c.action.as_ref().map(|(label, url)| context! { label, url }),
        items => minijinja::value::Serde(&c.items),
        body => c.body.as_ref().map(|(html, _, l)| context! { html => minijinja::Value::from_safe_string(html.clone()), lang => l.code() }),
        closing => &c.closing,
        footer => &c.footer,
        unsubscribe => &c.unsubscribe,
        preferences => &c.preferences,
    };
    match templates::render("mail/newsletter.html", ctx) {
        Ok(html) => Some(html),
        Err(e) => {
            tracing::error!(error = %e, "the HTML body of a newsletter mail did not render; sending text only");
            None
        }
    }
}

fn build(lang: Lang, to: &Subscription, kind: &str, c: &Content) -> OutgoingMail {
    let mut mail = OutgoingMail::new(to.email.clone(), lang, kind, &c.subject, &text_body(lang, c));
    mail.html = html_body(lang, c);
    mail.list_unsubscribe = c.unsubscribe.clone();
    mail
}

/// Message id of a frequency's name.
pub fn frequency_id(frequency: sportello_domain::Frequency) -> &'static str {
    match frequency {
        sportello_domain::Frequency::Daily => "newsletter-frequency-daily",
        sportello_domain::Frequency::Weekly => "newsletter-frequency-weekly",
    }
}

/// "Centres: …", "Sections: …", "How often: …" for a subscription.
pub fn choices(lang: Lang, s: &Subscription, centres: &[Centre], sections: &view::Sections) -> Vec<String> {
    let centre_names = if s.centres.is_empty() {
        msg(lang, "newsletter-all-centres")
    } else {
        centres
            .iter()
            .filter(|c| s.centres.contains(&c.id))
            .map(|c| c.data.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let section_names = s
        .sections
        .iter()
        .map(|x| sections.get(lang, *x).title)
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        msg_args(
            lang,
            "newsletter-choice-centres",
            &args(&[("value", centre_names.into())]),
        ),
        msg_args(
            lang,
            "newsletter-choice-sections",
            &args(&[("value", section_names.into())]),
        ),
        msg_args(
            lang,
            "newsletter-choice-frequency",
            &args(&[("value", msg(lang, frequency_id(s.frequency)).into())]),
        ),
    ]
}

/// The mail that asks to confirm `subscription` at `confirm_url`; for an
/// address already subscribed (`existing`), the offer to use these choices
/// instead of the current ones, with the way to unsubscribe.
pub fn confirmation(
    app: &App,
    subscription: &Subscription,
    existing: Option<&Subscriber>,
    confirm_url: &str,
    centres: &[Centre],
    sections: &view::Sections,
) -> OutgoingMail {
    let lang = subscription.lang;
    let (subject, intro, action, kind) = match existing {
        None => (
            "newsletter-confirm-subject",
            "newsletter-confirm-intro",
            "newsletter-confirm-action",
            "newsletter.confirm",
        ),
        Some(_) => (
            "newsletter-already-subject",
            "newsletter-already-intro",
            "newsletter-already-action",
            "newsletter.already",
        ),
    };
    let content = Content {
        subject: msg(lang, subject),
        intro: vec![msg(lang, intro)],
        facts: choices(lang, subscription, centres, sections),
        action: Some((msg(lang, action), confirm_url.to_string())),
        closing: vec![msg(lang, "newsletter-confirm-expires")],
        footer: msg(lang, "newsletter-confirm-footer"),
        unsubscribe: existing.map(|s| unsubscribe_url(app, lang, s.id)),
        ..Content::default()
    };
    build(lang, subscription, kind, &content)
}

/// The address of the search that shows a digest's offers: published since
/// the digest's start, of the subscriber's centre and section when there is
/// only one of each (the search takes one of each).
pub fn digest_search_url(app: &App, subscriber: &Subscriber, centres: &[Centre]) -> String {
    let s = &subscriber.subscription;
    let mut query = vec![("since", subscriber.digest_from.to_string())];
    if let [only] = s.centres[..]
        && let Some(centre) = centres.iter().find(|c| c.id == only)
    {
        query.push(("centre", centre.data.slug.clone()));
    }
    if let [only] = s.sections[..] {
        query.push(("section", only.code().to_string()));
    }
    let query = serde_urlencoded::to_string(&query).unwrap_or_default();
    app.public_url.join(&format!("/{}/search?{query}", s.lang))
}

/// The digest of `offers` (the newest of `total` new ones) for `subscriber`,
/// one per `period`, ever.
pub fn digest(
    app: &App,
    subscriber: &Subscriber,
    offers: &[Offer],
    total: u64,
    centres: &[Centre],
    period: &str,
) -> OutgoingMail {
    let s = &subscriber.subscription;
    let lang = s.lang;
    let items = offers
        .iter()
        .map(|o| {
            let text = o.data.display_text(lang);
            let centre = centres
                .iter()
                .find(|c| c.id == o.data.centre)
                .map_or(String::new(), |c| c.data.name.clone());
            Item {
                title: text.map(|t| t.title.clone()).unwrap_or_default(),
                title_lang: text.map(|t| t.lang).filter(|l| *l != lang).map(Lang::code),
                url: app.public_url.join(&format!("/{lang}/offers/{}", o.reference)),
                details: msg_args(
                    lang,
                    "newsletter-digest-item",
                    &args(&[
                        ("reference", o.reference.to_string().into()),
                        ("place", view::place(lang, o).into()),
                        ("centre", centre.into()),
                        ("date", view::date(lang, o.data.valid_through).text.into()),
                    ]),
                ),
            }
        })
        .collect();
    let shown = offers.len() as u64;
    let mut intro = vec![msg(lang, "newsletter-digest-intro")];
    let subject = if total > shown {
        let numbers = [("shown", shown.into()), ("count", total.into())];
        let mut more = numbers.to_vec();
        more.push(("url", digest_search_url(app, subscriber, centres).into()));
        intro.push(msg_args(lang, "newsletter-digest-more", &args(&more)));
        msg_args(lang, "newsletter-digest-subject-some", &args(&numbers))
    } else {
        msg_args(lang, "newsletter-digest-subject", &args(&[("count", shown.into())]))
    };
    let content = Content {
        subject,
        intro,
        items,
        closing: vec![msg_args(
            lang,
            "newsletter-digest-search",
            &args(&[("url", app.public_url.join(&format!("/{lang}/search")).into())]),
        )],
        footer: msg(lang, "newsletter-mail-footer"),
        unsubscribe: Some(unsubscribe_url(app, lang, subscriber.id)),
        preferences: Some(preferences_url(app, lang, &s.email)),
        ..Content::default()
    };
    let mut mail = build(lang, s, "newsletter.digest", &content);
    mail.dedupe_key = Some(format!("digest:{}:{period}", subscriber.id.0));
    mail
}

/// A centre's news issue for `subscriber`, in their language or Italian;
/// one per issue and subscriber, ever.
pub fn news(app: &App, subscriber: &Subscriber, issue: &NewsIssue, centre: &Centre) -> OutgoingMail {
    let s = &subscriber.subscription;
    let lang = s.lang;
    let text = issue.data.text(lang);
    let content = Content {
        subject: text.subject.clone(),
        intro: vec![msg_args(
            lang,
            "newsletter-news-intro",
            &args(&[("centre", centre.data.name.as_str().into())]),
        )],
        body: Some((
            markdown::to_html(&text.body),
            markdown::to_plain_text(&text.body),
            text.lang,
        )),
        footer: msg(lang, "newsletter-mail-footer"),
        unsubscribe: Some(unsubscribe_url(app, lang, subscriber.id)),
        preferences: Some(preferences_url(app, lang, &s.email)),
        ..Content::default()
    };
    let mut mail = build(lang, s, "newsletter.news", &content);
    mail.dedupe_key = Some(format!("news:{}:{}", issue.id.0, subscriber.id.0));
    mail
}
