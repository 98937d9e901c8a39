//! The storage-backed search, backend-independent parts: what text of an offer
//! is searchable, and how a query's words become SQL `LIKE` patterns. The
//! search engine of a later stage replaces this behind the same interface.

use sportello_domain::text::{normalize, terms};
use sportello_domain::vocab::occupations;
use sportello_domain::{Lang, NewOffer, RefCode};

/// Normalised columns stored with each offer: `(title_text, search_text)`.
/// Only public texts are searchable; a hidden employer's name never is.
pub(crate) fn search_columns(offer: &NewOffer, reference: &RefCode) -> (String, String) {
    let mut titles = Vec::new();
    let mut all = vec![reference.to_string(), offer.place.town.clone()];
    if let Some(name) = offer.employer.public_name() {
        all.push(name.to_string());
    }
    for lang in Lang::ALL {
        if let Some(text) = offer.public_text(lang) {
            titles.push(text.title.clone());
            all.push(text.title.clone());
            all.push(text.description.clone());
        }
    }
    (normalize(&titles.join(" ")), normalize(&all.join(" ")))
}

/// One word of a query: the `LIKE` pattern to look for in the searchable text
/// and the occupations whose label, in any language, contains it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    pub pattern: String,
    pub occupations: Vec<&'static str>,
}

/// Splits a query into terms. Words of five letters or more lose their last
/// letter, a crude stemming that lets `cameriere` find `camerieri` and
/// `cameriera`, and `serveur` find `serveurs`.
pub(crate) fn query_terms(text: &str) -> Vec<Term> {
    terms(text)
        .into_iter()
        .map(|word| {
            let stem: String = if word.chars().count() >= 5 {
                let mut chars: Vec<char> = word.chars().collect();
                chars.pop();
                chars.into_iter().collect()
            } else {
                word
            };
            let occupations = occupations()
                .iter()
                .filter(|o| o.labels().iter().any(|label| normalize(label).contains(&stem)))
                .map(|o| o.code)
                .collect();
            Term {
                pattern: format!("%{stem}%"),
                occupations,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_match_occupations_in_every_language() {
        for word in ["cameriere", "Kellner", "serveur", "waiter"] {
            let t = query_terms(word);
            assert_eq!(t.len(), 1);
            assert!(
                t[0].occupations.contains(&"5131"),
                "{word} finds waiters: {:?}",
                t[0].occupations
            );
        }
        assert_eq!(query_terms("Nardò")[0].pattern, "%nard%");
        assert!(query_terms("*()~\"").is_empty());
    }
}
