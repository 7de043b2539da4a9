//! Depth-for-width trades at a fixed budget: the width that keeps a reference's FLOPs at a new depth.

use super::error::{ensure, ConfigError};
use super::model::ModelConfig;
use super::stack::Stack;

/// The stack found for a depth, and how its FLOPs compare with the reference.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    pub stack: Stack,
    /// Encoder FLOPs per example of the solution and of the reference (`Flops::encoder`).
    pub flops: u64,
    pub reference_flops: u64,
    pub config: ModelConfig,
}

impl Solution {
    pub fn ratio(&self) -> f64 {
        self.flops as f64 / self.reference_flops as f64
    }

    /// The solution as one JSON object, for scripts: the reference's name `like`, the new stack,
    /// `head_dim`, both FLOP counts and their ratio.
    pub fn to_json(&self, like: &str, head_dim: usize) -> serde_json::Value {
        serde_json::json!({
            "like": like, "depth": self.stack.depth, "width": self.stack.width, "heads": self.stack.heads,
            "mlp_dim": self.stack.mlp_dim, "head_dim": head_dim, "encoder_flops": self.flops,
            "reference_flops": self.reference_flops, "ratio": self.ratio(),
        })
    }
}

/// The width, a multiple of `head_dim`, whose encoder FLOPs at `depth` come closest to those of
/// `reference`, with `width / head_dim` heads. The budget is the encoder's forward FLOPs as the
/// model runs it (MAE: on the visible patches), the measure of the paper's tables; the MLP
/// keeps the reference's ratio to the width.
pub fn solve(reference: &ModelConfig, depth: usize, head_dim: usize) -> Result<Solution, ConfigError> {
    ensure(depth >= 1, "depth", || "must be at least 1".into())?;
    ensure(head_dim >= 1, "head_dim", || "must be at least 1".into())?;
    reference.validate()?;
    let r = reference.encoder();
    let target = reference.flops().encoder;
    let candidate = |k: usize| {
        let width = k * head_dim;
        let stack = Stack { depth, width, heads: k, mlp_dim: width * r.mlp_dim / r.width };
        let config = reference.with_encoder(stack);
        let flops = config.flops().encoder;
        Solution { stack, flops, reference_flops: target, config }
    };
    // Encoder FLOPs grow with the width: walk up until past the target, keep the closer side.
    let mut best = candidate(1);
    let mut k = 1;
    while best.flops < target {
        k += 1;
        let next = candidate(k);
        let closer = next.flops.abs_diff(target) < best.flops.abs_diff(target);
        let past = next.flops >= target;
        if closer {
            best = next;
        }
        if past {
            break;
        }
    }
    Ok(best)
}
