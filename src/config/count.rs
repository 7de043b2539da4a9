//! Parameter and FLOP totals, split the way the paper's tables need them.

use serde::Serialize;

/// Forward FLOPs of one example, by part (multiply-add = 2 FLOPs; matmuls only, see `Stack::flops`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Flops {
    /// Patch embedding (a matmul over flattened patches); embedding lookups count 0.
    pub embed: u64,
    /// The encoder's blocks, on the tokens they actually see (MAE: visible patches + cls).
    pub encoder: u64,
    /// MAE's decoder (embedding projection, blocks, pixel prediction); 0 elsewhere.
    pub decoder: u64,
    /// Output heads: classifier, BERT pooler + NSP + MLM head on the predicted positions.
    pub head: u64,
}

impl Flops {
    pub fn forward(&self) -> u64 {
        self.embed + self.encoder + self.decoder + self.head
    }

    /// A training step: forward plus a backward that costs twice the forward.
    pub fn train(&self) -> u64 {
        3 * self.forward()
    }
}

/// Trainable parameters by part. Fixed sin-cos position tables (MAE) are not counted; tied
/// weights (BERT's MLM decoder = word embeddings) are counted once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Params {
    /// Patch / token embeddings, cls token, learned position embeddings, embedding norms.
    pub embed: u64,
    /// The encoder's blocks and its final norm.
    pub encoder: u64,
    /// MAE's decoder including mask token and prediction layer.
    pub decoder: u64,
    /// Classifier, pooler, MLM transform and bias, NSP.
    pub head: u64,
}

impl Params {
    pub fn total(&self) -> u64 {
        self.embed + self.encoder + self.decoder + self.head
    }
}
