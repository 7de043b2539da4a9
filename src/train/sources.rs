//! Batch sources: host batches in the order of an objective's inputs, with a position a
//! checkpoint records and a resumed run seeks to.

use anyhow::{Context, Result};
use serde_json::{json, Value};

use crate::data::augment::{Layout, Transform};
use crate::data::text::{BertBatch, BertLoader, BertLoaderConfig};
use crate::data::{list_files, Batch, ImageLoader, ImageLoaderConfig, Position, StreamConfig};
use crate::runtime::HostTensor;

/// A data position as checkpoints store it.
pub fn position_json(p: Position) -> Value {
    json!({ "epoch": p.epoch, "step": p.step })
}

/// The position stored by `position_json`.
pub fn parse_position(v: &Value) -> Result<Position> {
    Ok(Position {
        epoch: v["epoch"].as_u64().context("data position has no epoch")?,
        step: v["step"].as_u64().context("data position has no step")?,
    })
}

/// The shards matching `pattern` (globs, comma separated), read in a seeded shuffled order.
fn training_stream(pattern: &str, seed: u64) -> Result<StreamConfig> {
    let mut files = vec![];
    for p in pattern.split(',') {
        files.extend(list_files(p.trim()).with_context(|| format!("--data `{}`", p))?);
    }
    let mut stream = StreamConfig::new(files);
    stream.seed = seed;
    stream.shuffle_buffer = 1024;
    stream.shuffle_files = true;
    Ok(stream)
}

pub trait BatchSource {
    /// The next global batch; `None` once a source with a fixed number of epochs has given
    /// them all (the training sources repeat their data and never end).
    fn next_batch(&mut self) -> Result<Option<Vec<HostTensor>>>;
    /// Where the next batch comes from (stored in checkpoints).
    fn position(&self) -> Value;
    /// Continues from a stored position.
    fn seek(&mut self, pos: &Value) -> Result<()>;
    /// Reads only this process's share of the shards from now on.
    fn set_process(&mut self, shard: crate::data::ProcessShard);
}

/// What an image source adds to the images.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ImageTask {
    /// MAE: per-example uniform masking noise `[B, patches]`, drawn from (seed, epoch, step, i).
    Mae { patches: usize },
    /// Classification: integer labels `[B]`; with `drop_path: Some((depth, rate))` also the
    /// stochastic-depth factors `[B, depth, 2]`, drawn from (seed, epoch, step, i).
    /// With `mix`, the batch is mixed (Mixup / CutMix) and labels become soft targets
    /// `[B, classes]` (f32) instead.
    Labels { drop_path: Option<(usize, f64)>, mix: Option<crate::train::mix::MixConfig> },
    /// Image-text pairs: each label's caption as token ids `[B, seq_len]` (`data::captions`).
    Captions { seq_len: usize },
}

/// A record loader's configuration: the loader it starts at a position, and the stream whose
/// shard a process reads.
pub trait RecordLoading: Clone {
    type Loader;
    type Batch;
    fn start(&self, at: Position) -> Result<Self::Loader>;
    fn next_batch(loader: &mut Self::Loader) -> Result<Option<Self::Batch>>;
    /// Where `batch` stands in the stream.
    fn position(batch: &Self::Batch) -> Position;
    fn stream(&mut self) -> &mut StreamConfig;
}

impl RecordLoading for ImageLoaderConfig {
    type Loader = ImageLoader;
    type Batch = Batch;
    fn start(&self, at: Position) -> Result<ImageLoader> {
        Ok(ImageLoader::new(self.clone(), at)?)
    }
    fn next_batch(loader: &mut ImageLoader) -> Result<Option<Batch>> {
        Ok(loader.next_batch()?)
    }
    fn position(batch: &Batch) -> Position {
        batch.position
    }
    fn stream(&mut self) -> &mut StreamConfig {
        &mut self.stream
    }
}

impl RecordLoading for BertLoaderConfig {
    type Loader = BertLoader;
    type Batch = BertBatch;
    fn start(&self, at: Position) -> Result<BertLoader> {
        Ok(BertLoader::new(self.clone(), at)?)
    }
    fn next_batch(loader: &mut BertLoader) -> Result<Option<BertBatch>> {
        Ok(loader.next_batch()?)
    }
    fn position(batch: &BertBatch) -> Position {
        batch.position
    }
    fn stream(&mut self) -> &mut StreamConfig {
        &mut self.stream
    }
}

