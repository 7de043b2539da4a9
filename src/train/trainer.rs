//! The training loop's device side: compiled step, per-device state, checkpoints and resume.
//!
//! A checkpoint is a folder `ckpt-00000120/` holding `model.safetensors` (public per-layer
//! names), `optimizer.safetensors` (`exp_avg.blocks.3.attn.qkv.weight`, ...) and `state.json`
//! (step, data position, config), and `commit.json` last (sizes and SHA-256 of the others, see
//! `checkpoint::commit`). Locally it is written as `ckpt-00000120.tmp/` and renamed when complete;
//! on object storage the marker alone makes it count. The run folder may be `gs://` or `s3://`.

use std::path::{Path, PathBuf};

use anyhow::{bail, ensure, Context, Result};
use serde_json::{json, Value};

use super::objective::Objective;
use super::step::{
    build_train_step, build_watching_step, metric_output, watched_output, StepConfig, StepLayout, GRAD_NORM, LOSS, LR, WATCHED,
    WATCH_SAMPLE,
};
use crate::checkpoint::commit::{self, read_marker, read_verified};
use crate::checkpoint::{parse, serialize, Tensors};
use crate::program::{Compile, Compiled, InputSlot, OutputSlot, Outputs};
use crate::runtime::{Buffer, Client, CompileOptions, ElementType, HostTensor};
use crate::smoothing::collapse::CollapseSums;
use crate::weights::host::{host_params, public_names, to_checkpoint};
use crate::weights::init::init_param;
use crate::weights::ParamSpec;

/// The scalars a step reports.
#[derive(Clone, Debug, PartialEq)]
pub struct StepMetrics {
    pub step: u64,
    pub loss: f32,
    pub grad_norm: f32,
    pub lr: f32,
    pub metrics: Vec<(String, f32)>,
}

/// A batch on the devices, one list of buffers per device, ready for `Trainer::launch`.
pub struct Uploaded {
    per_device: Vec<Vec<Buffer>>,
}

/// A launched step: its index and device 0's outputs, not yet read.
pub struct Pending {
    step: u64,
    results: Outputs<Buffer>,
    slots: ResultSlots,
}

/// Where a step program's inputs and outputs are, found by name once when it is compiled.
struct StepSlots {
    /// Per entry of a device's state (parameters, optimizer state, step counter): its input.
    state: Vec<InputSlot>,
    /// Per entry of a device's state: the output that returns it updated, if the step updates it.
    updated: Vec<Option<OutputSlot>>,
    batch: Vec<InputSlot>,
    results: ResultSlots,
}

/// The outputs `Trainer::finish` reads.
#[derive(Clone)]
struct ResultSlots {
    loss: OutputSlot,
    grad_norm: OutputSlot,
    lr: OutputSlot,
    metrics: Vec<OutputSlot>,
    /// The `WATCHED` vectors and the hidden-state sample, in the watching variant.
    watched: Option<(Vec<OutputSlot>, OutputSlot)>,
}

impl StepSlots {
    fn resolve(program: &Compiled, layout: &StepLayout, watching: bool) -> Result<StepSlots> {
        let names = layout.state_input_names();
        let output_names: std::collections::HashSet<&str> = program.outputs().iter().map(|o| o.name.as_str()).collect();
        let updated =
            names.iter().map(|n| output_names.contains(n.as_str()).then(|| program.output(n)).transpose()).collect::<Result<_>>()?;
        let watched = if watching {
            let vectors = WATCHED.iter().map(|w| program.output(&watched_output(w))).collect::<Result<_>>()?;
            Some((vectors, program.output(WATCH_SAMPLE)?))
        } else {
            None
        };
        Ok(StepSlots {
            state: names.iter().map(|n| program.input(n)).collect::<Result<_>>()?,
            updated,
            batch: layout.inputs.iter().map(|i| program.input(&i.name)).collect::<Result<_>>()?,
            results: ResultSlots {
                loss: program.output(LOSS)?,
                grad_norm: program.output(GRAD_NORM)?,
                lr: program.output(LR)?,
                metrics: layout.metrics.iter().map(|m| program.output(&metric_output(m))).collect::<Result<_>>()?,
                watched,
            },
        })
    }
}

