//! The back office's first page: what needs doing in the user's centres
//! (drafts, offers expiring within three days, translations missing).

use axum::extract::State;
use axum::response::Response;
use chrono::Days;
use minijinja::context;
use sportello_domain::OfferStatus;
use sportello_domain::time::today_in_rome;
use sportello_storage::OfficeFilter;

use super::offers::list::rows;
use super::render;
use crate::AppState;
use crate::error::{AnswerAs, AppError};
use crate::extract::Locale;
use crate::session::Office;
use sportello_app::i18n::msg;

/// Days ahead of the "expiring soon" list.
pub const EXPIRING_DAYS: u64 = 3;

/// `GET /{lang}/office/`.
pub async fn home(State(state): State<AppState>, Locale(lang): Locale, user: Office) -> Result<Response, AppError> {
    let access = user.access();
    let allowed = access.readable();
    let today = today_in_rome();
    let base = OfficeFilter {
        allowed: allowed.clone(),
        limit: 20,
        ..OfficeFilter::default()
    };
    let expiring = state
        .storage
        .office_offers(&OfficeFilter {
            expiring_by: today.checked_add_days(Days::new(EXPIRING_DAYS)),
            ..base.clone()
        })
        .await
        .on_page(lang)?;
    let drafts = state
        .storage
        .office_offers(&OfficeFilter {
            status: Some(OfferStatus::Draft),
            ..base.clone()
        })
        .await
        .on_page(lang)?;
    let translations = state
        .storage
        .translation_queue(&allowed, None, today, 500)
        .await
        .on_page(lang)?
        .len();
    let editable = access.editable();
    let requests = state
        .storage
        .employer_requests(&editable, Some(sportello_domain::RequestStatus::Received), 500)
        .await
        .on_page(lang)?
        .len();
    let title = msg(lang, "office-home-title");
    let ctx = context! {
        works_on_offers => access.works_on_offers(),
        admin => access.administers(),
        expiring => minijinja::value::Serde(rows(lang, &expiring.items, &user.centres)),
        expiring_total => expiring.total,
        drafts => minijinja::value::Serde(rows(lang, &drafts.items, &user.centres)),
        drafts_total => drafts.total,
        translations,
        requests,
        days => EXPIRING_DAYS,
    };
    render("office/home.html", lang, "/office/", &title, Some(&user), ctx)
}
