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
mod modelbench;
mod rerun;
mod runs;
mod study;
mod train;
mod trainbench;
mod visualize;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::train::recipes::Mode;
use crate::train::runtime_options::{quiet_plugin_logs, RuntimeOptions};

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
    /// Run a checkpoint (or a Hugging Face model folder) on inputs from a file; write logits, the
    /// loss, the embeddings and every block's hidden states, and with --grads every gradient.
    Forward(forward::ForwardArgs),
    /// Trace, compile, forward throughput and peak RSS of whole ViT presets (ViT-B/16, Bamboo-B).
    BenchModels(modelbench::BenchModelsArgs),
    /// Training steps (forward, backward, AdamW) of the benchmark configurations (ViT, MAE and BERT, shallow and deep): compile s, ms/step, MFU, peak RSS; `--export` for the peers.
    BenchTrain(trainbench::BenchTrainArgs),
    /// Over-smoothing metrics per block and attention spectral norms per layer (Figures 1 and 2).
    #[command(subcommand)]
    Analyze(analyze::Analyze),
    /// The runs beneath a folder (default `runs`) as a table: objective, shape, params, FLOPs,
    /// last step, final loss, final evaluations.
    Runs(runs::RunsArgs),
    /// A PNG of training loss against step (and each evaluation) for one or several runs.
    Plot(runs::PlotArgs),
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
    /// Devices to use: on the CPU, how many to create (`cpu_device_count`); on a GPU or TPU, the
    /// first N of those the plugin sees (more than it sees is an error naming both counts).
    #[arg(long)]
    pub devices: Option<i64>,
    /// An XLA option for every compile, NAME=VALUE (repeatable), e.g.
    /// `--xla xla_cpu_use_onednn=true`. Unknown names are a clean compile error.
    #[arg(long = "xla", value_name = "NAME=VALUE")]
    pub xla: Vec<String>,
    /// This process's index in a job of several processes (hosts). Default: the TPU VM's
    /// $TPU_WORKER_ID (or $CLOUD_TPU_TASK_ID), else 0.
    #[arg(long)]
    pub process_index: Option<usize>,
    /// Processes (hosts) in the job. Default: the number of names in the TPU VM's
    /// $TPU_WORKER_HOSTNAMES, else 1. Each reads its share of the shards; process 0 alone writes.
    #[arg(long)]
    pub process_count: Option<usize>,
    /// Multi-GPU (untested): a folder or bucket prefix every process can reach, used as the
    /// key-value store through which the CUDA plugin's processes find each other.
    #[arg(long, value_name = "DIR")]
    pub coordination: Option<PathBuf>,
}

impl RuntimeArgs {
    /// The library's runtime options these flags give.
    pub fn options(&self) -> RuntimeOptions {
        RuntimeOptions {
            plugin: self.plugin.clone(),
            devices: self.devices,
            xla: self.xla.clone(),
            process_index: self.process_index,
            process_count: self.process_count,
            coordination: self.coordination.clone(),
        }
    }
}

pub fn run() -> Result<()> {
    quiet_plugin_logs();
    let command = Cli::command();
    let argv = rerun::expand(std::env::args_os().collect(), &command)?;
    let cli = Cli::from_arg_matches(&command.get_matches_from(argv)).unwrap_or_else(|e| e.exit());
    match cli.command {
        Command::Info(a) => info::run(&a),
        Command::Demo(a) => demo::run(&a),
        Command::Export(a) => export::run(&a),
        Command::Bench(a) => bench::run(&a),
        Command::Pretrain(c) => train::pretrain(&c),
        Command::Study(a) => study::run(&a),
        Command::Glue(a) => glue::run_glue(&a),
        Command::Train(c) => train::train(&c),
        Command::Finetune(a) => train::classify(&a, Mode::Finetune),
        Command::Linprobe(a) => train::classify(&a, Mode::LinearProbe),
        Command::Configs(a) => configs::run(&a),
        Command::Data(a) => data::run(&a),
        Command::Forward(a) => forward::run(&a),
        Command::BenchModels(a) => modelbench::run(&a),
        Command::BenchTrain(a) => trainbench::run(&a),
        Command::Analyze(c) => analyze::run(&c),
        Command::Visualize(c) => visualize::run(&c),
        Command::Runs(a) => runs::list(&a),
        Command::Plot(a) => runs::plot(&a),
    }
}
