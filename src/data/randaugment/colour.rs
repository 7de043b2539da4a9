//! RandAugment's pixel-value operations on 8-bit images, in place. Each follows the meaning of the
//! PIL operation timm calls (ImageOps / ImageEnhance), written from that meaning, not from PIL's
//! code; results may differ from PIL by one grey level where PIL truncates and we round.

use crate::data::image::Image;

/// Round half up after clamping (`f32::round` is a libm call on baseline x86-64).
fn clamp_round(v: f32) -> u8 {
    (v.clamp(0.0, 255.0) + 0.5) as u8
}

/// Applies a 256-entry table to every channel of every pixel.
fn map(img: &mut Image, lut: &[u8; 256]) {
    img.data.iter_mut().for_each(|v| *v = lut[*v as usize]);
}

/// Applies one table per channel.
fn map_per_channel(img: &mut Image, luts: &[[u8; 256]]) {
    let c = img.channels;
    for px in img.data.chunks_exact_mut(c) {
        for (v, lut) in px.iter_mut().zip(luts) {
            *v = lut[*v as usize];
        }
    }
}

fn histograms(img: &Image) -> Vec<[u32; 256]> {
    let c = img.channels;
    let mut h = vec![[0u32; 256]; c];
    for px in img.data.chunks_exact(c) {
        for (ch, &v) in px.iter().enumerate() {
            h[ch][v as usize] += 1;
        }
    }
    h
}

pub fn invert(img: &mut Image) {
    img.data.iter_mut().for_each(|v| *v = 255 - *v);
}

/// Keeps the `bits` most significant bits of each value (8 or more: unchanged; 0: black).
pub fn posterize(img: &mut Image, bits: u32) {
    if bits >= 8 {
        return;
    }
    let mask = !(0xffu8 >> bits);
    img.data.iter_mut().for_each(|v| *v &= mask);
}

/// Inverts the values at or above `threshold` (256: unchanged; 0: a full inversion).
pub fn solarize(img: &mut Image, threshold: u32) {
    img.data.iter_mut().for_each(|v| {
        if *v as u32 >= threshold {
            *v = 255 - *v
        }
    });
}

/// Adds `add` to the values below `threshold` (saturating), leaves the others.
pub fn solarize_add(img: &mut Image, add: u32, threshold: u32) {
    let mut lut = [0u8; 256];
    for (i, l) in lut.iter_mut().enumerate() {
        *l = if (i as u32) < threshold { (i as u32 + add).min(255) as u8 } else { i as u8 };
    }
    map(img, &lut);
}

/// Per channel, stretches [min, max] linearly onto [0, 255]; a flat channel is left alone.
pub fn auto_contrast(img: &mut Image) {
    let luts: Vec<[u8; 256]> = histograms(img)
        .iter()
        .map(|h| {
            let lo = h.iter().position(|&n| n > 0).unwrap_or(0);
            let hi = h.iter().rposition(|&n| n > 0).unwrap_or(255);
            let mut lut = [0u8; 256];
            for (i, l) in lut.iter_mut().enumerate() {
                *l = if hi <= lo { i as u8 } else { ((i.clamp(lo, hi) - lo) * 255 / (hi - lo)) as u8 };
            }
            lut
        })
        .collect();
    map_per_channel(img, &luts);
}

/// Per channel, maps each value to its rank in the cumulative histogram, so the values spread
/// evenly over [0, 255]. As in the classic ImageOps equalize, the pixels of the highest value do
/// not count towards the step (they map last anyway), and a channel with a single value (or too
/// few pixels for one step) is left alone.
pub fn equalize(img: &mut Image) {
    let luts: Vec<[u8; 256]> = histograms(img)
        .iter()
        .map(|h| {
            let mut lut = [0u8; 256];
            let total: u64 = h.iter().map(|&n| n as u64).sum();
            let last = h.iter().rposition(|&n| n > 0).map(|i| h[i] as u64).unwrap_or(0);
            let step = (total - last) / 255;
            if step == 0 {
                for (i, l) in lut.iter_mut().enumerate() {
                    *l = i as u8;
                }
                return lut;
            }
            // Each value goes to the middle of the rank range its pixels occupy, in steps.
            let mut below = step / 2;
            for (i, l) in lut.iter_mut().enumerate() {
                *l = (below / step).min(255) as u8;
                below += h[i] as u64;
            }
            lut
        })
        .collect();
    map_per_channel(img, &luts);
}

/// `degenerate + factor * (img - degenerate)`: factor 1 is the image, 0 the degenerate image,
/// above 1 extrapolates away from it (ImageEnhance's blend).
fn blend_with(img: &mut Image, degenerate: &[u8], factor: f32) {
    for (v, &d) in img.data.iter_mut().zip(degenerate) {
        *v = clamp_round(d as f32 + factor * (*v as f32 - d as f32));
    }
}

/// ITU-R 601 luma, as PIL's RGB -> L conversion: 0.299 R + 0.587 G + 0.114 B.
fn luma(px: &[u8]) -> f32 {
    if px.len() >= 3 {
        0.299 * px[0] as f32 + 0.587 * px[1] as f32 + 0.114 * px[2] as f32
    } else {
        px[0] as f32
    }
}

/// Saturation: blend with the grey version of the image.
pub fn color(img: &mut Image, factor: f32) {
    let c = img.channels;
    let grey: Vec<u8> = img.data.chunks_exact(c).flat_map(|px| std::iter::repeat_n(clamp_round(luma(px)), c)).collect();
    blend_with(img, &grey, factor);
}

/// Contrast: blend with a flat image at the mean luma.
pub fn contrast(img: &mut Image, factor: f32) {
    let c = img.channels;
    let n = (img.data.len() / c).max(1);
    let mean = img.data.chunks_exact(c).map(|px| luma(px) as f64).sum::<f64>() / n as f64;
    let flat = vec![clamp_round(mean as f32); img.data.len()];
    blend_with(img, &flat, factor);
}

/// Brightness: blend with black.
pub fn brightness(img: &mut Image, factor: f32) {
    let black = vec![0u8; img.data.len()];
    blend_with(img, &black, factor);
}

/// Sharpness: blend with a smoothed copy (3x3 kernel, 5 at the centre and 1 around, over 13);
/// the one-pixel border keeps its values in the smoothed copy, so it never changes.
pub fn sharpness(img: &mut Image, factor: f32) {
    let (w, h, c) = (img.width, img.height, img.channels);
    let mut smooth = img.data.clone();
    if w >= 3 && h >= 3 {
        let stride = w * c;
        for y in 1..h - 1 {
            let (up, mid, down) = (
                &img.data[(y - 1) * stride..y * stride],
                &img.data[y * stride..(y + 1) * stride],
                &img.data[(y + 1) * stride..(y + 2) * stride],
            );
            let dst = &mut smooth[y * stride..(y + 1) * stride];
            // Interleaved channels: the horizontal neighbours of value k are k - c and k + c.
            for k in c..stride - c {
                let s = up[k - c] as u32
                    + up[k] as u32
                    + up[k + c] as u32
                    + mid[k - c] as u32
                    + 5 * mid[k] as u32
                    + mid[k + c] as u32
                    + down[k - c] as u32
                    + down[k] as u32
                    + down[k + c] as u32;
                dst[k] = ((s + 6) / 13) as u8;
            }
        }
    }
    blend_with(img, &smooth, factor);
}
