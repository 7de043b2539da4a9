//! `bamboo bench-models`: trace, compile and forward throughput of whole ViT presets (ViT-B/16
//! and Bamboo-B by default) with random, host-generated, deterministic weights, and each
//! model's peak resident memory. A command, never a test: timings are not assertions.

use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Args;

use super::RuntimeArgs;
use crate::config::{preset, ModelConfig, VitConfig};
use crate::graph::{DType, Function, Graph};
use crate::models::{vit, Params};
use crate::nn::stack::StackOptions;
use crate::process_usage::{peak_rss_mib, reset_peak_rss};
use crate::program::Program;
use crate::runtime::{Arg, Buffer, Client, CompileOptions, HostTensor};
use crate::train::init::init_param;

#[derive(Args)]
pub struct BenchModelsArgs {
    #[command(flatten)]
    rt: RuntimeArgs,
    /// ViT presets to run (comma separated; see `bamboo configs`).
    #[arg(long, default_value = "vit-b,bamboo-b")]
    models: String,
    /// Images per forward.
    #[arg(long, default_value_t = 8)]
    batch: usize,
    /// Timed forwards per model, after one warm-up.
    #[arg(long, default_value_t = 5)]
    iters: usize,
    /// Seed of the random weights and images.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Run the layer-by-layer forward (`forward --stream-layers`) instead of the whole model;
    /// reports the weight bytes resident on the device. The host keeps every weight (as a
    /// checkpoint read from disk would be), so RSS on CPU counts them once more.
    #[arg(long)]
    stream_layers: bool,
}

/// What one model measured.
struct Measured {
    trace_s: f64,
    lower_s: f64,
    compile_s: f64,
    weights_s: f64,
    median_ms: f64,
    best_ms: f64,
    peak_rss_mib: f64,
}

pub fn run(a: &BenchModelsArgs) -> Result<()> {
    anyhow::ensure!(a.batch >= 1 && a.iters >= 1, "--batch and --iters must be at least 1");
    let client = a.rt.client()?;
    let opts = a.rt.compile_options()?;
    // Every name is checked before minutes of benchmarking start.
    let models: Vec<(&str, VitConfig)> = a.models.split(',').map(str::trim).map(|n| Ok((n, vit_preset(n)?))).collect::<Result<_>>()?;
    println!(
        "platform {}, batch {}, forward only, f32, {} timed runs after 1 warm-up; RSS with the plugin loaded: {:.0} MiB",
        client.platform_name(),
        a.batch,
        a.iters,
        peak_rss_mib()
    );
    let mut json = vec![];
    for (name, c) in models {
        if a.stream_layers {
            streamed(&client, &opts, name, &c, a)?;
            continue;
        }
        let m = bench(&client, &opts, &c, a)?;
        let ips = a.batch as f64 / (m.median_ms / 1e3);
        println!(
            "{:<10} {}x{} ({} heads, {} px / {}): trace {:.1} ms, lower {:.1} ms, compile {:.2} s, weights {:.2} s; forward {:.1} ms median (best {:.1}) = {:.1} images/s; peak RSS {:.0} MiB",
            name, c.encoder.depth, c.encoder.width, c.encoder.heads, c.image_size, c.patch_size,
            m.trace_s * 1e3, m.lower_s * 1e3, m.compile_s, m.weights_s, m.median_ms, m.best_ms, ips, m.peak_rss_mib
        );
        json.push(format!(
            "\"{}\": {{\"trace_s\": {:.4}, \"lower_s\": {:.4}, \"compile_s\": {:.3}, \"forward_ms\": {:.2}, \"images_per_s\": {:.2}, \"peak_rss_mib\": {:.0}}}",
            name, m.trace_s, m.lower_s, m.compile_s, m.median_ms, ips, m.peak_rss_mib
        ));
    }
    println!("{{{}}}", json.join(", "));
    Ok(())
}

fn vit_preset(name: &str) -> Result<VitConfig> {
    match preset(name).with_context(|| format!("--models `{}`", name))? {
        ModelConfig::Vit(c) => Ok(c),
        other => bail!("--models: `{}` is a {} preset; bench-models runs ViT classifiers", name, other.kind()),
    }
}

