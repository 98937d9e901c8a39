//! The social card of an offer: 1200×630 PNG, what Facebook, LinkedIn and
//! X show for a pasted link. Dark text on white, a dark band with the site
//! name and the reference code, and a coloured band naming the section for
//! EURES and Collocamento Mirato offers. Every colour pair has a contrast
//! ratio above 7:1. The caller passes every text already translated.

use crate::canvas::{Canvas, Rgb};
use crate::fit::{Frame, fit};
use crate::fonts::{Weight, text_width};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const MARGIN: f32 = 60.0;
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [17, 17, 17];
const DARK: Rgb = [26, 35, 48];
/// EURES: dark blue (white on it: 12:1).
const EURES_BLUE: Rgb = [0, 40, 110];
/// Collocamento Mirato: dark purple (white on it: 11:1).
const MIRATO_PURPLE: Rgb = [74, 20, 100];

/// The band naming a special section.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Banner {
    Eures(String),
    Mirato(String),
}

/// What the card says, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OfferCard {
    pub title: String,
    /// Where the work is, e.g. "Gallipoli (LE)".
    pub place: String,
    pub centre: String,
    /// E.g. "Riferimento LE-000042".
    pub reference: String,
    pub banner: Option<Banner>,
    pub site_name: String,
}

/// The card as a PNG file.
pub fn render_offer_card(card: &OfferCard) -> Vec<u8> {
    let mut canvas = Canvas::new(WIDTH, HEIGHT, WHITE);
    let inner = WIDTH as f32 - 2.0 * MARGIN;
    let mut top = 60.0;
    match &card.banner {
        Some(Banner::Eures(text) | Banner::Mirato(text)) => {
            let color = match &card.banner {
                Some(Banner::Eures(_)) => EURES_BLUE,
                _ => MIRATO_PURPLE,
            };
            canvas.fill(0, 0, WIDTH, 96, color);
            let line = one_line(Weight::Bold, text, inner, 40.0, 24.0);
            canvas.text(Weight::Bold, line.1, MARGIN, 62.0, &line.0, WHITE);
            top = 140.0;
        }
        None => canvas.fill(0, 0, WIDTH, 16, DARK),
    }
    // The title: as large as it fits between the top and the details.
    let details_top = 430.0;
    let frame = Frame {
        width: inner,
        height: details_top - top - 20.0,
        leading: 1.2,
        max_size: 76.0,
        min_size: 36.0,
        step: 4.0,
    };
    let title = fit(&card.title, &frame, |size, s| text_width(Weight::Bold, size, s));
    let line_height = title.size * 1.2;
    for (i, line) in title.lines.iter().enumerate() {
        let baseline = top + title.size + line_height * i as f32;
        canvas.text(Weight::Bold, title.size, MARGIN, baseline, line, INK);
    }
    for (i, text) in [&card.place, &card.centre].into_iter().enumerate() {
        let line = one_line(Weight::Regular, text, inner, 36.0, 24.0);
        canvas.text(
            Weight::Regular,
            line.1,
            MARGIN,
            details_top + 36.0 + 50.0 * i as f32,
            &line.0,
            INK,
        );
    }
    // The band at the bottom: site name on the left, reference on the right.
    let band_top = 530;
    canvas.fill(0, band_top, WIDTH, HEIGHT - band_top, DARK);
    let reference = one_line(Weight::Bold, &card.reference, inner / 2.0, 34.0, 22.0);
    let reference_width = text_width(Weight::Bold, reference.1, &reference.0);
    let site = one_line(
        Weight::Regular,
        &card.site_name,
        inner - reference_width - 40.0,
        28.0,
        18.0,
    );
    let baseline = band_top as f32 + 62.0;
    canvas.text(Weight::Regular, site.1, MARGIN, baseline, &site.0, WHITE);
    canvas.text(
        Weight::Bold,
        reference.1,
        WIDTH as f32 - MARGIN - reference_width,
        baseline,
        &reference.0,
        WHITE,
    );
    canvas.png()
}

/// `text` on one line of `width`: its size, and the text cut with "…" only
/// when it does not fit even at `min`.
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
    let line = fitted.lines.into_iter().next().unwrap_or_default();
    (line, fitted.size)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sportello_testkit::png::Image;

    fn card() -> OfferCard {
        OfferCard {
            title: "Cameriere di sala".into(),
            place: "Gallipoli (LE)".into(),
            centre: "Centro per l'Impiego di Gallipoli".into(),
            reference: "Riferimento GL-000042".into(),
            banner: None,
            site_name: "Sportello · Centri per l'Impiego".into(),
        }
    }

    #[test]
    fn renders_a_1200_by_630_png_that_depends_on_its_text() {
        let plain = render_offer_card(&card());
        let image = Image::decode(&plain);
        assert_eq!((image.width, image.height), (1200, 630));
        // Text was drawn: the title area is not all white.
        let row = |y: usize| &image.pixels[y * 1200 * 3..(y + 1) * 1200 * 3];
        assert!((60..200).any(|y| row(y).iter().any(|b| *b < 100)));
        let mut other = card();
        other.title = "Cuoco".into();
        assert_ne!(render_offer_card(&other), plain);
        let mut eures = card();
        eures.banner = Some(Banner::Eures("EURES".into()));
        let eures_pixels = Image::decode(&render_offer_card(&eures)).pixels;
        // The band is blue at its left edge.
        assert_eq!(&eures_pixels[(10 * 1200 + 5) * 3..(10 * 1200 + 5) * 3 + 3], &EURES_BLUE);
    }

    #[test]
    fn a_very_long_title_still_renders() {
        let mut long = card();
        long.title = "Operatore socio-sanitario ".repeat(20);
        assert_eq!(Image::decode(&render_offer_card(&long)).width, 1200);
    }
}
