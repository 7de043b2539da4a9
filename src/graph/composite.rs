//! Composite ops built from primitives: autodiff goes through them without rules of their own.

use super::error::{TraceError, TraceResult};
use super::ir::{CompareDir, Tensor};
use super::types::DType;

impl Tensor {
    /// Softmax along `axis`; the max is subtracted for range, outside the gradient (softmax is
    /// shift-invariant, so the result and its gradient are unchanged).
    pub fn softmax(&self, axis: usize) -> TraceResult<Tensor> {
        let m = self.max(&[axis], true)?.stop_gradient();
        let e = self.sub(&m)?.exp()?;
        e.div(&e.sum(&[axis], true)?)
    }

    pub fn log_softmax(&self, axis: usize) -> TraceResult<Tensor> {
        let m = self.max(&[axis], true)?.stop_gradient();
        let z = self.sub(&m)?;
        z.sub(&z.exp()?.sum(&[axis], true)?.log()?)
    }

    /// Layer norm over the last axis: `(x - mean) / sqrt(var + eps) * weight + bias`.
    pub fn layer_norm(&self, weight: &Tensor, bias: &Tensor, eps: f64) -> TraceResult<Tensor> {
        let last = self.rank().checked_sub(1).ok_or_else(|| TraceError::new("layer_norm", "scalar input"))?;
        let d = self.dim(last);
        if weight.dims() != [d] || bias.dims() != [d] {
            return Err(TraceError::new(
                "layer_norm",
                format!("weight {} and bias {} must be [{}] for input {}", weight.ty(), bias.ty(), d, self.ty()),
            ));
        }
        let mu = self.mean(&[last], true)?;
        let xc = self.sub(&mu)?;
        let var = xc.square()?.mean(&[last], true)?;
        xc.mul(&var.add_scalar(eps)?.rsqrt()?)?.mul(weight)?.add(bias)
    }

    /// ReLU, `max(x, 0)`; its gradient at exactly 0 is 1, PyTorch's is 0 (a set of measure zero).
    pub fn relu(&self) -> TraceResult<Tensor> {
        self.maximum(&self.zeros_like())
    }

    /// GELU, exact erf form: `x/2 * (1 + erf(x / sqrt 2))`.
    pub fn gelu(&self) -> TraceResult<Tensor> {
        let e = self.mul_scalar(std::f64::consts::FRAC_1_SQRT_2)?.erf()?;
        self.mul_scalar(0.5)?.mul(&e.add_scalar(1.0)?)
    }

    /// OpenAI's quick GELU, `x * sigmoid(1.702 x)`, with the sigmoid as `(1 + tanh(z / 2)) / 2`
    /// (no overflow of `exp(-z)` and a bounded gradient for large |x|).
    pub fn quick_gelu(&self) -> TraceResult<Tensor> {
        let s = self.mul_scalar(1.702 / 2.0)?.tanh()?.add_scalar(1.0)?.mul_scalar(0.5)?;
        self.mul(&s)
    }

    /// One-hot encoding of integer labels along a new last axis of size `classes`.
    pub fn one_hot(&self, classes: i64, dtype: DType) -> TraceResult<Tensor> {
        if !self.dtype().is_int() {
            return Err(TraceError::new("one_hot", format!("labels must be integers, got {}", self.ty())));
        }
        let mut dims = self.dims().to_vec();
        dims.push(classes);
        let iota = self.graph().iota(&dims, dims.len() - 1, self.dtype())?;
        let lab = self.reshape(&[self.dims(), &[1]].concat())?;
        let hit = iota.compare(CompareDir::Eq, &lab)?;
        hit.select(&self.graph().scalar(1.0, dtype), &self.graph().scalar(0.0, dtype))
    }

    /// Mean cross-entropy of logits `[.., C]` against integer labels `[..]`.
    pub fn cross_entropy(&self, labels: &Tensor) -> TraceResult<Tensor> {
        let c = *self.dims().last().ok_or_else(|| TraceError::new("cross_entropy", "scalar logits"))?;
        if labels.dims() != &self.dims()[..self.rank() - 1] {
            return Err(TraceError::new("cross_entropy", format!("labels {} do not match logits {}", labels.ty(), self.ty())));
        }
        self.soft_cross_entropy(&labels.one_hot(c, self.dtype())?)
    }

    /// Mean cross-entropy against target distributions of the logits' shape (label smoothing, mixup).
    pub fn soft_cross_entropy(&self, targets: &Tensor) -> TraceResult<Tensor> {
        if targets.dims() != self.dims() {
            return Err(TraceError::new("cross_entropy", format!("targets {} do not match logits {}", targets.ty(), self.ty())));
        }
        let last = self.rank() - 1;
        let (logits, targets) = (self.at_least_f32()?, targets.at_least_f32()?);
        let nll = logits.log_softmax(last)?.mul(&targets)?.sum(&[last], false)?.neg()?;
        nll.mean_all()
    }

    /// This tensor in f32 if it is a 16-bit float, else itself: losses are reduced in f32 under
    /// bf16 compute (a bf16 sum over a batch loses about a percent, as mixed-precision training
    /// everywhere avoids).
    pub fn at_least_f32(&self) -> TraceResult<Tensor> {
        match self.dtype() {
            DType::BF16 | DType::F16 => self.convert(DType::F32),
            _ => Ok(self.clone()),
        }
    }
}
