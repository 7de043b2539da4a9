//! Lowering: the traced graph to StableHLO text in the generic op form.
//!
//! The generic form (`"stablehlo.add"(%a, %b) : (...) -> ...`) parses on every StableHLO version
//! the plugins carry; dimension lists use `array<i64: ...>`. Only nodes reachable from the
//! outputs are emitted, and a scan's saved-carry results are built only when used.

use std::fmt::Write;

use super::ir::*;
use super::scan::ScanSpec;
use super::types::{DType, TensorType};

/// Marks the nodes of `g` that `outputs` depend on.
pub fn reachable(g: &Graph, outputs: &[NodeId]) -> Vec<bool> {
    let data = g.0.borrow();
    let mut live = vec![false; data.nodes.len()];
    for &o in outputs {
        live[o] = true;
    }
    for id in (0..data.nodes.len()).rev() {
        if live[id] {
            for &i in &data.nodes[id].inputs {
                live[i] = true;
            }
        }
    }
    live
}

/// Writes SSA values with globally unique names, so nested regions never shadow.
pub(crate) struct Emitter {
    out: String,
    next: usize,
}

fn list(v: &[i64]) -> String {
    v.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")
}

fn arr(v: &[i64]) -> String {
    if v.is_empty() {
        "array<i64>".to_string()
    } else {
        format!("array<i64: {}>", list(v))
    }
}

fn arr_usize(v: &[usize]) -> String {
    arr(&v.iter().map(|&x| x as i64).collect::<Vec<_>>())
}

fn types(ts: &[TensorType]) -> String {
    ts.iter().map(|t| t.mlir()).collect::<Vec<_>>().join(", ")
}

/// A splat value as MLIR accepts it: floats as their bit pattern in hex (covers inf and nan).
fn splat_literal(v: f64, dt: DType) -> String {
    match dt {
        DType::F64 => format!("0x{:016X}", v.to_bits()),
        DType::F32 => format!("0x{:08X}", (v as f32).to_bits()),
        DType::BF16 => format!("0x{:04X}", half::bf16::from_f64(v).to_bits()),
        DType::F16 => format!("0x{:04X}", half::f16::from_f64(v).to_bits()),
        DType::Pred => (if v != 0.0 { "true" } else { "false" }).to_string(),
        DType::U8 | DType::U32 => format!("{}", v as u64),
        DType::I32 | DType::I64 => format!("{}", v as i64),
    }
}

/// Raw little-endian bytes of every element, as MLIR's hex dense form.
fn dense_hex(values: &[f64], dt: DType) -> String {
    let mut bytes: Vec<u8> = Vec::with_capacity(values.len() * dt.size_bytes());
    for &v in values {
        match dt {
            DType::F64 => bytes.extend_from_slice(&v.to_le_bytes()),
            DType::F32 => bytes.extend_from_slice(&(v as f32).to_le_bytes()),
            DType::BF16 => bytes.extend_from_slice(&half::bf16::from_f64(v).to_le_bytes()),
            DType::F16 => bytes.extend_from_slice(&half::f16::from_f64(v).to_le_bytes()),
            DType::Pred | DType::U8 => bytes.push(if dt == DType::Pred { (v != 0.0) as u8 } else { v as u8 }),
            DType::I32 => bytes.extend_from_slice(&(v as i32).to_le_bytes()),
            DType::U32 => bytes.extend_from_slice(&(v as u32).to_le_bytes()),
            DType::I64 => bytes.extend_from_slice(&(v as i64).to_le_bytes()),
        }
    }
    let mut s = String::with_capacity(bytes.len() * 2 + 3);
    s.push_str("\"0x");
    for b in bytes {
        write!(s, "{:02X}", b).unwrap();
    }
    s.push('"');
    s
}

