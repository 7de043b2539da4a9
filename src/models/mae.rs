//! MAE pre-training with Hugging Face `ViTMAEForPreTraining` parameter names.
//!
//!   keep    = the patches with the (1 - r) N smallest noise values (per-sample random masking)
//!   latent  = LN(Encoder([cls + pos_0; (patches E + pos)[keep]]))
//!   z       = unshuffle([latent W_d; mask tokens]) + decoder pos       (cls kept in front)
//!   pred    = Decoder(z) W_pred, without the cls token: [B, N, p*p*C]
//!   loss    = mean over masked patches of mean_k (pred - target)^2,
//!             target = patch pixels, normalized per patch when norm_pix_loss

use super::kept;
use crate::config::MaeConfig;
use crate::graph::{CompareDir, DType, Tensor, TraceError, TraceResult};
use crate::nn::block::{BlockConfig, Naming};
use crate::nn::embed::{patch_embed, patchify, sincos_2d};
use crate::nn::linear;
use crate::nn::stack::{encoder, StackOptions};
use crate::weights::{stack_specs, Init, ParamSpec, Params};

pub fn encoder_block(c: &MaeConfig) -> BlockConfig {
    BlockConfig::of_stack(&c.encoder, c.layer_norm_eps, c.norm, Naming::HfVit)
}

pub fn decoder_block(c: &MaeConfig) -> BlockConfig {
    BlockConfig::of_stack(&c.decoder, c.layer_norm_eps, c.norm, Naming::HfVit)
}

pub fn len_keep(c: &MaeConfig) -> i64 {
    (c.num_patches() as f64 * (1.0 - c.mask_ratio)) as i64
}

pub fn param_specs(c: &MaeConfig) -> Vec<ParamSpec> {
    let (d, dd) = (c.encoder.width as i64, c.decoder.width as i64);
    let (ch, p) = (c.channels as i64, c.patch_size as i64);
    let n = c.num_patches() as i64;
    let grid = c.image_size / c.patch_size;
    let x = Init::XavierUniform;
    let mut v = vec![
        ParamSpec::new("vit.embeddings.cls_token", &[1, 1, d], Init::TruncNormal(0.02)),
        ParamSpec::fixed("vit.embeddings.position_embeddings", &[1, n + 1, d], sincos_2d(d as usize, grid, true)),
        ParamSpec::new("vit.embeddings.patch_embeddings.projection.weight", &[d, ch, p, p], x.clone()),
        ParamSpec::new("vit.embeddings.patch_embeddings.projection.bias", &[d], Init::Zeros),
    ];
    v.extend(stack_specs("vit.encoder.layer.*.", c.encoder.depth as i64, &encoder_block(c), &x));
    v.push(ParamSpec::new("vit.layernorm.weight", &[d], Init::Ones));
    v.push(ParamSpec::new("vit.layernorm.bias", &[d], Init::Zeros));
    v.push(ParamSpec::new("decoder.decoder_embed.weight", &[dd, d], x.clone()));
    v.push(ParamSpec::new("decoder.decoder_embed.bias", &[dd], Init::Zeros));
    v.push(ParamSpec::new("decoder.mask_token", &[1, 1, dd], Init::TruncNormal(0.02)));
    v.push(ParamSpec::fixed("decoder.decoder_pos_embed", &[1, n + 1, dd], sincos_2d(dd as usize, grid, true)));
    v.extend(stack_specs("decoder.decoder_layers.*.", c.decoder.depth as i64, &decoder_block(c), &x));
    v.push(ParamSpec::new("decoder.decoder_norm.weight", &[dd], Init::Ones));
    v.push(ParamSpec::new("decoder.decoder_norm.bias", &[dd], Init::Zeros));
    v.push(ParamSpec::new("decoder.decoder_pred.weight", &[p * p * ch, dd], x));
    v.push(ParamSpec::new("decoder.decoder_pred.bias", &[p * p * ch], Init::Zeros));
    v
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
    let x = patch_tokens(c, p, images)?;

    // Per-sample random masking: sort the noise, keep the first `keep` patches.
    let ids_shuffle = noise.argsort(1, false)?;
    let ids_restore = ids_shuffle.argsort(1, false)?;
    let x = x.take_along_axis1(&ids_shuffle.slice_axis(1, 0, keep)?)?;
    let g = images.graph();
    let mask = ids_restore
        .compare(CompareDir::Ge, &g.scalar(keep as f64, DType::I32))?
        .select(&g.scalar(1.0, images.dtype()), &g.scalar(0.0, images.dtype()))?;

    let embedded = Tensor::concat(&[cls_token(c, p, b)?, x], 1)?;
    let (x, hidden) = run_encoder(c, p, &embedded, o)?;
    let latent = x.layer_norm(p.get("vit.layernorm.weight")?, p.get("vit.layernorm.bias")?, c.layer_norm_eps)?;

    // Decoder: embed, append mask tokens, restore the original patch order.
    let z = linear(&latent, p.get("decoder.decoder_embed.weight")?, Some(p.get("decoder.decoder_embed.bias")?))?;
    let masked = p.get("decoder.mask_token")?.broadcast_to(&[b, n - keep, dd])?;
    let z_ = Tensor::concat(&[z.slice_axis(1, 1, keep + 1)?, masked], 1)?.take_along_axis1(&ids_restore)?;
    let z = Tensor::concat(&[z.slice_axis(1, 0, 1)?, z_], 1)?.add(p.get("decoder.decoder_pos_embed")?)?;
    let db = decoder_block(c);
    let dec_opts = StackOptions { keep_hidden: false, ..*o };
    let (z, _) = encoder(&z, &p.stack("decoder.decoder_layers.*.", &db)?, &db, None, &dec_opts, "decoder")?;
    let z = z.layer_norm(p.get("decoder.decoder_norm.weight")?, p.get("decoder.decoder_norm.bias")?, c.layer_norm_eps)?;
    let pred = linear(&z, p.get("decoder.decoder_pred.weight")?, Some(p.get("decoder.decoder_pred.bias")?))?;
    let pred = pred.slice_axis(1, 1, n + 1)?;

    let loss = reconstruction_loss(c, images, &pred, &mask)?;
    Ok(MaeOutputs { loss, pred, mask, embedded, hidden })
}

