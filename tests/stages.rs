//! The stages as types: a traced `Function` lowers to a `Lowered` (StableHLO with named, typed
//! inputs and outputs), which compiles to a `Compiled` that takes inputs and returns outputs by
//! name, and says which name is wrong when one is.

mod common;

use bamboo::graph::{grad, DType, Donation, Function, Graph};
use bamboo::program::{Compile, Compiled};
use bamboo::runtime::{Client, ClientOptions, CompileOptions, HostTensor, Plugin};

/// The README's example, as written there.
#[test]
// `&[w.clone()]` reads better in the README than `std::slice::from_ref(&w)`.
#[allow(clippy::cloned_ref_to_slice_refs)]
fn readme_example_runs() -> anyhow::Result<()> {
    let client = Client::new(&Plugin::discover(None)?, &ClientOptions::default())?;
    let g = Graph::new("linear_regression");
    let x = g.param("x", &[32, 8], DType::F32);
    let w = g.param("w", &[8, 1], DType::F32);
    let loss = x.matmul(&w)?.square()?.mean_all()?;
    let dw = grad(&loss, &[w.clone()])?.remove(0);
    let lowered = Function::named(&g, &[("loss", loss), ("dw", dw)])?.lower(); // StableHLO text, named inputs and outputs
    let step = lowered.compile(&client, &CompileOptions::default())?;
    let (xs, ws) = (HostTensor::from_slice(&[32, 8], &[1.0f32; 256])?, HostTensor::from_slice(&[8, 1], &[0.5f32; 8])?);
    let mut outs = step.run_host(&[("x", &xs), ("w", &ws)])?;
    let (loss, dw) = (outs.take("loss")?.to_scalar::<f32>()?, outs.take("dw")?.to_vec::<f32>()?);

    // Every row of x w is 8 * 0.5 = 4: loss 16, d loss / d w = 2 * 4 * x^T 1 / 32 = 8 per entry.
    assert_eq!(loss, 16.0);
    assert_eq!(dw, vec![8.0; 8]);
    assert!(lowered.text().starts_with("module @linear_regression"));
    Ok(())
}

fn affine() -> Function {
    let g = Graph::new("affine");
    let a = g.param("a", &[3], DType::F32);
    let b = g.param("b", &[3], DType::F32);
    let y = a.mul_scalar(2.0).unwrap().add(&b).unwrap();
    let s = y.sum_all().unwrap();
    Function::named(&g, &[("y", y), ("sum", s)]).unwrap()
}

fn f32s(v: &[f32]) -> HostTensor {
    HostTensor::from_slice(&[v.len() as i64], v).unwrap()
}

#[test]
fn lowered_keeps_names_types_and_donation() {
    let f = affine().alias_named("a", "y").unwrap();
    let lowered = f.lower();
    assert_eq!(lowered.name(), "affine");
    let inputs: Vec<(&str, Vec<i64>, Donation)> =
        lowered.inputs().iter().map(|i| (i.name.as_str(), i.ty.dims.clone(), i.donation.clone())).collect();
    assert_eq!(inputs, vec![("a", vec![3], Donation::AliasOutput(0)), ("b", vec![3], Donation::None)]);
    let outputs: Vec<(&str, Vec<i64>)> = lowered.outputs().iter().map(|o| (o.name.as_str(), o.ty.dims.clone())).collect();
    assert_eq!(outputs, vec![("y", vec![3]), ("sum", vec![])]);
    assert_eq!(lowered.text(), f.to_stablehlo());
    assert!(lowered.text().contains("tf.aliasing_output = 0 : i32"));
}

