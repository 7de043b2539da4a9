//! CLIP with Hugging Face `CLIPModel` parameter names: two pre-LN towers, quick GELU.
//!
//!   image:  z_0 = LN_pre([cls; patches E] + pos);   z_l = Block_l(z_{l-1});   u = LN_post(z_L[cls]) W_v
//!   text:   h_0 = tok[ids] + pos[0..S];   h_l = CausalBlock_l(h_{l-1});   t = LN_final(h_L)[eos] W_t
//!   logits_per_text = exp(s) (t / |t|) (u / |u|)^T;   logits_per_image = its transpose
//!   loss = (CE(logits_per_text, i) + CE(logits_per_image, i)) / 2      (pair i matches pair i)
//!
//! The patch projection has no bias, the projections W_v, W_t neither; `logit_scale` (s) is a
//! learned scalar.

use crate::config::{ClipConfig, Norm};
use crate::graph::{CompareDir, DType, DotDims, Tensor, TraceError, TraceResult};
use crate::nn::block::{BlockConfig, BlockInit, BlockParams};
use crate::nn::embed::PatchEmbed;
use crate::nn::stack::{encoder, StackOptions};
use crate::nn::{LayerNorm, Linear};
use crate::weights::names::block::HF_CLIP;
use crate::weights::{Init, ParamSpec, Params, Vars};

pub fn vision_block(c: &ClipConfig) -> BlockConfig {
    let mut b = BlockConfig::of_stack(&c.vision, c.layer_norm_eps, Norm::Pre);
    b.activation = c.activation;
    b
}

pub fn text_block(c: &ClipConfig) -> BlockConfig {
    let mut b = BlockConfig::of_stack(&c.text, c.layer_norm_eps, Norm::Pre);
    b.activation = c.activation;
    b.causal = true;
    b
}

/// A tower's blocks, `encoder.layers.*`, with Hugging Face's initialization: q/k/v and fc2 at
/// d^-1/2 (2L)^-1/2, the output projection at d^-1/2, fc1 at (2d)^-1/2 (normals truncated at
/// two standard deviations here, which only the far tails tell apart).
fn tower_blocks(vb: &Vars, b: &BlockConfig, depth: usize) -> TraceResult<BlockParams> {
    let d = b.dim as f64;
    let in_std = Init::TruncNormal(d.powf(-0.5) * (2.0 * depth as f64).powf(-0.5));
    let init =
        BlockInit { qkv: in_std.clone(), proj: Init::TruncNormal(d.powf(-0.5)), fc1: Init::TruncNormal((2.0 * d).powf(-0.5)), fc2: in_std };
    BlockParams::new(&vb.pp("encoder").stacked("layers", depth as i64)?, b, &HF_CLIP, &init)
}

/// The image tower, `vision_model.*`.
pub struct VisionTower {
    /// `[D]`.
    pub class_embedding: Tensor,
    /// Without a bias.
    pub patch_embedding: PatchEmbed,
    pub position_embedding: Tensor,
    pub pre_norm: LayerNorm,
    pub layers: BlockParams,
    pub post_norm: LayerNorm,
}

impl VisionTower {
    pub fn new(vb: &Vars, c: &ClipConfig) -> TraceResult<VisionTower> {
        let d = c.vision.width as i64;
        let vb = vb.pp("vision_model");
        let e = vb.pp("embeddings");
        Ok(VisionTower {
            class_embedding: e.no_decay("class_embedding", &[d], Init::TruncNormal((d as f64).powf(-0.5)))?,
            patch_embedding: PatchEmbed::new(
                &e.pp("patch_embedding"),
                d,
                c.channels as i64,
                c.patch_size as i64,
                Init::TruncNormal(0.02),
                false,
            )?,
            position_embedding: e.pp("position_embedding").no_decay("weight", &[c.tokens() as i64, d], Init::TruncNormal(0.02))?,
            pre_norm: LayerNorm::new(&vb.pp("pre_layrnorm"), d)?, // sic: Hugging Face's spelling
            layers: tower_blocks(&vb, &vision_block(c), c.vision.depth)?,
            post_norm: LayerNorm::new(&vb.pp("post_layernorm"), d)?,
        })
    }
}

/// The causal text tower, `text_model.*`.
pub struct TextTower {
    pub token_embedding: Tensor,
    pub position_embedding: Tensor,
    pub layers: BlockParams,
    pub final_norm: LayerNorm,
}

impl TextTower {
    pub fn new(vb: &Vars, c: &ClipConfig) -> TraceResult<TextTower> {
        let d = c.text.width as i64;
        let vb = vb.pp("text_model");
        let e = vb.pp("embeddings");
        Ok(TextTower {
            token_embedding: e.pp("token_embedding").weight("weight", &[c.vocab_size as i64, d], Init::TruncNormal(0.02))?,
            position_embedding: e.pp("position_embedding").no_decay("weight", &[c.max_positions as i64, d], Init::TruncNormal(0.02))?,
            layers: tower_blocks(&vb, &text_block(c), c.text.depth)?,
            final_norm: LayerNorm::new(&vb.pp("final_layer_norm"), d)?,
        })
    }
}

