//! The back office under `/{lang}/office/…`, one folder per feature:
//! `accounts` (signing in, one's own account), `offers` (lists, the form,
//! translations, the printed board, posts), `appointments` (the agenda,
//! booking on someone's behalf, services and access rules), `employers`
//! (their requests), `newsletter` (news issues) and `admin` (users, centres,
//! the audit log). Every
//! page checks the user's grants on the server; every form carries a CSRF
//! token; nothing here is cached or indexed.

pub mod accounts;
pub mod admin;
pub mod appointments;
pub mod employers;
pub mod event_changes;
pub mod events;
pub mod figures;
pub mod home;
pub mod newsletter;
pub mod offers;
pub mod week;

use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use minijinja::{Value, context};
use sportello_domain::Lang;

use crate::error::AppError;
use crate::session::SignedIn;
use sportello_app::templates;
use sportello_app::view::layout::base_context;

/// Renders a back-office page. `path` is the address after the language
/// segment, for the language links; `user` fills the navigation.
pub fn render(
    template: &str,
    lang: Lang,
    path: &str,
    title: &str,
    user: Option<&SignedIn>,
    ctx: Value,
) -> Result<Response, AppError> {
    let nav = user.map(|u| {
        let access = u.access();
        context! {
            name => u.user.name.clone(),
            email => u.user.email.clone(),
            admin => access.administers(),
            offers => access.works_on_offers(),
            agenda => access.works_on_offers(),
            services => access.works_on_offers() || access.administers(),
            newsletter => !access.news_centres().is_empty(),
            figures => u.centres.iter().any(|c| access.can_count_bookings(c.id)),
            csrf => u.csrf.clone(),
        }
    });
    let ctx = minijinja::value::merge_maps([
        context! { office => true, nav, csrf => user.map(|u| u.csrf.clone()) },
        ctx,
        base_context(lang, Some(path), title),
    ]);
    let html = templates::render(template, ctx).map_err(|e| AppError::from(e).page(lang))?;
    Ok(no_store(Html(html).into_response()))
}

/// Back-office answers are private: never stored by caches.
pub fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
        .headers_mut()
        .insert("x-robots-tag", HeaderValue::from_static("noindex, nofollow"));
    response
}

/// The name of an audit-log action (`offer.publish`) in `lang`, or the
/// code itself for an action without a name yet.
pub fn action_label(lang: Lang, code: &str) -> String {
    let id = format!("audit-{}", code.replace(['.', '_'], "-"));
    if sportello_app::i18n::has_message(lang, &id) {
        sportello_app::i18n::msg(lang, &id)
    } else {
        code.to_string()
    }
}

/// Runs Argon2id work (checking or hashing a password) off the async
/// workers, within the node's cap on such work at once (503 beyond it).
pub async fn argon2<T: Send + 'static>(
    state: &crate::AppState,
    lang: Lang,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    state.hashing.run(lang, work).await
}

/// A `303 See Other` to `location` (after a form was handled).
pub fn see_other(location: &str) -> Response {
    no_store(axum::response::Redirect::to(location).into_response())
}
