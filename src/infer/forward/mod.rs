//! Run a checkpoint (bamboo's, or a Hugging Face model folder as published) on inputs from a
//! file and write every output to a safetensors file (`bamboo forward`): the model's outputs,
//! `hidden_states.0..L` (0 = the embeddings, as Hugging Face counts), the loss when the inputs
//! hold labels and, with `grads`, the loss's gradient for every parameter (`grad.<name>`).
//! How users inspect a model or extract features, and how parity is checked.
//!
//! `prepare` checks everything a user can get wrong (config, weights, inputs) before the plugin
//! is loaded, so mistakes fail in milliseconds with the field, tensor or flag named.

mod inputs;
mod load;
mod npy;
mod outputs;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, ensure, Result};

use crate::checkpoint::{self, TensorData, Tensors};
use crate::config::ModelConfig;
use crate::program::Compile;
use crate::runtime::{Client, CompileOptions, HostTensor};
use crate::weights::host::to_checkpoint;
use crate::weights::ParamSpec;
use inputs::ModelInput;
use load::Head;

/// What to run on what, and where the outputs go (the flags of `bamboo forward`).
#[derive(Clone, Debug)]
pub struct ForwardOptions {
    /// Weights: safetensors, a training checkpoint folder, or a Hugging Face model folder.
    pub checkpoint: PathBuf,
    /// Model config JSON; default: the checkpoint's sidecar or its folder's config.json.
    pub config: Option<PathBuf>,
    /// Inputs: safetensors with named tensors, or a .npy holding the model's main input.
    pub inputs: PathBuf,
    /// The safetensors file to write.
    pub out: PathBuf,
    /// Accept a checkpoint that lacks some parameters (initialized from `seed`) or holds others.
    pub partial: bool,
    /// Seed for MAE masking noise when the inputs have none, and for what a partial load initializes.
    pub seed: u64,
    /// Run one block at a time (ViT), only about one block's weights on the device.
    pub stream_layers: bool,
    /// Also write the loss's gradient for every trainable parameter.
    pub grads: bool,
}

/// A forward whose config, weights and inputs have been read and checked.
pub struct Prepared {
    options: ForwardOptions,
    cfg: ModelConfig,
    head: Head,
    specs: Vec<ParamSpec>,
    params: Vec<HostTensor>,
    inputs: Vec<ModelInput>,
}

/// What a forward did, for the line the command prints.
pub enum ForwardSummary {
    /// The whole-model program: trace + compile seconds (with the client's start), run seconds.
    Whole { kind: String, compile_s: f64, run_s: f64, tensors: usize },
    /// `stream_layers`: the block-by-block run and the most weight bytes on the device at once.
    Streamed { depth: usize, compile_s: f64, run_s: f64, peak_weight_bytes: usize, total_weight_bytes: usize, tensors: usize },
}

/// Reads and checks everything before the plugin loads; `note` gets what the user should know
/// on the way (the checkpoint's family, a partial load's gaps, inputs the model does not use).
pub fn prepare(options: &ForwardOptions, note: &mut dyn FnMut(String)) -> Result<Prepared> {
    let a = options;
    ensure!(a.out != a.checkpoint, "--out {} is the checkpoint itself", a.out.display());
    let cfg = load::load_config(&a.checkpoint, a.config.as_deref())?;
    let (ckpt, head) = load::read_weights(a, &cfg, note)?;
    let specs = load::specs(&cfg, head);
    let params = load::load_weights(a, &cfg, &specs, &ckpt, note)?;
    let inputs = load::read_inputs(&cfg, head, &a.inputs, a.seed, note)?;
    if a.stream_layers {
        ensure!(!a.grads, "--grads: not available with --stream-layers");
        if !matches!(cfg, ModelConfig::Vit(_)) {
            bail!("--stream-layers runs ViT checkpoints; this one is {} (not supported yet)", cfg.kind());
        }
    }
    Ok(Prepared { options: a.clone(), cfg, head, specs, params, inputs })
}

