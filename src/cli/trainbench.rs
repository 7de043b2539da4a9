//! `bamboo bench-train`: whole training steps (forward, backward, AdamW) of the benchmark
//! configurations (ViT, MAE and BERT, shallow and deep), timed the way the peers in scripts/peers/train_peers.py time theirs.
//!
//! For each configuration: trace + lower + compile seconds, median ms per step after warm-up,
//! examples/s, MFU against a 1024^3 f32 matmul measured in the same run, peak RSS. With
//! `--export DIR` it also writes what the peers need to prove they run the same model: the
//! initial weights (public names), the batch, the loss and every gradient of the first step
//! and the losses of the first steps (which checks the optimizer too). A command, never a test:
//! timings are not assertions.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Args;
use serde_json::{json, Value};

use super::memory::{cpu_seconds, peak_rss_mib, reset_peak_rss};
use super::RuntimeArgs;
use crate::catalog::matmul_of;
use crate::checkpoint::{save, TensorData, Tensors};
use crate::config::{preset, BertConfig, MaeConfig, ModelConfig, Stack, VitConfig};
use crate::graph::{grad, DType, Function, Graph, Remat, Tensor};
use crate::models::{ParamSpec, Params};
use crate::nn::stack::StackOptions;
use crate::optim::{Optimizer, ParamGroup, Schedule};
use crate::program::{element_type, Program};
use crate::runtime::{Arg, Buffer, Client, CompileOptions, HostTensor};
use crate::train::init::init_param;
use crate::train::objective::{BertPretrain, Classify, ClipContrastive, MaePretrain, Objective};
use crate::train::step::{build_train_step, StepConfig, StepLayout};
use crate::train::trainer::Trainer;
use crate::train::weights::{public_names, to_checkpoint};

/// The CPU configurations, in the order they are run by default.
const ALL: &str = "mae-12x192,mae-48x96,vit-s16,vit-48x96,bert-4x256,bert-16x128";
/// Every configuration: the CPU ones, then the paper's Table 6 pair at 224 px (MAE-B 12x768 and
/// Bamboo-B 48x384, decoder 8x512, batch 256), sized for an accelerator.
const KNOWN: &str = "mae-12x192,mae-48x96,vit-s16,vit-48x96,bert-4x256,bert-16x128,mae-b,bamboo-b";

#[derive(Args)]
pub struct BenchTrainArgs {
    #[command(flatten)]
    rt: RuntimeArgs,
    /// Configurations (comma separated): mae-12x192, mae-48x96, vit-s16, vit-48x96, bert-4x256,
    /// bert-16x128, mae-b, bamboo-b (224 px, batch 256: for an accelerator), or all (the CPU six).
    #[arg(long, default_value = "all")]
    configs: String,
    /// Examples per step for every configuration (default: each configuration's own).
    #[arg(long)]
    batch: Option<usize>,
    /// Compute in bf16 with f32 master weights and an f32 loss (as `--bf16` in training); MFU is
    /// then measured against a bf16 matmul.
    #[arg(long)]
    bf16: bool,
    /// Side of the square matmul the MFU is measured against (1024 fits a CPU; a GPU needs 8192
    /// to reach its peak).
    #[arg(long, default_value_t = 1024)]
    ceiling_size: i64,
    /// Timed steps per configuration (after the warm-up).
    #[arg(long, default_value_t = 10)]
    steps: usize,
    /// Untimed steps first (the first run of an executable pays extra).
    #[arg(long, default_value_t = 3)]
    warmup: usize,
    /// Write weights, batch, first-step loss and gradients per configuration under DIR/<config>/.
    #[arg(long, value_name = "DIR")]
    export: Option<PathBuf>,
    /// Rematerialization of the scanned block stacks: save (residuals kept), dots (matmul and
    /// reduction outputs kept, elementwise work recomputed) or full (recompute).
    #[arg(long, default_value = "dots")]
    remat: String,
    /// Trace the block stacks unrolled instead of as a loop (for comparison).
    #[arg(long)]
    unrolled: bool,
    /// Time the step variant that also computes the per-block over-smoothing metrics (run at
    /// every step here; training runs it every K steps). Goes through the Trainer like --devices.
    #[arg(long)]
    watching: bool,
    /// Through the Trainer with the batch sent from the host every step, as training does: time
    /// the steps waiting for each (sync) and with the next upload and the last readback
    /// overlapping the running step, in one process on one compiled step.
    #[arg(long)]
    compare_overlap: bool,
    /// Seed of the initial weights and of the batch.
    #[arg(long, default_value_t = 0)]
    seed: u64,
}

