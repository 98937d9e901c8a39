//! Relevance tests of the search engine (`sportello-search`) over the demo
//! offers. They live here, not in the search crate, so that the engine's own
//! tests and examples build without storage. The demo offers are the same
//! centres, count, seed and generator as `sportello demo`, indexed without a
//! database: offers get the ids and references the demo import gives them
//! (ids in order, one counter per centre prefix). The cases live in
//! `search_relevance.toml` (written by `scripts/search_relevance_cases.py`
//! from the demo offer list, committed): each `[[match]]` names open offers
//! that must be in the first ten results (a `foreign` case also checks that
//! they have no public text in the query's language, a `native` case that
//! they have one), each `[[reject]]`
//! names occupations (ISCO-08 prefixes) no result may have, and must find
//! something, so that it checks something.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use sportello_demo::{DEMO_OFFERS, DEMO_SEED, centres, offers};
use sportello_domain::{Centre, CentreId, Lang, Offer, OfferFilter, OfferId, OfferQuery, RefCode, SortOrder};
use sportello_search::{IndexState, SearchIndex};

#[derive(Debug, Deserialize)]
struct Cases {
    #[serde(rename = "match")]
    matches: Vec<MatchCase>,
    reject: Vec<RejectCase>,
}

#[derive(Debug, Deserialize)]
struct MatchCase {
    q: String,
    /// Language of the query and what the case checks (for the report).
    lang: String,
    why: String,
    /// References that must be among the first ten results.
    expect: Vec<String>,
    /// Optional centre slug filter.
    centre: Option<String>,
    /// The expected offers have no public text in `lang`: the query finds
    /// them through another language or the occupation's labels.
    #[serde(default)]
    foreign: bool,
    /// The expected offers have a public text in `lang`: the case checks how
    /// their own words match (missing accents, typos).
    #[serde(default)]
    native: bool,
}

#[derive(Debug, Deserialize)]
struct RejectCase {
    q: String,
    lang: String,
    /// ISCO-08 code prefixes no result may have.
    occupations: Vec<String>,
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date")
}

struct Demo {
    index: SearchIndex,
    offers: HashMap<OfferId, Offer>,
    centres: Vec<Centre>,
}

fn demo() -> Demo {
    let centres: Vec<Centre> = centres::centres()
        .into_iter()
        .enumerate()
        .map(|(i, data)| Centre {
            id: CentreId(i as i64 + 1),
            data,
        })
        .collect();
    let mut counters: HashMap<String, u64> = HashMap::new();
    let offers: Vec<Offer> = offers::generate(&centres, DEMO_OFFERS, DEMO_SEED, today())
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            let centre = centres.iter().find(|c| c.id == o.data.centre).expect("a demo centre");
            let n = counters.entry(centre.data.prefix.clone()).or_default();
            *n += 1;
            Offer {
                id: OfferId(i as i64 + 1),
                reference: RefCode::new(&centre.data.prefix, *n).expect("a reference"),
                status: o.status,
                published_on: o.published_on,
                updated_at: Utc::now(),
                version: 1,
                data: o.data,
            }
        })
        .collect();
    let index = SearchIndex::in_memory().expect("an index");
    index.apply(&offers, &[], &IndexState::default()).expect("indexed");
    Demo {
        index,
        offers: offers.into_iter().map(|o| (o.id, o)).collect(),
        centres,
    }
}

impl Demo {
    fn search(&self, q: &str, centre: Option<&str>, per_page: u32) -> Vec<&Offer> {
        let query = OfferQuery {
            filter: OfferFilter {
                text: Some(q.to_string()),
                ..OfferFilter::default()
            },
            sort: SortOrder::Relevance,
            per_page,
            ..OfferQuery::default()
        };
        let centre = centre.map(|slug| {
            self.centres
                .iter()
                .find(|c| c.data.slug == slug)
                .unwrap_or_else(|| panic!("no centre {slug}"))
                .id
        });
        let hits = self.index.search(&query, centre, today()).expect("a search");
        hits.ids.iter().map(|id| &self.offers[id]).collect()
    }

