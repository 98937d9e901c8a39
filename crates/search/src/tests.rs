//! Unit tests of the engine on small hand-made indexes.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sportello_domain::vocab::{
    Cefr, ContractType, EducationLevel, SpokenLanguage, Vocabulary, WorkingTime, occupation,
};
use sportello_domain::{
    CentreId, Facets, Lang, LanguageRequirement, Offer, OfferId, OfferQuery, OfferStatus, OfferText, Requirements,
    Section, SortOrder, TextStatus,
};

use sportello_testkit::builders;

use super::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const TODAY: &str = "2026-11-26";

/// An offer with an Italian text (and optionally others), published
/// yesterday, valid for a month.
fn offer(id: i64, occupation_code: &str, texts: &[(Lang, &str, &str)]) -> Offer {
    let texts = texts
        .iter()
        .map(|(lang, title, description)| OfferText {
            description: description.to_string(),
            how_to_apply: String::new(),
            ..builders::text(*lang, TextStatus::Original, title)
        })
        .collect();
    let mut data = builders::offer(CentreId(1), occupation_code, texts);
    data.employer.name = "Hotel Riviera".into();
    data.place.town = "Lecce".into();
    data.place.postcode = "73100".into();
    data.openings = 1;
    data.requirements = Requirements {
        education: EducationLevel::None,
        languages: vec![],
        licence: None,
        experience_months: 0,
    };
    data.valid_through = day("2026-12-31");
    builders::published(id, data)
}

fn it(id: i64, occupation_code: &str, title: &str, description: &str) -> Offer {
    offer(id, occupation_code, &[(Lang::It, title, description)])
}

fn index_of(offers: &[Offer]) -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    index.apply(offers, &[], &IndexState::default()).unwrap();
    index
}

fn query(text: &str) -> OfferQuery {
    OfferQuery {
        filter: sportello_domain::OfferFilter {
            text: Some(text.into()).filter(|t: &String| !t.is_empty()),
            ..Default::default()
        },
        sort: SortOrder::Relevance,
        ..Default::default()
    }
}

fn ids(index: &SearchIndex, text: &str) -> Vec<i64> {
    index
        .search(&query(text), None, day(TODAY))
        .unwrap()
        .ids
        .iter()
        .map(|i| i.0)
        .collect()
}

fn sample() -> Vec<Offer> {
    vec![
        it(
            1,
            "5131",
            "Cameriere di sala",
            "Ristorante a Nardò cerca cameriere per la stagione estiva.",
        ),
        it(2, "5120", "Cuoco", "Cucina tipica salentina, turni diurni e notturni."),
        it(3, "8322", "Autista", "Autista con patente B per consegne a Gallipoli."),
        offer(
            4,
            "2341",
            &[
                (
                    Lang::It,
                    "Insegnante",
                    "Scuola primaria cerca insegnante, anche studente.",
                ),
                (Lang::Fr, "Enseignant", "École primaire: étudiant accepté."),
            ],
        ),
        it(
            5,
            "5131",
            "Barista",
            "Bar in centro, esperienza richiesta, stagione invernale.",
        ),
    ]
}

#[test]
fn folds_accents_both_ways() {
    let index = index_of(&sample());
    assert_eq!(ids(&index, "nardo"), [1]);
    assert_eq!(ids(&index, "NARDÒ"), [1]);
    assert_eq!(ids(&index, "etudiant"), [4]);
    assert_eq!(ids(&index, "école"), [4]);
}

#[test]
fn stems_per_language() {
    let index = index_of(&sample());
    let mut waiters = ids(&index, "camerieri");
    waiters.sort();
    assert_eq!(waiters, [1, 5], "Italian plural; both are waiters by occupation");
    assert_eq!(ids(&index, "consegna"), [3]);
    assert_eq!(ids(&index, "enseignants"), [4], "French plural");
    assert_eq!(ids(&index, "cooks"), [2], "English label, plural");
    assert_eq!(ids(&index, "Köchen"), [2], "German label, inflected");
}

#[test]
fn occupation_names_match_in_every_language() {
    let index = index_of(&sample());
    assert!(occupation("5131").is_some());
    for word in ["cameriere", "waiter", "serveur", "Kellner"] {
        let found = ids(&index, word);
        assert!(found.contains(&1), "{word} finds the Italian-only offer: {found:?}");
        assert!(!found.contains(&3), "{word} does not find the driver");
    }
    assert_eq!(ids(&index, "cuoco"), [2], "cuoco must not return drivers");
}