/// How a source turns a loader's batch into the objective's inputs.
pub trait ToTensors<B> {
    fn to_tensors(&self, batch: B) -> Result<Vec<HostTensor>>;
}

/// Batches of a record loader, shaped for a model by `shaping`. The loader reads ahead, so it
/// starts on demand at the position of the next batch, and again after a seek or a new shard.
pub struct RecordSource<C: RecordLoading, S> {
    cfg: C,
    loader: Option<C::Loader>,
    next: Position,
    shaping: S,
}

impl<C: RecordLoading, S: ToTensors<C::Batch>> BatchSource for RecordSource<C, S> {
    fn next_batch(&mut self) -> Result<Option<Vec<HostTensor>>> {
        if self.loader.is_none() {
            self.loader = Some(self.cfg.start(self.next)?);
        }
        let Some(b) = C::next_batch(self.loader.as_mut().expect("started above"))? else { return Ok(None) };
        self.next = C::position(&b).next();
        self.shaping.to_tensors(b).map(Some)
    }

    fn position(&self) -> Value {
        position_json(self.next)
    }

    fn seek(&mut self, pos: &Value) -> Result<()> {
        self.next = parse_position(pos)?;
        self.loader = None;
        Ok(())
    }

    fn set_process(&mut self, shard: crate::data::ProcessShard) {
        self.cfg.stream().shard = shard;
        self.loader = None;
    }
}

/// ImageNet-schema TFRecords through the threaded loader, shaped for a model: NCHW, with as
/// many channels as the model takes (grey data keeps one).
pub type ImageSource = RecordSource<ImageLoaderConfig, ImageTensors>;

/// How `ImageSource` shapes a batch for the model.
pub struct ImageTensors {
    channels: usize,
    task: ImageTask,
    seed: u64,
    /// Leading accumulation dim, when > 1.
    accum: usize,
    /// Append per-example dropout keys (`dropout_keys`) to each batch.
    with_dropout_keys: bool,
}

impl ImageSource {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        pattern: &str,
        batch: usize,
        image_size: usize,
        channels: usize,
        num_classes: usize,
        transform: Transform,
        task: ImageTask,
        seed: u64,
        accum: usize,
        epochs: Option<u64>,
    ) -> Result<ImageSource> {
        let stream = training_stream(pattern, seed)?;
        let mut cfg = ImageLoaderConfig::new(stream, batch * accum.max(1), image_size, transform);
        cfg.layout = Layout::Nchw;
        cfg.num_classes = num_classes;
        cfg.epochs = epochs;
        anyhow::ensure!(channels == 1 || channels == 3, "images have 1 or 3 channels, the model asks for {}", channels);
        let shaping = ImageTensors { channels, task, seed, accum: accum.max(1), with_dropout_keys: false };
        Ok(RecordSource { cfg, loader: None, next: Position::default(), shaping })
    }

    /// Also yields the per-example dropout keys the objective takes last (`dropout_keys`).
    pub fn with_dropout_keys(mut self) -> Self {
        self.shaping.with_dropout_keys = true;
        self
    }
}

impl ToTensors<Batch> for ImageTensors {
    fn to_tensors(&self, b: Batch) -> Result<Vec<HostTensor>> {
        let [n, _, h, w] = b.shape;
        let plane = h * w;
        let images: Vec<f32> = if self.channels == 1 {
            (0..n).flat_map(|i| b.images[i * 3 * plane..i * 3 * plane + plane].iter().copied()).collect()
        } else {
            b.images
        };
        let a = self.accum;
        let lead: Vec<i64> = if a > 1 { vec![a as i64, (n / a) as i64] } else { vec![n as i64] };
        let mut out = vec![HostTensor::from_slice(&[&lead[..], &[self.channels as i64, h as i64, w as i64]].concat(), &images)?];
        match self.task {
            ImageTask::Mae { patches } => {
                let noise = mae_noise(self.seed, b.position, n, patches);
                out.push(HostTensor::from_slice(&[&lead[..], &[patches as i64]].concat(), &noise)?);
            }
            ImageTask::Captions { seq_len } => {
                let ids = crate::data::captions::encode_labels(&b.labels, seq_len)?;
                out.push(HostTensor::from_slice(&[&lead[..], &[seq_len as i64]].concat(), &ids)?);
            }
            ImageTask::Labels { drop_path, mix } => {
                match mix {
                    None => out.push(HostTensor::from_slice(&lead, &b.labels)?),
                    Some(m) => {
                        let mut u = mae_noise(self.seed ^ 0x4D49_5855, b.position, 1, 64).into_iter().cycle();
                        let mut imgs: Vec<f32> = out[0].to_vec()?;
                        let t =
                            crate::train::mix::mix_batch(&mut imgs, &b.labels, [n, self.channels, h, w], &m, || u.next().unwrap() as f64);
                        out[0] = HostTensor::from_slice(&out[0].dims.clone(), &imgs)?;
                        out.push(HostTensor::from_slice(&[&lead[..], &[m.classes as i64]].concat(), &t)?);
                    }
                }
                if let Some((depth, rate)) = drop_path {
                    let keep = drop_path_factors(self.seed, b.position, n, depth, rate);
                    out.push(HostTensor::from_slice(&[&lead[..], &[depth as i64, 2]].concat(), &keep)?);
                }
            }
        }
        if self.with_dropout_keys {
            out.push(dropout_keys(self.seed, b.position, &lead)?);
        }
        Ok(out)
    }
}

