//! The transformer block, pre-LN (ViT, MAE, CLIP, OPT) or post-LN (BERT), its parameters declared
//! under a checkpoint family's names (`weights::names::block`):
//!
//!   pre-LN:  y = x + Attn(LN1(x));        out = y + MLP(LN2(y))
//!   post-LN: y = LN1(x + Attn(x));        out = LN2(y + MLP(y))
//!   MLP(z) = fc2(act(fc1(z)))             act: GELU, CLIP's quick GELU, or ReLU (OPT)
//!
//! A causal block (CLIP's text tower) lets each position attend only to itself and before; OPT
//! brings its causal and padding mask as the stack's bias instead.

use super::attention::{attend_dropping, causal_bias, split_heads};
use super::dropout::{dropout, site, DropoutRates};
use super::{LayerNorm, Linear};
use crate::config::{Activation, Norm};
use crate::graph::{Tensor, TraceResult};
use crate::weights::names::block::{BlockNames, Qkv};
use crate::weights::{Init, Vars};

/// Block hyper-parameters.
#[derive(Clone, Copy, Debug)]
pub struct BlockConfig {
    pub dim: i64,
    pub heads: i64,
    pub mlp_dim: i64,
    pub eps: f64,
    pub norm: Norm,
    /// The MLP's activation.
    pub activation: Activation,
    /// Mask out attention to later positions.
    pub causal: bool,
    /// Applied only when a pass brings dropout keys (training).
    pub dropout: DropoutRates,
}

/// Per-example randomness of one block in a training pass; all `None` at evaluation.
#[derive(Clone, Debug, Default)]
pub struct BlockNoise {
    /// Stochastic depth: `[2, B]` factors for the attention and the MLP branch (0 drops the
    /// branch, 1 / keep probability keeps it; drawn by the caller).
    pub keep: Option<Tensor>,
    /// Dropout keys `u32[B, 2]` of this block (see `nn::dropout`).
    pub keys: Option<Tensor>,
}

impl BlockConfig {
    /// A block of `stack`'s width, heads and MLP size.
    /// GELU, not causal, without dropout; set the fields to change them.
    pub fn of_stack(stack: &crate::config::Stack, eps: f64, norm: Norm) -> BlockConfig {
        BlockConfig {
            dim: stack.width as i64,
            heads: stack.heads as i64,
            mlp_dim: stack.mlp_dim as i64,
            eps,
            norm,
            activation: Activation::Gelu,
            causal: false,
            dropout: DropoutRates::none(),
        }
    }
}

/// How a block's weight matrices start (biases start at zero, norms at one and zero).
#[derive(Clone, Debug)]
pub struct BlockInit {
    pub qkv: Init,
    pub proj: Init,
    pub fc1: Init,
    pub fc2: Init,
}

impl BlockInit {
    /// Every matrix drawn alike.
    pub fn all(init: Init) -> BlockInit {
        BlockInit { qkv: init.clone(), proj: init.clone(), fc1: init.clone(), fc2: init }
    }
}

/// The attention's input projections, fused (one `[3D, D]` matrix) or one per q, k, v.
#[derive(Clone)]
pub enum QkvParams {
    Fused(Linear),
    Split([Linear; 3]),
}

/// One block's parameters (or a stack's, each with a leading depth axis).
#[derive(Clone)]
pub struct BlockParams {
    pub norm1: LayerNorm,
    pub qkv: QkvParams,
    pub proj: Linear,
    pub norm2: LayerNorm,
    pub fc1: Linear,
    pub fc2: Linear,
}

impl BlockParams {
    /// Declares a block of `c`'s sizes under `vb`, with `names`' paths, in the block's order:
    /// norm1, q/k/v, the output projection, norm2, fc1, fc2 (each weight before its bias).
    pub fn new(vb: &Vars, c: &BlockConfig, names: &BlockNames, init: &BlockInit) -> TraceResult<BlockParams> {
        let (d, f) = (c.dim, c.mlp_dim);
        let norm1 = LayerNorm::new(&vb.pp(names.norm1), d)?;
        let qkv = match names.qkv {
            Qkv::Fused(n) => QkvParams::Fused(Linear::new(&vb.pp(n), 3 * d, d, init.qkv.clone())?),
            Qkv::Split(prefix, [q, k, v]) => {
                let at = vb.pp(prefix);
                let one = |n: &str| Linear::new(&at.pp(n), d, d, init.qkv.clone());
                QkvParams::Split([one(q)?, one(k)?, one(v)?])
            }
        };
        Ok(BlockParams {
            norm1,
            qkv,
            proj: Linear::new(&vb.pp(names.proj), d, d, init.proj.clone())?,
            norm2: LayerNorm::new(&vb.pp(names.norm2), d)?,
            fc1: Linear::new(&vb.pp(names.fc1), f, d, init.fc1.clone())?,
            fc2: Linear::new(&vb.pp(names.fc2), d, f, init.fc2.clone())?,
        })
    }

    /// Every tensor, in the order `new` declares them (what a scan carries per layer).
    pub fn tensors(&self) -> Vec<Tensor> {
        let linears: Vec<&Linear> = match &self.qkv {
            QkvParams::Fused(l) => vec![l],
            QkvParams::Split(ls) => ls.iter().collect(),
        };
        let mut v = vec![self.norm1.weight.clone(), self.norm1.bias.clone()];
        for l in linears.into_iter().chain([&self.proj]) {
            v.extend([l.weight.clone()].into_iter().chain(l.bias.clone()));
        }
        v.extend([self.norm2.weight.clone(), self.norm2.bias.clone()]);
        for l in [&self.fc1, &self.fc2] {
            v.extend([l.weight.clone()].into_iter().chain(l.bias.clone()));
        }
        v
    }

