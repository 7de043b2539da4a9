//! An RGB raster with the few primitives plots and image grids need, written out as PNG.

use std::path::Path;

use anyhow::{Context, Result};

use super::font;
use crate::data::image::{encode_png, Image};

pub type Rgb = [u8; 3];

pub const WHITE: Rgb = [255, 255, 255];
pub const BLACK: Rgb = [0, 0, 0];
pub const GREY: Rgb = [120, 120, 120];
pub const LIGHT: Rgb = [225, 225, 225];

pub struct Canvas {
    pub width: usize,
    pub height: usize,
    pixels: Vec<u8>,
}

impl Canvas {
    pub fn new(width: usize, height: usize, background: Rgb) -> Canvas {
        Canvas { width, height, pixels: background.iter().copied().cycle().take(width * height * 3).collect() }
    }

    /// Sets a pixel; coordinates outside the canvas are ignored (lines may run off a panel).
    pub fn set(&mut self, x: i64, y: i64, c: Rgb) {
        if x >= 0 && y >= 0 && (x as usize) < self.width && (y as usize) < self.height {
            let i = (y as usize * self.width + x as usize) * 3;
            self.pixels[i..i + 3].copy_from_slice(&c);
        }
    }

    pub fn get(&self, x: usize, y: usize) -> Rgb {
        let i = (y * self.width + x) * 3;
        [self.pixels[i], self.pixels[i + 1], self.pixels[i + 2]]
    }

    pub fn fill_rect(&mut self, x: i64, y: i64, w: i64, h: i64, c: Rgb) {
        for yy in y..y + h {
            for xx in x..x + w {
                self.set(xx, yy, c);
            }
        }
    }

    pub fn hline(&mut self, x0: i64, x1: i64, y: i64, c: Rgb) {
        self.fill_rect(x0.min(x1), y, (x1 - x0).abs() + 1, 1, c);
    }

    pub fn vline(&mut self, x: i64, y0: i64, y1: i64, c: Rgb) {
        self.fill_rect(x, y0.min(y1), 1, (y1 - y0).abs() + 1, c);
    }

    /// A segment `thickness` pixels wide: a square brush stepped along the longer axis.
    pub fn line(&mut self, (x0, y0): (f64, f64), (x1, y1): (f64, f64), thickness: i64, c: Rgb) {
        let steps = (x1 - x0).abs().max((y1 - y0).abs()).ceil().max(1.0) as usize;
        let off = thickness / 2;
        for i in 0..=steps {
            let t = i as f64 / steps as f64;
            let (x, y) = ((x0 + t * (x1 - x0)).round() as i64, (y0 + t * (y1 - y0)).round() as i64);
            self.fill_rect(x - off, y - off, thickness, thickness, c);
        }
    }

    /// Text with its top-left corner at (x, y), each font pixel drawn `scale` x `scale`.
    pub fn text(&mut self, x: i64, y: i64, text: &str, scale: usize, c: Rgb) {
        let s = scale as i64;
        for (k, ch) in text.chars().enumerate() {
            let gx = x + (k * font::ADVANCE) as i64 * s;
            for (row, bits) in font::glyph(ch).iter().enumerate() {
                for col in 0..font::WIDTH {
                    if bits & (1 << (font::WIDTH - 1 - col)) != 0 {
                        self.fill_rect(gx + col as i64 * s, y + row as i64 * s, s, s, c);
                    }
                }
            }
        }
    }

    /// Copies an RGB image (rows of `w * 3` bytes) with its top-left at (x, y), each pixel
    /// enlarged to `scale` x `scale` (nearest neighbour: pixels stay pixels).
    pub fn blit(&mut self, x: i64, y: i64, w: usize, h: usize, rgb: &[u8], scale: usize) {
        for r in 0..h {
            for col in 0..w {
                let i = (r * w + col) * 3;
                let c = [rgb[i], rgb[i + 1], rgb[i + 2]];
                self.fill_rect(x + (col * scale) as i64, y + (r * scale) as i64, scale as i64, scale as i64, c);
            }
        }
    }

    pub fn to_png(&self) -> Vec<u8> {
        encode_png(&Image { width: self.width, height: self.height, channels: 3, data: self.pixels.clone() })
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        std::fs::write(path, self.to_png()).with_context(|| format!("writing {}", path.display()))
    }
}
