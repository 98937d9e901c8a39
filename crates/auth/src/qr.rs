//! QR codes as inline SVG, for showing an `otpauth://` URI to an
//! authenticator app.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// `text` with the XML special characters escaped.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A QR code of `text` as an SVG element to put inline in a page: black on
/// white, with `width`/`height`, `role="img"` and a `<title>` for screen
/// readers. If `text` is too long for a QR code, an empty, still titled,
/// square is returned instead.
pub fn qr_svg(text: &str, title: &str) -> String {
    let title = format!("<title>{}</title>", xml_escape(title));
    let Ok(code) = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M) else {
        return format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200" role="img">{title}</svg>"#
        );
    };
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // Drop the XML declaration: it is not allowed inside an HTML page.
    let svg = image.find("<svg").map_or(image.as_str(), |at| &image[at..]);
    let open_end = svg.find('>').map_or(svg.len(), |at| at + 1);
    let open_tag = svg[..open_end].trim_end_matches('>');
    format!(r#"{open_tag} role="img">{title}{}"#, &svg[open_end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_svg_is_inline_and_titled() {
        let uri = "otpauth://totp/Sportello:anna%40example.it?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\
                   &issuer=Sportello&algorithm=SHA1&digits=6&period=30";
        let svg = qr_svg(uri, "QR code for <your> app");
        assert!(svg.starts_with("<svg "), "{}", &svg[..40]);
        assert!(!svg.contains("<?xml"));
        assert!(svg.contains(r#"role="img"><title>QR code for &lt;your&gt; app</title>"#));
        assert!(svg.contains("width=\"") && svg.contains("height=\""));
        assert!(svg.ends_with("</svg>"));
        let too_long = qr_svg(&"x".repeat(5000), "t");
        assert!(too_long.starts_with("<svg ") && too_long.contains("<title>t</title>"));
    }
}
