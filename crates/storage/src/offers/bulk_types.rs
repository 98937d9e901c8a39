//! The rows a bulk load writes, ready to bind, shared by `bulk_sql.rs` and
//! each backend's way of writing them (`bulk_rows_values.rs` on SQLite,
//! `bulk_rows_unnest.rs` on PostgreSQL).

use sportello_domain::RefCode;

use crate::offers::terms::search_columns;
use crate::{ImportOffer, StorageError};

/// An offer's columns, ready to bind.
pub(super) struct OfferRow<'a> {
    pub offer: &'a ImportOffer,
    pub occupation: &'static str,
    pub occupation_group: i32,
    pub openings: i32,
    pub salary_min: Option<i32>,
    pub salary_max: Option<i32>,
    pub title_text: String,
    pub search_text: String,
    pub reference: String,
}

impl<'a> OfferRow<'a> {
    pub(super) fn new(o: &'a ImportOffer, reference: &RefCode) -> Result<OfferRow<'a>, StorageError> {
        let offer = &o.data;
        let occupation = sportello_domain::vocab::occupation(&offer.occupation)
            .ok_or_else(|| StorageError::Invalid(format!("unknown occupation {}", offer.occupation)))?;
        let int = |n: u32, what: &str| i32::try_from(n).map_err(|_| StorageError::Invalid(format!("{what} too large")));
        let (salary_min, salary_max) = match offer.salary {
            Some(s) => (Some(int(s.min, "salary")?), Some(int(s.max, "salary")?)),
            None => (None, None),
        };
        let (title_text, search_text) = search_columns(offer, reference);
        Ok(OfferRow {
            offer: o,
            occupation: occupation.code,
            occupation_group: i32::from(occupation.major_group()),
            openings: int(offer.openings, "openings")?,
            salary_min,
            salary_max,
            title_text,
            search_text,
            reference: reference.to_string(),
        })
    }
}

/// One text of an offer.
pub(super) struct TextRow<'a> {
    pub offer: i64,
    pub text: &'a sportello_domain::OfferText,
}

/// One language requirement of an offer.
pub(super) struct LanguageRow {
    pub offer: i64,
    pub language: &'static str,
    pub level: &'static str,
}
