//! ViT for classification with timm's parameter names (`VisionTransformer`).
//!
//!   z_0 = [cls; patches E] + pos_embed
//!   z_l = Block_l(z_{l-1}),  l = 1..L
//!   y   = head(fc_norm(mean of the patch tokens of z_L))   (avg pooling, the paper's ViT)
//!   y   = head(norm(z_L)[cls])                               (cls pooling)

use super::{kept, specs, Noise};
use crate::config::{Pool, VitConfig};
use crate::graph::{random, Tensor, TraceError, TraceResult};
use crate::nn::block::{BlockConfig, BlockInit, BlockParams};
use crate::nn::dropout::{dropout, site, DropoutRates};
use crate::nn::embed::PatchEmbed;
use crate::nn::stack::{encoder_noisy, StackNoise, StackOptions};
use crate::nn::{LayerNorm, Linear};
use crate::weights::names::block::TIMM;
use crate::weights::{Init, ParamSpec, Params, Vars};

/// timm's block: `drop_rate` after the attention projection and after both MLP layers.
pub fn block_config(c: &VitConfig) -> BlockConfig {
    let mut b = BlockConfig::of_stack(&c.encoder, c.layer_norm_eps, c.norm);
    b.dropout = DropoutRates { hidden: c.dropout, attention: 0.0, mlp_inner: true };
    b
}

/// timm's initialization: truncated normals of 0.02, the cls token at 1e-6.
const WEIGHT_INIT: Init = Init::TruncNormal(0.02);

/// `z_0`'s parameters.
pub struct Embeddings {
    pub cls_token: Option<Tensor>,
    pub pos_embed: Tensor,
    pub patch_embed: PatchEmbed,
}

impl Embeddings {
    pub fn new(vb: &Vars, c: &VitConfig) -> TraceResult<Embeddings> {
        let d = c.encoder.width as i64;
        let cls_token = c.class_token.then(|| vb.no_decay("cls_token", &[1, 1, d], Init::TruncNormal(1e-6))).transpose()?;
        let pos_embed = vb.no_decay("pos_embed", &[1, c.tokens() as i64, d], WEIGHT_INIT)?;
        let patch_embed = PatchEmbed::new(&vb.pp("patch_embed").pp("proj"), d, c.channels as i64, c.patch_size as i64, WEIGHT_INIT, true)?;
        Ok(Embeddings { cls_token, pos_embed, patch_embed })
    }
}

/// The block stack, `blocks.*`.
pub fn blocks(vb: &Vars, c: &VitConfig) -> TraceResult<BlockParams> {
    BlockParams::new(&vb.stacked("blocks", c.encoder.depth as i64)?, &block_config(c), &TIMM, &BlockInit::all(WEIGHT_INIT))
}

/// Block `l` alone, `blocks.{l}` (a checkpoint's per-layer names).
pub fn layer(vb: &Vars, c: &VitConfig, l: usize) -> TraceResult<BlockParams> {
    BlockParams::new(&vb.pp("blocks").pp(&l.to_string()), &block_config(c), &TIMM, &BlockInit::all(WEIGHT_INIT))
}

/// The norm after the blocks: `fc_norm` on the pooled patches, or `norm` on every token
/// before cls pooling.
pub fn final_norm(vb: &Vars, c: &VitConfig) -> TraceResult<LayerNorm> {
    LayerNorm::new(&vb.pp(if c.pool == Pool::Avg { "fc_norm" } else { "norm" }), c.encoder.width as i64)
}

/// The classifier, `head`.
pub fn classifier(vb: &Vars, c: &VitConfig) -> TraceResult<Linear> {
    Linear::new(&vb.pp("head"), c.num_classes as i64, c.encoder.width as i64, WEIGHT_INIT)
}

/// Every parameter, in timm's order.
pub fn param_specs(c: &VitConfig) -> Vec<ParamSpec> {
    specs(|vb| {
        Embeddings::new(vb, c)?;
        blocks(vb, c)?;
        final_norm(vb, c)?;
        classifier(vb, c).map(drop)
    })
}

/// The embeddings and the blocks: what every block's tokens need.
pub fn encoder_specs(c: &VitConfig) -> Vec<ParamSpec> {
    specs(|vb| {
        Embeddings::new(vb, c)?;
        blocks(vb, c).map(drop)
    })
}

/// Hugging Face's `ViTModel`: all but the classifier.
pub fn backbone_specs(c: &VitConfig) -> Vec<ParamSpec> {
    specs(|vb| {
        Embeddings::new(vb, c)?;
        blocks(vb, c)?;
        final_norm(vb, c).map(drop)
    })
}

/// Block `l`'s parameters under the checkpoint's names (`blocks.3.norm1.weight`).
pub fn layer_specs(c: &VitConfig, l: usize) -> Vec<ParamSpec> {
    specs(|vb| layer(vb, c, l).map(drop))
}