    /// Is q/k/v one fused projection?
    pub fn fused(&self) -> bool {
        matches!(self.qkv, QkvParams::Fused(_))
    }

    /// The block whose tensors are `t`, in `tensors`' order (a scan's per-layer slices).
    pub fn from_tensors(fused: bool, t: &[Tensor]) -> TraceResult<BlockParams> {
        let expected = if fused { 12 } else { 16 };
        if t.len() != expected {
            return Err(crate::graph::TraceError::new("block", format!("{} parameters given, {} expected", t.len(), expected)));
        }
        let lin = |i: usize| Linear { weight: t[i].clone(), bias: Some(t[i + 1].clone()) };
        let norm = |i: usize| LayerNorm { weight: t[i].clone(), bias: t[i + 1].clone() };
        let (qkv, at) = if fused { (QkvParams::Fused(lin(2)), 4) } else { (QkvParams::Split([lin(2), lin(4), lin(6)]), 8) };
        Ok(BlockParams { norm1: norm(0), qkv, proj: lin(at), norm2: norm(at + 2), fc1: lin(at + 4), fc2: lin(at + 6) })
    }
}

/// Self-attention sub-layer: projections, attention, output projection.
fn self_attention(x: &Tensor, p: &BlockParams, c: &BlockConfig, bias: Option<&Tensor>, keys: Option<&Tensor>) -> TraceResult<Tensor> {
    let (q, k, v) = match &p.qkv {
        QkvParams::Fused(qkv) => {
            // One matmul, then split q | k | v along the output features.
            let qkv = qkv.forward(x)?;
            let d = c.dim;
            (qkv.slice_axis(2, 0, d)?, qkv.slice_axis(2, d, 2 * d)?, qkv.slice_axis(2, 2 * d, 3 * d)?)
        }
        QkvParams::Split([q, k, v]) => (q.forward(x)?, k.forward(x)?, v.forward(x)?),
    };
    let h = c.heads;
    // A causal mask joins a padding bias by `minimum` (see `causal_bias`).
    let causal = match (c.causal, bias) {
        (false, _) => None,
        (true, Some(b)) => Some(b.minimum(&causal_bias(x, x.dim(1))?)?),
        (true, None) => Some(causal_bias(x, x.dim(1))?),
    };
    let bias = causal.as_ref().or(bias);
    let drop = keys.filter(|_| c.dropout.attention > 0.0).map(|k| (k, c.dropout.attention));
    let a = attend_dropping(&split_heads(&q, h)?, &split_heads(&k, h)?, &split_heads(&v, h)?, bias, drop)?;
    let out = p.proj.forward(&a)?;
    match keys {
        Some(k) => dropout(&out, k, c.dropout.hidden, site::ATTENTION_OUTPUT),
        None => Ok(out),
    }
}

/// One block. `bias` is added to the attention scores (padding masks).
pub fn block(x: &Tensor, p: &BlockParams, c: &BlockConfig, bias: Option<&Tensor>) -> TraceResult<Tensor> {
    block_noisy(x, p, c, bias, &BlockNoise::default())
}

/// `block` in training: stochastic depth and dropout as `noise` brings them.
pub fn block_noisy(x: &Tensor, p: &BlockParams, c: &BlockConfig, bias: Option<&Tensor>, noise: &BlockNoise) -> TraceResult<Tensor> {
    let b = x.dim(0);
    let keep = noise.keep.as_ref();
    let keys = noise.keys.as_ref();
    let branch = |k: i64, t: Tensor| -> TraceResult<Tensor> {
        match keep {
            Some(m) => t.mul(&m.slice_axis(0, k, k + 1)?.reshape(&[b, 1, 1])?),
            None => Ok(t),
        }
    };
    let drop = |t: Tensor, rate: f64, tag: u32| -> TraceResult<Tensor> {
        match keys {
            Some(k) => dropout(&t, k, rate, tag),
            None => Ok(t),
        }
    };
    let inner_rate = if c.dropout.mlp_inner { c.dropout.hidden } else { 0.0 };
    let ffn = |z: &Tensor| -> TraceResult<Tensor> {
        let pre = p.fc1.forward(z)?;
        let act = match c.activation {
            Activation::Gelu => pre.gelu()?,
            Activation::QuickGelu => pre.quick_gelu()?,
            Activation::Relu => pre.relu()?,
        };
        let hmid = drop(act, inner_rate, site::MLP_INNER)?;
        drop(p.fc2.forward(&hmid)?, c.dropout.hidden, site::MLP_OUTPUT)
    };
    match c.norm {
        Norm::Pre => {
            let y = x.add(&branch(0, self_attention(&p.norm1.forward(x, c.eps)?, p, c, bias, keys)?)?)?;
            y.add(&branch(1, ffn(&p.norm2.forward(&y, c.eps)?)?)?)
        }
        Norm::Post => {
            let y = p.norm1.forward(&x.add(&branch(0, self_attention(x, p, c, bias, keys)?)?)?, c.eps)?;
            p.norm2.forward(&y.add(&branch(1, ffn(&y)?)?)?, c.eps)
        }
    }
}
