//! Op methods on `Tensor`: each checks shapes and dtypes, then appends one node.
//!
//! Elementwise binary ops broadcast numpy-style, but the broadcast is made explicit in the IR
//! (`broadcast_in_dim`), so lowering and autodiff only ever see equal shapes.

use super::error::{TraceError, TraceResult};
use super::ir::*;
use super::types::{DType, TensorType};

fn err<T>(op: &str, msg: impl Into<String>) -> TraceResult<T> {
    Err(TraceError::new(op, msg))
}

fn check_axes(op: &str, axes: &[usize], rank: usize, ty: &TensorType) -> TraceResult<()> {
    for (i, &a) in axes.iter().enumerate() {
        if a >= rank {
            return err(op, format!("axis {} out of range for {}", a, ty));
        }
        if axes[..i].contains(&a) {
            return err(op, format!("axis {} repeated in {:?}", a, axes));
        }
    }
    Ok(())
}

/// Numpy broadcasting of two shapes.
pub fn broadcast_shapes(op: &str, a: &TensorType, b: &TensorType) -> TraceResult<Vec<i64>> {
    let rank = a.rank().max(b.rank());
    let mut out = vec![0; rank];
    for (i, o) in out.iter_mut().enumerate() {
        let da = if i + a.rank() >= rank { a.dims[i + a.rank() - rank] } else { 1 };
        let db = if i + b.rank() >= rank { b.dims[i + b.rank() - rank] } else { 1 };
        *o = if da == db || db == 1 {
            da
        } else if da == 1 {
            db
        } else {
            return err(op, format!("shapes {} and {} do not broadcast", a, b));
        };
    }
    Ok(out)
}

impl Tensor {
    fn same_graph(&self, op: &str, other: &Tensor) -> TraceResult<()> {
        if !self.g.same(&other.g) {
            return err(op, "operands come from different graphs (a scan body must take values as explicit inputs)");
        }
        Ok(())
    }

    fn push(&self, op: Op, inputs: Vec<NodeId>, ty: TensorType) -> Tensor {
        self.g.push(op, inputs, ty)
    }

    /// A scalar constant of this tensor's dtype, broadcast to `dims`.
    pub fn full_like(&self, value: f64) -> Tensor {
        self.g.splat(value, &self.ty.dims, self.ty.dtype)
    }

    pub fn zeros_like(&self) -> Tensor {
        self.full_like(0.0)
    }

    // ---- elementwise -------------------------------------------------------------------------

    pub fn unary(&self, u: UnaryOp) -> TraceResult<Tensor> {
        let dt = self.dtype();
        let ok = match u {
            UnaryOp::Not => dt == DType::Pred || dt.is_int(),
            UnaryOp::Neg | UnaryOp::Abs | UnaryOp::Sign => dt.is_float() || dt == DType::I32 || dt == DType::I64,
            _ => dt.is_float(),
        };
        if !ok {
            return err(&Op::Unary(u).name(), format!("not defined for {}", self.ty));
        }
        Ok(self.push(Op::Unary(u), vec![self.id], self.ty.clone()))
    }

    pub fn neg(&self) -> TraceResult<Tensor> {
        self.unary(UnaryOp::Neg)
    }
    pub fn exp(&self) -> TraceResult<Tensor> {
        self.unary(UnaryOp::Exp)
    }
    pub fn log(&self) -> TraceResult<Tensor> {
        self.unary(UnaryOp::Log)
    }
    pub fn tanh(&self) -> TraceResult<Tensor> {
        self.unary(UnaryOp::Tanh)
    }
    pub fn erf(&self) -> TraceResult<Tensor> {
        self.unary(UnaryOp::Erf)
    }
    pub fn rsqrt(&self) -> TraceResult<Tensor> {
        self.unary(UnaryOp::Rsqrt)
    }
    pub fn sqrt(&self) -> TraceResult<Tensor> {
        self.unary(UnaryOp::Sqrt)
    }
    pub fn abs(&self) -> TraceResult<Tensor> {
        self.unary(UnaryOp::Abs)
    }
    pub fn sign(&self) -> TraceResult<Tensor> {
        self.unary(UnaryOp::Sign)
    }
    pub fn not(&self) -> TraceResult<Tensor> {
        self.unary(UnaryOp::Not)
    }
    pub fn floor(&self) -> TraceResult<Tensor> {
        self.unary(UnaryOp::Floor)
    }
    pub fn sin(&self) -> TraceResult<Tensor> {
        self.unary(UnaryOp::Sin)
    }
    pub fn cos(&self) -> TraceResult<Tensor> {
        self.unary(UnaryOp::Cos)
    }

