//! Feeds of the newest open offers, in Atom (RFC 4287) and JSON Feed 1.1,
//! each in one language: for the whole network (`/{lang}/feeds/offers.atom`),
//! for a centre (`/{lang}/centres/{slug}/feed.atom`) and for a board section
//! (`/{lang}/feeds/sections/{section}.atom`), with `.json` for JSON Feed.
//! The entries are the storage search's newest open offers (the same rule
//! as the pages); texts fall back to Italian like the offer page. Pages
//! announce the feeds in their `<head>` ([`head_links`]). The web layer
//! answers them with their caching headers.

pub mod atom;
pub mod json;

use chrono::{DateTime, FixedOffset, NaiveTime, Utc};
use serde::Serialize;
use sportello_domain::time::{from_rome_local, to_rome, today_in_rome};
use sportello_domain::vocab::Vocabulary;
use sportello_domain::{Centre, Lang, Offer, OfferFilter, OfferQuery, Section, SortOrder, markdown};

use sportello_domain::PublicUrl;
use sportello_storage::StorageError;

use crate::App;
use crate::i18n::{args, msg, msg_args};
use crate::view::{self, Sections};

/// Entries in a feed: the newest open offers by publication.
pub const ENTRIES: u32 = 50;

/// What a feed covers.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    Network,
    Centre(&'a Centre),
    Section(Section),
}

/// A feed's format, named by its address's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Atom,
    Json,
}

impl Format {
    pub const ALL: [Format; 2] = [Format::Atom, Format::Json];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Atom => "atom",
            Format::Json => "json",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Atom => "application/atom+xml",
            Format::Json => "application/feed+json",
        }
    }

    /// Splits `name.ext` into the name and a known format.
    pub fn split(file: &str) -> Option<(&str, Format)> {
        let (name, ext) = file.rsplit_once('.')?;
        Format::ALL
            .into_iter()
            .find(|f| f.extension() == ext)
            .map(|f| (name, f))
    }
}

impl Scope<'_> {
    /// The feed's address in `lang` and `format`, after the public URL.
    pub fn path(&self, lang: Lang, format: Format) -> String {
        let ext = format.extension();
        match self {
            Scope::Network => format!("/{lang}/feeds/offers.{ext}"),
            Scope::Centre(c) => format!("/{lang}/centres/{}/feed.{ext}", c.data.slug),
            Scope::Section(s) => format!("/{lang}/feeds/sections/{}.{ext}", s.code()),
        }
    }

    /// The page that shows the same offers.
    pub fn page_path(&self, lang: Lang) -> String {
        match self {
            Scope::Network => format!("/{lang}/"),
            Scope::Centre(c) => format!("/{lang}/centres/{}", c.data.slug),
            Scope::Section(s) => format!("/{lang}/search?section={}", s.code()),
        }
    }

    pub fn title(&self, lang: Lang, sections: &Sections) -> String {
        match self {
            Scope::Network => msg(lang, "feed-network-title"),
            Scope::Centre(c) => msg_args(
                lang,
                "feed-centre-title",
                &args(&[("centre", c.data.name.as_str().into())]),
            ),
            Scope::Section(s) => msg_args(
                lang,
                "feed-section-title",
                &args(&[("section", sections.get(lang, *s).title.into())]),
            ),
        }
    }

    fn filter(&self) -> OfferFilter {
        match self {
            Scope::Network => OfferFilter::default(),
            Scope::Centre(c) => OfferFilter {
                centre: Some(c.data.slug.clone()),
                ..OfferFilter::default()
            },
            Scope::Section(s) => OfferFilter {
                section: Some(*s),
                ..OfferFilter::default()
            },
        }
    }
}

/// A `<link rel="alternate">` announcing a feed in a page's `<head>`.
#[derive(Debug, Clone, Serialize)]
pub struct FeedLink {
    pub r#type: &'static str,
    pub title: String,
    pub href: String,
}

/// The links announcing `scope`'s feeds (Atom, then JSON Feed) in `lang`.
pub fn head_links(lang: Lang, public: &PublicUrl, scope: &Scope<'_>, sections: &Sections) -> Vec<FeedLink> {
    let title = scope.title(lang, sections);
    Format::ALL
        .into_iter()
        .map(|format| {
            let id = match format {
                Format::Atom => "feed-link-atom",
                Format::Json => "feed-link-json",
            };
            FeedLink {
                r#type: format.content_type(),
                title: msg_args(lang, id, &args(&[("title", title.as_str().into())])),
                href: public.join(&scope.path(lang, format)),
            }
        })
        .collect()
}

/// A feed with every text in its language and every address absolute.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    pub lang: Lang,
    pub title: String,
    /// The Atom feed's address (also its id).
    pub atom_url: String,
    pub json_url: String,
    /// The page that shows the same offers.
    pub page_url: String,
    /// The newest change among the entries.
    pub updated: DateTime<Utc>,
    pub entries: Vec<Entry>,
}

