//! Training: objectives, the compiled step, model parameters on the devices (checkpoints,
//! resume), batch sources, the loop, and what the user sees of a run (JSONL metrics,
//! TensorBoard scalars, the progress display).

pub mod bench;
pub mod checks;
pub mod demo;
pub mod glue;
pub mod hosts;
pub mod interrupt;
pub mod metrics;
pub mod mix;
pub mod objective;
pub mod pixel_floor;
pub mod platform;
pub mod progress;
pub mod recipes;
pub mod results;
pub mod run;
pub mod runtime_options;
pub mod sources;
pub mod step;
pub mod tensorboard;
pub mod trainer;

use crate::runtime::OptionValue;

/// XLA CPU options every training compile gets (chosen by measurement; see the README's "Speed").
///
/// oneDNN takes the matmuls and the elementwise and reduction work around them: 0-12% less CPU
/// time per step than the default (YNNPACK and Eigen), most on the deep narrow models, whose
/// weight-gradient matmuls YNNPACK runs only after copying an operand into its transposed
/// layout. The fusion types take the enum's full names here (`dot` is refused). Set for the
/// `cpu` platform only: they mean nothing to the GPU and TPU compilers.
pub fn default_xla_options(platform: &str) -> Vec<(String, OptionValue)> {
    if platform != "cpu" {
        return vec![];
    }
    vec![
        ("xla_cpu_use_onednn".into(), OptionValue::Bool(true)),
        (
            "xla_cpu_experimental_onednn_fusion_type".into(),
            OptionValue::Str("LIBRARY_FUSION_TYPE_DOT,LIBRARY_FUSION_TYPE_ELTWISE,LIBRARY_FUSION_TYPE_REDUCE".into()),
        ),
    ]
}
