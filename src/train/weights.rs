//! Checkpoint tensors (public per-layer names) <-> the model's parameter list (stacked names).
//!
//! A stacked parameter `blocks.*.attn.qkv.weight` of shape `[L, ...]` is assembled from
//! `blocks.0.attn.qkv.weight` ... `blocks.{L-1}.attn.qkv.weight`, and split back on save.

use std::collections::BTreeSet;

use anyhow::{bail, Result};

use crate::checkpoint::{Dtype, TensorData, Tensors};
use crate::data::rng::Rng;
use crate::models::{Init, ParamSpec, LAYER};
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
                    problems.push(format!("`{}` is {:?}, expected a float type", n, t.dtype))
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

/// FNV-1a: a stable key per tensor name, so a tensor's random values depend only on (seed, name)
/// and not on how many tensors came before it.
fn name_key(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// Standard normal by Box-Muller (one of the pair; simplicity over speed).
fn normal(rng: &mut Rng) -> f64 {
    let u1 = 1.0 - rng.f64();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * rng.f64()).cos()
}

/// `n` values drawn as `init` asks for a tensor of (per-layer) `shape`.
fn draw(init: &Init, shape: &[i64], rng: &mut Rng) -> Vec<f32> {
    let n = shape.iter().product::<i64>() as usize;
    match init {
        Init::Zeros => vec![0.0; n],
        Init::Ones => vec![1.0; n],
        // Resampling outside two standard deviations, as timm's trunc_normal_ does.
        Init::TruncNormal(std) => (0..n)
            .map(|_| loop {
                let z = normal(rng);
                if z.abs() <= 2.0 {
                    break (z * std) as f32;
                }
            })
            .collect(),
        // fan_out = rows, fan_in = the rest (a conv weight counts as [out, in * k * k], as MAE does).
        Init::XavierUniform => {
            let fan_out = shape.first().copied().unwrap_or(1) as f64;
            let fan_in = shape.iter().skip(1).product::<i64>().max(1) as f64;
            let a = (6.0 / (fan_in + fan_out)).sqrt();
            (0..n).map(|_| rng.uniform(-a, a) as f32).collect()
        }
        Init::Values(v) => v.iter().map(|&x| x as f32).collect(),
    }
}

/// A freshly initialized checkpoint tensor `name` (one of `public_names(spec)`): deterministic
/// in (seed, name).
pub fn init_public(spec: &ParamSpec, name: &str, seed: u64) -> TensorData {
    let per: Vec<i64> = if spec.layers().is_some() { spec.shape[1..].to_vec() } else { spec.shape.clone() };
    let values = draw(&spec.init, &per, &mut Rng::derive(seed, &[name_key(name)]));
    let shape: Vec<usize> = per.iter().map(|&d| d as usize).collect();
    TensorData::from_f32(&shape, &values)
}

/// A freshly initialized parameter in the model's (stacked) layout: the same values as its
/// public tensors from `init_public`, so a random model saved and reloaded is the same model.
pub fn init_param(spec: &ParamSpec, seed: u64) -> Result<HostTensor> {
    let bytes: Vec<u8> = public_names(spec).iter().flat_map(|n| init_public(spec, n, seed).data).collect();
    Ok(HostTensor::new(crate::runtime::ElementType::F32, spec.shape.clone(), bytes)?)
}

/// A partial load: the parameters, plus what the checkpoint did not provide and what it held
/// that the model does not use.
pub struct PartialLoad {
    pub params: Vec<HostTensor>,
    /// Public names absent from the checkpoint, filled by `init_public` from the spec's init.
    pub initialized: Vec<String>,
    /// Checkpoint names the model does not use (the `ignore` list excluded).
    pub unused: Vec<String>,
}

/// Like `host_params(.., partial = true)`, but missing tensors are initialized from their specs
/// (deterministic in `seed`) instead of failing. Wrong shapes and dtypes are still errors.
pub fn host_params_partial(specs: &[ParamSpec], ckpt: &Tensors, ignore: &[&str], seed: u64) -> Result<PartialLoad> {
    let mut filled = ckpt.clone();
    let mut initialized = vec![];
    let mut wanted = BTreeSet::new();
    for s in specs {
        for n in public_names(s) {
            if !ckpt.contains_key(&n) {
                filled.insert(n.clone(), init_public(s, &n, seed));
                initialized.push(n.clone());
            }
            wanted.insert(n);
        }
    }
    let unused = ckpt.keys().filter(|n| !wanted.contains(*n) && !ignore.contains(&n.as_str())).cloned().collect();
    let params = host_params(specs, &filled, ignore, true)?;
    Ok(PartialLoad { params, initialized, unused })
}
