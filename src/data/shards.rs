//! Which files a process reads, in which order, and the interleaved, shuffled record stream over
//! them. One `EpochStream` is one pass over this process's share of the data.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use super::error::{DataError, ErrorKind, Location, Result, SkipReport};
use super::rng::Rng;
use super::tfrecord::RecordReader;

/// Expands a comma-separated list of files, folders (the files directly inside) and `*`/`?`
/// patterns, local or in a bucket (`gs://b/imagenet/train-*`), sorted and de-duplicated. A pattern
/// that matches nothing is an error naming it.
pub fn list_files(spec: &str) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let storage_err = |e: crate::storage::StorageError| {
            let kind = if e.kind == crate::storage::StorageErrorKind::NoMatch { ErrorKind::EmptyShardList } else { ErrorKind::Io };
            DataError::new(kind, e.to_string())
        };
        let p = Path::new(part);
        if crate::storage::glob::has_wildcard(part) {
            out.extend(crate::storage::glob(part).map_err(|e| match e.kind {
                crate::storage::StorageErrorKind::NoMatch => {
                    DataError::new(ErrorKind::EmptyShardList, format!("no input files match '{}'", part))
                }
                _ => storage_err(e),
            })?);
        } else if crate::storage::is_dir(p).map_err(storage_err)? {
            out.extend(crate::storage::list(p).map_err(storage_err)?.0.into_iter().map(|(f, _)| f));
        } else {
            out.push(p.to_path_buf());
        }
    }
    out.sort();
    out.dedup();
    if out.is_empty() {
        return Err(DataError::new(ErrorKind::EmptyShardList, format!("no input files match '{}'", spec)));
    }
    Ok(out)
}

/// This process's place among `count` readers of the same data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProcessShard {
    pub index: usize,
    pub count: usize,
}

impl Default for ProcessShard {
    fn default() -> Self {
        ProcessShard { index: 0, count: 1 }
    }
}

impl ProcessShard {
    pub fn new(index: usize, count: usize) -> Result<Self> {
        if count == 0 || index >= count {
            return Err(DataError::new(ErrorKind::Format, format!("process index {} not in 0..{}", index, count)));
        }
        Ok(ProcessShard { index, count })
    }

    /// Whole files per process when there are at least as many files as processes (no process
    /// reads another's bytes); otherwise every process reads all files and keeps every
    /// `count`-th record.
    pub fn by_files(&self, n_files: usize) -> bool {
        n_files >= self.count
    }
}

/// How one pass over the data is read.
#[derive(Clone, Debug)]
pub struct StreamConfig {
    pub files: Vec<PathBuf>,
    pub shard: ProcessShard,
    /// Files read at once, one record from each in turn.
    pub cycle_length: usize,
    /// Records held for shuffling; 0 or 1 keeps file order.
    pub shuffle_buffer: usize,
    /// Shuffle the file order every epoch.
    pub shuffle_files: bool,
    pub seed: u64,
    pub verify_crc: bool,
    pub skip_bad: bool,
}

impl StreamConfig {
    pub fn new(files: Vec<PathBuf>) -> Self {
        StreamConfig {
            files,
            shard: ProcessShard::default(),
            cycle_length: 16,
            shuffle_buffer: 0,
            shuffle_files: false,
            seed: 0,
            verify_crc: true,
            skip_bad: false,
        }
    }
}

/// A record and where it came from (for errors found later, when it is decoded).
#[derive(Clone, Debug)]
pub struct Record {
    pub data: Vec<u8>,
    pub loc: Location,
}

/// One epoch of this process's records: files interleaved, optionally shuffled.
pub struct EpochStream {
    cfg: StreamConfig,
    files: VecDeque<PathBuf>,
    /// Readers in flight (remote ones each read ahead on their own).
    open: Vec<RecordReader>,
    turn: usize,
    /// Record-level sharding: the running count of records seen, to keep every `count`-th.
    seen: u64,
    by_files: bool,
    buffer: Vec<Record>,
    rng: Rng,
    pub report: SkipReport,
}

impl EpochStream {
    pub fn new(cfg: &StreamConfig, epoch: u64) -> Result<Self> {
        if cfg.files.is_empty() {
            return Err(DataError::new(ErrorKind::EmptyShardList, "no input files"));
        }
        let mut files = cfg.files.clone();
        if cfg.shuffle_files {
            // The same permutation on every process, so the file split stays disjoint.
            Rng::derive(cfg.seed, &[1, epoch]).shuffle(&mut files);
        }
        let by_files = cfg.shard.by_files(files.len());
        if by_files {
            files = files.into_iter().skip(cfg.shard.index).step_by(cfg.shard.count).collect();
        }
        Ok(EpochStream {
            cfg: cfg.clone(),
            files: files.into(),
            open: Vec::new(),
            turn: 0,
            seen: 0,
            by_files,
            buffer: Vec::new(),
            rng: Rng::derive(cfg.seed, &[2, epoch, cfg.shard.index as u64]),
            report: SkipReport::default(),
        })
    }

    /// The next record in interleaved order, before shuffling.
    fn next_interleaved(&mut self) -> Result<Option<Record>> {
        loop {
            while self.open.len() < self.cfg.cycle_length.max(1) {
                let Some(f) = self.files.pop_front() else { break };
                match RecordReader::open(&f, self.cfg.verify_crc) {
                    Ok(r) => self.open.push(r),
                    Err(e) if self.cfg.skip_bad => self.report.add(&e),
                    Err(e) => return Err(e),
                }
            }
            if self.open.is_empty() {
                return Ok(None);
            }
            let i = self.turn % self.open.len();
            let r = &mut self.open[i];
            let loc = r.location();
            let mut data = Vec::new();
            match r.read_into(&mut data) {
                Ok(true) => {
                    self.turn = i + 1;
                    self.seen += 1;
                    if !self.by_files && (self.seen - 1) % self.cfg.shard.count as u64 != self.cfg.shard.index as u64 {
                        continue;
                    }
                    return Ok(Some(Record { data, loc }));
                }
                Ok(false) => {
                    // Exhausted: the next file takes this slot, and the turn stays here.
                    self.open.remove(i);
                    self.turn = i;
                }
                Err(e) if self.cfg.skip_bad && e.kind.skippable() => {
                    // A bad data CRC still counts as a record for record-level sharding.
                    if e.kind == ErrorKind::BadDataCrc {
                        self.seen += 1;
                    }
                    self.report.add(&e);
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// The next record of the epoch (shuffled through the buffer when configured).
    pub fn next_record(&mut self) -> Result<Option<Record>> {
        let cap = self.cfg.shuffle_buffer;
        if cap <= 1 {
            return self.next_interleaved();
        }
        while self.buffer.len() < cap {
            match self.next_interleaved()? {
                Some(r) => self.buffer.push(r),
                None => break,
            }
        }
        if self.buffer.is_empty() {
            return Ok(None);
        }
        let j = self.rng.below(self.buffer.len() as u64) as usize;
        Ok(Some(self.buffer.swap_remove(j)))
    }
}

impl Iterator for EpochStream {
    type Item = Result<Record>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_record().transpose()
    }
}
