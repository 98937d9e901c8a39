//! User-interface strings: Fluent files for it, en, fr, de, compiled into the
//! binary (`crates/app/locales/<lang>/main.ftl` for the public pages,
//! `office.ftl` for the back office, `appointments.ftl` for booking pages and
//! e-mails, `office-appointments.ftl` for the agenda and the services
//! catalogue of the back office, `markup.ftl` for social cards and the
//! ready-to-paste posts, `newsletter.ftl` for the newsletter's pages, e-mails
//! and back-office page, `print.ftl` for the printed posters and boards,
//! `reports.ftl` for the weekly reports' pages, post texts, cards and PDFs,
//! `account.ftl` for citizen accounts' pages and messages, `cv.ftl` for the
//! person's CV, `sms.ftl` for text messages and the notes about them, `events.ftl` for
//! group meetings' pages and messages).
//! Italian is the fallback; a
//! message missing everywhere is logged and shown as an empty string, never
//! as its raw id. A test checks that every id used in code or templates
//! exists in all four languages.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use sportello_domain::Lang;

/// The Fluent files of each language, in [`Lang::ALL`] order.
pub const SOURCES: [(&str, [&str; 14]); 4] = [
    (
        "it",
        [
            include_str!("../locales/it/main.ftl"),
            include_str!("../locales/it/office.ftl"),
            include_str!("../locales/it/appointments.ftl"),
            include_str!("../locales/it/office-appointments.ftl"),
            include_str!("../locales/it/markup.ftl"),
            include_str!("../locales/it/newsletter.ftl"),
            include_str!("../locales/it/print.ftl"),
            include_str!("../locales/it/reports.ftl"),
            include_str!("../locales/it/sms.ftl"),
            include_str!("../locales/it/events.ftl"),
            include_str!("../locales/it/outreach.ftl"),
            include_str!("../locales/it/figures.ftl"),
            include_str!("../locales/it/account.ftl"),
            include_str!("../locales/it/cv.ftl"),
        ],
    ),
    (
        "en",
        [
            include_str!("../locales/en/main.ftl"),
            include_str!("../locales/en/office.ftl"),
            include_str!("../locales/en/appointments.ftl"),
            include_str!("../locales/en/office-appointments.ftl"),
            include_str!("../locales/en/markup.ftl"),
            include_str!("../locales/en/newsletter.ftl"),
            include_str!("../locales/en/print.ftl"),
            include_str!("../locales/en/reports.ftl"),
            include_str!("../locales/en/sms.ftl"),
            include_str!("../locales/en/events.ftl"),
            include_str!("../locales/en/outreach.ftl"),
            include_str!("../locales/en/figures.ftl"),
            include_str!("../locales/en/account.ftl"),
            include_str!("../locales/en/cv.ftl"),
        ],
    ),
    (
        "fr",
        [
            include_str!("../locales/fr/main.ftl"),
            include_str!("../locales/fr/office.ftl"),
            include_str!("../locales/fr/appointments.ftl"),
            include_str!("../locales/fr/office-appointments.ftl"),
            include_str!("../locales/fr/markup.ftl"),
            include_str!("../locales/fr/newsletter.ftl"),
            include_str!("../locales/fr/print.ftl"),
            include_str!("../locales/fr/reports.ftl"),
            include_str!("../locales/fr/sms.ftl"),
            include_str!("../locales/fr/events.ftl"),
            include_str!("../locales/fr/outreach.ftl"),
            include_str!("../locales/fr/figures.ftl"),
            include_str!("../locales/fr/account.ftl"),
            include_str!("../locales/fr/cv.ftl"),
        ],
    ),
    (
        "de",
        [
            include_str!("../locales/de/main.ftl"),
            include_str!("../locales/de/office.ftl"),
            include_str!("../locales/de/appointments.ftl"),
            include_str!("../locales/de/office-appointments.ftl"),
            include_str!("../locales/de/markup.ftl"),
            include_str!("../locales/de/newsletter.ftl"),
            include_str!("../locales/de/print.ftl"),
            include_str!("../locales/de/reports.ftl"),
            include_str!("../locales/de/sms.ftl"),
            include_str!("../locales/de/events.ftl"),
            include_str!("../locales/de/outreach.ftl"),
            include_str!("../locales/de/figures.ftl"),
            include_str!("../locales/de/account.ftl"),
            include_str!("../locales/de/cv.ftl"),
        ],
    ),
];

static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(code, sources)| {
            let langid = code.parse().expect("valid language identifier");
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Pages are HTML with their own `lang` and `dir`: no bidi isolation marks.
            bundle.set_use_isolating(false);
            for source in sources {
                let resource = FluentResource::try_new(source.to_string())
                    .unwrap_or_else(|(_, errors)| panic!("locales/{code}/ does not parse: {errors:?}"));
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|errors| panic!("locales/{code}/: {errors:?}"));
            }
            bundle
        })
        .collect()
});

/// The message `id` in `lang`, without arguments.
pub fn msg(lang: Lang, id: &str) -> String {
    msg_args(lang, id, &FluentArgs::new())
}

/// The message `id` in `lang` with arguments.
pub fn msg_args(lang: Lang, id: &str, args: &FluentArgs) -> String {
    if let Some(text) = format(lang, id, args) {
        return text;
    }
    tracing::error!(id, lang = lang.code(), "missing user-interface message");
    format(Lang::It, id, args).unwrap_or_default()
}

/// Whether `id` exists in `lang`.
pub fn has_message(lang: Lang, id: &str) -> bool {
    BUNDLES[lang.index()].get_message(id).and_then(|m| m.value()).is_some()
}

fn format(lang: Lang, id: &str, args: &FluentArgs) -> Option<String> {
    let bundle = &BUNDLES[lang.index()];
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    if !errors.is_empty() {
        tracing::error!(id, lang = lang.code(), ?errors, "user-interface message did not format");
    }
    Some(text.into_owned())
}

/// Builds Fluent arguments from pairs.
pub fn args<'a>(pairs: &[(&'a str, FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut args = FluentArgs::new();
    for (name, value) in pairs {
        args.set(*name, value.clone());
    }
    args
}

/// Every message id defined in `lang`'s file.
pub fn message_ids(lang: Lang) -> Vec<String> {
    let mut ids = Vec::new();
    for source in SOURCES[lang.index()].1 {
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        ids.extend(resource.entries().filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        }));
    }
    ids
}

#[cfg(test)]
#[path = "i18n_tests.rs"]
mod tests;
