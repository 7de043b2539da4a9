//! RandAugment as MAE's fine-tuning recipe configures it through timm (`rand-m9-mstd0.5-inc1`):
//! per image, `num_ops` operations drawn uniformly with replacement from the 15 below; each is
//! applied with probability `prob` at a magnitude drawn from N(magnitude, magnitude_std), clipped
//! to [0, magnitude_max]. Runs on the 8-bit crop, after RandomResizedCrop and flip and before
//! normalization, as timm's training transform does.
//!
//! Magnitude m in [0, 10] maps to each operation's argument as follows ("±": a random sign):
//!
//! | op | argument at m | m = 9 | identity at |
//! | --- | --- | --- | --- |
//! | AutoContrast, Equalize, Invert | none | | never |
//! | Rotate | ±30 m/10 degrees, counter-clockwise | ±27° | m = 0 |
//! | Posterize (increasing) | keep 4 - floor(4 m/10) bits | 1 bit | never (keeps 4 bits at 0) |
//! | Posterize (`inc0`) | keep floor(4 m/10) bits | 3 bits | never |
//! | Solarize (increasing) | invert values >= 256 - floor(256 m/10) | >= 26 | m = 0 |
//! | Solarize (`inc0`) | invert values >= floor(256 m/10) | >= 230 | m = 10 |
//! | SolarizeAdd | add floor(110 m/10) to values < 128 | +99 | m = 0 |
//! | Color, Contrast, Brightness, Sharpness (increasing) | factor max(0.1, 1 ± 0.9 m/10) | 0.19 or 1.81 | m = 0 |
//! | the same (`inc0`) | factor 0.1 + 1.8 m/10 | 1.72 | m = 5 |
//! | ShearX, ShearY | ±0.3 m/10 | ±0.27 | m = 0 |
//! | TranslateX, TranslateY | ±0.45 m/10 of the width / height | ±40.5% | m = 0 |
//!
//! Geometric operations fill uncovered pixels with the ImageNet mean as 8-bit RGB, (124, 116,
//! 104), and sample bicubically, as timm's training transform sets them (`img_mean`,
//! `interpolation='bicubic'`). Every random draw comes from the caller's `Rng`, itself derived
//! from (seed, epoch, example index), so a resumed run augments exactly as before.

pub mod colour;
pub mod geometry;

use crate::data::image::Image;
use crate::data::rng::Rng;
use geometry::Affine;

/// The ImageNet mean (0.485, 0.456, 0.406) on the 0-255 scale, rounded.
pub const FILL: [u8; 3] = [124, 116, 104];

/// The highest magnitude of the scale; arguments are defined as fractions of it.
pub const LEVELS: f64 = 10.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    AutoContrast,
    Equalize,
    Invert,
    Rotate,
    Posterize,
    Solarize,
    SolarizeAdd,
    Color,
    Contrast,
    Brightness,
    Sharpness,
    ShearX,
    ShearY,
    TranslateX,
    TranslateY,
}

impl Op {
    pub const ALL: [Op; 15] = [
        Op::AutoContrast,
        Op::Equalize,
        Op::Invert,
        Op::Rotate,
        Op::Posterize,
        Op::Solarize,
        Op::SolarizeAdd,
        Op::Color,
        Op::Contrast,
        Op::Brightness,
        Op::Sharpness,
        Op::ShearX,
        Op::ShearY,
        Op::TranslateX,
        Op::TranslateY,
    ];

    /// Applies the operation at magnitude `m` (already clipped); `sign` (+1 or -1) orients the
    /// operations that have a direction. `increasing` picks the variants whose strength grows
    /// with `m` for Posterize, Solarize and the four enhancements.
    pub fn apply(self, img: &mut Image, m: f64, sign: f64, increasing: bool) {
        let frac = m / LEVELS;
        let enhance = || (if increasing { (1.0 + sign * 0.9 * frac).max(0.1) } else { 0.1 + 1.8 * frac }) as f32;
        let (w, h) = (img.width, img.height);
        let warp = |img: &mut Image, a: Affine| *img = geometry::warp(img, a, FILL);
        match self {
            Op::AutoContrast => colour::auto_contrast(img),
            Op::Equalize => colour::equalize(img),
            Op::Invert => colour::invert(img),
            Op::Rotate => warp(img, Affine::rotate(w, h, sign * 30.0 * frac)),
            Op::Posterize => {
                let level = (4.0 * frac) as u32;
                colour::posterize(img, if increasing { 4 - level } else { level })
            }
            Op::Solarize => {
                let level = (256.0 * frac) as u32;
                colour::solarize(img, if increasing { 256 - level } else { level })
            }
            Op::SolarizeAdd => colour::solarize_add(img, (110.0 * frac) as u32, 128),
            Op::Color => colour::color(img, enhance()),
            Op::Contrast => colour::contrast(img, enhance()),
            Op::Brightness => colour::brightness(img, enhance()),
            Op::Sharpness => colour::sharpness(img, enhance()),
            Op::ShearX => warp(img, Affine::shear_x(sign * 0.3 * frac)),
            Op::ShearY => warp(img, Affine::shear_y(sign * 0.3 * frac)),
            Op::TranslateX => warp(img, Affine::translate(sign * 0.45 * frac * w as f64, 0.0)),
            Op::TranslateY => warp(img, Affine::translate(0.0, sign * 0.45 * frac * h as f64)),
        }
    }
}

