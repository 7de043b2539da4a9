//! The training step as one program: forward, backward, cross-replica gradient mean, clipping,
//! optimizer update, metrics. Parameters, optimizer state and the step counter are aliased to
//! their updated outputs, so they stay on the device and are updated in place.
//!
//! Parameters of `@main`, in order:
//!   every model parameter (spec order) | optimizer state (per trainable parameter, per slot)
//!   | step (i32) | batch inputs (`[B, ...]`, or `[A, B, ...]` with A accumulation steps)
//! Results, by name: every updated trainable parameter, optimizer state slot and `step` under the
//! name of the input it replaces | `loss` | `grad_norm` | `lr` | `metrics/<name>` (| the
//! `WATCHED` per-block vectors `smoothing/<name>` and device 0's first `WATCH_EXAMPLES` examples'
//! hidden states `f32[L, E, T, D]`, `smoothing/hidden_sample`, in the watching variant).
//! The order above is also the positional order, for callers not yet converted to names.

use crate::graph::{grad, scan, DType, Function, Graph, ReduceKind, ScanOptions, Tensor, TraceError, TraceResult};
use crate::nn::stack::StackOptions;
use crate::optim::{clip_by_global_norm, Optimizer, ParamGroup, Schedule, StepRate};
use crate::smoothing::metrics::smoothing;
use crate::weights::{ParamSpec, Params};

use super::objective::{InputSpec, Objective};

#[derive(Clone, Debug)]
pub struct StepConfig {
    pub optimizer: Optimizer,
    pub schedule: Schedule,
    pub weight_decay: f64,
    /// Layer-wise lr decay `(encoder depth, factor)`.
    pub layer_decay: Option<(usize, f64)>,
    pub clip: Option<f64>,
    /// Devices holding a replica each; the batch is split across them.
    pub replicas: usize,
    /// Micro-batches accumulated per step (the batch gains a leading dim of this size when > 1).
    pub accum: usize,
    /// Examples per device per micro-batch.
    pub micro_batch: usize,
    /// Compute in bf16 with f32 master weights and f32 loss.
    pub bf16: bool,
    pub stack: StackOptions,
    /// Only these parameters train (linear probe: the head); all trainable specs when `None`.
    pub train_only: Option<Vec<String>>,
}

impl StepConfig {
    /// The step as plain JSON for a run's `config.json` (what a person reads and a script parses).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "optimizer": optimizer_json(&self.optimizer),
            "schedule": schedule_json(&self.schedule),
            "weight_decay": self.weight_decay,
            "layer_decay": self.layer_decay.map(|(depth, factor)| serde_json::json!({ "depth": depth, "factor": factor })),
            "clip": self.clip,
            "replicas": self.replicas,
            "accum": self.accum,
            "micro_batch": self.micro_batch,
            "bf16": self.bf16,
            "remat": self.stack.remat.name(),
            "unrolled": self.stack.unrolled,
            "train_only": self.train_only,
        })
    }
}

fn optimizer_json(o: &Optimizer) -> serde_json::Value {
    use serde_json::json;
    match *o {
        Optimizer::AdamW { beta1, beta2, eps } => json!({ "name": "adamw", "beta1": beta1, "beta2": beta2, "eps": eps }),
        Optimizer::Lamb { beta1, beta2, eps } => json!({ "name": "lamb", "beta1": beta1, "beta2": beta2, "eps": eps }),
        Optimizer::Sgd { momentum } => json!({ "name": "sgd", "momentum": momentum }),
        Optimizer::Lars { momentum, trust, eps } => json!({ "name": "lars", "momentum": momentum, "trust": trust, "eps": eps }),
    }
}

fn schedule_json(s: &Schedule) -> serde_json::Value {
    use serde_json::json;
    match *s {
        Schedule::Constant { lr } => json!({ "name": "constant", "lr": lr }),
        Schedule::WarmupCosine { lr, warmup, total, min_lr } => {
            json!({ "name": "warmup_cosine", "lr": lr, "warmup": warmup, "total": total, "min_lr": min_lr })
        }
        Schedule::WarmupLinear { lr, warmup, total } => json!({ "name": "warmup_linear", "lr": lr, "warmup": warmup, "total": total }),
    }
}

