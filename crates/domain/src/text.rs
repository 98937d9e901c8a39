//! Text normalisation shared by search and by the storage-backed search column:
//! lower case, accents folded (`Nardò` → `nardo`, `étudiant` → `etudiant`),
//! anything that is not a letter or digit turned into a single space.

/// Normalises `input` for matching.
pub fn normalize(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for ch in input.chars().flat_map(char::to_lowercase) {
        let folded = fold(ch);
        if folded == Folded::Drop {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match folded {
            Folded::Keep => out.push(ch),
            Folded::Ascii(s) => out.push_str(s),
            Folded::Drop => {}
        }
    }
    out
}

/// One line as typed, trimmed, with every run of white space (line breaks
/// included) made one space: names and places shown as they were written.
pub fn clean_line(input: &str) -> String {
    input.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits normalised text into search terms, without duplicates.
pub fn terms(input: &str) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for term in normalize(input).split(' ').filter(|t| !t.is_empty()) {
        if !seen.iter().any(|s| s == term) {
            seen.push(term.to_string());
        }
    }
    seen
}

#[derive(Debug, PartialEq, Eq)]
enum Folded {
    /// Kept as it is (ASCII letters and digits, letters of other scripts).
    Keep,
    /// Replaced by its unaccented Latin spelling.
    Ascii(&'static str),
    /// Punctuation, symbols, spaces: a word separator.
    Drop,
}

fn fold(ch: char) -> Folded {
    // Latin letters used by Italian, French, German and the main languages
    // of the centres' users; letters of other scripts are kept as they are.
    let ascii = match ch {
        'a'..='z' | '0'..='9' => return Folded::Keep,
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' | 'ä' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'ō' | 'ő' | 'ö' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ș' | 'ş' => "s",
        'ß' => "ss",
        'ț' | 'ţ' | 'ť' => "t",
        'ù' | 'ú' | 'û' | 'ū' | 'ů' | 'ű' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        c if c.is_alphanumeric() => return Folded::Keep,
        _ => return Folded::Drop,
    };
    Folded::Ascii(ascii)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(normalize("Nardò"), "nardo");
        assert_eq!(normalize("ÉTUDIANT"), "etudiant");
        assert_eq!(normalize("Müller-Straße 5"), "muller strasse 5");
        assert_eq!(normalize("  Cameriere/a   di sala!! "), "cameriere a di sala");
        assert_eq!(normalize("LE-0427"), "le 0427");
        assert_eq!(normalize("%_'\""), "");
    }

    #[test]
    fn keeps_other_scripts_and_drops_symbols() {
        assert_eq!(normalize("работа 🙂 عمل"), "работа عمل");
    }

    #[test]
    fn terms_are_unique() {
        assert_eq!(terms("Cuoco cuoco CUOCÒ, aiuto"), vec!["cuoco", "aiuto"]);
        assert!(terms("()*~-").is_empty());
    }
}
