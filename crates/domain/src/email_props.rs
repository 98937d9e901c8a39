//! Property tests of [`Email::parse`]: addresses built from the accepted
//! characters (atoms with single dots, domains of two or more labels with
//! inner hyphens, in any case, up to the length limits) parse to their
//! lower-case form, split back into the same local part and domain, and
//! parse again to themselves; and no input makes the parser panic or accept
//! something that is not a lower-case, header-safe address reading back as
//! itself.

use proptest::prelude::*;

use super::*;
use crate::strategies::{apply, config, edits, messy_text};

/// The characters of a local part besides letters and digits.
const LOCAL_SPECIALS: &str = "!#$%&'*+/=?^_`{|}~-";

fn atom() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        4 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        2 => prop::char::range('0', '9'),
        1 => prop::sample::select(LOCAL_SPECIALS.chars().collect::<Vec<_>>()),
    ];
    prop::collection::vec(c, 1..=12).prop_map(|c| c.into_iter().collect())
}

/// A label: letters and digits, hyphens only inside, one to 63 characters.
fn label() -> impl Strategy<Value = String> {
    let alnum = || {
        prop_oneof![
            4 => prop::char::range('a', 'z'),
            1 => prop::char::range('A', 'Z'),
            2 => prop::char::range('0', '9'),
        ]
    };
    let inner = prop_oneof![4 => alnum(), 1 => Just('-')];
    prop_oneof![
        4 => (alnum(), prop::collection::vec(inner, 0..=10), alnum())
            .prop_map(|(a, mid, b)| std::iter::once(a).chain(mid).chain([b]).collect()),
        1 => alnum().prop_map(String::from),
        1 => prop::collection::vec(alnum(), 63).prop_map(|c| c.into_iter().collect()),
    ]
}

/// A top-level label: a label with at least one letter.
fn top_label() -> impl Strategy<Value = String> {
    label().prop_filter("not all digits", |l| !l.bytes().all(|b| b.is_ascii_digit()))
}

prop_compose! {
    /// A valid address as typed (any case): its local part and domain.
    fn valid_address()(
        atoms in prop::collection::vec(atom(), 1..=5),
        labels in prop::collection::vec(label(), 1..=3),
        top in top_label(),
    ) -> (String, String) {
        let mut local = atoms.join(".");
        local.truncate(MAX_LOCAL_LEN);
        let local = local.trim_end_matches('.').to_string();
        let domain = format!("{}.{top}", labels.join("."));
        (local, domain)
    }
}

fn fitting_address() -> impl Strategy<Value = (String, String)> {
    valid_address().prop_filter("at most 254 characters", |(local, domain)| {
        local.len() + 1 + domain.len() <= MAX_LEN
    })
}

fn assert_canonical(email: &Email) -> Result<(), TestCaseError> {
    let text = email.as_str();
    prop_assert!(text.len() <= MAX_LEN, "{}", text);
    prop_assert!(
        text.bytes()
            .all(|b| b.is_ascii_graphic() && !b.is_ascii_uppercase() && !b"<>\"(),;:\\[]".contains(&b)),
        "{}",
        text
    );
    prop_assert_eq!(text.matches('@').count(), 1);
    prop_assert_eq!(format!("{}@{}", email.local_part(), email.domain()), text);
    // Shown (`Display`) and read again, it is itself.
    let shown = email.to_string();
    prop_assert_eq!(&Email::parse(&shown), &Ok(email.clone()));
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn valid_addresses_parse_to_lower_case_and_round_trip((local, domain) in fitting_address()) {
        let typed = format!("{local}@{domain}");
        let email = Email::parse(&typed).map_err(|e| TestCaseError::fail(format!("{typed}: {e}")))?;
        prop_assert_eq!(email.as_str(), typed.to_ascii_lowercase());
        prop_assert_eq!(email.local_part(), local.to_ascii_lowercase());
        prop_assert_eq!(email.domain(), domain.to_ascii_lowercase());
        assert_canonical(&email)?;
    }

    #[test]
    fn surrounding_whitespace_is_trimmed(
        (local, domain) in fitting_address(),
        before in prop::sample::select(&["", " ", "\t", "\n", "\u{a0}", "\u{2003}"][..]),
        after in prop::sample::select(&["", " ", "\r\n", "\u{3000}"][..]),
    ) {
        let typed = format!("{before}{local}@{domain}{after}");
        prop_assert_eq!(
            Email::parse(&typed).map(|e| e.to_string()),
            Ok(format!("{local}@{domain}").to_ascii_lowercase())
        );
    }

    #[test]
    fn too_long_addresses_are_refused((local, domain) in valid_address(), extra in label()) {
        let mut domain = domain;
        while local.len() + 1 + domain.len() <= MAX_LEN {
            domain = format!("{extra}.{domain}");
        }
        let long = format!("{local}@{domain}");
        prop_assert_eq!(Email::parse(&long), Err(EmailError::TooLong));
    }

    #[test]
    fn hostile_input_never_panics(input in messy_text()) {
        if let Ok(email) = Email::parse(&input) {
            assert_canonical(&email)?;
        }
    }

    #[test]
    fn near_misses_never_panic((local, domain) in fitting_address(), edits in edits()) {
        if let Ok(email) = Email::parse(&apply(&format!("{local}@{domain}"), &edits)) {
            assert_canonical(&email)?;
        }
    }
}
