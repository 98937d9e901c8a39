//! A small, safe subset of Markdown for the texts operators write: offer
//! descriptions and news. [`to_html`] makes HTML that can be put in a page as it
//! is; [`to_plain_text`] strips the markup for JSON, meta descriptions and feeds.
//!
//! Supported, and nothing else:
//! - paragraphs separated by blank lines; a single newline inside a paragraph
//!   is a line break (`<br>`);
//! - lines starting with `- ` or `* ` form a bulleted list, lines starting with
//!   a number and `. ` (`1. `, `2. `…) a numbered list; lists do not nest;
//! - `**bold**`, `*italic*` and `_italic_`, only when opened and closed on the
//!   same line (`**` and `*` must touch the text they mark, so `2 * 3 * 4` stays
//!   as written; `_` only marks whole words, so `snake_case` stays as written);
//! - links `[text](url)` whose url starts with `http://`, `https://` or
//!   `mailto:`; they get `rel="nofollow noopener"`. Any other link stays text.
//!
//! Everything else is text: every `& < > " '` is escaped, raw HTML shows as
//! written, a leading `#` is not a heading, unpaired markers are literal. Control
//! characters other than tabs and newlines are dropped, and Windows (`\r\n`) and
//! old Mac (`\r`) line endings count as newlines. Nesting deeper than a few
//! levels is shown as text, so no input can exhaust the stack.

/// Markers nested deeper than this are left as text.
const MAX_DEPTH: usize = 8;
/// Longer link targets are not links (this also bounds the work per `[`).
const MAX_URL_LEN: usize = 2048;
const SCHEMES: [&str; 3] = ["http://", "https://", "mailto:"];

/// Renders `source` as HTML: `<p>`, `<br>`, `<ul>`, `<ol>`, `<li>`, `<strong>`,
/// `<em>` and `<a href rel>` around escaped text, and no other markup.
pub fn to_html(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 4 + 16);
    for (index, block) in parse(source).iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let (open, close) = match block.kind {
            BlockKind::Paragraph => ("<p>".to_owned(), "</p>"),
            BlockKind::Bullets => ("<ul>\n".to_owned(), "</ul>"),
            BlockKind::Numbered(1) => ("<ol>\n".to_owned(), "</ol>"),
            BlockKind::Numbered(first) => (format!("<ol start=\"{first}\">\n"), "</ol>"),
        };
        out.push_str(&open);
        for (n, line) in block.lines.iter().enumerate() {
            if block.kind == BlockKind::Paragraph {
                if n > 0 {
                    out.push_str("<br>\n");
                }
                html_inlines(&mut out, line);
            } else {
                out.push_str("<li>");
                html_inlines(&mut out, line);
                out.push_str("</li>\n");
            }
        }
        out.push_str(close);
    }
    out
}

/// The text of `source` without the markup: paragraphs separated by a blank
/// line, list items as `- item` or `1. item`, links as `text (url)`.
///
/// The result is **not** escaped: whoever puts it into HTML, XML or JSON must
/// escape it there (templates and serializers do).
pub fn to_plain_text(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for (index, block) in parse(source).iter().enumerate() {
        if index > 0 {
            out.push_str("\n\n");
        }
        for (n, line) in block.lines.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            match block.kind {
                BlockKind::Paragraph => {}
                BlockKind::Bullets => out.push_str("- "),
                BlockKind::Numbered(first) => out.push_str(&format!("{}. ", u64::from(first) + n as u64)),
            }
            plain_inlines(&mut out, line);
        }
    }
    out
}

/// Consecutive lines of one kind: the lines of a paragraph or the items of a list.
struct Block {
    kind: BlockKind,
    lines: Vec<Vec<Inline>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    Paragraph,
    Bullets,
    /// A numbered list and its first number.
    Numbered(u32),
}

enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Link { label: Vec<Inline>, href: String },
}