pub struct Trainer {
    client: Client,
    pub program: Compiled,
    slots: StepSlots,
    pub layout: StepLayout,
    pub config: StepConfig,
    /// Per device: every step parameter up to and including the step counter.
    state: Vec<Vec<Buffer>>,
    pub step: u64,
    /// The step variant that also returns per-block smoothing metrics, and when it runs.
    watch: Option<Watch>,
}

/// When the watching step variant runs: steps K, 2K, ... (counted from 1, as the logs count
/// them) and the last step, when the loop has said which one that is.
struct Watch {
    every: u64,
    last: Option<u64>,
    program: Compiled,
    slots: StepSlots,
}

impl Watch {
    /// Is the step that takes the counter from `step` to `step + 1` (logged as `step + 1`) watched?
    fn covers(&self, step: u64) -> bool {
        let n = step + 1;
        n.is_multiple_of(self.every) || self.last == Some(n)
    }
}

/// Splits a global batch `[.., R*B, ..]` along `axis` into R device slices.
pub fn split_batch(t: &HostTensor, axis: usize, parts: usize) -> Result<Vec<HostTensor>> {
    if parts == 1 {
        return Ok(vec![t.clone()]);
    }
    let d = t.dims[axis] as usize;
    ensure!(d.is_multiple_of(parts), "batch of {} does not split over {} devices", d, parts);
    let outer: usize = t.dims[..axis].iter().product::<i64>() as usize;
    let inner: usize = t.dims[axis + 1..].iter().product::<i64>() as usize * t.ty.size_bytes();
    let chunk = d / parts * inner;
    let mut out = vec![];
    for r in 0..parts {
        let mut bytes = Vec::with_capacity(outer * chunk);
        for o in 0..outer {
            let start = o * d * inner + r * chunk;
            bytes.extend_from_slice(&t.data[start..start + chunk]);
        }
        let mut dims = t.dims.clone();
        dims[axis] = (d / parts) as i64;
        out.push(HostTensor::new(t.ty, dims, bytes)?);
    }
    Ok(out)
}

/// How every variant of a step compiles: one replica per device, bamboo's default XLA options.
fn step_options(client: &Client, config: &StepConfig) -> CompileOptions {
    let mut opts = CompileOptions::replicated(config.replicas as i64);
    opts.env_option_overrides.extend(super::default_xla_options(client.platform_name()));
    opts
}

fn state_spec(layout: &StepLayout, k: usize) -> ParamSpec {
    let ns = layout.state_names.len();
    let mut s = layout.specs[layout.trained[k / ns]].clone();
    s.name = format!("{}.{}", layout.state_names[k % ns], s.name);
    s
}

impl Trainer {
    /// Compiles the step and places freshly initialized parameters on every device.
    pub fn new(client: &Client, obj: &dyn Objective, config: StepConfig, seed: u64) -> Result<Trainer> {
        let (f, layout) = build_train_step(obj, &config)?;
        let program = f.lower().compile(client, &step_options(client, &config))?;
        let slots = StepSlots::resolve(&program, &layout, false)?;
        let params: Vec<HostTensor> = layout.specs.iter().map(|s| init_param(s, seed)).collect::<Result<_>>()?;
        let mut t = Trainer { client: client.clone(), program, slots, layout, config, state: vec![], step: 0, watch: None };
        t.place(&params, None, 0)?;
        Ok(t)
    }

