//! Labelled images as raw pixel vectors (0..1, row-major HWC), in file order: the input of the
//! pixel floor, a classifier that sees exactly what the images hold and nothing learned.

use std::path::PathBuf;

use anyhow::{anyhow, bail, Context, Result};

use super::image::decode;
use super::tfrecord::RecordReader;
use super::{imagenet, list_files, Example};

/// `n` images of `dim` pixels each, flattened into `x` (`n * dim`), with their 0-based labels.
#[derive(Clone, Debug, PartialEq)]
pub struct LabeledPixels {
    pub x: Vec<f64>,
    pub y: Vec<usize>,
    pub dim: usize,
}

impl LabeledPixels {
    pub fn len(&self) -> usize {
        self.y.len()
    }

    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }

    pub fn row(&self, i: usize) -> &[f64] {
        &self.x[i * self.dim..(i + 1) * self.dim]
    }
}

/// Every record of the shards that `pattern` names (globs, comma separated). All images must
/// share one size and channel count: a floor over resampled pixels would not be the raw pixels.
pub fn labeled_pixels(pattern: &str, num_classes: usize) -> Result<LabeledPixels> {
    let mut out = LabeledPixels { x: vec![], y: vec![], dim: 0 };
    let mut shape = None;
    for file in files(pattern)? {
        let mut r = RecordReader::open(&file, true).with_context(|| format!("{}", file.display()))?;
        while let Some(rec) = r.next_record().with_context(|| format!("{}", file.display()))? {
            let at = || format!("{} record {}", file.display(), r.index());
            let ex = Example::decode(&rec).with_context(at)?;
            let (bytes, label) = imagenet::parse(&ex, num_classes).with_context(at)?;
            let img = decode(bytes).with_context(at)?;
            let this = (img.width, img.height, img.channels);
            match shape {
                None => shape = Some(this),
                Some(s) if s != this => bail!(
                    "{}: a {}x{}x{} image among {}x{}x{} ones; the pixel floor needs one size",
                    at(),
                    this.0,
                    this.1,
                    this.2,
                    s.0,
                    s.1,
                    s.2
                ),
                Some(_) => {}
            }
            out.x.extend(img.data.iter().map(|&v| v as f64 / 255.0));
            out.y.push(label);
        }
    }
    let (w, h, c) = shape.ok_or_else(|| anyhow!("`{}` holds no images", pattern))?;
    out.dim = w * h * c;
    Ok(out)
}

fn files(pattern: &str) -> Result<Vec<PathBuf>> {
    let mut v = vec![];
    for p in pattern.split(',') {
        v.extend(list_files(p.trim()).with_context(|| format!("`{}`", p.trim()))?);
    }
    Ok(v)
}