/// The encoder on every patch, without the masking and without the decoder: each block's
/// output `[L, B, 1 + N, D]`. Over-smoothing is measured here; the training forward would see
/// only the quarter of the image it keeps.
pub fn encoder_hidden(c: &MaeConfig, p: &Params, images: &Tensor, o: &StackOptions) -> TraceResult<Tensor> {
    check_images(c, images)?;
    let patches = patch_tokens(c, p, images)?;
    let x = Tensor::concat(&[cls_token(c, p, images.dim(0))?, patches], 1)?;
    let (_, hidden) = run_encoder(c, p, &x, &StackOptions { keep_hidden: true, ..*o })?;
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
fn patch_tokens(c: &MaeConfig, p: &Params, images: &Tensor) -> TraceResult<Tensor> {
    let n = c.num_patches() as i64;
    let pos = p.get("vit.embeddings.position_embeddings")?;
    patch_embed(
        images,
        p.get("vit.embeddings.patch_embeddings.projection.weight")?,
        p.get("vit.embeddings.patch_embeddings.projection.bias")?,
    )?
    .add(&pos.slice_axis(1, 1, n + 1)?)
}

/// The cls token plus position 0, for each of `b` examples: `[B, 1, D]`.
fn cls_token(c: &MaeConfig, p: &Params, b: i64) -> TraceResult<Tensor> {
    let pos = p.get("vit.embeddings.position_embeddings")?;
    p.get("vit.embeddings.cls_token")?.add(&pos.slice_axis(1, 0, 1)?)?.broadcast_to(&[b, 1, c.encoder.width as i64])
}

/// The encoder's block stack over tokens `x`; the hidden states when `o` keeps them.
fn run_encoder(c: &MaeConfig, p: &Params, x: &Tensor, o: &StackOptions) -> TraceResult<(Tensor, Option<Tensor>)> {
    let eb = encoder_block(c);
    encoder(x, &p.stack("vit.encoder.layer.*.", &eb)?, &eb, None, o, "encoder")
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
