//! Over-smoothing measures of a block stack's hidden states `[L, B, T, D]`: the traced
//! reductions a program computes beside its forward pass (`metrics`), and the host-side
//! singular values and effective rank of the same tokens (`collapse`). Training watches them
//! every few steps; `analysis` reports them for trained checkpoints.

pub mod collapse;
pub mod metrics;
