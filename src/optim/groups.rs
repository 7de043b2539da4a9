//! Per-parameter settings: weight-decay masks and layer-wise learning-rate decay.

use crate::weights::ParamSpec;

/// A learning-rate multiplier: one value, or one per layer of a stacked parameter.
#[derive(Clone, Debug, PartialEq)]
pub enum LrScale {
    One(f64),
    PerLayer(Vec<f64>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ParamGroup {
    pub weight_decay: f64,
    pub lr_scale: LrScale,
    /// Whether LARS's layer-wise local rate applies. Not to the no-decay group (biases, norms,
    /// tokens): the LARS implementations of SimCLR, MoCo v3 and MAE's linear probe (the recipe
    /// ours follows) exclude biases and norms, which with the paper's small trust coefficient
    /// (1e-3) would otherwise all but stop learning (a bias starting at 0 gets
    /// `1e-3 * ||b|| / ||g||` after its first step).
    pub adapt: bool,
}

/// Which block a parameter belongs to for layer-wise decay (BEiT/MAE convention): embeddings are
/// layer 0, block i is layer i + 1, everything after the blocks is layer L + 1.
fn layer_of(name: &str, depth: usize) -> usize {
    let embed = ["cls_token", "pos_embed", "patch_embed", "mask_token", "embeddings"];
    if embed.iter().any(|e| name.contains(e)) {
        0
    } else {
        depth + 1
    }
}

/// Layer-wise lr decay: a parameter at layer `i` gets `decay^(L + 1 - i)`; stacked block
/// parameters get one scale per block.
pub fn layer_decay_scales(spec: &ParamSpec, depth: usize, decay: f64) -> LrScale {
    let top = depth as i32 + 1;
    match spec.layers() {
        Some(l) => LrScale::PerLayer((0..l).map(|i| decay.powi(top - (i as i32 + 1))).collect()),
        None => LrScale::One(decay.powi(top - layer_of(&spec.name, depth) as i32)),
    }
}

impl ParamGroup {
    /// The usual groups: no decay (and no LARS adaptation) on biases, norms, position
    /// embeddings, cls and mask tokens.
    pub fn for_param(spec: &ParamSpec, weight_decay: f64, layer_decay: Option<(usize, f64)>) -> ParamGroup {
        ParamGroup {
            weight_decay: if spec.is_no_decay() { 0.0 } else { weight_decay },
            adapt: !spec.is_no_decay(),
            lr_scale: match layer_decay {
                Some((depth, d)) => layer_decay_scales(spec, depth, d),
                None => LrScale::One(1.0),
            },
        }
    }
}
