//! Occupations: ISCO-08 unit groups (4 digits) with their ten major groups and
//! the economic sector the weekly report counts them under. The tables live in
//! `crates/domain/data/*.tsv` and are compiled into the binary.

use std::sync::LazyLock;

use crate::Lang;

/// An ISCO-08 unit group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occupation {
    /// Four-digit ISCO-08 code, e.g. `5131`.
    pub code: &'static str,
    /// Slug of the [`Sector`].
    pub sector: &'static str,
    labels: [&'static str; 4],
}

impl Occupation {
    pub fn label(&self, lang: Lang) -> &'static str {
        self.labels[lang.index()]
    }

    /// Every label, for matching queries in any language.
    pub fn labels(&self) -> &[&'static str; 4] {
        &self.labels
    }

    /// The ISCO-08 major group (first digit).
    pub fn major_group(&self) -> u8 {
        self.code.as_bytes()[0] - b'0'
    }
}

/// One of the ten ISCO-08 major groups, used as the "occupation group" filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OccupationGroup {
    pub code: u8,
    labels: [&'static str; 4],
}

impl OccupationGroup {
    pub fn label(&self, lang: Lang) -> &'static str {
        self.labels[lang.index()]
    }
}

/// An economic sector of the weekly report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sector {
    pub slug: &'static str,
    labels: [&'static str; 4],
}

impl Sector {
    pub fn label(&self, lang: Lang) -> &'static str {
        self.labels[lang.index()]
    }
}

static OCCUPATIONS: LazyLock<Vec<Occupation>> = LazyLock::new(|| {
    rows::<6>(include_str!("../../data/isco08.tsv"))
        .map(|[code, sector, it, en, fr, de]| Occupation {
            code,
            sector,
            labels: [it, en, fr, de],
        })
        .collect()
});

static GROUPS: LazyLock<Vec<OccupationGroup>> = LazyLock::new(|| {
    rows::<5>(include_str!("../../data/isco08_major.tsv"))
        .map(|[code, it, en, fr, de]| OccupationGroup {
            code: code.parse().expect("major group is a digit"),
            labels: [it, en, fr, de],
        })
        .collect()
});

static SECTORS: LazyLock<Vec<Sector>> = LazyLock::new(|| {
    rows::<5>(include_str!("../../data/sectors.tsv"))
        .map(|[slug, it, en, fr, de]| Sector {
            slug,
            labels: [it, en, fr, de],
        })
        .collect()
});

/// Rows of a tab-separated table with a header line and `N` columns. The
/// tables are part of the source and checked by the tests below.
fn rows<const N: usize>(table: &'static str) -> impl Iterator<Item = [&'static str; N]> {
    table.lines().skip(1).filter(|l| !l.trim().is_empty()).map(|line| {
        let mut fields = line.split('\t');
        std::array::from_fn(|_| fields.next().unwrap_or("").trim())
    })
}

/// Every occupation, by code.
pub fn occupations() -> &'static [Occupation] {
    &OCCUPATIONS
}

/// The occupation with this four-digit code.
pub fn occupation(code: &str) -> Option<&'static Occupation> {
    OCCUPATIONS
        .binary_search_by(|o| o.code.cmp(code))
        .ok()
        .map(|i| &OCCUPATIONS[i])
}

/// The ten major groups, by code.
pub fn occupation_groups() -> &'static [OccupationGroup] {
    &GROUPS
}

/// The sectors of the weekly report.
pub fn sectors() -> &'static [Sector] {
    &SECTORS
}

/// The sector with this slug.
pub fn sector(slug: &str) -> Option<&'static Sector> {
    SECTORS.iter().find(|s| s.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_complete_and_consistent() {
        assert!(occupations().len() >= 150, "at least 150 unit groups ship");
        for pair in occupations().windows(2) {
            assert!(pair[0].code < pair[1].code, "sorted and unique: {}", pair[1].code);
        }
        for o in occupations() {
            assert_eq!(o.code.len(), 4, "{}", o.code);
            assert!(o.code.bytes().all(|b| b.is_ascii_digit()), "{}", o.code);
            assert!(
                sectors().iter().any(|s| s.slug == o.sector),
                "{} has a known sector",
                o.code
            );
            assert!(occupation_groups().iter().any(|g| g.code == o.major_group()));
            for lang in Lang::ALL {
                assert!(!o.label(lang).is_empty(), "{} in {lang}", o.code);
            }
        }
        assert_eq!(occupation_groups().len(), 10);
        for s in sectors() {
            for lang in Lang::ALL {
                assert!(!s.label(lang).is_empty());
            }
        }
    }

    #[test]
    fn every_occupation_maps_to_exactly_one_report_sector() {
        let slugs: Vec<_> = sectors().iter().map(|s| s.slug).collect();
        let mut unique = slugs.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), slugs.len(), "sector slugs are unique");
        for o in occupations() {
            assert_eq!(slugs.iter().filter(|s| **s == o.sector).count(), 1, "{}", o.code);
            assert_eq!(sector(o.sector).map(|s| s.slug), Some(o.sector));
        }
        // The sectors of the Lecce area's weekly reports, and "other".
        for wanted in [
            "tourism_catering",
            "health_care",
            "construction",
            "retail",
            "cleaning",
            "textiles",
            "wood",
            "metalworking",
            "administration",
            "it",
            "telecommunications",
            "agriculture_food",
            "transport",
            "crafts",
            "education",
            "beauty",
            "environment",
            "other",
        ] {
            assert!(sector(wanted).is_some(), "{wanted}");
            assert!(
                occupations().iter().any(|o| o.sector == wanted),
                "some occupation counts under {wanted}"
            );
        }
        assert_eq!(sector("other").unwrap().label(Lang::En), "Other sectors");
    }

    #[test]
    fn looks_up_by_code() {
        let waiters = occupation("5131").expect("waiters ship");
        assert_eq!(waiters.major_group(), 5);
        assert_eq!(waiters.sector, "tourism_catering");
        assert!(occupation("0000").is_none());
        assert!(occupation("51").is_none());
    }
}
