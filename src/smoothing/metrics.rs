//! Over-smoothing metrics as traced reductions over hidden states `[L, B, T, D]`.
//!
//! Each metric is computed per example and per block, then averaged over the batch, so the
//! program returns `[L]` vectors only. With `m` the mean token of an example at one block:
//!
//! - token std (the paper's Eq. 1): `mean_c sqrt(sum_t (h_tc - m_c)^2 / (T - 1))`;
//! - mean pairwise cosine similarity over token pairs `i != j`, of three token variants:
//!   uncentred `h_t`; channel-centred `h_t - mean_c h_t` (a Pearson correlation between tokens);
//!   mean-token-centred `h_t - m` (pinned near `-1/(T-1)`: those tokens sum to zero);
//! - high-frequency energy share: `1 - T ||m||^2 / sum_t ||h_t||^2`. The DC Fourier coefficient
//!   of the token sequence is `sum_t h_t = T m`, and by Parseval the total spectral energy is
//!   `T sum_t ||h_t||^2`, so no FFT is needed. The DC term is the same for a 1-D transform along
//!   the sequence and a 2-D one over the patch grid, so the share is too.
//! - relative residual to the mean token: `||H - 1 m^T||_F / ||H||_F` (the square root of one
//!   example's high-frequency share, averaged over examples after the root).
//!
//! The effective rank and the top singular values need an eigenvalue solver, which StableHLO
//! lacks: they are computed on the host (`collapse`).

use crate::graph::{Tensor, TraceError, TraceResult};

/// Guards the cosine of an all-zero token (it counts as 0 instead of NaN).
const NORM_EPS: f64 = 1e-12;

/// The metrics of one batch, each `[L]` (means over the batch).
pub struct SmoothingTensors {
    pub token_std: Tensor,
    pub cos_uncentred: Tensor,
    pub cos_pearson: Tensor,
    pub cos_mean_centred: Tensor,
    pub hf_share: Tensor,
    pub rel_residual: Tensor,
}

impl SmoothingTensors {
    /// In the order `SmoothingRow` lists them.
    pub fn into_vec(self) -> Vec<Tensor> {
        vec![self.token_std, self.cos_uncentred, self.cos_pearson, self.cos_mean_centred, self.hf_share, self.rel_residual]
    }
}

pub fn smoothing(hidden: &Tensor) -> TraceResult<SmoothingTensors> {
    if hidden.rank() != 4 || hidden.dim(2) < 2 {
        return Err(TraceError::new("smoothing", format!("hidden states must be [L, B, T >= 2, D], got {}", hidden.ty())));
    }
    let t = hidden.dim(2) as f64;
    let mean_token = hidden.mean(&[2], true)?; // [L, B, 1, D]
    let centred = hidden.sub(&mean_token)?;

    let token_std = centred.square()?.sum(&[2], false)?.div_scalar(t - 1.0)?.sqrt()?.mean(&[2], false)?.mean(&[1], false)?;

    let channel_mean = hidden.mean(&[3], true)?; // [L, B, T, 1]
    let cos_uncentred = mean_pair_cosine(hidden)?;
    let cos_pearson = mean_pair_cosine(&hidden.sub(&channel_mean)?)?;
    let cos_mean_centred = mean_pair_cosine(&centred)?;

    let dc = mean_token.square()?.sum(&[2, 3], false)?.mul_scalar(t)?; // [L, B]
    let total = hidden.square()?.sum(&[2, 3], false)?;
    let hf_share = dc.div(&total)?.neg()?.add_scalar(1.0)?.mean(&[1], false)?;
    // Summed directly from the centred tokens (not 1 - dc / total), which would cancel when the
    // tokens nearly coincide.
    let residual = centred.square()?.sum(&[2, 3], false)?; // [L, B]
    let rel_residual = residual.div(&total.maximum(&hidden.graph().scalar(NORM_EPS, hidden.dtype()))?)?.sqrt()?.mean(&[1], false)?;

    Ok(SmoothingTensors { token_std, cos_uncentred, cos_pearson, cos_mean_centred, hf_share, rel_residual })
}

/// Mean cosine over ordered token pairs `i != j`, per example, averaged over the batch: `[L]`.
/// With unit tokens `u_t`, `sum_{i != j} u_i . u_j = ||sum_t u_t||^2 - sum_t ||u_t||^2`, which
/// avoids the `T x T` similarity matrix.
fn mean_pair_cosine(x: &Tensor) -> TraceResult<Tensor> {
    let t = x.dim(2) as f64;
    let norm = x.square()?.sum(&[3], true)?.sqrt()?.maximum(&x.graph().scalar(NORM_EPS, x.dtype()))?;
    let unit = x.div(&norm)?;
    let all = unit.sum(&[2], false)?.square()?.sum(&[2], false)?; // [L, B]
    let diagonal = unit.square()?.sum(&[2, 3], false)?;
    all.sub(&diagonal)?.div_scalar(t * (t - 1.0))?.mean(&[1], false)
}