/// Where things are in the step's parameter and result lists.
#[derive(Clone, Debug)]
pub struct StepLayout {
    pub specs: Vec<ParamSpec>,
    /// Indices (into `specs`) of the parameters this step updates.
    pub trained: Vec<usize>,
    pub state_names: Vec<&'static str>,
    pub inputs: Vec<InputSpec>,
    pub metrics: Vec<String>,
}

impl StepLayout {
    pub fn n_state(&self) -> usize {
        self.trained.len() * self.state_names.len()
    }
    /// Names of the inputs that stay on the device between steps, in parameter order: every
    /// model parameter, the optimizer state (`exp_avg.<name>`, ...) and the step counter.
    /// Those the step updates come back as outputs of the same name.
    pub fn state_input_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.specs.iter().map(|s| s.name.clone()).collect();
        for &i in &self.trained {
            names.extend(self.state_names.iter().map(|n| format!("{}.{}", n, self.specs[i].name)));
        }
        names.push(STEP.to_string());
        names
    }
}

/// The step counter's input (and updated output).
pub const STEP: &str = "step";
/// Names of the step's scalar outputs.
pub const LOSS: &str = "loss";
pub const GRAD_NORM: &str = "grad_norm";
pub const LR: &str = "lr";

/// The output of an objective's metric (kept apart from parameter names).
pub fn metric_output(metric: &str) -> String {
    format!("metrics/{}", metric)
}

/// The output of one of the `WATCHED` per-block vectors.
pub fn watched_output(watched: &str) -> String {
    format!("smoothing/{}", watched)
}

/// The output of the watching step's hidden-state sample.
pub const WATCH_SAMPLE: &str = "smoothing/hidden_sample";

fn batch_dims(inp: &InputSpec, c: &StepConfig) -> Vec<i64> {
    let mut d = vec![];
    if c.accum > 1 {
        d.push(c.accum as i64);
    }
    d.push(c.micro_batch as i64);
    d.extend_from_slice(&inp.shape);
    d
}

fn to_compute(t: &Tensor, bf16: bool) -> TraceResult<Tensor> {
    if bf16 && t.dtype() == DType::F32 {
        t.convert(DType::BF16)
    } else {
        Ok(t.clone())
    }
}

/// The per-block over-smoothing metrics a watching step returns after its other results, each
/// `[L]` (batch means; see `smoothing::metrics`): the paper's token std, the mean cosine
/// similarity of channel-centred tokens (Pearson), the high-frequency energy share and the
/// relative residual to the mean token. The hidden states of a few examples follow them, for
/// the metrics the host computes (effective rank, top singular value: `smoothing::collapse`).
pub const WATCHED: [&str; 4] = ["token_std", "cosine", "hf_share", "rel_residual"];

/// Examples (of device 0's micro-batch) whose hidden states a watching step returns.
pub const WATCH_EXAMPLES: i64 = 8;

/// What one micro-batch's trace gives.
struct MicroBatchOut {
    loss: Tensor,
    /// Gradients of the trained parameters, in `trained` order.
    grads: Vec<Tensor>,
    metrics: Vec<Tensor>,
    /// The `WATCHED` vectors and a hidden-state sample when watching, else empty.
    watched: Vec<Tensor>,
}

/// Loss, metrics and gradients of one micro-batch; with `watch`, also the `WATCHED` vectors.
fn loss_and_grads(
    obj: &dyn Objective,
    specs: &[ParamSpec],
    params: &[Tensor],
    trained: &[usize],
    batch: &[Tensor],
    c: &StepConfig,
    watch: bool,
) -> TraceResult<MicroBatchOut> {
    let compute: Vec<Tensor> = params.iter().map(|p| to_compute(p, c.bf16)).collect::<TraceResult<_>>()?;
    let map = Params::from_map(specs.iter().map(|s| s.name.clone()).zip(compute).collect());
    let batch: Vec<Tensor> = batch.iter().map(|b| to_compute(b, c.bf16)).collect::<TraceResult<_>>()?;
    let stack = StackOptions { keep_hidden: watch, ..c.stack };
    let out = obj.loss(&map, &batch, &stack)?;
    let loss = out.loss.convert(DType::F32)?;
    let wrt: Vec<Tensor> = trained.iter().map(|&i| params[i].clone()).collect();
    let grads = grad(&loss, &wrt)?;
    let metrics = out.metrics.into_iter().map(|(_, m)| m.convert(DType::F32)).collect::<TraceResult<_>>()?;
    let watched = if watch {
        let hidden = out.hidden.ok_or_else(|| {
            TraceError::new("train_step", format!("the {} objective does not expose its hidden states to watch", obj.name()))
        })?;
        let hidden = hidden.convert(DType::F32)?;
        let m = smoothing(&hidden)?;
        let sample = hidden.slice_axis(1, 0, hidden.dim(1).min(WATCH_EXAMPLES))?;
        vec![m.token_std, m.cos_pearson, m.hf_share, m.rel_residual, sample]
    } else {
        vec![]
    };
    Ok(MicroBatchOut { loss, grads, metrics, watched })
}

