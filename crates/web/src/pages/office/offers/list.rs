//! Offers in the back office: the list of the user's centres and sections
//! in any status, one offer with its history, and the lifecycle actions
//! (publish, withdraw, mark filled, extend), one at a time or in bulk. The
//! grants are checked for every offer; a refusal is logged.

use axum::extract::{Query, State};
use axum::response::Response;
use chrono::{NaiveDate, Utc};
use minijinja::context;
use serde::{Deserialize, Serialize};
use sportello_domain::time::today_in_rome;
use sportello_domain::{Centre, CentreId, Lang, Offer, OfferStatus, RefCode, Section, offer_field};
use sportello_storage::OfficeFilter;

use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::{FormFields, Locale, PathParams};
use crate::pages::office::{render, see_other};
use crate::session::{Office, SignedIn};
use sportello_app::i18n::msg;
use sportello_app::view::{self, DateView};

const PER_PAGE: u32 = 50;

/// One line of a back-office list.
#[derive(Debug, Serialize)]
pub struct OfferRow {
    reference: String,
    title: String,
    centre: String,
    section: &'static str,
    status: &'static str,
    valid_through: DateView,
    /// Language code → text status code.
    texts: Vec<(&'static str, &'static str)>,
}

/// The list lines of `offers`.
pub fn rows(lang: Lang, offers: &[Offer], centres: &[Centre]) -> Vec<OfferRow> {
    offers
        .iter()
        .map(|o| OfferRow {
            reference: o.reference.to_string(),
            title: o.data.text(Lang::It).map(|t| t.title.clone()).unwrap_or_default(),
            centre: centres
                .iter()
                .find(|c| c.id == o.data.centre)
                .map(|c| c.data.name.clone())
                .unwrap_or_default(),
            section: view::section_title_id(o.data.section),
            status: status_id(o.status),
            valid_through: view::date(lang, o.data.valid_through),
            texts: Lang::ALL
                .iter()
                .map(|l| (l.code(), o.data.text_status(*l).code()))
                .collect(),
        })
        .collect()
}

/// The message id of a status.
pub fn status_id(status: OfferStatus) -> &'static str {
    match status {
        OfferStatus::Draft => "status-draft",
        OfferStatus::Published => "status-published",
        OfferStatus::Filled => "status-filled",
        OfferStatus::Withdrawn => "status-withdrawn",
        OfferStatus::Expired => "status-expired",
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    centre: Option<String>,
    section: Option<String>,
    status: Option<String>,
    q: Option<String>,
    page: Option<u32>,
}

/// `GET /{lang}/office/offers`.
pub async fn list(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    let some = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(String::from);
    let centre = match some(&query.centre) {
        Some(slug) => Some(
            user.centres
                .iter()
                .find(|c| c.data.slug == slug)
                .map(|c| c.id)
                .ok_or_else(|| AppError::bad_parameter("centre", slug).page(lang))?,
        ),
        None => None,
    };
    let section = match some(&query.section) {
        Some(code) => Some(Section::parse(&code).ok_or_else(|| AppError::bad_parameter("section", code).page(lang))?),
        None => None,
    };
    let status = match some(&query.status) {
        Some(code) => {
            Some(OfferStatus::parse(&code).ok_or_else(|| AppError::bad_parameter("status", code).page(lang))?)
        }
        None => None,
    };
    let page = query.page.unwrap_or(1).clamp(1, 10_000);
    let filter = OfficeFilter {
        allowed: user.access().readable(),
        centre,
        section,
        status,
        text: some(&query.q),
        limit: PER_PAGE,
        offset: (page - 1) * PER_PAGE,
        ..OfficeFilter::default()
    };
    let found = state.storage.office_offers(&filter).await.on_page(lang)?;
    let access = user.access();
    let centres: Vec<_> = user
        .centres
        .iter()
        .filter(|c| !access.readable_sections(c.id).is_empty())
        .map(|c| (c.data.slug.clone(), c.data.name.clone()))
        .collect();
    let title = msg(lang, "office-offers-title");
    let pages = found.total.div_ceil(u64::from(PER_PAGE)).max(1);
    let ctx = context! {
        offers => minijinja::value::Serde(rows(lang, &found.items, &user.centres)),
        total => found.total,
        page, pages,
        centres,
        can_create => !access.editable_centres().is_empty(),
        sections => Section::ALL.iter().map(|s| (s.code(), view::section_title_id(*s))).collect::<Vec<_>>(),
        statuses => OfferStatus::ALL.iter().map(|s| (s.code(), status_id(*s))).collect::<Vec<_>>(),
        q => some(&query.q),
        centre => some(&query.centre),
        section => some(&query.section),
        status => some(&query.status),
    };
    render("office/offers.html", lang, "/office/offers", &title, Some(&user), ctx)
}

