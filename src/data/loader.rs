//! The threaded image loader: one reader thread (interleave + shuffle, cheap), N worker threads
//! (parse, decode, augment: the expensive part), bounded channels between them for back-pressure,
//! and reordering on the consumer side so batches come out in the same order whatever the thread
//! timing. Batches have a fixed shape; an epoch's last partial batch is dropped.
//!
//! Position: batch `step` of `epoch` is made of records `step*B .. (step+1)*B` of that epoch's
//! deterministic record order, and example `i`'s random crop and flip come from
//! `Rng::derive(seed, [3, epoch, i])`. So resuming at (epoch, step) re-reads the epoch's first
//! `step*B` records without decoding them, and continues exactly.

use std::collections::BTreeMap;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::augment::{Layout, Transform};
use super::error::{DataError, ErrorKind, Result, SkipReport};
use super::example::Example;
use super::image;
use super::imagenet;
use super::rng::Rng;
use super::shards::{EpochStream, Record, StreamConfig};

/// Where a run is in its data: the next batch to produce. A checkpoint stores this.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub epoch: u64,
    pub step: u64,
}

/// As a person reads it: `epoch 2, step 40`.
impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "epoch {}, step {}", self.epoch, self.step)
    }
}

#[derive(Clone, Debug)]
pub struct ImageLoaderConfig {
    pub stream: StreamConfig,
    pub batch_size: usize,
    pub image_size: usize,
    pub transform: Transform,
    pub layout: Layout,
    pub num_classes: usize,
    pub workers: usize,
    /// Batches decoded ahead of the consumer.
    pub prefetch: usize,
    /// Stop after this many epochs (None: forever).
    pub epochs: Option<u64>,
}

impl ImageLoaderConfig {
    pub fn new(stream: StreamConfig, batch_size: usize, image_size: usize, transform: Transform) -> Self {
        ImageLoaderConfig {
            stream,
            batch_size,
            image_size,
            transform,
            layout: Layout::Nhwc,
            num_classes: 1000,
            workers: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            prefetch: 4,
            epochs: None,
        }
    }
}

/// A fixed-shape batch: `images` is `[B, S, S, 3]` (NHWC) or `[B, 3, S, S]` (NCHW) f32,
/// normalized; `labels` are 0-based.
#[derive(Clone, Debug)]
pub struct Batch {
    pub images: Vec<f32>,
    pub labels: Vec<i32>,
    pub shape: [usize; 4],
    /// This batch's position; resume from `next()` of it.
    pub position: Position,
    /// Examples of this batch that were bad and replaced (only with `skip_bad`).
    pub replaced: usize,
}

impl Position {
    pub fn next(self) -> Position {
        Position { epoch: self.epoch, step: self.step + 1 }
    }
}

struct RawBatch {
    seq: u64,
    position: Position,
    first_index: u64,
    records: Vec<Record>,
}

enum Msg {
    Batch(u64, Result<Batch>),
    /// The reader reached the end (or failed); carries its skip report.
    End(u64, Option<DataError>, SkipReport),
}

pub struct ImageLoader {
    rx: Option<Receiver<Msg>>,
    threads: Vec<JoinHandle<()>>,
    pending: BTreeMap<u64, Result<Batch>>,
    next_seq: u64,
    end: Option<(u64, Option<DataError>)>,
    report: Arc<Mutex<SkipReport>>,
}

impl ImageLoader {
    pub fn new(cfg: ImageLoaderConfig, start: Position) -> Result<Self> {
        if cfg.stream.files.is_empty() {
            return Err(DataError::new(ErrorKind::EmptyShardList, "image loader given no files"));
        }
        if cfg.batch_size == 0 || cfg.image_size == 0 {
            return Err(DataError::new(ErrorKind::Format, "batch size and image size must be positive"));
        }
        let prefetch = cfg.prefetch.max(1);
        let (raw_tx, raw_rx) = sync_channel::<RawBatch>(prefetch);
        let (out_tx, out_rx) = sync_channel::<Msg>(prefetch);
        let report = Arc::new(Mutex::new(SkipReport::default()));
        let mut threads = Vec::new();
        {
            let cfg = cfg.clone();
            let out_tx = out_tx.clone();
            threads.push(std::thread::spawn(move || read_batches(&cfg, start, raw_tx, out_tx)));
        }
        let raw_rx = Arc::new(Mutex::new(raw_rx));
        for _ in 0..cfg.workers.max(1) {
            let (cfg, raw_rx, out_tx, report) = (cfg.clone(), raw_rx.clone(), out_tx.clone(), report.clone());
            threads.push(std::thread::spawn(move || {
                let mut scratch = Vec::new();
                loop {
                    let raw = match raw_rx.lock().unwrap().recv() {
                        Ok(r) => r,
                        Err(_) => return,
                    };
                    let seq = raw.seq;
                    let b = make_batch(&cfg, raw, &mut scratch, &report);
                    if out_tx.send(Msg::Batch(seq, b)).is_err() {
                        return;
                    }
                }
            }));
        }
        Ok(ImageLoader { rx: Some(out_rx), threads, pending: BTreeMap::new(), next_seq: 0, end: None, report })
    }

