//! Property tests of [`PartitaIva::parse`]: valid numbers, built here with
//! their check digit, parse to themselves with or without the `IT` prefix
//! and surrounding spaces and survive a round trip through their text; a
//! change of any one digit is refused; and no input makes the parser panic
//! or accept something other than eleven digits that read back as
//! themselves.

use proptest::prelude::*;

use super::*;
use crate::strategies::{apply, config, edits, messy_text};

/// The check digit of ten digits, by the Luhn rule as the Agenzia delle
/// Entrate states it: from the left, the 2nd, 4th, … digits are doubled and
/// reduced to one digit (12 → 1 + 2), and the check digit brings the sum up
/// to a multiple of ten.
fn expected_check_digit(first_ten: &[u32]) -> u32 {
    let sum: u32 = first_ten
        .iter()
        .enumerate()
        .map(|(i, &d)| if i % 2 == 1 { (2 * d) / 10 + (2 * d) % 10 } else { d })
        .sum();
    (10 - sum % 10) % 10
}

prop_compose! {
    /// A valid partita IVA: ten digits, not all zero, and their check digit.
    fn valid_number()(digits in prop::collection::vec(0u32..10, 10)
        .prop_filter("the all-zeros number is never issued", |d| d.iter().any(|&x| x != 0))) -> String {
        let check = expected_check_digit(&digits);
        digits.iter().chain([&check]).map(|d| char::from_digit(*d, 10).expect("a digit")).collect()
    }
}

fn assert_canonical(number: &PartitaIva) -> Result<(), TestCaseError> {
    prop_assert_eq!(number.as_str().len(), 11);
    prop_assert!(number.as_str().bytes().all(|b| b.is_ascii_digit()));
    // Shown (`Display`) and read again, it is itself.
    let shown = number.to_string();
    prop_assert_eq!(&PartitaIva::parse(&shown), &Ok(number.clone()));
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn valid_numbers_parse_to_themselves_and_round_trip(number in valid_number()) {
        let parsed = PartitaIva::parse(&number).map_err(|e| TestCaseError::fail(format!("{number}: {e}")))?;
        prop_assert_eq!(parsed.as_str(), number.as_str());
        assert_canonical(&parsed)?;
    }

    #[test]
    fn prefix_and_surrounding_spaces_do_not_matter(
        number in valid_number(),
        before in prop::sample::select(&["", " ", "\t", "\u{a0}", "\n "][..]),
        prefix in prop::sample::select(&["", "IT", "it", "It", "iT", "IT ", "it\t"][..]),
        after in prop::sample::select(&["", " ", "\r\n", "\u{3000}"][..]),
    ) {
        let typed = format!("{before}{prefix}{number}{after}");
        prop_assert_eq!(PartitaIva::parse(&typed).map(|p| p.to_string()), Ok(number));
    }

    #[test]
    fn changing_any_one_digit_is_refused(number in valid_number(), at in 0usize..11, shift in 1u32..10) {
        let mut changed: Vec<char> = number.chars().collect();
        let digit = changed[at].to_digit(10).expect("a digit");
        changed[at] = char::from_digit((digit + shift) % 10, 10).expect("a digit");
        let changed: String = changed.into_iter().collect();
        prop_assert_eq!(PartitaIva::parse(&changed), Err(PartitaIvaError::BadChecksum));
    }

    #[test]
    fn hostile_input_never_panics(input in messy_text()) {
        if let Ok(number) = PartitaIva::parse(&input) {
            assert_canonical(&number)?;
        }
    }

    #[test]
    fn near_misses_never_panic(number in valid_number(), edits in edits()) {
        let near = apply(&format!("IT{number}"), &edits);
        if let Ok(parsed) = PartitaIva::parse(&near) {
            assert_canonical(&parsed)?;
        }
    }
}
