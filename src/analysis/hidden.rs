//! Traced forward passes that return every encoder block's output tokens `[L, B, T, D]`.
//!
//! ViT classifiers run their own forward with `keep_hidden`. MAE's forward masks 75% of the
//! patches, which would measure smoothing over a quarter of the image; here its encoder runs on
//! all patches instead: the same embeddings (patch projection + fixed sin-cos positions, cls +
//! position 0) and the same scanned blocks, without the masking and without the decoder.

use anyhow::{bail, Result};

use crate::config::{MaeConfig, ModelConfig, VitConfig};
use crate::graph::{Tensor, TraceResult};
use crate::models::{mae, vit, ParamSpec, Params};
use crate::nn::embed::patch_embed;
use crate::nn::stack::{encoder, StackOptions};

/// An image encoder whose block outputs can be analysed.
#[derive(Clone, Debug)]
pub enum ImageEncoder {
    Vit(VitConfig),
    Mae(MaeConfig),
}

impl ImageEncoder {
    pub fn from_config(c: &ModelConfig) -> Result<ImageEncoder> {
        match c {
            ModelConfig::Vit(v) => Ok(ImageEncoder::Vit(v.clone())),
            ModelConfig::Mae(m) => Ok(ImageEncoder::Mae(m.clone())),
            ModelConfig::Bert(_) | ModelConfig::Opt(_) => bail!("smoothing is measured on image encoders (vit, mae); this checkpoint is a {} model", c.kind()),
        }
    }

    pub fn image_size(&self) -> usize {
        match self {
            ImageEncoder::Vit(c) => c.image_size,
            ImageEncoder::Mae(c) => c.image_size,
        }
    }

    pub fn channels(&self) -> usize {
        match self {
            ImageEncoder::Vit(c) => c.channels,
            ImageEncoder::Mae(c) => c.channels,
        }
    }

    pub fn depth(&self) -> usize {
        match self {
            ImageEncoder::Vit(c) => c.encoder.depth,
            ImageEncoder::Mae(c) => c.encoder.depth,
        }
    }

    pub fn width(&self) -> usize {
        match self {
            ImageEncoder::Vit(c) => c.encoder.width,
            ImageEncoder::Mae(c) => c.encoder.width,
        }
    }

    pub fn num_patches(&self) -> usize {
        match self {
            ImageEncoder::Vit(c) => c.num_patches(),
            ImageEncoder::Mae(c) => c.num_patches(),
        }
    }

    /// Does the token sequence start with a class token (MAE's encoder always has one)?
    pub fn has_cls(&self) -> bool {
        match self {
            ImageEncoder::Vit(c) => c.class_token,
            ImageEncoder::Mae(_) => true,
        }
    }

    /// The parameters the forward reads. For MAE only the encoder's: the decoder stays on disk.
    pub fn specs(&self) -> Vec<ParamSpec> {
        match self {
            ImageEncoder::Vit(c) => vit::param_specs(c),
            ImageEncoder::Mae(c) => mae::param_specs(c)
                .into_iter()
                .filter(|s| s.name.starts_with("vit.embeddings.") || s.name.starts_with("vit.encoder."))
                .collect(),
        }
    }

    /// Images `[B, C, H, W]` to every block's output `[L, B, T, D]` (T counts the cls token).
    pub fn hidden(&self, p: &Params, images: &Tensor) -> TraceResult<Tensor> {
        let o = StackOptions { keep_hidden: true, ..Default::default() };
        let hidden = match self {
            ImageEncoder::Vit(c) => vit::forward(c, p, images, &o)?.hidden,
            ImageEncoder::Mae(c) => mae_encoder_hidden(c, p, images, &o)?,
        };
        Ok(hidden.expect("keep_hidden returns the hidden states"))
    }
}

/// MAE's encoder on every patch: `[cls + pos_0; patches E + pos]` through the blocks.
fn mae_encoder_hidden(c: &MaeConfig, p: &Params, images: &Tensor, o: &StackOptions) -> TraceResult<Option<Tensor>> {
    let (b, n, d) = (images.dim(0), c.num_patches() as i64, c.encoder.width as i64);
    let pos = p.get("vit.embeddings.position_embeddings")?;
    let patches = patch_embed(
        images,
        p.get("vit.embeddings.patch_embeddings.projection.weight")?,
        p.get("vit.embeddings.patch_embeddings.projection.bias")?,
    )?
    .add(&pos.slice_axis(1, 1, n + 1)?)?;
    let cls = p.get("vit.embeddings.cls_token")?.add(&pos.slice_axis(1, 0, 1)?)?.broadcast_to(&[b, 1, d])?;
    let x = Tensor::concat(&[cls, patches], 1)?;
    let bc = mae::encoder_block(c);
    let (_, hidden) = encoder(&x, &p.stack("vit.encoder.layer.*.", &bc)?, &bc, None, o, "encoder")?;
    Ok(hidden)
}
