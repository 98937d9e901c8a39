//! Reading PDFs back, for tests (of printing, the web and the CLI): the text
//! (`pdftotext`), the size of every word (`pdftotext -bbox-layout`), the fonts
//! and whether they are embedded (`pdffonts`), the metadata (`pdfinfo`), and
//! the QR codes on the pages (`pdftoppm -r 150` then `zbarimg`). The tools
//! come from poppler-utils and zbar-tools, which `scripts/test` installs: a
//! missing tool fails the test with a message saying so, never skips it.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A PDF written to a temporary directory, removed on drop.
pub struct PdfFile {
    dir: PathBuf,
    path: PathBuf,
}

impl Drop for PdfFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn tool(name: &str, args: &[&str]) -> std::process::Output {
    Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {name} ({e}): install poppler-utils and zbar-tools (scripts/test does)"))
}

fn ok_stdout(name: &str, args: &[&str]) -> String {
    let out = tool(name, args);
    assert!(
        out.status.success(),
        "{name} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A word on a page with the height of its box in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    pub height: f64,
}

impl PdfFile {
    /// Writes `bytes` to a fresh temporary file.
    pub fn new(bytes: &[u8]) -> PdfFile {
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("sportello-pdf-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("doc.pdf");
        std::fs::File::create(&path).unwrap().write_all(bytes).unwrap();
        PdfFile { dir, path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn p(&self) -> &str {
        self.path.to_str().expect("a UTF-8 temporary path")
    }

    /// The text, page after page (pages separated by form feeds).
    pub fn text(&self) -> String {
        ok_stdout("pdftotext", &["-enc", "UTF-8", self.p(), "-"])
    }

    /// The text with every run of white space as one space.
    pub fn flat_text(&self) -> String {
        self.text().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// `pdfinfo`'s fields, e.g. `Title`, `Pages`.
    pub fn info(&self, field: &str) -> Option<String> {
        ok_stdout("pdfinfo", &["-enc", "UTF-8", self.p()])
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{field}:")).map(|v| v.trim().to_owned()))
    }

    pub fn pages(&self) -> usize {
        self.info("Pages")
            .and_then(|p| p.parse().ok())
            .expect("pdfinfo gives the page count")
    }

    /// The document language: the catalogue's `/Lang` (typst writes the
    /// catalogue uncompressed), checked against the XMP metadata's
    /// `dc:language` that `pdfinfo -meta` prints.
    pub fn lang(&self) -> Option<String> {
        let bytes = std::fs::read(&self.path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let catalogue = &text[text.find("/Type/Catalog")?..];
        let catalogue = &catalogue[..catalogue.find("endobj").unwrap_or(catalogue.len())];
        let rest = &catalogue[catalogue.find("/Lang(")? + 6..];
        let lang = rest[..rest.find(')')?].to_owned();
        let xmp = ok_stdout("pdfinfo", &["-meta", self.p()]);
        assert!(
            xmp.contains(&format!("<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li>")),
            "the XMP metadata has the catalogue's language {lang}: {xmp}"
        );
        Some(lang)
    }

    /// Each font `pdffonts` lists: name and whether it is embedded.
    pub fn fonts(&self) -> Vec<(String, bool)> {
        ok_stdout("pdffonts", &[self.p()])
            .lines()
            .skip(2)
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let cols: Vec<&str> = l.split_whitespace().collect();
                // name type [encoding…] emb sub uni object ID: emb is the 5th from the end.
                let emb = cols.len() >= 5 && cols[cols.len() - 5] == "yes";
                (cols.first().copied().unwrap_or_default().to_owned(), emb)
            })
            .collect()
    }

    /// Every word with the height of its box (from `pdftotext -bbox-layout`).
    pub fn words(&self) -> Vec<Word> {
        let html = ok_stdout("pdftotext", &["-bbox-layout", "-enc", "UTF-8", self.p(), "-"]);
        let mut words = Vec::new();
        for part in html.split("<word ").skip(1) {
            let attr = |name: &str| -> f64 {
                let start = part.find(&format!("{name}=\"")).expect("bbox attribute") + name.len() + 2;
                part[start..start + part[start..].find('"').unwrap()].parse().unwrap()
            };
            let text = part[part.find('>').unwrap() + 1..part.find("</word>").unwrap()].to_owned();
            words.push(Word {
                text,
                height: attr("yMax") - attr("yMin"),
            });
        }
        words
    }

    /// The QR codes found on the pages rasterised at 150 dpi, one string
    /// per code.
    pub fn qr_codes(&self) -> Vec<String> {
        let prefix = self.dir.join("page");
        let prefix = prefix.to_str().unwrap();
        ok_stdout("pdftoppm", &["-r", "150", "-png", self.p(), prefix]);
        let mut pages: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "png"))
            .collect();
        pages.sort();
        let mut codes = Vec::new();
        for page in pages {
            let out = tool(
                "zbarimg",
                &["--quiet", "--raw", "-Sqrcode.enable", page.to_str().unwrap()],
            );
            // zbarimg exits 4 when a page has no code at all (a cover page).
            assert!(
                out.status.success() || out.status.code() == Some(4),
                "zbarimg failed on {}: {}",
                page.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            codes.extend(String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned));
        }
        codes
    }
}

/// The font size of a word whose box is `height` points tall: poppler's
/// word box is one em high for the shipped fonts (a test renders known sizes
/// and reads them back, so a change in poppler shows up there).
pub fn font_size(height: f64) -> f64 {
    height
}
