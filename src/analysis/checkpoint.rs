//! Opening a checkpoint for analysis: weights by public name, the model config when one is
//! recorded, and a short label for tables and plot legends.
//!
//! Accepted paths: a training checkpoint folder (`ckpt-00000300/` with `model.safetensors` and
//! `state.json`), a run folder (its newest checkpoint), or a `.safetensors` file with or
//! without a sidecar (`W.json`). MAE weights may carry Hugging Face or official MAE names.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::checkpoint::{read_sidecar, sidecar_path, Tensors};
use crate::config::ModelConfig;
use crate::train::trainer::checkpoints;

pub struct Checkpoint {
    /// The weights file actually read.
    pub path: PathBuf,
    /// `run@step` for training checkpoints, else the file stem.
    pub label: String,
    /// The model config, when the checkpoint records one (spectra can do without).
    pub config: Option<ModelConfig>,
    pub tensors: Tensors,
}

impl Checkpoint {
    /// The model config, or an error naming the file when there is none.
    pub fn require_config(&self) -> Result<&ModelConfig> {
        self.config.as_ref().with_context(|| {
            format!(
                "{}: no model config (expected state.json beside it, or a sidecar {})",
                self.path.display(),
                sidecar_path(&self.path).display()
            )
        })
    }
}

pub fn open(path: &Path) -> Result<Checkpoint> {
    let exists = |p: &Path| crate::storage::exists(p).unwrap_or(false);
    if crate::checkpoint::commit::is_published_folder(path) {
        return open_published_folder(path);
    }
    if crate::storage::is_dir(path)? {
        if exists(&path.join("model.safetensors")) {
            return open_training_folder(path);
        }
        let newest = checkpoints(path).pop().with_context(|| {
            format!("{}: neither a checkpoint folder (model.safetensors) nor a run folder with ckpt-* checkpoints", path.display())
        })?;
        return open_training_folder(&newest);
    }
    if !exists(path) {
        bail!("{}: no such checkpoint", path.display());
    }
    // Official MAE files (models_mae.py names) are read under the Hugging Face names. A file
    // inside a checkpoint folder is checked against the folder's marker.
    let tensors = crate::weights::names::official_mae::official_mae_to_hf(crate::checkpoint::commit::load_model(path)?.1)
        .with_context(|| format!("{}", path.display()))?;
    let config = if exists(&sidecar_path(path)) { Some(read_sidecar(path)?.model_config(&sidecar_path(path))?) } else { None };
    let label = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "model".into());
    Ok(Checkpoint { path: path.to_path_buf(), label, config, tensors })
}

/// A Hugging Face model folder as published: its `config.json` (HF's or bamboo's), its
/// `model.safetensors` under the model's public names (HF ViT and transformers 5.x names read).
fn open_published_folder(dir: &Path) -> Result<Checkpoint> {
    let file = dir.join("config.json");
    let text = std::fs::read_to_string(&file).with_context(|| format!("{}", file.display()))?;
    let config = ModelConfig::from_file_text(&text).with_context(|| format!("{}", file.display()))?;
    let (weights, tensors) = crate::checkpoint::commit::load_model(dir)?;
    let (tensors, _) = crate::weights::names::to_public(&config, tensors).with_context(|| format!("{}", weights.display()))?;
    let label = dir.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "model".into());
    Ok(Checkpoint { path: weights, label, config: Some(config), tensors })
}

/// `ckpt-*/model.safetensors` + `state.json` (`{"step", "extra": {"config": {"model": ...}}}`).
fn open_training_folder(dir: &Path) -> Result<Checkpoint> {
    // Every file is checked against the folder's commit marker: a half-written folder is refused.
    let marker = crate::checkpoint::commit::read_marker(dir)?;
    let (weights, tensors) = crate::checkpoint::commit::load_model(dir)?;
    let state_path = dir.join("state.json");
    let (config, step) = if marker.files.contains_key("state.json") {
        let bytes = crate::checkpoint::commit::read_verified(dir, &marker, "state.json")?;
        let state: Value = serde_json::from_slice(&bytes).with_context(|| format!("{}: not JSON", state_path.display()))?;
        let model = &state["extra"]["config"]["model"];
        let config = if model.is_object() {
            Some(ModelConfig::from_json(&model.to_string()).with_context(|| format!("{}: extra.config.model", state_path.display()))?)
        } else {
            None
        };
        (config, state["step"].as_u64())
    } else {
        (None, None)
    };
    Ok(Checkpoint { path: weights, label: label_of(dir, step), config, tensors })
}

/// `runs/vit-t28/ckpt-00000300` -> `vit-t28@300`: the run name says which model, the step how
/// far it trained.
fn label_of(dir: &Path, step: Option<u64>) -> String {
    let name = |p: &Path| p.file_name().map(|s| s.to_string_lossy().into_owned());
    let own = name(dir).unwrap_or_else(|| "model".into());
    match (own.starts_with("ckpt-"), dir.parent().and_then(name), step) {
        (true, Some(run), Some(s)) => format!("{}@{}", run, s),
        (true, Some(run), None) => format!("{}@{}", run, own.trim_start_matches("ckpt-").trim_start_matches('0')),
        _ => own,
    }
}
