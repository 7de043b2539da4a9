//! The official MAE repository's names (`models_mae.py`) as Hugging Face ViTMAE's.

use anyhow::{bail, Result};

use super::hf_vit::timm_to_hf_block;
use crate::checkpoint::{TensorData, Tensors};

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
                let part = TensorData::new(t.dtype, shape.clone(), t.data[k * third..(k + 1) * third].to_vec())?;
                out.insert(format!("{}attention.attention.{}.{}", prefix, q, wb), part);
            }
            continue;
        }
        match timm_to_hf_block().iter().find_map(|(from, to)| param.strip_prefix(from).and_then(|r| r.strip_prefix('.')).map(|wb| (to, wb)))
        {
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
