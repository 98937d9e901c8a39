//! A centre's board: per section a cover page, then the section's offers in
//! a compact layout, [`per_page`] to a page, each with its own QR code (see
//! `templates/board.typ`). Every offer box has the same height and clips what
//! does not fit, so the count per page never changes; callers keep the lines
//! short (the title and a line of fields per language).

use serde::Serialize;

use crate::PrintError;
use crate::pdf::{self, PdfMeta};
use crate::poster::PosterCentre;

static TEMPLATE: &str = include_str!("../templates/board.typ");

/// One language's part of a section's cover page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoverBlock {
    pub lang: String,
    /// The language's own name.
    pub heading: String,
    /// The section's name in this language.
    pub title: String,
    /// What the board is.
    pub what: String,
    /// Who may apply, in plain words.
    pub who: String,
    /// How to apply.
    pub how: String,
}

/// An offer on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BoardOffer {
    pub reference: String,
    pub title: String,
    /// A few short lines: the main fields, the title in the other languages.
    pub lines: Vec<String>,
    /// `{public URL}/o/{REF}`, encoded in the box's QR code.
    pub short_url: String,
}

/// A section of the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BoardSection {
    /// The section's name in Italian, on the cover's band.
    pub title: String,
    /// "12 open offers" (in Italian and the other languages).
    pub count: String,
    pub mirato: bool,
    pub eures: bool,
    pub cover: Vec<CoverBlock>,
    pub offers: Vec<BoardOffer>,
}

/// A centre's board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Board {
    pub large: bool,
    /// The PDF's title.
    pub title: String,
    /// The language of the document (the first of the cover blocks).
    pub lang: String,
    pub centre: PosterCentre,
    pub sections: Vec<BoardSection>,
}

/// Offers per page: 3 at 14 pt, 2 at 20 pt.
pub fn per_page(large: bool) -> usize {
    if large { 2 } else { 3 }
}

/// The board as an A4 PDF: one cover page per section, then its offers.
pub fn render_board(board: &Board) -> Result<Vec<u8>, PrintError> {
    let mut data = serde_json::to_value(board).map_err(|e| PrintError::Data(e.to_string()))?;
    data["per_page"] = per_page(board.large).into();
    for (i, section) in board.sections.iter().enumerate() {
        let colour = match (section.mirato, section.eures) {
            (true, _) => "#00553c",
            (false, true) => "#003a78",
            (false, false) => "#222222",
        };
        data["sections"][i]["colour"] = colour.into();
        for (j, offer) in section.offers.iter().enumerate() {
            data["sections"][i]["offers"][j]["qr"] = pdf::qr_svg(&offer.short_url)?.into();
        }
    }
    let meta = PdfMeta {
        title: board.title.clone(),
        lang: board.lang.clone(),
        author: Some(board.centre.name.clone()),
    };
    pdf::render_pdf(TEMPLATE, &data, &meta)
}
