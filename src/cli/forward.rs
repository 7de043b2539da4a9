//! `bamboo forward`: run a checkpoint on inputs from a file and write every output to a
//! safetensors file. How users inspect a model or extract features, and how parity is checked.
//!
//! Everything a user can get wrong (config, weights, inputs) is checked before the plugin is
//! loaded, so mistakes fail in milliseconds with the field, tensor or flag named.

mod inputs;
mod npy;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, ensure, Context, Result};
use clap::Args;

use super::RuntimeArgs;
use crate::checkpoint::{self, read_sidecar, sidecar_path, TensorData, Tensors};
use crate::config::ModelConfig;
use crate::graph::{DType, Function, Graph, Tensor};
use crate::models::{bert, clip, mae, opt, vit, ParamSpec, Params};
use crate::nn::stack::StackOptions;
use crate::program::Program;
use crate::runtime::HostTensor;
use crate::train::weights::{host_params, host_params_partial, public_names};
use inputs::{Inputs, ModelInput};

#[derive(Args)]
pub struct ForwardArgs {
    #[command(flatten)]
    rt: RuntimeArgs,
    /// Weights: safetensors (public parameter names), or a training checkpoint folder `ckpt-*`
    /// (checked against its commit marker; its config is the one its state.json records).
    #[arg(long)]
    checkpoint: PathBuf,
    /// Model config JSON (a `ModelConfig`, or a sidecar holding one under `config`); default:
    /// the checkpoint's sidecar (W.safetensors -> W.json).
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
}

pub fn run(a: &ForwardArgs) -> Result<()> {
    ensure!(a.out != a.checkpoint, "--out {} is the checkpoint itself", a.out.display());
    let cfg = load_config(&a.checkpoint, a.config.as_deref())?;
    let specs = specs(&cfg);
    let params = load_weights(a, &cfg, &specs)?;
    let inputs = read_inputs(&cfg, &a.inputs, a.seed)?;
    if a.stream_layers {
        return stream(a, &cfg, &specs, params, inputs);
    }

    let t0 = Instant::now();
    let (func, names) = trace(&cfg, &specs, &inputs).context("tracing the model")?;
    let client = a.rt.client()?;
    let prog = Program::compile(&client, &func, &a.rt.compile_options()?)?;
    let t1 = Instant::now();
    let mut host = params;
    host.extend(inputs.into_iter().map(|i| i.host));
    let outs = prog.run_host(&client, &host)?;
    let t2 = Instant::now();

    let tensors = to_tensors(&names, &outs)?;
    let meta =
        BTreeMap::from([("model".to_string(), cfg.kind().to_string()), ("checkpoint".to_string(), a.checkpoint.display().to_string())]);
    checkpoint::save(&a.out, &tensors, &meta)?;
    eprintln!(
        "{} forward: traced + compiled in {:.2} s, ran in {:.3} s; wrote {} tensors to {}",
        cfg.kind(),
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        tensors.len(),
        a.out.display()
    );
    Ok(())
}

/// `--stream-layers`: the ViT forward one block at a time; the same outputs as `run` writes.
fn stream(a: &ForwardArgs, cfg: &ModelConfig, specs: &[ParamSpec], params: Vec<HostTensor>, inputs: Vec<ModelInput>) -> Result<()> {
    let ModelConfig::Vit(c) = cfg else {
        bail!("--stream-layers runs ViT checkpoints; this one is {} (not supported yet)", cfg.kind());
    };
    // The checked, possibly partially initialized weights, back under their public names.
    let weights = crate::train::weights::to_checkpoint(specs, &params)?;
    let client = a.rt.client()?;
    let images = &inputs[0].host;
    let s = crate::infer::stream::VitStream::compile(&client, &a.rt.compile_options()?, c, &images.dims)?.run(&client, &weights, images)?;
    let mut names = vec!["logits".to_string()];
    let mut outs = vec![s.logits];
    for (l, h) in s.hidden.into_iter().enumerate() {
        names.push(format!("hidden_states.{}", l + 1));
        outs.push(h);
    }
    let tensors = to_tensors(&names, &outs)?;
    let meta =
        BTreeMap::from([("model".to_string(), cfg.kind().to_string()), ("checkpoint".to_string(), a.checkpoint.display().to_string())]);
    checkpoint::save(&a.out, &tensors, &meta)?;
    let mib = |b: usize| b as f64 / (1 << 20) as f64;
    eprintln!(
        "vit forward, streamed over {} blocks: compiled in {:.2} s, ran in {:.3} s; weights on the device at most {:.1} MiB of {:.1} MiB; wrote {} tensors to {}",
        c.encoder.depth,
        s.compile_seconds,
        s.run_seconds,
        mib(s.peak_weight_bytes),
        mib(s.total_weight_bytes),
        tensors.len(),
        a.out.display()
    );
    Ok(())
}

