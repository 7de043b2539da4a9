//! Inference beyond one whole-model program.

pub mod bench;
pub mod stream;
