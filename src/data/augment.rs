//! Crop boxes (RandomResizedCrop, center crop) and one fused resample that turns a box of an 8-bit
//! image into normalized f32 output: an antialiased separable filter (PIL's bilinear or bicubic
//! resize), optional horizontal flip, grey replicated to 3 channels, ImageNet mean/std. With
//! RandAugment the resample stops at an 8-bit RGB crop, which RandAugment edits before
//! normalization; random erasing then runs on the normalized output.

use super::erasing::RandomErasing;
use super::image::Image;
use super::randaugment::RandAugment;
use super::rng::Rng;

pub const IMAGENET_MEAN: [f32; 3] = [0.485, 0.456, 0.406];
pub const IMAGENET_STD: [f32; 3] = [0.229, 0.224, 0.225];

/// A region of the source image in pixel units (fractional: eval crops need not be integral).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CropBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// torchvision's RandomResizedCrop box: 10 tries at an area fraction in `scale` and a log-uniform
/// aspect ratio in `ratio`; then a center crop with the ratio clamped into range.
pub fn random_resized_crop(w: usize, h: usize, scale: (f64, f64), ratio: (f64, f64), rng: &mut Rng) -> CropBox {
    let area = (w * h) as f64;
    let (lr0, lr1) = (ratio.0.ln(), ratio.1.ln());
    for _ in 0..10 {
        let target = area * rng.uniform(scale.0, scale.1);
        let aspect = rng.uniform(lr0, lr1).exp();
        let cw = (target * aspect).sqrt().round() as usize;
        let ch = (target / aspect).sqrt().round() as usize;
        if cw > 0 && ch > 0 && cw <= w && ch <= h {
            let y = rng.below((h - ch + 1) as u64) as usize;
            let x = rng.below((w - cw + 1) as u64) as usize;
            return CropBox { x: x as f64, y: y as f64, w: cw as f64, h: ch as f64 };
        }
    }
    let in_ratio = w as f64 / h as f64;
    let (cw, ch) = if in_ratio < ratio.0 {
        (w, ((w as f64 / ratio.0).round() as usize).max(1))
    } else if in_ratio > ratio.1 {
        (((h as f64 * ratio.1).round() as usize).max(1), h)
    } else {
        (w, h)
    };
    CropBox { x: ((w - cw) / 2) as f64, y: ((h - ch) / 2) as f64, w: cw as f64, h: ch as f64 }
}

/// Evaluation crop: resize the short side to `out / crop_ratio`, then take the central `out`
/// square; as a box in source pixels that is the central square of side `crop_ratio * short`.
pub fn center_crop(w: usize, h: usize, crop_ratio: f64) -> CropBox {
    let side = crop_ratio * w.min(h) as f64;
    CropBox { x: (w as f64 - side) / 2.0, y: (h as f64 - side) / 2.0, w: side, h: side }
}

/// Output memory order of a batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// [batch, height, width, channels]: what patch embedding as a reshape wants.
    Nhwc,
    /// [batch, channels, height, width]: PyTorch's order.
    Nchw,
}

/// The resampling filter of the resize, as Pillow defines it (what torchvision's Resize and
/// RandomResizedCrop run on PIL images).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    /// Triangle filter, support 1 (`Image.BILINEAR`).
    Bilinear,
    /// Keys' cubic convolution with a = -0.5, support 2 (`Image.BICUBIC`); it overshoots at
    /// edges, so results are clamped to 0..255 as an 8-bit image would be.
    Bicubic,
}

impl Filter {
    /// The filter's half-width in source pixels at scale 1.
    fn support(self) -> f64 {
        match self {
            Filter::Bilinear => 1.0,
            Filter::Bicubic => 2.0,
        }
    }

    /// The filter's weight at distance `x` (in source pixels at scale 1).
    fn weight(self, x: f64) -> f64 {
        let x = x.abs();
        match self {
            Filter::Bilinear => (1.0 - x).max(0.0),
            Filter::Bicubic => {
                const A: f64 = -0.5;
                if x < 1.0 {
                    ((A + 2.0) * x - (A + 3.0)) * x * x + 1.0
                } else if x < 2.0 {
                    (((x - 5.0) * x + 8.0) * x - 4.0) * A
                } else {
                    0.0
                }
            }
        }
    }

    /// `bilinear` or `bicubic` (torchvision's and timm's names).
    pub fn parse(name: &str) -> Result<Filter, String> {
        match name {
            "bilinear" => Ok(Filter::Bilinear),
            "bicubic" => Ok(Filter::Bicubic),
            _ => Err(format!("unknown interpolation `{name}` (bilinear, bicubic)")),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Filter::Bilinear => "bilinear",
            Filter::Bicubic => "bicubic",
        }
    }
}

