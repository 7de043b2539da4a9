//! Models as traced functions over named parameters.
//!
//! A model lists its parameters (`ParamSpec`: public checkpoint name, shape, initializer) and
//! traces its forward pass over a `Params` map. Block parameters are stacked along a leading
//! depth axis so the block stack is one loop; their names carry a `*` where the checkpoint has
//! the layer index (`blocks.*.attn.qkv.weight` <-> `blocks.3.attn.qkv.weight`).

pub mod bert;
pub mod clip;
pub mod mae;
pub mod opt;
pub mod vit;

use std::collections::BTreeMap;

use crate::graph::{DType, Graph, Tensor, TraceError, TraceResult};
use crate::nn::block::BlockConfig;

/// Per-example randomness of a training pass; all `None` at evaluation (no dropout, no
/// stochastic depth).
#[derive(Clone, Copy, Debug, Default)]
pub struct Noise<'a> {
    /// Stochastic-depth factors `[B, L, 2]` (see `vit::drop_path_keep`).
    pub drop_path: Option<&'a Tensor>,
    /// Dropout keys `u32[B, 2]`, one Threefry key per example (see `nn::dropout`).
    pub dropout_keys: Option<&'a Tensor>,
}

/// The layer-index placeholder in stacked parameter names.
pub const LAYER: char = '*';

/// How a parameter starts before any checkpoint is loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum Init {
    Zeros,
    Ones,
    /// Normal with this standard deviation, truncated at two standard deviations (timm, BERT).
    TruncNormal(f64),
    /// Xavier-uniform over `(fan_in, fan_out)` (MAE's linear layers).
    XavierUniform,
    /// Exact values (fixed sin-cos position embeddings).
    Values(Vec<f64>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ParamSpec {
    pub name: String,
    pub shape: Vec<i64>,
    pub init: Init,
    /// Fixed parameters (MAE's sin-cos position embeddings) are loaded but never trained.
    pub trainable: bool,
}

impl ParamSpec {
    pub fn new(name: impl Into<String>, shape: &[i64], init: Init) -> Self {
        ParamSpec { name: name.into(), shape: shape.to_vec(), init, trainable: true }
    }

    pub fn fixed(name: impl Into<String>, shape: &[i64], values: Vec<f64>) -> Self {
        ParamSpec { name: name.into(), shape: shape.to_vec(), init: Init::Values(values), trainable: false }
    }

    /// Depth of a stacked parameter (its leading dim), or `None` for a plain one.
    pub fn layers(&self) -> Option<i64> {
        self.name.contains(LAYER).then(|| self.shape[0])
    }

    /// Does no weight decay apply (biases, norms, embeddings of positions, tokens)?
    pub fn is_no_decay(&self) -> bool {
        self.shape.len() - self.layers().is_some() as usize <= 1
            || self.name.contains("pos_embed")
            || self.name.contains("position_embedding")
            || self.name.ends_with("cls_token")
            || self.name.ends_with("mask_token")
    }
}

/// Parameter specs of a block stack under `prefix` (e.g. `blocks.*.`): every per-block
/// parameter gains the leading depth axis.
pub fn stack_specs(prefix: &str, depth: i64, c: &BlockConfig, weight_init: &Init) -> Vec<ParamSpec> {
    c.param_shapes()
        .into_iter()
        .map(|(n, s)| {
            let init = if n.ends_with("bias") {
                Init::Zeros
            } else if s.len() == 1 {
                Init::Ones
            } else {
                weight_init.clone()
            };
            ParamSpec::new(format!("{}{}", prefix, n), &[&[depth][..], &s].concat(), init)
        })
        .collect()
}

/// Traced parameters by name.
#[derive(Clone, Default)]
pub struct Params(BTreeMap<String, Tensor>);

impl Params {
    /// Declares every spec as a parameter of `g`, in order.
    pub fn declare(g: &Graph, specs: &[ParamSpec], dtype: DType) -> Params {
        Params(specs.iter().map(|s| (s.name.clone(), g.param(&s.name, &s.shape, dtype))).collect())
    }

    pub fn from_map(m: BTreeMap<String, Tensor>) -> Params {
        Params(m)
    }

    pub fn get(&self, name: &str) -> TraceResult<&Tensor> {
        self.0.get(name).ok_or_else(|| TraceError::new("params", format!("no parameter named `{}`", name)))
    }

    /// The stacked block parameters under `prefix`, in the block's order.
    pub fn stack(&self, prefix: &str, c: &BlockConfig) -> TraceResult<Vec<Tensor>> {
        c.param_shapes().iter().map(|(n, _)| self.get(&format!("{}{}", prefix, n)).cloned()).collect()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Tensor)> {
        self.0.iter()
    }
}
