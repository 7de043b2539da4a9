//! `bamboo bench-train`: whole training steps (forward, backward, AdamW) of the benchmark
//! configurations, timed the way the peers in scripts/peers/train_peers.py time theirs; the
//! work is in `crate::train::bench`. A command, never a test: timings are not assertions.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::RuntimeArgs;
use crate::train::bench::{BenchTrainOptions, Header, Plan, Progress};

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

impl BenchTrainArgs {
    fn options(&self) -> BenchTrainOptions {
        BenchTrainOptions {
            configs: self.configs.clone(),
            batch: self.batch,
            bf16: self.bf16,
            ceiling_size: self.ceiling_size,
            steps: self.steps,
            warmup: self.warmup,
            export: self.export.clone(),
            remat: self.remat.clone(),
            unrolled: self.unrolled,
            watching: self.watching,
            compare_overlap: self.compare_overlap,
            seed: self.seed,
            devices: self.rt.devices,
        }
    }
}

pub fn run(a: &BenchTrainArgs) -> Result<()> {
    // Every name and flag is checked before the plugin loads.
    let plan = Plan::new(a.options())?;
    let (client, opts) = a.rt.options().connect()?;
    let report = plan.run(&client, opts, |p| match p {
        Progress::Started(h) => print_header(a, h),
        Progress::Measured(r) => {
            let (b, m) = (r.bench, &r.measured);
            println!(
                "{:<12} compile {:.2} s (trace {:.2} + lower {:.2}); step {:.1} ms median [{:.1}..{:.1}], CPU {:.0} ms; {:.1} {}/s; MFU {:.1}% of {:.0} GFLOP/s; peak RSS {:.0} MiB{}; loss {:.5} -> {:.5}",
                b.name, m.compile_s, m.trace_s, m.lower_s, r.step_ms, r.min_ms, r.max_ms, m.cpu_ms, r.examples_per_s, b.unit(), r.mfu * 100.0, r.ceiling_gflops, m.peak_rss_mib,
                m.saved_mib.map(|s| format!(", kept for backward {:.0} MiB", s)).unwrap_or_default()
                    + &m.peak_device_mib.map(|d| format!(", peak device {:.0} MiB", d)).unwrap_or_default(),
                m.losses[0], m.losses[m.losses.len() - 1]
            );
            if let Some(o) = m.overlapped_ms {
                println!(
                    "{:<12} batch from the host every step: {:.1} ms waiting for each step, {:.1} ms overlapped ({:.2}x)",
                    b.name,
                    r.step_ms,
                    o,
                    r.step_ms / o
                );
            }
        }
    })?;
    println!("{}", serde_json::to_string(&report)?);
    Ok(())
}

fn print_header(a: &BenchTrainArgs, h: &Header) {
    println!(
        "platform {}, {}, AdamW, {} warm-up + {} timed steps; matmul {}^3 {}: {:.1} GFLOP/s median (best {:.1}); xla options [{}]",
        h.platform,
        h.precision,
        a.warmup,
        a.steps,
        a.ceiling_size,
        h.precision,
        h.ceiling_gflops,
        h.best_gflops,
        h.xla.join(", ")
    );
}