/// One offer in a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The offer's page in the feed's language: also the entry's id.
    pub url: String,
    pub title: String,
    /// The language of the title and content: the feed's, or Italian when
    /// the offer has no text the public may read in it.
    pub text_lang: Lang,
    /// The day of publication, from midnight in Rome.
    pub published: DateTime<FixedOffset>,
    pub updated: DateTime<Utc>,
    /// The centre that publishes the offer, and its board.
    pub author: String,
    pub author_url: String,
    /// Town, centre, contract and closing date, in the feed's language.
    pub summary: String,
    /// The description as HTML (the safe Markdown subset).
    pub content_html: String,
    pub section: Section,
    pub section_title: String,
}

/// The entry of `offer` in `lang`.
pub fn entry(lang: Lang, public: &PublicUrl, offer: &Offer, centre: Option<&Centre>, sections: &Sections) -> Entry {
    let text = offer.data.display_text(lang);
    let (author, author_url) = match centre {
        Some(c) => (
            c.data.name.clone(),
            public.join(&format!("/{lang}/centres/{}", c.data.slug)),
        ),
        None => (msg(lang, "site-name"), public.join(&format!("/{lang}/"))),
    };
    let published_on = offer.published_on.unwrap_or_else(|| offer.updated_at.date_naive());
    let summary = msg_args(
        lang,
        "feed-entry-summary",
        &args(&[
            ("place", view::place(lang, offer).into()),
            ("centre", author.as_str().into()),
            ("contract", offer.data.contract.label(lang).into()),
            ("date", view::date(lang, offer.data.valid_through).text.into()),
        ]),
    );
    Entry {
        url: public.join(&format!("/{lang}/offers/{}", offer.reference)),
        title: text.map(|t| t.title.clone()).unwrap_or_default(),
        text_lang: text.map_or(Lang::It, |t| t.lang),
        published: to_rome(from_rome_local(published_on.and_time(NaiveTime::MIN))),
        updated: offer.updated_at,
        author,
        author_url,
        summary,
        content_html: text.map(|t| markdown::to_html(&t.description)).unwrap_or_default(),
        section: offer.data.section,
        section_title: sections.get(lang, offer.data.section).title,
    }
}

/// The feed of `scope` in `lang`: its newest open offers today.
pub async fn load(app: &App, lang: Lang, scope: &Scope<'_>) -> Result<Feed, StorageError> {
    let query = OfferQuery {
        filter: scope.filter(),
        sort: SortOrder::Date,
        per_page: ENTRIES,
        with_facets: false,
        ..OfferQuery::default()
    };
    let found = app.storage.search_offers(&query, today_in_rome()).await?;
    let centres = app.storage.centres().await?;
    let sections = app.sections().await?;
    let public = &app.public_url;
    let entries: Vec<Entry> = found
        .items
        .iter()
        .map(|o| {
            let centre = centres.iter().find(|c| c.id == o.data.centre);
            entry(lang, public, o, centre, &sections)
        })
        .collect();
    Ok(Feed {
        lang,
        title: scope.title(lang, &sections),
        atom_url: public.join(&scope.path(lang, Format::Atom)),
        json_url: public.join(&scope.path(lang, Format::Json)),
        page_url: public.join(&scope.page_path(lang)),
        // An empty feed changed when its last offer closed: now, as far as we know.
        updated: entries.iter().map(|e| e.updated).max().unwrap_or_else(Utc::now),
        entries,
    })
}

/// RFC 3339 with whole seconds, as Atom and JSON Feed write dates.
pub fn rfc3339<Tz: chrono::TimeZone>(t: &DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::TimeZone;

    use super::*;

    /// A feed with one entry whose text is the Italian fallback.
    pub(crate) fn sample() -> Feed {
        let updated = Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap();
        let published_on = chrono::NaiveDate::from_ymd_opt(2026, 11, 19).unwrap();
        Feed {
            lang: Lang::En,
            title: "Job offers of every public employment centre".into(),
            atom_url: "https://lavoro.example.it/en/feeds/offers.atom".into(),
            json_url: "https://lavoro.example.it/en/feeds/offers.json".into(),
            page_url: "https://lavoro.example.it/en/".into(),
            updated,
            entries: vec![Entry {
                url: "https://lavoro.example.it/en/offers/LE-0427".into(),
                title: "Cuoco & pizzaiolo <urgente>".into(),
                text_lang: Lang::It,
                published: to_rome(from_rome_local(published_on.and_time(NaiveTime::MIN))),
                updated,
                author: "Centro per l'Impiego di Lecce".into(),
                author_url: "https://lavoro.example.it/en/centres/lecce".into(),
                summary: "Lecce (LE) · Centro per l'Impiego di Lecce · Fixed-term · Open until 31/12/2026".into(),
                content_html: "<p>Turni serali.</p>".into(),
                section: Section::Ordinary,
                section_title: "Job offers".into(),
            }],
        }
    }

    #[test]
    fn formats_are_named_by_extension() {
        assert_eq!(Format::split("offers.atom"), Some(("offers", Format::Atom)));
        assert_eq!(Format::split("mirato_art1.json"), Some(("mirato_art1", Format::Json)));
        assert_eq!(Format::split("offers.rss"), None);
        assert_eq!(Format::split("offers"), None);
    }
}
