//! `bamboo visualize mae`: a PNG grid of original / masked / reconstruction for a few images.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};

use super::RuntimeArgs;
use crate::analysis::{checkpoint, images, reconstruct};
use crate::data::embedded::embedded;

#[derive(Subcommand)]
pub enum Visualize {
    /// MAE reconstructions: original, masked, reconstruction, reconstruction + visible patches.
    Mae(MaeArgs),
}

#[derive(Args)]
pub struct MaeArgs {
    #[command(flatten)]
    rt: RuntimeArgs,
    /// An MAE checkpoint (ckpt-* folder, run folder, or .safetensors with a sidecar).
    checkpoint: PathBuf,
    /// Images (ImageNet-schema TFRecords), at the model's image size.
    #[arg(long, default_value_t = embedded("datasets/fashion-mnist-tfrecord/validation-*"))]
    data: String,
    /// The PNG to write.
    #[arg(long)]
    out: PathBuf,
    /// How many images (grid rows).
    #[arg(long, default_value_t = 6)]
    images: usize,
    /// Masking noise seed.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Pixel enlargement; default: tiles of at least 112 pixels.
    #[arg(long)]
    scale: Option<usize>,
}

pub fn run(cmd: &Visualize) -> Result<()> {
    let Visualize::Mae(a) = cmd;
    let ck = checkpoint::open(&a.checkpoint)?;
    let cfg = reconstruct::mae_config(&ck)?;
    images::check_image_size(&a.data, cfg.image_size, &format!("{} ({})", ck.label, a.checkpoint.display()))?;
    let batch = images::eval_images(&a.data, a.images, cfg.image_size, cfg.channels, 1)?.remove(0);
    let (client, opts) = a.rt.options().connect()?;
    let r = reconstruct::reconstruct(&client, &opts, &ck, &batch, a.seed)?;
    let scale = a.scale.unwrap_or_else(|| 112usize.div_ceil(cfg.image_size).max(1));
    let grid = reconstruct::grid(&r, scale)?;
    grid.save(&a.out)?;
    eprintln!(
        "{}: {} images, mask ratio {}, loss on masked patches {:.4}; wrote {} ({}x{})",
        ck.label,
        r.batch,
        cfg.mask_ratio,
        r.loss,
        a.out.display(),
        grid.width,
        grid.height
    );
    Ok(())
}
