//! Every route of the application, in one place, and the tables of the
//! routes that change something ([`writing_routes`], which the CSRF test
//! walks) and of those that answer GET ([`reading_routes`], which the test
//! of the second factor's set-up walks): `get`, `post` and `put` here are
//! the router's own, recording the methods as they register the handlers.

use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::http::Method;
use axum::http::{HeaderValue, header};
use axum::routing::MethodRouter;
use axum::{Extension, Router, middleware};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::RequestBodyDeadlineLayer;

use crate::error::{AppError, Problem};
use crate::extract::Preferred;
use crate::pages::{appointments, office};
use crate::server_limits::{self as limits, BodyLimit, NEWSLETTER_BODY, SMALL_BODY, TEXT_BODY};
use crate::{AppState, api, feeds, pages, probes, sitemaps};

/// Content Security Policy of every answer: no scripts, nothing from elsewhere.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; \
                   base-uri 'none'; frame-ancestors 'none'";

/// HTTP Strict Transport Security, sent when the public address is HTTPS.
const HSTS: &str = "max-age=31536000; includeSubDomains";

/// The body limit of a route that takes more than [`SMALL_BODY`].
fn body_limit(bytes: usize) -> Extension<BodyLimit> {
    Extension(BodyLimit(bytes))
}

/// The application's router over `state`, under its limits: every request
/// is answered within `request_timeout` (503) and its body read within
/// `body_timeout` (408); beyond `max_in_flight` requests, 503. Bodies are
/// limited per route (413): [`SMALL_BODY`] unless the route says more.
pub fn router(state: AppState) -> Router {
    let limits = state.server.clone();
    let hsts = state.public_url.is_https();
    let logged = state.clone();
    let router = routes()
        .router
        .fallback(not_found)
        .with_state(state)
        // For axum's own body extractors (ours read `BodyLimit`).
        .layer(DefaultBodyLimit::max(SMALL_BODY))
        .layer(RequestBodyDeadlineLayer::new(limits.body_timeout))
        .layer(middleware::from_fn_with_state(
            limits.request_timeout,
            limits::time_limit,
        ))
        .layer(middleware::from_fn_with_state(
            Arc::new(tokio::sync::Semaphore::new(limits.max_in_flight)),
            limits::in_flight,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ));
    let router = if hsts {
        router.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        ))
    } else {
        router
    };
    router
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(logged, crate::access_log::access_log))
}

/// A route's handlers: whether it answers GET, and the methods among them
/// that change something.
struct Methods {
    router: MethodRouter<AppState>,
    reads: bool,
    writes: Vec<Method>,
}

fn get<H: Handler<T, AppState>, T: 'static>(handler: H) -> Methods {
    Methods {
        router: axum::routing::get(handler),
        reads: true,
        writes: Vec::new(),
    }
}

fn post<H: Handler<T, AppState>, T: 'static>(handler: H) -> Methods {
    Methods {
        router: axum::routing::post(handler),
        reads: false,
        writes: vec![Method::POST],
    }
}

impl Methods {
    fn post<H: Handler<T, AppState>, T: 'static>(mut self, handler: H) -> Methods {
        self.router = self.router.post(handler);
        self.writes.push(Method::POST);
        self
    }

    fn put<H: Handler<T, AppState>, T: 'static>(mut self, handler: H) -> Methods {
        self.router = self.router.put(handler);
        self.writes.push(Method::PUT);
        self
    }

    /// The route's body limit, when larger than [`SMALL_BODY`].
    fn layer(mut self, limit: Extension<BodyLimit>) -> Methods {
        self.router = self.router.layer(limit);
        self
    }
}

/// The routes as they are registered: the router, its reading routes and
/// its writing routes.
struct Routes {
    router: Router<AppState>,
    reads: Vec<&'static str>,
    writes: Vec<(Method, &'static str)>,
}

impl Routes {
    fn route(mut self, path: &'static str, methods: Methods) -> Routes {
        if methods.reads {
            self.reads.push(path);
        }
        self.writes.extend(methods.writes.into_iter().map(|m| (m, path)));
        self.router = self.router.route(path, methods.router);
        self
    }
}

/// Every route that changes something: its method and path pattern (what
/// the CSRF test walks).
pub fn writing_routes() -> Vec<(Method, &'static str)> {
    routes().writes
}

/// Every route that answers GET: its path pattern (what the test of the
/// second factor's set-up walks).
pub fn reading_routes() -> Vec<&'static str> {
    routes().reads
}

