//! The A4 poster of one offer: the data a caller fills in, already in each
//! language (see `templates/poster.typ` for the layout), and the rule that
//! keeps it on one page.
//!
//! **One page, always.** The poster is first laid out with every description
//! whole. If that takes more than one page, descriptions are cut at a word
//! boundary to a shrinking number of characters ([`BUDGETS`]), each cut ending
//! with "…", and the poster says "continues online" next to the QR code. If it
//! still does not fit with no description at all, the blocks after the first
//! become compact: first without "how to apply" (the centre's address is at
//! the foot of the poster), then with only the key fields ([`KEY_FIELDS`]:
//! the first three and the closing date), then so does the first block, and
//! then the first block loses "how to apply" and the others keep only their
//! title, who may apply and the closing date; then the first block too, and
//! the foot drops the opening hours; last the titles are cut to
//! [`SHORT_TITLE`] characters. If even that does not fit, the languages asked
//! for are too many for the text size: an error says so.

use serde::Serialize;

use crate::PrintError;
use crate::pdf::{self, PdfMeta};

static TEMPLATE: &str = include_str!("../templates/poster.typ");

/// Characters kept of each description, tried in order once the whole texts
/// have not fitted.
pub const BUDGETS: [usize; 7] = [900, 600, 400, 250, 150, 80, 0];

/// Fields kept in a compact block: the first ones (occupation, place,
/// contract), and the last one (the closing date).
pub const KEY_FIELDS: usize = 3;

/// Characters kept of each title in the last layout tried.
pub const SHORT_TITLE: usize = 60;

/// How much the blocks after the first are shortened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Compact {
    No,
    NoApply,
    KeyFields,
    /// The first block too keeps only its key fields.
    AllKeyFields,
    /// The first block without "how to apply"; the others with their title,
    /// who may apply and closing date only.
    Minimal,
    /// Every block with its title, who may apply and closing date only; the
    /// foot without the opening hours.
    Bare,
    /// As `Bare`, with the titles cut to [`SHORT_TITLE`] characters.
    ShortTitles,
}

/// The band across the top for an offer of a reserved or special section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PosterBanner {
    /// The section's name, in Italian (each block repeats it in its language).
    pub title: String,
    /// Collocamento Mirato (green band) rather than EURES (blue band).
    pub mirato: bool,
}

/// One language's block of the poster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PosterBlock {
    /// ISO 639-1 code of the block's language (its text is tagged with it).
    pub lang: String,
    /// The language's own name, e.g. "Deutsch".
    pub heading: String,
    pub title: String,
    /// Who may apply, for the reserved sections, in plain words.
    pub who: Option<String>,
    /// Label and value of each structured field (occupation, place, …).
    pub fields: Vec<(String, String)>,
    /// The description as plain text; empty when the language has none.
    pub description: String,
    /// Said when the language has no public translation: the description is
    /// available in Italian.
    pub note: Option<String>,
    pub apply_label: String,
    pub apply: String,
}

/// The centre where to apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PosterCentre {
    /// "Where to apply" in the poster's languages.
    pub heading: String,
    pub name: String,
    pub address: String,
    /// Phone and e-mail on one line.
    pub contact: String,
    /// Opening hours, one line per day.
    pub hours: Vec<String>,
}

/// Everything printed on an offer's poster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Poster {
    /// Body text at 20 pt instead of 14 pt, for low-vision readers.
    pub large: bool,
    pub reference: String,
    /// "Codice" and its translations, before the reference.
    pub reference_label: String,
    /// The offer's permanent short address, `{public URL}/o/{REF}`.
    pub short_url: String,
    pub banner: Option<PosterBanner>,
    /// Italian first, then each requested language.
    pub blocks: Vec<PosterBlock>,
    pub centre: PosterCentre,
    /// "Continues online" in the poster's languages, printed next to the QR
    /// code only when a description was cut.
    pub continues: String,
    /// The PDF's title, e.g. "Cameriere di sala – LE-2026-0001".
    pub title: String,
}

