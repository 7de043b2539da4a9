//! Trace, compile and forward throughput of whole ViT presets with random, host-generated,
//! deterministic weights, and each model's peak resident memory (`bamboo bench-models`).
//! Timings are never assertions: nothing here is run by the tests.

use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::config::{preset, ModelConfig, VitConfig};
use crate::graph::{DType, Function, Graph};
use crate::models::vit;
use crate::nn::stack::StackOptions;
use crate::process_usage::{peak_rss_mib, reset_peak_rss};
use crate::program::{Compile, Compiled, InputSlot};
use crate::runtime::{Buffer, Client, CompileOptions, HostTensor};
use crate::weights::init::init_param;
use crate::weights::Params;

/// The whole-model forward's one output.
const LOGITS: &str = "logits";

/// How each model is run (the flags of `bamboo bench-models`).
#[derive(Clone, Debug)]
pub struct ForwardBenchOptions {
    /// Images per forward.
    pub batch: usize,
    /// Timed forwards per model, after one warm-up.
    pub iters: usize,
    /// Seed of the random weights and images.
    pub seed: u64,
}

/// What one whole-model forward measured.
pub struct Measured {
    pub trace_s: f64,
    pub lower_s: f64,
    pub compile_s: f64,
    pub weights_s: f64,
    pub median_ms: f64,
    pub best_ms: f64,
    pub peak_rss_mib: f64,
}

impl Measured {
    /// Images per second of the median forward over `batch` images.
    pub fn images_per_s(&self, batch: usize) -> f64 {
        batch as f64 / (self.median_ms / 1e3)
    }

    /// `"name": {...}`: the timings scripts/bench compares, one JSON member.
    pub fn json_member(&self, name: &str, batch: usize) -> String {
        format!(
            "\"{}\": {{\"trace_s\": {:.4}, \"lower_s\": {:.4}, \"compile_s\": {:.3}, \"forward_ms\": {:.2}, \"images_per_s\": {:.2}, \"peak_rss_mib\": {:.0}}}",
            name, self.trace_s, self.lower_s, self.compile_s, self.median_ms, self.images_per_s(batch), self.peak_rss_mib
        )
    }
}

/// What the layer-by-layer forward of one model measured.
pub struct StreamedMeasured {
    pub compile_s: f64,
    pub median_ms: f64,
    pub best_ms: f64,
    pub peak_weight_bytes: usize,
    pub total_weight_bytes: usize,
    pub peak_rss_mib: f64,
}

/// The ViT preset called `name` (`--models` names them).
pub fn vit_preset(name: &str) -> Result<VitConfig> {
    match preset(name).with_context(|| format!("--models `{}`", name))? {
        ModelConfig::Vit(c) => Ok(c),
        other => bail!("--models: `{}` is a {} preset; bench-models runs ViT classifiers", name, other.kind()),
    }
}

/// The ViT presets a comma-separated list names, every name checked before any model runs.
pub fn vit_presets(list: &str) -> Result<Vec<(&str, VitConfig)>> {
    list.split(',').map(str::trim).map(|n| Ok((n, vit_preset(n)?))).collect()
}

/// One model: trace, lower, compile, upload random weights, time the forward. Peak RSS is
/// reset first, so it is this model's own (compile and run together).
pub fn whole(client: &Client, opts: &CompileOptions, c: &VitConfig, o: &ForwardBenchOptions) -> Result<Measured> {
    reset_peak_rss();
    let specs = vit::param_specs(c);
    let t0 = Instant::now();
    let g = Graph::new("bench_vit_forward");
    let p = Params::declare(&g, &specs, DType::F32);
    let s = c.image_size as i64;
    let x = g.param("pixel_values", &[o.batch as i64, c.channels as i64, s, s], DType::F32);
    let logits = vit::forward(c, &p, &x, &StackOptions::default())?.logits;
    let func = Function::named(&g, &[(LOGITS, logits)])?;
    let trace_s = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let prog = func.lower().compile(client, opts)?;
    let lower_s = t1.elapsed().as_secs_f64() - prog.compile_seconds();

    let t2 = Instant::now();
    let mut args = vec![];
    for spec in &specs {
        // One host tensor at a time, dropped after upload, so RSS counts the device copy only.
        args.push((prog.input(&spec.name)?, client.to_device(&init_param(spec, o.seed)?, 0)?));
    }
    args.push((prog.input("pixel_values")?, client.to_device(&images(x.dims(), o.seed)?, 0)?));
    let weights_s = t2.elapsed().as_secs_f64();

    let times = time_forward(&prog, &args, o.iters)?;
    let median_ms = times[times.len() / 2];
    Ok(Measured {
        trace_s,
        lower_s,
        compile_s: prog.compile_seconds(),
        weights_s,
        median_ms,
        best_ms: times[0],
        peak_rss_mib: peak_rss_mib(),
    })
}

/// The streamed forward of one model: compile once, then `iters` timed layer-by-layer passes
/// after one warm-up. The host keeps every weight (as a checkpoint read from disk would be).
pub fn streamed(client: &Client, opts: &CompileOptions, c: &VitConfig, o: &ForwardBenchOptions) -> Result<StreamedMeasured> {
    reset_peak_rss();
    let specs = vit::param_specs(c);
    let values: Vec<HostTensor> = specs.iter().map(|s| init_param(s, o.seed)).collect::<Result<_>>()?;
    let weights = crate::weights::host::to_checkpoint(&specs, &values)?;
    drop(values);
    let s = c.image_size as i64;
    let x = images(&[o.batch as i64, c.channels as i64, s, s], o.seed)?;
    let mut times = vec![];
    let mut last = None;
    let stream = super::stream::VitStream::compile(client, opts, c, &x.dims)?;
    for i in 0..=o.iters {
        let r = stream.run(client, &weights, &x)?;
        if i > 0 {
            times.push(r.run_seconds * 1e3);
        }
        last = Some(r);
    }
    times.sort_by(f64::total_cmp);
    let r = last.expect("one run");
    Ok(StreamedMeasured {
        compile_s: r.compile_seconds,
        median_ms: times[times.len() / 2],
        best_ms: times[0],
        peak_weight_bytes: r.peak_weight_bytes,
        total_weight_bytes: r.total_weight_bytes,
        peak_rss_mib: peak_rss_mib(),
    })
}

/// Standard-normal-ish images from the seed (uniform with the same variance is enough here).
fn images(dims: &[i64], seed: u64) -> Result<HostTensor> {
    let mut rng = crate::data::rng::Rng::derive(seed, &[1]);
    let n = dims.iter().product::<i64>() as usize;
    let v: Vec<f32> = (0..n).map(|_| rng.uniform(-1.732, 1.732) as f32).collect();
    Ok(HostTensor::from_slice(dims, &v)?)
}

/// Sorted milliseconds of `iters` forwards after one warm-up, each waited on to completion.
/// The inputs come with their slots, found once, outside the timed loop.
fn time_forward(p: &Compiled, args: &[(InputSlot, Buffer)], iters: usize) -> Result<Vec<f64>> {
    let logits = p.output(LOGITS)?;
    let mut times = vec![];
    for i in 0..=iters {
        let t = Instant::now();
        let mut a = p.args();
        for (slot, b) in args {
            a.borrow(*slot, b)?;
        }
        p.run(a)?.take(logits)?.block_until_ready()?;
        if i > 0 {
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    times.sort_by(f64::total_cmp);
    Ok(times)
}
