//! The signed links that let a citizen without an account manage their
//! booking: an HMAC of the booking's reference and start, under a key
//! derived from the installation secret. A move changes the start, so the
//! link from before a move stops working; a link works until
//! [`LINK_GRACE`] after the appointment's end.

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
    app.public_url.join(&format!(
        "/{}/appointments/booking/{}?t={}",
        lang.code(),
        reference,
        manage_token(app, reference, start)
    ))
}
