//! Checkpoint tensors (public per-layer names) <-> the model's parameter list (stacked names).
//!
//! A stacked parameter `blocks.*.attn.qkv.weight` of shape `[L, ...]` is assembled from
//! `blocks.0.attn.qkv.weight` ... `blocks.{L-1}.attn.qkv.weight`, and split back on save.

use std::collections::BTreeSet;

use anyhow::{bail, Result};

use super::init::init_param;
use super::spec::{ParamSpec, LAYER};
use crate::checkpoint::{Dtype, TensorData, Tensors};
use crate::runtime::HostTensor;

/// The checkpoint names a spec covers (one per layer for stacked specs).
pub fn public_names(spec: &ParamSpec) -> Vec<String> {
    match spec.layers() {
        Some(l) => (0..l).map(|i| spec.name.replace(LAYER, &i.to_string())).collect(),
        None => vec![spec.name.clone()],
    }
}

fn as_f32_bytes(t: &TensorData) -> Vec<u8> {
    if t.dtype == Dtype::F32 {
        return t.data.clone();
    }
    t.to_f32().iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// One f32 host tensor per spec, in spec order. Every mismatch is reported at once, by name:
/// missing tensors, wrong shapes, non-float dtypes; `ignore` lists names a checkpoint may carry
/// that the model does not use (tied copies); any other extra tensor is an error unless `partial`.
pub fn host_params(specs: &[ParamSpec], ckpt: &Tensors, ignore: &[&str], partial: bool) -> Result<Vec<HostTensor>> {
    let mut problems = vec![];
    let mut used = BTreeSet::new();
    let mut out = vec![];
    for s in specs {
        let names = public_names(s);
        let per: Vec<i64> = if s.layers().is_some() { s.shape[1..].to_vec() } else { s.shape.clone() };
        let mut bytes = Vec::with_capacity(names.len() * per.iter().product::<i64>() as usize * 4);
        for n in &names {
            match ckpt.get(n) {
                None => problems.push(format!("missing `{}` (expected {:?})", n, per)),
                Some(t) if t.shape.iter().map(|&d| d as i64).collect::<Vec<_>>() != per => {
                    problems.push(format!("`{}` has shape {:?}, expected {:?}", n, t.shape, per))
                }
                Some(t) if !matches!(t.dtype, Dtype::F32 | Dtype::F64 | Dtype::BF16 | Dtype::F16) => {
                    problems.push(format!("`{}` is {}, expected a float type", n, t.dtype))
                }
                Some(t) => bytes.extend(as_f32_bytes(t)),
            }
            used.insert(n.clone());
        }
        out.push(HostTensor::new(crate::runtime::ElementType::F32, s.shape.clone(), bytes));
    }
    if !partial {
        for n in ckpt.keys() {
            if !used.contains(n) && !ignore.contains(&n.as_str()) {
                problems.push(format!("unexpected `{}`", n));
            }
        }
    }
    if !problems.is_empty() {
        bail!("checkpoint does not fit the model:\n  {}", problems.join("\n  "));
    }
    out.into_iter().map(|r| r.map_err(Into::into)).collect()
}

/// Splits host values (spec order) back into public per-layer tensors.
pub fn to_checkpoint(specs: &[ParamSpec], values: &[HostTensor]) -> Result<Tensors> {
    let mut t = Tensors::new();
    for (s, v) in specs.iter().zip(values) {
        let f: Vec<f32> = v.to_vec()?;
        match s.layers() {
            Some(l) => {
                let per: Vec<usize> = s.shape[1..].iter().map(|&d| d as usize).collect();
                let n = per.iter().product::<usize>();
                for (i, name) in public_names(s).into_iter().enumerate() {
                    t.insert(name, TensorData::from_f32(&per, &f[i * n..(i + 1) * n]));
                }
                debug_assert_eq!(l as usize * n, f.len());
            }
            None => {
                let shape: Vec<usize> = s.shape.iter().map(|&d| d as usize).collect();
                t.insert(s.name.clone(), TensorData::from_f32(&shape, &f));
            }
        }
    }
    Ok(t)
}

/// A partial load: the parameters, plus what the checkpoint did not provide and what it held
/// that the model does not use.
pub struct PartialLoad {
    pub params: Vec<HostTensor>,
    /// Public names absent from the checkpoint, freshly initialized.
    pub initialized: Vec<String>,
    /// Checkpoint names the model does not use (the `ignore` list excluded).
    pub unused: Vec<String>,
}

/// Like `host_params(.., partial = true)`, but missing tensors take the values a fresh run with
/// `seed` would start from (`init::init_param`, layer by layer for stacked ones) instead of
/// failing. Wrong shapes and dtypes are still errors.
pub fn host_params_partial(specs: &[ParamSpec], ckpt: &Tensors, ignore: &[&str], seed: u64) -> Result<PartialLoad> {
    let mut filled = ckpt.clone();
    let mut initialized = vec![];
    let mut wanted = BTreeSet::new();
    for s in specs {
        let names = public_names(s);
        if names.iter().any(|n| !ckpt.contains_key(n)) {
            let mut fresh = to_checkpoint(std::slice::from_ref(s), &[init_param(s, seed)?])?;
            for n in names.iter().filter(|n| !ckpt.contains_key(*n)) {
                filled.insert(n.clone(), fresh.remove(n).expect("to_checkpoint names every layer"));
                initialized.push(n.clone());
            }
        }
        wanted.extend(names);
    }
    let unused = ckpt.keys().filter(|n| !wanted.contains(*n) && !ignore.contains(&n.as_str())).cloned().collect();
    let params = host_params(specs, &filled, ignore, true)?;
    Ok(PartialLoad { params, initialized, unused })
}
