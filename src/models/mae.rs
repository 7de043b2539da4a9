//! MAE pre-training with Hugging Face `ViTMAEForPreTraining` parameter names.
//!
//!   keep    = the patches with the (1 - r) N smallest noise values (per-sample random masking)
//!   latent  = LN(Encoder([cls + pos_0; (patches E + pos)[keep]]))
//!   z       = unshuffle([latent W_d; mask tokens]) + decoder pos       (cls kept in front)
//!   pred    = Decoder(z) W_pred, without the cls token: [B, N, p*p*C]
//!   loss    = mean over masked patches of mean_k (pred - target)^2,
//!             target = patch pixels, normalized per patch when norm_pix_loss

use super::{kept, specs};
use crate::config::MaeConfig;
use crate::graph::{CompareDir, DType, Tensor, TraceError, TraceResult};
use crate::nn::block::{BlockConfig, BlockInit, BlockParams};
use crate::nn::embed::{patchify, sincos_2d, PatchEmbed};
use crate::nn::stack::{encoder, StackOptions};
use crate::nn::{LayerNorm, Linear};
use crate::weights::names::block::HF_VIT;
use crate::weights::{Init, ParamSpec, Params, Vars};

pub fn encoder_block(c: &MaeConfig) -> BlockConfig {
    BlockConfig::of_stack(&c.encoder, c.layer_norm_eps, c.norm)
}

pub fn decoder_block(c: &MaeConfig) -> BlockConfig {
    BlockConfig::of_stack(&c.decoder, c.layer_norm_eps, c.norm)
}

pub fn len_keep(c: &MaeConfig) -> i64 {
    (c.num_patches() as f64 * (1.0 - c.mask_ratio)) as i64
}

/// The encoder's embeddings, `vit.embeddings.*`.
pub struct Embeddings {
    pub cls_token: Tensor,
    /// Fixed sin-cos table `[1, 1 + N, D]` (row 0 for the cls token).
    pub position_embeddings: Tensor,
    pub patch_embeddings: PatchEmbed,
}

impl Embeddings {
    pub fn new(vb: &Vars, c: &MaeConfig) -> TraceResult<Embeddings> {
        let d = c.encoder.width as i64;
        let (ch, p, n) = (c.channels as i64, c.patch_size as i64, c.num_patches() as i64);
        let vb = vb.pp("vit").pp("embeddings");
        let cls_token = vb.no_decay("cls_token", &[1, 1, d], Init::TruncNormal(0.02))?;
        let position_embeddings = vb.fixed("position_embeddings", &[1, n + 1, d], sincos_2d(d as usize, grid(c), true))?;
        let patch_embeddings = PatchEmbed::new(&vb.pp("patch_embeddings").pp("projection"), d, ch, p, Init::XavierUniform, true)?;
        Ok(Embeddings { cls_token, position_embeddings, patch_embeddings })
    }
}

fn grid(c: &MaeConfig) -> usize {
    c.image_size / c.patch_size
}

/// The encoder's blocks, `vit.encoder.layer.*`.
pub fn encoder_blocks(vb: &Vars, c: &MaeConfig) -> TraceResult<BlockParams> {
    let stacked = vb.pp("vit").pp("encoder").stacked("layer", c.encoder.depth as i64)?;
    BlockParams::new(&stacked, &encoder_block(c), &HF_VIT, &BlockInit::all(Init::XavierUniform))
}

/// What follows the encoder: its final norm, then the decoder.
pub struct Decoder {
    /// `vit.layernorm`.
    pub encoder_norm: LayerNorm,
    pub embed: Linear,
    pub mask_token: Tensor,
    /// Fixed sin-cos table `[1, 1 + N, D_dec]`.
    pub pos_embed: Tensor,
    pub blocks: BlockParams,
    pub norm: LayerNorm,
    pub pred: Linear,
}

