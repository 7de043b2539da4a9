//! `bamboo forward`: run a checkpoint (bamboo's, or a Hugging Face model folder as published) on
//! inputs from a file and write every output to a safetensors file; the work is in
//! `crate::infer::forward`. Everything a user can get wrong is checked before the plugin loads.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::RuntimeArgs;
use crate::infer::forward::{self, ForwardOptions, ForwardSummary};

#[derive(Args)]
pub struct ForwardArgs {
    #[command(flatten)]
    rt: RuntimeArgs,
    /// Weights: safetensors (public parameter names), a training checkpoint folder `ckpt-*`
    /// (checked against its commit marker; its config is the one its state.json records), or a
    /// Hugging Face model folder as published (`config.json` + `model.safetensors`).
    #[arg(long)]
    checkpoint: PathBuf,
    /// Model config JSON (a `ModelConfig`, a sidecar holding one under `config`, or a Hugging
    /// Face `config.json`); default: the checkpoint's sidecar (W.safetensors -> W.json) or
    /// its folder's config.json.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Inputs: safetensors with named tensors (CLIP: `pixel_values`, `input_ids`, optionally
    /// `attention_mask`), or a .npy holding `pixel_values` (ViT, MAE) or `input_ids` (BERT, OPT).
    #[arg(long)]
    inputs: PathBuf,
    /// Where to write the outputs (safetensors, written atomically).
    #[arg(long)]
    out: PathBuf,
    /// Accept a checkpoint that lacks some parameters (initialized from `--seed`) or holds
    /// others; both are listed.
    #[arg(long)]
    partial: bool,
    /// Seed for MAE masking noise when the inputs have none, and for parameters a partial
    /// load initializes.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Run one block at a time (ViT): one compiled block reused for every layer, the next
    /// layer's weights moved to the device while the current one runs, so only about one
    /// block's weights are resident. Same outputs as the whole-model program.
    #[arg(long)]
    stream_layers: bool,
    /// Also write the gradient of the loss with respect to every trainable parameter, as
    /// `grad.<public name>` (needs the inputs the loss needs: `labels` for ViT, ...).
    #[arg(long)]
    grads: bool,
}

impl ForwardArgs {
    fn options(&self) -> ForwardOptions {
        ForwardOptions {
            checkpoint: self.checkpoint.clone(),
            config: self.config.clone(),
            inputs: self.inputs.clone(),
            out: self.out.clone(),
            partial: self.partial,
            seed: self.seed,
            stream_layers: self.stream_layers,
            grads: self.grads,
        }
    }
}

pub fn run(a: &ForwardArgs) -> Result<()> {
    let prepared = forward::prepare(&a.options(), &mut |note| eprintln!("{}", note))?;
    let summary = prepared.run(|| a.rt.options().connect())?;
    match summary {
        ForwardSummary::Whole { kind, compile_s, run_s, tensors } => eprintln!(
            "{} forward: traced + compiled in {:.2} s, ran in {:.3} s; wrote {} tensors to {}",
            kind,
            compile_s,
            run_s,
            tensors,
            a.out.display()
        ),
        ForwardSummary::Streamed { depth, compile_s, run_s, peak_weight_bytes, total_weight_bytes, tensors } => {
            let mib = |b: usize| b as f64 / (1 << 20) as f64;
            eprintln!(
                "vit forward, streamed over {} blocks: compiled in {:.2} s, ran in {:.3} s; weights on the device at most {:.1} MiB of {:.1} MiB; wrote {} tensors to {}",
                depth,
                compile_s,
                run_s,
                mib(peak_weight_bytes),
                mib(total_weight_bytes),
                tensors,
                a.out.display()
            )
        }
    }
    Ok(())
}