/// SplitMix64 words for one batch, a pure function of (seed, tag, position).
fn batch_words(seed: u64, tag: u64, pos: Position, n: usize) -> impl Iterator<Item = u64> {
    let mut s = seed ^ tag ^ pos.epoch.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ pos.step.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    (0..n).map(move |_| {
        s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = s;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    })
}

/// Masking noise for one batch, a pure function of (seed, position), so that resumed and
/// multi-device runs mask exactly as an uninterrupted single-device run.
pub fn mae_noise(seed: u64, pos: Position, n: usize, patches: usize) -> Vec<f32> {
    batch_words(seed, 0x4D41_455F_4E4F_4953, pos, n * patches).map(|z| (z >> 40) as f32 / (1u64 << 24) as f32).collect()
}

/// Stochastic-depth factors for one batch, `[n, depth, 2]` row-major (see
/// `vit::drop_path_keep`): a pure function of (seed, position, example index), as a
/// classification batch brings them.
pub fn drop_path_factors(seed: u64, pos: Position, n: usize, depth: usize, rate: f64) -> Vec<f32> {
    let mut u = mae_noise(seed ^ 0x4452_4F50, pos, n, 2 * depth).into_iter();
    (0..n).flat_map(|_| crate::models::vit::drop_path_keep(depth, rate, || u.next().unwrap() as f64)).collect()
}

/// Dropout keys for one batch, `u32[lead..., 2]`: one Threefry key per example, a pure function
/// of (seed, position, example index), so resumed and multi-device runs drop the same units.
pub fn dropout_keys(seed: u64, pos: Position, lead: &[i64]) -> Result<HostTensor> {
    let n = lead.iter().product::<i64>() as usize;
    let words: Vec<u32> = batch_words(seed, 0x4452_4F50_4F55_5421, pos, n).flat_map(|z| [(z >> 32) as u32, z as u32]).collect();
    Ok(HostTensor::from_slice(&[lead, &[2]].concat(), &words)?)
}

/// BERT pre-training batches from records in the TF schema, in the order of `BertPretrain`'s
/// inputs (the input mask as a float, the rest as i32).
pub type BertSource = RecordSource<BertLoaderConfig, BertTensors>;

/// How `BertSource` shapes a batch for the model.
pub struct BertTensors {
    /// Seed of the per-example dropout keys, when the objective takes them.
    dropout_seed: Option<u64>,
}

impl BertSource {
    pub fn new(pattern: &str, batch: usize, seq_len: usize, max_predictions: usize, seed: u64) -> Result<BertSource> {
        let stream = training_stream(pattern, seed)?;
        let shape = crate::data::text::records::Shape { max_seq_length: seq_len, max_predictions };
        let cfg = BertLoaderConfig { stream, batch_size: batch, shape, epochs: None };
        Ok(RecordSource { cfg, loader: None, next: Position::default(), shaping: BertTensors { dropout_seed: None } })
    }

    /// Also yields per-example dropout keys (`dropout_keys`, last) drawn from `seed`.
    pub fn with_dropout_keys(mut self, seed: u64) -> Self {
        self.shaping.dropout_seed = Some(seed);
        self
    }
}