/// The two projections into the shared space and the learned temperature.
pub struct Projections {
    pub visual: Linear,
    pub text: Linear,
    /// `log` of the logits' scale, a scalar.
    pub logit_scale: Tensor,
}

impl Projections {
    pub fn new(vb: &Vars, c: &ClipConfig) -> TraceResult<Projections> {
        let (dv, dt, p) = (c.vision.width as i64, c.text.width as i64, c.projection_dim as i64);
        Ok(Projections {
            visual: Linear::no_bias(&vb.pp("visual_projection"), p, dv, Init::TruncNormal((dv as f64).powf(-0.5)))?,
            text: Linear::no_bias(&vb.pp("text_projection"), p, dt, Init::TruncNormal((dt as f64).powf(-0.5)))?,
            logit_scale: vb.no_decay("logit_scale", &[], Init::Values(vec![c.logit_scale_init]))?,
        })
    }
}

/// The image tower's parameters (`vision_model.*`): what analyses of the image tower read.
pub fn vision_specs(c: &ClipConfig) -> Vec<ParamSpec> {
    super::specs(|vb| VisionTower::new(vb, c).map(drop))
}

/// Every parameter, in Hugging Face's order.
pub fn param_specs(c: &ClipConfig) -> Vec<ParamSpec> {
    super::specs(|vb| {
        VisionTower::new(vb, c)?;
        TextTower::new(vb, c)?;
        Projections::new(vb, c).map(drop)
    })
}

/// What a tower returns.
pub struct Tower {
    /// `[B, D]`: the post-norm class token (image), the final-norm token at the end-of-text
    /// position (text).
    pub pooled: Tensor,
    /// The blocks' input `[B, T, D]` (image: after `pre_layrnorm`).
    pub embedded: Tensor,
    /// Every block's output `[L, B, T, D]`, when asked for.
    pub hidden: Option<Tensor>,
}

/// Images `[B, C, H, W]` through the image tower.
pub fn encode_image(c: &ClipConfig, p: &Params, images: &Tensor, o: &StackOptions) -> TraceResult<Tower> {
    let (ch, s) = (c.channels as i64, c.image_size as i64);
    if images.rank() != 4 || images.dims()[1..] != [ch, s, s] {
        return Err(TraceError::new("clip", format!("images must be [B, {}, {}, {}] for this config, got {}", ch, s, s, images.ty())));
    }
    let (b, d) = (images.dim(0), c.vision.width as i64);
    let t = VisionTower::new(&Vars::bind(p), c)?;
    let patches = t.patch_embedding.forward(images)?;
    let cls = t.class_embedding.reshape(&[1, 1, d])?.broadcast_to(&[b, 1, d])?;
    let x = Tensor::concat(&[cls, patches], 1)?.add(&t.position_embedding)?;
    let embedded = t.pre_norm.forward(&x, c.layer_norm_eps)?;
    let (x, hidden) = encoder(&embedded, &t.layers, &vision_block(c), None, o, "vision")?;
    let pooled = t.post_norm.forward(&x.slice_axis(1, 0, 1)?.reshape(&[b, d])?, c.layer_norm_eps)?;
    Ok(Tower { pooled, embedded, hidden })
}

/// Token ids `[B, S]` (i32) through the causal text tower; `attention_mask` (`[B, S]`, 1 for
/// tokens, 0 for padding) also hides padded keys, as Hugging Face does when one is given.
pub fn encode_text(c: &ClipConfig, p: &Params, ids: &Tensor, attention_mask: Option<&Tensor>, o: &StackOptions) -> TraceResult<Tower> {
    if ids.rank() != 2 || !ids.dtype().is_int() || attention_mask.is_some_and(|m| m.dims() != ids.dims()) {
        let m = attention_mask.map(|m| m.ty().to_string()).unwrap_or_else(|| "none".into());
        return Err(TraceError::new("clip", format!("input_ids {} must be integer [B, S], attention_mask ({}) alike", ids.ty(), m)));
    }
    let (b, s) = (ids.dim(0), ids.dim(1));
    if s as usize > c.max_positions {
        return Err(TraceError::new("clip", format!("sequence length {} exceeds max_positions {}", s, c.max_positions)));
    }
    let d = c.text.width as i64;
    let t = TextTower::new(&Vars::bind(p), c)?;
    let positions = t.position_embedding.slice_axis(0, 0, s)?;
    let embedded = t.token_embedding.take_rows(ids)?.add(&positions)?;
    let x = embedded.clone();
    let bias = match attention_mask {
        Some(m) => {
            let m = m.convert(x.dtype())?;
            Some(m.neg()?.add_scalar(1.0)?.mul_scalar(f32::MIN as f64)?.reshape(&[b, 1, 1, s])?)
        }
        None => None,
    };
    let (x, hidden) = encoder(&x, &t.layers, &text_block(c), bias.as_ref(), o, "text")?;
    let x = t.final_norm.forward(&x, c.layer_norm_eps)?;
    let at = eos_positions(c, ids)?.reshape(&[b, 1])?;
    let pooled = x.take_along_axis1(&at)?.reshape(&[b, d])?;
    Ok(Tower { pooled, embedded, hidden })
}

