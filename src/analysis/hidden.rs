//! Traced forward passes that return every encoder block's output tokens `[L, B, T, D]`.
//!
//! Images: ViT and MAE encoders over patches. Text: BERT (masked LM) and OPT (next token) over
//! token positions. The metrics (`smoothing::metrics`) see a sequence of T tokens either way;
//! for images T indexes the patch grid (row-major), for text the sequence, so the
//! high-frequency share is 1-D over positions there. Its DC coefficient (T x the mean token) is
//! the same for a 2-D transform over the grid and a 1-D one over the sequence, so the number
//! means the same thing for both: the energy not in the mean token.
//!
//! Each model traces its own encoder with `keep_hidden`: ViT without its head, MAE on all
//! patches (its training forward masks 75% of them, which would measure smoothing over a
//! quarter of the image) and without the decoder, BERT without its pooler and heads. CLIP's
//! image tower runs as `CLIPModel` runs it (its text tower and projections stay on disk).

use anyhow::{bail, Result};

use crate::config::{BertConfig, ClipConfig, MaeConfig, ModelConfig, OptConfig, VitConfig};
use crate::graph::{DType, Tensor, TraceResult};
use crate::models::{bert, clip, mae, opt, vit};
use crate::nn::stack::StackOptions;
use crate::weights::{ParamSpec, Params};

/// An image encoder whose block outputs can be analysed.
#[derive(Clone, Debug)]
pub enum ImageEncoder {
    Vit(VitConfig),
    Mae(MaeConfig),
    /// CLIP's image tower.
    Clip(ClipConfig),
}

impl ImageEncoder {
    pub fn from_config(c: &ModelConfig) -> Result<ImageEncoder> {
        match c {
            ModelConfig::Vit(v) => Ok(ImageEncoder::Vit(v.clone())),
            ModelConfig::Mae(m) => Ok(ImageEncoder::Mae(m.clone())),
            ModelConfig::Clip(c) => Ok(ImageEncoder::Clip(c.clone())),
            other => bail!("not an image encoder (vit, mae, clip's image tower): this checkpoint is a {} model", other.kind()),
        }
    }

    pub fn image_size(&self) -> usize {
        match self {
            ImageEncoder::Vit(c) => c.image_size,
            ImageEncoder::Mae(c) => c.image_size,
            ImageEncoder::Clip(c) => c.image_size,
        }
    }

    pub fn channels(&self) -> usize {
        match self {
            ImageEncoder::Vit(c) => c.channels,
            ImageEncoder::Mae(c) => c.channels,
            ImageEncoder::Clip(c) => c.channels,
        }
    }

    pub fn depth(&self) -> usize {
        match self {
            ImageEncoder::Vit(c) => c.encoder.depth,
            ImageEncoder::Mae(c) => c.encoder.depth,
            ImageEncoder::Clip(c) => c.vision.depth,
        }
    }

    pub fn width(&self) -> usize {
        match self {
            ImageEncoder::Vit(c) => c.encoder.width,
            ImageEncoder::Mae(c) => c.encoder.width,
            ImageEncoder::Clip(c) => c.vision.width,
        }
    }

    pub fn num_patches(&self) -> usize {
        match self {
            ImageEncoder::Vit(c) => c.num_patches(),
            ImageEncoder::Mae(c) => c.num_patches(),
            ImageEncoder::Clip(c) => c.num_patches(),
        }
    }

    /// Does the token sequence start with a class token (MAE's encoder always has one)?
    pub fn has_cls(&self) -> bool {
        match self {
            ImageEncoder::Vit(c) => c.class_token,
            ImageEncoder::Mae(_) | ImageEncoder::Clip(_) => true,
        }
    }

    /// The parameters the forward reads: the embeddings and the blocks (a ViT's final norm and
    /// head, an MAE's decoder stay on disk, so a Hugging Face `ViTModel` without a classifier
    /// is read too); for CLIP only the image tower's.
    pub fn specs(&self) -> Vec<ParamSpec> {
        match self {
            ImageEncoder::Vit(c) => vit::encoder_specs(c),
            ImageEncoder::Mae(c) => mae::encoder_specs(c),
            ImageEncoder::Clip(c) => clip::vision_specs(c),
        }
    }

    /// Images `[B, C, H, W]` to every block's output `[L, B, T, D]` (T counts the cls token).
    pub fn hidden(&self, p: &Params, images: &Tensor) -> TraceResult<Tensor> {
        let o = StackOptions { keep_hidden: true, ..Default::default() };
        match self {
            ImageEncoder::Vit(c) => vit::encoder_hidden(c, p, images, &o),
            ImageEncoder::Mae(c) => mae::encoder_hidden(c, p, images, &o),
            ImageEncoder::Clip(c) => Ok(clip::encode_image(c, p, images, &o)?.hidden.expect("keep_hidden returns the hidden states")),
        }
    }
}

