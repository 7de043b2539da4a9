//! Training-side glue: checkpoint tensors <-> model parameters on the host and the device, and
//! what the user sees of a run (JSONL metrics, TensorBoard scalars, the progress display).

pub mod metrics;
pub mod progress;
pub mod tensorboard;
pub mod weights;
pub mod objective;
pub mod step;
pub mod run;
pub mod sources;
pub mod glue;
pub mod init;
pub mod mix;
pub mod trainer;
pub mod hosts;

use crate::runtime::OptionValue;

/// XLA CPU options every training compile gets (chosen by measurement; see the README).
pub fn default_xla_options() -> Vec<(String, OptionValue)> {
    vec![]
}
