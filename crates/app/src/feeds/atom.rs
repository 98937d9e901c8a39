//! A [`Feed`] as an Atom document (RFC 4287): feed-level id (the feed's own
//! address), title, updated, `self` and `alternate` links; per entry an id
//! (the offer's page in the feed's language), title, updated, published,
//! author (the centre), the section as a category, a text summary in the
//! feed's language and the description as HTML content. The title and
//! content say their language (`xml:lang`): the feed's, or Italian when the
//! offer has no text the public may read in it.

use super::{Feed, rfc3339};
use crate::xml::escape;

/// The Atom document of `feed`.
pub fn render(feed: &Feed) -> String {
    let lang = feed.lang.code();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         <id>{id}</id>\n\
         <title type=\"text\">{title}</title>\n\
         <updated>{updated}</updated>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{id}\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" hreflang=\"{lang}\" href=\"{page}\"/>\n\
         <link rel=\"alternate\" type=\"application/feed+json\" href=\"{json}\"/>\n",
        id = escape(&feed.atom_url),
        title = escape(&feed.title),
        updated = rfc3339(&feed.updated),
        page = escape(&feed.page_url),
        json = escape(&feed.json_url),
    );
    for e in &feed.entries {
        out.push_str(&format!(
            "<entry>\n\
             <id>{url}</id>\n\
             <title type=\"text\" xml:lang=\"{text_lang}\">{title}</title>\n\
             <updated>{updated}</updated>\n\
             <published>{published}</published>\n\
             <link rel=\"alternate\" type=\"text/html\" hreflang=\"{lang}\" href=\"{url}\"/>\n\
             <author><name>{author}</name><uri>{author_url}</uri></author>\n\
             <category term=\"{section}\" label=\"{section_title}\"/>\n\
             <summary type=\"text\">{summary}</summary>\n\
             <content type=\"html\" xml:lang=\"{text_lang}\">{content}</content>\n\
             </entry>\n",
            text_lang = e.text_lang.code(),
            url = escape(&e.url),
            title = escape(&e.title),
            updated = rfc3339(&e.updated),
            published = rfc3339(&e.published),
            author = escape(&e.author),
            author_url = escape(&e.author_url),
            section = e.section.code(),
            section_title = escape(&e.section_title),
            summary = escape(&e.summary),
            content = escape(&e.content_html),
        ));
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feeds::tests::sample;

    #[test]
    fn writes_the_required_elements_escaped() {
        let xml = render(&sample());
        assert!(xml.starts_with(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"
        ));
        assert!(xml.contains("<id>https://lavoro.example.it/en/feeds/offers.atom</id>"));
        assert!(xml.contains("<updated>2026-11-20T08:00:00Z</updated>"));
        assert!(
            xml.contains("<title type=\"text\" xml:lang=\"it\">Cuoco &amp; pizzaiolo &lt;urgente&gt;</title>"),
            "the Italian fallback is marked"
        );
        assert!(
            xml.contains("<summary type=\"text\">Lecce (LE)"),
            "the summary in the feed's language"
        );
        assert!(xml.contains("<published>2026-11-19T00:00:00+01:00</published>"));
        assert!(xml.contains("<content type=\"html\" xml:lang=\"it\">&lt;p&gt;Turni serali.&lt;/p&gt;</content>"));
        assert!(xml.contains("<author><name>Centro per l&apos;Impiego di Lecce</name>"));
        assert!(xml.trim_end().ends_with("</feed>"));
    }
}
