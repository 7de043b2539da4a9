//! The optimizers, parameter groups, clipping and schedules against independent references
//! (tests/fixtures/optim, written by scripts/parity/make_optim_fixtures.py: torch.optim's AdamW
//! and SGD in f64; LAMB, LARS, MAE's layer decay and groups, torch's clipping rule and the
//! schedules re-implemented in f64 numpy from their papers).
//!
//! Each optimizer case runs the real compiled training step (`build_train_step`) on the PJRT CPU
//! plugin for three steps, over parameters at every layer-decay depth and in both weight-decay
//! groups, and compares every parameter, every optimizer state slot, the learning rate and the
//! gradient norm after each step.
//!
//! Tolerance: `|got - want| <= 1e-6 * max(|want|, scale)`, `scale` the tensor's largest
//! reference magnitude. The step computes in f32 (unit roundoff 6e-8) from f32 inputs, a few
//! dozen roundings deep over three steps, so errors of a few 1e-7 of the operands are expected;
//! an element that nearly cancels (`p - lr * u` close to 0) keeps the absolute error of
//! operands of the tensor's size, hence the floor at the tensor's scale.

mod common;

use std::path::PathBuf;

use bamboo::graph::{DType, Function, Graph, Tensor, TraceResult};
use bamboo::nn::stack::StackOptions;
use bamboo::optim::{Optimizer, Schedule};
use bamboo::program::Compiled;
use bamboo::runtime::HostTensor;
use bamboo::train::objective::{InputSpec, LossOutput, Objective};
use bamboo::train::step::{build_train_step, StepConfig, GRAD_NORM, LR, STEP};
use bamboo::weights::{Init, ParamSpec, Params};
use serde_json::Value;

const TOL: f64 = 1e-6;

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/optim").join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e))).unwrap()
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array().expect("array").iter().map(|x| x.as_f64().expect("number")).collect()
}

fn dims(v: &Value) -> Vec<i64> {
    v.as_array().expect("shape").iter().map(|x| x.as_i64().unwrap()).collect()
}

/// The fixture's optimizer in bamboo's terms (the script writes bamboo's fields).
fn optimizer_of(o: &Value) -> Optimizer {
    let f = |k: &str| o[k].as_f64().unwrap_or_else(|| panic!("optimizer field {}", k));
    match o["kind"].as_str().unwrap() {
        "adamw" => Optimizer::AdamW { beta1: f("beta1"), beta2: f("beta2"), eps: f("eps") },
        "lamb" => Optimizer::Lamb { beta1: f("beta1"), beta2: f("beta2"), eps: f("eps") },
        "sgd" => Optimizer::Sgd { momentum: f("momentum") },
        "lars" => Optimizer::Lars { momentum: f("momentum"), trust: f("trust"), eps: f("eps") },
        k => panic!("unknown optimizer {}", k),
    }
}

fn schedule_of(s: &Value) -> Schedule {
    let lr = s["lr"].as_f64().unwrap();
    let u = |k: &str| s[k].as_u64().unwrap();
    match s["kind"].as_str().unwrap() {
        "constant" => Schedule::Constant { lr },
        "warmup_cosine" => Schedule::WarmupCosine { lr, warmup: u("warmup"), total: u("total"), min_lr: s["min_lr"].as_f64().unwrap() },
        "warmup_linear" => Schedule::WarmupLinear { lr, warmup: u("warmup"), total: u("total") },
        k => panic!("unknown schedule {}", k),
    }
}

/// A loss linear in the parameters, `sum_p <p, G_p>`, with the `G_p` fed as the batch: its
/// gradient is exactly the batch, so the step sees the reference's gradients bit for bit.
struct FixedGradients {
    specs: Vec<ParamSpec>,
}

impl Objective for FixedGradients {
    fn name(&self) -> &str {
        "fixed_gradients"
    }
    fn param_specs(&self) -> Vec<ParamSpec> {
        self.specs.clone()
    }
    fn inputs(&self) -> Vec<InputSpec> {
        self.specs.iter().map(|s| InputSpec::new(&format!("grad.{}", s.name), &s.shape, DType::F32)).collect()
    }
    fn metric_names(&self) -> Vec<String> {
        vec![]
    }
    fn loss(&self, p: &Params, batch: &[Tensor], _: &StackOptions) -> TraceResult<LossOutput> {
        let mut loss: Option<Tensor> = None;
        for (s, b) in self.specs.iter().zip(batch) {
            let term = p.get(&s.name)?.mul(&b.reshape(&s.shape)?)?.sum_all()?;
            loss = Some(match loss {
                None => term,
                Some(l) => l.add(&term)?,
            });
        }
        Ok(LossOutput { loss: loss.expect("parameters"), metrics: vec![], hidden: None })
    }
}

