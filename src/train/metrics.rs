//! Per-step metrics as JSON lines, and the guard that stops a run on a NaN or Inf.
//!
//! `metrics.jsonl` holds one object per line, `{"step": N, "time": unix_seconds, "loss": ..., ...}`,
//! keys in the order they were given. Each line goes to the file in one `write` with no user-space
//! buffer, so a killed process keeps every line logged before the kill (an fsync per step would
//! cost more than it buys; power loss may still drop the tail). A resumed run first drops the
//! lines after the step it resumes from, so the log never holds a step twice.
//!
//! In a `gs://`/`s3://` run folder the log is kept in a local staging copy and uploaded whole by
//! `sync` (the loop calls it at each checkpoint and at the end): object stores cannot append.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};

pub const FILE_NAME: &str = "metrics.jsonl";

/// Appends metric lines to `<run_dir>/metrics.jsonl`.
pub struct MetricsWriter {
    file: File,
    /// The file written (the staging copy for a remote run folder).
    path: PathBuf,
    staged: crate::storage::StagedFile,
}

impl MetricsWriter {
    /// A fresh run: creates the run directory if needed and starts an empty log (an old log in the
    /// same directory belongs to a run that is being replaced, so it is truncated).
    pub fn create(run_dir: &Path) -> Result<Self> {
        crate::storage::create_dir_all(run_dir).with_context(|| format!("creating run directory {}", run_dir.display()))?;
        let staged = crate::storage::StagedFile::new(&run_dir.join(FILE_NAME), false)?;
        let path = staged.local().to_path_buf();
        let file = File::create(&path).with_context(|| format!("creating {}", path.display()))?;
        Ok(MetricsWriter { file, path, staged })
    }

    /// A run resumed after `step`: keeps the lines with `step <= step` and appends after them.
    /// Lines that do not parse (a line cut by a kill) are dropped too. A missing log starts empty.
    pub fn resume(run_dir: &Path, step: u64) -> Result<Self> {
        let staged = crate::storage::StagedFile::new(&run_dir.join(FILE_NAME), true)?;
        let path = staged.local().to_path_buf();
        if !path.exists() {
            return Self::create(run_dir);
        }
        let kept = kept_lines(&path, step)?;
        // Rewrite through a temporary file and a rename, so a kill during the rewrite leaves either
        // the old log or the truncated one, never half of it.
        let tmp = PathBuf::from(format!("{}.tmp", path.display()));
        {
            let mut f = File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
            f.write_all(kept.as_bytes()).and_then(|_| f.sync_all()).with_context(|| format!("writing {}", tmp.display()))?;
        }
        fs::rename(&tmp, &path).with_context(|| format!("replacing {}", path.display()))?;
        let file = OpenOptions::new().append(true).open(&path).with_context(|| format!("opening {}", path.display()))?;
        let w = MetricsWriter { file, path, staged };
        w.sync()?;
        Ok(w)
    }

    /// Uploads the log when the run folder is on object storage (a no-op locally, where every
    /// line is already in the file).
    pub fn sync(&self) -> Result<()> {
        self.staged.sync().with_context(|| format!("uploading {}", self.staged.dest().display()))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Logs one line stamped with the current time. NaN and Inf have no JSON form and are written
    /// as `null`.
    pub fn log(&mut self, step: u64, values: &[(&str, f64)]) -> Result<()> {
        self.log_at(step, unix_seconds(), values)
    }

    /// Logs one line with an explicit time (seconds since the Unix epoch).
    pub fn log_at(&mut self, step: u64, time: f64, values: &[(&str, f64)]) -> Result<()> {
        let line = format_line(step, time, values)?;
        self.file.write_all(line.as_bytes()).with_context(|| format!("appending to {}", self.path.display()))
    }
}

/// Seconds since the Unix epoch, with sub-second precision.
pub fn unix_seconds() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

/// One JSON line, newline included. Built by hand so the keys keep the caller's order
/// (serde_json's map sorts them unless its `preserve_order` feature is on).
fn format_line(step: u64, time: f64, values: &[(&str, f64)]) -> Result<String> {
    let mut line = format!("{{\"step\":{},\"time\":{}", step, json_number(time));
    for (i, (name, v)) in values.iter().enumerate() {
        if *name == "step" || *name == "time" || values[..i].iter().any(|(n, _)| n == name) {
            bail!("metric name {:?} at step {} is reserved or given twice", name, step);
        }
        line.push(',');
        line.push_str(&serde_json::to_string(name)?);
        line.push(':');
        line.push_str(&json_number(*v));
    }
    line.push_str("}\n");
    Ok(line)
}

fn json_number(v: f64) -> String {
    // serde_json writes the shortest form that reads back to the same f64, and null for NaN/Inf.
    serde_json::Value::from(v).to_string()
}

/// The lines of an existing log that a run resumed after `step` keeps, newline-terminated.
fn kept_lines(path: &Path, step: u64) -> Result<String> {
    let f = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut kept = String::new();
    for line in BufReader::new(f).lines() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        let parsed: Option<u64> =
            serde_json::from_str::<serde_json::Value>(&line).ok().and_then(|v| v.get("step").and_then(|s| s.as_u64()));
        if matches!(parsed, Some(s) if s <= step) {
            kept.push_str(&line);
            kept.push('\n');
        }
    }
    Ok(kept)
}

/// The error a run stops with when a watched value stops being finite. The loop can downcast an
/// `anyhow::Error` to it (for an exit code, or to skip writing a checkpoint).
#[derive(Debug, Clone, PartialEq)]
pub struct NonFinite {
    pub step: u64,
    pub name: String,
    pub value: f64,
    /// The last checkpoint written before the failure: its step and where it is.
    pub last_good: Option<(u64, PathBuf)>,
}