/// One benchmark configuration: the model, its batch and its AdamW betas.
struct Bench {
    name: String,
    model: ModelConfig,
    batch: usize,
    betas: (f64, f64),
}

impl Bench {
    fn objective(&self) -> Box<dyn Objective> {
        match &self.model {
            ModelConfig::Mae(c) => Box::new(MaePretrain(c.clone())),
            ModelConfig::Vit(c) => Box::new(Classify { config: c.clone(), label_smoothing: 0.0, soft_targets: false }),
            ModelConfig::Bert(c) => Box::new(BertPretrain(c.clone())),
            ModelConfig::Clip(c) => Box::new(ClipContrastive(c.clone())),
            ModelConfig::Opt(c) => Box::new(crate::train::objective::CausalLm(c.clone())),
        }
    }

    /// Model FLOPs of one step: 3x the forward of every example (the config's own count).
    fn train_flops(&self) -> f64 {
        self.model.flops().train() as f64 * self.batch as f64
    }

    /// What one example is called in the throughput unit.
    fn unit(&self) -> &'static str {
        match self.model {
            ModelConfig::Bert(_) | ModelConfig::Opt(_) => "sequences",
            _ => "images",
        }
    }
}

const LR: f64 = 1e-4;
const WEIGHT_DECAY: f64 = 0.05;
const EPS: f64 = 1e-8;

fn mae_preset(name: &str) -> Result<MaeConfig> {
    match preset(name)? {
        ModelConfig::Mae(c) => Ok(c),
        _ => bail!("preset `{}` is not an MAE", name),
    }
}

/// The peers compute the same loss and gradients as bamboo, which needs identical math: no dropout.
fn no_dropout(mut c: BertConfig) -> BertConfig {
    c.hidden_dropout = 0.0;
    c.attention_dropout = 0.0;
    c
}

fn bench_config(name: &str) -> Result<Bench> {
    let b = |model, batch, betas| Bench { name: name.to_string(), model, batch, betas };
    let adam = (0.9, 0.999);
    Ok(match name {
        // The CPU presets: 28x28 grey images, patch 4, decoder 4 x 128.
        "mae-12x192" => b(ModelConfig::Mae(mae_preset("mae-vit-s28")?), 64, (0.9, 0.95)),
        "mae-48x96" => b(ModelConfig::Mae(mae_preset("mae-bamboo-s28")?), 64, (0.9, 0.95)),
        "vit-s16" => b(ModelConfig::Vit(VitConfig::new(224, 16, Stack::new(12, 384, 6), 1000)), 8, adam),
        "vit-48x96" => b(preset("bamboo-s28")?, 64, adam),
        "bert-4x256" => b(ModelConfig::Bert(no_dropout(BertConfig::new(Stack::new(4, 256, 4)))), 16, adam),
        "bert-16x128" => b(ModelConfig::Bert(no_dropout(BertConfig::new(Stack::new(16, 128, 2)))), 16, adam),
        // Table 6's pair: ImageNet size, decoder 8 x 512, mask 0.75, normalised pixels.
        "mae-b" => b(ModelConfig::Mae(mae_preset("mae-vit-b")?), 256, (0.9, 0.95)),
        "bamboo-b" => b(ModelConfig::Mae(mae_preset("mae-bamboo-b")?), 256, (0.9, 0.95)),
        other => bail!("--configs: unknown configuration `{}` (known: {})", other, KNOWN),
    })
}

fn step_config(bench: &Bench, stack: StackOptions, bf16: bool) -> StepConfig {
    StepConfig {
        optimizer: Optimizer::AdamW { beta1: bench.betas.0, beta2: bench.betas.1, eps: EPS },
        schedule: Schedule::Constant { lr: LR },
        weight_decay: WEIGHT_DECAY,
        layer_decay: None,
        clip: None,
        replicas: 1,
        accum: 1,
        micro_batch: bench.batch,
        bf16,
        stack,
        train_only: None,
    }
}

/// SplitMix64 for the synthetic batch (deterministic per seed and configuration).
use crate::train::init::SplitMix as Rng;