impl Prepared {
    /// Traces (unless streamed), then asks `connect` for the client and compile options, runs
    /// and writes the outputs. A trace error comes before the plugin loads.
    pub fn run(self, connect: impl FnOnce() -> Result<(Client, CompileOptions)>) -> Result<ForwardSummary> {
        if self.options.stream_layers {
            return self.stream(connect);
        }
        let t0 = Instant::now();
        let (func, names, trainable) = outputs::trace(&self.cfg, self.head, &self.specs, &self.inputs, self.options.grads)?;
        let (client, opts) = connect()?;
        let prog = func.lower().compile(&client, &opts)?;
        let t1 = Instant::now();
        let params = self.specs.iter().map(|s| s.name.as_str()).zip(&self.params);
        let host: Vec<(&str, &HostTensor)> = params.chain(self.inputs.iter().map(|i| (i.name, &i.host))).collect();
        let mut outs = prog.run_host(&host)?;
        let t2 = Instant::now();

        let model_outs: Vec<HostTensor> = names.iter().map(|n| outs.take(n)).collect::<Result<_>>()?;
        let grads: Vec<HostTensor> = trainable.iter().map(|s| outs.take(&outputs::grad_output(&s.name))).collect::<Result<_>>()?;
        let mut tensors = to_tensors(&names, &model_outs)?;
        for (name, g) in to_checkpoint(&trainable, &grads)? {
            tensors.insert(format!("grad.{name}"), g);
        }
        save(&self.options, &self.cfg, &tensors)?;
        Ok(ForwardSummary::Whole {
            kind: self.cfg.kind().to_string(),
            compile_s: (t1 - t0).as_secs_f64(),
            run_s: (t2 - t1).as_secs_f64(),
            tensors: tensors.len(),
        })
    }

    /// The ViT forward one block at a time; the same outputs as the whole-model program.
    fn stream(self, connect: impl FnOnce() -> Result<(Client, CompileOptions)>) -> Result<ForwardSummary> {
        let ModelConfig::Vit(c) = &self.cfg else { unreachable!("checked by prepare") };
        // The checked, possibly partially initialized weights, back under their public names.
        let weights = to_checkpoint(&self.specs, &self.params)?;
        let (client, opts) = connect()?;
        let images = &self.inputs[0].host;
        let s = super::stream::VitStream::compile(&client, &opts, c, &images.dims)?.run(&client, &weights, images)?;
        let mut names = vec!["logits".to_string()];
        let mut outs = vec![s.logits];
        for (l, h) in s.hidden.into_iter().enumerate() {
            names.push(format!("hidden_states.{}", l));
            outs.push(h);
        }
        let tensors = to_tensors(&names, &outs)?;
        save(&self.options, &self.cfg, &tensors)?;
        Ok(ForwardSummary::Streamed {
            depth: c.encoder.depth,
            compile_s: s.compile_seconds,
            run_s: s.run_seconds,
            peak_weight_bytes: s.peak_weight_bytes,
            total_weight_bytes: s.total_weight_bytes,
            tensors: tensors.len(),
        })
    }
}

/// The outputs, atomically, with the model kind and the checkpoint in the metadata.
fn save(o: &ForwardOptions, cfg: &ModelConfig, tensors: &Tensors) -> Result<()> {
    let meta =
        BTreeMap::from([("model".to_string(), cfg.kind().to_string()), ("checkpoint".to_string(), o.checkpoint.display().to_string())]);
    Ok(checkpoint::save(&o.out, tensors, &meta)?)
}

/// Host results as f32 tensors; a `*hidden_states` output `[L, ...]` becomes one tensor per
/// block, `{name}.1` ... `{name}.L` (index 0 is the embeddings, by the reference convention).
fn to_tensors(names: &[String], outs: &[HostTensor]) -> Result<Tensors> {
    let mut t = Tensors::new();
    for (name, h) in names.iter().zip(outs) {
        let v: Vec<f32> = h.to_vec()?;
        let shape: Vec<usize> = h.dims.iter().map(|&d| d as usize).collect();
        if !name.ends_with("hidden_states") {
            t.insert(name.clone(), TensorData::from_f32(&shape, &v));
            continue;
        }
        let Some((&layers, per)) = shape.split_first() else { bail!("`{}` has no layer axis", name) };
        let n = v.len() / layers.max(1);
        for l in 0..layers {
            t.insert(format!("{}.{}", name, l + 1), TensorData::from_f32(per, &v[l * n..(l + 1) * n]));
        }
    }
    Ok(t)
}
