//! Checkpoint tensors (public per-layer names) <-> the model's parameter list (stacked names).
//!
//! A stacked parameter `blocks.*.attn.qkv.weight` of shape `[L, ...]` is assembled from
//! `blocks.0.attn.qkv.weight` ... `blocks.{L-1}.attn.qkv.weight`, and split back on save.

use std::collections::BTreeSet;

use anyhow::{bail, Result};

use super::init::init_param;
use crate::checkpoint::{Dtype, TensorData, Tensors};
use crate::models::{ParamSpec, LAYER};
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

/// How a checkpoint's tensors meet a model's parameters, by public name.
#[derive(Debug, Default, PartialEq)]
pub struct Fit {
    /// `name: shape in the checkpoint, shape the model wants`.
    pub differ: Vec<String>,
    pub missing: Vec<String>,
    pub unexpected: Vec<String>,
}

impl Fit {
    /// Compares `ckpt` with `specs`. With `partial`, a parameter the checkpoint lacks entirely
    /// (every layer of it) is left at its initial value: what `--from` loads; otherwise every
    /// name must be there. With `extra_ok` (and with `partial`), tensors the model does not
    /// read are allowed (an MAE checkpoint's decoder, for an analysis of its encoder).
    pub fn of(specs: &[ParamSpec], ckpt: &Tensors, partial: bool, extra_ok: bool) -> Fit {
        let mut fit = Fit::default();
        let mut wanted = BTreeSet::new();
        // Weights with no parameter of the model at all are no partial fit but another model.
        let shares_any = specs.iter().flat_map(public_names).any(|n| ckpt.contains_key(&n));
        for s in specs {
            let names = public_names(s);
            wanted.extend(names.iter().cloned());
            if partial && shares_any && !names.iter().any(|n| ckpt.contains_key(n)) {
                continue;
            }
            let per: Vec<usize> = s.shape[usize::from(s.layers().is_some())..].iter().map(|&d| d as usize).collect();
            for n in names {
                match ckpt.get(&n) {
                    None => fit.missing.push(n),
                    Some(t) if t.shape != per => {
                        fit.differ.push(format!("{n}: {} in the checkpoint, {} in the model", dims(&t.shape), dims(&per)))
                    }
                    Some(_) => {}
                }
            }
        }
        if !partial && !extra_ok {
            fit.unexpected = ckpt.keys().filter(|n| !wanted.contains(*n)).cloned().collect();
        }
        fit
    }

    pub fn is_empty(&self) -> bool {
        self.differ.is_empty() && self.missing.is_empty() && self.unexpected.is_empty()
    }

    /// Fails unless everything fits: one summary line naming `checkpoint` and `model`
    /// ("12 tensors differ in shape, 3 missing, 2 unexpected"), then every tensor.
    pub fn check(&self, checkpoint: &str, model: &str) -> Result<()> {
        if self.is_empty() {
            return Ok(());
        }
        let counts = [(self.differ.len(), "differ in shape"), (self.missing.len(), "missing"), (self.unexpected.len(), "unexpected")];
        let mut summary: Vec<String> = counts.iter().filter(|c| c.0 > 0).map(|(n, what)| format!("{n} {what}")).collect();
        // "12 tensors differ in shape, 3 missing": the noun once, on the first count.
        let first = summary[0].split_once(' ').map(|(n, rest)| format!("{n} tensor{} {rest}", if n == "1" { "" } else { "s" }));
        summary[0] = first.unwrap_or_default();
        let mut lines = vec![format!("checkpoint {checkpoint} does not fit the model of {model}: {}", summary.join(", "))];
        lines.extend(self.differ.iter().map(|d| format!("  differs: {d}")));
        lines.extend(self.missing.iter().map(|m| format!("  missing: {m}")));
        lines.extend(self.unexpected.iter().map(|u| format!("  unexpected: {u}")));
        bail!("{}", lines.join("\n"))
    }
}

/// A shape as people write it: `[768, 3, 16, 16]`.
fn dims(d: &[usize]) -> String {
    format!("[{}]", d.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", "))
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

