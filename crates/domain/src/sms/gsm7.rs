//! The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table:
//! which characters a GSM-7 text message can carry, and in how many septets.
//! A character of the default alphabet takes one septet; one of the
//! extension table (`^ { } \ [ ~ ] | €` and form feed) takes two, the escape
//! septet 0x1B and its own. Anything else needs UCS-2.

/// The 128 characters of the default alphabet, in septet order (0x1B, the
/// escape to the extension table, stands here as a non-breaking space, which
/// the alphabet does not have, so that it matches no character).
const DEFAULT_ALPHABET: [char; 128] = [
    '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å', //
    'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', '\u{a0}', 'Æ', 'æ', 'ß', 'É', //
    ' ', '!', '"', '#', '¤', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/', //
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?', //
    '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', //
    'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§', //
    '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', //
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à', //
];

/// The characters of the extension table, each sent as the escape septet
/// followed by one more.
pub const EXTENSION: [char; 10] = ['\u{c}', '^', '{', '}', '\\', '[', '~', ']', '|', '€'];

/// The septets `c` takes in GSM-7: 1 for the default alphabet, 2 for the
/// extension table, `None` when GSM-7 cannot carry it.
pub fn septets(c: char) -> Option<usize> {
    if c != '\u{a0}' && DEFAULT_ALPHABET.contains(&c) {
        Some(1)
    } else if EXTENSION.contains(&c) {
        Some(2)
    } else {
        None
    }
}

/// Whether every character of `text` is in the GSM-7 default alphabet or its
/// extension table.
pub fn is_gsm7(text: &str) -> bool {
    text.chars().all(|c| septets(c).is_some())
}

/// Every character GSM-7 can carry (the default alphabet, then the
/// extension table), for tests and generators.
pub fn alphabet() -> impl Iterator<Item = char> {
    DEFAULT_ALPHABET
        .iter()
        .copied()
        .filter(|&c| c != '\u{a0}')
        .chain(EXTENSION.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_alphabet_has_127_characters_and_the_extension_table_10() {
        let mut all: Vec<char> = alphabet().collect();
        assert_eq!(all.len(), 137);
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 137, "no character twice");
        assert_eq!(alphabet().filter(|&c| septets(c) == Some(1)).count(), 127);
        assert_eq!(alphabet().filter(|&c| septets(c) == Some(2)).count(), 10);
    }

    #[test]
    fn known_characters_and_their_septets() {
        // Places in the table that are easy to get wrong: @ is 0x00, $ is
        // 0x02, ¤ is 0x24, ¡ is 0x40, § is 0x5F, ¿ is 0x60, à is 0x7F.
        assert_eq!(DEFAULT_ALPHABET[0x00], '@');
        assert_eq!(DEFAULT_ALPHABET[0x02], '$');
        assert_eq!(DEFAULT_ALPHABET[0x09], 'Ç');
        assert_eq!(DEFAULT_ALPHABET[0x24], '¤');
        assert_eq!(DEFAULT_ALPHABET[0x40], '¡');
        assert_eq!(DEFAULT_ALPHABET[0x5F], '§');
        assert_eq!(DEFAULT_ALPHABET[0x60], '¿');
        assert_eq!(DEFAULT_ALPHABET[0x7F], 'à');
        for c in "Città è già così: perché? Ore 9:30, 10% @ CPI Nardò; £ ¥ Ä Ö Ñ Ü ß Δ Ω\n\r".chars() {
            assert_eq!(septets(c), Some(1), "{c:?}");
        }
        for c in "^{}\\[~]|€\u{c}".chars() {
            assert_eq!(septets(c), Some(2), "{c:?}");
        }
        // Common characters that are not GSM-7: accented capitals other
        // than É, ç (only Ç is there), a combining accent, backtick,
        // typographic quotes and dashes, the non-breaking space, tabs,
        // emoji, Greek capitals that look Latin, other scripts.
        for c in "ÀÈÌÒÙçáíóúâêîôûë\u{301}`’‘“”–—…\u{a0}\tœ🙂مжΑ中".chars() {
            assert_eq!(septets(c), None, "{c:?}");
        }
        assert!(is_gsm7("Appuntamento CPI Lecce, ven 12/06 ore 9:30 [rif. AB12] €"));
        assert!(!is_gsm7("Rendez-vous à l’agence"));
        assert!(is_gsm7(""));
    }
}
