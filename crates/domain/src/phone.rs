//! Phone numbers that people type to be called or texted about their
//! appointments, kept in E.164 form (`+393331234567`) so that a text-message
//! gateway and a person dialling read them the same way.
//!
//! Accepted: digits with spaces, dots, dashes, slashes and parentheses between
//! them; an optional `+` (or `00`) and country code before any digit. A number
//! without a country code is Italian. An Italian number, with or without `+39`,
//! starts with `3` (mobile, 9 or 10 digits) or `0` (landline, 6 to 11 digits,
//! the leading 0 kept after `+39`). Other countries: 8 to 15 digits in all,
//! country code included (the E.164 limit), the first not 0. Toll-free, premium
//! and short numbers are refused: nobody can be called back on them.

use serde::Serialize;

const E164_MIN_DIGITS: usize = 8;
const E164_MAX_DIGITS: usize = 15;

/// A phone number in E.164 form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Phone(String);

/// Why a text is not a phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("the phone number is empty")]
    Empty,
    #[error(
        "this is not a valid phone number; write digits only, e.g. 333 123 4567 or +39 0832 123456 \
         (an Italian number starts with 3 or 0)"
    )]
    Invalid,
    #[error("this phone number has too few or too many digits")]
    Length,
}

impl PhoneError {
    /// The identifier of the translated message shown for this error.
    pub fn message_id(&self) -> &'static str {
        match self {
            PhoneError::Empty => "phone-empty",
            PhoneError::Invalid => "phone-invalid",
            PhoneError::Length => "phone-length",
        }
    }
}

impl Phone {
    /// Parses user input such as `333 123 4567`, `+39 (0832) 12.34.56` or
    /// `0049 30 1234567`.
    pub fn parse(input: &str) -> Result<Phone, PhoneError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneError::Empty);
        }
        let mut plus = false;
        let mut digits = String::with_capacity(trimmed.len());
        for c in trimmed.chars() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if !plus && digits.is_empty() => plus = true,
                ' ' | '.' | '-' | '/' | '(' | ')' => {}
                _ => return Err(PhoneError::Invalid),
            }
        }
        if digits.is_empty() {
            return Err(if plus { PhoneError::Length } else { PhoneError::Invalid });
        }
        let international = if plus {
            Some(digits.as_str())
        } else {
            digits.strip_prefix("00")
        };
        match international {
            None => italian(&digits),
            Some(number) => match number.strip_prefix("39") {
                Some(national) => italian(national),
                None if number.starts_with('0') => Err(PhoneError::Invalid),
                None if !(E164_MIN_DIGITS..=E164_MAX_DIGITS).contains(&number.len()) => Err(PhoneError::Length),
                None => Ok(Phone(format!("+{number}"))),
            },
        }
    }

    /// The number in E.164 form, e.g. `+393331234567`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is an Italian mobile number (one that can receive texts).
    pub fn is_italian_mobile(&self) -> bool {
        self.0.starts_with("+393")
    }

    /// Whether a text message can reach this number: any but an Italian
    /// landline (`+390…`). Other countries' landlines cannot be told apart
    /// by their digits alone; a text sent to one fails at the gateway.
    pub fn can_receive_sms(&self) -> bool {
        !self.0.starts_with("+390")
    }

    /// The country calling code (E.164), e.g. `39` for Italy, `1` for North
    /// America, `216` for Tunisia: the codes are prefix-free, with only `1`
    /// and `7` one digit long and the two-digit ones listed here; every
    /// other code has three digits.
    pub fn country_code(&self) -> &str {
        const TWO_DIGITS: [&str; 44] = [
            "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
            "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
            "86", "90", "91", "92", "93", "94", "95", "98",
        ];
        let digits = &self.0[1..];
        let len = if digits.starts_with(['1', '7']) {
            1
        } else if TWO_DIGITS.contains(&&digits[..2]) {
            2
        } else {
            3
        };
        &digits[..len]
    }
}

/// An Italian number without its country code, checked and written with `+39`.
fn italian(national: &str) -> Result<Phone, PhoneError> {
    let lengths = match national.as_bytes().first() {
        Some(b'3') => 9..=10,
        Some(b'0') => 6..=11,
        Some(_) => return Err(PhoneError::Invalid),
        None => return Err(PhoneError::Length),
    };
    if !lengths.contains(&national.len()) {
        return Err(PhoneError::Length);
    }
    Ok(Phone(format!("+39{national}")))
}

impl std::str::FromStr for Phone {
    type Err = PhoneError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Phone::parse(s)
    }
}

impl AsRef<str> for Phone {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Phone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_codes_are_read_from_the_number() {
        for (input, code) in [
            ("333 123 4567", "39"),
            ("0832 123456", "39"),
            ("+1 212 555 0100", "1"),
            ("+7 495 123 4567", "7"),
            ("+49 30 1234567", "49"),
            ("+216 20 123 456", "216"),
            ("+212 612 345678", "212"),
            ("+40 721 234 567", "40"),
            ("+355 69 123 4567", "355"),
            ("+380 50 123 4567", "380"),
        ] {
            assert_eq!(Phone::parse(input).unwrap().country_code(), code, "{input}");
        }
    }

