//! TensorBoard event files: scalars (loss, lr, gradient norm, throughput, evaluation metrics) as
//! `tensorflow.Event` protos in TFRecord frames, readable by TensorBoard with no TensorFlow here.
//!
//! The file starts with an event carrying `file_version = "brain.Event:2"`; each later event holds
//! a wall time, a step and a `Summary` of `simple_value` scalars. Each file's second event is a
//! `SessionLog START` at the run's first step: TensorBoard drops the points at or after that step
//! from the files before it, so a run resumed from a checkpoint hides what the killed run had
//! logged past it (checked by hand with TensorBoard 2.21, both its Rust data server and its Python
//! loaders).
//!
//! A `gs://`/`s3://` log folder gets its event file written to a local staging copy, uploaded
//! whole on every flush (at most every `flush_every`, and at the end): object stores cannot append.
//!
//! The protos are encoded by a few lines here rather than by the encoders in `runtime::compile`
//! and `data::example`: both are private to their modules, and a protobuf helper is no part of
//! either module's job; sharing one would take a small crate-level `proto` module.

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use super::metrics::unix_seconds;
use crate::data::tfrecord::RecordWriter;

/// The version string TensorBoard expects in the first event of a file.
pub const FILE_VERSION: &str = "brain.Event:2";

/// A buffered event file; dropped or flushed, everything added so far is on disk.
pub struct SummaryWriter {
    out: BufWriter<File>,
    path: PathBuf,
    /// The upload destination when the log folder is on object storage.
    remote: Option<crate::storage::StagedFile>,
    last_flush: Instant,
    /// Buffered events are flushed at the first `add_*` after this much time, so a killed run
    /// loses at most this much of its curves without a syscall per scalar.
    pub flush_every: Duration,
}

impl SummaryWriter {
    /// A fresh run's event file `events.out.tfevents.<unix_ts>.<hostname>` in `log_dir` (created if
    /// needed). Its `SessionLog START` at step 0 also hides what an earlier run left in the same
    /// directory, as the fresh metrics log replaces the old one.
    pub fn create(log_dir: &Path) -> Result<Self> {
        Self::open(log_dir, 0)
    }

    /// A new event file for a run resumed after `step`: its `SessionLog START` at `step + 1` tells
    /// TensorBoard to drop the points at later steps from this directory's earlier files.
    pub fn resume(log_dir: &Path, step: u64) -> Result<Self> {
        Self::open(log_dir, step + 1)
    }

    fn open(log_dir: &Path, start_step: u64) -> Result<Self> {
        let now = unix_seconds();
        let name = format!("events.out.tfevents.{}.{}", now as u64, hostname());
        let (file, path, remote) = if crate::storage::is_remote(log_dir) {
            let staged = crate::storage::StagedFile::new(&log_dir.join(&name), false)?;
            let file = File::create(staged.local()).with_context(|| format!("creating {}", staged.local().display()))?;
            (file, staged.dest().to_path_buf(), Some(staged))
        } else {
            fs::create_dir_all(log_dir).with_context(|| format!("creating log directory {}", log_dir.display()))?;
            let (file, path) = create_unique(log_dir, &name)?;
            (file, path, None)
        };
        let mut w =
            SummaryWriter { out: BufWriter::new(file), path, remote, last_flush: Instant::now(), flush_every: Duration::from_secs(10) };
        let mut ev = Proto::default();
        ev.double(1, now);
        ev.bytes(3, FILE_VERSION.as_bytes());
        w.record(&ev.buf)?;
        let mut log = Proto::default();
        log.varint_field(1, SESSION_START);
        let mut ev = Proto::default();
        ev.double(1, now);
        ev.varint_field(2, start_step);
        ev.bytes(7, &log.buf);
        w.record(&ev.buf)?;
        w.flush()?;
        Ok(w)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// One scalar (stored as f32, TensorBoard's `simple_value`).
    pub fn add_scalar(&mut self, tag: &str, step: u64, value: f64) -> Result<()> {
        self.add_scalars(step, &[(tag, value)])
    }

    /// Several scalars of one step in a single event.
    pub fn add_scalars(&mut self, step: u64, values: &[(&str, f64)]) -> Result<()> {
        self.add_scalars_at(step, unix_seconds(), values)
    }

    /// As [`add_scalars`](Self::add_scalars), with an explicit wall time (Unix seconds).
    pub fn add_scalars_at(&mut self, step: u64, wall_time: f64, values: &[(&str, f64)]) -> Result<()> {
        let mut summary = Proto::default();
        for (tag, v) in values {
            let mut value = Proto::default();
            value.bytes(1, tag.as_bytes());
            value.float(2, *v as f32);
            summary.bytes(1, &value.buf);
        }
        let mut ev = Proto::default();
        ev.double(1, wall_time);
        ev.varint_field(2, step);
        ev.bytes(5, &summary.buf);
        self.record(&ev.buf)?;
        if self.last_flush.elapsed() >= self.flush_every {
            self.flush()?;
        }
        Ok(())
    }

    pub fn flush(&mut self) -> Result<()> {
        self.last_flush = Instant::now();
        self.out.flush().with_context(|| format!("flushing {}", self.path.display()))?;
        if let Some(r) = &self.remote {
            r.sync()?;
        }
        Ok(())
    }

    fn record(&mut self, event: &[u8]) -> Result<()> {
        RecordWriter::new(&mut self.out).write(event).with_context(|| format!("writing {}", self.path.display()))
    }
}

impl Drop for SummaryWriter {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

const SESSION_START: u64 = 1; // SessionLog.SessionStatus.START

/// Opens `dir/name`, or `dir/name.1`, `.2`... if it exists: a run restarted within the same second
/// must not overwrite the file of the run before it.
fn create_unique(dir: &Path, name: &str) -> Result<(File, PathBuf)> {
    for i in 0u32.. {
        let path = if i == 0 { dir.join(name) } else { dir.join(format!("{}.{}", name, i)) };
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(f) => return Ok((f, path)),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e).with_context(|| format!("creating {}", path.display())),
        }
    }
    unreachable!()
}

