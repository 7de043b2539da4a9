//! Checkpoint families' names: `block`, each family's table of a block's parameter names, and
//! other families' names read as bamboo's public names, one module per family:
//!
//! - `hf_vit`: Hugging Face `ViTModel` / `ViTForImageClassification` (`vit.encoder.layer.{i}.
//!   attention.attention.query.weight`, ..., or without the `vit.` prefix as `ViTModel` saves
//!   them) as timm's names, which bamboo's ViT uses: query | key | value stacked into
//!   `attn.qkv`, `layernorm` -> `norm` (the final norm before cls pooling), `classifier` ->
//!   `head`; an MAE encoder the same way.
//! - `hf5`: transformers 5.x. `save_pretrained` writes the classic names except ViTMAE's decoder
//!   layers, saved as `decoder.decoder_encoder.layer.{i}` instead of
//!   `decoder.decoder_layers.{i}`; its in-memory names (a `state_dict` saved directly) are
//!   `[vit.]layers.{i}.attention.{q,k,v,o}_proj`, `layernorm_{before,after}`, `mlp.fc{1,2}`.
//!   Both are read as the classic names.
//! - `official_mae`: the official MAE repository's names (`blocks.*.attn.qkv`, `decoder_pred`,
//!   ...) as Hugging Face ViTMAE's.
//!
//! This module recognises the family of a checkpoint and applies the right one.

pub mod block;
pub mod hf5;
pub mod hf_vit;
pub mod official_mae;

use anyhow::{Context, Result};

use self::hf5::{from_hf5, has_hf5_memory_names};
use self::hf_vit::{hf_vit_to_timm, mae_encoder_to_vit};
use self::official_mae::{is_official_mae, official_mae_to_hf};
use crate::checkpoint::Tensors;
use crate::config::ModelConfig;

/// The family whose names a checkpoint was found to carry (other than bamboo's own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    OfficialMae,
    /// ViTMAE as transformers 5.x saves it (`decoder.decoder_encoder.layer.*`).
    Hf5SavedMae,
    /// transformers 5.x in-memory names (`[vit.]layers.*.attention.q_proj`, ...).
    Hf5Memory,
    /// An MAE encoder (ViTMAE names) read as a ViT's.
    MaeEncoder,
    /// `ViTForImageClassification` (`vit.` prefix, `classifier`).
    HfVit,
    /// `ViTModel`: no prefix, no classifier.
    HfVitModel,
}

impl Family {
    /// What was read, for a line on stderr.
    pub fn describe(self) -> &'static str {
        match self {
            Family::OfficialMae => "official MAE names, read as Hugging Face ViTMAE names",
            Family::Hf5SavedMae => "transformers 5.x ViTMAE names (decoder.decoder_encoder.layer.*), read as decoder.decoder_layers.*",
            Family::Hf5Memory => "transformers 5.x in-memory names (layers.*.attention.q_proj, ...), read as the saved ones",
            Family::MaeEncoder => "an MAE encoder (Hugging Face ViTMAE names), read as timm ViT names",
            Family::HfVit => "Hugging Face ViT names, read as timm's",
            Family::HfVitModel => "Hugging Face ViTModel names (no vit. prefix), read as timm's",
        }
    }
}

/// `t` under the public names of `cfg`'s model, and the family it was read from (`None` when
/// the names were bamboo's already).
pub fn to_public(cfg: &ModelConfig, t: Tensors) -> Result<(Tensors, Option<Family>)> {
    match cfg {
        ModelConfig::Vit(_) => vit_names(t),
        ModelConfig::Mae(_) => mae_names(t),
        _ => Ok((t, None)),
    }
}

/// A ViTMAE checkpoint under the transformers 4.x names.
fn mae_names(t: Tensors) -> Result<(Tensors, Option<Family>)> {
    if is_official_mae(&t) {
        return Ok((official_mae_to_hf(t)?, Some(Family::OfficialMae)));
    }
    let saved5 = t.keys().any(|k| k.starts_with("decoder.decoder_encoder.layer."));
    let memory5 = has_hf5_memory_names(&t);
    let t = from_hf5(t);
    Ok(match (saved5, memory5) {
        (true, _) => (t, Some(Family::Hf5SavedMae)),
        (_, true) => (t, Some(Family::Hf5Memory)),
        _ => (t, None),
    })
}

/// A ViT checkpoint under timm's names: HF ViT names (either prefix, 4.x or 5.x) and HF MAE
/// encoders are converted; timm's (the official MAE's encoder included) pass through.
pub fn vit_names(t: Tensors) -> Result<(Tensors, Option<Family>)> {
    let t = from_hf5(t);
    if t.keys().any(|k| k.starts_with("decoder.decoder_")) {
        return Ok((mae_encoder_to_vit(&t)?, Some(Family::MaeEncoder)));
    }
    for (prefix, family) in [("vit.", Family::HfVit), ("", Family::HfVitModel)] {
        if t.contains_key(&format!("{prefix}embeddings.cls_token")) {
            return Ok((hf_vit_to_timm(&t, prefix).context(family.describe())?, Some(family)));
        }
    }
    Ok((t, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkpoint::TensorData;

    fn t(shape: &[usize], values: &[f32]) -> TensorData {
        TensorData::from_f32(shape, values)
    }

    #[test]
    fn bare_vit_model_names_fuse_qkv_and_keep_the_pooler() {
        let mut src = Tensors::new();
        src.insert("embeddings.cls_token".into(), t(&[1, 1, 2], &[0.0, 0.0]));
        src.insert("pooler.dense.bias".into(), t(&[2], &[0.0, 0.0]));
        for (i, q) in ["query", "key", "value"].iter().enumerate() {
            src.insert(format!("encoder.layer.0.attention.attention.{q}.bias"), t(&[1], &[i as f32]));
            src.insert(format!("encoder.layer.0.attention.attention.{q}.weight"), t(&[1, 1], &[i as f32]));
        }
        let (out, family) = vit_names(src).unwrap();
        assert_eq!(out["blocks.0.attn.qkv.bias"].to_f32(), vec![0.0, 1.0, 2.0]);
        assert!(out.contains_key("cls_token") && out.contains_key("pooler.dense.bias"), "{:?}", out.keys());
        assert_eq!(family, Some(Family::HfVitModel));
    }
}
