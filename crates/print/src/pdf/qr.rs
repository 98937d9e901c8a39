//! QR codes as SVG documents, to embed in a PDF as vector images
//! (`image(bytes(svg), format: "svg")` in a template).

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::PrintError;

/// A QR code of `text` as a standalone SVG document, black on white with the
/// quiet zone the standard asks for. Error correction M: a poster may be
/// scuffed or photographed at an angle.
pub fn qr_svg(text: &str) -> Result<String, PrintError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| PrintError::Data(format!("no QR code for {text:?}: {e}")))?;
    Ok(code
        .render::<svg::Color<'_>>()
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_address_makes_an_svg() {
        let svg = qr_svg("https://lavoro.example/o/LE-2026-0001").unwrap();
        assert!(svg.contains("<svg") && svg.contains("#000000"), "{svg}");
        assert!(qr_svg(&"x".repeat(5000)).is_err());
    }
}
