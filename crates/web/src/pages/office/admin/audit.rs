//! The audit log for administrators: filter by actor, action, object and
//! dates; export the same selection as CSV. The log itself is append-only
//! (the database refuses changes); reading it here changes nothing.

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, NaiveTime};
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::time::{from_rome_local, to_rome};
use sportello_storage::AuditFilter;

use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::Locale;
use crate::pages::office::{no_store, render};
use crate::session::Office;
use sportello_app::i18n::msg;

const PAGE: u32 = 100;
/// The most rows one CSV export holds.
const CSV_LIMIT: u32 = 100_000;

#[derive(Debug, Default, Deserialize, Serialize)]
pub struct AuditQuery {
    #[serde(default)]
    actor: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    object: String,
    /// `YYYY-MM-DD`, Rome days, both included.
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
    page: Option<u32>,
}

fn filter(query: &AuditQuery, lang: sportello_domain::Lang) -> Result<AuditFilter, AppError> {
    let text = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
    let day = |name: &'static str, v: &str| -> Result<Option<NaiveDate>, AppError> {
        match text(v) {
            Some(v) => NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| AppError::bad_parameter(name, v).page(lang)),
            None => Ok(None),
        }
    };
    let from = day("from", &query.from)?.map(|d| from_rome_local(d.and_time(NaiveTime::MIN)));
    let until = day("until", &query.until)?
        .and_then(|d| d.succ_opt())
        .map(|d| from_rome_local(d.and_time(NaiveTime::MIN)));
    Ok(AuditFilter {
        actor: text(&query.actor),
        action: text(&query.action),
        object_id: text(&query.object),
        from,
        until,
        ..AuditFilter::default()
    })
}

/// `GET /{lang}/office/admin/audit`.
pub async fn list(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    Query(query): Query<AuditQuery>,
) -> Result<Response, AppError> {
    if !user.access().administers() {
        return Err(user.deny(&state, "audit.read", "audit", "").await);
    }
    let page = query.page.unwrap_or(1).clamp(1, 100_000);
    let selection = AuditFilter {
        limit: PAGE + 1,
        offset: (page - 1) * PAGE,
        ..filter(&query, lang)?
    };
    let mut entries = state.storage.audit_entries(&selection).await.on_page(lang)?;
    let more = entries.len() > PAGE as usize;
    entries.truncate(PAGE as usize);
    // Rows name accounts by id; the page shows whose, to administrators
    // who see the users anyway.
    let users: std::collections::HashMap<String, String> = state
        .storage
        .users()
        .await
        .on_page(lang)?
        .into_iter()
        .map(|u| (u.id.0.to_string(), format!("{} <{}>", u.name, u.email)))
        .collect();
    let object = |kind: &str, id: &str| {
        let plain = format!("{kind} {id}").trim().to_string();
        match users.get(id).filter(|_| kind == "user") {
            Some(who) => format!("{plain} ({who})"),
            None => plain,
        }
    };
    let rows: Vec<_> = entries
        .iter()
        .map(|e| {
            context! {
                at => to_rome(e.at).format("%d/%m/%Y %H:%M:%S").to_string(),
                actor => e.actor.clone(),
                address => e.address.clone(),
                request_id => e.request_id.clone().unwrap_or_default(),
                action => e.action.clone(),
                action_label => crate::pages::office::action_label(lang, &e.action),
                object => object(&e.object_kind, &e.object_id),
                details => crate::pages::office::offers::list::shorten(&e.details, 200),
            }
        })
        .collect();
    let csv_query = serde_urlencoded::to_string(AuditQuery { page: None, ..query }).unwrap_or_default();
    let title = msg(lang, "office-audit-title");
    let ctx = context! {
        rows, page, more,
        query => serde_urlencoded::from_str::<Vec<(String, String)>>(&csv_query).unwrap_or_default()
            .into_iter().collect::<std::collections::BTreeMap<_, _>>(),
        csv_query,
    };
    render(
        "office/audit.html",
        lang,
        "/office/admin/audit",
        &title,
        Some(&user),
        ctx,
    )
}

/// One CSV field, quoted when needed (RFC 4180); a leading `=`, `+`, `-` or
/// `@` is prefixed with `'` so spreadsheets never run it as a formula.
fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// `GET /{lang}/office/admin/audit.csv`: the selection as CSV (UTF-8).
pub async fn csv(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    Query(query): Query<AuditQuery>,
) -> Result<Response, AppError> {
    if !user.access().administers() {
        return Err(user.deny(&state, "audit.export", "audit", "").await);
    }
    let selection = AuditFilter {
        limit: CSV_LIMIT,
        ..filter(&query, lang)?
    };
    let entries = state.storage.audit_entries(&selection).await.on_page(lang)?;
    let mut out = String::from("id,at,actor,address,action,object_kind,object_id,centre_id,details,request_id\r\n");
    for e in &entries {
        let fields = [
            e.id.to_string(),
            e.at.to_rfc3339(),
            e.actor.clone(),
            e.address.clone(),
            e.action.clone(),
            e.object_kind.clone(),
            e.object_id.clone(),
            e.centre.map(|c| c.0.to_string()).unwrap_or_default(),
            e.details.clone(),
            e.request_id.clone().unwrap_or_default(),
        ];
        out.push_str(&fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    let mut response = out.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"audit-log.csv\""),
    );
    Ok(no_store(response))
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-1"), "'-1");
    }
}