#[test]
fn tolerates_one_typo_and_ranks_exact_words_first() {
    let mut offers = sample();
    offers.push(it(6, "9112", "Addetto pulizie", "Pulizia di uffici a Lecce."));
    offers.push(it(
        7,
        "9112",
        "Addetta pulizia",
        "Pulizie di alberghi, si richiede esperienza.",
    ));
    let index = index_of(&offers);
    assert_eq!(ids(&index, "autsta"), [3], "one deletion");
    assert_eq!(ids(&index, "Gallipili"), [3], "one substitution");
    assert_eq!(ids(&index, "cuco"), Vec::<i64>::new(), "short words are exact only");
    let mut common = ids(&index, "esperienza");
    common.sort();
    assert_eq!(
        common,
        [5, 7],
        "a word in the index matches exactly, not its neighbours"
    );
    let found = ids(&index, "insegnnte");
    assert_eq!(found, [4], "typo of a word present in the index");
}

#[test]
fn exact_beats_fuzzy() {
    let offers = vec![
        it(1, "5223", "Addetto alla cassa", "Supermercato."),
        it(2, "9329", "Operaio", "Movimentazione della massa di materiale."),
    ];
    let index = index_of(&offers);
    assert_eq!(
        ids(&index, "cassa"),
        [1, 2],
        "the exact match first, though equal otherwise"
    );
    assert_eq!(ids(&index, "massa"), [2, 1]);
}

#[test]
fn phrases_need_the_words_together() {
    let index = index_of(&sample());
    assert_eq!(ids(&index, "\"stagione estiva\""), [1]);
    assert_eq!(ids(&index, "\"estiva stagione\""), Vec::<i64>::new());
    assert_eq!(ids(&index, "\"turni diurni e notturni\""), [2]);
    assert_eq!(
        ids(&index, "stagione \"cucina tipica\""),
        Vec::<i64>::new(),
        "AND with the phrase"
    );
    let both = ids(&index, "stagione");
    assert_eq!(both.len(), 2);
}

#[test]
fn all_words_must_match() {
    let index = index_of(&sample());
    assert_eq!(ids(&index, "autista gallipoli"), [3]);
    assert_eq!(ids(&index, "autista nardo"), Vec::<i64>::new());
    assert_eq!(ids(&index, "cameriere a Nardò"), [1], "stop words are not required");
}

#[test]
fn finds_references_exactly() {
    let index = index_of(&sample());
    assert_eq!(ids(&index, "LE-0003"), [3]);
    assert_eq!(ids(&index, "le-0003"), [3]);
    assert_eq!(ids(&index, "LE-0033"), Vec::<i64>::new());
    assert_eq!(ids(&index, "autista LE-0003"), [3]);
    assert_eq!(ids(&index, "cuoco LE-0003"), Vec::<i64>::new());
}

#[test]
fn hostile_text_never_errors() {
    let index = index_of(&sample());
    let junk = "ÿ€%$#@!".repeat(30);
    let long_word = "a".repeat(200);
    for text in [
        "\"",
        "\"\"",
        "\"cuoco",
        "cuoco\"",
        "a:b c:",
        "(cuoco OR autista)",
        "cuoco~2",
        "*",
        "cuo*",
        "-cuoco +autista",
        "🙂🍕",
        "مطعم نادل",
        "שלום",
        "AND OR NOT",
        "\\",
        "'",
        "title:cuoco",
        "[1 TO 5]",
        junk.as_str(),
        long_word.as_str(),
    ] {
        let hits = index.search(&query(text), None, day(TODAY));
        assert!(hits.is_ok(), "{text:?}: {hits:?}");
    }
    assert_eq!(
        ids(&index, "-cuoco +autista").len(),
        0,
        "both words required, signs ignored"
    );
    assert_eq!(ids(&index, "(cuoco)"), [2]);
    assert_eq!(ids(&index, "🙂").len(), 5, "no words at all: browse everything");
    assert!(
        ids(&index, &long_word).is_empty(),
        "an unindexable word matches nothing"
    );
}