/// The config from `--config`, else from the checkpoint's sidecar. With both, the sidecar's
/// model kind must agree: a ViT config over a BERT checkpoint is a mistake, not an override.
fn load_config(ckpt: &Path, explicit: Option<&Path>) -> Result<ModelConfig> {
    let side = sidecar_path(ckpt);
    let Some(path) = explicit else {
        if ckpt.is_dir() {
            // A training checkpoint folder: the config its state.json records (verified).
            let marker = checkpoint::commit::read_marker(ckpt)?;
            let state: serde_json::Value = serde_json::from_slice(&checkpoint::commit::read_verified(ckpt, &marker, "state.json")?)
                .with_context(|| format!("{}/state.json: not JSON", ckpt.display()))?;
            let model = &state["extra"]["config"]["model"];
            ensure!(model.is_object(), "{}/state.json records no model config: pass --config C.json", ckpt.display());
            return ModelConfig::from_json(&model.to_string())
                .with_context(|| format!("{}/state.json: extra.config.model", ckpt.display()));
        }
        ensure!(side.exists(), "no config: pass --config C.json or put the sidecar {} beside the checkpoint", side.display());
        return Ok(read_sidecar(ckpt)?.model_config(&side)?);
    };
    let text = std::fs::read_to_string(path).with_context(|| format!("--config {}", path.display()))?;
    let value: serde_json::Value = serde_json::from_str(&text).with_context(|| format!("--config {}: not JSON", path.display()))?;
    let inner = value.get("config").filter(|c| c.is_object()).unwrap_or(&value);
    let cfg = ModelConfig::from_json(&inner.to_string()).with_context(|| format!("--config {}", path.display()))?;
    if let Ok(s) = read_sidecar(ckpt) {
        s.expect_kind(&side, cfg.kind()).context("--config and the checkpoint's sidecar disagree")?;
    }
    Ok(cfg)
}

fn specs(cfg: &ModelConfig) -> Vec<ParamSpec> {
    match cfg {
        ModelConfig::Vit(c) => vit::param_specs(c),
        ModelConfig::Mae(c) => mae::param_specs(c),
        ModelConfig::Bert(c) => bert::param_specs(c),
        ModelConfig::Clip(c) => clip::param_specs(c),
        ModelConfig::Opt(c) => opt::param_specs(c),
    }
}

/// Names a checkpoint may carry that the model does not read: BERT's MLM decoder and OPT's
/// `lm_head` are tied to the token embeddings, and some files keep the copy; CLIP files written
/// before transformers 4.31 keep the `position_ids` buffers (0..N, which the model computes).
fn tied_copies(cfg: &ModelConfig) -> &'static [&'static str] {
    match cfg {
        ModelConfig::Bert(_) => &["cls.predictions.decoder.weight", "cls.predictions.decoder.bias"],
        ModelConfig::Opt(_) => &[opt::TIED_HEAD],
        ModelConfig::Clip(_) => &["text_model.embeddings.position_ids", "vision_model.embeddings.position_ids"],
        _ => &[],
    }
}