fn reduce_init(kind: ReduceKind, dt: DType) -> f64 {
    match (kind, dt.is_float()) {
        (ReduceKind::Sum, _) => 0.0,
        (ReduceKind::Max, true) => f64::NEG_INFINITY,
        (ReduceKind::Min, true) => f64::INFINITY,
        (ReduceKind::Max, false) => match dt {
            DType::I32 => i32::MIN as f64,
            DType::I64 => i64::MIN as f64,
            _ => 0.0,
        },
        (ReduceKind::Min, false) => match dt {
            DType::I32 => i32::MAX as f64,
            DType::I64 => i64::MAX as f64,
            DType::U8 => u8::MAX as f64,
            DType::U32 => u32::MAX as f64,
            _ => 1.0,
        },
    }
}

fn reduce_op(kind: ReduceKind) -> &'static str {
    match kind {
        ReduceKind::Sum => "stablehlo.add",
        ReduceKind::Max => "stablehlo.maximum",
        ReduceKind::Min => "stablehlo.minimum",
    }
}

fn unary_name(u: UnaryOp) -> &'static str {
    match u {
        UnaryOp::Neg => "stablehlo.negate",
        UnaryOp::Exp => "stablehlo.exponential",
        UnaryOp::Log => "stablehlo.log",
        UnaryOp::Tanh => "stablehlo.tanh",
        UnaryOp::Erf => "chlo.erf",
        UnaryOp::Rsqrt => "stablehlo.rsqrt",
        UnaryOp::Sqrt => "stablehlo.sqrt",
        UnaryOp::Abs => "stablehlo.abs",
        UnaryOp::Sign => "stablehlo.sign",
        UnaryOp::Not => "stablehlo.not",
        UnaryOp::Floor => "stablehlo.floor",
        UnaryOp::Sin => "stablehlo.sine",
        UnaryOp::Cos => "stablehlo.cosine",
    }
}

fn binary_name(b: BinaryOp) -> &'static str {
    match b {
        BinaryOp::Add => "stablehlo.add",
        BinaryOp::Sub => "stablehlo.subtract",
        BinaryOp::Mul => "stablehlo.multiply",
        BinaryOp::Div => "stablehlo.divide",
        BinaryOp::Max => "stablehlo.maximum",
        BinaryOp::Min => "stablehlo.minimum",
        BinaryOp::Pow => "stablehlo.power",
        BinaryOp::And => "stablehlo.and",
        BinaryOp::Or => "stablehlo.or",
        BinaryOp::Xor => "stablehlo.xor",
        BinaryOp::ShiftLeft => "stablehlo.shift_left",
        BinaryOp::ShiftRightLogical => "stablehlo.shift_right_logical",
        BinaryOp::Rem => "stablehlo.remainder",
    }
}

fn compare_name(c: CompareDir) -> &'static str {
    match c {
        CompareDir::Eq => "EQ",
        CompareDir::Ne => "NE",
        CompareDir::Lt => "LT",
        CompareDir::Le => "LE",
        CompareDir::Gt => "GT",
        CompareDir::Ge => "GE",
    }
}

fn dims_attr(name: &str, v: &[i64]) -> Option<String> {
    if v.is_empty() {
        None
    } else {
        Some(format!("{} = [{}]", name, list(v)))
    }
}

fn gather_dims_attr(d: &GatherDims, scatter: bool) -> String {
    let fields: Vec<String> = if scatter {
        [
            dims_attr("update_window_dims", &d.offset_dims),
            dims_attr("inserted_window_dims", &d.collapsed_slice_dims),
            dims_attr("scatter_dims_to_operand_dims", &d.start_index_map),
            Some(format!("index_vector_dim = {}", d.index_vector_dim)),
        ]
        .into_iter()
        .flatten()
        .collect()
    } else {
        [
            dims_attr("offset_dims", &d.offset_dims),
            dims_attr("collapsed_slice_dims", &d.collapsed_slice_dims),
            dims_attr("start_index_map", &d.start_index_map),
            Some(format!("index_vector_dim = {}", d.index_vector_dim)),
        ]
        .into_iter()
        .flatten()
        .collect()
    };
    let kind = if scatter { "scatter" } else { "gather" };
    format!("#stablehlo.{}<{}>", kind, fields.join(", "))
}

impl Emitter {
    pub(crate) fn new() -> Self {
        Emitter { out: String::new(), next: 0 }
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }

