//! `scan`: a loop over stacked per-layer inputs, lowered to one `stablehlo.while`.
//!
//! Deep models trace their block stack as a scan, so the program (and its compile time) does not
//! grow with depth. The body is traced once into a graph of its own whose parameters are, in order,
//! the carries, one slice of each stacked input, and the loop invariants ("consts").
//!
//! A scan node has three groups of results: the final carries, the stacked per-step outputs, and
//! the stacked carries each step started from. The last group exists for autodiff (the backward
//! scan restarts every step from its saved carry); lowering builds it only when something uses it.

use std::collections::HashMap;
use std::rc::Rc;

use super::error::{TraceError, TraceResult};
use super::ir::{Graph, NodeId, Op, Tensor};
use super::types::TensorType;

/// What the backward pass keeps from the forward pass of a scan body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Remat {
    /// Keep only each step's input carry; recompute the body in the backward pass
    /// (memory: one activation per layer; compute: one extra forward).
    Full,
    /// Keep every value of the forward step that the backward step needs and that depends on
    /// the carry (what eager frameworks do); values computed from the weights alone are
    /// recomputed. No extra forward, memory grows with depth times activations.
    Save,
    /// Keep only the outputs of matmuls and reductions (and the input carry); recompute the
    /// elementwise work between them in the backward pass, where XLA fuses it into the
    /// gradient kernels. Saves writing and re-reading several activation-sized tensors per
    /// layer (GELU's and layer norm's intermediates) for a little arithmetic.
    Dots,
}

impl Remat {
    pub const NAMES: &'static str = "save, dots or full";

    /// The policy by its command-line name (`save`, `dots`, `full`).
    pub fn parse(name: &str) -> Option<Remat> {
        match name {
            "save" => Some(Remat::Save),
            "dots" => Some(Remat::Dots),
            "full" => Some(Remat::Full),
            _ => None,
        }
    }

    /// The command-line name `parse` reads.
    pub fn name(self) -> &'static str {
        match self {
            Remat::Save => "save",
            Remat::Dots => "dots",
            Remat::Full => "full",
        }
    }

    /// Is the forward value of an `op` kept for the backward pass (rather than recomputed)?
    /// Under `Save` every needed value is; under `Dots` only costly ones.
    pub(crate) fn saves(self, op: &Op) -> bool {
        match self {
            Remat::Full => false,
            Remat::Save => true,
            Remat::Dots => matches!(
                op,
                Op::DotGeneral(_)
                    | Op::Reduce { .. }
                    | Op::Gather { .. }
                    | Op::ScatterAdd { .. }
                    | Op::ArgSort { .. }
                    | Op::AllReduce { .. }
                    | Op::DynamicUpdateSlice
                    | Op::Scan(_)
                    | Op::Proj(_)
            ),
        }
    }
}

#[derive(Clone, Debug)]
pub struct ScanOptions {
    pub name: String,
    /// Steps; taken from the stacked inputs when they exist.
    pub length: Option<i64>,
    /// Run the steps last to first.
    pub reverse: bool,
    pub remat: Remat,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions { name: "scan".into(), length: None, reverse: false, remat: Remat::Full }
    }
}

#[derive(Debug)]
pub struct ScanSpec {
    pub body: Graph,
    /// Body outputs: new carries, then per-step outputs.
    pub body_outputs: Vec<NodeId>,
    pub n_carry: usize,
    pub n_xs: usize,
    pub n_consts: usize,
    pub n_ys: usize,
    /// Residuals saved for the backward pass (`Remat::Save`), after the ys in `body_outputs`.
    pub n_res: usize,
    pub length: i64,
    pub reverse: bool,
    pub remat: Remat,
}

impl ScanSpec {
    pub fn carry_types(&self) -> Vec<TensorType> {
        (0..self.n_carry).map(|i| self.body.params()[i].ty.clone()).collect()
    }

    pub fn y_types(&self) -> Vec<TensorType> {
        let n = self.n_carry;
        (0..self.n_ys).map(|j| self.body.node(self.body_outputs[n + j]).outs[0].clone()).collect()
    }

    pub fn res_types(&self) -> Vec<TensorType> {
        let n = self.n_carry + self.n_ys;
        (0..self.n_res).map(|j| self.body.node(self.body_outputs[n + j]).outs[0].clone()).collect()
    }

