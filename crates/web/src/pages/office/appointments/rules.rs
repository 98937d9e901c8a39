//! A centre's access rules (one Markdown text per language, shown to people
//! before and after booking) and its patron-saint days (one `MM-DD Name` line
//! each), with the closed days they give over the next weeks so that
//! operators can check them. Each wrong line of patron days gets its own
//! message with its line number; nothing is saved while one is wrong.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{Datelike, Days, NaiveDate, Utc};
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::appointments::holidays::PatronDay;
use sportello_domain::appointments::slots::DayClosed;
use sportello_domain::time::today_in_rome;
use sportello_domain::{Centre, Lang};

use super::services::{Need, allowed, centre_choices, centre_for};
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale};
use crate::pages::office::{render, see_other};
use crate::session::{Office, SignedIn};
use sportello_app::appointments::CentreCalendar;
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::view;

/// Days ahead whose closures the page lists.
pub const CLOSED_DAYS_AHEAD: u64 = 60;
/// Longest access rules in one language, in characters.
pub const MAX_RULES: usize = 4000;

/// One closed day of the next weeks.
#[derive(Debug, Serialize)]
struct ClosedDay {
    date: view::DateView,
    weekday: String,
    reason: String,
}

/// The days the centre is closed from `today` for [`CLOSED_DAYS_AHEAD`]
/// days, weekdays without hours left out.
fn closed_days(lang: Lang, calendar: &CentreCalendar, today: NaiveDate) -> Vec<ClosedDay> {
    let last = today.checked_add_days(Days::new(CLOSED_DAYS_AHEAD)).unwrap_or(today);
    today
        .iter_days()
        .take_while(|d| *d <= last)
        .filter_map(|date| {
            let reason = match calendar.calendar().closed_reason(date)? {
                DayClosed::Holiday(h) => msg(lang, &format!("holiday-{}", h.code())),
                DayClosed::Patron(name) => format!("{} — {}", msg(lang, "holiday-patron"), name),
                DayClosed::Closure(reason) => format!("{} — {}", msg(lang, "rules-closure"), reason),
                DayClosed::Weekday | DayClosed::Past | DayClosed::TooFar => return None,
            };
            let weekday = date.weekday().number_from_monday() as u8;
            Some(ClosedDay {
                date: view::date(lang, date),
                weekday: msg(lang, view::weekday_id(weekday)),
                reason,
            })
        })
        .collect()
}

/// Patron days as typed, one `MM-DD Name` a line; each wrong line as
/// `(line number, message)`.
pub(super) fn parse_patron_days(lang: Lang, text: &str) -> Result<Vec<PatronDay>, Vec<(usize, String)>> {
    let mut days = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (date, name) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        match PatronDay::parse(date, name) {
            Ok(day)
                if days
                    .iter()
                    .any(|d: &PatronDay| (d.month, d.day) == (day.month, day.day)) =>
            {
                errors.push((i + 1, msg(lang, "patron-duplicate")));
            }
            Ok(day) => days.push(day),
            Err(e) => errors.push((i + 1, msg(lang, e.message_id()))),
        }
    }
    if errors.is_empty() { Ok(days) } else { Err(errors) }
}

/// The form as typed.
#[derive(Debug, Default, Serialize)]
struct Values {
    rules: Vec<(&'static str, &'static str, String)>,
    patron_days: String,
}

struct Problems {
    /// Access rules too long, by language code.
    rules: BTreeMap<String, String>,
    /// Wrong lines of patron days.
    lines: Vec<(usize, String)>,
}

