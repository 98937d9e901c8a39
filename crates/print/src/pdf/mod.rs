//! The PDF engine: typst sources laid out with the fonts shipped in
//! `assets/fonts/` and written as PDF by `typst-pdf`. No package, font or
//! file is ever fetched: a template sees only its data and the fonts.
//!
//! The fonts are parsed once per process, and one typst engine is kept per
//! distinct template text, so rendering the same template again only lays out
//! the new data (typst's memoisation keeps the work of recent renders).

mod qr;
mod value;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, OnceLock};

use typst::diag::SourceDiagnostic;
use typst::foundations::Smart;
use typst::text::Font;
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

pub use qr::qr_svg;
pub use value::to_typst;

use crate::PrintError;

static REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans-Bold.ttf");

/// The name templates use in `#set text(font: ...)`.
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// How many renders typst's memoisation cache keeps unused entries for.
const CACHE_AGE: usize = 8;

/// Metadata written into the PDF's information dictionary and catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfMeta {
    /// The document title (`/Title`, also shown by viewers instead of the file name).
    pub title: String,
    /// The document language as a lowercase ISO 639 code, e.g. `"it"` (`/Lang`).
    pub lang: String,
    /// The author (`/Author`), e.g. the centre or the area that publishes it.
    pub author: Option<String>,
}

fn fonts() -> &'static [Font] {
    static FONTS: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS.get_or_init(|| {
        [REGULAR, BOLD]
            .into_iter()
            .flat_map(|bytes| Font::iter(typst::foundations::Bytes::new(bytes)))
            .collect()
    })
}

type Engine = TypstEngine<TypstTemplateMainFile>;

/// The engine for `source`, built on first use and then kept.
fn engine(source: String) -> Arc<Engine> {
    static ENGINES: OnceLock<Mutex<HashMap<String, Arc<Engine>>>> = OnceLock::new();
    let engines = ENGINES.get_or_init(Default::default);
    let mut engines = engines.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(engine) = engines.get(&source) {
        return Arc::clone(engine);
    }
    let engine = Arc::new(
        TypstEngine::builder()
            .main_file(source.clone())
            .fonts(fonts().iter().cloned())
            .comemo_evict_max_age(Some(CACHE_AGE))
            .build(),
    );
    engines.insert(source, Arc::clone(&engine));
    engine
}

/// `text` as a typst string literal.
fn typst_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn check_lang(lang: &str) -> Result<(), PrintError> {
    if (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(())
    } else {
        Err(PrintError::Data(format!("{lang:?} is not a language code")))
    }
}

fn describe(diagnostics: &[SourceDiagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let _ = write!(out, "{}", d.message);
        for hint in &d.hints {
            let _ = write!(out, " (hint: {})", hint.v);
        }
        out.push_str("; ");
    }
    out.trim_end_matches("; ").to_owned()
}

/// Renders the typst source `template` with `data` into a PDF.
///
/// `data` must be a JSON object: the template reads it from **`sys.inputs`**
/// (`#let data = sys.inputs`), with JSON objects as dictionaries, arrays as
/// arrays, `null` as `none`. Images travel in the data too, e.g. a QR code
/// from [`qr_svg`] as a string shown with `image(bytes(data.qr), format: "svg")`.
///
/// Before the template, the engine sets the document's title and author from
/// `meta` (PDF `/Title`, `/Author`) and the text language (PDF `/Lang`, and
/// hyphenation): a template may change `text(lang: ..)` for a passage in
/// another language. Only the DejaVu Sans family ([`FONT_FAMILY`], regular
/// and bold) is available, and every glyph used is embedded.
pub fn render_pdf(template: &str, data: &serde_json::Value, meta: &PdfMeta) -> Result<Vec<u8>, PrintError> {
    write(&compile(template, data, meta)?)
}

/// Lays out `template` with `data` and `meta` as [`render_pdf`] does, without
/// writing the PDF: callers that must fit a page look at the pages first.
pub(crate) fn compile(template: &str, data: &serde_json::Value, meta: &PdfMeta) -> Result<PagedDocument, PrintError> {
    let serde_json::Value::Object(map) = data else {
        return Err(PrintError::Data("the data of a document must be a JSON object".into()));
    };
    check_lang(&meta.lang)?;
    let mut source = format!(
        "#set document(title: {}, author: ({}))\n#set text(lang: {}, font: {})",
        typst_str(&meta.title),
        meta.author
            .as_deref()
            .map(|a| format!("{},", typst_str(a)))
            .unwrap_or_default(),
        typst_str(&meta.lang),
        typst_str(FONT_FAMILY),
    );
    source.push('\n');
    source.push_str(template);
    let engine = engine(source);
    let warned = engine.compile_with_input::<_, PagedDocument>(value::to_dict(map));
    warned.output.map_err(|e| match e {
        typst_as_lib::TypstAsLibError::TypstSource(diagnostics) => PrintError::Template(describe(&diagnostics)),
        other => PrintError::Template(other.to_string()),
    })
}

/// `document` as PDF bytes.
pub(crate) fn write(document: &PagedDocument) -> Result<Vec<u8>, PrintError> {
    let options = PdfOptions {
        creator: Smart::Custom(Some("Sportello".into())),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(document, &options).map_err(|d| PrintError::Pdf(describe(&d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> PdfMeta {
        PdfMeta {
            title: "Prova \"uno\"".into(),
            lang: "it".into(),
            author: Some("CPI Lecce".into()),
        }
    }

    #[test]
    fn renders_data_from_sys_inputs() {
        let pdf = render_pdf("#sys.inputs.name", &serde_json::json!({"name": "Mondo"}), &meta()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn bad_template_data_and_lang_are_errors() {
        let e = render_pdf("#nonexistent()", &serde_json::json!({}), &meta()).unwrap_err();
        assert!(
            matches!(e, PrintError::Template(ref m) if m.contains("nonexistent")),
            "{e}"
        );
        let e = render_pdf("x", &serde_json::json!([1]), &meta()).unwrap_err();
        assert!(matches!(e, PrintError::Data(_)), "{e}");
        let bad = PdfMeta {
            lang: "it\" ) #panic(".into(),
            ..meta()
        };
        assert!(matches!(
            render_pdf("x", &serde_json::json!({}), &bad),
            Err(PrintError::Data(_))
        ));
    }

    #[test]
    fn strings_are_escaped() {
        assert_eq!(typst_str("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
    }
}