    /// Result types of the scan node: final carries, stacked ys, stacked input carries,
    /// stacked residuals.
    pub fn node_types(&self) -> Vec<TensorType> {
        let mut outs = self.carry_types();
        outs.extend(self.y_types().iter().map(|t| stacked(self.length, t)));
        outs.extend(self.carry_types().iter().map(|t| stacked(self.length, t)));
        outs.extend(self.res_types().iter().map(|t| stacked(self.length, t)));
        outs
    }
}

fn stacked(length: i64, ty: &TensorType) -> TensorType {
    let mut dims = vec![length];
    dims.extend_from_slice(&ty.dims);
    TensorType::new(&dims, ty.dtype)
}

/// Result of `scan`.
pub struct ScanResult {
    pub carry: Vec<Tensor>,
    /// Per-step outputs stacked along a new leading axis.
    pub ys: Vec<Tensor>,
}

/// Traces `body(carry, x_slices, consts) -> (new_carry, ys)` once and loops it over the leading
/// axis of every tensor in `xs`.
pub fn scan<F>(carry: &[Tensor], xs: &[Tensor], consts: &[Tensor], opts: ScanOptions, body: F) -> TraceResult<ScanResult>
where
    F: FnOnce(&[Tensor], &[Tensor], &[Tensor]) -> TraceResult<(Vec<Tensor>, Vec<Tensor>)>,
{
    let all: Vec<&Tensor> = carry.iter().chain(xs).chain(consts).collect();
    let outer = all.first().map(|t| t.graph().clone()).ok_or_else(|| TraceError::new("scan", format!("`{}` has no inputs", opts.name)))?;
    if all.iter().any(|t| !t.graph().same(&outer)) {
        return Err(TraceError::new("scan", format!("inputs of `{}` come from different graphs", opts.name)));
    }
    let length = match (xs.first(), opts.length) {
        (Some(x), _) if x.rank() == 0 => return Err(TraceError::new("scan", format!("stacked input of `{}` is a scalar", opts.name))),
        (Some(x), Some(l)) if x.dim(0) != l => return Err(TraceError::new("scan", format!("length {} but stacked input {}", l, x.ty()))),
        (Some(x), _) => x.dim(0),
        (None, Some(l)) => l,
        (None, None) => return Err(TraceError::new("scan", "no stacked inputs and no length")),
    };
    if let Some(bad) = xs.iter().find(|x| x.rank() == 0 || x.dim(0) != length) {
        return Err(TraceError::new(
            "scan",
            format!("stacked inputs of `{}` must all have leading dim {}; got {}", opts.name, length, bad.ty()),
        ));
    }

    let g = Graph::new(&format!("{}_body", opts.name));
    let c_in: Vec<Tensor> = carry.iter().enumerate().map(|(i, c)| g.param(&format!("carry{}", i), c.dims(), c.dtype())).collect();
    let x_in: Vec<Tensor> = xs.iter().enumerate().map(|(i, x)| g.param(&format!("x{}", i), &x.dims()[1..], x.dtype())).collect();
    let k_in: Vec<Tensor> = consts.iter().enumerate().map(|(i, k)| g.param(&format!("const{}", i), k.dims(), k.dtype())).collect();
    let (c_out, ys) = body(&c_in, &x_in, &k_in)?;
    if c_out.len() != carry.len() {
        return Err(TraceError::new("scan", format!("body of `{}` returned {} carries for {}", opts.name, c_out.len(), carry.len())));
    }
    for (i, (a, b)) in c_in.iter().zip(&c_out).enumerate() {
        if a.ty() != b.ty() {
            return Err(TraceError::new(
                "scan",
                format!("carry {} of `{}` changes type in the body: {} -> {}", i, opts.name, a.ty(), b.ty()),
            ));
        }
    }
    if let Some(t) = c_out.iter().chain(&ys).find(|t| !t.graph().same(&g)) {
        return Err(TraceError::new("scan", format!("body of `{}` returned {:?} from another graph", opts.name, t)));
    }
    let spec = ScanSpec {
        body: g,
        body_outputs: c_out.iter().chain(&ys).map(|t| t.id()).collect(),
        n_carry: carry.len(),
        n_xs: xs.len(),
        n_consts: consts.len(),
        n_ys: ys.len(),
        n_res: 0,
        length,
        reverse: opts.reverse,
        remat: opts.remat,
    };
    let results = emit_scan_node(&outer, spec, all.iter().map(|t| t.id()).collect());
    let n = carry.len();
    Ok(ScanResult { carry: results[..n].to_vec(), ys: results[n..n + ys.len()].to_vec() })
}

