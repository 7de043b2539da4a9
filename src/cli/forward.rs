//! `bamboo forward`: run a checkpoint (bamboo's, or a Hugging Face model folder as published) on
//! inputs from a file and write every output to a safetensors file: the model's outputs,
//! `hidden_states.0..L` (0 = the embeddings, as Hugging Face counts), the loss when the inputs
//! hold labels and, with `--grads`, the loss's gradient for every parameter (`grad.<name>`).
//! How users inspect a model or extract features, and how parity is checked.
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
use crate::graph::{self, DType, Function, Graph, Tensor};
use crate::models::{bert, clip, mae, opt, vit, ParamSpec, Params};
use crate::nn::stack::StackOptions;
use crate::program::Program;
use crate::runtime::HostTensor;
use crate::train::hf_names::{to_public, Family, VIT_UNUSED};
use crate::train::weights::{host_params, host_params_partial, public_names, to_checkpoint};
use inputs::{Inputs, ModelInput};

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

pub fn run(a: &ForwardArgs) -> Result<()> {
    ensure!(a.out != a.checkpoint, "--out {} is the checkpoint itself", a.out.display());
    let cfg = load_config(&a.checkpoint, a.config.as_deref())?;
    let (ckpt, head) = read_weights(a, &cfg)?;
    let specs = specs(&cfg, head);
    let params = load_weights(a, &cfg, &specs, &ckpt)?;
    let inputs = read_inputs(&cfg, head, &a.inputs, a.seed)?;
    if a.stream_layers {
        ensure!(!a.grads, "--grads: not available with --stream-layers");
        return stream(a, &cfg, &specs, params, inputs);
    }

    let t0 = Instant::now();
    let (func, names, trainable) = trace(&cfg, head, &specs, &inputs, a.grads)?;
    let client = a.rt.client()?;
    let prog = Program::compile(&client, &func, &a.rt.compile_options()?)?;
    let t1 = Instant::now();
    let mut host = params;
    host.extend(inputs.into_iter().map(|i| i.host));
    let outs = prog.run_host(&client, &host)?;
    let t2 = Instant::now();

    let (outs, grads) = outs.split_at(names.len());
    let mut tensors = to_tensors(&names, outs)?;
    for (name, g) in to_checkpoint(&trainable, grads)? {
        tensors.insert(format!("grad.{name}"), g);
    }
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
        names.push(format!("hidden_states.{}", l));
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
        if checkpoint::commit::is_published_folder(ckpt) {
            let file = ckpt.join("config.json");
            let text = std::fs::read_to_string(&file).with_context(|| format!("{}", file.display()))?;
            return ModelConfig::from_file_text(&text).with_context(|| format!("{}", file.display()));
        }
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

/// Which of a model's heads a checkpoint carries, where the config does not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Head {
    /// The config's model as it is.
    Default,
    /// BERT with `BertForSequenceClassification`'s `classifier` instead of the pre-training heads.
    BertClassifier,
    /// A Hugging Face `ViTModel`: the encoder and its final norm, no classifier.
    VitEncoder,
}

/// The checkpoint's tensors under the model's public names, and the head they carry.
fn read_weights(a: &ForwardArgs, cfg: &ModelConfig) -> Result<(Tensors, Head)> {
    // A checkpoint folder, or a file in one, is verified against its commit marker.
    let ckpt = checkpoint::commit::load_model(&a.checkpoint)?.1;
    let (ckpt, family) = to_public(cfg, ckpt).with_context(|| format!("{}", a.checkpoint.display()))?;
    if let Some(f) = family {
        eprintln!("{}: {}", a.checkpoint.display(), f.describe());
    }
    let head = match cfg {
        ModelConfig::Bert(_) if ckpt.contains_key("classifier.weight") && !ckpt.contains_key("cls.predictions.bias") => {
            Head::BertClassifier
        }
        ModelConfig::Vit(_) if family == Some(Family::HfVitModel) && !ckpt.contains_key("head.weight") => Head::VitEncoder,
        _ => Head::Default,
    };
    Ok((ckpt, head))
}

fn specs(cfg: &ModelConfig, head: Head) -> Vec<ParamSpec> {
    match cfg {
        ModelConfig::Vit(c) if head == Head::VitEncoder => {
            vit::param_specs(c).into_iter().filter(|s| !s.name.starts_with("head.")).collect()
        }
        ModelConfig::Vit(c) => vit::param_specs(c),
        ModelConfig::Mae(c) => mae::param_specs(c),
        ModelConfig::Bert(c) if head == Head::BertClassifier => bert::classifier_specs(c, c.num_labels),
        ModelConfig::Bert(c) => bert::param_specs(c),
        ModelConfig::Clip(c) => clip::param_specs(c),
        ModelConfig::Opt(c) => opt::param_specs(c),
    }
}

