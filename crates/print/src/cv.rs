//! A person's CV as an A4 PDF laid out like a Europass CV (see
//! `templates/cv.typ`): the name and contacts at the top, then each section
//! with its entries, the dates on the left and what was done on the right.
//! Text is selectable and the fonts are embedded. The caller passes every
//! text already in the CV's language, and only the sections to print (a CV
//! for an employer leaves out what the person does not share).

use serde::Serialize;

use crate::PrintError;
use crate::pdf::{self, PdfMeta};

static TEMPLATE: &str = include_str!("../templates/cv.typ");

/// One entry of a section: a job, a course, a language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CvEntry {
    /// The left column: dates or a level ("2019-05 – 2019-09", "B2").
    pub when: String,
    /// The entry's title, in bold.
    pub title: String,
    /// A line under the title (employer, institution, occupation).
    pub detail: String,
    /// Paragraphs of free text (tasks).
    pub text: Vec<String>,
}

/// A section of the CV with its entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CvPdfSection {
    pub title: String,
    pub entries: Vec<CvEntry>,
}

/// What the CV's PDF says, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CvDocument {
    /// The person's name: the heading and the PDF's title and author.
    pub name: String,
    /// The document's language code.
    pub lang: String,
    /// Lines under the name: contacts, place of domicile.
    pub contacts: Vec<String>,
    /// A few lines about the person.
    pub summary: String,
    pub sections: Vec<CvPdfSection>,
    /// The footer: "Curriculum vitae · updated 08/12/2026".
    pub footer: String,
}

/// The CV as an A4 PDF.
pub fn render_cv(doc: &CvDocument) -> Result<Vec<u8>, PrintError> {
    let data = serde_json::to_value(doc).map_err(|e| PrintError::Data(e.to_string()))?;
    let meta = PdfMeta {
        title: doc.name.clone(),
        lang: doc.lang.clone(),
        author: Some(doc.name.clone()),
    };
    pdf::render_pdf(TEMPLATE, &data, &meta)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportello_testkit::pdf::PdfFile;

    #[test]
    fn a_cv_is_one_a4_page_of_selectable_text() {
        let doc = CvDocument {
            name: "Amina Diallo".into(),
            lang: "fr".into(),
            contacts: vec!["amina@example.org".into(), "Nardò (LE)".into()],
            summary: "Cuisinière, dix ans de saison.".into(),
            sections: vec![CvPdfSection {
                title: "Expérience professionnelle".into(),
                entries: vec![CvEntry {
                    when: "2019-05 – 2019-09".into(),
                    title: "Cuisinière".into(),
                    detail: "Hôtel du Port · Cuisiniers (5120)".into(),
                    text: vec!["Cuisine chaude".into()],
                }],
            }],
            footer: "Curriculum vitae · mis à jour le 08/12/2026".into(),
        };
        let pdf = render_cv(&doc).unwrap();
        let file = PdfFile::new(&pdf);
        let text = file.text();
        for part in [
            "Amina Diallo",
            "Expérience professionnelle",
            "Hôtel du Port",
            "Nardò (LE)",
        ] {
            assert!(text.contains(part), "{part} in {text}");
        }
        assert_eq!(file.pages(), 1);
    }
}