/// A block's parameters other than q/k/v: timm's (and the official MAE's) name, Hugging Face
/// ViT's name.
const TIMM_TO_HF_BLOCK: [(&str, &str); 5] = [
    ("norm1", "layernorm_before"),
    ("attn.proj", "attention.output.dense"),
    ("norm2", "layernorm_after"),
    ("mlp.fc1", "intermediate.dense"),
    ("mlp.fc2", "output.dense"),
];

/// An MAE checkpoint (Hugging Face ViTMAE names) as timm ViT encoder weights, for fine-tuning
/// and linear probing: q, k and v are concatenated into timm's fused `qkv`; the decoder is left
/// out. The returned names are timm's.
pub fn mae_encoder_to_vit(src: &Tensors) -> Result<Tensors> {
    let mut out = Tensors::new();
    let map = [
        ("vit.embeddings.cls_token", "cls_token"),
        ("vit.embeddings.position_embeddings", "pos_embed"),
        ("vit.embeddings.patch_embeddings.projection.weight", "patch_embed.proj.weight"),
        ("vit.embeddings.patch_embeddings.projection.bias", "patch_embed.proj.bias"),
    ];
    for (from, to) in map {
        if let Some(t) = src.get(from) {
            out.insert(to.to_string(), t.clone());
        }
    }
    for i in 0.. {
        let p = format!("vit.encoder.layer.{}.", i);
        if !src.keys().any(|k| k.starts_with(&p)) {
            break;
        }
        for (to, from) in TIMM_TO_HF_BLOCK {
            for wb in ["weight", "bias"] {
                if let Some(t) = src.get(&format!("{}{}.{}", p, from, wb)) {
                    out.insert(format!("blocks.{}.{}.{}", i, to, wb), t.clone());
                }
            }
        }
        for wb in ["weight", "bias"] {
            let parts: Vec<&TensorData> = ["query", "key", "value"]
                .iter()
                .map(|q| src.get(&format!("{}attention.attention.{}.{}", p, q, wb)))
                .collect::<Option<_>>()
                .ok_or_else(|| anyhow::anyhow!("layer {}: query/key/value {} missing", i, wb))?;
            let mut shape = parts[0].shape.clone();
            shape[0] *= 3;
            let data: Vec<u8> = parts.iter().flat_map(|t| t.data.iter().copied()).collect();
            out.insert(
                format!("blocks.{}.attn.qkv.{}", i, wb),
                TensorData::new(parts[0].dtype, shape, data).map_err(|e| anyhow::anyhow!(e))?,
            );
        }
    }
    Ok(out)
}

/// Whether `t` uses the official MAE repository's names (`models_mae.py`: timm blocks plus
/// `decoder_embed`, `decoder_blocks.*`, `decoder_pred`, ...) rather than Hugging Face's.
pub fn is_official_mae(t: &Tensors) -> bool {
    t.contains_key("decoder_pred.weight") && t.contains_key("mask_token")
}

