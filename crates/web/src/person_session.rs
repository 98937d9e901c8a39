//! Citizens' sessions, kept apart from the back office's: their own cookie
//! and table, the same clocks (idle 30 minutes, absolute 12 hours) and the
//! same CSRF tokens (an HMAC of the session token under its own purpose).
//! [`Citizen`] is a signed-in person; pages that need one send everyone
//! else to the sign-in page and back.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Duration, Utc};
use sportello_auth::tokens::{hash_token, random_token};
use sportello_domain::accounts::sign_in::{ABSOLUTE_TIMEOUT, IDLE_TIMEOUT};
use sportello_domain::{Actor, Lang, PersonAccount};
use sportello_storage::{PersonSession, SessionStage, StorageError};

use crate::AppState;
use crate::error::{AppError, Problem};
use crate::session::{client_address, cookie, set_cookie};

pub const PERSON_COOKIE: &str = "sportello_person";
/// A session's last-seen time is written at most this often.
const TOUCH_EVERY: Duration = Duration::seconds(60);

fn page_lang(parts: &Parts) -> Lang {
    let first = parts.uri.path().trim_start_matches('/').split('/').next().unwrap_or("");
    Lang::parse(first).unwrap_or(Lang::It)
}

/// A local address of the citizen's pages to go to after signing in, or
/// "My page".
pub fn safe_next(lang: Lang, next: Option<&str>) -> String {
    match next {
        Some(n)
            if Lang::ALL.iter().any(|l| n.starts_with(&format!("/{l}/"))) && !n.contains("//") && !n.contains('\\') =>
        {
            n.to_string()
        }
        _ => format!("/{lang}/account"),
    }
}

/// Starts a session for `person` at `stage`, ending the browser's previous
/// one (the id changes at each step of signing in): the cookie to set.
pub async fn start(
    state: &AppState,
    headers: &HeaderMap,
    person: &PersonAccount,
    stage: SessionStage,
    address: &str,
) -> Result<HeaderValue, StorageError> {
    if let Some(old) = cookie(headers, PERSON_COOKIE) {
        state.storage.delete_person_session(&hash_token(&old)).await?;
    }
    let token = random_token();
    state
        .storage
        .create_person_session(&hash_token(&token), person.id, stage, address, Utc::now())
        .await?;
    Ok(set_cookie(state, PERSON_COOKIE, &token))
}

/// The stored session of the request's cookie, still valid, and its token.
pub async fn current(headers: &HeaderMap, state: &AppState) -> Result<Option<(String, PersonSession)>, StorageError> {
    let Some(token) = cookie(headers, PERSON_COOKIE) else {
        return Ok(None);
    };
    let hash = hash_token(&token);
    let Some(record) = state.storage.person_session(&hash).await? else {
        return Ok(None);
    };
    let now = Utc::now();
    if record.last_seen_at < now - IDLE_TIMEOUT || record.created_at < now - ABSOLUTE_TIMEOUT {
        state.storage.delete_person_session(&hash).await?;
        return Ok(None);
    }
    if record.last_seen_at < now - TOUCH_EVERY {
        state.storage.touch_person_session(&hash, now).await?;
    }
    Ok(Some((token, record)))
}

/// A person signed in to their account (second factor done, if on).
#[derive(Debug, Clone)]
pub struct Citizen {
    pub person: PersonAccount,
    /// The session token's hash: the session's key in the database.
    pub session: String,
    /// The CSRF token of this session's forms.
    pub csrf: String,
    pub address: String,
    /// The language of the page.
    pub lang: Lang,
}

impl Citizen {
    pub fn actor(&self) -> Actor {
        Actor::person(self.person.id, &self.address)
    }

    /// Refuses a form whose CSRF token is not this session's.
    pub fn check_csrf(&self, token: &str) -> Result<(), AppError> {
        if sportello_auth::tokens::constant_time_eq(token.as_bytes(), self.csrf.as_bytes()) {
            Ok(())
        } else {
            Err(AppError::new(Problem::FormExpired).page(self.lang))
        }
    }
}

/// The session of a request at `stage`, with its account; `None` when there
/// is none (or it is at another stage).
pub async fn signed_in(parts: &Parts, state: &AppState, stage: SessionStage) -> Result<Option<Citizen>, AppError> {
    let lang = page_lang(parts);
    let found = current(&parts.headers, state)
        .await
        .map_err(|e| AppError::from(e).page(lang))?;
    let Some((token, record)) = found.filter(|(_, r)| r.stage == stage) else {
        return Ok(None);
    };
    let person = state
        .storage
        .person(record.person)
        .await
        .map_err(|e| AppError::from(e).page(lang))?;
    Ok(person.map(|person| Citizen {
        person,
        session: hash_token(&token),
        csrf: state.keys.sign("person-csrf", &token),
        address: client_address(parts, state),
        lang,
    }))
}

impl FromRequestParts<AppState> for Citizen {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = page_lang(parts);
        match signed_in(parts, state, SessionStage::Full).await {
            Ok(Some(citizen)) => Ok(citizen),
            Ok(None) => {
                let next = parts.uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
                let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
                Err(Redirect::to(&format!("/{lang}/account/sign-in?{query}")).into_response())
            }
            Err(e) => Err(e.into_response()),
        }
    }
}

/// A person whose password was right and whose second factor is awaited.
#[derive(Debug, Clone)]
pub struct PendingCitizen(pub Citizen);

impl FromRequestParts<AppState> for PendingCitizen {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = page_lang(parts);
        match signed_in(parts, state, SessionStage::SecondFactor).await {
            Ok(Some(citizen)) => Ok(PendingCitizen(citizen)),
            Ok(None) => Err(Redirect::to(&format!("/{lang}/account/sign-in")).into_response()),
            Err(e) => Err(e.into_response()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_addresses_stay_on_the_site() {
        assert_eq!(
            safe_next(Lang::Fr, Some("/fr/account/settings")),
            "/fr/account/settings"
        );
        assert_eq!(safe_next(Lang::Fr, Some("/en/offers/ABC")), "/en/offers/ABC");
        assert_eq!(safe_next(Lang::Fr, Some("https://evil.example/")), "/fr/account");
        assert_eq!(safe_next(Lang::Fr, Some("//evil.example/fr/")), "/fr/account");
        assert_eq!(safe_next(Lang::Fr, Some("/fr/x\\y")), "/fr/account");
        assert_eq!(safe_next(Lang::De, None), "/de/account");
    }
}
