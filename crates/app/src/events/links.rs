//! The signed links that let a person without an account see, confirm and
//! cancel their registration: an HMAC of the registration's reference under
//! a key derived from the installation secret, in the e-mail (`/{lang}/events/
//! registration/{reference}?t=…`) and, shorter, in texts (`/r/{reference}/{tag}`).
//! A link opens the registration until [`LINK_GRACE`] after its last session.

use chrono::{DateTime, Duration, Utc};
use sportello_domain::{Event, Lang, RegistrationRef};

use crate::App;

/// How long after the last session its link still opens the registration.
pub const LINK_GRACE: Duration = Duration::days(7);

/// Characters of the short link's tag: 96 bits of the HMAC.
const SHORT_TAG: usize = 16;

/// The token of a registration's link.
pub fn token(app: &App, reference: &RegistrationRef) -> String {
    app.keys.sign("registration-link", reference.as_str())
}

/// Whether `token` is the link token (long, or the short link's tag) of
/// `reference`, compared in constant time.
pub fn token_is_valid(app: &App, reference: &RegistrationRef, token: &str) -> bool {
    if app.keys.verify("registration-link", reference.as_str(), token) {
        return true;
    }
    sportello_auth::constant_time_eq(short_token(app, reference).as_bytes(), token.as_bytes())
}

fn short_token(app: &App, reference: &RegistrationRef) -> String {
    let mut tag = app.keys.sign("registration-short-link", reference.as_str());
    tag.truncate(SHORT_TAG);
    tag
}

/// Whether the registration's link no longer opens it: [`LINK_GRACE`]
/// after the end of the event's last session.
pub fn link_expired(event: &Event, now: DateTime<Utc>) -> bool {
    event
        .sessions
        .iter()
        .map(|s| s.end)
        .max()
        .is_some_and(|end| end + LINK_GRACE < now)
}

/// The path of a registration's page, with its token.
pub fn manage_path(app: &App, lang: Lang, reference: &RegistrationRef) -> String {
    format!(
        "/{}/events/registration/{}?t={}",
        lang.code(),
        reference,
        token(app, reference)
    )
}

/// The absolute address of a registration's page, with its token.
pub fn manage_url(app: &App, lang: Lang, reference: &RegistrationRef) -> String {
    app.public_url.join(&manage_path(app, lang, reference))
}

/// The short absolute address that leads to a registration's page, for texts.
pub fn short_url(app: &App, reference: &RegistrationRef) -> String {
    app.public_url
        .join(&format!("/r/{}/{}", reference, short_token(app, reference)))
}
