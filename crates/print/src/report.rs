//! The weekly report as an A4 PDF (see `templates/report.typ`): its heading
//! and week, the figures, the change from the week before, positions by
//! sector, by sub-area and by occupation, and every offer open during the
//! week (reference, title, place, positions, centre) in a table whose header
//! repeats on every page; a QR code to the report's page. The caller passes
//! every text already translated.

use serde::Serialize;

use crate::PrintError;
use crate::pdf::{self, PdfMeta};

static TEMPLATE: &str = include_str!("../templates/report.typ");

/// A table of the report: a title, column headings and rows of cells. The
/// columns after the first are numbers (right-aligned) unless `text_columns`
/// says how many leading columns are text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportTable {
    pub title: String,
    pub columns: Vec<String>,
    pub text_columns: usize,
    pub rows: Vec<Vec<String>>,
}

/// What the report's PDF says, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportDocument {
    /// "Weekly report no. 14 · Ambito di Lecce", also the PDF's title.
    pub title: String,
    /// The document's language code.
    pub lang: String,
    /// Who publishes it (the PDF's author), e.g. the area's name.
    pub author: String,
    /// "Week 2026-W48, 23/11/2026 – 29/11/2026".
    pub week: String,
    /// Said in bold when the week had no offers.
    pub empty: Option<String>,
    /// The totals, as (label, value).
    pub summary: Vec<(String, String)>,
    /// The change from the week before (or why there is none).
    pub changes: Vec<String>,
    /// Sector, sub-area and occupation tables.
    pub tables: Vec<ReportTable>,
    /// Every offer open during the week.
    pub offers: ReportTable,
    /// The address of the report's page, printed and as a QR code.
    pub link: String,
}

/// The report as an A4 PDF.
pub fn render_report(doc: &ReportDocument) -> Result<Vec<u8>, PrintError> {
    let mut data = serde_json::to_value(doc).map_err(|e| PrintError::Data(e.to_string()))?;
    data["qr"] = pdf::qr_svg(&doc.link)?.into();
    let meta = PdfMeta {
        title: doc.title.clone(),
        lang: doc.lang.clone(),
        author: Some(doc.author.clone()),
    };
    pdf::render_pdf(TEMPLATE, &data, &meta)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportello_testkit::pdf::PdfFile;

    fn doc(offers: usize) -> ReportDocument {
        ReportDocument {
            title: "Report settimanale n. 14 · Ambito di Lecce".into(),
            lang: "it".into(),
            author: "Ambito di Lecce".into(),
            week: "Settimana 2026-W48, 23/11/2026 – 29/11/2026".into(),
            empty: None,
            summary: vec![
                ("Offerte (annunci)".into(), offers.to_string()),
                ("Posti (persone cercate)".into(), (offers * 3).to_string()),
            ],
            changes: vec!["Offerte: +12% rispetto alla settimana precedente".into()],
            tables: vec![ReportTable {
                title: "Posti per settore".into(),
                columns: vec!["Settore".into(), "Offerte".into(), "Posti".into()],
                text_columns: 1,
                rows: vec![vec!["Turismo e ristorazione".into(), "3".into(), "300".into()]],
            }],
            offers: ReportTable {
                title: "Tutte le offerte aperte nella settimana".into(),
                columns: ["Riferimento", "Offerta", "Sede di lavoro", "Posti", "Centro"]
                    .map(String::from)
                    .to_vec(),
                text_columns: 3,
                rows: (1..=offers)
                    .map(|i| {
                        vec![
                            format!("GA-{i:04}"),
                            format!("Cameriere di sala {i}"),
                            "Gallipoli".into(),
                            "3".into(),
                            "Centro per l'Impiego di Gallipoli".into(),
                        ]
                    })
                    .collect(),
            },
            link: "https://lavoro.example.it/it/reports/lecce/2026-W48".into(),
        }
    }

    #[test]
    fn lists_every_offer_as_real_text_with_embedded_fonts() {
        let pdf = PdfFile::new(&render_report(&doc(120)).unwrap());
        let text = pdf.flat_text();
        assert!(text.contains("Report settimanale n. 14"), "{text}");
        assert!(text.contains("2026-W48"));
        assert!(text.contains("360"), "the positions");
        for i in 1..=120 {
            assert!(text.contains(&format!("GA-{i:04}")), "GA-{i:04} is listed");
        }
        assert!(pdf.pages() >= 3, "120 offers take several pages");
        assert_eq!(
            pdf.info("Title").as_deref(),
            Some("Report settimanale n. 14 · Ambito di Lecce")
        );
        assert_eq!(pdf.lang().as_deref(), Some("it"));
        let fonts = pdf.fonts();
        assert!(!fonts.is_empty());
        assert!(fonts.iter().all(|(_, embedded)| *embedded), "{fonts:?}");
        assert_eq!(pdf.qr_codes(), ["https://lavoro.example.it/it/reports/lecce/2026-W48"]);
    }

    #[test]
    fn an_empty_week_says_so() {
        let mut empty = doc(0);
        empty.empty = Some("Nessuna offerta è stata aperta in questo ambito durante questa settimana.".into());
        let text = PdfFile::new(&render_report(&empty).unwrap()).flat_text();
        assert!(text.contains("Nessuna offerta è stata aperta"), "{text}");
    }
}