/// One model: trace, lower, compile, upload random weights, time the forward. Peak RSS is
/// reset first, so it is this model's own (compile and run together).
fn bench(client: &Client, opts: &CompileOptions, c: &VitConfig, a: &BenchModelsArgs) -> Result<Measured> {
    reset_peak_rss();
    let specs = vit::param_specs(c);
    let t0 = Instant::now();
    let g = Graph::new("bench_vit_forward");
    let p = Params::declare(&g, &specs, DType::F32);
    let s = c.image_size as i64;
    let x = g.param("pixel_values", &[a.batch as i64, c.channels as i64, s, s], DType::F32);
    let logits = vit::forward(c, &p, &x, &StackOptions::default())?.logits;
    let func = Function::new(&g, &[logits])?;
    let trace_s = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let prog = Program::compile(client, &func, opts)?;
    let lower_s = t1.elapsed().as_secs_f64() - prog.compile_seconds;

    let t2 = Instant::now();
    let mut args = vec![];
    for spec in &specs {
        // One host tensor at a time, dropped after upload, so RSS counts the device copy only.
        args.push(client.to_device(&init_param(spec, a.seed)?, 0)?);
    }
    args.push(client.to_device(&images(x.dims(), a.seed)?, 0)?);
    let weights_s = t2.elapsed().as_secs_f64();

    let times = time_forward(&prog, &args, a.iters)?;
    let median_ms = times[times.len() / 2];
    Ok(Measured {
        trace_s,
        lower_s,
        compile_s: prog.compile_seconds,
        weights_s,
        median_ms,
        best_ms: times[0],
        peak_rss_mib: peak_rss_mib(),
    })
}

/// The streamed forward of one model: compile once, then `iters` timed layer-by-layer passes
/// after one warm-up.
fn streamed(client: &Client, opts: &CompileOptions, name: &str, c: &VitConfig, a: &BenchModelsArgs) -> Result<()> {
    reset_peak_rss();
    let specs = vit::param_specs(c);
    let values: Vec<HostTensor> = specs.iter().map(|s| init_param(s, a.seed)).collect::<Result<_>>()?;
    let weights = crate::train::weights::to_checkpoint(&specs, &values)?;
    drop(values);
    let s = c.image_size as i64;
    let x = images(&[a.batch as i64, c.channels as i64, s, s], a.seed)?;
    let mut times = vec![];
    let mut last = None;
    let stream = crate::infer::stream::VitStream::compile(client, opts, c, &x.dims)?;
    for i in 0..=a.iters {
        let r = stream.run(client, &weights, &x)?;
        if i > 0 {
            times.push(r.run_seconds * 1e3);
        }
        last = Some(r);
    }
    times.sort_by(f64::total_cmp);
    let r = last.expect("one run");
    let mib = |b: usize| b as f64 / (1 << 20) as f64;
    println!(
        "{:<10} {}x{} streamed: compile {:.2} s (3 programs); forward {:.1} ms median (best {:.1}) = {:.1} images/s; weights on the device at most {:.1} MiB of {:.1} MiB; peak RSS {:.0} MiB",
        name, c.encoder.depth, c.encoder.width, r.compile_seconds, times[times.len() / 2], times[0],
        a.batch as f64 / (times[times.len() / 2] / 1e3), mib(r.peak_weight_bytes), mib(r.total_weight_bytes), peak_rss_mib()
    );
    Ok(())
}

/// Standard-normal-ish images from the seed (uniform with the same variance is enough here).
fn images(dims: &[i64], seed: u64) -> Result<HostTensor> {
    let mut rng = crate::data::rng::Rng::derive(seed, &[1]);
    let n = dims.iter().product::<i64>() as usize;
    let v: Vec<f32> = (0..n).map(|_| rng.uniform(-1.732, 1.732) as f32).collect();
    Ok(HostTensor::from_slice(dims, &v)?)
}

/// Sorted milliseconds of `iters` forwards after one warm-up, each waited on to completion.
fn time_forward(p: &Program, args: &[Buffer], iters: usize) -> Result<Vec<f64>> {
    let mut times = vec![];
    for i in 0..=iters {
        let t = Instant::now();
        for o in p.run(args.iter().map(Arg::Borrow).collect())? {
            o.block_until_ready()?;
        }
        if i > 0 {
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    times.sort_by(f64::total_cmp);
    Ok(times)
}
