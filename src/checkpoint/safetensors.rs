//! The safetensors format: an 8-byte little-endian header length, a JSON header mapping each
//! name to `{dtype, shape, data_offsets: [begin, end]}` (offsets into the data that follows),
//! an optional `__metadata__` map of strings, then the raw little-endian data.
//!
//! Reading goes through Hugging Face's `safetensors` crate over a memory-mapped file. Writing is
//! ours: the crate's writer cannot stream into `storage` (an atomic local write with fsync, or
//! one upload to a bucket), and it orders tensors by alignment where ours keeps name order.

use std::collections::BTreeMap;
use std::io::Write;
use std::ops::Range;
use std::path::Path;

use serde_json::{json, Map, Value};

use super::atomic::write_atomic;
use super::error::CheckpointError;
use super::header;
use super::tensor::{TensorData, Tensors};

/// A whole file: its tensors and its free-form string metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SafeTensors {
    pub tensors: Tensors,
    pub metadata: BTreeMap<String, String>,
}

/// Reads the tensors of a safetensors file.
pub fn load(path: &Path) -> Result<Tensors, CheckpointError> {
    read(path).map(|f| f.tensors)
}

/// Reads tensors and metadata. A local file is memory-mapped and each tensor copied out of the
/// map once; the pages it came from are then released, so the peak memory is about one copy of
/// the file, not two.
pub fn read(path: &Path) -> Result<SafeTensors, CheckpointError> {
    let bytes = crate::storage::read_mapped(path).map_err(|e| CheckpointError::io(path, e.into()))?;
    decode(path, &bytes, |span| bytes.release(span))
}

/// Parses a file's bytes; `path` only names the file in errors.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<SafeTensors, CheckpointError> {
    decode(path, bytes, |_| {})
}

/// Our own checks first, so every error names the file and tensor in our words; then the
/// `safetensors` crate's views give each tensor's bytes, copied in file order, after which
/// `release` is told the span (in file offsets) that is done with.
fn decode(path: &Path, bytes: &[u8], mut release: impl FnMut(Range<usize>)) -> Result<SafeTensors, CheckpointError> {
    let checked = header::check(path, bytes)?;
    let format = |msg: String| CheckpointError::Format { path: path.to_path_buf(), msg };
    let file = ::safetensors::SafeTensors::deserialize(bytes).map_err(|e| format(format!("not a safetensors file: {e}")))?;
    let mut tensors = Tensors::new();
    for entry in checked.entries {
        let view = file.tensor(&entry.name).map_err(|e| format(format!("tensor `{}`: {e}", entry.name)))?;
        // The crate's dtype and shape are those checked above; the bytes are the view's.
        tensors.insert(entry.name, TensorData { dtype: entry.dtype, shape: entry.shape, data: view.data().to_vec() });
        release(checked.data_start + entry.span.start..checked.data_start + entry.span.end);
    }
    Ok(SafeTensors { tensors, metadata: checked.metadata })
}

/// The header bytes for `tensors` laid out in name order, padded with spaces to 8 bytes so the
/// data starts aligned (as the reference writer does).
fn header_bytes(tensors: &Tensors, metadata: &BTreeMap<String, String>) -> Vec<u8> {
    let mut map = Map::new();
    if !metadata.is_empty() {
        map.insert("__metadata__".into(), json!(metadata));
    }
    let mut at = 0;
    for (name, t) in tensors {
        let end = at + t.data.len();
        map.insert(name.clone(), json!({"dtype": t.dtype.name(), "shape": t.shape, "data_offsets": [at, end]}));
        at = end;
    }
    let mut h = serde_json::to_vec(&Value::Object(map)).expect("header serializes");
    while !h.len().is_multiple_of(8) {
        h.push(b' ');
    }
    h
}

/// Streams a file to `w`.
pub fn write_to(w: &mut dyn Write, tensors: &Tensors, metadata: &BTreeMap<String, String>) -> std::io::Result<()> {
    let h = header_bytes(tensors, metadata);
    w.write_all(&(h.len() as u64).to_le_bytes())?;
    w.write_all(&h)?;
    for t in tensors.values() {
        w.write_all(&t.data)?;
    }
    Ok(())
}

/// The whole file as bytes.
pub fn serialize(tensors: &Tensors, metadata: &BTreeMap<String, String>) -> Vec<u8> {
    let mut out = Vec::new();
    write_to(&mut out, tensors, metadata).expect("writing to memory");
    out
}

/// Writes a safetensors file atomically. Every tensor is checked first, so a bad one is named
/// and nothing is written.
pub fn save(path: &Path, tensors: &Tensors, metadata: &BTreeMap<String, String>) -> Result<(), CheckpointError> {
    for (name, t) in tensors {
        if t.data.len() != t.numel() * t.dtype.size() {
            return Err(CheckpointError::Tensor {
                path: path.to_path_buf(),
                name: name.clone(),
                msg: format!("{} bytes for {} {:?}", t.data.len(), t.dtype, t.shape),
            });
        }
    }
    write_atomic(path, |w| write_to(w, tensors, metadata))
}
