//! ViT for image classification (timm's `VisionTransformer` layout).

use serde::{Deserialize, Serialize};

use super::count::{Flops, Params};
use super::error::{ensure, ConfigError};
use super::stack::{linear_flops, linear_params, Norm, Stack};

/// How the classifier reads the tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Pool {
    /// Mean of the patch tokens (the cls token excluded), then a layer norm (`fc_norm`): the paper's ViT.
    Avg,
    /// The cls token after the final norm.
    Cls,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VitConfig {
    pub image_size: usize,
    pub patch_size: usize,
    pub channels: usize,
    pub encoder: Stack,
    pub num_classes: usize,
    pub pool: Pool,
    /// A cls token is kept even with average pooling (as timm and MAE fine-tuning do).
    pub class_token: bool,
    pub norm: Norm,
    pub layer_norm_eps: f64,
    pub drop_path: f64,
    pub dropout: f64,
}

impl VitConfig {
    /// A pre-LN ViT with average pooling, cls token and timm's defaults (eps 1e-6).
    pub fn new(image_size: usize, patch_size: usize, encoder: Stack, num_classes: usize) -> VitConfig {
        VitConfig {
            image_size,
            patch_size,
            channels: 3,
            encoder,
            num_classes,
            pool: Pool::Avg,
            class_token: true,
            norm: Norm::Pre,
            layer_norm_eps: 1e-6,
            drop_path: 0.0,
            dropout: 0.0,
        }
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        validate_image(self.image_size, self.patch_size, self.channels)?;
        self.encoder.validate("encoder")?;
        ensure(self.num_classes >= 1, "num_classes", || "must be at least 1".into())?;
        ensure(self.pool == Pool::Avg || self.class_token, "pool", || "`cls` pooling needs class_token = true".into())?;
        validate_rates(&[("drop_path", self.drop_path), ("dropout", self.dropout)])
    }

    pub fn num_patches(&self) -> usize {
        (self.image_size / self.patch_size).pow(2)
    }

    pub fn patch_dim(&self) -> usize {
        self.patch_size * self.patch_size * self.channels
    }

    /// Tokens in the encoder: every patch, plus the cls token when there is one.
    pub fn tokens(&self) -> usize {
        self.num_patches() + self.class_token as usize
    }

    pub fn params(&self) -> Params {
        let d = self.encoder.width as u64;
        let embed = linear_params(self.patch_dim(), self.encoder.width) + self.class_token as u64 * d + self.tokens() as u64 * d; // learned position embeddings (timm), cls included
        Params {
            embed,
            encoder: self.encoder.params() + 2 * d, // final norm (timm's fc_norm with avg pooling)
            decoder: 0,
            head: linear_params(self.encoder.width, self.num_classes),
        }
    }

    pub fn flops(&self) -> Flops {
        Flops {
            embed: linear_flops(self.num_patches(), self.patch_dim(), self.encoder.width),
            encoder: self.encoder.flops(self.tokens()),
            decoder: 0,
            head: linear_flops(1, self.encoder.width, self.num_classes),
        }
    }
}

pub(crate) fn validate_image(image_size: usize, patch_size: usize, channels: usize) -> Result<(), ConfigError> {
    ensure(patch_size >= 1, "patch_size", || "must be at least 1".into())?;
    ensure(channels >= 1, "channels", || "must be at least 1".into())?;
    ensure(image_size >= patch_size && image_size.is_multiple_of(patch_size), "image_size", || {
        format!("{image_size} is not divisible by patch_size = {patch_size}")
    })
}

pub(crate) fn validate_rates(rates: &[(&str, f64)]) -> Result<(), ConfigError> {
    for &(field, r) in rates {
        ensure((0.0..1.0).contains(&r), field, || format!("{r} is not a probability in [0, 1)"))?;
    }
    Ok(())
}
