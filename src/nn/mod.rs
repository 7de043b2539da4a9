//! Layers as traced functions. Weights follow PyTorch's layout (`Linear.weight` is
//! `[out, in]`), so public checkpoints load without transposes; the matmul contracts the
//! weight's input dim directly, which XLA handles without a copy.

pub mod attention;
pub mod block;
pub mod dropout;
pub mod embed;
pub mod stack;

use crate::graph::{DotDims, Tensor, TraceResult};
use crate::weights::{Init, Vars};

/// `x W^T + b` over the last axis of `x`, with `W` as `[out, in]`.
pub fn linear(x: &Tensor, w: &Tensor, b: Option<&Tensor>) -> TraceResult<Tensor> {
    let d = DotDims { lhs_batch: vec![], rhs_batch: vec![], lhs_contract: vec![x.rank() as i64 - 1], rhs_contract: vec![1] };
    let y = x.dot_general(w, d)?;
    match b {
        Some(b) => y.add(b),
        None => Ok(y),
    }
}

/// A linear layer's parameters: `weight` `[out, in]` (decayed) and `bias` `[out]`.
#[derive(Clone)]
pub struct Linear {
    pub weight: Tensor,
    pub bias: Option<Tensor>,
}

impl Linear {
    /// `weight` drawn by `init`, `bias` zeros, both under `vb`'s path.
    pub fn new(vb: &Vars, out: i64, inp: i64, init: Init) -> TraceResult<Linear> {
        let weight = vb.weight("weight", &[out, inp], init)?;
        Ok(Linear { weight, bias: Some(vb.no_decay("bias", &[out], Init::Zeros)?) })
    }

    /// Without a bias (CLIP's projections).
    pub fn no_bias(vb: &Vars, out: i64, inp: i64, init: Init) -> TraceResult<Linear> {
        Ok(Linear { weight: vb.weight("weight", &[out, inp], init)?, bias: None })
    }

    pub fn forward(&self, x: &Tensor) -> TraceResult<Tensor> {
        linear(x, &self.weight, self.bias.as_ref())
    }
}

/// A layer norm's scale (ones) and shift (zeros), neither decayed.
#[derive(Clone)]
pub struct LayerNorm {
    pub weight: Tensor,
    pub bias: Tensor,
}

impl LayerNorm {
    pub fn new(vb: &Vars, dim: i64) -> TraceResult<LayerNorm> {
        Ok(LayerNorm { weight: vb.no_decay("weight", &[dim], Init::Ones)?, bias: vb.no_decay("bias", &[dim], Init::Zeros)? })
    }

    pub fn forward(&self, x: &Tensor, eps: f64) -> TraceResult<Tensor> {
        x.layer_norm(&self.weight, &self.bias, eps)
    }
}