    /// The next batch in order; `Ok(None)` after the last epoch.
    pub fn next_batch(&mut self) -> Result<Option<Batch>> {
        loop {
            if let Some(b) = self.pending.remove(&self.next_seq) {
                self.next_seq += 1;
                return b.map(Some);
            }
            if let Some((last, err)) = &mut self.end {
                if self.next_seq >= *last {
                    return match err.take() {
                        Some(e) => Err(e),
                        None => Ok(None),
                    };
                }
            }
            let Some(rx) = &self.rx else { return Ok(None) };
            match rx.recv() {
                Ok(Msg::Batch(seq, b)) => {
                    self.pending.insert(seq, b);
                }
                Ok(Msg::End(n, e, rep)) => {
                    self.report.lock().unwrap().merge(&rep);
                    self.end = Some((n, e));
                }
                Err(_) => return Ok(None),
            }
        }
    }

    /// What `skip_bad` skipped so far (records at read time, examples at decode time).
    pub fn skip_report(&self) -> SkipReport {
        self.report.lock().unwrap().clone()
    }
}

impl Iterator for ImageLoader {
    type Item = Result<Batch>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_batch().transpose()
    }
}

impl Drop for ImageLoader {
    fn drop(&mut self) {
        // Closing our end makes workers fail to send and exit, which closes the reader's channel.
        drop(self.rx.take());
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

fn read_batches(cfg: &ImageLoaderConfig, start: Position, raw_tx: SyncSender<RawBatch>, out_tx: SyncSender<Msg>) {
    let b = cfg.batch_size;
    let mut seq = 0u64;
    let mut report = SkipReport::default();
    let mut epoch = start.epoch;
    let result: Result<()> = (|| loop {
        if let Some(n) = cfg.epochs {
            if epoch >= n {
                return Ok(());
            }
        }
        let mut stream = EpochStream::new(&cfg.stream, epoch)?;
        let first_step = if epoch == start.epoch { start.step } else { 0 };
        let mut index = 0u64;
        let mut produced = 0u64;
        // Skip records already consumed before the resume point: read, never decoded.
        while index < first_step * b as u64 {
            if stream.next_record()?.is_none() {
                break;
            }
            index += 1;
        }
        let mut step = first_step;
        loop {
            let mut records = Vec::with_capacity(b);
            let first_index = index;
            while records.len() < b {
                match stream.next_record()? {
                    Some(r) => records.push(r),
                    None => break,
                }
                index += 1;
            }
            if records.len() < b {
                break;
            }
            let raw = RawBatch { seq, position: Position { epoch, step }, first_index, records };
            if raw_tx.send(raw).is_err() {
                return Ok(());
            }
            seq += 1;
            step += 1;
            produced += 1;
        }
        report.merge(&stream.report);
        if produced == 0 && first_step == 0 {
            return Err(DataError::new(
                ErrorKind::Format,
                format!("epoch {} has fewer than {} records (one batch) for this process", epoch, b),
            ));
        }
        epoch += 1;
    })();
    let _ = out_tx.send(Msg::End(seq, result.err(), report));
}

fn make_batch(cfg: &ImageLoaderConfig, raw: RawBatch, scratch: &mut Vec<f32>, report: &Mutex<SkipReport>) -> Result<Batch> {
    let (b, s) = (cfg.batch_size, cfg.image_size);
    let per = 3 * s * s;
    let mut images = vec![0f32; b * per];
    let mut labels = vec![0i32; b];
    let mut bad = Vec::new();
    for (i, rec) in raw.records.iter().enumerate() {
        let index = raw.first_index + i as u64;
        let r = (|| -> Result<()> {
            let ex = Example::decode(&rec.data)?;
            let (bytes, label) = imagenet::parse(&ex, cfg.num_classes)?;
            let img = image::decode(bytes)?;
            let mut rng = Rng::derive(cfg.stream.seed, &[3, raw.position.epoch, index]);
            cfg.transform.apply(&img, s, cfg.layout, &mut rng, &mut images[i * per..(i + 1) * per], scratch);
            labels[i] = label as i32;
            Ok(())
        })()
        .map_err(|e| e.at(&rec.loc));
        match r {
            Ok(()) => {}
            Err(e) if cfg.stream.skip_bad => {
                report.lock().unwrap().add(&e);
                bad.push(i);
            }
            Err(e) => return Err(e),
        }
    }
    // A bad example is replaced by the next good one of the batch, so the shape stays fixed.
    if bad.len() == b {
        return Err(DataError::new(ErrorKind::Format, format!("every example of batch {:?} is bad", raw.position)));
    }
    for &i in &bad {
        let j = (1..b).map(|k| (i + k) % b).find(|j| !bad.contains(j)).unwrap();
        images.copy_within(j * per..(j + 1) * per, i * per);
        labels[i] = labels[j];
    }
    let shape = match cfg.layout {
        Layout::Nhwc => [b, s, s, 3],
        Layout::Nchw => [b, 3, s, s],
    };
    Ok(Batch { images, labels, shape, position: raw.position, replaced: bad.len() })
}
