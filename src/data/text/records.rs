//! The BERT pre-training TFRecord schema (`create_pretraining_data.py`'s layout), both ways:
//!
//! | feature | type | length |
//! | --- | --- | --- |
//! | `input_ids`, `input_mask`, `segment_ids` | int64 | max_seq_length, zero padded |
//! | `masked_lm_positions`, `masked_lm_ids` | int64 | max_predictions_per_seq, zero padded |
//! | `masked_lm_weights` | float | max_predictions_per_seq, 1.0 real / 0.0 padding |
//! | `next_sentence_labels` | int64 | 1 (1 = B is a random next) |

use std::path::{Path, PathBuf};

use super::loader::BertBatch;
use super::pretraining::Instance;
use crate::data::error::{DataError, ErrorKind, Result};
use crate::data::example::Example;
use crate::data::loader::Position;
use crate::data::tfrecord::RecordWriter;

/// Feature names in the order the schema lists them.
pub const FEATURES: [&str; 7] =
    ["input_ids", "input_mask", "segment_ids", "masked_lm_positions", "masked_lm_ids", "masked_lm_weights", "next_sentence_labels"];

/// Fixed lengths of the padded features.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    pub max_seq_length: usize,
    pub max_predictions: usize,
}

fn padded(v: impl Iterator<Item = i64>, n: usize) -> Vec<i64> {
    let mut out: Vec<i64> = v.collect();
    out.resize(n, 0);
    out
}

pub fn to_example(inst: &Instance, shape: Shape) -> Example {
    let (l, p) = (shape.max_seq_length, shape.max_predictions);
    let n_pred = inst.masked_positions.len();
    let mut weights = vec![1.0f32; n_pred];
    weights.resize(p, 0.0);
    Example::new()
        .with_int64("input_ids", &padded(inst.tokens.iter().map(|&t| t as i64), l))
        .with_int64("input_mask", &padded(inst.tokens.iter().map(|_| 1), l))
        .with_int64("segment_ids", &padded(inst.segment_ids.iter().map(|&s| s as i64), l))
        .with_int64("masked_lm_positions", &padded(inst.masked_positions.iter().map(|&x| x as i64), p))
        .with_int64("masked_lm_ids", &padded(inst.masked_labels.iter().map(|&x| x as i64), p))
        .with_float("masked_lm_weights", &weights)
        .with_int64("next_sentence_labels", &[inst.is_random_next as i64])
}

fn ints(ex: &Example, name: &str, n: usize) -> Result<Vec<i32>> {
    ex.int64s(name, Some(n))?
        .iter()
        .map(|&v| {
            i32::try_from(v).map_err(|_| DataError::new(ErrorKind::Feature, format!("feature '{}' value {} does not fit i32", name, v)))
        })
        .collect()
}

/// One record as a batch of one (at the default position). Checks names, types and lengths;
/// errors are `Feature` and name the feature.
pub fn parse(ex: &Example, shape: Shape) -> Result<BertBatch> {
    let (l, p) = (shape.max_seq_length, shape.max_predictions);
    let f = BertBatch {
        input_ids: ints(ex, "input_ids", l)?,
        input_mask: ints(ex, "input_mask", l)?,
        segment_ids: ints(ex, "segment_ids", l)?,
        masked_lm_positions: ints(ex, "masked_lm_positions", p)?,
        masked_lm_ids: ints(ex, "masked_lm_ids", p)?,
        masked_lm_weights: ex.floats("masked_lm_weights", Some(p))?.to_vec(),
        next_sentence_labels: ints(ex, "next_sentence_labels", 1)?,
        batch_size: 1,
        shape,
        position: Position::default(),
    };
    if let Some(&pos) = f.masked_lm_positions.iter().find(|&&x| x < 0 || x as usize >= l) {
        return Err(DataError::new(ErrorKind::Feature, format!("feature 'masked_lm_positions' has {} outside 0..{}", pos, l)));
    }
    Ok(f)
}

/// Shard paths `DIR/pretraining-0000i-of-0000n.tfrecord`.
pub fn shard_paths(dir: &Path, shards: usize) -> Vec<PathBuf> {
    (0..shards).map(|i| dir.join(format!("pretraining-{:05}-of-{:05}.tfrecord", i, shards))).collect()
}

/// Writes instances round-robin over `shards` files in `dir`; returns the paths and bytes written.
pub fn write_shards(dir: &Path, instances: &[Instance], shape: Shape, shards: usize) -> Result<(Vec<PathBuf>, u64)> {
    std::fs::create_dir_all(dir).map_err(|e| DataError::io(dir, e))?;
    let paths = shard_paths(dir, shards.max(1));
    let mut writers = paths.iter().map(|p| RecordWriter::create(p)).collect::<Result<Vec<_>>>()?;
    let n = writers.len();
    for (k, inst) in instances.iter().enumerate() {
        let bytes = to_example(inst, shape).encode();
        writers[k % n].write(&bytes).map_err(|e| DataError::io(&paths[k % n], e))?;
    }
    let mut total = 0;
    for (w, p) in writers.into_iter().zip(&paths) {
        total += w.bytes();
        w.finish().map_err(|e| DataError::io(p, e))?;
    }
    Ok((paths, total))
}