    /// At steps `every`, `2 every`, ... (counted from 1, as `metrics.jsonl` counts them) and at
    /// the last step (`watch_last_step`), run the step variant that also computes
    /// the per-block over-smoothing metrics of its batch (`step::WATCHED`); they come back as
    /// metrics `smoothing/<name>/block_<l>`, with `effective_rank` and `top_singular` (the
    /// largest singular value) computed on the host from the first `step::WATCH_EXAMPLES`
    /// examples of device 0. Compiled once, here.
    pub fn watch_smoothing(&mut self, obj: &dyn Objective, every: u64) -> Result<()> {
        ensure!(every > 0, "the smoothing watch interval must be positive");
        let (f, _) = build_watching_step(obj, &self.config)?;
        let program = f.lower().compile(&self.client, &step_options(&self.client, &self.config))?;
        let slots = StepSlots::resolve(&program, &self.layout, true)?;
        self.watch = Some(Watch { every, last: None, program, slots });
        Ok(())
    }

    /// The run's last step (counted from 1): a watching trainer watches it too, so a run ends
    /// with the smoothing metrics of its final weights whatever its length.
    pub fn watch_last_step(&mut self, last: u64) {
        if let Some(w) = self.watch.as_mut() {
            w.last = Some(last);
        }
    }

    /// Puts parameters, optimizer state (zeros when `None`) and the step counter on every device.
    fn place(&mut self, params: &[HostTensor], opt: Option<&[HostTensor]>, step: u64) -> Result<()> {
        let zeros: Vec<HostTensor>;
        let opt = match opt {
            Some(o) => o,
            None => {
                zeros = (0..self.layout.n_state())
                    .map(|k| HostTensor::zeros(ElementType::F32, &state_spec(&self.layout, k).shape))
                    .collect::<std::result::Result<_, _>>()?;
                &zeros
            }
        };
        let step_t = HostTensor::scalar(step as i32);
        self.state.clear();
        for d in 0..self.config.replicas {
            let mut bufs = vec![];
            for h in params.iter().chain(opt).chain(std::iter::once(&step_t)) {
                bufs.push(self.client.to_device(h, d)?);
            }
            self.state.push(bufs);
        }
        self.step = step;
        Ok(())
    }

    /// One training step, start to end: upload the batch, run, read the scalars back. The host
    /// waits for the device here; `run` overlaps the two with `upload`, `launch` and `finish`.
    pub fn train_step(&mut self, batch: &[HostTensor]) -> Result<StepMetrics> {
        let uploaded = self.upload(batch)?;
        let pending = self.launch(uploaded)?;
        self.finish(pending)
    }

    /// Splits a global batch over the devices and copies it there. Can run while a launched step
    /// is still computing: the copy then overlaps it.
    pub fn upload(&self, batch: &[HostTensor]) -> Result<Uploaded> {
        let r = self.config.replicas;
        let axis = if self.config.accum > 1 { 1 } else { 0 };
        // One device takes the batch as it is: no copy of a batch that can be 150 MB a step.
        let mut split: Vec<Vec<HostTensor>> = vec![vec![]; r];
        if r > 1 {
            for (t, inp) in batch.iter().zip(&self.layout.inputs) {
                let parts = split_batch(t, axis, r).with_context(|| format!("batch input `{}`", inp.name))?;
                for (d, p) in parts.into_iter().enumerate() {
                    split[d].push(p);
                }
            }
        }
        let per_dev: Vec<Vec<&HostTensor>> =
            if r > 1 { split.iter().map(|hs| hs.iter().collect()).collect() } else { vec![batch.iter().collect()] };
        let mut per_device: Vec<Vec<Buffer>> = vec![];
        for (d, hs) in per_dev.iter().enumerate() {
            let mut v = vec![];
            for (i, &h) in hs.iter().enumerate() {
                // The watching variant takes the same inputs, so one check serves both.
                self.program.check_host(self.slots.batch[i], h).with_context(|| format!("batch input `{}`", self.layout.inputs[i].name))?;
                v.push(self.client.to_device(h, d)?);
            }
            per_device.push(v);
        }
        Ok(Uploaded { per_device })
    }