pub struct VitOutputs {
    pub logits: Tensor,
    /// The blocks' input `[B, T, D]` (Hugging Face's `hidden_states[0]`; before dropout).
    pub embedded: Tensor,
    /// Every block's output tokens `[L, B, T, D]`, when asked for.
    pub hidden: Option<Tensor>,
}

/// Images `[B, C, H, W]` to class logits.
pub fn forward(c: &VitConfig, p: &Params, images: &Tensor, o: &StackOptions) -> TraceResult<VitOutputs> {
    forward_noisy(c, p, images, Noise::default(), o)
}

/// `forward` in training: stochastic depth (`drop_path_keep` draws its factors) and dropout
/// (timm's sites: after the position embedding, in the blocks, before the head).
pub fn forward_noisy(c: &VitConfig, p: &Params, images: &Tensor, noise: Noise, o: &StackOptions) -> TraceResult<VitOutputs> {
    let keys = noise.dropout_keys.filter(|_| c.dropout > 0.0);
    let embedded = embed(c, p, images)?;
    let mut x = embedded.clone();
    if let Some(k) = keys {
        x = dropout(&x, k, c.dropout, site::EMBEDDINGS)?;
    }
    let bc = block_config(c);
    let stack_noise = StackNoise {
        keep: noise.drop_path.map(|k| k.transpose(&[1, 2, 0])).transpose()?,
        keys: keys.map(|k| random::fold_in(k, site::LAYERS)).transpose()?,
    };
    let (x, hidden) = encoder_noisy(&x, &blocks(&Vars::bind(p), c)?, &bc, None, &stack_noise, o, "blocks")?;
    let logits = head(c, p, &x, keys)?;
    Ok(VitOutputs { logits, embedded, hidden })
}

/// Every block's output `[L, B, T, D]` at evaluation; the final norm and the head are not
/// traced, so their parameters need not be there.
pub fn encoder_hidden(c: &VitConfig, p: &Params, images: &Tensor, o: &StackOptions) -> TraceResult<Tensor> {
    let bc = block_config(c);
    let o = StackOptions { keep_hidden: true, ..*o };
    let stacked = blocks(&Vars::bind(p), c)?;
    let (_, hidden) = encoder_noisy(&embed(c, p, images)?, &stacked, &bc, None, &StackNoise::default(), &o, "blocks")?;
    kept(hidden, "vit")
}

/// `z_0`: patch embeddings, the cls token in front, plus the position embeddings; `[B, T, D]`.
pub fn embed(c: &VitConfig, p: &Params, images: &Tensor) -> TraceResult<Tensor> {
    let (ch, s) = (c.channels as i64, c.image_size as i64);
    if images.rank() != 4 || images.dims()[1..] != [ch, s, s] {
        return Err(TraceError::new("vit", format!("images must be [B, {}, {}, {}] for this config, got {}", ch, s, s, images.ty())));
    }
    let b = images.dim(0);
    let d = c.encoder.width as i64;
    let e = Embeddings::new(&Vars::bind(p), c)?;
    let mut x = e.patch_embed.forward(images)?;
    if let Some(cls) = &e.cls_token {
        x = Tensor::concat(&[cls.broadcast_to(&[b, 1, d])?, x], 1)?;
    }
    x.add(&e.pos_embed)
}

/// Logits from the last block's tokens `[B, T, D]`: pooling, its norm, (dropout,) the head.
pub fn head(c: &VitConfig, p: &Params, x: &Tensor, dropout_keys: Option<&Tensor>) -> TraceResult<Tensor> {
    let (b, d) = (x.dim(0), c.encoder.width as i64);
    let eps = c.layer_norm_eps;
    let vb = Vars::bind(p);
    let norm = final_norm(&vb, c)?;
    let pooled = match c.pool {
        Pool::Avg => {
            let patches = if c.class_token { x.slice_axis(1, 1, x.dim(1))? } else { x.clone() };
            norm.forward(&patches.mean(&[1], false)?, eps)?
        }
        Pool::Cls => norm.forward(x, eps)?.slice_axis(1, 0, 1)?.reshape(&[b, d])?,
    };
    let pooled = match dropout_keys {
        Some(k) => dropout(&pooled, k, c.dropout, site::HEAD)?,
        None => pooled,
    };
    classifier(&vb, c)?.forward(&pooled)
}

/// Stochastic-depth factors for one example: block `l` drops each branch with probability
/// `rate * l / (L - 1)` (timm's linear rule); kept branches are scaled by 1 / keep probability.
/// `uniform` yields numbers in [0, 1). Returns `[L, 2]` row-major.
pub fn drop_path_keep(depth: usize, rate: f64, mut uniform: impl FnMut() -> f64) -> Vec<f32> {
    let mut v = Vec::with_capacity(depth * 2);
    for l in 0..depth {
        let r = if depth > 1 { rate * l as f64 / (depth - 1) as f64 } else { rate };
        for _ in 0..2 {
            v.push(if uniform() < r { 0.0 } else { (1.0 / (1.0 - r)) as f32 });
        }
    }
    v
}
