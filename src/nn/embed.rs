//! Image patches and position embeddings.

use super::linear;
use crate::graph::{Tensor, TraceError, TraceResult};
use crate::weights::{Init, Vars};

/// The patch convolution's parameters: `weight` `[D, C, p, p]` (decayed) and, unless the model
/// has none (CLIP), `bias` `[D]`.
#[derive(Clone)]
pub struct PatchEmbed {
    pub weight: Tensor,
    pub bias: Option<Tensor>,
}

impl PatchEmbed {
    /// Declares `weight` (drawn by `init`) and, if `bias`, a zero `bias`, under `vb`'s path.
    pub fn new(vb: &Vars, dim: i64, channels: i64, patch: i64, init: Init, bias: bool) -> TraceResult<PatchEmbed> {
        let weight = vb.weight("weight", &[dim, channels, patch, patch], init)?;
        let bias = bias.then(|| vb.no_decay("bias", &[dim], Init::Zeros)).transpose()?;
        Ok(PatchEmbed { weight, bias })
    }

    /// Images `[B, C, H, W]` to patch tokens `[B, N, D]`.
    pub fn forward(&self, images: &Tensor) -> TraceResult<Tensor> {
        match &self.bias {
            Some(b) => patch_embed(images, &self.weight, b),
            None => patch_project(images, &self.weight),
        }
    }
}

/// Patch embedding as timm's strided convolution: images `[B, C, H, W]`, weight `[D, C, p, p]`.
/// The weight flattens in `(C, p, p)` order, so patches are cut in that order too.
pub fn patch_embed(images: &Tensor, w: &Tensor, b: &Tensor) -> TraceResult<Tensor> {
    patch_project(images, w)?.add(b)
}

/// `patch_embed` without a bias (CLIP's convolution has none).
pub fn patch_project(images: &Tensor, w: &Tensor) -> TraceResult<Tensor> {
    let (bs, c, hh, ww) = (images.dim(0), images.dim(1), images.dim(2), images.dim(3));
    let (d, p) = (w.dim(0), w.dim(2));
    if w.dims() != [d, c, p, p] || hh % p != 0 || ww % p != 0 {
        return Err(TraceError::new("patch_embed", format!("images {} do not fit patch weight {}", images.ty(), w.ty())));
    }
    let (gh, gw) = (hh / p, ww / p);
    let x = images.reshape(&[bs, c, gh, p, gw, p])?.transpose(&[0, 2, 4, 1, 3, 5])?.reshape(&[bs, gh * gw, c * p * p])?;
    linear(&x, &w.reshape(&[d, c * p * p])?, None)
}

/// MAE's patchify (the reconstruction target): `[B, C, H, W]` to `[B, N, p*p*C]`, pixels in
/// `(row, column, channel)` order within a patch.
pub fn patchify(images: &Tensor, p: i64) -> TraceResult<Tensor> {
    let (bs, c, hh, ww) = (images.dim(0), images.dim(1), images.dim(2), images.dim(3));
    if hh % p != 0 || ww % p != 0 {
        return Err(TraceError::new("patchify", format!("images {} not divisible by patch {}", images.ty(), p)));
    }
    let (gh, gw) = (hh / p, ww / p);
    images.reshape(&[bs, c, gh, p, gw, p])?.transpose(&[0, 2, 4, 3, 5, 1])?.reshape(&[bs, gh * gw, p * p * c])
}

/// Fixed 2-D sin-cos position embeddings of MAE, `[1 + cls, grid*grid, dim]` row-major, computed
/// on the host. The first half of the channels encodes the column, the second half the row;
/// each half is `[sin(pos * w_k), cos(pos * w_k)]` with `w_k = 10000^(-k / (dim/4))`.
pub fn sincos_2d(dim: usize, grid: usize, cls: bool) -> Vec<f64> {
    let quarter = dim / 4;
    let mut out = vec![0.0; (grid * grid + cls as usize) * dim];
    let row0 = cls as usize;
    for i in 0..grid {
        for j in 0..grid {
            let t = row0 + i * grid + j;
            for (half, pos) in [(0, j as f64), (1, i as f64)] {
                for k in 0..quarter {
                    let w = 1.0 / 10000f64.powf(k as f64 / quarter as f64);
                    out[t * dim + half * 2 * quarter + k] = (pos * w).sin();
                    out[t * dim + half * 2 * quarter + quarter + k] = (pos * w).cos();
                }
            }
        }
    }
    out
}
