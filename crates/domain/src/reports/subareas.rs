//! Sub-areas of an area's territory for the weekly report (for Lecce: the
//! Ionian coast, the Adriatic coast, Capo di Leuca, the inland, north Salento
//! and Lecce), each a list of towns. The defaults are the files in
//! `config/areas/*.toml`, compiled in; [`AreaConfig::parse`] reads another.

use serde::{Deserialize, Serialize};

use crate::Lang;

/// The defaults shipped in the repository, one per area.
const DEFAULTS: [&str; 2] = [
    include_str!("../../../../config/areas/lecce.toml"),
    include_str!("../../../../config/areas/rimini.toml"),
];

/// One sub-area with its labels in it, en, fr, de.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubArea {
    pub slug: String,
    pub labels: [String; 4],
    #[serde(default, skip_serializing)]
    pub towns: Vec<String>,
}

impl SubArea {
    pub fn label(&self, lang: Lang) -> &str {
        &self.labels[lang.index()]
    }
}

/// The sub-areas of one area.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AreaConfig {
    pub area: String,
    #[serde(rename = "sub_area")]
    pub sub_areas: Vec<SubArea>,
}

/// Why an area configuration cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AreaConfigError {
    #[error("the area configuration does not parse: {0}")]
    Syntax(String),
    #[error("the area configuration has no sub-area")]
    Empty,
    #[error("the sub-area {0:?} appears twice, or has an empty slug or label")]
    BadSubArea(String),
    #[error("the town {0:?} is in more than one sub-area")]
    TownTwice(String),
}

impl AreaConfig {
    /// Reads a configuration in the format of `config/areas/lecce.toml`.
    pub fn parse(text: &str) -> Result<AreaConfig, AreaConfigError> {
        let config: AreaConfig = toml::from_str(text).map_err(|e| AreaConfigError::Syntax(e.to_string()))?;
        if config.sub_areas.is_empty() {
            return Err(AreaConfigError::Empty);
        }
        let mut slugs = std::collections::HashSet::new();
        let mut towns = std::collections::HashSet::new();
        for sub in &config.sub_areas {
            if sub.slug.trim().is_empty() || sub.labels.iter().any(|l| l.trim().is_empty()) || !slugs.insert(&sub.slug)
            {
                return Err(AreaConfigError::BadSubArea(sub.slug.clone()));
            }
            for town in &sub.towns {
                if !towns.insert(town_key(town)) {
                    return Err(AreaConfigError::TownTwice(town.clone()));
                }
            }
        }
        Ok(config)
    }

    /// The configuration compiled in for `area`, if there is one.
    pub fn default_for(area: &str) -> Option<AreaConfig> {
        DEFAULTS
            .iter()
            .map(|text| AreaConfig::parse(text).expect("the shipped area configurations are valid"))
            .find(|c| c.area == area)
    }

    /// The sub-area of `town`, if the town is listed (case and apostrophes
    /// do not matter).
    pub fn sub_area_of(&self, town: &str) -> Option<&SubArea> {
        let key = town_key(town);
        self.sub_areas
            .iter()
            .find(|s| s.towns.iter().any(|t| town_key(t) == key))
    }
}

/// A town's name as compared: trimmed, lower case, typographic apostrophes
/// as straight ones.
fn town_key(town: &str) -> String {
    town.trim().to_lowercase().replace(['’', '`'], "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_ship_for_lecce_and_rimini() {
        let lecce = AreaConfig::default_for("lecce").unwrap();
        let slugs: Vec<_> = lecce.sub_areas.iter().map(|s| s.slug.as_str()).collect();
        assert_eq!(
            slugs,
            [
                "lecce",
                "north_salento",
                "ionian_coast",
                "adriatic_coast",
                "capo_di_leuca",
                "inland"
            ]
        );
        assert_eq!(lecce.sub_area_of("Gallipoli").unwrap().slug, "ionian_coast");
        assert_eq!(lecce.sub_area_of(" nardò ").unwrap().slug, "ionian_coast");
        assert_eq!(lecce.sub_area_of("Corigliano d’Otranto").unwrap().slug, "inland");
        assert_eq!(lecce.sub_area_of("Tricase").unwrap().label(Lang::En), "Capo di Leuca");
        assert!(lecce.sub_area_of("München").is_none());
        let rimini = AreaConfig::default_for("rimini").unwrap();
        assert_eq!(rimini.sub_area_of("Cattolica").unwrap().slug, "riviera");
        assert!(AreaConfig::default_for("milano").is_none());
    }

    #[test]
    fn refuses_bad_configurations() {
        assert!(matches!(AreaConfig::parse("area = 1"), Err(AreaConfigError::Syntax(_))));
        assert_eq!(
            AreaConfig::parse("area = \"x\"\nsub_area = []"),
            Err(AreaConfigError::Empty)
        );
        let twice = "area = \"x\"\n[[sub_area]]\nslug = \"a\"\nlabels = [\"A\", \"A\", \"A\", \"A\"]\ntowns = [\"Lecce\"]\n\
                     [[sub_area]]\nslug = \"b\"\nlabels = [\"B\", \"B\", \"B\", \"B\"]\ntowns = [\"LECCE\"]\n";
        assert_eq!(
            AreaConfig::parse(twice),
            Err(AreaConfigError::TownTwice("LECCE".into()))
        );
        let unlabelled = "area = \"x\"\n[[sub_area]]\nslug = \"a\"\nlabels = [\"A\", \"\", \"A\", \"A\"]\n";
        assert_eq!(
            AreaConfig::parse(unlabelled),
            Err(AreaConfigError::BadSubArea("a".into()))
        );
    }
}
