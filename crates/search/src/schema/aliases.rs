//! Everyday names of occupations that their ISCO-08 labels lack, indexed
//! with the label so that a query for the name people use finds offers with
//! no text in the query's language (the official label of 5419 is
//! "Protective services workers not elsewhere classified", and nobody looks
//! for a lifeguard that way). Like ESCO's alternative labels, one list per
//! occupation and language; an occupation not listed has its label only.

use sportello_domain::Lang;

/// (ISCO-08 code, names in it, en, fr, de).
const ALIASES: &[(&str, [&str; 4])] = &[
    (
        "5419",
        [
            "bagnino, bagnina, assistente bagnanti",
            "lifeguard",
            "maître-nageur sauveteur, surveillant de baignade",
            "Rettungsschwimmer",
        ],
    ),
    (
        "7411",
        [
            "elettricista",
            "electrician",
            "électricien",
            "Elektriker, Elektroinstallateur",
        ],
    ),
    (
        "8344",
        [
            "carrellista, mulettista",
            "forklift operator, forklift driver",
            "cariste",
            "Gabelstaplerfahrer",
        ],
    ),
    (
        "9333",
        [
            "magazziniere",
            "warehouse worker, warehouse operative",
            "magasinier, manutentionnaire",
            "Lagerarbeiter",
        ],
    ),
    (
        "6111",
        [
            "orticoltore",
            "vegetable grower",
            "maraîcher",
            "Gemüsebauer, Gemüsegärtner",
        ],
    ),
    (
        "5322",
        [
            "badante",
            "caregiver, home carer",
            "aide à domicile",
            "Pflegekraft, Betreuungskraft",
        ],
    ),
    (
        "8332",
        [
            "camionista, autista di camion",
            "truck driver, lorry driver",
            "chauffeur routier",
            "Lkw-Fahrer, Berufskraftfahrer",
        ],
    ),
];

/// The everyday names of occupation `code` in `lang` (comma-separated), if any.
pub(crate) fn aliases(code: &str, lang: Lang) -> Option<&'static str> {
    ALIASES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, names)| names[lang.index()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_exist_for_listed_occupations_only() {
        assert_eq!(aliases("5419", Lang::En), Some("lifeguard"));
        assert!(aliases("7411", Lang::De).is_some_and(|n| n.contains("Elektriker")));
        assert_eq!(aliases("5131", Lang::It), None);
        for (code, _) in ALIASES {
            assert!(
                sportello_domain::vocab::occupation(code).is_some(),
                "{code} is an ISCO-08 unit group"
            );
        }
    }
}