impl fmt::Display for NonFinite {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.value.is_nan() {
            "NaN"
        } else if self.value > 0.0 {
            "+Inf"
        } else {
            "-Inf"
        };
        write!(f, "{} became {} at step {}; ", self.name, what, self.step)?;
        match &self.last_good {
            Some((s, p)) => write!(
                f,
                "the last good checkpoint (step {}) is kept at {} (resume from it, perhaps with a lower learning rate)",
                s,
                p.display()
            ),
            None => write!(f, "no checkpoint had been written yet"),
        }
    }
}

impl std::error::Error for NonFinite {}

/// `Ok` while `value` is finite; otherwise a [`NonFinite`] error naming the value, the step and
/// the last good checkpoint, which the loop must leave untouched.
pub fn check_finite(step: u64, name: &str, value: f64, last_good: Option<(u64, &Path)>) -> Result<()> {
    if value.is_finite() {
        return Ok(());
    }
    Err(NonFinite { step, name: name.to_string(), value, last_good: last_good.map(|(s, p)| (s, p.to_path_buf())) }.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn run_dir(tag: &str) -> PathBuf {
        static N: AtomicUsize = AtomicUsize::new(0);
        let d = std::env::temp_dir().join(format!("bamboo-metrics-{}-{}-{}", tag, std::process::id(), N.fetch_add(1, Ordering::SeqCst)));
        let _ = fs::remove_dir_all(&d);
        d
    }

    fn steps_in(path: &Path) -> Vec<u64> {
        fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["step"].as_u64().unwrap())
            .collect()
    }

    #[test]
    fn lines_keep_key_order_and_values() {
        let d = run_dir("order");
        let mut w = MetricsWriter::create(&d).unwrap();
        w.log_at(3, 1700000000.25, &[("loss", 0.5), ("lr", 1.2e-4), ("grad_norm", f64::NAN)]).unwrap();
        let text = fs::read_to_string(w.path()).unwrap();
        assert_eq!(text, "{\"step\":3,\"time\":1700000000.25,\"loss\":0.5,\"lr\":0.00012,\"grad_norm\":null}\n");
        let v: serde_json::Value = serde_json::from_str(text.trim_end()).unwrap();
        assert_eq!(v["lr"].as_f64().unwrap(), 1.2e-4);
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn every_line_is_on_disk_before_drop() {
        let d = run_dir("flush");
        let mut w = MetricsWriter::create(&d).unwrap();
        for s in 1..=3 {
            w.log(s, &[("loss", s as f64)]).unwrap();
            // Read through another handle while the writer is alive: nothing is held back.
            assert_eq!(steps_in(&d.join(FILE_NAME)), (1..=s).collect::<Vec<_>>());
        }
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn resume_drops_later_steps_and_cut_lines() {
        let d = run_dir("resume");
        let mut w = MetricsWriter::create(&d).unwrap();
        for s in 1..=7 {
            w.log(s, &[("loss", 1.0 / s as f64)]).unwrap();
        }
        drop(w);
        // A kill in the middle of a write leaves a cut last line.
        let mut f = OpenOptions::new().append(true).open(d.join(FILE_NAME)).unwrap();
        f.write_all(b"{\"step\":8,\"ti").unwrap();
        drop(f);

        let mut w = MetricsWriter::resume(&d, 5).unwrap();
        assert_eq!(steps_in(w.path()), vec![1, 2, 3, 4, 5]);
        for s in 6..=8 {
            w.log(s, &[("loss", 0.0)]).unwrap();
        }
        assert_eq!(steps_in(w.path()), (1..=8).collect::<Vec<_>>());
        assert!(!d.join(format!("{}.tmp", FILE_NAME)).exists());
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn resume_without_a_log_starts_one() {
        let d = run_dir("nolog");
        let mut w = MetricsWriter::resume(&d, 10).unwrap();
        w.log(11, &[("loss", 1.0)]).unwrap();
        assert_eq!(steps_in(w.path()), vec![11]);
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn reserved_and_repeated_names_are_refused() {
        assert!(format_line(1, 0.0, &[("step", 1.0)]).is_err());
        assert!(format_line(1, 0.0, &[("time", 1.0)]).is_err());
        assert!(format_line(1, 0.0, &[("loss", 1.0), ("loss", 2.0)]).is_err());
        // Names are escaped as JSON strings.
        assert_eq!(format_line(1, 2.0, &[("a\"b", 1.0)]).unwrap(), "{\"step\":1,\"time\":2.0,\"a\\\"b\":1.0}\n");
    }

    #[test]
    fn non_finite_messages() {
        assert!(check_finite(5, "loss", 0.3, None).is_ok());
        let e = check_finite(37, "loss", f64::NAN, Some((30, Path::new("runs/a/ckpt-30")))).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("loss became NaN at step 37;"), "{}", msg);
        assert!(msg.contains("the last good checkpoint (step 30) is kept at runs/a/ckpt-30"), "{}", msg);
        let nf = e.downcast_ref::<NonFinite>().unwrap();
        assert_eq!((nf.step, nf.last_good.as_ref().unwrap().0), (37, 30));

        let msg = check_finite(2, "grad_norm", f64::INFINITY, None).unwrap_err().to_string();
        assert!(msg.starts_with("grad_norm became +Inf at step 2;"), "{}", msg);
        assert!(msg.contains("no checkpoint had been written yet"), "{}", msg);
        let msg = check_finite(2, "loss", f64::NEG_INFINITY, None).unwrap_err().to_string();
        assert!(msg.contains("-Inf"), "{}", msg);
    }
}