/// Host parameters in spec order. A strict load fails on any mismatch (all of them listed by
/// `host_params`); a partial one prints what it initialized and what it ignored.
fn load_weights(a: &ForwardArgs, cfg: &ModelConfig, specs: &[ParamSpec]) -> Result<Vec<HostTensor>> {
    // A checkpoint folder, or a file in one, is verified against its commit marker.
    let mut ckpt = checkpoint::commit::load_model(&a.checkpoint)?.1;
    if matches!(cfg, ModelConfig::Mae(_)) && crate::train::weights::is_official_mae(&ckpt) {
        eprintln!("{}: official MAE names, read as Hugging Face ViTMAE names", a.checkpoint.display());
        ckpt = crate::train::weights::official_mae_to_hf(ckpt).with_context(|| format!("{}", a.checkpoint.display()))?;
    }
    let ignore = tied_copies(cfg);
    let context = || architecture_hint(a, cfg, specs, &ckpt);
    if !a.partial {
        return host_params(specs, &ckpt, ignore, false).with_context(context);
    }
    let p = host_params_partial(specs, &ckpt, ignore, a.seed).with_context(context)?;
    // A partial load of nothing is a random model: surely the wrong file.
    let total: usize = specs.iter().map(|s| public_names(s).len()).sum();
    ensure!(p.initialized.len() < total, "{}", context());
    if !p.initialized.is_empty() || !p.unused.is_empty() {
        eprintln!("partial load of {}: left out {} tensor(s)", a.checkpoint.display(), p.initialized.len() + p.unused.len());
        for n in &p.initialized {
            eprintln!("  missing `{}`: initialized (seed {})", n, a.seed);
        }
        for n in &p.unused {
            eprintln!("  unexpected `{}`: ignored", n);
        }
    }
    Ok(p.params)
}

/// The headline of a load error: which file, which model, and whether it looks like another
/// architecture altogether (not one of the model's names is in the file).
fn architecture_hint(a: &ForwardArgs, cfg: &ModelConfig, specs: &[ParamSpec], ckpt: &Tensors) -> String {
    let names: Vec<String> = specs.iter().flat_map(public_names).collect();
    let found = names.iter().filter(|n| ckpt.contains_key(*n)).count();
    let mut s = format!("--checkpoint {} does not fit the `{}` model of the config", a.checkpoint.display(), cfg.kind());
    if found == 0 {
        s.push_str(&format!(" (none of its {} tensors is there: a checkpoint of another architecture?)", names.len()));
    }
    s
}

fn read_inputs(cfg: &ModelConfig, path: &Path, seed: u64) -> Result<Vec<ModelInput>> {
    let primary = if matches!(cfg, ModelConfig::Bert(_) | ModelConfig::Opt(_)) { "input_ids" } else { "pixel_values" };
    let mut inp = Inputs::read(path, primary).with_context(|| format!("--inputs {}", path.display()))?;
    let out = match cfg {
        ModelConfig::Vit(c) => inputs::vit(c, &mut inp),
        ModelConfig::Mae(c) => inputs::mae(c, &mut inp, seed),
        ModelConfig::Bert(c) => inputs::bert(c, &mut inp),
        ModelConfig::Clip(c) => inputs::clip(c, &mut inp),
        ModelConfig::Opt(c) => inputs::opt(c, &mut inp),
    }
    .with_context(|| format!("--inputs {}", path.display()))?;
    let unused = inp.unused();
    if !unused.is_empty() {
        eprintln!("not used by the {} forward: {}", cfg.kind(), unused.join(", "));
    }
    Ok(out)
}

