//! The fonts compiled into the binary: DejaVu Sans and DejaVu Sans Bold
//! (Bitstream Vera licence, see `assets/fonts/LICENSE-DejaVu.txt`).

use std::sync::LazyLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};

pub(crate) static REGULAR_BYTES: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD_BYTES: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

static REGULAR: LazyLock<FontRef<'static>> =
    LazyLock::new(|| FontRef::try_from_slice(REGULAR_BYTES).expect("DejaVu Sans is a valid font"));
static BOLD: LazyLock<FontRef<'static>> =
    LazyLock::new(|| FontRef::try_from_slice(BOLD_BYTES).expect("DejaVu Sans Bold is a valid font"));

/// A weight of the shipped typeface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    pub fn font(self) -> &'static FontRef<'static> {
        match self {
            Weight::Regular => &REGULAR,
            Weight::Bold => &BOLD,
        }
    }
}

/// The width in pixels of `text` set in `weight` at `px` pixels, with kerning.
pub fn text_width(weight: Weight, px: f32, text: &str) -> f32 {
    let font = weight.font().as_scaled(PxScale::from(px));
    let mut width = 0.0;
    let mut previous = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = previous {
            width += font.kern(p, id);
        }
        width += font.h_advance(id);
        previous = Some(id);
    }
    width
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_load_and_bold_is_wider() {
        let regular = text_width(Weight::Regular, 40.0, "Cameriere di sala");
        let bold = text_width(Weight::Bold, 40.0, "Cameriere di sala");
        assert!(regular > 100.0 && bold > regular, "{regular} {bold}");
        assert!(
            (text_width(Weight::Regular, 80.0, "Lecce") / text_width(Weight::Regular, 40.0, "Lecce") - 2.0).abs()
                < 0.01
        );
        // Letters of the four languages and the ellipsis are in the font.
        for c in "àèéìòùçäöüßœ€…·".chars() {
            assert_ne!(Weight::Regular.font().glyph_id(c).0, 0, "{c}");
        }
    }
}
