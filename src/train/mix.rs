//! Mixup and CutMix with label smoothing (the paper's fine-tuning recipe, Table 5), on the host:
//! each batch is mixed with itself reversed, as timm does, and the labels become soft targets.
//! Every random choice comes from the caller's generator, itself keyed by the data position, so
//! a resumed run mixes exactly as an uninterrupted one.

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MixConfig {
    pub mixup_alpha: f64,
    pub cutmix_alpha: f64,
    /// Probability of CutMix rather than Mixup for a batch.
    pub switch_prob: f64,
    pub label_smoothing: f64,
    pub classes: usize,
}

impl MixConfig {
    /// Table 5: mixup 0.8, cutmix 1.0, label smoothing 0.1.
    pub fn table5(classes: usize) -> Self {
        MixConfig { mixup_alpha: 0.8, cutmix_alpha: 1.0, switch_prob: 0.5, label_smoothing: 0.1, classes }
    }
}

/// Gamma(shape, 1) by Marsaglia and Tsang; shapes below 1 use the `U^(1/a)` boost.
fn gamma(shape: f64, u: &mut dyn FnMut() -> f64) -> f64 {
    if shape < 1.0 {
        return gamma(shape + 1.0, u) * u().max(1e-300).powf(1.0 / shape);
    }
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let (a, b) = (u().max(1e-300), u());
        let x = (-2.0 * a.ln()).sqrt() * (2.0 * std::f64::consts::PI * b).cos();
        let v = (1.0 + c * x).powi(3);
        if v > 0.0 && u().max(1e-300).ln() < 0.5 * x * x + d - d * v + d * v.ln() {
            return d * v;
        }
    }
}

fn beta(a: f64, u: &mut dyn FnMut() -> f64) -> f64 {
    let x = gamma(a, u);
    let y = gamma(a, u);
    x / (x + y)
}

/// One batch's random choices: the kind of mix, its Beta draw `lam` (before CutMix corrects it
/// for clipping) and, for CutMix, the box centre (row, column).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mix {
    Mixup { lam: f64 },
    CutMix { lam: f64, cy: usize, cx: usize },
}

/// Draws a batch's choices for `h x w` images: Mixup or CutMix, then lam, then the box centre
/// (timm's order; timm first draws whether to mix at all, which the recipe always does).
pub fn draw(h: usize, w: usize, cfg: &MixConfig, mut u: impl FnMut() -> f64) -> Mix {
    let use_cutmix = u() < cfg.switch_prob;
    let lam = beta(if use_cutmix { cfg.cutmix_alpha } else { cfg.mixup_alpha }, &mut u);
    if !use_cutmix {
        return Mix::Mixup { lam };
    }
    let (cy, cx) = ((u() * h as f64) as usize, (u() * w as f64) as usize);
    Mix::CutMix { lam, cy, cx }
}

/// CutMix's box `(y0, y1, x0, x1)` (half-open) as timm's `rand_bbox`: sides `int(side *
/// sqrt(1 - lam))` around the centre, clipped to the image.
pub fn cutmix_box(h: usize, w: usize, lam: f64, cy: usize, cx: usize) -> (usize, usize, usize, usize) {
    let r = (1.0 - lam).sqrt();
    let (ch, cw) = ((h as f64 * r) as usize, (w as f64 * r) as usize);
    (cy.saturating_sub(ch / 2), (cy + ch / 2).min(h), cx.saturating_sub(cw / 2), (cx + cw / 2).min(w))
}

/// Mixes `images` (`[B, C, H, W]`) in place and returns soft targets `[B, classes]`.
pub fn mix_batch(images: &mut [f32], labels: &[i32], dims: [usize; 4], cfg: &MixConfig, u: impl FnMut() -> f64) -> Vec<f32> {
    let mix = draw(dims[2], dims[3], cfg, u);
    apply(images, labels, dims, cfg, mix)
}

