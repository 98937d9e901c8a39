//! From the text a person typed to a Tantivy query, built term by term
//! (never through Tantivy's query parser, so no input is a syntax error).
//!
//! Double quotes mark phrases (an unbalanced quote is ignored); a word such
//! as `LE-0427` that is a reference code must match the reference exactly;
//! every other word must match (AND), in any language: it is analyzed with
//! each language's analyzer and looked up in that language's word field.
//! Stop words ("di", "the", "der") are not required unless the query has
//! nothing else. A word of five letters or more that is rare or missing in
//! the index also matches words one edit away (compared unstemmed, so a
//! typo that changes the stem still matches), scored below any exact match.
//! Adjacent words add a small bonus when they are adjacent in the offer too.

use sportello_domain::{Lang, RefCode};
use tantivy::query::{BooleanQuery, BoostQuery, EmptyQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use crate::analysis::{Analyzers, is_pair_word, pair};
use crate::schema::Fields;

/// Words of this many characters or more tolerate one typo.
const FUZZY_MIN_CHARS: usize = 5;
/// A word found exactly in fewer offers than this also matches its typos.
const FUZZY_MAX_DOC_FREQ: u64 = 3;
/// Weight of a typo match (constant score) against a BM25 exact match.
const FUZZY_BOOST: f32 = 0.05;
/// Weight of the bonus for adjacent words.
const PAIR_BOOST: f32 = 0.5;
/// Words and phrases of a query beyond this are ignored.
const MAX_CLAUSES: usize = 16;

/// One required part of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Clause {
    Word(String),
    Phrase(Vec<String>),
    Reference(RefCode),
}

/// A query's parts and the adjacent word pairs worth a bonus.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Parsed {
    pub clauses: Vec<Clause>,
    pub adjacent: Vec<(String, String)>,
}

/// Splits a query into its parts; an empty result means "everything".
pub(crate) fn parse(text: &str, analyzers: &mut Analyzers) -> Parsed {
    let mut parsed = Parsed::default();
    let segments: Vec<&str> = text.split('"').collect();
    let balanced = segments.len() % 2 == 1;
    let mut words: Vec<String> = Vec::new();
    let mut stop: Vec<String> = Vec::new();
    for (i, segment) in segments.iter().enumerate() {
        let quoted = i % 2 == 1 && (balanced || i + 1 < segments.len());
        if quoted {
            let phrase = analyzers.words(segment);
            if !phrase.is_empty() {
                parsed.clauses.push(Clause::Phrase(phrase));
            }
            continue;
        }
        for chunk in segment.split_whitespace() {
            if let Ok(reference) = RefCode::parse(chunk) {
                parsed.clauses.push(Clause::Reference(reference));
                continue;
            }
            let run = analyzers.words(chunk);
            for w in run.windows(2) {
                parsed.adjacent.push((w[0].clone(), w[1].clone()));
            }
            words.extend(run);
        }
    }
    for w in words {
        if analyzers.is_stop_word(&w) {
            stop.push(w);
        } else {
            parsed.clauses.push(Clause::Word(w));
        }
    }
    if parsed.clauses.is_empty() {
        parsed.clauses.extend(stop.into_iter().map(Clause::Word));
    }
    parsed.clauses.truncate(MAX_CLAUSES);
    parsed.adjacent.truncate(MAX_CLAUSES);
    parsed
}

/// The Tantivy query of a parsed text (`None`: no text, match everything).
pub(crate) fn build(
    parsed: &Parsed,
    searcher: &Searcher,
    fields: &Fields,
    analyzers: &mut Analyzers,
) -> tantivy::Result<Option<Box<dyn Query>>> {
    if parsed.clauses.is_empty() {
        return Ok(None);
    }
    let mut top: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for clause in &parsed.clauses {
        let query = match clause {
            Clause::Word(word) => word_query(word, searcher, fields, analyzers)?,
            Clause::Phrase(words) => phrase_query(words, fields, analyzers),
            Clause::Reference(reference) => Box::new(TermQuery::new(
                Term::from_field_text(fields.reference, &reference.to_string()),
                IndexRecordOption::Basic,
            )),
        };
        top.push((Occur::Must, query));
    }
    for (first, second) in &parsed.adjacent {
        let mut either: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for lang in Lang::ALL {
            if let (Some(a), Some(b)) = (analyzers.term(lang, first), analyzers.term(lang, second)) {
                let term = Term::from_field_text(fields.pairs[lang.index()], &pair(&a, &b));
                either.push((
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
                ));
            }
        }
        if !either.is_empty() {
            top.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(BooleanQuery::new(either)), PAIR_BOOST)),
            ));
        }
    }
    if top.len() == 1 {
        return Ok(top.pop().map(|(_, q)| q));
    }
    Ok(Some(Box::new(BooleanQuery::new(top))))
}

