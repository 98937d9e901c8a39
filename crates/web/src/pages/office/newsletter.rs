//! News issues in the back office: operators write to the subscribers of
//! their centres, administrators to those of any centre. An issue is written
//! (subject and Markdown body; Italian required, the other languages
//! optional: subscribers read theirs or the Italian one), previewed with the
//! number of subscribers it will reach, then sent once: one outbox mail per
//! subscriber with the key `news:{issue}:{subscriber}`, queued with the
//! issue's "sent" mark and its audit row in one transaction.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::Response;
use chrono::Utc;
use minijinja::context;
use serde::Serialize;
use sportello_domain::newsletter::NewsProblem;
use sportello_domain::{CentreId, Lang, NewNewsIssue, NewsIssue, NewsIssueId, Subscriber, markdown};

use super::offers::form::Opt;
use super::{render, see_other};
use crate::AppState;
use crate::error::{AnswerAs, AppError, Problem};
use crate::extract::{FormFields, Locale, PathParams};
use crate::session::Office;
use sportello_app::i18n::{args, msg, msg_args};
use sportello_app::newsletter::mails;

/// An issue in the list.
#[derive(Debug, Serialize)]
struct IssueRow {
    id: i64,
    subject: String,
    centre: String,
    author: String,
    created: String,
    sent: Option<String>,
    recipients: u32,
}

fn when(at: chrono::DateTime<Utc>) -> String {
    sportello_domain::time::to_rome(at).format("%d/%m/%Y %H:%M").to_string()
}

fn row(state_centres: &[sportello_domain::Centre], issue: &NewsIssue) -> IssueRow {
    IssueRow {
        id: issue.id.0,
        subject: issue.data.text(Lang::It).subject.clone(),
        centre: state_centres
            .iter()
            .find(|c| c.id == issue.data.centre)
            .map_or(String::new(), |c| c.data.name.clone()),
        author: issue.author.clone(),
        created: when(issue.created_at),
        sent: issue.sent_at.map(when),
        recipients: issue.recipients,
    }
}

/// What the operator typed, per language.
#[derive(Debug, Default, Serialize)]
struct Typed {
    centre: String,
    texts: Vec<TypedText>,
}

#[derive(Debug, Default, Serialize)]
struct TypedText {
    lang: &'static str,
    name: &'static str,
    subject: String,
    body: String,
}

fn typed_from(form: &FormFields) -> Typed {
    Typed {
        centre: form.get("centre"),
        texts: Lang::ALL
            .iter()
            .map(|l| TypedText {
                lang: l.code(),
                name: l.native_name(),
                subject: form.get(&format!("subject_{l}")),
                body: form.get(&format!("body_{l}")),
            })
            .collect(),
    }
}

async fn list_page(
    state: &AppState,
    lang: Lang,
    user: &Office,
    typed: &Typed,
    errors: &BTreeMap<String, String>,
    status: axum::http::StatusCode,
) -> Result<Response, AppError> {
    let access = user.access();
    let centres = access.news_centres();
    if centres.is_empty() {
        return Err(user.deny(state, "news.list", "news", "").await);
    }
    let ids: Vec<CentreId> = centres.iter().map(|c| c.id).collect();
    let issues = state.storage.news_issues(&ids, 100).await.on_page(lang)?;
    let rows: Vec<IssueRow> = issues.iter().map(|i| row(&user.centres, i)).collect();
    let options: Vec<Opt> = centres
        .iter()
        .map(|c| Opt {
            value: c.data.slug.clone(),
            label: c.data.name.clone(),
        })
        .collect();
    let title = msg(lang, "office-newsletter-title");
    let ctx = context! {
        issues => minijinja::value::Serde(&rows),
        centres => minijinja::value::Serde(&options),
        values => minijinja::value::Serde(typed),
        errors,
    };
    let mut response = render(
        "office/newsletter.html",
        lang,
        "/office/newsletter",
        &title,
        Some(user),
        ctx,
    )?;
    *response.status_mut() = status;
    Ok(response)
}

/// `GET /{lang}/office/newsletter`: past issues and a new one.
pub async fn list(State(state): State<AppState>, Locale(lang): Locale, user: Office) -> Result<Response, AppError> {
    let centres = user.access().news_centres();
    let typed = Typed {
        centre: if centres.len() == 1 {
            centres[0].data.slug.clone()
        } else {
            String::new()
        },
        ..typed_from(&FormFields::default())
    };
    list_page(
        &state,
        lang,
        &user,
        &typed,
        &BTreeMap::new(),
        axum::http::StatusCode::OK,
    )
    .await
}