/// Filter taps for one output coordinate: source indices `start..start + weights.len()`.
struct Taps {
    start: usize,
    weights: Vec<f32>,
}

/// `filter`'s taps mapping `[lo, lo + len)` of an axis of `size` pixels onto `out` pixels; the
/// filter widens with the downscale factor so minification averages instead of aliasing.
fn taps(filter: Filter, size: usize, lo: f64, len: f64, out: usize) -> Vec<Taps> {
    let scale = len / out as f64;
    let stretch = scale.max(1.0);
    let support = filter.support() * stretch;
    (0..out)
        .map(|o| {
            let center = lo + (o as f64 + 0.5) * scale;
            let first = ((center - support).floor().max(0.0)) as usize;
            let last = ((center + support).ceil() as usize).min(size);
            let first = first.min(size - 1);
            let mut ws: Vec<f32> =
                (first..last.max(first + 1)).map(|i| filter.weight((i as f64 + 0.5 - center) / stretch) as f32).collect();
            let sum: f32 = ws.iter().sum();
            if sum > 0.0 {
                ws.iter_mut().for_each(|w| *w /= sum);
            } else {
                // The box lies outside the image (cannot happen for our boxes): nearest pixel.
                ws.iter_mut().for_each(|w| *w = 0.0);
                ws[0] = 1.0;
            }
            // Trim zero weights at both ends: fewer multiplies in the hot loops.
            let lead = ws.iter().take_while(|w| **w == 0.0).count().min(ws.len() - 1);
            let trail = ws.iter().rev().take_while(|w| **w == 0.0).count().min(ws.len() - 1 - lead);
            let weights = ws[lead..ws.len() - trail].to_vec();
            Taps { start: first + lead, weights }
        })
        .collect()
}

/// One resample: the box `bx` of the source it reads, the `filter`, the `out_w x out_h` output,
/// and whether that output is flipped horizontally.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Resample {
    pub bx: CropBox,
    pub filter: Filter,
    pub out_w: usize,
    pub out_h: usize,
    pub flip: bool,
}

/// How float output is written: per-channel `mean`/`std` (on the 0..1 scale), in `layout` order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Normalization {
    pub mean: [f32; 3],
    pub std: [f32; 3],
    pub layout: Layout,
}

impl Normalization {
    /// ImageNet's mean and std, what every transform normalizes with.
    pub fn imagenet(layout: Layout) -> Self {
        Normalization { mean: IMAGENET_MEAN, std: IMAGENET_STD, layout }
    }

    /// Per-channel `(scale, shift)` so that `v * scale - shift` normalizes a 0..255 value.
    fn scale_shift(&self) -> ([f32; 3], [f32; 3]) {
        let (mean, std) = (self.mean, self.std);
        let scale: [f32; 3] = [1.0 / (255.0 * std[0]), 1.0 / (255.0 * std[1]), 1.0 / (255.0 * std[2])];
        let shift: [f32; 3] = [mean[0] / std[0], mean[1] / std[1], mean[2] / std[2]];
        (scale, shift)
    }
}

/// Resamples `img` as `r` says, normalizes it and writes 3 channels into `out` (length
/// `3 * out_w * out_h`) for one image. Scratch space is reused across calls.
pub fn resample_normalize(img: &Image, r: Resample, norm: Normalization, out: &mut [f32], scratch: &mut Vec<f32>) {
    let (out_w, out_h) = (r.out_w, r.out_h);
    assert_eq!(out.len(), 3 * out_w * out_h);
    let (scale, shift) = norm.scale_shift();
    let plane = out_w * out_h;
    resample_with(img, r, scratch, |oy, dx, v| match norm.layout {
        Layout::Nhwc => {
            let o = &mut out[(oy * out_w + dx) * 3..(oy * out_w + dx) * 3 + 3];
            for ch in 0..3 {
                o[ch] = v[ch] * scale[ch] - shift[ch];
            }
        }
        Layout::Nchw => {
            for ch in 0..3 {
                out[ch * plane + oy * out_w + dx] = v[ch] * scale[ch] - shift[ch];
            }
        }
    });
}

