//! Whole training steps (forward, backward, AdamW) of the benchmark configurations (ViT, MAE and
//! BERT, shallow and deep), timed the way the peers in scripts/peers/train_peers.py time theirs
//! (`bamboo bench-train`).
//!
//! For each configuration: trace + lower + compile seconds, median ms per step after warm-up,
//! examples/s, MFU against a square matmul measured in the same run, peak RSS. With an export
//! folder it also writes what the peers need to prove they run the same model (see `export`).
//! Timings are never assertions: nothing here is run by the tests.

mod batch;
mod ceiling;
mod export;
mod harness;
pub mod kernels;

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Result};
use serde_json::{json, Value};

use crate::config::{preset, BertConfig, MaeConfig, ModelConfig, Stack, VitConfig};
use crate::graph::Remat;
use crate::nn::stack::StackOptions;
use crate::optim::{Optimizer, Schedule};
use crate::runtime::{Client, CompileOptions};
use crate::train::objective::{BertPretrain, Classify, ClipContrastive, MaePretrain, Objective};
use crate::train::step::StepConfig;
use ceiling::{median, Ceiling};
pub use harness::Measured;

/// The CPU configurations, in the order they are run by default.
const ALL: &str = "mae-12x192,mae-48x96,vit-s16,vit-48x96,bert-4x256,bert-16x128";
/// Every configuration: the CPU ones, then the paper's Table 6 pair at 224 px (MAE-B 12x768 and
/// Bamboo-B 48x384, decoder 8x512, batch 256), sized for an accelerator.
const KNOWN: &str = "mae-12x192,mae-48x96,vit-s16,vit-48x96,bert-4x256,bert-16x128,mae-b,bamboo-b";

const LR: f64 = 1e-4;
const WEIGHT_DECAY: f64 = 0.05;
const EPS: f64 = 1e-8;

/// What to benchmark and how (the flags of `bamboo bench-train`).
#[derive(Clone, Debug)]
pub struct BenchTrainOptions {
    /// Configuration names, comma separated, or `all` (the CPU six).
    pub configs: String,
    /// Examples per step for every configuration (default: each configuration's own).
    pub batch: Option<usize>,
    /// bf16 compute with f32 master weights; the ceiling is then a bf16 matmul.
    pub bf16: bool,
    /// Side of the square matmul MFU is measured against.
    pub ceiling_size: i64,
    /// Timed steps per configuration, after `warmup` untimed ones.
    pub steps: usize,
    pub warmup: usize,
    /// Write weights, batch, first-step loss and gradients under DIR/<config>/.
    pub export: Option<PathBuf>,
    /// Rematerialization of the block loops, by name (`Remat::NAMES`).
    pub remat: String,
    pub unrolled: bool,
    /// Time the step that also computes the over-smoothing metrics (through the Trainer).
    pub watching: bool,
    /// Through the Trainer, also time steps with the host work overlapping the device's.
    pub compare_overlap: bool,
    /// Seed of the initial weights and of the batch.
    pub seed: u64,
    /// Devices to run data-parallel on through the Trainer (None: the direct single-device step).
    pub devices: Option<i64>,
}

/// One benchmark configuration: the model, its batch and its AdamW betas.
pub struct Bench {
    pub name: String,
    pub model: ModelConfig,
    pub batch: usize,
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
    pub fn train_flops(&self) -> f64 {
        self.model.flops().train() as f64 * self.batch as f64
    }

    /// What one example is called in the throughput unit.
    pub fn unit(&self) -> &'static str {
        match self.model {
            ModelConfig::Bert(_) | ModelConfig::Opt(_) => "sequences",
            _ => "images",
        }
    }
}

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

/// The configurations to run, every name and flag checked before the plugin loads (and before
/// minutes of benchmarking start).
pub struct Plan {
    options: BenchTrainOptions,
    benches: Vec<Bench>,
    stack: StackOptions,
}

/// The run's conditions, known once the ceiling has been measured the first time.
pub struct Header {
    pub platform: String,
    /// `f32` or `bf16`.
    pub precision: &'static str,
    /// The ceiling matmul's median and best GFLOP/s.
    pub ceiling_gflops: f64,
    pub best_gflops: f64,
    /// Every XLA option the compiles get, `NAME=VALUE`.
    pub xla: Vec<String>,
}

/// One configuration's measurements and what follows from them.
pub struct ConfigResult<'p> {
    pub bench: &'p Bench,
    pub measured: Measured,
    /// The ceiling timed just before this configuration, GFLOP/s.
    pub ceiling_gflops: f64,
    /// Median, fastest and slowest timed step.
    pub step_ms: f64,
    pub min_ms: f64,
    pub max_ms: f64,
    pub examples_per_s: f64,
    pub mfu: f64,
}

