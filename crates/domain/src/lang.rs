//! The four languages the public pages speak, and `Accept-Language` negotiation.

use serde::{Deserialize, Serialize};

/// A language of the user interface and of offer texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    It,
    En,
    Fr,
    De,
}

impl Lang {
    /// Every supported language; Italian, the fallback, first.
    pub const ALL: [Lang; 4] = [Lang::It, Lang::En, Lang::Fr, Lang::De];

    /// ISO 639-1 code, as used in addresses (`/en/…`) and in `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }

    /// The language's name in itself, for language pickers.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::It => "Italiano",
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
        }
    }

    /// Position in [`Lang::ALL`], for per-language arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Parses an exact lower-case code such as `fr`.
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Picks the best supported language from an `Accept-Language` header
    /// (RFC 9110 §12.5.4): highest quality first, primary subtag only,
    /// Italian when nothing matches.
    pub fn negotiate(accept_language: Option<&str>) -> Lang {
        let Some(header) = accept_language else {
            return Lang::It;
        };
        let mut best: Option<(f32, usize, Lang)> = None;
        for (position, item) in header.split(',').enumerate() {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let primary = tag.split('-').next().unwrap_or("");
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let Some(lang) = Lang::parse(primary) else {
                continue;
            };
            if quality <= 0.0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((q, _, _)) => quality > q,
            };
            if better {
                best = Some((quality, position, lang));
            }
        }
        best.map(|(_, _, l)| l).unwrap_or(Lang::It)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_by_quality_and_falls_back_to_italian() {
        assert_eq!(Lang::negotiate(None), Lang::It);
        assert_eq!(Lang::negotiate(Some("")), Lang::It);
        assert_eq!(Lang::negotiate(Some("es-ES,pt;q=0.8")), Lang::It);
        assert_eq!(Lang::negotiate(Some("de-DE,de;q=0.9,en;q=0.8")), Lang::De);
        assert_eq!(Lang::negotiate(Some("en;q=0.5, fr;q=0.9")), Lang::Fr);
        assert_eq!(Lang::negotiate(Some("FR-be")), Lang::Fr);
        assert_eq!(Lang::negotiate(Some("en;q=0, de;q=0.1")), Lang::De);
        assert_eq!(Lang::negotiate(Some("ar, en-GB;q=0.7, it;q=0.7")), Lang::En);
        assert_eq!(Lang::negotiate(Some(";;;,,q=x")), Lang::It);
    }

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
            assert_eq!(Lang::ALL[l.index()], l);
        }
        assert_eq!(Lang::parse("EN"), None);
        assert_eq!(Lang::parse("xx"), None);
    }
}
