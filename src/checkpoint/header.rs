//! Checking a safetensors header before the data is touched, with messages that name the file,
//! the tensor and what is wrong: the length field, the JSON, each entry, and the layout (every
//! data byte owned by exactly one tensor).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde_json::{Map, Value};

use super::dtype::Dtype;
use super::error::CheckpointError;

/// Headers beyond this are refused rather than parsed (the reference uses the same bound).
const MAX_HEADER: u64 = 100_000_000;

/// One tensor's entry; `span` is relative to the start of the data.
pub(super) struct Entry {
    pub name: String,
    pub dtype: Dtype,
    pub shape: Vec<usize>,
    pub span: Range<usize>,
}

/// A header that passed every check.
pub(super) struct Header {
    /// Where the data starts in the file.
    pub data_start: usize,
    /// In file order.
    pub entries: Vec<Entry>,
    pub metadata: BTreeMap<String, String>,
}

/// Checks the header of the whole file `bytes`; `path` only names the file in errors.
pub(super) fn check(path: &Path, bytes: &[u8]) -> Result<Header, CheckpointError> {
    let format = |msg: String| CheckpointError::Format { path: path.to_path_buf(), msg };
    if bytes.len() < 8 {
        return Err(format(format!("{} bytes is too short for the 8-byte header length (truncated?)", bytes.len())));
    }
    let n = u64::from_le_bytes(bytes[..8].try_into().unwrap());
    if n > MAX_HEADER || n > (bytes.len() - 8) as u64 {
        return Err(format(format!("header length {n} runs past the end of the file ({} bytes; truncated?)", bytes.len())));
    }
    let data_start = 8 + n as usize;
    let data_len = bytes.len() - data_start;
    let json: Map<String, Value> =
        serde_json::from_slice(&bytes[8..data_start]).map_err(|e| format(format!("header is not a JSON object: {e}")))?;

    let mut header = Header { data_start, entries: Vec::new(), metadata: BTreeMap::new() };
    for (name, entry) in &json {
        if name == "__metadata__" {
            header.metadata = parse_metadata(entry).map_err(format)?;
            continue;
        }
        let tensor_err = |msg: String| CheckpointError::Tensor { path: path.to_path_buf(), name: name.clone(), msg };
        let (dtype, shape, begin, end) = parse_entry(entry).map_err(tensor_err)?;
        if begin > end || end > data_len {
            return Err(tensor_err(format!(
                "data_offsets [{begin}, {end}] run past the end of the data ({data_len} bytes; truncated file or wrong header)"
            )));
        }
        let want = shape.iter().try_fold(dtype.size(), |a, &d| a.checked_mul(d));
        if want != Some(end - begin) {
            return Err(tensor_err(format!(
                "data_offsets [{begin}, {end}] hold {} bytes but {dtype} {shape:?} needs {want:?}",
                end - begin
            )));
        }
        header.entries.push(Entry { name: name.clone(), dtype, shape, span: begin..end });
    }
    check_layout(path, &mut header.entries, data_len)?;
    Ok(header)
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

/// The data must be covered exactly: no overlap, no hole, nothing after the last tensor. Sorts
/// `entries` into file order.
fn check_layout(path: &Path, entries: &mut [Entry], data_len: usize) -> Result<(), CheckpointError> {
    entries.sort_by(|a, b| (a.span.start, a.span.end, &a.name).cmp(&(b.span.start, b.span.end, &b.name)));
    let mut at = 0;
    let mut prev = "";
    for e in entries.iter() {
        let (begin, end) = (e.span.start, e.span.end);
        if begin != at {
            let what =
                if begin < at { format!("overlaps tensor `{prev}`") } else { format!("leaves a hole of {} bytes before it", begin - at) };
            return Err(CheckpointError::Tensor {
                path: path.to_path_buf(),
                name: e.name.clone(),
                msg: format!("data_offsets [{begin}, {end}] {what}"),
            });
        }
        at = end;
        prev = &e.name;
    }
    if at != data_len {
        return Err(CheckpointError::Format {
            path: path.to_path_buf(),
            msg: format!("{} bytes of data follow the last tensor (header and data disagree)", data_len - at),
        });
    }
    Ok(())
}