/// The offer `reference` if the user may read it; a logged 403 otherwise.
pub async fn readable_offer(state: &AppState, user: &SignedIn, reference: &str) -> Result<Offer, AppError> {
    let lang = user.lang;
    let code = RefCode::parse(reference).map_err(|_| AppError::not_found().page(lang))?;
    let offer = state
        .storage
        .offer(&code)
        .await
        .on_page(lang)?
        .ok_or_else(|| AppError::not_found().page(lang))?;
    if !user.access().can_read_offers(offer.data.centre, offer.data.section) {
        return Err(user.deny(state, "offer.read", "offer", reference).await);
    }
    Ok(offer)
}

/// The offer `reference` if the user may change it; a logged 403 otherwise.
pub async fn editable_offer(
    state: &AppState,
    user: &SignedIn,
    reference: &str,
    action: &str,
) -> Result<Offer, AppError> {
    let offer = readable_offer(state, user, reference).await?;
    if !user.access().can_edit_offers(offer.data.centre, offer.data.section) {
        return Err(user.deny(state, action, "offer", reference).await);
    }
    Ok(offer)
}

#[derive(Debug, Serialize)]
struct HistoryRow {
    at: String,
    actor: String,
    action: String,
    action_label: String,
    changes: Vec<(String, String, String)>,
}

fn history_rows(lang: Lang, entries: &[sportello_domain::AuditEntry]) -> Vec<HistoryRow> {
    entries
        .iter()
        .rev()
        .map(|e| {
            let details: serde_json::Value = serde_json::from_str(&e.details).unwrap_or_default();
            let text = |v: &serde_json::Value| {
                let full = match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                shorten(&full, 80)
            };
            let changes = details
                .as_object()
                .map(|m| {
                    m.iter()
                        .filter_map(|(k, v)| match v.as_array().map(Vec::as_slice) {
                            Some([old, new]) => Some((field_label(lang, k), text(old), text(new))),
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            HistoryRow {
                at: sportello_domain::time::to_rome(e.at)
                    .format("%d/%m/%Y %H:%M")
                    .to_string(),
                actor: e.actor.clone(),
                action: e.action.clone(),
                action_label: crate::pages::office::action_label(lang, &e.action),
                changes,
            }
        })
        .collect()
}

/// The name of an offer field of the history (`openings`, `text.en.title`)
/// in `lang`; the code itself when it has no name.
fn field_label(lang: Lang, field: &str) -> String {
    if let Some(rest) = field.strip_prefix("text.")
        && let Some((code, part)) = rest.split_once('.')
    {
        let part = match part {
            "title" => msg(lang, "field-title"),
            "description" => msg(lang, "offer-description"),
            "how_to_apply" => msg(lang, "offer-how-to-apply"),
            "status" => msg(lang, "field-status"),
            other => other.to_string(),
        };
        let language = Lang::parse(code).map_or(code, |l| l.native_name());
        return format!("{part} ({language})");
    }
    match field {
        "status" => msg(lang, "field-status"),
        _ => offer_field(field).map_or_else(|| field.to_string(), |f| msg(lang, f.label)),
    }
}

/// `text` cut to `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max).collect();
        cut.push('…');
        cut
    }
}

/// `GET /{lang}/office/offers/{reference}`.
pub async fn detail(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, reference)): PathParams<(String, String)>,
) -> Result<Response, AppError> {
    let offer = readable_offer(&state, &user, &reference).await?;
    let history = state.storage.offer_history(&offer.reference).await.on_page(lang)?;
    // The employer's contacts: for a Collocamento Mirato request only the
    // centre's mirato grants see them, each read logged.
    let request = match user
        .access()
        .can_read_request_contacts(offer.data.centre, offer.data.section)
    {
        true => state
            .storage
            .employer_request_for(&offer.reference)
            .await
            .on_page(lang)?,
        false => None,
    };
    if let Some(request) = &request {
        super::super::employers::log_reads(&state, &user, std::slice::from_ref(request))
            .await
            .on_page(lang)?;
    }
    let sections = state.sections().await.on_page(lang)?;
    let can_edit = user.access().can_edit_offers(offer.data.centre, offer.data.section);
    let today = today_in_rome();
    let title = format!("{} · {}", offer.reference, msg(lang, "office-offer-title"));
    let ctx = context! {
        reference => offer.reference.to_string(),
        offer => minijinja::value::Serde(view::detail(lang, &offer, &sections)),
        status => status_id(offer.status),
        status_code => offer.status.code(),
        valid_through_value => offer.data.valid_through.to_string(),
        texts => rows(lang, std::slice::from_ref(&offer), &user.centres).pop().map(|r| r.texts),
        can_edit,
        can_publish => can_edit && offer.check_publishable(today).is_ok(),
        is_open => offer.status == OfferStatus::Published,
        can_extend => can_edit && matches!(offer.status, OfferStatus::Published | OfferStatus::Expired),
        editable => can_edit && matches!(offer.status, OfferStatus::Draft | OfferStatus::Published),
        history => minijinja::value::Serde(history_rows(lang, &history)),
        request => request.as_ref().map(|r| minijinja::value::Serde(crate::pages::office::employers::view(r))),
        can_decline => can_edit,
        printable => offer.is_open(today),
        print_langs => minijinja::value::Serde(super::print::lang_choices()),
    };
    let path = format!("/office/offers/{}", offer.reference);
    render("office/offer.html", lang, &path, &title, Some(&user), ctx)
}