impl Decoder {
    pub fn new(vb: &Vars, c: &MaeConfig) -> TraceResult<Decoder> {
        let (d, dd) = (c.encoder.width as i64, c.decoder.width as i64);
        let (ch, p, n) = (c.channels as i64, c.patch_size as i64, c.num_patches() as i64);
        let x = Init::XavierUniform;
        let encoder_norm = LayerNorm::new(&vb.pp("vit").pp("layernorm"), d)?;
        let vb = vb.pp("decoder");
        let embed = Linear::new(&vb.pp("decoder_embed"), dd, d, x.clone())?;
        let mask_token = vb.no_decay("mask_token", &[1, 1, dd], Init::TruncNormal(0.02))?;
        let pos_embed = vb.fixed("decoder_pos_embed", &[1, n + 1, dd], sincos_2d(dd as usize, grid(c), true))?;
        let stacked = vb.stacked("decoder_layers", c.decoder.depth as i64)?;
        let blocks = BlockParams::new(&stacked, &decoder_block(c), &HF_VIT, &BlockInit::all(x.clone()))?;
        let norm = LayerNorm::new(&vb.pp("decoder_norm"), dd)?;
        let pred = Linear::new(&vb.pp("decoder_pred"), p * p * ch, dd, x)?;
        Ok(Decoder { encoder_norm, embed, mask_token, pos_embed, blocks, norm, pred })
    }
}

/// Every parameter, in Hugging Face's order.
pub fn param_specs(c: &MaeConfig) -> Vec<ParamSpec> {
    specs(|vb| {
        Embeddings::new(vb, c)?;
        encoder_blocks(vb, c)?;
        Decoder::new(vb, c).map(drop)
    })
}

/// The embeddings and the encoder's blocks: what every block's tokens need.
pub fn encoder_specs(c: &MaeConfig) -> Vec<ParamSpec> {
    specs(|vb| {
        Embeddings::new(vb, c)?;
        encoder_blocks(vb, c).map(drop)
    })
}

pub struct MaeOutputs {
    pub loss: Tensor,
    /// Reconstructed patches `[B, N, p*p*C]` (in the normalized space when norm_pix_loss).
    pub pred: Tensor,
    /// 1 for masked patches, 0 for visible ones, `[B, N]`.
    pub mask: Tensor,
    /// The encoder's input: the cls token and the visible patches, `[B, 1+K, D]`.
    pub embedded: Tensor,
    /// Encoder block outputs on the visible tokens, `[L, B, 1+K, D]`, when asked for.
    pub hidden: Option<Tensor>,
}

/// Images `[B, C, H, W]` and masking noise `[B, N]` (uniform in [0, 1)) to the MAE loss.
pub fn forward(c: &MaeConfig, p: &Params, images: &Tensor, noise: &Tensor, o: &StackOptions) -> TraceResult<MaeOutputs> {
    check_images(c, images)?;
    let (b, n) = (images.dim(0), c.num_patches() as i64);
    if noise.dims() != [b, n] {
        return Err(TraceError::new("mae", format!("noise must be [{}, {}], got {}", b, n, noise.ty())));
    }
    let dd = c.decoder.width as i64;
    let keep = len_keep(c);
    let vb = Vars::bind(p);
    let e = Embeddings::new(&vb, c)?;
    let x = patch_tokens(c, &e, images)?;

    // Per-sample random masking: sort the noise, keep the first `keep` patches.
    let ids_shuffle = noise.argsort(1, false)?;
    let ids_restore = ids_shuffle.argsort(1, false)?;
    let x = x.take_along_axis1(&ids_shuffle.slice_axis(1, 0, keep)?)?;
    let g = images.graph();
    let mask = ids_restore
        .compare(CompareDir::Ge, &g.scalar(keep as f64, DType::I32))?
        .select(&g.scalar(1.0, images.dtype()), &g.scalar(0.0, images.dtype()))?;

    let embedded = Tensor::concat(&[cls_token(c, &e, b)?, x], 1)?;
    let (x, hidden) = encoder(&embedded, &encoder_blocks(&vb, c)?, &encoder_block(c), None, o, "encoder")?;
    let dec = Decoder::new(&vb, c)?;
    let latent = dec.encoder_norm.forward(&x, c.layer_norm_eps)?;

    // Decoder: embed, append mask tokens, restore the original patch order.
    let z = dec.embed.forward(&latent)?;
    let masked = dec.mask_token.broadcast_to(&[b, n - keep, dd])?;
    let z_ = Tensor::concat(&[z.slice_axis(1, 1, keep + 1)?, masked], 1)?.take_along_axis1(&ids_restore)?;
    let z = Tensor::concat(&[z.slice_axis(1, 0, 1)?, z_], 1)?.add(&dec.pos_embed)?;
    let dec_opts = StackOptions { keep_hidden: false, ..*o };
    let (z, _) = encoder(&z, &dec.blocks, &decoder_block(c), None, &dec_opts, "decoder")?;
    let z = dec.norm.forward(&z, c.layer_norm_eps)?;
    let pred = dec.pred.forward(&z)?.slice_axis(1, 1, n + 1)?;

    let loss = reconstruction_loss(c, images, &pred, &mask)?;
    Ok(MaeOutputs { loss, pred, mask, embedded, hidden })
}

