//! The competent centre of each comune of an area: the `[[centre]]` tables of
//! `config/areas/*.toml`, each a centre's slug and the ISTAT codes of the
//! comuni it serves. [`check_area_centres`] refuses a table that leaves a
//! comune of the area's province without a centre, lists one twice, or names
//! a code that is not a comune of that province; the tables compiled in pass
//! it, and [`competent_centre`] answers from them.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::{ComuneCode, ComuneCodeError, comuni_of_province};

/// The area files compiled in, with the province their comuni belong to.
const DEFAULTS: [(&str, &str); 2] = [
    ("LE", include_str!("../../../../config/areas/lecce.toml")),
    ("RN", include_str!("../../../../config/areas/rimini.toml")),
];

/// The centres of one area and the comuni each serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaCentres {
    /// The area's slug (`lecce`, `rimini`).
    pub area: String,
    /// The car-plate sigla of the province the area covers.
    pub province: String,
    /// Each centre's slug with its comuni, in the file's order.
    pub centres: Vec<(String, Vec<ComuneCode>)>,
}

/// Why an area's centre tables cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CentresError {
    #[error("the area configuration does not parse: {0}")]
    Syntax(String),
    #[error("the area configuration has no centre table")]
    NoCentre,
    #[error("the centre {0:?} appears twice, or has an empty slug")]
    BadCentre(String),
    #[error("{code:?} in the comuni of {centre:?}: {error}")]
    BadCode {
        centre: String,
        code: String,
        error: ComuneCodeError,
    },
    #[error("{} ({}) is not in the province {}", .0, .0.comune().name, .1)]
    WrongProvince(ComuneCode, String),
    #[error("{} ({}) is listed twice", .0, .0.comune().name)]
    Twice(ComuneCode),
    #[error("{} ({}) has no competent centre", .0, .0.comune().name)]
    NoCompetentCentre(ComuneCode),
}

#[derive(Deserialize)]
struct RawArea {
    area: String,
    #[serde(default, rename = "centre")]
    centres: Vec<RawCentre>,
}

#[derive(Deserialize)]
struct RawCentre {
    slug: String,
    #[serde(default)]
    comuni: Vec<String>,
}

/// Reads the `[[centre]]` tables of an area configuration (the format of
/// `config/areas/lecce.toml`) whose comuni are those of `province`, and
/// checks that each of them has exactly one centre.
pub fn check_area_centres(text: &str, province: &str) -> Result<AreaCentres, CentresError> {
    let raw: RawArea = toml::from_str(text).map_err(|e| CentresError::Syntax(e.to_string()))?;
    if raw.centres.is_empty() {
        return Err(CentresError::NoCentre);
    }
    let mut slugs = HashSet::new();
    let mut seen = HashSet::new();
    let mut centres = Vec::with_capacity(raw.centres.len());
    for centre in raw.centres {
        if centre.slug.trim().is_empty() || !slugs.insert(centre.slug.clone()) {
            return Err(CentresError::BadCentre(centre.slug));
        }
        let mut codes = Vec::with_capacity(centre.comuni.len());
        for text in &centre.comuni {
            let code = ComuneCode::parse(text).map_err(|error| CentresError::BadCode {
                centre: centre.slug.clone(),
                code: text.clone(),
                error,
            })?;
            if code.comune().province != province {
                return Err(CentresError::WrongProvince(code, province.to_string()));
            }
            if !seen.insert(code) {
                return Err(CentresError::Twice(code));
            }
            codes.push(code);
        }
        centres.push((centre.slug, codes));
    }
    if let Some(missing) = comuni_of_province(province).find(|c| !seen.contains(&c.code)) {
        return Err(CentresError::NoCompetentCentre(missing.code));
    }
    Ok(AreaCentres {
        area: raw.area,
        province: province.to_string(),
        centres,
    })
}

static AREAS: LazyLock<Vec<AreaCentres>> = LazyLock::new(|| {
    DEFAULTS
        .iter()
        .map(|(province, text)| {
            check_area_centres(text, province).expect("the shipped centre tables cover their provinces")
        })
        .collect()
});

static COMPETENT: LazyLock<HashMap<ComuneCode, &'static str>> = LazyLock::new(|| {
    let areas: &'static [AreaCentres] = &AREAS;
    areas
        .iter()
        .flat_map(|area| &area.centres)
        .flat_map(|(slug, codes)| codes.iter().map(move |code| (*code, slug.as_str())))
        .collect()
});

/// The centres of the areas compiled in (Lecce, Rimini).
pub fn area_centres() -> &'static [AreaCentres] {
    &AREAS
}

