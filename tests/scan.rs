//! Scan against the same computation unrolled: equal forward values and equal gradients,
//! and a lowered program whose size does not grow with the number of steps.

mod common;

use bamboo::graph::{grad, scan, DType, Function, Graph, Remat, ScanOptions, Tensor, TraceResult};
use common::{run, Input, Rng};

fn layer(h: &Tensor, w: &Tensor, b: &Tensor) -> TraceResult<Tensor> {
    h.add(&h.matmul(w)?.add(b)?.gelu()?)
}

fn inputs(depth: i64) -> Vec<Input> {
    let mut rng = Rng::new(3);
    vec![
        Input::normal("h", &[4, 6], &mut rng),
        Input::f64("w", &[depth, 6, 6], rng.normals((depth * 36) as usize, 0.3)),
        Input::f64("b", &[depth, 6], rng.normals((depth * 6) as usize, 0.1)),
    ]
}

fn loss_and_grads(p: &[Tensor], scanned: Option<Remat>) -> TraceResult<Vec<Tensor>> {
    let depth = p[1].dim(0);
    let h = if let Some(remat) = scanned {
        let opts = ScanOptions { remat, ..Default::default() };
        scan(&[p[0].clone()], &[p[1].clone(), p[2].clone()], &[], opts, |c, x, _| Ok((vec![layer(&c[0], &x[0], &x[1])?], vec![])))?.carry[0]
            .clone()
    } else {
        let mut h = p[0].clone();
        for l in 0..depth {
            let w = p[1].slice_axis(0, l, l + 1)?.reshape(&[6, 6])?;
            let b = p[2].slice_axis(0, l, l + 1)?.reshape(&[6])?;
            h = layer(&h, &w, &b)?;
        }
        h
    };
    let loss = h.square()?.mean_all()?;
    let mut out = vec![loss.clone()];
    out.extend(grad(&loss, p)?);
    Ok(out)
}

#[test]
fn scan_matches_unrolled_values_and_gradients() {
    let ins = inputs(7);
    let b = run("unrolled", &ins, |p| loss_and_grads(p, None));
    for remat in [Remat::Full, Remat::Save, Remat::Dots] {
        let a = run("scanned", &ins, |p| loss_and_grads(p, Some(remat)));
        for (k, (x, y)) in a.iter().zip(&b).enumerate() {
            let (x, y) = (x.to_vec::<f64>().unwrap(), y.to_vec::<f64>().unwrap());
            for (u, v) in x.iter().zip(&y) {
                assert!((u - v).abs() <= 1e-12 * (1.0 + v.abs()), "{:?} output {}: scan {} vs unrolled {}", remat, k, u, v);
            }
        }
    }
}

#[test]
fn save_policy_stores_residuals_instead_of_recomputing() {
    let traced = |remat: Remat| {
        let g = Graph::new("policy");
        let ins = inputs(4);
        let p: Vec<Tensor> = ins.iter().map(|i| g.param(&i.name, &i.dims, DType::F64)).collect();
        let outs = loss_and_grads(&p, Some(remat)).unwrap();
        Function::new(&g, &outs).unwrap()
    };
    let kept = |remat: Remat| traced(remat).saved_for_backward_bytes();
    // `full` keeps each step's input carry only: 4 steps of an f64 [4, 6] carry.
    assert_eq!(kept(Remat::Full), 4 * 4 * 6 * 8);
    assert!(kept(Remat::Full) < kept(Remat::Dots) && kept(Remat::Dots) < kept(Remat::Save));
    let lowered = |remat: Remat| traced(remat).to_stablehlo();
    let (full, save, dots) = (lowered(Remat::Full), lowered(Remat::Save), lowered(Remat::Dots));
    // Recomputing means the backward loop evaluates erf (GELU) again; saving means it does not.
    let erfs = |t: &str| t.matches("chlo.erf").count();
    assert_eq!(erfs(&full), 2, "forward + recomputed forward:\n{}", full);
    assert_eq!(erfs(&save), 1, "forward only:\n{}", save);
    // `dots` recomputes the elementwise GELU but no matmul: it has the matmuls of `save`, fewer
    // than `full` (which redoes the forward ones), and stacks fewer residuals than `save`.
    assert_eq!(erfs(&dots), 2, "forward + recomputed GELU:\n{}", dots);
    let dot_count = |t: &str| t.matches("stablehlo.dot_general").count();
    assert_eq!(dot_count(&dots), dot_count(&save));
    assert!(dot_count(&dots) < dot_count(&full), "dots {} vs full {}", dot_count(&dots), dot_count(&full));
    let stacks = |t: &str| t.matches("stablehlo.dynamic_update_slice").count();
    assert!(stacks(&dots) < stacks(&save), "dots stacks {} vs save {}", stacks(&dots), stacks(&save));
}

#[test]
fn scan_program_size_is_independent_of_depth() {
    let text = |depth: i64| {
        let g = Graph::new("depth");
        let ins = inputs(depth);
        let p: Vec<Tensor> = ins.iter().map(|i| g.param(&i.name, &i.dims, DType::F64)).collect();
        let outs = loss_and_grads(&p, Some(Remat::Full)).unwrap();
        Function::new(&g, &outs).unwrap().to_stablehlo()
    };
    let (t12, t96) = (text(12), text(96));
    // Only the loop bound and the stacked shapes differ.
    assert_eq!(t12.lines().count(), t96.lines().count());
    assert!(t96.contains("stablehlo.while"));
}

#[test]
fn scan_stacked_outputs_in_order() {
    let ins = vec![Input::f64("xs", &[5, 2], (0..10).map(|v| v as f64).collect())];
    for reverse in [false, true] {
        let out = run("cumsum", &ins, |p| {
            let g = p[0].graph();
            let opts = ScanOptions { reverse, ..Default::default() };
            let r = scan(&[g.zeros(&[2], DType::F64)], &[p[0].clone()], &[], opts, |c, x, _| {
                let s = c[0].add(&x[0])?;
                Ok((vec![s.clone()], vec![s]))
            })?;
            Ok(vec![r.carry[0].clone(), r.ys[0].clone()])
        });
        let ys = out[1].to_vec::<f64>().unwrap();
        let expect: Vec<f64> = if reverse {
            vec![20.0, 25.0, 20.0, 24.0, 18.0, 21.0, 14.0, 16.0, 8.0, 9.0]
        } else {
            vec![0.0, 1.0, 2.0, 4.0, 6.0, 9.0, 12.0, 16.0, 20.0, 25.0]
        };
        assert_eq!(ys, expect, "reverse={}", reverse);
        assert_eq!(out[0].to_vec::<f64>().unwrap(), vec![20.0, 25.0]);
    }
}
