//! Hugging Face ViT names (`ViTForImageClassification`, `ViTModel`, and a ViTMAE encoder) as
//! timm's, which bamboo's ViT uses: query | key | value fused into `attn.qkv`.

use anyhow::Result;

use super::block::{HF_VIT, TIMM};
use crate::checkpoint::{TensorData, Tensors};

/// A block's parameters other than q/k/v: timm's (and the official MAE's) name, Hugging Face
/// ViT's name.
pub fn timm_to_hf_block() -> [(&'static str, &'static str); 5] {
    TIMM.pair_with(&HF_VIT)
}

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
        for (to, from) in timm_to_hf_block() {
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
            out.insert(format!("blocks.{}.attn.qkv.{}", i, wb), TensorData::new(parts[0].dtype, shape, data)?);
        }
    }
    Ok(out)
}

/// HF ViT names under `prefix` (`vit.` or none) as timm's. A name the mapping does not know
/// is kept, so a strict load lists it.
pub fn hf_vit_to_timm(src: &Tensors, prefix: &str) -> Result<Tensors> {
    // The encoder's blocks and embeddings as an MAE encoder's are mapped (fused qkv).
    let encoder: Tensors = src.iter().filter_map(|(k, v)| k.strip_prefix(prefix).map(|r| (format!("vit.{r}"), v.clone()))).collect();
    let mut out = mae_encoder_to_vit(&encoder)?;
    let fixed = [("layernorm.weight", "norm.weight"), ("layernorm.bias", "norm.bias")];
    for (from, to) in fixed {
        if let Some(t) = src.get(&format!("{prefix}{from}")) {
            out.insert(to.to_string(), t.clone());
        }
    }
    let mapped = |k: &str| {
        let r = k.strip_prefix(prefix).unwrap_or(k);
        r.starts_with("embeddings.") || r.starts_with("encoder.layer.") || r.starts_with("layernorm.")
    };
    for (k, v) in src {
        if k.starts_with(prefix) && mapped(k) {
            continue;
        }
        let name = match k.strip_prefix("classifier.") {
            Some(wb) => format!("head.{wb}"),
            None => k.clone(),
        };
        out.insert(name, v.clone());
    }
    Ok(out)
}

/// Names in an HF ViT file that bamboo's ViT does not run: `ViTModel`'s pooler.
pub const VIT_UNUSED: [&str; 2] = ["pooler.dense.weight", "pooler.dense.bias"];
