//! Optimizer updates as traced functions of (parameter, gradient, state).
//!
//! Stacked block parameters (`[L, ...]`) are treated as L separate parameters wherever it
//! matters: LAMB's and LARS's trust ratios are per layer, and layer-wise lr scales are per layer.

use super::groups::{LrScale, ParamGroup};
use crate::graph::{CompareDir, DType, Tensor, TraceResult};

#[derive(Clone, Debug, PartialEq)]
pub enum Optimizer {
    /// Adam with decoupled weight decay (Loshchilov & Hutter), PyTorch's `AdamW`.
    AdamW { beta1: f64, beta2: f64, eps: f64 },
    /// LAMB (You et al. 2019): Adam direction plus decay, scaled per layer by ||w|| / ||update||.
    Lamb { beta1: f64, beta2: f64, eps: f64 },
    /// SGD with (heavy-ball) momentum, PyTorch's convention.
    Sgd { momentum: f64 },
    /// LARS (You et al. 2017): momentum SGD with a per-layer trust ratio.
    Lars { momentum: f64, trust: f64, eps: f64 },
}

impl Optimizer {
    /// Names of the state slots kept per parameter (each shaped like the parameter).
    pub fn state_names(&self) -> &'static [&'static str] {
        match self {
            Optimizer::AdamW { .. } | Optimizer::Lamb { .. } => &["exp_avg", "exp_avg_sq"],
            Optimizer::Sgd { .. } | Optimizer::Lars { .. } => &["momentum_buffer"],
        }
    }

    /// One update. `lr` is an f32 scalar; `t` the 1-based step count as an f32 scalar;
    /// `stacked` says the leading dim of `p` indexes layers.
    pub fn update(
        &self,
        p: &Tensor,
        g: &Tensor,
        state: &[Tensor],
        lr: &Tensor,
        t: &Tensor,
        group: &ParamGroup,
        stacked: bool,
    ) -> TraceResult<(Tensor, Vec<Tensor>)> {
        let lr = scaled_lr(lr, &group.lr_scale, p)?;
        let wd = group.weight_decay;
        match *self {
            Optimizer::AdamW { beta1, beta2, eps } | Optimizer::Lamb { beta1, beta2, eps } => {
                let m = state[0].mul_scalar(beta1)?.add(&g.mul_scalar(1.0 - beta1)?)?;
                let v = state[1].mul_scalar(beta2)?.add(&g.square()?.mul_scalar(1.0 - beta2)?)?;
                let bc1 = pow_step(beta1, t)?.neg()?.add_scalar(1.0)?;
                let bc2 = pow_step(beta2, t)?.neg()?.add_scalar(1.0)?;
                let dir = m.div(&bc1)?.div(&v.div(&bc2)?.sqrt()?.add_scalar(eps)?)?;
                let new_p = if matches!(self, Optimizer::AdamW { .. }) {
                    p.sub(&lr.mul(&dir.add(&p.mul_scalar(wd)?)?)?)?
                } else {
                    let u = dir.add(&p.mul_scalar(wd)?)?;
                    p.sub(&lr.mul(&trust_ratio(p, &u, stacked, 1.0, 0.0)?)?.mul(&u)?)?
                };
                Ok((new_p, vec![m, v]))
            }
            Optimizer::Sgd { momentum } => {
                let d = g.add(&p.mul_scalar(wd)?)?;
                let buf = state[0].mul_scalar(momentum)?.add(&d)?;
                Ok((p.sub(&lr.mul(&buf)?)?, vec![buf]))
            }
            Optimizer::Lars { momentum, trust, eps } => {
                let d = g.add(&p.mul_scalar(wd)?)?;
                let local = trust_ratio(p, &d, stacked, trust, eps)?;
                let buf = state[0].mul_scalar(momentum)?.add(&d.mul(&local)?)?;
                Ok((p.sub(&lr.mul(&buf)?)?, vec![buf]))
            }
        }
    }
}

/// `base^t` for a traced step count.
fn pow_step(base: f64, t: &Tensor) -> TraceResult<Tensor> {
    t.mul_scalar(base.ln())?.exp()
}

/// The learning rate broadcast against `p`: per layer for stacked parameters.
fn scaled_lr(lr: &Tensor, scale: &LrScale, p: &Tensor) -> TraceResult<Tensor> {
    match scale {
        LrScale::One(s) => lr.mul_scalar(*s),
        LrScale::PerLayer(v) => {
            let g = lr.graph();
            let s = g.constant(v, &[v.len() as i64], DType::F32)?;
            let mut dims = vec![v.len() as i64];
            dims.extend(std::iter::repeat(1).take(p.rank() - 1));
            s.mul(lr)?.reshape(&dims)
        }
    }
}

/// `coef * ||p|| / (||u|| + eps)` (1 where either norm is 0), per layer when stacked; shaped to
/// broadcast against `p`.
fn trust_ratio(p: &Tensor, u: &Tensor, stacked: bool, coef: f64, eps: f64) -> TraceResult<Tensor> {
    let axes: Vec<usize> = if stacked { (1..p.rank()).collect() } else { (0..p.rank()).collect() };
    let pn = p.square()?.sum(&axes, true)?.sqrt()?;
    let un = u.square()?.sum(&axes, true)?.sqrt()?;
    let zero = pn.zeros_like();
    let ok = pn.compare(CompareDir::Gt, &zero)?.and(&un.compare(CompareDir::Gt, &zero)?)?;
    let r = pn.div(&un.add_scalar(eps)?)?.mul_scalar(coef)?;
    ok.select(&r, &pn.full_like(1.0))
}