/// Largest `|got - want| / max(|want|, scale)` over a tensor; `scale` its largest reference magnitude.
fn rel_error(got: &[f64], want: &[f64]) -> f64 {
    assert_eq!(got.len(), want.len());
    let scale = want.iter().fold(0f64, |m, w| m.max(w.abs()));
    // NaN counts as infinitely wrong (f64::max would drop it).
    let err = |g: f64, w: f64| (g - w).abs() / w.abs().max(scale).max(f64::MIN_POSITIVE);
    got.iter().zip(want).map(|(&g, &w)| if g.is_nan() { f64::INFINITY } else { err(g, w) }).fold(0.0, f64::max)
}

/// Asserts the tolerance; returns the error for the summary.
fn check(what: &str, got: &[f64], want: &[f64]) -> f64 {
    let e = rel_error(got, want);
    assert!(e <= TOL, "{}: relative error {:.3e} > {:.0e}\n got {:?}\nwant {:?}", what, e, TOL, got, want);
    e
}

fn host_f32(shape: &[i64], v: &[f64]) -> HostTensor {
    HostTensor::from_slice(shape, &v.iter().map(|&x| x as f32).collect::<Vec<_>>()).unwrap()
}

fn to_f64(h: &HostTensor) -> Vec<f64> {
    h.to_vec::<f32>().unwrap().iter().map(|&x| x as f64).collect()
}

/// The optimizer state the fixture starts from, in the step's order (per parameter, per slot):
/// zeros, or the state a late-starting case resumes from.
fn initial_state(fx: &Value, specs: &[ParamSpec], slots: &[&str]) -> Vec<Vec<f64>> {
    let mut out = vec![];
    for s in specs {
        for slot in slots {
            out.push(match fx.get("state") {
                Some(st) => floats(&st[*slot][&s.name]),
                None => vec![0.0; common::count(&s.shape)],
            });
        }
    }
    out
}

/// Runs one fixture's three steps through the compiled training step; returns the largest
/// relative error seen.
fn run_case(name: &str) -> f64 {
    let fx = fixture(&format!("{}.json", name));
    let specs: Vec<ParamSpec> = fx["params"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| ParamSpec::new(p["name"].as_str().unwrap(), &dims(&p["shape"]), Init::Zeros))
        .collect();
    let layer_decay = fx["layer_decay"].as_object().map(|l| (l["depth"].as_u64().unwrap() as usize, l["factor"].as_f64().unwrap()));
    let cfg = StepConfig {
        optimizer: optimizer_of(&fx["optimizer"]),
        schedule: schedule_of(&fx["schedule"]),
        weight_decay: fx["weight_decay"].as_f64().unwrap(),
        layer_decay,
        clip: fx["clip"].as_f64(),
        replicas: 1,
        accum: 1,
        micro_batch: 1,
        bf16: false,
        stack: StackOptions::default(),
        train_only: None,
    };
    let obj = FixedGradients { specs: specs.clone() };
    let (f, layout) = build_train_step(&obj, &cfg).unwrap();
    assert_eq!(layout.trained.len(), specs.len(), "every parameter trains");
    let prog = common::compile(&f);
    // Parameters, optimizer state and the step counter, each returned updated under its name.
    let state_names = layout.state_input_names();

    let slots = layout.state_names.clone();
    let mut params: Vec<Vec<f64>> = fx["params"].as_array().unwrap().iter().map(|p| floats(&p["values"])).collect();
    let mut state = initial_state(&fx, &specs, &slots);
    let start = fx["start_step"].as_u64().unwrap_or(0) as usize;
    let mut worst = 0f64;
    for (k, step) in fx["steps"].as_array().unwrap().iter().enumerate() {
        let k = start + k;
        let mut inputs: Vec<HostTensor> = specs.iter().zip(&params).map(|(s, v)| host_f32(&s.shape, v)).collect();
        inputs.extend(state.iter().enumerate().map(|(j, v)| host_f32(&specs[j / slots.len()].shape, v)));
        inputs.push(HostTensor::scalar(k as i32));
        let mut named: Vec<(&str, &HostTensor)> = state_names.iter().map(|n| n.as_str()).zip(&inputs).collect();
        let grads: Vec<HostTensor> =
            specs.iter().map(|s| host_f32(&[&[1][..], &s.shape].concat(), &floats(&step["grads"][&s.name]))).collect();
        named.extend(layout.inputs.iter().map(|i| i.name.as_str()).zip(&grads));
        let mut outs = prog.run_host(&named).unwrap();
        let n = specs.len();
        let mut updated: Vec<Vec<f64>> = state_names[..n + state.len()].iter().map(|s| to_f64(&outs.take(s).unwrap())).collect();
        state = updated.split_off(n);
        params = updated;
        assert_eq!(outs.take(STEP).unwrap().to_scalar::<i32>().unwrap(), k as i32 + 1, "{}: step counter", name);
        let mut scalar = |o: &str| vec![outs.take(o).unwrap().to_scalar::<f32>().unwrap() as f64];
        worst = worst.max(check(&format!("{} step {} lr", name, k), &scalar(LR), &[step["lr"].as_f64().unwrap()]));
        worst = worst.max(check(&format!("{} step {} grad norm", name, k), &scalar(GRAD_NORM), &[step["grad_norm"].as_f64().unwrap()]));
        for (j, s) in specs.iter().enumerate() {
            worst = worst.max(check(&format!("{} step {} {}", name, k, s.name), &params[j], &floats(&step["params"][&s.name])));
            for (q, slot) in slots.iter().enumerate() {
                let want = floats(&step["state"][*slot][&s.name]);
                worst = worst.max(check(&format!("{} step {} {}.{}", name, k, slot, s.name), &state[j * slots.len() + q], &want));
            }
        }
    }
    eprintln!("{}: max relative error {:.2e} over 3 steps", name, worst);
    worst
}

