//! The ImageNet TFRecord schema of the TPU `imagenet_to_gcs` converter: feature names, the
//! label+1 convention (0 is "background" there), shard names.

use super::error::{DataError, ErrorKind, Result};
use super::example::Example;

pub const ENCODED: &str = "image/encoded";
pub const FORMAT: &str = "image/format";
pub const LABEL: &str = "image/class/label";
pub const SYNSET: &str = "image/class/synset";
pub const HEIGHT: &str = "image/height";
pub const WIDTH: &str = "image/width";
pub const CHANNELS: &str = "image/channels";
pub const COLORSPACE: &str = "image/colorspace";
pub const FILENAME: &str = "image/filename";

/// What a converter knows about one image.
#[derive(Clone, Debug)]
pub struct ImageMeta<'a> {
    pub encoded: &'a [u8],
    /// "JPEG" or "PNG".
    pub format: &'a str,
    /// 0-based class; stored as `label + 1`.
    pub label: usize,
    pub synset: &'a str,
    pub height: usize,
    pub width: usize,
    pub channels: usize,
    pub filename: &'a str,
}

pub fn to_example(m: &ImageMeta) -> Example {
    Example::new()
        .with_bytes(ENCODED, m.encoded)
        .with_bytes(FORMAT, m.format.as_bytes())
        .with_int64(LABEL, &[m.label as i64 + 1])
        .with_bytes(SYNSET, m.synset.as_bytes())
        .with_int64(HEIGHT, &[m.height as i64])
        .with_int64(WIDTH, &[m.width as i64])
        .with_int64(CHANNELS, &[m.channels as i64])
        .with_bytes(COLORSPACE, if m.channels == 1 { &b"Grayscale"[..] } else { &b"RGB"[..] })
        .with_bytes(FILENAME, m.filename.as_bytes())
}

/// The encoded image and its 0-based label, checked against `num_classes`.
pub fn parse(ex: &Example, num_classes: usize) -> Result<(&[u8], usize)> {
    let encoded = ex.bytes1(ENCODED)?;
    let label = ex.int64_1(LABEL)?;
    if label < 1 || label as u64 > num_classes as u64 {
        return Err(DataError::new(
            ErrorKind::Feature,
            format!("feature '{}' is {}, expected 1..={} (label + 1)", LABEL, label, num_classes),
        ));
    }
    Ok((encoded, label as usize - 1))
}

/// `train-00003-of-00016`.
pub fn shard_name(split: &str, index: usize, count: usize) -> String {
    format!("{}-{:05}-of-{:05}", split, index, count)
}