#[test]
fn expired_offers_are_never_returned_or_counted() {
    let mut offers = sample();
    offers[0].data.valid_through = day("2026-11-25");
    offers[1].data.valid_through = day(TODAY);
    let index = index_of(&offers);
    let hits = index.search(&query(""), None, day(TODAY)).unwrap();
    assert_eq!(hits.total, 4);
    assert!(!hits.ids.contains(&OfferId(1)));
    assert!(hits.ids.contains(&OfferId(2)), "valid through today is still open");
    assert_eq!(hits.facets.centre.get("1"), Some(&4));
    assert!(ids(&index, "nardo").is_empty());
}

#[test]
fn only_published_offers_are_indexed() {
    let mut offers = sample();
    offers[0].status = OfferStatus::Draft;
    offers[1].status = OfferStatus::Withdrawn;
    offers[2].published_on = None;
    let index = index_of(&offers);
    assert_eq!(index.doc_count(), 2);
    assert!(ids(&index, "cuoco").is_empty());
}

#[test]
fn apply_upserts_and_deletes() {
    let index = index_of(&sample());
    let mut changed = sample()[1].clone();
    changed.data.texts[0].title = "Pizzaiolo".into();
    index
        .apply(&[changed.clone()], &[OfferId(3)], &IndexState::default())
        .unwrap();
    assert_eq!(index.doc_count(), 4);
    assert_eq!(ids(&index, "pizzaiolo"), [2]);
    assert!(ids(&index, "autista").is_empty());
    changed.status = OfferStatus::Filled;
    index.apply(&[changed], &[], &IndexState::default()).unwrap();
    assert!(ids(&index, "pizzaiolo").is_empty());
    assert_eq!(index.doc_count(), 3);
}

#[test]
fn sorts_by_date_and_pages() {
    let mut offers = sample();
    for (i, o) in offers.iter_mut().enumerate() {
        o.published_on = Some(day("2026-11-01") + chrono::Days::new(i as u64 % 3));
    }
    let index = index_of(&offers);
    let mut q = query("");
    q.sort = SortOrder::Date;
    q.per_page = 2;
    let pages: Vec<Vec<OfferId>> = (1..=3)
        .map(|page| {
            q.page = page;
            index.search(&q, None, day(TODAY)).unwrap().ids
        })
        .collect();
    let all: Vec<i64> = pages.concat().iter().map(|i| i.0).collect();
    // Published days: 1→0, 2→1, 3→2, 4→0, 5→1; newest first, then highest id.
    assert_eq!(all, [3, 5, 2, 4, 1]);
}

/// Brute-force facet counts: each facet counted with every other filter.
fn brute_force(offers: &[Offer], q: &OfferQuery, centre: Option<CentreId>, today: NaiveDate) -> (u64, Facets) {
    let f = &q.filter;
    let text = |o: &Offer| {
        f.text
            .as_ref()
            .is_none_or(|t| o.data.texts[0].description.contains(t.as_str()))
    };
    let checks = |o: &Offer| -> [bool; 6] {
        [
            centre.is_none_or(|c| o.data.centre == c),
            f.section.is_none_or(|s| o.data.section == s),
            f.group
                .is_none_or(|g| occupation(&o.data.occupation).unwrap().major_group() == g),
            f.contract.is_none_or(|c| o.data.contract == c),
            f.working_time.is_none_or(|w| o.data.working_time == w),
            f.language
                .is_none_or(|l| o.data.requirements.languages.iter().any(|r| r.language == l)),
        ]
    };
    let mut facets = Facets::default();
    let mut total = 0;
    for o in offers.iter().filter(|o| o.is_open(today) && text(o)) {
        let ok = checks(o);
        let count = |facet: usize| ok.iter().enumerate().all(|(i, ok)| i == facet || *ok);
        let bump = |map: &mut BTreeMap<String, u64>, key: String| *map.entry(key).or_default() += 1;
        if count(0) {
            bump(&mut facets.centre, o.data.centre.0.to_string());
        }
        if count(1) {
            bump(&mut facets.section, o.data.section.code().into());
        }
        if count(2) {
            let g = occupation(&o.data.occupation).unwrap().major_group();
            bump(&mut facets.group, g.to_string());
        }
        if count(3) {
            bump(&mut facets.contract, o.data.contract.code().into());
        }
        if count(4) {
            bump(&mut facets.working_time, o.data.working_time.code().into());
        }
        if count(5) {
            for r in &o.data.requirements.languages {
                bump(&mut facets.language, r.language.code().into());
            }
        }
        if ok.iter().all(|ok| *ok) {
            total += 1;
        }
    }
    (total, facets)
}

