//! Checkpoints: safetensors files with public parameter names, plus a JSON sidecar.
//!
//! Host-side only: bytes in, bytes out, no graph or device. Files are written atomically;
//! loading validates names, shapes and dtypes against what a model expects and reports every
//! mismatch by name; scanned models stack per-layer tensors into `[L, ...]` arrays.

mod atomic;
pub mod commit;
mod dtype;
mod error;
mod header;
mod layers;
mod safetensors;
mod sidecar;
mod tensor;
mod validate;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::path::Path;

pub use atomic::{write_atomic, write_bytes_atomic};
pub use dtype::Dtype;
pub use error::CheckpointError;
pub use layers::{stack_layers, unstack_layers};
pub use safetensors::{load, parse, read, save, serialize, write_to, SafeTensors};
pub use sidecar::{read_sidecar, sidecar_path, write_sidecar, Sidecar};
pub use tensor::{ByteCountError, TensorData, Tensors};
pub use validate::{load_checked, validate, Expected, LoadMode, LoadReport, Mismatch};

/// Writes the weights, then the sidecar: a sidecar never describes weights that are not there.
pub fn save_checkpoint(path: &Path, tensors: &Tensors, sidecar: &Sidecar) -> Result<(), CheckpointError> {
    save(path, tensors, &BTreeMap::new())?;
    write_sidecar(path, sidecar)
}

/// The weights and, when one exists, the sidecar.
pub fn load_checkpoint(path: &Path) -> Result<(Tensors, Option<Sidecar>), CheckpointError> {
    let tensors = load(path)?;
    let sidecar = if crate::storage::exists(&sidecar_path(path)).unwrap_or(false) { Some(read_sidecar(path)?) } else { None };
    Ok((tensors, sidecar))
}