/// The host name for the file name, without a dependency: the kernel's, else `$HOSTNAME`.
fn hostname() -> String {
    let name = fs::read_to_string("/proc/sys/kernel/hostname").ok().or_else(|| std::env::var("HOSTNAME").ok()).unwrap_or_default();
    let name: String = name.trim().chars().filter(|c| c.is_ascii_alphanumeric() || "-_.".contains(*c)).collect();
    if name.is_empty() {
        "localhost".to_string()
    } else {
        name
    }
}

/// Just the protobuf encodings an Event needs: varint, fixed64 (double), fixed32 (float) and
/// length-delimited fields.
#[derive(Default)]
struct Proto {
    buf: Vec<u8>,
}

impl Proto {
    fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    fn tag(&mut self, field: u32, wire: u64) {
        self.varint((field as u64) << 3 | wire);
    }

    fn varint_field(&mut self, field: u32, v: u64) {
        self.tag(field, 0);
        self.varint(v);
    }

    fn double(&mut self, field: u32, v: f64) {
        self.tag(field, 1);
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    fn bytes(&mut self, field: u32, v: &[u8]) {
        self.tag(field, 2);
        self.varint(v.len() as u64);
        self.buf.extend_from_slice(v);
    }

    fn float(&mut self, field: u32, v: f32) {
        self.tag(field, 5);
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::tfrecord::read_all;

    /// A decoded field: (number, value), where a value is a varint, 8 or 4 fixed bytes, or bytes.
    #[derive(Debug, Clone, PartialEq)]
    enum Val {
        Int(u64),
        F64(f64),
        F32(f32),
        Bytes(Vec<u8>),
    }

    fn decode(mut b: &[u8]) -> Vec<(u32, Val)> {
        fn varint(b: &mut &[u8]) -> u64 {
            let mut v = 0u64;
            for shift in (0..64).step_by(7) {
                let byte = b[0];
                *b = &b[1..];
                v |= ((byte & 0x7f) as u64) << shift;
                if byte < 0x80 {
                    break;
                }
            }
            v
        }
        let mut out = Vec::new();
        while !b.is_empty() {
            let key = varint(&mut b);
            let val = match key & 7 {
                0 => Val::Int(varint(&mut b)),
                1 => {
                    let v = f64::from_le_bytes(b[..8].try_into().unwrap());
                    b = &b[8..];
                    Val::F64(v)
                }
                2 => {
                    let n = varint(&mut b) as usize;
                    let v = b[..n].to_vec();
                    b = &b[n..];
                    Val::Bytes(v)
                }
                5 => {
                    let v = f32::from_le_bytes(b[..4].try_into().unwrap());
                    b = &b[4..];
                    Val::F32(v)
                }
                w => panic!("unexpected wire type {}", w),
            };
            out.push(((key >> 3) as u32, val));
        }
        out
    }

    fn field(fields: &[(u32, Val)], n: u32) -> Option<Val> {
        fields.iter().find(|(k, _)| *k == n).map(|(_, v)| v.clone())
    }

    fn bytes(v: Option<Val>) -> Vec<u8> {
        match v {
            Some(Val::Bytes(b)) => b,
            other => panic!("expected bytes, got {:?}", other),
        }
    }

    /// (step, [(tag, value)]) of every scalar event, checking each event's wall time is set.
    fn scalars(records: &[Vec<u8>]) -> Vec<(u64, Vec<(String, f32)>)> {
        let mut out = Vec::new();
        for r in records {
            let ev = decode(r);
            assert!(matches!(field(&ev, 1), Some(Val::F64(t)) if t > 1.6e9), "{:?}", ev);
            let Some(summary) = field(&ev, 5) else { continue };
            let step = match field(&ev, 2) {
                Some(Val::Int(s)) => s,
                other => panic!("step {:?}", other),
            };
            let mut values = Vec::new();
            for (k, v) in decode(&bytes(Some(summary))) {
                assert_eq!(k, 1);
                let value = decode(&bytes(Some(v)));
                let tag = String::from_utf8(bytes(field(&value, 1))).unwrap();
                let Some(Val::F32(x)) = field(&value, 2) else { panic!("simple_value {:?}", value) };
                values.push((tag, x));
            }
            out.push((step, values));
        }
        out
    }

    fn log_dir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("bamboo-tb-{}-{}", tag, std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn varints_match_protobuf() {
        for (v, want) in [(0u64, vec![0u8]), (1, vec![1]), (127, vec![127]), (128, vec![0x80, 1]), (300, vec![0xac, 2])] {
            let mut p = Proto::default();
            p.varint(v);
            assert_eq!(p.buf, want, "{}", v);
        }
        let mut p = Proto::default();
        p.varint(u64::MAX);
        assert_eq!(p.buf.len(), 10);
        // Tag bytes: field 1 double = 0x09, field 2 varint = 0x10, field 5 bytes = 0x2a, float = 0x15.
        let mut p = Proto::default();
        p.double(1, 0.0);
        p.varint_field(2, 0);
        p.bytes(5, b"");
        p.float(2, 0.0);
        assert_eq!((p.buf[0], p.buf[9], p.buf[11], p.buf[13]), (0x09, 0x10, 0x2a, 0x15));
    }

    #[test]
    fn scalars_read_back() {
        let d = log_dir("read");
        let mut w = SummaryWriter::create(&d).unwrap();
        let name = w.path().file_name().unwrap().to_str().unwrap().to_string();
        assert!(name.starts_with("events.out.tfevents."), "{}", name);
        w.add_scalar("train/loss", 1, 2.5).unwrap();
        w.add_scalar("train/loss", 2, 1.25).unwrap();
        w.add_scalars(300, &[("train/lr", 1.2e-4), ("train/grad_norm", 3.0)]).unwrap();
        w.flush().unwrap();

        let records = read_all(w.path()).unwrap(); // CRC-checked
        assert_eq!(records.len(), 5);
        let first = decode(&records[0]);
        assert_eq!(bytes(field(&first, 3)), FILE_VERSION.as_bytes());
        let start = decode(&records[1]);
        assert_eq!(field(&start, 2), Some(Val::Int(0)));
        assert_eq!(decode(&bytes(field(&start, 7))), vec![(1, Val::Int(SESSION_START))]);
        assert_eq!(
            scalars(&records),
            vec![
                (1, vec![("train/loss".to_string(), 2.5)]),
                (2, vec![("train/loss".to_string(), 1.25)]),
                (300, vec![("train/lr".to_string(), 1.2e-4f32), ("train/grad_norm".to_string(), 3.0)]),
            ]
        );

        // Same second, same directory: a second file, not an overwrite.
        drop(w);
        let w2 = SummaryWriter::create(&d).unwrap();
        assert_eq!(fs::read_dir(&d).unwrap().count(), 2);
        assert_eq!(read_all(w2.path()).unwrap().len(), 2);
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn drop_flushes_and_resume_marks_a_restart() {
        let d = log_dir("resume");
        let path = {
            let mut w = SummaryWriter::resume(&d, 30).unwrap();
            w.add_scalar("loss", 31, 0.5).unwrap();
            w.path().to_path_buf()
        };
        let records = read_all(&path).unwrap();
        assert_eq!(records.len(), 3);
        let start = decode(&records[1]);
        assert_eq!(field(&start, 2), Some(Val::Int(31)));
        assert_eq!(decode(&bytes(field(&start, 7))), vec![(1, Val::Int(SESSION_START))]);
        assert_eq!(scalars(&records), vec![(31, vec![("loss".to_string(), 0.5)])]);
        let _ = fs::remove_dir_all(&d);
    }
}