/// An official MAE checkpoint (converted from `mae_pretrain_*.pth` to safetensors) under the
/// Hugging Face `ViTMAEForPreTraining` names our MAE model reads: fused `qkv` rows split into
/// query | key | value, `norm` -> `vit.layernorm`, decoder names under `decoder.`. Any other
/// checkpoint comes back unchanged. A name the mapping does not know is an error, so nothing
/// is silently dropped.
pub fn official_mae_to_hf(src: Tensors) -> Result<Tensors> {
    if !is_official_mae(&src) {
        return Ok(src);
    }
    let fixed = [
        ("cls_token", "vit.embeddings.cls_token"),
        ("pos_embed", "vit.embeddings.position_embeddings"),
        ("patch_embed.proj.weight", "vit.embeddings.patch_embeddings.projection.weight"),
        ("patch_embed.proj.bias", "vit.embeddings.patch_embeddings.projection.bias"),
        ("norm.weight", "vit.layernorm.weight"),
        ("norm.bias", "vit.layernorm.bias"),
        ("mask_token", "decoder.mask_token"),
        ("decoder_pos_embed", "decoder.decoder_pos_embed"),
        ("decoder_embed.weight", "decoder.decoder_embed.weight"),
        ("decoder_embed.bias", "decoder.decoder_embed.bias"),
        ("decoder_norm.weight", "decoder.decoder_norm.weight"),
        ("decoder_norm.bias", "decoder.decoder_norm.bias"),
        ("decoder_pred.weight", "decoder.decoder_pred.weight"),
        ("decoder_pred.bias", "decoder.decoder_pred.bias"),
    ];
    let mut out = Tensors::new();
    let mut unknown = vec![];
    for (name, t) in src {
        if let Some((_, to)) = fixed.iter().find(|(from, _)| *from == name) {
            out.insert(to.to_string(), t);
            continue;
        }
        // `blocks.3.norm1.weight` -> (encoder, "3", "norm1.weight")
        let (to_prefix, rest) = if let Some(r) = name.strip_prefix("decoder_blocks.") {
            ("decoder.decoder_layers.", r)
        } else if let Some(r) = name.strip_prefix("blocks.") {
            ("vit.encoder.layer.", r)
        } else {
            unknown.push(name);
            continue;
        };
        let Some((layer, param)) = rest.split_once('.') else {
            unknown.push(name);
            continue;
        };
        let prefix = format!("{}{}.", to_prefix, layer);
        if let Some(wb) = param.strip_prefix("attn.qkv.") {
            // Rows (weight) or entries (bias) are q | k | v, each a contiguous third.
            if t.shape.is_empty() || t.shape[0] % 3 != 0 {
                bail!("`{}`: shape {:?} is not three stacked projections", name, t.shape);
            }
            let third = t.data.len() / 3;
            let mut shape = t.shape.clone();
            shape[0] /= 3;
            for (k, q) in ["query", "key", "value"].iter().enumerate() {
                let part =
                    TensorData::new(t.dtype, shape.clone(), t.data[k * third..(k + 1) * third].to_vec()).map_err(|e| anyhow::anyhow!(e))?;
                out.insert(format!("{}attention.attention.{}.{}", prefix, q, wb), part);
            }
            continue;
        }
        match TIMM_TO_HF_BLOCK.iter().find_map(|(from, to)| param.strip_prefix(from).and_then(|r| r.strip_prefix('.')).map(|wb| (to, wb))) {
            Some((to, wb)) => {
                out.insert(format!("{}{}.{}", prefix, to, wb), t);
            }
            None => unknown.push(name),
        }
    }
    if !unknown.is_empty() {
        bail!("official MAE checkpoint: unknown tensor(s) {}", unknown.join(", "));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(shape: &[usize], values: &[f32]) -> TensorData {
        TensorData::from_f32(shape, values)
    }

    #[test]
    fn official_qkv_splits_into_query_key_value_rows() {
        let mut src = Tensors::new();
        src.insert("mask_token".into(), t(&[1], &[0.0]));
        src.insert("decoder_pred.weight".into(), t(&[1], &[0.0]));
        src.insert("decoder_blocks.1.attn.qkv.bias".into(), t(&[3], &[1.0, 2.0, 3.0]));
        src.insert("blocks.0.attn.qkv.weight".into(), t(&[3, 2], &[1.0, 1.5, 2.0, 2.5, 3.0, 3.5]));
        let out = official_mae_to_hf(src).unwrap();
        assert_eq!(out["vit.encoder.layer.0.attention.attention.key.weight"].to_f32(), vec![2.0, 2.5]);
        assert_eq!(out["vit.encoder.layer.0.attention.attention.value.weight"].shape, vec![1, 2]);
        assert_eq!(out["decoder.decoder_layers.1.attention.attention.query.bias"].to_f32(), vec![1.0]);
        assert!(out.contains_key("decoder.mask_token") && out.contains_key("decoder.decoder_pred.weight"));
    }

    #[test]
    fn unknown_official_names_are_named() {
        let mut src = Tensors::new();
        src.insert("mask_token".into(), t(&[1], &[0.0]));
        src.insert("decoder_pred.weight".into(), t(&[1], &[0.0]));
        src.insert("blocks.0.ls1.gamma".into(), t(&[1], &[0.0]));
        let e = official_mae_to_hf(src).unwrap_err().to_string();
        assert!(e.contains("blocks.0.ls1.gamma"), "{}", e);
    }
}
