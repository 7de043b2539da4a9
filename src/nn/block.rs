//! The transformer block, pre-LN (ViT, MAE, CLIP, OPT) or post-LN (BERT), with the parameter names of
//! the public checkpoint families:
//!
//!   pre-LN:  y = x + Attn(LN1(x));        out = y + MLP(LN2(y))
//!   post-LN: y = LN1(x + Attn(x));        out = LN2(y + MLP(y))
//!   MLP(z) = fc2(act(fc1(z)))             act: GELU, CLIP's quick GELU, or ReLU (OPT)
//!
//! A causal block (CLIP's text tower) lets each position attend only to itself and before; OPT
//! brings its causal and padding mask as the stack's bias instead.

use super::attention::{attend_dropping, causal_bias, split_heads};
use super::dropout::{dropout, site, DropoutRates};
use super::linear;
use crate::config::{Activation, Norm};
use crate::graph::{Tensor, TraceError, TraceResult};

/// Which checkpoint family's names (and q/k/v layout) a block uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Naming {
    /// timm `VisionTransformer` and the official MAE: fused `attn.qkv`.
    Timm,
    /// Hugging Face `ViTModel` / `ViTMAEModel`: separate query, key, value.
    HfVit,
    /// Hugging Face `BertModel`.
    HfBert,
    /// Hugging Face `CLIPEncoderLayer` (both towers of `CLIPModel`).
    HfClip,
    /// Hugging Face `OPTDecoderLayer`: `self_attn.{q,k,v,out}_proj`, `fc1`, `fc2`.
    HfOpt,
}

/// Block hyper-parameters.
#[derive(Clone, Copy, Debug)]
pub struct BlockConfig {
    pub dim: i64,
    pub heads: i64,
    pub mlp_dim: i64,
    pub eps: f64,
    pub norm: Norm,
    pub naming: Naming,
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
    pub fn of_stack(stack: &crate::config::Stack, eps: f64, norm: Norm, naming: Naming) -> BlockConfig {
        BlockConfig {
            dim: stack.width as i64,
            heads: stack.heads as i64,
            mlp_dim: stack.mlp_dim as i64,
            eps,
            norm,
            naming,
            activation: Activation::Gelu,
            causal: false,
            dropout: DropoutRates::none(),
        }
    }

    /// Per-block parameter names (relative to the block) and shapes, in the order `block` takes them:
    /// LN1, attention projections, output projection, LN2, fc1, fc2 (weight before bias).
    pub fn param_shapes(&self) -> Vec<(String, Vec<i64>)> {
        let (d, f) = (self.dim, self.mlp_dim);
        let (ln1, ln2, attn, proj, fc1, fc2): (&str, &str, Vec<&str>, &str, &str, &str) = match self.naming {
            Naming::Timm => ("norm1", "norm2", vec!["attn.qkv"], "attn.proj", "mlp.fc1", "mlp.fc2"),
            Naming::HfVit => (
                "layernorm_before",
                "layernorm_after",
                vec!["attention.attention.query", "attention.attention.key", "attention.attention.value"],
                "attention.output.dense",
                "intermediate.dense",
                "output.dense",
            ),
            Naming::HfBert => (
                "attention.output.LayerNorm",
                "output.LayerNorm",
                vec!["attention.self.query", "attention.self.key", "attention.self.value"],
                "attention.output.dense",
                "intermediate.dense",
                "output.dense",
            ),
            Naming::HfClip => (
                "layer_norm1",
                "layer_norm2",
                vec!["self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj"],
                "self_attn.out_proj",
                "mlp.fc1",
                "mlp.fc2",
            ),
            Naming::HfOpt => (
                "self_attn_layer_norm",
                "final_layer_norm",
                vec!["self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj"],
                "self_attn.out_proj",
                "fc1",
                "fc2",
            ),
        };
        let mut v = vec![(format!("{}.weight", ln1), vec![d]), (format!("{}.bias", ln1), vec![d])];
        if attn.len() == 1 {
            v.push((format!("{}.weight", attn[0]), vec![3 * d, d]));
            v.push((format!("{}.bias", attn[0]), vec![3 * d]));
        } else {
            for a in attn {
                v.push((format!("{}.weight", a), vec![d, d]));
                v.push((format!("{}.bias", a), vec![d]));
            }
        }
        v.push((format!("{}.weight", proj), vec![d, d]));
        v.push((format!("{}.bias", proj), vec![d]));
        v.push((format!("{}.weight", ln2), vec![d]));
        v.push((format!("{}.bias", ln2), vec![d]));
        v.push((format!("{}.weight", fc1), vec![f, d]));
        v.push((format!("{}.bias", fc1), vec![f]));
        v.push((format!("{}.weight", fc2), vec![d, f]));
        v.push((format!("{}.bias", fc2), vec![d]));
        v
    }
}