/// `text` cut to at most `budget` characters at a word boundary, with "…";
/// the text itself when it is short enough.
pub fn cut(text: &str, budget: usize) -> (String, bool) {
    if text.chars().count() <= budget {
        return (text.to_owned(), false);
    }
    if budget == 0 {
        return (String::new(), true);
    }
    let end = text.char_indices().nth(budget).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let head = head.rfind(char::is_whitespace).map_or(head, |i| &head[..i]);
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation());
    (format!("{head} …"), true)
}

/// The template's data for `poster` with every description cut to `budget`
/// characters (`None`: whole).
fn data(poster: &Poster, budget: Option<usize>, compact: Compact, qr: &str) -> Result<serde_json::Value, PrintError> {
    let mut cut_any = false;
    let mut blocks = Vec::with_capacity(poster.blocks.len());
    for (i, b) in poster.blocks.iter().enumerate() {
        let (description, was_cut) = budget.map_or((b.description.clone(), false), |n| cut(&b.description, n));
        cut_any |= was_cut;
        let mut b = b.clone();
        b.description = description;
        if (i > 0 && compact >= Compact::NoApply) || compact >= Compact::Minimal {
            b.apply.clear();
        }
        if (i > 0 && compact >= Compact::Minimal) || compact >= Compact::Bare {
            let last = b.fields.pop();
            b.fields.clear();
            b.fields.extend(last);
        }
        if compact >= Compact::ShortTitles {
            let (title, was_cut) = cut(&b.title, SHORT_TITLE);
            cut_any |= was_cut;
            b.title = title;
        }
        let key_only = (i > 0 && compact >= Compact::KeyFields) || compact >= Compact::AllKeyFields;
        if key_only && b.fields.len() > KEY_FIELDS + 1 {
            let last = b.fields.pop();
            b.fields.truncate(KEY_FIELDS);
            b.fields.extend(last);
        }
        blocks.push(serde_json::to_value(&b).map_err(|e| PrintError::Data(e.to_string()))?);
    }
    let mut value = serde_json::to_value(poster).map_err(|e| PrintError::Data(e.to_string()))?;
    value["blocks"] = blocks.into();
    value["qr"] = qr.into();
    value["continues"] = if cut_any {
        poster.continues.clone().into()
    } else {
        serde_json::Value::Null
    };
    if compact >= Compact::Bare {
        value["centre"]["hours"] = serde_json::Value::Array(Vec::new());
    }
    if let Some(banner) = &poster.banner {
        value["banner"]["colour"] = if banner.mirato { "#00553c" } else { "#003a78" }.into();
    }
    Ok(value)
}

/// The poster as a one-page A4 PDF (see the module's note for the rule).
pub fn render_poster(poster: &Poster) -> Result<Vec<u8>, PrintError> {
    let qr = pdf::qr_svg(&poster.short_url)?;
    let meta = PdfMeta {
        title: poster.title.clone(),
        lang: poster
            .blocks
            .first()
            .map_or_else(|| "it".to_owned(), |b| b.lang.clone()),
        author: Some(poster.centre.name.clone()),
    };
    let attempts = std::iter::once((None, Compact::No))
        .chain(BUDGETS.into_iter().map(|b| (Some(b), Compact::No)))
        .chain(
            [
                Compact::NoApply,
                Compact::KeyFields,
                Compact::AllKeyFields,
                Compact::Minimal,
                Compact::Bare,
                Compact::ShortTitles,
            ]
            .map(|c| (Some(0), c)),
        );
    for (budget, compact) in attempts {
        let data = data(poster, budget, compact, &qr)?;
        let document = pdf::compile(TEMPLATE, &data, &meta)?;
        if document.pages().len() == 1 {
            return pdf::write(&document);
        }
    }
    Err(PrintError::DoesNotFit {
        reference: poster.reference.clone(),
        languages: poster.blocks.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_a_word_boundary() {
        assert_eq!(cut("breve", 10), ("breve".to_owned(), false));
        assert_eq!(cut("uno due, tre quattro", 12), ("uno due …".to_owned(), true));
        assert_eq!(cut("àèìòù àèìòù", 8), ("àèìòù …".to_owned(), true));
        assert_eq!(cut("qualcosa", 0), (String::new(), true));
    }
}
