//! Open Graph and Twitter card tags of an offer's page, so that a link pasted
//! in a social network shows the offer's title, a line about it and its
//! generated 1200×630 card.

use serde::Serialize;
use sportello_domain::Lang;

/// Size of the card image, in pixels.
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;

/// One `<meta>` tag: Open Graph uses `property`, Twitter `name`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MetaTag {
    pub attr: &'static str,
    pub key: &'static str,
    pub content: String,
}

/// The Open Graph locale of a language.
pub fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::It => "it_IT",
        Lang::En => "en_GB",
        Lang::Fr => "fr_FR",
        Lang::De => "de_DE",
    }
}

/// What the tags say.
pub struct Card<'a> {
    pub lang: Lang,
    pub title: &'a str,
    pub description: &'a str,
    /// Canonical address of the page.
    pub url: &'a str,
    /// Absolute address of the card image.
    pub image: &'a str,
    pub image_alt: &'a str,
    pub site_name: &'a str,
}

/// The tags of `card`, in the order they go in the `<head>`.
pub fn tags(card: &Card<'_>) -> Vec<MetaTag> {
    let og = |key, content: &str| MetaTag {
        attr: "property",
        key,
        content: content.to_string(),
    };
    let tw = |key, content: &str| MetaTag {
        attr: "name",
        key,
        content: content.to_string(),
    };
    let mut tags = vec![
        og("og:type", "website"),
        og("og:site_name", card.site_name),
        og("og:title", card.title),
        og("og:description", card.description),
        og("og:url", card.url),
        og("og:image", card.image),
        og("og:image:type", "image/png"),
        og("og:image:width", &CARD_WIDTH.to_string()),
        og("og:image:height", &CARD_HEIGHT.to_string()),
        og("og:image:alt", card.image_alt),
        og("og:locale", og_locale(card.lang)),
    ];
    tags.extend(
        Lang::ALL
            .iter()
            .filter(|l| **l != card.lang)
            .map(|l| og("og:locale:alternate", og_locale(*l))),
    );
    tags.extend([
        tw("twitter:card", "summary_large_image"),
        tw("twitter:title", card.title),
        tw("twitter:description", card.description),
        tw("twitter:image", card.image),
        tw("twitter:image:alt", card.image_alt),
    ]);
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_for_a_german_page() {
        let tags = tags(&Card {
            lang: Lang::De,
            title: "Kellner",
            description: "Gallipoli (LE)",
            url: "https://x.test/de/offers/LE-0042",
            image: "https://x.test/de/offers/LE-0042/card.png",
            image_alt: "Karte",
            site_name: "Sportello",
        });
        let get = |key: &str| -> Vec<&str> {
            tags.iter()
                .filter(|t| t.key == key)
                .map(|t| t.content.as_str())
                .collect()
        };
        assert_eq!(get("og:locale"), ["de_DE"]);
        assert_eq!(get("og:locale:alternate"), ["it_IT", "en_GB", "fr_FR"]);
        assert_eq!(get("og:image:width"), ["1200"]);
        assert_eq!(get("twitter:card"), ["summary_large_image"]);
        assert_eq!(get("twitter:image"), get("og:image"));
        assert!(
            tags.iter()
                .filter(|t| t.key.starts_with("twitter:"))
                .all(|t| t.attr == "name")
        );
        assert!(
            tags.iter()
                .filter(|t| t.key.starts_with("og:"))
                .all(|t| t.attr == "property")
        );
    }
}