    /// Broadcasts both operands to a common shape, then applies `b`.
    pub fn binary(&self, b: BinaryOp, rhs: &Tensor) -> TraceResult<Tensor> {
        let name = Op::Binary(b).name();
        self.same_graph(&name, rhs)?;
        if self.dtype() != rhs.dtype() {
            return err(&name, format!("dtypes differ: {} and {}", self.ty, rhs.ty));
        }
        let dt = self.dtype();
        let ok = match b {
            BinaryOp::And | BinaryOp::Or | BinaryOp::Xor => dt == DType::Pred || dt.is_int(),
            BinaryOp::ShiftLeft | BinaryOp::ShiftRightLogical => dt.is_int(),
            BinaryOp::Pow => dt.is_float(),
            _ => dt != DType::Pred,
        };
        if !ok {
            return err(&name, format!("not defined for {}", self.ty));
        }
        let dims = broadcast_shapes(&name, &self.ty, &rhs.ty)?;
        let l = self.broadcast_to(&dims)?;
        let r = rhs.broadcast_to(&dims)?;
        Ok(self.push(Op::Binary(b), vec![l.id, r.id], TensorType::new(&dims, dt)))
    }

    pub fn add(&self, r: &Tensor) -> TraceResult<Tensor> {
        self.binary(BinaryOp::Add, r)
    }
    pub fn sub(&self, r: &Tensor) -> TraceResult<Tensor> {
        self.binary(BinaryOp::Sub, r)
    }
    pub fn mul(&self, r: &Tensor) -> TraceResult<Tensor> {
        self.binary(BinaryOp::Mul, r)
    }
    pub fn div(&self, r: &Tensor) -> TraceResult<Tensor> {
        self.binary(BinaryOp::Div, r)
    }
    pub fn maximum(&self, r: &Tensor) -> TraceResult<Tensor> {
        self.binary(BinaryOp::Max, r)
    }
    pub fn minimum(&self, r: &Tensor) -> TraceResult<Tensor> {
        self.binary(BinaryOp::Min, r)
    }
    pub fn pow(&self, r: &Tensor) -> TraceResult<Tensor> {
        self.binary(BinaryOp::Pow, r)
    }
    pub fn and(&self, r: &Tensor) -> TraceResult<Tensor> {
        self.binary(BinaryOp::And, r)
    }
    pub fn or(&self, r: &Tensor) -> TraceResult<Tensor> {
        self.binary(BinaryOp::Or, r)
    }
    pub fn xor(&self, r: &Tensor) -> TraceResult<Tensor> {
        self.binary(BinaryOp::Xor, r)
    }
    pub fn shift_left(&self, r: &Tensor) -> TraceResult<Tensor> {
        self.binary(BinaryOp::ShiftLeft, r)
    }
    pub fn shift_right_logical(&self, r: &Tensor) -> TraceResult<Tensor> {
        self.binary(BinaryOp::ShiftRightLogical, r)
    }
    pub fn rem(&self, r: &Tensor) -> TraceResult<Tensor> {
        self.binary(BinaryOp::Rem, r)
    }

    /// `self op c` for a constant `c` of this tensor's dtype.
    pub fn add_scalar(&self, c: f64) -> TraceResult<Tensor> {
        self.add(&self.g.scalar(c, self.dtype()))
    }
    pub fn mul_scalar(&self, c: f64) -> TraceResult<Tensor> {
        self.mul(&self.g.scalar(c, self.dtype()))
    }
    pub fn div_scalar(&self, c: f64) -> TraceResult<Tensor> {
        self.div(&self.g.scalar(c, self.dtype()))
    }
    pub fn pow_scalar(&self, c: f64) -> TraceResult<Tensor> {
        self.pow(&self.g.scalar(c, self.dtype()))
    }
    pub fn square(&self) -> TraceResult<Tensor> {
        self.mul(self)
    }

