//! An RGB picture in memory: filled rectangles, anti-aliased text, PNG out.

use ab_glyph::{Font, PxScale, ScaleFont, point};

use crate::fonts::Weight;

pub type Rgb = [u8; 3];

pub struct Canvas {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

impl Canvas {
    pub fn new(width: u32, height: u32, background: Rgb) -> Canvas {
        let pixels = background.repeat((width * height) as usize);
        Canvas { width, height, pixels }
    }

    pub fn fill(&mut self, x: u32, y: u32, w: u32, h: u32, color: Rgb) {
        for row in y..(y + h).min(self.height) {
            for col in x..(x + w).min(self.width) {
                let i = ((row * self.width + col) * 3) as usize;
                self.pixels[i..i + 3].copy_from_slice(&color);
            }
        }
    }

    fn blend(&mut self, x: i32, y: i32, color: Rgb, coverage: f32) {
        if x < 0 || y < 0 || x >= self.width as i32 || y >= self.height as i32 {
            return;
        }
        let i = ((y as u32 * self.width + x as u32) * 3) as usize;
        let a = coverage.clamp(0.0, 1.0);
        for (k, c) in color.iter().enumerate() {
            let old = f32::from(self.pixels[i + k]);
            self.pixels[i + k] = (old + (f32::from(*c) - old) * a).round() as u8;
        }
    }

    /// Draws `text` with its baseline at `baseline`, starting at `x`.
    pub fn text(&mut self, weight: Weight, px: f32, x: f32, baseline: f32, text: &str, color: Rgb) {
        let font = weight.font();
        let scaled = font.as_scaled(PxScale::from(px));
        let mut caret = x;
        let mut previous = None;
        for c in text.chars() {
            let id = scaled.glyph_id(c);
            if let Some(p) = previous {
                caret += scaled.kern(p, id);
            }
            let glyph = id.with_scale_and_position(px, point(caret, baseline));
            caret += scaled.h_advance(id);
            previous = Some(id);
            if let Some(outline) = font.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                outline.draw(|gx, gy, coverage| {
                    self.blend(
                        bounds.min.x as i32 + gx as i32,
                        bounds.min.y as i32 + gy as i32,
                        color,
                        coverage,
                    );
                });
            }
        }
    }

    /// The picture as a PNG file.
    pub fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
            encoder.set_color(png::ColorType::Rgb);
            encoder.set_depth(png::BitDepth::Eight);
            let mut writer = encoder.write_header().expect("writing to memory");
            writer.write_image_data(&self.pixels).expect("writing to memory");
        }
        out
    }
}
