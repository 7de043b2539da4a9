//! Learning-rate schedules as functions of the (traced) step counter.

use crate::graph::{CompareDir, DType, Tensor, TraceResult};

/// In JSON (a run's `config.json`), tagged by `name`: `{"name": "warmup_cosine", "lr": ...}`.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "name", rename_all = "snake_case")]
pub enum Schedule {
    Constant {
        lr: f64,
    },
    /// Linear warmup from 0 to `lr` over `warmup` steps, then half-cosine down to `min_lr` at `total`
    /// (MAE, ViT).
    WarmupCosine {
        lr: f64,
        warmup: u64,
        total: u64,
        min_lr: f64,
    },
    /// Linear warmup, then linear decay to 0 at `total` (BERT).
    WarmupLinear {
        lr: f64,
        warmup: u64,
        total: u64,
    },
}

impl Schedule {
    /// The rate for 0-based `step` (an i32 scalar); f32 result.
    pub fn at(&self, step: &Tensor) -> TraceResult<Tensor> {
        let g = step.graph();
        let s = step.convert(DType::F32)?;
        let c = |v: f64| g.scalar(v, DType::F32);
        match *self {
            Schedule::Constant { lr } => Ok(c(lr)),
            Schedule::WarmupCosine { lr, warmup, total, min_lr } => {
                let warm = s.add_scalar(1.0)?.div_scalar(warmup.max(1) as f64)?.mul_scalar(lr)?;
                let span = (total.saturating_sub(warmup)).max(1) as f64;
                // 0.5 (1 + cos(pi p)) as sin^2(pi (1 - p) / 2): the same value, without the
                // cancellation of 1 + cos near the end (1e-6 of the rate lost in f32 there).
                // The remaining fraction 1 - p is an exact integer count over the span.
                let remaining = c(warmup as f64 + span).sub(&s)?.div_scalar(span)?.minimum(&c(1.0))?.maximum(&c(0.0))?;
                let sin = remaining.mul_scalar(std::f64::consts::FRAC_PI_2)?.sin()?;
                let cos = sin.mul(&sin)?.mul_scalar(lr - min_lr)?.add_scalar(min_lr)?;
                s.compare(CompareDir::Lt, &c(warmup as f64))?.select(&warm, &cos)
            }
            Schedule::WarmupLinear { lr, warmup, total } => {
                let warm = s.add_scalar(1.0)?.div_scalar(warmup.max(1) as f64)?.mul_scalar(lr)?;
                let span = (total.saturating_sub(warmup)).max(1) as f64;
                let decay = c(total as f64).sub(&s)?.div_scalar(span)?.maximum(&c(0.0))?.mul_scalar(lr)?;
                s.compare(CompareDir::Lt, &c(warmup as f64))?.select(&warm, &decay)
            }
        }
    }

    /// The same rate on the host, for logs and tests.
    pub fn host(&self, step: u64) -> f64 {
        let s = step as f64;
        match *self {
            Schedule::Constant { lr } => lr,
            Schedule::WarmupCosine { lr, warmup, total, min_lr } => {
                if step < warmup {
                    lr * (s + 1.0) / warmup.max(1) as f64
                } else {
                    let p = ((s - warmup as f64) / (total.saturating_sub(warmup)).max(1) as f64).min(1.0);
                    min_lr + 0.5 * (lr - min_lr) * (1.0 + (std::f64::consts::PI * p).cos())
                }
            }
            Schedule::WarmupLinear { lr, warmup, total } => {
                if step < warmup {
                    lr * (s + 1.0) / warmup.max(1) as f64
                } else {
                    lr * ((total as f64 - s) / (total.saturating_sub(warmup)).max(1) as f64).max(0.0)
                }
            }
        }
    }
}
