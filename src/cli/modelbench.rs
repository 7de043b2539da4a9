//! `bamboo bench-models`: trace, compile and forward throughput of whole ViT presets (ViT-B/16
//! and Bamboo-B by default) and each model's peak resident memory; the work is in
//! `crate::infer::bench`. A command, never a test: timings are not assertions.

use anyhow::Result;
use clap::Args;

use super::RuntimeArgs;
use crate::infer::bench::{self, ForwardBenchOptions};
use crate::process_usage::peak_rss_mib;

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

pub fn run(a: &BenchModelsArgs) -> Result<()> {
    anyhow::ensure!(a.batch >= 1 && a.iters >= 1, "--batch and --iters must be at least 1");
    let (client, opts) = a.rt.options().connect()?;
    let o = ForwardBenchOptions { batch: a.batch, iters: a.iters, seed: a.seed };
    let models = bench::vit_presets(&a.models)?;
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
            let m = bench::streamed(&client, &opts, &c, &o)?;
            let mib = |b: usize| b as f64 / (1 << 20) as f64;
            println!(
                "{:<10} {}x{} streamed: compile {:.2} s (3 programs); forward {:.1} ms median (best {:.1}) = {:.1} images/s; weights on the device at most {:.1} MiB of {:.1} MiB; peak RSS {:.0} MiB",
                name, c.encoder.depth, c.encoder.width, m.compile_s, m.median_ms, m.best_ms,
                a.batch as f64 / (m.median_ms / 1e3), mib(m.peak_weight_bytes), mib(m.total_weight_bytes), m.peak_rss_mib
            );
            continue;
        }
        let m = bench::whole(&client, &opts, &c, &o)?;
        println!(
            "{:<10} {}x{} ({} heads, {} px / {}): trace {:.1} ms, lower {:.1} ms, compile {:.2} s, weights {:.2} s; forward {:.1} ms median (best {:.1}) = {:.1} images/s; peak RSS {:.0} MiB",
            name, c.encoder.depth, c.encoder.width, c.encoder.heads, c.image_size, c.patch_size,
            m.trace_s * 1e3, m.lower_s * 1e3, m.compile_s, m.weights_s, m.median_ms, m.best_ms, m.images_per_s(a.batch), m.peak_rss_mib
        );
        json.push(m.json_member(name, a.batch));
    }
    println!("{{{}}}", json.join(", "));
    Ok(())
}
