//! Layers as traced functions. Weights follow PyTorch's layout (`Linear.weight` is
//! `[out, in]`), so public checkpoints load without transposes; the matmul contracts the
//! weight's input dim directly, which XLA handles without a copy.

pub mod attention;
pub mod block;
pub mod dropout;
pub mod embed;
pub mod stack;

use crate::graph::{DotDims, Tensor, TraceResult};

/// `x W^T + b` over the last axis of `x`, with `W` as `[out, in]`.
pub fn linear(x: &Tensor, w: &Tensor, b: Option<&Tensor>) -> TraceResult<Tensor> {
    let d = DotDims { lhs_batch: vec![], rhs_batch: vec![], lhs_contract: vec![x.rank() as i64 - 1], rhs_contract: vec![1] };
    let y = x.dot_general(w, d)?;
    match b {
        Some(b) => y.add(b),
        None => Ok(y),
    }
}
