//! Property tests of [`SmsText::parse`] and [`split`]: texts of the GSM-7
//! alphabet (extension characters included), texts with characters outside
//! it (emoji, other scripts, typographic punctuation) and hostile text.
//! Whatever the text, parsing never panics; the parts put back together
//! are the text; no part holds more than a part may; every part but the
//! last is as full as it can be (the next character would not fit); the
//! counts agree with UTF-16 and with the septets counted here from the
//! tables, independently of the code under test.

use proptest::prelude::*;

use super::*;
use crate::strategies::{config, messy_text};

/// The extension table, written out here rather than read from `gsm7`.
const EXTENSION: &str = "^{}\\[~]|€\u{c}";

/// Septets of a GSM-7 text, counted from the table above.
fn septets(text: &str) -> usize {
    text.chars().map(|c| if EXTENSION.contains(c) { 2 } else { 1 }).sum()
}

fn gsm7_char() -> impl Strategy<Value = char> {
    let all: Vec<char> = gsm7::alphabet().collect();
    prop_oneof![
        6 => prop::char::range('a', 'z'),
        2 => prop::sample::select(all),
        1 => prop::sample::select(EXTENSION.chars().collect::<Vec<_>>()),
    ]
}

/// GSM-7 text from empty to past four parts, often near a boundary.
fn gsm7_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(gsm7_char(), 0..520),
        prop::collection::vec(gsm7_char(), 150..170),
        prop::collection::vec(gsm7_char(), 300..312),
        prop::collection::vec(gsm7_char(), 450..465),
    ]
    .prop_map(|chars| chars.into_iter().collect())
}

/// Characters GSM-7 cannot carry, some outside the Basic Multilingual
/// Plane (two UTF-16 code units).
fn other_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec!['’', '“', '–', 'ç', 'À', 'ő', 'ж', 'م', '中', '\t', '\u{a0}', '`']),
        prop::sample::select(vec!['🙂', '😀', '👍', '𝄞']),
        prop::char::range('\u{400}', '\u{4ff}'),
        prop::char::range('\u{1f300}', '\u{1f5ff}'),
    ]
}

/// Text that needs UCS-2: GSM-7 characters with at least one other.
fn ucs2_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop_oneof![3 => gsm7_char(), 1 => other_char()], 0..220),
        other_char(),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(mut chars, other, at)| {
            chars.insert(at.index(chars.len() + 1), other);
            chars.into_iter().collect()
        })
}

/// What a part may hold in `encoding`, and the units of `text` in it.
fn units(text: &str, encoding: SmsEncoding) -> usize {
    match encoding {
        SmsEncoding::Gsm7 => septets(text),
        SmsEncoding::Ucs2 => text.encode_utf16().count(),
    }
}

/// The invariants every accepted text keeps.
fn check_split(sms: &SmsText) -> Result<(), TestCaseError> {
    let encoding = sms.encoding();
    let parts = sms.split();
    prop_assert_eq!(parts.len(), sms.parts());
    prop_assert!((1..=MAX_PARTS).contains(&parts.len()));
    prop_assert_eq!(parts.concat(), sms.as_str());
    prop_assert_eq!(units(sms.as_str(), encoding), sms.units());
    if parts.len() == 1 {
        prop_assert!(sms.units() <= encoding.single_part_units());
        return Ok(());
    }
    prop_assert!(sms.units() > encoding.single_part_units());
    for (i, part) in parts.iter().enumerate() {
        prop_assert!(!part.is_empty());
        prop_assert!(units(part, encoding) <= encoding.units_per_part());
        if let Some(next) = parts.get(i + 1) {
            let first = next.chars().next().expect("a part is never empty");
            let with_next = units(part, encoding) + units(first.encode_utf8(&mut [0; 4]), encoding);
            prop_assert!(with_next > encoding.units_per_part(), "part {} could hold more", i);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn gsm7_texts_are_counted_in_septets(text in gsm7_text()) {
        let count = septets(&text);
        match SmsText::parse(&text) {
            Ok(sms) => {
                prop_assert_eq!(sms.encoding(), SmsEncoding::Gsm7);
                prop_assert_eq!(sms.units(), count);
                prop_assert!(count <= 160 || sms.parts() >= count.div_ceil(153));
                check_split(&sms)?;
            }
            Err(SmsTextError::Empty) => prop_assert!(text.trim().is_empty()),
            Err(SmsTextError::TooLong { parts, units, encoding }) => {
                prop_assert_eq!(encoding, SmsEncoding::Gsm7);
                prop_assert_eq!(units, count);
                prop_assert!(parts > MAX_PARTS);
                prop_assert!(count > 3 * 153 - 3, "{} septets fit in three parts", count);
                prop_assert_eq!(split(&text, encoding).len(), parts);
            }
        }
    }

    #[test]
    fn other_texts_are_counted_in_utf16_units(text in ucs2_text()) {
        let count = text.encode_utf16().count();
        match SmsText::parse(&text) {
            Ok(sms) => {
                prop_assert_eq!(sms.encoding(), SmsEncoding::Ucs2);
                prop_assert_eq!(sms.units(), count);
                check_split(&sms)?;
            }
            Err(SmsTextError::Empty) => prop_assert!(text.trim().is_empty()),
            Err(SmsTextError::TooLong { parts, units, encoding }) => {
                prop_assert_eq!(encoding, SmsEncoding::Ucs2);
                prop_assert_eq!(units, count);
                prop_assert!(parts > MAX_PARTS);
                prop_assert!(count > 3 * 67 - 3, "{} units fit in three parts", count);
            }
        }
    }

    #[test]
    fn any_text_is_accepted_or_refused_without_panicking(text in messy_text()) {
        match SmsText::parse(&text) {
            Ok(sms) => {
                prop_assert_eq!(sms.as_str(), text.as_str());
                prop_assert_eq!(
                    sms.encoding() == SmsEncoding::Gsm7,
                    text.chars().all(|c| gsm7::alphabet().any(|g| g == c))
                );
                check_split(&sms)?;
            }
            Err(SmsTextError::Empty) => prop_assert!(text.trim().is_empty()),
            Err(SmsTextError::TooLong { parts, .. }) => prop_assert!(parts > MAX_PARTS),
        }
    }
}