/// What the run reports as it goes.
pub enum Progress<'a, 'p> {
    Started(&'a Header),
    Measured(&'a ConfigResult<'p>),
}

impl Plan {
    pub fn new(options: BenchTrainOptions) -> Result<Plan> {
        let a = &options;
        anyhow::ensure!(a.steps >= 1, "--steps must be at least 1");
        anyhow::ensure!(a.export.is_none() || a.warmup + a.steps >= 3, "--export needs at least 3 steps in all (the optimizer check)");
        let names: Vec<String> = if a.configs == "all" {
            ALL.split(',').map(String::from).collect()
        } else {
            a.configs.split(',').map(|s| s.trim().to_string()).collect()
        };
        let mut benches: Vec<Bench> = names.iter().map(|n| bench_config(n)).collect::<Result<_>>()?;
        if let Some(n) = a.batch {
            anyhow::ensure!(n >= 1, "--batch must be at least 1, got {}", n);
            benches.iter_mut().for_each(|b| b.batch = n);
        }
        let remat = Remat::parse(&a.remat).ok_or_else(|| anyhow::anyhow!("--remat must be {}, got `{}`", Remat::NAMES, a.remat))?;
        let stack = StackOptions { remat, unrolled: a.unrolled, keep_hidden: false };
        Ok(Plan { options, benches, stack })
    }

    /// Measures every configuration in turn, telling `show` the header and each result; returns
    /// the whole run as one JSON object (the peers' format).
    pub fn run(&self, client: &Client, mut opts: CompileOptions, mut show: impl FnMut(Progress)) -> Result<Value> {
        let a = &self.options;
        opts.env_option_overrides.extend(crate::train::default_xla_options(client.platform_name()));
        let xla: Vec<String> = opts.env_option_overrides.iter().map(|(k, v)| format!("{}={}", k, v)).collect();
        let meter = Ceiling::new(client, &opts, a.ceiling_size, a.bf16)?;
        let (ceiling0, best0) = meter.measure()?;
        let header = Header {
            platform: client.platform_name().to_string(),
            precision: if a.bf16 { "bf16" } else { "f32" },
            ceiling_gflops: ceiling0,
            best_gflops: best0,
            xla,
        };
        show(Progress::Started(&header));
        let mut results = BTreeMap::new();
        let mut ceilings = vec![];
        for b in &self.benches {
            let (ceiling, _) = meter.measure()?;
            ceilings.push(ceiling);
            let r = self.measure(client, &opts, b, ceiling)?;
            show(Progress::Measured(&r));
            results.insert(b.name.clone(), r.to_json(a.bf16));
        }
        Ok(json!({
            "engine": "bamboo",
            "matmul_gflops": median(&ceilings),
            "matmul_first_gflops": ceiling0,
            "matmul_first_best_gflops": best0,
            "xla_options": header.xla,
            "remat": a.remat,
            "unrolled": a.unrolled,
            "configs": results,
        }))
    }

    fn measure<'p>(&self, client: &Client, opts: &CompileOptions, b: &'p Bench, ceiling: f64) -> Result<ConfigResult<'p>> {
        let m = harness::measure(client, opts, b, &self.options, self.stack)?;
        if let Some(dir) = &self.options.export {
            export::export_losses(&dir.join(&b.name), &m.losses)?;
        }
        let ms = median(&m.step_ms);
        let (lo, hi) = m.step_ms.iter().fold((f64::INFINITY, 0f64), |(l, h), &v| (l.min(v), h.max(v)));
        Ok(ConfigResult {
            bench: b,
            ceiling_gflops: ceiling,
            step_ms: ms,
            min_ms: lo,
            max_ms: hi,
            examples_per_s: b.batch as f64 / (ms / 1e3),
            mfu: b.train_flops() / (ms / 1e3) / (ceiling * 1e9),
            measured: m,
        })
    }
}

impl ConfigResult<'_> {
    fn to_json(&self, bf16: bool) -> Value {
        let (b, m) = (self.bench, &self.measured);
        json!({
            "compile_s": m.compile_s, "trace_s": m.trace_s, "lower_s": m.lower_s,
            "step_ms": self.step_ms, "step_ms_all": m.step_ms, "cpu_ms_per_step": m.cpu_ms, "examples_per_s": self.examples_per_s, "mfu": self.mfu,
            "train_flops_per_step": b.train_flops(), "batch": b.batch, "peak_rss_mib": m.peak_rss_mib,
            "first_loss": m.losses[0], "last_loss": m.losses[m.losses.len() - 1], "matmul_gflops": self.ceiling_gflops,
            "saved_for_backward_mib": m.saved_mib, "peak_device_mib": m.peak_device_mib, "bf16": bf16,
            "overlapped_step_ms": m.overlapped_ms,
        })
    }
}
