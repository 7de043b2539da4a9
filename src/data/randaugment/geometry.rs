//! RandAugment's geometric operations: rotate, shear and translate as one inverse affine map
//! sampled with a bicubic filter; output pixels whose source lies outside the image get the fill
//! colour. Conventions follow PIL's `Image.transform(AFFINE)` as timm uses it: the matrix maps an
//! output pixel centre `(x + 0.5, y + 0.5)` to a source point, pixel `i` covers `[i, i + 1)`, a
//! source point outside `[0, w) x [0, h)` is filled, neighbours beyond the edge are clamped.

use crate::data::image::Image;

/// An inverse map: output point `(x, y)` samples the source at `(a x + b y + c, d x + e y + f)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Affine {
    pub a: f64,
    pub b: f64,
    pub c: f64,
    pub d: f64,
    pub e: f64,
    pub f: f64,
}

impl Affine {
    /// Counter-clockwise rotation by `degrees` about the image centre (as `Image.rotate`).
    /// Entries are rounded to 15 decimals so right angles are exact permutations of pixels.
    pub fn rotate(w: usize, h: usize, degrees: f64) -> Affine {
        let r = |v: f64| (v * 1e15).round() / 1e15;
        let t = -degrees.to_radians();
        let (cos, sin) = (r(t.cos()), r(t.sin()));
        let (cx, cy) = (w as f64 / 2.0, h as f64 / 2.0);
        // Source = centre + M (output - centre), with M = [cos sin; -sin cos].
        Affine { a: cos, b: sin, c: cx - cos * cx - sin * cy, d: -sin, e: cos, f: cy + sin * cx - cos * cy }
    }

    /// Horizontal shear: the source is shifted by `factor * y` along x.
    pub fn shear_x(factor: f64) -> Affine {
        Affine { a: 1.0, b: factor, c: 0.0, d: 0.0, e: 1.0, f: 0.0 }
    }

    pub fn shear_y(factor: f64) -> Affine {
        Affine { a: 1.0, b: 0.0, c: 0.0, d: factor, e: 1.0, f: 0.0 }
    }

    /// Output pixel `x` shows source pixel `x + dx` (so content moves by `-dx`).
    pub fn translate(dx: f64, dy: f64) -> Affine {
        Affine { a: 1.0, b: 0.0, c: dx, d: 0.0, e: 1.0, f: dy }
    }
}

/// Weights of the four taps at offsets -1, 0, 1, 2 from the pixel left of the point, for a point
/// at fraction `t` in [0, 1) between two pixel centres: Keys' cubic convolution kernel with
/// a = -1, the variant PIL's affine transforms use. They sum to 1.
fn cubic_weights(t: f32) -> [f32; 4] {
    const A: f32 = -1.0;
    let (t2, t3) = (t * t, t * t * t);
    [A * (t3 - 2.0 * t2 + t), (A + 2.0) * t3 - (A + 3.0) * t2 + 1.0, -(A + 2.0) * t3 + (2.0 * A + 3.0) * t2 - A * t, A * (t2 - t3)]
}

/// Resamples `img` through `m` into a new image of the same size; `fill` has one value per
/// channel (only the first `channels` are used).
pub fn warp(img: &Image, m: Affine, fill: [u8; 3]) -> Image {
    match img.channels {
        1 => warp_c::<1>(img, m, [fill[0]]),
        3 => warp_c::<3>(img, m, fill),
        c => panic!("warp takes 1 or 3 channels, got {}", c),
    }
}

/// `warp` with the channel count known at compile time (the inner loops unroll).
fn warp_c<const C: usize>(img: &Image, m: Affine, fill: [u8; C]) -> Image {
    let (w, h) = (img.width, img.height);
    let mut out = Vec::with_capacity(img.data.len());
    let clampi = |i: i64, n: usize| i.clamp(0, n as i64 - 1) as usize;
    for y in 0..h {
        for x in 0..w {
            let (ox, oy) = (x as f64 + 0.5, y as f64 + 0.5);
            let sx = m.a * ox + m.b * oy + m.c;
            let sy = m.d * ox + m.e * oy + m.f;
            if !(sx >= 0.0 && sx < w as f64 && sy >= 0.0 && sy < h as f64) {
                out.extend_from_slice(&fill);
                continue;
            }
            // Pixel centres sit at i + 0.5: the four taps around the point per axis. The
            // coordinates are >= -0.5, so truncation after +1 is a floor (no libm call).
            let (fx, fy) = (sx - 0.5, sy - 0.5);
            let (x0, y0) = ((fx + 1.0) as i64 - 1, (fy + 1.0) as i64 - 1);
            let wx = cubic_weights((fx - x0 as f64) as f32);
            let wy = cubic_weights((fy - y0 as f64) as f32);
            let xs = [0, 1, 2, 3].map(|k| clampi(x0 - 1 + k, w) * C);
            let ys = [0, 1, 2, 3].map(|k| clampi(y0 - 1 + k, h) * w * C);
            let mut acc = [0f32; C];
            for (&row, &wyj) in ys.iter().zip(&wy) {
                let mut r = [0f32; C];
                for (&col, &wxi) in xs.iter().zip(&wx) {
                    let px: &[u8; C] = img.data[row + col..row + col + C].try_into().unwrap();
                    for ch in 0..C {
                        r[ch] += wxi * px[ch] as f32;
                    }
                }
                for ch in 0..C {
                    acc[ch] += wyj * r[ch];
                }
            }
            out.extend(acc.iter().map(|&v| (v.clamp(0.0, 255.0) + 0.5) as u8));
        }
    }
    Image { width: w, height: h, channels: C, data: out }
}
