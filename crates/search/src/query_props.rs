//! Property tests of the search query parser ([`parse`]). It has no text
//! form of its own, so one is written here ([`render`]: words as they are,
//! phrases in double quotes, reference codes in their printed form); for
//! any input — hostile text, or queries made of words, stop words,
//! reference codes, quotes and junk — the parser does not panic, keeps
//! within its clause limit, makes no empty clause and only single words,
//! and its result, rendered and parsed again, gives the same clauses.

use proptest::prelude::*;
use proptest::test_runner::Config;
use sportello_domain::RefCode;

use super::*;

fn config(cases: u32) -> Config {
    Config {
        // `PROPTEST_CASES=10000` searches deeper.
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Hostile text: any characters, control characters and the query's own
/// punctuation, now and then very long.
fn messy_text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        3 => any::<char>(),
        1 => prop::char::range('\0', '\u{1f}'),
        2 => prop::sample::select(&['"', '-', ' ', '\t', '\n', '\u{a0}', '*', '(', ')', '~', ':', '+'][..]),
        3 => prop::char::range('a', 'z'),
        2 => prop::char::range('0', '9'),
    ];
    prop_oneof![
        8 => prop::collection::vec(c.clone(), 0..60),
        1 => prop::collection::vec(c, 0..5000),
    ]
    .prop_map(|c| c.into_iter().collect())
}

/// One piece of a query as people type them.
fn piece() -> impl Strategy<Value = String> {
    let word = prop::sample::select(
        &[
            "cuoco",
            "Cameriere",
            "camerieri",
            "magazziniere",
            "operaio",
            "infirmière",
            "Köchin",
            "estiva",
            "stagione",
            "Lecce",
            "NARDÒ",
            "città",
            "di",
            "the",
            "der",
            "und",
            "a",
            "e",
            "saldatore",
            "5131",
        ][..],
    )
    .prop_map(str::to_string);
    let reference = ("[a-zA-Z]{2,3}", 1u64..=99_999_999).prop_map(|(p, n)| format!("{p}-{n:04}"));
    prop_oneof![
        6 => word,
        2 => reference,
        2 => prop::sample::select(&["\"", " \"", "\" ", "-", "(*)~", "🙂", "LE-427", "le-00427", "x-"][..])
            .prop_map(str::to_string),
        1 => "[a-zà-ü]{1,12}",
        1 => messy_text(),
    ]
}

fn query() -> impl Strategy<Value = String> {
    let separator = prop::sample::select(&[" ", " ", "  ", "\t", "", "-", "\n", ","][..]);
    prop::collection::vec((piece(), separator), 0..25)
        .prop_map(|parts| parts.into_iter().map(|(p, s)| format!("{p}{s}")).collect())
}

/// A parsed query written back as text that means the same.
fn render(parsed: &Parsed) -> String {
    let clauses: Vec<String> = parsed
        .clauses
        .iter()
        .map(|clause| match clause {
            Clause::Word(word) => word.clone(),
            Clause::Phrase(words) => format!("\"{}\"", words.join(" ")),
            Clause::Reference(reference) => reference.to_string(),
        })
        .collect();
    clauses.join(" ")
}

/// What every parsed query is, and that it reads back the same.
fn check(parsed: &Parsed, analyzers: &mut Analyzers) -> Result<(), TestCaseError> {
    prop_assert!(parsed.clauses.len() <= MAX_CLAUSES);
    prop_assert!(parsed.adjacent.len() <= MAX_CLAUSES);
    for clause in &parsed.clauses {
        let words = match clause {
            Clause::Word(word) => std::slice::from_ref(word),
            Clause::Phrase(words) => {
                prop_assert!(!words.is_empty(), "an empty phrase");
                words.as_slice()
            }
            Clause::Reference(reference) => {
                prop_assert_eq!(&RefCode::parse(&reference.to_string()), &Ok(reference.clone()));
                continue;
            }
        };
        for word in words {
            prop_assert_eq!(analyzers.words(word), vec![word.clone()], "not one word: {:?}", word);
        }
    }
    for (first, second) in &parsed.adjacent {
        prop_assert_eq!(analyzers.words(first), vec![first.clone()]);
        prop_assert_eq!(analyzers.words(second), vec![second.clone()]);
    }
    let again = parse(&render(parsed), analyzers);
    prop_assert_eq!(&again.clauses, &parsed.clauses, "rendered as {:?}", render(parsed));
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn hostile_text_parses_without_panic(text in messy_text()) {
        let mut analyzers = Analyzers::new();
        let parsed = parse(&text, &mut analyzers);
        check(&parsed, &mut analyzers)?;
    }

    #[test]
    fn queries_read_back_the_same_when_rendered(text in query()) {
        let mut analyzers = Analyzers::new();
        let parsed = parse(&text, &mut analyzers);
        check(&parsed, &mut analyzers)?;
        // Outside phrases, and short of the clause limit, every reference
        // code standing between spaces is a clause.
        if !text.contains('"') && parsed.clauses.len() < MAX_CLAUSES {
            for reference in text.split_whitespace().filter_map(|chunk| RefCode::parse(chunk).ok()) {
                prop_assert!(parsed.clauses.contains(&Clause::Reference(reference)), "{:?}", text);
            }
        }
    }
}
