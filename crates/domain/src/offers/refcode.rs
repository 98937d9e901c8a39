//! Reference codes printed on boards, such as `LE-0427`: a centre's prefix and a
//! number of at least four digits that grows as needed. Case-insensitive on
//! input, upper-case when shown; numbers are never reused (storage keeps a
//! counter per prefix).

use serde::{Serialize, Serializer};

/// A parsed reference code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RefCode {
    prefix: String,
    number: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RefCodeError {
    #[error("a reference code looks like LE-0427: two or three letters, a dash, at least four digits")]
    Malformed,
}

impl RefCode {
    /// Builds the code for a centre prefix and a counter value.
    pub fn new(prefix: &str, number: u64) -> Result<RefCode, RefCodeError> {
        let prefix = prefix.to_ascii_uppercase();
        if !valid_prefix(&prefix) || number == 0 {
            return Err(RefCodeError::Malformed);
        }
        Ok(RefCode { prefix, number })
    }

    /// Parses user input such as `le-0427` or ` LE-12345 `.
    pub fn parse(input: &str) -> Result<RefCode, RefCodeError> {
        let input = input.trim();
        let (prefix, digits) = input.split_once('-').ok_or(RefCodeError::Malformed)?;
        if digits.len() < 4 || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(RefCodeError::Malformed);
        }
        // Four digits are zero-padded; longer numbers never start with a zero.
        if digits.len() > 4 && digits.starts_with('0') {
            return Err(RefCodeError::Malformed);
        }
        let number = digits.parse().map_err(|_| RefCodeError::Malformed)?;
        RefCode::new(prefix, number)
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub fn number(&self) -> u64 {
        self.number
    }
}

fn valid_prefix(p: &str) -> bool {
    (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_uppercase())
}

impl std::fmt::Display for RefCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{:04}", self.prefix, self.number)
    }
}

impl Serialize for RefCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_at_least_four_digits() {
        assert_eq!(RefCode::new("le", 427).unwrap().to_string(), "LE-0427");
        assert_eq!(RefCode::new("GL", 1).unwrap().to_string(), "GL-0001");
        assert_eq!(RefCode::new("RN", 12345).unwrap().to_string(), "RN-12345");
    }

    #[test]
    fn parses_case_insensitively_and_round_trips() {
        let r = RefCode::parse(" le-0427 ").unwrap();
        assert_eq!(r.prefix(), "LE");
        assert_eq!(r.number(), 427);
        assert_eq!(RefCode::parse(&r.to_string()).unwrap(), r);
        assert_eq!(RefCode::parse("RN-12345").unwrap().number(), 12345);
    }

    #[test]
    fn refuses_malformed_codes() {
        for bad in [
            "",
            "LE",
            "LE-",
            "LE-427",
            "LE0427",
            "L-0427",
            "LEXX-0427",
            "LE-04a7",
            "LE-00427",
            "LE-0000",
            "1E-0427",
            "LE-+427",
            "LE--0427",
            "ÀE-0427",
        ] {
            assert!(RefCode::parse(bad).is_err(), "{bad} should be refused");
        }
    }
}
