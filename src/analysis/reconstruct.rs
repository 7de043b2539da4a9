//! MAE reconstructions as an image grid: per image, the original, the masked input, the
//! reconstruction, and the reconstruction with the visible patches pasted back (the four
//! panels of MAE's demo).
//!
//! With `norm_pix_loss` the decoder predicts each patch normalized by that patch's own mean
//! and variance; to show pixels, each predicted patch is mapped back with the mean and
//! (unbiased, as in the loss) variance of the same patch of the original image.

use anyhow::{bail, ensure, Context, Result};

use super::checkpoint::Checkpoint;
use super::plot::canvas::{Canvas, BLACK, WHITE};
use super::plot::font;
use crate::config::{MaeConfig, ModelConfig};
use crate::data::augment::{IMAGENET_MEAN, IMAGENET_STD};
use crate::data::Position;
use crate::graph::{DType, Function, Graph};
use crate::models::mae;
use crate::nn::stack::StackOptions;
use crate::program::Compile;
use crate::runtime::{Client, CompileOptions, HostTensor};
use crate::train::sources::mae_noise;
use crate::weights::host::host_params;
use crate::weights::Params;

/// Host results of one MAE forward: images and patches in the model's normalized space.
pub struct Reconstruction {
    pub config: MaeConfig,
    /// `[B, C, S, S]`, normalized.
    pub images: Vec<f32>,
    /// `[B, N, p*p*C]` in pixel (normalized-image) space, norm_pix undone.
    pub pred: Vec<f32>,
    /// `[B, N]`: 1 masked, 0 visible.
    pub mask: Vec<f32>,
    pub batch: usize,
    pub loss: f32,
}

pub fn mae_config(ckpt: &Checkpoint) -> Result<MaeConfig> {
    match ckpt.require_config()? {
        ModelConfig::Mae(c) => Ok(c.clone()),
        other => bail!("{}: `visualize mae` needs an MAE checkpoint, this one is a {} model", ckpt.path.display(), other.kind()),
    }
}

/// Runs MAE's forward (masking noise from `seed`) on `images` `[B, C, S, S]`.
pub fn reconstruct(client: &Client, options: &CompileOptions, ckpt: &Checkpoint, images: &HostTensor, seed: u64) -> Result<Reconstruction> {
    let c = mae_config(ckpt)?;
    let specs = mae::param_specs(&c);
    let (b, n) = (images.dims[0] as usize, c.num_patches());
    let g = Graph::new("mae_reconstruct");
    let params = Params::declare(&g, &specs, DType::F32);
    let x = g.param("images", &images.dims, DType::F32);
    let noise = g.param("noise", &[b as i64, n as i64], DType::F32);
    let out = mae::forward(&c, &params, &x, &noise, &StackOptions::default()).context("tracing MAE")?;
    let func = Function::named(&g, &[("loss", out.loss), ("pred", out.pred), ("mask", out.mask)])?;
    let prog = func.lower().compile(client, options)?;
    let weights = host_params(&specs, &ckpt.tensors, &[], false).with_context(|| format!("{}", ckpt.path.display()))?;
    let noise = HostTensor::from_slice(&[b as i64, n as i64], &mae_noise(seed, Position::default(), b, n))?;
    let mut inputs: Vec<(&str, &HostTensor)> = specs.iter().map(|s| s.name.as_str()).zip(&weights).collect();
    inputs.extend([("images", images), ("noise", &noise)]);
    let mut outs = prog.run_host(&inputs)?;
    let pixels: Vec<f32> = images.to_vec()?;
    let mut pred: Vec<f32> = outs.take("pred")?.to_vec()?;
    if c.norm_pix_loss {
        unnormalize_patches(&mut pred, &patchify(&pixels, b, c.channels, c.image_size, c.patch_size), c.patch_dim());
    }
    Ok(Reconstruction {
        images: pixels,
        pred,
        mask: outs.take("mask")?.to_vec()?,
        batch: b,
        loss: outs.take("loss")?.to_scalar()?,
        config: c,
    })
}

/// `[B, C, S, S]` to `[B, N, p*p*C]`, pixels in (row, column, channel) order within a patch,
/// patches row-major: MAE's `patchify`.
pub fn patchify(images: &[f32], b: usize, c: usize, s: usize, p: usize) -> Vec<f32> {
    let g = s / p;
    let mut out = vec![0.0; images.len()];
    for i in 0..b {
        for (gy, gx) in (0..g).flat_map(|y| (0..g).map(move |x| (y, x))) {
            for (py, px) in (0..p).flat_map(|y| (0..p).map(move |x| (y, x))) {
                for ch in 0..c {
                    let src = ((i * c + ch) * s + gy * p + py) * s + gx * p + px;
                    let dst = ((i * g * g + gy * g + gx) * p * p + py * p + px) * c + ch;
                    out[dst] = images[src];
                }
            }
        }
    }
    out
}

