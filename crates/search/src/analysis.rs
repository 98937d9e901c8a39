//! Text analysis, the same at indexing and at query time: one analyzer per
//! language (words split on anything that is not a letter or digit,
//! lower-cased, accents folded, then stemmed with that language's Snowball
//! stemmer), the word pairs ("shingles") that make quoted phrases term
//! lookups, and the stop-word check that keeps "di", "the" or "der" from
//! being required words of a query.

use std::collections::HashMap;

use sportello_domain::Lang;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter, TextAnalyzer, Token,
    TokenStream,
};

/// Longest token kept, in bytes; longer "words" are junk, not vocabulary.
pub(crate) const MAX_TOKEN_BYTES: usize = 40;
/// Separator between the two words of a pair (never inside a token).
const PAIR_SEPARATOR: char = ' ';

/// The tokenizer name registered for a language's text field.
pub(crate) fn tokenizer_name(lang: Lang) -> &'static str {
    match lang {
        Lang::It => "sportello_it",
        Lang::En => "sportello_en",
        Lang::Fr => "sportello_fr",
        Lang::De => "sportello_de",
    }
}

fn stemmer_language(lang: Lang) -> Language {
    match lang {
        Lang::It => Language::Italian,
        Lang::En => Language::English,
        Lang::Fr => Language::French,
        Lang::De => Language::German,
    }
}

/// The stemming analyzer of one language, without the corrections of
/// [`fix_stem`]; [`Analyzers`] applies it word by word.
fn analyzer(lang: Lang) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(tantivy::tokenizer::Stemmer::new(stemmer_language(lang)))
        .build()
}

/// Words without stemming: lower-cased, accents folded (for typos).
fn plain_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Corrects the Snowball stems where they split a word from its plural or
/// feminine (measured on the occupation names). Italian nouns in
/// `-iere/-ieri/-iera` (`cameriere`, `magazziniere`) gave stems such as
/// `camer` for the singular but `camerier` for the plural, and `magazzin`,
/// the stem of `magazzino`: they are all cut to `-ier` from the unstemmed
/// word instead (see [`italian_ier`]); nouns in `-aio/-ai/-aia/-aie`
/// (`operaio`, `operai`) gave `operai` and `opera`: they are cut to `-ai`. French `infirmier` gave `infirmi` but
/// `infirmière` `infirmier`, `serveuse` `serveux` but `serveur` `serveur`;
/// German `Köchin` gave `kochin` but `Koch` `koch`.
pub(crate) fn fix_stem(lang: Lang, plain: &str, stem: &mut String) {
    match lang {
        Lang::It => {
            if let Some(root) = italian_ier(plain).or_else(|| italian_ai(plain)) {
                stem.clear();
                stem.push_str(root);
            }
        }
        Lang::Fr => {
            if stem.len() > 5 && stem.ends_with("ier") {
                stem.truncate(stem.len() - 2);
            } else if stem.len() > 5 && stem.ends_with("eux") {
                stem.truncate(stem.len() - 1);
                stem.push('r');
            }
        }
        Lang::De => {
            for suffix in ["inn", "in"] {
                if stem.len() > suffix.len() + 3 && stem.ends_with(suffix) {
                    stem.truncate(stem.len() - suffix.len());
                    break;
                }
            }
        }
        Lang::En => {}
    }
}

/// The `-ier` root of an unstemmed Italian word in `-iere`, `-ieri` or
/// `-iera` of more than six letters (`camerieri` → `camerier`).
fn italian_ier(plain: &str) -> Option<&str> {
    let ends = ["iere", "ieri", "iera"].iter().any(|s| plain.ends_with(s));
    (ends && plain.len() > 6).then(|| &plain[..plain.len() - 1])
}

/// The `-ai` root of an unstemmed Italian word in `-aio`, `-ai`, `-aia` or
/// `-aie` of at least six letters (`operaio`, `operai` → `operai`).
fn italian_ai(plain: &str) -> Option<&str> {
    if plain.len() < 6 {
        return None;
    }
    let end = ["aio", "aia", "aie"]
        .iter()
        .find(|s| plain.ends_with(*s))
        .map(|_| plain.len() - 1)
        .or_else(|| plain.ends_with("ai").then_some(plain.len()))?;
    Some(&plain[..end])
}

/// Analyzers of the four languages plus the stop-word lists; cheap to clone,
/// each search or indexing batch works on its own copy (analyzers need
/// `&mut` to run).
#[derive(Clone)]
pub(crate) struct Analyzers {
    stem: [TextAnalyzer; 4],
    stop: [TextAnalyzer; 4],
    split: TextAnalyzer,
    plain: TextAnalyzer,
    /// Stems already made, per language, by unstemmed word: adverts share
    /// a small vocabulary, and Snowball was most of the indexing time.
    stems: [HashMap<String, String>; 4],
}