#[test]
fn unnamed_outputs_are_numbered_and_names_are_unique() {
    let g = Graph::new("two");
    let x = g.param("x", &[2], DType::F32);
    let f = Function::new(&g, &[x.neg().unwrap(), x.exp().unwrap()]).unwrap();
    assert_eq!(f.output_names(), ["out0", "out1"]);
    let err = Function::named(&g, &[("y", x.neg().unwrap()), ("y", x.exp().unwrap())]).unwrap_err().to_string();
    assert!(err.contains("two outputs are named `y`"), "{}", err);
    let err = affine().alias_named("c", "y").unwrap_err().to_string();
    assert!(err.contains("no parameter named `c`"), "{}", err);
}

#[test]
fn inputs_bind_by_name_in_any_order_and_outputs_come_back_by_name() {
    let prog = common::compile(&affine());
    let b = common::client().to_device(&f32s(&[1.0, 1.0, 1.0]), 0).unwrap();
    let mut args = prog.args();
    args.borrow("b", &b).unwrap().host("a", &f32s(&[1.0, 2.0, 3.0])).unwrap();
    let mut outs = prog.run(args).unwrap();
    assert_eq!(outs.take("sum").unwrap().to_host().unwrap().to_scalar::<f32>().unwrap(), 15.0);
    assert_eq!(outs.get("y").unwrap().to_host().unwrap().to_vec::<f32>().unwrap(), vec![3.0, 5.0, 7.0]);
    // The lent buffer is still there; a slot found once works like the name.
    let (a, sum) = (prog.input("a").unwrap(), prog.output("sum").unwrap());
    assert_eq!(prog.input_at(0).unwrap(), a);
    assert!(format!("{:#}", prog.input_at(2).unwrap_err()).contains("`affine` has 2 inputs, not 3"));
    let mut args = prog.args();
    args.host(a, &f32s(&[0.0, 0.0, 1.0])).unwrap().donate("b", b).unwrap();
    assert_eq!(prog.run(args).unwrap().take(sum).unwrap().to_host().unwrap().to_scalar::<f32>().unwrap(), 5.0);
}

/// Every wrong name or value is refused before running, naming the program and the input or
/// output.
#[test]
fn wrong_names_and_values_are_named() {
    let prog = common::compile(&affine());
    let err = |r: anyhow::Result<()>| format!("{:#}", r.unwrap_err());
    let one = f32s(&[1.0, 1.0, 1.0]);

    assert!(err(prog.args().host("c", &one).map(drop)).contains("`affine` has no input `c`"));
    let e = err(prog.args().host("b", &f32s(&[1.0, 1.0])).map(drop));
    assert!(e.contains("`affine` parameter 1 `b` expects tensor<3xf32>"), "{}", e);
    let e = err(prog.args().host("a", &HostTensor::from_slice(&[3], &[1i32, 2, 3]).unwrap()).map(drop));
    assert!(e.contains("parameter 0 `a` expects"), "{}", e);
    let e = err(prog.args().host("a", &one).and_then(|a| a.host("a", &one)).map(drop));
    assert!(e.contains("input `a` of `affine` was given twice"), "{}", e);

    let mut args = prog.args();
    args.host("a", &one).unwrap();
    let e = err(prog.run(args).map(drop));
    assert!(e.contains("`affine` was run without its input(s) `b`"), "{}", e);

    let mut outs = prog.run_host(&[("a", &one), ("b", &one)]).unwrap();
    let e = err(outs.take("total").map(drop));
    assert!(e.contains("`affine` has no output `total` (it has `y`, `sum`)"), "{}", e);
    outs.take("y").unwrap();
    assert!(err(outs.take("y").map(drop)).contains("output `y` of `affine` was already taken"));

    // A slot belongs to the program that found it; so do its inputs.
    let other: Compiled = common::compile(&affine());
    let e = err(other.args().host(prog.input("a").unwrap(), &one).map(drop));
    assert!(e.contains("an input slot of another program was given to `affine`"), "{}", e);
    let mut args = other.args();
    args.host("a", &one).unwrap().host("b", &one).unwrap();
    assert!(err(prog.run(args).map(drop)).contains("inputs made for `affine` were given to `affine`"));
}

