//! Property tests of [`ComuneCode::parse`] and [`find`]: every code of the
//! list parses to itself, with or without spaces around it; six digits parse
//! exactly when the list has them; and no input makes the parser or the
//! lookup panic, or makes the lookup return more than asked.

use proptest::prelude::*;

use super::*;
use crate::strategies::{apply, config, edits, messy_text};

fn any_comune() -> impl Strategy<Value = Comune> {
    prop::sample::select(comuni())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn every_listed_code_parses_to_itself(comune in any_comune(), before in " *", after in "[ \t\n]*") {
        let typed = format!("{before}{}{after}", comune.code);
        let parsed = ComuneCode::parse(&typed).map_err(|e| TestCaseError::fail(format!("{typed:?}: {e}")))?;
        prop_assert_eq!(parsed, comune.code);
        prop_assert_eq!(*parsed.comune(), comune);
        prop_assert_eq!(ComuneCode::parse(&parsed.to_string()), Ok(parsed));
    }

    #[test]
    fn six_digits_parse_exactly_when_listed(digits in "[0-9]{6}") {
        match ComuneCode::parse(&digits) {
            Ok(code) => prop_assert_eq!(code.as_str(), digits.as_str()),
            Err(error) => {
                prop_assert_eq!(error, ComuneCodeError::Unknown);
                prop_assert!(comune(&digits).is_none());
            }
        }
    }

    #[test]
    fn hostile_input_never_panics(input in messy_text(), limit in 0usize..20) {
        if let Ok(code) = ComuneCode::parse(&input) {
            prop_assert_eq!(code.as_str(), input.trim());
        }
        prop_assert!(find(&input, limit).len() <= limit);
    }

    #[test]
    fn near_misses_never_panic(comune in any_comune(), edits in edits()) {
        let near = apply(comune.code.as_str(), &edits);
        if let Ok(code) = ComuneCode::parse(&near) {
            prop_assert_eq!(code.as_str(), near.trim());
        }
    }

    #[test]
    fn every_name_finds_its_comune(comune in any_comune()) {
        // Typed in upper case without accents: still found, among the
        // exact matches that come first.
        let typed = crate::text::normalize(comune.name).to_uppercase();
        let found = find(&typed, 20);
        prop_assert!(found.iter().any(|c| c.code == comune.code), "{} not found", comune.name);
    }
}