/// One batch in the objective's input order, plus the same tensors for the safetensors export.
fn make_batch(bench: &Bench, seed: u64) -> Result<(Vec<HostTensor>, Tensors)> {
    let mut rng = Rng(seed ^ 0xB47C_4000);
    let n = bench.batch;
    let mut host = vec![];
    let mut named = Tensors::new();
    let mut f32_input = |name: &str, dims: &[usize], v: Vec<f32>, host: &mut Vec<HostTensor>| -> Result<()> {
        host.push(HostTensor::from_slice(&dims.iter().map(|&d| d as i64).collect::<Vec<_>>(), &v)?);
        named.insert(name.to_string(), TensorData::from_f32(dims, &v));
        Ok(())
    };
    let images = |c: usize, s: usize, rng: &mut Rng| -> Vec<f32> { (0..n * c * s * s).map(|_| rng.normal() as f32).collect() };
    match &bench.model {
        ModelConfig::Mae(c) => {
            let s = c.image_size;
            f32_input("images", &[n, c.channels, s, s], images(c.channels, s, &mut rng), &mut host)?;
            // Masking noise per example, as the data pipeline draws it.
            let p = c.num_patches();
            f32_input("noise", &[n, p], (0..n * p).map(|_| rng.uniform() as f32).collect(), &mut host)?;
        }
        ModelConfig::Clip(c) => {
            let s = c.image_size;
            f32_input("images", &[n, c.channels, s, s], images(c.channels, s, &mut rng), &mut host)?;
            // Random tokens, the end-of-text token (the largest id) last.
            let t = c.seq_len;
            let ids: Vec<i32> =
                (0..n * t).map(|i| if i % t == t - 1 { c.vocab_size as i32 - 1 } else { rng.below(c.vocab_size - 1) as i32 }).collect();
            host.push(HostTensor::from_slice(&[n as i64, t as i64], &ids)?);
            named.insert("input_ids".into(), TensorData::from_i32(&[n, t], &ids));
        }
        ModelConfig::Vit(c) => {
            let s = c.image_size;
            f32_input("images", &[n, c.channels, s, s], images(c.channels, s, &mut rng), &mut host)?;
            let labels: Vec<i32> = (0..n).map(|_| rng.below(c.num_classes) as i32).collect();
            host.push(HostTensor::from_slice(&[n as i64], &labels)?);
            named.insert("labels".into(), TensorData::from_i32(&[n], &labels));
        }
        ModelConfig::Bert(c) => {
            let (s, m) = (c.seq_len, c.max_predictions);
            let (mut ids, mut mask, mut seg) = (vec![0i32; n * s], vec![0f32; n * s], vec![0i32; n * s]);
            let (mut pos, mut mids, mut mw) = (vec![0i32; n * m], vec![0i32; n * m], vec![0f32; n * m]);
            let mut nsp = vec![0i32; n];
            for e in 0..n {
                // Real lengths from half to all of the sequence; the rest is padding.
                let len = s / 2 + rng.below(s / 2 + 1);
                let split = 1 + rng.below(len - 1);
                for t in 0..len {
                    ids[e * s + t] = if t == 0 { 101 } else { 1000 + rng.below(c.vocab_size - 1000) as i32 };
                    mask[e * s + t] = 1.0;
                    seg[e * s + t] = (t >= split) as i32;
                }
                // 15% of the real tokens (at most max_predictions), distinct, never [CLS].
                let k = ((len as f64 * 0.15).round() as usize).clamp(1, m);
                let mut chosen: Vec<usize> = vec![];
                while chosen.len() < k {
                    let t = 1 + rng.below(len - 1);
                    if !chosen.contains(&t) {
                        chosen.push(t);
                    }
                }
                for (j, &t) in chosen.iter().enumerate() {
                    pos[e * m + j] = t as i32;
                    mids[e * m + j] = 1000 + rng.below(c.vocab_size - 1000) as i32;
                    mw[e * m + j] = 1.0;
                }
                nsp[e] = rng.below(2) as i32;
            }
            let ints = |name: &str, dims: &[usize], v: &[i32], host: &mut Vec<HostTensor>, named: &mut Tensors| -> Result<()> {
                host.push(HostTensor::from_slice(&dims.iter().map(|&d| d as i64).collect::<Vec<_>>(), v)?);
                named.insert(name.to_string(), TensorData::from_i32(dims, v));
                Ok(())
            };
            // Objective order: input_ids, input_mask, segment_ids, positions, ids, weights, nsp.
            let mut h = vec![];
            let mut nm = Tensors::new();
            ints("input_ids", &[n, s], &ids, &mut h, &mut nm)?;
            h.push(HostTensor::from_slice(&[n as i64, s as i64], &mask)?);
            nm.insert("input_mask".into(), TensorData::from_f32(&[n, s], &mask));
            ints("segment_ids", &[n, s], &seg, &mut h, &mut nm)?;
            ints("masked_lm_positions", &[n, m], &pos, &mut h, &mut nm)?;
            ints("masked_lm_ids", &[n, m], &mids, &mut h, &mut nm)?;
            h.push(HostTensor::from_slice(&[n as i64, m as i64], &mw)?);
            nm.insert("masked_lm_weights".into(), TensorData::from_f32(&[n, m], &mw));
            ints("next_sentence_labels", &[n], &nsp, &mut h, &mut nm)?;
            return Ok((h, nm));
        }
        ModelConfig::Opt(c) => {
            let s = c.seq_len;
            let ids: Vec<i32> = (0..n * s).map(|_| rng.below(c.vocab_size) as i32).collect();
            host.push(HostTensor::from_slice(&[n as i64, s as i64], &ids)?);
            named.insert("input_ids".into(), TensorData::from_i32(&[n, s], &ids));
        }
    }
    Ok((host, named))
}

