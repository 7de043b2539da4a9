//! Models as traced functions over named parameters.
//!
//! A model lists its parameters (`weights::ParamSpec`: public checkpoint name, shape,
//! initializer) and traces its forward pass over a `weights::Params` map; its block stack is
//! one loop over parameters stacked along a leading depth axis.

pub mod bert;
pub mod clip;
pub mod mae;
pub mod opt;
pub mod vit;

use crate::graph::{Tensor, TraceError, TraceResult};
use crate::nn::block::BlockConfig;
use crate::weights::StackLayout;

/// Per-example randomness of a training pass; all `None` at evaluation (no dropout, no
/// stochastic depth).
#[derive(Clone, Copy, Debug, Default)]
pub struct Noise<'a> {
    /// Stochastic-depth factors `[B, L, 2]` (see `vit::drop_path_keep`).
    pub drop_path: Option<&'a Tensor>,
    /// Dropout keys `u32[B, 2]`, one Threefry key per example (see `nn::dropout`).
    pub dropout_keys: Option<&'a Tensor>,
}

/// A stack's parameters are the ones `nn`'s block takes, in its order.
impl StackLayout for BlockConfig {
    fn param_shapes(&self) -> Vec<(String, Vec<i64>)> {
        BlockConfig::param_shapes(self)
    }
}

/// The per-block hidden states a stack kept when asked to (`StackOptions::keep_hidden`).
fn kept(hidden: Option<Tensor>, model: &str) -> TraceResult<Tensor> {
    hidden.ok_or_else(|| TraceError::new(model, "the block stack returned no hidden states"))
}