    fn describe(offer: &Offer) -> String {
        let langs: Vec<&str> = Lang::ALL
            .into_iter()
            .filter(|l| offer.data.public_text(*l).is_some())
            .map(|l| l.code())
            .collect();
        let title = offer.data.display_text(Lang::It).map_or("", |t| t.title.as_str());
        format!(
            "{} {} [{}] {title} ({})",
            offer.reference,
            offer.data.occupation,
            langs.join(","),
            offer.data.place.town
        )
    }
}

fn cases() -> Cases {
    toml::from_str(include_str!("search_relevance.toml")).expect("search_relevance.toml parses")
}

#[test]
fn relevance_cases_pass() {
    let demo = demo();
    let cases = cases();
    assert!(cases.matches.len() >= 60, "at least 60 match cases");
    assert!(cases.reject.len() >= 20, "at least 20 reject cases");
    let by_reference: HashMap<String, &Offer> = demo.offers.values().map(|o| (o.reference.to_string(), o)).collect();
    let mut failures = Vec::new();
    for case in &cases.matches {
        assert!(!case.expect.is_empty(), "{:?} expects no offer", case.q);
        let lang = Lang::parse(&case.lang).unwrap_or_else(|| panic!("{:?}: no language {}", case.q, case.lang));
        for expected in &case.expect {
            let offer = by_reference
                .get(expected)
                .unwrap_or_else(|| panic!("{:?}: no demo offer {expected}", case.q));
            assert!(offer.is_open(today()), "{:?}: {expected} is not open", case.q);
            assert!(
                !case.foreign || offer.data.public_text(lang).is_none(),
                "{:?}: {expected} has a public text in {lang}, the case is about offers without",
                case.q
            );
            assert!(
                !case.native || offer.data.public_text(lang).is_some(),
                "{:?}: {expected} has no public text in {lang}, the case is about offers with one",
                case.q
            );
        }
        let top = demo.search(&case.q, case.centre.as_deref(), 10);
        let found: Vec<String> = top.iter().map(|o| o.reference.to_string()).collect();
        for expected in &case.expect {
            if !found.contains(expected) {
                failures.push(format!(
                    "[{} {}] {:?} (centre {:?}): {expected} not in the top 10: {:#?}",
                    case.lang,
                    case.why,
                    case.q,
                    case.centre,
                    top.iter().map(|o| Demo::describe(o)).collect::<Vec<_>>()
                ));
            }
        }
    }
    for case in &cases.reject {
        let hits = demo.search(&case.q, None, 100);
        if hits.is_empty() {
            failures.push(format!(
                "[{}] {:?} found nothing: the case checks nothing",
                case.lang, case.q
            ));
        }
        for offer in hits {
            if case.occupations.iter().any(|p| offer.data.occupation.starts_with(p)) {
                failures.push(format!(
                    "[{}] {:?} returned {}",
                    case.lang,
                    case.q,
                    Demo::describe(offer)
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Lists the demo offers, to write cases: `cargo test -p sportello-demo
/// --test search_relevance -- --ignored --nocapture` (`Q=text` also searches).
#[test]
#[ignore]
fn list_demo_offers() {
    let demo = demo();
    let mut all: Vec<&Offer> = demo.offers.values().collect();
    all.sort_by_key(|o| o.id);
    for o in all {
        let texts: Vec<String> = Lang::ALL
            .into_iter()
            .filter_map(|l| o.data.public_text(l).map(|t| format!("{l}: {}", t.title)))
            .collect();
        let slug = demo
            .centres
            .iter()
            .find(|c| c.id == o.data.centre)
            .map_or("", |c| c.data.slug.as_str());
        println!(
            "OFFER\t{}\t{}\t{}\t{}\t{}\t{}",
            o.reference,
            o.data.occupation,
            slug,
            o.is_open(today()),
            Lang::ALL
                .into_iter()
                .filter(|l| o.data.public_text(*l).is_some())
                .map(|l| l.code())
                .collect::<Vec<_>>()
                .join(","),
            texts.join(" | ")
        );
    }
    if let Ok(q) = std::env::var("Q") {
        for o in demo.search(&q, std::env::var("CENTRE").ok().as_deref(), 20) {
            println!("hit: {}", Demo::describe(o));
        }
    }
}
