//! Property tests of [`CodiceFiscale::parse`]: valid codes, built here with
//! their check letter computed from the official tables, parse to
//! themselves however they are spaced and cased, and survive a round trip
//! through their text; a change of any one character is refused; and no
//! input, however hostile, makes the parser panic or accept something
//! that does not read back as itself.

use proptest::prelude::*;

use super::*;
use crate::strategies::{apply, config, edits, messy_text};

const LETTERS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The values of characters in odd positions (1st, 3rd, …), as the
/// Agenzia delle Entrate publishes the table: digits and letters in pairs.
const ODD_TABLE: [(char, char, u32); 10] = [
    ('0', 'A', 1),
    ('1', 'B', 0),
    ('2', 'C', 5),
    ('3', 'D', 7),
    ('4', 'E', 9),
    ('5', 'F', 13),
    ('6', 'G', 15),
    ('7', 'H', 17),
    ('8', 'I', 19),
    ('9', 'J', 21),
];
/// The rest of the odd-position table: letters K to Z.
const ODD_LETTERS: [(char, u32); 16] = [
    ('K', 2),
    ('L', 4),
    ('M', 18),
    ('N', 20),
    ('O', 11),
    ('P', 3),
    ('Q', 6),
    ('R', 8),
    ('S', 12),
    ('T', 14),
    ('U', 16),
    ('V', 10),
    ('W', 22),
    ('X', 25),
    ('Y', 24),
    ('Z', 23),
];

/// The check letter of fifteen characters, written out from the tables
/// (independently of the module's own arithmetic).
fn expected_check_letter(first_fifteen: &str) -> char {
    let sum: u32 = first_fifteen
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i % 2 == 0 {
                ODD_TABLE
                    .iter()
                    .find(|(d, l, _)| *d == c || *l == c)
                    .map(|t| t.2)
                    .or_else(|| ODD_LETTERS.iter().find(|(l, _)| *l == c).map(|t| t.1))
                    .expect("a digit or an upper-case letter")
            } else {
                c.to_digit(10)
                    .unwrap_or_else(|| LETTERS.find(c).expect("a letter") as u32)
            }
        })
        .sum();
    LETTERS.chars().nth((sum % 26) as usize).expect("below 26")
}

fn letter() -> impl Strategy<Value = char> {
    prop::char::range('A', 'Z')
}

/// A digit, or (with `omocodic`) the letter that stands for it.
fn digit(value: u32, omocodic: bool) -> char {
    if omocodic {
        "LMNPQRSTUV".chars().nth(value as usize).expect("a digit")
    } else {
        char::from_digit(value, 10).expect("a digit")
    }
}

prop_compose! {
    /// A valid codice fiscale: name letters, year, month letter, a man's or
    /// a woman's day, a place code, any digits replaced by omocodia letters,
    /// and the right check letter; and whether any digit was replaced.
    fn valid_code_omocodic()(
        name in prop::collection::vec(letter(), 6),
        year in 0u32..100,
        month in prop::sample::select(&b"ABCDEHLMPRST"[..]),
        day in prop_oneof![1u32..=31, 41u32..=71],
        place_letter in letter(),
        place in 0u32..1000,
        omocodia in prop::collection::vec(any::<bool>(), 7),
    ) -> (String, bool) {
        let digits = [year / 10, year % 10, day / 10, day % 10, place / 100, place / 10 % 10, place % 10];
        let d: Vec<char> = digits.iter().zip(&omocodia).map(|(&v, &o)| digit(v, o)).collect();
        let mut code: String = name.into_iter().collect();
        code.extend([d[0], d[1], char::from(month), d[2], d[3], place_letter, d[4], d[5], d[6]]);
        let check = expected_check_letter(&code);
        code.push(check);
        (code, omocodia.contains(&true))
    }
}

fn valid_code() -> impl Strategy<Value = String> {
    valid_code_omocodic().prop_map(|(code, _)| code)
}

/// `code` in mixed case with whitespace strewn about, as people type it.
fn as_typed(code: &str, lower: &[bool], spaces: &[Option<char>]) -> String {
    let mut typed = String::new();
    for (i, c) in code.chars().enumerate() {
        if let Some(Some(space)) = spaces.get(i) {
            typed.push(*space);
        }
        typed.push(if lower.get(i) == Some(&true) {
            c.to_ascii_lowercase()
        } else {
            c
        });
    }
    typed
}

/// What every accepted code is: sixteen upper-case letters and digits that
/// read back as themselves.
fn assert_canonical(code: &CodiceFiscale) -> Result<(), TestCaseError> {
    prop_assert_eq!(code.as_str().len(), LEN);
    prop_assert!(
        code.as_str()
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    );
    // Shown (`Display`) and read again, it is itself.
    let shown = code.to_string();
    prop_assert_eq!(&CodiceFiscale::parse(&shown), &Ok(code.clone()));
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn valid_codes_parse_to_themselves_and_round_trip((code, omocodic) in valid_code_omocodic()) {
        let parsed = CodiceFiscale::parse(&code).map_err(|e| TestCaseError::fail(format!("{code}: {e}")))?;
        prop_assert_eq!(parsed.as_str(), code.as_str());
        prop_assert_eq!(parsed.is_omocodic(), omocodic);
        assert_canonical(&parsed)?;
    }

    #[test]
    fn spacing_and_case_do_not_matter(
        code in valid_code(),
        lower in prop::collection::vec(any::<bool>(), 16),
        spaces in prop::collection::vec(prop::option::weighted(0.2, prop::sample::select(&[' ', '\t', '\n', '\u{a0}'][..])), 17),
        trailing in prop::sample::select(&["", " ", "\r\n", "\u{3000}"][..]),
    ) {
        let typed = format!("{}{trailing}", as_typed(&code, &lower, &spaces));
        prop_assert_eq!(CodiceFiscale::parse(&typed).map(|c| c.to_string()), Ok(code));
    }

    #[test]
    fn changing_any_one_character_is_refused(code in valid_code(), at in 0usize..16, shift in 1usize..36) {
        // Another letter or digit in that place.
        const ALPHANUMERIC: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        let mut changed: Vec<char> = code.chars().collect();
        let was = ALPHANUMERIC.find(changed[at]).expect("a letter or digit");
        changed[at] = ALPHANUMERIC[(was + shift) % 36..].chars().next().expect("in range");
        let changed: String = changed.into_iter().collect();
        prop_assert!(CodiceFiscale::parse(&changed).is_err(), "{} accepted", changed);
    }

    #[test]
    fn hostile_input_never_panics(input in messy_text()) {
        if let Ok(code) = CodiceFiscale::parse(&input) {
            assert_canonical(&code)?;
        }
    }

    #[test]
    fn near_misses_never_panic(code in valid_code(), edits in edits()) {
        let near = apply(&code, &edits);
        if let Ok(parsed) = CodiceFiscale::parse(&near) {
            assert_canonical(&parsed)?;
        }
    }
}
