//! The SMS gateway's calls to Sportello, and the short links texts carry.
//!
//! - `GET /sms/inbound?secret=…&from=%p&text=%a` — a text someone sent to our
//!   number, passed on by Kannel's `sms-service` (`get-url`). STOP opts the
//!   number out, START takes it back (see `sportello_app::sms::inbound`);
//!   the confirmation goes through the outbox, so the answer's body is empty
//!   (with Kannel's `omit-empty`, no reply is sent from it). A missing or
//!   wrong secret gets 403, and no secret configured refuses every call.
//! - `GET /sms/dlr?token=…&type=%d&detail=%A` — a delivery report, asked for
//!   by each message's `dlr-url` (the token is the message's own, random
//!   and unguessable): stored on the message; 404 for an unknown token.
//! - `GET /b/{reference}/{token}` — a text's short link: to the booking's
//!   page, in the language of the booking, with its full token.
//!
//! Answers are plain text for the gateway; none of these is a page.

use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use sportello_app::appointments::{manage_token, short_token_is_valid};
use sportello_app::sms::inbound::{self, InboundError};
use sportello_domain::BookingRef;

use crate::AppState;
use crate::extract::PathParams;

/// The query's fields, the last of each name winning.
fn field(query: &[(String, String)], name: &str) -> Option<String> {
    query.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone())
}

/// The query's pairs; `None` when it cannot be read.
fn parse(query: Option<String>) -> Option<Vec<(String, String)>> {
    serde_urlencoded::from_str(query.as_deref().unwrap_or_default()).ok()
}

fn answer(status: StatusCode, text: &'static str) -> Response {
    (status, [(axum::http::header::CACHE_CONTROL, "no-store")], text).into_response()
}

/// `GET /sms/inbound`: a text sent to our number.
#[tracing::instrument(skip_all)]
pub async fn inbound(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let Some(query) = parse(query) else {
        return answer(StatusCode::BAD_REQUEST, "the query cannot be read\n");
    };
    if !inbound::secret_matches(&state, &field(&query, "secret").unwrap_or_default()) {
        tracing::warn!("incoming text refused: wrong or missing secret");
        return answer(StatusCode::FORBIDDEN, "wrong or missing secret\n");
    }
    let (Some(from), Some(text)) = (field(&query, "from"), field(&query, "text")) else {
        return answer(StatusCode::BAD_REQUEST, "from and text are needed\n");
    };
    match inbound::receive(&state, &from, &text, Utc::now()).await {
        Ok(_) => answer(StatusCode::OK, ""),
        Err(InboundError::BadSender(_)) => answer(StatusCode::BAD_REQUEST, "the sender is not a phone number\n"),
        Err(InboundError::Storage(e)) => {
            tracing::error!(error = %e, "incoming text not stored");
            answer(StatusCode::SERVICE_UNAVAILABLE, "try again later\n")
        }
    }
}

/// `GET /sms/dlr`: a delivery report.
#[tracing::instrument(skip_all)]
pub async fn delivery_report(State(state): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let Some(query) = parse(query) else {
        return answer(StatusCode::BAD_REQUEST, "the query cannot be read\n");
    };
    let token = field(&query, "token").unwrap_or_default();
    if token.is_empty() || token.len() > 64 {
        return answer(StatusCode::NOT_FOUND, "no such message\n");
    }
    let Some(delivery) = field(&query, "type")
        .and_then(|t| t.trim().parse().ok())
        .and_then(inbound::kannel_delivery)
    else {
        return answer(StatusCode::BAD_REQUEST, "type must be 1, 2, 4, 8 or 16\n");
    };
    let detail = field(&query, "detail").map(|d| d.chars().take(500).collect::<String>());
    match state
        .storage
        .sms_delivery(
            &token,
            delivery,
            detail.as_deref().filter(|d| !d.is_empty()),
            Utc::now(),
        )
        .await
    {
        Ok(true) => answer(StatusCode::OK, "ok\n"),
        Ok(false) => answer(StatusCode::NOT_FOUND, "no such message\n"),
        Err(e) => {
            tracing::error!(error = %e, "delivery report not stored");
            answer(StatusCode::SERVICE_UNAVAILABLE, "try again later\n")
        }
    }
}

/// `GET /b/{reference}/{token}`: a text's short link, to the booking's page.
#[tracing::instrument(skip_all)]
pub async fn short_link(
    State(state): State<AppState>,
    PathParams((reference, token)): PathParams<(String, String)>,
) -> Response {
    let booking = match BookingRef::parse(&reference) {
        Some(reference) => state.storage.booking(&reference).await,
        None => Ok(None),
    };
    match booking {
        Ok(Some(b)) if short_token_is_valid(&state, &b, &token) => {
            let token = manage_token(&state, &b.reference, b.start);
            let lang = b.person.lang;
            Redirect::to(&format!("/{lang}/appointments/booking/{}?t={token}", b.reference)).into_response()
        }
        // A wrong token, an unknown reference and a moved booking's old
        // link get the booking pages' own refusal.
        Ok(_) => Redirect::to(&format!(
            "/{}/appointments/booking/{reference}?t=-",
            sportello_domain::Lang::It
        ))
        .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "short link not followed");
            answer(StatusCode::SERVICE_UNAVAILABLE, "try again later\n")
        }
    }
}
