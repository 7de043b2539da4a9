//! Checkpoint errors carry the file and, where there is one, the tensor.

use std::path::PathBuf;

use super::validate::Mismatch;

#[derive(Debug, thiserror::Error)]
pub enum CheckpointError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    /// The file as a whole is not valid safetensors (too short, bad header).
    #[error("{path}: {msg}")]
    Format { path: PathBuf, msg: String },
    /// One tensor's entry is wrong: its offsets, shape, dtype or bytes.
    #[error("{path}: tensor `{name}`: {msg}")]
    Tensor { path: PathBuf, name: String, msg: String },
    /// Names, shapes or dtypes differ from what the model expects: all of them, one per line.
    #[error("{}: {} mismatch(es) against the model:\n{}", path.display(), list.len(), list.iter().map(|m| format!("  {m}")).collect::<Vec<_>>().join("\n"))]
    Mismatch { path: PathBuf, list: Vec<Mismatch> },
    /// Stacking or unstacking per-layer tensors (no file involved).
    #[error("tensor `{name}`: {msg}")]
    Layers { name: String, msg: String },
    #[error("{path}: sidecar: {msg}")]
    Sidecar { path: PathBuf, msg: String },
}

impl CheckpointError {
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> CheckpointError {
        CheckpointError::Io { path: path.to_path_buf(), source }
    }
}
