//! Property tests of the Markdown subset ([`crate::markdown`]): for any
//! input — hostile text or a soup of markers, links, raw HTML and line
//! endings — the HTML has only the subset's own tags, balanced, with safe
//! links and every other `<`, `>`, `&` and quote escaped (so never a raw
//! `<script`), and as many blocks as the plain text; text without markup
//! is its escaped self in a paragraph; bold, italic and links of plain
//! words render as documented.
//!
//! (Declared in `lib.rs`: `markdown.rs` is at the house's line limit.)

use proptest::prelude::*;

use crate::markdown::{to_html, to_plain_text};
use crate::strategies::{config, messy_char, messy_text};

/// Pieces of Markdown, HTML and line endings that interact.
const TOKENS: &[&str] = &[
    "*",
    "**",
    "***",
    "_",
    "__",
    "[",
    "]",
    "(",
    ")",
    "](",
    "[a](",
    "[x](https://a.it/",
    "https://",
    "http://",
    "mailto:",
    "javascript:",
    "data:",
    "<script>",
    "</script>",
    "<SCRIPT",
    "<",
    ">",
    "&",
    "&amp;",
    "&#39;",
    "\"",
    "'",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "- ",
    "* ",
    "1. ",
    "12. ",
    " ",
    "  ",
    "\t",
    "parola",
    "word",
    "è",
    "😀",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\u{85}",
    "\u{2028}",
    "\u{feff}",
    "#",
];

/// Text made of [`TOKENS`] and hostile characters, sometimes long.
fn markdown_soup() -> impl Strategy<Value = String> {
    let piece = || {
        prop_oneof![
            3 => prop::sample::select(TOKENS).prop_map(str::to_string),
            1 => messy_char().prop_map(String::from),
        ]
    };
    prop_oneof![
        8 => prop::collection::vec(piece(), 0..60),
        1 => prop::collection::vec(piece(), 0..3000),
    ]
    .prop_map(|pieces| pieces.concat())
}

/// The tags the subset writes, other than links and `<ol start="N">`.
const TAGS: &[&str] = &["p", "ul", "ol", "li", "strong", "em"];
const SCHEMES: &[&str] = &["http://", "https://", "mailto:"];
const ENTITIES: &[&str] = &["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"];

/// Text between tags: no raw markup characters, `&` only in an entity.
fn check_text(text: &str, html: &str) -> Result<(), TestCaseError> {
    prop_assert!(!text.contains(['>', '"', '\'']), "raw markup in {:?} of {}", text, html);
    for (at, _) in text.match_indices('&') {
        prop_assert!(
            ENTITIES.iter().any(|e| text[at..].starts_with(e)),
            "bare & in {:?} of {}",
            text,
            html
        );
    }
    Ok(())
}

/// Checks that `html` is made only of the subset's tags, balanced and
/// properly nested, with safe links and escaped text; returns how many
/// blocks (`<p>`, `<ul>`, `<ol>`) it has.
fn check_html(html: &str) -> Result<usize, TestCaseError> {
    prop_assert!(!html.to_ascii_lowercase().contains("<script"), "{}", html);
    let (mut open, mut blocks, mut rest) = (Vec::<&str>::new(), 0, html);
    while let Some(start) = rest.find('<') {
        check_text(&rest[..start], html)?;
        let end = rest[start..].find('>').map(|e| start + e);
        prop_assert!(end.is_some(), "unclosed tag in {}", html);
        let end = end.unwrap_or_default();
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            prop_assert_eq!(open.pop(), Some(name), "{}", html);
            continue;
        }
        if tag == "br" {
            prop_assert_eq!(open.last(), Some(&"p"), "<br> outside a paragraph: {}", html);
            continue;
        }
        let name = if let Some(link) = tag.strip_prefix("a href=\"") {
            let href = link.strip_suffix("\" rel=\"nofollow noopener\"");
            prop_assert!(href.is_some(), "link without its rel: {}", html);
            let href = href.unwrap_or_default();
            let lower = href.to_ascii_lowercase();
            prop_assert!(SCHEMES.iter().any(|s| lower.starts_with(s)), "unsafe link {:?}", href);
            prop_assert!(!href.chars().any(|c| c.is_whitespace() || c.is_control()), "{:?}", href);
            check_text(href, html)?;
            prop_assert!(!open.contains(&"a"), "a link inside a link: {}", html);
            "a"
        } else if let Some(start) = tag.strip_prefix("ol start=\"").and_then(|t| t.strip_suffix('"')) {
            prop_assert!(start.parse::<u32>().is_ok(), "{}", html);
            "ol"
        } else {
            let known = TAGS.iter().find(|t| **t == tag);
            prop_assert!(known.is_some(), "unknown tag <{}> in {}", tag, html);
            known.copied().unwrap_or_default()
        };
        match name {
            "p" | "ul" | "ol" => {
                prop_assert!(open.is_empty(), "nested block in {}", html);
                blocks += 1;
            }
            "li" => prop_assert!(matches!(open.last(), Some(&"ul" | &"ol")), "{}", html),
            _ => prop_assert!(
                open.last().is_some_and(|t| !matches!(*t, "ul" | "ol")),
                "inline tag outside text: {}",
                html
            ),
        }
        open.push(name);
    }
    check_text(rest, html)?;
    prop_assert!(open.is_empty(), "unclosed {:?} in {}", open, html);
    Ok(blocks)
}