    pub fn compare(&self, dir: CompareDir, rhs: &Tensor) -> TraceResult<Tensor> {
        let name = Op::Compare(dir).name();
        self.same_graph(&name, rhs)?;
        if self.dtype() != rhs.dtype() {
            return err(&name, format!("dtypes differ: {} and {}", self.ty, rhs.ty));
        }
        let dims = broadcast_shapes(&name, &self.ty, &rhs.ty)?;
        let l = self.broadcast_to(&dims)?;
        let r = rhs.broadcast_to(&dims)?;
        Ok(self.push(Op::Compare(dir), vec![l.id, r.id], TensorType::new(&dims, DType::Pred)))
    }

    /// `where(self, on_true, on_false)`; `self` is a predicate, all three broadcast together.
    pub fn select(&self, on_true: &Tensor, on_false: &Tensor) -> TraceResult<Tensor> {
        self.same_graph("select", on_true)?;
        self.same_graph("select", on_false)?;
        if self.dtype() != DType::Pred {
            return err("select", format!("predicate must be i1, got {}", self.ty));
        }
        if on_true.dtype() != on_false.dtype() {
            return err("select", format!("branches differ: {} and {}", on_true.ty, on_false.ty));
        }
        let dims = broadcast_shapes("select", &on_true.ty, &on_false.ty)?;
        let dims = broadcast_shapes("select", &self.ty, &TensorType::new(&dims, DType::Pred))?;
        let p = self.broadcast_to(&dims)?;
        let t = on_true.broadcast_to(&dims)?;
        let f = on_false.broadcast_to(&dims)?;
        Ok(self.push(Op::Select, vec![p.id, t.id, f.id], TensorType::new(&dims, on_true.dtype())))
    }

    pub fn convert(&self, dtype: DType) -> TraceResult<Tensor> {
        if dtype == self.dtype() {
            return Ok(self.clone());
        }
        Ok(self.push(Op::Convert, vec![self.id], TensorType::new(&self.ty.dims, dtype)))
    }

    pub fn stop_gradient(&self) -> Tensor {
        self.push(Op::StopGradient, vec![self.id], self.ty.clone())
    }

    // ---- shape ops ---------------------------------------------------------------------------

    /// `broadcast_in_dim`: operand dim i becomes output dim `dims[i]`.
    pub fn broadcast_in_dim(&self, out_dims: &[i64], dims: &[usize]) -> TraceResult<Tensor> {
        if dims.len() != self.rank() {
            return err("broadcast_in_dim", format!("{} mapped dims for {}", dims.len(), self.ty));
        }
        for (i, &d) in dims.iter().enumerate() {
            if d >= out_dims.len() || (i > 0 && dims[i - 1] >= d) {
                return err("broadcast_in_dim", format!("bad dims {:?} for {} -> {:?}", dims, self.ty, out_dims));
            }
            if self.ty.dims[i] != 1 && self.ty.dims[i] != out_dims[d] {
                return err("broadcast_in_dim", format!("{} cannot broadcast to {:?} via {:?}", self.ty, out_dims, dims));
            }
        }
        if out_dims == self.dims() {
            return Ok(self.clone());
        }
        Ok(self.push(Op::BroadcastInDim { dims: dims.to_vec() }, vec![self.id], TensorType::new(out_dims, self.dtype())))
    }

    /// Numpy-style broadcast (trailing dims aligned).
    pub fn broadcast_to(&self, out_dims: &[i64]) -> TraceResult<Tensor> {
        if out_dims.len() < self.rank() {
            return err("broadcast", format!("cannot broadcast {} to lower rank {:?}", self.ty, out_dims));
        }
        let off = out_dims.len() - self.rank();
        let dims: Vec<usize> = (0..self.rank()).map(|i| i + off).collect();
        self.broadcast_in_dim(out_dims, &dims)
    }