/// Stems kept per language before the memory is started afresh.
const MAX_CACHED_STEMS: usize = 100_000;

impl Analyzers {
    pub(crate) fn new() -> Analyzers {
        let stop = |lang: Lang| {
            let builder = TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser);
            match StopWordFilter::new(stemmer_language(lang)) {
                Some(filter) => builder.filter(filter).build(),
                None => builder.build(),
            }
        };
        Analyzers {
            stem: Lang::ALL.map(analyzer),
            stop: Lang::ALL.map(stop),
            split: TextAnalyzer::builder(SimpleTokenizer::default()).build(),
            plain: plain_analyzer(),
            stems: Default::default(),
        }
    }

    /// Appends the analyzed tokens of `text` in `lang` to `out`, numbering
    /// positions on from the last token already there.
    pub(crate) fn tokens_into(&mut self, lang: Lang, text: &str, out: &mut Vec<Token>) {
        let base = out.last().map_or(0, |t| t.position + 2);
        // Split, lower-case and fold once; stem each word (the stem
        // analyzer on one folded word gives what it gives in the stream).
        let Analyzers { stem, plain, stems, .. } = self;
        let (stemmer, stems) = (&mut stem[lang.index()], &mut stems[lang.index()]);
        let mut stream = plain.token_stream(text);
        while stream.advance() {
            let word = stream.token();
            if !stems.contains_key(&word.text) {
                let mut stemmed = stemmer
                    .token_stream(&word.text)
                    .next()
                    .map_or_else(|| word.text.clone(), |t| t.text.clone());
                fix_stem(lang, &word.text, &mut stemmed);
                if stems.len() >= MAX_CACHED_STEMS {
                    stems.clear();
                }
                stems.insert(word.text.clone(), stemmed);
            }
            out.push(Token {
                offset_from: word.offset_from,
                offset_to: word.offset_to,
                position: word.position + base,
                text: stems.get(&word.text).cloned().unwrap_or_default(),
                position_length: word.position_length,
            });
        }
    }

    /// The unstemmed folded form of one word.
    pub(crate) fn plain(&mut self, word: &str) -> Option<String> {
        self.plain.token_stream(word).next().map(|t| t.text.clone())
    }

    /// The analyzed form of one word in `lang`; `None` when nothing is left
    /// of it (an over-long token).
    pub(crate) fn term(&mut self, lang: Lang, word: &str) -> Option<String> {
        let plain = self.plain(word)?;
        let mut stream = self.stem[lang.index()].token_stream(word);
        let mut term = stream.next().map(|t| t.text.clone())?;
        fix_stem(lang, &plain, &mut term);
        Some(term)
    }

    /// The words of `text` as typed (split on anything but letters and digits).
    pub(crate) fn words(&mut self, text: &str) -> Vec<String> {
        let mut stream = self.split.token_stream(text);
        let mut words = Vec::new();
        while let Some(token) = stream.next() {
            words.push(token.text.clone());
        }
        words
    }

    /// Whether `word` is a stop word in any of the four languages.
    pub(crate) fn is_stop_word(&mut self, word: &str) -> bool {
        self.stop.iter_mut().any(|a| a.token_stream(word).next().is_none())
    }
}

/// The tokenizers the index registers, by field: the stemmed words of a
/// language (`words_*`), their pairs (`pairs_*`) and the unstemmed words
/// (`plain`). Tantivy runs them on its indexing threads; handing it
/// pre-tokenized text instead would cost a JSON round trip per value.
pub(crate) fn tokenizers() -> Vec<(String, TextAnalyzer)> {
    let mut all = Vec::new();
    for lang in Lang::ALL {
        let words = FieldTokenizer {
            lang,
            pairs: false,
            analyzers: Analyzers::new(),
            words: Vec::new(),
            out: Vec::new(),
            last: String::new(),
        };
        let pairs = FieldTokenizer {
            pairs: true,
            ..words.clone()
        };
        all.push((tokenizer_name(lang).to_string(), TextAnalyzer::from(words)));
        all.push((pairs_tokenizer_name(lang).to_string(), TextAnalyzer::from(pairs)));
    }
    all.push((PLAIN_TOKENIZER.to_string(), plain_analyzer()));
    all
}

pub(crate) const PLAIN_TOKENIZER: &str = "sportello_plain";

pub(crate) fn pairs_tokenizer_name(lang: Lang) -> &'static str {
    match lang {
        Lang::It => "sportello_pairs_it",
        Lang::En => "sportello_pairs_en",
        Lang::Fr => "sportello_pairs_fr",
        Lang::De => "sportello_pairs_de",
    }
}

/// The words of one value in a language, stemmed and corrected as
/// [`Analyzers::tokens_into`] does, or their pairs (see [`pairs`]).
#[derive(Clone)]
struct FieldTokenizer {
    lang: Lang,
    pairs: bool,
    analyzers: Analyzers,
    words: Vec<Token>,
    out: Vec<Token>,
    /// The value `out` holds the tokens of.
    last: String,
}