#[test]
fn adamw_matches_torch() {
    run_case("adamw");
}

#[test]
fn adamw_eps_placement_matches_torch() {
    run_case("adamw_eps");
}

/// Steps 9998-10000 from a given state: beta1^t underflows, beta2^t is small, the schedule is
/// past its end.
#[test]
fn adamw_late_steps_match_torch() {
    run_case("adamw_late");
}

#[test]
fn lamb_matches_the_paper() {
    run_case("lamb");
}

#[test]
fn sgd_momentum_matches_torch() {
    run_case("sgd");
}

#[test]
fn lars_matches_the_paper() {
    run_case("lars");
}

/// `Schedule::at` traced and compiled, for one step.
fn compiled_schedule(s: &Schedule) -> Compiled {
    let g = Graph::new("schedule");
    let step = g.param("step", &[], DType::I32);
    common::compile(&Function::named(&g, &[("lr", s.at(&step).unwrap())]).unwrap())
}

/// The in-graph schedule equals the host one at every step of a range that covers step 0, the
/// last warmup step, the first decay step, the last step and steps past the end; the host one
/// equals the reference formula.
#[test]
fn schedules_match_the_reference_in_graph_and_on_the_host() {
    let mut worst = (0f64, 0f64);
    for case in fixture("schedules.json").as_array().unwrap() {
        let sched = schedule_of(&case["schedule"]);
        let prog = compiled_schedule(&sched);
        let lrs = floats(&case["lr"]);
        if let Some(total) = case["schedule"]["total"].as_u64() {
            assert!(lrs.len() as u64 > total + 1, "{:?}: the fixture's range must run past the end", sched);
        }
        for (step, want) in lrs.iter().enumerate() {
            let host = sched.host(step as u64);
            // Both in f64: only the last bits may differ.
            let e = (host - want).abs() / want.abs().max(f64::MIN_POSITIVE);
            assert!(e <= 1e-12, "{:?} step {}: host {} vs reference {}", sched, step, host, want);
            let got = prog.run_host(&[("step", &HostTensor::scalar(step as i32))]).unwrap().take("lr").unwrap().to_scalar::<f32>().unwrap()
                as f64;
            let e_graph = (got - host).abs() / host.abs().max(f64::MIN_POSITIVE);
            assert!(e_graph <= TOL, "{:?} step {}: in-graph {} vs host {} (relative error {:.3e})", sched, step, got, host, e_graph);
            worst = (worst.0.max(e), worst.1.max(e_graph));
        }
    }
    eprintln!("schedules: host vs reference {:.2e}, in-graph vs host {:.2e}", worst.0, worst.1);
}
