//! HTML templates (minijinja), compiled into the binary from
//! `crates/app/templates/`. Templates call `t("message-id", name=value…)` for
//! every user-facing string, in the language of the page's `lang` variable.

use std::sync::LazyLock;

use fluent_bundle::FluentValue;
use minijinja::value::{Kwargs, Value, ValueKind};
use minijinja::{Environment, Error, ErrorKind, State};
use sportello_domain::Lang;

use crate::i18n;

/// Every template, by name.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    (
        "account/challenge.html",
        include_str!("../templates/account/challenge.html"),
    ),
    ("account/cv.html", include_str!("../templates/account/cv.html")),
    ("account/data.html", include_str!("../templates/account/data.html")),
    (
        "account/message.html",
        include_str!("../templates/account/message.html"),
    ),
    (
        "account/my_page.html",
        include_str!("../templates/account/my_page.html"),
    ),
    ("account/once.html", include_str!("../templates/account/once.html")),
    (
        "account/recovery_codes.html",
        include_str!("../templates/account/recovery_codes.html"),
    ),
    (
        "account/second_factor_setup.html",
        include_str!("../templates/account/second_factor_setup.html"),
    ),
    (
        "account/second_factor.html",
        include_str!("../templates/account/second_factor.html"),
    ),
    (
        "account/settings.html",
        include_str!("../templates/account/settings.html"),
    ),
    (
        "account/sign_in.html",
        include_str!("../templates/account/sign_in.html"),
    ),
    (
        "account/sign_up.html",
        include_str!("../templates/account/sign_up.html"),
    ),
    ("offer_list.html", include_str!("../templates/offer_list.html")),
    ("search_box.html", include_str!("../templates/search_box.html")),
    (
        "centre_contacts.html",
        include_str!("../templates/centre_contacts.html"),
    ),
    ("home.html", include_str!("../templates/home.html")),
    ("board.html", include_str!("../templates/board.html")),
    ("offer.html", include_str!("../templates/offer.html")),
    ("offer_gone.html", include_str!("../templates/offer_gone.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("info.html", include_str!("../templates/info.html")),
    ("reports.html", include_str!("../templates/reports.html")),
    ("report.html", include_str!("../templates/report.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("mail/booking.html", include_str!("../templates/mail/booking.html")),
    (
        "mail/newsletter.html",
        include_str!("../templates/mail/newsletter.html"),
    ),
    ("newsletter.html", include_str!("../templates/newsletter.html")),
    (
        "newsletter_message.html",
        include_str!("../templates/newsletter_message.html"),
    ),
    (
        "office/newsletter.html",
        include_str!("../templates/office/newsletter.html"),
    ),
    (
        "office/news_issue.html",
        include_str!("../templates/office/news_issue.html"),
    ),
    ("mailbox.html", include_str!("../templates/mailbox.html")),
    ("employers.html", include_str!("../templates/employers.html")),
    (
        "employer_request.html",
        include_str!("../templates/employer_request.html"),
    ),
    (
        "employer_request_status.html",
        include_str!("../templates/employer_request_status.html"),
    ),
    ("office/errors.html", include_str!("../templates/office/errors.html")),
    ("office/field.html", include_str!("../templates/office/field.html")),
    ("office/select.html", include_str!("../templates/office/select.html")),
    ("office/sign_in.html", include_str!("../templates/office/sign_in.html")),
    (
        "office/second_factor.html",
        include_str!("../templates/office/second_factor.html"),
    ),
    (
        "office/password.html",
        include_str!("../templates/office/password.html"),
    ),
    (
        "office/second_factor_setup.html",
        include_str!("../templates/office/second_factor_setup.html"),
    ),
    (
        "office/recovery_codes.html",
        include_str!("../templates/office/recovery_codes.html"),
    ),
    ("office/account.html", include_str!("../templates/office/account.html")),
    (
        "office/offer_rows.html",
        include_str!("../templates/office/offer_rows.html"),
    ),
    ("office/home.html", include_str!("../templates/office/home.html")),
    ("office/agenda.html", include_str!("../templates/office/agenda.html")),
    (
        "office/agenda_book.html",
        include_str!("../templates/office/agenda_book.html"),
    ),
    (
        "office/agenda_confirm.html",
        include_str!("../templates/office/agenda_confirm.html"),
    ),
    (
        "office/agenda_notice.html",
        include_str!("../templates/office/agenda_notice.html"),
    ),
    (
        "office/services.html",
        include_str!("../templates/office/services.html"),
    ),
    (
        "office/service_form.html",
        include_str!("../templates/office/service_form.html"),
    ),
    (
        "office/services_rules.html",
        include_str!("../templates/office/services_rules.html"),
    ),
    (
        "office/outreach.html",
        include_str!("../templates/office/outreach.html"),
    ),
    ("office/figures.html", include_str!("../templates/office/figures.html")),
    (
        "office/centre_filter.html",
        include_str!("../templates/office/centre_filter.html"),
    ),
    ("office/events.html", include_str!("../templates/office/events.html")),
    (
        "office/event_session.html",
        include_str!("../templates/office/event_session.html"),
    ),
    ("office/week.html", include_str!("../templates/office/week.html")),
    ("office/towns.html", include_str!("../templates/office/towns.html")),
    (
        "office/closures.html",
        include_str!("../templates/office/closures.html"),
    ),
    (
        "office/agenda_move.html",
        include_str!("../templates/office/agenda_move.html"),
    ),
    ("office/offers.html", include_str!("../templates/office/offers.html")),
    ("office/posts.html", include_str!("../templates/office/posts.html")),
    ("office/print.html", include_str!("../templates/office/print.html")),
    (
        "office/print_langs.html",
        include_str!("../templates/office/print_langs.html"),
    ),
    ("office/bulk.html", include_str!("../templates/office/bulk.html")),
    ("office/offer.html", include_str!("../templates/office/offer.html")),
    (
        "office/offer_form.html",
        include_str!("../templates/office/offer_form.html"),
    ),
    (
        "office/translations.html",
        include_str!("../templates/office/translations.html"),
    ),
    (
        "office/translation.html",
        include_str!("../templates/office/translation.html"),
    ),
    ("office/users.html", include_str!("../templates/office/users.html")),
    (
        "office/one_time_password.html",
        include_str!("../templates/office/one_time_password.html"),
    ),
    ("office/audit.html", include_str!("../templates/office/audit.html")),
    (
        "office/request_box.html",
        include_str!("../templates/office/request_box.html"),
    ),
    (
        "office/requests.html",
        include_str!("../templates/office/requests.html"),
    ),
    ("office/centres.html", include_str!("../templates/office/centres.html")),
    (
        "office/centre_form.html",
        include_str!("../templates/office/centre_form.html"),
    ),
    (
        "office/sections.html",
        include_str!("../templates/office/sections.html"),
    ),
    ("office/confirm.html", include_str!("../templates/office/confirm.html")),
    (
        "appointments/crumbs.html",
        include_str!("../templates/appointments/crumbs.html"),
    ),
    (
        "appointments/days.html",
        include_str!("../templates/appointments/days.html"),
    ),
    (
        "appointments/message.html",
        include_str!("../templates/appointments/message.html"),
    ),
    (
        "appointments/sent.html",
        include_str!("../templates/appointments/sent.html"),
    ),
    (
        "appointments/centres.html",
        include_str!("../templates/appointments/centres.html"),
    ),
    (
        "appointments/centre.html",
        include_str!("../templates/appointments/centre.html"),
    ),
    (
        "appointments/service.html",
        include_str!("../templates/appointments/service.html"),
    ),
    (
        "appointments/form.html",
        include_str!("../templates/appointments/form.html"),
    ),
    (
        "appointments/person_fields.html",
        include_str!("../templates/appointments/person_fields.html"),
    ),
    ("events/list.html", include_str!("../templates/events/list.html")),
    ("events/next.html", include_str!("../templates/events/next.html")),
    ("outreach/next.html", include_str!("../templates/outreach/next.html")),
    ("outreach/point.html", include_str!("../templates/outreach/point.html")),
    ("events/event.html", include_str!("../templates/events/event.html")),
    (
        "events/registration.html",
        include_str!("../templates/events/registration.html"),
    ),
    (
        "appointments/booking.html",
        include_str!("../templates/appointments/booking.html"),
    ),
    (
        "appointments/cancel.html",
        include_str!("../templates/appointments/cancel.html"),
    ),
    (
        "appointments/move.html",
        include_str!("../templates/appointments/move.html"),
    ),
];

static ENV: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    for (name, source) in TEMPLATES {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("template {name}: {e}"));
    }
    env.add_function("t", translate);
    env.set_formatter(html_formatter);
    env
});