impl tantivy::tokenizer::Tokenizer for FieldTokenizer {
    type TokenStream<'a> = Tokens<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Tokens<'a> {
        // A value counted twice (a title) comes twice in a row: analysed once.
        if text == self.last && !self.last.is_empty() {
            return Tokens {
                tokens: &mut self.out,
                next: 0,
            };
        }
        self.last.clear();
        self.last.push_str(text);
        self.out.clear();
        if self.pairs {
            self.words.clear();
            self.analyzers.tokens_into(self.lang, text, &mut self.words);
            let pairs = pairs(self.words.iter().map(|t| t.text.as_str()));
            self.out
                .extend(pairs.into_iter().enumerate().map(|(position, text)| Token {
                    position,
                    text,
                    ..Token::default()
                }));
        } else {
            self.analyzers.tokens_into(self.lang, text, &mut self.out);
        }
        Tokens {
            tokens: &mut self.out,
            next: 0,
        }
    }
}

/// The tokens of one value, made beforehand.
pub(crate) struct Tokens<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl TokenStream for Tokens<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

/// The word pairs of a run of tokens (each value of a field separately, so no
/// pair spans a title and a description). One-letter tokens are skipped, here
/// and in quoted phrases, so that `Cameriere/a di sala` holds the phrase
/// "cameriere di sala".
pub(crate) fn pairs<'a>(tokens: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let tokens: Vec<&str> = tokens.into_iter().filter(|t| is_pair_word(t)).collect();
    tokens.windows(2).map(|w| pair(w[0], w[1])).collect()
}

/// Whether a token takes part in word pairs (more than one letter).
pub(crate) fn is_pair_word(token: &str) -> bool {
    token.chars().nth(1).is_some()
}

pub(crate) fn pair(first: &str, second: &str) -> String {
    let mut p = String::with_capacity(first.len() + second.len() + 1);
    p.push_str(first);
    p.push(PAIR_SEPARATOR);
    p.push_str(second);
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_case_before_stemming() {
        let mut a = Analyzers::new();
        assert_eq!(a.term(Lang::It, "Nardò"), a.term(Lang::It, "nardo"));
        assert_eq!(a.term(Lang::Fr, "Étudiant"), a.term(Lang::Fr, "etudiant"));
        assert_eq!(a.term(Lang::De, "Köche"), a.term(Lang::De, "koche"));
    }

    #[test]
    fn stems_each_language() {
        let mut a = Analyzers::new();
        for (lang, forms) in [
            (Lang::It, &["cameriere", "camerieri", "cameriera"][..]),
            (Lang::It, &["parrucchiere", "parrucchieri", "parrucchiera"][..]),
            (Lang::It, &["cuoco", "cuochi", "cuoca"][..]),
            (Lang::It, &["magazziniere", "magazzinieri", "magazziniera"][..]),
            (Lang::It, &["operaio", "operai", "operaia", "operaie"][..]),
            (Lang::It, &["macellaio", "macellai", "macellaia"][..]),
            (Lang::Fr, &["infirmier", "infirmière", "infirmiers"][..]),
            (Lang::Fr, &["serveur", "serveuse", "serveurs"][..]),
            (Lang::De, &["Koch", "Köchin", "Köche"][..]),
        ] {
            let first = a.term(lang, forms[0]);
            for form in forms {
                assert_eq!(a.term(lang, form), first, "{form}");
            }
        }
        assert_eq!(a.term(Lang::En, "waiters"), a.term(Lang::En, "waiter"));
        assert_eq!(a.term(Lang::Fr, "serveuses"), a.term(Lang::Fr, "serveuse"));
        assert_eq!(a.term(Lang::De, "Kellnern"), a.term(Lang::De, "Kellner"));
        assert_eq!(a.term(Lang::En, "cleaning"), a.term(Lang::En, "cleaned"));
        assert_ne!(a.term(Lang::It, "magazziniere"), a.term(Lang::It, "magazzino"));
    }

    #[test]
    fn drops_over_long_tokens_and_finds_stop_words() {
        let mut a = Analyzers::new();
        assert_eq!(a.term(Lang::It, &"x".repeat(MAX_TOKEN_BYTES + 1)), None);
        assert!(a.is_stop_word("di") && a.is_stop_word("The") && a.is_stop_word("der"));
        assert!(!a.is_stop_word("cuoco"));
        assert_eq!(
            a.words("l'esperienza: (part-time)"),
            ["l", "esperienza", "part", "time"]
        );
        assert_eq!(pairs(["ab", "cd", "ef"]), ["ab cd", "cd ef"]);
        assert_eq!(pairs(["cameriere", "a", "di", "sala"]), ["cameriere di", "di sala"]);
    }
}