/// Traces the forward pass over the parameters then the inputs (the order `run_host` feeds);
/// returns the function and its output names.
fn trace(cfg: &ModelConfig, specs: &[ParamSpec], inputs: &[ModelInput]) -> Result<(Function, Vec<String>)> {
    let g = Graph::new(&format!("forward_{}", cfg.kind()));
    let p = Params::declare(&g, specs, DType::F32);
    let x: Vec<Tensor> = inputs.iter().map(|i| g.param(i.name, &i.host.dims, i.dtype)).collect();
    let o = StackOptions { keep_hidden: true, ..Default::default() };
    let named: Vec<(&str, Tensor)> = match cfg {
        ModelConfig::Vit(c) => {
            let r = vit::forward(c, &p, &x[0], &o)?;
            vec![("logits", r.logits), ("hidden_states", r.hidden.expect("kept"))]
        }
        ModelConfig::Mae(c) => {
            let r = mae::forward(c, &p, &x[0], &x[1], &o)?;
            vec![
                ("loss", r.loss),
                ("logits", r.pred),
                ("mask", r.mask),
                ("noise", x[1].clone()),
                ("encoder.hidden_states", r.hidden.expect("kept")),
            ]
        }
        ModelConfig::Bert(c) => bert_outputs(c, &p, &x, &o)?,
        ModelConfig::Clip(c) => clip_outputs(c, &p, &x, &o)?,
        ModelConfig::Opt(c) => opt_outputs(c, &p, &x, &o)?,
    };
    let func = Function::new(&g, &named.iter().map(|(_, t)| t.clone()).collect::<Vec<_>>())?;
    Ok((func, named.into_iter().map(|(n, _)| n.to_string()).collect()))
}

/// Logits at every position (as Hugging Face returns them); with `masked_lm_positions`, also
/// those rows gathered (the MLM head is per position, so this equals predicting only there).
fn bert_outputs(c: &crate::config::BertConfig, p: &Params, x: &[Tensor], o: &StackOptions) -> Result<Vec<(&'static str, Tensor)>> {
    let r = bert::forward(
        c,
        p,
        &bert::BertInputs { input_ids: &x[0], token_type_ids: &x[1], attention_mask: &x[2], mlm_positions: None, dropout_keys: None },
        o,
    )?;
    let mut out = vec![("prediction_logits", r.mlm_logits.clone()), ("seq_relationship_logits", r.nsp_logits)];
    if let Some(pos) = x.get(3) {
        out.push(("masked_lm_logits", r.mlm_logits.take_along_axis1(pos)?));
    }
    out.push(("hidden_states", r.hidden.expect("kept")));
    Ok(out)
}

/// `CLIPModel`'s outputs under its names, each tower's pooled output and blocks, and the
/// contrastive loss when there are as many texts as images (pair i = image i, text i).
fn clip_outputs(c: &crate::config::ClipConfig, p: &Params, x: &[Tensor], o: &StackOptions) -> Result<Vec<(&'static str, Tensor)>> {
    let r = clip::forward(c, p, &clip::ClipInputs { pixel_values: &x[0], input_ids: &x[1], attention_mask: x.get(2) }, o)?;
    let mut out = vec![];
    if x[0].dim(0) == x[1].dim(0) {
        out.push(("loss", clip::contrastive_loss(&r.logits_per_text)?));
    }
    out.extend([
        ("logits_per_image", r.logits_per_image),
        ("logits_per_text", r.logits_per_text),
        ("image_embeds", r.image_embeds),
        ("text_embeds", r.text_embeds),
        ("vision_model.pooler_output", r.image.pooled),
        ("text_model.pooler_output", r.text.pooled),
        ("vision_model.hidden_states", r.image.hidden.expect("kept")),
        ("text_model.hidden_states", r.text.hidden.expect("kept")),
    ]);
    Ok(out)
}

/// Logits at every position; with `labels`, also Hugging Face's causal LM loss over the
/// labels that are not -100.
fn opt_outputs(c: &crate::config::OptConfig, p: &Params, x: &[Tensor], o: &StackOptions) -> Result<Vec<(&'static str, Tensor)>> {
    let r = opt::forward(c, p, &opt::OptInputs { input_ids: &x[0], attention_mask: Some(&x[1]), dropout_keys: None }, o)?;
    let mut out = vec![];
    if let (Some(labels), Some(weights)) = (x.get(2), x.get(3)) {
        out.push(("loss", opt::next_token_loss(&r.logits, labels, Some(weights))?));
    }
    out.push(("logits", r.logits));
    out.push(("hidden_states", r.hidden.expect("kept")));
    Ok(out)
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
