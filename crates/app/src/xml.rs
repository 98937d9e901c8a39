//! Text made safe for the XML documents we write by hand (sitemaps, Atom
//! feeds): the five special characters escaped, and the characters XML 1.0
//! cannot carry at all (most control characters) dropped, so that whatever an
//! operator typed never makes a document unreadable.

/// `text` escaped for XML character data and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_carry() {
        assert_eq!(
            escape("<b>Tom & \"Jerry's\"</b>"),
            "&lt;b&gt;Tom &amp; &quot;Jerry&apos;s&quot;&lt;/b&gt;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\td\ne"), "abc\td\ne");
        assert_eq!(escape("Nardò · München"), "Nardò · München");
    }
}
