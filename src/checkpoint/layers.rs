//! Per-layer tensors <-> stacked arrays. Checkpoints keep public per-layer names
//! (`blocks.3.attn.qkv.weight`); scanned models want one `[L, ...]` array per parameter.

use std::collections::BTreeMap;

use super::error::CheckpointError;
use super::tensor::{TensorData, Tensors};

/// Splits `{prefix}.{i}.{suffix}` into `(i, suffix)`.
fn split<'a>(name: &'a str, prefix: &str) -> Option<(usize, &'a str)> {
    let rest = name.strip_prefix(prefix)?.strip_prefix('.')?;
    let (index, suffix) = rest.split_once('.')?;
    if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) || suffix.is_empty() {
        return None;
    }
    Some((index.parse().ok()?, suffix))
}

fn layer_err(name: String, msg: String) -> CheckpointError {
    CheckpointError::Layers { name, msg }
}

/// Removes every `{prefix}.{i}.{suffix}` from `tensors` and returns `suffix -> [L, ...]`, the
/// layers in index order. Layers must run 0..L without gaps and agree in names, shapes, dtypes.
pub fn stack_layers(tensors: &mut Tensors, prefix: &str) -> Result<Tensors, CheckpointError> {
    let mut by_suffix: BTreeMap<String, BTreeMap<usize, String>> = BTreeMap::new();
    let mut depth = 0;
    for name in tensors.keys() {
        if let Some((i, suffix)) = split(name, prefix) {
            by_suffix.entry(suffix.to_string()).or_default().insert(i, name.clone());
            depth = depth.max(i + 1);
        }
    }
    if by_suffix.is_empty() {
        return Err(layer_err(format!("{prefix}.0.*"), "no per-layer tensors under this prefix".into()));
    }
    // Check everything before taking anything out, so an error leaves `tensors` as it was.
    for (suffix, layers) in &by_suffix {
        let first = &tensors[&layers.values().next().cloned().unwrap()];
        for i in 0..depth {
            let name = format!("{prefix}.{i}.{suffix}");
            let Some(full) = layers.get(&i) else {
                return Err(layer_err(name, format!("missing: layers run 0..{depth} and this one has none")));
            };
            let t = &tensors[full];
            if t.shape != first.shape || t.dtype != first.dtype {
                return Err(layer_err(
                    name,
                    format!("{} {:?} differs from the other layers' {} {:?}", t.dtype, t.shape, first.dtype, first.shape),
                ));
            }
        }
    }
    let mut out = Tensors::new();
    for (suffix, layers) in by_suffix {
        let parts: Vec<TensorData> = layers.values().map(|n| tensors.remove(n).unwrap()).collect();
        let mut shape = vec![depth];
        shape.extend_from_slice(&parts[0].shape);
        let dtype = parts[0].dtype;
        let data = parts.into_iter().flat_map(|p| p.data).collect();
        out.insert(suffix, TensorData { dtype, shape, data });
    }
    Ok(out)
}

/// The inverse of `stack_layers`: each `[L, ...]` array under `suffix` becomes `L` tensors
/// `{prefix}.{i}.{suffix}`.
pub fn unstack_layers(stacked: &Tensors, prefix: &str) -> Result<Tensors, CheckpointError> {
    let mut out = Tensors::new();
    for (suffix, t) in stacked {
        let Some((&depth, rest)) = t.shape.split_first() else {
            return Err(layer_err(suffix.clone(), "a scalar has no layer axis to unstack".into()));
        };
        let step = t.data.len().checked_div(depth).unwrap_or(0);
        for i in 0..depth {
            let data = t.data[i * step..(i + 1) * step].to_vec();
            out.insert(format!("{prefix}.{i}.{suffix}"), TensorData { dtype: t.dtype, shape: rest.to_vec(), data });
        }
    }
    Ok(out)
}
