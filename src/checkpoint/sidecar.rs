//! The JSON beside a checkpoint (`model.safetensors` -> `model.json`): the model's config, the
//! step, and whatever else training needs to resume (free-form keys).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::atomic::write_bytes_atomic;
use super::error::CheckpointError;
use crate::config::ModelConfig;

/// The sidecar's contents. Unknown keys survive a read/write round trip in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sidecar {
    /// The model configuration, as `ModelConfig` writes it (tagged by `"model"`).
    pub config: Value,
    #[serde(default)]
    pub step: u64,
    /// Optimizer state names, data position, rng state...
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Sidecar {
    pub fn new(config: &ModelConfig, step: u64) -> Sidecar {
        Sidecar { config: serde_json::to_value(config).expect("configs serialize"), step, extra: Map::new() }
    }

    /// The typed, validated configuration.
    pub fn model_config(&self, path: &Path) -> Result<ModelConfig, CheckpointError> {
        let err = |msg: String| CheckpointError::Sidecar { path: path.to_path_buf(), msg };
        ModelConfig::from_value(self.config.clone(), "config").map_err(|e| err(e.to_string()))
    }

    /// Fails unless the checkpoint holds a model of `kind` (`vit`, `mae`, `bert`).
    pub fn expect_kind(&self, path: &Path, kind: &str) -> Result<(), CheckpointError> {
        let found = self.config.get("model").and_then(Value::as_str).unwrap_or("<none>");
        if found != kind {
            return Err(CheckpointError::Sidecar {
                path: path.to_path_buf(),
                msg: format!("config.model is `{found}`: a checkpoint of another architecture (expected `{kind}`)"),
            });
        }
        Ok(())
    }
}

/// `dir/name.safetensors` -> `dir/name.json`.
pub fn sidecar_path(weights: &Path) -> PathBuf {
    weights.with_extension("json")
}

pub fn write_sidecar(weights: &Path, sidecar: &Sidecar) -> Result<(), CheckpointError> {
    let text = serde_json::to_string_pretty(sidecar).expect("sidecar serializes");
    write_bytes_atomic(&sidecar_path(weights), text.as_bytes())
}

pub fn read_sidecar(weights: &Path) -> Result<Sidecar, CheckpointError> {
    let path = sidecar_path(weights);
    let text = crate::storage::read_to_string(&path).map_err(|e| CheckpointError::io(&path, e.into()))?;
    serde_json::from_str(&text).map_err(|e| CheckpointError::Sidecar { path, msg: e.to_string() })
}