/// Self-attention sub-layer: projections, attention, output projection.
/// `p` holds the attention projections then the output projection (weights and biases).
fn self_attention(x: &Tensor, p: &[Tensor], c: &BlockConfig, bias: Option<&Tensor>, keys: Option<&Tensor>) -> TraceResult<Tensor> {
    let (q, k, v, rest) = if p.len() == 4 {
        // Fused: one matmul, then split q | k | v along the output features.
        let qkv = linear(x, &p[0], Some(&p[1]))?;
        let d = c.dim;
        (qkv.slice_axis(2, 0, d)?, qkv.slice_axis(2, d, 2 * d)?, qkv.slice_axis(2, 2 * d, 3 * d)?, &p[2..])
    } else {
        (linear(x, &p[0], Some(&p[1]))?, linear(x, &p[2], Some(&p[3]))?, linear(x, &p[4], Some(&p[5]))?, &p[6..])
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
    let out = linear(&a, &rest[0], Some(&rest[1]))?;
    match keys {
        Some(k) => dropout(&out, k, c.dropout.hidden, site::ATTENTION_OUTPUT),
        None => Ok(out),
    }
}

/// One block; `p` in the order of `BlockConfig::param_shapes`. `bias` is added to the attention
/// scores (padding masks).
pub fn block(x: &Tensor, p: &[Tensor], c: &BlockConfig, bias: Option<&Tensor>) -> TraceResult<Tensor> {
    block_noisy(x, p, c, bias, &BlockNoise::default())
}

/// `block` in training: stochastic depth and dropout as `noise` brings them.
pub fn block_noisy(x: &Tensor, p: &[Tensor], c: &BlockConfig, bias: Option<&Tensor>, noise: &BlockNoise) -> TraceResult<Tensor> {
    let b = x.dim(0);
    let keep = noise.keep.as_ref();
    let keys = noise.keys.as_ref();
    let branch = |k: i64, t: Tensor| -> TraceResult<Tensor> {
        match keep {
            Some(m) => t.mul(&m.slice_axis(0, k, k + 1)?.reshape(&[b, 1, 1])?),
            None => Ok(t),
        }
    };
    let expected = c.param_shapes().len();
    if p.len() != expected {
        return Err(TraceError::new("block", format!("{} parameters given, {} expected", p.len(), expected)));
    }
    let n_attn = expected - 8; // LN1 (2) + LN2 (2) + fc1 (2) + fc2 (2) around the attention weights
    let (ln1, rest) = p.split_at(2);
    let (attn, rest) = rest.split_at(n_attn);
    let (ln2, mlp) = rest.split_at(2);
    let drop = |t: Tensor, rate: f64, tag: u32| -> TraceResult<Tensor> {
        match keys {
            Some(k) => dropout(&t, k, rate, tag),
            None => Ok(t),
        }
    };
    let inner_rate = if c.dropout.mlp_inner { c.dropout.hidden } else { 0.0 };
    let ffn = |z: &Tensor| -> TraceResult<Tensor> {
        let pre = linear(z, &mlp[0], Some(&mlp[1]))?;
        let act = match c.activation {
            Activation::Gelu => pre.gelu()?,
            Activation::QuickGelu => pre.quick_gelu()?,
            Activation::Relu => pre.relu()?,
        };
        let hmid = drop(act, inner_rate, site::MLP_INNER)?;
        drop(linear(&hmid, &mlp[2], Some(&mlp[3]))?, c.dropout.hidden, site::MLP_OUTPUT)
    };
    match c.norm {
        Norm::Pre => {
            let y = x.add(&branch(0, self_attention(&x.layer_norm(&ln1[0], &ln1[1], c.eps)?, attn, c, bias, keys)?)?)?;
            y.add(&branch(1, ffn(&y.layer_norm(&ln2[0], &ln2[1], c.eps)?)?)?)
        }
        Norm::Post => {
            let y = x.add(&branch(0, self_attention(x, attn, c, bias, keys)?)?)?.layer_norm(&ln1[0], &ln1[1], c.eps)?;
            y.add(&branch(1, ffn(&y)?)?)?.layer_norm(&ln2[0], &ln2[1], c.eps)
        }
    }
}