/// The inverse of `patchify`.
pub fn unpatchify(patches: &[f32], b: usize, c: usize, s: usize, p: usize) -> Vec<f32> {
    let g = s / p;
    let mut out = vec![0.0; patches.len()];
    for i in 0..b {
        for (gy, gx) in (0..g).flat_map(|y| (0..g).map(move |x| (y, x))) {
            for (py, px) in (0..p).flat_map(|y| (0..p).map(move |x| (y, x))) {
                for ch in 0..c {
                    let dst = ((i * c + ch) * s + gy * p + py) * s + gx * p + px;
                    let src = ((i * g * g + gy * g + gx) * p * p + py * p + px) * c + ch;
                    out[dst] = patches[src];
                }
            }
        }
    }
    out
}

/// `pred = pred * sqrt(var + 1e-6) + mean` per patch, with the mean and unbiased variance of
/// the same patch of the original (`target`, same layout, `k` values a patch): undoes
/// norm_pix_loss.
pub fn unnormalize_patches(pred: &mut [f32], target: &[f32], k: usize) {
    assert_eq!(pred.len(), target.len(), "prediction and target patches differ in size");
    for (p, t) in pred.chunks_mut(k).zip(target.chunks(k)) {
        let mean = t.iter().map(|&v| v as f64).sum::<f64>() / k as f64;
        let var = t.iter().map(|&v| (v as f64 - mean).powi(2)).sum::<f64>() / (k as f64 - 1.0);
        let sd = (var + 1e-6).sqrt();
        for v in p.iter_mut() {
            *v = (*v as f64 * sd + mean) as f32;
        }
    }
}

/// Normalized `[C, S, S]` to RGB bytes (grey replicated), ImageNet normalization undone.
pub fn to_rgb(img: &[f32], c: usize, s: usize) -> Vec<u8> {
    let mut out = vec![0u8; s * s * 3];
    for (i, px) in out.chunks_mut(3).enumerate() {
        for (k, o) in px.iter_mut().enumerate() {
            let ch = if c == 1 { 0 } else { k };
            let v = img[ch * s * s + i] * IMAGENET_STD[ch] + IMAGENET_MEAN[ch];
            *o = (v.clamp(0.0, 1.0) * 255.0).round() as u8;
        }
    }
    out
}

/// The four panels of image `i` as normalized `[C, S, S]` arrays.
pub fn panels(r: &Reconstruction, i: usize) -> [Vec<f32>; 4] {
    let c = &r.config;
    let (ch, s, p) = (c.channels, c.image_size, c.patch_size);
    let size = ch * s * s;
    let n = c.num_patches();
    let original = r.images[i * size..(i + 1) * size].to_vec();
    let k = p * p * ch;
    let pred = unpatchify(&r.pred[i * n * k..(i + 1) * n * k], 1, ch, s, p);
    let mask = &r.mask[i * n..(i + 1) * n];
    // Masked patches of the input are shown as the mid-grey of the normalized space (0).
    let masked_pixel = |img: &[f32], fill: &dyn Fn(usize) -> f32| -> Vec<f32> {
        (0..size)
            .map(|j| {
                let (y, x) = ((j / s) % s, j % s);
                if mask[(y / p) * (s / p) + x / p] > 0.5 {
                    fill(j)
                } else {
                    img[j]
                }
            })
            .collect()
    };
    let masked = masked_pixel(&original, &|_| 0.0);
    let pasted = masked_pixel(&original, &|j| pred[j]);
    [original, masked, pred, pasted]
}

pub const COLUMNS: [&str; 4] = ["ORIGINAL", "MASKED", "RECONSTRUCTION", "RECON + VISIBLE"];

/// A grid of `rows x 4` tiles, each image enlarged `scale` times, with column titles.
pub fn grid(r: &Reconstruction, scale: usize) -> Result<Canvas> {
    ensure!(scale >= 1, "scale must be at least 1");
    let (s, ch) = (r.config.image_size, r.config.channels);
    let tile = s * scale;
    let (gap, head) = (6, 20);
    let width = COLUMNS.len() * (tile + gap) + gap;
    let height = head + r.batch * (tile + gap) + gap - 2;
    let mut canvas = Canvas::new(width, height, WHITE);
    for (col, title) in COLUMNS.iter().enumerate() {
        let x = gap + col * (tile + gap);
        canvas.text((x + tile / 2) as i64 - font::text_width(title, 1) as i64 / 2, 6, title, 1, BLACK);
    }
    for i in 0..r.batch {
        for (col, img) in panels(r, i).iter().enumerate() {
            let (x, y) = (gap + col * (tile + gap), head + i * (tile + gap));
            canvas.blit(x as i64, y as i64, s, s, &to_rgb(img, ch, s), scale);
        }
    }
    Ok(canvas)
}
