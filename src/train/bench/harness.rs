//! How a configuration's steps are run and timed: directly on one device (the step's own
//! donation of parameters and optimizer state, the batch kept on the device), or through the
//! `Trainer` as the recipes drive it (replicas, the watched step, overlapped uploads).

use std::collections::HashSet;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use super::batch::make_batch;
use super::ceiling::median;
use super::export::export;
use super::{step_config, Bench, BenchTrainOptions};
use crate::graph::DType;
use crate::nn::stack::StackOptions;
use crate::process_usage::{cpu_seconds, peak_rss_mib, reset_peak_rss};
use crate::program::{Compile, Compiled, InputSlot, OutputSlot};
use crate::runtime::{Buffer, Client, CompileOptions, HostTensor};
use crate::train::step::{build_train_step, StepLayout, LOSS};
use crate::train::trainer::Trainer;
use crate::weights::init::init_param;

/// The step's device state: every parameter, the optimizer state, the step counter.
struct DeviceState {
    bufs: Vec<Buffer>,
}

/// Where the step's inputs and outputs are, found by name once: the hot loop binds by slot.
struct StepSlots {
    /// Per entry of the device state: its input.
    state: Vec<InputSlot>,
    /// Per entry of the device state: the output that returns it updated, if the step updates it.
    updated: Vec<Option<OutputSlot>>,
    batch: Vec<InputSlot>,
    loss: OutputSlot,
}

impl StepSlots {
    fn resolve(p: &Compiled, layout: &StepLayout) -> Result<StepSlots> {
        let names = layout.state_input_names();
        let outputs: HashSet<&str> = p.outputs().iter().map(|o| o.name.as_str()).collect();
        Ok(StepSlots {
            state: names.iter().map(|n| p.input(n)).collect::<Result<_>>()?,
            updated: names.iter().map(|n| outputs.contains(n.as_str()).then(|| p.output(n)).transpose()).collect::<Result<_>>()?,
            batch: layout.inputs.iter().map(|i| p.input(&i.name)).collect::<Result<_>>()?,
            loss: p.output(LOSS)?,
        })
    }
}

/// One step: donates what the step updates, lends the fixed parameters and the batch (which
/// stays on the device for the whole run, as the peers keep theirs). Returns the loss.
fn run_step(p: &Compiled, slots: &StepSlots, st: &mut DeviceState, batch: &[Buffer]) -> Result<f32> {
    let old = std::mem::take(&mut st.bufs);
    // What the step only reads stays here, lent; the rest is handed over.
    let mut lent: Vec<Option<Buffer>> = vec![];
    let mut handed = vec![];
    for ((b, &input), updated) in old.into_iter().zip(&slots.state).zip(&slots.updated) {
        if updated.is_some() {
            handed.push((input, b));
            lent.push(None);
        } else {
            lent.push(Some(b));
        }
    }
    let mut args = p.args();
    for (input, b) in handed {
        args.donate(input, b)?;
    }
    for (b, &input) in lent.iter().zip(&slots.state) {
        if let Some(b) = b {
            args.borrow(input, b)?;
        }
    }
    for (b, &input) in batch.iter().zip(&slots.batch) {
        args.borrow(input, b)?;
    }
    let mut outs = p.run(args)?;
    let loss = outs.take(slots.loss)?.to_host()?.to_scalar::<f32>()?;
    for (i, (kept, updated)) in lent.into_iter().zip(&slots.updated).enumerate() {
        st.bufs.push(match (kept, updated) {
            (Some(b), _) => b,
            (None, Some(u)) => outs.take(*u)?,
            (None, None) => bail!("no updated value for state input {}", i),
        });
    }
    Ok(loss)
}

/// What one configuration measured.
pub struct Measured {
    pub trace_s: f64,
    pub lower_s: f64,
    pub compile_s: f64,
    pub step_ms: Vec<f64>,
    /// CPU milliseconds per timed step, all threads.
    pub cpu_ms: f64,
    pub losses: Vec<f32>,
    pub peak_rss_mib: f64,
    /// Activations the block loops keep for the backward pass (`--remat`), when known.
    pub saved_mib: Option<f64>,
    /// The device allocator's peak since the process started, where the plugin keeps one (GPU).
    pub peak_device_mib: Option<f64>,
    /// `--compare-overlap`: median ms per step with host work overlapping the device's.
    pub overlapped_ms: Option<f64>,
}

fn peak_device_mib(client: &Client) -> Option<f64> {
    client.memory_stats(0)?.peak_bytes_in_use.map(|b| b as f64 / (1024.0 * 1024.0))
}

pub(super) fn measure(
    client: &Client,
    opts: &CompileOptions,
    bench: &Bench,
    a: &BenchTrainOptions,
    stack: StackOptions,
) -> Result<Measured> {
    // With --devices (even 1), the step runs data-parallel through the Trainer, so 1 and N
    // devices are timed by the same harness.
    if a.devices.is_some() || a.watching || a.compare_overlap {
        return bench_replicated(client, bench, a, stack, a.devices.unwrap_or(1).max(1) as usize);
    }
    reset_peak_rss();
    let obj = bench.objective();
    let sc = step_config(bench, stack, a.bf16);
    let t0 = Instant::now();
    let (f, layout) = build_train_step(obj.as_ref(), &sc)?;
    let t1 = Instant::now();
    let lowered = f.lower();
    let t2 = Instant::now();
    let saved_mib = f.saved_for_backward_bytes() as f64 / (1024.0 * 1024.0);
    let program = lowered.compile(client, opts).with_context(|| format!("compiling the {} step", bench.name))?;
    let compile_s = t2.elapsed().as_secs_f64();
    drop(lowered);
    let slots = StepSlots::resolve(&program, &layout)?;
    let compile_rss = peak_rss_mib();

    let params: Vec<HostTensor> = layout.specs.iter().map(|s| init_param(s, a.seed)).collect::<Result<_>>()?;
    let (batch_host, batch_named) = make_batch(bench, a.seed)?;
    for (i, h) in batch_host.iter().enumerate() {
        program.check_host(slots.batch[i], h).with_context(|| format!("batch input `{}`", layout.inputs[i].name))?;
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
        st.bufs.push(client.to_device(&HostTensor::zeros(DType::F32, &spec.shape)?, 0)?);
    }
    st.bufs.push(client.to_device(&HostTensor::scalar(0i32), 0)?);

    let (losses, step_ms, cpu_ms) = timed_steps(bench, a, || run_step(&program, &slots, &mut st, &batch))?;
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
fn timed_steps(bench: &Bench, a: &BenchTrainOptions, mut step: impl FnMut() -> Result<f32>) -> Result<(Vec<f32>, Vec<f64>, f64)> {
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
fn bench_replicated(client: &Client, bench: &Bench, a: &BenchTrainOptions, stack: StackOptions, devices: usize) -> Result<Measured> {
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
fn overlapped_steps(trainer: &mut Trainer, batch: &[HostTensor], a: &BenchTrainOptions) -> Result<f64> {
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