/// HTML escaping of `& < > " '` only: addresses keep their slashes readable.
fn html_formatter(out: &mut minijinja::Output, state: &mut State, value: &Value) -> Result<(), Error> {
    if value.is_safe() || state.auto_escape() != &minijinja::AutoEscape::Html {
        return minijinja::escape_formatter(out, state, value);
    }
    let text = value.to_string();
    let mut escaped = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    out.write_str(&escaped).map_err(Error::from)
}

/// Renders template `name` with `ctx`, which must contain `lang`.
pub fn render(name: &str, ctx: Value) -> Result<String, Error> {
    ENV.get_template(name)?.render(ctx)
}

fn page_lang(state: &State) -> Result<Lang, Error> {
    state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::parse))
        .ok_or_else(|| Error::new(ErrorKind::UndefinedError, "templates need `lang`"))
}

/// `t("id", name=value…)`: the message in the page's language.
fn translate(state: &State, id: &str, kwargs: Kwargs) -> Result<String, Error> {
    let lang = page_lang(state)?;
    let mut args = fluent_bundle::FluentArgs::new();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        let fluent = match value.kind() {
            ValueKind::Number => match i64::try_from(value.clone()) {
                Ok(n) => FluentValue::from(n),
                Err(_) => FluentValue::from(f64::try_from(value).unwrap_or_default()),
            },
            _ => FluentValue::from(value.to_string()),
        };
        args.set(name.to_string(), fluent);
    }
    Ok(i18n::msg_args(lang, id, &args))
}