/// Applies the choices `mix`: example `i` is mixed with example `B - 1 - i` (timm's `flip(0)`).
/// Returns the soft targets `[B, classes]`: smoothed one-hots weighted by lam, CutMix's lam
/// recomputed from the clipped box's area (timm's `correct_lam`).
pub fn apply(images: &mut [f32], labels: &[i32], dims: [usize; 4], cfg: &MixConfig, mix: Mix) -> Vec<f32> {
    let [b, c, h, w] = dims;
    let per = c * h * w;
    let orig = images.to_vec();
    let lam = match mix {
        Mix::CutMix { lam, cy, cx } => {
            let (y0, y1, x0, x1) = cutmix_box(h, w, lam, cy, cx);
            for i in 0..b {
                let j = b - 1 - i;
                for ch_ in 0..c {
                    for y in y0..y1 {
                        let row = ch_ * h * w + y * w;
                        images[i * per + row + x0..i * per + row + x1].copy_from_slice(&orig[j * per + row + x0..j * per + row + x1]);
                    }
                }
            }
            1.0 - ((y1 - y0) * (x1 - x0)) as f64 / (h * w) as f64
        }
        Mix::Mixup { lam } => {
            for i in 0..b {
                let j = b - 1 - i;
                for k in 0..per {
                    images[i * per + k] = (lam * orig[i * per + k] as f64 + (1.0 - lam) * orig[j * per + k] as f64) as f32;
                }
            }
            lam
        }
    };
    mixed_targets(labels, cfg, lam)
}

/// timm's `mixup_target`: `lam * smooth(onehot(y)) + (1 - lam) * smooth(onehot(flip(y)))`, with
/// `eps / K` off the label and `1 - eps + eps / K` on it.
pub fn mixed_targets(labels: &[i32], cfg: &MixConfig, lam: f64) -> Vec<f32> {
    let (b, k) = (labels.len(), cfg.classes);
    let (on, off) = (1.0 - cfg.label_smoothing + cfg.label_smoothing / k as f64, cfg.label_smoothing / k as f64);
    let mut t = vec![0f32; b * k];
    for i in 0..b {
        let j = b - 1 - i;
        for cls in 0..k {
            let v = |l: i32| if cls as i32 == l { on } else { off };
            t[i * k + cls] = (lam * v(labels[i]) + (1.0 - lam) * v(labels[j])) as f32;
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counter() -> impl FnMut() -> f64 {
        let mut s = 0x1234_5678_9ABC_DEF0u64;
        move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    #[test]
    fn targets_are_distributions_and_mixup_is_convex() {
        let mut u = counter();
        let cfg = MixConfig { switch_prob: 0.0, ..MixConfig::table5(4) };
        let dims = [2, 1, 2, 2];
        let mut imgs = vec![0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0];
        let t = mix_batch(&mut imgs, &[0, 3], dims, &cfg, &mut u);
        for row in t.chunks(4) {
            assert!((row.iter().sum::<f32>() - 1.0).abs() < 1e-6, "{:?}", row);
        }
        // Image 0 became (1 - lam) * image 1, and its target puts lam on class 0.
        let lam = 1.0 - imgs[0] as f64;
        assert!(imgs[..4].iter().all(|&v| (v as f64 - (1.0 - lam)).abs() < 1e-6));
        assert!((t[0] as f64 - (lam * 0.925 + (1.0 - lam) * 0.025)).abs() < 1e-5, "{:?} lam {}", t, lam);
    }

    #[test]
    fn cutmix_pastes_a_box_and_weighs_by_its_area() {
        let mut u = counter();
        let cfg = MixConfig { switch_prob: 1.0, label_smoothing: 0.0, ..MixConfig::table5(2) };
        let dims = [2, 1, 8, 8];
        let mut imgs: Vec<f32> = (0..128).map(|i| if i < 64 { 0.0 } else { 1.0 }).collect();
        let t = mix_batch(&mut imgs, &[0, 1], dims, &cfg, &mut u);
        let pasted = imgs[..64].iter().filter(|&&v| v == 1.0).count() as f32 / 64.0;
        assert!((t[1] - pasted).abs() < 1e-6, "target {} vs pasted area {}", t[1], pasted);
    }

    #[test]
    fn beta_has_the_right_mean() {
        let mut u = counter();
        let m: f64 = (0..20000).map(|_| beta(0.8, &mut u)).sum::<f64>() / 20000.0;
        assert!((m - 0.5).abs() < 0.01, "{}", m);
    }
}