/// Runs one lifecycle action on an offer the user may change.
async fn run_action(
    state: &AppState,
    user: &SignedIn,
    reference: &str,
    action: &str,
    valid_through: Option<NaiveDate>,
) -> Result<Offer, AppError> {
    let lang = user.lang;
    let offer = editable_offer(state, user, reference, &format!("offer.{action}")).await?;
    let now = Utc::now();
    let today = today_in_rome();
    let actor = user.actor();
    let s = &state.storage;
    let result = match action {
        "publish" => s.publish_offer(&offer.reference, today, &actor, now).await,
        "withdraw" => {
            s.close_offer(&offer.reference, OfferStatus::Withdrawn, &actor, now)
                .await
        }
        "fill" => s.close_offer(&offer.reference, OfferStatus::Filled, &actor, now).await,
        "extend" => {
            let date = valid_through.ok_or_else(|| AppError::bad_parameter("valid_through", "").page(lang))?;
            s.extend_offer(&offer.reference, date, today, &actor, now).await
        }
        other => return Err(AppError::bad_parameter("action", other).page(lang)),
    };
    result.on_page(lang)
}

/// `POST /{lang}/office/offers/{reference}`: `action` = publish, withdraw,
/// fill or extend (with `valid_through`).
pub async fn action(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    PathParams((_, reference)): PathParams<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let action = form.get("action");
    // Closing an offer takes it off every board at once: ask once more.
    if matches!(action.as_str(), "withdraw" | "fill") && form.get("confirm") != "yes" {
        let offer = editable_offer(&state, &user, &reference, &format!("offer.{action}")).await?;
        let title = msg(lang, &format!("confirm-{action}-title"));
        let ctx = context! {
            reference => offer.reference.to_string(),
            offer_title => offer.data.text(Lang::It).map(|t| t.title.clone()).unwrap_or_default(),
            action => action.clone(),
            question => msg(lang, &format!("confirm-{action}-text")),
            button => msg(lang, &format!("action-{action}")),
        };
        let path = format!("/office/offers/{}", offer.reference);
        return render("office/confirm.html", lang, &path, &title, Some(&user), ctx);
    }
    let date = NaiveDate::parse_from_str(form.get("valid_through").trim(), "%Y-%m-%d").ok();
    let offer = run_action(&state, &user, &reference, &action, date).await?;
    Ok(see_other(&format!("/{lang}/office/offers/{}", offer.reference)))
}

#[derive(Debug, Serialize)]
struct BulkResult {
    reference: String,
    done: bool,
    problem: Option<String>,
}

/// `POST /{lang}/office/offers/bulk`: one action on every ticked `ref`.
pub async fn bulk(
    State(state): State<AppState>,
    Locale(lang): Locale,
    user: Office,
    form: FormFields,
) -> Result<Response, AppError> {
    user.check_csrf(&form.get("csrf"))?;
    let action = form.get("action");
    if !matches!(action.as_str(), "publish" | "withdraw" | "fill") {
        return Err(AppError::bad_parameter("action", action).page(lang));
    }
    let references = form.all("ref");
    if references.is_empty() {
        let title = msg(lang, "bulk-title");
        let ctx = context! { nothing => true, results => Vec::<String>::new(), done => 0, action_id => format!("action-{action}") };
        let mut response = render("office/bulk.html", lang, "/office/offers", &title, Some(&user), ctx)?;
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(response);
    }
    let mut results = Vec::new();
    for reference in references {
        let outcome = run_action(&state, &user, &reference, &action, None).await;
        results.push(BulkResult {
            reference,
            done: outcome.is_ok(),
            problem: outcome.err().map(|e| e.message(lang)),
        });
    }
    let title = msg(lang, "bulk-title");
    let done = results.iter().filter(|r| r.done).count();
    let ctx = context! { results => minijinja::value::Serde(&results), done, action_id => format!("action-{action}") };
    render("office/bulk.html", lang, "/office/offers", &title, Some(&user), ctx)
}

/// The centres of `user` where offers may be created, with their sections.
pub fn creatable(user: &SignedIn) -> Vec<(CentreId, Vec<Section>)> {
    let access = user.access();
    user.centres
        .iter()
        .map(|c| (c.id, access.editable_sections(c.id)))
        .filter(|(_, s)| !s.is_empty())
        .collect()
}