/// A RandAugment policy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RandAugment {
    /// Operations per image (timm `n`).
    pub num_ops: usize,
    /// Mean magnitude on the 0-10 scale (timm `m`).
    pub magnitude: f64,
    /// Std of the per-operation magnitude noise (timm `mstd`); infinite: uniform in [0, magnitude].
    pub magnitude_std: f64,
    /// Upper clip of the drawn magnitude (timm `mmax`, default 10).
    pub magnitude_max: f64,
    /// Probability that a drawn operation is applied (timm fixes 0.5).
    pub prob: f64,
    /// The "increasing" variants (timm `inc1`).
    pub increasing: bool,
}

impl RandAugment {
    /// The paper's Table-5 recipe: `rand-m9-mstd0.5-inc1`.
    pub fn table5() -> Self {
        RandAugment { num_ops: 2, magnitude: 9.0, magnitude_std: 0.5, magnitude_max: LEVELS, prob: 0.5, increasing: true }
    }

    /// Parses a timm-style spec: dash-separated sections `m<float>`, `n<int>`, `mstd<float>`,
    /// `mmax<float>`, `inc<0|1>`, `p<float>`, optionally after a leading `rand`; unset sections
    /// keep the Table-5 values. `none` or `off` gives `None`. (timm defaults to m10 and inc0, and
    /// reads `inc0` as increasing; here `inc0` means the original variants.)
    pub fn parse(spec: &str) -> anyhow::Result<Option<Self>> {
        let spec = spec.trim();
        if spec.eq_ignore_ascii_case("none") || spec.eq_ignore_ascii_case("off") {
            return Ok(None);
        }
        let mut ra = RandAugment::table5();
        for (i, part) in spec.split('-').enumerate() {
            if part.is_empty() || (i == 0 && part == "rand") {
                continue;
            }
            let key_len = part.find(|ch: char| ch.is_ascii_digit() || ch == '.').unwrap_or(part.len());
            let (key, val) = part.split_at(key_len);
            let num = || {
                val.parse::<f64>().map_err(|_| anyhow::anyhow!("RandAugment `{}`: section `{}` needs a number after `{}`", spec, part, key))
            };
            match key {
                "m" => ra.magnitude = num()?,
                "n" => ra.num_ops = num()? as usize,
                "mstd" => ra.magnitude_std = if num()? > 100.0 { f64::INFINITY } else { num()? },
                "mmax" => ra.magnitude_max = num()?,
                "inc" => ra.increasing = num()? != 0.0,
                "p" => ra.prob = num()?,
                _ => anyhow::bail!(
                    "RandAugment `{}`: unknown section `{}` (expected m, n, mstd, mmax, inc, p, e.g. m9-mstd0.5, or none)",
                    spec,
                    part
                ),
            }
        }
        if !(ra.magnitude >= 0.0 && ra.magnitude_max >= 0.0 && ra.magnitude_std >= 0.0 && (0.0..=1.0).contains(&ra.prob)) {
            anyhow::bail!("RandAugment `{}`: magnitudes must be >= 0 and p in [0, 1]", spec);
        }
        Ok(Some(ra))
    }

    /// The spec that `parse` reads back into this policy.
    pub fn spec(&self) -> String {
        format!(
            "rand-n{}-m{}-mstd{}-mmax{}-inc{}-p{}",
            self.num_ops,
            self.magnitude,
            if self.magnitude_std.is_infinite() { 101.0 } else { self.magnitude_std },
            self.magnitude_max,
            self.increasing as u8,
            self.prob
        )
    }

    /// The magnitude for one application: noisy around the mean, clipped to [0, magnitude_max].
    fn draw_magnitude(&self, rng: &mut Rng) -> f64 {
        let m = if self.magnitude_std.is_infinite() {
            rng.uniform(0.0, self.magnitude)
        } else if self.magnitude_std > 0.0 {
            self.magnitude + self.magnitude_std * rng.normal()
        } else {
            self.magnitude
        };
        m.clamp(0.0, self.magnitude_max)
    }

    /// Augments `img` in place; returns the operations applied with their magnitudes (for tests
    /// and inspection).
    pub fn apply(&self, img: &mut Image, rng: &mut Rng) -> Vec<(Op, f64)> {
        let ops: Vec<Op> = (0..self.num_ops).map(|_| Op::ALL[rng.below(Op::ALL.len() as u64) as usize]).collect();
        let mut applied = Vec::new();
        for op in ops {
            if !rng.bernoulli(self.prob) {
                continue;
            }
            let m = self.draw_magnitude(rng);
            let sign = if rng.bernoulli(0.5) { -1.0 } else { 1.0 };
            op.apply(img, m, sign, self.increasing);
            applied.push((op, m));
        }
        applied
    }
}