fn parse(source: &str) -> Vec<Block> {
    let cleaned: String = source
        .replace("\r\n", "\n")
        .chars()
        .map(|c| if c == '\r' { '\n' } else { c })
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect();
    let mut blocks: Vec<Block> = Vec::new();
    // Whether the last block may still grow (no blank line since it started).
    let mut open = false;
    for line in cleaned.split('\n') {
        let Some((kind, content)) = classify(line) else {
            open = false;
            continue;
        };
        let inlines = parse_inlines(content);
        match blocks.last_mut() {
            Some(last) if open && std::mem::discriminant(&last.kind) == std::mem::discriminant(&kind) => {
                last.lines.push(inlines)
            }
            _ => blocks.push(Block {
                kind,
                lines: vec![inlines],
            }),
        }
        open = true;
    }
    blocks
}

/// What a line starts (`None` for a blank line) and its text without the list marker.
fn classify(line: &str) -> Option<(BlockKind, &str)> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((BlockKind::Bullets, rest.trim_start()));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits)
        && let Some(rest) = line[digits..].strip_prefix(". ")
        && let Ok(first) = line[..digits].parse()
    {
        return Some((BlockKind::Numbered(first), rest.trim_start()));
    }
    Some((BlockKind::Paragraph, line))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    Strong,
    Star,
    Underscore,
}

impl Marker {
    fn len(self) -> usize {
        if self == Marker::Strong { 2 } else { 1 }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A link found at some `[`: the label's character range, the target and the
/// position just after the closing `)`.
struct LinkSpan {
    label: (usize, usize),
    href: String,
    next: usize,
}

fn parse_inlines(line: &str) -> Vec<Inline> {
    let chars: Vec<char> = line.chars().collect();
    InlineParser { chars: &chars }.range(0, chars.len(), 0, true)
}

/// Parses the characters of one line. Ranges are half-open `[start, end)`
/// positions in `chars`; the characters around a range are still looked at to
/// decide whether `_` is inside a word.
struct InlineParser<'a> {
    chars: &'a [char],
}

impl InlineParser<'_> {
    fn range(&self, start: usize, end: usize, depth: usize, links: bool) -> Vec<Inline> {
        let mut out = Vec::new();
        let mut text = String::new();
        // A marker that found no closer from one opener finds none from a later one.
        let mut unmatched = [false; 3];
        let mut i = start;
        while i < end {
            if depth < MAX_DEPTH {
                if links && let Some(link) = self.link(i, end) {
                    flush(&mut text, &mut out);
                    let label = self.range(link.label.0, link.label.1, depth + 1, false);
                    out.push(Inline::Link { label, href: link.href });
                    i = link.next;
                    continue;
                }
                if let Some(marker) = self.opener(i, end)
                    && !unmatched[marker.index()]
                {
                    match self.closer(marker, i, end, links) {
                        Some(close) => {
                            flush(&mut text, &mut out);
                            let inner = self.range(i + marker.len(), close, depth + 1, links);
                            out.push(match marker {
                                Marker::Strong => Inline::Strong(inner),
                                Marker::Star | Marker::Underscore => Inline::Emphasis(inner),
                            });
                            i = close + marker.len();
                            continue;
                        }
                        None => unmatched[marker.index()] = true,
                    }
                }
            }
            text.push(self.chars[i]);
            i += 1;
        }
        flush(&mut text, &mut out);
        out
    }

    /// The marker that can open at `i`: it must be followed by text, not space.
    fn opener(&self, i: usize, end: usize) -> Option<Marker> {
        let c = &self.chars;
        let followed_by_text = |at: usize| at < end && !c[at].is_whitespace();
        match c[i] {
            '*' if i + 1 < end && c[i + 1] == '*' => followed_by_text(i + 2).then_some(Marker::Strong),
            '*' => followed_by_text(i + 1).then_some(Marker::Star),
            '_' => {
                let after_word = i > 0 && is_word(c[i - 1]);
                (!after_word && followed_by_text(i + 1) && c[i + 1] != '_').then_some(Marker::Underscore)
            }
            _ => None,
        }
    }