    pub fn reshape(&self, dims: &[i64]) -> TraceResult<Tensor> {
        let mut dims = dims.to_vec();
        let known: i64 = dims.iter().filter(|&&d| d != -1).product();
        let holes = dims.iter().filter(|&&d| d == -1).count();
        if holes > 1 || (holes == 1 && (known == 0 || self.elem_count() % known != 0)) {
            return err("reshape", format!("cannot reshape {} to {:?}", self.ty, dims));
        }
        if holes == 1 {
            let fill = self.elem_count() / known;
            for d in dims.iter_mut() {
                if *d == -1 {
                    *d = fill;
                }
            }
        }
        let ty = TensorType::new(&dims, self.dtype());
        if ty.elem_count() != self.elem_count() || dims.iter().any(|&d| d < 0) {
            return err("reshape", format!("cannot reshape {} to {:?}", self.ty, dims));
        }
        if dims == self.ty.dims {
            return Ok(self.clone());
        }
        Ok(self.push(Op::Reshape, vec![self.id], ty))
    }

    pub fn transpose(&self, perm: &[usize]) -> TraceResult<Tensor> {
        if perm.len() != self.rank() {
            return err("transpose", format!("permutation {:?} for {}", perm, self.ty));
        }
        check_axes("transpose", perm, self.rank(), &self.ty)?;
        if perm.iter().enumerate().all(|(i, &p)| i == p) {
            return Ok(self.clone());
        }
        let dims: Vec<i64> = perm.iter().map(|&p| self.ty.dims[p]).collect();
        Ok(self.push(Op::Transpose { perm: perm.to_vec() }, vec![self.id], TensorType::new(&dims, self.dtype())))
    }

    /// Swaps two axes.
    pub fn swap_axes(&self, a: usize, b: usize) -> TraceResult<Tensor> {
        let mut perm: Vec<usize> = (0..self.rank()).collect();
        if a >= self.rank() || b >= self.rank() {
            return err("swap_axes", format!("axes {} and {} for {}", a, b, self.ty));
        }
        perm.swap(a, b);
        self.transpose(&perm)
    }

    pub fn slice(&self, start: &[i64], limit: &[i64], stride: &[i64]) -> TraceResult<Tensor> {
        let r = self.rank();
        if start.len() != r || limit.len() != r || stride.len() != r {
            return err("slice", format!("index lists of wrong length for {}", self.ty));
        }
        let mut dims = Vec::with_capacity(r);
        for i in 0..r {
            if start[i] < 0 || start[i] > limit[i] || limit[i] > self.ty.dims[i] || stride[i] < 1 {
                return err("slice", format!("[{}:{}:{}] out of range on axis {} of {}", start[i], limit[i], stride[i], i, self.ty));
            }
            dims.push((limit[i] - start[i] + stride[i] - 1) / stride[i]);
        }
        Ok(self.push(
            Op::Slice { start: start.to_vec(), limit: limit.to_vec(), stride: stride.to_vec() },
            vec![self.id],
            TensorType::new(&dims, self.dtype()),
        ))
    }

    /// `x[.., start:end, ..]` on one axis.
    pub fn slice_axis(&self, axis: usize, start: i64, end: i64) -> TraceResult<Tensor> {
        if axis >= self.rank() {
            return err("slice", format!("axis {} out of range for {}", axis, self.ty));
        }
        let mut s = vec![0; self.rank()];
        let mut l = self.ty.dims.clone();
        s[axis] = start;
        l[axis] = end;
        self.slice(&s, &l, &vec![1; self.rank()])
    }

    pub fn concat(parts: &[Tensor], axis: usize) -> TraceResult<Tensor> {
        let first = parts.first().ok_or_else(|| TraceError::new("concatenate", "no operands"))?;
        if axis >= first.rank() {
            return err("concatenate", format!("axis {} out of range for {}", axis, first.ty));
        }
        let mut dims = first.ty.dims.clone();
        dims[axis] = 0;
        for p in parts {
            first.same_graph("concatenate", p)?;
            let ok = p.rank() == first.rank()
                && p.dtype() == first.dtype()
                && (0..p.rank()).all(|i| i == axis || p.ty.dims[i] == first.ty.dims[i]);
            if !ok {
                return err("concatenate", format!("{} does not match {} off axis {}", p.ty, first.ty, axis));
            }
            dims[axis] += p.ty.dims[axis];
        }
        if parts.len() == 1 {
            return Ok(first.clone());
        }
        Ok(first.push(Op::Concatenate { axis }, parts.iter().map(|p| p.id).collect(), TensorType::new(&dims, first.dtype())))
    }