    #[test]
    fn italian_landlines_get_no_texts() {
        assert!(Phone::parse("333 123 4567").unwrap().can_receive_sms());
        assert!(!Phone::parse("0832 123456").unwrap().can_receive_sms());
        assert!(Phone::parse("+49 151 2345678").unwrap().can_receive_sms());
    }

    #[test]
    fn accepts_italian_mobiles() {
        for input in [
            "3331234567",
            "333 123 4567",
            "333-123-4567",
            "333.123.45.67",
            "333/1234567",
            "(333) 1234567",
            "+39 333 1234567",
            "+393331234567",
            "0039 333 1234567",
            "(+39) 333 123 4567",
            "  +39 333 12 34 567\t",
        ] {
            let phone = Phone::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(phone.as_str(), "+393331234567", "{input:?}");
            assert!(phone.is_italian_mobile(), "{input:?}");
        }
        // Some older mobile numbers have nine digits.
        assert_eq!(Phone::parse("335 123456").unwrap().as_str(), "+39335123456");
    }

    #[test]
    fn accepts_italian_landlines_keeping_the_leading_zero() {
        for (input, expected) in [
            ("0832 123456", "+390832123456"),
            ("+39 0832 123456", "+390832123456"),
            ("0039 (0832) 12.34.56", "+390832123456"),
            ("06 1234567", "+39061234567"),
            ("06-12345678", "+390612345678"),
            // The shortest and longest Italian landline numbers.
            ("0123 45", "+39012345"),
            ("0123 456 7890", "+3901234567890"),
        ] {
            let phone = Phone::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(phone.as_str(), expected, "{input:?}");
            assert!(!phone.is_italian_mobile(), "{input:?}");
        }
    }

    #[test]
    fn accepts_other_countries() {
        for (input, expected) in [
            ("+49 30 1234567", "+49301234567"),
            ("0049 30 1234567", "+49301234567"),
            ("+33 6 12 34 56 78", "+33612345678"),
            ("+44 (20) 7946-0958", "+442079460958"),
            ("+1 212 555 0100", "+12125550100"),
            // Eight and fifteen digits in all.
            ("+356 2123 4567", "+35621234567"),
            ("+3812 3456", "+38123456"),
            ("+123 456 789 012 345", "+123456789012345"),
        ] {
            let phone = Phone::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert_eq!(phone.as_str(), expected, "{input:?}");
            assert!(!phone.is_italian_mobile(), "{input:?}");
        }
    }

    #[test]
    fn refuses_empty_input() {
        assert_eq!(Phone::parse(""), Err(PhoneError::Empty));
        assert_eq!(Phone::parse("  \t\n"), Err(PhoneError::Empty));
    }

    #[test]
    fn refuses_letters_and_other_characters() {
        for bad in [
            "333 123 456a",
            "tel. 3331234567",
            "333_1234567",
            "333,1234567",
            "333+1234567",
            "++39 3331234567",
            "+39 +3331234567",
            "333 1234567 int. 2",
            "３３３１２３４５６７",
            "---",
            "()",
            // Italian numbers that are neither mobile nor landline.
            "800 123456",
            "+39 800 123456",
            "1 2345 6789",
            "+39 1234567",
            // A country code cannot start with 0.
            "+0 123 4567 890",
            "000 123 4567 890",
        ] {
            assert_eq!(Phone::parse(bad), Err(PhoneError::Invalid), "{bad:?}");
        }
    }

    #[test]
    fn refuses_wrong_lengths() {
        for bad in [
            "+",
            "+ ( )",
            "+39",
            "0039",
            "33312345",
            "333 123 45678",
            "+39 333 123 45678",
            "01234",
            "0123 456 78901",
            "+39 0123 456 78901",
            "+49 123 45",
            "+1234 5678 9012 3456",
            "00",
        ] {
            assert_eq!(Phone::parse(bad), Err(PhoneError::Length), "{bad:?}");
        }
    }

    #[test]
    fn error_messages_have_ids() {
        assert_eq!(PhoneError::Empty.message_id(), "phone-empty");
        assert_eq!(PhoneError::Invalid.message_id(), "phone-invalid");
        assert_eq!(PhoneError::Length.message_id(), "phone-length");
    }

    #[test]
    fn serializes_as_a_plain_string() {
        let phone: Phone = "333 123 4567".parse().unwrap();
        assert_eq!(serde_json::to_string(&phone).unwrap(), "\"+393331234567\"");
        assert_eq!(phone.to_string(), "+393331234567");
    }
}

#[cfg(test)]
#[path = "phone_props.rs"]
mod props;