/// The encoder on every patch, without the masking and without the decoder: each block's
/// output `[L, B, 1 + N, D]`. Over-smoothing is measured here; the training forward would see
/// only the quarter of the image it keeps.
pub fn encoder_hidden(c: &MaeConfig, p: &Params, images: &Tensor, o: &StackOptions) -> TraceResult<Tensor> {
    check_images(c, images)?;
    let vb = Vars::bind(p);
    let e = Embeddings::new(&vb, c)?;
    let patches = patch_tokens(c, &e, images)?;
    let x = Tensor::concat(&[cls_token(c, &e, images.dim(0))?, patches], 1)?;
    let o = StackOptions { keep_hidden: true, ..*o };
    let (_, hidden) = encoder(&x, &encoder_blocks(&vb, c)?, &encoder_block(c), None, &o, "encoder")?;
    kept(hidden, "mae")
}

fn check_images(c: &MaeConfig, images: &Tensor) -> TraceResult<()> {
    let (ch, s) = (c.channels as i64, c.image_size as i64);
    if images.rank() != 4 || images.dims()[1..] != [ch, s, s] {
        return Err(TraceError::new("mae", format!("images must be [B, {}, {}, {}], got {}", ch, s, s, images.ty())));
    }
    Ok(())
}

/// Every patch's embedding plus its position embedding (positions 1..=N), `[B, N, D]`.
fn patch_tokens(c: &MaeConfig, e: &Embeddings, images: &Tensor) -> TraceResult<Tensor> {
    let n = c.num_patches() as i64;
    e.patch_embeddings.forward(images)?.add(&e.position_embeddings.slice_axis(1, 1, n + 1)?)
}

/// The cls token plus position 0, for each of `b` examples: `[B, 1, D]`.
fn cls_token(c: &MaeConfig, e: &Embeddings, b: i64) -> TraceResult<Tensor> {
    e.cls_token.add(&e.position_embeddings.slice_axis(1, 0, 1)?)?.broadcast_to(&[b, 1, c.encoder.width as i64])
}

/// Mean squared error on the masked patches, against (optionally per-patch normalized) pixels.
pub fn reconstruction_loss(c: &MaeConfig, images: &Tensor, pred: &Tensor, mask: &Tensor) -> TraceResult<Tensor> {
    // In f32 under bf16 compute: the target's normalisation and the mean over every masked
    // patch are where bf16 rounding shows (about 1% on the loss).
    let (images, pred, mask) = (images.at_least_f32()?, pred.at_least_f32()?, mask.at_least_f32()?);
    let mut target = patchify(&images, c.patch_size as i64)?;
    if c.norm_pix_loss {
        // Per-patch mean and unbiased variance, as the reference implementations compute them.
        let k = target.dim(2) as f64;
        let mean = target.mean(&[2], true)?;
        let centered = target.sub(&mean)?;
        let var = centered.square()?.sum(&[2], true)?.div_scalar(k - 1.0)?;
        target = centered.div(&var.add_scalar(1e-6)?.sqrt()?)?;
    }
    let per_patch = pred.sub(&target)?.square()?.mean(&[2], false)?;
    per_patch.mul(&mask)?.sum_all()?.div(&mask.sum_all()?)
}