#[test]
fn facets_equal_a_brute_force_count() {
    let occupations = ["5131", "5120", "8322", "2341", "9112", "7411"];
    let offers: Vec<Offer> = (1..=300)
        .map(|i: i64| {
            let n = i as usize;
            let mut o = it(
                i,
                occupations[n % 6],
                "Offerta",
                if n.is_multiple_of(4) { "con esperienza" } else { "senza" },
            );
            o.data.centre = CentreId(1 + (n % 5) as i64);
            o.data.section = Section::ALL[n % 7 % 4];
            o.data.contract = ContractType::ALL[n % 3];
            o.data.working_time = WorkingTime::ALL[n % 11 % 3];
            o.data.valid_through = day(TODAY) + chrono::Days::new((n % 13) as u64) - chrono::Days::new(3);
            o.data.requirements.languages = SpokenLanguage::ALL
                .iter()
                .enumerate()
                .filter(|(b, _)| n.is_multiple_of(b + 2))
                .map(|(_, l)| LanguageRequirement {
                    language: *l,
                    level: Cefr::B1,
                })
                .collect();
            o
        })
        .collect();
    let index = index_of(&offers);
    let today = day(TODAY);
    let mut cases = Vec::new();
    for text in ["", "esperienza"] {
        let mut q = query(text);
        cases.push((q.clone(), None));
        q.filter.section = Some(Section::Eures);
        cases.push((q.clone(), Some(CentreId(2))));
        q.filter.contract = Some(ContractType::Seasonal);
        q.filter.language = Some(SpokenLanguage::English);
        cases.push((q.clone(), None));
        q.filter.group = Some(5);
        q.filter.working_time = Some(WorkingTime::PartTime);
        cases.push((q.clone(), Some(CentreId(3))));
    }
    for (q, centre) in cases {
        let hits = index.search(&q, centre, today).unwrap();
        let (total, facets) = brute_force(&offers, &q, centre, today);
        assert_eq!(hits.total, total, "{q:?}");
        assert_eq!(hits.facets, facets, "{q:?}");
        assert_eq!(hits.ids.len() as u64, total.min(20));
    }
    let mut q = query("");
    q.with_facets = false;
    assert_eq!(index.search(&q, None, today).unwrap().facets, Facets::default());
    let mut q = query("");
    q.filter.since = Some(day(TODAY));
    assert_eq!(
        index.search(&q, None, today).unwrap().total,
        0,
        "all published on the 25th"
    );
}

#[test]
fn state_round_trips_and_survives_reopening() {
    let dir = std::env::temp_dir().join(format!("sportello-search-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let state = IndexState {
        database_id: Some("db-1".into()),
        horizon: 42,
    };
    {
        let index = SearchIndex::open(&dir).unwrap();
        assert_eq!(index.state(), IndexState::default());
        index.apply(&sample(), &[], &state).unwrap();
        assert_eq!(index.state(), state);
    }
    {
        let index = SearchIndex::open(&dir).unwrap();
        assert_eq!(index.state(), state);
        assert_eq!(index.doc_count(), 5);
        assert_eq!(ids(&index, "autista"), [3]);
    }
    std::fs::write(dir.join(VERSION_FILE), "0").unwrap();
    {
        let index = SearchIndex::open(&dir).unwrap();
        assert_eq!(index.state(), IndexState::default(), "another schema version is wiped");
        assert_eq!(index.doc_count(), 0);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn rebuild_replaces_everything_at_once() {
    let index = index_of(&sample());
    let mut rebuild = index.rebuild().unwrap();
    assert!(matches!(
        index.apply(&[], &[], &IndexState::default()),
        Err(SearchError::Rebuilding)
    ));
    rebuild.add(&sample()[..2]).unwrap();
    assert_eq!(index.doc_count(), 5, "searches see the old index until finish");
    let state = IndexState {
        database_id: None,
        horizon: 7,
    };
    rebuild.finish(&state).unwrap();
    assert_eq!(index.doc_count(), 2);
    assert_eq!(index.state(), state);
    // An abandoned rebuild changes nothing.
    let mut abandoned = index.rebuild().unwrap();
    abandoned.add(&sample()).unwrap();
    drop(abandoned);
    index.apply(&[], &[], &state).unwrap();
    assert_eq!(index.doc_count(), 2);
}
