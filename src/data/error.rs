//! One error type for the whole input pipeline. Every error that concerns a record says where it
//! is (file, record index, byte offset) so a bad shard among thousands can be found and fixed.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong; tests and `--skip-bad` match on this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file ends inside a record's header, data or footer.
    Truncated,
    /// The masked CRC32C of the 8 length bytes does not match.
    BadLengthCrc,
    /// The masked CRC32C of the record data does not match.
    BadDataCrc,
    /// The record does not parse as a tf.Example protocol buffer.
    NotExample,
    /// A feature is absent, of the wrong type, or of the wrong length.
    Feature,
    /// The image bytes do not decode.
    Image,
    /// No input files were given or matched.
    EmptyShardList,
    /// Any other malformed input (IDX headers, TSV columns, text).
    Format,
    /// Operating-system I/O failure.
    Io,
}

impl ErrorKind {
    /// Whether skipping this record (or the rest of its file) lets reading go on.
    pub fn skippable(self) -> bool {
        !matches!(self, ErrorKind::EmptyShardList | ErrorKind::Io)
    }
}

/// Where in the input an error was found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub file: Option<PathBuf>,
    /// 0-based index of the record within its file.
    pub record: Option<u64>,
    /// Byte offset of the record's start within its file.
    pub offset: Option<u64>,
}

#[derive(Debug)]
pub struct DataError {
    pub kind: ErrorKind,
    pub loc: Location,
    pub detail: String,
    pub source: Option<std::io::Error>,
}

pub type Result<T, E = DataError> = std::result::Result<T, E>;

impl DataError {
    pub fn new(kind: ErrorKind, detail: impl Into<String>) -> Self {
        DataError { kind, loc: Location::default(), detail: detail.into(), source: None }
    }

    pub fn io(path: &Path, e: std::io::Error) -> Self {
        let mut d = DataError::new(ErrorKind::Io, e.to_string());
        d.loc.file = Some(path.to_path_buf());
        d.source = Some(e);
        d
    }

    pub fn at(mut self, loc: &Location) -> Self {
        if self.loc.file.is_none() {
            self.loc.file = loc.file.clone();
        }
        if self.loc.record.is_none() {
            self.loc.record = loc.record;
        }
        if self.loc.offset.is_none() {
            self.loc.offset = loc.offset;
        }
        self
    }

    pub fn in_file(mut self, file: &Path) -> Self {
        self.loc.file.get_or_insert_with(|| file.to_path_buf());
        self
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = &self.loc.file {
            write!(f, "{}", p.display())?;
            if let Some(r) = self.loc.record {
                write!(f, ": record {}", r)?;
            }
            if let Some(o) = self.loc.offset {
                write!(f, " (byte offset {})", o)?;
            }
            write!(f, ": ")?;
        }
        let what = match self.kind {
            ErrorKind::Truncated => "truncated file",
            ErrorKind::BadLengthCrc => "bad length CRC",
            ErrorKind::BadDataCrc => "bad data CRC",
            ErrorKind::NotExample => "not a tf.Example",
            ErrorKind::Feature => "bad feature",
            ErrorKind::Image => "image does not decode",
            ErrorKind::EmptyShardList => "empty shard list",
            ErrorKind::Format => "bad format",
            ErrorKind::Io => "I/O error",
        };
        write!(f, "{}: {}", what, self.detail)
    }
}

impl std::error::Error for DataError {
    /// The I/O error's own source: its message is already `detail`, so returning the I/O error
    /// itself would print it twice in an error chain (`{:#}`).
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().and_then(|e| e.source())
    }
}

/// Counts of what `--skip-bad` skipped, reported at the end of a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SkipReport {
    pub skipped: u64,
    /// The first few errors in full, for the report.
    pub first: Vec<String>,
    pub by_kind: Vec<(String, u64)>,
}

impl SkipReport {
    pub fn add(&mut self, e: &DataError) {
        self.skipped += 1;
        if self.first.len() < 10 {
            self.first.push(e.to_string());
        }
        let k = format!("{:?}", e.kind);
        match self.by_kind.iter_mut().find(|(n, _)| *n == k) {
            Some((_, c)) => *c += 1,
            None => self.by_kind.push((k, 1)),
        }
    }

    pub fn merge(&mut self, o: &SkipReport) {
        self.skipped += o.skipped;
        for f in &o.first {
            if self.first.len() < 10 {
                self.first.push(f.clone());
            }
        }
        for (k, c) in &o.by_kind {
            match self.by_kind.iter_mut().find(|(n, _)| n == k) {
                Some((_, x)) => *x += c,
                None => self.by_kind.push((k.clone(), *c)),
            }
        }
    }
}

impl fmt::Display for SkipReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "skipped {} bad record(s)", self.skipped)?;
        for (k, c) in &self.by_kind {
            write!(f, "; {}: {}", k, c)?;
        }
        for e in &self.first {
            write!(f, "\n  {}", e)?;
        }
        Ok(())
    }
}
