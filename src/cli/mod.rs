//! The `bamboo` command line: argument parsing and dispatch only.

mod analyze;
mod bench;
mod configs;
mod data;
mod demo;
mod export;
mod forward;
mod glue;
mod info;
mod memory;
mod study;
mod train;
mod modelbench;
mod trainbench;
mod visualize;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};

use crate::runtime::{Client, ClientOptions, Plugin};

#[derive(Parser)]
#[command(name = "bamboo", version, about = "Transformer configuration studies on XLA, from Rust")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Show the PJRT plugin, its API version, platform and devices.
    Info(RuntimeArgs),
    /// Train a small scanned MLP for a few steps: trace, lower, compile, execute with donation.
    Demo(demo::DemoArgs),
    /// Write the StableHLO text of named reference graphs into graphs/.
    Export(export::ExportArgs),
    /// Pre-training recipes: `pretrain mae`.
    #[command(subcommand)]
    Pretrain(train::Pretrain),
    /// Supervised training from scratch: `train vit`.
    #[command(subcommand)]
    Train(train::TrainCmd),
    /// Fine-tune a ViT from an MAE checkpoint (layer decay, label smoothing), then evaluate.
    Finetune(train::ClassifyArgs),
    /// Linear probe: a frozen encoder from an MAE checkpoint, LARS on the head, then evaluate.
    Linprobe(train::ClassifyArgs),
    /// MAE pre-training then fine-tuning of several presets, compared in a table (the demo).
    Study(study::StudyArgs),
    /// Fine-tune BERT on a GLUE task's TSV files, then report the task's metric on dev.
    Glue(glue::GlueArgs),
    /// Runtime and tracer benchmarks (matmul, ViT-B block, compile time, peak RSS).
    Bench(bench::BenchArgs),
    /// Model presets as the paper's tables (params, FLOPs, ratios); `solve` finds a width for a depth.
    Configs(configs::ConfigsArgs),
    /// Input pipelines: converters to TFRecord, record inspection, loader and benchmarks.
    Data(data::DataArgs),
    /// Run a checkpoint on inputs from a file; write logits, losses and every block's hidden states.
    Forward(forward::ForwardArgs),
    /// Trace, compile, forward throughput and peak RSS of whole ViT presets (ViT-B/16, Bamboo-B).
    BenchModels(modelbench::BenchModelsArgs),
    /// Training steps (forward, backward, AdamW) of the issue-7 configurations: compile s, ms/step, MFU, peak RSS; `--export` for the peers.
    BenchTrain(trainbench::BenchTrainArgs),
    /// Over-smoothing metrics per block and attention spectral norms per layer (Figures 1 and 2).
    #[command(subcommand)]
    Analyze(analyze::Analyze),
    /// Pictures of what a model does: `visualize mae` (reconstruction grids).
    #[command(subcommand)]
    Visualize(visualize::Visualize),
}

/// Which plugin to load and how many devices to ask for.
#[derive(Args, Clone, Debug)]
pub struct RuntimeArgs {
    /// PJRT plugin shared object (else $BAMBOO_PJRT_PLUGIN, then plugins/, then pip packages).
    #[arg(long)]
    pub plugin: Option<PathBuf>,
    /// Number of CPU devices to create (the CPU plugin's `cpu_device_count`).
    #[arg(long)]
    pub devices: Option<i64>,
    /// An XLA option for every compile, NAME=VALUE (repeatable), e.g.
    /// `--xla xla_cpu_use_onednn=true`. Unknown names are a clean compile error.
    #[arg(long = "xla", value_name = "NAME=VALUE")]
    pub xla: Vec<String>,
}

impl RuntimeArgs {
    /// Compile options carrying the `--xla` overrides.
    pub fn compile_options(&self) -> Result<crate::runtime::CompileOptions> {
        let mut o = crate::runtime::CompileOptions::default();
        for kv in &self.xla {
            let (k, v) = kv.split_once('=').ok_or_else(|| anyhow::anyhow!("--xla expects NAME=VALUE, got `{}`", kv))?;
            o.env_option_overrides.push((k.to_string(), crate::runtime::OptionValue::parse(v)));
        }
        Ok(o)
    }

    pub fn client(&self) -> Result<Client> {
        if let Some(n) = self.devices {
            anyhow::ensure!(n >= 1, "--devices must be at least 1, got {}", n);
        }
        let plugin = Plugin::discover(self.plugin.as_deref())?;
        Ok(Client::new(&plugin, &ClientOptions { cpu_device_count: self.devices })?)
    }
}

pub fn run() -> Result<()> {
    // The CPU plugin logs every compile at INFO level unless told otherwise.
    if std::env::var_os("TF_CPP_MIN_LOG_LEVEL").is_none() {
        std::env::set_var("TF_CPP_MIN_LOG_LEVEL", "2");
    }
    match Cli::parse().command {
        Command::Info(a) => info::run(&a),
        Command::Demo(a) => demo::run(&a),
        Command::Export(a) => export::run(&a),
        Command::Bench(a) => bench::run(&a),
        Command::Pretrain(c) => train::pretrain(&c),
        Command::Study(a) => study::run(&a),
        Command::Glue(a) => glue::run_glue(&a),
        Command::Train(c) => train::train(&c),
        Command::Finetune(a) => train::classify(&a, train::Mode::Finetune).map(|_| ()),
        Command::Linprobe(a) => train::classify(&a, train::Mode::LinearProbe).map(|_| ()),
        Command::Configs(a) => configs::run(&a),
        Command::Data(a) => data::run(&a),
        Command::Forward(a) => forward::run(&a),
        Command::BenchModels(a) => modelbench::run(&a),
        Command::BenchTrain(a) => trainbench::run(&a),
        Command::Analyze(c) => analyze::run(&c),
        Command::Visualize(c) => visualize::run(&c),
    }
}
