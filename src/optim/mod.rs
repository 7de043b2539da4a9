//! Optimizers, schedules and gradient transforms, traced into the training step.
//!
//! Everything here is graph code: the learning rate is computed from the step counter inside the
//! program, so one compiled step serves the whole run.

pub mod clip;
pub mod groups;
pub mod optimizer;
pub mod schedule;

pub use clip::{clip_by_global_norm, global_norm};
pub use groups::{layer_decay_scales, LrScale, ParamGroup};
pub use optimizer::{Optimizer, StepRate};
pub use schedule::Schedule;
