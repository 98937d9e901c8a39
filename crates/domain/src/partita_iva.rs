//! The Italian VAT number (*partita IVA*) of an employer: eleven digits, the last
//! of which is a check digit computed with the Luhn-style algorithm of the
//! Agenzia delle Entrate. Input may carry surrounding spaces and the `IT` prefix
//! used in EU VAT numbers; the parsed value is always the bare eleven digits.

use serde::Serialize;

/// A partita IVA whose length, digits and check digit have been verified.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct PartitaIva(String);

/// Why a text is not a partita IVA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PartitaIvaError {
    #[error("the partita IVA is empty")]
    Empty,
    #[error("a partita IVA has exactly 11 digits")]
    WrongLength,
    #[error("a partita IVA contains only digits, optionally after the prefix IT")]
    NotDigits,
    #[error("this is not a valid partita IVA: the check digit does not match")]
    BadChecksum,
}

impl PartitaIva {
    /// Parses user input such as `00743110157`, ` IT00743110157 ` or `it 00743110157`.
    ///
    /// Spaces are trimmed around the number, not inside it. The all-zeros number
    /// satisfies the check digit but is never issued: it is refused as
    /// [`PartitaIvaError::BadChecksum`].
    pub fn parse(input: &str) -> Result<PartitaIva, PartitaIvaError> {
        let trimmed = input.trim();
        let digits = match trimmed.get(..2) {
            Some(prefix) if prefix.eq_ignore_ascii_case("IT") => trimmed[2..].trim_start(),
            _ => trimmed,
        };
        if digits.is_empty() {
            return Err(PartitaIvaError::Empty);
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PartitaIvaError::NotDigits);
        }
        if digits.len() != 11 {
            return Err(PartitaIvaError::WrongLength);
        }
        let bytes = digits.as_bytes();
        if bytes.iter().all(|&b| b == b'0') || check_digit(&bytes[..10]) != bytes[10] - b'0' {
            return Err(PartitaIvaError::BadChecksum);
        }
        Ok(PartitaIva(digits.to_owned()))
    }

    /// The eleven digits, without the `IT` prefix.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The check digit of the first ten digits (ASCII): digits in odd positions
/// (1st, 3rd, …) are added as they are; digits in even positions are doubled,
/// minus 9 when the double exceeds 9; the check digit is `(10 - sum % 10) % 10`.
fn check_digit(first_ten: &[u8]) -> u8 {
    let sum: u32 = first_ten
        .iter()
        .enumerate()
        .map(|(index, &b)| {
            let digit = u32::from(b - b'0');
            if index % 2 == 0 {
                digit
            } else if digit * 2 > 9 {
                digit * 2 - 9
            } else {
                digit * 2
            }
        })
        .sum();
    // The value is below 10, so the cast cannot truncate.
    ((10 - sum % 10) % 10) as u8
}

impl std::str::FromStr for PartitaIva {
    type Err = PartitaIvaError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartitaIva::parse(s)
    }
}

impl AsRef<str> for PartitaIva {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for PartitaIva {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers whose check digit was verified with the algorithm above (two of
    /// them worked out by hand in `check_digit_follows_the_algorithm`).
    const VALID: [&str; 6] = [
        "00743110157",
        "01114601006",
        "00488410010",
        "02313821007",
        "07643520567",
        "12345678903",
    ];

    #[test]
    fn accepts_valid_numbers() {
        for number in VALID {
            let parsed = PartitaIva::parse(number).unwrap();
            assert_eq!(parsed.as_str(), number);
            assert_eq!(parsed.to_string(), number);
        }
    }

    #[test]
    fn every_other_last_digit_is_refused() {
        for number in VALID {
            let (body, last) = number.split_at(10);
            for digit in '0'..='9' {
                if last.starts_with(digit) {
                    continue;
                }
                let wrong = format!("{body}{digit}");
                assert_eq!(PartitaIva::parse(&wrong), Err(PartitaIvaError::BadChecksum), "{wrong}");
            }
        }
    }

    #[test]
    fn trims_spaces_and_the_it_prefix() {
        for input in [
            " 00743110157 ",
            "IT00743110157",
            "it00743110157",
            "It 00743110157",
            "\tIT00743110157\n",
        ] {
            assert_eq!(PartitaIva::parse(input).unwrap().as_str(), "00743110157", "{input:?}");
        }
    }

    #[test]
    fn tells_what_is_wrong() {
        use PartitaIvaError::*;
        for (input, error) in [
            ("", Empty),
            ("   ", Empty),
            ("IT", Empty),
            ("0074311015", WrongLength),
            ("007431101570", WrongLength),
            ("IT0074311015", WrongLength),
            ("0074311015a", NotDigits),
            ("007 4311 0157", NotDigits),
            ("00743-110157", NotDigits),
            ("FR00743110157", NotDigits),
            ("ITIT00743110157", NotDigits),
            ("００７４３１１０１５７", NotDigits),
            ("00000000000", BadChecksum),
            ("00743110158", BadChecksum),
        ] {
            assert_eq!(PartitaIva::parse(input), Err(error), "{input:?}");
        }
    }

    #[test]
    fn check_digit_follows_the_algorithm() {
        // 0 0 7 4 3 1 1 0 1 5: odd positions 0+7+3+1+1 = 12; even positions
        // 0,4,1,0,5 doubled 0,8,2,0,10→1 = 11; sum 23; (10 - 3) % 10 = 7.
        assert_eq!(check_digit(b"0074311015"), 7);
        // 0 1 1 1 4 6 0 1 0 0: odd 0+1+4+0+0 = 5; even 1,1,6,1,0 doubled
        // 2,2,12→3,2,0 = 9; sum 14; (10 - 4) % 10 = 6.
        assert_eq!(check_digit(b"0111460100"), 6);
        // A sum that is a multiple of ten gives 0, not 10.
        assert_eq!(check_digit(b"0048841001"), 0);
    }

    #[test]
    fn serializes_as_a_plain_string() {
        let parsed: PartitaIva = "IT01114601006".parse().unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), "\"01114601006\"");
    }
}

#[cfg(test)]
#[path = "partita_iva_props.rs"]
mod props;
