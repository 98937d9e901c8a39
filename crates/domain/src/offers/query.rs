//! The offer search: filters as they arrive from a page or the API, parsed into
//! an [`OfferQuery`] or refused with the name of the bad filter; and the page
//! of results with counts per facet value. Storage-backed search and, later,
//! the search engine both answer the same query.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::vocab::{ContractType, SpokenLanguage, Vocabulary, WorkingTime, occupation_groups};
use crate::{Offer, Section};

/// Longest query text kept; longer input is cut and the reader told so.
pub const MAX_QUERY_CHARS: usize = 200;
/// Default and largest page sizes.
pub const DEFAULT_PER_PAGE: u32 = 20;
pub const MAX_PER_PAGE: u32 = 100;
/// Deepest page served.
pub const MAX_PAGE: u32 = 10_000;

/// Filters exactly as received, every one optional text: the search page's
/// address and the offer API's parameters (whose descriptions the comments
/// below are).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(default)]
pub struct RawOfferQuery {
    /// Free text, in any language, or a reference code.
    pub q: Option<String>,
    /// Centre slug, e.g. `lecce`.
    pub centre: Option<String>,
    /// `ordinary`, `eures`, `mirato_art1`, `mirato_art18`.
    pub section: Option<String>,
    /// ISCO-08 major group, 1 to 9.
    pub group: Option<String>,
    pub contract: Option<String>,
    /// `full_time`, `part_time`, `shift_work`.
    pub working_time: Option<String>,
    /// Required language, e.g. `en`.
    pub language: Option<String>,
    /// Published on or after this date (YYYY-MM-DD).
    pub since: Option<String>,
    /// `date` or `relevance`.
    pub sort: Option<String>,
    pub page: Option<String>,
    /// 1 to 100, default 20.
    pub per_page: Option<String>,
}

/// A filter value that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid value {value:?} for filter `{filter}`")]
pub struct QueryError {
    /// The filter's name as in the address, e.g. `section`.
    pub filter: &'static str,
    pub value: String,
}

/// Order of results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// Newest first.
    Date,
    /// Best match first, then newest.
    Relevance,
}

/// What the public asked for, with every value checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfferFilter {
    /// Free text, already cut to [`MAX_QUERY_CHARS`].
    pub text: Option<String>,
    pub centre: Option<String>,
    pub section: Option<Section>,
    /// ISCO-08 major group.
    pub group: Option<u8>,
    pub contract: Option<ContractType>,
    pub working_time: Option<WorkingTime>,
    pub language: Option<SpokenLanguage>,
    pub since: Option<NaiveDate>,
}

/// A checked search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferQuery {
    pub filter: OfferFilter,
    pub sort: SortOrder,
    pub page: u32,
    pub per_page: u32,
    /// True when the text was longer than [`MAX_QUERY_CHARS`] and was cut.
    pub text_truncated: bool,
    /// Whether to count offers per filter value (the search page does; API
    /// callers ask with `facets=true`).
    pub with_facets: bool,
}

impl Default for OfferQuery {
    fn default() -> Self {
        OfferQuery {
            filter: OfferFilter::default(),
            sort: SortOrder::Date,
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            text_truncated: false,
            with_facets: true,
        }
    }
}

fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn vocab<V: Vocabulary>(filter: &'static str, value: &Option<String>) -> Result<Option<V>, QueryError> {
    present(value)
        .map(|v| {
            V::parse(v).ok_or_else(|| QueryError {
                filter,
                value: v.to_string(),
            })
        })
        .transpose()
}

fn number(
    filter: &'static str,
    value: &Option<String>,
    range: std::ops::RangeInclusive<u32>,
) -> Result<Option<u32>, QueryError> {
    present(value)
        .map(|v| {
            v.parse::<u32>()
                .ok()
                .filter(|n| range.contains(n))
                .ok_or_else(|| QueryError {
                    filter,
                    value: v.to_string(),
                })
        })
        .transpose()
}

impl RawOfferQuery {
    /// Checks every filter. Empty values mean "no filter".
    pub fn parse(&self) -> Result<OfferQuery, QueryError> {
        let (text, text_truncated) = match present(&self.q) {
            None => (None, false),
            Some(q) if q.chars().count() > MAX_QUERY_CHARS => {
                // Cut, and trimmed again: the cut may fall after a space.
                let cut: String = q.chars().take(MAX_QUERY_CHARS).collect();
                (Some(cut.trim_end().to_string()), true)
            }
            Some(q) => (Some(q.to_string()), false),
        };
        let centre = present(&self.centre)
            .map(|c| {
                let ok = c.len() <= 64
                    && c.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                if ok {
                    Ok(c.to_string())
                } else {
                    Err(QueryError {
                        filter: "centre",
                        value: c.to_string(),
                    })
                }
            })
            .transpose()?;
        let section = present(&self.section)
            .map(|s| {
                Section::parse(s).ok_or_else(|| QueryError {
                    filter: "section",
                    value: s.to_string(),
                })
            })
            .transpose()?;
        let group = present(&self.group)
            .map(|g| {
                g.parse::<u8>()
                    .ok()
                    .filter(|n| occupation_groups().iter().any(|og| og.code == *n))
                    .ok_or_else(|| QueryError {
                        filter: "group",
                        value: g.to_string(),
                    })
            })
            .transpose()?;
        let since = present(&self.since)
            .map(|s| {
                NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| QueryError {
                    filter: "since",
                    value: s.to_string(),
                })
            })
            .transpose()?;
        let sort = match present(&self.sort) {
            None if text.is_some() => SortOrder::Relevance,
            None | Some("date") => SortOrder::Date,
            Some("relevance") => SortOrder::Relevance,
            Some(other) => {
                return Err(QueryError {
                    filter: "sort",
                    value: other.to_string(),
                });
            }
        };
        Ok(OfferQuery {
            filter: OfferFilter {
                text,
                centre,
                section,
                group,
                contract: vocab("contract", &self.contract)?,
                working_time: vocab("working_time", &self.working_time)?,
                language: vocab("language", &self.language)?,
                since,
            },
            sort,
            page: number("page", &self.page, 1..=MAX_PAGE)?.unwrap_or(1),
            per_page: number("per_page", &self.per_page, 1..=MAX_PER_PAGE)?.unwrap_or(DEFAULT_PER_PAGE),
            text_truncated,
            with_facets: true,
        })
    }
}

