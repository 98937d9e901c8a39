//! Reading PNG images back: their size and pixels, for the tests of social
//! cards and report cards.

/// A decoded image: width, height and 8-bit RGB or RGBA pixels.
pub struct Image {
    pub width: u32,
    pub height: u32,
    /// Bytes per pixel (3 for RGB, 4 for RGBA).
    pub channels: usize,
    pub pixels: Vec<u8>,
}

impl Image {
    /// Decodes `bytes`, panicking with the reason when they are not a PNG.
    pub fn decode(bytes: &[u8]) -> Image {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap_or_else(|e| panic!("not a PNG: {e}"));
        let mut pixels = vec![0; reader.output_buffer_size().expect("a PNG of a sensible size")];
        let info = reader
            .next_frame(&mut pixels)
            .unwrap_or_else(|e| panic!("a broken PNG: {e}"));
        pixels.truncate(info.buffer_size());
        Image {
            width: info.width,
            height: info.height,
            channels: info.color_type.samples(),
            pixels,
        }
    }
}
