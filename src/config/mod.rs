//! Model configurations: the paper's presets (Tables 1 and 2, BERT, small CPU scales), exact
//! parameter and FLOP counts, and the depth/width solver at a fixed FLOP budget.
//!
//! What is counted: FLOPs per example of every matmul (multiply-add = 2 FLOPs): patch
//! embedding, q/k/v/out projections, attention scores and weighted sums, MLPs and heads.
//! Ignored: layer norms, softmax, GELU, biases, residual adds, embedding lookups, the loss.
//! A training step counts 3x the forward. MAE's encoder runs on the visible patches (+cls)
//! and its decoder on all of them; BERT's MLM head runs on the predicted positions only, OPT's LM
//! head on every position (the causal mask saves no FLOPs: masked scores are computed).

mod bert;
mod clip;
mod count;
mod error;
pub mod hf;
mod mae;
mod model;
mod opt;
mod presets;
mod solve;
mod stack;
mod strict;
mod table;
mod vit;

pub use bert::BertConfig;
pub use clip::ClipConfig;
pub use count::{Flops, Params};
pub use error::ConfigError;
pub use mae::MaeConfig;
pub use model::ModelConfig;
pub use opt::{OptConfig, POSITION_OFFSET};
pub use presets::{find, named, preset, presets, Preset};
pub use solve::{solve, Solution};
pub use stack::{Activation, Norm, Stack};
pub use table::{render, row, rows, Row};
pub use vit::{Pool, VitConfig};

#[cfg(test)]
mod tests;