/// What naming costs per call: a program of `N` scalar inputs summed, run with every input
/// bound by name, by slot (names found once), and positionally through the runtime alone.
/// `cargo test --release --test stages -- --ignored --nocapture per_call`
#[test]
#[ignore]
fn per_call_overhead_of_names() {
    const N: usize = 300;
    const CALLS: usize = 2000;
    let client = common::client();
    let g = Graph::new("many_inputs");
    let xs: Vec<_> = (0..N).map(|i| g.param(&format!("blocks.{}.weight", i), &[], DType::F32)).collect();
    let total = xs.iter().skip(1).fold(xs[0].clone(), |acc, x| acc.add(x).unwrap());
    let lowered = Function::named(&g, &[("total", total)]).unwrap().lower();
    let prog = lowered.compile(client, &CompileOptions::default()).unwrap();
    let raw = client.compile(lowered.name(), lowered.text(), &CompileOptions::default()).unwrap();
    let bufs: Vec<_> = (0..N).map(|i| client.to_device(&HostTensor::scalar(i as f32), 0).unwrap()).collect();
    let names: Vec<String> = (0..N).map(|i| format!("blocks.{}.weight", i)).collect();
    let slots: Vec<_> = names.iter().map(|n| prog.input(n).unwrap()).collect();
    let total_slot = prog.output("total").unwrap();
    let want = (N * (N - 1) / 2) as f32;

    let time = |f: &dyn Fn() -> f32| -> f64 {
        for _ in 0..50 {
            assert_eq!(f(), want);
        }
        let t0 = std::time::Instant::now();
        for _ in 0..CALLS {
            f();
        }
        t0.elapsed().as_secs_f64() * 1e6 / CALLS as f64
    };
    let by_name = || {
        let mut args = prog.args();
        for (n, b) in names.iter().zip(&bufs) {
            args.borrow(n, b).unwrap();
        }
        prog.run(args).unwrap().take("total").unwrap().to_host().unwrap().to_scalar::<f32>().unwrap()
    };
    let by_slot = || {
        let mut args = prog.args();
        for (&s, b) in slots.iter().zip(&bufs) {
            args.borrow(s, b).unwrap();
        }
        prog.run(args).unwrap().take(total_slot).unwrap().to_host().unwrap().to_scalar::<f32>().unwrap()
    };
    let positional = || {
        let args = bufs.iter().map(bamboo::runtime::Arg::Borrow).collect();
        raw.execute(vec![args]).unwrap()[0][0].to_host().unwrap().to_scalar::<f32>().unwrap()
    };
    // Binding alone, no execution: the part that names add, without the plugin's noise.
    let bind = |by_name: bool| -> f64 {
        let t0 = std::time::Instant::now();
        for _ in 0..CALLS {
            let mut args = prog.args();
            for ((n, &s), b) in names.iter().zip(&slots).zip(&bufs) {
                if by_name {
                    args.borrow(n, b).unwrap();
                } else {
                    args.borrow(s, b).unwrap();
                }
            }
            std::hint::black_box(args);
        }
        t0.elapsed().as_secs_f64() * 1e6 / CALLS as f64
    };
    // Interleaved rounds, the best of each: the machine's noise is larger than the differences.
    let mut best = [f64::MAX; 5];
    for _ in 0..5 {
        for (b, f) in best.iter_mut().zip([&positional as &dyn Fn() -> f32, &by_slot, &by_name]) {
            *b = b.min(time(f));
        }
        best[3] = best[3].min(bind(false));
        best[4] = best[4].min(bind(true));
    }
    eprintln!(
        "{} inputs, µs per call: runtime positional {:.1}, by slot {:.1} (+{:.1}), by name {:.1} (+{:.1}); binding alone: by slot {:.1}, by name {:.1}",
        N,
        best[0],
        best[1],
        best[1] - best[0],
        best[2],
        best[2] - best[0],
        best[3],
        best[4]
    );
}
