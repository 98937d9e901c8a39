//! Pure types and rules of Sportello: languages, centres, offers and their
//! reference codes, the vocabularies that ship with the code, the search query
//! and Europe/Rome dates. No I/O: everything here is tested by fast unit tests.

pub mod account;
pub mod booking;
pub mod centre;
pub mod centre_form;
pub mod codice_fiscale;
pub mod email;
pub mod employer;
pub mod holidays;
pub mod ics;
pub mod lang;
pub mod mail;
pub mod markdown;
pub mod newsletter;
pub mod offer;
pub mod offer_form;
pub mod partita_iva;
pub mod phone;
pub mod public_url;
pub mod query;
pub mod quota;
pub mod refcode;
pub mod report;
pub mod schedule;
pub mod service;
pub mod sign_in;
pub mod text;
pub mod time;
pub mod vocab;

pub use account::{Access, Actor, AuditEntry, Grant, GrantError, NewAuditEntry, Role, Scope, User, UserId};
pub use booking::{Booking, BookingId, BookingRef, BookingRequest, BookingStatus, Needs, Person, RawBooking};
pub use centre::{Area, Centre, CentreId, Closure, NewCentre, OpeningHours};
pub use centre_form::{RawCentre, RawClosure, RawPeriod};
pub use codice_fiscale::{CodiceFiscale, CodiceFiscaleError};
pub use email::{Email, EmailError};
pub use employer::{EmployerContact, EmployerRequest, RequestStatus};
pub use holidays::{Holiday, PatronDay};
pub use ics::{IcsEvent, IcsMethod};
pub use lang::Lang;
pub use mail::{BULK_MAIL_KINDS, MailAttachment, OutgoingMail, is_bulk_kind};
pub use newsletter::{
    DigestPeriod, Frequency, NewNewsIssue, NewsField, NewsIssue, NewsIssueId, NewsProblem, NewsText, Subscriber,
    SubscriberId, Subscription,
};
pub use offer::{
    Employer, LanguageRequirement, NewOffer, Offer, OfferId, OfferStatus, OfferText, PublishError, Requirements,
    Salary, Section, TextStatus, WorkPlace,
};
pub use offer_form::{FieldError, FieldProblem, RawLanguage, RawOffer};
pub use partita_iva::{PartitaIva, PartitaIvaError};
pub use phone::{Phone, PhoneError};
pub use public_url::PublicUrl;
pub use query::{Facets, OfferFilter, OfferQuery, QueryError, RawOfferQuery, SearchPage, SortOrder};
pub use quota::{Quota, required_hires};
pub use refcode::{RefCode, RefCodeError};
pub use schedule::{Calendar, DayClosed, Slot, SlotProblem, SlotRules};
pub use service::{Modality, NewService, RawService, Service, ServiceId, ServiceKind, ServiceText};