    /// Pads with `value` (low and high may be negative, as in StableHLO).
    pub fn pad(&self, value: &Tensor, low: &[i64], high: &[i64], interior: &[i64]) -> TraceResult<Tensor> {
        let r = self.rank();
        if low.len() != r || high.len() != r || interior.len() != r || value.rank() != 0 || value.dtype() != self.dtype() {
            return err("pad", format!("bad padding {:?}/{:?}/{:?} or value {} for {}", low, high, interior, value.ty, self.ty));
        }
        let dims: Vec<i64> = (0..r)
            .map(|i| {
                let d = self.ty.dims[i];
                low[i] + high[i] + d + (d - 1).max(0) * interior[i]
            })
            .collect();
        if dims.iter().any(|&d| d < 0) || interior.iter().any(|&i| i < 0) {
            return err("pad", format!("padding gives negative size {:?} for {}", dims, self.ty));
        }
        Ok(self.push(
            Op::Pad { low: low.to_vec(), high: high.to_vec(), interior: interior.to_vec() },
            vec![self.id, value.id],
            TensorType::new(&dims, self.dtype()),
        ))
    }

    // ---- contractions and reductions ---------------------------------------------------------

    /// `dot_general`. Result dims: batch, lhs free, rhs free (StableHLO's order).
    pub fn dot_general(&self, rhs: &Tensor, d: DotDims) -> TraceResult<Tensor> {
        self.same_graph("dot_general", rhs)?;
        let bad = |m: String| err("dot_general", format!("{} (lhs {}, rhs {}, dims {:?})", m, self.ty, rhs.ty, d));
        if self.dtype() != rhs.dtype() {
            return bad("dtypes differ".into());
        }
        if d.lhs_batch.len() != d.rhs_batch.len() || d.lhs_contract.len() != d.rhs_contract.len() {
            return bad("unpaired dimensions".into());
        }
        let dim = |t: &Tensor, a: i64| -> Option<i64> { t.ty.dims.get(a as usize).copied() };
        for (a, b) in d.lhs_batch.iter().zip(&d.rhs_batch).chain(d.lhs_contract.iter().zip(&d.rhs_contract)) {
            match (dim(self, *a), dim(rhs, *b)) {
                (Some(x), Some(y)) if x == y => {}
                _ => return bad(format!("dimension {} of lhs does not match dimension {} of rhs", a, b)),
            }
        }
        let mut dims: Vec<i64> = d.lhs_batch.iter().map(|&a| self.ty.dims[a as usize]).collect();
        for (i, &s) in self.ty.dims.iter().enumerate() {
            if !d.lhs_batch.contains(&(i as i64)) && !d.lhs_contract.contains(&(i as i64)) {
                dims.push(s);
            }
        }
        for (i, &s) in rhs.ty.dims.iter().enumerate() {
            if !d.rhs_batch.contains(&(i as i64)) && !d.rhs_contract.contains(&(i as i64)) {
                dims.push(s);
            }
        }
        Ok(self.push(Op::DotGeneral(d), vec![self.id, rhs.id], TensorType::new(&dims, self.dtype())))
    }

