//! What the property tests of this crate share (compiled for tests only):
//! their configuration, which never writes regression files, and
//! generators of hostile text — any Unicode, control characters, the
//! punctuation parsers care about, and now and then very long strings —
//! and of near misses made by editing a valid value.

use proptest::prelude::*;
use proptest::test_runner::Config;

/// `cases` cases, and no `proptest-regressions/` files written: a failing
/// case is kept as an ordinary unit test instead.
pub fn config(cases: u32) -> Config {
    Config {
        // `PROPTEST_CASES=10000` searches deeper.
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Punctuation, spaces and marks that the parsers of this crate treat
/// specially somewhere.
const SPECIAL: &[char] = &[
    ' ', '\t', '\n', '\r', '\u{a0}', '\u{2028}', '\u{feff}', '\u{200b}', '"', '\'', '\\', ',', ';', ':', '<', '>', '&',
    '*', '_', '[', ']', '(', ')', '@', '+', '-', '.', '/', '#', '=', '`', '~', '!', '?', '%',
];

/// One character of hostile text: mostly anything, often a control
/// character, a special one or an ASCII letter or digit.
pub fn messy_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => any::<char>(),
        2 => prop::char::range('\0', '\u{1f}'),
        1 => prop::char::range('\u{7f}', '\u{9f}'),
        4 => prop::sample::select(SPECIAL),
        4 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        3 => prop::char::range('0', '9'),
        1 => prop::sample::select(&['à', 'è', 'é', 'ò', 'ß', 'Ä', 'ﬁ', 'İ', '０', '😀', '\u{301}'][..]),
    ]
}

/// Hostile text, usually short, sometimes thousands of characters long.
pub fn messy_text() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::collection::vec(messy_char(), 0..40),
        1 => prop::collection::vec(messy_char(), 0..5000),
    ]
    .prop_map(|chars| chars.into_iter().collect())
}

/// One edit of a text: a character replaced, inserted or removed.
#[derive(Debug, Clone)]
pub enum Edit {
    Replace(prop::sample::Index, char),
    Insert(prop::sample::Index, char),
    Remove(prop::sample::Index),
}

/// Up to three edits.
pub fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let edit = prop_oneof![
        (any::<prop::sample::Index>(), messy_char()).prop_map(|(i, c)| Edit::Replace(i, c)),
        (any::<prop::sample::Index>(), messy_char()).prop_map(|(i, c)| Edit::Insert(i, c)),
        any::<prop::sample::Index>().prop_map(Edit::Remove),
    ];
    prop::collection::vec(edit, 1..=3)
}

/// `text` with `edits` applied: a near miss of a valid value.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        match *edit {
            Edit::Replace(i, c) if !chars.is_empty() => {
                let at = i.index(chars.len());
                chars[at] = c;
            }
            Edit::Insert(i, c) => {
                let at = i.index(chars.len() + 1);
                chars.insert(at, c);
            }
            Edit::Remove(i) if !chars.is_empty() => {
                chars.remove(i.index(chars.len()));
            }
            Edit::Replace(..) | Edit::Remove(_) => {}
        }
    }
    chars.into_iter().collect()
}