/// The slug of the centre competent for a comune, if the comune is in one of
/// the areas compiled in.
pub fn competent_centre(code: ComuneCode) -> Option<&'static str> {
    COMPETENT.get(&code).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> ComuneCode {
        ComuneCode::parse(text).unwrap()
    }

    /// A Rimini area file whose centres are `tables`.
    fn rimini_with(tables: &str) -> String {
        format!("area = \"rimini\"\n{tables}")
    }

    /// Every comune of RN, as a TOML array, except `but`.
    fn all_rn_but(but: &[&str]) -> String {
        let codes: Vec<String> = comuni_of_province("RN")
            .filter(|c| !but.contains(&c.code.as_str()))
            .map(|c| format!("\"{}\"", c.code))
            .collect();
        format!("[{}]", codes.join(", "))
    }

    #[test]
    fn the_shipped_tables_name_the_areas_centres() {
        let slugs: Vec<Vec<&str>> = area_centres()
            .iter()
            .map(|a| a.centres.iter().map(|(s, _)| s.as_str()).collect())
            .collect();
        assert_eq!(
            slugs,
            [
                vec![
                    "campi-salentina",
                    "casarano",
                    "galatina",
                    "gallipoli",
                    "lecce",
                    "maglie",
                    "martano",
                    "nardo",
                    "poggiardo",
                    "tricase"
                ],
                vec!["rimini", "riccione"],
            ]
        );
        let areas: Vec<_> = area_centres()
            .iter()
            .map(|a| (a.area.as_str(), a.province.as_str()))
            .collect();
        assert_eq!(areas, [("lecce", "LE"), ("rimini", "RN")]);
    }

    #[test]
    fn every_comune_of_the_areas_has_exactly_one_centre() {
        for area in area_centres() {
            for comune in comuni_of_province(&area.province) {
                let centres = area
                    .centres
                    .iter()
                    .filter(|(_, codes)| codes.contains(&comune.code))
                    .count();
                assert_eq!(centres, 1, "{} {}", comune.code, comune.name);
            }
            let listed: usize = area.centres.iter().map(|(_, codes)| codes.len()).sum();
            assert_eq!(listed, comuni_of_province(&area.province).count(), "{}", area.area);
            for (slug, codes) in &area.centres {
                assert!(!codes.is_empty(), "{slug} serves some comune");
                assert!(codes.iter().all(|c| c.comune().province == area.province));
            }
        }
        // No code twice, across the areas too: 96 in LE, 27 in RN.
        assert_eq!(COMPETENT.len(), 96 + 27);
    }

    #[test]
    fn each_centre_serves_its_own_town() {
        for (town, slug) in [
            ("075011", "campi-salentina"),
            ("075016", "casarano"),
            ("075029", "galatina"),
            ("075031", "gallipoli"),
            ("075035", "lecce"),
            ("075039", "maglie"),
            ("075040", "martano"),
            ("075052", "nardo"),
            ("075061", "poggiardo"),
            ("075088", "tricase"),
            ("099014", "rimini"),
            ("099013", "riccione"),
        ] {
            assert_eq!(competent_centre(code(town)), Some(slug), "{town}");
        }
    }

    #[test]
    fn answers_for_the_comuni_of_the_areas_only() {
        assert_eq!(competent_centre(code("075098")), Some("tricase"), "Presicce-Acquarica");
        assert_eq!(competent_centre(code("075097")), Some("nardo"), "Porto Cesareo");
        assert_eq!(competent_centre(code("099030")), Some("rimini"), "Montecopiolo");
        assert_eq!(competent_centre(code("099031")), Some("riccione"), "Sassofeltrio");
        assert_eq!(competent_centre(code("015146")), None, "Milano");
        assert_eq!(competent_centre(code("074001")), None, "Brindisi's province is no area");
    }

    #[test]
    fn accepts_a_complete_table() {
        let text = rimini_with(&format!(
            "[[centre]]\nslug = \"rimini\"\ncomuni = {}\n[[centre]]\nslug = \"riccione\"\ncomuni = [\"099013\"]\n",
            all_rn_but(&["099013"])
        ));
        let area = check_area_centres(&text, "RN").unwrap();
        assert_eq!(area.area, "rimini");
        assert_eq!(area.centres[1], ("riccione".to_string(), vec![code("099013")]));
    }

    #[test]
    fn refuses_incomplete_or_wrong_tables() {
        let check = |tables: &str| check_area_centres(&rimini_with(tables), "RN");
        assert!(matches!(check("centre = 1"), Err(CentresError::Syntax(_))));
        assert_eq!(check(""), Err(CentresError::NoCentre));
        assert_eq!(
            check(&format!("[[centre]]\nslug = \" \"\ncomuni = {}\n", all_rn_but(&[]))),
            Err(CentresError::BadCentre(" ".into()))
        );
        assert_eq!(
            check(&format!(
                "[[centre]]\nslug = \"a\"\ncomuni = {}\n[[centre]]\nslug = \"a\"\n",
                all_rn_but(&[])
            )),
            Err(CentresError::BadCentre("a".into()))
        );
        assert_eq!(
            check("[[centre]]\nslug = \"a\"\ncomuni = [\"99014\"]\n"),
            Err(CentresError::BadCode {
                centre: "a".into(),
                code: "99014".into(),
                error: ComuneCodeError::Format
            })
        );
        assert_eq!(
            check("[[centre]]\nslug = \"a\"\ncomuni = [\"099007\"]\n"),
            Err(CentresError::BadCode {
                centre: "a".into(),
                code: "099007".into(),
                error: ComuneCodeError::Unknown
            })
        );
        let milan = check("[[centre]]\nslug = \"a\"\ncomuni = [\"015146\"]\n");
        assert_eq!(milan, Err(CentresError::WrongProvince(code("015146"), "RN".into())));
        assert_eq!(
            milan.unwrap_err().to_string(),
            "015146 (Milano) is not in the province RN"
        );
        assert_eq!(
            check(&format!(
                "[[centre]]\nslug = \"a\"\ncomuni = {}\n[[centre]]\nslug = \"b\"\ncomuni = [\"099014\"]\n",
                all_rn_but(&[])
            )),
            Err(CentresError::Twice(code("099014")))
        );
        let missing = check(&format!(
            "[[centre]]\nslug = \"a\"\ncomuni = {}\n",
            all_rn_but(&["099030"])
        ));
        assert_eq!(missing, Err(CentresError::NoCompetentCentre(code("099030"))));
        assert_eq!(
            missing.unwrap_err().to_string(),
            "099030 (Montecopiolo) has no competent centre"
        );
    }

    #[test]
    fn the_sub_areas_still_parse_beside_the_centre_tables() {
        for (_, text) in DEFAULTS {
            crate::reports::AreaConfig::parse(text).unwrap();
        }
    }
}