    /// Matrix product over the last axis of `self` and the first of a 2-D `rhs`
    /// (`[..., k] x [k, n]`), or a batched product of equal-rank operands (`[b.., m, k] x [b.., k, n]`).
    pub fn matmul(&self, rhs: &Tensor) -> TraceResult<Tensor> {
        let (lr, rr) = (self.rank(), rhs.rank());
        if lr == 0 || rr == 0 {
            return err("matmul", format!("scalar operand: {} x {}", self.ty, rhs.ty));
        }
        if rr <= 2 && (lr != rr || lr <= 2) {
            let d = DotDims { lhs_batch: vec![], rhs_batch: vec![], lhs_contract: vec![lr as i64 - 1], rhs_contract: vec![0] };
            return self.dot_general(rhs, d);
        }
        if lr != rr {
            return err("matmul", format!("batched operands of different rank: {} x {}", self.ty, rhs.ty));
        }
        let batch: Vec<i64> = (0..lr as i64 - 2).collect();
        let d =
            DotDims { lhs_batch: batch.clone(), rhs_batch: batch, lhs_contract: vec![lr as i64 - 1], rhs_contract: vec![rr as i64 - 2] };
        self.dot_general(rhs, d)
    }

    pub fn reduce(&self, kind: ReduceKind, axes: &[usize]) -> TraceResult<Tensor> {
        let name = format!("reduce_{:?}", kind).to_lowercase();
        check_axes(&name, axes, self.rank(), &self.ty)?;
        if self.dtype() == DType::Pred {
            return err(&name, format!("not defined for {}", self.ty));
        }
        let mut sorted = axes.to_vec();
        sorted.sort();
        let dims: Vec<i64> = self.ty.dims.iter().enumerate().filter(|(i, _)| !sorted.contains(i)).map(|(_, &d)| d).collect();
        if sorted.is_empty() {
            return Ok(self.clone());
        }
        Ok(self.push(Op::Reduce { kind, axes: sorted }, vec![self.id], TensorType::new(&dims, self.dtype())))
    }

    /// Reduces, then re-inserts the reduced axes with size 1 when `keep` is set.
    fn reduce_keep(&self, kind: ReduceKind, axes: &[usize], keep: bool) -> TraceResult<Tensor> {
        let r = self.reduce(kind, axes)?;
        if !keep {
            return Ok(r);
        }
        let dims: Vec<i64> = self.ty.dims.iter().enumerate().map(|(i, &d)| if axes.contains(&i) { 1 } else { d }).collect();
        r.reshape(&dims)
    }

    pub fn sum(&self, axes: &[usize], keep: bool) -> TraceResult<Tensor> {
        self.reduce_keep(ReduceKind::Sum, axes, keep)
    }
    pub fn max(&self, axes: &[usize], keep: bool) -> TraceResult<Tensor> {
        self.reduce_keep(ReduceKind::Max, axes, keep)
    }
    pub fn min(&self, axes: &[usize], keep: bool) -> TraceResult<Tensor> {
        self.reduce_keep(ReduceKind::Min, axes, keep)
    }

    pub fn mean(&self, axes: &[usize], keep: bool) -> TraceResult<Tensor> {
        let n: i64 = axes.iter().map(|&a| self.ty.dims.get(a).copied().unwrap_or(1)).product();
        self.sum(axes, keep)?.div_scalar(n as f64)
    }

    /// Sum of every element, as a scalar.
    pub fn sum_all(&self) -> TraceResult<Tensor> {
        let axes: Vec<usize> = (0..self.rank()).collect();
        self.sum(&axes, false)
    }

    pub fn mean_all(&self) -> TraceResult<Tensor> {
        self.sum_all()?.div_scalar(self.elem_count() as f64)
    }

    // ---- indexing ----------------------------------------------------------------------------

    /// General `stablehlo.gather` (no operand batching dims).
    pub fn gather(&self, indices: &Tensor, dims: GatherDims, slice_sizes: &[i64]) -> TraceResult<Tensor> {
        self.same_graph("gather", indices)?;
        let ty = gather_type(&self.ty, &indices.ty, &dims, slice_sizes)?;
        Ok(self.push(Op::Gather { dims, slice_sizes: slice_sizes.to_vec() }, vec![self.id, indices.id], ty))
    }

