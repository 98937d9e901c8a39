//! Vocabularies that ship with the code, each with labels in every supported
//! language: occupations (ISCO-08), contract types, working time, education
//! levels, languages with CEFR levels, driving licences. Structured offer
//! fields are stored as these codes and rendered in the reader's language.

mod countries;
mod isco;
mod lists;

pub use countries::Country;
pub use isco::{Occupation, OccupationGroup, Sector, occupation, occupation_groups, occupations, sector, sectors};
pub use lists::{Cefr, ContractType, EducationLevel, EqfLevel, Licence, SpokenLanguage, WorkingTime};

use crate::Lang;

/// A closed list of codes with a label per language.
pub trait Vocabulary: Sized + Copy + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// The code stored and used in addresses and the API.
    fn code(self) -> &'static str;
    /// The label in `lang`.
    fn label(self, lang: Lang) -> &'static str;
    /// Parses a code exactly as [`Vocabulary::code`] gives it.
    fn parse(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
}

/// Defines a vocabulary enum with its codes and labels in it, en, fr, de.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal => [$it:literal, $en:literal, $fr:literal, $de:literal],)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant,)+ }

        impl $crate::vocab::Vocabulary for $name {
            const ALL: &'static [Self] = &[$($name::$variant,)+];
            fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }
            fn label(self, lang: $crate::Lang) -> &'static str {
                match self { $($name::$variant => [$it, $en, $fr, $de][lang.index()],)+ }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::vocab::Vocabulary::code(*self))
            }
        }
    };
}
pub(crate) use vocabulary;