    /// Where the marker opened at `i` closes: the first marker of the same kind,
    /// not preceded by space, after non-empty content, skipping whole links.
    fn closer(&self, marker: Marker, i: usize, end: usize, links: bool) -> Option<usize> {
        let c = &self.chars;
        let content_start = i + marker.len();
        let mut j = content_start;
        while j < end {
            if links && let Some(link) = self.link(j, end) {
                j = link.next;
                continue;
            }
            let symbol = if marker == Marker::Underscore { '_' } else { '*' };
            if c[j] != symbol {
                j += 1;
                continue;
            }
            let run = c[j..end].iter().take_while(|&&x| x == symbol).count();
            let after_text = j > content_start && !c[j - 1].is_whitespace();
            if after_text {
                match marker {
                    // In `***both***` the last two stars close the bold.
                    Marker::Strong if run >= 2 => return Some(j + run - 2),
                    Marker::Star if run == 1 => return Some(j),
                    Marker::Underscore if run == 1 && !c.get(j + 1).is_some_and(|&x| is_word(x)) => return Some(j),
                    _ => {}
                }
            }
            j += run;
        }
        None
    }

    /// A link `[label](target)` starting at `i` and ending before `end`, if its
    /// label is not blank and its target has an allowed scheme and no spaces.
    fn link(&self, i: usize, end: usize) -> Option<LinkSpan> {
        let c = &self.chars;
        if c[i] != '[' {
            return None;
        }
        let mut k = i + 1;
        while k < end && c[k] != ']' {
            if c[k] == '[' {
                return None;
            }
            k += 1;
        }
        if k + 1 >= end || c[k + 1] != '(' || c[i + 1..k].iter().all(|x| x.is_whitespace()) {
            return None;
        }
        let url_start = k + 2;
        let mut depth = 0usize;
        let mut m = url_start;
        loop {
            if m >= end || m - url_start > MAX_URL_LEN {
                return None;
            }
            match c[m] {
                '(' => depth += 1,
                ')' if depth == 0 => break,
                ')' => depth -= 1,
                x if x.is_whitespace() || x.is_control() => return None,
                _ => {}
            }
            m += 1;
        }
        let href: String = c[url_start..m].iter().collect();
        let allowed = SCHEMES.iter().any(|scheme| {
            href.len() > scheme.len() && href.get(..scheme.len()).is_some_and(|p| p.eq_ignore_ascii_case(scheme))
        });
        allowed.then_some(LinkSpan {
            label: (i + 1, k),
            href,
            next: m + 1,
        })
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn flush(text: &mut String, out: &mut Vec<Inline>) {
    if !text.is_empty() {
        out.push(Inline::Text(std::mem::take(text)));
    }
}

fn html_inlines(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => escape_into(out, text),
            Inline::Strong(inner) => {
                out.push_str("<strong>");
                html_inlines(out, inner);
                out.push_str("</strong>");
            }
            Inline::Emphasis(inner) => {
                out.push_str("<em>");
                html_inlines(out, inner);
                out.push_str("</em>");
            }
            Inline::Link { label, href } => {
                out.push_str("<a href=\"");
                escape_into(out, href);
                out.push_str("\" rel=\"nofollow noopener\">");
                html_inlines(out, label);
                out.push_str("</a>");
            }
        }
    }
}

