//! Multi-head scaled dot-product attention.
//!
//! Heads stay in place (`[B, N, H, hd]`): the two batched matmuls name the batch and head dims
//! directly instead of transposing q, k and v first.

use super::dropout::{dropout, site};
use crate::graph::{CompareDir, DType, DotDims, Tensor, TraceResult};

/// `softmax(q k^T / sqrt(hd) + bias) v` for q, k, v of shape `[B, N, H, hd]`; `bias` broadcasts
/// to the scores `[B, H, Nq, Nk]` (e.g. `[B, 1, 1, Nk]` for a padding mask). Returns `[B, N, H*hd]`.
pub fn attend(q: &Tensor, k: &Tensor, v: &Tensor, bias: Option<&Tensor>) -> TraceResult<Tensor> {
    attend_dropping(q, k, v, bias, None)
}

/// `attend` with dropout on the attention probabilities: `drop` is the examples' keys
/// `u32[B, 2]` and the rate.
pub fn attend_dropping(q: &Tensor, k: &Tensor, v: &Tensor, bias: Option<&Tensor>, drop: Option<(&Tensor, f64)>) -> TraceResult<Tensor> {
    let (b, n, h, hd) = (q.dim(0), q.dim(1), q.dim(2), q.dim(3));
    let q = q.mul_scalar(1.0 / (hd as f64).sqrt())?;
    let scores =
        q.dot_general(k, DotDims { lhs_batch: vec![0, 2], rhs_batch: vec![0, 2], lhs_contract: vec![3], rhs_contract: vec![3] })?;
    let scores = match bias {
        Some(m) => scores.add(m)?,
        None => scores,
    };
    let mut probs = scores.softmax(3)?;
    if let Some((keys, rate)) = drop {
        probs = dropout(&probs, keys, rate, site::ATTENTION_PROBS)?;
    }
    // [B, H, Nq, Nk] x [B, Nk, H, hd] -> [B, H, Nq, hd]
    let out =
        probs.dot_general(v, DotDims { lhs_batch: vec![0, 1], rhs_batch: vec![0, 2], lhs_contract: vec![3], rhs_contract: vec![1] })?;
    out.transpose(&[0, 2, 1, 3])?.reshape(&[b, n, h * hd])
}

/// Splits the last axis `[B, N, D]` into heads `[B, N, H, D/H]`.
pub fn split_heads(x: &Tensor, heads: i64) -> TraceResult<Tensor> {
    let (b, n, d) = (x.dim(0), x.dim(1), x.dim(2));
    x.reshape(&[b, n, heads, d / heads])
}

/// The causal mask as an additive bias `[1, 1, N, N]`: 0 where the key is at or before the
/// query, the most negative float after it. Combined with a padding bias by `minimum`, so a
/// position masked twice stays finite (adding two such biases would give -inf, and NaN for a
/// row masked throughout).
pub fn causal_bias(like: &Tensor, n: i64) -> TraceResult<Tensor> {
    let g = like.graph();
    let q = g.iota(&[1, 1, n, n], 2, DType::I32)?;
    let k = g.iota(&[1, 1, n, n], 3, DType::I32)?;
    let dt = like.dtype();
    k.compare(CompareDir::Gt, &q)?.select(&g.scalar(f32::MIN as f64, dt), &g.scalar(0.0, dt))
}