/// The same resample to an 8-bit RGB image (rounded), for augmentations that work on pixels.
pub fn resample_u8(img: &Image, r: Resample, scratch: &mut Vec<f32>) -> Image {
    let (out_w, out_h) = (r.out_w, r.out_h);
    let mut data = vec![0u8; 3 * out_w * out_h];
    resample_with(img, r, scratch, |oy, dx, v| {
        let o = &mut data[(oy * out_w + dx) * 3..(oy * out_w + dx) * 3 + 3];
        for ch in 0..3 {
            o[ch] = (v[ch].clamp(0.0, 255.0) + 0.5) as u8; // no libm round
        }
    });
    Image { width: out_w, height: out_h, channels: 3, data }
}

/// Normalizes an 8-bit RGB image into `out`.
pub fn normalize(img: &Image, norm: Normalization, out: &mut [f32]) {
    assert_eq!((img.channels, out.len()), (3, img.data.len()));
    let (scale, shift) = norm.scale_shift();
    let plane = img.width * img.height;
    for (i, px) in img.data.chunks_exact(3).enumerate() {
        for ch in 0..3 {
            let v = px[ch] as f32 * scale[ch] - shift[ch];
            match norm.layout {
                Layout::Nhwc => out[i * 3 + ch] = v,
                Layout::Nchw => out[ch * plane + i] = v,
            }
        }
    }
}

/// The resample shared by both outputs: calls `emit(row, column, rgb)` once per output pixel with
/// values on the 0..255 scale (column already flipped).
fn resample_with(img: &Image, r: Resample, scratch: &mut Vec<f32>, mut emit: impl FnMut(usize, usize, [f32; 3])) {
    let Resample { bx, filter, out_w, out_h, flip } = r;
    let c = img.channels;
    let xt = taps(filter, img.width, bx.x, bx.w, out_w);
    let yt = taps(filter, img.height, bx.y, bx.h, out_h);
    // Bicubic's negative lobes overshoot at edges; an 8-bit image (Pillow's output) cannot.
    let clamp = filter == Filter::Bicubic;
    let x0 = xt.iter().map(|t| t.start).min().unwrap();
    let x1 = xt.iter().map(|t| t.start + t.weights.len()).max().unwrap();
    // Vertical pass first, over whole row segments (contiguous, so it vectorizes), on only the
    // columns the horizontal pass needs; the gather-shaped horizontal pass then runs on `out_h`
    // rows instead of every source row of the crop.
    let seg = (x1 - x0) * c;
    scratch.clear();
    scratch.resize(out_h * seg, 0.0);
    for (oy, t) in yt.iter().enumerate() {
        let dst = &mut scratch[oy * seg..(oy + 1) * seg];
        for (k, &w) in t.weights.iter().enumerate() {
            let y = t.start + k;
            let src = &img.data[(y * img.width + x0) * c..(y * img.width + x1) * c];
            for (d, &v) in dst.iter_mut().zip(src) {
                *d += v as f32 * w;
            }
        }
    }
    for oy in 0..out_h {
        let src = &scratch[oy * seg..(oy + 1) * seg];
        for (ox, t) in xt.iter().enumerate() {
            let px = &src[(t.start - x0) * c..(t.start - x0 + t.weights.len()) * c];
            let mut v = [0f32; 3];
            if c == 3 {
                for (p, &w) in px.chunks_exact(3).zip(&t.weights) {
                    v[0] += p[0] * w;
                    v[1] += p[1] * w;
                    v[2] += p[2] * w;
                }
            } else {
                let g: f32 = px.iter().step_by(c).zip(&t.weights).map(|(p, w)| p * w).sum();
                v = [g; 3];
            }
            if clamp {
                v = v.map(|x| x.clamp(0.0, 255.0));
            }
            let dx = if flip { out_w - 1 - ox } else { ox };
            emit(oy, dx, v);
        }
    }
}

/// How one training or evaluation image is prepared.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Transform {
    /// RandomResizedCrop + horizontal flip with probability `flip`, then optionally RandAugment on
    /// the 8-bit crop and random erasing on the normalized output.
    Train { scale: (f64, f64), ratio: (f64, f64), flip: f64, randaug: Option<RandAugment>, erase: Option<RandomErasing>, filter: Filter },
    /// Resize + center crop.
    Eval { crop_ratio: f64, filter: Filter },
}

impl Transform {
    /// MAE pre-training: scale 0.2-1.0, bicubic (main_pretrain.py's
    /// `RandomResizedCrop(..., interpolation=3)`).
    pub fn mae() -> Self {
        Transform::Train { scale: (0.2, 1.0), ratio: (0.75, 4.0 / 3.0), flip: 0.5, randaug: None, erase: None, filter: Filter::Bicubic }
    }

