//! Pure types and rules of Sportello: languages, centres, offers and their
//! reference codes, the vocabularies that ship with the code, the search query
//! and Europe/Rome dates. No I/O: everything here is tested by fast unit tests.

pub mod centre;
pub mod lang;
pub mod offer;
pub mod query;
pub mod refcode;
pub mod text;
pub mod time;
pub mod vocab;

pub use centre::{Area, Centre, CentreId, NewCentre, OpeningHours};
pub use lang::Lang;
pub use offer::{
    Employer, LanguageRequirement, NewOffer, Offer, OfferId, OfferStatus, OfferText, PublishError, Requirements,
    Salary, Section, TextStatus, WorkPlace,
};
pub use query::{Facets, OfferFilter, OfferQuery, QueryError, RawOfferQuery, SearchPage, SortOrder};
pub use refcode::{RefCode, RefCodeError};