impl ToTensors<BertBatch> for BertTensors {
    fn to_tensors(&self, b: BertBatch) -> Result<Vec<HostTensor>> {
        let (n, l, p) = (b.batch_size as i64, b.shape.max_seq_length as i64, b.shape.max_predictions as i64);
        let mask: Vec<f32> = b.input_mask.iter().map(|&m| m as f32).collect();
        let mut out = vec![
            HostTensor::from_slice(&[n, l], &b.input_ids)?,
            HostTensor::from_slice(&[n, l], &mask)?,
            HostTensor::from_slice(&[n, l], &b.segment_ids)?,
            HostTensor::from_slice(&[n, p], &b.masked_lm_positions)?,
            HostTensor::from_slice(&[n, p], &b.masked_lm_ids)?,
            HostTensor::from_slice(&[n, p], &b.masked_lm_weights)?,
            HostTensor::from_slice(&[n], &b.next_sentence_labels)?,
        ];
        if let Some(seed) = self.dropout_seed {
            out.push(dropout_keys(seed, b.position, &[n])?);
        }
        Ok(out)
    }
}

/// Causal-LM batches from packed text windows (`data::text::lm`): `input_ids` `[B, S]` (i32),
/// then the dropout keys when asked. Each epoch visits every window once, in an order drawn
/// from (seed, epoch); a position is (epoch, step within the epoch), so a resume repeats it.
pub struct LmSource {
    packed: crate::data::text::lm::Packed,
    batch: usize,
    /// Leading accumulation dim, when > 1.
    accum: usize,
    seed: u64,
    next: Position,
    shard: crate::data::ProcessShard,
    dropout_seed: Option<u64>,
}

impl LmSource {
    /// `batch` windows per step (all micro-batches). Fails, naming `source`, when the text holds
    /// fewer windows than one batch.
    pub fn new(packed: crate::data::text::lm::Packed, batch: usize, accum: usize, seed: u64, source: &str) -> Result<LmSource> {
        let n = packed.sequences();
        anyhow::ensure!(
            n >= batch,
            "{}: {} tokens make {} sequence(s) of {} tokens, fewer than one batch of {} (use a longer text, a smaller --batch or a shorter --seq-len)",
            source,
            packed.tokens,
            n,
            packed.seq_len,
            batch
        );
        Ok(LmSource { packed, batch, accum: accum.max(1), seed, next: Position::default(), shard: Default::default(), dropout_seed: None })
    }

    /// Also yields per-example dropout keys (`dropout_keys`, last) drawn from `seed`.
    pub fn with_dropout_keys(mut self, seed: u64) -> Self {
        self.dropout_seed = Some(seed);
        self
    }

    /// This process's windows of `epoch`, in that epoch's order.
    fn order(&self, epoch: u64) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.packed.sequences()).collect();
        crate::data::rng::Rng::derive(self.seed, &[0x4C4D_5345_5153, epoch]).shuffle(&mut v);
        v.into_iter().skip(self.shard.index).step_by(self.shard.count.max(1)).collect()
    }

    /// Whole batches per epoch for this process.
    fn steps_per_epoch(&self) -> u64 {
        (self.order(0).len() / self.batch) as u64
    }
}

impl BatchSource for LmSource {
    fn next_batch(&mut self) -> Result<Option<Vec<HostTensor>>> {
        let per_epoch = self.steps_per_epoch();
        anyhow::ensure!(per_epoch > 0, "this process's share of the text holds fewer sequences than one batch of {}", self.batch);
        if self.next.step >= per_epoch {
            self.next = Position { epoch: self.next.epoch + 1, step: 0 };
        }
        let pos = self.next;
        let order = self.order(pos.epoch);
        let start = pos.step as usize * self.batch;
        let ids: Vec<i32> =
            order[start..start + self.batch].iter().flat_map(|&i| self.packed.sequence(i).iter().map(|&t| t as i32)).collect();
        let a = self.accum;
        let lead: Vec<i64> = if a > 1 { vec![a as i64, (self.batch / a) as i64] } else { vec![self.batch as i64] };
        let mut out = vec![HostTensor::from_slice(&[&lead[..], &[self.packed.seq_len as i64]].concat(), &ids)?];
        if let Some(seed) = self.dropout_seed {
            out.push(dropout_keys(seed, pos, &lead)?);
        }
        self.next = pos.next();
        Ok(Some(out))
    }

    fn position(&self) -> Value {
        position_json(self.next)
    }

    fn seek(&mut self, pos: &Value) -> Result<()> {
        self.next = parse_position(pos)?;
        Ok(())
    }

    fn set_process(&mut self, shard: crate::data::ProcessShard) {
        self.shard = shard;
    }
}