/// Loss and the gradient of every trainable parameter (spec order), for the export only.
fn loss_and_grads_fn(obj: &dyn Objective, layout: &StepLayout, batch: usize, stack: &StackOptions) -> Result<Function> {
    let g = Graph::new(&format!("{}_loss_and_grads", obj.name()));
    let params: Vec<Tensor> = layout.specs.iter().map(|s| g.param(&s.name, &s.shape, DType::F32)).collect();
    let inputs: Vec<Tensor> = layout.inputs.iter().map(|i| g.param(&i.name, &[&[batch as i64][..], &i.shape].concat(), i.dtype)).collect();
    let map = Params::from_map(layout.specs.iter().map(|s| s.name.clone()).zip(params.iter().cloned()).collect());
    let loss = obj.loss(&map, &inputs, stack)?.loss;
    let wrt: Vec<Tensor> = layout.trained.iter().map(|&i| params[i].clone()).collect();
    let grads = grad(&loss, &wrt)?;
    Ok(Function::new(&g, &[&[loss][..], &grads].concat())?)
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// An n^3 matmul (f32, or bf16 for a bf16 step): the ceiling MFU is measured against. It is
/// timed again just before each configuration, so load from other processes on a shared machine
/// hits both alike.
struct Ceiling {
    program: Program,
    args: Vec<Buffer>,
    n: i64,
}

impl Ceiling {
    fn new(client: &Client, opts: &CompileOptions, n: i64, bf16: bool) -> Result<Ceiling> {
        anyhow::ensure!(n >= 1, "--ceiling-size must be at least 1, got {}", n);
        let dtype = if bf16 { DType::BF16 } else { DType::F32 };
        let program = Program::compile(client, &matmul_of(n, dtype)?, opts)?;
        let mut rng = Rng(7);
        let count = (n * n) as usize;
        let args = (0..2)
            .map(|_| {
                let v: Vec<f32> = (0..count).map(|_| rng.normal() as f32).collect();
                let h = if bf16 {
                    HostTensor::from_slice(&[n, n], &v.iter().map(|&x| half::bf16::from_f32(x)).collect::<Vec<_>>())?
                } else {
                    HostTensor::from_slice(&[n, n], &v)?
                };
                Ok(client.to_device(&h, 0)?)
            })
            .collect::<Result<_>>()?;
        Ok(Ceiling { program, args, n })
    }

    /// (median, best) GFLOP/s over 20 runs after 5 warm-up runs.
    fn measure(&self) -> Result<(f64, f64)> {
        let mut times = vec![];
        for i in 0..25 {
            let t0 = Instant::now();
            for o in self.program.run(self.args.iter().map(Arg::Borrow).collect())? {
                o.block_until_ready()?;
            }
            if i >= 5 {
                times.push(t0.elapsed().as_secs_f64());
            }
        }
        let flop = 2.0 * (self.n as f64).powi(3);
        let best = times.iter().cloned().fold(f64::INFINITY, f64::min);
        Ok((flop / median(&times) / 1e9, flop / best / 1e9))
    }
}

/// The step's device state: every parameter, the optimizer state, the step counter.
struct DeviceState {
    bufs: Vec<Buffer>,
}

/// One step: donates what the step updates, lends the fixed parameters and the batch (which
/// stays on the device for the whole run, as the peers keep theirs). Returns the loss.
fn run_step(p: &Program, layout: &StepLayout, st: &mut DeviceState, batch: &[Buffer]) -> Result<f32> {
    let n_params = layout.specs.len();
    let old = std::mem::take(&mut st.bufs);
    let mut lent: Vec<Option<Buffer>> = vec![];
    let mut args: Vec<Arg> = vec![];
    let mut donated = vec![];
    for (i, b) in old.into_iter().enumerate() {
        if i >= n_params || layout.trained.contains(&i) {
            donated.push(Some(b));
            lent.push(None);
        } else {
            donated.push(None);
            lent.push(Some(b));
        }
    }
    for i in 0..donated.len() {
        match donated[i].take() {
            Some(b) => args.push(Arg::Donate(b)),
            None => args.push(Arg::Borrow(lent[i].as_ref().expect("lent buffer"))),
        }
    }
    args.extend(batch.iter().map(Arg::Borrow));
    let outs = p.run(args)?;
    let (n_tr, n_st) = (layout.trained.len(), layout.n_state());
    let loss = outs[layout.loss_output()].to_host()?.to_scalar::<f32>()?;
    let mut updated = outs.into_iter().take(n_tr + n_st + 1);
    for (i, slot) in lent.iter_mut().enumerate().take(n_params) {
        st.bufs.push(match slot.take() {
            Some(b) => b,
            None => updated.next().with_context(|| format!("no updated value for parameter {}", i))?,
        });
    }
    st.bufs.extend(updated);
    Ok(loss)
}

struct Measured {
    trace_s: f64,
    lower_s: f64,
    compile_s: f64,
    step_ms: Vec<f64>,
    /// CPU milliseconds per timed step, all threads.
    cpu_ms: f64,
    losses: Vec<f32>,
    peak_rss_mib: f64,
    /// Activations the block loops keep for the backward pass (`--remat`), when known.
    saved_mib: Option<f64>,
    /// The device allocator's peak since the process started, where the plugin keeps one (GPU).
    peak_device_mib: Option<f64>,
    /// `--compare-overlap`: median ms per step with host work overlapping the device's.
    overlapped_ms: Option<f64>,
}

fn peak_device_mib(client: &Client) -> Option<f64> {
    client.memory_stats(0)?.peak_bytes_in_use.map(|b| b as f64 / (1024.0 * 1024.0))
}

fn bench_one(client: &Client, opts: &CompileOptions, bench: &Bench, a: &BenchTrainArgs, stack: StackOptions) -> Result<Measured> {
    // With --devices (even 1), the step runs data-parallel through the Trainer, so 1 and N
    // devices are timed by the same harness.
    if a.rt.devices.is_some() || a.watching || a.compare_overlap {
        return bench_replicated(client, bench, a, stack, a.rt.devices.unwrap_or(1).max(1) as usize);
    }
    reset_peak_rss();
    let obj = bench.objective();
    let sc = step_config(bench, stack, a.bf16);
    let t0 = Instant::now();
    let (f, layout) = build_train_step(obj.as_ref(), &sc)?;
    let t1 = Instant::now();
    let text = f.to_stablehlo();
    let t2 = Instant::now();
    let saved_mib = f.saved_for_backward_bytes() as f64 / (1024.0 * 1024.0);
    let exe = client.compile(&f.name, &text, opts).with_context(|| format!("compiling the {} step", bench.name))?;
    let compile_s = t2.elapsed().as_secs_f64();
    let program = Program {
        name: f.name.clone(),
        params: f.params().into_iter().map(|p| (p.name, p.ty)).collect(),
        outputs: f.output_types(),
        exe,
        compile_seconds: compile_s,
    };
    drop(text);
    let compile_rss = peak_rss_mib();

    let params: Vec<HostTensor> = layout.specs.iter().map(|s| init_param(s, a.seed)).collect::<Result<_>>()?;
    let (batch_host, batch_named) = make_batch(bench, a.seed)?;
    for (i, h) in batch_host.iter().enumerate() {
        program.check_input(layout.step_param() + 1 + i, h).with_context(|| format!("batch input `{}`", layout.inputs[i].name))?;
    }
    let batch: Vec<Buffer> = batch_host.iter().map(|h| client.to_device(h, 0).map_err(Into::into)).collect::<Result<_>>()?;

    if let Some(dir) = &a.export {
        export(client, opts, bench, obj.as_ref(), &layout, &params, &batch_named, &batch, &dir.join(&bench.name), &stack, a.bf16)?;
        // The export's own program is not part of the step's footprint.
        reset_peak_rss();
    }

    let mut st = DeviceState { bufs: vec![] };
    for h in &params {
        st.bufs.push(client.to_device(h, 0)?);
    }
    for k in 0..layout.n_state() {
        let spec = &layout.specs[layout.trained[k / layout.state_names.len()]];
        st.bufs.push(client.to_device(&HostTensor::zeros(element_type(DType::F32), &spec.shape)?, 0)?);
    }
    st.bufs.push(client.to_device(&HostTensor::scalar(0i32), 0)?);

    let (losses, step_ms, cpu_ms) = timed_steps(bench, a, || run_step(&program, &layout, &mut st, &batch))?;
    Ok(Measured {
        peak_device_mib: peak_device_mib(client),
        overlapped_ms: None,
        trace_s: (t1 - t0).as_secs_f64(),
        lower_s: (t2 - t1).as_secs_f64(),
        compile_s,
        step_ms,
        cpu_ms,
        losses,
        peak_rss_mib: compile_rss.max(peak_rss_mib()),
        saved_mib: Some(saved_mib),
    })
}

/// Runs `step` for the warm-up and the timed steps; returns every loss and the timed steps' ms.
/// A non-finite loss stops the benchmark.
fn timed_steps(bench: &Bench, a: &BenchTrainArgs, mut step: impl FnMut() -> Result<f32>) -> Result<(Vec<f32>, Vec<f64>, f64)> {
    let mut losses = vec![];
    let mut step_ms = vec![];
    let mut cpu0 = cpu_seconds();
    for i in 0..a.warmup + a.steps {
        if i == a.warmup {
            cpu0 = cpu_seconds();
        }
        let t = Instant::now();
        let loss = step()?;
        let ms = t.elapsed().as_secs_f64() * 1e3;
        if !loss.is_finite() {
            bail!("{}: loss {} at step {}", bench.name, loss, i);
        }
        losses.push(loss);
        if i >= a.warmup {
            step_ms.push(ms);
        }
    }
    let cpu_ms = (cpu_seconds() - cpu0) * 1e3 / a.steps.max(1) as f64;
    Ok((losses, step_ms, cpu_ms))
}

/// The same step data-parallel over `devices` replicas (the global batch split between them,
/// gradients averaged in the graph), driven by the `Trainer` as the recipes drive it: the batch
/// goes from the host to the devices every step. For 2- versus 1-device scaling.
fn bench_replicated(client: &Client, bench: &Bench, a: &BenchTrainArgs, stack: StackOptions, devices: usize) -> Result<Measured> {
    reset_peak_rss();
    anyhow::ensure!(
        bench.batch.is_multiple_of(devices),
        "--devices {}: the batch of {} ({}) does not split evenly",
        devices,
        bench.name,
        bench.batch
    );
    anyhow::ensure!(a.export.is_none(), "--export runs on one device; drop --devices");
    let obj = bench.objective();
    let mut sc = step_config(bench, stack, a.bf16);
    sc.replicas = devices;
    sc.micro_batch = bench.batch / devices;
    let mut trainer = Trainer::new(client, obj.as_ref(), sc, a.seed)?;
    if a.watching {
        trainer.watch_smoothing(obj.as_ref(), 1)?;
    }
    let compile_s = trainer.program.compile_seconds();
    let compile_rss = peak_rss_mib();
    let (batch, _) = make_batch(bench, a.seed)?;
    let (losses, step_ms, cpu_ms) = timed_steps(bench, a, || Ok(trainer.train_step(&batch)?.loss))?;
    let overlapped_ms = if a.compare_overlap { Some(overlapped_steps(&mut trainer, &batch, a)?) } else { None };
    let peak_rss_mib = compile_rss.max(peak_rss_mib());
    let peak_device_mib = peak_device_mib(client);
    Ok(Measured {
        trace_s: 0.0,
        lower_s: 0.0,
        compile_s,
        step_ms,
        cpu_ms,
        losses,
        peak_rss_mib,
        peak_device_mib,
        saved_mib: None,
        overlapped_ms,
    })
}

/// Median ms per step when the host runs one step ahead (what `train::run` does): upload the
/// next batch and read the previous step's loss while the launched step computes.
fn overlapped_steps(trainer: &mut Trainer, batch: &[HostTensor], a: &BenchTrainArgs) -> Result<f64> {
    let mut next = Some(trainer.upload(batch)?);
    let mut pending = None;
    let mut times = vec![];
    for i in 0..a.warmup + a.steps {
        let t = Instant::now();
        let launched = trainer.launch(next.take().expect("uploaded batch"))?;
        next = Some(trainer.upload(batch)?);
        if let Some(prev) = pending.replace(launched) {
            let loss = trainer.finish(prev)?.loss;
            anyhow::ensure!(loss.is_finite(), "loss {} in the overlapped steps", loss);
        }
        if i >= a.warmup {
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    if let Some(p) = pending {
        trainer.finish(p)?;
    }
    Ok(median(&times))
}

/// Writes DIR/{weights,batch,grads}.safetensors and DIR/ref.json (config, optimizer, which
/// parameters decay, the first step's loss, and the losses of the first three steps).
#[allow(clippy::too_many_arguments)]
fn export(
    client: &Client,
    opts: &CompileOptions,
    bench: &Bench,
    obj: &dyn Objective,
    layout: &StepLayout,
    params: &[HostTensor],
    batch_named: &Tensors,
    batch: &[Buffer],
    dir: &Path,
    stack: &StackOptions,
    bf16: bool,
) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    save(&dir.join("weights.safetensors"), &to_checkpoint(&layout.specs, params)?, &Default::default())?;
    save(&dir.join("batch.safetensors"), batch_named, &Default::default())?;

    let mut decay = vec![];
    let mut fixed = vec![];
    for (i, s) in layout.specs.iter().enumerate() {
        if !layout.trained.contains(&i) {
            fixed.extend(public_names(s));
        } else if ParamGroup::for_param(s, WEIGHT_DECAY, None).weight_decay > 0.0 {
            decay.extend(public_names(s));
        }
    }
    let mut meta = json!({
        "config": bench.name,
        "model": serde_json::from_str::<Value>(&bench.model.to_json())?,
        "batch": bench.batch,
        "bf16": bf16,
        "inputs": layout.inputs.iter().map(|i| i.name.clone()).collect::<Vec<_>>(),
        "optimizer": {"name": "adamw", "lr": LR, "beta1": bench.betas.0, "beta2": bench.betas.1, "eps": EPS, "weight_decay": WEIGHT_DECAY},
        "decay": decay,
        "fixed": fixed,
        "train_flops_per_step": bench.train_flops(),
    });
    if bf16 {
        // A bf16 run is checked by its step losses (export_losses): bf16 rounding puts gradients
        // a percent apart between engines, and the f32 proof of the same model is made on a CPU.
        std::fs::write(dir.join("ref.json"), serde_json::to_string_pretty(&meta)?)?;
        return Ok(());
    }
    let gp = Program::compile(client, &loss_and_grads_fn(obj, layout, bench.batch, stack)?, opts)?;
    let pbufs: Vec<Buffer> = params.iter().map(|h| client.to_device(h, 0).map_err(Into::into)).collect::<Result<_>>()?;
    let outs = gp.run(pbufs.iter().chain(batch).map(Arg::Borrow).collect())?;
    let loss = outs[0].to_host()?.to_scalar::<f32>()?;
    let grads: Vec<HostTensor> = outs[1..].iter().map(|b| b.to_host().map_err(Into::into)).collect::<Result<_>>()?;
    let trained_specs: Vec<ParamSpec> = layout.trained.iter().map(|&i| layout.specs[i].clone()).collect();
    let gt = to_checkpoint(&trained_specs, &grads)?;
    let norm = gt.values().map(|t| t.to_f32().iter().map(|&v| (v as f64).powi(2)).sum::<f64>()).sum::<f64>().sqrt();
    save(&dir.join("grads.safetensors"), &gt, &Default::default())?;
    meta["loss"] = json!(loss);
    meta["grad_norm"] = json!(norm);
    std::fs::write(dir.join("ref.json"), serde_json::to_string_pretty(&meta)?)?;
    Ok(())
}

/// Adds the first steps' losses (the optimizer check) to an exported ref.json.
fn export_losses(dir: &Path, losses: &[f32]) -> Result<()> {
    let path = dir.join("ref.json");
    let mut v: Value = serde_json::from_slice(&std::fs::read(&path)?)?;
    v["step_losses"] = json!(losses.iter().take(3).collect::<Vec<_>>());
    if v.get("loss").is_none() {
        v["loss"] = json!(losses[0]);
    }
    std::fs::write(&path, serde_json::to_string_pretty(&v)?)?;
    Ok(())
}

pub fn run(a: &BenchTrainArgs) -> Result<()> {
    anyhow::ensure!(a.steps >= 1, "--steps must be at least 1");
    anyhow::ensure!(a.export.is_none() || a.warmup + a.steps >= 3, "--export needs at least 3 steps in all (the optimizer check)");
    let names: Vec<String> = if a.configs == "all" {
        ALL.split(',').map(String::from).collect()
    } else {
        a.configs.split(',').map(|s| s.trim().to_string()).collect()
    };
    // Every name is checked before minutes of benchmarking start.
    let mut benches: Vec<Bench> = names.iter().map(|n| bench_config(n)).collect::<Result<_>>()?;
    if let Some(n) = a.batch {
        anyhow::ensure!(n >= 1, "--batch must be at least 1, got {}", n);
        benches.iter_mut().for_each(|b| b.batch = n);
    }
    let remat = Remat::parse(&a.remat).ok_or_else(|| anyhow::anyhow!("--remat must be {}, got `{}`", Remat::NAMES, a.remat))?;
    let stack = StackOptions { remat, unrolled: a.unrolled, keep_hidden: false };
    let client = a.rt.client()?;
    let mut opts = a.rt.compile_options()?;
    opts.env_option_overrides.extend(crate::train::default_xla_options(client.platform_name()));
    let xla: Vec<String> = opts.env_option_overrides.iter().map(|(k, v)| format!("{}={}", k, v)).collect();

    let meter = Ceiling::new(&client, &opts, a.ceiling_size, a.bf16)?;
    let (ceiling0, best0) = meter.measure()?;
    let precision = if a.bf16 { "bf16" } else { "f32" };
    println!(
        "platform {}, {}, AdamW, {} warm-up + {} timed steps; matmul {}^3 {}: {:.1} GFLOP/s median (best {:.1}); xla options [{}]",
        client.platform_name(),
        precision,
        a.warmup,
        a.steps,
        a.ceiling_size,
        precision,
        ceiling0,
        best0,
        xla.join(", ")
    );
    let mut results = BTreeMap::new();
    let mut ceilings = vec![];
    for b in &benches {
        let (ceiling, _) = meter.measure()?;
        ceilings.push(ceiling);
        let m = bench_one(&client, &opts, b, a, stack)?;
        if let Some(dir) = &a.export {
            export_losses(&dir.join(&b.name), &m.losses)?;
        }
        let ms = median(&m.step_ms);
        let (lo, hi) = m.step_ms.iter().fold((f64::INFINITY, 0f64), |(l, h), &v| (l.min(v), h.max(v)));
        let per_s = b.batch as f64 / (ms / 1e3);
        let mfu = b.train_flops() / (ms / 1e3) / (ceiling * 1e9);
        println!(
            "{:<12} compile {:.2} s (trace {:.2} + lower {:.2}); step {:.1} ms median [{:.1}..{:.1}], CPU {:.0} ms; {:.1} {}/s; MFU {:.1}% of {:.0} GFLOP/s; peak RSS {:.0} MiB{}; loss {:.5} -> {:.5}",
            b.name, m.compile_s, m.trace_s, m.lower_s, ms, lo, hi, m.cpu_ms, per_s, b.unit(), mfu * 100.0, ceiling, m.peak_rss_mib,
            m.saved_mib.map(|s| format!(", kept for backward {:.0} MiB", s)).unwrap_or_default()
                + &m.peak_device_mib.map(|d| format!(", peak device {:.0} MiB", d)).unwrap_or_default(),
            m.losses[0], m.losses[m.losses.len() - 1]
        );
        if let Some(o) = m.overlapped_ms {
            println!(
                "{:<12} batch from the host every step: {:.1} ms waiting for each step, {:.1} ms overlapped ({:.2}x)",
                b.name,
                ms,
                o,
                ms / o
            );
        }
        results.insert(
            b.name.clone(),
            json!({
                "compile_s": m.compile_s, "trace_s": m.trace_s, "lower_s": m.lower_s,
                "step_ms": ms, "step_ms_all": m.step_ms, "cpu_ms_per_step": m.cpu_ms, "examples_per_s": per_s, "mfu": mfu,
                "train_flops_per_step": b.train_flops(), "batch": b.batch, "peak_rss_mib": m.peak_rss_mib,
                "first_loss": m.losses[0], "last_loss": m.losses[m.losses.len() - 1], "matmul_gflops": ceiling,
                "saved_for_backward_mib": m.saved_mib, "peak_device_mib": m.peak_device_mib, "bf16": a.bf16,
                "overlapped_step_ms": m.overlapped_ms,
            }),
        );
    }
    let report = json!({
        "engine": "bamboo",
        "matmul_gflops": median(&ceilings),
        "matmul_first_gflops": ceiling0,
        "matmul_first_best_gflops": best0,
        "xla_options": xla,
        "remat": a.remat,
        "unrolled": a.unrolled,
        "configs": results,
    });
    println!("{}", serde_json::to_string(&report)?);
    Ok(())
}
