//! The signed links that let a citizen without an account manage their
//! booking: an HMAC of the booking's reference and start, under a key
//! derived from the installation secret. A move changes the start, so the
//! link from before a move stops working; a link works until
//! [`LINK_GRACE`] after the appointment's end. Text messages carry a short
//! form of the same link (`/b/{reference}/{token}`, a shorter tag under its
//! own key), which leads to the booking's page.

use chrono::{DateTime, Duration, Utc};
use sportello_domain::{Booking, BookingRef, Lang};

use crate::App;

/// How long after the appointment's end its link still opens the booking.
pub const LINK_GRACE: Duration = Duration::days(7);

/// What a link signs: the reference and the start as it then was.
fn signed(reference: &BookingRef, start: DateTime<Utc>) -> String {
    format!("{}:{}", reference.as_str(), start.timestamp())
}

/// The token of a booking's manage link, for the booking starting at `start`.
pub fn manage_token(app: &App, reference: &BookingRef, start: DateTime<Utc>) -> String {
    app.keys.sign("booking-link", &signed(reference, start))
}

/// Whether `token` is the manage token of `booking` as it is now.
pub fn token_is_valid(app: &App, booking: &Booking, token: &str) -> bool {
    app.keys
        .verify("booking-link", &signed(&booking.reference, booking.start), token)
}

/// Whether `booking`'s link no longer opens it ([`LINK_GRACE`] after its end).
pub fn link_expired(booking: &Booking, now: DateTime<Utc>) -> bool {
    booking.end + LINK_GRACE < now
}

/// The absolute address of a booking's page, with its token.
pub fn manage_url(app: &App, lang: Lang, reference: &BookingRef, start: DateTime<Utc>) -> String {
    app.public_url.join(&manage_path(app, lang, reference, start))
}

/// The site-relative address of a booking's page, with its token.
pub fn manage_path(app: &App, lang: Lang, reference: &BookingRef, start: DateTime<Utc>) -> String {
    format!(
        "/{}/appointments/booking/{}?t={}",
        lang.code(),
        reference,
        manage_token(app, reference, start)
    )
}

/// Characters of the short link's tag: 96 bits of the HMAC.
const SHORT_TAG: usize = 16;

/// The tag of a booking's short link, for the booking starting at `start`.
pub fn short_token(app: &App, reference: &BookingRef, start: DateTime<Utc>) -> String {
    let mut tag = app.keys.sign("booking-short-link", &signed(reference, start));
    tag.truncate(SHORT_TAG);
    tag
}

/// Whether `token` is the short-link tag of `booking` as it is now
/// (compared in constant time).
pub fn short_token_is_valid(app: &App, booking: &Booking, token: &str) -> bool {
    let expected = short_token(app, &booking.reference, booking.start);
    sportello_auth::constant_time_eq(expected.as_bytes(), token.as_bytes())
}

/// The short absolute address that leads to a booking's page, for texts.
pub fn short_url(app: &App, reference: &BookingRef, start: DateTime<Utc>) -> String {
    app.public_url
        .join(&format!("/b/{}/{}", reference, short_token(app, reference, start)))
}
