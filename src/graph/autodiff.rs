//! Reverse-mode autodiff on the traced graph.
//!
//! The backward pass is emitted into the same graph as the forward, so XLA sees (and fuses) both.
//! Each op's vector-Jacobian product is written with the same checked op methods used for tracing.

use std::collections::HashMap;

use super::error::{TraceError, TraceResult};
use super::ir::*;
use super::scan::{copy_nodes, emit_scan_node, Remat, ScanSpec};

/// Gradients of a scalar `loss` with respect to each of `wrt` (zeros where it does not depend).
pub fn grad(loss: &Tensor, wrt: &[Tensor]) -> TraceResult<Vec<Tensor>> {
    if loss.rank() != 0 || !loss.dtype().is_float() {
        return Err(TraceError::new("grad", format!("loss must be a float scalar, got {}", loss.ty())));
    }
    let one = loss.full_like(1.0);
    let cts = vjp(std::slice::from_ref(loss), &[Some(one)], wrt)?;
    Ok(cts.into_iter().zip(wrt).map(|(c, w)| c.unwrap_or_else(|| w.zeros_like())).collect())
}

/// `(loss, grads)`.
pub fn value_and_grad(loss: &Tensor, wrt: &[Tensor]) -> TraceResult<(Tensor, Vec<Tensor>)> {
    Ok((loss.clone(), grad(loss, wrt)?))
}

/// Pulls the cotangents of `outputs` back to `wrt`. `None` means zero (no dependence).
pub fn vjp(outputs: &[Tensor], cotangents: &[Option<Tensor>], wrt: &[Tensor]) -> TraceResult<Vec<Option<Tensor>>> {
    if outputs.len() != cotangents.len() {
        return Err(TraceError::new("vjp", "one cotangent per output needed"));
    }
    let g = match outputs.first().or(wrt.first()) {
        Some(t) => t.graph().clone(),
        None => return Ok(vec![]),
    };
    for t in outputs.iter().chain(wrt) {
        if !t.graph().same(&g) {
            return Err(TraceError::new("vjp", "outputs and parameters come from different graphs"));
        }
    }
    for (o, c) in outputs.iter().zip(cotangents) {
        if let Some(c) = c {
            if c.ty() != o.ty() {
                return Err(TraceError::new("vjp", format!("cotangent {} for output {}", c.ty(), o.ty())));
            }
        }
    }
    let end = outputs.iter().map(|o| o.id()).max().unwrap_or(0) + 1;
    // Forward sweep: which nodes depend on a float `wrt` (only those carry cotangents).
    let mut dep = vec![false; end.max(g.len())];
    for w in wrt {
        if w.dtype().is_float() {
            dep[w.id()] = true;
        }
    }
    for id in 0..end {
        if dep[id] {
            continue;
        }
        let node = g.node(id);
        let blocked = matches!(node.op, Op::StopGradient | Op::ArgSort { .. });
        dep[id] = !blocked && node.outs.iter().any(|t| t.dtype.is_float()) && node.inputs.iter().any(|&i| dep[i]);
    }

    let mut ct: HashMap<NodeId, Vec<Option<Tensor>>> = HashMap::new();
    for (o, c) in outputs.iter().zip(cotangents) {
        if let Some(c) = c {
            if dep[o.id()] {
                accumulate(&mut ct, &g, o.id(), 0, c.clone())?;
            }
        }
    }
    for id in (0..end).rev() {
        let Some(cts) = ct.get(&id).cloned() else { continue };
        let node = g.node(id);
        if let Op::Proj(k) = node.op {
            if let Some(c) = cts[0].clone() {
                accumulate(&mut ct, &g, node.inputs[0], k, c)?;
            }
            continue;
        }
        if cts.iter().all(|c| c.is_none()) || node.inputs.is_empty() {
            continue;
        }
        let input_deps: Vec<bool> = node.inputs.iter().map(|&i| dep[i]).collect();
        let in_cts = node_vjp(&g, id, &node, &cts, &input_deps)?;
        for ((&inp, c), d) in node.inputs.iter().zip(in_cts).zip(input_deps) {
            if let (Some(c), true) = (c, d) {
                accumulate(&mut ct, &g, inp, 0, c)?;
            }
        }
    }
    Ok(wrt.iter().map(|w| ct.get(&w.id()).and_then(|v| v[0].clone())).collect())
}

