//! The safetensors format: an 8-byte little-endian header length, a JSON header mapping each
//! name to `{dtype, shape, data_offsets: [begin, end]}` (offsets into the data that follows),
//! an optional `__metadata__` map of strings, then the raw little-endian data.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde_json::{json, Map, Value};

use super::atomic::write_atomic;
use super::dtype::Dtype;
use super::error::CheckpointError;
use super::tensor::{TensorData, Tensors};

/// A whole file: its tensors and its free-form string metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SafeTensors {
    pub tensors: Tensors,
    pub metadata: BTreeMap<String, String>,
}

/// Headers beyond this are refused rather than parsed (the reference uses the same bound).
const MAX_HEADER: u64 = 100_000_000;

/// Reads the tensors of a safetensors file.
pub fn load(path: &Path) -> Result<Tensors, CheckpointError> {
    read(path).map(|f| f.tensors)
}

/// Reads tensors and metadata.
pub fn read(path: &Path) -> Result<SafeTensors, CheckpointError> {
    let bytes = crate::storage::read(path).map_err(|e| CheckpointError::io(path, e.into()))?;
    parse(path, &bytes)
}

/// Parses a file's bytes; `path` only names the file in errors.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<SafeTensors, CheckpointError> {
    let format = |msg: String| CheckpointError::Format { path: path.to_path_buf(), msg };
    if bytes.len() < 8 {
        return Err(format(format!("{} bytes is too short for the 8-byte header length (truncated?)", bytes.len())));
    }
    let n = u64::from_le_bytes(bytes[..8].try_into().unwrap());
    if n > MAX_HEADER || n > (bytes.len() - 8) as u64 {
        return Err(format(format!("header length {n} runs past the end of the file ({} bytes; truncated?)", bytes.len())));
    }
    let header = &bytes[8..8 + n as usize];
    let data = &bytes[8 + n as usize..];
    let header: Map<String, Value> = serde_json::from_slice(header).map_err(|e| format(format!("header is not a JSON object: {e}")))?;

    let mut out = SafeTensors::default();
    let mut spans: Vec<(usize, usize, &str)> = Vec::new();
    for (name, entry) in &header {
        if name == "__metadata__" {
            out.metadata = parse_metadata(entry).map_err(format)?;
            continue;
        }
        let tensor_err = |msg: String| CheckpointError::Tensor { path: path.to_path_buf(), name: name.clone(), msg };
        let (dtype, shape, begin, end) = parse_entry(entry).map_err(tensor_err)?;
        if begin > end || end > data.len() {
            return Err(tensor_err(format!(
                "data_offsets [{begin}, {end}] run past the end of the data ({} bytes; truncated file or wrong header)",
                data.len()
            )));
        }
        let want = shape.iter().try_fold(dtype.size(), |a, &d| a.checked_mul(d));
        if want != Some(end - begin) {
            return Err(tensor_err(format!(
                "data_offsets [{begin}, {end}] hold {} bytes but {dtype} {shape:?} needs {want:?}",
                end - begin
            )));
        }
        spans.push((begin, end, name));
        out.tensors.insert(name.clone(), TensorData { dtype, shape, data: data[begin..end].to_vec() });
    }
    check_layout(path, &mut spans, data.len())?;
    Ok(out)
}

fn parse_metadata(v: &Value) -> Result<BTreeMap<String, String>, String> {
    let obj = v.as_object().ok_or("`__metadata__` is not an object")?;
    obj.iter()
        .map(|(k, v)| match v.as_str() {
            Some(s) => Ok((k.clone(), s.to_string())),
            None => Err(format!("`__metadata__.{k}` is not a string")),
        })
        .collect()
}

fn parse_entry(v: &Value) -> Result<(Dtype, Vec<usize>, usize, usize), String> {
    let obj = v.as_object().ok_or("header entry is not an object")?;
    let dtype_name = obj.get("dtype").and_then(Value::as_str).ok_or("no `dtype` string")?;
    let dtype = Dtype::from_name(dtype_name).ok_or_else(|| format!("unsupported dtype `{dtype_name}`"))?;
    let ints = |key: &str| -> Result<Vec<usize>, String> {
        let arr = obj.get(key).and_then(Value::as_array).ok_or(format!("no `{key}` array"))?;
        arr.iter().map(|x| x.as_u64().map(|u| u as usize).ok_or(format!("`{key}` holds {x}, not a non-negative integer"))).collect()
    };
    let shape = ints("shape")?;
    let offsets = ints("data_offsets")?;
    if offsets.len() != 2 {
        return Err(format!("`data_offsets` has {} entries, not 2", offsets.len()));
    }
    Ok((dtype, shape, offsets[0], offsets[1]))
}

/// The data must be covered exactly: no overlap, no hole, nothing after the last tensor.
fn check_layout(path: &Path, spans: &mut [(usize, usize, &str)], data_len: usize) -> Result<(), CheckpointError> {
    spans.sort();
    let mut at = 0;
    let mut prev = "";
    for &(begin, end, name) in spans.iter() {
        if begin != at {
            let what =
                if begin < at { format!("overlaps tensor `{prev}`") } else { format!("leaves a hole of {} bytes before it", begin - at) };
            return Err(CheckpointError::Tensor {
                path: path.to_path_buf(),
                name: name.into(),
                msg: format!("data_offsets [{begin}, {end}] {what}"),
            });
        }
        at = end;
        prev = name;
    }
    if at != data_len {
        return Err(CheckpointError::Format {
            path: path.to_path_buf(),
            msg: format!("{} bytes of data follow the last tensor (header and data disagree)", data_len - at),
        });
    }
    Ok(())
}

/// The header bytes for `tensors` laid out in name order, padded with spaces to 8 bytes so the
/// data starts aligned (as the reference writer does).
fn header(tensors: &Tensors, metadata: &BTreeMap<String, String>) -> Vec<u8> {
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
    let h = header(tensors, metadata);
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
