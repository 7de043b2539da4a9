//! Evaluation images for analyses: the same examples in the same order for every model, at the
//! data set's own size.
//!
//! The training loader resizes whatever it reads; an analysis that quietly resamples 32 px
//! images to a 28 px model measures something else than the model saw in training, so a size
//! mismatch is an error here, naming both sizes.

use anyhow::{anyhow, bail, Context, Result};

use crate::data::augment::{Filter, Layout, Transform};
use crate::data::image::decode;
use crate::data::tfrecord::RecordReader;
use crate::data::{imagenet, list_files, Example, ImageLoader, ImageLoaderConfig, Position, StreamConfig};
use crate::runtime::HostTensor;

/// The files a `--data` pattern (globs, comma separated) names.
fn files(pattern: &str) -> Result<Vec<std::path::PathBuf>> {
    let mut v = vec![];
    for p in pattern.split(',') {
        v.extend(list_files(p.trim()).with_context(|| format!("--data `{}`", p.trim()))?);
    }
    Ok(v)
}

/// Width and height of the first image in the data set.
pub fn first_image_size(pattern: &str) -> Result<(usize, usize)> {
    let files = files(pattern)?;
    let first = files.first().ok_or_else(|| anyhow!("--data `{}` names no files", pattern))?;
    let mut r = RecordReader::open(first, true)?;
    let rec = r.next_record()?.with_context(|| format!("{}: no records", first.display()))?;
    let named = || first.display().to_string();
    let ex = Example::decode(&rec).with_context(named)?;
    let (bytes, _) = imagenet::parse(&ex, usize::MAX).with_context(named)?;
    let img = decode(bytes).with_context(named)?;
    Ok((img.width, img.height))
}

/// Fails unless the data set's images are `size x size`, the model's input size.
pub fn check_image_size(pattern: &str, size: usize, who: &str) -> Result<()> {
    let (w, h) = first_image_size(pattern)?;
    if w != size || h != size {
        bail!(
            "--data `{}` holds {}x{} images but {} takes {}x{} images: pass a data set of the model's size",
            pattern,
            w,
            h,
            who,
            size,
            size
        );
    }
    Ok(())
}

/// Up to `max_batches` batches of `batch` images `[B, C, S, S]`, ImageNet-normalized as in
/// training, no crop and no flip, one pass in file order (an epoch's last partial batch is
/// dropped, so a small set may give fewer batches than asked).
pub fn eval_images(pattern: &str, batch: usize, size: usize, channels: usize, max_batches: usize) -> Result<Vec<HostTensor>> {
    anyhow::ensure!(channels == 1 || channels == 3, "images have 1 or 3 channels, the model asks for {}", channels);
    anyhow::ensure!(batch > 0 && max_batches > 0, "batch size and batch count must be positive");
    let mut cfg = ImageLoaderConfig::new(
        StreamConfig::new(files(pattern)?),
        batch,
        size,
        Transform::Eval { crop_ratio: 1.0, filter: Filter::Bilinear },
    );
    cfg.layout = Layout::Nchw;
    cfg.epochs = Some(1);
    let mut loader = ImageLoader::new(cfg, Position::default())?;
    let mut out = vec![];
    while out.len() < max_batches {
        let Some(b) = loader.next_batch()? else { break };
        let [n, _, h, w] = b.shape;
        let plane = h * w;
        // The loader always yields 3 channels; a grey model reads the first (grey is replicated).
        let pixels: Vec<f32> = (0..n).flat_map(|i| b.images[i * 3 * plane..(i * 3 + channels) * plane].iter().copied()).collect();
        out.push(HostTensor::from_slice(&[n as i64, channels as i64, h as i64, w as i64], &pixels)?);
    }
    if out.is_empty() {
        bail!("--data `{}` holds fewer than {} images: not one full batch", pattern, batch);
    }
    Ok(out)
}
