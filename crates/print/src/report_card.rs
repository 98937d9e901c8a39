//! The card of a weekly report: a 1080×1080 PNG for social networks (the
//! square format Facebook and Instagram show whole). A dark band with the
//! report's title and week, the two big figures (offers and positions), a
//! few lines (the change from the week before, the first sectors) and a
//! band with the address of the full report. Colour pairs as the offer card
//! (contrast above 7:1). The caller passes every text already translated.

use crate::canvas::{Canvas, Rgb};
use crate::fit::{Frame, fit};
use crate::fonts::{Weight, text_width};

pub const SIDE: u32 = 1080;

const MARGIN: f32 = 70.0;
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [17, 17, 17];
const DARK: Rgb = [26, 35, 48];

/// What the report card says, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReportCard {
    /// E.g. "14th weekly report · Lecce area".
    pub title: String,
    /// E.g. "Week 2026-W48, 23–29 November 2026".
    pub week: String,
    /// Big figures with their labels, e.g. ("182", "offers").
    pub figures: Vec<(String, String)>,
    /// Up to five short lines under the figures.
    pub lines: Vec<String>,
    /// The address of the full report.
    pub footer: String,
}

/// The card as a PNG file.
pub fn render_report_card(card: &ReportCard) -> Vec<u8> {
    let mut canvas = Canvas::new(SIDE, SIDE, WHITE);
    let inner = SIDE as f32 - 2.0 * MARGIN;
    // Heading band: the title on up to two lines, then the week.
    canvas.fill(0, 0, SIDE, 250, DARK);
    let frame = Frame {
        width: inner,
        height: 130.0,
        leading: 1.2,
        max_size: 56.0,
        min_size: 30.0,
        step: 2.0,
    };
    let title = fit(&card.title, &frame, |size, s| text_width(Weight::Bold, size, s));
    for (i, line) in title.lines.iter().enumerate() {
        let baseline = 60.0 + title.size + title.size * 1.2 * i as f32;
        canvas.text(Weight::Bold, title.size, MARGIN, baseline, line, WHITE);
    }
    let week = one_line(Weight::Regular, &card.week, inner, 34.0, 20.0);
    canvas.text(Weight::Regular, week.1, MARGIN, 220.0, &week.0, WHITE);

    // The big figures side by side.
    let columns = card.figures.len().max(1) as f32;
    let column = inner / columns;
    for (i, (value, label)) in card.figures.iter().enumerate() {
        let x = MARGIN + column * i as f32;
        let number = one_line(Weight::Bold, value, column - 20.0, 150.0, 60.0);
        canvas.text(Weight::Bold, number.1, x, 430.0, &number.0, INK);
        let label = one_line(Weight::Regular, label, column - 20.0, 40.0, 22.0);
        canvas.text(Weight::Regular, label.1, x, 490.0, &label.0, INK);
    }
    for (i, text) in card.lines.iter().take(5).enumerate() {
        let line = one_line(Weight::Regular, text, inner, 36.0, 22.0);
        canvas.text(Weight::Regular, line.1, MARGIN, 590.0 + 62.0 * i as f32, &line.0, INK);
    }
    // The band at the bottom with the address.
    let band_top = 950;
    canvas.fill(0, band_top, SIDE, SIDE - band_top, DARK);
    let footer = one_line(Weight::Bold, &card.footer, inner, 34.0, 16.0);
    canvas.text(Weight::Bold, footer.1, MARGIN, band_top as f32 + 78.0, &footer.0, WHITE);
    canvas.png()
}

/// `text` on one line of `width`: its size, cut with "…" only when it does
/// not fit even at `min`.
fn one_line(weight: Weight, text: &str, width: f32, max: f32, min: f32) -> (String, f32) {
    let frame = Frame {
        width,
        height: max * 1.2,
        leading: 1.2,
        max_size: max,
        min_size: min,
        step: 2.0,
    };
    let fitted = fit(text, &frame, |size, s| text_width(weight, size, s));
    (fitted.lines.into_iter().next().unwrap_or_default(), fitted.size)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card() -> ReportCard {
        ReportCard {
            title: "14º report settimanale · Ambito di Lecce".into(),
            week: "Settimana 2026-W48, 23–29 novembre 2026".into(),
            figures: vec![("182".into(), "offerte".into()), ("1.046".into(), "posti".into())],
            lines: vec![
                "+12% posti rispetto alla settimana precedente".into(),
                "Turismo e ristorazione: 420".into(),
            ],
            footer: "https://lavoro.example.it/it/reports/lecce/2026-W48".into(),
        }
    }

    #[test]
    fn renders_a_1080_square_png_that_depends_on_its_figures() {
        let png = render_report_card(&card());
        let image = sportello_testkit::png::Image::decode(&png);
        let buf = image.pixels;
        assert_eq!((image.width, image.height), (1080, 1080));
        // The figures were drawn: dark pixels between the bands.
        let row = |y: usize| &buf[y * 1080 * 3..(y + 1) * 1080 * 3];
        assert!((330..440).any(|y| row(y).iter().any(|b| *b < 100)));
        let mut other = card();
        other.figures[0].0 = "0".into();
        assert_ne!(render_report_card(&other), png);
        other.lines = vec!["x".repeat(500); 9];
        assert!(!render_report_card(&other).is_empty(), "long lines still render");
    }
}
