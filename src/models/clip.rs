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
use crate::nn::block::{BlockConfig, Naming};
use crate::nn::embed::patch_project;
use crate::nn::linear;
use crate::nn::stack::{encoder, StackOptions};
use crate::weights::{stack_specs, Init, ParamSpec, Params};

pub const VISION: &str = "vision_model.";
pub const TEXT: &str = "text_model.";

pub fn vision_block(c: &ClipConfig) -> BlockConfig {
    let mut b = BlockConfig::of_stack(&c.vision, c.layer_norm_eps, Norm::Pre, Naming::HfClip);
    b.activation = c.activation;
    b
}

pub fn text_block(c: &ClipConfig) -> BlockConfig {
    let mut b = BlockConfig::of_stack(&c.text, c.layer_norm_eps, Norm::Pre, Naming::HfClip);
    b.activation = c.activation;
    b.causal = true;
    b
}

/// A tower's blocks with Hugging Face's initialization: q/k/v and fc2 at d^-1/2 (2L)^-1/2,
/// the output projection at d^-1/2, fc1 at (2d)^-1/2 (normals truncated at two standard
/// deviations here, which only the far tails tell apart).
fn tower_blocks(prefix: &str, b: &BlockConfig, depth: usize) -> Vec<ParamSpec> {
    let d = b.dim as f64;
    let in_std = d.powf(-0.5) * (2.0 * depth as f64).powf(-0.5);
    stack_specs(&format!("{}encoder.layers.*.", prefix), depth as i64, b, &Init::TruncNormal(in_std))
        .into_iter()
        .map(|mut s| {
            if s.name.ends_with("out_proj.weight") {
                s.init = Init::TruncNormal(d.powf(-0.5));
            } else if s.name.ends_with("fc1.weight") {
                s.init = Init::TruncNormal((2.0 * d).powf(-0.5));
            }
            s
        })
        .collect()
}

fn norm(name: String, d: i64) -> [ParamSpec; 2] {
    [ParamSpec::new(format!("{}.weight", name), &[d], Init::Ones), ParamSpec::new(format!("{}.bias", name), &[d], Init::Zeros)]
}

/// The image tower's parameters (`vision_model.*`): what analyses of the image tower read.
pub fn vision_specs(c: &ClipConfig) -> Vec<ParamSpec> {
    let d = c.vision.width as i64;
    let (ch, p) = (c.channels as i64, c.patch_size as i64);
    let e = format!("{}embeddings.", VISION);
    let mut v = vec![
        ParamSpec::new(format!("{}class_embedding", e), &[d], Init::TruncNormal((d as f64).powf(-0.5))),
        ParamSpec::new(format!("{}patch_embedding.weight", e), &[d, ch, p, p], Init::TruncNormal(0.02)),
        ParamSpec::new(format!("{}position_embedding.weight", e), &[c.tokens() as i64, d], Init::TruncNormal(0.02)),
    ];
    v.extend(norm(format!("{}pre_layrnorm", VISION), d)); // sic: Hugging Face's spelling
    v.extend(tower_blocks(VISION, &vision_block(c), c.vision.depth));
    v.extend(norm(format!("{}post_layernorm", VISION), d));
    v
}

pub fn param_specs(c: &ClipConfig) -> Vec<ParamSpec> {
    let (dv, dt, p) = (c.vision.width as i64, c.text.width as i64, c.projection_dim as i64);
    let mut v = vision_specs(c);
    let e = format!("{}embeddings.", TEXT);
    v.push(ParamSpec::new(format!("{}token_embedding.weight", e), &[c.vocab_size as i64, dt], Init::TruncNormal(0.02)));
    v.push(ParamSpec::new(format!("{}position_embedding.weight", e), &[c.max_positions as i64, dt], Init::TruncNormal(0.02)));
    v.extend(tower_blocks(TEXT, &text_block(c), c.text.depth));
    v.extend(norm(format!("{}final_layer_norm", TEXT), dt));
    v.push(ParamSpec::new("visual_projection.weight", &[p, dv], Init::TruncNormal((dv as f64).powf(-0.5))));
    v.push(ParamSpec::new("text_projection.weight", &[p, dt], Init::TruncNormal((dt as f64).powf(-0.5))));
    v.push(ParamSpec::new("logit_scale", &[], Init::Values(vec![c.logit_scale_init])));
    v
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
    let e = |n: &str| p.get(&format!("{}embeddings.{}", VISION, n));
    let patches = patch_project(images, e("patch_embedding.weight")?)?;
    let cls = e("class_embedding")?.reshape(&[1, 1, d])?.broadcast_to(&[b, 1, d])?;
    let x = Tensor::concat(&[cls, patches], 1)?.add(e("position_embedding.weight")?)?;
    let embedded = layer_norm(c, p, &x, &format!("{}pre_layrnorm", VISION))?;
    let bc = vision_block(c);
    let (x, hidden) = encoder(&embedded, &p.stack(&format!("{}encoder.layers.*.", VISION), &bc)?, &bc, None, o, "vision")?;
    let pooled = layer_norm(c, p, &x.slice_axis(1, 0, 1)?.reshape(&[b, d])?, &format!("{}post_layernorm", VISION))?;
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
    let (d, e) = (c.text.width as i64, format!("{}embeddings.", TEXT));
    let positions = p.get(&format!("{}position_embedding.weight", e))?.slice_axis(0, 0, s)?;
    let embedded = p.get(&format!("{}token_embedding.weight", e))?.take_rows(ids)?.add(&positions)?;
    let x = embedded.clone();
    let bias = match attention_mask {
        Some(m) => {
            let m = m.convert(x.dtype())?;
            Some(m.neg()?.add_scalar(1.0)?.mul_scalar(f32::MIN as f64)?.reshape(&[b, 1, 1, s])?)
        }
        None => None,
    };
    let bc = text_block(c);
    let (x, hidden) = encoder(&x, &p.stack(&format!("{}encoder.layers.*.", TEXT), &bc)?, &bc, bias.as_ref(), o, "text")?;
    let x = layer_norm(c, p, &x, &format!("{}final_layer_norm", TEXT))?;
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

fn layer_norm(c: &ClipConfig, p: &Params, x: &Tensor, name: &str) -> TraceResult<Tensor> {
    x.layer_norm(p.get(&format!("{}.weight", name))?, p.get(&format!("{}.bias", name))?, c.layer_norm_eps)
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
    let image_embeds = l2_normalize(&linear(&image.pooled, p.get("visual_projection.weight")?, None)?)?;
    let text_embeds = l2_normalize(&linear(&text.pooled, p.get("text_projection.weight")?, None)?)?;
    let dims = DotDims { lhs_batch: vec![], rhs_batch: vec![], lhs_contract: vec![1], rhs_contract: vec![1] };
    let logits_per_text = text_embeds.dot_general(&image_embeds, dims)?.mul(&p.get("logit_scale")?.exp()?)?;
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