/// One word in any language, with its typos when it is rare.
fn word_query(
    word: &str,
    searcher: &Searcher,
    fields: &Fields,
    analyzers: &mut Analyzers,
) -> tantivy::Result<Box<dyn Query>> {
    let mut terms = Vec::with_capacity(4);
    let mut doc_freq = 0;
    for lang in Lang::ALL {
        if let Some(t) = analyzers.term(lang, word) {
            let term = Term::from_field_text(fields.words[lang.index()], &t);
            let freq = searcher.doc_freq(&term)?;
            // Terms in no offer are left out: fewer posting lists to merge.
            if freq > 0 {
                doc_freq += freq;
                terms.push(term);
            }
        }
    }
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let fuzzy = word.chars().count() >= FUZZY_MIN_CHARS && doc_freq < FUZZY_MAX_DOC_FREQ;
    if let Some(plain) = analyzers.plain(word).filter(|_| fuzzy) {
        let typo = FuzzyTermQuery::new(Term::from_field_text(fields.plain, &plain), 1, true);
        any.push((Occur::Should, Box::new(BoostQuery::new(Box::new(typo), FUZZY_BOOST))));
    }
    for term in terms {
        any.push((
            Occur::Should,
            Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)),
        ));
    }
    Ok(Box::new(BooleanQuery::new(any)))
}

/// Words in this order in any one language: one word is a word lookup, more
/// are all their word pairs in one language's pair field.
fn phrase_query(words: &[String], fields: &Fields, analyzers: &mut Analyzers) -> Box<dyn Query> {
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for lang in Lang::ALL {
        let terms: Vec<String> = words
            .iter()
            .filter_map(|w| analyzers.term(lang, w))
            .filter(|t| is_pair_word(t))
            .collect();
        let query: Box<dyn Query> = match terms.as_slice() {
            [] => continue,
            [one] => Box::new(TermQuery::new(
                Term::from_field_text(fields.words[lang.index()], one),
                IndexRecordOption::WithFreqs,
            )),
            many => {
                let all = many
                    .windows(2)
                    .map(|w| {
                        let term = Term::from_field_text(fields.pairs[lang.index()], &pair(&w[0], &w[1]));
                        let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                        (Occur::Must, q)
                    })
                    .collect();
                Box::new(BooleanQuery::new(all))
            }
        };
        any.push((Occur::Should, query));
    }
    if any.is_empty() {
        Box::new(EmptyQuery)
    } else {
        Box::new(BooleanQuery::new(any))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_phrases_references_and_junk() {
        let mut a = Analyzers::new();
        let p = parse(r#"cuoco "stagione estiva" le-0427 di"#, &mut a);
        assert_eq!(
            p.clauses,
            [
                Clause::Phrase(vec!["stagione".into(), "estiva".into()]),
                Clause::Reference(RefCode::parse("LE-0427").unwrap()),
                Clause::Word("cuoco".into()),
            ]
        );
        let unbalanced = parse(r#"cuoco "stagione"#, &mut a);
        assert_eq!(
            unbalanced.clauses,
            [Clause::Word("cuoco".into()), Clause::Word("stagione".into())]
        );
        assert!(parse("(*)~ -+: 🙂", &mut a).clauses.is_empty());
        assert_eq!(parse("the", &mut a).clauses, [Clause::Word("the".into())]);
    }
}

#[cfg(test)]
#[path = "query_props.rs"]
mod props;
