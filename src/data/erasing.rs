//! Random erasing (Zhong et al. 2017) as timm's `RandomErasing(probability, mode='pixel',
//! max_count=1)` that MAE's fine-tuning uses: with probability `prob`, one rectangle of area
//! fraction uniform in `area` and log-uniform aspect ratio (height / width) in `aspect` is
//! replaced by per-pixel, per-channel standard normal noise. It runs on the normalized output,
//! so the noise is in units of the ImageNet std. Ten placements are tried; a rectangle that does
//! not fit strictly inside the image is redrawn, and after ten misses nothing is erased.

use super::augment::Layout;
use super::rng::Rng;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RandomErasing {
    pub prob: f64,
    /// Erased area as a fraction of the image, uniform in [lo, hi).
    pub area: (f64, f64),
    /// Aspect ratio (height / width) range, sampled log-uniformly.
    pub aspect: (f64, f64),
}

/// A rectangle in output pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rect {
    pub top: usize,
    pub left: usize,
    pub h: usize,
    pub w: usize,
}

impl RandomErasing {
    /// timm's defaults with the given probability: area 2%-33.3%, aspect 0.3-3.3.
    pub fn with_prob(prob: f64) -> Self {
        RandomErasing { prob, area: (0.02, 1.0 / 3.0), aspect: (0.3, 1.0 / 0.3) }
    }

    /// The paper's Table 5: probability 0.25.
    pub fn table5() -> Self {
        Self::with_prob(0.25)
    }

    /// Where to erase in a `size_h x size_w` image, or `None` (not drawn, or no fit in 10 tries).
    pub fn draw(&self, size_h: usize, size_w: usize, rng: &mut Rng) -> Option<Rect> {
        if !rng.bernoulli(self.prob) {
            return None;
        }
        let area = (size_h * size_w) as f64;
        let (la, lb) = (self.aspect.0.ln(), self.aspect.1.ln());
        for _ in 0..10 {
            let target = rng.uniform(self.area.0, self.area.1) * area;
            let aspect = rng.uniform(la, lb).exp();
            let h = (target * aspect).sqrt().round() as usize;
            let w = (target / aspect).sqrt().round() as usize;
            if h > 0 && w > 0 && h < size_h && w < size_w {
                let top = rng.below((size_h - h + 1) as u64) as usize;
                let left = rng.below((size_w - w + 1) as u64) as usize;
                return Some(Rect { top, left, h, w });
            }
        }
        None
    }

    /// Erases one 3-channel `size x size` image in `layout` order, in place; returns the rectangle.
    pub fn apply(&self, out: &mut [f32], size: usize, layout: Layout, rng: &mut Rng) -> Option<Rect> {
        assert_eq!(out.len(), 3 * size * size);
        let r = self.draw(size, size, rng)?;
        for y in r.top..r.top + r.h {
            for x in r.left..r.left + r.w {
                for ch in 0..3 {
                    let i = match layout {
                        Layout::Nhwc => (y * size + x) * 3 + ch,
                        Layout::Nchw => ch * size * size + y * size + x,
                    };
                    out[i] = rng.normal() as f32;
                }
            }
        }
        Some(r)
    }
}