/// A text model whose block outputs can be analysed: BERT's encoder (masked LM pre-training) or
/// OPT's decoder (next-token prediction), both on token ids `[B, S]`.
#[derive(Clone, Debug)]
pub enum TextModel {
    Bert(BertConfig),
    Opt(OptConfig),
}

impl TextModel {
    pub fn depth(&self) -> usize {
        match self {
            TextModel::Bert(c) => c.encoder.depth,
            TextModel::Opt(c) => c.decoder.depth,
        }
    }

    pub fn width(&self) -> usize {
        match self {
            TextModel::Bert(c) => c.encoder.width,
            TextModel::Opt(c) => c.decoder.width,
        }
    }

    pub fn max_positions(&self) -> usize {
        match self {
            TextModel::Bert(c) => c.max_positions,
            TextModel::Opt(c) => c.max_positions,
        }
    }

    pub fn vocab_size(&self) -> usize {
        match self {
            TextModel::Bert(c) => c.vocab_size,
            TextModel::Opt(c) => c.vocab_size,
        }
    }

    /// BERT's sequences start with [CLS]; OPT's have no summary token.
    pub fn has_cls(&self) -> bool {
        matches!(self, TextModel::Bert(_))
    }

    /// The parameters the forward reads: BERT's embeddings and encoder (its heads stay on disk),
    /// every OPT parameter (the final norm and the tied head are unused but cost nothing).
    pub fn specs(&self) -> Vec<ParamSpec> {
        match self {
            TextModel::Bert(c) => bert::encoder_specs(c),
            TextModel::Opt(c) => opt::param_specs(c),
        }
    }

    /// Ids `[B, S]` (i32, no padding) to every block's output `[L, B, S, D]`.
    pub fn hidden(&self, p: &Params, ids: &Tensor) -> TraceResult<Tensor> {
        let o = StackOptions { keep_hidden: true, ..Default::default() };
        match self {
            TextModel::Bert(c) => bert::encoder_hidden(c, p, ids, &o),
            TextModel::Opt(c) => {
                let inputs = opt::OptInputs { input_ids: ids, attention_mask: None, dropout_keys: None };
                Ok(opt::forward(c, p, &inputs, &o)?.hidden.expect("keep_hidden returns the hidden states"))
            }
        }
    }
}

/// Any model `analyze smoothing` measures: an image encoder or a text model.
#[derive(Clone, Debug)]
pub enum Analysed {
    Image(ImageEncoder),
    Text(TextModel),
}

impl Analysed {
    pub fn from_config(c: &ModelConfig) -> Result<Analysed> {
        Ok(match c {
            ModelConfig::Bert(b) => Analysed::Text(TextModel::Bert(b.clone())),
            ModelConfig::Opt(o) => Analysed::Text(TextModel::Opt(o.clone())),
            other => Analysed::Image(ImageEncoder::from_config(other)?),
        })
    }

    pub fn depth(&self) -> usize {
        match self {
            Analysed::Image(e) => e.depth(),
            Analysed::Text(t) => t.depth(),
        }
    }

    pub fn width(&self) -> usize {
        match self {
            Analysed::Image(e) => e.width(),
            Analysed::Text(t) => t.width(),
        }
    }

    pub fn has_cls(&self) -> bool {
        match self {
            Analysed::Image(e) => e.has_cls(),
            Analysed::Text(t) => t.has_cls(),
        }
    }

    pub fn specs(&self) -> Vec<ParamSpec> {
        match self {
            Analysed::Image(e) => e.specs(),
            Analysed::Text(t) => t.specs(),
        }
    }

    /// Does the checkpoint hold more than the forward reads (a ViT's head, MAE's decoder,
    /// BERT's heads)?
    pub fn reads_part(&self) -> bool {
        matches!(self, Analysed::Image(_) | Analysed::Text(TextModel::Bert(_)))
    }

    /// The input's type: images `f32[B, C, H, W]` or ids `i32[B, S]`.
    pub fn input_dtype(&self) -> DType {
        match self {
            Analysed::Image(_) => DType::F32,
            Analysed::Text(_) => DType::I32,
        }
    }

    pub fn hidden(&self, p: &Params, input: &Tensor) -> TraceResult<Tensor> {
        match self {
            Analysed::Image(e) => e.hidden(p, input),
            Analysed::Text(t) => t.hidden(p, input),
        }
    }
}