fn plain_inlines(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(text),
            Inline::Strong(inner) | Inline::Emphasis(inner) => plain_inlines(out, inner),
            Inline::Link { label, href } => {
                let label_start = out.len();
                plain_inlines(out, label);
                let shown = &out[label_start..];
                let bare = href
                    .get(..7)
                    .filter(|p| p.eq_ignore_ascii_case("mailto:"))
                    .map_or(&href[..], |_| &href[7..]);
                if !shown.eq_ignore_ascii_case(href) && !shown.eq_ignore_ascii_case(bare) {
                    out.push_str(" (");
                    out.push_str(href);
                    out.push(')');
                }
            }
        }
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(cases: &[(&str, &str)]) {
        for (source, html) in cases {
            assert_eq!(to_html(source), *html, "source: {source:?}");
        }
    }

    #[test]
    fn paragraphs_line_breaks_and_line_endings() {
        let two = "<p>Uno<br>\ndue</p>\n<p>Tre</p>";
        check(&[
            ("", ""),
            (" \n\n \t\n", ""),
            ("Uno\ndue\n\n\nTre", two),
            ("Uno\r\ndue\r\n\r\nTre\r\n", two),
            ("Uno\rdue\r\rTre", two),
            ("  rientro  \n", "<p>rientro</p>"),
            ("# Titolo\n## Sotto", "<p># Titolo<br>\n## Sotto</p>"),
            ("a\u{0}b\u{7}c\td", "<p>abc\td</p>"),
        ]);
    }

    #[test]
    fn lists() {
        check(&[
            ("- uno\n* due", "<ul>\n<li>uno</li>\n<li>due</li>\n</ul>"),
            ("1. uno\n2. due", "<ol>\n<li>uno</li>\n<li>due</li>\n</ol>"),
            ("3. a\n9. b", "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>"),
            ("A:\n- b\nC", "<p>A:</p>\n<ul>\n<li>b</li>\n</ul>\n<p>C</p>"),
            ("- a\n\n- b", "<ul>\n<li>a</li>\n</ul>\n<ul>\n<li>b</li>\n</ul>"),
            ("- a\n1. b", "<ul>\n<li>a</li>\n</ul>\n<ol>\n<li>b</li>\n</ol>"),
            ("  - rientrato", "<ul>\n<li>rientrato</li>\n</ul>"),
            (
                "-\n-a\n1.a\n1234567890. a",
                "<p>-<br>\n-a<br>\n1.a<br>\n1234567890. a</p>",
            ),
        ]);
    }

    #[test]
    fn bold_and_italic_only_when_paired() {
        check(&[
            ("**a** *b* _c_", "<p><strong>a</strong> <em>b</em> <em>c</em></p>"),
            ("*a **b** c*", "<p><em>a <strong>b</strong> c</em></p>"),
            ("**a *b* c**", "<p><strong>a <em>b</em> c</strong></p>"),
            ("***tutti e due***", "<p><strong><em>tutti e due</em></strong></p>"),
            ("2 * 3 * 4 = 24", "<p>2 * 3 * 4 = 24</p>"),
            ("snake_case_name e _a_b", "<p>snake_case_name e _a_b</p>"),
            ("**su due\nrighe**", "<p>**su due<br>\nrighe**</p>"),
            ("**a*", "<p>*<em>a</em></p>"),
            ("** a** *b *", "<p>** a** *b *</p>"),
            ("****", "<p>****</p>"),
            ("**a _b** c_", "<p><strong>a _b</strong> c_</p>"),
        ]);
    }

    #[test]
    fn links_with_safe_schemes_only() {
        let a = |href: &str, label: &str| format!("<a href=\"{href}\" rel=\"nofollow noopener\">{label}</a>");
        let p = |inner: String| format!("<p>{inner}</p>");
        check(&[
            ("[Portale](https://a.it/x)", &p(a("https://a.it/x", "Portale"))),
            ("[Scrivi](mailto:cpi@a.it)", &p(a("mailto:cpi@a.it", "Scrivi"))),
            ("[x](HTTP://A.IT)", &p(a("HTTP://A.IT", "x"))),
            (
                "[Lecce](https://w.it/Lecce_(LE))",
                &p(a("https://w.it/Lecce_(LE)", "Lecce")),
            ),
            (
                "[**Bando**](https://a.it/?x&y)",
                &p(a("https://a.it/?x&amp;y", "<strong>Bando</strong>")),
            ),
            (
                "*[x](https://a.it/*)*",
                &p(format!("<em>{}</em>", a("https://a.it/*", "x"))),
            ),
            ("[a [b](https://b.it)", &p(format!("[a {}", a("https://b.it", "b")))),
            (
                "[x](https://a.b/\"onmouseover=\")",
                &p(a("https://a.b/&quot;onmouseover=&quot;", "x")),
            ),
            (
                "[x](https://a.it/'><script>)",
                &p(a("https://a.it/&#39;&gt;&lt;script&gt;", "x")),
            ),
            ("[x](javascript:alert(1))", "<p>[x](javascript:alert(1))</p>"),
        ]);
        for literal in [
            "[x](JavaScript:alert(1))",
            "[x]( javascript:alert(1))",
            "[x](java\tscript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox)",
            "[x](//evil.example)",
            "[x](https://)",
            "[x](https://a.it/ b)",
            "[ ](https://a.it)",
            "[x] (https://a.it)",
            "[x](https://a.it",
        ] {
            let html = to_html(literal);
            assert!(!html.contains("<a") && !html.contains("href"), "{literal:?} → {html}");
        }
    }

    #[test]
    fn html_is_always_escaped() {
        check(&[
            (
                "<script>alert(1)</script>",
                "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
            ),
            ("**<b>**", "<p><strong>&lt;b&gt;</strong></p>"),
            ("A & \"B\" l'altro", "<p>A &amp; &quot;B&quot; l&#39;altro</p>"),
            ("&lt;già&gt;", "<p>&amp;lt;già&amp;gt;</p>"),
            ("- <img onerror=x>", "<ul>\n<li>&lt;img onerror=x&gt;</li>\n</ul>"),
            (
                "[<i>](https://a.it)",
                "<p><a href=\"https://a.it\" rel=\"nofollow noopener\">&lt;i&gt;</a></p>",
            ),
        ]);
    }

    #[test]
    fn plain_text_strips_the_markup() {
        let source = "**Cameriere** a _Gallipoli_\r\nda subito\n\n- patente\n- [modulo](https://a.it/m.pdf)\n\n\
                      3. uno\n4. [info@cpi.it](mailto:info@cpi.it)\n\n<b>*non chiuso";
        let expected = "Cameriere a Gallipoli\nda subito\n\n- patente\n- modulo (https://a.it/m.pdf)\n\n\
                        3. uno\n4. info@cpi.it\n\n<b>*non chiuso";
        assert_eq!(to_plain_text(source), expected);
        assert_eq!(to_plain_text("[https://a.it](https://a.it)"), "https://a.it");
        assert_eq!(to_plain_text("[x](javascript:alert(1))"), "[x](javascript:alert(1))");
    }

    #[test]
    fn hostile_input_ends_quickly_without_deep_recursion() {
        let deep = format!("{}x{}", "*a ".repeat(20_000), " a*".repeat(20_000));
        assert!(to_html(&deep).matches("<em>").count() <= MAX_DEPTH);
        let long = ["_a _a", "[a](b", "**a", "["].map(|s| s.repeat(20_000));
        for hostile in long {
            assert!(to_html(&hostile).starts_with("<p>"));
            assert!(!to_plain_text(&hostile).is_empty());
        }
    }

    /// Every tag in the output is one of ours, links have a safe `href` with no
    /// quote inside, and tags are balanced, for every mix of up to four tokens.
    #[test]
    fn output_is_well_formed_for_any_mix_of_markers() {
        let tokens = "* ** _ [ [a]( ) https://x javascript:y < \" & a [b](https://y)"
            .split(' ')
            .chain([" ", "\n", "- "]);
        let tokens: Vec<&str> = tokens.collect();
        let (mut sources, mut links) = (vec![String::new()], 0);
        for _ in 0..4 {
            sources = sources
                .iter()
                .flat_map(|s| tokens.iter().map(move |t| format!("{s}{t}")))
                .collect();
            for source in &sources {
                let html = to_html(source);
                links += assert_well_formed(&html, source);
                to_plain_text(source);
            }
        }
        assert!(links > 100, "the tokens should make links too");
    }

    /// Checks the tags of `html` and returns how many links it has.
    fn assert_well_formed(html: &str, source: &str) -> usize {
        let (mut open, mut links, mut rest) = (Vec::new(), 0, html);
        while let Some(start) = rest.find('<') {
            let end = rest[start..].find('>').map(|e| start + e).expect("unclosed tag");
            let tag = &rest[start + 1..end];
            rest = &rest[end + 1..];
            let href = tag
                .strip_prefix("a href=\"")
                .and_then(|t| t.strip_suffix("\" rel=\"nofollow noopener\""));
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop(), Some(name), "{source:?} → {html}");
            } else if let Some(href) = href {
                assert!(
                    href.starts_with("https://") && !href.contains(['"', '<']),
                    "{source:?} → {html}"
                );
                links += 1;
                open.push("a");
            } else if tag != "br" {
                assert!(
                    ["p", "ul", "ol", "li", "strong", "em"].contains(&tag),
                    "{source:?} → {html}"
                );
                open.push(tag);
            }
        }
        assert!(open.is_empty() && !rest.contains('>'), "{source:?} → {html}");
        links
    }
}