/// Every route, with the body limits of those that take more than
/// [`SMALL_BODY`].
fn routes() -> Routes {
    Routes {
        router: Router::new(),
        reads: Vec::new(),
        writes: Vec::new(),
    }
    .route("/", get(pages::redirect::root))
    .route("/healthz", get(probes::healthz))
    .route("/readyz", get(probes::readyz))
    .route("/static/style.css", get(probes::stylesheet))
    .route("/static/picker.js", get(probes::picker_script))
    .route("/o/{reference}", get(pages::redirect::short_offer))
    // For crawlers and feed readers.
    .route("/robots.txt", get(sitemaps::robots))
    .route("/sitemap.xml", get(sitemaps::sitemap_xml))
    .route("/sitemaps/{file}", get(sitemaps::sitemap_file))
    .route("/api/openapi.json", get(api::openapi))
    .route("/api/v1/centres", get(api::centres::list_centres))
    .route(
        "/api/v1/offers",
        get(api::offers::list_offers)
            .post(api::operator::create)
            .layer(body_limit(TEXT_BODY)),
    )
    .route(
        "/api/v1/offers/{reference}",
        get(api::offers::get_offer)
            .put(api::operator::update)
            .layer(body_limit(TEXT_BODY)),
    )
    .route("/api/v1/offers/{reference}/{action}", post(api::operator::lifecycle))
    // Appointments API: the same rules as the booking pages.
    .route("/api/v1/centres/{slug}/services", get(api::appointments::services))
    .route("/api/v1/services/{id}/slots", get(api::appointments::slots))
    .route("/api/v1/bookings", post(api::appointments::book))
    .route("/api/v1/bookings/{reference}", get(api::appointments::get_booking))
    .route(
        "/api/v1/bookings/{reference}/move",
        post(api::appointments::move_booking),
    )
    .route("/api/v1/bookings/{reference}/cancel", post(api::appointments::cancel))
    // Group meetings API: the same rules as the event pages.
    .route("/api/v1/events", get(api::events::list_events))
    .route("/api/v1/events/{id}", get(api::events::get_event))
    .route("/api/v1/events/{id}/registrations", post(api::events::register))
    .route("/api/v1/registrations/{reference}", get(api::events::get_registration))
    .route("/api/v1/outreach-points", get(api::outreach::list_points))
    .route("/api/v1/outreach-points/{slug}", get(api::outreach::get_point))
    .route(
        "/api/v1/registrations/{reference}/cancel",
        post(api::events::cancel_registration),
    )
    .route("/{lang}", get(pages::redirect::lang_home))
    .route("/{lang}/", get(pages::home::home))
    .route("/{lang}/centres/{slug}", get(pages::board::board))
    .route("/{lang}/centres/{slug}/{file}", get(feeds::centre))
    .route("/{lang}/feeds/{file}", get(feeds::network))
    .route("/{lang}/feeds/sections/{file}", get(feeds::section))
    .route("/{lang}/offers/{reference}", get(pages::offers::offer))
    .route("/{lang}/offers/{reference}/card.png", get(pages::offers::card::card))
    .route(
        "/{lang}/offers/{reference}/poster.pdf",
        get(pages::offers::poster::poster),
    )
    .route("/{lang}/search", get(pages::search::search))
    .route("/{lang}/accessibility", get(pages::info::accessibility))
    .route("/{lang}/privacy", get(pages::info::privacy))
    .route("/{lang}/reports", get(pages::reports::list))
    .route("/{lang}/reports/{area}/{week}", get(pages::reports::show))
    .route("/{lang}/reports/{area}/{week}/card.png", get(pages::reports::card))
    .route("/{lang}/reports/{area}/{week}/post.txt", get(pages::reports::post))
    .route("/{lang}/reports/{area}/{week}/report.pdf", get(pages::reports::pdf))
    .route("/{lang}/demo/mailbox", get(pages::mailbox::mailbox))
    .route("/{lang}/demo/mailbox/{id}/{n}", get(pages::mailbox::attachment))
    .route("/{lang}/employers", get(pages::employers::employers))
    .route(
        "/{lang}/employers/request",
        get(pages::employers::request_form)
            .post(pages::employers::request_submit)
            .layer(body_limit(TEXT_BODY)),
    )
    .route(
        "/{lang}/employers/requests/{token}",
        get(pages::employers::request_status),
    )
    // The newsletter: double opt-in, one-click unsubscribe (RFC 8058).
    .route(
        "/{lang}/newsletter",
        get(pages::newsletter::form).post(pages::newsletter::submit),
    )
    .route(
        "/{lang}/newsletter/confirm/{token}",
        get(pages::newsletter::confirm_page).post(pages::newsletter::confirm),
    )
    .route(
        "/{lang}/newsletter/unsubscribe/{token}",
        get(pages::newsletter::unsubscribe_page).post(pages::newsletter::unsubscribe),
    )
    // Citizen accounts: sign-up, one-time links and codes, sign-in, My page.
    .route(
        "/{lang}/account/sign-up",
        get(pages::account::sign_up::form).post(pages::account::sign_up::submit),
    )
    .route(
        "/{lang}/account/sign-in",
        get(pages::account::sign_in::form).post(pages::account::sign_in::submit),
    )
    .route(
        "/{lang}/account/sign-in/once",
        get(pages::account::sign_in::once_form).post(pages::account::sign_in::once_submit),
    )
    .route(
        "/{lang}/account/reset",
        get(pages::account::sign_in::once_form).post(pages::account::sign_in::once_submit),
    )
    .route(
        "/{lang}/account/sign-in/second-factor",
        get(pages::account::sign_in::second_factor_form).post(pages::account::sign_in::second_factor_submit),
    )
    .route("/{lang}/account/sign-out", post(pages::account::sign_in::sign_out))
    .route(
        "/{lang}/account/link/{token}",
        get(pages::account::challenge::link_page).post(pages::account::challenge::link_submit),
    )
    .route(
        "/{lang}/account/code/{token}",
        get(pages::account::challenge::code_page).post(pages::account::challenge::code_submit),
    )
    .route("/{lang}/account", get(pages::account::my_page::show))
    .route("/{lang}/account/settings", get(pages::account::settings::show))
    .route(
        "/{lang}/account/cv",
        get(pages::account::cv::show)
            .post(pages::account::cv::save)
            .layer(body_limit(TEXT_BODY)),
    )
    .route("/{lang}/account/cv/consents", post(pages::account::cv::consents))
    .route("/{lang}/account/cv.pdf", get(pages::account::cv::pdf))
    .route("/{lang}/account/cv.json", get(pages::account::cv::json))
    .route("/{lang}/account/data", get(pages::account::data::show))
    .route("/{lang}/account/data.json", get(pages::account::data::json))
    .route("/{lang}/account/data.pdf", get(pages::account::data::pdf))
    .route("/{lang}/account/delete", post(pages::account::data::delete))
    .route(
        "/{lang}/account/settings/profile",
        post(pages::account::settings::profile),
    )
    .route(
        "/{lang}/account/settings/contact",
        post(pages::account::settings::contact),
    )
    .route(
        "/{lang}/account/settings/password",
        post(pages::account::settings::password),
    )
    .route(
        "/{lang}/account/settings/second-factor",
        get(pages::account::second_factor::show).post(pages::account::second_factor::submit),
    )
    // The SMS gateway's calls, and the short links of texts.
    .route("/sms/inbound", get(crate::sms_gateway::inbound))
    .route("/sms/dlr", get(crate::sms_gateway::delivery_report))
    .route("/b/{reference}/{token}", get(crate::sms_gateway::short_link))
    // Group meetings: registration without an account.
    .route("/r/{reference}/{token}", get(pages::events::registration::short_link))
    .route("/e/{id}", get(pages::redirect::short_event))
    .route("/p/{slug}", get(pages::redirect::short_point))
    .route("/{lang}/outreach/{slug}", get(pages::outreach::point))
    .route("/{lang}/outreach/{slug}/stops.ics", get(pages::outreach::calendar))
    .route("/{lang}/outreach/{slug}/poster.pdf", get(pages::outreach::poster))
    .route("/{lang}/events", get(pages::events::list))
    .route("/{lang}/events/{id}/poster.pdf", get(pages::events::poster::poster))
    .route(
        "/{lang}/events/{id}",
        get(pages::events::register::page).post(pages::events::register::submit),
    )
    .route(
        "/{lang}/events/registration/{reference}",
        get(pages::events::registration::page),
    )
    .route(
        "/{lang}/events/registration/{reference}/calendar/{session}",
        get(pages::events::registration::calendar),
    )
    .route(
        "/{lang}/events/registration/{reference}/confirm",
        post(pages::events::registration::confirm),
    )
    .route(
        "/{lang}/events/registration/{reference}/cancel",
        post(pages::events::registration::cancel),
    )
    // Appointments: booking without an account.
    .route("/{lang}/appointments", get(appointments::choose::centres))
    .route(
        "/{lang}/appointments/booking/{reference}",
        get(appointments::manage::page),
    )
    .route(
        "/{lang}/appointments/booking/{reference}/calendar.ics",
        get(appointments::manage::calendar),
    )
    .route(
        "/{lang}/appointments/booking/{reference}/cancel",
        get(appointments::manage::cancel_form).post(appointments::manage::cancel),
    )
    .route(
        "/{lang}/appointments/booking/{reference}/no-texts",
        post(appointments::manage::no_texts),
    )
    .route(
        "/{lang}/appointments/booking/{reference}/move",
        get(appointments::manage::move_form).post(appointments::manage::move_submit),
    )
    .route("/{lang}/appointments/{centre}", get(appointments::choose::centre))
    .route(
        "/{lang}/appointments/{centre}/{service}",
        get(appointments::choose::service),
    )
    .route(
        "/{lang}/appointments/{centre}/{service}/book",
        get(appointments::book::form).post(appointments::book::submit),
    )
    // The back office.
    .route("/{lang}/office/", get(office::home::home))
    .route(
        "/{lang}/office/sign-in",
        get(office::accounts::sign_in::form).post(office::accounts::sign_in::submit),
    )
    .route(
        "/{lang}/office/sign-in/second-factor",
        get(office::accounts::sign_in::second_factor_form).post(office::accounts::sign_in::second_factor_submit),
    )
    .route("/{lang}/office/sign-out", post(office::accounts::sign_in::sign_out))
    .route(
        "/{lang}/office/password",
        get(office::accounts::sign_in::password_form).post(office::accounts::sign_in::password_submit),
    )
    .route("/{lang}/office/account", get(office::accounts::account::page))
    .route("/{lang}/office/account/tokens", post(office::accounts::account::tokens))
    .route(
        "/{lang}/office/account/second-factor",
        get(office::accounts::account::second_factor).post(office::accounts::account::second_factor_submit),
    )
    .route("/{lang}/office/offers", get(office::offers::list::list))
    .route("/{lang}/office/posts", get(office::offers::posts::posts))
    .route("/{lang}/office/print", get(office::offers::print::print))
    .route("/{lang}/office/offers/bulk", post(office::offers::list::bulk))
    .route(
        "/{lang}/office/offers/new",
        get(office::offers::form::new_form)
            .post(office::offers::form::create)
            .layer(body_limit(TEXT_BODY)),
    )
    .route(
        "/{lang}/office/offers/{reference}",
        get(office::offers::list::detail).post(office::offers::list::action),
    )
    .route(
        "/{lang}/office/offers/{reference}/edit",
        get(office::offers::form::edit_form)
            .post(office::offers::form::update)
            .layer(body_limit(TEXT_BODY)),
    )
    .route("/{lang}/office/requests", get(office::employers::list))
    .route("/{lang}/office/requests/{id}/decline", post(office::employers::decline))
    .route(
        "/{lang}/office/newsletter",
        get(office::newsletter::list)
            .post(office::newsletter::create)
            .layer(body_limit(NEWSLETTER_BODY)),
    )
    .route("/{lang}/office/newsletter/{id}", get(office::newsletter::preview))
    .route("/{lang}/office/newsletter/{id}/send", post(office::newsletter::send))
    .route("/{lang}/office/translations", get(office::offers::translations::queue))
    .route(
        "/{lang}/office/translations/machine",
        post(office::offers::translations::machine_batch),
    )
    .route(
        "/{lang}/office/translations/{reference}/{target}",
        get(office::offers::translations::editor)
            .post(office::offers::translations::save)
            .layer(body_limit(TEXT_BODY)),
    )
    // Appointments in the back office: the day's agenda and the services catalogue.
    .route("/{lang}/office/agenda", get(office::appointments::agenda::day))
    .route(
        "/{lang}/office/agenda/new",
        get(office::appointments::booking::steps).post(office::appointments::booking::book),
    )
    .route(
        "/{lang}/office/agenda/{reference}",
        get(office::appointments::agenda::booking).post(office::appointments::agenda::action),
    )
    .route(
        "/{lang}/office/agenda/{reference}/move",
        get(office::appointments::move_booking::form).post(office::appointments::move_booking::submit),
    )
    .route("/{lang}/office/services", get(office::appointments::services::list))
    .route("/{lang}/office/outreach", get(office::appointments::outreach::list))
    .route(
        "/{lang}/office/outreach/towns",
        get(office::appointments::towns::list).post(office::appointments::towns::save),
    )
    .route("/{lang}/office/events", get(office::events::list))
    .route("/{lang}/office/week", get(office::week::page))
    .route(
        "/{lang}/office/closures",
        get(office::appointments::closures::list).post(office::appointments::closures::add),
    )
    .route(
        "/{lang}/office/closures/{id}/remove",
        post(office::appointments::closures::remove),
    )
    .route(
        "/{lang}/office/events/{event}/sessions/{session}",
        get(office::events::session),
    )
    .route(
        "/{lang}/office/events/{event}/sessions/{session}/attendance",
        post(office::events::attendance),
    )
    .route(
        "/{lang}/office/events/{event}/sessions/{session}/move",
        post(office::event_changes::move_session),
    )
    .route(
        "/{lang}/office/events/{event}/sessions/{session}/cancel",
        post(office::event_changes::cancel_session),
    )
    .route(
        "/{lang}/office/events/{event}/sessions/{session}/message",
        post(office::event_changes::message_session),
    )
    .route("/{lang}/office/figures", get(office::figures::page))
    .route("/{lang}/office/figures.csv", get(office::figures::csv))
    .route(
        "/{lang}/office/outreach/{point}/stops",
        post(office::appointments::outreach::add_stop),
    )
    .route(
        "/{lang}/office/outreach/stops/{stop}/cancel",
        post(office::appointments::outreach::cancel_stop),
    )
    .route(
        "/{lang}/office/services/new",
        get(office::appointments::services::new_form).post(office::appointments::services::create),
    )
    .route(
        "/{lang}/office/services/rules",
        get(office::appointments::rules::form)
            .post(office::appointments::rules::save)
            .layer(body_limit(TEXT_BODY)),
    )
    .route(
        "/{lang}/office/services/{id}",
        get(office::appointments::services::edit_form).post(office::appointments::services::update),
    )
    .route(
        "/{lang}/office/admin/users",
        get(office::admin::users::users).post(office::admin::users::create),
    )
    .route("/{lang}/office/admin/users/{id}", post(office::admin::users::change))
    .route(
        "/{lang}/office/admin/users/proposals/{id}",
        post(office::admin::mirato_grants::decide),
    )
    .route("/{lang}/office/admin/centres", get(office::admin::centres::list))
    .route(
        "/{lang}/office/admin/centres/new",
        get(office::admin::centres::new_form).post(office::admin::centres::create),
    )
    .route(
        "/{lang}/office/admin/centres/{slug}",
        get(office::admin::centres::edit_form).post(office::admin::centres::update),
    )
    .route(
        "/{lang}/office/admin/sections",
        get(office::admin::centres::sections).post(office::admin::centres::set_section),
    )
    .route("/{lang}/office/admin/audit", get(office::admin::audit::list))
    .route("/{lang}/office/admin/audit.csv", get(office::admin::audit::csv))
}

/// Any other address: a "not found" page in the address's language when it
/// has one, otherwise in the reader's; problem+json under `/api/`.
async fn not_found(uri: axum::http::Uri, Preferred(preferred): Preferred) -> AppError {
    if uri.path().starts_with("/api/") {
        return AppError::not_found().api(preferred);
    }
    let first = uri.path().trim_start_matches('/').split('/').next().unwrap_or("");
    match sportello_domain::Lang::parse(first) {
        Some(lang) => AppError::not_found().page(lang),
        None => AppError::new(Problem::UnknownLanguage).page(preferred),
    }
}
