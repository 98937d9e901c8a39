//! Places: the national list of comuni valid today — ISTAT code, name,
//! province and region — shipped in `crates/domain/data/comuni.tsv` (Fonte:
//! ISTAT; source, licence and rebuild in that folder's README) and compiled
//! in. A code that arrives from outside becomes a [`ComuneCode`]; a form
//! looks towns up with [`find`]; `centres` gives the competent centre of each
//! comune of the areas (`config/areas/*.toml`).

mod centres;

use std::sync::LazyLock;

use serde::{Deserialize, Deserializer, Serialize};

use crate::text::normalize;

pub use centres::{AreaCentres, CentresError, area_centres, check_area_centres, competent_centre};

/// The ISTAT code of a comune valid today: six digits, e.g. `075035` for
/// Lecce. Only codes in the national list parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct ComuneCode(&'static str);

/// Why a text is not the code of a comune.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ComuneCodeError {
    #[error("an ISTAT comune code has exactly six digits, such as 075035")]
    Format,
    #[error("no comune valid today has this ISTAT code")]
    Unknown,
}

/// A comune of the national list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comune {
    pub code: ComuneCode,
    /// The name in Italian, as ISTAT writes it: "Nardò", "Corigliano d'Otranto".
    pub name: &'static str,
    /// The province's car-plate sigla: `LE`, `RN`.
    pub province: &'static str,
    /// ISTAT's two-digit region code: `16` Puglia, `08` Emilia-Romagna.
    pub region: &'static str,
}

impl ComuneCode {
    /// Parses a code such as `075035` (spaces around it are ignored): six
    /// ASCII digits that name a comune of the list.
    pub fn parse(input: &str) -> Result<ComuneCode, ComuneCodeError> {
        let code = input.trim();
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ComuneCodeError::Format);
        }
        index_of(code)
            .map(|i| TABLE.comuni[i].code)
            .ok_or(ComuneCodeError::Unknown)
    }

    /// The six digits.
    pub fn as_str(&self) -> &'static str {
        self.0
    }

    /// The comune with this code (every parsed code has one).
    pub fn comune(&self) -> &'static Comune {
        let i = index_of(self.0).expect("a parsed code is in the list");
        &TABLE.comuni[i]
    }
}

impl std::fmt::Display for ComuneCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl<'de> Deserialize<'de> for ComuneCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        ComuneCode::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The comuni in code order, with their names normalised for [`find`].
struct Table {
    comuni: Vec<Comune>,
    keys: Vec<String>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let comuni: Vec<Comune> = include_str!("../../data/comuni.tsv")
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut fields = line.split('\t');
            let mut next = || fields.next().unwrap_or("").trim();
            Comune {
                code: ComuneCode(next()),
                name: next(),
                province: next(),
                region: next(),
            }
        })
        .collect();
    let keys = comuni.iter().map(|c| normalize(c.name)).collect();
    Table { comuni, keys }
});

fn index_of(code: &str) -> Option<usize> {
    TABLE.comuni.binary_search_by(|c| c.code.0.cmp(code)).ok()
}

/// Every comune valid today, by code.
pub fn comuni() -> &'static [Comune] {
    &TABLE.comuni
}

/// The comune with this six-digit code, if there is one.
pub fn comune(code: &str) -> Option<&'static Comune> {
    index_of(code).map(|i| &TABLE.comuni[i])
}

/// The comuni of a province, by its car-plate sigla (`LE`, `rn`), in code
/// order.
pub fn comuni_of_province(sigla: &str) -> impl Iterator<Item = &'static Comune> + '_ {
    TABLE
        .comuni
        .iter()
        .filter(move |c| c.province.eq_ignore_ascii_case(sigla.trim()))
}

