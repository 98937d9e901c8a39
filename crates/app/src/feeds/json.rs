//! A [`Feed`] as JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>): the
//! same entries as the Atom document, with `language` on the items whose
//! text is the Italian fallback.

use serde_json::{Value, json};

use super::{Feed, rfc3339};

/// The JSON Feed document of `feed`.
pub fn render(feed: &Feed) -> String {
    let items: Vec<Value> = feed
        .entries
        .iter()
        .map(|e| {
            let mut item = json!({
                "id": e.url,
                "url": e.url,
                "title": e.title,
                "summary": e.summary,
                "content_html": e.content_html,
                "date_published": rfc3339(&e.published),
                "date_modified": rfc3339(&e.updated),
                "authors": [{ "name": e.author, "url": e.author_url }],
                "tags": [e.section_title],
            });
            if e.text_lang != feed.lang {
                item["language"] = e.text_lang.code().into();
            }
            item
        })
        .collect();
    let doc = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": feed.page_url,
        "feed_url": feed.json_url,
        "language": feed.lang.code(),
        "items": items,
    });
    doc.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feeds::tests::sample;

    #[test]
    fn writes_json_feed_1_1() {
        let doc: Value = serde_json::from_str(&render(&sample())).unwrap();
        assert_eq!(doc["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(doc["feed_url"], "https://lavoro.example.it/en/feeds/offers.json");
        assert_eq!(doc["language"], "en");
        let item = &doc["items"][0];
        assert_eq!(item["id"], "https://lavoro.example.it/en/offers/LE-0427");
        assert_eq!(item["title"], "Cuoco & pizzaiolo <urgente>");
        assert_eq!(item["language"], "it");
        assert_eq!(item["date_published"], "2026-11-19T00:00:00+01:00");
        assert_eq!(item["date_modified"], "2026-11-20T08:00:00Z");
        assert_eq!(item["authors"][0]["name"], "Centro per l'Impiego di Lecce");
    }
}
