//! Property tests of [`Phone::parse`]: Italian mobiles and landlines and
//! foreign numbers, written in every accepted way (with or without `+39` or
//! `0039`, `+` or `00` abroad, spaces, dots, dashes, slashes and
//! parentheses between the digits), normalise to the one E.164 form, which
//! parses again to itself; and no input makes the parser panic or accept
//! something that is not E.164 and its own normal form.

use proptest::prelude::*;

use super::*;
use crate::strategies::{apply, config, edits, messy_text};

fn digits(range: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::char::range('0', '9'), range).prop_map(|d| d.into_iter().collect())
}

/// A number and how it is written in E.164.
#[derive(Debug, Clone)]
struct Number {
    /// The digits as dialled from where the number is: the national number
    /// of an Italian one, the country code and number of a foreign one.
    digits: String,
    italian: bool,
    e164: String,
}

/// An Italian mobile number: 3 and eight or nine more digits.
fn italian_mobile() -> impl Strategy<Value = Number> {
    digits(8..=9).prop_map(|rest| {
        let national = format!("3{rest}");
        Number {
            e164: format!("+39{national}"),
            digits: national,
            italian: true,
        }
    })
}

/// An Italian landline number: 0, an area code digit other than 0, and
/// four to nine more digits (six to eleven in all).
fn italian_landline() -> impl Strategy<Value = Number> {
    (prop::char::range('1', '9'), digits(4..=9)).prop_map(|(area, rest)| {
        let national = format!("0{area}{rest}");
        Number {
            e164: format!("+39{national}"),
            digits: national,
            italian: true,
        }
    })
}

/// A foreign number: a country code that does not start with 0 and is not
/// Italy's 39, then the subscriber number, eight to fifteen digits in all.
fn foreign() -> impl Strategy<Value = Number> {
    (prop::char::range('1', '9'), digits(7..=14))
        .prop_map(|(first, rest)| format!("{first}{rest}"))
        .prop_filter("not Italy", |d| !d.starts_with("39"))
        .prop_map(|digits| Number {
            e164: format!("+{digits}"),
            digits,
            italian: false,
        })
}

fn number() -> impl Strategy<Value = Number> {
    prop_oneof![italian_mobile(), italian_landline(), foreign()]
}

/// The prefixes an Italian number may be written with.
const ITALIAN_PREFIXES: &[&str] = &["", "+39", "+39 ", "0039", "0039 ", "(+39) ", "+ 39 ", "00 39-"];
/// The prefixes a foreign number must be written with.
const FOREIGN_PREFIXES: &[&str] = &["+", "00", "+ ", "00 ", "(00)", "+("];
/// What may stand between two digits.
const SEPARATORS: &[&str] = &[" ", ".", "-", "/", "(", ")", " - ", ") ", " ("];

prop_compose! {
    /// A number as somebody may write it: a prefix, separators between some
    /// digits, spaces around.
    fn written()(
        number in number(),
        prefix in any::<prop::sample::Index>(),
        separators in prop::collection::vec(prop::option::weighted(0.3, prop::sample::select(SEPARATORS)), 15),
        around in prop::sample::select(&[("", ""), (" ", " "), ("\t", "\n"), ("\u{a0}", "")][..]),
    ) -> (Number, String) {
        let prefixes = if number.italian { ITALIAN_PREFIXES } else { FOREIGN_PREFIXES };
        let mut text = format!("{}{}", around.0, prefixes[prefix.index(prefixes.len())]);
        for (i, digit) in number.digits.chars().enumerate() {
            if i > 0 && let Some(Some(separator)) = separators.get(i - 1) {
                text.push_str(separator);
            }
            text.push(digit);
        }
        text.push_str(around.1);
        (number, text)
    }
}

fn assert_canonical(phone: &Phone) -> Result<(), TestCaseError> {
    let digits = phone.as_str().strip_prefix('+').unwrap_or_default();
    prop_assert!((E164_MIN_DIGITS..=E164_MAX_DIGITS).contains(&digits.len()), "{}", phone);
    prop_assert!(
        digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0'),
        "{}",
        phone
    );
    // Shown (`Display`) and read again, it is itself.
    let shown = phone.to_string();
    prop_assert_eq!(&Phone::parse(&shown), &Ok(phone.clone()));
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn written_numbers_normalise_to_e164((number, text) in written()) {
        let phone = Phone::parse(&text).map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        prop_assert_eq!(phone.as_str(), number.e164.as_str(), "{:?}", text);
        prop_assert_eq!(
            phone.is_italian_mobile(),
            number.italian && number.digits.starts_with('3')
        );
        assert_canonical(&phone)?;
    }

    #[test]
    fn hostile_input_never_panics(input in messy_text()) {
        if let Ok(phone) = Phone::parse(&input) {
            assert_canonical(&phone)?;
        }
    }

    #[test]
    fn near_misses_never_panic((_, text) in written(), edits in edits()) {
        if let Ok(phone) = Phone::parse(&apply(&text, &edits)) {
            assert_canonical(&phone)?;
        }
    }
}
