//! MAE pre-training (He et al.; Hugging Face `ViTMAEForPreTraining` layout).

use serde::{Deserialize, Serialize};

use super::count::{Flops, Params};
use super::error::{ensure, ConfigError};
use super::stack::{linear_flops, linear_params, Norm, Stack};
use super::vit::{validate_image, validate_rates, VitConfig};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaeConfig {
    pub image_size: usize,
    pub patch_size: usize,
    pub channels: usize,
    pub encoder: Stack,
    pub decoder: Stack,
    /// Fraction of patches hidden from the encoder; it keeps `int(P * (1 - mask_ratio))`.
    pub mask_ratio: f64,
    /// Targets are each patch's pixels normalized by their own mean and variance.
    pub norm_pix_loss: bool,
    pub norm: Norm,
    pub layer_norm_eps: f64,
    pub drop_path: f64,
}

impl MaeConfig {
    /// The paper's decoder: 8 blocks of width 512 with 16 heads.
    pub const DEFAULT_DECODER: Stack = Stack::new(8, 512, 16);

    /// MAE over the encoder of `vit`, with the default decoder, mask ratio 0.75 and norm_pix_loss.
    pub fn from_vit(vit: &VitConfig) -> MaeConfig {
        MaeConfig {
            image_size: vit.image_size,
            patch_size: vit.patch_size,
            channels: vit.channels,
            encoder: vit.encoder,
            decoder: Self::DEFAULT_DECODER,
            mask_ratio: 0.75,
            norm_pix_loss: true,
            norm: vit.norm,
            layer_norm_eps: vit.layer_norm_eps,
            drop_path: 0.0,
        }
    }

    pub fn with_decoder(mut self, decoder: Stack) -> MaeConfig {
        self.decoder = decoder;
        self
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        validate_image(self.image_size, self.patch_size, self.channels)?;
        self.encoder.validate("encoder")?;
        self.decoder.validate("decoder")?;
        // Zero would mask nothing and leave the loss (a mean over masked patches) undefined.
        ensure(self.mask_ratio > 0.0 && self.mask_ratio < 1.0, "mask_ratio", || format!("{} is not in (0, 1)", self.mask_ratio))?;
        ensure(self.visible_patches() < self.num_patches(), "mask_ratio", || {
            format!("{} masks no patch of {}", self.mask_ratio, self.num_patches())
        })?;
        ensure(self.visible_patches() >= 1, "mask_ratio", || {
            format!("{} leaves no visible patch of {}", self.mask_ratio, self.num_patches())
        })?;
        validate_rates(&[("drop_path", self.drop_path)])
    }

    pub fn num_patches(&self) -> usize {
        (self.image_size / self.patch_size).pow(2)
    }

    pub fn patch_dim(&self) -> usize {
        self.patch_size * self.patch_size * self.channels
    }

    /// Patches the encoder sees, as the reference computes it: `int(P * (1 - mask_ratio))`.
    pub fn visible_patches(&self) -> usize {
        (self.num_patches() as f64 * (1.0 - self.mask_ratio)) as usize
    }

    pub fn params(&self) -> Params {
        let (d, dd) = (self.encoder.width, self.decoder.width);
        Params {
            // Position tables are fixed sin-cos, not trained.
            embed: linear_params(self.patch_dim(), d) + d as u64,
            encoder: self.encoder.params() + 2 * d as u64,
            decoder: linear_params(d, dd)
                + dd as u64 // mask token
                + self.decoder.params()
                + 2 * dd as u64
                + linear_params(dd, self.patch_dim()),
            head: 0,
        }
    }

    /// Encoder on the visible patches + cls; decoder on every patch + cls (its prediction layer
    /// too: the reference drops the cls row only after predicting).
    pub fn flops(&self) -> Flops {
        let (d, dd) = (self.encoder.width, self.decoder.width);
        let (visible, all) = (self.visible_patches() + 1, self.num_patches() + 1);
        Flops {
            // The patch embedding runs on every patch before masking.
            embed: linear_flops(self.num_patches(), self.patch_dim(), d),
            encoder: self.encoder.flops(visible),
            decoder: linear_flops(visible, d, dd) + self.decoder.flops(all) + linear_flops(all, dd, self.patch_dim()),
            head: 0,
        }
    }
}
