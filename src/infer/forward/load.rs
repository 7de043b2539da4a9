//! What `bamboo forward` reads before anything is traced: the config, the weights under the
//! model's public names (and which head they carry), and the inputs. Every mistake is named
//! here, before the plugin loads.

use std::path::Path;

use anyhow::{ensure, Context, Result};

use super::inputs::{self, Inputs, ModelInput};
use super::ForwardOptions;
use crate::checkpoint::{self, read_sidecar, sidecar_path, Tensors};
use crate::config::ModelConfig;
use crate::models::{bert, clip, mae, opt, vit};
use crate::runtime::HostTensor;
use crate::weights::host::{host_params, host_params_partial, public_names};
use crate::weights::names::hf_vit::VIT_UNUSED;
use crate::weights::names::{to_public, Family};
use crate::weights::ParamSpec;

/// The config from `--config`, else from the checkpoint's sidecar. With both, the sidecar's
/// model kind must agree: a ViT config over a BERT checkpoint is a mistake, not an override.
pub(super) fn load_config(ckpt: &Path, explicit: Option<&Path>) -> Result<ModelConfig> {
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
pub(super) enum Head {
    /// The config's model as it is.
    Default,
    /// BERT with `BertForSequenceClassification`'s `classifier` instead of the pre-training heads.
    BertClassifier,
    /// A Hugging Face `ViTModel`: the encoder and its final norm, no classifier.
    VitEncoder,
}

/// The checkpoint's tensors under the model's public names, and the head they carry.
pub(super) fn read_weights(a: &ForwardOptions, cfg: &ModelConfig, note: &mut dyn FnMut(String)) -> Result<(Tensors, Head)> {
    // A checkpoint folder, or a file in one, is verified against its commit marker.
    let ckpt = checkpoint::commit::load_model(&a.checkpoint)?.1;
    let (ckpt, family) = to_public(cfg, ckpt).with_context(|| format!("{}", a.checkpoint.display()))?;
    if let Some(f) = family {
        note(format!("{}: {}", a.checkpoint.display(), f.describe()));
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

pub(super) fn specs(cfg: &ModelConfig, head: Head) -> Vec<ParamSpec> {
    match cfg {
        ModelConfig::Vit(c) if head == Head::VitEncoder => vit::backbone_specs(c),
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
pub(super) fn load_weights(
    a: &ForwardOptions,
    cfg: &ModelConfig,
    specs: &[ParamSpec],
    ckpt: &Tensors,
    note: &mut dyn FnMut(String),
) -> Result<Vec<HostTensor>> {
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
        note(format!("partial load of {}: left out {} tensor(s)", a.checkpoint.display(), p.initialized.len() + p.unused.len()));
        for n in &p.initialized {
            note(format!("  missing `{}`: initialized (seed {})", n, a.seed));
        }
        for n in &p.unused {
            note(format!("  unexpected `{}`: ignored", n));
        }
    }
    Ok(p.params)
}

/// The headline of a load error: which file, which model, and whether it looks like another
/// architecture altogether (not one of the model's names is in the file).
fn architecture_hint(a: &ForwardOptions, cfg: &ModelConfig, specs: &[ParamSpec], ckpt: &Tensors) -> String {
    let names: Vec<String> = specs.iter().flat_map(public_names).collect();
    let found = names.iter().filter(|n| ckpt.contains_key(*n)).count();
    let mut s = format!("--checkpoint {} does not fit the `{}` model of the config", a.checkpoint.display(), cfg.kind());
    if found == 0 {
        s.push_str(&format!(" (none of its {} tensors is there: a checkpoint of another architecture?)", names.len()));
    }
    s
}

pub(super) fn read_inputs(cfg: &ModelConfig, head: Head, path: &Path, seed: u64, note: &mut dyn FnMut(String)) -> Result<Vec<ModelInput>> {
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
        note(format!("not used by the {} forward: {}", cfg.kind(), unused.join(", ")));
    }
    Ok(out)
}