impl OfferQuery {
    /// Rows to skip for the current page.
    pub fn offset(&self) -> u64 {
        u64::from(self.page - 1) * u64::from(self.per_page)
    }
}

/// Counts of matching offers per value of each filter, computed with every
/// other filter applied (so a reader sees what each choice would give).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub centre: BTreeMap<String, u64>,
    pub section: BTreeMap<String, u64>,
    pub group: BTreeMap<String, u64>,
    pub contract: BTreeMap<String, u64>,
    pub working_time: BTreeMap<String, u64>,
    pub language: BTreeMap<String, u64>,
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchPage {
    pub items: Vec<Offer>,
    pub total: u64,
    pub facets: Facets,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> RawOfferQuery {
        let map: serde_json::Map<String, serde_json::Value> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.to_string())))
            .collect();
        serde_json::from_value(serde_json::Value::Object(map)).unwrap()
    }

    #[test]
    fn empty_query_browses_everything_by_date() {
        let q = RawOfferQuery::default().parse().unwrap();
        assert_eq!(q, OfferQuery::default());
        let blank = raw(&[("q", "  "), ("section", ""), ("page", "")]).parse().unwrap();
        assert_eq!(blank, OfferQuery::default());
    }

    #[test]
    fn parses_every_filter() {
        let q = raw(&[
            ("q", "cameriere"),
            ("centre", "nardo"),
            ("section", "mirato_art1"),
            ("group", "5"),
            ("contract", "seasonal"),
            ("working_time", "part_time"),
            ("language", "de"),
            ("since", "2026-11-01"),
            ("page", "3"),
            ("per_page", "50"),
        ])
        .parse()
        .unwrap();
        assert_eq!(q.filter.text.as_deref(), Some("cameriere"));
        assert_eq!(q.filter.centre.as_deref(), Some("nardo"));
        assert_eq!(q.filter.section, Some(Section::MiratoArt1));
        assert_eq!(q.filter.group, Some(5));
        assert_eq!(q.filter.contract, Some(ContractType::Seasonal));
        assert_eq!(q.filter.working_time, Some(WorkingTime::PartTime));
        assert_eq!(q.filter.language, Some(SpokenLanguage::German));
        assert_eq!(q.filter.since, "2026-11-01".parse().ok());
        assert_eq!(
            q.sort,
            SortOrder::Relevance,
            "text queries sort by relevance by default"
        );
        assert_eq!(q.offset(), 100);
    }

    #[test]
    fn names_the_bad_filter() {
        for (filter, value) in [
            ("section", "vip"),
            ("group", "12"),
            ("group", "x"),
            ("contract", "forever"),
            ("working_time", "always"),
            ("language", "klingon"),
            ("since", "yesterday"),
            ("since", "2026-02-30"),
            ("sort", "random"),
            ("page", "0"),
            ("page", "-1"),
            ("per_page", "1000"),
            ("centre", "../etc"),
        ] {
            let err = raw(&[(filter, value)]).parse().unwrap_err();
            assert_eq!(err.filter, filter);
            assert_eq!(err.value, value);
        }
    }

    #[test]
    fn cuts_long_queries_and_says_so() {
        let long = "é".repeat(10_000);
        let q = raw(&[("q", &long)]).parse().unwrap();
        assert!(q.text_truncated);
        assert_eq!(q.filter.text.unwrap().chars().count(), MAX_QUERY_CHARS);
    }

    /// Found by the property test: a cut after a space left the text
    /// ending in it, which a second parse would trim (a different query).
    #[test]
    fn a_cut_query_ends_without_a_space() {
        let long = format!("{} 😀", "a".repeat(MAX_QUERY_CHARS - 1));
        let q = raw(&[("q", &long)]).parse().unwrap();
        assert!(q.text_truncated);
        assert_eq!(q.filter.text.as_deref(), Some("a".repeat(MAX_QUERY_CHARS - 1).as_str()));
        let again = raw(&[("q", q.filter.text.as_deref().unwrap())]).parse().unwrap();
        assert_eq!(again.filter, q.filter);
    }
}

#[cfg(test)]
#[path = "query_props.rs"]
mod props;
