//! The query mix of the search benchmark (`sportello gen queries`): what
//! people type into a job board, over the words that generated offers
//! (`sportello gen offers`) really contain. Occupation names from the job
//! titles in the four languages, the commonest words of every advert
//! (*esperienza*, *contract*, *travail*, *Vertrag*), two words, quoted
//! phrases, one-letter typos; each with 0 to 3 filters (centre, section,
//! contract, required language). The same seed gives the same queries.

use sportello_domain::Section;
use sportello_domain::vocab::{ContractType, SpokenLanguage, Vocabulary};

use crate::content::{JOB_KINDS, TOWNS};
use crate::offers::CENTRE_WEIGHTS;
use crate::rng::Rng;

/// One query of the mix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchQuery {
    /// `occupation`, `common word`, `two words`, `phrase` or `typo`.
    pub kind: &'static str,
    /// The text as typed.
    pub text: String,
    /// Centre slug.
    pub centre: Option<&'static str>,
    pub section: Option<Section>,
    pub contract: Option<ContractType>,
    pub language: Option<SpokenLanguage>,
}

impl BenchQuery {
    /// How many filters the query has.
    pub fn filters(&self) -> usize {
        usize::from(self.centre.is_some())
            + usize::from(self.section.is_some())
            + usize::from(self.contract.is_some())
            + usize::from(self.language.is_some())
    }

    /// The query as an address of the offers API, relevance first, with
    /// facet counts.
    pub fn api_path(&self) -> String {
        let mut path = format!(
            "/api/v1/offers?q={}&sort=relevance&facets=true",
            percent_encode(&self.text)
        );
        let filters = [
            ("centre", self.centre),
            ("section", self.section.map(Section::code)),
            ("contract", self.contract.map(ContractType::code)),
            ("language", self.language.map(SpokenLanguage::code)),
        ];
        for (name, value) in filters {
            if let Some(value) = value {
                path.push_str(&format!("&{name}={}", percent_encode(value)));
            }
        }
        path
    }
}

fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Words of every advert in a language: the hardest for an engine, as they
/// match most offers.
const COMMON: [&[&str]; 4] = [
    &["esperienza", "lavoro", "contratto", "turni", "stagione", "azienda"],
    &["experience", "work", "contract", "shifts", "season"],
    &["travail", "contrat", "expérience", "saison"],
    &["Erfahrung", "Vertrag", "Arbeitsort", "Schichten"],
];

/// A second word people add to an occupation.
const SECOND: [&[&str]; 4] = [
    &["esperienza", "stagione", "turni", "patente", "estate"],
    &["experience", "summer", "shifts", "licence"],
    &["expérience", "saison", "équipe", "permis"],
    &["Erfahrung", "Sommersaison", "Schichten", "Führerschein"],
];

/// Phrases of the adverts' stock sentences, as people quote them.
const PHRASES: [&[&str]; 4] = [
    &[
        "turni diurni e notturni",
        "stagione estiva",
        "vitto e alloggio",
        "tempo indeterminato",
        "contratto collettivo nazionale",
        "lavorare in gruppo",
        "buoni pasto",
    ],
    &[
        "summer season",
        "night shifts",
        "board and lodging",
        "meal vouchers",
        "driving licence",
    ],
    &[
        "saison estivale",
        "durée indéterminée",
        "esprit d'équipe",
        "titres-restaurant",
    ],
    &[
        "eigenes Auto",
        "nationalen Tarifvertrag",
        "unbefristetes Arbeitsverhältnis",
    ],
];

/// Words too short or too common in titles to be what someone looks for.
const TITLE_STOP: [&str; 12] = [
    "della", "delle", "degli", "dello", "alla", "alle", "with", "pour", "avec", "dans", "und", "für",
];

/// Share of queries per language (it, en, fr, de) in per cent.
const LANGUAGE_WEIGHTS: [u32; 4] = [55, 20, 12, 13];
/// Share of queries per kind: occupation, common word, two words, phrase, typo.
const KIND_WEIGHTS: [u32; 5] = [30, 15, 20, 15, 20];
const KINDS: [&str; 5] = ["occupation", "common word", "two words", "phrase", "typo"];

/// The words of a job title a person would type.
fn title_words(title: &str) -> Vec<String> {
    title
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4 && !TITLE_STOP.contains(&w.to_lowercase().as_str()))
        .map(str::to_lowercase)
        .collect()
}

/// A word of an occupation's title in language `lang`, the occupation
/// chosen as often as offers have it.
fn occupation_word(rng: &mut Rng, lang: usize) -> String {
    let weights: Vec<u32> = JOB_KINDS.iter().map(|k| k.weight_lecce + k.weight_rimini).collect();
    loop {
        let kind = &JOB_KINDS[rng.weighted(&weights)];
        let words = title_words(kind.titles[lang]);
        if !words.is_empty() {
            return rng.pick(&words).clone();
        }
    }
}