/// Names a checkpoint may carry that the model does not read: BERT's MLM decoder and OPT's
/// `lm_head` are tied to the token embeddings, and some files keep the copy; CLIP files written
/// before transformers 4.31 keep the `position_ids` buffers (0..N, which the model computes);
/// Hugging Face's `ViTModel` has a pooler bamboo's ViT does not run.
fn tied_copies(cfg: &ModelConfig) -> &'static [&'static str] {
    match cfg {
        ModelConfig::Bert(_) => &["cls.predictions.decoder.weight", "cls.predictions.decoder.bias"],
        ModelConfig::Opt(_) => &[opt::TIED_HEAD],
        ModelConfig::Clip(_) => &["text_model.embeddings.position_ids", "vision_model.embeddings.position_ids"],
        ModelConfig::Vit(_) => &VIT_UNUSED,
        _ => &[],
    }
}

/// Host parameters in spec order. A strict load fails on any mismatch (all of them listed by
/// `host_params`); a partial one prints what it initialized and what it ignored.
fn load_weights(a: &ForwardArgs, cfg: &ModelConfig, specs: &[ParamSpec], ckpt: &Tensors) -> Result<Vec<HostTensor>> {
    let ignore = tied_copies(cfg);
    let context = || architecture_hint(a, cfg, specs, ckpt);
    if !a.partial {
        return host_params(specs, ckpt, ignore, false).with_context(context);
    }
    let p = host_params_partial(specs, ckpt, ignore, a.seed).with_context(context)?;
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

fn read_inputs(cfg: &ModelConfig, head: Head, path: &Path, seed: u64) -> Result<Vec<ModelInput>> {
    let primary = if matches!(cfg, ModelConfig::Bert(_) | ModelConfig::Opt(_)) { "input_ids" } else { "pixel_values" };
    let mut inp = Inputs::read(path, primary).with_context(|| format!("--inputs {}", path.display()))?;
    let out = match cfg {
        ModelConfig::Vit(c) => inputs::vit(c, &mut inp, head != Head::VitEncoder),
        ModelConfig::Mae(c) => inputs::mae(c, &mut inp, seed),
        ModelConfig::Bert(c) => inputs::bert(c, &mut inp, head == Head::BertClassifier),
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

/// The traced inputs by name.
struct Traced(BTreeMap<&'static str, Tensor>);

impl Traced {
    fn get(&self, name: &str) -> &Tensor {
        &self.0[name]
    }
    fn opt(&self, name: &str) -> Option<&Tensor> {
        self.0.get(name)
    }
}

/// Outputs by name; `loss` (when the inputs allow one) first.
type Named = Vec<(&'static str, Tensor)>;

/// Traces the forward pass over the parameters then the inputs (the order `run_host` feeds);
/// returns the function, its output names and, with `grads`, the trainable specs whose
/// gradients (stacked as the specs are) follow the named outputs.
fn trace(
    cfg: &ModelConfig,
    head: Head,
    specs: &[ParamSpec],
    inputs: &[ModelInput],
    grads: bool,
) -> Result<(Function, Vec<String>, Vec<ParamSpec>)> {
    let g = Graph::new(&format!("forward_{}", cfg.kind()));
    let p = Params::declare(&g, specs, DType::F32);
    let x = Traced(inputs.iter().map(|i| (i.name, g.param(i.name, &i.host.dims, i.dtype))).collect());
    let o = StackOptions { keep_hidden: true, ..Default::default() };
    let named = match cfg {
        ModelConfig::Vit(c) if head == Head::VitEncoder => vit_encoder_outputs(c, &p, &x, &o),
        ModelConfig::Vit(c) => vit_outputs(c, &p, &x, &o),
        ModelConfig::Mae(c) => {
            let r = mae::forward(c, &p, x.get("pixel_values"), x.get("noise"), &o)?;
            Ok(vec![
                ("loss", r.loss),
                ("logits", r.pred),
                ("mask", r.mask),
                ("noise", x.get("noise").clone()),
                ("encoder.hidden_states.0", r.embedded),
                ("encoder.hidden_states", r.hidden.expect("kept")),
            ])
        }
        ModelConfig::Bert(c) if head == Head::BertClassifier => bert_classifier_outputs(c, &p, &x, &o),
        ModelConfig::Bert(c) => bert_outputs(c, &p, &x, &o),
        ModelConfig::Clip(c) => clip_outputs(c, &p, &x, &o),
        ModelConfig::Opt(c) => opt_outputs(c, &p, &x, &o),
    }
    .context("tracing the model")?;
    let mut outs: Vec<Tensor> = named.iter().map(|(_, t)| t.clone()).collect();
    let trainable: Vec<ParamSpec> = if grads { specs.iter().filter(|s| s.trainable).cloned().collect() } else { vec![] };
    if grads {
        let Some((_, loss)) = named.iter().find(|(n, _)| *n == "loss") else {
            bail!("--grads: the inputs give no loss; {}", loss_inputs(cfg, head));
        };
        let wrt: Vec<Tensor> = trainable.iter().map(|s| p.get(&s.name).cloned()).collect::<Result<_, _>>()?;
        outs.extend(graph::grad(loss, &wrt).context("differentiating the loss")?);
    }
    let func = Function::new(&g, &outs)?;
    Ok((func, named.into_iter().map(|(n, _)| n.to_string()).collect(), trainable))
}

/// What a model's loss needs, for the error when it is asked for without them.
fn loss_inputs(cfg: &ModelConfig, head: Head) -> &'static str {
    match (cfg, head) {
        (ModelConfig::Vit(_), Head::VitEncoder) => "a ViTModel has no classifier, so no loss",
        (ModelConfig::Vit(_), _) => "give `labels` [B] (class ids)",
        (ModelConfig::Bert(_), Head::BertClassifier) => "give `labels` [B]",
        (ModelConfig::Bert(_), _) => "give `labels` [B, S] (-100 where not predicted) and `next_sentence_label` [B]",
        (ModelConfig::Clip(_), _) => "give as many captions as images",
        (ModelConfig::Opt(_), _) => "give `labels` [B, S]",
        (ModelConfig::Mae(_), _) => "",
    }
}

/// Class logits (and the cross entropy with `labels`, mean over the batch, as
/// `ViTForImageClassification` and timm compute it) and every block's input and output.
fn vit_outputs(c: &crate::config::VitConfig, p: &Params, x: &Traced, o: &StackOptions) -> Result<Named> {
    let r = vit::forward(c, p, x.get("pixel_values"), o)?;
    let mut out = vec![];
    if let Some(labels) = x.opt("labels") {
        out.push(("loss", r.logits.cross_entropy(labels)?));
    }
    out.extend([("logits", r.logits), ("hidden_states.0", r.embedded), ("hidden_states", r.hidden.expect("kept"))]);
    Ok(out)
}

/// Hugging Face `ViTModel`'s outputs: `last_hidden_state` (the final norm on every token) and
/// the hidden states; its pooler is not run.
fn vit_encoder_outputs(c: &crate::config::VitConfig, p: &Params, x: &Traced, o: &StackOptions) -> Result<Named> {
    let e = vit::embed(c, p, x.get("pixel_values"))?;
    let bc = vit::block_config(c);
    let (h, hidden) = crate::nn::stack::encoder(&e, &p.stack("blocks.*.", &bc)?, &bc, None, o, "blocks")?;
    let last = h.layer_norm(p.get("norm.weight")?, p.get("norm.bias")?, c.layer_norm_eps)?;
    Ok(vec![("last_hidden_state", last), ("hidden_states.0", e), ("hidden_states", hidden.expect("kept"))])
}

/// Logits at every position (as Hugging Face returns them); with `masked_lm_positions`, also
/// those rows gathered (the MLM head is per position, so this equals predicting only there);
/// with `labels` and `next_sentence_label`, `BertForPreTraining`'s loss.
fn bert_outputs(c: &crate::config::BertConfig, p: &Params, x: &Traced, o: &StackOptions) -> Result<Named> {
    let r = bert::forward(c, p, &bert_inputs(x), o)?;
    let mut out = vec![];
    if let (Some(labels), Some(w), Some(nsp)) = (x.opt("labels"), x.opt("label_weights"), x.opt("next_sentence_label")) {
        out.push(("loss", mlm_loss(&r.mlm_logits, labels, w)?.add(&r.nsp_logits.cross_entropy(nsp)?)?));
    }
    out.extend([("prediction_logits", r.mlm_logits.clone()), ("seq_relationship_logits", r.nsp_logits)]);
    if let Some(pos) = x.opt("masked_lm_positions") {
        out.push(("masked_lm_logits", r.mlm_logits.take_along_axis1(pos)?));
    }
    out.extend([("hidden_states.0", r.embedded), ("hidden_states", r.hidden.expect("kept"))]);
    Ok(out)
}

/// Hugging Face's masked LM loss: cross entropy at the positions of weight 1 (label not -100),
/// their mean.
fn mlm_loss(logits: &Tensor, targets: &Tensor, weights: &Tensor) -> Result<Tensor> {
    let v = logits.dim(2);
    let logp = logits.log_softmax(2)?;
    let nll = logp.mul(&targets.one_hot(v, logp.dtype())?)?.sum(&[2], false)?.neg()?;
    Ok(nll.mul(weights)?.sum_all()?.div(&weights.sum_all()?)?)
}

fn bert_inputs(x: &Traced) -> bert::BertInputs<'_> {
    bert::BertInputs {
        input_ids: x.get("input_ids"),
        token_type_ids: x.get("token_type_ids"),
        attention_mask: x.get("attention_mask"),
        mlm_positions: None,
        dropout_keys: None,
    }
}

/// `BertForSequenceClassification`: logits, the pooled output, the hidden states and, with
/// `labels`, its loss (cross entropy; mean squared error when there is one output).
fn bert_classifier_outputs(c: &crate::config::BertConfig, p: &Params, x: &Traced, o: &StackOptions) -> Result<Named> {
    let e = bert::encode(c, p, &bert_inputs(x), o)?;
    let logits = crate::nn::linear(&e.pooled, p.get("classifier.weight")?, Some(p.get("classifier.bias")?))?;
    let mut out = vec![];
    if let Some(labels) = x.opt("labels") {
        let loss = if c.num_labels == 1 {
            logits.reshape(&[logits.dim(0)])?.sub(labels)?.square()?.mean_all()?
        } else {
            logits.cross_entropy(labels)?
        };
        out.push(("loss", loss));
    }
    out.extend([("logits", logits), ("pooled", e.pooled), ("hidden_states.0", e.embedded), ("hidden_states", e.hidden.expect("kept"))]);
    Ok(out)
}

/// `CLIPModel`'s outputs under its names, each tower's pooled output and blocks, and the
/// contrastive loss when there are as many texts as images (pair i = image i, text i).
fn clip_outputs(c: &crate::config::ClipConfig, p: &Params, x: &Traced, o: &StackOptions) -> Result<Named> {
    let (pixels, ids) = (x.get("pixel_values"), x.get("input_ids"));
    let r = clip::forward(c, p, &clip::ClipInputs { pixel_values: pixels, input_ids: ids, attention_mask: x.opt("attention_mask") }, o)?;
    let mut out = vec![];
    if pixels.dim(0) == ids.dim(0) {
        out.push(("loss", clip::contrastive_loss(&r.logits_per_text)?));
    }
    out.extend([
        ("logits_per_image", r.logits_per_image),
        ("logits_per_text", r.logits_per_text),
        ("image_embeds", r.image_embeds),
        ("text_embeds", r.text_embeds),
        ("vision_model.pooler_output", r.image.pooled),
        ("text_model.pooler_output", r.text.pooled),
        ("vision_model.hidden_states.0", r.image.embedded),
        ("text_model.hidden_states.0", r.text.embedded),
        ("vision_model.hidden_states", r.image.hidden.expect("kept")),
        ("text_model.hidden_states", r.text.hidden.expect("kept")),
    ]);
    Ok(out)
}

/// Logits at every position; with `labels`, also Hugging Face's causal LM loss over the
/// labels that are not -100.
fn opt_outputs(c: &crate::config::OptConfig, p: &Params, x: &Traced, o: &StackOptions) -> Result<Named> {
    let r = opt::forward(
        c,
        p,
        &opt::OptInputs { input_ids: x.get("input_ids"), attention_mask: x.opt("attention_mask"), dropout_keys: None },
        o,
    )?;
    let mut out = vec![];
    if let (Some(labels), Some(weights)) = (x.opt("labels"), x.opt("label_weights")) {
        out.push(("loss", opt::next_token_loss(&r.logits, labels, Some(weights))?));
    }
    out.extend([("logits", r.logits), ("hidden_states.0", r.embedded), ("hidden_states", r.hidden.expect("kept"))]);
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