    /// Starts one step on an uploaded batch and returns without waiting for it: the plugin runs
    /// it asynchronously. The new parameters and state are in place for the next launch.
    pub fn launch(&mut self, uploaded: Uploaded) -> Result<Pending> {
        let r = self.config.replicas;
        let batch_bufs = uploaded.per_device;
        ensure!(batch_bufs.len() == r, "a batch uploaded for {} devices, the step runs on {}", batch_bufs.len(), r);
        let (program, slots) = match &self.watch {
            Some(w) if w.covers(self.step) => (&w.program, &w.slots),
            _ => (&self.program, &self.slots),
        };
        // Hand over what the step updates (trained parameters, optimizer state, the step
        // counter) and the batch; lend the parameters it only reads, which stay in `kept`.
        let state = std::mem::take(&mut self.state);
        let mut args = vec![];
        let mut kept: Vec<Vec<Option<Buffer>>> = vec![];
        let mut handed: Vec<Vec<(InputSlot, Buffer)>> = vec![];
        for bufs in state {
            let (mut keep, mut hand) = (vec![], vec![]);
            for ((b, &input), updated) in bufs.into_iter().zip(&slots.state).zip(&slots.updated) {
                if updated.is_some() {
                    hand.push((input, b));
                    keep.push(None);
                } else {
                    keep.push(Some(b));
                }
            }
            kept.push(keep);
            handed.push(hand);
        }
        for (d, (hand, batch)) in handed.into_iter().zip(batch_bufs).enumerate() {
            let mut a = program.args_on(d);
            for (input, b) in hand {
                a.donate(input, b)?;
            }
            for (keep, &input) in kept[d].iter().zip(&slots.state) {
                if let Some(b) = keep {
                    a.borrow(input, b)?;
                }
            }
            for (b, &input) in batch.into_iter().zip(&slots.batch) {
                a.donate(input, b)?;
            }
            args.push(a);
        }
        let outs = program
            .run_on_devices(args)
            .context("training step failed (the parameters on the device are lost; resume from the last checkpoint)")?;
        let mut results = None;
        for (mut out, keep) in outs.into_iter().zip(kept) {
            let mut bufs = vec![];
            for (slot, updated) in keep.into_iter().zip(&slots.updated) {
                bufs.push(match (slot, updated) {
                    (Some(b), _) => b,
                    (None, Some(u)) => out.take(*u)?,
                    (None, None) => unreachable!("a state buffer neither kept nor updated"),
                });
            }
            self.state.push(bufs);
            results.get_or_insert(out);
        }
        let results = results.context("the training step ran on no device")?;
        let pending = Pending { step: self.step, results, slots: slots.results.clone() };
        self.step += 1;
        Ok(pending)
    }

    /// Waits for a launched step and reads its loss, gradient norm, learning rate and metrics.
    pub fn finish(&self, pending: Pending) -> Result<StepMetrics> {
        let (mut results, slots) = (pending.results, pending.slots);
        let mut scalar = |slot: OutputSlot| -> Result<f32> { Ok(results.take(slot)?.to_host()?.to_scalar::<f32>()?) };
        let (loss, grad_norm, lr) = (scalar(slots.loss)?, scalar(slots.grad_norm)?, scalar(slots.lr)?);
        let mut named: Vec<(String, f32)> = vec![];
        for (name, &slot) in self.layout.metrics.iter().zip(&slots.metrics) {
            named.push((name.clone(), scalar(slot)?));
        }
        if let Some((vectors, sample)) = slots.watched {
            for (name, slot) in WATCHED.iter().zip(vectors) {
                let per_block: Vec<f32> = results.take(slot)?.to_host()?.to_vec()?;
                named.extend(per_block.iter().enumerate().map(|(l, v)| (format!("smoothing/{}/block_{:02}", name, l), *v)));
            }
            // Host metrics of device 0's first examples (StableHLO has no eigenvalue op).
            let h = results.take(sample)?.to_host()?;
            let mut sums = CollapseSums::new(h.dims[0] as usize);
            sums.add(&h.to_vec::<f32>()?, &h.dims)?;
            let (ranks, tops) = (sums.mean_effective_rank(), sums.mean_top_singular());
            named.extend(ranks.iter().enumerate().map(|(l, v)| (format!("smoothing/effective_rank/block_{:02}", l), *v as f32)));
            named.extend(tops.iter().enumerate().map(|(l, v)| (format!("smoothing/top_singular/block_{:02}", l), v[0] as f32)));
        }
        Ok(StepMetrics { step: pending.step, loss, grad_norm, lr, metrics: named })
    }

