//! The signed links that let a citizen without an account manage their
//! booking: an HMAC of the booking's reference, under a key derived from the
//! installation secret.

use sportello_domain::{BookingRef, Lang};

use crate::App;

/// The token of a booking's manage link: an HMAC of its reference.
pub fn manage_token(app: &App, reference: &BookingRef) -> String {
    app.keys.sign("booking-link", reference.as_str())
}

/// Whether `token` is the manage token of `reference`.
pub fn token_is_valid(app: &App, reference: &BookingRef, token: &str) -> bool {
    app.keys.verify("booking-link", reference.as_str(), token)
}

/// The absolute address of a booking's page, with its token.
pub fn manage_url(app: &App, lang: Lang, reference: &BookingRef) -> String {
    app.public_url.join(&format!(
        "/{}/appointments/booking/{}?t={}",
        lang.code(),
        reference,
        manage_token(app, reference)
    ))
}
