//! The Italian tax code of a person (*codice fiscale*), which people give when
//! they book an appointment: sixteen characters built from the surname, the
//! name, the date and place of birth, and a check letter (DM 23/12/1976).
//!
//! Layout, 1-based positions: 1–6 letters (surname and name), 7–8 year, 9 month
//! letter (`ABCDEHLMPRST` = January…December), 10–11 day (01–31 for men, 41–71
//! for women), 12 a letter and 13–15 three digits (the Belfiore code of the
//! place of birth), 16 the check letter. When two people would get the same
//! code, the Agenzia delle Entrate replaces digits with letters (*omocodia*:
//! `LMNPQRSTUV` stand for 0…9), so every digit position may hold one of those
//! letters instead. Input may carry spaces anywhere and any case; the parsed
//! code is the sixteen characters in upper case, omocodia letters kept.
//!
//! The month letter, the day range and the check letter are verified; whether
//! the day exists in that month, and whether the place code is assigned, are not.

use serde::Serialize;

const LEN: usize = 16;
const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";
const OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";
/// 0-based positions that hold digits (or omocodia letters).
const DIGIT_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];

/// Values of the characters in odd (1st, 3rd, …) positions, by digit or letter
/// index: `0`/`A` = 1, `1`/`B` = 0, … `Z` = 23 (the official table).
const ODD_VALUES: [u32; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/// A codice fiscale whose structure and check letter have been verified.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct CodiceFiscale(String);

/// Why a text is not a codice fiscale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodiceFiscaleError {
    #[error("the codice fiscale is empty")]
    Empty,
    #[error("a codice fiscale has exactly 16 characters")]
    Length,
    #[error("this is not a valid codice fiscale; it should look like RSSMRA85T10A562S")]
    Format,
    #[error("this is not a valid codice fiscale: the check letter does not match")]
    Checksum,
}

impl CodiceFiscaleError {
    /// The identifier of the translated message shown for this error.
    pub fn message_id(&self) -> &'static str {
        match self {
            CodiceFiscaleError::Empty => "cf-empty",
            CodiceFiscaleError::Length => "cf-length",
            CodiceFiscaleError::Format => "cf-format",
            CodiceFiscaleError::Checksum => "cf-checksum",
        }
    }
}

impl CodiceFiscale {
    /// Parses user input such as ` rssmra 85t10 a562s `, which becomes
    /// `RSSMRA85T10A562S`.
    pub fn parse(input: &str) -> Result<CodiceFiscale, CodiceFiscaleError> {
        let code: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if code.is_empty() {
            return Err(CodiceFiscaleError::Empty);
        }
        if code.chars().count() != LEN {
            return Err(CodiceFiscaleError::Length);
        }
        let bytes = code.as_bytes();
        if !bytes.is_ascii() || !well_formed(bytes) {
            return Err(CodiceFiscaleError::Format);
        }
        if check_letter(&bytes[..LEN - 1]) != bytes[LEN - 1] {
            return Err(CodiceFiscaleError::Checksum);
        }
        Ok(CodiceFiscale(code))
    }

    /// The sixteen characters, in upper case.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether some digits were replaced by letters (omocodia).
    pub fn is_omocodic(&self) -> bool {
        let bytes = self.0.as_bytes();
        DIGIT_POSITIONS.iter().any(|&i| !bytes[i].is_ascii_digit())
    }
}

/// Letters and digits in their places, a known month letter and a day in range.
/// `bytes` is 16 ASCII upper-case characters.
fn well_formed(bytes: &[u8]) -> bool {
    let letters_in_place = (0..LEN)
        .filter(|i| !DIGIT_POSITIONS.contains(i))
        .all(|i| bytes[i].is_ascii_uppercase());
    let digits_in_place = DIGIT_POSITIONS.iter().all(|&i| digit_value(bytes[i]).is_some());
    if !letters_in_place || !digits_in_place || !MONTHS.contains(&bytes[8]) {
        return false;
    }
    let day = digit_value(bytes[9])
        .zip(digit_value(bytes[10]))
        .map(|(tens, units)| tens * 10 + units);
    matches!(day, Some(1..=31 | 41..=71))
}

/// The value of a digit position: a digit, or an omocodia letter standing for one.
fn digit_value(b: u8) -> Option<u32> {
    if b.is_ascii_digit() {
        return Some(u32::from(b - b'0'));
    }
    OMOCODIA
        .iter()
        .position(|&l| l == b)
        .and_then(|p| u32::try_from(p).ok())
}

/// The check letter of the first fifteen characters (ASCII digits or upper-case
/// letters): odd positions are valued with [`ODD_VALUES`], even positions as
/// they are (`0`…`9` = 0…9, `A`…`Z` = 0…25); the letter is the sum modulo 26.
fn check_letter(first_fifteen: &[u8]) -> u8 {
    let sum: u32 = first_fifteen
        .iter()
        .enumerate()
        .map(|(index, &b)| {
            let value = if b.is_ascii_digit() { b - b'0' } else { b - b'A' };
            if index % 2 == 0 {
                ODD_VALUES[usize::from(value)]
            } else {
                u32::from(value)
            }
        })
        .sum();
    // The remainder is below 26, so the cast cannot truncate.
    b'A' + (sum % 26) as u8
}

impl std::str::FromStr for CodiceFiscale {
    type Err = CodiceFiscaleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CodiceFiscale::parse(s)
    }
}

