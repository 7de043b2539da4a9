//! Inference beyond one whole-model program.

pub mod stream;