    /// `stablehlo.scatter` with an add combiner: the transpose of `gather`.
    pub fn scatter_add(&self, indices: &Tensor, updates: &Tensor, dims: GatherDims) -> TraceResult<Tensor> {
        self.same_graph("scatter_add", indices)?;
        self.same_graph("scatter_add", updates)?;
        if updates.dtype() != self.dtype() || !indices.dtype().is_int() {
            return err("scatter_add", format!("operand {}, indices {}, updates {}", self.ty, indices.ty, updates.ty));
        }
        // The updates must look like what a gather with these dimension numbers would produce.
        let mut slice_sizes = self.ty.dims.clone();
        let window: Vec<i64> = dims.offset_dims.iter().map(|&d| updates.ty.dims.get(d as usize).copied().unwrap_or(-1)).collect();
        let mut w = window.iter();
        for (i, s) in slice_sizes.iter_mut().enumerate() {
            if dims.collapsed_slice_dims.contains(&(i as i64)) {
                *s = 1;
            } else {
                *s = *w.next().unwrap_or(&-1);
            }
        }
        let expect = gather_type(&self.ty, &indices.ty, &dims, &slice_sizes).map_err(|e| TraceError::new("scatter_add", e.message))?;
        if expect.dims != updates.ty.dims {
            return err("scatter_add", format!("updates {} do not fit operand {} and indices {}", updates.ty, self.ty, indices.ty));
        }
        Ok(self.push(Op::ScatterAdd { dims }, vec![self.id, indices.id, updates.id], self.ty.clone()))
    }

    /// Rows of a table: `self` is `[V, D...]`, `indices` any integer shape; result `[indices.., D...]`.
    pub fn take_rows(&self, indices: &Tensor) -> TraceResult<Tensor> {
        if self.rank() == 0 || !indices.dtype().is_int() {
            return err("take_rows", format!("table {} indexed by {}", self.ty, indices.ty));
        }
        let ir = indices.rank() as i64;
        let dims = GatherDims {
            offset_dims: (ir..ir + self.rank() as i64 - 1).collect(),
            collapsed_slice_dims: vec![0],
            start_index_map: vec![0],
            index_vector_dim: ir,
        };
        let mut sizes = self.ty.dims.clone();
        sizes[0] = 1;
        self.gather(indices, dims, &sizes)
    }

    /// `take_along_axis` for `self` of shape `[B, N, ...]` and indices `[B, K]` on axis 1:
    /// result `[B, K, ...]`. This is how MAE keeps and restores patches.
    pub fn take_along_axis1(&self, indices: &Tensor) -> TraceResult<Tensor> {
        if self.rank() < 2 || indices.rank() != 2 || indices.dim(0) != self.dim(0) || !indices.dtype().is_int() {
            return err("take_along_axis1", format!("operand {} with indices {}", self.ty, indices.ty));
        }
        let (b, k) = (indices.dim(0), indices.dim(1));
        let dt = indices.dtype();
        let batch = self.g.iota(&[b, k, 1], 0, dt)?;
        let idx = Tensor::concat(&[batch, indices.reshape(&[b, k, 1])?], 2)?;
        let r = self.rank() as i64;
        let dims = GatherDims {
            offset_dims: (2..r).collect(),
            collapsed_slice_dims: vec![0, 1],
            start_index_map: vec![0, 1],
            index_vector_dim: 2,
        };
        let mut sizes = self.ty.dims.clone();
        sizes[0] = 1;
        sizes[1] = 1;
        self.gather(&idx, dims, &sizes)
    }

    /// Permutation that sorts `self` along `axis` (stable), as i32.
    pub fn argsort(&self, axis: usize, descending: bool) -> TraceResult<Tensor> {
        if axis >= self.rank() || self.dtype() == DType::Pred {
            return err("argsort", format!("axis {} of {}", axis, self.ty));
        }
        Ok(self.push(Op::ArgSort { axis, descending }, vec![self.id], TensorType::new(&self.ty.dims, DType::I32)))
    }

    /// `dynamic_slice` with one scalar integer start per axis.
    pub fn dynamic_slice(&self, starts: &[Tensor], sizes: &[i64]) -> TraceResult<Tensor> {
        if starts.len() != self.rank() || sizes.len() != self.rank() {
            return err("dynamic_slice", format!("{} starts and {} sizes for {}", starts.len(), sizes.len(), self.ty));
        }
        for (i, s) in starts.iter().enumerate() {
            self.same_graph("dynamic_slice", s)?;
            if s.rank() != 0 || !s.dtype().is_int() || sizes[i] > self.ty.dims[i] || sizes[i] < 0 {
                return err("dynamic_slice", format!("start {} / size {} on axis {} of {}", s.ty, sizes[i], i, self.ty));
            }
        }
        let mut inputs = vec![self.id];
        inputs.extend(starts.iter().map(|s| s.id));
        Ok(self.push(Op::DynamicSlice { sizes: sizes.to_vec() }, inputs, TensorType::new(sizes, self.dtype())))
    }

