//! Back-office sessions. The cookie holds a random token; the database holds
//! its SHA-256 with the user, the stage of signing in and two clocks (idle
//! timeout 30 minutes, absolute 12 hours), so any node serves any user.
//! Every form carries a CSRF token: an HMAC of the session token (or, before
//! signing in, of a random form cookie) under a key derived from the
//! installation secret.

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Duration, Utc};
use sportello_auth::tokens::{hash_token, random_token};
use sportello_domain::accounts::sign_in::{ABSOLUTE_TIMEOUT, IDLE_TIMEOUT};
use sportello_domain::{Access, Actor, Centre, Lang, NewAuditEntry, User};
use sportello_storage::{SessionRecord, SessionStage};

use crate::AppState;
use crate::error::{AppError, Problem};

pub const SESSION_COOKIE: &str = "sportello_session";
pub const FORM_COOKIE: &str = "sportello_form";
/// A session's last-seen time is written at most this often.
const TOUCH_EVERY: Duration = Duration::seconds(60);

/// The value of cookie `name`, if sent.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, path `/`, Secure over HTTPS.
pub fn set_cookie(state: &AppState, name: &str, value: &str) -> HeaderValue {
    let secure = if state.secure_cookies() { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax{secure}"))
        .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// A `Set-Cookie` value that removes cookie `name`.
pub fn clear_cookie(state: &AppState, name: &str) -> HeaderValue {
    let secure = if state.secure_cookies() { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"))
        .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The client's network address: the connection's, or the last hop of
/// `X-Forwarded-For` behind a load balancer.
#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(client_address(parts, state)))
    }
}

pub(crate) fn client_address(parts: &Parts, state: &AppState) -> String {
    if state.behind_proxy
        && let Some(forwarded) = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    {
        return forwarded.to_string();
    }
    parts
        .extensions
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

fn page_lang(parts: &Parts) -> Lang {
    let first = parts.uri.path().trim_start_matches('/').split('/').next().unwrap_or("");
    Lang::parse(first).unwrap_or(Lang::It)
}

/// The sign-in page, coming back to this request's page afterwards.
fn to_sign_in(parts: &Parts, lang: Lang) -> Response {
    let next = parts.uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
    Redirect::to(&format!("/{lang}/office/sign-in?{query}")).into_response()
}

/// A local back-office address to go to after signing in, or the home.
pub fn safe_next(lang: Lang, next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with(&format!("/{lang}/office")) && !n.contains("//") && !n.contains('\\') => n.to_string(),
        Some(n) if Lang::ALL.iter().any(|l| n.starts_with(&format!("/{l}/office/"))) && !n.contains("//") => {
            n.to_string()
        }
        _ => format!("/{lang}/office/"),
    }
}

/// A stored session found from the request's cookie and still valid.
async fn current_session(parts: &Parts, state: &AppState) -> Result<Option<(String, SessionRecord)>, AppError> {
    let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    let hash = hash_token(&token);
    let Some(record) = state.storage.session(&hash).await? else {
        return Ok(None);
    };
    let now = Utc::now();
    if record.last_seen_at < now - IDLE_TIMEOUT || record.created_at < now - ABSOLUTE_TIMEOUT {
        state.storage.delete_session(&hash).await?;
        return Ok(None);
    }
    if record.last_seen_at < now - TOUCH_EVERY {
        state.storage.touch_session(&hash, now).await?;
    }
    Ok(Some((token, record)))
}

/// The active user of a session, or the way back to the sign-in page.
async fn active_user(
    state: &AppState,
    lang: Lang,
    record: &SessionRecord,
    back: impl FnOnce() -> Response,
) -> Result<User, Response> {
    let user = state
        .storage
        .user(record.user)
        .await
        .map_err(|e| AppError::from(e).page(lang).into_response())?
        .filter(|u| u.active);
    user.ok_or_else(back)
}

/// A signed-in user (password and, when enabled, second factor done),
/// whatever they still must do (change the password, set up a second
/// factor). Most pages want [`Office`] instead.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: User,
    /// The session token's hash: the session's key in the database.
    pub session: String,
    /// The CSRF token of this session's forms.
    pub csrf: String,
    pub centres: Vec<Centre>,
    pub address: String,
    /// The language of the page.
    pub lang: Lang,
}

impl SignedIn {
    pub fn access(&self) -> Access<'_> {
        Access::new(&self.user.grants, &self.centres)
    }

    pub fn actor(&self) -> Actor {
        Actor::user(&self.user, &self.address)
    }

    /// Refuses a form whose CSRF token is not this session's.
    pub fn check_csrf(&self, token: &str) -> Result<(), AppError> {
        if sportello_auth::tokens::constant_time_eq(token.as_bytes(), self.csrf.as_bytes()) {
            Ok(())
        } else {
            Err(AppError::new(Problem::FormExpired).page(self.lang))
        }
    }

    /// Refuses (and logs) anyone but an administrator.
    pub async fn admin_only(&self, state: &AppState, action: &str) -> Result<(), AppError> {
        if self.access().administers() {
            Ok(())
        } else {
            Err(self.deny(state, action, "installation", "").await)
        }
    }

    /// Logs a refused action and answers 403.
    pub async fn deny(&self, state: &AppState, action: &str, kind: &str, id: &str) -> AppError {
        let details = serde_json::json!({ "action": action }).to_string();
        let entry = NewAuditEntry::new("permission_denied", kind, id).details(details);
        if let Err(e) = state.storage.audit(&self.actor(), entry, Utc::now()).await {
            tracing::error!(error = %e, "could not log a permission denial");
        }
        AppError::new(Problem::Forbidden).page(self.lang)
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = page_lang(parts);
        let found = current_session(parts, state)
            .await
            .map_err(|e| e.page(lang).into_response())?;
        let Some((token, record)) = found.filter(|(_, r)| r.stage == SessionStage::Full) else {
            return Err(to_sign_in(parts, lang));
        };
        let user = active_user(state, lang, &record, || to_sign_in(parts, lang)).await?;
        let centres = state
            .storage
            .centres()
            .await
            .map_err(|e| AppError::from(e).page(lang).into_response())?;
        Ok(SignedIn {
            user,
            session: hash_token(&token),
            csrf: state.keys.sign("csrf", &token),
            centres,
            address: client_address(parts, state),
            lang,
        })
    }
}

