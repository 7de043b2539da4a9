//! Optimizer updates as traced functions of (parameter, gradient, state).
//!
//! Stacked block parameters (`[L, ...]`) are treated as L separate parameters wherever it
//! matters: LAMB's and LARS's trust ratios are per layer, and layer-wise lr scales are per layer.

use super::groups::{LrScale, ParamGroup};
use crate::graph::{CompareDir, DType, Tensor, TraceResult};

/// The per-step scalars of an update: `lr`, the learning rate, and `t`, the 1-based step count,
/// both traced f32 scalars.
pub struct StepRate<'a> {
    pub lr: &'a Tensor,
    pub t: &'a Tensor,
}

/// In JSON (a run's `config.json`), tagged by `name`: `{"name": "adamw", "beta1": 0.9, ...}`.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "name", rename_all = "lowercase")]
pub enum Optimizer {
    /// Adam with decoupled weight decay (Loshchilov & Hutter), PyTorch's `AdamW`.
    AdamW { beta1: f64, beta2: f64, eps: f64 },
    /// LAMB (You et al. 2019): Adam direction plus decay, scaled per layer by ||w|| / ||update||
    /// (every tensor, as in the paper: biases and norms included).
    Lamb { beta1: f64, beta2: f64, eps: f64 },
    /// SGD with (heavy-ball) momentum, PyTorch's convention.
    Sgd { momentum: f64 },
    /// LARS (You et al. 2017): momentum SGD with a per-layer local rate
    /// `trust * ||w|| / (||g|| + wd ||w|| + eps)`, on the parameters of adapted groups (not
    /// biases and norms: `ParamGroup::adapt`). The global rate multiplies the buffer when it is
    /// applied, as in PyTorch's SGD (the paper folds it into the buffer: the same at a constant
    /// rate).
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

    /// One update of `p` from its gradient `g` and `state`; `stacked` says the leading dim of
    /// `p` indexes layers.
    pub fn update(
        &self,
        p: &Tensor,
        g: &Tensor,
        state: &[Tensor],
        rate: &StepRate,
        group: &ParamGroup,
        stacked: bool,
    ) -> TraceResult<(Tensor, Vec<Tensor>)> {
        let (lr, t) = (scaled_lr(rate.lr, &group.lr_scale, p)?, rate.t);
        let wd = group.weight_decay;
        match *self {
            Optimizer::AdamW { beta1, beta2, eps } | Optimizer::Lamb { beta1, beta2, eps } => {
                let m = state[0].mul_scalar(beta1)?.add(&g.mul_scalar(1.0 - beta1)?)?;
                let v = state[1].mul_scalar(beta2)?.add(&g.square()?.mul_scalar(1.0 - beta2)?)?;
                let bc1 = one_minus_pow(beta1, t)?;
                let bc2 = one_minus_pow(beta2, t)?;
                let dir = m.div(&bc1)?.div(&v.div(&bc2)?.sqrt()?.add_scalar(eps)?)?;
                let new_p = if matches!(self, Optimizer::AdamW { .. }) {
                    p.sub(&lr.mul(&dir.add(&p.mul_scalar(wd)?)?)?)?
                } else {
                    let u = dir.add(&p.mul_scalar(wd)?)?;
                    p.sub(&lr.mul(&lamb_trust_ratio(p, &u, stacked)?)?.mul(&u)?)?
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
                let d = if group.adapt { d.mul(&lars_local_lr(p, g, wd, stacked, trust, eps)?)? } else { d };
                let buf = state[0].mul_scalar(momentum)?.add(&d)?;
                Ok((p.sub(&lr.mul(&buf)?)?, vec![buf]))
            }
        }
    }
}

/// `1 - base^t` (Adam's bias correction) for a traced step count, without the cancellation of
/// `1 - exp(t ln base)` in f32: with beta2 = 0.999 that form loses 1e-5 of the first steps'
/// corrections (the rounding of `0.999^t` to f32 is 3e-8 of a result of 1e-3). Kahan's
/// `expm1(x) = (u - 1) x / ln(u)`, `u = exp(x)`, keeps `u`'s rounding out: `(u - 1) / ln(u)`
/// varies slowly in `u`. `u - 1` is exact when `u >= 0.5` (and used as is below that, where
/// it is accurate anyway and `ln(u)` may be `-inf`); `u == 1` means `expm1(x) = x` to f32.
fn one_minus_pow(base: f64, t: &Tensor) -> TraceResult<Tensor> {
    let x = t.mul_scalar(base.ln())?;
    let u = x.exp()?;
    let um1 = u.add_scalar(-1.0)?;
    let kahan = um1.mul(&x)?.div(&u.log()?)?;
    let near_one = u.compare(CompareDir::Eq, &u.full_like(1.0))?.select(&x, &kahan)?;
    let expm1 = u.compare(CompareDir::Lt, &u.full_like(0.5))?.select(&um1, &near_one)?;
    expm1.neg()
}

/// The learning rate broadcast against `p`: per layer for stacked parameters.
fn scaled_lr(lr: &Tensor, scale: &LrScale, p: &Tensor) -> TraceResult<Tensor> {
    match scale {
        LrScale::One(s) => lr.mul_scalar(*s),
        LrScale::PerLayer(v) => {
            let g = lr.graph();
            let s = g.constant(v, &[v.len() as i64], DType::F32)?;
            let mut dims = vec![v.len() as i64];
            dims.extend(std::iter::repeat_n(1, p.rank() - 1));
            s.mul(lr)?.reshape(&dims)
        }
    }
}

/// Per-layer L2 norms of `t`, shaped to broadcast against it.
fn layer_norms(t: &Tensor, stacked: bool) -> TraceResult<Tensor> {
    let axes: Vec<usize> = if stacked { (1..t.rank()).collect() } else { (0..t.rank()).collect() };
    t.square()?.sum(&axes, true)?.sqrt()
}

/// LARS's local learning rate as You et al. 2017 (Algorithm 1) define it:
/// `trust * ||w|| / (||g|| + wd ||w||)`, with `eps` added to the denominator and 1 where `||w||`
/// or the denominator is 0. Some later implementations (MoCo v3's, MAE's) divide by
/// `||g + wd w||` instead; the two differ whenever weight decay is on.
fn lars_local_lr(p: &Tensor, g: &Tensor, wd: f64, stacked: bool, trust: f64, eps: f64) -> TraceResult<Tensor> {
    let pn = layer_norms(p, stacked)?;
    let den = layer_norms(g, stacked)?.add(&pn.mul_scalar(wd)?)?;
    let zero = pn.zeros_like();
    let ok = pn.compare(CompareDir::Gt, &zero)?.and(&den.compare(CompareDir::Gt, &zero)?)?;
    let r = pn.div(&den.add_scalar(eps)?)?.mul_scalar(trust)?;
    ok.select(&r, &pn.full_like(1.0))
}

/// LAMB's `||p|| / ||u||` (You et al. 2019, phi = identity; 1 where either norm is 0, so a
/// zero-initialized bias still moves), per layer when stacked; shaped to broadcast against `p`.
fn lamb_trust_ratio(p: &Tensor, u: &Tensor, stacked: bool) -> TraceResult<Tensor> {
    let pn = layer_norms(p, stacked)?;
    let un = layer_norms(u, stacked)?;
    let zero = pn.zeros_like();
    let ok = pn.compare(CompareDir::Gt, &zero)?.and(&un.compare(CompareDir::Gt, &zero)?)?;
    ok.select(&pn.div(&un)?, &pn.full_like(1.0))
}