    /// Device-0 values of every parameter (spec order) and of the optimizer state.
    pub fn host_state(&self) -> Result<(Vec<HostTensor>, Vec<HostTensor>)> {
        let n = self.layout.specs.len();
        let bufs = &self.state[0];
        let params = bufs[..n].iter().map(|b| b.to_host().map_err(Into::into)).collect::<Result<_>>()?;
        let opt = bufs[n..n + self.layout.n_state()].iter().map(|b| b.to_host().map_err(Into::into)).collect::<Result<_>>()?;
        Ok((params, opt))
    }

    /// Public-name tensors of the parameters (what `model.safetensors` holds).
    pub fn model_tensors(&self) -> Result<Tensors> {
        to_checkpoint(&self.layout.specs, &self.host_state()?.0)
    }

    /// Writes `dir/ckpt-{step}` (every file, then its commit marker); `extra` goes into
    /// `state.json` (config, data position).
    pub fn save(&self, dir: &Path, extra: Value) -> Result<PathBuf> {
        let (params, opt) = self.host_state()?;
        let final_dir = dir.join(format!("ckpt-{:08}", self.step));
        let model = serialize(&to_checkpoint(&self.layout.specs, &params)?, &Default::default());
        let ospecs: Vec<ParamSpec> = (0..self.layout.n_state()).map(|k| state_spec(&self.layout, k)).collect();
        let optim = serialize(&to_checkpoint(&ospecs, &opt)?, &Default::default());
        let state = serde_json::to_string_pretty(&json!({ "step": self.step, "extra": extra }))?.into_bytes();
        commit::write_folder(&final_dir, &[("model.safetensors", model), ("optimizer.safetensors", optim), ("state.json", state)])
            .with_context(|| format!("writing checkpoint {}", final_dir.display()))?;
        Ok(final_dir)
    }

    /// Loads a committed checkpoint folder (every file checked against its marker); returns its
    /// `extra` (config, data position).
    pub fn restore(&mut self, ckpt: &Path) -> Result<Value> {
        let marker = read_marker(ckpt)?;
        let state: Value = serde_json::from_slice(&read_verified(ckpt, &marker, "state.json")?)
            .with_context(|| format!("{}/state.json", ckpt.display()))?;
        let step = state["step"].as_u64().with_context(|| format!("{}/state.json has no step", ckpt.display()))?;
        let file = |name: &str| -> Result<Tensors> {
            let bytes = read_verified(ckpt, &marker, name)?;
            Ok(parse(&ckpt.join(name), &bytes)?.tensors)
        };
        let model = file("model.safetensors")?;
        let params =
            host_params(&self.layout.specs, &model, &[], false).with_context(|| format!("{}/model.safetensors", ckpt.display()))?;
        let ospecs: Vec<ParamSpec> = (0..self.layout.n_state()).map(|k| state_spec(&self.layout, k)).collect();
        let optim = file("optimizer.safetensors")?;
        let opt = host_params(&ospecs, &optim, &[], false).with_context(|| format!("{}/optimizer.safetensors", ckpt.display()))?;
        self.place(&params, Some(&opt), step)?;
        Ok(state["extra"].clone())
    }

