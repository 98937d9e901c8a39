//! Sitemaps (sitemaps.org protocol 0.9, with `xhtml:link` alternates for
//! Google's `hreflang`), written from the configured public URL by pure
//! functions. Every page is listed once per language, each `<url>` naming
//! the four translations and the Italian one as `x-default`. A file may hold
//! [`Limits::PROTOCOL`]: past that, `/sitemap.xml` becomes an index of
//! `/sitemaps/pages.xml` and `/sitemaps/offers-N.xml`. The limits are a
//! parameter, so tests prove the index with small numbers.

use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use sportello_domain::Lang;
use sportello_storage::OfferBlock;

use crate::xml::escape;
use sportello_domain::PublicUrl;

/// What one sitemap file may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Addresses (`<url>` elements) per file.
    pub urls: usize,
    /// Bytes per file, uncompressed.
    pub bytes: usize,
}

impl Limits {
    /// The protocol's limits: 50,000 addresses and 50 MB.
    pub const PROTOCOL: Limits = Limits {
        urls: 50_000,
        bytes: 50 * 1024 * 1024,
    };
}

/// The longest path (after the language segment) of a listed page: a
/// centre's board with the longest slug a search accepts (64 characters), and
/// room to spare; an offer's path is shorter.
pub const MAX_PATH_CHARS: usize = 80;

/// The public pages' file of an index.
pub const PAGES_FILE: &str = "/sitemaps/pages.xml";

const URLSET_OPEN: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
    <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_CLOSE: &str = "</urlset>\n";

/// A page that exists in every language at `/{lang}{path}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The address after the language segment, e.g. `/offers/LE-0427`.
    pub path: String,
    pub lastmod: Option<DateTime<Utc>>,
}

/// A date-time as sitemaps write it (W3C datetime, UTC, whole seconds).
pub fn w3c_datetime(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A `<urlset>` being written: four `<url>` per page, one per language.
pub struct UrlSet<'a> {
    public: &'a PublicUrl,
    out: String,
    urls: usize,
}

impl<'a> UrlSet<'a> {
    pub fn new(public: &'a PublicUrl) -> UrlSet<'a> {
        UrlSet {
            public,
            out: URLSET_OPEN.to_string(),
            urls: 0,
        }
    }

    /// Adds `page` in each language, each naming its translations.
    pub fn push(&mut self, page: &Page) {
        let path = escape(&page.path);
        let base = escape(self.public.as_str());
        for lang in Lang::ALL {
            self.out.push_str("<url><loc>");
            self.out.push_str(&format!("{base}/{lang}{path}"));
            self.out.push_str("</loc>");
            if let Some(t) = page.lastmod {
                self.out.push_str(&format!("<lastmod>{}</lastmod>", w3c_datetime(t)));
            }
            self.out.push('\n');
            for other in Lang::ALL {
                self.out.push_str(&format!(
                    "  <xhtml:link rel=\"alternate\" hreflang=\"{other}\" href=\"{base}/{other}{path}\"/>\n"
                ));
            }
            self.out.push_str(&format!(
                "  <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{base}/{}{path}\"/>\n</url>\n",
                Lang::It
            ));
            self.urls += 1;
        }
    }

    /// Addresses written so far.
    pub fn urls(&self) -> usize {
        self.urls
    }

    pub fn finish(mut self) -> String {
        self.out.push_str(URLSET_CLOSE);
        self.out
    }
}

/// How many pages (four addresses each) one file holds within `limits`,
/// counting each as long as a page with the longest path and a date: the
/// number of offers in each `/sitemaps/offers-N.xml`.
pub fn pages_per_file(public: &PublicUrl, limits: Limits) -> usize {
    let longest = Page {
        path: format!("/{}", "x".repeat(MAX_PATH_CHARS - 1)),
        lastmod: Some(Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59).unwrap()),
    };
    let mut one = UrlSet::new(public);
    one.push(&longest);
    let entry = one.out.len() - URLSET_OPEN.len();
    let room = limits.bytes.saturating_sub(URLSET_OPEN.len() + URLSET_CLOSE.len());
    (limits.urls / Lang::ALL.len()).min(room / entry).max(1)
}

