//! Models as traced functions over named parameters.
//!
//! A model declares each parameter once, by its public checkpoint path, through a
//! `weights::Vars` builder (shape, initializer, weight-decay group) into a struct its forward
//! pass reads; its specs come from declaring it on a scratch graph, and a forward over traced
//! `weights::Params` binds the same struct to them. The block stack is one loop over
//! parameters stacked along a leading depth axis.

pub mod bert;
pub mod clip;
pub mod mae;
pub mod opt;
pub mod vit;

use crate::graph::{Tensor, TraceError, TraceResult};

/// Per-example randomness of a training pass; all `None` at evaluation (no dropout, no
/// stochastic depth).
#[derive(Clone, Copy, Debug, Default)]
pub struct Noise<'a> {
    /// Stochastic-depth factors `[B, L, 2]` (see `vit::drop_path_keep`).
    pub drop_path: Option<&'a Tensor>,
    /// Dropout keys `u32[B, 2]`, one Threefry key per example (see `nn::dropout`).
    pub dropout_keys: Option<&'a Tensor>,
}

/// A batch of token sequences, as the text models take them.
#[derive(Clone, Copy, Debug)]
pub struct Tokens<'a> {
    /// Token ids `[B, S]` (i32).
    pub input_ids: &'a Tensor,
    /// 1 for real tokens, 0 for padding, `[B, S]` (float); every token is real when `None`.
    pub attention_mask: Option<&'a Tensor>,
    /// Dropout keys `u32[B, 2]` in training (see `nn::dropout`); no dropout when `None`.
    pub dropout_keys: Option<&'a Tensor>,
}

/// The per-block hidden states a stack kept when asked to (`StackOptions::keep_hidden`).
fn kept(hidden: Option<Tensor>, model: &str) -> TraceResult<Tensor> {
    hidden.ok_or_else(|| TraceError::new(model, "the block stack returned no hidden states"))
}

/// Declares every parameter `declare` asks for on a scratch graph; declaring traces no op, so
/// only a model bug (one name at two shapes) can fail.
fn specs(declare: impl FnOnce(&crate::weights::Vars) -> TraceResult<()>) -> Vec<crate::weights::ParamSpec> {
    crate::weights::specs_of(declare).expect("a model declares each name at one shape")
}