fn accumulate(ct: &mut HashMap<NodeId, Vec<Option<Tensor>>>, g: &Graph, id: NodeId, k: usize, c: Tensor) -> TraceResult<()> {
    let n = g.node(id).outs.len();
    let slot = &mut ct.entry(id).or_insert_with(|| vec![None; n])[k];
    *slot = Some(match slot.take() {
        None => c,
        Some(prev) => prev.add(&c)?,
    });
    Ok(())
}

/// Cotangents of a node's inputs, given its output cotangents.
// Long because it is one match with a rule per op kind; the rules read best side by side, as a
// table of derivatives.
fn node_vjp(g: &Graph, id: NodeId, node: &Node, cts: &[Option<Tensor>], needs: &[bool]) -> TraceResult<Vec<Option<Tensor>>> {
    let x: Vec<Tensor> = node.inputs.iter().map(|&i| g.tensor(i, 0)).collect();
    if let Op::Scan(spec) = &node.op {
        return scan_vjp(g, id, spec, &x, cts, needs);
    }
    let y = g.tensor(id, 0);
    let ct = cts[0].clone().expect("single-result op with a cotangent");
    let none = || Ok(vec![None; x.len()]);
    let one = |t: Tensor| Ok(vec![Some(t)]);
    match &node.op {
        Op::Unary(u) => match u {
            UnaryOp::Neg => one(ct.neg()?),
            UnaryOp::Exp => one(ct.mul(&y)?),
            UnaryOp::Log => one(ct.div(&x[0])?),
            UnaryOp::Tanh => one(ct.mul(&y.square()?.neg()?.add_scalar(1.0)?)?),
            UnaryOp::Erf => {
                let d = x[0].square()?.neg()?.exp()?.mul_scalar(std::f64::consts::FRAC_2_SQRT_PI)?;
                one(ct.mul(&d)?)
            }
            // d/dx x^(-1/2) = -1/2 y^3
            UnaryOp::Rsqrt => one(ct.mul(&y.mul(&y)?.mul(&y)?.mul_scalar(-0.5)?)?),
            UnaryOp::Sqrt => one(ct.div(&y)?.mul_scalar(0.5)?),
            UnaryOp::Abs => one(ct.mul(&x[0].sign()?)?),
            UnaryOp::Sin => one(ct.mul(&x[0].cos()?)?),
            UnaryOp::Cos => one(ct.mul(&x[0].sin()?)?.neg()?),
            UnaryOp::Sign | UnaryOp::Floor | UnaryOp::Not => none(),
        },
        Op::Binary(b) => {
            let (a, bb) = (&x[0], &x[1]);
            match b {
                BinaryOp::Add => Ok(vec![Some(ct.clone()), Some(ct)]),
                BinaryOp::Sub => Ok(vec![Some(ct.clone()), Some(ct.neg()?)]),
                BinaryOp::Mul => Ok(vec![if needs[0] { Some(ct.mul(bb)?) } else { None }, if needs[1] { Some(ct.mul(a)?) } else { None }]),
                BinaryOp::Div => Ok(vec![
                    if needs[0] { Some(ct.div(bb)?) } else { None },
                    if needs[1] { Some(ct.mul(&y)?.div(bb)?.neg()?) } else { None },
                ]),
                BinaryOp::Max | BinaryOp::Min => {
                    let dir = if *b == BinaryOp::Max { CompareDir::Ge } else { CompareDir::Le };
                    let pick_a = a.compare(dir, bb)?;
                    let z = ct.zeros_like();
                    Ok(vec![Some(pick_a.select(&ct, &z)?), Some(pick_a.select(&z, &ct)?)])
                }
                BinaryOp::Pow => {
                    let da = if needs[0] { Some(ct.mul(bb)?.mul(&a.pow(&bb.add_scalar(-1.0)?)?)?) } else { None };
                    let db = if needs[1] { Some(ct.mul(&y)?.mul(&a.log()?)?) } else { None };
                    Ok(vec![da, db])
                }
                BinaryOp::Rem => {
                    // rem = a - b * trunc(a / b), and trunc(a / b) = (a - rem) / b.
                    let q = a.sub(&y)?.div(bb)?.stop_gradient();
                    Ok(vec![Some(ct.clone()), Some(ct.mul(&q)?.neg()?)])
                }
                _ => none(),
            }
        }
        Op::Compare(_) | Op::Iota { .. } | Op::Constant(_) | Op::Parameter { .. } => none(),
        Op::StopGradient | Op::ArgSort { .. } => none(),
        Op::Select => {
            let z = ct.zeros_like();
            Ok(vec![None, Some(x[0].select(&ct, &z)?), Some(x[0].select(&z, &ct)?)])
        }
        Op::Convert => {
            if x[0].dtype().is_float() {
                one(ct.convert(x[0].dtype())?)
            } else {
                none()
            }
        }
        Op::DotGeneral(d) => {
            let dl = if needs[0] { Some(dot_transpose(&ct, &x[1], d, Side::Lhs, x[0].rank())?) } else { None };
            let dr = if needs[1] { Some(dot_transpose(&ct, &x[0], d, Side::Rhs, x[1].rank())?) } else { None };
            Ok(vec![dl, dr])
        }
        Op::Reduce { kind, axes } => {
            let kept: Vec<usize> = (0..x[0].rank()).filter(|i| !axes.contains(i)).collect();
            let gb = ct.broadcast_in_dim(x[0].dims(), &kept)?;
            match kind {
                ReduceKind::Sum => one(gb),
                ReduceKind::Max | ReduceKind::Min => {
                    // Ties share the cotangent equally.
                    let yb = y.broadcast_in_dim(x[0].dims(), &kept)?;
                    let hit = x[0].compare(CompareDir::Eq, &yb)?;
                    let mask = hit.select(&x[0].full_like(1.0), &x[0].zeros_like())?;
                    let count = mask.sum(axes, false)?.broadcast_in_dim(x[0].dims(), &kept)?;
                    one(gb.mul(&mask)?.div(&count)?)
                }
            }
        }
        Op::Reshape => one(ct.reshape(x[0].dims())?),
        Op::Transpose { perm } => {
            let mut inv = vec![0; perm.len()];
            for (i, &p) in perm.iter().enumerate() {
                inv[p] = i;
            }
            one(ct.transpose(&inv)?)
        }
        Op::BroadcastInDim { dims } => {
            let r = y.rank();
            let mut sum_axes: Vec<usize> = (0..r).filter(|a| !dims.contains(a)).collect();
            for (i, &d) in dims.iter().enumerate() {
                if x[0].dim(i) == 1 && y.dim(d) != 1 {
                    sum_axes.push(d);
                }
            }
            one(ct.sum(&sum_axes, false)?.reshape(x[0].dims())?)
        }
        Op::Slice { start, limit: _, stride } => {
            let r = x[0].rank();
            let mut high = vec![0; r];
            for i in 0..r {
                let last = start[i] + (y.dim(i) - 1).max(0) * stride[i] + 1;
                high[i] = x[0].dim(i) - last.min(x[0].dim(i));
                if y.dim(i) == 0 {
                    high[i] = x[0].dim(i) - start[i];
                }
            }
            let interior: Vec<i64> = stride.iter().map(|s| s - 1).collect();
            let zero = g.scalar(0.0, ct.dtype());
            one(ct.pad(&zero, start, &high, &interior)?)
        }
        Op::Concatenate { axis } => {
            let mut off = 0;
            let mut out = vec![];
            for p in &x {
                let n = p.dim(*axis);
                out.push(Some(ct.slice_axis(*axis, off, off + n)?));
                off += n;
            }
            Ok(out)
        }
        Op::Pad { low, high: _, interior } => {
            if low.iter().any(|&l| l < 0) {
                return Err(TraceError::new("pad", "gradient of negative padding is not supported"));
            }
            let r = x[0].rank();
            let limit: Vec<i64> = (0..r).map(|i| low[i] + (x[0].dim(i) - 1).max(0) * (interior[i] + 1) + 1.min(x[0].dim(i))).collect();
            let stride: Vec<i64> = interior.iter().map(|i| i + 1).collect();
            let dx = ct.slice(low, &limit, &stride)?;
            let dv = if needs[1] { Some(ct.sum_all()?.sub(&dx.sum_all()?)?) } else { None };
            Ok(vec![Some(dx), dv])
        }
        Op::Gather { dims, .. } => {
            let z = x[0].zeros_like();
            Ok(vec![Some(z.scatter_add(&x[1], &ct, dims.clone())?), None])
        }
        Op::ScatterAdd { dims } => {
            let mut sizes = x[0].dims().to_vec();
            let mut win = dims.offset_dims.iter().map(|&d| x[2].dim(d as usize));
            for (i, s) in sizes.iter_mut().enumerate() {
                *s = if dims.collapsed_slice_dims.contains(&(i as i64)) { 1 } else { win.next().unwrap_or(1) };
            }
            let du = if needs[2] { Some(ct.gather(&x[1], dims.clone(), &sizes)?) } else { None };
            Ok(vec![Some(ct), None, du])
        }
        Op::DynamicSlice { .. } => {
            let starts = &x[1..];
            let mut out = vec![Some(x[0].zeros_like().dynamic_update_slice(&ct, starts)?)];
            out.extend(starts.iter().map(|_| None));
            Ok(out)
        }
        Op::DynamicUpdateSlice => {
            let starts = &x[2..];
            let upd = &x[1];
            let mut out = vec![
                Some(ct.dynamic_update_slice(&upd.zeros_like(), starts)?),
                if needs[1] { Some(ct.dynamic_slice(starts, upd.dims())?) } else { None },
            ];
            out.extend(starts.iter().map(|_| None));
            Ok(out)
        }
        Op::AllReduce { kind: ReduceKind::Sum, groups } => one(ct.all_reduce(ReduceKind::Sum, groups)?),
        Op::AllReduce { kind, .. } => Err(TraceError::new("all_reduce", format!("no gradient for a cross-replica {:?}", kind))),
        Op::Scan(_) | Op::Proj(_) => unreachable!("handled by the caller"),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Lhs,
    Rhs,
}

/// Cotangent of one operand of `dot_general`: contract the output cotangent with the other operand
/// over the other operand's free dims, then permute into this operand's layout.
fn dot_transpose(ct: &Tensor, other: &Tensor, d: &DotDims, side: Side, rank: usize) -> TraceResult<Tensor> {
    let (my_batch, my_con, ot_batch, ot_con, ot_rank) = match side {
        Side::Lhs => (&d.lhs_batch, &d.lhs_contract, &d.rhs_batch, &d.rhs_contract, other.rank()),
        Side::Rhs => (&d.rhs_batch, &d.rhs_contract, &d.lhs_batch, &d.lhs_contract, other.rank()),
    };
    let nb = my_batch.len();
    let free = |r: usize, b: &[i64], c: &[i64]| -> Vec<i64> { (0..r as i64).filter(|i| !b.contains(i) && !c.contains(i)).collect() };
    let my_free = free(rank, my_batch, my_con);
    let ot_free = free(ot_rank, ot_batch, ot_con);
    // The cotangent's layout is [batch, lhs free, rhs free]: where the other operand's free dims sit.
    let ot_start = match side {
        Side::Lhs => nb + my_free.len(),
        Side::Rhs => nb,
    };
    let ot_free_pos: Vec<i64> = (ot_start..ot_start + ot_free.len()).map(|i| i as i64).collect();
    let dims = DotDims {
        lhs_batch: (0..nb as i64).collect(),
        rhs_batch: ot_batch.clone(),
        lhs_contract: ot_free_pos,
        rhs_contract: ot_free.clone(),
    };
    let r = ct.dot_general(other, dims)?;
    // r: [batch, my free (in ct order), other's remaining dims = its contracting dims ascending].
    let mut ot_rest: Vec<i64> = ot_con.clone();
    ot_rest.sort();
    let mut perm = vec![0usize; rank];
    for i in 0..rank as i64 {
        perm[i as usize] = if let Some(k) = my_batch.iter().position(|&b| b == i) {
            k
        } else if let Some(j) = my_free.iter().position(|&f| f == i) {
            nb + j
        } else {
            let m = my_con.iter().position(|&c| c == i).expect("every dim is batch, free or contracting");
            let p = ot_rest.iter().position(|&o| o == ot_con[m]).unwrap();
            nb + my_free.len() + p
        };
    }
    r.transpose(&perm)
}

// Long because the reverse loop's body, its carried cotangents and its stacked outputs are built
// together and index the same lists; apart, each part would re-derive the others' layout.
/// VJP of a scan: a reverse scan whose body recomputes one forward step from its saved input
/// carry and pulls the cotangents back through it (full rematerialization).
fn scan_vjp(
    g: &Graph,
    id: NodeId,
    spec: &ScanSpec,
    inputs: &[Tensor],
    cts: &[Option<Tensor>],
    needs: &[bool],
) -> TraceResult<Vec<Option<Tensor>>> {
    let (nc, nx, nk, ny) = (spec.n_carry, spec.n_xs, spec.n_consts, spec.n_ys);
    let results: Vec<Tensor> = (0..cts.len()).map(|k| proj_of(g, id, k)).collect();
    let carry_in = &inputs[..nc];
    let xs = &inputs[nc..nc + nx];
    let consts = &inputs[nc + nx..];
    let saved = &results[nc + ny..nc + ny + nc];
    let float = |t: &Tensor| t.dtype().is_float();
    // Differentiable positions of each group.
    let fc: Vec<usize> = (0..nc).filter(|&i| float(&carry_in[i])).collect();
    let fx: Vec<usize> = (0..nx).filter(|&i| float(&xs[i]) && needs[nc + i]).collect();
    let fk: Vec<usize> = (0..nk).filter(|&i| float(&consts[i]) && needs[nc + nx + i]).collect();
    let fy: Vec<usize> = (0..ny).filter(|&j| float(&results[nc + j])).collect();
    let ct_or_zero = |k: usize| -> Tensor { cts[k].clone().unwrap_or_else(|| results[k].zeros_like()) };

    // Backward body: carry = (ct of float carries, accumulated ct of float consts);
    // xs = (saved carries, xs, ct of float ys); consts = consts.
    let bg = Graph::new(&format!("{}_bwd", spec.body.name()));
    let b_ct_c: Vec<Tensor> = fc.iter().map(|&i| bg.param(&format!("ct_carry{}", i), carry_in[i].dims(), carry_in[i].dtype())).collect();
    let b_acc: Vec<Tensor> = fk.iter().map(|&i| bg.param(&format!("acc_const{}", i), consts[i].dims(), consts[i].dtype())).collect();
    let b_c: Vec<Tensor> = (0..nc).map(|i| bg.param(&format!("carry{}", i), carry_in[i].dims(), carry_in[i].dtype())).collect();
    let b_x: Vec<Tensor> = (0..nx).map(|i| bg.param(&format!("x{}", i), &xs[i].dims()[1..], xs[i].dtype())).collect();
    let y_tys = spec.y_types();
    let b_ct_y: Vec<Tensor> = fy.iter().map(|&j| bg.param(&format!("ct_y{}", j), &y_tys[j].dims, y_tys[j].dtype)).collect();
    let b_k: Vec<Tensor> = (0..nk).map(|i| bg.param(&format!("const{}", i), consts[i].dims(), consts[i].dtype())).collect();

    let args: Vec<Tensor> = b_c.iter().chain(&b_x).chain(&b_k).cloned().collect();
    let fwd_start = bg.len();
    let subst: HashMap<NodeId, Tensor> = spec.body.params().iter().zip(&args).map(|(p, a)| (p.node, a.clone())).collect();
    let (fwd, src_map) = copy_nodes(&spec.body, &spec.body_outputs, &bg, &subst)?;
    let fwd_end = bg.len();
    let mut out_cts: Vec<Option<Tensor>> = vec![None; nc + ny];
    for (n, &i) in fc.iter().enumerate() {
        out_cts[i] = Some(b_ct_c[n].clone());
    }
    for (n, &j) in fy.iter().enumerate() {
        out_cts[nc + j] = Some(b_ct_y[n].clone());
    }
    let wrt: Vec<Tensor> =
        fc.iter().map(|&i| b_c[i].clone()).chain(fx.iter().map(|&i| b_x[i].clone())).chain(fk.iter().map(|&i| b_k[i].clone())).collect();
    let grads = vjp(&fwd, &out_cts, &wrt)?;
    let grads: Vec<Tensor> = grads.into_iter().zip(&wrt).map(|(c, w)| c.unwrap_or_else(|| w.zeros_like())).collect();
    let (g_c, rest) = grads.split_at(fc.len());
    let (g_x, g_k) = rest.split_at(fx.len());
    let mut new_carry: Vec<Tensor> = g_c.to_vec();
    for (a, gk) in b_acc.iter().zip(g_k) {
        new_carry.push(a.add(gk)?);
    }
    let mut body_outputs: Vec<NodeId> = new_carry.iter().chain(g_x).map(|t| t.id()).collect();
    let mut bg = bg;
    let mut res_stacks: Vec<Tensor> = vec![];
    if spec.remat != Remat::Full {
        let src_of: HashMap<NodeId, NodeId> = src_map.iter().enumerate().filter_map(|(s, d)| d.map(|d| (d, s))).collect();
        let layout = DraftLayout {
            fwd: fwd_start..fwd_end,
            carry_params: b_c.iter().map(|t| t.id()).collect(),
            res_at: fc.len() + fk.len() + nc + nx + fy.len(),
        };
        if let Some(saved) = with_saved_residuals(g, id, spec, &bg, &layout, &src_of, &body_outputs)? {
            bg = saved.body;
            body_outputs = saved.outputs;
            res_stacks = saved.stacks;
        }
    }

    let bspec = ScanSpec {
        body: bg,
        body_outputs,
        n_carry: fc.len() + fk.len(),
        n_xs: nc + nx + fy.len() + res_stacks.len(),
        n_consts: nk,
        n_ys: fx.len(),
        n_res: 0,
        length: spec.length,
        reverse: !spec.reverse,
        remat: spec.remat,
    };
    let mut outer_in: Vec<NodeId> = fc.iter().map(|&i| ct_or_zero(i).id()).collect();
    outer_in.extend(fk.iter().map(|&i| consts[i].zeros_like().id()));
    outer_in.extend(saved.iter().map(|t| t.id()));
    outer_in.extend(xs.iter().map(|t| t.id()));
    outer_in.extend(fy.iter().map(|&j| ct_or_zero(nc + j).id()));
    outer_in.extend(res_stacks.iter().map(|t| t.id()));
    outer_in.extend(consts.iter().map(|t| t.id()));
    let r = emit_scan_node(g, bspec, outer_in);
    let n_bc = fc.len() + fk.len();
    let mut out: Vec<Option<Tensor>> = vec![None; inputs.len()];
    for (n, &i) in fc.iter().enumerate() {
        out[i] = Some(r[n].clone());
    }
    for (n, &i) in fk.iter().enumerate() {
        out[nc + nx + i] = Some(r[fc.len() + n].clone());
    }
    for (n, &i) in fx.iter().enumerate() {
        out[nc + i] = Some(r[n_bc + n].clone());
    }
    Ok(out)
}

/// Where things sit in a draft backward body.
struct DraftLayout {
    /// Ids of the copied forward step.
    fwd: std::ops::Range<NodeId>,
    /// Parameters holding the step's input carries.
    carry_params: Vec<NodeId>,
    /// Parameter position where residual slices go (after the other stacked inputs).
    res_at: usize,
}

/// A backward body that reads saved residuals instead of recomputing them.
struct SavedBackward {
    body: Graph,
    /// The body's output ids.
    outputs: Vec<NodeId>,
    /// The residual stacks the widened forward scan now returns, one per residual input of `body`.
    stacks: Vec<Tensor>,
}

/// `Remat::Save` and `Remat::Dots`: rebuilds the backward body so that it reads the forward values
/// it needs (those that depend on the carry and that the policy keeps) from stacked residuals
/// instead of recomputing them, and widens the
/// forward scan node to produce those stacks. Returns `None` when a needed value is a
/// multi-result node (a nested scan), which stays recomputed.
fn with_saved_residuals(
    g: &Graph,
    id: NodeId,
    spec: &ScanSpec,
    draft: &Graph,
    layout: &DraftLayout,
    src_of: &HashMap<NodeId, NodeId>,
    outputs: &[NodeId],
) -> TraceResult<Option<SavedBackward>> {
    let mut carry_dep = vec![false; draft.len()];
    for &p in &layout.carry_params {
        carry_dep[p] = true;
    }
    for i in layout.fwd.clone() {
        carry_dep[i] = draft.node(i).inputs.iter().any(|&j| carry_dep[j]);
    }
    let live = super::lower::reachable(draft, outputs);
    // The forward values the backward nodes read. A value the policy does not keep is
    // recomputed from its own inputs, which are then needed in turn (walked newest first).
    let mut needed = vec![false; draft.len()];
    for i in (layout.fwd.end..draft.len()).filter(|&i| live[i]) {
        for j in draft.node(i).inputs {
            needed[j] = true;
        }
    }
    let mut residuals: Vec<NodeId> = vec![];
    for j in layout.fwd.clone().rev() {
        if !needed[j] || !carry_dep[j] {
            continue;
        }
        let node = draft.node(j);
        if spec.remat.saves(&node.op) {
            residuals.push(j);
        } else {
            for k in node.inputs {
                needed[k] = true;
            }
        }
    }
    residuals.reverse();
    if residuals.iter().any(|&r| draft.node(r).outs.len() != 1) {
        return Ok(None);
    }
    // Widen the forward scan: its body also returns the residuals, stacked over steps.
    let old_n = g.node(id).outs.len();
    let mut wide = ScanSpec { body: spec.body.clone(), body_outputs: spec.body_outputs.clone(), ..*spec };
    wide.body_outputs.extend(residuals.iter().map(|r| src_of[r]));
    wide.n_res += residuals.len();
    let outs = wide.node_types();
    g.replace(id, Op::Scan(std::rc::Rc::new(wide)), outs);
    let stacks: Vec<Tensor> = (0..residuals.len()).map(|r| proj_of(g, id, old_n + r)).collect();

    // The backward body again, with residual slices as inputs in place of the forward values.
    let bg = Graph::new(&draft.name());
    let params = draft.params();
    let mut subst: HashMap<NodeId, Tensor> = HashMap::new();
    for p in &params[..layout.res_at] {
        subst.insert(p.node, bg.param(&p.name, &p.ty.dims, p.ty.dtype));
    }
    for (k, &r) in residuals.iter().enumerate() {
        let ty = draft.node(r).outs[0].clone();
        subst.insert(r, bg.param(&format!("res{}", k), &ty.dims, ty.dtype));
    }
    for p in &params[layout.res_at..] {
        subst.insert(p.node, bg.param(&p.name, &p.ty.dims, p.ty.dtype));
    }
    let (outs, _) = copy_nodes(draft, outputs, &bg, &subst)?;
    Ok(Some(SavedBackward { body: bg, outputs: outs.iter().map(|t| t.id()).collect(), stacks }))
}

/// A handle on result `k` of a multi-output node (a fresh projection).
fn proj_of(g: &Graph, id: NodeId, k: usize) -> Tensor {
    let ty = g.node(id).outs[k].clone();
    g.push(Op::Proj(k), vec![id], ty)
}
