//! CLIP: an image tower and a text tower trained with a contrastive loss (Hugging Face
//! `CLIPModel` layout).

use serde::{Deserialize, Serialize};

use super::count::{Flops, Params};
use super::error::{ensure, ConfigError};
use super::stack::{linear_flops, Activation, Stack};
use super::vit::validate_image;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClipConfig {
    pub image_size: usize,
    pub patch_size: usize,
    pub channels: usize,
    /// The image tower (`vision_model`): the stack the paper's depth/width trade applies to.
    pub vision: Stack,
    /// The text tower (`text_model`), causal.
    pub text: Stack,
    pub vocab_size: usize,
    pub max_positions: usize,
    /// Tokens per caption in training (input shapes, FLOPs); at most `max_positions`.
    pub seq_len: usize,
    /// Width of the shared embedding space both projections map into.
    pub projection_dim: usize,
    pub activation: Activation,
    pub layer_norm_eps: f64,
    /// Where the text tower is pooled: the first position holding this id, or, when `null`, the
    /// position of the largest id (OpenAI's rule: the end-of-text token has the largest id;
    /// Hugging Face applies it when a config says `eos_token_id: 2`, as the openai hub files do).
    pub eos_token_id: Option<usize>,
    /// Initial `logit_scale` (the logits are scaled by its exp): ln(1 / 0.07) = 2.6592.
    pub logit_scale_init: f64,
}

impl ClipConfig {
    /// OpenAI's settings around two towers: 49408 BPE tokens, 77 positions, quick GELU,
    /// eps 1e-5, argmax pooling, logit scale ln(1 / 0.07), 224 px RGB images.
    pub fn new(patch_size: usize, vision: Stack, text: Stack, projection_dim: usize) -> ClipConfig {
        ClipConfig {
            image_size: 224,
            patch_size,
            channels: 3,
            vision,
            text,
            vocab_size: 49408,
            max_positions: 77,
            seq_len: 77,
            projection_dim,
            activation: Activation::QuickGelu,
            layer_norm_eps: 1e-5,
            eos_token_id: None,
            logit_scale_init: 2.6592,
        }
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        validate_image(self.image_size, self.patch_size, self.channels)?;
        self.vision.validate("vision")?;
        self.text.validate("text")?;
        let counts = [
            ("vocab_size", self.vocab_size),
            ("max_positions", self.max_positions),
            ("seq_len", self.seq_len),
            ("projection_dim", self.projection_dim),
        ];
        for (field, v) in counts {
            ensure(v >= 1, field, || "must be at least 1".into())?;
        }
        ensure(self.seq_len <= self.max_positions, "seq_len", || {
            format!("{} exceeds max_positions = {}", self.seq_len, self.max_positions)
        })?;
        if let Some(e) = self.eos_token_id {
            ensure(e < self.vocab_size, "eos_token_id", || format!("{} is not below vocab_size = {}", e, self.vocab_size))?;
        }
        ensure(self.logit_scale_init.is_finite(), "logit_scale_init", || "must be finite".into())
    }

    pub fn num_patches(&self) -> usize {
        (self.image_size / self.patch_size).pow(2)
    }

    pub fn patch_dim(&self) -> usize {
        self.patch_size * self.patch_size * self.channels
    }

    /// Tokens in the image tower: the class token and every patch.
    pub fn tokens(&self) -> usize {
        self.num_patches() + 1
    }

    /// `embed`: both towers' embeddings; `encoder`: the image tower's blocks and its two norms;
    /// `head`: the text tower (blocks, final norm), both projections and `logit_scale`.
    pub fn params(&self) -> Params {
        let (dv, dt, p) = (self.vision.width as u64, self.text.width as u64, self.projection_dim as u64);
        Params {
            // class embedding, patch projection without bias, positions; tokens, positions.
            embed: dv + self.patch_dim() as u64 * dv + self.tokens() as u64 * dv + (self.vocab_size + self.max_positions) as u64 * dt,
            encoder: self.vision.params() + 4 * dv,
            decoder: 0,
            head: self.text.params() + 2 * dt + dv * p + dt * p + 1,
        }
    }

    /// The image tower on every patch + cls (`encoder`); the text tower on `seq_len` tokens
    /// counted as full attention, and both projections (`head`). The B x B similarity is left
    /// out with the loss.
    pub fn flops(&self) -> Flops {
        let (dv, dt, p) = (self.vision.width, self.text.width, self.projection_dim);
        Flops {
            embed: linear_flops(self.num_patches(), self.patch_dim(), dv),
            encoder: self.vision.flops(self.tokens()),
            decoder: 0,
            head: self.text.flops(self.seq_len) + linear_flops(1, dv, p) + linear_flops(1, dt, p),
        }
    }
}