/// A file of a sitemap index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    /// Its address under the public URL, e.g. `/sitemaps/offers-1.xml`.
    pub path: String,
    pub lastmod: Option<DateTime<Utc>>,
}

/// What `/sitemap.xml` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Every page and offer, in one `<urlset>`.
    Single,
    /// An index of these files.
    Index(Vec<IndexEntry>),
}

/// `/sitemap.xml` for `pages` public pages and the open offers counted by
/// `blocks` (blocks of `per_file` ids, see [`pages_per_file`]): one file when
/// they all fit, otherwise an index of the pages' file and one file per
/// block that holds open offers.
pub fn plan(pages: usize, blocks: &[OfferBlock], per_file: usize) -> Plan {
    let offers: u64 = blocks.iter().map(|b| b.count).sum();
    if pages as u64 + offers <= per_file as u64 {
        return Plan::Single;
    }
    let mut files = vec![IndexEntry {
        path: PAGES_FILE.to_string(),
        lastmod: None,
    }];
    files.extend(blocks.iter().map(|b| IndexEntry {
        path: offers_file(b.number),
        lastmod: Some(b.last_update),
    }));
    Plan::Index(files)
}

/// The address of the file of offers of block `number` (numbered from 1).
pub fn offers_file(number: u64) -> String {
    format!("/sitemaps/offers-{}.xml", number.saturating_add(1))
}

/// A file under `/sitemaps/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SitemapFile {
    Pages,
    /// The offers of this block.
    Offers(u64),
}

impl SitemapFile {
    /// The file named `name` (`pages.xml`, `offers-N.xml` with N ≥ 1).
    pub fn parse(name: &str) -> Option<SitemapFile> {
        if name == "pages.xml" {
            return Some(SitemapFile::Pages);
        }
        let n = name.strip_prefix("offers-")?.strip_suffix(".xml")?;
        if n.is_empty() || n.starts_with('0') || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        n.parse::<u64>().ok().map(|n| SitemapFile::Offers(n - 1))
    }
}

