//! Rows to domain values, for both backends (compiled once per backend, like
//! `shared.rs`). A value the domain does not know is reported, not guessed.

use chrono::NaiveTime;
use sportello_domain::vocab::{ContractType, EducationLevel, Licence, Vocabulary, WorkingTime};
use sportello_domain::{
    Area, Centre, CentreId, Employer, Lang, NewCentre, NewOffer, Offer, OfferId, OfferStatus, OfferText, OpeningHours,
    RefCode, Requirements, Salary, Section, TextStatus, WorkPlace,
};
use sqlx::{Database, Row};

use super::Db;
use crate::StorageError;

pub(super) type DbRow = <Db as Database>::Row;

pub(super) fn invalid(column: &str, value: &str) -> StorageError {
    StorageError::Invalid(format!("unexpected {column} {value:?} in the database"))
}

pub(super) fn vocab<V: Vocabulary>(row: &DbRow, column: &str) -> Result<V, StorageError> {
    let code: String = row.try_get(column)?;
    V::parse(&code).ok_or_else(|| invalid(column, &code))
}

pub(super) fn time(value: &str) -> Result<NaiveTime, StorageError> {
    NaiveTime::parse_from_str(value, "%H:%M").map_err(|_| invalid("time", value))
}

pub(super) fn centre_from_row(row: &DbRow) -> Result<Centre, StorageError> {
    Ok(Centre {
        id: CentreId(row.try_get("id")?),
        data: NewCentre {
            slug: row.try_get("slug")?,
            prefix: row.try_get("prefix")?,
            name: row.try_get("name")?,
            town: row.try_get("town")?,
            address: row.try_get("address")?,
            postcode: row.try_get("postcode")?,
            province: row.try_get("province")?,
            region: row.try_get("region")?,
            phone: row.try_get("phone")?,
            email: row.try_get("email")?,
            area: Area {
                slug: row.try_get("area_slug")?,
                name: row.try_get("area_name")?,
            },
            hours: Vec::new(),
            closures: Vec::new(),
        },
    })
}

pub(super) fn hours_from_row(row: &DbRow) -> Result<OpeningHours, StorageError> {
    let weekday: i32 = row.try_get("weekday")?;
    Ok(OpeningHours {
        weekday: u8::try_from(weekday).map_err(|_| invalid("weekday", &weekday.to_string()))?,
        opens: time(&row.try_get::<String, _>("opens")?)?,
        closes: time(&row.try_get::<String, _>("closes")?)?,
        by_appointment: row.try_get("by_appointment")?,
    })
}

pub(super) fn text_from_row(row: &DbRow) -> Result<OfferText, StorageError> {
    let lang: String = row.try_get("lang")?;
    let status: String = row.try_get("status")?;
    Ok(OfferText {
        lang: Lang::parse(&lang).ok_or_else(|| invalid("lang", &lang))?,
        status: TextStatus::parse(&status).ok_or_else(|| invalid("text status", &status))?,
        machine: row.try_get("machine")?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        how_to_apply: row.try_get("how_to_apply")?,
    })
}

pub(super) fn offer_from_row(row: &DbRow) -> Result<Offer, StorageError> {
    let reference: String = row.try_get("reference")?;
    let section: String = row.try_get("section")?;
    let status: String = row.try_get("status")?;
    let unsigned = |column: &str| -> Result<u32, StorageError> {
        let n: i32 = row.try_get(column)?;
        u32::try_from(n).map_err(|_| invalid(column, &n.to_string()))
    };
    let salary = match (
        row.try_get::<Option<i32>, _>("salary_min")?,
        row.try_get::<Option<i32>, _>("salary_max")?,
    ) {
        (Some(min), Some(max)) => Some(Salary {
            min: min.max(0) as u32,
            max: max.max(0) as u32,
        }),
        _ => None,
    };
    Ok(Offer {
        id: OfferId(row.try_get("id")?),
        reference: RefCode::parse(&reference).map_err(|_| invalid("reference", &reference))?,
        status: OfferStatus::parse(&status).ok_or_else(|| invalid("status", &status))?,
        published_on: row.try_get("published_on")?,
        updated_at: row.try_get("updated_at")?,
        version: row.try_get("version")?,
        data: NewOffer {
            centre: CentreId(row.try_get("centre_id")?),
            section: Section::parse(&section).ok_or_else(|| invalid("section", &section))?,
            occupation: row.try_get("occupation")?,
            texts: Vec::new(),
            employer: Employer {
                name: row.try_get("employer_name")?,
                hidden: row.try_get("employer_hidden")?,
            },
            place: WorkPlace {
                town: row.try_get("work_town")?,
                postcode: row.try_get("work_postcode")?,
                region: row.try_get("work_region")?,
                country: row.try_get("work_country")?,
                remote: row.try_get("remote")?,
            },
            contract: vocab::<ContractType>(row, "contract")?,
            working_time: vocab::<WorkingTime>(row, "working_time")?,
            hours_per_week: row
                .try_get::<Option<i32>, _>("hours_per_week")?
                .and_then(|h| u8::try_from(h).ok()),
            openings: unsigned("openings")?,
            requirements: Requirements {
                education: vocab::<EducationLevel>(row, "education")?,
                languages: Vec::new(),
                licence: row
                    .try_get::<Option<String>, _>("licence")?
                    .map(|l| Licence::parse(&l).ok_or_else(|| invalid("licence", &l)))
                    .transpose()?,
                experience_months: u16::try_from(unsigned("experience_months")?).unwrap_or(u16::MAX),
            },
            salary,
            valid_through: row.try_get("valid_through")?,
        },
    })
}