    pub(crate) fn push_str(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn fresh(&mut self) -> String {
        self.next += 1;
        format!("%v{}", self.next)
    }

    fn line(&mut self, indent: usize, s: &str) {
        for _ in 0..indent {
            self.out.push_str("  ");
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// `%r = "op"(args) {attrs} : (in types) -> out type`
    fn op(&mut self, ind: usize, name: &str, args: &[&str], attrs: &str, ins: &[TensorType], out: &TensorType) -> String {
        let r = self.fresh();
        let attrs = if attrs.is_empty() { String::new() } else { format!(" {{{}}}", attrs) };
        let l = format!("{} = \"{}\"({}){} : ({}) -> {}", r, name, args.join(", "), attrs, types(ins), out.mlir());
        self.line(ind, &l);
        r
    }

    fn constant(&mut self, ind: usize, lit: &Literal, ty: &TensorType) -> String {
        let value = match lit {
            Literal::Splat(v) => splat_literal(*v, ty.dtype),
            Literal::Dense(vs) => dense_hex(vs, ty.dtype),
        };
        let attr = format!("value = dense<{}> : {}", value, ty.mlir());
        self.op(ind, "stablehlo.constant", &[], &attr, &[], ty)
    }

    /// A region `^bb0(a, b): r = op(a, b); return r` over scalars, for reduce / scatter / all_reduce.
    fn binary_region(&mut self, ind: usize, op: &str, dt: DType) -> String {
        let st = TensorType::new(&[], dt);
        let (a, b) = (self.fresh(), self.fresh());
        let mut s = String::new();
        let pad = "  ".repeat(ind + 1);
        writeln!(s, "({{").unwrap();
        writeln!(s, "{}^bb0({}: {}, {}: {}):", pad, a, st.mlir(), b, st.mlir()).unwrap();
        let r = self.fresh();
        writeln!(s, "{}  {} = \"{}\"({}, {}) : ({}, {}) -> {}", pad, r, op, a, b, st.mlir(), st.mlir(), st.mlir()).unwrap();
        writeln!(s, "{}  \"stablehlo.return\"({}) : ({}) -> ()", pad, r, st.mlir()).unwrap();
        write!(s, "{}}})", "  ".repeat(ind)).unwrap();
        s
    }

    /// Emits the nodes of `g` that `outputs` reach, with its parameters bound to `args`.
    /// Returns the value names of `outputs`.
    // Long because it is one match over every op kind, each arm the few lines of text its
    // StableHLO form takes; the forms read best side by side.
    pub(crate) fn graph(&mut self, ind: usize, g: &Graph, outputs: &[NodeId], args: &[String]) -> Vec<String> {
        let live = reachable(g, outputs);
        let data = g.0.borrow();
        // Which results of multi-output nodes are used (scan builds only those it must).
        let mut used: Vec<Vec<bool>> = data.nodes.iter().map(|n| vec![false; n.outs.len()]).collect();
        for (id, n) in data.nodes.iter().enumerate() {
            if live[id] {
                if let Op::Proj(k) = n.op {
                    used[n.inputs[0]][k] = true;
                }
            }
        }
        let mut names: Vec<String> = vec![String::new(); data.nodes.len()];
        // Result names of multi-output nodes whose results are not numbered contiguously.
        let mut multi: std::collections::HashMap<NodeId, Vec<String>> = Default::default();
        for id in 0..data.nodes.len() {
            if !live[id] {
                continue;
            }
            let n = &data.nodes[id];
            let a: Vec<&str> = n.inputs.iter().map(|&i| names[i].as_str()).collect();
            let ins: Vec<TensorType> = n.inputs.iter().map(|&i| out_ty(&data.nodes, i)).collect();
            let ty = &n.outs[0];
            let name = match &n.op {
                Op::Parameter { index } => args[*index].clone(),
                Op::Proj(k) => match multi.get(&n.inputs[0]) {
                    Some(v) => v[*k].clone(),
                    None => format!("{}#{}", names[n.inputs[0]], k),
                },
                Op::Constant(lit) => self.constant(ind, lit, ty),
                Op::Iota { axis } => self.op(ind, "stablehlo.iota", &[], &format!("iota_dimension = {} : i64", axis), &[], ty),
                Op::Unary(u) => self.op(ind, unary_name(*u), &a, "", &ins, ty),
                Op::Binary(b) => self.op(ind, binary_name(*b), &a, "", &ins, ty),
                Op::Compare(c) => {
                    let attr = format!("comparison_direction = #stablehlo<comparison_direction {}>", compare_name(*c));
                    self.op(ind, "stablehlo.compare", &a, &attr, &ins, ty)
                }
                Op::Select => self.op(ind, "stablehlo.select", &a, "", &ins, ty),
                Op::Convert => self.op(ind, "stablehlo.convert", &a, "", &ins, ty),
                Op::StopGradient => a[0].to_string(),
                Op::Reshape => self.op(ind, "stablehlo.reshape", &a, "", &ins, ty),
                Op::Transpose { perm } => self.op(ind, "stablehlo.transpose", &a, &format!("permutation = {}", arr_usize(perm)), &ins, ty),
                Op::BroadcastInDim { dims } => {
                    self.op(ind, "stablehlo.broadcast_in_dim", &a, &format!("broadcast_dimensions = {}", arr_usize(dims)), &ins, ty)
                }
                Op::Slice { start, limit, stride } => self.op(
                    ind,
                    "stablehlo.slice",
                    &a,
                    &format!("start_indices = {}, limit_indices = {}, strides = {}", arr(start), arr(limit), arr(stride)),
                    &ins,
                    ty,
                ),
                Op::Concatenate { axis } => self.op(ind, "stablehlo.concatenate", &a, &format!("dimension = {} : i64", axis), &ins, ty),
                Op::Pad { low, high, interior } => self.op(
                    ind,
                    "stablehlo.pad",
                    &a,
                    &format!("edge_padding_low = {}, edge_padding_high = {}, interior_padding = {}", arr(low), arr(high), arr(interior)),
                    &ins,
                    ty,
                ),
                Op::DotGeneral(d) => {
                    let fields: Vec<String> = [
                        dims_attr("lhs_batching_dimensions", &d.lhs_batch),
                        dims_attr("rhs_batching_dimensions", &d.rhs_batch),
                        dims_attr("lhs_contracting_dimensions", &d.lhs_contract),
                        dims_attr("rhs_contracting_dimensions", &d.rhs_contract),
                    ]
                    .into_iter()
                    .flatten()
                    .collect();
                    let mut attr = format!("dot_dimension_numbers = #stablehlo.dot<{}>", fields.join(", "));
                    // Full precision for f32/f64 operands: a GPU's default for an f32 dot is
                    // TF32 (10-bit mantissas), which the parity and gradient checks would not
                    // survive. bf16 dots keep the default, the matrix units' native mode.
                    if matches!(ins[0].dtype, DType::F32 | DType::F64) {
                        attr.push_str(", precision_config = [#stablehlo<precision HIGHEST>, #stablehlo<precision HIGHEST>]");
                    }
                    self.op(ind, "stablehlo.dot_general", &a, &attr, &ins, ty)
                }
                Op::Reduce { kind, axes } => {
                    let dt = ins[0].dtype;
                    let init = self.constant(ind, &Literal::Splat(reduce_init(*kind, dt)), &TensorType::new(&[], dt));
                    let region = self.binary_region(ind, reduce_op(*kind), dt);
                    let r = self.fresh();
                    let l = format!(
                        "{} = \"stablehlo.reduce\"({}, {}) {} {{dimensions = {}}} : ({}, {}) -> {}",
                        r,
                        a[0],
                        init,
                        region,
                        arr_usize(axes),
                        ins[0].mlir(),
                        TensorType::new(&[], dt).mlir(),
                        ty.mlir()
                    );
                    self.line(ind, &l);
                    r
                }
                Op::AllReduce { kind, groups } => {
                    let region = self.binary_region(ind, reduce_op(*kind), ty.dtype);
                    let rows: Vec<String> = groups.iter().map(|g| format!("[{}]", list(g))).collect();
                    let r = self.fresh();
                    let l = format!(
                        "{} = \"stablehlo.all_reduce\"({}) {} {{replica_groups = dense<[{}]> : tensor<{}x{}xi64>}} : ({}) -> {}",
                        r,
                        a[0],
                        region,
                        rows.join(", "),
                        groups.len(),
                        groups[0].len(),
                        ins[0].mlir(),
                        ty.mlir()
                    );
                    self.line(ind, &l);
                    r
                }
                Op::Gather { dims, slice_sizes } => {
                    let attr = format!(
                        "dimension_numbers = {}, indices_are_sorted = false, slice_sizes = {}",
                        gather_dims_attr(dims, false),
                        arr(slice_sizes)
                    );
                    self.op(ind, "stablehlo.gather", &a, &attr, &ins, ty)
                }
                Op::ScatterAdd { dims } => {
                    let region = self.binary_region(ind, "stablehlo.add", ty.dtype);
                    let r = self.fresh();
                    let l = format!(
                        "{} = \"stablehlo.scatter\"({}) {} {{indices_are_sorted = false, scatter_dimension_numbers = {}, unique_indices = false}} : ({}) -> {}",
                        r,
                        a.join(", "),
                        region,
                        gather_dims_attr(dims, true),
                        types(&ins),
                        ty.mlir()
                    );
                    self.line(ind, &l);
                    r
                }
                Op::ArgSort { axis, descending } => self.argsort(ind, a[0], &ins[0], *axis, *descending),
                Op::DynamicSlice { sizes } => {
                    self.op(ind, "stablehlo.dynamic_slice", &a, &format!("slice_sizes = {}", arr(sizes)), &ins, ty)
                }
                Op::DynamicUpdateSlice => self.op(ind, "stablehlo.dynamic_update_slice", &a, "", &ins, ty),
                Op::Scan(spec) => {
                    let ins_owned: Vec<String> = a.iter().map(|s| s.to_string()).collect();
                    let r = self.scan(ind, spec, &ins_owned, &ins, &n.outs, &used[id]);
                    multi.insert(id, r);
                    String::new()
                }
            };
            names[id] = name;
        }
        outputs.iter().map(|&o| names[o].clone()).collect()
    }

    fn argsort(&mut self, ind: usize, keys: &str, kty: &TensorType, axis: usize, descending: bool) -> String {
        let ity = TensorType::new(&kty.dims, DType::I32);
        let iota = self.op(ind, "stablehlo.iota", &[], &format!("iota_dimension = {} : i64", axis), &[], &ity);
        let (ks, is) = (TensorType::new(&[], kty.dtype), TensorType::new(&[], DType::I32));
        let (a, b, c, d) = (self.fresh(), self.fresh(), self.fresh(), self.fresh());
        let p = self.fresh();
        let r = self.fresh();
        let dir = if descending { "GT" } else { "LT" };
        let pad = "  ".repeat(ind);
        let mut s = String::new();
        writeln!(s, "{}{}:2 = \"stablehlo.sort\"({}, {}) ({{", pad, r, keys, iota).unwrap();
        writeln!(s, "{}  ^bb0({}: {}, {}: {}, {}: {}, {}: {}):", pad, a, ks.mlir(), b, ks.mlir(), c, is.mlir(), d, is.mlir()).unwrap();
        writeln!(
            s,
            "{}    {} = \"stablehlo.compare\"({}, {}) {{comparison_direction = #stablehlo<comparison_direction {}>}} : ({}, {}) -> tensor<i1>",
            pad, p, a, b, dir, ks.mlir(), ks.mlir()
        )
        .unwrap();
        writeln!(s, "{}    \"stablehlo.return\"({}) : (tensor<i1>) -> ()", pad, p).unwrap();
        writeln!(
            s,
            "{}}}) {{dimension = {} : i64, is_stable = true}} : ({}, {}) -> ({}, {})",
            pad,
            axis,
            kty.mlir(),
            ity.mlir(),
            kty.mlir(),
            ity.mlir()
        )
        .unwrap();
        self.out.push_str(&s);
        format!("{}#1", r)
    }

    // Long because the loop's state tuple, its condition, its body and the unpacking of its results
    // are emitted in one pass over the same list of state slots.
    /// A scan as `stablehlo.while` over the state
    /// (i, carries, stacked xs, consts, y accumulators, saved-carry accumulators).
    fn scan(
        &mut self,
        ind: usize,
        spec: &ScanSpec,
        args: &[String],
        arg_tys: &[TensorType],
        outs: &[TensorType],
        used: &[bool],
    ) -> Vec<String> {
        let (nc, nx, nk, ny, nr) = (spec.n_carry, spec.n_xs, spec.n_consts, spec.n_ys, spec.n_res);
        // Stacked results worth building: (node result index, where each step's value comes from).
        let mut stacked: Vec<(usize, StepValue)> = vec![];
        stacked.extend((0..ny).filter(|&j| used[nc + j]).map(|j| (nc + j, StepValue::Y(j))));
        stacked.extend((0..nc).filter(|&j| used[nc + ny + j]).map(|j| (nc + ny + j, StepValue::Carry(j))));
        stacked.extend((0..nr).filter(|&r| used[2 * nc + ny + r]).map(|r| (2 * nc + ny + r, StepValue::Res(r))));
        let i_ty = TensorType::new(&[], DType::I32);
        let zero_i = self.constant(ind, &Literal::Splat(0.0), &i_ty);
        let mut state: Vec<String> = vec![zero_i];
        let mut state_ty: Vec<TensorType> = vec![i_ty.clone()];
        state.extend(args.iter().cloned());
        state_ty.extend(arg_tys.iter().cloned());
        for (k, _) in &stacked {
            let t = &outs[*k];
            let z = self.constant(ind, &Literal::Splat(0.0), t);
            state.push(z);
            state_ty.push(t.clone());
        }
        let n_state = state.len();
        let w = self.fresh();
        let pad = "  ".repeat(ind);
        self.out.push_str(&format!("{}{}:{} = \"stablehlo.while\"({}) ({{\n", pad, w, n_state, state.join(", ")));
        // Condition: i < length.
        let cond_args: Vec<String> = (0..n_state).map(|_| self.fresh()).collect();
        self.block_header(ind + 1, &cond_args, &state_ty);
        let len = self.constant(ind + 2, &Literal::Splat(spec.length as f64), &i_ty);
        let lt = self.op(
            ind + 2,
            "stablehlo.compare",
            &[&cond_args[0], &len],
            "comparison_direction = #stablehlo<comparison_direction LT>",
            &[i_ty.clone(), i_ty.clone()],
            &TensorType::new(&[], DType::Pred),
        );
        self.line(ind + 2, &format!("\"stablehlo.return\"({}) : (tensor<i1>) -> ()", lt));
        self.line(ind, "}, {");
        // Body.
        let b: Vec<String> = (0..n_state).map(|_| self.fresh()).collect();
        self.block_header(ind + 1, &b, &state_ty);
        let bi = ind + 2;
        let i = &b[0];
        let idx = if spec.reverse {
            let last = self.constant(bi, &Literal::Splat((spec.length - 1) as f64), &i_ty);
            self.op(bi, "stablehlo.subtract", &[&last, i], "", &[i_ty.clone(), i_ty.clone()], &i_ty)
        } else {
            i.clone()
        };
        let zero = self.constant(bi, &Literal::Splat(0.0), &i_ty);
        let carries: Vec<String> = b[1..1 + nc].to_vec();
        let mut x_slices = vec![];
        for j in 0..nx {
            let sty = &state_ty[1 + nc + j];
            x_slices.push(self.index_stacked(bi, &b[1 + nc + j], sty, &idx, &zero));
        }
        let consts: Vec<String> = b[1 + nc + nx..1 + nc + nx + nk].to_vec();
        let body_args: Vec<String> = carries.iter().chain(&x_slices).chain(&consts).cloned().collect();
        let results = self.graph(bi, &spec.body, &spec.body_outputs, &body_args);
        let mut next: Vec<String> = vec![];
        let one = self.constant(bi, &Literal::Splat(1.0), &i_ty);
        next.push(self.op(bi, "stablehlo.add", &[i, &one], "", &[i_ty.clone(), i_ty.clone()], &i_ty));
        next.extend(results[..nc].iter().cloned());
        next.extend(b[1 + nc..1 + nc + nx + nk].iter().cloned());
        let acc0 = 1 + nc + nx + nk;
        for (m, (_, src)) in stacked.iter().enumerate() {
            let v = match src {
                StepValue::Y(j) => results[nc + j].clone(),
                StepValue::Carry(j) => carries[*j].clone(),
                StepValue::Res(r) => results[nc + ny + r].clone(),
            };
            let aty = &state_ty[acc0 + m];
            next.push(self.update_stacked(bi, &b[acc0 + m], aty, &v, &idx, &zero));
        }
        self.line(bi, &format!("\"stablehlo.return\"({}) : ({}) -> ()", next.join(", "), types(&state_ty)));
        self.line(ind, &format!("}}) : ({}) -> ({})", types(&state_ty), types(&state_ty)));
        // Map node results to while results (unbuilt ones stay unnamed).
        let mut ids: Vec<String> = vec![String::from("%unused"); outs.len()];
        for (j, id) in ids.iter_mut().take(nc).enumerate() {
            *id = format!("{}#{}", w, 1 + j);
        }
        for (m, (k, _)) in stacked.iter().enumerate() {
            ids[*k] = format!("{}#{}", w, acc0 + m);
        }
        ids
    }

    fn block_header(&mut self, ind: usize, names: &[String], tys: &[TensorType]) {
        let parts: Vec<String> = names.iter().zip(tys).map(|(n, t)| format!("{}: {}", n, t.mlir())).collect();
        self.line(ind, &format!("^bb0({}):", parts.join(", ")));
    }

    /// `stacked[idx]` with the leading axis dropped.
    fn index_stacked(&mut self, ind: usize, v: &str, ty: &TensorType, idx: &str, zero: &str) -> String {
        let mut sizes = ty.dims.clone();
        sizes[0] = 1;
        let mut args: Vec<&str> = vec![v, idx];
        for _ in 1..ty.rank() {
            args.push(zero);
        }
        let i_ty = TensorType::new(&[], DType::I32);
        let mut ins = vec![ty.clone()];
        ins.extend((1..=ty.rank()).map(|_| i_ty.clone()));
        let sl = self.op(
            ind,
            "stablehlo.dynamic_slice",
            &args,
            &format!("slice_sizes = {}", arr(&sizes)),
            &ins,
            &TensorType::new(&sizes, ty.dtype),
        );
        let out = TensorType::new(&ty.dims[1..], ty.dtype);
        self.op(ind, "stablehlo.reshape", &[&sl], "", &[TensorType::new(&sizes, ty.dtype)], &out)
    }

    /// `acc[idx] = v`.
    fn update_stacked(&mut self, ind: usize, acc: &str, aty: &TensorType, v: &str, idx: &str, zero: &str) -> String {
        let mut sizes = aty.dims.clone();
        sizes[0] = 1;
        let one_ty = TensorType::new(&sizes, aty.dtype);
        let vty = TensorType::new(&aty.dims[1..], aty.dtype);
        let r = self.op(ind, "stablehlo.reshape", &[v], "", &[vty], &one_ty);
        let mut args: Vec<&str> = vec![acc, &r, idx];
        for _ in 1..aty.rank() {
            args.push(zero);
        }
        let i_ty = TensorType::new(&[], DType::I32);
        let mut ins = vec![aty.clone(), one_ty.clone()];
        ins.extend((1..=aty.rank()).map(|_| i_ty.clone()));
        self.op(ind, "stablehlo.dynamic_update_slice", &args, "", &ins, aty)
    }
}

/// Where a stacked scan result takes each step's value from.
enum StepValue {
    Y(usize),
    Carry(usize),
    Res(usize),
}

fn out_ty(nodes: &[Node], id: NodeId) -> TensorType {
    nodes[id].outs[0].clone()
}