fn problem_id(problem: NewsProblem) -> &'static str {
    match problem {
        NewsProblem::ItalianRequired => "office-news-italian-required",
        NewsProblem::Incomplete => "office-news-incomplete",
        NewsProblem::TooLong => "office-news-too-long",
    }
}

/// `POST /{lang}/office/newsletter`: stores the issue (not sent) and shows
/// its preview.
pub async fn create(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let typed = typed_from(&form);
    let mut errors = BTreeMap::new();
    let centre = user.centres.iter().find(|c| c.data.slug == typed.centre).cloned();
    match &centre {
        None => {
            errors.insert("centre".to_string(), msg(lang, "field-unknown"));
        }
        Some(c) if !user.access().can_write_news(c.id) => {
            return Err(user.deny(&state, "news.create", "centre", &c.data.slug).await);
        }
        Some(_) => {}
    }
    let texts: Vec<(Lang, String, String)> = Lang::ALL
        .iter()
        .zip(&typed.texts)
        .map(|(l, t)| (*l, t.subject.clone(), t.body.clone()))
        .collect();
    let issue = match NewNewsIssue::parse(centre.as_ref().map_or(CentreId(0), |c| c.id), &texts) {
        Ok(issue) => Some(issue),
        Err(problems) => {
            for (l, field, problem) in problems {
                errors
                    .entry(field.name(l))
                    .or_insert_with(|| msg(lang, problem_id(problem)));
            }
            None
        }
    };
    let (Some(issue), true) = (issue, errors.is_empty()) else {
        let status = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        return list_page(&state, lang, &user, &typed, &errors, status).await;
    };
    let stored = state
        .storage
        .insert_news_issue(&issue, &user.actor(), Utc::now())
        .await
        .on_page(lang)?;
    Ok(see_other(&format!("/{lang}/office/newsletter/{}", stored.id.0)))
}

/// The issue `id`, if the user may write to its centre (refusals logged).
async fn allowed_issue(state: &AppState, lang: Lang, user: &Office, id: i64) -> Result<NewsIssue, AppError> {
    let issue = state
        .storage
        .news_issue(NewsIssueId(id))
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    if !user.access().can_write_news(issue.data.centre) {
        return Err(user.deny(state, "news.read", "news", &id.to_string()).await);
    }
    Ok(issue)
}

/// `GET /{lang}/office/newsletter/{id}`: the preview in every language
/// written, and the button that sends it (once).
pub async fn preview(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, id)): PathParams<(String, i64)>,
) -> Result<Response, AppError> {
    let issue = allowed_issue(&state, lang, &user, id).await?;
    let recipients = state
        .storage
        .count_news_recipients(issue.data.centre)
        .await
        .on_page(lang)?;
    let texts: Vec<_> = issue
        .data
        .texts
        .iter()
        .map(|t| {
            context! {
                lang => t.lang.code(),
                name => t.lang.native_name(),
                subject => t.subject.clone(),
                body => minijinja::Value::from_safe_string(markdown::to_html(&t.body)),
            }
        })
        .collect();
    let title = msg_args(
        lang,
        "office-news-preview-title",
        &args(&[("subject", issue.data.text(Lang::It).subject.as_str().into())]),
    );
    let ctx = context! {
        issue => minijinja::value::Serde(row(&user.centres, &issue)),
        texts,
        recipients,
    };
    render(
        "office/news_issue.html",
        lang,
        &format!("/office/newsletter/{id}"),
        &title,
        Some(&user),
        ctx,
    )
}

/// `POST /{lang}/office/newsletter/{id}/send`: one mail per subscriber of
/// the centre, in their language; refused when the issue was sent already.
pub async fn send(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, id)): PathParams<(String, i64)>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let issue = allowed_issue(&state, lang, &user, id).await?;
    if issue.sent_at.is_some() {
        return Err(AppError::new(Problem::NotPossible("sent already".into())).page(lang));
    }
    let centre = user
        .centres
        .iter()
        .find(|c| c.id == issue.data.centre)
        .ok_or_else(|| AppError::not_found().page(lang))?;
    let mail = |s: &Subscriber| mails::news(&state, s, &issue, centre);
    state
        .storage
        .send_news_issue(issue.id, &mail, &user.actor(), Utc::now())
        .await
        .on_page(lang)?;
    Ok(see_other(&format!("/{lang}/office/newsletter/{id}")))
}
