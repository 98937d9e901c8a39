//! Pure types and rules of Sportello, one module per feature — `accounts`
//! (users, grants, permissions, sign-in rules), `appointments` (services,
//! slots from a centre's calendar and holidays, bookings), `centres`,
//! `employers` (requests, the Law 68/1999 quota), `events` (group meetings,
//! their sessions, registrations and waiting lists), `offers` (the offer, its
//! form, reference codes, the search query), `newsletter`, `people` (citizen
//! accounts, who may sign up, one-time links and codes), `places` (the
//! national list of comuni and each one's competent centre), `reports` (the
//! weekly figures) — beside the values that arrive from outside
//! (`codice_fiscale`, `email`, `partita_iva`, `phone`, `public_url`), the
//! vocabularies that ship with the code (`vocab`), languages, Europe/Rome
//! dates, calendar files and the safe Markdown subset. No I/O: everything
//! here is tested by fast unit tests.

pub mod accounts;
pub mod activity;
pub mod appointments;
pub mod centres;
pub mod codice_fiscale;
pub mod email;
pub mod employers;
pub mod events;
pub mod ics;
pub mod lang;
pub mod limits;
pub mod mail;
pub mod markdown;
pub mod newsletter;
pub mod notification;
pub mod offers;
pub mod outreach;
pub mod partita_iva;
pub mod people;
pub mod phone;
pub mod places;
pub mod public_url;
pub mod reports;
pub mod sms;
pub mod text;
pub mod time;
pub mod vocab;

// The property tests of the Markdown subset (its own file is at the line
// limit) and what the property tests share.
#[cfg(test)]
mod markdown_props;
#[cfg(test)]
mod strategies;

pub use accounts::api_tokens::{TokenLifetime, TokenLifetimeError};
pub use accounts::{Access, Actor, AuditEntry, Grant, GrantError, NewAuditEntry, Role, Scope, User, UserId};
pub use activity::ActivityCounts;
pub use appointments::bookings::{
    Booking, BookingId, BookingRef, BookingRequest, BookingStatus, Needs, Person, RawBooking,
};
pub use appointments::holidays::{Holiday, PatronDay};
pub use appointments::part_closures::{NewPartClosure, PartClosure, PartClosureId, RawPartClosure};
pub use appointments::services::{Modality, NewService, RawService, Service, ServiceId, ServiceKind, ServiceText};
pub use appointments::slots::{Calendar, DatedHours, DayClosed, Slot, SlotProblem, SlotRules};
pub use centres::form::{RawCentre, RawClosure, RawPeriod};
pub use centres::{Area, Centre, CentreId, Closure, NewCentre, OpeningHours};
pub use codice_fiscale::{CodiceFiscale, CodiceFiscaleError};
pub use email::{Email, EmailError};
pub use employers::quota::{Quota, required_hires};
pub use employers::{EmployerContact, EmployerRequest, RequestStatus};
pub use events::changes::{ChangeProblem, SentMessage, SessionChanges, SessionMessage, SessionMove};
pub use events::waiting::SeatOfferRules;
pub use events::{
    Audience, Event, EventId, EventProblem, EventText, NewEvent, NewSession, Registration, RegistrationRef,
    RegistrationStatus, Room, Session, SessionClosed, SessionId, SessionStatus,
};
pub use ics::{IcsEvent, IcsMethod};
pub use lang::Lang;
pub use mail::{BULK_MAIL_KINDS, MailAttachment, OutgoingMail, is_bulk_kind};
pub use newsletter::{
    DigestPeriod, Frequency, NewNewsIssue, NewsField, NewsIssue, NewsIssueId, NewsProblem, NewsText, Subscriber,
    SubscriberId, Subscription,
};
pub use notification::Notification;
pub use offers::fields::{FieldKind, OFFER_FIELDS, OfferField, offer_field};
pub use offers::form::{FieldError, FieldProblem, RawLanguage, RawOffer};
pub use offers::query::{Facets, OfferFilter, OfferQuery, QueryError, RawOfferQuery, SearchPage, SortOrder};
pub use offers::refcode::{RefCode, RefCodeError};
pub use offers::{
    Employer, LanguageRequirement, NewOffer, Offer, OfferId, OfferStatus, OfferText, PublishError, Requirements,
    Salary, Section, TextStatus, WorkPlace,
};
pub use outreach::stops::{RawStop, check_stop};
pub use outreach::{NewOutreachPoint, NewStop, OutreachPoint, OutreachPointId, PointKind, PointText, Stop, StopId};
pub use partita_iva::{PartitaIva, PartitaIvaError};
pub use people::sign_up::{RawSignUp, SignUp};
pub use people::{ChallengePurpose, Contact, ContactError, PersonAccount, PersonId};
pub use phone::{Phone, PhoneError};
pub use places::{Comune, ComuneCode, ComuneCodeError};
pub use public_url::PublicUrl;
pub use sms::{OPT_OUT_EXEMPT_KINDS, OutgoingSms, SmsEncoding, SmsText, SmsTextError};