/// A signed-in user who has nothing left to do before using the back
/// office: otherwise a redirect to the password change or to the set-up of
/// the second factor.
#[derive(Debug, Clone)]
pub struct Office(pub SignedIn);

impl std::ops::Deref for Office {
    type Target = SignedIn;
    fn deref(&self) -> &SignedIn {
        &self.0
    }
}

impl FromRequestParts<AppState> for Office {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let signed_in = SignedIn::from_request_parts(parts, state).await?;
        let lang = signed_in.lang;
        if signed_in.user.must_change_password {
            return Err(Redirect::to(&format!("/{lang}/office/password")).into_response());
        }
        if signed_in.user.must_enrol_second_factor() {
            return Err(Redirect::to(&format!("/{lang}/office/account/second-factor")).into_response());
        }
        Ok(Office(signed_in))
    }
}

/// A session waiting for its second factor.
#[derive(Debug, Clone)]
pub struct PendingSignIn {
    pub user: User,
    pub session: String,
    pub csrf: String,
    pub address: String,
}

impl FromRequestParts<AppState> for PendingSignIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = page_lang(parts);
        let found = current_session(parts, state)
            .await
            .map_err(|e| e.page(lang).into_response())?;
        let back = || Redirect::to(&format!("/{lang}/office/sign-in")).into_response();
        let Some((token, record)) = found.filter(|(_, r)| r.stage == SessionStage::SecondFactor) else {
            return Err(back());
        };
        let user = active_user(state, lang, &record, back).await?;
        Ok(PendingSignIn {
            user,
            session: hash_token(&token),
            csrf: state.keys.sign("csrf", &token),
            address: client_address(parts, state),
        })
    }
}

/// The CSRF token of a form shown before signing in (sign-in, public
/// forms), bound to a random cookie set on first sight.
#[derive(Debug, Clone)]
pub struct FormGuard {
    pub csrf: String,
    /// The cookie to set when the browser had none.
    pub new_cookie: Option<HeaderValue>,
    cookie: Option<String>,
    keys: std::sync::Arc<sportello_auth::Keys>,
}

impl FormGuard {
    /// Whether `token` was issued for this browser's form cookie.
    pub fn accepts(&self, token: &str) -> bool {
        self.cookie
            .as_deref()
            .is_some_and(|c| self.keys.verify("csrf", c, token))
    }

    /// Adds the form cookie, when new, to `response`.
    pub fn attach(&self, mut response: Response) -> Response {
        if let Some(value) = &self.new_cookie {
            response.headers_mut().append(header::SET_COOKIE, value.clone());
        }
        response
    }
}

impl FromRequestParts<AppState> for FormGuard {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let existing = cookie(&parts.headers, FORM_COOKIE);
        let (value, new_cookie) = match &existing {
            Some(v) => (v.clone(), None),
            None => {
                let v = random_token();
                let header = set_cookie(state, FORM_COOKIE, &v);
                (v, Some(header))
            }
        };
        Ok(FormGuard {
            csrf: state.keys.sign("csrf", &value),
            new_cookie,
            cookie: existing,
            keys: state.keys.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_addresses_stay_in_the_back_office() {
        assert_eq!(safe_next(Lang::It, Some("/it/office/offers")), "/it/office/offers");
        assert_eq!(
            safe_next(Lang::It, Some("/en/office/offers?x=1")),
            "/en/office/offers?x=1"
        );
        assert_eq!(safe_next(Lang::It, Some("https://evil.example/")), "/it/office/");
        assert_eq!(safe_next(Lang::It, Some("//evil.example/it/office")), "/it/office/");
        assert_eq!(safe_next(Lang::It, Some("/it/office//evil.example")), "/it/office/");
        assert_eq!(safe_next(Lang::De, None), "/de/office/");
    }

    #[test]
    fn reads_cookies_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; sportello_session=abc; b=2"),
        );
        assert_eq!(cookie(&headers, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&headers, FORM_COOKIE), None);
    }
}
