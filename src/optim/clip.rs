//! Global-norm gradient clipping.

use crate::graph::{Tensor, TraceError, TraceResult};

/// `sqrt(sum of squares)` over every element of every tensor.
pub fn global_norm(ts: &[Tensor]) -> TraceResult<Tensor> {
    let mut acc: Option<Tensor> = None;
    for t in ts {
        let s = t.square()?.sum_all()?;
        acc = Some(match acc {
            None => s,
            Some(a) => a.add(&s)?,
        });
    }
    acc.ok_or_else(|| TraceError::new("global_norm", "no tensors"))?.sqrt()
}

/// Scales all gradients by `min(1, max_norm / norm)`; returns them and the norm before clipping.
pub fn clip_by_global_norm(grads: &[Tensor], max_norm: Option<f64>) -> TraceResult<(Vec<Tensor>, Tensor)> {
    let norm = global_norm(grads)?;
    let Some(m) = max_norm else { return Ok((grads.to_vec(), norm)) };
    let scale = norm.graph().scalar(m, norm.dtype()).div(&norm.add_scalar(1e-6)?)?.minimum(&norm.full_like(1.0))?;
    Ok((grads.iter().map(|g| g.mul(&scale)).collect::<TraceResult<_>>()?, norm))
}