/// The blocks of a plain-text rendering (separated by blank lines).
fn plain_blocks(plain: &str) -> usize {
    if plain.is_empty() {
        0
    } else {
        plain.split("\n\n").count()
    }
}

/// HTML escaping as the subset documents it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A word without markup: letters (any script), digits and punctuation
/// that the subset leaves alone, starting with a letter.
fn plain_word() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        6 => prop::char::range('a', 'z'),
        2 => prop::char::range('A', 'Z'),
        2 => prop::char::range('0', '9'),
        2 => prop::sample::select(&['<', '>', '&', '"', '\'', '#', '!', '?', '.', ',', ';', ':', '/', '%', '-', '='][..]),
        1 => prop::sample::select(&['à', 'è', 'ß', 'Ж', 'ع', '中', '😀'][..]),
    ];
    (prop::char::range('a', 'z'), prop::collection::vec(c, 0..10))
        .prop_map(|(first, rest)| std::iter::once(first).chain(rest).collect())
}

/// A line of plain words separated by single spaces.
fn plain_line() -> impl Strategy<Value = String> {
    prop::collection::vec(plain_word(), 1..8).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_text_renders_to_safe_well_formed_html(source in prop_oneof![messy_text(), markdown_soup()]) {
        let html = to_html(&source);
        let blocks = check_html(&html)?;
        let plain = to_plain_text(&source);
        prop_assert_eq!(blocks, plain_blocks(&plain), "{:?}\n{}\n{:?}", source, html, plain);
        prop_assert_eq!(html.is_empty(), plain.is_empty());
    }

    #[test]
    fn plain_text_is_its_escaped_self_in_paragraphs(
        paragraphs in prop::collection::vec(prop::collection::vec(plain_line(), 1..4), 1..4),
        ending in prop::sample::select(&["\n", "\r\n", "\r"][..]),
    ) {
        let source = paragraphs
            .iter()
            .map(|lines| lines.join(ending))
            .collect::<Vec<_>>()
            .join(&ending.repeat(2));
        let html: Vec<String> = paragraphs
            .iter()
            .map(|lines| {
                let lines: Vec<String> = lines.iter().map(|l| escaped(l)).collect();
                format!("<p>{}</p>", lines.join("<br>\n"))
            })
            .collect();
        prop_assert_eq!(to_html(&source), html.join("\n"));
        let plain: Vec<String> = paragraphs.iter().map(|lines| lines.join("\n")).collect();
        prop_assert_eq!(to_plain_text(&source), plain.join("\n\n"));
    }

    #[test]
    fn bold_italic_and_links_of_plain_words(
        before in plain_line(),
        word in plain_word(),
        label in plain_line(),
        path in "[a-z0-9./?=&%-]{0,30}",
        scheme in prop::sample::select(SCHEMES),
    ) {
        let w = escaped(&word);
        let (b, l) = (escaped(&before), escaped(&label));
        let href = format!("{scheme}x{path}");
        for (source, inner) in [
            (format!("{before} **{word}**"), format!("<strong>{w}</strong>")),
            (format!("{before} *{word}*"), format!("<em>{w}</em>")),
            (format!("{before} _{word}_"), format!("<em>{w}</em>")),
            (
                format!("{before} [{label}]({href})"),
                format!("<a href=\"{}\" rel=\"nofollow noopener\">{l}</a>", escaped(&href)),
            ),
        ] {
            prop_assert_eq!(to_html(&source), format!("<p>{b} {inner}</p>"));
        }
        // A link reads as its label and target, unless the label is the target.
        let bare = href.strip_prefix("mailto:").unwrap_or(&href);
        let plain = if label.eq_ignore_ascii_case(&href) || label.eq_ignore_ascii_case(bare) {
            label.clone()
        } else {
            format!("{label} ({href})")
        };
        prop_assert_eq!(to_plain_text(&format!("[{label}]({href})")), plain);
    }
}