/// At most `limit` comuni for a town typed in a form, whatever its case and
/// accents: first those whose whole name is the query ("nardo" → Nardò),
/// then those whose name starts with it, then those with a later word that
/// starts with it ("lecce" → Monteroni di Lecce); alphabetical within each.
/// Apostrophes and hyphens count as spaces ("acquarica" → Presicce-Acquarica).
pub fn find(query: &str, limit: usize) -> Vec<&'static Comune> {
    let query = normalize(query);
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    let table = &*TABLE;
    let mut hits: Vec<(u8, usize)> = table
        .keys
        .iter()
        .enumerate()
        .filter_map(|(i, key)| {
            let rank = if *key == query {
                0
            } else if key.starts_with(&query) {
                1
            } else if key.match_indices(&query).any(|(at, _)| key.as_bytes()[at - 1] == b' ') {
                2
            } else {
                return None;
            };
            Some((rank, i))
        })
        .collect();
    hits.sort_by(|a, b| (a.0, &table.keys[a.1], a.1).cmp(&(b.0, &table.keys[b.1], b.1)));
    hits.into_iter().take(limit).map(|(_, i)| &table.comuni[i]).collect()
}

#[cfg(test)]
mod props;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::AreaConfig;

    fn code(text: &str) -> ComuneCode {
        ComuneCode::parse(text).unwrap()
    }

    fn names(found: &[&Comune]) -> Vec<&'static str> {
        found.iter().map(|c| c.name).collect()
    }

    #[test]
    fn the_table_is_sorted_unique_and_well_formed() {
        assert!(comuni().len() >= 7_800, "{} comuni", comuni().len());
        assert!(comuni().len() < 8_100, "{} comuni", comuni().len());
        for pair in comuni().windows(2) {
            assert!(pair[0].code < pair[1].code, "sorted and unique: {}", pair[1].code);
        }
        for c in comuni() {
            assert!(
                c.code.0.len() == 6 && c.code.0.bytes().all(|b| b.is_ascii_digit()),
                "{}",
                c.code
            );
            assert!(!c.name.is_empty() && c.name.trim() == c.name, "{}", c.code);
            assert!(
                c.province.len() == 2 && c.province.bytes().all(|b| b.is_ascii_uppercase()),
                "{}",
                c.code
            );
            let region: u8 = c.region.parse().unwrap_or(0);
            assert!(c.region.len() == 2 && (1..=20).contains(&region), "{}", c.code);
        }
    }

    #[test]
    fn parses_known_codes_only() {
        let lecce = code("075035");
        assert_eq!(lecce.as_str(), "075035");
        assert_eq!(lecce.to_string(), "075035");
        assert_eq!(code(" 075035\n"), lecce);
        for wrong in [
            "75035",
            "0750350",
            "07503a",
            "",
            "075 035",
            "０７５０３５",
            "+75035",
            "-75035",
        ] {
            assert_eq!(ComuneCode::parse(wrong), Err(ComuneCodeError::Format), "{wrong:?}");
        }
        // Six digits that name no comune, or a comune merged away: Presicce
        // (075062) and Acquarica del Capo (075001) became Presicce-Acquarica.
        for gone in ["075999", "000000", "075062", "075001"] {
            assert_eq!(ComuneCode::parse(gone), Err(ComuneCodeError::Unknown), "{gone}");
        }
    }

    #[test]
    fn codes_are_strings_in_json() {
        let lecce = code("075035");
        assert_eq!(serde_json::to_string(&lecce).unwrap(), "\"075035\"");
        assert_eq!(serde_json::from_str::<ComuneCode>("\"075035\"").unwrap(), lecce);
        assert!(serde_json::from_str::<ComuneCode>("\"075999\"").is_err());
        assert!(serde_json::from_str::<ComuneCode>("75035").is_err());
    }

    #[test]
    fn looks_comuni_up() {
        let lecce = comune("075035").unwrap();
        assert_eq!((lecce.name, lecce.province, lecce.region), ("Lecce", "LE", "16"));
        assert_eq!(code("075035").comune(), lecce);
        let rimini = comune("099014").unwrap();
        assert_eq!((rimini.name, rimini.province, rimini.region), ("Rimini", "RN", "08"));
        assert_eq!(comune("075098").unwrap().name, "Presicce-Acquarica");
        // Moved from Pesaro e Urbino to Rimini in 2021.
        let montecopiolo = comune("099030").unwrap();
        assert_eq!((montecopiolo.name, montecopiolo.province), ("Montecopiolo", "RN"));
        assert_eq!(comune("015146").unwrap().name, "Milano");
        assert_eq!(comune("075052").unwrap().name, "Nardò");
        assert!(comune("075062").is_none());
        assert!(comune("nardo").is_none());
    }

    #[test]
    fn counts_the_comuni_of_the_two_provinces() {
        assert_eq!(comuni_of_province("LE").count(), 96);
        assert_eq!(comuni_of_province("RN").count(), 27);
        assert_eq!(comuni_of_province("le").count(), 96);
        assert_eq!(comuni_of_province("XX").count(), 0);
        assert!(comuni_of_province("RN").all(|c| c.region == "08"));
    }

    #[test]
    fn names_keep_their_italian_spelling() {
        for (code, name) in [
            ("075018", "Castrignano de' Greci"),
            ("075023", "Corigliano d'Otranto"),
            ("075048", "Monteroni di Lecce"),
            ("075091", "Uggiano la Chiesa"),
            ("075060", "Patù"),
            ("075074", "Seclì"),
            ("099017", "San Giovanni in Marignano"),
            ("099026", "Sant'Agata Feltria"),
            ("099029", "Montescudo-Monte Colombo"),
            ("016203", "Sotto il Monte Giovanni XXIII"),
            ("035016", "Castelnovo ne' Monti"),
            ("016030", "Bonate Sopra"),
        ] {
            assert_eq!(comune(code).map(|c| c.name), Some(name), "{code}");
        }
    }

    #[test]
    fn every_town_of_the_sub_areas_is_a_comune_of_its_province() {
        for (area, province) in [("lecce", "LE"), ("rimini", "RN")] {
            let config = AreaConfig::default_for(area).unwrap();
            for town in config.sub_areas.iter().flat_map(|s| &s.towns) {
                assert!(
                    comuni_of_province(province).any(|c| c.name == town),
                    "{town} is not spelt as a comune of {province}"
                );
            }
        }
    }

    #[test]
    fn finds_towns_as_typed() {
        // The exact name first, then the names that start with it.
        assert_eq!(names(&find("nardo", 5)), ["Nardò", "Nardodipace"]);
        assert_eq!(names(&find("NARDÒ", 1)), ["Nardò"]);
        let lecce = find("lecce", 20);
        assert_eq!(lecce[0].code, code("075035"), "the exact name comes first");
        assert!(names(&lecce).contains(&"Monteroni di Lecce"));
        assert!(names(&lecce).contains(&"San Cesario di Lecce"));
        assert_eq!(names(&find("acquarica", 5)), ["Presicce-Acquarica"]);
        assert_eq!(names(&find("corigliano d’otranto", 5)), ["Corigliano d'Otranto"]);
        assert!(names(&find("san giovanni in m", 10)).contains(&"San Giovanni in Marignano"));
        // Name starts before later words: "Riccione" before "… Riccione".
        let ric = find("ricc", 10);
        assert_eq!(ric[0].name, "Riccia", "alphabetical among the names that start with it");
        assert!(names(&ric).contains(&"Riccione"));
        // The same name in two provinces: both, in code order.
        let castro: Vec<_> = find("castro", 2).iter().map(|c| c.province).collect();
        assert_eq!(castro, ["BG", "LE"]);
    }

    #[test]
    fn find_respects_the_limit_and_ignores_empty_queries() {
        assert_eq!(find("san", 7).len(), 7);
        assert!(find("san", 0).is_empty());
        assert!(find("", 10).is_empty());
        assert!(find(" ' - ", 10).is_empty());
        assert!(find("zzzzzz", 10).is_empty());
        // Only the start of a word matches, not its middle.
        assert!(!names(&find("ardo", 50)).contains(&"Nardò"));
    }
}
