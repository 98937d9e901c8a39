//! Public pages, server-rendered, under `/{lang}/…`. Every page works without
//! JavaScript, names its language and links its translations (`hreflang`).

pub mod account;
pub mod appointments;
pub mod board;
pub mod employers;
pub mod events;
pub mod home;
pub mod info;
pub mod mailbox;
pub mod newsletter;
pub mod offers;
pub mod office;
pub mod outreach;
pub mod redirect;
pub mod reports;
pub mod search;

use axum::response::Html;
use minijinja::Value;
use sportello_app::templates;
use sportello_app::view::layout::page_context;
use sportello_domain::{Lang, PublicUrl};

use crate::error::AppError;

/// Renders a page whose translations live at `/{lang}{path}` (see
/// [`page_context`]).
pub fn render_page(
    template: &str,
    lang: Lang,
    path: &str,
    title: &str,
    public_url: &PublicUrl,
    ctx: Value,
) -> Result<Html<String>, AppError> {
    let ctx = page_context(lang, path, title, public_url, ctx);
    Ok(Html(
        templates::render(template, ctx).map_err(|e| AppError::from(e).page(lang))?,
    ))
}