impl AsRef<str> for CodiceFiscale {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for CodiceFiscale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes whose check letter was computed independently of this module.
    const VALID: [&str; 6] = [
        // The textbook example: a man born on 10 December 1985, place code A562.
        "RSSMRA85T10A562S",
        // The same with the last digit replaced (2 → N), then the last two.
        "RSSMRA85T10A56NH",
        "RSSMRA85T10A5SNT",
        // Every digit position replaced.
        "RSSMRAURTMLARSNL",
        // A woman born on 12 May 1992 (day 52), and the same with the day's
        // last digit replaced (2 → N).
        "BNCLRA92E52F205Y",
        "BNCLRA92E5NF205N",
    ];

    #[test]
    fn accepts_valid_codes() {
        for code in VALID {
            let parsed = CodiceFiscale::parse(code).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert_eq!(parsed.as_str(), code);
            assert_eq!(parsed.to_string(), code);
        }
    }

    #[test]
    fn normalises_case_and_spaces() {
        for input in [
            "rssmra85t10a562s",
            "  RSSMRA85T10A562S\n",
            "RSS MRA 85T10 A562S",
            "rss mra 85 t 10 a562 s",
            "\tRssMra85t10A562s ",
        ] {
            assert_eq!(
                CodiceFiscale::parse(input).unwrap().as_str(),
                "RSSMRA85T10A562S",
                "{input:?}"
            );
        }
    }

    #[test]
    fn tells_omocodic_codes() {
        assert!(!CodiceFiscale::parse("RSSMRA85T10A562S").unwrap().is_omocodic());
        assert!(CodiceFiscale::parse("RSSMRA85T10A56NH").unwrap().is_omocodic());
        assert!(CodiceFiscale::parse("RSSMRAURTMLARSNL").unwrap().is_omocodic());
    }

    #[test]
    fn every_other_check_letter_is_refused() {
        for code in VALID {
            let (body, last) = code.split_at(15);
            for letter in 'A'..='Z' {
                if last.starts_with(letter) {
                    continue;
                }
                let wrong = format!("{body}{letter}");
                assert_eq!(
                    CodiceFiscale::parse(&wrong),
                    Err(CodiceFiscaleError::Checksum),
                    "{wrong}"
                );
            }
        }
    }

    #[test]
    fn refuses_empty_input_and_wrong_lengths() {
        use CodiceFiscaleError::*;
        for (input, error) in [
            ("", Empty),
            ("   \t", Empty),
            ("RSSMRA85T10A562", Length),
            ("RSSMRA85T10A562SX", Length),
            ("RSSMRA85T10A562-S", Length),
            ("12345678901", Length),
        ] {
            assert_eq!(CodiceFiscale::parse(input), Err(error), "{input:?}");
        }
    }

    #[test]
    fn refuses_characters_out_of_place() {
        // Each input has 16 characters and, where it matters, a check letter
        // computed for its first fifteen, so that only the format is wrong.
        for bad in [
            // A digit among the name letters.
            "RSSMR185T10A562S",
            // A letter that is not an omocodia letter in a digit position.
            "RSSMRA8AT10A562S",
            "RSSMRA85T10A56ZS",
            // A digit where the place letter goes, or where the check letter goes.
            "RSSMRA85T105562S",
            "RSSMRA85T10A5621",
            // Punctuation and non-ASCII characters.
            "RSSMRA85T10A562-",
            "RSSMRÀ85T10A562S",
            "RSSMRA85T10A562.",
        ] {
            assert_eq!(CodiceFiscale::parse(bad), Err(CodiceFiscaleError::Format), "{bad:?}");
        }
    }

    #[test]
    fn refuses_impossible_months_and_days() {
        for bad in [
            // Z is not a month letter (check letter computed for it).
            "RSSMRA85Z10A562B",
            // F, G and I are not month letters either.
            "RSSMRA85F10A562S",
            "RSSMRA85G10A562S",
            "RSSMRA85I10A562S",
            // Days 00, 32, 40 and 72 (check letters computed for them).
            "RSSMRA85T00A562R",
            "RSSMRA85T32A562Y",
            "RSSMRA85T40A562V",
            "RSSMRA85T72A562C",
        ] {
            assert_eq!(CodiceFiscale::parse(bad), Err(CodiceFiscaleError::Format), "{bad:?}");
        }
        // Day 71 (a woman born on the 31st) is fine.
        assert!(CodiceFiscale::parse("RSSMRA85T71A562X").is_ok());
    }

    #[test]
    fn check_letter_follows_the_tables() {
        // R S S M R A 8 5 T 1 0 A 5 6 2, odd positions R S R 8 T 0 5 2 →
        // 8+12+8+19+14+1+13+5 = 80; even positions S M A 5 1 A 6 →
        // 18+12+0+5+1+0+6 = 42; 122 % 26 = 18 → S.
        assert_eq!(check_letter(b"RSSMRA85T10A562"), b'S');
    }

    #[test]
    fn error_messages_have_ids() {
        assert_eq!(CodiceFiscaleError::Empty.message_id(), "cf-empty");
        assert_eq!(CodiceFiscaleError::Length.message_id(), "cf-length");
        assert_eq!(CodiceFiscaleError::Format.message_id(), "cf-format");
        assert_eq!(CodiceFiscaleError::Checksum.message_id(), "cf-checksum");
    }

    #[test]
    fn serializes_as_a_plain_string() {
        let parsed: CodiceFiscale = "rssmra85t10a562s".parse().unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), "\"RSSMRA85T10A562S\"");
    }
}

#[cfg(test)]
#[path = "codice_fiscale_props.rs"]
mod props;