fn replica_mean(t: &Tensor, replicas: usize) -> TraceResult<Tensor> {
    if replicas <= 1 {
        return Ok(t.clone());
    }
    t.all_reduce(ReduceKind::Sum, &[(0..replicas as i64).collect()])?.div_scalar(replicas as f64)
}

pub fn build_train_step(obj: &dyn Objective, c: &StepConfig) -> TraceResult<(Function, StepLayout)> {
    build(obj, c, false)
}

/// The training step that also returns the per-block `WATCHED` metrics of the batch it trains
/// on, after its usual results. Same parameters and updates as `build_train_step`; run every
/// K steps in its place. Needs `accum == 1`.
pub fn build_watching_step(obj: &dyn Objective, c: &StepConfig) -> TraceResult<(Function, StepLayout)> {
    if c.accum > 1 {
        return Err(TraceError::new("train_step", "watching over-smoothing needs accum = 1 (metrics of one micro-batch)"));
    }
    build(obj, c, true)
}

fn build(obj: &dyn Objective, c: &StepConfig, watch: bool) -> TraceResult<(Function, StepLayout)> {
    if c.micro_batch == 0 || c.accum == 0 || c.replicas == 0 {
        return Err(TraceError::new("train_step", "micro_batch, accum and replicas must be positive"));
    }
    let specs = obj.param_specs();
    let trained: Vec<usize> = (0..specs.len())
        .filter(|&i| specs[i].trainable && c.train_only.as_ref().is_none_or(|names| names.contains(&specs[i].name)))
        .collect();
    let state_names = c.optimizer.state_names().to_vec();
    let layout = StepLayout {
        specs: specs.clone(),
        trained: trained.clone(),
        state_names: state_names.clone(),
        inputs: obj.inputs(),
        metrics: obj.metric_names(),
    };

    let g = Graph::new(&format!("{}_train_step", obj.name()));
    let params: Vec<Tensor> = specs.iter().map(|s| g.param(&s.name, &s.shape, DType::F32)).collect();
    let mut state: Vec<Tensor> = vec![];
    for &i in &trained {
        for n in &state_names {
            state.push(g.param(&format!("{}.{}", n, specs[i].name), &specs[i].shape, DType::F32));
        }
    }
    let step = g.param(STEP, &[], DType::I32);
    let batch: Vec<Tensor> = layout.inputs.iter().map(|inp| g.param(&inp.name, &batch_dims(inp, c), inp.dtype)).collect();

    let MicroBatchOut { loss, grads, metrics, watched } = if c.accum == 1 {
        loss_and_grads(obj, &specs, &params, &trained, &batch, c, watch)?
    } else {
        // Accumulate over micro-batches in a loop: memory stays that of one micro-batch.
        let zero_g: Vec<Tensor> = trained.iter().map(|&i| params[i].zeros_like()).collect();
        let n_metrics = layout.metrics.len();
        let mut init = zero_g;
        init.push(g.scalar(0.0, DType::F32));
        init.extend((0..n_metrics).map(|_| g.scalar(0.0, DType::F32)));
        let (specs2, trained2, cfg) = (specs.clone(), trained.clone(), c.clone());
        let opts = ScanOptions { name: "accumulate".into(), ..Default::default() };
        let r = scan(&init, &batch, &params, opts, |acc, micro, ps| {
            let MicroBatchOut { loss: l, grads: gs, metrics: ms, .. } = loss_and_grads(obj, &specs2, ps, &trained2, micro, &cfg, false)?;
            let nt = trained2.len();
            let mut next: Vec<Tensor> = acc[..nt].iter().zip(&gs).map(|(a, g)| a.add(g)).collect::<TraceResult<_>>()?;
            next.push(acc[nt].add(&l)?);
            for (k, m) in ms.iter().enumerate() {
                next.push(acc[nt + 1 + k].add(m)?);
            }
            Ok((next, vec![]))
        })?;
        let a = c.accum as f64;
        let nt = trained.len();
        let grads = r.carry[..nt].iter().map(|t| t.div_scalar(a)).collect::<TraceResult<_>>()?;
        let metrics = r.carry[nt + 1..].iter().map(|t| t.div_scalar(a)).collect::<TraceResult<_>>()?;
        MicroBatchOut { loss: r.carry[nt].div_scalar(a)?, grads, metrics, watched: vec![] }
    };
    let grads: Vec<Tensor> = grads.iter().map(|t| replica_mean(t, c.replicas)).collect::<TraceResult<_>>()?;
    let loss = replica_mean(&loss, c.replicas)?;
    let metrics: Vec<Tensor> = metrics.iter().map(|t| replica_mean(t, c.replicas)).collect::<TraceResult<_>>()?;
    // The per-block vectors are means over every replica's batch; the hidden-state sample is
    // each device's own.
    let watched: Vec<Tensor> = watched
        .iter()
        .enumerate()
        .map(|(k, t)| if k < WATCHED.len() { replica_mean(t, c.replicas) } else { Ok(t.clone()) })
        .collect::<TraceResult<_>>()?;
    let (grads, grad_norm) = clip_by_global_norm(&grads, c.clip)?;

    let lr = c.schedule.at(&step)?;
    let t = step.add_scalar(1.0)?.convert(DType::F32)?;
    let ns = state_names.len();
    let mut new_params = vec![];
    let mut new_state = vec![];
    for (k, &i) in trained.iter().enumerate() {
        let group = ParamGroup::for_param(&specs[i], c.weight_decay, c.layer_decay);
        let st = &state[k * ns..(k + 1) * ns];
        let rate = StepRate { lr: &lr, t: &t };
        let (p, s) = c.optimizer.update(&params[i], &grads[k], st, &rate, &group, specs[i].layers().is_some())?;
        new_params.push(p);
        new_state.extend(s);
    }
    // Updated values come back under the name of the input they replace, aliased to it.
    let names = layout.state_input_names();
    let updated: Vec<&String> = trained.iter().map(|&i| &names[i]).chain(&names[specs.len()..]).collect();
    let mut outs: Vec<(String, Tensor)> =
        updated.iter().map(|n| n.to_string()).zip(new_params.into_iter().chain(new_state).chain([step.add_scalar(1.0)?])).collect();
    outs.extend([(LOSS.to_string(), loss), (GRAD_NORM.to_string(), grad_norm), (LR.to_string(), lr)]);
    outs.extend(layout.metrics.iter().map(|m| metric_output(m)).zip(metrics));
    let watched_names = WATCHED.iter().map(|w| watched_output(w)).chain([WATCH_SAMPLE.to_string()]);
    outs.extend(watched_names.zip(watched));
    let mut f = Function::named(&g, &outs)?;
    for name in updated {
        f = f.alias_named(name, name)?;
    }
    Ok((f, layout))
}

/// Evaluation: loss and metrics of a batch, no update. Parameters: model parameters, batch.
/// Outputs: `LOSS` and each metric under `metric_output(name)`.
pub fn build_eval_step(obj: &dyn Objective, micro_batch: usize, replicas: usize, stack: &StackOptions) -> TraceResult<Function> {
    let specs = obj.param_specs();
    let g = Graph::new(&format!("{}_eval_step", obj.name()));
    let params: Vec<Tensor> = specs.iter().map(|s| g.param(&s.name, &s.shape, DType::F32)).collect();
    let batch: Vec<Tensor> =
        obj.inputs().iter().map(|inp| g.param(&inp.name, &[&[micro_batch as i64][..], &inp.shape].concat(), inp.dtype)).collect();
    let map = Params::from_map(specs.iter().map(|s| s.name.clone()).zip(params).collect());
    let out = obj.loss(&map, &batch, stack)?;
    let mut outs = vec![(LOSS.to_string(), replica_mean(&out.loss, replicas)?)];
    for (name, m) in out.metrics {
        outs.push((metric_output(&name), replica_mean(&m, replicas)?));
    }
    Function::named(&g, &outs)
}