/// `word` with one edit: a letter dropped, doubled, swapped with the next
/// or replaced, never the first letter; words shorter than 6 letters are
/// taken as they are (typo tolerance starts at 5 letters).
fn typo(rng: &mut Rng, word: &str) -> String {
    let mut letters: Vec<char> = word.chars().collect();
    if letters.len() < 6 {
        return word.to_string();
    }
    let at = rng.range(1, letters.len() as u32 - 2) as usize;
    match rng.range(0, 3) {
        0 => {
            letters.remove(at);
        }
        1 => letters.insert(at, letters[at]),
        2 if letters[at] != letters[at + 1] => letters.swap(at, at + 1),
        _ => {
            let replacement = if letters[at] == 'e' { 'a' } else { 'e' };
            letters[at] = replacement;
        }
    }
    letters.into_iter().collect()
}

/// `count` queries of the mix for `seed`.
pub fn mix(count: usize, seed: u64) -> Vec<BenchQuery> {
    let mut rng = Rng::new(seed);
    let centre_weights: Vec<u32> = CENTRE_WEIGHTS.iter().map(|(_, w)| *w).collect();
    (0..count)
        .map(|_| {
            let lang = rng.weighted(&LANGUAGE_WEIGHTS);
            let kind = KINDS[rng.weighted(&KIND_WEIGHTS)];
            let text = match kind {
                "occupation" => occupation_word(&mut rng, lang),
                "common word" => rng.pick(COMMON[lang]).to_string(),
                "two words" => {
                    let first = occupation_word(&mut rng, lang);
                    if rng.chance(50) {
                        let town = rng.pick(TOWNS);
                        format!("{first} {}", town.name)
                    } else {
                        format!("{first} {}", rng.pick(SECOND[lang]))
                    }
                }
                "phrase" => format!("\"{}\"", rng.pick(PHRASES[lang])),
                _ => loop {
                    let word = occupation_word(&mut rng, lang);
                    if word.chars().count() >= 6 {
                        break typo(&mut rng, &word);
                    }
                },
            };
            let mut query = BenchQuery {
                kind,
                text,
                centre: None,
                section: None,
                contract: None,
                language: None,
            };
            let mut filters = [0, 1, 2, 3];
            for i in 0..4 {
                filters.swap(i, rng.range(i as u32, 3) as usize);
            }
            for filter in &filters[..rng.range(0, 3) as usize] {
                match filter {
                    0 => query.centre = Some(CENTRE_WEIGHTS[rng.weighted(&centre_weights)].0),
                    1 => query.section = Some(Section::ALL[rng.weighted(&[70, 12, 10, 8])]),
                    2 => query.contract = Some(*rng.pick(ContractType::ALL)),
                    _ => query.language = Some(*rng.pick(&SpokenLanguage::ALL[..4])),
                }
            }
            query
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_mix() {
        assert_eq!(mix(300, 7), mix(300, 7));
        assert_ne!(mix(300, 7), mix(300, 8));
    }

    #[test]
    fn the_mix_has_every_kind_and_every_number_of_filters() {
        let queries = mix(1000, 1);
        for kind in KINDS {
            let n = queries.iter().filter(|q| q.kind == kind).count();
            assert!((100..=400).contains(&n), "{kind}: {n}");
        }
        for filters in 0..=3 {
            let n = queries.iter().filter(|q| q.filters() == filters).count();
            assert!((180..=320).contains(&n), "{filters} filters: {n}");
        }
        assert!(queries.iter().any(|q| q.text == "esperienza"));
        assert!(queries.iter().all(|q| !q.text.trim().is_empty()));
    }

    #[test]
    fn typos_are_one_edit_away() {
        let mut rng = Rng::new(3);
        for _ in 0..200 {
            let typed = typo(&mut rng, "cameriere");
            assert_ne!(typed, "cameriere");
            let (a, b) = (typed.chars().count() as i64, 9i64);
            assert!((a - b).abs() <= 1, "{typed}");
            assert!(typed.starts_with('c'), "{typed}");
        }
    }

    #[test]
    fn api_paths_are_encoded() {
        let query = BenchQuery {
            kind: "phrase",
            text: "\"vitto e alloggio\"".into(),
            centre: Some("nardo"),
            section: Some(Section::MiratoArt1),
            contract: None,
            language: Some(SpokenLanguage::ALL[1]),
        };
        let path = query.api_path();
        assert!(
            path.starts_with("/api/v1/offers?q=%22vitto%20e%20alloggio%22&sort=relevance&facets=true&centre=nardo&section=mirato_art1&language="),
            "{path}"
        );
        assert!(!path.contains(' '));
    }
}
