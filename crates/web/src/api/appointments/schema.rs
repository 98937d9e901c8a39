//! What the appointments API reads and writes: the JSON of services,
//! slots and bookings, the query parameters and the request bodies, as the
//! OpenAPI document describes them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// A service of a centre, in the requested language.
#[derive(Serialize, ToSchema)]
pub struct ServiceJson {
    pub id: i64,
    /// `did`, `taking_in_charge`, `basic_guidance`, …
    #[schema(example = "basic_guidance")]
    pub kind: String,
    pub name: String,
    pub description: String,
    /// Language of the name and description: the requested one, or `it`.
    pub text_lang: String,
    pub duration_minutes: u32,
    /// `in_office`, `phone`, `video`.
    pub modalities: Vec<String>,
    /// People served at the same time.
    pub capacity: u32,
    /// How long before its start a slot can still be booked.
    pub min_notice_minutes: u32,
    /// The last bookable day is today (Europe/Rome) plus this many days.
    pub max_days_ahead: u32,
    /// This service's free slots in the API.
    pub slots_url: String,
}

/// The bookable services of a centre and its rules for visitors.
#[derive(Serialize, ToSchema)]
pub struct ServiceList {
    #[schema(example = "lecce")]
    pub centre: String,
    pub centre_name: String,
    /// Rules for visiting the centre (Markdown), in the requested language or Italian.
    pub access_rules: Option<String>,
    pub items: Vec<ServiceJson>,
}

/// Why a day has no slots.
#[derive(Serialize, ToSchema)]
pub struct ClosedJson {
    /// `weekday`, `holiday`, `patron`, `closure`, `past`, `too_far`.
    pub kind: String,
    /// The holiday's code, the patron saint's name or the closure's reason.
    pub detail: Option<String>,
    /// The reason in the requested language.
    pub message: String,
}

/// A free slot.
#[derive(Serialize, ToSchema)]
pub struct SlotJson {
    /// RFC 3339, Europe/Rome wall-clock time with its offset.
    #[schema(example = "2026-12-01T09:00:00+01:00")]
    pub start: String,
    #[schema(example = "2026-12-01T09:30:00+01:00")]
    pub end: String,
    /// Places still free.
    pub places: u32,
}

/// A slot proposed instead of a full one.
#[derive(Serialize, ToSchema)]
pub struct NextSlotJson {
    #[schema(example = "2026-12-01T09:30:00+01:00")]
    pub start: String,
    #[schema(example = "2026-12-01T10:00:00+01:00")]
    pub end: String,
}

/// One day: its free slots, or why it is closed.
#[derive(Serialize, ToSchema)]
pub struct DayJson {
    #[schema(value_type = String, format = Date)]
    pub date: NaiveDate,
    /// Whether the service can be booked that day (it may still be full).
    pub open: bool,
    pub closed: Option<ClosedJson>,
    pub slots: Vec<SlotJson>,
}

#[derive(Serialize, ToSchema)]
pub struct SlotList {
    pub service: i64,
    pub modality: Option<String>,
    pub days: Vec<DayJson>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangParams {
    /// Language of the answer: it, en, fr, de (default: `Accept-Language`).
    pub lang: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SlotsParams {
    /// First day, YYYY-MM-DD (default: today in Europe/Rome).
    pub from: Option<String>,
    /// Number of days, 1 to 31 (default 7).
    pub days: Option<String>,
    /// Only check that the service offers it: `in_office`, `phone`, `video`.
    pub modality: Option<String>,
    /// An outreach point's `slug` (e.g. `camper`): its slots for the
    /// service, which it must offer; none for the centre's office.
    pub point: Option<String>,
    /// Language of the answer: it, en, fr, de (default: `Accept-Language`).
    pub lang: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TokenParams {
    /// The manage token given when the booking was made.
    pub token: Option<String>,
    /// Language of the answer: it, en, fr, de (default: `Accept-Language`).
    pub lang: Option<String>,
}

/// A booking request: the slot, and the booking form's fields.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct BookingInput {
    /// The service's `id`.
    #[schema(required = true)]
    pub service: i64,
    /// `in_office`, `phone` or `video`.
    #[schema(required = true)]
    pub modality: String,
    /// A free slot's `start`, RFC 3339 with an offset.
    #[schema(required = true, example = "2026-12-01T09:00:00+01:00")]
    pub start: String,
    /// An outreach point's `slug`, to book at that point (in person only);
    /// none for the centre's office.
    pub point: Option<String>,
    /// The person's language (messages, e-mails, reminders): it, en, fr, de.
    pub lang: Option<String>,
    pub name: String,
    /// An e-mail address or a phone number, or both.
    pub email: String,
    /// Mobile phone, with the country code for foreign numbers.
    pub phone: String,
    /// Optional; its check character is verified.
    pub codice_fiscale: String,
    /// Language code of an interpreter, empty for none.
    pub interpreter: String,
    pub wheelchair: bool,
    /// Italian Sign Language (LIS).
    pub sign_language: bool,
    pub other_needs: String,
    /// Texts (SMS) as well as e-mail when both are given; a mobile number
    /// given alone always gets them.
    pub sms: bool,
}

/// A change to a booking, with its manage token.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ChangeInput {
    #[schema(required = true)]
    pub token: String,
    /// The new start (move only), RFC 3339 with an offset.
    pub start: Option<String>,
    /// Language of the answer: it, en, fr, de (default: `Accept-Language`).
    pub lang: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct NeedsJson {
    /// Language code of the interpreter.
    pub interpreter: Option<String>,
    pub wheelchair: bool,
    pub sign_language: bool,
    pub other: String,
}

/// A booking, built only from what is stored: a replay of the same
/// `Idempotency-Key` gets the same bytes as long as the booking has not
/// changed (a replay shows it as it is now).
#[derive(Serialize, ToSchema)]
pub struct BookingJson {
    #[schema(example = "P-7K3M-9QXA")]
    pub reference: String,
    pub service: i64,
    /// `booked`, `cancelled`, `attended`, `no_show`.
    pub status: String,
    pub modality: String,
    /// RFC 3339, Europe/Rome wall-clock time with its offset.
    pub start: String,
    pub end: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Whether texts (SMS) about the booking go to the phone: false when
    /// none was asked for, or when a cap against SMS pumping held.
    pub sms: bool,
    /// The person's language.
    pub lang: String,
    pub needs: NeedsJson,
    /// The meeting address of a video interview.
    pub video_url: Option<String>,
    /// Needed to read, move or cancel the booking: keep it.
    pub manage_token: String,
    /// The booking's page, to move or cancel it in a browser.
    pub manage_url: String,
}

/// The answer to a booking when a message with its link reaches the person
/// (an e-mail address, or a text queued): the booking itself is read, moved
/// or cancelled through that link. The answer is the same whether the
/// booking is new or one the person already held for the service (one at a
/// time: the link of the booking held goes again to the contacts on file),
/// since anyone can send someone else's details.
#[derive(Serialize, ToSchema)]
pub struct SentJson {
    /// Always `sent`.
    #[schema(example = "sent")]
    pub status: String,
    /// The request's e-mail address and, when a text went too, its phone
    /// number, as given.
    pub sent_to: Vec<String>,
    /// What became of the text: `queued`, `none` (not asked for),
    /// `landline`, `opted_out`, `capped`.
    pub sms: String,
}