/// A `<sitemapindex>` of `files`.
pub fn index(public: &PublicUrl, files: &[IndexEntry]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for f in files {
        out.push_str(&format!("<sitemap><loc>{}</loc>", escape(&public.join(&f.path))));
        if let Some(t) = f.lastmod {
            out.push_str(&format!("<lastmod>{}</lastmod>", w3c_datetime(t)));
        }
        out.push_str("</sitemap>\n");
    }
    out.push_str("</sitemapindex>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public() -> PublicUrl {
        PublicUrl::parse("https://lavoro.example.it").unwrap()
    }

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, 9, 30, 0).unwrap()
    }

    fn block(number: u64, count: u64) -> OfferBlock {
        OfferBlock {
            number,
            count,
            last_update: at(number as u32 + 1),
        }
    }

    #[test]
    fn each_page_is_listed_in_every_language_with_its_alternates() {
        let public = public();
        let mut set = UrlSet::new(&public);
        set.push(&Page {
            path: "/offers/LE-0427".into(),
            lastmod: Some(at(20)),
        });
        set.push(&Page {
            path: "/".into(),
            lastmod: None,
        });
        assert_eq!(set.urls(), 8);
        let xml = set.finish();
        assert_eq!(xml.matches("<url>").count(), 8);
        assert_eq!(xml.matches("<lastmod>2026-11-20T09:30:00Z</lastmod>").count(), 4);
        for lang in ["it", "en", "fr", "de"] {
            assert!(xml.contains(&format!("<loc>https://lavoro.example.it/{lang}/offers/LE-0427</loc>")));
            assert_eq!(
                xml.matches(&format!(
                    "hreflang=\"{lang}\" href=\"https://lavoro.example.it/{lang}/offers/LE-0427\"/>"
                ))
                .count(),
                4,
                "each of the four entries names the {lang} translation"
            );
        }
        assert_eq!(
            xml.matches("hreflang=\"x-default\" href=\"https://lavoro.example.it/it/\"/>")
                .count(),
            4
        );
        assert!(xml.ends_with("</urlset>\n"));
    }

    #[test]
    fn addresses_are_escaped() {
        let public = PublicUrl::parse("https://example.it/a&b").unwrap();
        let mut set = UrlSet::new(&public);
        set.push(&Page {
            path: "/".into(),
            lastmod: None,
        });
        let xml = set.finish();
        assert!(xml.contains("<loc>https://example.it/a&amp;b/it/</loc>"));
        assert!(!xml.contains("a&b"));
    }

    #[test]
    fn a_file_never_passes_the_limits() {
        let public = public();
        assert_eq!(pages_per_file(&public, Limits::PROTOCOL), 12_500, "50,000 addresses");
        let long = PublicUrl::parse(&format!("https://{}.example.it", "x".repeat(1_000))).unwrap();
        assert!(
            pages_per_file(&long, Limits::PROTOCOL) < 12_500,
            "a long public address fills 50 MB first"
        );
        let limits = Limits {
            urls: 50_000,
            bytes: 20_000,
        };
        let n = pages_per_file(&public, limits);
        let write = |count: usize| {
            let mut set = UrlSet::new(&public);
            for _ in 0..count {
                set.push(&Page {
                    path: format!("/{}", "x".repeat(MAX_PATH_CHARS - 1)),
                    lastmod: Some(at(1)),
                });
            }
            set.finish().len()
        };
        assert!(write(n) <= 20_000, "{n} of the longest pages fit");
        assert!(write(n + 1) > 20_000, "one more would not");
    }

    #[test]
    fn past_the_limit_the_sitemap_is_an_index() {
        let public = public();
        // Eight addresses per file: two pages (or offers) of four languages.
        let limits = Limits {
            urls: 8,
            bytes: Limits::PROTOCOL.bytes,
        };
        let per_file = pages_per_file(&public, limits);
        assert_eq!(per_file, 2);
        assert_eq!(plan(1, &[block(0, 1)], per_file), Plan::Single);
        assert_eq!(plan(0, &[block(0, 2)], per_file), Plan::Single);
        let Plan::Index(files) = plan(1, &[block(0, 2), block(2, 1)], per_file) else {
            panic!("three pages do not fit in a file of two");
        };
        assert_eq!(
            files,
            vec![
                IndexEntry {
                    path: "/sitemaps/pages.xml".into(),
                    lastmod: None
                },
                IndexEntry {
                    path: "/sitemaps/offers-1.xml".into(),
                    lastmod: Some(at(1))
                },
                IndexEntry {
                    path: "/sitemaps/offers-3.xml".into(),
                    lastmod: Some(at(3))
                },
            ]
        );
        let xml = index(&public, &files);
        assert_eq!(xml.matches("<sitemap>").count(), 3);
        assert!(xml.contains(
            "<sitemap><loc>https://lavoro.example.it/sitemaps/offers-3.xml</loc>\
             <lastmod>2026-11-03T09:30:00Z</lastmod></sitemap>"
        ));
        assert!(xml.contains("<sitemap><loc>https://lavoro.example.it/sitemaps/pages.xml</loc></sitemap>"));
        for (file, number) in [("offers-1.xml", 0), ("offers-3.xml", 2)] {
            assert_eq!(SitemapFile::parse(file), Some(SitemapFile::Offers(number)));
        }
        // Each block's ids fill one file at most.
        assert_eq!(OfferBlock::id_range(2, per_file as u64), (4, 6));
    }

    #[test]
    fn only_known_files_exist() {
        assert_eq!(SitemapFile::parse("pages.xml"), Some(SitemapFile::Pages));
        for bad in [
            "offers-0.xml",
            "offers-01.xml",
            "offers-.xml",
            "offers-1.xml.gz",
            "offers-x.xml",
            "x.xml",
        ] {
            assert_eq!(SitemapFile::parse(bad), None, "{bad}");
        }
        assert_eq!(
            SitemapFile::parse("offers-99999999999999999999.xml"),
            None,
            "beyond u64"
        );
    }
}