    /// Takes the parameters `src` has (public names), keeps the initial values of the others
    /// (fine-tuning from a pre-trained encoder); returns which were loaded, which were left out
    /// and which of `src` the model does not read.
    pub fn load_weights(&mut self, src: &Tensors) -> Result<Loaded> {
        let (mut params, opt) = self.host_state()?;
        let mut loaded = Loaded::default();
        let mut problems = vec![];
        let mut wanted = std::collections::BTreeSet::new();
        for (i, s) in self.layout.specs.iter().enumerate() {
            let names = public_names(s);
            wanted.extend(names.iter().cloned());
            // Present in part (some layers, or the wrong shape) is an error; absent is "left out".
            if names.iter().any(|n| src.contains_key(n)) {
                match host_params(std::slice::from_ref(s), src, &[], true) {
                    Ok(mut h) => {
                        params[i] = h.remove(0);
                        loaded.loaded.extend(names);
                    }
                    Err(e) => problems.push(e.to_string().replace("checkpoint does not fit the model:\n  ", "")),
                }
            } else {
                loaded.initialized.extend(names);
            }
        }
        if !problems.is_empty() {
            bail!("the weights do not fit the model:\n  {}", problems.join("\n  "));
        }
        if loaded.loaded.is_empty() {
            bail!("no parameter of this model is in the given weights");
        }
        loaded.unused = src.keys().filter(|n| !wanted.contains(*n)).cloned().collect();
        self.place(&params, Some(&opt), self.step)?;
        Ok(loaded)
    }
}

/// What `Trainer::load_weights` took from a set of weights, by public (per-layer) name, in the
/// model's parameter order; `unused` in the weights' (sorted) order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    /// Read from the weights.
    pub loaded: Vec<String>,
    /// Absent from the weights: left at their initial values (a new head).
    pub initialized: Vec<String>,
    /// In the weights but not read by the model (a pre-training head).
    pub unused: Vec<String>,
}

impl Loaded {
    /// File name of the record a recipe writes into its run folder.
    pub const FILE_NAME: &'static str = "loaded_weights.json";

    pub fn to_json(&self, from: &Path) -> Value {
        json!({ "from": from, "loaded": self.loaded, "initialized": self.initialized, "unused": self.unused })
    }

    /// One line for the log: how many were loaded, which are new, which were not used.
    pub fn summary(&self, from: &Path) -> String {
        let list = |v: &[String]| if v.is_empty() { "none".to_string() } else { v.join(", ") };
        format!(
            "loaded {} tensors from {}; left at their initial values: {}; not used: {}",
            self.loaded.len(),
            from.display(),
            list(&self.initialized),
            list(&self.unused)
        )
    }

    /// Writes `loaded_weights.json` into the run folder `out`.
    pub fn record(&self, from: &Path, out: &Path) -> Result<()> {
        let text = serde_json::to_string_pretty(&self.to_json(from))?;
        crate::checkpoint::write_bytes_atomic(&out.join(Self::FILE_NAME), text.as_bytes())
            .with_context(|| format!("writing {}", out.join(Self::FILE_NAME).display()))
    }
}

/// Committed checkpoint folders under `dir` (local or object storage), oldest first; folders
/// without a valid commit marker (an interrupted write) are left out.
pub fn checkpoints(dir: &Path) -> Vec<PathBuf> {
    commit::scan(dir, "ckpt-").map(|(good, _)| good.into_iter().map(|g| g.0).collect()).unwrap_or_default()
}

/// Removes all but the newest `keep` committed checkpoints among those `ours` accepts (the ones
/// this run wrote); any other folder is never touched.
pub fn prune_checkpoints(dir: &Path, keep: usize, ours: impl Fn(&Path) -> bool) -> Result<()> {
    let all: Vec<PathBuf> = commit::scan(dir, "ckpt-")?.0.into_iter().map(|g| g.0).filter(|p| ours(p)).collect();
    if all.len() > keep {
        for p in &all[..all.len() - keep] {
            // The marker first: a folder half deleted must not look committed.
            crate::storage::delete(&p.join(commit::MARKER)).with_context(|| format!("removing {}", p.display()))?;
            crate::storage::delete_all(p).with_context(|| format!("removing {}", p.display()))?;
        }
    }
    Ok(())
}
