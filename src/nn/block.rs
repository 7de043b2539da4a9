//! The transformer encoder block of ViT and MAE (pre-LN), with timm's parameter names:
//!
//!   y   = x + proj(Attention(norm1(x)))
//!   out = y + fc2(GELU(fc1(norm2(y))))

use super::linear;
use crate::graph::{DType, Graph, Tensor, TraceResult};

/// Block hyper-parameters.
#[derive(Clone, Copy, Debug)]
pub struct BlockConfig {
    pub dim: i64,
    pub heads: i64,
    pub mlp_dim: i64,
    pub eps: f64,
}

/// Parameter names and shapes of one block, in a fixed order (timm's names, PyTorch layouts).
pub fn block_param_shapes(c: &BlockConfig) -> Vec<(&'static str, Vec<i64>)> {
    let (d, f) = (c.dim, c.mlp_dim);
    vec![
        ("norm1.weight", vec![d]),
        ("norm1.bias", vec![d]),
        ("attn.qkv.weight", vec![3 * d, d]),
        ("attn.qkv.bias", vec![3 * d]),
        ("attn.proj.weight", vec![d, d]),
        ("attn.proj.bias", vec![d]),
        ("norm2.weight", vec![d]),
        ("norm2.bias", vec![d]),
        ("mlp.fc1.weight", vec![f, d]),
        ("mlp.fc1.bias", vec![f]),
        ("mlp.fc2.weight", vec![d, f]),
        ("mlp.fc2.bias", vec![d]),
    ]
}

/// Declares one block's parameters on `g` under `prefix` (e.g. `blocks.3.`).
pub fn block_params(g: &Graph, prefix: &str, c: &BlockConfig, dtype: DType) -> Vec<Tensor> {
    block_param_shapes(c).into_iter().map(|(n, s)| g.param(&format!("{}{}", prefix, n), &s, dtype)).collect()
}

/// Multi-head self-attention with a fused qkv projection (timm's `Attention`).
pub fn attention(x: &Tensor, p: &[Tensor], heads: i64) -> TraceResult<Tensor> {
    let (b, n, d) = (x.dim(0), x.dim(1), x.dim(2));
    let hd = d / heads;
    // [B, N, 3D] -> [3, B, H, N, hd]: q, k, v each split into heads.
    let qkv = linear(x, &p[0], Some(&p[1]))?.reshape(&[b, n, 3, heads, hd])?.transpose(&[2, 0, 3, 1, 4])?;
    let take = |i: i64| -> TraceResult<Tensor> { qkv.slice_axis(0, i, i + 1)?.reshape(&[b, heads, n, hd]) };
    let (q, k, v) = (take(0)?, take(1)?, take(2)?);
    let scores = q.mul_scalar(1.0 / (hd as f64).sqrt())?.matmul(&k.swap_axes(2, 3)?)?;
    let a = scores.softmax(3)?.matmul(&v)?;
    let a = a.transpose(&[0, 2, 1, 3])?.reshape(&[b, n, d])?;
    linear(&a, &p[2], Some(&p[3]))
}

/// One pre-LN block; `p` in the order of `block_param_shapes`.
pub fn pre_ln_block(x: &Tensor, p: &[Tensor], c: &BlockConfig) -> TraceResult<Tensor> {
    let h = x.layer_norm(&p[0], &p[1], c.eps)?;
    let x = x.add(&attention(&h, &p[2..6], c.heads)?)?;
    let h = x.layer_norm(&p[6], &p[7], c.eps)?;
    let m = linear(&linear(&h, &p[8], Some(&p[9]))?.gelu()?, &p[10], Some(&p[11]))?;
    x.add(&m)
}
