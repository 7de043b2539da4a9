//! Inference beyond one whole-model program.

pub mod bench;
pub mod forward;
pub mod stream;
