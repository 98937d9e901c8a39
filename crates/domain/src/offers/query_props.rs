//! Property tests of the search filters as they arrive from a page or the
//! API ([`RawOfferQuery::parse`]): no value in any filter makes it panic;
//! what it accepts keeps within its documented limits; and an accepted
//! query written back as filters ([`written_back`]: codes, dates, numbers
//! and the kept text) parses to the same query.

use proptest::prelude::*;

use super::*;
use crate::strategies::{config, messy_text};

/// A filter value: absent, blank, a value the filter knows (sometimes with
/// spaces around), or hostile text.
fn value(known: Vec<String>) -> impl Strategy<Value = Option<String>> {
    let known = prop::sample::select(known);
    prop_oneof![
        3 => Just(None),
        1 => prop::sample::select(&["", " ", "\t\n"][..]).prop_map(|s| Some(s.to_string())),
        4 => known.clone().prop_map(Some),
        1 => known.prop_map(|v| Some(format!(" {v}\t"))),
        2 => messy_text().prop_map(Some),
    ]
}

fn codes<V: Vocabulary>() -> Vec<String> {
    V::ALL.iter().map(|v| v.code().to_string()).collect()
}

fn numbers(values: &[i64]) -> Vec<String> {
    values.iter().map(i64::to_string).collect()
}

prop_compose! {
    fn any_raw_query()(
        q in prop_oneof![
            value(vec!["cameriere".into(), "LE-0427".into(), "stagione estiva".into()]),
            // Around the length limit, with spaces where it cuts.
            (prop::collection::vec(prop::sample::select(&["a", "é", " ", "😀", "\u{301}"][..]), 190..215))
                .prop_map(|parts| Some(parts.concat())),
        ],
        centre in value(vec!["lecce".into(), "nardo".into(), "campi-salentina".into(), "Lecce".into(), "a".repeat(65)]),
        section in value(Section::ALL.iter().map(|s| s.code().to_string()).collect()),
        group in value(occupation_groups().iter().map(|g| g.code.to_string()).chain(["0".into(), "10".into(), "256".into()]).collect()),
        contract in value(codes::<ContractType>()),
        working_time in value(codes::<WorkingTime>()),
        language in value(codes::<SpokenLanguage>()),
        since in value(vec!["2026-11-01".into(), "2026-02-30".into(), "+262143-01-01".into(), "0000-01-01".into()]),
        sort in value(vec!["date".into(), "relevance".into(), "Date".into()]),
        page in value(numbers(&[1, 2, 9_999, 10_000, 10_001, 0, -1, 4_294_967_296])),
        per_page in value(numbers(&[1, 20, 100, 101, 0])),
    ) -> RawOfferQuery {
        RawOfferQuery { q, centre, section, group, contract, working_time, language, since, sort, page, per_page }
    }
}

/// The filters that say what `query` says.
fn written_back(query: &OfferQuery) -> RawOfferQuery {
    let f = &query.filter;
    RawOfferQuery {
        q: f.text.clone(),
        centre: f.centre.clone(),
        section: f.section.map(|s| s.code().to_string()),
        group: f.group.map(|g| g.to_string()),
        contract: f.contract.map(|c| c.code().to_string()),
        working_time: f.working_time.map(|w| w.code().to_string()),
        language: f.language.map(|l| l.code().to_string()),
        since: f.since.map(|d| d.format("%Y-%m-%d").to_string()),
        sort: Some(match query.sort {
            SortOrder::Date => "date".to_string(),
            SortOrder::Relevance => "relevance".to_string(),
        }),
        page: Some(query.page.to_string()),
        per_page: Some(query.per_page.to_string()),
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_filters_parse_within_limits_and_read_back(raw in any_raw_query()) {
        let Ok(query) = raw.parse() else { return Ok(()) };
        if let Some(text) = &query.filter.text {
            prop_assert!(!text.is_empty() && text.chars().count() <= MAX_QUERY_CHARS);
            prop_assert_eq!(text.trim(), text.as_str(), "the text is trimmed");
        }
        prop_assert!((1..=MAX_PAGE).contains(&query.page));
        prop_assert!((1..=MAX_PER_PAGE).contains(&query.per_page));
        prop_assert_eq!(query.offset(), u64::from(query.page - 1) * u64::from(query.per_page));
        let again = written_back(&query).parse();
        prop_assert_eq!(
            again.map(|q| (q.filter, q.sort, q.page, q.per_page)),
            Ok((query.filter.clone(), query.sort, query.page, query.per_page))
        );
    }
}