/// The pooled position of each sequence `[B]` (i32): the first position holding
/// `eos_token_id`, or of the largest id when there is none configured (both as `argmax` picks
/// them: the first of equal maxima, and position 0 when no position matches).
pub fn eos_positions(c: &ClipConfig, ids: &Tensor) -> TraceResult<Tensor> {
    let (b, s) = (ids.dim(0), ids.dim(1));
    let g = ids.graph();
    let ids = ids.convert(DType::I32)?;
    let hit = match c.eos_token_id {
        Some(e) => ids.compare(CompareDir::Eq, &g.scalar(e as f64, DType::I32))?,
        None => ids.compare(CompareDir::Eq, &ids.max(&[1], true)?)?,
    };
    let none = g.scalar(s as f64, DType::I32);
    let first = hit.select(&g.iota(&[b, s], 1, DType::I32)?, &none)?.min(&[1], false)?;
    first.compare(CompareDir::Eq, &none)?.select(&g.scalar(0.0, DType::I32), &first)
}

/// `x / |x|` over the last axis (no epsilon, as Hugging Face).
fn l2_normalize(x: &Tensor) -> TraceResult<Tensor> {
    x.div(&x.square()?.sum(&[1], true)?.sqrt()?)
}

pub struct ClipInputs<'a> {
    /// `[B, C, H, W]`.
    pub pixel_values: &'a Tensor,
    /// `[B', S]` (i32).
    pub input_ids: &'a Tensor,
    /// `[B', S]`, 1 for tokens and 0 for padding; `None` attends to every earlier position.
    pub attention_mask: Option<&'a Tensor>,
}

pub struct ClipOutputs {
    /// `[B, B']`: image i against text j.
    pub logits_per_image: Tensor,
    /// `[B', B]`: the transpose.
    pub logits_per_text: Tensor,
    /// Unit-norm projections `[B, P]` and `[B', P]`.
    pub image_embeds: Tensor,
    pub text_embeds: Tensor,
    pub image: Tower,
    pub text: Tower,
}

pub fn forward(c: &ClipConfig, p: &Params, x: &ClipInputs, o: &StackOptions) -> TraceResult<ClipOutputs> {
    let image = encode_image(c, p, x.pixel_values, o)?;
    let text = encode_text(c, p, x.input_ids, x.attention_mask, o)?;
    let proj = Projections::new(&Vars::bind(p), c)?;
    let image_embeds = l2_normalize(&proj.visual.forward(&image.pooled)?)?;
    let text_embeds = l2_normalize(&proj.text.forward(&text.pooled)?)?;
    let dims = DotDims { lhs_batch: vec![], rhs_batch: vec![], lhs_contract: vec![1], rhs_contract: vec![1] };
    let logits_per_text = text_embeds.dot_general(&image_embeds, dims)?.mul(&proj.logit_scale.exp()?)?;
    let logits_per_image = logits_per_text.transpose(&[1, 0])?;
    Ok(ClipOutputs { logits_per_image, logits_per_text, image_embeds, text_embeds, image, text })
}

/// The symmetric InfoNCE loss of `CLIPModel(return_loss=True)`: example i's image and text are
/// the positive pair, every other text (image) of the batch a negative; the mean of the
/// text->image and image->text cross-entropies. Equal captions of two examples are negatives
/// of each other all the same.
pub fn contrastive_loss(logits_per_text: &Tensor) -> TraceResult<Tensor> {
    let n = logits_per_text.dim(0);
    if logits_per_text.rank() != 2 || logits_per_text.dim(1) != n {
        return Err(TraceError::new(
            "clip",
            format!("the contrastive loss needs as many texts as images, got logits {}", logits_per_text.ty()),
        ));
    }
    let pairs = logits_per_text.graph().iota(&[n], 0, DType::I32)?;
    let t2i = logits_per_text.cross_entropy(&pairs)?;
    let i2t = logits_per_text.transpose(&[1, 0])?.cross_entropy(&pairs)?;
    t2i.add(&i2t)?.mul_scalar(0.5)
}
