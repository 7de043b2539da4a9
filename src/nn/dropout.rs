//! Dropout with per-example keys drawn in the graph.
//!
//! Each example carries its own Threefry key (`u32[B, 2]`, drawn on the host from the seed and
//! the example's place in the data stream). Every dropout site folds a fixed tag into that key,
//! so the mask of an example depends only on (key, site): a step on one device, on several
//! devices or in accumulated micro-batches drops exactly the same units, and a resumed run
//! drops what the uninterrupted run would have.

use crate::graph::{random, CompareDir, DType, Tensor, TraceResult};

/// Dropout rates of a transformer; zero disables a site.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DropoutRates {
    /// On the embeddings, on each branch output before the residual add, and before the head.
    pub hidden: f64,
    /// On the attention probabilities.
    pub attention: f64,
    /// Also after the MLP's GELU (timm's `Mlp.drop1`; Hugging Face models have no such site).
    pub mlp_inner: bool,
}

impl DropoutRates {
    pub const fn none() -> DropoutRates {
        DropoutRates { hidden: 0.0, attention: 0.0, mlp_inner: false }
    }
    pub fn any(&self) -> bool {
        self.hidden > 0.0 || self.attention > 0.0
    }
}

/// Tags of the dropout sites (folded into the per-example keys).
pub mod site {
    pub const EMBEDDINGS: u32 = 1;
    pub const HEAD: u32 = 2;
    pub const LAYERS: u32 = 3;
    pub const ATTENTION_PROBS: u32 = 11;
    pub const ATTENTION_OUTPUT: u32 = 12;
    pub const MLP_INNER: u32 = 13;
    pub const MLP_OUTPUT: u32 = 14;
}

/// Zeroes each element of `x` (`[B, ...]`) with probability `rate` and scales the rest by
/// `1 / (1 - rate)`; `keys` are the examples' keys `u32[B, 2]`, `tag` names the site.
pub fn dropout(x: &Tensor, keys: &Tensor, rate: f64, tag: u32) -> TraceResult<Tensor> {
    if rate <= 0.0 {
        return Ok(x.clone());
    }
    let u = random::uniform_per_example(&random::fold_in(keys, tag)?, &x.dims()[1..])?;
    let keep = u.compare(CompareDir::Ge, &x.graph().scalar(rate, DType::F32))?;
    keep.select(&x.mul_scalar(1.0 / (1.0 - rate))?, &x.zeros_like())
}
