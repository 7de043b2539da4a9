//! Fixed-shape BERT pre-training batches from schema records. Parsing a record costs
//! microseconds, far less than a training step, so this reader runs on the caller's thread
//! (the image loader needs worker threads because JPEG decoding does not).
//!
//! Position: batch `step` of `epoch` holds the epoch's good records `step*B .. (step+1)*B` in the
//! deterministic order of `EpochStream` (files shuffled and records shuffled by seed and epoch).
//! Resuming re-reads the first `step*B` records of that epoch and continues exactly; an epoch's
//! last partial batch is dropped.

use super::records::{parse, Shape};
use crate::data::error::{DataError, ErrorKind, Result, SkipReport};
use crate::data::example::Example;
use crate::data::loader::Position;
use crate::data::shards::{EpochStream, StreamConfig};

#[derive(Clone, Debug)]
pub struct BertLoaderConfig {
    pub stream: StreamConfig,
    pub batch_size: usize,
    pub shape: Shape,
    /// Stop after this many epochs (None: forever).
    pub epochs: Option<u64>,
}

/// Row-major `[B, max_seq_length]` and `[B, max_predictions]` arrays, `[B]` labels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BertBatch {
    pub input_ids: Vec<i32>,
    pub input_mask: Vec<i32>,
    pub segment_ids: Vec<i32>,
    pub masked_lm_positions: Vec<i32>,
    pub masked_lm_ids: Vec<i32>,
    pub masked_lm_weights: Vec<f32>,
    pub next_sentence_labels: Vec<i32>,
    pub batch_size: usize,
    pub shape: Shape,
    /// This batch's position; resume from `position.next()`.
    pub position: Position,
}

impl BertBatch {
    fn new(b: usize, shape: Shape, position: Position) -> Self {
        BertBatch { batch_size: b, shape, position, ..BertBatch::default() }
    }

    /// Appends `rows` (records parsed by `records::parse`).
    fn append(&mut self, rows: BertBatch) {
        self.input_ids.extend(rows.input_ids);
        self.input_mask.extend(rows.input_mask);
        self.segment_ids.extend(rows.segment_ids);
        self.masked_lm_positions.extend(rows.masked_lm_positions);
        self.masked_lm_ids.extend(rows.masked_lm_ids);
        self.masked_lm_weights.extend(rows.masked_lm_weights);
        self.next_sentence_labels.extend(rows.next_sentence_labels);
    }
}

pub struct BertLoader {
    cfg: BertLoaderConfig,
    stream: Option<EpochStream>,
    pos: Position,
    report: SkipReport,
}

impl BertLoader {
    pub fn new(cfg: BertLoaderConfig, start: Position) -> Result<Self> {
        if cfg.stream.files.is_empty() {
            return Err(DataError::new(ErrorKind::EmptyShardList, "BERT loader given no files"));
        }
        if cfg.batch_size == 0 {
            return Err(DataError::new(ErrorKind::Format, "batch size must be positive"));
        }
        let mut l = BertLoader { cfg, stream: None, pos: Position { epoch: start.epoch, step: 0 }, report: SkipReport::default() };
        l.open_epoch()?;
        for _ in 0..start.step * l.cfg.batch_size as u64 {
            if l.next_record()?.is_none() {
                break;
            }
        }
        l.pos.step = start.step;
        Ok(l)
    }

    fn open_epoch(&mut self) -> Result<()> {
        self.stream = Some(EpochStream::new(&self.cfg.stream, self.pos.epoch)?);
        Ok(())
    }

    /// The next good record of the current epoch; bad ones are skipped and counted when
    /// `skip_bad` is set (they are skipped the same way on a resumed run, so positions agree).
    fn next_record(&mut self) -> Result<Option<BertBatch>> {
        let stream = self.stream.as_mut().expect("epoch open");
        loop {
            let Some(rec) = stream.next_record()? else { return Ok(None) };
            match Example::decode(&rec.data).and_then(|ex| parse(&ex, self.cfg.shape)).map_err(|e| e.at(&rec.loc)) {
                Ok(f) => return Ok(Some(f)),
                Err(e) if self.cfg.stream.skip_bad => self.report.add(&e),
                Err(e) => return Err(e),
            }
        }
    }

    /// The next batch; `Ok(None)` after the last epoch.
    pub fn next_batch(&mut self) -> Result<Option<BertBatch>> {
        let b = self.cfg.batch_size;
        loop {
            if self.cfg.epochs.is_some_and(|n| self.pos.epoch >= n) {
                return Ok(None);
            }
            let mut batch = BertBatch::new(b, self.cfg.shape, self.pos);
            while batch.next_sentence_labels.len() < b {
                match self.next_record()? {
                    Some(row) => batch.append(row),
                    None => break,
                }
            }
            if batch.next_sentence_labels.len() == b {
                self.pos = self.pos.next();
                return Ok(Some(batch));
            }
            if self.pos.step == 0 {
                return Err(DataError::new(
                    ErrorKind::Format,
                    format!("epoch {} has fewer than {} records (one batch)", self.pos.epoch, b),
                ));
            }
            if let Some(s) = &self.stream {
                self.report.merge(&s.report);
            }
            self.pos = Position { epoch: self.pos.epoch + 1, step: 0 };
            self.open_epoch()?;
        }
    }

    pub fn skip_report(&self) -> SkipReport {
        let mut r = self.report.clone();
        if let Some(s) = &self.stream {
            r.merge(&s.report);
        }
        r
    }
}

impl Iterator for BertLoader {
    type Item = Result<BertBatch>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_batch().transpose()
    }
}