    pub fn dynamic_update_slice(&self, update: &Tensor, starts: &[Tensor]) -> TraceResult<Tensor> {
        self.same_graph("dynamic_update_slice", update)?;
        if starts.len() != self.rank()
            || update.rank() != self.rank()
            || update.dtype() != self.dtype()
            || update.ty.dims.iter().zip(&self.ty.dims).any(|(u, o)| u > o)
        {
            return err("dynamic_update_slice", format!("update {} into {}", update.ty, self.ty));
        }
        let mut inputs = vec![self.id, update.id];
        for s in starts {
            self.same_graph("dynamic_update_slice", s)?;
            if s.rank() != 0 || !s.dtype().is_int() {
                return err("dynamic_update_slice", format!("start index {} is not an integer scalar", s.ty));
            }
            inputs.push(s.id);
        }
        Ok(self.push(Op::DynamicUpdateSlice, inputs, self.ty.clone()))
    }

    /// Cross-replica reduction within each group of replica ids.
    pub fn all_reduce(&self, kind: ReduceKind, groups: &[Vec<i64>]) -> TraceResult<Tensor> {
        let n = groups.first().map(|g| g.len()).unwrap_or(0);
        if n == 0 || groups.iter().any(|g| g.len() != n) {
            return err("all_reduce", format!("replica groups {:?} must be non-empty and of equal size", groups));
        }
        Ok(self.push(Op::AllReduce { kind, groups: groups.to_vec() }, vec![self.id], self.ty.clone()))
    }
}

pub(crate) fn gather_type(op: &TensorType, idx: &TensorType, d: &GatherDims, sizes: &[i64]) -> TraceResult<TensorType> {
    let bad = |m: &str| err("gather", format!("{} (operand {}, indices {}, {:?}, slice_sizes {:?})", m, op, idx, d, sizes));
    if !idx.dtype.is_int() {
        return bad("indices must be integers");
    }
    if sizes.len() != op.rank() {
        return bad("one slice size per operand dim needed");
    }
    if sizes.iter().zip(&op.dims).any(|(s, o)| *s < 0 || s > o) {
        return bad("slice larger than operand");
    }
    let ivd = d.index_vector_dim as usize;
    if ivd > idx.rank() {
        return bad("index_vector_dim out of range");
    }
    let vec_len = if ivd == idx.rank() { 1 } else { idx.dims[ivd] };
    if vec_len as usize != d.start_index_map.len() {
        return bad("index vector length differs from start_index_map");
    }
    for &c in &d.collapsed_slice_dims {
        if sizes.get(c as usize) != Some(&1) {
            return bad("collapsed dims must have slice size 1");
        }
    }
    let batch: Vec<i64> = idx.dims.iter().enumerate().filter(|(i, _)| *i != ivd).map(|(_, &s)| s).collect();
    let offs: Vec<i64> =
        sizes.iter().enumerate().filter(|(i, _)| !d.collapsed_slice_dims.contains(&(*i as i64))).map(|(_, &s)| s).collect();
    if offs.len() != d.offset_dims.len() {
        return bad("offset_dims count differs from the uncollapsed slice dims");
    }
    let rank = batch.len() + offs.len();
    let (mut bi, mut oi) = (batch.iter(), offs.iter());
    let mut dims = Vec::with_capacity(rank);
    for i in 0..rank {
        if d.offset_dims.contains(&(i as i64)) {
            dims.push(*oi.next().unwrap());
        } else {
            match bi.next() {
                Some(&b) => dims.push(b),
                None => return bad("offset_dims out of range"),
            }
        }
    }
    Ok(TensorType::new(&dims, op.dtype))
}