/// Appends a scan node and returns handles to all of its results
/// (final carries, stacked ys, stacked input carries).
pub(crate) fn emit_scan_node(outer: &Graph, spec: ScanSpec, inputs: Vec<NodeId>) -> Vec<Tensor> {
    let outs = spec.node_types();
    let id = outer.push_multi(Op::Scan(Rc::new(spec)), inputs, outs);
    outer.project_all(id)
}

/// Copies the part of `src` that `outputs` reach into the graph of `args`, with `src`'s
/// parameters replaced by `args`. Types were checked when `src` was traced.
pub fn inline(src: &Graph, outputs: &[NodeId], args: &[Tensor]) -> TraceResult<Vec<Tensor>> {
    let params = src.params();
    if params.len() != args.len() {
        return Err(TraceError::new("inline", format!("{} takes {} arguments, got {}", src.name(), params.len(), args.len())));
    }
    for (p, a) in params.iter().zip(args) {
        if &p.ty != a.ty() {
            return Err(TraceError::new("inline", format!("argument `{}` is {}, got {}", p.name, p.ty, a.ty())));
        }
    }
    let dst = match args.first() {
        Some(a) => a.graph().clone(),
        None => return Err(TraceError::new("inline", "a graph without parameters cannot be inlined")),
    };
    let subst: HashMap<NodeId, Tensor> = params.iter().zip(args).map(|(p, a)| (p.node, a.clone())).collect();
    Ok(copy_nodes(src, outputs, &dst, &subst)?.0)
}

/// Copies what `outputs` reach in `src` into `dst`, stopping at the nodes in `subst`, which are
/// replaced by the given tensors (every parameter reached must be among them). Returns the copied
/// outputs and the map from `src` ids to `dst` ids.
pub(crate) fn copy_nodes(
    src: &Graph,
    outputs: &[NodeId],
    dst: &Graph,
    subst: &HashMap<NodeId, Tensor>,
) -> TraceResult<(Vec<Tensor>, Vec<Option<NodeId>>)> {
    let n = src.len();
    let mut live = vec![false; n];
    for &o in outputs {
        live[o] = true;
    }
    for id in (0..n).rev() {
        if live[id] && !subst.contains_key(&id) {
            for i in src.node(id).inputs {
                live[i] = true;
            }
        }
    }
    let mut map: Vec<Option<NodeId>> = vec![None; n];
    for id in 0..n {
        if !live[id] {
            continue;
        }
        if let Some(t) = subst.get(&id) {
            if !t.graph().same(dst) {
                return Err(TraceError::new("inline", "substitute from another graph"));
            }
            map[id] = Some(t.id());
            continue;
        }
        let node = src.node(id);
        if let Op::Parameter { index } = node.op {
            return Err(TraceError::new("inline", format!("parameter {} of {} has no argument", index, src.name())));
        }
        let inputs = node.inputs.iter().map(|&i| map[i].expect("inputs precede users")).collect();
        map[id] = Some(dst.push_multi(node.op.clone(), inputs, node.outs.clone()));
    }
    let outs = outputs.iter().map(|&o| dst.tensor(map[o].expect("output is live"), 0)).collect();
    Ok((outs, map))
}

/// Bytes the scans reached from `outputs` in `g` keep between the forward and the backward
/// pass: the stacked input carries and stacked residuals that something reads (what `Remat`
/// trades against recomputation). Nested scans count once per outer step.
pub fn saved_for_backward_bytes(g: &Graph, outputs: &[NodeId]) -> u64 {
    let bytes = |t: &TensorType| t.elem_count() as u64 * t.dtype.size_bytes() as u64;
    let live = super::lower::reachable(g, outputs);
    let mut total = 0;
    for id in (0..g.len()).filter(|&i| live[i]) {
        let node = g.node(id);
        if let (Op::Proj(k), Some(&scan_id)) = (&node.op, node.inputs.first()) {
            if let Op::Scan(spec) = &g.node(scan_id).op {
                // Results: final carries, stacked ys, then what is kept for the backward pass.
                if *k >= spec.n_carry + spec.n_ys {
                    total += bytes(&node.outs[0]);
                }
            }
        }
        if let Op::Scan(spec) = &g.node(id).op {
            total += saved_for_backward_bytes(&spec.body, &spec.body_outputs) * spec.length as u64;
        }
    }
    total
}