async fn page(
    state: &AppState,
    user: &SignedIn,
    centre: Centre,
    values: Option<Values>,
    problems: &Problems,
    status: StatusCode,
    saved: bool,
) -> Result<Response, AppError> {
    let lang = user.lang;
    let calendar = CentreCalendar::load(state, centre).await.on_page(lang)?;
    let values = values.unwrap_or_else(|| Values {
        rules: Lang::ALL
            .iter()
            .map(|l| {
                (
                    l.code(),
                    l.native_name(),
                    calendar.access_rules.get(l).cloned().unwrap_or_default(),
                )
            })
            .collect(),
        patron_days: calendar
            .patron_days
            .iter()
            .map(|p| format!("{} {}", p.month_day(), p.name))
            .collect::<Vec<_>>()
            .join("\n"),
    });
    let centre = &calendar.centre;
    let title = format!("{} · {}", msg(lang, "rules-title"), centre.data.name);
    let lines: Vec<(usize, String)> = problems
        .lines
        .iter()
        .map(|(n, m)| {
            (
                *n,
                msg_args(
                    lang,
                    "rules-line-error",
                    &args(&[("number", (*n as i64).into()), ("value", m.as_str().into())]),
                ),
            )
        })
        .collect();
    let ctx = context! {
        centre => centre.data.slug.clone(),
        centre_name => centre.data.name.clone(),
        centres => centre_choices(user, Need::ReadServices),
        can_edit => allowed(user, centre, Need::EditServices),
        values => minijinja::value::Serde(&values),
        rule_errors => problems.rules.clone(),
        lines,
        closed => minijinja::value::Serde(closed_days(lang, &calendar, today_in_rome())),
        days => CLOSED_DAYS_AHEAD,
        max_rules => MAX_RULES,
        saved,
    };
    let mut response = render(
        "office/services_rules.html",
        lang,
        "/office/services",
        &title,
        Some(user),
        ctx,
    )?;
    *response.status_mut() = status;
    Ok(response)
}

#[derive(Debug, Default, Deserialize)]
pub struct RulesQuery {
    centre: Option<String>,
    saved: Option<String>,
}

/// `GET /{lang}/office/services/rules?centre={slug}`.
pub async fn form(
    State(state): State<AppState>,
    Locale(_): Locale,
    user: Office,
    Query(query): Query<RulesQuery>,
) -> Result<Response, AppError> {
    let centre = centre_for(
        &state,
        &user,
        query.centre.as_deref(),
        Need::ReadServices,
        "centre.rules_read",
    )
    .await?;
    let problems = Problems {
        rules: BTreeMap::new(),
        lines: Vec::new(),
    };
    page(
        &state,
        &user,
        centre,
        None,
        &problems,
        StatusCode::OK,
        query.saved.is_some(),
    )
    .await
}

/// `POST /{lang}/office/services/rules?centre={slug}`.
pub async fn save(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    Query(query): Query<RulesQuery>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let centre = centre_for(
        &state,
        &user,
        query.centre.as_deref(),
        Need::EditServices,
        "centre.rules",
    )
    .await?;
    let mut rules = BTreeMap::new();
    let mut rule_errors = BTreeMap::new();
    let mut typed = Vec::new();
    for l in Lang::ALL {
        let text = form.get(&format!("rules_{}", l.code())).trim().replace("\r\n", "\n");
        if text.chars().count() > MAX_RULES {
            rule_errors.insert(
                format!("rules_{}", l.code()),
                msg_args(lang, "field-too-long", &args(&[("max", (MAX_RULES as i64).into())])),
            );
        } else if !text.is_empty() {
            rules.insert(l, text.clone());
        }
        typed.push((l.code(), l.native_name(), text));
    }
    let patron_text = form.get("patron_days");
    let patron = parse_patron_days(lang, &patron_text);
    let lines = patron.as_ref().err().cloned().unwrap_or_default();
    if !rule_errors.is_empty() || !lines.is_empty() {
        let values = Values {
            rules: typed,
            patron_days: patron_text,
        };
        let problems = Problems {
            rules: rule_errors,
            lines,
        };
        return page(
            &state,
            &user,
            centre,
            Some(values),
            &problems,
            StatusCode::UNPROCESSABLE_ENTITY,
            false,
        )
        .await;
    }
    let days = patron.unwrap_or_default();
    let now = Utc::now();
    let actor = user.actor();
    state
        .storage
        .set_visiting_rules(centre.id, &rules, &days, &actor, now)
        .await
        .on_page(lang)?;
    Ok(see_other(&format!(
        "/{lang}/office/services/rules?centre={}&saved=1",
        centre.data.slug
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_wrong_patron_line_is_numbered() {
        let text = "08-26 Sant'Oronzo\n\n13-40 Nobody\n05-03\n26/08 San Giusto";
        let errors = parse_patron_days(Lang::En, text).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|(n, _)| *n).collect();
        assert_eq!(lines, [3, 4, 5], "26/08 is 08-26 again");
        let days = parse_patron_days(Lang::En, "08-26 Sant'Oronzo\n25/08   San Giusto \n").unwrap();
        assert_eq!(days.len(), 2);
        assert_eq!(days[1].name, "San Giusto");
    }
}
