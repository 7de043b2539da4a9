//! What the `bamboo data` commands do around the pipeline: inspect records, time the image
//! loader and raw shard reads, copy files between local folders and buckets.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};

use super::{list_files, EpochStream, Example, ImageLoader, ImageLoaderConfig, Position, ProcessShard, SkipReport, StreamConfig};

/// What a pass over some TFRecord files found.
pub struct Inspection {
    pub files: usize,
    pub records: u64,
    /// Bytes of record data (framing left out).
    pub bytes: u64,
    /// Every feature name, its type and its value count in the first record that has it.
    pub features: BTreeMap<String, (String, usize)>,
    pub bad: SkipReport,
}

/// Reads every record of `patterns` (comma separated), parsing each as a tf.Example.
pub fn inspect(patterns: &str, verify_crc: bool, skip_bad: bool) -> Result<Inspection> {
    let files = list_files(patterns)?;
    let mut cfg = StreamConfig::new(files.clone());
    cfg.cycle_length = 1;
    cfg.verify_crc = verify_crc;
    cfg.skip_bad = skip_bad;
    let mut stream = EpochStream::new(&cfg, 0)?;
    let (mut n, mut bytes) = (0u64, 0u64);
    let mut names = BTreeMap::<String, (String, usize)>::new();
    let mut bad = SkipReport::default();
    while let Some(r) = stream.next_record()? {
        n += 1;
        bytes += r.data.len() as u64;
        match Example::decode(&r.data) {
            Ok(ex) => {
                for (k, f) in &ex.features {
                    names.entry(k.clone()).or_insert((f.type_name().to_string(), f.len()));
                }
            }
            Err(e) if skip_bad => bad.add(&e.at(&r.loc)),
            Err(e) => return Err(e.at(&r.loc).into()),
        }
    }
    bad.merge(&stream.report);
    Ok(Inspection { files: files.len(), records: n, bytes, features: names, bad })
}

/// The shuffled stream over the shards `patterns` names (comma separated) that this process reads,
/// `process` being "I/N" (its index and the process count), and the position `start`
/// ("EPOCH:STEP") to read from.
pub fn shard_stream(patterns: &str, process: &str, start: &str) -> Result<(StreamConfig, Position)> {
    let (index, count) = parse_pair(process, '/', "--process")?;
    let (epoch, step) = parse_pair(start, ':', "--start")?;
    let mut stream = StreamConfig::new(list_files(patterns)?);
    stream.shard = ProcessShard::new(index as usize, count as usize)?;
    stream.shuffle_files = true;
    Ok((stream, Position { epoch, step }))
}

/// "A{sep}B" as two numbers; `what` names the flag it came from.
fn parse_pair(s: &str, sep: char, what: &str) -> Result<(u64, u64)> {
    let (a, b) = s.split_once(sep).with_context(|| format!("{} must look like A{}B, got {}", what, sep, s))?;
    Ok((a.parse()?, b.parse()?))
}

/// A timed loader run: how much it produced and where it stopped.
pub struct LoadRun {
    pub examples: usize,
    pub seconds: f64,
    /// The position of the last batch read, if any.
    pub last: Option<Position>,
    pub skipped: SkipReport,
}

impl LoadRun {
    /// Where a loader run would resume: the batch after the last, or the start when none was read.
    pub fn resume_point(&self) -> String {
        self.last.map_or("the start".into(), |p| p.next().to_string())
    }
}

/// Runs the image loader for at most `steps` batches from `start`, timed.
pub fn time_image_loader(cfg: ImageLoaderConfig, start: Position, steps: u64) -> Result<LoadRun> {
    let mut loader = ImageLoader::new(cfg, start)?;
    let t = Instant::now();
    let mut images = 0usize;
    let mut last = None;
    for _ in 0..steps {
        let Some(b) = loader.next_batch()? else { break };
        images += b.labels.len();
        last = Some(b.position);
    }
    let seconds = t.elapsed().as_secs_f64();
    Ok(LoadRun { examples: images, seconds, last, skipped: loader.skip_report() })
}

/// The best of several raw passes over some shards.
pub struct ReadRun {
    pub files: usize,
    pub records: u64,
    /// Record bytes with their 16 bytes of framing each.
    pub bytes: u64,
    pub best_seconds: f64,
    pub passes: usize,
}

/// Reads every record of `patterns` `repeat` times (at least once), `cycle_length` shards at
/// once, CRCs verified; keeps the fastest pass.
pub fn time_reads(patterns: &str, cycle_length: usize, repeat: usize) -> Result<ReadRun> {
    let files = list_files(patterns)?;
    let mut best = f64::INFINITY;
    let (mut n, mut bytes) = (0u64, 0u64);
    for _ in 0..repeat.max(1) {
        let mut cfg = StreamConfig::new(files.clone());
        cfg.cycle_length = cycle_length;
        let t = Instant::now();
        let mut stream = EpochStream::new(&cfg, 0)?;
        (n, bytes) = (0, 0);
        while let Some(rec) = stream.next_record()? {
            n += 1;
            bytes += rec.data.len() as u64 + 16;
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    Ok(ReadRun { files: files.len(), records: n, bytes, best_seconds: best, passes: repeat.max(1) })
}

/// Copies the files `patterns` names into the folder or bucket prefix `dest`; returns the file
/// count and the bytes copied.
pub fn copy_files(patterns: &str, dest: &Path) -> Result<(usize, usize)> {
    crate::storage::create_dir_all(dest)?;
    let files = list_files(patterns)?;
    let mut total = 0usize;
    for f in &files {
        let name = crate::storage::Location::from_path(f)?.file_name().with_context(|| format!("{}: no file name", f.display()))?;
        let bytes = crate::storage::read(f)?;
        total += bytes.len();
        crate::storage::write(&dest.join(&name), &bytes)?;
    }
    Ok((files.len(), total))
}
