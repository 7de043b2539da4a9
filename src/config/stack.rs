//! The shape of a stack of transformer blocks: the quantities the paper varies.

use serde::{Deserialize, Serialize};

use super::error::{ensure, ConfigError};

/// Where each block normalizes: before its sub-layers (ViT, MAE) or after the residual add (BERT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Norm {
    Pre,
    Post,
}

/// The MLP's activation, named as Hugging Face configs name it (`hidden_act`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activation {
    /// Exact (erf) GELU: ViT, MAE, BERT.
    Gelu,
    /// `x * sigmoid(1.702 x)`: OpenAI's CLIP.
    QuickGelu,
    /// `max(x, 0)`: OPT.
    Relu,
}

/// Depth, width, heads and MLP size of a block stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stack {
    pub depth: usize,
    pub width: usize,
    pub heads: usize,
    /// The MLP's hidden size (BERT's "intermediate size"); 4 x width throughout the paper.
    pub mlp_dim: usize,
}

impl Stack {
    /// A stack with the usual MLP ratio of 4.
    pub const fn new(depth: usize, width: usize, heads: usize) -> Stack {
        Stack { depth, width, heads, mlp_dim: 4 * width }
    }

    pub fn head_dim(&self) -> usize {
        self.width / self.heads.max(1)
    }

    /// Checks the stack; `prefix` is the field path of this stack (`encoder`, `decoder`).
    pub fn validate(&self, prefix: &str) -> Result<(), ConfigError> {
        let f = |name: &str| format!("{prefix}.{name}");
        ensure(self.depth >= 1, &f("depth"), || "must be at least 1".into())?;
        ensure(self.width >= 1, &f("width"), || "must be at least 1".into())?;
        ensure(self.heads >= 1, &f("heads"), || "must be at least 1".into())?;
        ensure(self.mlp_dim >= 1, &f("mlp_dim"), || "must be at least 1".into())?;
        ensure(self.width.is_multiple_of(self.heads), &f("width"), || {
            format!("{} is not divisible by {} = {}", self.width, f("heads"), self.heads)
        })
    }

    /// Trainable parameters of the blocks: per block two layer norms, q/k/v/out projections and
    /// the two MLP linears, all with biases (timm, HF and the official MAE agree on this).
    pub fn params(&self) -> u64 {
        let (d, m) = (self.width as u64, self.mlp_dim as u64);
        let per_block = 2 * d + (4 * d * d + 4 * d) + 2 * d + (d * m + m) + (m * d + d);
        self.depth as u64 * per_block
    }

    /// Forward FLOPs of the blocks on `tokens` tokens (multiply-add = 2 FLOPs). Per block:
    /// q/k/v/out projections 8*N*d^2, MLP 4*N*d*m, scores Q K^T and weights x V 2*N^2*d each;
    /// that is 24*N*d^2 + 4*N^2*d at m = 4d. Layer norms, softmax, GELU, biases and residual
    /// adds are left out (they are O(N*d), under 1% here), as in the paper's counts.
    pub fn flops(&self, tokens: usize) -> u64 {
        let (n, d, m) = (tokens as u64, self.width as u64, self.mlp_dim as u64);
        let per_block = 8 * n * d * d + 4 * n * d * m + 4 * n * n * d;
        self.depth as u64 * per_block
    }
}

/// FLOPs of `y = x W` for `rows` rows of `x` and a `[inp, out]` weight.
pub(crate) fn linear_flops(rows: usize, inp: usize, out: usize) -> u64 {
    2 * rows as u64 * inp as u64 * out as u64
}

/// Parameters of a linear layer with bias.
pub(crate) fn linear_params(inp: usize, out: usize) -> u64 {
    inp as u64 * out as u64 + out as u64
}