    /// Supervised fine-tuning, the paper's Table 5: scale 0.08-1.0 (Inception crop), flip,
    /// RandAugment `rand-m9-mstd0.5-inc1`, random erasing 0.25, bicubic crops (timm's
    /// `create_transform(..., interpolation='bicubic')`). (Mixup / CutMix are batch-level:
    /// `train::mix`.)
    pub fn finetune() -> Self {
        Transform::Train {
            scale: (0.08, 1.0),
            ratio: (0.75, 4.0 / 3.0),
            flip: 0.5,
            randaug: Some(RandAugment::table5()),
            erase: Some(RandomErasing::table5()),
            filter: Filter::Bicubic,
        }
    }

    /// Linear probing (MAE): RandomResizedCrop 0.08-1.0, bicubic, and flip only.
    pub fn linprobe() -> Self {
        Transform::Train { scale: (0.08, 1.0), ratio: (0.75, 4.0 / 3.0), flip: 0.5, randaug: None, erase: None, filter: Filter::Bicubic }
    }

    /// MAE's evaluation: a bicubic resize of the short side, then the central crop.
    pub fn eval() -> Self {
        Transform::Eval { crop_ratio: 0.875, filter: Filter::Bicubic }
    }

    /// The transform the `bamboo data load` command names: `mae`, `finetune` or `eval`.
    pub fn named(name: &str) -> Option<Self> {
        match name {
            "mae" => Some(Transform::mae()),
            "finetune" => Some(Transform::finetune()),
            "eval" => Some(Transform::eval()),
            _ => None,
        }
    }

    /// This transform with its resize done by `filter`.
    pub fn with_filter(self, filter: Filter) -> Self {
        match self {
            Transform::Train { scale, ratio, flip, randaug, erase, .. } => Transform::Train { scale, ratio, flip, randaug, erase, filter },
            Transform::Eval { crop_ratio, .. } => Transform::Eval { crop_ratio, filter },
        }
    }

    /// The resize filter.
    pub fn filter(&self) -> Filter {
        match *self {
            Transform::Train { filter, .. } | Transform::Eval { filter, .. } => filter,
        }
    }

    /// This training transform with RandomResizedCrop's area range starting at `lo`.
    pub fn with_min_scale(self, lo: f64) -> Self {
        match self {
            Transform::Train { scale, ratio, flip, randaug, erase, filter } => {
                Transform::Train { scale: (lo, scale.1), ratio, flip, randaug, erase, filter }
            }
            t => t,
        }
    }

    /// RandomResizedCrop's smallest area fraction (None for the evaluation transform).
    pub fn min_scale(&self) -> Option<f64> {
        match self {
            Transform::Train { scale, .. } => Some(scale.0),
            Transform::Eval { .. } => None,
        }
    }

    /// The evaluation crop ratio (None for training transforms).
    pub fn crop_ratio(&self) -> Option<f64> {
        match self {
            Transform::Eval { crop_ratio, .. } => Some(*crop_ratio),
            Transform::Train { .. } => None,
        }
    }

    /// This transform with RandAugment and random erasing replaced (training transforms only).
    pub fn with_extras(self, randaug: Option<RandAugment>, erase: Option<RandomErasing>) -> Self {
        match self {
            Transform::Train { scale, ratio, flip, filter, .. } => Transform::Train { scale, ratio, flip, randaug, erase, filter },
            t => t,
        }
    }

    /// Prepares one image into `out` (3 x size x size floats in `layout`). The random choices
    /// come from `rng`, which the caller derives from (seed, epoch, index).
    pub fn apply(&self, img: &Image, size: usize, layout: Layout, rng: &mut Rng, out: &mut [f32], scratch: &mut Vec<f32>) {
        match *self {
            Transform::Train { scale, ratio, flip, randaug, erase, filter } => {
                let bx = random_resized_crop(img.width, img.height, scale, ratio, rng);
                let r = Resample { bx, filter, out_w: size, out_h: size, flip: rng.bernoulli(flip) };
                let norm = Normalization::imagenet(layout);
                match randaug {
                    None => resample_normalize(img, r, norm, out, scratch),
                    Some(ra) => {
                        let mut crop = resample_u8(img, r, scratch);
                        ra.apply(&mut crop, rng);
                        normalize(&crop, norm, out);
                    }
                }
                if let Some(e) = erase {
                    e.apply(out, size, layout, rng);
                }
            }
            Transform::Eval { crop_ratio, filter } => {
                let bx = center_crop(img.width, img.height, crop_ratio);
                let r = Resample { bx, filter, out_w: size, out_h: size, flip: false };
                resample_normalize(img, r, Normalization::imagenet(layout), out, scratch);
            }
        }
    }
}
